"""The index as one object: structured store, vector store, embedder and retriever,
built from plain values (the CLI and UI build those values from `Settings`).

Other writers: a Library that stays open (the web UI) calls `sync()` before it answers;
when the store's generation moved (another process, or another Library, ingested), the
retriever is rebuilt on next use and an embedded Chroma is opened again, as its client
keeps the vector index of the moment it opened in memory (a Chroma server needs no
reopening). Left out: pushing changes to readers; they look when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
import threading
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from .embed import Embedder, make_embedder
from .errors import NoticeNotFound
from .load import Limits
from .records import Hit, IngestReport, Notice
from .retrieve import HybridRetriever
from .store import Store
from .vectors import VectorStore


@dataclass(frozen=True)
class IndexConfig:
    """Every value comes from `assistant.settings.Settings.index_config()` (the one place
    with defaults); tests and benchmarks build it there too."""

    index_dir: Path
    embedding_model: str
    embedding_backend: str
    embed_batch_size: int
    model_cache_dir: Path  # exported ONNX graphs
    chroma_host: str | None  # None: the embedded Chroma in index_dir
    chroma_port: int | None
    max_file_bytes: int
    limits: Limits  # inflated size, text length, PDF pages, parse seconds (see index.load)
    follow_links_inside: bool  # links that stay inside a folder ingested (index.build.collect)


class Library:
    """Everything indexed, and the operations on it. Heavy parts load on first use."""

    def __init__(self, config: IndexConfig, embedder: Embedder | None = None):
        self.config = config
        self._embedder = embedder
        self._generation = -1       # the store's generation what is cached here was read at
        self._ingesting = False
        self._sync_lock = threading.Lock()

    @cached_property
    def embedder(self) -> Embedder:
        c = self.config
        return self._embedder or make_embedder(c.embedding_model, c.embedding_backend,
                                               c.embed_batch_size, c.model_cache_dir)

    @cached_property
    def store(self) -> Store:
        store = Store(self.config.index_dir)
        self._generation = store.generation()
        return store

    @cached_property
    def vectors(self) -> VectorStore:
        """The Chroma collection, opened now: raises IndexUnavailable (saying what to do)
        when a server is set and does not answer."""
        host = self.config.chroma_host
        return VectorStore(self.config.index_dir, self.embedder, host, self.config.chroma_port,
                           self.store.index_id() if host else None).open()

    @cached_property
    def retriever(self) -> HybridRetriever:
        # A server is asked at once (one that does not answer is reported before any
        # search); the embedded Chroma is opened only by a search that needs it.
        vectors = self.vectors if self.config.chroma_host else (lambda: self.vectors)
        return HybridRetriever(self.store, vectors, self.embedder, self.config.index_dir / "sparse")

    def ingest(self, paths: Iterable[Path], prune: bool = False,
               progress: Callable = lambda it: it, wait_s: float = 0,
               waiting: Callable[[float], None] | None = None) -> IngestReport:
        """Add, update (and with `prune`, drop) notices; see `index.build`. While another
        ingest into the same index runs, wait up to `wait_s` seconds for it (`waiting` is
        told once), then raise IndexBusy."""
        from .build import Ingester  # here: reading files needs parsers a reader never loads

        with self.store.ingest_lock(wait_s, waiting):
            self.sync()  # write through a Chroma client that has seen the other writer
            self._ingesting = True  # our own writes: `sync` must not reopen the client meanwhile
            try:
                return Ingester(self.store, self.vectors, self.embedder, self.config.max_file_bytes,
                                self.config.index_dir, self.config.limits,
                                self.config.follow_links_inside).run(paths, prune, progress)
            finally:
                self.__dict__.pop("retriever", None)  # the next search sees the new notices
                self._generation = self.store.generation()
                self._ingesting = False

    def prepare_search(self) -> None:
        """Build and keep the search index of what is indexed now, and copy into the store
        the passage vectors it lacks (an index made before the store kept them), so that
        the first search of a new process only opens them (`vacancy ingest` calls this)."""
        _ = self.retriever.sparse
        model = self.embedder.name
        missing = sorted(self.store.embed_keys() - self.store.vector_keys(model))
        for i in range(0, len(missing), 500):
            found = self.vectors.vectors(missing[i:i + 500])
            self.store.put_vectors(model, list(found), list(found.values()))

    def generation(self) -> int:
        """The store's generation now (one small query); see `Store.generation`."""
        return self.store.generation()

    def sync(self) -> bool:
        """Catch up with other writers: True (and cached parts dropped, see the module
        docstring) when the notices changed since this Library last read them. False
        while this Library itself ingests (a reader thread then keeps the writer's client,
        which sees its own writes)."""
        with self._sync_lock:
            now = self.store.generation()
            if now == self._generation or self._ingesting:
                return False
            self._generation = now
            self.__dict__.pop("retriever", None)
            if "vectors" in self.__dict__ and not self.config.chroma_host:
                _forget_embedded_client(self.config.index_dir / "chroma")
                self.__dict__.pop("vectors")
            return True

    def notices(self) -> list[Notice]:
        return self.store.notices()

    def notice_ids(self) -> list[str]:
        return self.store.notice_ids()

    def notice(self, notice_id: str) -> Notice | None:
        return self.store.notice(notice_id)

    def search(self, query: str, k: int = 5, notice_ids: Iterable[str] | None = None,
               mode: str = "hybrid") -> list[Hit]:
        return self.retriever.search(query, k, notice_ids, mode)

    def find_notice(self, ref: str) -> Notice:
        """A notice by id, file name, file stem (or its unique prefix) or a title fragment
        matching exactly one."""
        notices = self.notices()
        ref_l = ref.strip().lower()
        for n in notices:
            if ref_l in (n.id.lower(), n.source.lower(), n.stem.lower()):
                return n
        matches = [n for n in notices if n.stem.lower().startswith(ref_l)] or \
            [n for n in notices if n.title and ref_l in n.title.lower()]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NoticeNotFound(f"no notice matches '{ref}'; run `vacancy list` to see "
                                 "the indexed notices")
        names = "; ".join(f"{n.stem} ({n.title})" for n in matches)
        raise NoticeNotFound(f"'{ref}' matches {len(matches)} notices: {names}; "
                             "give the file name or id")


def _forget_embedded_client(path: Path) -> None:
    """Make the next embedded Chroma client for `path` load the index from disk again:
    Chroma shares one in-memory system per folder and process, and that system does not
    see what another process wrote. Clients already opened keep the old one until they
    are dropped."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)
