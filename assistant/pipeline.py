"""The answering chain: route → resolve → retrieve → compose → cite, over frozen `Turn`
states; `Assistant.chain` offers the same stages as a LangChain runnable (to stream, trace
or reuse them).

The default composer needs no LLM. An optional LLM (`llm.py`) may reword the answer of an
open question; verdicts, checks, facts and citations always come from the rule engine
and are verified here.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Callable, Iterator, Mapping, Sequence

import numpy as np

from index.library import Library
from index.records import Notice, Requirement
from index.requirements import requirements_for
from index.statements import statements

from .cards import NoticeCard, candidate_line, card_vectors, stored_cards
from .cite import cite
from .compare import compare
from .language import NOT_ENGLISH, reads_as_english
from .compose import (Composed, content_words, eligibility, facts, notice_name, open_answer,
                      requirements)
from .eligibility import embedding_relate, scope_of
from .profile import read_profile
from .records import Answer, Claim, Profile
from .resolve import MAX_CANDIDATES, Resolution, Resolver, tokens
from .route import Route, route_turn

MAX_QUESTION = 4000
RANKED = 8          # candidate sentences embedded per open question


@dataclass(frozen=True)
class Turn:
    question: str
    history: tuple[str, ...] = ()
    route: Route | None = None
    resolution: Resolution | None = None
    notices: tuple[Notice, ...] = ()
    profile: Profile = Profile()
    sentences: tuple[tuple[str, int, int, float], ...] = ()
    composed: Composed | None = None
    answer: Answer | None = None


class Assistant:
    def __init__(self, library: Library, today: date | None = None, rewriter=None):
        self.library = library
        self._today = today
        self.rewriter = rewriter
        self._sentence_cache: dict[str, tuple[tuple[int, int], ...]] = {}
        self._seen = -1                  # the index generation `notices` was read at
        self._sync_lock = threading.Lock()

    @property
    def today(self) -> date:
        """The date answers are relative to: fixed when given (tests, evals), else today."""
        return self._today or date.today()

    @cached_property
    def notices(self) -> Mapping[str, Notice]:
        """Every indexed notice by id; a notice's text is read from the store when first
        looked up (a question reads only the notices it is about)."""
        self._seen = self.library.generation()
        return LazyMap(self.library.notice_ids(), self.library.notice)

    @cached_property
    def relate(self):
        """Domain similarity for eligibility, with the library's embedding model."""
        return embedding_relate(self.library.embedder)

    @cached_property
    def cards(self) -> dict[str, NoticeCard]:
        """Each notice's card, made once per notice and kept in the store (resolution and
        catalogue read these)."""
        return stored_cards(self.library.store, list(self.notices), self.notices.get)

    @cached_property
    def resolver(self) -> Resolver:
        cards = list(self.cards.values())
        embedder = self.library.embedder
        vectors = card_vectors(self.library.store, embedder, cards)
        return Resolver(cards, lambda q: np.asarray(embedder.embed([q])[0], dtype=np.float32), vectors)

    @cached_property
    def requirements(self) -> Mapping[str, tuple[Requirement, ...]]:
        """Each notice's requirement records, read from the store when first looked up."""
        return LazyMap(list(self.notices), lambda nid: requirements_for(self.library, nid))

    @cached_property
    def names(self) -> frozenset[str]:
        """Lower-case words of the notices' titles, places and organisations (left out when
        telling the language of a question)."""
        return frozenset(w.lower() for n in self.cards.values()
                         for field in (n.title, n.duty_station, n.organisation) if field
                         for w in re.findall(r"[^\W\d_]+", field))

    def _stages(self) -> tuple[tuple[str, Callable[[Turn], Turn]], ...]:
        return (("route", self._route), ("resolve", self._resolve), ("retrieve", self._retrieve),
                ("compose", self._compose), ("cite", self._cite))

    @cached_property
    def chain(self):
        """The stages as a LangChain runnable (to stream or trace them); `ask` runs the same
        stages without it, so a start does not import LangChain (~1 s)."""
        from langchain_core.runnables import RunnableLambda

        runnables = [RunnableLambda(fn, name=name) for name, fn in self._stages()]
        chain = runnables[0]
        for r in runnables[1:]:
            chain = chain | r
        return chain

    def prepare(self) -> None:
        """Make and store what answering derives per notice (cards, card embeddings) for the
        notices that lack it, so the next start only reads it (`vacancy ingest` calls this)."""
        _ = self.resolver

    def refresh(self) -> None:
        """Forget cached notices (after an ingest)."""
        for name in ("notices", "cards", "resolver", "requirements", "names"):
            self.__dict__.pop(name, None)
        self._sentence_cache.clear()

    def sync(self) -> bool:
        """Catch up with other writers (another process ingested; one small query when
        nothing changed): notices added are read, notices dropped are forgotten, the
        others and their requirements are kept; the resolver is rebuilt. The new state
        replaces the old one at once. True when something changed."""
        self.library.sync()
        if "notices" not in self.__dict__ or self.library.generation() == self._seen:
            return False
        with self._sync_lock:
            seen = self.library.generation()
            if seen == self._seen:
                return False
            notices = self.notices.renewed(self.library.notice_ids())
            cards = self.cards
            new = [i for i in notices if i not in cards]
            fresh = stored_cards(self.library.store, new, notices.get) if new else {}
            state = {"notices": notices, "cards": {i: cards.get(i) or fresh[i] for i in notices
                                                   if i in cards or i in fresh}}
            if "requirements" in self.__dict__:
                state["requirements"] = self.requirements.renewed(list(notices))
            self.__dict__.update(state)
            for name in ("names", "resolver"):   # rebuilt from the cards at the next question
                self.__dict__.pop(name, None)
            self._seen = seen
            return True

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        question = question or ""
        self.sync()
        problem = _refuse(question) or (None if reads_as_english(question, self.names)
                                        else NOT_ENGLISH)
        if problem:
            return Answer(question[:200], problem, answerable=False)
        turn = Turn(question.strip(), tuple(h for h in history if h))
        for _, stage in self._stages():
            turn = stage(turn)
        return turn.answer

    # -- stages -------------------------------------------------------------------------
    def _route(self, turn: Turn) -> Turn:
        profile = read_profile([*turn.history, turn.question])
        r = route_turn(turn.question, turn.history)
        if r.kind in ("requirement", "fact", "open") and read_profile([turn.question]).known() \
                and _asks_to_apply(turn.question):
            r = Route("eligibility", r.topics)
        return replace(turn, route=r, profile=profile)

    def _resolve(self, turn: Turn) -> Turn:
        across = turn.route.kind == "comparison" or turn.route.across
        res = self.resolver.resolve(turn.question, turn.history, wants_all=across)
        if res.how == "ambiguous" and across:
            res = Resolution(res.candidates, "all")
        notices = tuple(self.notices[i] for i in res.notice_ids)
        if res.how == "ambiguous" and len(res.candidates) <= 3 and turn.route.kind in ("fact", "requirement"):
            notices = tuple(self.notices[i] for i in res.candidates)
        return replace(turn, resolution=res, notices=notices)

    def _retrieve(self, turn: Turn) -> Turn:
        """Open questions: the sentences of the top passages that share a content word
        with the question, at most RANKED of them embedded and ranked by similarity."""
        if turn.route.kind != "open" or not turn.notices:
            return turn
        hits = self.library.search(turn.question, k=6, notice_ids=[n.id for n in turn.notices])
        words = {w[:5] for w in content_words(self._unresolved_words(turn))}
        candidates: dict[tuple[str, int, int], int] = {}
        for h in hits:
            notice = self.notices[h.chunk.notice_id]
            for start, end in self._sentences(notice.id):
                if start < h.chunk.end and end > h.chunk.start:
                    span = (notice.id, max(start, h.chunk.start), min(end, h.chunk.end))
                    text = notice.text[span[1]:span[2]]
                    overlap = len(words & {w[:5] for w in content_words(text)})
                    if overlap:
                        candidates.setdefault(span, overlap)
        best = sorted(candidates, key=lambda s: -candidates[s])[:RANKED]
        return replace(turn, sentences=self._rank(self._unresolved_words(turn) or turn.question, best))

    def _sentences(self, notice_id: str) -> tuple[tuple[int, int], ...]:
        if notice_id not in self._sentence_cache:
            self._sentence_cache[notice_id] = tuple((st.start, st.end)
                                                    for st in statements(self.notices[notice_id]))
        return self._sentence_cache[notice_id]

    def _rank(self, question: str, spans: list[tuple[str, int, int]]) -> tuple:
        if not spans:
            return ()
        texts = [self.notices[nid].text[s:e] for nid, s, e in spans]
        vectors = np.asarray(self.library.embedder.embed([question, *texts]))
        sims = vectors[1:] @ vectors[0]
        order = np.argsort(-sims)
        return tuple((*spans[i], float(sims[i])) for i in order)

    def _compose(self, turn: Turn) -> Turn:
        res, kind = turn.resolution, turn.route.kind
        if not self.notices:
            return replace(turn, composed=Composed((Claim("No notices are indexed yet; add some "
                                                          "with `vacancy ingest`.", grounded=False),), False))
        if not turn.notices:
            return replace(turn, composed=self._which_notice(res))
        reqs = {n.id: self.requirements[n.id] for n in turn.notices}
        if kind == "comparison" or (kind == "eligibility" and turn.route.across):
            composed = compare(turn.notices, reqs, turn.route.topics, turn.question, turn.profile, self.today,
                               self.relate)
        elif kind == "eligibility":
            many = len(turn.notices) > 1
            scope = scope_of(turn.question)
            parts = [eligibility(n, reqs[n.id], turn.profile, many, scope, self.relate) for n in turn.notices]
            composed = parts[0] if not many else Composed(
                tuple(c for p in parts for c in p.claims), True, None, tuple(c for p in parts for c in p.checks))
        elif kind == "requirement":
            composed = requirements(turn.notices, reqs, turn.route.topics, turn.question)
        elif kind == "fact":
            composed = facts(turn.notices, turn.route.topics, self.today, turn.question)
        else:
            composed = open_answer(turn.notices, self._unresolved_words(turn), turn.sentences)
        return replace(turn, composed=composed)

    def _unresolved_words(self, turn: Turn) -> str:
        """The question without the words that only named the notice (place, title, grade),
        so "gym at the office in Pretoria" is judged on "gym" and "office"."""
        named = set()
        for n in turn.notices:
            named |= set(tokens(" ".join(filter(None, (n.title, n.duty_station, n.organisation, n.grade)))))
        return " ".join(w for w in tokens(turn.question) if w not in named)

    def _which_notice(self, res: Resolution) -> Composed:
        """Ask which notice is meant: at most MAX_CANDIDATES fitting notices, each with
        organisation, place, grade and deadline; with no clue at all, how to name one."""
        if res.how != "ambiguous":
            return Composed((Claim(f"I could not tell which notice you mean among the {len(self.notices)} "
                                   "indexed; name its title, organisation, duty station or grade "
                                   "(or ask “What notices do you have?”).", grounded=False),), False)
        ids = res.candidates
        listed = "; ".join(candidate_line(self.cards[i]) for i in ids[:MAX_CANDIDATES])
        more = f" ({len(ids)} fit; say the organisation, place or grade to narrow it)" \
            if len(ids) > MAX_CANDIDATES else ""
        return Composed((Claim(f"Several notices fit your question: {listed}{more}. Which one do you mean?",
                               grounded=False),), False)

    def _cite(self, turn: Turn) -> Turn:
        c = turn.composed
        text, citations = cite(c.claims, self.notices)
        answer = Answer(turn.question, text, citations, tuple(n.id for n in turn.notices),
                        c.answerable and bool(citations), c.verdict, c.checks)
        if self.rewriter is not None and turn.route.kind == "open" and answer.answerable:
            answer = self.rewriter(answer, self.notices)
        return replace(turn, answer=answer)


class LazyMap(Mapping):
    """A read-only mapping over known keys whose values are made by `load(key)` when first
    looked up, then kept. Iterating over the values loads them all (the UI's lists do)."""

    def __init__(self, keys: Sequence[str], load: Callable, cache: dict | None = None):
        self._keys = list(dict.fromkeys(keys))
        self._known = set(self._keys)
        self._load = load
        self._cache = {k: v for k, v in (cache or {}).items() if k in self._known}

    def __getitem__(self, key):
        if key not in self._known:
            raise KeyError(key)
        if key not in self._cache:
            value = self._load(key)
            if value is None:
                raise KeyError(key)
            self._cache[key] = value
        return self._cache[key]

    def __contains__(self, key) -> bool:
        return key in self._known

    def __iter__(self) -> Iterator:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def renewed(self, keys: Sequence[str]) -> LazyMap:
        """The same mapping over `keys`: values already loaded for keys kept are kept."""
        return LazyMap(keys, self._load, self._cache)


def _refuse(question: str) -> str | None:
    if not question.strip():
        return "Please ask a question about a vacancy notice, e.g. “What degree does the P-3 in Laayoune require?”"
    if len(question) > MAX_QUESTION:
        return (f"Your question is {len(question):,} characters long; please keep it under "
                f"{MAX_QUESTION:,} characters (paste notices as files, not into the question).")
    return None


def _asks_to_apply(question: str) -> bool:
    import re
    return re.search(r"\b(apply|eligible|qualify|chance|meet|join|be considered|be hired)\b", question, re.I) is not None


def answer_json(answer: Answer) -> dict:
    """The `vacancy ask --json` object (DESIGN §4)."""
    index = {(c.notice_id, c.start, c.end): c.n for c in answer.citations}
    checks = []
    for ch in answer.checks:
        r = ch.requirement
        n = index.get((r.notice_id, r.start, r.end)) if r is not None else None
        checks.append({"criterion": ch.criterion, "status": ch.status, "citation": n,
                       "necessity": ch.necessity, "explanation": ch.explanation})
    return {
        "question": answer.question, "answer": answer.text, "answerable": answer.answerable,
        "notices": list(answer.notices),
        "citations": [{"n": c.n, "notice_id": c.notice_id, "notice_title": c.notice_title,
                       "source": c.source, "section": c.section, "start": c.start, "end": c.end,
                       "quote": c.quote} for c in answer.citations],
        "verdict": answer.verdict, "checks": checks,
    }
