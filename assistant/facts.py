"""Answers to fact questions about one notice: deadline, posting period, grade, duty
station, title, organisation, job opening number from the metadata (each with the span
that states it), and reporting line, contract, how to apply, pay, start date, duties,
competencies and assessment from the notice's own sentences.

A fact the notice does not state is answered "The notice does not state …" — never with
loosely related text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from index.metadata import label_starts, parse_date
from index.records import Notice
from index.facts import FACTS, fact_kind, fact_spans, sentences
from index.statements import statements

from .describe import capital
from .records import Claim, Evidence

# Sentence facts (pay, contract, reporting line, …) are entries of `index.facts.FACTS`.
SENTENCE_TOPICS = tuple(f.name for f in FACTS)
_ABSENT = {
    "deadline": "a closing date", "posted": "a posting date", "grade": "a grade or level",
    "duty_station": "a duty station", "title": "a job title", "organisation": "the organisation",
    "job_opening": "a job opening number", "duties": "the duties", "competencies": "the competencies",
    **{f.name: f.absent for f in FACTS},
}
META_TOPICS = ("deadline", "posted", "grade", "duty_station", "title", "organisation", "job_opening")


def absent(notice_label: str, topic: str) -> Claim:
    return Claim(f"The notice{notice_label} does not state {_ABSENT.get(topic, topic.replace('_', ' '))}.",
                 grounded=False)


_ASKS_IF_PAID = re.compile(r"\b(?:paid|unpaid|remunerat\w*|volunteer)\b", re.I)


def fact_claims(notice: Notice, topic: str, today: date, question: str = "") -> list[Claim]:
    """Claims answering `topic` for `notice`; empty when the notice does not state it.
    Pay: "is it paid?" takes any statement about pay; other pay questions need an amount."""
    if topic in META_TOPICS:
        return _META[topic](notice, today)
    if topic in SENTENCE_TOPICS:
        kind = fact_kind(topic)
        digit = kind.needs_digit and not _ASKS_IF_PAID.search(question)
        spans = fact_spans(notice, topic)
        if digit:
            spans = [(s, e) for s, e in spans if re.search(r"\d", notice.text[s:e])]
        cue = re.compile(kind.pattern, re.I)
        groups = distinct([stating_spans(notice.text, s, e, cue, digit) for s, e in spans], notice.text, cue)
        return [quoted(notice, g) for g in groups[:kind.limit]]
    if topic == "duties":
        return _section_claims(notice, {"responsibilities"}, 4, "Duties include: ")
    if topic == "competencies":
        return _section_claims(notice, {"competencies"}, 4, "Competencies: ")
    return []


def sentence_claims(notice: Notice, pattern: str, limit: int) -> list[Claim]:
    """The first `limit` sentences matching `pattern` (a label line takes its value line)."""
    found = []
    sents = sentences(notice)
    for i, (start, end, _) in enumerate(sents):
        if notice.text[start:end].rstrip().endswith(":") and i + 1 < len(sents):
            end = sents[i + 1][1]        # "Reports to:" and its value on the next line
        if re.search(pattern, notice.text[start:end], re.I):
            found.append(_claim(notice, start, end))
        if len(found) >= limit:
            break
    return found


def _claim(notice: Notice, start: int, end: int) -> Claim:
    return Claim(_sentence_case(_as_sentence(notice.text[start:end])), (Evidence(notice.id, start, end),))


def _sentence_case(text: str) -> str:
    """A capital for a sentence that opens with a lower-case word, never for a URL, an
    address or a code ("http://…", "www.…", "e-mail@…")."""
    return capital(text) if re.match(r"[a-z][a-z'’-]*(?![\w:/.@])", text) else text


def quoted(notice: Notice, spans: tuple[tuple[int, int], ...], prefix: str = "") -> Claim:
    """One answer sentence quoting `spans` of the notice (several clauses of one sentence
    are joined by " … "), each span a citation."""
    if len(spans) == 1:
        return Claim(prefix + _sentence_case(_as_sentence(notice.text[spans[0][0]:spans[0][1]])),
                     (Evidence(notice.id, *spans[0]),), notice_id=notice.id)
    parts = [" ".join(notice.text[s:e].split()).lstrip("•·-–* ").rstrip(" ,;:.") for s, e in spans]
    return Claim(prefix + _sentence_case(" … ".join(parts)) + ".", tuple(Evidence(notice.id, s, e) for s, e in spans),
                 notice_id=notice.id)


LONG = 220      # a stating sentence longer than this is cut to the clause(s) that state the fact
SHORT = 40      # a clause shorter than this keeps its neighbour with it
_BOUNDARY = re.compile(r"(?<=[,;.])\s+|\s+[–—]\s+")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at commas, semicolons, full stops and dashes outside
    parentheses, and before a known label (`index.metadata.label_starts`: "… Duration: 06
    Months Duty Station: Dhaka"), each clause without its closing punctuation."""
    out, depth, last, i = [], 0, start, start
    cuts = {m.start(): m.end() for m in _BOUNDARY.finditer(text, start, end)}
    for p in label_starts(text, start, end):
        blank = len(text[:p]) - len(text[:p].rstrip())
        cuts.setdefault(p - blank, p)
    while i < end:
        ch = text[i]
        depth += (ch in "([") - (ch in ")]" and depth > 0)
        if depth == 0 and i in cuts:
            out.append((last, i))
            last = i = cuts[i]
            continue
        i += 1
    out.append((last, end))
    return [(a, b - (text[b - 1] in ",;")) for a, b in out if text[a:b].strip(" ,;")]


def stating_clause(text: str, start: int, end: int, cue: re.Pattern, digit: bool = False) -> tuple[int, int]:
    """The span to quote for a fact stated in the sentence `text[start:end]`: the sentence
    itself when at most LONG characters; else the clause where `cue` matches most distinct
    words (named groups count once each; the first such clause; with a figure when
    `digit`), with the clauses next to it that also match, or that a clause shorter than
    SHORT needs, as long as the whole stays within LONG; a clause still longer than LONG (a
    run-on line of labels) is cut from the cue to the last word within LONG. The result is
    always a span of `text`, so the quote stays verbatim. Left out: a value that stands in
    a clause the cue does not match ("Under the supervision of …, who …")."""
    if end - start <= LONG:
        return start, end
    parts, hits, found = _hits(text, start, end, cue, digit)
    if not hits:
        return start, end
    i = j = max(hits, key=lambda k: (found[k], -k))
    return _grown(text, parts, hits, i, j, cue, digit)


def _hits(text: str, start: int, end: int, cue: re.Pattern, digit: bool):
    """The sentence's clauses, and for each clause the cue matches (with a figure when
    `digit`), how many distinct words it matches."""
    parts = clauses(text, start, end)
    found = {k: len({m.lastgroup or m.group(0).lower() for m in cue.finditer(text[a:b].replace("\n", " "))})
             for k, (a, b) in enumerate(parts) if not digit or re.search(r"\d", text[a:b])}
    return parts, [k for k, n in found.items() if n], found


def stating_spans(text: str, start: int, end: int, cue: re.Pattern, digit: bool = False) -> tuple[tuple[int, int], ...]:
    """`stating_clause`, and the other clauses of the sentence the cue matches ("Under the
    supervision of the CSO … reporting directly to the CSO on …"), in text order, while
    all of them together stay within LONG characters."""
    main = stating_clause(text, start, end, cue, digit)
    if main == (start, end):
        return (main,)
    parts, hits, _ = _hits(text, start, end, cue, digit)
    out, size = [main], main[1] - main[0]
    for k in hits:
        a, b = parts[k]
        if (a < main[1] and main[0] < b) or size + (b - a) + 3 > LONG:
            continue
        out.append((a, b))
        size += b - a + 3
    return tuple(sorted(out))


def _grown(text, parts, hits, i, j, cue, digit) -> tuple[int, int]:
    while True:
        size = parts[j][1] - parts[i][0]
        if j + 1 < len(parts) and (size < SHORT or j + 1 in hits) and parts[j + 1][1] - parts[i][0] <= LONG:
            j += 1
        elif i > 0 and size < SHORT and parts[j][1] - parts[i - 1][0] <= LONG:
            i -= 1
        else:
            break
    a, b = parts[i][0], parts[j][1]
    if b - a <= LONG:
        return a, b
    m = cue.search(text, a, b)
    a = m.start() if m and not (digit and not re.search(r"\d", text[m.start():m.start() + LONG])) else a
    cut = text.rfind(" ", a, a + LONG)
    return a, (cut if cut > a else a + LONG)


def distinct(groups: list[tuple[tuple[int, int], ...]], text: str = "", cue: re.Pattern | None = None
             ) -> list[tuple[tuple[int, int], ...]]:
    """Groups of spans in order, each overlapping pair reduced to one (a heading line and
    the sentence it opens quote the same words): the one `cue` matches more distinct words
    of ("Compensation $15 per hour" over "$15 per hour"), else the shorter ("Reporting to
    …" over "Responsibilities Reporting to …")."""
    def extent(g):
        return g[0][0], g[-1][1]

    def size(g):
        hits = len({m.lastgroup or m.group(0).lower() for s, e in g for m in cue.finditer(text, s, e)}) if cue else 0
        return -hits, sum(e - s for s, e in g)

    out: list[tuple[tuple[int, int], ...]] = []
    for g in groups:
        s, e = extent(g)
        k = next((k for k, h in enumerate(out) if extent(h)[0] < e and s < extent(h)[1]), None)
        if k is None:
            out.append(g)
        elif size(g) < size(out[k]):
            out[k] = g
    return out


def _section_claims(notice: Notice, kinds: set[str], limit: int, lead: str) -> list[Claim]:
    sts = [(s, e) for s, e, k in sentences(notice) if k in kinds]
    return [Claim(_as_sentence(notice.text[s:e]), (Evidence(notice.id, s, e),)) for s, e in sts[:limit]]


def _as_sentence(text: str) -> str:
    """A notice sentence as an answer sentence: bullets and whitespace folded."""
    t = " ".join(text.split()).lstrip("•·-–* ").strip()
    return t if t.endswith((".", "!", "?")) else t.rstrip(":;,") + "."


def _meta_claim(notice: Notice, field: str, sentence: str) -> list[Claim]:
    span = notice.meta.span(field)
    if span is None:
        return []
    return [Claim(sentence, (Evidence(notice.id, *statement_around(notice, *span)),))]


def statement_around(notice: Notice, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The labelled line or sentence that states a value ("Closing Date: 21 June 2022"),
    so the citation shows the value in its context; the value alone if that is too long."""
    text = notice.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start <= limit:
        return line_start, line_end
    for st in statements(notice):
        if st.start <= start and end <= st.end and st.end - st.start <= limit:
            return st.start, st.end
    return start, end


# "received by 7/27/17": a date with a two-digit year, quoted, never read as a date.
_SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2}\b")


def _deadline(notice: Notice, today: date) -> list[Claim]:
    closes = notice.closes
    if closes is None:
        return [c for c in sentence_claims(notice, r"\b(?:deadline|closing date|applications? (?:must|"
                                           r"should) be (?:received|submitted|sent)\b.{0,120}?\bby|no later than)\b", 4)
                if parse_date(c.text) or _SHORT_DATE.search(c.text)][:1]
    when = _date(closes)
    days = (closes - today).days
    if days < 0:
        text = f"The notice closed on {when}."
    elif days == 0:
        text = f"The notice closes today, {when}."
    else:
        text = f"The notice closes on {when}, in {days} day{'s' if days != 1 else ''}."
    field = "closes" if notice.meta.span("closes") else "period"
    return _meta_claim(notice, field, text)


def _posted(notice: Notice, today: date) -> list[Claim]:
    if notice.posted is None:
        return []
    field = "posted" if notice.meta.span("posted") else "period"
    claims = _meta_claim(notice, field, f"The notice was posted on {_date(notice.posted)}.")
    if notice.closes:
        verb = "closed" if notice.closes < today else "closes"
        close_field = "closes" if notice.meta.span("closes") else "period"
        claims += _meta_claim(notice, close_field, f"The posting period ends on {_date(notice.closes)} "
                              f"(the notice {verb} then).")
    return claims


def _simple(field: str, attribute: str, template: str) -> Callable[[Notice, date], list[Claim]]:
    def claims(notice: Notice, today: date) -> list[Claim]:
        value = getattr(notice, attribute)
        return _meta_claim(notice, field, template.format(value)) if value else []
    return claims


_META = {
    "deadline": _deadline, "posted": _posted,
    "grade": _simple("grade", "grade", "The post is at the {} level."),
    "duty_station": _simple("duty_station", "duty_station", "The duty station is {}."),
    "title": _simple("title", "title", "The job title is {}."),
    "organisation": _simple("organisation", "organisation", "The hiring organisation is {}."),
    "job_opening": _simple("job_opening", "job_opening", "The job opening number is {}."),
}


def _date(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
