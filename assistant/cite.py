"""Turn claims into cited text: number the evidence, verify every quote against the notice,
drop what fails, and remove sentences left without support."""

from __future__ import annotations

from typing import Iterable, Mapping

from index.records import Notice

from .records import Citation, Claim, Evidence, Line

MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}


def cite(claims: Iterable[Claim], notices: Mapping[str, Notice]) -> tuple[str, tuple[Citation, ...]]:
    """Text with `[n]` markers after each sentence, and the numbered citations."""
    text, citations, _ = cite_lines(claims, notices)
    return text, citations


def cite_lines(claims: Iterable[Claim], notices: Mapping[str, Notice]
               ) -> tuple[str, tuple[Citation, ...], tuple[Line, ...]]:
    """Text with `[n]` markers after each sentence, the numbered citations, and the same
    sentences as `Line`s (role, status and notice kept) for the renderers.

    A citation is kept only when its span lies inside its notice (so the quote is verbatim
    by construction and checked again); a grounded claim whose evidence all fails is removed.
    """
    numbered: dict[Evidence, Citation] = {}
    sentences: list[str] = []
    lines: list[Line] = []
    for claim in claims:
        markers = [_number(ev, notices, numbered) for ev in claim.evidence]
        markers = tuple(dict.fromkeys(m for m in markers if m is not None))
        if claim.grounded and not markers:
            continue
        suffix = "".join(f"[{m}]" for m in markers)
        mark = f"{MARKS[claim.status]} " if claim.role == "check" and claim.status in MARKS else ""
        sentences.append(f"{mark}{claim.text}{' ' + suffix if suffix else ''}")
        lines.append(Line(claim.text, markers, claim.role, claim.status, claim.notice_id, claim.verdict))
    return " ".join(sentences), tuple(numbered.values()), tuple(lines)


def _number(ev: Evidence, notices: Mapping[str, Notice], numbered: dict) -> int | None:
    if ev in numbered:
        return numbered[ev].n
    citation = make_citation(len(numbered) + 1, ev, notices)
    if citation is None:
        return None
    numbered[ev] = citation
    return citation.n


def make_citation(n: int, ev: Evidence, notices: Mapping[str, Notice]) -> Citation | None:
    notice = notices.get(ev.notice_id)
    if notice is None or not 0 <= ev.start < ev.end <= len(notice.text):
        return None
    quote = notice.text[ev.start:ev.end]
    if not quote.strip():
        return None
    return Citation(n, notice.id, notice.title, notice.source, notice.section_at(ev.start),
                    ev.start, ev.end, quote)


def verify(citation: Citation, notices: Mapping[str, Notice]) -> bool:
    """True when the citation's quote is exactly the notice text at its offsets."""
    notice = notices.get(citation.notice_id)
    return notice is not None and notice.text[citation.start:citation.end] == citation.quote
