"""The configurations `vacancy eval --compare` runs side by side.

Each is an answerer with `ask(question, history) -> the ask --json object` and
`retrieve(question, notice_ids, k) -> [(notice_id, start, end), ...]` (the passages its
retrieval ranks best, for hit@k and MRR):

- `full`: the pipeline (`assistant.pipeline.Assistant`), hybrid retrieval.
- `dense`: the same pipeline with dense-only retrieval (its library answers every search
  in "dense" mode); it differs from `full` where the pipeline retrieves (open questions).
- `no-structured`: retrieval only: the best sentences of the top passages over all
  notices, with no notice resolution, requirements, metadata facts or rule engine.
- `naive`: the LangChain baseline of `baseline.py`.
Left out: an LLM-worded configuration (the suite measures without an LLM).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Callable, Protocol, Sequence


from index.errors import VacancyError
from index.library import Library
from index.records import Notice


class Answerer(Protocol):
    name: str

    def ask(self, question: str, history: Sequence[str] = ()) -> dict: ...

    def retrieve(self, question: str, notice_ids: Sequence[str] | None, k: int) -> list[tuple[str, int, int]]: ...


class SearchMode:
    """A library whose `search` always runs in `mode`; everything else is the library's."""

    def __init__(self, library: Library, mode: str):
        self._library, self._mode = library, mode

    def search(self, query: str, k: int = 5, notice_ids=None, mode: str = "hybrid"):
        return self._library.search(query, k, notice_ids, self._mode)

    def __getattr__(self, name: str):
        return getattr(self._library, name)


class Pipeline:
    """The assistant as it ships (`mode` "hybrid") or with another retrieval mode."""

    def __init__(self, name: str, library: Library, today: date | None, mode: str = "hybrid"):
        from assistant.pipeline import Assistant

        self.name, self.mode = name, mode
        self.library = library if mode == "hybrid" else SearchMode(library, mode)
        self.assistant = Assistant(self.library, today=today)

    def ask(self, question: str, history: Sequence[str] = ()) -> dict:
        from assistant.pipeline import answer_json

        return answer_json(self.assistant.ask(question, history))

    def retrieve(self, question: str, notice_ids: Sequence[str] | None, k: int) -> list[tuple[str, int, int]]:
        return _spans(self.library.search(question, k, notice_ids, self.mode))


class RetrievalOnly:
    """`no-structured`: hybrid search over every notice for the conversation so far, then the
    sentences of the notices it found ranked as the pipeline ranks an open question
    (`assistant.ranking`), answered or abstained on by the same threshold."""

    name = "no-structured"
    PASSAGES = 6

    def __init__(self, library: Library):
        self.library = library

    @cached_property
    def notices(self) -> dict[str, Notice]:
        return {n.id: n for n in self.library.notices()}

    @cached_property
    def ranker(self):
        from assistant.ranking import SentenceRanker

        return SentenceRanker(self.library, self.notices)

    def ask(self, question: str, history: Sequence[str] = ()) -> dict:
        from assistant.cite import cite
        from assistant.compose import content_words, open_answer
        from assistant.pipeline import answer_json
        from assistant.records import Answer

        query = " ".join([*history, question]).strip()
        if not query or not self.notices:
            return answer_json(Answer(question, "There is nothing to search.", answerable=False))
        ids = list(dict.fromkeys(h.chunk.notice_id for h in self.library.search(query, self.PASSAGES)))
        ranked = self.ranker.rank(question, " ".join(sorted(content_words(question))), ids)
        composed = open_answer(list(self.notices.values()), question, ranked)
        text, citations = cite(composed.claims, self.notices)
        cited = tuple(dict.fromkeys(c.notice_id for c in citations))
        return answer_json(Answer(question, text, citations, cited, composed.answerable and bool(citations)))

    def retrieve(self, question: str, notice_ids: Sequence[str] | None, k: int) -> list[tuple[str, int, int]]:
        return _spans(self.library.search(question, k, notice_ids))


def _spans(hits) -> list[tuple[str, int, int]]:
    return [(h.chunk.notice_id, h.chunk.start, h.chunk.end) for h in hits]


def _naive(library: Library, today: date | None, workdir: Path) -> Answerer:
    from .baseline import NaiveRAG

    return NaiveRAG(library, workdir / "naive-chroma")


CONFIGS: dict[str, Callable[[Library, date | None, Path], Answerer]] = {
    "full": lambda lib, today, workdir: Pipeline("full", lib, today),
    "dense": lambda lib, today, workdir: Pipeline("dense", lib, today, mode="dense"),
    "no-structured": lambda lib, today, workdir: RetrievalOnly(lib),
    "naive": _naive,
}
DESCRIPTIONS = {
    "full": "the pipeline (hybrid retrieval, structured requirements and facts, rule engine)",
    "dense": "the pipeline with dense-only retrieval",
    "no-structured": "retrieval only: best sentences of the top passages, no structured layer",
    "naive": "LangChain baseline: recursive splitter 1000/200, same embeddings in Chroma, "
             "top-4 similarity, answer = best passage",
}


def parse_configs(spec: str | None) -> list[str]:
    """"full,naive" → ["full", "naive"]; None → ["full"]. Unknown names are an error."""
    names = [s.strip() for s in (spec or "full").split(",") if s.strip()] or ["full"]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise VacancyError(f"unknown configuration {', '.join(unknown)}; choose from "
                           f"{', '.join(CONFIGS)}")
    return list(dict.fromkeys(names))


def build(name: str, library: Library, today: date | None, workdir: Path) -> Answerer:
    return CONFIGS[name](library, today, Path(workdir))
