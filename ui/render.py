"""HTML for the web app: plain functions from records to strings, no Gradio here.

Every piece of text that comes from a notice, a file name or the user goes through `esc`,
which escapes HTML and also the characters template engines act on (`{`, `}`, `$`, `` ` ``),
so a notice that contains `<script>`, `<img onerror=…>` or `${…}` shows as text and runs
nothing. Citation markers `[n]` of an answer become chips: `<button class="cite-chip"
value="TURN:N">` (the chat's sanitizer keeps `class`, `value` and `title`, and drops
`data-*`); the page's script turns a click on one into an event for the sources panel.
Left out: colour themes (ui/static/app.css) and anything that decides an answer.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Iterable, Mapping, Sequence

from assistant.profile import profile_parts
from assistant.records import Answer, Check, Citation, Profile
from index.kinds import KINDS
from index.records import Notice, Requirement
from index.requirements import Deadline, deadline_status
from index.vocab import LEVEL_NAMES
from ui.card import reading
from ui.visible import shown

MARK = {"met": "✓", "not_met": "✗", "unknown": "?"}
VERDICTS = {"eligible": "Eligible", "not_eligible": "Not eligible",
            "insufficient_info": "Not enough information"}
KIND_TITLES = tuple((k.name, k.title) for k in KINDS)
_TEMPLATE_CHARS = str.maketrans({"{": "&#123;", "}": "&#125;", "$": "&#36;", "`": "&#96;"})
_MARKER = re.compile(r"\[(\d+)\]")
# "… [2] ✓ Education: …" → a line each; so do the lines after the checks
_CHECK_LINE = re.compile(r"(\])[ \t]+(?=[✓✗?][ \t]|The notice also asks for|Desirable, not required|For the whole notice|"
                         r"I understood:)")
_SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+\])*(?=\s|$)")


def esc(text: str | None) -> str:
    """HTML-escaped text, quotes and template characters included."""
    return html.escape(text or "", quote=True).translate(_TEMPLATE_CHARS)


def _br(text: str) -> str:
    return esc(text).replace("\n", "<br>")


# -- chat -------------------------------------------------------------------------------
def chip(turn: int, c: Citation) -> str:
    where = f"{c.section} — {c.notice_title or c.source}"
    return (f'<button type="button" class="cite-chip" value="{turn}:{c.n}" '
            f'title="Source {c.n}: {esc(where)}">{c.n}</button>')


def answer_html(answer: Answer, turn: int, text: str | None = None) -> str:
    """The answer (or the first part of it, `text`, while it streams) with chips for its
    citations; a marker with no citation stays as text; each ✓/✗/? check of an
    eligibility answer starts a new line."""
    cited = {c.n: c for c in answer.citations}
    body = _CHECK_LINE.sub("\\1\n", text if text is not None else answer.text)
    parts, last = [], 0
    for m in _MARKER.finditer(body):
        parts.append(_br(body[last:m.start()]))
        c = cited.get(int(m.group(1)))
        parts.append(chip(turn, c) if c else esc(m.group(0)))
        last = m.end()
    parts.append(_br(body[last:]))
    badge = ""
    if answer.verdict and text is None:
        name = VERDICTS.get(answer.verdict, answer.verdict)
        badge = f'<p class="va-verdict va-{answer.verdict}">{esc(name)}</p>'
    cls = "va-answer" + ("" if answer.answerable else " va-unanswered") + ("" if text is None else " va-partial")
    return f'<div class="{cls}">{badge}<p>{"".join(parts)}</p></div>'


def stream_parts(text: str) -> list[str]:
    """Growing prefixes of `text`, one more sentence (with its markers) each; the last is
    `text` itself."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    return [text[:c] for c in cuts if c < len(text.rstrip())] + [text]


def user_html(question: str) -> str:
    return f'<div class="va-question">{_br(question)}</div>'


WAITING = '<div class="va-answer va-waiting"><p>Reading the notices…</p></div>'


def notice_label(n: Notice) -> str:
    """`Security Coordination Officer, P-3, Laayoune (Western Sahara)`."""
    return ", ".join(x for x in (n.title or n.stem, n.grade, n.duty_station) if x)


def talking_about(notices: Sequence[Notice], profile: Profile, focused: bool = False) -> str:
    """The discreet line above the chat: the notice(s) in focus and what the user said
    about themselves."""
    if focused and notices:
        about = f"{esc(notice_label(notices[0]))} <em>(chosen in Notices)</em>"
    elif len(notices) == 1:
        about = esc(notice_label(notices[0]))
    elif notices:
        about = f"{len(notices)} notices"
    else:
        about = "all notices — name one (title, place, grade) or choose it under Notices"
    facts = profile_summary(profile)
    you = f' <span class="va-you">· You: {esc(facts)}</span>' if facts else ""
    return f'<div class="va-talking">Talking about: {about}{you}</div>'


def profile_summary(p: Profile) -> str:
    """`master's in economics · 6 years (security) · English fluent · SCP · …`"""
    return " · ".join(profile_parts(p))


# -- sources panel ----------------------------------------------------------------------
def highlight(text: str, start: int, end: int) -> str:
    """`text` escaped, with `text[start:end]` in `<mark class="va-cite">` (offsets outside
    the text are clipped; an empty span marks nothing)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end <= start:
        return esc(text)
    return (f'{esc(text[:start])}<mark class="va-cite" id="va-cite-mark">{esc(text[start:end])}'
            f'</mark>{esc(text[end:])}')


def source_html(notice: Notice, c: Citation) -> str:
    """The notice's whole text with the quoted span highlighted, under a header naming the
    citation, the section and the file."""
    head = (f'<div class="va-source-head"><span class="cite-chip va-static">{c.n}</span> '
            f'<strong>{esc(notice.title or notice.stem)}</strong> · section <em>{esc(c.section)}</em>'
            f' · <code>{esc(notice.source)}</code> · characters {c.start}–{c.end}</div>')
    return (f'<div class="va-source">{head}<div class="va-source-text">'
            f'{highlight(notice.text, c.start, c.end)}</div></div>')


SOURCES_EMPTY = ('<div class="va-source va-empty">Click a numbered chip in an answer to see '
                 'the quoted words highlighted in their notice.</div>')


def source_missing(ref: str) -> str:
    return f'<div class="va-source va-empty">Source {esc(ref)} is no longer in the index.</div>'


def notice_text_html(notice: Notice) -> str:
    return f'<div class="va-source"><div class="va-source-text">{esc(notice.text)}</div></div>'


# -- notices table and cards ------------------------------------------------------------
def closing_text(d: Deadline) -> str:
    """`2024-05-01 (closes in 12 days)`, `… (closes today)`, `… (closed)`, `not stated`."""
    if d.status == "not stated":
        return "not stated"
    if d.status == "closed":
        return f"{d.closes.isoformat()} (closed)"
    if d.days_left == 0:
        return f"{d.closes.isoformat()} (closes today)"
    unit = "day" if d.days_left == 1 else "days"
    return f"{d.closes.isoformat()} (closes in {d.days_left} {unit})"


NOTICE_HEADERS = ["Title", "Organisation", "Grade", "Duty station", "Closes", "File"]


def notice_rows(notices: Iterable[Notice], today: date) -> list[list[str]]:
    """Rows of the Notices table; a file name (and a title taken from one) keeps control
    and bidi characters visible as escapes (`ui.visible.shown`), as the CLI does."""
    return [[n.title or shown(n.stem), n.organisation or "—", n.grade or "—", n.duty_station or "—",
             closing_text(deadline_status(n, today)), shown(n.source)] for n in notices]


def _quote(text: str) -> str:
    return f'<blockquote class="va-quote">{esc(" ".join(text.split()))}</blockquote>'


def _meta_rows(n: Notice, today: date) -> str:
    rows = (("Organisation", n.organisation), ("Grade", n.grade), ("Duty station", n.duty_station),
            ("Posted", n.posted.isoformat() if n.posted else None),
            ("Closes", closing_text(deadline_status(n, today))), ("Job opening", n.job_opening),
            ("File", shown(n.source)))
    return "".join(f"<tr><th>{k}</th><td>{esc(v or 'not stated')}</td></tr>" for k, v in rows)


def card_html(notice: Notice, requirements: Sequence[Requirement], today: date) -> str:
    """The requirements card: metadata, then each requirement grouped by kind with its
    necessity, typed reading and quote."""
    out = [f'<div class="va-card"><h3>{esc(notice.title or notice.stem)}</h3>'
           f'<table class="va-meta">{_meta_rows(notice, today)}</table>']
    for kind, title in KIND_TITLES:
        reqs = [r for r in requirements if r.kind == kind]
        if not reqs:
            continue
        out.append(f"<h4>{title}</h4><ul class=\"va-reqs\">")
        for r in reqs:
            out.append(f'<li><span class="va-tag va-{r.necessity}">{esc(r.necessity)}</span> '
                       f'{esc(reading(r))}{_quote(r.text)}</li>')
        out.append("</ul>")
    if not requirements:
        out.append("<p>No requirements were found in this notice.</p>")
    out.append("</div>")
    return "".join(out)


# -- eligibility ------------------------------------------------------------------------
def _check_item(c: Check) -> str:
    quote = _quote(c.requirement.text) if c.requirement is not None else ""
    return (f'<li class="va-check va-{c.status}"><span class="va-mark">{MARK[c.status]}</span> '
            f'<strong>{esc(c.criterion)}</strong> — {esc(c.explanation)}{quote}</li>')


def checklist_html(notice: Notice, verdict) -> str:
    """One notice's checklist (`verdict` is an `assistant.eligibility.Verdict`): the overall
    verdict, the decisive checks ✓/✗/?, then the rest (desirable items, conditions of the
    job, preferences) folded away."""
    decisive = [c for c in verdict.checks if c.necessity == "required"]
    others = [c for c in verdict.checks if c.necessity != "required"]
    name = VERDICTS.get(verdict.verdict, verdict.verdict)
    out = [f'<div class="va-checklist"><h3>{esc(notice_label(notice))}</h3>'
           f'<p class="va-verdict va-{verdict.verdict}">{esc(name)}</p>']
    if verdict.missing:
        missing = "; ".join(dict.fromkeys(verdict.missing))
        out.append(f'<p class="va-missing">Not said yet: {esc(missing)}</p>')
    out.append('<ul class="va-checks">' + "".join(_check_item(c) for c in decisive) + "</ul>"
               if decisive else "<p>The notice states no requirement that decides eligibility.</p>")
    if others:
        items = "".join(_check_item(c) for c in others)
        out.append(f"<details><summary>{len(others)} more item(s) that do not decide eligibility"
                   f'</summary><ul class="va-checks">{items}</ul></details>')
    out.append("</div>")
    return "".join(out)


# -- comparison -------------------------------------------------------------------------
COMPARE_HEADERS = ("Notice", "Grade", "Duty station", "Deadline", "Minimum degree",
                   "Years of experience", "Required languages", "Desirable languages",
                   "Required certifications", "Who may apply")


def _cell(items: Sequence[tuple[str, str | None]]) -> str:
    """Values, each expandable to the words of the notice it comes from; a value stated
    several times is shown once with all its quotes."""
    if not items:
        return '<span class="va-none">not stated</span>'
    grouped: dict[str, list[str]] = {}
    for value, quote in items:
        quotes = grouped.setdefault(value, [])
        if quote and quote not in quotes:
            quotes.append(quote)
    out = []
    for value, quotes in grouped.items():
        if quotes:
            tip = " … ".join(" ".join(q.split()) for q in quotes)
            out.append(f'<details class="va-cell" title="{esc(tip)}"><summary>{esc(value)}</summary>'
                       f'{"".join(_quote(q) for q in quotes)}</details>')
        else:
            out.append(f'<div class="va-cell">{esc(value)}</div>')
    return "".join(out)


def line_around(text: str, start: int, end: int, limit: int = 200) -> str:
    """The line of `text` that holds `text[start:end]`, cut to `limit` characters around it."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left = max(left, start - limit // 2)
    right = min(right, max(end, left + limit))
    return text[left:right].strip()


def _meta_item(n: Notice, field: str, value: str | None) -> list[tuple[str, str | None]]:
    if not value:
        return []
    span = n.meta.span(field)
    return [(value, line_around(n.text, *span) if span else None)]


def compare_row(n: Notice, reqs: Sequence[Requirement], checks: Sequence[Check], today: date) -> list[str]:
    """Cells of one notice. `checks` are the notice's checks against an empty profile: their
    criteria state the minimum degree per route and the years each route needs."""
    def kind_items(kind: str, necessity: str | None = "required") -> list[tuple[str, str]]:
        return [(reading(r), r.text) for r in reqs
                if r.kind == kind and (necessity is None or r.necessity == necessity)]

    def check_items(word: str) -> list[tuple[str, str | None]]:
        return [(c.criterion.removeprefix(f"{word}: "), c.requirement.text if c.requirement else None)
                for c in checks if c.necessity == "required" and c.criterion.startswith(word)]

    deadline = closing_text(deadline_status(n, today))
    cells = [_meta_item(n, "grade", n.grade), _meta_item(n, "duty_station", n.duty_station),
             _meta_item(n, "closes", deadline if n.closes else None),
             check_items("Education"), check_items("Experience"),
             kind_items("language"), kind_items("language", "desirable"),
             kind_items("certification"), kind_items("eligibility_rule", None)]
    org = f'<div class="va-org">{esc(n.organisation)}</div>' if n.organisation else ""
    return [f"<strong>{esc(n.title or n.stem)}</strong>{org}"] + [_cell(c) for c in cells]


def compare_html(rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return '<p class="va-empty">No notices to compare.</p>'
    head = "".join(f"<th>{h}</th>" for h in COMPARE_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f'<div class="va-compare-wrap"><table class="va-compare"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


# -- upload -----------------------------------------------------------------------------
def upload_report_html(outcomes: Sequence[tuple[str, str, str]]) -> str:
    """One line per file: (name, status, detail) with status added / updated / unchanged /
    rejected."""
    if not outcomes:
        return ""
    icons = {"added": "✓", "updated": "✓", "unchanged": "=", "rejected": "✗"}
    items = "".join(f'<li class="va-upload va-{status}"><span class="va-mark">{icons.get(status, "?")}'
                    f'</span> <code>{esc(name)}</code> — {esc(status)}'
                    f'{": " + esc(detail) if detail else ""}</li>' for name, status, detail in outcomes)
    return f'<ul class="va-uploads">{items}</ul>'


def choices(notices: Mapping[str, Notice]) -> list[tuple[str, str]]:
    """(label, notice id) pairs for drop-downs."""
    return [(notice_label(n), nid) for nid, n in notices.items()]
