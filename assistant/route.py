"""What kind of question this is, and which topic it asks about.

Kinds: eligibility (the user describes themselves and asks whether they may apply),
catalogue (which notices there are: "What notices do you have?", "UNICEF posts in
Africa", "which are still open"), comparison (a fact or requirement across notices),
requirement, fact, open. Topics name the fact or requirement
asked for (deadline, grade, duty_station, reporting, contract, posting, how_to_apply,
salary, education, experience, language, certification, licence, travel, ...).
Topic words come from the registries (`index.kinds`, `index.facts`, the languages and
certifications and degree names of `index.vocab`), so every language, programme or degree
the parser knows is a topic too. A question no keyword cue routes is given the label of its
nearest exemplar questions (`exemplars.py`), when an exemplar index is passed.
Left out: questions in languages other than English.
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
    "deadline": r"\b(deadline|clos(e|es|ed|ing)|last (day|date)|due date|cut-?off|too late|"
                r"apply by(?! (?:e-?mail|post|mail|phone|online|fax))|still open|expire|"
                r"(?:until|by) when (?:(?:can|could|may|should|must|do|does) (?:i|we|you|one|candidates|applicants|(?:the )?applications) )?"
                r"(?:still )?(?:apply|send|submit|be (?:sent|submitted|received)|(?:is|are) (?:it|applications) open)|"
                r"(?:still )?accepting (?:applications|candidates)|days (?:are )?left|by (?:what|which) date)",
    "posted": r"\b(posted|posting period|published|advertised|opening date)\b",
    "grade": r"\b(grade|(?<!-)(?<!first )(?<!second )(?<!entry )(?<!working )level(?! of (?!(?:the|this) (?:post|position|job|vacancy)))|p-?[1-7]\b|g-?[1-7]\b|"
             r"no-?[a-d]\b|category|band|how senior|seniority)\b",
    "duty_station": r"\b((?<!at the )(?<!in the )duty stations?|where (is|are|would|will)|locations?|located|based|"
                    r"(?:which|what) (?:city|cities|country|countries|continent|region)|in which (?:city|country)|"
                    r"stationed)\b",
    "title": r"\b(job title|title of|name of the (post|position|job))\b",
    "organisation": r"\b((?:which|what|hiring) (?:organi[sz]ation|agency)|organi[sz]ation (?:is )?(?:hiring|recruiting)|"
                    r"name of the (?:organi[sz]ation|agency)|is the (?:organi[sz]ation|agency)(?=\W*$)|employer|which department|"
                    r"who is hiring)\b",
    "job_opening": r"\b(job opening number|reference (?:number|code)|vacancy number|job id|requisition)\b",
}
_OTHER_TOPICS: dict[str, str] = {
    "qualifications": r"\b(qualifications?|requirements|what do i need|minimum requirements|requirement)\b",
    "duties": r"\b(duties|responsibilit|(?:will|would|am) i be responsible for|tasks|do in (this|the) (job|role)|what would i (do|be doing)|functions|role involve)",
    "competencies": r"\b(competenc\w*|skills?)\b",
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
    kinds["education"] = rf"{kinds['education']}|{vocab.degree_pattern().pattern}"
    ordered = [*_META_TOPICS.items(), *facts, ("education", kinds["education"]),
               ("qualifications", _OTHER_TOPICS["qualifications"]), ("experience", kinds["experience"]),
               ("language", kinds["language"]), ("certification", kinds["certification"]),
               ("licence", kinds["licence"]), ("travel", kinds["travel"]), ("medical", kinds["medical"]),
               ("duties", _OTHER_TOPICS["duties"]), ("competencies", _OTHER_TOPICS["competencies"]),
               ("assessment", fact_kind("assessment").cues), ("eligibility_rule", kinds["eligibility_rule"])]
    return tuple((name, re.compile(pattern, re.I)) for name, pattern in ordered)


@cache
def _short_certifications() -> re.Pattern:
    """Acronyms of three letters or fewer (SCP, HIM, CPA) match only as written, in capitals."""
    short = [re.escape(a) for a in vocab.CERTIFICATIONS if len(a) <= 3]
    return re.compile(rf"\b(?:{'|'.join(short)})\b")


_REQUIREMENT_TOPICS = {*qualification_kinds(), "travel", "medical", "eligibility_rule", "qualifications"}
# A general topic gives way to a specific one the same question names ("the education
# requirements" → education; "language skills" → language).
_GENERAL_TOPICS = {"qualifications": {*qualification_kinds()},
                   "competencies": {"language", "certification", "licence", "education", "experience"},
                   "duty_station": {"eligibility_rule"}}
_SELF = re.compile(r"\b(i|i'm|i've|i am|i have|my|me)\b", re.I)
_ELIGIBILITY = re.compile(
    r"\b((?:can|could|may) i apply|(?:can|could|may) i (?:still|also|even) apply(?= for\b|\s*[?.]|$)|am i (eligible|qualified)|do i (qualify|meet|have a chance)|"
    r"would i (qualify|be eligible)|eligible|qualify|could i get|should i apply|can i get|"
    r"can i be (offered|hired|considered|appointed|selected)|would i be (considered|hired|selected)|"
    r"enough (?:for me )?to (?:apply|qualify|be considered)|do i stand a chance|"
    r"(?:would|will|is|was) (?:that|this|it) (?:be )?enough|could i be (?:one of|an?|the) \w+)\b", re.I)
_NOTICES = r"(?:notices?|posts?|jobs?|positions?|vacanc(?:y|ies)|openings?|postings?|roles?|ones?|" \
           r"internships?|consultanc(?:y|ies)|fellowships?)"
_SUPERLATIVE = (r"compare|comparison|across|most(?! (?:of|recent))|least|"
                r"first(?![- ](?:level|degree|university|language|aid|name))|earliest|soonest|latest|highest|lowest")
_COMPARISON = re.compile(
    rf"\b(which (?:{_NOTICES}|of (?:them|these|the))|{_SUPERLATIVE}|all (?:the )?{_NOTICES}|each (?:notice|post|job)|"
    rf"list (?:the|all)|how many (?:notices|posts|jobs))\b", re.I)
_SUPERLATIVES = re.compile(rf"\b(?:{_SUPERLATIVE})\b", re.I)
# Questions about which notices there are (the catalogue), before any notice is resolved.
_CAPS = r"(?-i:(?:[A-Z][\w'-]* ){0,3})"       # names before the noun: "UNICEF", "P-4", "Nairobi"
_CATALOGUE = re.compile("|".join((
    rf"\b(?:what|which) {_CAPS}(?:kinds? of )?{_NOTICES}\b(?: \w+){{0,3}} (?:do you have|are there|"
    rf"are (?:in|on) (?:the|your) (?:index|list|system)|are (?:indexed|available|listed|loaded))",
    rf"^\W*(?:list|show|display|give|tell)\b(?: me)?(?: (?:all|every|each|the|a list of|an overview of|the list of))*"
    rf"(?: (?!of\b|for\b|about\b|on\b)[\w-]+){{0,3}} {_NOTICES}\b",
    rf"\boverview of\b(?: the| all)? {_NOTICES}\b",
    rf"\bhow many {_CAPS}{_NOTICES} (?:\w+ ){{0,2}}?(?:are there|do you have|are (?:indexed|listed|loaded|open|"
    rf"in|at|still|available|there)|in|at|from|close)\b",
    rf"\b(?:are there|is there|do you have) (?:any )?{_CAPS}{_NOTICES}\b",
    rf"\bany {_CAPS}{_NOTICES} (?:in|at|for|from|with)\b",
    rf"^\W*which (?:of the |of them |ones? |{_CAPS}{_NOTICES} )?(?:are|is|have|has) (?:already |still )?(?:open|closed|expired|accepting)\b(?! to)",
    rf"^\W*(?:which|what) (?:{_CAPS}{_NOTICES} )?(?:\w+ ){{0,2}}(?:close[sd]?|closing|expire[sd]?) "
    rf"(?:this|next|in|within|before|by|during)\b",
    rf"^\W*(?:which|what) {_CAPS}{_NOTICES} (?:have|has|with) (?:an? |the )?(?:application )?(?:deadlines?|closing dates?) "
    rf"(?:in|this|next|before|within|by|during)\b",
    rf"^\W*tell me about (?:the |all (?:the )?)?{_CAPS}(?:notices|posts|jobs|positions|vacancies|openings)\b",
    rf"\bdo you have anything (?:in|at|for|from)\b",
    rf"^\W*(?:what|which) (?:of the )?{_CAPS}{_NOTICES} (?:are|is) (?:still )?(?:open\b(?! to)|closed|in|at|based|located|"
    rf"graded|p-?\d|g-?\d|d-?\d|no-?[a-d]|available|there)",
    rf"\bcan i still apply (?:to|for)\b(?! (?:the|this|it)\b)",
    rf"^\W*(?-i:(?:[A-Z][\w'-]* )+){_NOTICES}\b(?: (?:in|at|for|from)\b[^?]*)?\??\s*$",
)), re.I)
# A list of one field across notices ("list the duty stations") compares; it is not the catalogue.
_FIELD_LIST = re.compile(r"\b(?:list|show|give|what are) (?:me )?(?:all )?the (?:duty stations|locations|deadlines|"
                         r"closing dates|grades|levels|titles|salaries|languages|requirements)\b", re.I)
# Topics a catalogue question filters by (they do not make it a comparison).
_FILTER_TOPICS = {"deadline", "posted", "grade", "duty_station", "organisation", "title", "posts"}


@dataclass(frozen=True)
class QuestionRoute:
    kind: str
    topics: tuple[str, ...]
    across: bool = False          # asks about several notices ("which of them could I apply for?")


_ACROSS = re.compile(r"^\s*which\b|\bany (?:of (?:the|these|them) )?(?:notices|posts|jobs|positions|vacancies|ones)\b|"
                     r"\b(?:notices|posts|jobs|positions|vacancies) (?:could|can|would|might) i\b", re.I)
_FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|and what about|same for|what of)\b", re.I)


def route_turn(question: str, history: tuple[str, ...] = (), exemplars=None) -> QuestionRoute:
    """Route a turn; a short follow-up without a topic of its own ("What about the one in
    Pretoria?") asks the previous turn's question of another notice."""
    r = route(question, exemplars, keywords_only=bool(history))
    if r.topics or not history or r.kind in ("eligibility", "comparison", "catalogue"):
        return r
    if _FOLLOW_UP.search(question) or len(question.split()) <= 8:
        previous = route_turn(history[-1], history[:-1], exemplars)
        return QuestionRoute(previous.kind, previous.topics, r.across)
    return route(question, exemplars)


STRONG = 0.7   # a nearest exemplar this close replaces a general "qualifications" topic
# "the driver position", "the Education Officer post": words naming one notice by its title
# are the resolver's, not topic cues ("driver" is no licence question).
_NAMED = re.compile(r"\b(?:the|this|that) ((?:(?!(?:of|for|in|at|to|on|the|a|an|with|is|are|and|or|this|that|"
                    r"post|position|job|vacancy|role|opening)\b)[\w'’-]+ ){1,4})"
                    r"(?=(?:post|position|job|vacancy|role|opening)\b(?! (?:number|id|code|reference|period|title)))", re.I)


def without_names(question: str) -> str:
    """The question with the words that name a notice by its title left out."""
    return _NAMED.sub(lambda m: m.group(0)[:len(m.group(0)) - len(m.group(1))], question)


def route(question: str, exemplars=None, keywords_only: bool = False) -> QuestionRoute:
    """The keyword route; when it finds no topic (an open question) and `exemplars` (an
    `ExemplarIndex`) is given, the label of the nearest exemplar questions, if near enough."""
    r = _keyword_route(question)
    question = without_names(question)
    weak = r.kind == "requirement" and r.topics == ("qualifications",)
    if (r.kind != "open" and not weak) or exemplars is None or keywords_only:
        return r
    near = exemplars.nearest(question)
    if near is None or near.kind == "open" or (weak and (near.kind != "requirement"
                                                         or near.similarity < STRONG)):
        return r
    if near.kind == "eligibility" and not _SELF.search(question):
        return r
    return QuestionRoute(near.kind, near.topics, near.kind == "catalogue")


def _keyword_route(question: str) -> QuestionRoute:
    q = without_names(question).lower()
    topics = _specific(tuple(t for t, pat in _topics() if pat.search(q)
                             or (t == "certification" and _short_certifications().search(question))))
    if _ELIGIBILITY.search(q) and _SELF.search(q):
        return QuestionRoute("eligibility", topics, bool(_COMPARISON.search(q) or _ACROSS.search(q)))
    if _is_catalogue(question, topics):
        return QuestionRoute("catalogue", topics, True)
    if _COMPARISON.search(q):
        return QuestionRoute("comparison", topics)
    if any(t in _REQUIREMENT_TOPICS for t in topics) and not _is_fact_question(topics):
        return QuestionRoute("requirement", topics)
    if topics:
        return QuestionRoute("fact", topics)
    return QuestionRoute("open", topics)


def _specific(topics: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a general topic when a specific one it covers is named too."""
    return tuple(t for t in topics if not (_GENERAL_TOPICS.get(t, set()) & set(topics)))


def _is_catalogue(question: str, topics: tuple[str, ...]) -> bool:
    """Asks which notices there are (all, or those of an organisation, place, grade or
    closing window), and about no requirement or sentence fact of theirs."""
    if not _CATALOGUE.search(question) or _FIELD_LIST.search(question):
        return False
    if set(topics) - _FILTER_TOPICS:
        return False
    return not ("deadline" in topics and _SUPERLATIVES.search(question))


def _is_fact_question(topics: tuple[str, ...]) -> bool:
    if "salary" in topics:
        return True
    facts = {"deadline", "posted", "duty_station", "reporting", "how_to_apply",
             "job_opening", "start_date"}
    return bool(facts & set(topics)) and not {"education", "language", "certification",
                                               "licence"} & set(topics)
