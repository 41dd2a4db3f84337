"""What kind of question this is, and which topic it asks about.

Kinds: eligibility (the user describes themselves and asks whether they may apply),
comparison (across notices), requirement, fact, open. Topics name the fact or requirement
asked for (deadline, grade, duty_station, reporting, contract, posting, how_to_apply,
salary, education, experience, language, certification, licence, travel, ...).
Topic words come from the registries (`index.kinds`, `index.facts`, the languages and
certifications of `index.vocab`), so every language or programme the parser knows is a
topic too. Left out: questions in languages other than English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index import vocab
from index.facts import FACTS, fact_kind
from index.kinds import KINDS, qualification_kinds

# Metadata topics; requirement topics come from `index.kinds`, sentence facts from
# `index.facts`, each with the question words of its registry entry.
_META_TOPICS: dict[str, str] = {
    "deadline": r"\b(deadline|clos(e|es|ed|ing)|last day|due date|apply by|still open|expire)",
    "posted": r"\b(posted|posting period|published|advertised (on|since)|opening date)\b",
    "grade": r"\b(grade|level|p-?[1-7]\b|g-?[1-7]\b|category|band)\b",
    "duty_station": r"\b(duty stations?|where (is|are|would|will)|locations?|located|based|city|cities|country)\b",
    "title": r"\b(job title|title of|name of the (post|position|job))\b",
    "organisation": r"\b(organi[sz]ation|agency|employer|which department|who is hiring)\b",
    "job_opening": r"\b(job opening number|reference number|vacancy number|job id|requisition)\b",
}
_OTHER_TOPICS: dict[str, str] = {
    "qualifications": r"\b(qualifications?|requirements|what do i need|minimum requirements|requirement)\b",
    "duties": r"\b(duties|responsibilit|tasks|do in (this|the) (job|role)|what would i (do|be doing)|functions|role involve)",
    "competencies": r"\b(competenc|skills?)\b",
}


@cache
def _topics() -> tuple[tuple[str, re.Pattern], ...]:
    """(topic, pattern on the lower-cased question), in the order answers take them."""
    facts = [(f.name, f.cues) for f in FACTS if f.cues and f.name != "assessment"]
    kinds = {k.name: k.cues for k in KINDS if k.name != "other"}
    languages = "|".join(re.escape(n.lower()) for n in sorted(vocab.LANGUAGES, key=len, reverse=True))
    kinds["language"] = rf"{kinds['language']}|\b(?:{languages})\b"
    names = [n for a, full in vocab.CERTIFICATIONS.items() for n in (re.escape(a.lower()), *full) if len(n) > 3]
    kinds["certification"] = rf"{kinds['certification']}|\b(?:{'|'.join(names)})\b"
    ordered = [*_META_TOPICS.items(), *facts, ("education", kinds["education"]),
               ("qualifications", _OTHER_TOPICS["qualifications"]), ("experience", kinds["experience"]),
               ("language", kinds["language"]), ("certification", kinds["certification"]),
               ("licence", kinds["licence"]), ("travel", kinds["travel"]),
               ("duties", _OTHER_TOPICS["duties"]), ("competencies", _OTHER_TOPICS["competencies"]),
               ("assessment", fact_kind("assessment").cues), ("eligibility_rule", kinds["eligibility_rule"])]
    return tuple((name, re.compile(pattern, re.I)) for name, pattern in ordered)


@cache
def _short_certifications() -> re.Pattern:
    """Acronyms of three letters or fewer (SCP, HIM, CPA) match only as written, in capitals."""
    short = [re.escape(a) for a in vocab.CERTIFICATIONS if len(a) <= 3]
    return re.compile(rf"\b(?:{'|'.join(short)})\b")


_REQUIREMENT_TOPICS = {*qualification_kinds(), "travel", "eligibility_rule", "qualifications"}
_SELF = re.compile(r"\b(i|i'm|i've|i am|i have|my|me)\b", re.I)
_ELIGIBILITY = re.compile(
    r"\b(can i apply|could i apply|may i apply|am i (eligible|qualified)|do i (qualify|meet|have a chance)|"
    r"would i (qualify|be eligible)|eligible|qualify|could i get|should i apply|can i get|"
    r"can i be (offered|hired|considered|appointed|selected)|would i be (considered|hired|selected))\b", re.I)
_COMPARISON = re.compile(
    r"\b(which (notices?|posts?|jobs?|positions?|vacancies|ones?|of (them|these|the))|"
    r"compare|comparison|all (the )?(notices|posts|jobs|positions|vacancies)|each (notice|post|job)|"
    r"list (the|all)|across|most|least|first|earliest|latest|highest|lowest|how many (notices|posts|jobs))\b", re.I)


@dataclass(frozen=True)
class QuestionRoute:
    kind: str
    topics: tuple[str, ...]
    across: bool = False          # asks about several notices ("which of them could I apply for?")


_ACROSS = re.compile(r"^\s*which\b|\bany (?:of (?:the|these|them) )?(?:notices|posts|jobs|positions|vacancies|ones)\b|"
                     r"\b(?:notices|posts|jobs|positions|vacancies) (?:could|can|would|might) i\b", re.I)
_FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|and what about|same for|what of)\b", re.I)


def route_turn(question: str, history: tuple[str, ...] = ()) -> QuestionRoute:
    """Route a turn; a short follow-up without a topic of its own ("What about the one in
    Pretoria?") asks the previous turn's question of another notice."""
    r = route(question)
    if r.topics or not history or r.kind in ("eligibility", "comparison"):
        return r
    if _FOLLOW_UP.search(question) or len(question.split()) <= 8:
        previous = route_turn(history[-1], history[:-1])
        return QuestionRoute(previous.kind, previous.topics, r.across)
    return r


def route(question: str) -> QuestionRoute:
    q = question.lower()
    topics = tuple(t for t, pat in _topics() if pat.search(q)
                   or (t == "certification" and _short_certifications().search(question)))
    if _ELIGIBILITY.search(q) and _SELF.search(q):
        return QuestionRoute("eligibility", topics, bool(_COMPARISON.search(q) or _ACROSS.search(q)))
    if _COMPARISON.search(q):
        return QuestionRoute("comparison", topics)
    if any(t in _REQUIREMENT_TOPICS for t in topics) and not _is_fact_question(topics):
        return QuestionRoute("requirement", topics)
    if topics:
        return QuestionRoute("fact", topics)
    return QuestionRoute("open", topics)


def _is_fact_question(topics: tuple[str, ...]) -> bool:
    if "salary" in topics:
        return True
    facts = {"deadline", "posted", "duty_station", "reporting", "how_to_apply",
             "job_opening", "start_date"}
    return bool(facts & set(topics)) and not {"education", "language", "certification",
                                               "licence"} & set(topics)
