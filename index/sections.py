"""Split a repaired notice into named sections that tile it.

A line is a heading when it is
- a markdown heading (`### Description###`, `## To qualify ... you will have:`), whatever it says;
- a known heading on its own (`Education`, `Languages:`, `KEY ACCOUNTABILITIES (not all-inclusive)`);
- an ALL-CAPS line of at most eight words (`STANDARD MINIMUM QUALIFICATIONS`, `PREFERRED:`);
- a short Title Case line ending in a colon whose words tell its kind (`Position Duties:`);
- a label opening a requirement part or the job facts, followed by its text
  (`Education: Master's ...`, `• Languages: You have ...`, `KEY ACCOUNTABILITIES (...): Provide`,
  `Position Title: ...`), or a database column label (`minimum_qualification: ...`).
`repair` has already put the headings of flattened notices on lines of their own.

Labels of job facts (`Location:`, `Contract type:`, `Job Title: ...`) before the first
heading or inside a facts block stay there: they are values, not sections. A heading whose
kind is unknown ("other") inside a section takes that section's kind (a sub-heading such as
`INTERLIBRARY LOAN` under `RESPONSIBILITIES`).

The sections tile the text: the first starts at 0 (a "Header" when text precedes the first
heading, front matter included), each ends where the next begins, the last ends at
len(text). A notice without headings is one "Body". Kinds come from `headings.py`.
Left out: Title Case headings outside the vocabulary that carry no colon ("Job Highlight"
is known, "Our Approach" is not) and headings followed by a dash and a comment ("Core
Competencies – behavioural indicators level 2"): they stay inside the section before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .headings import (INLINE_KINDS, REQUIREMENT_KINDS, TITLE_LABELS, classify, clean_heading, guess_kind,
                       heading_kind, is_title_case)
from .records import Section


@dataclass(frozen=True)
class _Heading:
    start: int
    name: str
    kind: str
    label: bool = False  # written `Label:` (with or without its value on the line)
    weak: bool = False   # told only by being a short line alone (see `_isolated_heading`)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"#{1,6}(?!#)[ \t]*(?P<name>[^\n]*?)[ \t#]*")
_LABEL = re.compile(
    r"(?P<bullet>[•*-][ \t]+)?(?P<label>[A-Za-z][\w ’'&/,.-]{0,70}?(?:[ \t]*\([^()]{1,80}\))?)"
    r"[ \t]*:[ \t]+(?P<value>\S.*)")
_DB_LABEL = re.compile(r"(?P<label>[a-z]+(?:_[a-z]+)*)[ \t]*:[ \t]*(?P<value>.*)")
_DB_KINDS = INLINE_KINDS | {"special_notice", "assessment", "boilerplate"}
_TITLE_LABELS = {label.lower() for label in TITLE_LABELS}
_FACT_KINDS = {"details", "special_notice"}
MAX_CAPS_WORDS = 8
MAX_COLON_WORDS = 6


def find_sections(text: str) -> tuple[Section, ...]:
    """Sections of `text` in order, tiling it from 0 to len(text)."""
    if not text:
        return ()
    heads = _headings(text)
    if not heads:
        return (Section("Body", 0, len(text), "body"),)
    sections = []
    if heads[0].start > 0:
        sections.append(Section("Header", 0, heads[0].start, "header"))
    for this, nxt in zip(heads, heads[1:] + [None]):
        end = nxt.start if nxt else len(text)
        sections.append(Section(this.name, this.start, end, this.kind))
    return tuple(sections)


def _headings(text: str) -> list[_Heading]:
    front = _FRONT_MATTER.match(text)
    offset = front.end() if front else 0
    found: list[_Heading] = []
    lines = text[offset:].splitlines(keepends=True)
    for i, line in enumerate(lines):
        heads = line_headings(line, offset) or _isolated_heading(lines, i, offset)
        for head in heads:
            current = found[-1].kind if found else None
            if _fact_label(head, current):
                continue
            if head.kind == "other" and current:
                head = replace(head, kind=current)  # a sub-heading of the section
            elif head.weak and head.kind == current:
                continue   # a short line of the same kind adds nothing ("Contact Us" in the job details)
            elif head.weak and head.kind == "competencies" and current in REQUIREMENT_KINDS:
                head = replace(head, kind=current)  # `Communication skills` under the requirements
            found.append(head)
        offset += len(line)
    return found


_BULLET = re.compile(r"[ \t]*(?:[•▪●◦*·–-]|\d{1,2}[.)])[ \t]+\S")


def _isolated_heading(lines: list[str], i: int, offset: int) -> list[_Heading]:
    """A short line alone between blank lines whose words tell a kind, when a list follows
    it, it has at most three words, or it is a Title Case name of a requirements part (`Your profile`, `Be sure to meet the eligibility
    criteria`, `Global Benefits at CERN`): the headings of pages turned into text, which
    lose their markup. Left out: lines with figures or a sentence end, and lines whose
    words tell no kind (`Learn more`)."""
    stripped = lines[i].strip()
    words = stripped.split()
    if not stripped or len(words) > 9 or not stripped[0].isupper() or re.search(r"[\d:;,.!]$|\d|:", stripped):
        return []
    if i > 0 and lines[i - 1].strip():
        return []
    rest = [line for line in lines[i + 1:i + 4] if line.strip()]
    kind = guess_kind(stripped)
    part = kind in REQUIREMENT_KINDS and len(words) <= 6 and is_title_case(stripped)
    if not rest or not (len(words) <= 3 or _BULLET.match(rest[0]) or part):
        return []
    if i + 1 < len(lines) and lines[i + 1].strip() and not _BULLET.match(lines[i + 1]):
        return []
    if kind == "other" or kind == "experience" and not is_title_case(stripped):
        return []   # "Analyse current experience and practices" is a task, not a heading
    return [_Heading(offset + len(lines[i]) - len(lines[i].lstrip()), clean_heading(stripped), kind,
                     weak=True)]


def _fact_label(head: _Heading, current: str | None) -> bool:
    """`Location:`, `Contract type:`, `Job Title: ...` among the facts at the top of a notice
    (or in its facts block) are labels of the facts, not headings."""
    return head.label and head.kind in _FACT_KINDS and current in (None, "details")


def line_headings(line: str, offset: int = 0) -> list[_Heading]:
    """The heading(s) a line opens with (a database label may hold a second one)."""
    stripped = line.strip()
    if not stripped:
        return []
    start = offset + len(line) - len(line.lstrip())
    for read in (_markdown_heading, _whole_line_heading, _caps_heading, _colon_heading):
        head = read(stripped, start)
        if head:
            return [head]
    return _label_headings(stripped, start)


def _markdown_heading(line: str, start: int) -> _Heading | None:
    m = _ATX.fullmatch(line)
    if not m or not m.group("name").strip(" *_:"):
        return None
    name = clean_heading(m.group("name"))
    return _Heading(start, name, classify(name)) if name else None


def _whole_line_heading(line: str, start: int) -> _Heading | None:
    kind = heading_kind(line)
    return _Heading(start, clean_heading(line), kind, line.endswith(":")) if kind else None


def _caps_heading(line: str, start: int) -> _Heading | None:
    name = clean_heading(line)
    bare = re.sub(r"\([^()]*\)", "", name)
    letters = [ch for ch in bare if ch.isalpha()]
    if len(letters) < 5 or any(ch.islower() or ch.isdigit() for ch in bare) \
            or not any(len(w) > 3 for w in bare.split()) or name.endswith(".") or ": " in name:
        return None
    if len(bare.split()) > MAX_CAPS_WORDS:
        return None
    return _Heading(start, name, classify(name))


def _colon_heading(line: str, start: int) -> _Heading | None:
    if not line.endswith(":"):
        return None
    name = clean_heading(line)
    if len(name.split()) > MAX_COLON_WORDS:
        return None
    kind = guess_kind(name)
    if not is_title_case(name) and not (len(name.split()) <= 4 and kind in ("qualifications", "desirable")):
        return None   # "You will need:" opens the requirements; "Duties include:" is a lead-in
    return _Heading(start, name, kind) if kind != "other" else None


def _label_headings(line: str, start: int) -> list[_Heading]:
    db = _DB_LABEL.fullmatch(line)
    if db:
        return _db_headings(db, start)
    m = _LABEL.fullmatch(line)
    if not m:
        return []
    label = clean_heading(m.group("label"))
    kind = _label_kind(label, caps=label.isupper())
    if kind is None:
        return []
    return [_Heading(start + m.start("label"), label, kind, True)]


def _label_kind(label: str, caps: bool) -> str | None:
    """Kind of `Label: text`: requirement parts and the job title open a section."""
    if label.lower() in _TITLE_LABELS:
        return "details"
    kind = heading_kind(label) or (guess_kind(label) if caps else None)
    return kind if kind in INLINE_KINDS else None


def _db_headings(m: re.Match, start: int) -> list[_Heading]:
    """`minimum_qualification: ...`: a column of a database export opens a section unless
    it holds a fact of the job (title, grade, dates: they stay in the header)."""
    name = m.group("label").replace("_", " ")
    kind = classify(name)
    if kind not in _DB_KINDS:
        return []
    heads = [_Heading(start, name.capitalize(), kind)]
    value = m.group("value").strip()
    value_kind = heading_kind(value) if value else None
    if value_kind:
        heads.append(_Heading(start + m.start("value") + len(m.group("value")) - len(
            m.group("value").lstrip()), clean_heading(value), value_kind))
    return heads


_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)---[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str) -> tuple[int, int]:
    """(start, end) of a `---` front matter block at the top (a job board's `title:`,
    `excerpt:` fields), from its first field to the end of its closing line; else (0, 0)."""
    m = _FRONT.match(text)
    return (m.start("body"), m.end()) if m else (0, 0)
