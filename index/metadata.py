"""Read what a notice states about itself: title, organisation, grade, duty station,
posting and closing dates, job opening number. Nothing is guessed: a field the text
does not state stays None, and every value keeps the span of the text that states it
(`Metadata.spans`; for a date or a grade, the span of the date or grade itself).

Sources, first found wins:
1. labels in the body: `Duty Station: Pretoria` (markup, bullets and quotes around it
   allowed; the value may wrap onto the next lines or stand on the next line, as under
   `### Location###` or `DEADLINE FOR APPLICATIONS`), several labels on one line in
   flattened notices (`Position Title: ... Contract Type: Fixed Term (G6) Duty Station: ...`),
   database columns (`closing_date: 2020-01-01`);
2. front matter: YAML `key: value` lines (`title: "Librarian - ..."`, `date_posted:`) and
   JSON (`"hiringOrganization": {"name": ...}`); a job board's `Title - Employer` title
   gives the employer when the part after the dash names an organisation;
3. a first line `Regional Security Officer At International Organization for Migration`;
4. prose: "the Security Coordination Officer, P-3, is based in Laayoune", "the position of
   Partnerships Officer NOA, based in ... Seoul", "ABOUT WFP", "The Department of Safety
   and Security (UNDSS) is ...", "located in the Division of ...", "WFP is an equal
   opportunity employer", "... apply ... by 29 February 2016".
Grades are normalised (`Grade P4` → P-4, `NOB` → NO-B, `SC10` → SC-10, `GS-4` → G-4).
Left out: values only an image or the web page around the notice holds (logos, URLs), and
grades outside the UN common system scales (consultancy levels such as "CLT II" stay None).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Iterator

from dateutil import parser as dateparser

from . import places, vocab
from .headings import clean_heading, heading_kind
from .records import Metadata, Section
from .sections import front_matter

_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("posting title", "position title", "job title", "title", "position",
              "vacancy title", "post title", "functional title", "assignment title",
              "title of post", "title of position", "career opportunities", "job posting",
              "vacancy", "job opportunity", "titre du poste", "intitulé du poste", "título del puesto",
              "puesto", "poste", "submission for the position"),
    "organisation": ("organization", "organisation", "agency", "employer", "company",
                     "hiring organization", "hiring organisation", "company information",
                     "organization name", "company name"),
    "grade": ("grade", "level", "grade level", "scale", "salary scale", "position grade", "classification",
              "category and level", "post level", "band", "grade/level", "function group/grade",
              "function group and grade", "grade/function group", "grade range", "job grade",
              "salary grade", "position level", "grado", "niveau", "classe", "categoría"),
    "duty_station": ("duty station", "duty stations", "location", "duty station(s)",
                     "place of assignment", "work location", "city", "job location",
                     "place of employment", "place of work", "office location", "lieu d'affectation",
                     "lugar de destino", "duty location", "locations"),
    "posted": ("posted", "posting date", "date posted", "posted date", "posteddate",
               "publication date", "date of publication", "date of issue", "date",
               "issue date", "opening date"),
    "closes": ("closing date", "deadline", "closingdate", "deadline for applications",
               "application deadline", "apply by", "closing", "deadline date", "expiry date",
               "application closing date", "deadline of application",
               "deadline for application", "closing date for applications", "last date",
               "valid through", "application end date", "closing date and time",
               "posting end date", "posted end date", "external posted end date"),
    "period": ("posting period",),
    "job_opening": ("job opening number", "job opening", "job opening id", "vacancy number",
                    "vacancy notice", "vacancy no", "vacancy notice no", "vacancy notice number",
                    "job id", "requisition id", "reference", "reference number", "reference no",
                    "job number", "position number", "vn", "req id", "job reference",
                    "vacancy reference", "vacancy id", "special vacancy notice number",
                    "job req id", "requisition", "requisition number", "requisition no",
                    "job requisition id", "job posting id", "posting id", "job code", "post number",
                    "job no", "vacancy code", "reference code", "ref"),
    # a bare "ID" names the job only when nothing better does (a page's record id)
    "job_opening_weak": ("id",),
    "duty_station_weak": ("country", "country of assignment", "duty country"),   # when no place is labelled
    "title_weak": ("name",),   # a scraped record's "name:", when no line reads as the title
}
# Labels of other facts: they end the value of the label before them on a flattened line.
_OTHER_LABELS = (
    "contract type", "type of contract", "contract duration", "duration", "duration of contract",
    "nationality", "number of positions", "unit/division", "unit", "supervisor",
    "division/country office", "type of appointment", "estimated start date", "start date",
    "starts on", "end date", "estimated end date", "reports to", "position reports to",
    "period", "staffing exercise", "united nations core values", "department/office",
    "department", "organization unit", "hiring unit", "salary", "basic monthly salary",
    "medical and life insurance", "category", "seniority level", "employment type",
    "category of contract", "contract category", "type of post", "contract level",
)
# Labels whose value may hold the grade among other words (`Fixed Term (G6)`).
_GRADE_HINT_LABELS = ("contract type", "type of contract", "type of appointment", "category")
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
_KNOWN = set(_FIELD_OF) | set(_OTHER_LABELS)
# Labels not listed above, read by their words (first match wins): `Close Date (Midnight,
# Rome Time)`, `closes_at_local`, `Sourcing end date`, `Contract Level`, `Date de clôture`.
_LABEL_RULES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), f) for p, f in (
    (r"^(?:seniority|language|proficiency|education|experience)\b", ""),
    (r"\b(?:deadline|closing|close ?date|closes|cl[oô]ture|cierre|fecha ?l[ií]mite|date ?limite)", "closes"),
    (r"\b(?:posting|sourcing|application|advert(?:isement)?) ?end\b", "closes"),
    (r"\b(?:grade|level)$", "grade"),
    (r"\b(?:job|vacancy|requisition|req|reference|ref|posting|position) ?(?:#|no|number|id|code)$", "job_opening"),
    (r"^(?:date ?posted|posted ?on|publication|published|date ?of ?issue|opening ?date|publish ?date)", "posted"),
))


def _field_of(key: str) -> str | None:
    """The metadata field a label names, from the list or by its words; None for others."""
    if key in _FIELD_OF:
        return _FIELD_OF[key]
    if len(key.split()) > 6 or re.search(r"\d", key):   # not "Deadline 22/09/2026 23" (before ":59")
        return None
    return next((f or None for p, f in _LABEL_RULES if p.search(key)), None)
_DATE_FIELDS = ("posted", "closes")
_STRIP = " \t\n*_\"'`,;|"
_TITLE_STRIP = _STRIP + "(-–"

_START_LABEL = re.compile(
    r"^[ \t*_#>•'\"-]*(?P<label>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 _/.&'’#-]{0,50}?)"
    r"(?P<paren>[ \t]*\([^()]{0,80}\))?(?:[ \t*_]*:(?!//)|(?<=\b[Nn]o)\.(?![ \t]*:))[ \t*_]*", re.M)
_GRADE = re.compile(
    r"\b(?:(?P<cat>USG|ASG|P|D|G|GS|FS|NO|SC|SB|LSC|ICS|NPSA|IPSA|AD|AST|AST/SC|FG|IICA|LICA|SSA|"
    r"EC|ETC|ETT|STC|TL|T|L)(?:[- ]|\.(?=\d))?(?P<num>[1-9]\d?|I{1,3}V?|IV|V)\b(?![-/]\w)"
    r"|(?P<no>NO|N)[- ]?(?P<letter>[A-D])\b"
    r"|(?P<wb>G[A-K])\b(?=[ \t]*(?:\(|$|,|;|\n))"
    r"|(?P<word>Grade|Level|Grado|Niveau|Grade range)[: \t]+(?P<wnum>\d{1,2})\b)")
# French and Spanish month names, read as English ones.
_MONTH_EN = {**{m: e for e, ms in {
    "January": ("janvier", "enero"), "February": ("février", "fevrier", "febrero"), "March": ("mars", "marzo"),
    "April": ("avril", "abril"), "May": ("mai", "mayo"), "June": ("juin", "junio"),
    "July": ("juillet", "julio"), "August": ("août", "aout", "agosto"),
    "September": ("septembre", "septiembre", "setiembre"), "October": ("octobre", "octubre"),
    "November": ("novembre", "noviembre"), "December": ("décembre", "decembre", "diciembre"),
}.items() for m in ms}}
_MONTH_NAMES = re.compile(r"\b(?:" + "|".join(sorted(_MONTH_EN, key=len, reverse=True)) + r")\b", re.I)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|(?i:"
          + "|".join(sorted(_MONTH_EN, key=len, reverse=True)) + ")")
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er)?(?:\s+(?:of|de))?[\s-]+(?:{_MONTH}),?(?:\s+de)?[\s-]+\d{{4}}\b"
    rf"|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\d{4}-\d{2}-\d{2}(?=T\d|\b)|\d{1,2}[./-]\d{1,2}[./-]\d{4}\b)")
_TITLE_WORDS = (r"(?:Officer|Assistant|Specialist|Manager|Coordinator|Co-ordinator|Adviser|Advisor|"
                r"Analyst|Associate|Librarian|Director|Chief|Head|Consultant|Engineer|Intern|Internship|"
                r"Expert|Developer|Designer|Archivist|Clerk|Driver|Leader|Administrator|Lead|Principal|"
                r"Fellow|Volunteer|Translator|Reviser|Editor|Scientist|Physicist|Economist|Researcher|"
                r"Technologist|Representative|Counsel|Auditor|Accountant|Secretary|Planner|Controller|"
                r"Technician|Programmer|Trainer|Writer|Professional|Coordinador|Coordinadora|Oficial|"
                r"Experte?|Chargée?|Responsable|Asistente|Especialista)")
_GRADE_TOKEN = r"(?:P|D|G|GS|FS|NO|SC)-?[1-9A-D]\d?"
_PROSE_TITLE_GRADE = re.compile(
    rf"\b[Tt]he (?P<title>(?:[A-Z][\w/&-]* ){{0,5}}{_TITLE_WORDS}), (?P<grade>{_GRADE_TOKEN})\b")
_POSITION_OF = re.compile(
    rf"\bposition of (?P<title>(?:[A-Z][\w/&-]* ){{0,5}}{_TITLE_WORDS})(?: \(?(?P<grade>{_GRADE_TOKEN})\)?)?\b")
_PROSE_TITLE = re.compile(
    rf"\b[Tt]he (?P<title>(?:[A-Z][\w/&-]* ){{0,5}}{_TITLE_WORDS}(?: \([A-Z][^()]{{2,60}}\))?) "
    r"(?:will|is|reports|shall)\b")
_PLACE = r"[A-Z][\w'’-]*(?:[ -](?:of |de |du |al-)?[A-Z][\w'’-]*)*"
_BASED_IN = re.compile(
    rf"(?:\bis|,) based in (?:the [A-Z][^,.;\n]{{0,60}}? in )?(?P<place>{_PLACE}(?:, {_PLACE})?"
    r"(?: \([A-Z][^()]{2,40}\))?)")
_LOCATED_IN = re.compile(
    r"\b(?:position|post) is (?:located|based) (?:in|within) (?P<org>(?:the )?[A-Z][^.,;\n]{3,120}?)"
    r"(?:, (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}))?\.")
_TAKES_PLACE_IN = re.compile(
    rf"(?:\b(?:[Ii]nternships?|[Aa]ssignments?|[Tt]he (?:position|post|job|role|work|assignment|internship)) "
    rf"(?:will )?(?:takes?|take) place in |\b[Pp]lace of (?:employment|work|assignment) (?:is|will be):? )"
    rf"(?P<place>{_PLACE}(?:, {_PLACE})?)")
_FIRST_LINE_AT = re.compile(r"^(?P<title>[^\n]{3,90}?) [Aa]t (?P<org>[A-Z][^\n]{2,90})$")
_ORG_NAME = r"(?:The )?[A-Z][\w&.'’-]*(?: (?:of|for|and|the|de|la|[A-Z][\w&.'’-]*)){0,8}"
_ABOUT_ORG = re.compile(r"^(?:About|ABOUT|Why join|WHY JOIN) (?P<org>[A-Z][A-Za-z&.-]{1,20}(?: [A-Z][A-Za-z&.-]+){0,4})\??$")
_SETS_OUT = re.compile(r"(?:The )?(?P<org>[A-Z][\w&.'’-]*(?: (?:of|for|and|on|the|[A-Z][\w&.'’-]*)){1,10} \([A-Z]{2,10}\)) (?:is|was|has)\b")
_EQUAL_OPPORTUNITY = re.compile(
    rf"(?P<org>{_ORG_NAME}) (?:is an? (?i:equal opportunit(?:y|ies)(?:/[\w ]+?)? employer)"
    r"|(?i:offers equal opportunities))")
_DEADLINE_PROSE = re.compile(
    rf"(?i:(?:latest )?by|deadline is|no later than|before|(?:accepted|received) (?:through|until|till))\s+"
    r"(?:the (?:closing )?date of\s+)?(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z][a-z]+(?: [A-Z][a-z]+)? Time|\s+[A-Z]{2,4})?\s+(?i:on)\s+)?"
    rf"(?P<date>{_DATE.pattern})")   # "no later than 5:00 PM Eastern Time on 07/06/2018"
_APPLY_WORDS = re.compile(r"(?i)\b(?:appl\w*|submit\w*|sent|send|deadline|repl(?:y|ies)|respond)\b")
_ORG_WORDS = re.compile(
    r"\b(?:Nations|University|Universit\w+|Librar\w+|Institute|Times|Company|Corporation|"
    r"Organi[sz]ation|Programme|Fund|Bank|Foundation|Agency|Office|Council|Commission|Inc|Ltd|"
    r"LLC|College|Museum|Society|Association|Department|Ministry|Centre|Center|Group|Gardens?|Hospital|"
    r"School|Archives?|Trust|Authority|Court|Services|Network|Alliance|Press|Zoo|Conservancy|Academy|"
    r"Clinic|Institution)\b|\b[A-Z]{3,}\b")
_ORG_SUFFIX = re.compile(r"\s+(?:website|web site|site|careers|jobs|job board|homepage)$", re.I)
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|will|does|do|has|have|seeks?|offers?)\b|[a-z]{2}[.!?]\s+[A-Z]\w*(?:\s+[a-z]+){2}"
                            r"|^(?i:visit|please|contact|call|e-?mail|see|click|apply|send|for more)\b")


@dataclass(frozen=True)
class _Found:
    value: str
    start: int
    end: int


def read_metadata(text: str, sections: tuple[Section, ...] = ()) -> Metadata:
    """What `text` (a repaired notice) states about the post; see the module docstring."""
    front = front_matter(text)
    found: dict[str, _Found] = {}
    sources = (_labels(text, front[1], len(text)), _front_matter_values(text, *front),
               _first_line(text, front[1]), _prose(text, sections, front[1]))
    for source in sources:
        for field, candidate in source:
            _offer(text, found, field, candidate)
    _dates_of_period(text, found)
    _drop_title_as_organisation(found)
    order = numeric_order(text)
    if order is None and "duty_station" in found and places.country_code(found["duty_station"].value) == "US":
        order = False   # a US notice writes its numeric dates month first ("Posting End Date: 07/06/2018")
    for field in ("job_opening", "duty_station"):
        weak = found.pop(f"{field}_weak", None)
        if field not in found and weak is not None:
            found[field] = weak
    for field, candidate in _value_block(text):
        _offer(text, found, field, candidate)
    if "grade" not in found and "title" in found:
        _offer(text, found, "grade", _grade_in_title(text, found["title"]))
    if "job_opening" not in found:
        _offer(text, found, "job_opening", _stated_reference(text, found.get("title")))
        title, number = found.get("title"), found.get("job_opening")
        if title is not None and number is not None and title.start < number.start < title.end:
            found["title"] = _trim(text, title.start, number.start - 1, _STRIP + "( ") or title   # "… (24303)"
    if "grade" not in found:
        rank = _stated_rank(text)
        if rank is not None:
            found["grade"] = rank
    if "title" not in found:
        _offer(text, found, "title", _first_title_line(text, front[1]))
    weak_title = found.pop("title_weak", None)
    if "title" not in found and weak_title is not None:
        _offer(text, found, "title", weak_title)
    if "duty_station" not in found:
        _offer(text, found, "duty_station", _board_place(text))
    if "duty_station" not in found and "title" in found:
        _offer(text, found, "duty_station", _title_place(text, found["title"]))
    if "organisation" not in found:
        _offer(text, found, "organisation", _named_organisation(text))
    return _to_metadata(found, order)


# -- accepting a value ---------------------------------------------------------------
def _offer(text: str, found: dict[str, _Found], field: str, f: _Found | None) -> None:
    """Keep `f` as `field` unless the field is known; values are checked and trimmed first."""
    if f is None or field in found:
        return
    f = _trim(text, f.start, f.end)
    if f is None:
        return
    if field == "title":
        f = _trim(text, f.start, f.end, _TITLE_STRIP)   # "Molecular Biologist - (Job Number: …)"
        if f is not None:
            _offer_title(text, found, f)
        return
    checked = _CHECKS.get(field, _check_text)(text, f)
    if checked is not None:
        found[field] = checked


def _trim(text: str, start: int, end: int, chars: str = _STRIP) -> _Found | None:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    if end <= start:
        return None
    return _Found(" ".join(text[start:end].split()), start, end)


def _check_text(text: str, f: _Found) -> _Found | None:
    return f if 1 < len(f.value) <= 120 and re.search(r"[A-Za-z]", f.value) else None


def _check_date(text: str, f: _Found) -> _Found | None:
    """The date a value states; in a long value (a paragraph under a bare `DEADLINE` label)
    only a date that opens it."""
    m = _DATE.search(text, f.start, f.end)
    if not m or (parse_date(m.group(0), True) is None and parse_date(m.group(0), False) is None):
        return None
    if f.end - f.start > 60 and m.start() - f.start > 2 and not _DATE_LEAD.search(text, max(f.start, m.start() - 30),
                                                                                 m.start()):
        return None   # "Review of applications will begin March 30, 2018 …" under a bare label: that date
    return _Found(m.group(0), m.start(), m.end())


_DATE_LEAD = re.compile(r"\b(?:begins?|starts?|by|before|until|on|is)[ \t]+$", re.I)


def _check_grade(text: str, f: _Found, own: bool = True) -> _Found | None:
    """The grade in a labelled value; `own`: the label names the grade itself, so a value in
    the employer's own scale counts (a contract-type label's value only for a known grade)."""
    bare = re.fullmatch(r"\d{1,2}", text[f.start:f.end].strip())
    if bare:
        return _trim(text, f.start, f.end)
    m = _GRADE.search(text, f.start, f.end)
    if not m or normalise_grade(m.group(0)) is None:
        return _own_grade(text, f) if own else None
    return _Found(m.group(0), m.start(), m.end())


def _own_grade(text: str, f: _Found) -> _Found | None:
    """A labelled grade in the employer's own scale ("Salary Grade: Staff Union - SU18.0"):
    short, with a number or a roman numeral in it, and not a salary, a date or years."""
    f = _trim(text, f.start, f.end)
    if f is None or len(f.value) > 40 or len(f.value.split()) > 6:
        return None
    if not re.search(r"\d|\b[IVX]{1,4}\b", f.value) or _DATE.search(f.value) or re.search(
            r"[$€£%]|\b(?:USD|EUR|CHF|GBP|per|annum|annual|hour|hourly|salary|years?|months?|n/?a)\b", f.value, re.I):
        return None
    return f


# "… at the rank of Librarian III", "… to be hired at the Assistant or Senior Assistant rank":
# an academic rank stated in a sentence (capitalised words only).
_RANK = re.compile(r"\bat the rank of (?P<of>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|of))*(?: [IVX]{1,4})?)\b"
                   r"|\bat the (?P<at>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}(?: or [A-Z][\w-]*(?: [A-Z][\w-]*){0,2})?) "
                   r"(?:rank|level)\b")


# "Advertising Request, Req. #F-10026-19-04", "Reference number eu-LISA/26/TA/AD10/15.1
# Deadline …": a reference after its unlabelled (colon-less) name, a digit in it.
_REFERENCE = re.compile(r"\b(?:Req(?:uisition)?|Ref(?:erence)?)\.?(?: (?:number|no\.?|ID))? ?#? ?"
                        r"(?P<code>(?=[\w./-]*\d)[A-Za-z0-9][\w./-]*[A-Za-z0-9])(?=[\s,;)]|$)")


# The code an applicant is told to quote, wherever it stands: "Must reference Job Code (727MET)
# in letter of application", "please quote the vacancy number VA/2019/045".
_CITED_REFERENCE = re.compile(r"(?i:\b(?:reference|quote|cite|include|indicate|mention) (?:the )?(?:job|position|posting|"
                              r"vacancy|requisition) (?:code|number|no\.?|id|#))\s*\(?(?P<code>(?=[\w./-]*\d)[A-Za-z0-9]"
                              r"[\w./-]*[A-Za-z0-9])(?=[\s,;).]|$)")
_BRACKETED_NUMBER = re.compile(r"\((\d{4,8})\)")
_NUMBER_CLOSING_TITLE = re.compile(r"\((\d{4,8})\)\s*$")
_NUMBER_CLOSING_LINE = re.compile(r"\((\d{4,8})\)[\s<]*$")


def _stated_reference(text: str, title: _Found | None) -> _Found | None:
    """A reference stated without a label's colon: after "Req. #" / "Reference number" near
    the top, or as a number in brackets closing the title's line ("… Registry (24231)")."""
    if title is not None:
        line_end = text.find("\n", title.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[title.end:line_end]
        m = (_NUMBER_CLOSING_TITLE.search(text, title.start, title.end)       # "… Registry (24231)"
             or _NUMBER_CLOSING_LINE.search(text, title.end, line_end)        # the title, then "(24231)"
             or _BRACKETED_NUMBER.match(text, title.end + len(rest) - len(rest.lstrip())))
        if m:
            return _Found(m.group(1), m.start(1), m.end(1))
    m = _REFERENCE.search(text, 0, 4000) or _CITED_REFERENCE.search(text)
    return _Found(m.group("code"), m.start("code"), m.end("code")) if m else None


def _stated_rank(text: str) -> _Found | None:
    m = _RANK.search(text, 0, 8000)
    if m is None:
        return None
    group = "of" if m.group("of") else "at"
    return _Found(m.group(group), m.start(group), m.end(group))


def _check_period(text: str, f: _Found) -> _Found | None:
    return f if len(list(_DATE.finditer(text, f.start, f.end))) >= 2 else None


def _check_job_opening(text: str, f: _Found) -> _Found | None:
    """A reference with a digit; not a database record's UUID."""
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", f.value, re.I):
        return None
    end = f.end   # a reference stays inside its brackets: "(Job Number: 2603964)"
    closing = text.find(")", f.start, end)
    if closing >= 0 and "(" not in text[f.start:closing]:
        end = closing
    f = _trim(text, f.start, end) if end != f.end else f
    return f if f and re.search(r"\d", f.value) and len(f.value) <= 60 else None


def _check_organisation(text: str, f: _Found) -> _Found | None:
    """`the Division ...` loses its article, `UNICEF website` its last word, a tagline after a
    dash goes; a sentence, or the title repeated, is not an organisation."""
    start, end = f.start, f.end
    if text.startswith("the ", start):
        start += 4
    m = _ORG_SUFFIX.search(text, start, end)
    end = m.start() if m else end
    dash = re.search(r" [–—-] (?=.*\b(?!(?:of|and|for|the|to|in)\b)[a-z]{3,}\b)", text[start:end])
    if dash:
        end = start + dash.start()
    cut = text.find(" | ", start, end)
    end = cut if cut > 0 else end
    address = _ADDRESS.search(text, start, end)   # "New Rochelle Public Library 1 Library Plaza …"
    end = address.start() if address and address.start() - start >= 3 else end
    f = _trim(text, start, end)
    if f is None or len(f.value) > 100 or not f.value[0].isalpha() or _URL_VALUE.match(f.value) \
            or _SENTENCE_VERB.search(f.value) or _HR_UNIT.fullmatch(f.value):
        return None
    return f


# A postal address after the name: a street number ("1 Library Plaza", "/735 Anderson Hill Road").
_ADDRESS = re.compile(r"(?:\s+|\s*/\s*|,\s*)\d{1,5}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]")
_URL_VALUE = re.compile(r"\[?(?:https?://|www\.)", re.I)
# Where applications go, not who employs: "DEPARTMENT OF HUMAN RESOURCES".
_HR_UNIT = re.compile(r"(?:the )?(?:(?:department|office|division) of )?(?:human resources?|personnel|recruitment)"
                      r"(?: (?:department|office|division|services))?", re.I)


def _check_duty_station(text: str, f: _Found) -> _Found | None:
    """A place, not a sentence; a value in capitals or naming a unit ("CONFERENCE
    DIVISION", "CWR": an applicant-tracking system's location code) only when it names
    a known place, a headquarters ("UNICEF NYHQ") or remote work."""
    if len(f.value) > 80 or _SENTENCE_VERB.search(f.value):
        return None
    unit_like = not re.search(r"[a-z]", f.value) or _UNIT_WORDS.search(f.value)
    if unit_like and not _REMOTE_PLACE.search(f.value) and places.country_code(f.value) is None:
        return None
    return f


_UNIT_WORDS = re.compile(r"\b(?:division|department|unit|section|branch|directorate|cross-divisional)\b", re.I)
_REMOTE_PLACE = re.compile(r"\b(?:remote|home[- ]based|online|field|various|multiple|worldwide|global)\b|"
                           r"(?:HQ|headquarters)\b", re.I)


_CHECKS = {"posted": _check_date, "closes": _check_date, "grade": _check_grade,
           "job_opening_weak": _check_job_opening, "duty_station_weak": _check_duty_station,
           "grade_hint": _check_grade, "period": _check_period,
           "job_opening": _check_job_opening, "organisation": _check_organisation,
           "duty_station": _check_duty_station}


def _offer_title(text: str, found: dict[str, _Found], f: _Found) -> None:
    """A title loses a trailing grade (`Protection Coordination Officer, P3`, `... Manager NOA`),
    which becomes the grade when none is known."""
    if len(f.value) > 150 or not re.search(r"[A-Za-z]{3}", f.value):
        return
    prefix = re.match(r"(?P<org>[^:]{2,60}):\s+(?=\S)", f.value)
    if prefix and (vocab.organisation_pattern().fullmatch(prefix.group("org"))
                   or _ORG_WORDS.search(prefix.group("org"))):   # "Global Fund to End Modern Slavery: Director …"
        at = text.find(prefix.group("org"), f.start, f.end)
        if at >= 0:
            found.setdefault("organisation", _Found(prefix.group("org"), at, at + len(prefix.group("org"))))
            f = _trim(text, text.find(":", at) + 1, f.end) or f
    f = _title_line_parts(text, found, f)
    grades = list(_GRADE.finditer(text, f.start, f.end))
    tail = text[grades[-1].end():f.end].strip(" )") if grades else "x"
    if grades and not tail and normalise_grade(grades[-1].group(0)):
        g = grades[-1]
        cut = _trim(text, f.start, g.start(), _STRIP + "(–- ")
        if cut is not None and re.search(r"[, ]+(?:grade|level)$", cut.value, re.I):  # "…, Grade P4"
            cut = _trim(text, cut.start, cut.start + re.search(r"[, ]+(?:grade|level)$", cut.value,
                                                                re.I).start())
        if cut is None:
            return
        found.setdefault("grade", _Found(g.group(0), g.start(), g.end()))
        f = cut
    found["title"] = f


_CODE_PART = re.compile(r"#\s?[A-Z]{0,4}\d{4,}|[A-Z]{0,4}\d{5,}")       # "#00012345"
_CONTRACT_PART = re.compile(r"(?:FT|FTA|TA|PT|TMP|TEMP|IC|SSA|SC|NPSA|IPSA|UNV)")


def _title_line_parts(text: str, found: dict[str, _Found], f: _Found) -> _Found:
    """`Programme Policy Specialist, NO-2, FT, #00012345, Dhaka`: a title line of comma parts
    gives the grade, the requisition number and (a last plain part) the duty station; the
    title is what comes before the grade."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", text[f.start:f.end])]
    parts = [(f.start + a, f.start + b) for a, b in parts]
    if len(parts) < 3:
        return f
    grade_at = next((i for i, (a, b) in enumerate(parts) if i and _GRADE.fullmatch(text[a:b].strip())), None)
    if grade_at is None:
        return f
    for i, (a, b) in enumerate(parts[grade_at:], grade_at):
        piece = _trim(text, a, b)
        if piece is None:
            continue
        if i == grade_at:
            found.setdefault("grade", piece)
        elif _CODE_PART.fullmatch(piece.value):
            found.setdefault("job_opening", _trim(text, piece.start, piece.end, _STRIP + "# ") or piece)
        elif i == len(parts) - 1 and not _CONTRACT_PART.fullmatch(piece.value) and \
                re.fullmatch(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}", piece.value):
            found.setdefault("duty_station", piece)
    return _trim(text, f.start, parts[grade_at - 1][1]) or f


# -- labels --------------------------------------------------------------------------
def _label_key(raw: str) -> str:
    raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw).replace("_", " ")
    return " ".join(raw.lower().split()).strip(" .")


def _labels(text: str, start: int, end: int) -> Iterator[tuple[str, _Found | None]]:
    """Every labelled value between `start` and `end`, in text order."""
    for line_start, line in _lines(text, start, end):
        for key, value_start, value_end in _line_labels(text, line_start, line):
            field = _field_of(key)
            grade_hint = key in _GRADE_HINT_LABELS
            if field is None and not grade_hint:
                continue
            span = _value_span(text, value_start, value_end, field)
            if span is None:
                continue
            if grade_hint:
                yield "grade", _check_grade(text, _Found("", *span), own=False)
            else:
                yield field, _Found("", *span)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    offset = start
    for line in text[start:end].split("\n"):
        yield offset, line
        offset += len(line) + 1


@cache
def _inline_pattern() -> re.Pattern:
    """Any known label followed by a colon, anywhere on a line."""
    names = sorted(_KNOWN, key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in names)
    return re.compile(
        rf"(?<![A-Za-z/])(?P<label>{alternatives})(?P<paren>[ \t]*\([^()\n]{{0,40}}\))?[ \t]*:(?!//)",
        re.I)


def label_starts(text: str, start: int, end: int) -> list[int]:
    """Where a known label ("Duration:", "Basic monthly salary:") starts inside
    `text[start:end]`, capitalised and after `start`: the fields of a run-on header line,
    where an answer may quote one field instead of the whole line."""
    return [m.start() for m in _inline_pattern().finditer(text, start, end)
            if m.group("label")[0].isupper() and m.start() > start]


def _line_labels(text: str, line_start: int, line: str) -> list[tuple[str, int, int]]:
    """(label key, value start, value end) of the labels on one line. A label may open the
    line (any known label, even with a bracketed note running onto the next lines) or follow
    another label's value (a known label, capitalised) on a line that holds several."""
    hits: list[tuple[str, int, int]] = []  # key, label start, value start
    head = _START_LABEL.match(text, line_start)
    if head and head.end("label") <= line_start + len(line) \
            and (_label_key(head.group("label")) in _KNOWN or _field_of(_label_key(head.group("label")))):
        hits.append((_label_key(head.group("label")), head.start(), head.end()))
    pos = hits[0][2] if hits else 0
    inline = [m for m in _inline_pattern().finditer(text, max(pos, line_start), line_start + len(line))
              if m.group("label")[0].isupper() and m.start() > line_start]
    if hits or len(inline) >= 2:
        hits.extend((_label_key(m.group("label")), m.start(), m.end()) for m in inline
                    if not hits or m.start() >= hits[0][2])
    if not hits:
        hits = _uncoloned_label(text, line_start, line)
    if not hits:
        bare = _bare_label(line)
        if bare:
            hits.append((bare, line_start, line_start + len(line)))
    line_end = text.find("\n", hits[-1][2]) if hits else -1
    line_end = len(text) if line_end < 0 else line_end
    out = []
    for (key, _, value_start), nxt in zip(hits, hits[1:] + [None]):
        out.append((key, value_start, nxt[1] if nxt else line_end))
    return out


_SINGLE_WORD_LABELS = {"location", "grade", "deadline", "title", "level", "organization",
                       "organisation", "reference"}


@cache
def _uncoloned_pattern() -> re.Pattern:
    """A known label opening a line without a colon: a table row `Requisition ID | 37039`,
    `Duty Station: | The Hague` (a colon before the cell bar), or a PDF header table
    `Function group/grade AD 9` (label and value in one line, several words of label)."""
    names = sorted(_KNOWN, key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in names)
    return re.compile(rf"^[ \t•*#>-]*(?P<label>{alternatives})(?P<sep>[ \t]*:?[ \t]*\|[ \t]*|[ \t]+)"
                      r"(?-i:(?=[A-Z0-9€$£(\[]))", re.I)


_PIPE_ROW = re.compile(r"^[ \t•*#>-]*(?P<label>[A-Za-zÀ-ÿ][^|\n:]{1,50}?)(?P<sep>[ \t]*:?[ \t]*\|[ \t]*)(?=\S)")


def _uncoloned_label(text: str, line_start: int, line: str) -> list[tuple[str, int, int]]:
    if len(line) > 160:
        return []
    m = _uncoloned_pattern().match(line)
    if not m:
        row = _PIPE_ROW.match(line)   # "Posting End Date | 27/09/2026": any label a rule reads
        if row and _field_of(_label_key(row.group("label"))):
            return [(_label_key(row.group("label")), line_start + row.start(), line_start + row.end())]
        return []
    key = _label_key(m.group("label"))
    if "|" not in m.group("sep") and (len(key.split()) < 2 and key not in _SINGLE_WORD_LABELS
                                      or _SENTENCE_VERB.search(line[m.end():])
                                      or line.strip(" \t•*#>-").isupper()):
        return []
    return [(key, line_start + m.start(), line_start + m.end())]


def _bare_label(line: str) -> str | None:
    """A line that is only a field's label (`### Location###`, `DEADLINE FOR APPLICATIONS`)."""
    cleaned = re.sub(r"\s*\([^()]{0,60}\)$", "", clean_heading(line))
    if not cleaned or ":" in cleaned or len(cleaned) > 40:
        return None
    key = _label_key(cleaned)
    return key if _field_of(key) else None


def _value_span(text: str, start: int, end: int, field: str | None) -> tuple[int, int] | None:
    """The value after a label: on the label's line (continued on short wrapped lines), or
    alone on the next non-blank line."""
    if text[start:end].strip(_STRIP):
        return start, _wrapped_end(text, start, end, field)
    nxt = _next_line(text, end)
    if nxt is None:
        return None
    s, e = nxt
    if _label_like(text[s:e]) or (e - s > 120 and field not in _DATE_FIELDS):
        return None
    return s, e


def _wrapped_end(text: str, start: int, end: int, field: str | None) -> int:
    """End of a value hard-wrapped onto at most two short following lines (a place does not
    go on onto a line with figures: "Reserve list (RL) valid until 31/12/2027")."""
    for _ in range(2):
        value = text[start:end].strip()
        if value.endswith((".", ";", ":", "!", "?")) or end >= len(text) or text[end] != "\n":
            break
        if field in _DATE_FIELDS and _DATE.search(value):
            break
        nxt_end = text.find("\n", end + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        nxt = text[end + 1:nxt_end]
        if not nxt.strip() or len(nxt) > 60 or _label_like(nxt) or nxt.lstrip()[:1] in "•*-#" \
                or (field == "duty_station" and re.search(r"\d", nxt)):
            break
        end = nxt_end
    return end


def _next_line(text: str, end: int) -> tuple[int, int] | None:
    """The next non-blank line after offset `end` (one blank line may come between)."""
    pos = end
    for _ in range(3):
        if pos >= len(text):
            return None
        s = pos + 1 if text[pos] == "\n" else pos
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        if text[s:e].strip():
            return s, e
        pos = e
    return None


def _label_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith((":", "(")) or _bare_label(stripped) \
            or _uncoloned_label("", 0, stripped):
        return True
    m = _START_LABEL.match(stripped)
    return bool(m and len(m.group("label").split()) <= 5)


# -- front matter --------------------------------------------------------------------
_GENERIC_KEYS = {"original", "name", "text", "textdescription", "value", "displayname"}


def _front_matter_values(text: str, start: int, end: int) -> Iterator[tuple[str, _Found | None]]:
    if start == end:
        return
    block = text[start:end]
    if block.lstrip().startswith("{"):
        yield from _json_values(text, start, end)
        return
    yield from _title_employer(text, start, end)
    yield from _labels(text, start, end)


def _json_values(text: str, start: int, end: int) -> Iterator[tuple[str, _Found | None]]:
    """Fields of a JSON front matter; `"title": {"original": ...}` counts as the title."""
    raw = text[start:end].rstrip().removesuffix("---").rstrip()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return
    cursor = start
    for path, value in _json_leaves(data, ()):
        encoded = json.dumps(value, ensure_ascii=False)[1:-1]
        at = text.find(f'"{encoded}"', cursor, end)
        if at < 0:
            continue
        cursor = at + len(encoded) + 2
        key = path[-1] if path[-1].lower() not in _GENERIC_KEYS or len(path) < 2 else path[-2]
        field = _field_of(_label_key(key))
        if field:
            yield field, _Found(value, at + 1, at + 1 + len(encoded))


def _json_leaves(data, path: tuple[str, ...]):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _json_leaves(v, path + (str(k),))
    elif isinstance(data, list):
        for v in data:
            yield from _json_leaves(v, path)
    elif isinstance(data, str) and path:
        yield path, data


def _title_employer(text: str, start: int, end: int) -> Iterator[tuple[str, _Found | None]]:
    """A job board's `Title - Employer`: the employer when the part after the last dash names
    an organisation (`- United Nations`, `- Columbia University Libraries`, `- UNICEF`)."""
    for key, value_start, value_end in _front_labels(text, start, end):
        if _FIELD_OF.get(key) != "title":
            continue
        line_start = text.rfind("\n", 0, value_start) + 1
        f = _trim(text, value_start, value_end)
        if f is None:
            return
        dashes = list(re.finditer(r" [–—-] ", text[f.start:f.end]))
        if not dashes:
            return
        employer = _trim(text, f.start + dashes[-1].end(), f.end)
        if not (employer and _ORG_WORDS.search(employer.value)):
            parts = [e for e in (_trim(text, f.start + d.end(), f.end) for d in dashes) if e]
            employer = next((e for e in parts if _named_again(text, e, (line_start, value_end))), None) or next(
                (e for e in reversed(parts) if _named_again(text, e, (line_start, value_end), by_domain=True)), None)
            dashes = [d for d in dashes if employer and f.start + d.end() <= employer.start]
        if employer:
            yield "title", _Found("", f.start, f.start + dashes[-1].start())
            yield "organisation", employer
        return


_NOT_EMPLOYER = re.compile(r"\d|\b(?:part|full)[- ]time\b|\b(?:temporary|permanent|contract|remote|hybrid|"
                           r"intern(?:ship)?|adjunct|tenure|track|position|job|grant[- ]funded|per diem)\b", re.I)


def _named_again(text: str, f: _Found, line: tuple[int, int], by_domain: bool = False) -> bool:
    """The part after a title's dash is its employer when the notice names it again outside
    that line ("The Frick Collection", "Voxgov is a fast growing startup", "Museum of
    Jewish Heritage—A Living Memorial …"), or, `by_domain`, when its web or mail domain spells it
    (`_in_own_domain`); not when it reads as the job's terms or a place."""
    if _NOT_EMPLOYER.search(f.value) or not f.value[:1].isupper() or len(f.value) < 5 \
            or places.is_place(f.value):
        return False
    words = re.findall(r"[a-z0-9]+", f.value.lower())
    outside = text[:line[0]] + " " + text[line[1]:]
    rest = " ".join(re.findall(r"[a-z0-9]+", outside.lower()))
    if by_domain:
        return len(words) <= 10 and _in_own_domain(f.value, outside)
    return len(words) <= 10 and f" {' '.join(words)} " in f" {rest} "


def _in_own_domain(name: str, text: str) -> bool:
    """The employer's web or mail domain spells the name or its initials: "Hudson County
    Community College" — `www.hccc.edu`, "Cartier North America" — `www.cartier.com`."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for", "at")]
    initials = "".join(w[0] for w in words).lower()
    labels = {label.lower() for d in re.findall(r"(?:www\.|@)([\w.-]+)\.(?:edu|org|com|net|int|gov)\b", text)
              for label in d.split(".")}
    return len(initials) >= 3 and initials in labels or any(len(w) >= 5 and w.lower() in labels for w in words[:1])


def _front_labels(text: str, start: int, end: int):
    for line_start, line in _lines(text, start, end):
        yield from _line_labels(text, line_start, line)


# -- first line and prose --------------------------------------------------------------
_MD_TITLE = re.compile(r"^#[ \t]+(?P<title>[^\n]+?)(?:[ \t]*\(https?://[^)\n]*\))?[ \t]*$", re.M)
_MD_EMPLOYER = re.compile(r"\n(?:[ \t]*\n)?#{2,4}[ \t]+(?P<org>[^#\n`:]{2,60}?)[ \t#]*(?=\n)")
_PAGE_TITLE = re.compile(r"^(?P<title>[^\n]{3,100}?) [-|–] (?P<org>[^\n|–-]{2,60}?) "
                         r"(?:Careers|Jobs|Vacancies|Recruitment|Career Site|Job Portal)[ \t]*$", re.M)


def _first_line(text: str, start: int) -> Iterator[tuple[str, _Found | None]]:
    """The page's own first line: "Title At Employer", a markdown job board's `# Title
    (link)` with `### Employer` under it, a browser title "Title - Employer Careers"."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for pattern in (_FIRST_LINE_AT, _PAGE_TITLE):
        m = pattern.match(text, start, end)
        if m:
            yield "title", _Found("", m.start("title"), m.end("title"))
            yield "organisation", _Found("", m.start("org"), m.end("org"))
    m = _MD_TITLE.match(text, start)
    if m:
        yield "title", _Found("", m.start("title"), m.end("title"))
        employer = _MD_EMPLOYER.match(text, m.end())
        if employer and heading_kind(employer.group("org")) is None:
            yield "organisation", _Found("", employer.start("org"), employer.end("org"))


_BOARD_PLACE = re.compile(r"🌎[ \t]*(?P<place>[^`\n]{2,60}?)[ \t]*`")


_UN_GRADE = re.compile(r"\b(?:P|D|G|GS|NO|SC|SB|FS|AD|AST|IICA|LICA|NPSA|IPSA)[- ]?\d{1,2}\b|\bNO[- ]?[A-D]\b")


def _grade_in_title(text: str, title: _Found) -> _Found | None:
    """`Business Support Assistant SC 5 - Roster for …`: a grade of a UN-system scale inside
    the title, when nothing else states the grade."""
    m = _UN_GRADE.search(text, title.start, title.end)
    return _Found(m.group(0), m.start(), m.end()) if m else None


def _title_place(text: str, title: _Found) -> _Found | None:
    """The place a title ends with after a dash, when nothing else states one: "Technical
    Coordinator CCCM – Hargeisa". Only a whole place name (`places.is_place`)."""
    dashes = list(re.finditer(r" [–—-] ", text[title.start:title.end]))
    part = _trim(text, title.start + dashes[-1].end(), title.end) if dashes else None
    return part if part and places.is_place(part.value) else None


def _board_place(text: str) -> _Found | None:
    """A job board's location badge near the top (`🌎 United States`)."""
    m = _BOARD_PLACE.search(text, 0, min(len(text), 800))
    return _Found(m.group("place"), m.start("place"), m.end("place")) if m else None


def _first_title_line(text: str, start: int) -> _Found | None:
    """When nothing else names the post: an opening line (among the first three) that is a
    job title — short, no sentence, a title word in it, not a heading of the notice."""
    offset = start
    for line in text[start:start + 600].split("\n")[:4]:
        bare = line.strip(" \t#*")
        if bare and len(bare.split()) <= 12 and not bare.endswith((".", ":", "?")) and \
                re.search(rf"\b{_TITLE_WORDS}s?\b", bare) and heading_kind(bare) is None and \
                not _SENTENCE_VERB.search(bare):
            at = text.find(bare, offset)
            return _Found(bare, at, at + len(bare))
        offset += len(line) + 1
    return None


def _prose(text: str, sections: tuple[Section, ...], body: int) -> Iterator[tuple[str, _Found | None]]:
    """Patterns of the opening paragraphs, the headings and the closing instructions."""
    first = next((s.start for s in sections if s.kind not in ("header", "details")), body)
    window = (body, min(len(text), max(first, body) + 3000))
    for pattern in (_PROSE_TITLE_GRADE, _POSITION_OF):
        m = pattern.search(text, *window)
        if m:
            yield "title", _group(m, "title")
            yield "grade", _group(m, "grade")
    m = _PROSE_TITLE.search(text, *window)
    if m:
        yield "title", _group(m, "title")
    m = _BASED_IN.search(text, *window)
    if m:
        yield "duty_station", _group(m, "place")
    yield from _organisation_prose(text, sections, window)
    m = _LOCATED_IN.search(text, *window)
    if m:
        yield "duty_station", _group(m, "place")
    for m in _TAKES_PLACE_IN.finditer(text, body):   # "Internships take place in Geneva, Switzerland."
        if places.country_code(m.group("place")):
            yield "duty_station", _group(m, "place")
            break
    yield from _deadline_prose(text, 0)


def _group(m: re.Match, name: str) -> _Found | None:
    return _Found(m.group(name), m.start(name), m.end(name)) if m.group(name) else None


def _organisation_prose(text: str, sections, window) -> Iterator[tuple[str, _Found | None]]:
    for s in sections:
        m = _ABOUT_ORG.match(s.name)
        if m and m.group("org").lower() not in ("us", "you", "the job", "the role"):
            at = text.find(m.group("org"), s.start, s.end)
            if at >= 0:
                yield "organisation", _Found("", at, at + len(m.group("org")))
    setting = next((s for s in sections if s.kind == "org_setting"), None)
    if setting:
        body = text.find("\n", setting.start, setting.end)
        if body > 0:
            m = _SETS_OUT.match(text, body + 1, setting.end)
            if m:
                yield "organisation", _group(m, "org")
    m = _LOCATED_IN.search(text, *window)
    if m:
        yield "organisation", _group(m, "org")
    m = _EQUAL_OPPORTUNITY.search(text)
    if m:
        yield "organisation", _group(m, "org")


_ORG_WINDOW = 3000


def _named_organisation(text: str) -> _Found | None:
    """The employer when no label or heading names it: the organisation of the registry
    (`vocab.ORGANISATIONS`) named most often, counting the opening part of the notice
    double; at least two mentions, or one in the opening part. The span is its first mention."""
    counts: dict[str, int] = {}
    first: dict[str, re.Match] = {}
    for m in vocab.organisation_pattern().finditer(text):
        org = vocab.organisation_of(m)
        counts[org] = counts.get(org, 0) + (2 if m.start() < _ORG_WINDOW else 1)
        first.setdefault(org, m)
    if not counts:
        return None
    best = max(counts, key=lambda o: (counts[o], -first[o].start()))
    if counts[best] < 2:
        return None
    m = first[best]
    return _Found(m.group(0), m.start(), m.end())


_BLOCK_DATE = re.compile(rf"(?P<date>{_DATE.pattern})(?:,?[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]*[AP]M)?)?"
                         r"(?:[ \t]+[A-Z]{2,5})?", re.I)


def _value_block(text: str) -> Iterator[tuple[str, _Found | None]]:
    """Fields of a block of bare values with their labels lost (the form fields of a
    script-rendered page, one per line: `TL6`, `02-Sep-2026, 9:15:57 AM`,
    `16-Sep-2026, 11:59:00 PM`): a line that is only a grade is the grade, and a block
    holding exactly two lines that are only dates opens on the posting date and closes on
    the deadline; a `Country-City` chain gives the duty station. Left out: titles, which no
    shape tells apart."""
    offset = 0
    block: list[tuple[int, str]] = []
    for line in text.split("\n") + [""]:
        stripped = line.strip()
        if stripped and len(stripped) <= 80 and not stripped.endswith((".", ":", ";")):
            block.append((offset + len(line) - len(line.lstrip()), stripped))
        else:
            if len(block) >= 3:
                yield from _block_fields(block)
            block = []
        offset += len(line) + 1


def _chained_place(start: int, line: str) -> _Found | None:
    """`Burkina Faso-Ouagadougou`, `Asian Development Bank-Mongolia Resident Mission-Mongolia-
    Ulaanbaatar`: a form's location chain, read as its last part when an earlier part is a
    country."""
    parts = line.split("-")
    if len(parts) < 2 or not re.fullmatch(r"[A-Z][\w' ]{1,40}", parts[-1].strip()):
        return None
    if not any(p.strip().lower() in places.countries_by_name() for p in parts[:-1]):
        return None
    last = parts[-1].strip()
    at = start + line.rindex(last)
    return _Found(last, at, at + len(last))


def _block_fields(block: list[tuple[int, str]]) -> Iterator[tuple[str, _Found | None]]:
    dates: list[tuple[date, _Found]] = []
    for start, line in block:
        if "-" in line and not _DATE.search(line):
            place = _chained_place(start, line)
            if place:
                yield "duty_station", place
        if _GRADE.fullmatch(line) and normalise_grade(line):
            yield "grade", _Found(line, start, start + len(line))
        m = _BLOCK_DATE.fullmatch(line)
        if m and (day := parse_date(m.group("date"), True)) and day == parse_date(m.group("date"), False):
            dates.append((day, _Found(m.group("date"), start, start + len(m.group("date")))))
    if len({d for d, _ in dates}) == 2 and len(dates) == 2:
        (first, a), (second, b) = sorted(dates, key=lambda d: d[0])
        yield "posted", a
        yield "closes", b


def _deadline_prose(text: str, start: int) -> Iterator[tuple[str, _Found | None]]:
    """`... should be sent to ... by 29 February 2016`, `Application deadline is 07 Dec 2021`:
    a date after "by", "deadline is", "no later than" in a sentence about applying."""
    for m in _DEADLINE_PROSE.finditer(text, start):
        sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n\n", 0, m.start()), 0)
        if _APPLY_WORDS.search(text, sentence_start, m.start()):
            yield "closes", _group(m, "date")
            return


# -- values --------------------------------------------------------------------------
def normalise_grade(value: str) -> str | None:
    """`Grade P4` → `P-4`; `General Service, G5` → `G-5`; `NOA` → `NO-A`; None when no grade."""
    m = _GRADE.search(value)
    if not m:
        bare = re.fullmatch(r"\s*(\d{1,2})\s*", value)   # "Grade range: 6": the label says what it is
        return f"Grade {bare.group(1)}" if bare else None
    if m.group("no"):
        return f"NO-{m.group('letter')}"
    if m.group("wb"):
        return m.group("wb")
    if m.group("word"):
        return f"Grade {m.group('wnum')}" if m.group("word").startswith("Grade") else f"Level {m.group('wnum')}"
    cat = "G" if m.group("cat") == "GS" else m.group("cat")
    return f"{cat}-{m.group('num')}"


def parse_date(value: str, dayfirst: bool | None = None) -> date | None:
    """The first date in `value`. Dotted numeric dates are day first (`23.11.2025`); a
    slashed one whose day and month could be swapped (`10/6/2019`) is read in the order
    `dayfirst` gives (the notice's other dates: `numeric_order`), and not read without it."""
    m = _DATE.search(value)
    if not m:
        return None
    slashed = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", m.group(0))
    if slashed and len({*slashed.groups()[:2]}) == 2 and max(map(int, slashed.groups()[:2])) <= 12:
        if dayfirst is None:
            return None
        a, b, year = map(int, slashed.groups())
        day, month = (a, b) if dayfirst else (b, a)
        return date(year, month, day) if year >= 1950 else None
    raw = " ".join(re.sub(r"(?<=\d)(?:st|nd|rd|th|er)\b|\bof\b|\b(?:de|del)\b", "", m.group(0)).split())
    raw = _MONTH_NAMES.sub(lambda w: _MONTH_EN[w.group(0).lower().rstrip(".")], raw)
    try:
        parsed = dateparser.parse(raw, dayfirst=not re.match(r"\d{4}-", raw)).date()
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.year >= 1950 else None   # "0001-01-01": a placeholder, not a date


def numeric_order(text: str) -> bool | None:
    """Whether the notice writes numeric dates day first (True), month first (False), or
    cannot be told (None): read off the dates whose first or second number exceeds 12."""
    orders = {int(a) > 12 for a, b in re.findall(r"\b(\d{1,2})[/-](\d{1,2})[/-]\d{4}\b", text)
              if (int(a) > 12) != (int(b) > 12) and max(int(a), int(b)) <= 31}
    return orders.pop() if len(orders) == 1 else None


def _drop_title_as_organisation(found: dict[str, _Found]) -> None:
    """A job board that fills its organisation field with the job title states no employer."""
    title, org = found.get("title"), found.get("organisation")
    if title and org and title.value.lower() == org.value.lower():
        del found["organisation"]


def _dates_of_period(text: str, found: dict[str, _Found]) -> None:
    """A posting period (`From 08.06.2022 to 21.06.2022`) gives the posting and closing
    dates the notice does not state otherwise."""
    period = found.get("period")
    if period is None:
        return
    dates = list(_DATE.finditer(text, period.start, period.end))
    for field, m in (("posted", dates[0]), ("closes", dates[-1])):
        found.setdefault(field, _Found(m.group(0), m.start(), m.end()))


def _to_metadata(found: dict[str, _Found], order: bool | None = None) -> Metadata:
    def val(name):
        f = found.get(name)
        return f.value if f else None

    return Metadata(
        title=val("title"),
        organisation=val("organisation"),
        grade=(normalise_grade(val("grade")) or " ".join(val("grade").split())) if "grade" in found else None,
        duty_station=val("duty_station"),
        posted=parse_date(val("posted"), order) if "posted" in found else None,
        closes=parse_date(val("closes"), order) if "closes" in found else None,
        job_opening=val("job_opening"),
        spans=tuple(sorted(((k, f.start, f.end) for k, f in found.items()),
                           key=lambda s: (s[1], s[0]))),
    )
