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
from .sentences import sentences as _sentences
from .statements import statements



@dataclass(frozen=True)
class FactKind:
    name: str
    pattern: str                   # a sentence stating the fact matches this (case-insensitive)
    prefer: frozenset | None       # section kinds whose sentences come first (the rest follow)
    limit: int                     # sentences an answer quotes
    absent: str                    # "The notice does not state {absent}."
    needs_digit: bool = False      # only sentences with a figure state it (pay amounts)
    cues: str | None = None        # question words asking about it (regex on the lower-cased question)


@dataclass(frozen=True)
class Fact:
    name: str
    start: int
    end: int


_ANY = frozenset({"header", "details", "special_notice", "org_setting", "qualifications", "body", "other",
                  "how_to_apply", "responsibilities"})
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A period given as two dates or months: "July-August 2016", "January -April 2020", "from
# approximately May 21, 2018 to June 25, 2018", "June and July 2018".
_DATE_RANGE = (rf"{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*"
               rf"{_MONTH}(?:\s+\d{{1,2}})?,?\s+(?:19|20)\d\d"
               rf"|{_MONTH}\s+\d{{1,2}}\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b)\s*{_MONTH}\s+\d{{1,2}}\b")
_MONEY = r"(?:USD|US\$|\$|EUR|€|CHF|GBP|£|JPY|¥)\s?\d|\d[\d,.]*\s?(?:USD|EUR|CHF|GBP)\b"
FACTS: tuple[FactKind, ...] = (
    FactKind("reporting", r"\breport(?:s|ing)?\s+(?:directly\s+|through\s+|technically\s+|functionally\s+)?"
             r"(?:to|through|within)\b|\baccountable to\b|\bunder the (?:overall |direct |general |immediate |day-to-day )?(?:supervision|"
             r"guidance|direction)\b|\b(?:as )?directed by\b|\bsupervis(?:ion|or)\b|\breporting line\b|\bsous la (?:supervision|"
             r"responsabilit)|\bbajo la (?:supervisi[oó]n|direcci[oó]n)|\breportar[aá]\b|\brel[eè]vera\b",
             frozenset({"header", "org_setting", "responsibilities", "details"}), 2, "a reporting line",
             cues=r"\b(report(s|ing)? (to|line)|supervis(or|ed by|ion)|boss|manager of|who (is|would be) my (manager|supervisor))\b"),
    FactKind("contract", r"\b(?:type of (?:appointment|contract|post)|contract type|contract duration|appointment|"
             r"contract|duration|fixed[- ]term|temporary (?:position|job opening|appointment|agent|staff)|"
             r"\d+ days|\d+ months|months?\b.*\bextension|initial period|regular/temporary|non-contractual|"
             r"employment type|employment status|position (?:status|type)|affiliate type|placed on a roster|"
             r"individual contractor|secondment|type de contrat|part[- ]time|full[- ]time|tenure[- ]track|"
             r"appointed as|hired? as|"
             r"faculty status|temporary(?! duty)|permanent position|independent contractor|"
             r"\d+[- ]hours?(?: per| a|/)? ?week|hours per week|\b(?-i:FT|PT)\b|"
             r"tipo de contrato)\b",
             frozenset({"header", "special_notice", "details", "org_setting"}), 3,
             "the type or duration of the contract",
             cues=r"\b(contract|appointment type|type of appointment|duration|how long|temporary|fixed[- ]term|permanent)\b"),
    FactKind("duration", r"\b(?:duration|for a period of|initial (?:period|term|contract)|period of (?:the )?"
             r"(?:assignment|contract|appointment)|over a period of|(?:\d+|one|two|three|four|five|six|nine|ten|"
             r"eleven|twelve|eighteen|twenty-four)[- ]?(?:\(\d+\)\s*)?(?:months?|weeks?)\b|\d+[- ]year "
             r"(?:contract|appointment|term)|(?:\w+[- ])?year term|(?:contract|appointment|assignment|term) of "
             r"(?:\w+ )?(?:years?|months?)|ongoing, subject to|dur[ée]e|duraci[oó]n|"
             r"(?:contract|appointment|offered) for (?:a period of )?(?:\w+ ){0,2}(?:years?|months?)\b|"
             r"(?:\d+|one|two|three|four|five) years? ?\+ ?extension|position end date|end date|"
             r"from (?:the )?date of hire|funded (?:through|until)|to be completed (?:by|in)\b|position (?:running|ending|lasting)\b|\blasting (?:through|until|for)\b|temporary (?:position|appointment) (?:from|until|through)|"
             r"(?:position|appointment|contract|internship|fellowship|assignment) is (?:offered|available)\b[^.]{0,60}"
             r"\b(?:until|through|ending)\b|period\s*:|" + _DATE_RANGE +
             r"|(?:appointments?|contracts?|positions?|terms?|fellowships?|internships?|residenc(?:y|ies)|"
             r"assignments?) (?:is|are|will be|runs?) (?:offered )?for (?:a period of )?(?:\w+ ){0,2}"
             r"(?:years?|months?|weeks?|semesters?)\b|\bentire (?:spring|summer|fall|autumn|winter) (?:semester|term)\b"
             r"|(?:for|during) (?:the )?(?:spring|summer|fall|autumn|winter) (?:(?:19|20)\d\d )?(?:semester|term)\b"
             r"|for (?:the )?(?:spring|summer|fall|autumn|winter) (?:19|20)\d\d)",
             frozenset({"header", "special_notice", "details"}), 2, "the duration of the contract"),
    FactKind("how_to_apply", r"\bappl(?:y|ications?|icants?)\b.*\b(?:via|through|online|on-line|submit|"
             r"e-?recruitment|inspira|portal|website|link|email|e-mail|here)\b|"
             r"\b(?:appl(?:y|ications?|icants?)|candidates)\b.*(?:https?://|www\.|[\w.-]+@[\w-]+\.\w|"
             r"[\w-]+\.(?:edu|org|com|net|int|gov)/\S)|"
             r"\bvisit\b.*(?:https?://|www\.)|\bsend (?:a |your )?(?:\w+ )?(?:letter|r[ée]sum[ée]|cv|cover letter|application)\b|"
             r"\b(?:follow|click) (?:this|the) link\b|"
             r"\bsubmit(?:ted)?\b|\bapply (?:at|in person)\b|"
             r"\bclick to apply\b|\bplease (?:email|send)\b|\bcover letter\b|\bformulaire de candidature\b|"
             r"\bwhen submitting\b|\bcomplete (?:your|an|the) (?:online )?application\b|"
             r"\bformulario\b|\bpostular\b",
             frozenset({"how_to_apply", "special_notice", "header", "details", "boilerplate"}), 3, "how to apply",
             cues=r"\b(how (do|can|to|should) (i )?apply|application process|where (do|can|to) (i )?apply|submit|apply (through|via|online)|what (do|should) i (send|submit|include))"),
    FactKind("salary", r"\b(?:salary|salaries|remuneration|remunerated|compensation|pay|paid|unpaid|unfunded|"
             r"wages?|stipend|fee|hourly|allowances?|per (?:month|annum|year|day|hour)|/\s?(?:yr|hr|hour|year|"
             r"month)|net per|salaire|rémunération|salario|remuneraci[oó]n)\b|" + _MONEY,
             frozenset({"header", "details", "special_notice", "org_setting", "qualifications", "body",
                        "other", "how_to_apply", "responsibilities"}), 3, "a salary or pay", needs_digit=True,
             cues=r"\b(salary|salaries|pay|pays|paid|remuneration|compensation|wages?|benefits|allowance|income|fee|fees|rate|earn|how much (?:does|will|would|do|is)\b(?:(?!experience|years).)*\b(?:pay|earn|get|make|offer|salary))\b"),
    FactKind("start_date", r"\b(?:start date|start ?date|expected to start|as soon as possible|starting date|"
             r"commence\w*|entry on duty|to start (?:in |on )?(?:\w+ )?(?:19|20)\d\d|"
             r"(?:start|begin)\w* (?:in |this |next |in the )?(?:spring|summer|fall|autumn|winter)\b|(?:immediately )?available to start|immediately available|"
             r"to be undertaken over|will host|date to be filled|to be filled (?:by|on)|fecha de inicio|date de d[ée]but|"
             r"(?:anticipated|expected|scheduled|planned|slated|due|able|available) to (?:begin|start|commence)\b|"
             r"available (?:in|from|beginning|starting) (?:the )?(?:spring|summer|fall|autumn|winter|January|February|"
             r"March|April|May|June|July|August|September|October|November|December)|"
             r"(?:spring|summer|fall|autumn|winter)(?: semester| term| session)?,? (?:of )?(?:19|20)\d\d\b|"
             r"starting (?:in |on |from )?(?:January|February|March|April|May|June|July|August|September|"
             r"October|November|December)|(?:work|starts?|begins?|run|available)\b[^.]{0,40}\bfrom (?:approximately |about )?"
             rf"{_MONTH}(?:\s+\d{{1,2}}\b|\s*[-–]|,?\s+(?:19|20)\d\d)|starts? on\b|" + _DATE_RANGE +
             rf"|(?:begin|start|commence)(?:s|ning)? (?:in|on) (?:early |mid-?|late )?{_MONTH}\b)", None, 2, "a start date",
             cues=r"\b(start dates?|when (does|would|will|do|can|could|should) (?:[^?]{0,80} )?(start|begin|commence)|starting)\b"),
    FactKind("posts", r"\b(?:number ?of ?(?:posts|positions|vacancies|assign?ments)|no\.? of (?:posts|positions)|"
             r"(?:\d+|one|two|three|four|five|ten|several|a number of)(?:,? (?:possibly|or|up to|maybe) (?:\d+|two|three|"
             r"four|five),?)? (?:\w+ ){0,2}(?:posts|positions|vacancies|"
             r"profiles|internships|interns|fellows|temporary employees|students)\b|fill (?:\d+|one|a) (?:\w+ ){0,2}posts?\b|"
             r"(?:seeks?|seeking|hiring|to hire) (?:\d+|two|three|four|five|six|ten)(?:,? (?:possibly|or|up to) (?:\d+|two|three|"
             r"four|five),?)? (?!(?:years?|months?|weeks?|days?|hours?)\b)(?:[\w-]+ ){0,3}[a-z]+s\b|"
             r"reserve list|(?:hire|recruit|select|fill) (?:up to )?(?:\d+|two|three|four|five|six|ten) "
             r"(?:\w+ )?(?:interns|fellows|staff|candidates|consultants|officers|positions|posts)\b)", None, 2, "the number of posts",
             cues=r"\b(how many (posts|positions|vacancies|openings|people)|number of (posts|positions))\b"),
    FactKind("who_may_apply", r"\b(?:open (?:for|to)|only (?:open to |consider )?(?:nationals|citizens|candidates|"
             r"applicants|internal)|eligible to apply|(?:may|can|cannot) apply|right to (?:live and )?work|"
             r"work permit|(?:work )?authori[sz]ation to work|work authori[sz]ation|nationals? of|citizens? of|"
             r"nationality|internal (?:and external )?(?:candidates|applicants|search)|external candidates|legally (?:authori[sz]ed|"
             r"entitled)|able to hire in|secondment only|age of separation|will be offered to|"
             r"peuvent soumettre|pueden postular|(?:not|no longer) (?:be )?eligible|ineligible|limited to (?:local|"
             r"internal)|only those who|must be based in|dirigido al? (?:p[uú]blico|candidat)|"
             r"nearing completion|(?:students|individuals|candidates|applicants|graduates)\b[^.]{0,60}\b(?:may|will) (?:also )?be "
             r"considered|must be enrolled|current (?:[\w-]+ ){0,2}students?|currently enrolled|visa sponsorship|sponsor (?:a |your )?visa)\b", None, 2, "who may apply"),
    FactKind("assessment", r"\b(?:assessment|interview|test|exam(?:ination)?|shortlisted)\b",
             frozenset({"assessment", "how_to_apply", "special_notice"}), 3, "an assessment method",
             cues=r"\b(assessment|interview|test|exam|selection process)\b"),
)


@cache
def fact_kind(name: str) -> FactKind:
    return next(f for f in FACTS if f.name == name)


@cache
def _pattern(name: str) -> re.Pattern:
    return re.compile(fact_kind(name).pattern, re.I)


def sentences(notice: Notice) -> list[tuple[int, int, str]]:
    """(start, end, section kind) of every statement and every section's heading line (a
    heading may state a fact: "### Number of positions: 3"), boilerplate sections included
    (there the lines and sentences are cut without reading them as requirements)."""
    out = [(st.start, st.end, st.section) for st in statements(notice)]
    for section in notice.sections:
        line_end = notice.text.find("\n", section.start, section.end)
        line_end = section.end if line_end < 0 else line_end
        heading = notice.text[section.start:line_end]
        if section.kind not in ("header", "body") and heading.strip():   # "### Number of positions: 3"
            lead = len(heading) - len(heading.lstrip(" #*\t"))
            out.append((section.start + lead, line_end, section.kind))
        if section.kind == "boilerplate":
            out += [(s, e, "boilerplate") for s, e in _line_sentences(notice.text, section.start, section.end)]
    return sorted(out)


def _line_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences (`index/sentences.py`) of each line of `text[start:end]` that end with a
    full stop, white space trimmed; a line without one (a "No Fee" heading) is left out."""
    out, pos = [], start
    for line in text[start:end].split("\n"):
        for s, e in _sentences(text, pos, pos + len(line)):
            s, e = s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())
            if e > s and text[e - 1] == ".":
                out.append((s, e))
        pos += len(line) + 1
    return out


def fact_spans(notice: Notice, name: str, sents: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences stating fact `name`: those in the entry's preferred sections
    first, each group in text order; a label line ("Reports to:", "Contract Type") takes
    the next line, its value, with it."""
    kind, pattern = fact_kind(name), _pattern(name)
    sents = sentences(notice) if sents is None else sents
    first, rest = [], []
    for i, (start, end, section) in enumerate(sents):
        if _label_only(notice.text[start:end]) and i + 1 < len(sents):
            end = sents[i + 1][1]
        if pattern.search(notice.text[start:end].replace("\n", " ")):   # a label and its value line
            (first if kind.prefer is None or section in kind.prefer else rest).append((start, end))
    return first + rest


def _label_only(text: str) -> bool:
    """"Reports to:", "Contract Type": a label whose value is the next line."""
    t = text.strip()
    return t.endswith(":") or (len(t.split()) <= 4 and t[:1].isupper() and not re.search(r"[.;,!?|:]", t))


def read_facts(notice: Notice, requirements=None) -> tuple[Fact, ...]:
    """Every sentence of `notice` that states a fact of the registry; the statements of the
    who-may-apply rules (`requirements`, extracted when not given) state who may apply."""
    from .requirements import extract_requirements

    sents = sentences(notice)
    found = [Fact(f.name, s, e) for f in FACTS for s, e in fact_spans(notice, f.name, sents)]
    reqs = extract_requirements(notice) if requirements is None else requirements
    found += [Fact("who_may_apply", r.start, r.end) for r in reqs
              if r.kind == "eligibility_rule" and not r.preference]
    return tuple(found)
