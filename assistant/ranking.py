"""Open questions: the sentences of the resolved notices ranked by BM25, the embedding
model and a section prior, fused into one score whose scale does not depend on how many
notices or sentences are searched, so that one calibrated threshold (`compose.OPEN_THRESHOLD`)
tells an answer from "the notice does not mention it":

    score = cosine(question, sentence) + LEXICAL_WEIGHT · relative BM25 + SECTION_PRIOR[kind]

Relative BM25 (`SparseIndex.relative_scores`) ranks every sentence of the notices; the
embedding model then scores a shortlist: the SHORTLIST best by BM25 and the sentences of
the passages hybrid retrieval finds for the question (dense over the stored chunk
vectors), so a sentence sharing no word with the question can still win. Boilerplate
sections are ranked too (they state the non-smoking rule, reference checks …), with a
lower prior. Sentence vectors and per-notice-set BM25 indexes are cached per process.

Left out: cross-encoder re-ranking; with more than MAX_SENTENCES sentences in scope only
the notices of the retrieved passages are ranked (cost stays bounded at 10,000 notices).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from index.records import Notice
from index.sparse import SparseIndex
from index.statements import statements

LEXICAL_WEIGHT = 0.35     # with OPEN_THRESHOLD, calibrated (evals/calibrate_open.py)
SHORTLIST = 16          # best sentences by BM25 that the embedding model scores
PASSAGES = 6            # retrieved passages whose sentences join the shortlist
MAX_SENTENCES = 5000    # beyond this, only the notices of the retrieved passages
# Where an answer to an open question usually is: conditions and terms more than the
# organisation's standard paragraphs. Set by hand (small next to the cosine); not tuned.
SECTION_PRIOR = {"special_notice": 0.03, "details": 0.02, "boilerplate": -0.05}
_CACHED_INDEXES = 8


@dataclass(frozen=True)
class Ranked:
    """One sentence `notice.text[start:end]` and the parts of its score."""

    notice_id: str
    start: int
    end: int
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    prior: float = 0.0


@dataclass(frozen=True)
class _Sentence:
    notice_id: str
    start: int
    end: int
    kind: str


class SentenceRanker:
    def __init__(self, library, notices: dict[str, Notice]):
        self.library, self.notices = library, notices
        self._sentences: dict[str, tuple[_Sentence, ...]] = {}
        self._indexes: OrderedDict[tuple[str, ...], SparseIndex] = OrderedDict()
        self._vectors: dict[tuple[str, int, int], np.ndarray] = {}

    def rank(self, question: str, lexical_query: str, notice_ids: Sequence[str]) -> tuple[Ranked, ...]:
        """The shortlisted sentences of `notice_ids`, best first. `question` is embedded;
        `lexical_query` (the question's content words) is what BM25 matches."""
        if not question.strip() or not notice_ids:
            return ()
        hits = self.library.search(question, k=PASSAGES, notice_ids=list(notice_ids))
        ids = tuple(notice_ids)
        if sum(len(self.sentences(i)) for i in ids) > MAX_SENTENCES:
            ids = tuple(dict.fromkeys(h.chunk.notice_id for h in hits))
        pool = [s for i in ids for s in self.sentences(i)]
        if not pool:
            return ()
        lexical = self._index(ids, pool).relative_scores(lexical_query) if lexical_query.strip() \
            else np.zeros(len(pool))
        shortlist = [i for i in np.argsort(-lexical)[:SHORTLIST] if lexical[i] > 0]
        for h in hits:
            shortlist += [i for i, s in enumerate(pool) if s.notice_id == h.chunk.notice_id
                          and s.start < h.chunk.end and s.end > h.chunk.start]
        chosen = list(dict.fromkeys(int(i) for i in shortlist))
        if not chosen:
            return ()
        dense = self._cosines(question, [pool[i] for i in chosen])
        ranked = [_ranked(pool[i], d, float(lexical[i])) for i, d in zip(chosen, dense)]
        return tuple(sorted(ranked, key=lambda r: (-r.score, r.notice_id, r.start)))

    def sentences(self, notice_id: str) -> tuple[_Sentence, ...]:
        """Every statement of the notice, boilerplate sections included, with its section kind."""
        if notice_id not in self._sentences:
            self._sentences[notice_id] = _sentences_of(self.notices[notice_id])
        return self._sentences[notice_id]

    def _index(self, ids: tuple[str, ...], pool: list[_Sentence]) -> SparseIndex:
        if ids not in self._indexes:
            self._indexes[ids] = SparseIndex([self._text(s) for s in pool])
            if len(self._indexes) > _CACHED_INDEXES:
                self._indexes.popitem(last=False)
        self._indexes.move_to_end(ids)
        return self._indexes[ids]

    def _cosines(self, question: str, sentences: list[_Sentence]) -> list[float]:
        keys = [(s.notice_id, s.start, s.end) for s in sentences]
        missing = [k for k in dict.fromkeys(keys) if k not in self._vectors]
        texts = [question] + [self.notices[n].text[a:b] for n, a, b in missing]
        vectors = np.asarray(self.library.embedder.embed(texts), dtype=np.float32)
        self._vectors.update(zip(missing, vectors[1:]))
        return [float(self._vectors[k] @ vectors[0]) for k in keys]

    def _text(self, s: _Sentence) -> str:
        return self.notices[s.notice_id].text[s.start:s.end]


def _ranked(s: _Sentence, dense: float, lexical: float) -> Ranked:
    prior = SECTION_PRIOR.get(s.kind, 0.0)
    return Ranked(s.notice_id, s.start, s.end, dense + LEXICAL_WEIGHT * min(lexical, 1.0) + prior,
                  dense, lexical, prior)


def _sentences_of(notice: Notice) -> tuple[_Sentence, ...]:
    """`statements` leaves boilerplate sections out; they are split here as ordinary ones
    and keep their kind for the prior."""
    opened = replace(notice, sections=tuple(replace(s, kind="special_notice") if s.kind == "boilerplate" else s
                                            for s in notice.sections))
    out = []
    for st in statements(opened):
        kind = next((s.kind for s in notice.sections if s.start <= st.start < s.end), "other")
        if notice.text[st.start:st.end].strip():
            out.append(_Sentence(notice.id, st.start, st.end, kind))
    return tuple(out)
