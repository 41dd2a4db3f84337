"""What kind of question this is, and which topic it asks about.

Kinds: eligibility (the user describes themselves and asks whether they may apply),
comparison (across notices), requirement, fact, open. Topics name the fact or requirement
asked for (deadline, grade, duty_station, reporting, contract, posting, how_to_apply,
salary, education, experience, language, certification, licence, travel, ...).
Left out: questions in languages other than English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOPICS: dict[str, str] = {
    "deadline": r"\b(deadline|clos(e|es|ed|ing)|last day|due date|apply by|still open|expire)",
    "posted": r"\b(posted|posting period|published|advertised (on|since)|opening date)\b",
    "grade": r"\b(grade|level|p-?[1-7]\b|g-?[1-7]\b|category|band)\b",
    "duty_station": r"\b(duty stations?|where (is|are|would|will)|locations?|located|based|city|cities|country)\b",
    "title": r"\b(job title|title of|name of the (post|position|job))\b",
    "organisation": r"\b(organi[sz]ation|agency|employer|which department|who is hiring)\b",
    "job_opening": r"\b(job opening number|reference number|vacancy number|job id|requisition)\b",
    "reporting": r"\b(report(s|ing)? (to|line)|supervis(or|ed by|ion)|boss|manager of)\b",
    "contract": r"\b(contract|appointment type|type of appointment|duration|how long|temporary|fixed[- ]term|permanent)\b",
    "how_to_apply": r"\b(how (do|can|to|should) (i )?apply|application process|where (do|can|to) (i )?apply|submit)",
    "salary": r"\b(salary|salaries|pay|pays|paid|remuneration|compensation|wages?|benefits|allowance|income|fee|fees|rate)\b",
    "start_date": r"\b(start date|when (does|would|will) (it|the job|the post) start|starting)\b",
    "education": r"\b(degree|education|diploma|bachelor|master|phd|doctorate|academic)",
    "qualifications": r"\b(qualifications?|requirements|what do i need|minimum requirements|requirement)\b",
    "experience": r"\b(experience|years|worked|work history|background)\b",
    "language": r"\b(language|english|french|spanish|arabic|russian|chinese|portuguese|speak|fluent|fluency)",
    "certification": r"\b(certificat|scp|sapp|ssafe|him\b|cpoc|training|course)",
    "licence": r"\b(driv(ing|er'?s?)|licen[cs]e)\b",
    "travel": r"\b(travel|mission travel)",
    "duties": r"\b(duties|responsibilit|tasks|do in (this|the) (job|role)|what would i (do|be doing)|functions|role involve)",
    "competencies": r"\b(competenc|skills?)\b",
    "assessment": r"\b(assessment|interview|test|exam|selection process)\b",
    "eligibility_rule": r"\b(roster\w*|internal|external|nationals?|nationality|citizens?|young professionals|"
                        r"who (can|may) apply|open to|eligible|live|living|reside|residen\w+|commut\w+)\b",
}
_REQUIREMENT_TOPICS = {"education", "experience", "language", "certification", "licence", "travel",
                       "eligibility_rule", "qualifications"}
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
class Route:
    kind: str
    topics: tuple[str, ...]
    across: bool = False          # asks about several notices ("which of them could I apply for?")


_ACROSS = re.compile(r"^\s*which\b|\bany (?:of (?:the|these|them) )?(?:notices|posts|jobs|positions|vacancies|ones)\b|"
                     r"\b(?:notices|posts|jobs|positions|vacancies) (?:could|can|would|might) i\b", re.I)
_FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|and what about|same for|what of)\b", re.I)


def route_turn(question: str, history: tuple[str, ...] = ()) -> Route:
    """Route a turn; a short follow-up without a topic of its own ("What about the one in
    Pretoria?") asks the previous turn's question of another notice."""
    r = route(question)
    if r.topics or not history or r.kind in ("eligibility", "comparison"):
        return r
    if _FOLLOW_UP.search(question) or len(question.split()) <= 8:
        previous = route_turn(history[-1], history[:-1])
        return Route(previous.kind, previous.topics, r.across)
    return r


def route(question: str) -> Route:
    q = question.lower()
    topics = tuple(t for t, pat in _TOPICS.items() if re.search(pat, q))
    if _ELIGIBILITY.search(q) and _SELF.search(q):
        return Route("eligibility", topics, bool(_COMPARISON.search(q) or _ACROSS.search(q)))
    if _COMPARISON.search(q):
        return Route("comparison", topics)
    if any(t in _REQUIREMENT_TOPICS for t in topics) and not _is_fact_question(topics):
        return Route("requirement", topics)
    if topics:
        return Route("fact", topics)
    return Route("open", topics)


def _is_fact_question(topics: tuple[str, ...]) -> bool:
    if "salary" in topics:
        return True
    facts = {"deadline", "posted", "duty_station", "reporting", "how_to_apply",
             "job_opening", "start_date"}
    return bool(facts & set(topics)) and not {"education", "language", "certification",
                                               "licence"} & set(topics)
