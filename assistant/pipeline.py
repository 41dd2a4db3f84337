"""The answering chain: route → resolve → retrieve → compose → cite, plain functions over
frozen `Turn` states. LangChain's surface is the index's retriever (`index.lc_retriever`);
the chain uses nothing a runnable would give it (no streamed steps, callbacks or tracing).

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
from typing import Mapping, Sequence

import numpy as np

from index.lazy import LazyMap
from index.library import Library
from index.records import Notice, Requirement
from index.requirements import requirements_for

from . import catalogue
from .cards import NoticeCard, candidate_line, card_vectors, stored_cards
from .cite import cite_lines
from .compare import compare
from .language import NOT_ENGLISH, reads_as_english
from .compose import (REQUIREMENT_KINDS, Composed, content_words, eligibility_answer, facts_answer, open_answer,
                      requirements)
from .eligibility import embedding_relate, scope_of
from .exemplars import ExemplarIndex, exemplar_index
from .profile import read_profile
from .ranking import SentenceRanker
from .records import Answer, Claim, Profile
from .resolve import MAX_CANDIDATES, Resolution, Resolver, tokens
from .route import QuestionRoute, route, route_turn

MAX_QUESTION = 4000


@dataclass(frozen=True)
class Turn:
    question: str
    history: tuple[str, ...] = ()
    route: QuestionRoute | None = None
    resolution: Resolution | None = None
    notices: tuple[Notice, ...] = ()
    profile: Profile = Profile()
    sentences: tuple = ()               # ranking.Ranked, best first (open questions)
    composed: Composed | None = None
    answer: Answer | None = None


class Assistant:
    def __init__(self, library: Library, today: date | None = None, rewriter=None):
        self.library = library
        self._today = today
        self.rewriter = rewriter
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

    @property
    def exemplars(self) -> ExemplarIndex:
        """Routing exemplars, embedded with the library's model once per process."""
        return exemplar_index(self.library.embedder)

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
    def ranker(self) -> SentenceRanker:
        return SentenceRanker(self.library, self.notices)

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

    @property
    def chain(self):
        """The stages in order; each takes a `Turn` and returns the next one."""
        return (self._route, self._resolve, self._retrieve, self._compose, self._cite)

    def prepare(self) -> None:
        """Make and store what answering derives per notice (cards, card embeddings) for the
        notices that lack it, and the search index, so the next start only reads them
        (`vacancy ingest` calls this)."""
        _ = self.resolver
        self.library.prepare_search()

    def refresh(self) -> None:
        """Forget cached notices (after an ingest)."""
        for name in ("notices", "cards", "resolver", "requirements", "names", "ranker"):
            self.__dict__.pop(name, None)

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
            for name in ("names", "resolver", "ranker"):   # rebuilt from the cards at the next question
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
        for stage in self.chain:
            turn = stage(turn)
        return turn.answer

    # -- stages -------------------------------------------------------------------------
    def _route(self, turn: Turn) -> Turn:
        profile = read_profile([*turn.history, turn.question])
        r = route_turn(turn.question, turn.history, self.exemplars)
        if r.kind in ("requirement", "fact", "open") and read_profile([turn.question]).known() \
                and _asks_to_apply(turn.question):
            r = QuestionRoute("eligibility", r.topics)
        if r.kind == "comparison" and not r.topics and _MENTIONS.search(turn.question):
            r = QuestionRoute("open", (), across=True)       # "Which notices mention remote work?"
        return replace(turn, route=r, profile=profile)

    def _own_subject(self, turn: Turn) -> bool:
        """A turn routed as eligibility only because of the history, that asks about
        something besides the notice it names ("what about remote work?", unlike "and
        the one in Nairobi?"): the profile must not turn it into an eligibility check."""
        if route(turn.question).kind == "eligibility" or read_profile([turn.question]).known():
            return False
        return bool(content_words(self._unresolved_words(turn)) - _FOLLOW_UP_WORDS)

    def _resolve(self, turn: Turn) -> Turn:
        if turn.route.kind == "catalogue":       # which notices there are: from the cards
            return replace(turn, resolution=Resolution((), "catalogue"))
        across = turn.route.kind == "comparison" or turn.route.across
        res = self.resolver.resolve(turn.question, turn.history, wants_all=across)
        if res.how == "ambiguous" and across:
            res = Resolution(res.candidates, "all")
        notices = tuple(self.notices[i] for i in res.notice_ids)
        if res.how == "ambiguous" and len(res.candidates) <= 3 and turn.route.kind in ("fact", "requirement"):
            notices = tuple(self.notices[i] for i in res.candidates)
        turn = replace(turn, resolution=res, notices=notices)
        if turn.route.kind == "eligibility" and self._own_subject(turn):
            turn = replace(turn, route=route(turn.question))
        return self._narrowed(turn)

    def _narrowed(self, turn: Turn) -> Turn:
        """Topics raised only by the words that name the notice go: "Who can apply to the
        paid WNYC archives internship?" asks who may apply, not the pay ("paid" is in the
        title). Kept when the rest of the question raises no topic of its own."""
        if len(turn.notices) != 1 or turn.route.kind not in ("fact", "requirement") or len(turn.route.topics) < 2:
            return turn
        rest = route(self._unresolved_words(turn))
        if rest.kind in ("fact", "requirement") and rest.topics and set(rest.topics) < set(turn.route.topics):
            return replace(turn, route=rest)
        return turn

    def _retrieve(self, turn: Turn) -> Turn:
        """Open questions: the resolved notices' sentences ranked (`ranking.py`), judged on
        the words that do not only name the notice."""
        if turn.route.kind != "open" or not turn.notices:
            return turn
        asked = self._unresolved_words(turn) or turn.question
        ranked = self.ranker.rank(asked, " ".join(sorted(content_words(asked))), [n.id for n in turn.notices])
        return replace(turn, sentences=ranked)

    def _compose(self, turn: Turn) -> Turn:
        res, kind = turn.resolution, turn.route.kind
        if not self.notices:
            return replace(turn, composed=Composed((Claim("No notices are indexed yet; add some "
                                                          "with `vacancy ingest`.", grounded=False),), False))
        if kind == "catalogue":
            claims, ids = catalogue.answer(turn.question, self.cards, self.notices, self.today)
            return replace(turn, composed=Composed(claims, bool(ids)), notices=tuple(self.notices[i] for i in ids))
        if not turn.notices:
            return replace(turn, composed=self._which_notice(res))
        reqs = {n.id: self.requirements[n.id] for n in turn.notices}
        if kind == "comparison" or (kind == "eligibility" and turn.route.across):
            profile = turn.profile if kind == "eligibility" else Profile()   # never checks unasked
            composed = compare(turn.notices, reqs, turn.route.topics, turn.question, profile, self.today,
                               self.relate)
        elif kind == "eligibility":
            many = len(turn.notices) > 1
            scope = scope_of(turn.question)
            parts = [eligibility_answer(n, reqs[n.id], turn.profile, many, scope, self.relate) for n in turn.notices]
            composed = parts[0] if not many else Composed(
                tuple(c for p in parts for c in p.claims), True, None, tuple(c for p in parts for c in p.checks))
        elif kind == "requirement":
            composed = requirements(turn.notices, reqs, turn.route.topics, turn.question)
        elif kind == "fact":
            composed = self._facts_and_requirements(turn, reqs)
        else:
            composed = open_answer(turn.notices, self._unresolved_words(turn), turn.sentences)
        return replace(turn, composed=composed)

    def _facts_and_requirements(self, turn: Turn, reqs) -> Composed:
        """A fact question that also names a requirement topic ("what does it pay and who may
        apply?"): the facts from the fact reader, the requirement topics from the records."""
        topics = turn.route.topics
        asked = [t for t in topics if t in REQUIREMENT_KINDS]
        facts = [t for t in topics if t not in REQUIREMENT_KINDS]
        if not asked:
            return facts_answer(turn.notices, topics, self.today, turn.question)
        parts = [requirements(turn.notices, reqs, asked, turn.question)]
        if facts:
            parts.insert(0, facts_answer(turn.notices, facts, self.today, turn.question))
        return Composed(tuple(c for p in parts for c in p.claims), any(p.answerable for p in parts))

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
        text, citations, lines = cite_lines(c.claims, self.notices)
        answer = Answer(turn.question, text, citations, tuple(n.id for n in turn.notices),
                        c.answerable and bool(citations), c.verdict, c.checks, lines)
        if self.rewriter is not None and turn.route.kind == "open" and answer.answerable:
            answer = self.rewriter(answer, self.notices)
        return replace(turn, answer=answer)


# A question across notices about whether they say something, not about a known topic.
_MENTIONS = re.compile(r"\b(mention|mentions|say anything|says anything|talk about|speak of|refer to)\b", re.I)
# Words of a follow-up that only point at another notice ("and the one in …?").
_FOLLOW_UP_WORDS = frozenset({"one", "ones", "other", "another", "same", "instead", "then", "too", "post",
                              "posts", "job", "jobs", "position", "positions", "vacancy", "notice", "office"})


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
        "lines": [{"text": ln.text, "role": ln.role, "citations": list(ln.citations), "status": ln.status,
                   "notice_id": ln.notice_id, "verdict": ln.verdict} for ln in answer.shown()],
    }
