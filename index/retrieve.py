"""Hybrid retrieval: dense (Chroma) and sparse (BM25) rankings fused by reciprocal rank.

Passages come back as `Hit`s carrying the chunk (notice id, section, offsets, text).
With a notice filter, dense scores are computed exactly over that notice's passages
(a notice has tens of them) instead of asking the ANN index for more and filtering.
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterable

import numpy as np

from .embed import Embedder
from .records import Chunk, Hit, Notice
from .sparse import SparseIndex
from .store import Store
from .vectors import VectorStore

RRF_K = 60
CANDIDATES = 50


class HybridRetriever:
    def __init__(self, store: Store, vectors: VectorStore, embedder: Embedder):
        self.store, self.vectors, self.embedder = store, vectors, embedder

    @cached_property
    def notices(self) -> dict[str, Notice]:
        return {n.id: n for n in self.store.notices()}

    @cached_property
    def chunks(self) -> list[Chunk]:
        return self.store.chunks(self.notices)

    @cached_property
    def _by_key(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            out.setdefault(c.embed_key, []).append(i)
        return out

    @cached_property
    def sparse(self) -> SparseIndex:
        return SparseIndex([c.embed_text for c in self.chunks])

    def search(self, query: str, k: int = 5, notice_ids: Iterable[str] | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Top `k` passages for `query`; `mode` is hybrid, dense or sparse."""
        if not query.strip() or not self.chunks:
            return []
        allowed = self._allowed(notice_ids)
        dense = self._dense(query, allowed) if mode in ("hybrid", "dense") else []
        sparse = self._sparse(query, allowed) if mode in ("hybrid", "sparse") else []
        return self._fuse(dense, sparse)[:k]

    def _allowed(self, notice_ids) -> np.ndarray | None:
        if notice_ids is None:
            return None
        wanted = set(notice_ids)
        return np.array([c.notice_id in wanted for c in self.chunks])

    def _dense(self, query: str, allowed: np.ndarray | None) -> list[int]:
        vector = self.embedder.embed([query])[0]
        if allowed is not None:
            idx = np.flatnonzero(allowed)
            keys = list({self.chunks[i].embed_key for i in idx})
            vecs = self.vectors.vectors(keys)
            sims = {k: float(np.dot(v, vector)) for k, v in vecs.items()}
            ranked = sorted(idx, key=lambda i: -sims.get(self.chunks[i].embed_key, -1.0))
            return ranked[:CANDIDATES]
        out: list[int] = []
        for key, _ in self.vectors.query(vector, CANDIDATES):
            out.extend(self._by_key.get(key, ()))
        return out[: CANDIDATES * 2]

    def _sparse(self, query: str, allowed: np.ndarray | None) -> list[int]:
        scores = self.sparse.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        top = np.argsort(-scores)[:CANDIDATES]
        return [int(i) for i in top if scores[i] > 0]

    def _fuse(self, dense: list[int], sparse: list[int]) -> list[Hit]:
        scores: dict[int, float] = {}
        for ranking in (dense, sparse):
            for rank, i in enumerate(ranking):
                scores[i] = scores.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        d_rank = {i: r for r, i in enumerate(dense)}
        s_rank = {i: r for r, i in enumerate(sparse)}
        order = sorted(scores, key=lambda i: (-scores[i], i))
        return [Hit(self.chunks[i], scores[i], d_rank.get(i), s_rank.get(i)) for i in order]
