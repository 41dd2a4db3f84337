"""The one adapter to bm25s: a BM25 index over passage texts, scoring every passage."""

from __future__ import annotations

from typing import Sequence

import numpy as np


class SparseIndex:
    def __init__(self, texts: Sequence[str]):
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._retriever = bm25s.BM25()
        self.size = len(texts)
        if texts:
            tokens = bm25s.tokenize(list(texts), stopwords="en", stemmer=self._stemmer,
                                    show_progress=False)
            self._retriever.index(tokens, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no term matches)."""
        if not self.size:
            return np.zeros(0)
        tokens = self._bm25s.tokenize([query], stopwords="en", stemmer=self._stemmer,
                                      show_progress=False, return_ids=False)[0]
        if not tokens:
            return np.zeros(self.size)
        return np.asarray(self._retriever.get_scores(tokens), dtype=float)
