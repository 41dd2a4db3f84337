"""The one adapter to bm25s: a BM25 index over passage texts, scoring every passage.

Tokens are English-stemmed words of two letters or more, stop words removed; grade codes
are folded to one token whatever their spelling ("P-3", "P3", "P 3" → `p3`), so a grade
asked for is found however the notice writes it; common question words are stop words.
`relative_scores` divides each score by what a passage of average length holding every
query term once gets (the sum of the terms' IDF over 1 + k1), so a threshold on it means
the same over ten passages or ten thousand; a query term no passage holds counts in that
sum, so a question about something the passages never mention scores low.
Left out: phrase and proximity scoring, query expansion (`retrieve.expand_query`).
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

# Grade codes of the UN common system, any case ("p-3" too) except "NO" (not "no 5").
_GRADE = re.compile(r"\b([PpDdGg]|GS|gs|NO|FS|fs|SB|sb|SC|sc|ICS|ics)[- ]?(\d{1,2})\b")
# Words of questions that say nothing about what is asked.
QUESTION_WORDS = ("which", "what", "who", "whom", "whose", "when", "where", "how", "much",
                  "many", "need", "needed", "must", "would", "could", "should", "can",
                  "do", "does", "did", "am", "job", "position", "post", "role")


def normalise(text: str) -> str:
    """Text as the tokenizer should see it: grade codes folded to one word."""
    return _GRADE.sub(lambda m: f"{m.group(1)}{m.group(2)}", text)


class SparseIndex:
    def __init__(self, texts: Sequence[str]):
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._retriever = bm25s.BM25()
        self.size = len(texts)
        self._df: dict[str, int] = {}
        if texts:
            tokenized = self._tokenize([normalise(t) for t in texts])
            counts = np.zeros(len(tokenized.vocab), dtype=int)
            for doc in tokenized.ids:
                counts[list(set(doc))] += 1
            self._df = {word: int(counts[i]) for word, i in tokenized.vocab.items()}
            self._retriever.index(tokenized, show_progress=False)

    def _tokenize(self, texts: list[str], return_ids: bool = True):
        from bm25s.stopwords import STOPWORDS_EN

        return self._bm25s.tokenize(texts, stopwords=list(STOPWORDS_EN) + list(QUESTION_WORDS),
                                    stemmer=self._stemmer, show_progress=False,
                                    return_ids=return_ids)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no term matches)."""
        if not self.size:
            return np.zeros(0)
        tokens = self._tokenize([normalise(query)], return_ids=False)[0]
        if not tokens:
            return np.zeros(self.size)
        return np.asarray(self._retriever.get_scores(tokens), dtype=float)

    def relative_scores(self, query: str) -> np.ndarray:
        """BM25 of every passage over the sum of the query terms' IDF (Lucene's formula,
        the one bm25s scores with): about 1 for a passage holding every term once, 0 when
        none; each distinct query term counted once."""
        if not self.size:
            return np.zeros(0)
        terms = list(dict.fromkeys(self._tokenize([normalise(query)], return_ids=False)[0]))
        if not terms:
            return np.zeros(self.size)
        k1 = self._retriever.k1           # bm25s's Lucene variant: tf / (tf + k1·norm), no (k1 + 1)
        ideal = sum(_idf(self.size, self._df.get(t, 0)) for t in terms) / (1 + k1)
        known = [t for t in terms if t in self._df]
        if not known:
            return np.zeros(self.size)
        return np.asarray(self._retriever.get_scores(known), dtype=float) / ideal


def _idf(n: int, df: int) -> float:
    return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
