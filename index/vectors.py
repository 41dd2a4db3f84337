"""The one adapter to Chroma: a collection of passage embeddings keyed by `Chunk.embed_key`.

Embedded (`PersistentClient` under the index folder) by default, a `chroma run` server
when a host is given. Telemetry is off, and the collection is given our own embedding
function so Chroma never loads (or downloads) its default model. Embeddings are computed
by us and passed in; the collection name carries the model name, so changing the model
starts a fresh collection instead of mixing vector spaces. On a server, the name also
carries the index's own id (`namespace`), so two indexes sharing a server never see (or
clean away) each other's embeddings. Any failure of Chroma surfaces as IndexUnavailable
with what to do next; retrying is left to the caller.

Chroma caches an opened embedded index in the process, so a process that keeps it open
(the web UI) does not see what another process (`vacancy ingest`) adds meanwhile: the
library reopens the client when the store's generation changes (`Library.sync`).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from .embed import Embedder, SentenceEmbedder
from .errors import IndexUnavailable

def _chroma():
    import chromadb
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    return chromadb, Documents, EmbeddingFunction, Embeddings, register_embedding_function


def _embedding_function(embedder: Embedder):
    """Wrap our embedder in Chroma's EmbeddingFunction protocol (built on first use, as the
    Chroma import is slow and must not happen at module import)."""
    _, Documents, EmbeddingFunction, Embeddings, register = _chroma()

    class VacancyEmbeddingFunction(EmbeddingFunction[Documents]):
        def __init__(self, inner: Embedder):
            self.inner = inner

        def __call__(self, input: Documents) -> Embeddings:
            return [np.asarray(v, dtype=np.float32) for v in self.inner.embed(list(input))]

        @staticmethod
        def name() -> str:
            return "vacancy-sentence-transformers"

        def default_space(self):
            return "cosine"

        def supported_spaces(self):
            return ["cosine"]

        def get_config(self) -> dict[str, Any]:
            return {"model": self.inner.name, "batch_size": getattr(self.inner, "batch_size", None)}

        @staticmethod
        def build_from_config(config: dict[str, Any]):
            """Chroma's copy of the function, from a collection's stored config (no Settings reach
            it there); a config stored before the batch size was kept leaves it to
            sentence-transformers. We always pass vectors, so this copy never embeds for us."""
            return VacancyEmbeddingFunction(SentenceEmbedder(config["model"].split("#")[0],
                                                             config.get("batch_size")))

    try:
        register(VacancyEmbeddingFunction)
    except ValueError:
        pass  # already registered in this process
    return VacancyEmbeddingFunction(embedder)


def collection_name(model: str, namespace: str | None = None) -> str:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", model.split("/")[-1]).strip("-").lower()
    name = f"passages-{slug}"
    return f"{name[:47].rstrip('-')}-{namespace[:12]}" if namespace else name[:60]


class VectorStore:
    def __init__(self, index_dir: Path, embedder: Embedder, host: str | None = None,
                 port: int | None = None, namespace: str | None = None):
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.host, self.port = host, port
        self.namespace = namespace
        self._collection = None

    def open(self) -> VectorStore:
        """Open the collection now rather than on first use; IndexUnavailable if it cannot."""
        _ = self.collection
        return self

    @property
    def collection(self):
        if self._collection is None:
            with self._guard("open"):
                self._collection = self._open()
        return self._collection

    def _open(self):
        chromadb = _chroma()[0]
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if self.host:
            client = chromadb.HttpClient(host=self.host, port=self.port,
                                         settings=settings)
        else:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(self.index_dir / "chroma"),
                                               settings=settings)
        return client.get_or_create_collection(
            collection_name(self.embedder.name, self.namespace if self.host else None),
            embedding_function=_embedding_function(self.embedder),
            configuration={"hnsw": {"space": "cosine"}},
        )

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn whatever Chroma raises into IndexUnavailable saying what to do."""
        try:
            yield
        except IndexUnavailable:
            raise
        except Exception as err:  # chromadb and its HTTP client raise many types
            raise IndexUnavailable(self._advice(action, err)) from err

    def _advice(self, action: str, err: Exception) -> str:
        detail = " ".join(str(err).split()) or type(err).__name__
        if self.host:
            return (f"cannot {action} the Chroma server at {self.host}:{self.port} ({detail}); "
                    f"start it (`chroma run --path DATA_DIR --host {self.host} --port {self.port}`) "
                    "or unset VACANCY_CHROMA_HOST to use the embedded index")
        where = self.index_dir / "chroma"
        return (f"cannot {action} the vector index at {where} ({detail}); if it is damaged, "
                "delete that folder and run `vacancy ingest` again (the notices are kept "
                "apart and are embedded again)")

    def count(self) -> int:
        with self._guard("read"):
            return self.collection.count()

    def existing(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self._guard("read"):
            for i in range(0, len(keys), 500):
                found.update(self.collection.get(ids=list(keys[i:i + 500]), include=[])["ids"])
        return found

    def add(self, keys: Sequence[str], texts: Sequence[str], vectors: Sequence[Sequence[float]]):
        with self._guard("write to"):
            for i in range(0, len(keys), 500):
                self.collection.upsert(ids=list(keys[i:i + 500]),
                                       documents=list(texts[i:i + 500]),
                                       embeddings=[list(v) for v in vectors[i:i + 500]])

    def delete(self, keys: Sequence[str]) -> None:
        with self._guard("write to"):
            for i in range(0, len(keys), 500):
                self.collection.delete(ids=list(keys[i:i + 500]))

    def all_keys(self) -> set[str]:
        keys: set[str] = set()
        total, offset = self.count(), 0
        with self._guard("read"):
            while offset < total:
                batch = self.collection.get(include=[], limit=1000, offset=offset)["ids"]
                if not batch:
                    break
                keys.update(batch)
                offset += len(batch)
        return keys

    def query(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        """The `n` nearest keys with cosine similarity, best first."""
        total = self.count()
        if total == 0:
            return []
        with self._guard("search"):
            res = self.collection.query(query_embeddings=[list(vector)],
                                        n_results=min(n, total), include=["distances"])
        return [(k, 1.0 - d) for k, d in zip(res["ids"][0], res["distances"][0])]

    def vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        if not keys:
            return {}
        with self._guard("read"):
            res = self.collection.get(ids=list(keys), include=["embeddings"])
        return {k: np.asarray(v, dtype=np.float32) for k, v in zip(res["ids"], res["embeddings"])}
