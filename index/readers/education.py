"""Education requirements: degree levels, alternative routes ("a first-level degree plus two
additional years … in lieu of the advanced degree"), fields of study.

`read(notice, statement, necessity)` returns the requirement (at most one per statement)
and the spans of years figures a route consumed, so the experience reader does not count
them twice. Left out: grades or marks ("a 2:1 degree"), accreditation bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import vocab
from ..records import Notice, Route
from ..statements import Statement
from .text import flat, number, req


@dataclass(frozen=True)
class Degree:
    level: str
    start: int
    end: int


def degrees(text: str, start: int = 0, end: int | None = None) -> list[Degree]:
    end = len(text) if end is None else end
    found = []
    for m in vocab.degree_pattern().finditer(text, start, end):
        level = next(k for k, v in m.groupdict().items() if v is not None)
        found.append(Degree(level, m.start(), m.end()))
    return found


def _route_mentions(text: str, start: int, end: int) -> list[Degree]:
    """The degree mentions that open a route: not restatements in parentheses, not the
    degree a substitute replaces ("in lieu of the advanced university degree")."""
    kept: list[Degree] = []
    for d in degrees(text, start, end):
        if _governed_by_years(text, start, d):
            continue
        before = text[max(start, d.start - 40):d.start]
        if re.search(r"\b(?:in lieu of|instead of|equivalent to|depending on)(?:\s+(?:an?|the|your|their))?\s*$"
                     r"|\babove\s*$",
                     before, re.I):
            continue
        if kept and _restates(text, kept[-1], d):
            continue
        kept.append(d)
    return kept


def _governed_by_years(text: str, start: int, d: Degree) -> bool:
    """"five years with advanced university degree", "3 years … if they hold a Master's
    degree", "for masters holders": the degree picks an experience minimum, it is not an
    education requirement of its own."""
    before = text[max(start, d.start - 120):d.start]
    years_then_link = re.search(r"\byears?\b[^.;]*\b(?:with|for|if (?:they|you) hold|holding|who "
                                r"(?:hold|possess|have))\s+(?:an?\s+|the\s+)?$", before, re.I)
    holders = re.match(r"\s*holders?\b", text[d.end:d.end + 12], re.I) or re.search(
        r"\bholders?$", text[d.start:d.end], re.I)
    return bool(years_then_link) or bool(holders)


def _restates(text: str, prev: Degree, d: Degree) -> bool:
    between = text[prev.end:d.start]
    if d.level == prev.level and re.fullmatch(r"\s*(?:and|/|,)?\s*", between):
        return True  # "Police/Military War Colleges and Senior Staff Colleges"
    opened = between.rfind("(")
    return opened >= 0 and ")" not in between[opened:] and len(between[:opened].strip()) <= 20




_LEVELLESS_DEGREE = re.compile(r"\W*(?:(?:a|an)\s+)?(?:(?:relevant|recognised|recognized|accredited)\s+)?"
                               r"(?:degree|diploma|qualification)s?\s+(?:in|on)\b", re.I)
# Education stated without a level anywhere in the sentence: "Preference for a degree in
# business", "Academic background in …", "Further education in the fields of …", "Relevant
# qualification or training would be an advantage", "Minimum one year of college".
_LEVELLESS_EDUCATION = re.compile(
    r"\b(?:an?|the) (?:relevant |recognised |recognized |accredited |university |college |academic )?"
    r"(?:degree|diploma)s? (?:in|from)\b|\bacademic (?:background|qualifications?|record) in\b|"
    r"\bfurther (?:education|studies) in\b|\brelevant (?:qualifications?|education) or training\b|"
    r"\byears? of (?:college|university)\b|\bcollege (?:education|coursework)\b|"
    r"^\W*(?:[\w-]+ )?(?:studies|coursework) in\b|"
    r"\b(?:qualifications?|diplomas?|degrees?) (?:issued|obtained|awarded|recogni[sz]ed|attested)\b", re.I)
# "A library school degree or some coursework is preferred": a degree named by its subject, read
# only when the statement names no degree of a level at all (not even one a years figure governs).
_SUBJECT_DEGREE = re.compile(r"^\W*(?:an?|the) (?:[\w-]+ ){1,3}degree\b(?! of\b)", re.I)


def read(notice: Notice, st: Statement, necessity: str):
    text = notice.text
    mentions = _route_mentions(text, st.start, st.end)
    if not mentions:
        body = flat(text[st.start:st.end])
        if _LEVELLESS_DEGREE.match(text, st.start, st.end) or _LEVELLESS_EDUCATION.search(body) or (
                _SUBJECT_DEGREE.match(body) and not degrees(text, st.start, st.end)):   # "Degree in environmental sciences …"
            return [req(notice, "education", necessity, st.start, st.end, uncertain=("level",))], []
        return [], []
    routes, consumed = [], []
    none_route = _experience_route(text, mentions[-1].end, st.end)
    last_end = none_route[1][0] if none_route else st.end
    for i, d in enumerate(mentions):
        seg_end = mentions[i + 1].start if i + 1 < len(mentions) else last_end
        route, used = _route(text, d, seg_end)
        routes.append(route)
        consumed += used
    routes = _shared_years(text, mentions, routes)
    if none_route:
        routes.append(none_route[0])
        consumed.append(none_route[1])
    fields = _fields(text, mentions, st.end)
    found = req(notice, "education", necessity, st.start, st.end, level=routes[0].level,
                fields=fields, routes=tuple(routes))
    return [found], consumed


def _shared_years(text: str, mentions: list[Degree], routes: list[Route]) -> list[Route]:
    """"Bachelor's or master's degree with 2 years of experience": degrees joined by a bare
    "or" share the years stated after the last of them."""
    out = list(routes)
    for i in range(len(mentions) - 2, -1, -1):
        bare = re.fullmatch(r"\s*(?:or|/)\s*", text[mentions[i].end:mentions[i + 1].start], re.I)
        if bare and out[i] == Route(out[i].level) and out[i + 1] != Route(out[i + 1].level):
            out[i] = replace(out[i + 1], level=out[i].level)
    return out


def _route(text: str, d: Degree, seg_end: int) -> tuple[Route, list[tuple[int, int]]]:
    seg = text[d.end:seg_end]
    n = number()
    extra = re.search(rf"\b(?:additional|extra|further|more)\s+(?P<n>{n})\s+years?"
                      rf"|\b(?P<m>{n})\s+(?:additional|extra|further|more)\s+years?", seg, re.I)
    if extra:
        years = vocab.parse_number(extra.group("n") or extra.group("m"))
        return Route(d.level, extra_years=years), [(d.end + extra.start(), d.end + extra.end())]
    total = re.search(rf"\b(?:with|plus)\s+(?:a minimum of |at least |minimum (?:of )?)?(?P<n>{n})"
                      rf"\s+years?(?!\s+(?:completed|of (?:study|studies|the (?:programme|program|degree))))", seg, re.I)
    if total:
        return (Route(d.level, total_years=vocab.parse_number(total.group("n"))),
                [(d.end + total.start(), d.end + total.end())])
    unstated = re.search(r"\badditional (?:[\w/-]+ ){0,4}?(?:years|experience)\b", seg, re.I)
    return Route(d.level, extra_unstated=bool(unstated)), []


def _experience_route(text: str, start: int, end: int):
    """"…, or 3 additional years of experience": a route without a degree; "PhD or
    equivalent relevant experience", "… or an equivalent combination of education and
    experience": one whose amount the notice does not state (extra_unstated)."""
    m = re.search(rf"\bor\s+(?P<n>{number()})\s+(?:additional\s+|more\s+)?years?\s+of\s+(?:\w+\s+)?"
                  r"experience", text[start:end], re.I)
    if m:
        return Route("none", extra_years=vocab.parse_number(m.group("n"))), (start + m.start(), start + m.end())
    m = _EQUIVALENT_EXPERIENCE.search(text, start, end)
    if m:
        return Route("none", extra_unstated=True), (m.start(), m.end())
    return None


_EQUIVALENT_EXPERIENCE = re.compile(
    r"\bor\s+(?:an?\s+|any\s+)?equivalent\s+(?:(?:relevant|professional|work|practical)\s+){0,2}experience\b"
    r"|\bor\s+(?:an?\s+|any\s+)?equivalent\s+combination\s+of\s+(?:\w+\s+){0,3}?and\s+(?:\w+\s+)?experience\b",
    re.I)


_FIELD_LEAD = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:or\s+(?:an?\s+)?equivalent(?:\s+degree)?\s+)?"
    r"(?:(?:or higher\s+)?from an? (?:accredited )?(?:academic |educational )?institution,?\s*)?"
    r"(?:(?:preferably|ideally|specifically|with a focus)\s+)?"
    r"(?:in|of)\s+(?:the\s+)?(?:(?:fields?|areas?|disciplines?)\s+of\s+)?(?=[A-Za-z])", re.I)
_FIELD_STOP = re.compile(
    r"\s+(?:is|are)\s+(?:required|desirable|preferred|preferable)\b|\s+from\s+an?\b|\s+with\b"
    r"|\s+plus\b|[.;:](?:\s|$)|\s+or\s+equivalent\b|\s+may\b|\(|,?\s+or\s+(?:an?\s+)?(?=(?:first|"
    r"advanced|university|bachelor|master|high|technical|post|secondary|equivalent|a relevant)\b)"
    r"|,?\s+or\s+(?=\S+\s+(?:additional\s+|more\s+)?years?\b)|\s+(?-i:OR)\s|,\s+(?:and|or)\s+(?:an?\s+)?equivalent\b|\s+in combination\b", re.I)
_NOT_A_FIELD = re.compile(r"^(?:in\s+)?(?:any|other|related|relevant|similar|equivalent|a related|"
                          r"an? relevant|the above|above)\b|^(?:field|area)s?$", re.I)


def _fields(text: str, mentions: list[Degree], end: int) -> tuple[str, ...]:
    for d in mentions:
        lead = _FIELD_LEAD.match(text, d.end, end)
        if not lead:
            continue
        stop = _FIELD_STOP.search(text, lead.end(), end)
        raw = " ".join(text[lead.end():stop.start() if stop else end].split())
        fields = _split_fields(raw)
        if fields:
            return fields
    return ()


def _split_fields(raw: str) -> tuple[str, ...]:
    """`A, B, C or related field` → (A, B, C); "Political or Social Science" stays whole."""
    parts = [p.strip(" .") for p in re.split(r"\s*[,;]\s*(?:and/or\s+|and\s+|or\s+)?|\s+and/or\s+", raw)]
    out: list[str] = []
    for part in parts:
        if not part or _NOT_A_FIELD.search(part):
            continue
        pieces = re.split(r"\s+or\s+", part)
        if len(pieces) == 2 and _shares_head(*pieces):
            pieces = [part]
        out.extend(p for p in pieces if p and not _NOT_A_FIELD.search(p))
    return tuple(out)


def _shares_head(left: str, right: str) -> bool:
    """"Political or Social Science": one capitalised word before "or", a capitalised
    phrase after it, so both words qualify the same noun."""
    words = right.split()
    return (" " not in left and left[:1].isupper() and len(words) >= 2
            and all(w[:1].isupper() for w in words) and not _NOT_A_FIELD.search(right))
