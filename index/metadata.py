"""Read what a notice states about itself: title, organisation, grade, duty station,
posting and closing dates, job opening number. Nothing is guessed: a field the text
does not state stays None.

Sources, in order of trust: labelled lines (`Duty Station: Pretoria`, `closing_date:`,
YAML front matter), then the short first line (`Regional Security Officer At IOM`), then
a few prose patterns of the organisational-setting paragraph ("the Security Coordination
Officer, P-3, is based in Laayoune"). Every value keeps the span of the text it came from.
Left out: values only an image or a web page around the notice holds (logos, URLs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

from .records import Metadata, Section

_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("posting title", "position title", "job title", "title", "job_title",
              "position", "vacancy title", "post title", "functional title", "assignment title"),
    "organisation": ("organization", "organisation", "agency", "employer", "company",
                     "hiring organization", "hiring unit", "organization unit"),
    "grade": ("grade", "level", "grade level", "position_grade", "position grade",
              "classification", "category and level", "post level", "band"),
    "duty_station": ("duty station", "duty stations", "location", "duty station(s)",
                     "place of assignment", "work location", "city", "country"),
    "posted": ("posted", "posting date", "date posted", "posteddate", "publication date",
               "date of issue", "date"),
    "closes": ("closing date", "deadline", "closingdate", "closing_date", "deadline for applications",
               "application deadline", "apply by", "closing", "deadline date", "expiry date",
               "application closing date"),
    "period": ("posting period",),
    "job_opening": ("job opening number", "job opening", "vacancy number", "vacancy notice",
                    "vacancy_notice", "vacancy no", "job id", "requisition id", "reference",
                    "reference number", "vacancy notice no", "job number", "position number",
                    "position_number", "vn", "req id"),
}
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
_LABEL_LINE = re.compile(r"^[\s*_#>-]*(?P<label>[A-Za-z][A-Za-z _()/.-]{0,40}?)[\s*_]*:[\s*_]*(?P<value>.*)$")
_GRADE = re.compile(
    r"\b(?:(?P<cat>P|D|G|GS|FS|NO|SC|SB|LSC|ICS)[- ]?(?P<num>[1-9]\d?)\b"
    r"|(?P<no>NO)[- ]?(?P<letter>[A-D])\b)")
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?[ -](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?[ -]\d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b")
_TITLE_WORDS = (r"(?:Officer|Assistant|Specialist|Manager|Coordinator|Co-ordinator|Adviser|Advisor|"
                r"Analyst|Associate|Librarian|Director|Chief|Head|Consultant|Engineer|Intern|"
                r"Expert|Developer|Designer|Archivist|Clerk|Driver|Leader|Administrator|Lead)")
_PROSE_TITLE_GRADE = re.compile(
    rf"\b[Tt]he (?P<title>(?:[A-Z][\w/&-]* ){{0,5}}{_TITLE_WORDS}), (?P<grade>(?:P|D|G|FS|NO)-?[1-7A-D])\b")
_PROSE_TITLE = re.compile(
    rf"\b[Tt]he (?P<title>(?:[A-Z][\w/&-]* ){{0,5}}{_TITLE_WORDS}(?: \([A-Z][^()]{{2,60}}\))?) "
    r"(?:will|is|reports|shall)\b")
_BASED_IN = re.compile(r"\bis based in (?P<place>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*(?: \([A-Z][^()]{2,40}\))?)")
_LOCATED_IN = re.compile(
    r"\b(?:position|post) is (?:located|based) (?:in|within) (?P<org>(?:the )?[A-Z][^.,;]{3,120}?)"
    r"(?:, (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}))?\.")
_FIRST_LINE_AT = re.compile(r"^(?P<title>[^\n]{3,90}?) [Aa]t (?P<org>[A-Z][^\n]{2,90})$")


@dataclass(frozen=True)
class _Found:
    value: str
    start: int
    end: int


def read_metadata(text: str, sections: tuple[Section, ...] = ()) -> Metadata:
    found = _from_labels(text)
    _from_first_line(text, found)
    _from_prose(text, sections, found)
    _split_grade_from_title(found)
    return _to_metadata(found)


def _from_labels(text: str) -> dict[str, _Found]:
    """Labelled lines in the header part of the notice (values may wrap onto the next lines)."""
    found: dict[str, _Found] = {}
    lines = _lines_with_offsets(text)
    for i, (offset, line) in enumerate(lines):
        m = _LABEL_LINE.match(line)
        if not m:
            continue
        field = _FIELD_OF.get(" ".join(m.group("label").lower().split()))
        if not field or field in found:
            continue
        value, end = _wrapped_value(lines, i, m)
        if value:
            found[field] = _Found(value, offset + m.start("value"), end)
    return found


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _wrapped_value(lines, i, m) -> tuple[str, int]:
    """A label's value, joined with following lines until a blank or another label line."""
    offset, line = lines[i]
    parts = [m.group("value").strip(" *_")]
    end = offset + len(line.rstrip())
    for nxt_offset, nxt in lines[i + 1 : i + 3]:
        if not nxt.strip() or _LABEL_LINE.match(nxt) or len(nxt) > 60 or not parts[-1]:
            break
        if parts[-1].endswith((".", ";")):
            break
        parts.append(nxt.strip(" *_"))
        end = nxt_offset + len(nxt.rstrip())
    value = " ".join(p for p in parts if p)
    return (value if len(value) <= 200 else ""), end


def _from_first_line(text: str, found: dict[str, _Found]) -> None:
    first = text.split("\n", 1)[0].strip()
    m = _FIRST_LINE_AT.match(first)
    if m:
        found.setdefault("title", _Found(m.group("title"), m.start("title"), m.end("title")))
        found.setdefault("organisation", _Found(m.group("org"), m.start("org"), m.end("org")))


def _from_prose(text: str, sections, found: dict[str, _Found]) -> None:
    """Patterns of the opening paragraphs (the first 3,000 characters of the body)."""
    start = next((s.start for s in sections if s.kind not in ("header",)), 0)
    window = text[: start + 3000]
    m = _PROSE_TITLE_GRADE.search(window)
    if m:
        found.setdefault("title", _Found(m.group("title"), m.start("title"), m.end("title")))
        found.setdefault("grade", _Found(m.group("grade"), m.start("grade"), m.end("grade")))
    m = _PROSE_TITLE.search(window)
    if m:
        found.setdefault("title", _Found(m.group("title"), m.start("title"), m.end("title")))
    m = _BASED_IN.search(window)
    if m:
        found.setdefault("duty_station", _Found(m.group("place"), m.start("place"), m.end("place")))
    m = _LOCATED_IN.search(window)
    if m:
        found.setdefault("organisation", _Found(m.group("org"), m.start("org"), m.end("org")))
        if m.group("place"):
            found.setdefault("duty_station", _Found(m.group("place"), m.start("place"), m.end("place")))


def _split_grade_from_title(found: dict[str, _Found]) -> None:
    """`Protection Coordination Officer, P3` → title without the grade, grade P-3."""
    title = found.get("title")
    if not title:
        return
    m = re.search(r"[,(-]\s*(?P<g>(?:P|D|G|GS|NO|SC|FS)-?[1-7A-D]\d?)\)?\s*$", title.value)
    if m:
        grade_start = title.start + m.start("g")
        found.setdefault("grade", _Found(m.group("g"), grade_start, grade_start + len(m.group("g"))))
        found["title"] = _Found(title.value[: m.start()].strip(), title.start, title.start + m.start())


def normalise_grade(value: str) -> str | None:
    """`Grade P4` → `P-4`; `General Service, G5` → `G-5`; `NOA` → `NO-A`; None when no grade."""
    m = _GRADE.search(value)
    if not m:
        return None
    if m.group("no"):
        return f"NO-{m.group('letter')}"
    cat = "G" if m.group("cat") == "GS" else m.group("cat")
    return f"{cat}-{m.group('num')}"


def parse_date(value: str) -> date | None:
    m = _DATE.search(value)
    if not m:
        return None
    raw = m.group(0)
    try:
        return dateparser.parse(raw, dayfirst=not re.match(r"\d{4}-", raw)).date()
    except (ValueError, OverflowError):
        return None


def _period(value: str) -> tuple[date | None, date | None]:
    dates = [parse_date(m.group(0)) for m in _DATE.finditer(value)]
    if len(dates) >= 2:
        return dates[0], dates[-1]
    return None, None


def _to_metadata(found: dict[str, _Found]) -> Metadata:
    def val(name):
        f = found.get(name)
        return " ".join(f.value.split()).strip(" ,;") if f else None

    posted = parse_date(val("posted")) if val("posted") else None
    closes = parse_date(val("closes")) if val("closes") else None
    if val("period"):
        p_start, p_end = _period(val("period"))
        posted, closes = posted or p_start, closes or p_end
    grade_raw = val("grade")
    spans = tuple((k, f.start, f.end) for k, f in sorted(found.items()))
    return Metadata(
        title=val("title"),
        organisation=val("organisation"),
        grade=normalise_grade(grade_raw) if grade_raw else None,
        duty_station=val("duty_station"),
        posted=posted,
        closes=closes,
        job_opening=val("job_opening"),
        spans=spans,
    )
