"""The index as one object: structured store, vector store, embedder and retriever,
built from plain values (the CLI and UI build those values from `Settings`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from .build import Ingester
from .embed import DEFAULT_BACKEND, Embedder, make_embedder
from .errors import NoticeNotFound
from .records import Hit, IngestReport, Notice
from .retrieve import HybridRetriever
from .store import Store
from .vectors import VectorStore


@dataclass(frozen=True)
class IndexConfig:
    index_dir: Path
    embedding_model: str = "all-MiniLM-L6-v2"
    chroma_host: str | None = None
    chroma_port: int | None = None
    max_file_bytes: int = 5_000_000
    embed_batch_size: int = 32  # measured: 17% faster and half the memory growth of 64
    embedding_backend: str = DEFAULT_BACKEND
    model_cache_dir: Path | None = None  # exported ONNX graphs; default models/ beside index_dir


class Library:
    """Everything indexed, and the operations on it. Heavy parts load on first use."""

    def __init__(self, config: IndexConfig, embedder: Embedder | None = None):
        self.config = config
        self._embedder = embedder

    @cached_property
    def embedder(self) -> Embedder:
        c = self.config
        return self._embedder or make_embedder(c.embedding_model, c.embedding_backend,
                                               c.embed_batch_size,
                                               c.model_cache_dir or Path(c.index_dir).parent / "models")

    @cached_property
    def store(self) -> Store:
        return Store(self.config.index_dir)

    @cached_property
    def vectors(self) -> VectorStore:
        """The Chroma collection, opened now: raises IndexUnavailable (saying what to do)
        when a server is set and does not answer."""
        host = self.config.chroma_host
        return VectorStore(self.config.index_dir, self.embedder, host, self.config.chroma_port,
                           self.store.index_id() if host else None).open()

    @cached_property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(self.store, self.vectors, self.embedder)

    def ingest(self, paths: Iterable[Path], prune: bool = False,
               progress: Callable = lambda it: it) -> IngestReport:
        """Add, update (and with `prune`, drop) notices; see `index.build`. Refused with
        IndexUnavailable while another ingest into the same index runs."""
        with self.store.ingest_lock():
            try:
                return Ingester(self.store, self.vectors, self.embedder, self.config.max_file_bytes,
                                self.config.index_dir).run(paths, prune, progress)
            finally:
                self.__dict__.pop("retriever", None)  # the next search sees the new notices

    def notices(self) -> list[Notice]:
        return self.store.notices()

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
