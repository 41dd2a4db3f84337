"""Cut a notice into passages along section and sentence boundaries.

Each chunk is a run of whole sentences (or bullet items) of one section, at most
`max_chars` long unless one sentence alone is longer; `notice.text[start:end] == text`.
The text that is embedded carries a short header (title · grade · organisation · duty station · section) so a
passage about "Education" still says which notice it is from. Boilerplate sections
(United Nations Considerations, No Fee, ...) get a header without the title, so the
same paragraph in many notices has one embedding.
Left out: overlap between chunks (sentences are never cut, so little is lost).
"""

from __future__ import annotations

import hashlib
import re

from .records import Chunk, Notice, Section

MAX_CHARS = 700
_BOUNDARY = re.compile(r"\n+|(?<=[.!?;])[ \t]+(?=[A-Z•\d(“\"])")
BOILERPLATE_KINDS = {"boilerplate"}


def chunk_notice(notice: Notice, max_chars: int = MAX_CHARS) -> tuple[Chunk, ...]:
    chunks: list[Chunk] = []
    for section in notice.sections:
        for start, end in _pack(notice.text, _units(notice.text, section), max_chars):
            chunks.append(_make_chunk(notice, section, start, end))
    return tuple(chunks)


def _units(text: str, section: Section) -> list[tuple[int, int]]:
    """Sentence or line spans inside the section, whitespace trimmed."""
    spans, pos = [], section.start
    for m in _BOUNDARY.finditer(text, section.start, section.end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, section.end))
    return [t for t in (_trim(text, s, e) for s, e in spans) if t]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _pack(text: str, units: list[tuple[int, int]], max_chars: int):
    """Greedy packing of consecutive units; a unit longer than max_chars is split at spaces."""
    current: tuple[int, int] | None = None
    for start, end in units:
        for s, e in _split_long(text, start, end, max_chars):
            if current and e - current[0] <= max_chars:
                current = (current[0], e)
                continue
            if current:
                yield current
            current = (s, e)
    if current:
        yield current


def _split_long(text: str, start: int, end: int, max_chars: int):
    while end - start > max_chars:
        space = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = space if space > start else start + max_chars
        yield start, cut
        start = cut + 1 if text[cut] == " " else cut
    yield start, end


def _make_chunk(notice: Notice, section: Section, start: int, end: int) -> Chunk:
    text = notice.text[start:end]
    embed_text = f"{context_header(notice, section)}\n{text}"
    key = hashlib.sha256(embed_text.encode()).hexdigest()[:20]
    cid = hashlib.sha256(f"{notice.id}:{start}:{end}".encode()).hexdigest()[:20]
    return Chunk(cid, notice.id, section.name, start, end, text, key, embed_text)


def context_header(notice: Notice, section: Section) -> str:
    if section.kind in BOILERPLATE_KINDS:
        return section.name
    parts = [notice.title or notice.stem, notice.grade, notice.organisation,
             notice.duty_station, section.name]
    return " · ".join(p for p in parts if p)
