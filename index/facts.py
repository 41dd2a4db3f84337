"""The registry of facts a job seeker asks about that are not metadata fields: pay,
contract type and duration, start date, number of posts, how to apply, who may apply and
the reporting line — one entry each (the pattern a sentence stating it matches, where to
look, how many sentences an answer quotes, the words for "not stated"), and
`read_facts(notice)`, every sentence of the notice that states one, with its span.

The answering code (`assistant/facts.py`) reads the same entries. Left out: reading the
values themselves (amounts, dates) — the answer quotes the sentence that states them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .records import Notice
from .statements import statements



@dataclass(frozen=True)
class FactKind:
    name: str
    pattern: str                   # a sentence stating the fact matches this (case-insensitive)
    sections: frozenset | None     # section kinds to look in; None: anywhere
    limit: int                     # sentences an answer quotes
    absent: str                    # "The notice does not state {absent}."
    needs_digit: bool = False      # only sentences with a figure state it (pay amounts)


@dataclass(frozen=True)
class Fact:
    name: str
    start: int
    end: int


_ANY = frozenset({"header", "details", "special_notice", "org_setting", "qualifications", "body", "other",
                  "how_to_apply", "responsibilities"})
FACTS: tuple[FactKind, ...] = (
    FactKind("reporting", r"\breport(?:s|ing)?\s+(?:directly\s+|through\s+|technically\s+)?(?:to|through)\b|"
             r"\bunder the (?:overall |direct |general |immediate )?(?:supervision|guidance|direction)\b|"
             r"\bsupervis(?:ion|or)\b|\bsous la (?:supervision|responsabilit)|\bbajo la (?:supervisi[oó]n|direcci[oó]n)",
             frozenset({"header", "org_setting", "responsibilities", "details"}), 2, "a reporting line"),
    FactKind("contract", r"\b(?:type of appointment|contract type|contract duration|appointment|contract|"
             r"duration|fixed[- ]term|temporary (?:position|job opening|appointment)|\d+ days|"
             r"\d+ months|months?\b.*\bextension|initial period)\b",
             frozenset({"header", "special_notice", "details", "org_setting"}), 3,
             "the type or duration of the contract"),
    FactKind("duration", r"\b(?:duration|for a period of|initial (?:period|term|contract)|period of (?:the )?"
             r"(?:assignment|contract|appointment)|(?:\d+|one|two|three|four|five|six|nine|ten|eleven|twelve|"
             r"eighteen|twenty-four)[- ]?(?:\(\d+\)\s*)?(?:months?|weeks?)\b|\d+[- ]year (?:contract|appointment|"
             r"term)|(?:contract|appointment|assignment|term) of (?:\w+ )?(?:years?|months?)|dur[ée]e|duraci[oó]n)",
             None, 2, "the duration of the contract"),
    FactKind("how_to_apply", r"\bappl(?:y|ication|icants)\b.*\b(?:via|through|online|submit|e-recruitment|"
             r"inspira|portal|website|link|email|e-mail)\b|\bsubmit\b",
             frozenset({"how_to_apply", "special_notice", "header", "details", "boilerplate"}), 3, "how to apply"),
    FactKind("salary", r"\b(?:salary|salaries|remuneration|remunerated|compensation|pay|paid|unpaid|wages?|stipend|"
             r"fee|hourly|per (?:month|annum|year|day|hour)|/\s?(?:yr|hr|hour|year|month))\b",
             _ANY, 3, "a salary or pay", needs_digit=True),
    FactKind("start_date", r"\b(?:start date|expected to start|as soon as possible|starting date|commence)\b",
             None, 2, "a start date"),
    FactKind("posts", r"\b(?:number of (?:posts|positions|vacancies)|no\.? of (?:posts|positions)|"
             r"(?:\d+|one|two|three|four|five|several|a number of) (?:\w+ )?(?:posts|positions|vacancies|"
             r"profiles)\b|reserve list)", None, 2, "the number of posts"),
    FactKind("who_may_apply", r"\b(?:open to|only (?:open to )?(?:nationals|citizens|candidates|internal)|"
             r"eligible to apply|(?:may|can|cannot) apply|right to (?:live and )?work|work permit|"
             r"work authori[sz]ation|nationals? of|citizens? of|internal (?:and external )?candidates|"
             r"external candidates|legally (?:authori[sz]ed|entitled))\b", None, 2, "who may apply"),
    FactKind("assessment", r"\b(?:assessment|interview|test|exam(?:ination)?|shortlisted)\b",
             frozenset({"assessment", "how_to_apply", "special_notice"}), 3, "an assessment method"),
)


@cache
def fact_kind(name: str) -> FactKind:
    return next(f for f in FACTS if f.name == name)


@cache
def _pattern(name: str) -> re.Pattern:
    return re.compile(fact_kind(name).pattern, re.I)


def sentences(notice: Notice) -> list[tuple[int, int, str]]:
    """(start, end, section kind) of every statement, boilerplate sections included
    (there the lines and sentences are cut without reading them as requirements)."""
    out = [(st.start, st.end, st.section) for st in statements(notice)]
    for section in notice.sections:
        if section.kind == "boilerplate":
            for m in re.finditer(r"[^.\n]+(?:\.|$)", notice.text[section.start:section.end]):
                s, e = section.start + m.start(), section.start + m.end()
                piece = notice.text[s:e]
                if piece.strip():
                    out.append((s + len(piece) - len(piece.lstrip()), e, "boilerplate"))
    return sorted(out)


def fact_spans(notice: Notice, name: str, sents: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences stating fact `name`, in text order; a label line ending in
    ":" ("Reports to:") takes the next line, its value, with it."""
    kind, pattern = fact_kind(name), _pattern(name)
    sents = sentences(notice) if sents is None else sents
    found = []
    for i, (start, end, section) in enumerate(sents):
        if kind.sections is not None and section not in kind.sections:
            continue
        if notice.text[start:end].rstrip().endswith(":") and i + 1 < len(sents):
            end = sents[i + 1][1]
        text = notice.text[start:end]
        if pattern.search(text) and (not kind.needs_digit or re.search(r"\d", text)):
            found.append((start, end))
    return found


def read_facts(notice: Notice) -> tuple[Fact, ...]:
    """Every sentence of `notice` that states a fact of the registry."""
    sents = sentences(notice)
    return tuple(Fact(f.name, s, e) for f in FACTS for s, e in fact_spans(notice, f.name, sents))
