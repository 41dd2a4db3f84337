"""Cut a notice into passages along section, block and sentence boundaries.

A section is read as blocks (paragraphs, bullet or numbered items, `Label: value` lines,
table rows) and each block as sentences (`index/sentences.py`, the splitter the
requirement reader uses too). A line break inside a sentence (hard-wrapped
text) is not a boundary. Blocks are packed greedily into chunks of at most `max_chars`;
a block that does not fit in what is left of a chunk starts the next one, a block longer
than `max_chars` is packed sentence by sentence (filling the current chunk first), and a
sentence longer than `max_chars` is cut at spaces. Chunks never cross sections;
`notice.text[start:end] == text`. A section that is only its heading (a parent heading
over subsections) gives no chunk.

The text BM25 indexes carries a short header (title · grade · organisation · duty
station · section) so a passage about "Education" still says which notice it is from;
the text that is embedded carries the title alone (`DENSE_HEADER`). Boilerplate sections
(United Nations Considerations, No Fee, ...) get a header without the title, so the same
paragraph in many notices is one text.
Left out of the dense index: a chunk whose every section is of a kind in `DENSE_LEFT_OUT`
(shared legal and HR text) gets no vector (`embed_key` is `NO_VECTOR`); the BM25 index
and the sentence ranker still hold its text, so it is still found and cited exactly.
Left out: overlap between chunks (sentences are never cut unless too long, so little is lost).
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterator

from .headings import clean_heading
from .records import NO_VECTOR, Chunk, Notice, Section
from .sentences import sentences

MAX_CHARS = 800
MIN_CHARS = 300  # a piece shorter than this joins its neighbour of another section (0: never)
BOILERPLATE_KINDS = {"boilerplate"}
# Section kinds whose chunks get no vector, and the header of the embedded text ("title":
# the title alone; "full": the context header BM25 sees), measured in benchmarks/README.md
# (round 7): together 20 % fewer tokens embedded, retrieval no worse.
DENSE_LEFT_OUT = frozenset({"boilerplate"})
DENSE_HEADER = "title"
# How the header names a metadata field that the section states (`Metadata.spans`).
FIELD_GLOSS = {
    "title": "job title",
    "grade": "grade",
    "organisation": "organisation",
    "duty_station": "duty station (where the job is based)",
    "posted": "posting date",
    "closes": "closing date (application deadline)",
    "period": "posting period (application deadline)",
    "job_opening": "job opening number",
}

Span = tuple[int, int]

# A new block: after a blank line, a line ending a sentence or a clause, or before a line
# that opens a bullet, a numbered item, a table row or a `Label:` field.
_BLOCK = re.compile(
    r"\n[ \t]*\n\s*"
    r"|(?<=[.!?:;])[ \t]*\n\s*"
    r"|[ \t]*\n[ \t]*"
    r"(?=[•●▪◦·*|-]|\(?(?:\d{1,2}|[a-zA-Z])[.)]\s|[A-Z][\w .&/'’()-]{0,40}:\s)"
)


def chunk_notice(notice: Notice, max_chars: int = MAX_CHARS,
                 min_chars: int = MIN_CHARS) -> tuple[Chunk, ...]:
    pieces: list[tuple[Section, Span]] = []
    for section in notice.sections:
        if _heading_only(notice.text, section):
            continue
        blocks = [_sentences(notice.text, b) for b in _blocks(notice.text, section)]
        pieces += [(section, span) for span in _pack(notice.text, blocks, max_chars)]
    return tuple(_make_chunk(notice, start, end)
                 for start, end in _join_small(pieces, max_chars, min_chars))


def _join_small(pieces: list[tuple[Section, Span]], max_chars: int, min_chars: int) -> list[Span]:
    """Adjacent pieces of different sections made one when either is shorter than
    `min_chars` and together they fit in `max_chars` (a "Location" line beside a
    "Contact" line); boilerplate sections stay alone so that notices share them."""
    out: list[Span] = []
    last: Section | None = None
    for section, (start, end) in pieces:
        if (out and last is not section and last.kind not in BOILERPLATE_KINDS
                and section.kind not in BOILERPLATE_KINDS
                and min(out[-1][1] - out[-1][0], end - start) < min_chars
                and end - out[-1][0] <= max_chars):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        last = section
    return out


def _heading_only(text: str, section: Section) -> bool:
    """A section that is its heading alone ("### Qualifications###" over subsections)."""
    body = text[section.start:section.end].strip()
    return "\n" not in body and clean_heading(body) == section.name


def _split(text: str, span: Span, pattern: re.Pattern) -> list[Span]:
    """`span` cut where `pattern` matches (the match itself dropped), whitespace trimmed."""
    out, pos = [], span[0]
    for m in pattern.finditer(text, span[0], span[1]):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, span[1]))
    return [t for t in (_trim(text, s, e) for s, e in out) if t]


def _blocks(text: str, section: Section) -> list[Span]:
    return _split(text, (section.start, section.end), _BLOCK)


def _sentences(text: str, block: Span) -> list[Span]:
    return [t for t in (_trim(text, s, e) for s, e in sentences(text, *block)) if t]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _pack(text: str, blocks: list[list[Span]], max_chars: int) -> Iterator[Span]:
    """Greedy packing of whole blocks; a block that does not fit starts the next chunk,
    unless it is longer than `max_chars` and so has to be cut anyway: then its sentences
    fill the current chunk first."""
    current: Span | None = None
    for block in blocks:
        start, end = block[0][0], block[-1][1]
        if current and end - current[0] <= max_chars:
            current = (current[0], end)
        elif end - start <= max_chars:
            if current:
                yield current
            current = (start, end)
        else:
            for s, e in (p for u in block for p in _split_long(text, *u, max_chars)):
                if current and e - current[0] <= max_chars:
                    current = (current[0], e)
                else:
                    if current:
                        yield current
                    current = (s, e)
    if current:
        yield current


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[Span]:
    """A sentence longer than `max_chars` cut at the last space or line break before the
    limit (at the limit itself when the second half of the window has none)."""
    while end - start > max_chars:
        window = (start + max_chars // 2, start + max_chars)
        space = max(text.rfind(" ", *window), text.rfind("\n", *window))
        cut = space if space > start else start + max_chars
        piece = _trim(text, start, cut)
        if piece:
            yield piece
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _make_chunk(notice: Notice, start: int, end: int) -> Chunk:
    text = notice.text[start:end]
    embed_text = chunk_embed_text(notice, start, end)
    key = NO_VECTOR if _left_out(notice, start, end) else \
        hashlib.sha256(embed_text.encode()).hexdigest()[:20]
    cid = hashlib.sha256(f"{notice.id}:{start}:{end}".encode()).hexdigest()[:20]
    return Chunk(cid, notice.id, chunk_section(notice, start, end).name, start, end, text, key,
                 embed_text)


def _left_out(notice: Notice, start: int, end: int) -> bool:
    """True when every section the chunk lies in is of a kind left out of the dense index."""
    return all(s.kind in DENSE_LEFT_OUT for s in chunk_sections(notice, start, end))


def chunk_sections(notice: Notice, start: int, end: int) -> list[Section]:
    """The sections a chunk's span lies in (one, or several small ones joined)."""
    inside = [s for s in notice.sections if s.start < end and s.end > start]
    return inside or [Section("", start, end)]


def chunk_section(notice: Notice, start: int, end: int) -> Section:
    """One section standing for the chunk: its own, or the joined sections' names."""
    secs = chunk_sections(notice, start, end)
    if len(secs) == 1:
        return secs[0]
    names = " · ".join(dict.fromkeys(s.name for s in secs if s.name))
    return Section(names, secs[0].start, secs[-1].end, secs[0].kind)


def chunk_embed_text(notice: Notice, start: int, end: int) -> str:
    """What is embedded for the chunk at `start:end`: its dense header (`DENSE_HEADER`), a
    line break, its text (the store rebuilds it with this same function)."""
    section = chunk_section(notice, start, end)
    header = context_header(notice, section) if DENSE_HEADER == "full" else dense_header(notice, section)
    return f"{header}\n{notice.text[start:end]}"


def chunk_search_text(notice: Notice, start: int, end: int) -> str:
    """What BM25 indexes for the chunk at `start:end`: the full context header, a line
    break, its text (so a grade, an organisation or a duty station asked for is matched)."""
    return f"{context_header(notice, chunk_section(notice, start, end))}\n{notice.text[start:end]}"


def dense_header(notice: Notice, section: Section) -> str:
    """The embedded text's header: the title (the section name for boilerplate). Left out:
    grade, organisation, duty station, section and stated fields, which BM25 still sees."""
    return section.name if section.kind in BOILERPLATE_KINDS else notice.title or notice.stem


def context_header(notice: Notice, section: Section) -> str:
    """Title · grade · organisation · duty station · section · the fields it states (the
    section name alone for boilerplate)."""
    if section.kind in BOILERPLATE_KINDS:
        return section.name
    parts = [notice.title or notice.stem, notice.grade, notice.organisation,
             notice.duty_station, section.name, _stated_fields(notice, section)]
    return " · ".join(p for p in parts if p)


def _stated_fields(notice: Notice, section: Section) -> str:
    """"states the duty station, ..." for the metadata fields whose value lies in `section`."""
    names = [FIELD_GLOSS[f] for f, s, _ in sorted(notice.meta.spans, key=lambda x: x[1])
             if f in FIELD_GLOSS and section.start <= s < section.end]
    return f"states the {', '.join(dict.fromkeys(names))}" if names else ""
