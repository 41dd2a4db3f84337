"""Hybrid retrieval: dense (Chroma) and sparse (BM25) rankings fused by reciprocal rank.

Passages come back as `Hit`s carrying the chunk (notice id, section, offsets, text).
With a notice filter, dense scores are computed exactly over that notice's passages
(a notice has tens of them) instead of asking the ANN index for more and filtering.

Query handling: a question in everyday words is expanded with the words notices use for
the same thing ("boss" → "supervision reports to", "bachelor's" → "first-level university
degree"), for both rankings. When it asks for something the notice metadata states (where
the job is, the closing date, the grade, ...), the passages stating that field
(`Metadata.spans`) form a third ranking, so the passage holding the fact is found even
when its wording ("Duty Station: Pretoria") shares nothing with the question.
A new process reads only what a question needs: the chunks' places (not their texts),
the BM25 index kept on disk (`sparse.kept_index`, built and saved by the first process
that needs it), and the texts of the notices a hit or a notice filter names.
Left out: re-ranking with a cross-encoder, spelling correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Mapping

import numpy as np

from .embed import Embedder
from .lazy import LazyMap
from .records import NO_VECTOR, Chunk, Hit, Notice
from .sparse import SparseIndex, kept_index
from .store import Store
from .vectors import VectorStore

RRF_K = 60
CANDIDATES = 50
# BM25 weighs more than the embeddings in the fusion: on notices, exact terms (grades,
# programme names, "driving licence") carry most questions.
SPARSE_WEIGHT = 1.5


@dataclass(frozen=True)
class Concept:
    """Everyday words (`cue`, a regex matched on whole words, case-insensitive), the words
    notices use for the same thing, and the metadata fields that state it."""

    cue: str
    words: str
    fields: tuple[str, ...] = ()


CONCEPTS: tuple[Concept, ...] = (
    Concept(r"boss|manager|supervisor|supervis\w*|reports? to|report(?:ing)? lines?",
            "supervision reports to"),
    Concept(r"deadline|last day|closes?|closing|apply by|due date|posting period",
            "closing date deadline posting period", ("closes", "period")),
    Concept(r"city|country|located|location|based|where|duty station",
            "duty station location", ("duty_station",)),
    Concept(r"grades?|seniority", "grade level", ("grade",)),
    Concept(r"job opening number|reference number|vacancy number|requisition",
            "job opening number", ("job_opening",)),
    Concept(r"trips?|travell?(?:ing|ed)?", "travel"),
    Concept(r"drive|driving|driver'?s?|licen[cs]e", "driving licence license"),
    Concept(r"bachelor'?s?|undergraduate", "first-level university degree"),
    Concept(r"master'?s?|postgraduate|graduate degree", "advanced university degree"),
    Concept(r"contract|how long|duration", "appointment duration period"),
    Concept(r"salary|pay|remuneration", "salary remuneration"),
    Concept(r"certificates?|certified", "certification"),
)


@dataclass(frozen=True)
class Query:
    text: str
    expanded: str
    fields: tuple[str, ...]


def expand_query(text: str) -> Query:
    """`text` followed by the notice wording of each everyday term it uses, and the
    metadata fields it asks for."""
    found = [c for c in CONCEPTS if re.search(rf"\b(?:{c.cue})\b", text, re.IGNORECASE)]
    expanded = " ".join([text, *(c.words for c in found)])
    return Query(text, expanded, tuple(f for c in found for f in c.fields))


class HybridRetriever:
    """`vectors`: the Chroma collection, or a function opening it when first needed (a
    search within a few notices reads their vectors from the store and never opens it);
    `keep_dir`: where the BM25 index is kept between processes (None: built in memory)."""

    def __init__(self, store: Store, vectors: VectorStore | Callable[[], VectorStore],
                 embedder: Embedder, keep_dir: Path | None = None):
        self.store, self.embedder, self.keep_dir = store, embedder, keep_dir
        self._vectors = vectors
        self._chunks: dict[int, Chunk] = {}
        self._stated_at: dict[int, frozenset[str]] = {}

    @cached_property
    def vectors(self) -> VectorStore:
        return self._vectors if isinstance(self._vectors, VectorStore) else self._vectors()

    @cached_property
    def notices(self) -> Mapping[str, Notice]:
        """Every notice by id, its text read from the store when first looked up."""
        return LazyMap(self.store.notice_ids(), self.store.notice)

    @cached_property
    def rows(self) -> list[tuple[str, str, str, int, int, str]]:
        """Every chunk's (id, notice id, section, start, end, embed key), in the order of
        `Store.chunks`; positions in this list are what the rankings hold."""
        return self.store.chunk_rows()

    def chunk(self, i: int) -> Chunk:
        """The chunk at position `i`, its texts rebuilt from its notice."""
        from .chunk import chunk_embed_text  # as in Store.chunks

        if i not in self._chunks:
            cid, nid, section, start, end, key = self.rows[i]
            notice = self.notices[nid]
            self._chunks[i] = Chunk(cid, nid, section, start, end, notice.text[start:end], key,
                                    chunk_embed_text(notice, start, end))
        return self._chunks[i]

    def _search_text(self, i: int) -> str:
        """What BM25 indexes for the chunk at position `i` (its full context header)."""
        from .chunk import chunk_search_text

        _, nid, _, start, end, _ = self.rows[i]
        return chunk_search_text(self.notices[nid], start, end)

    @cached_property
    def _by_key(self) -> dict[str, list[int]]:
        return _positions(self.rows, lambda r: r[5])

    @cached_property
    def sparse(self) -> SparseIndex:
        texts = lambda: [self._search_text(i) for i in range(len(self.rows))]  # noqa: E731
        if self.keep_dir is None:
            return SparseIndex(texts())
        return kept_index(self.keep_dir, [r[0] for r in self.rows], texts)

    def _stated(self, i: int) -> frozenset[str]:
        """The metadata fields whose stated value chunk `i` overlaps."""
        if i not in self._stated_at:
            _, nid, _, start, end, _ = self.rows[i]
            spans = self.notices[nid].meta.spans
            self._stated_at[i] = frozenset(f for f, s, e in spans if s < end and e > start)
        return self._stated_at[i]

    def search(self, query: str, k: int = 5, notice_ids: Iterable[str] | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Top `k` passages for `query`; `mode` is hybrid, dense or sparse."""
        if not query.strip() or not self.rows:
            return []
        q = expand_query(query)
        allowed = self._allowed(notice_ids)
        dense = self._dense(q.expanded, allowed) if mode in ("hybrid", "dense") else []
        sparse = self._sparse(q.expanded, allowed) if mode in ("hybrid", "sparse") else []
        field: list[int] = []
        if mode == "hybrid" and q.fields:
            field = self._field(q.fields, list(_rrf((dense, 1.0), (sparse, SPARSE_WEIGHT))),
                                allowed)
        return self._hits(dense, sparse, field, k)

    @cached_property
    def _by_notice(self) -> dict[str, list[int]]:
        return _positions(self.rows, lambda r: r[1])

    def _allowed(self, notice_ids) -> np.ndarray | None:
        """A mask of the chunks of `notice_ids` (made from the notice → chunks map, so a
        question does not walk every chunk)."""
        if notice_ids is None:
            return None
        mask = np.zeros(len(self.rows), dtype=bool)
        for nid in set(notice_ids):
            mask[self._by_notice.get(nid, [])] = True
        return mask

    def _dense(self, query: str, allowed: np.ndarray | None) -> list[int]:
        vector = self.embedder.embed([query])[0]
        if allowed is not None:
            idx = [i for i in np.flatnonzero(allowed) if self.rows[i][5] != NO_VECTOR]
            keys = list({self.rows[i][5] for i in idx})
            vecs = self.store.vectors(self.embedder.name, keys)
            if len(vecs) < len(keys):  # an index made before the store kept them
                vecs.update(self.vectors.vectors([k for k in keys if k not in vecs]))
            sims = {k: float(np.dot(v, vector)) for k, v in vecs.items()}
            ranked = sorted(idx, key=lambda i: -sims.get(self.rows[i][5], -1.0))
            return [int(i) for i in ranked[:CANDIDATES]]
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

    def _field(self, fields: tuple[str, ...], ranked: list[int],
               allowed: np.ndarray | None) -> list[int]:
        """Passages stating one of `fields`: first those ranked already, in that order,
        then the others (allowed ones only)."""
        wanted = set(fields)
        among = range(len(self.rows)) if allowed is None else np.flatnonzero(allowed)
        stating = [int(i) for i in among if self._stated(int(i)) & wanted]
        order = {i: r for r, i in enumerate(ranked)}
        return sorted(stating, key=lambda i: (order.get(i, len(order)), i))

    def _hits(self, dense: list[int], sparse: list[int], field: list[int], k: int) -> list[Hit]:
        """The `k` best by fusion (only their chunks' texts are made)."""
        scores = _rrf((dense, 1.0), (sparse, SPARSE_WEIGHT), (field, 1.0))
        d_rank = {i: r for r, i in enumerate(dense)}
        s_rank = {i: r for r, i in enumerate(sparse)}
        return [Hit(self.chunk(i), s, d_rank.get(i), s_rank.get(i))
                for i, s in list(scores.items())[:k]]


def _rrf(*rankings: tuple[list[int], float]) -> dict[int, float]:
    """Weighted reciprocal-rank fusion of (ranking, weight) pairs: passage → score, best
    first (ties broken by passage order)."""
    scores: dict[int, float] = {}
    for ranking, weight in rankings:
        for rank, i in enumerate(ranking):
            scores[i] = scores.get(i, 0.0) + weight / (RRF_K + rank + 1)
    return dict(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))


def _positions(rows: list, key) -> dict[str, list[int]]:
    """The positions of the chunks, grouped by `key(row)`, in order."""
    out: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        out.setdefault(key(r), []).append(i)
    return out
