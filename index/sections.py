"""Split a repaired notice into named sections.

Headings are found three ways: a line that is a known heading (`Education`, `### Duties###`,
`**Languages:**`), a line that opens with a known heading and a colon (`Education: Master's…`,
`languages: …` in database dumps), and, in notices flattened to one long line, a known
heading in capitals after a sentence end (`… daily basis. KEY ACCOUNTABILITIES …`).
Text before the first heading is the "Header"; a notice with no heading is one "Body".
Left out: headings outside the vocabulary in `headings.py` (they stay inside the section
before them, which keeps their text searchable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import clean_heading, heading_kind
from .records import Section


@dataclass(frozen=True)
class _Heading:
    start: int
    name: str
    kind: str


_LABEL = re.compile(r"(?P<label>[A-Za-z][\w /&’'().-]{1,60}?)\s*:\s")
_CAPS = re.compile(r"(?:(?<=[.!?:;])|(?<=[.!?:;][\"”)]))\s+(?P<heading>[A-Z][A-Z’'&/,()-]*(?: [A-Z’'&/,()-]+){0,7})[:?]?(?=\s)")
# Kinds that may open a line as `Label: text`; notes and contacts are too often inline.
_INLINE_KINDS = {"org_setting", "responsibilities", "competencies", "qualifications",
                 "job_specific", "education", "experience", "languages"}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def find_sections(text: str) -> tuple[Section, ...]:
    heads = _headings(text)
    if not heads:
        return (Section("Body", 0, len(text), "body"),) if text else ()
    sections = []
    if heads[0].start > 0 and text[: heads[0].start].strip():
        sections.append(Section("Header", 0, heads[0].start, "header"))
    for this, nxt in zip(heads, heads[1:] + [None]):
        end = nxt.start if nxt else len(text)
        sections.append(Section(this.name, this.start, end, this.kind))
    return tuple(sections)


def _headings(text: str) -> list[_Heading]:
    found: dict[int, _Heading] = {}
    front = _FRONT_MATTER.match(text)
    body_start = front.end() if front else 0
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset >= body_start:
            head = _line_heading(line, offset)
            if head:
                found.setdefault(head.start, head)
            if len(line) > 400:
                for h in _caps_headings(line, offset):
                    found.setdefault(h.start, h)
        offset += len(line)
    return [found[k] for k in sorted(found)]


def _line_heading(line: str, offset: int) -> _Heading | None:
    stripped = line.strip()
    if not stripped:
        return None
    lead = len(line) - len(line.lstrip())
    kind = heading_kind(stripped)
    if kind:
        return _Heading(offset + lead, clean_heading(stripped), kind)
    label = _LABEL.match(stripped.lstrip("#*_> -"))
    if label:
        raw = label.group("label")
        name = raw.replace("_", " ").strip(" *_")
        if "_" in raw or raw.islower():
            name = name.capitalize()
        kind = heading_kind(name)
        if kind in _INLINE_KINDS and (raw[0].isupper() or "_" in raw or raw.islower()):
            return _Heading(offset + lead, clean_heading(name), kind)
    return None


def _caps_headings(line: str, offset: int):
    for m in _CAPS.finditer(line):
        words = m.group("heading")
        for n in range(len(words.split()), 0, -1):
            candidate = " ".join(words.split()[:n])
            kind = heading_kind(candidate)
            if kind and (n > 1 or len(candidate) > 4):
                yield _Heading(offset + m.start("heading"), clean_heading(candidate), kind)
                break
