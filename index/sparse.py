"""The one adapter to bm25s: a BM25 index over passage texts, scoring every passage.

Tokens are English-stemmed words of two letters or more, stop words removed; grade codes
are folded to one token whatever their spelling ("P-3", "P3", "P 3" → `p3`), so a grade
asked for is found however the notice writes it; common question words are stop words.
`relative_scores` divides each score by what a passage of average length holding every
query term once gets (the sum of the terms' IDF over 1 + k1), so a threshold on it means
the same over ten passages or ten thousand; a query term no passage holds counts in that
sum, so a question about something the passages never mention scores low.
An index can be kept on disk (`kept_index`): saved once under a name hashed from what it
indexes and the code that builds it, then opened memory-mapped by later processes, so a
new process does not tokenise every passage again.
Left out: phrase and proximity scoring, query expansion (`retrieve.expand_query`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

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
    def __init__(self, texts: Sequence[str], _saved: Path | None = None):
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._retriever = bm25s.BM25()
        self.size = len(texts)
        self._df: dict[str, int] = {}
        if _saved is not None:
            self._open(_saved)
        elif texts:
            tokenized = self._tokenize([normalise(t) for t in texts])
            counts = np.zeros(len(tokenized.vocab), dtype=int)
            for doc in tokenized.ids:
                counts[list(set(doc))] += 1
            self._df = {word: int(counts[i]) for word, i in tokenized.vocab.items()}
            self._retriever.index(tokenized, show_progress=False)

    def _open(self, folder: Path) -> None:
        """Read a saved index (arrays memory-mapped); a term's document frequency is the
        number of passages its column of the score matrix holds."""
        self._retriever = self._bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        indptr = np.asarray(self._retriever.scores["indptr"])
        self.size = int(self._retriever.scores["num_docs"])
        counts = np.diff(indptr)  # bm25s's vocabulary may hold one more word than columns: ""
        self._df = {word: int(counts[i]) for word, i in self._retriever.vocab_dict.items()
                    if i < len(counts)}

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder), show_progress=False)

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


def kept_index(folder: Path, ids: Sequence[str], texts: Callable[[], list[str]]) -> SparseIndex:
    """The index of the passages named `ids` (in that order): opened from `folder` when it
    was saved there for these ids by this code, else built from `texts()` and saved
    (replacing what was kept before; when `folder` cannot be written it stays in memory)."""
    name = _index_name(ids)
    saved = folder / name
    if ids and (saved / "params.index.json").is_file():
        try:
            return SparseIndex([], _saved=saved)
        except (OSError, ValueError, KeyError):
            pass  # damaged or half-deleted: built again below
    index = SparseIndex(texts())
    if ids:
        _save(index, folder, name)
    return index


def _index_name(ids: Sequence[str]) -> str:
    """A hash of the passages' ids and of the code and libraries that build the index."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for lib in ("bm25s", "PyStemmer"):
        h.update(f"{lib}=={_version(lib)}\n".encode())
    h.update("\n".join(ids).encode())
    return h.hexdigest()[:20]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _save(index: SparseIndex, folder: Path, name: str) -> None:
    """Write the index whole under `folder/name` (a temporary folder renamed), then drop the
    indexes kept for other passages; nothing is raised when the folder is not writable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder, prefix=f".{name}."))
        index.save(tmp)
        try:
            os.replace(tmp, folder / name)
        except OSError:  # another process saved it first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in folder.iterdir():
            if old.name != name and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)  # open memory maps stay valid
    except OSError:
        pass


def _idf(n: int, df: int) -> float:
    return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
