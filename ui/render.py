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
from assistant.describe import capital, clean, necessity, plain
from ui.card import reading
from ui.visible import shown

MARK = {"met": "✓", "not_met": "✗", "unknown": "?"}
VERDICTS = {"eligible": "Eligible", "not_eligible": "Not eligible",
            "insufficient_info": "Not enough information"}
KIND_TITLES = tuple((k.name, k.title) for k in KINDS)
_TEMPLATE_CHARS = str.maketrans({"{": "&#123;", "}": "&#125;", "$": "&#36;", "`": "&#96;"})
_MARKER = re.compile(r"\[(\d+)\]")


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


MAIN_CHECKS = 8            # check lines shown before "More checks" folds the rest
_FOLDS = (("also", "Also asked for — does not decide eligibility"), ("desirable", "Desirable — not required"),
          ("more", "More from the notice"))


def answer_html(answer: Answer, turn: int, upto: int | None = None) -> str:
    """The answer from its lines (`Answer.lines`): the headline with the verdict badge, the
    body and ✓/✗/? check lines, a table of rows for a cross-notice answer, then "Also asked
    for" and "Desirable" folded in `<details>` and the notes; each line's citations as
    chips. While it streams, `upto` shows only the first lines."""
    cited = {c.n: c for c in answer.citations}
    lines = answer.shown()
    lines = lines[:upto] if upto is not None else lines
    head = next((ln for ln in lines if ln.role == "headline"), None)
    out = []
    if head is None and answer.verdict and upto is None:
        out.append(_badge(answer.verdict))
    checks = [ln for ln in lines if ln.role == "check"]
    for ln in lines:
        if ln.role == "headline":
            badge = _badge(ln.verdict or answer.verdict) if (ln.verdict or answer.verdict) else ""
            out.append(f'<p class="va-headline">{badge}{_line_text(ln, turn, cited)}</p>')
        elif ln.role == "body":
            out.append(f"<p>{_line_text(ln, turn, cited)}</p>")
    if checks:
        out.append(_check_list(checks[:MAIN_CHECKS], turn, cited))
        if len(checks) > MAIN_CHECKS:
            out.append(f"<details><summary>{len(checks) - MAIN_CHECKS} more checks</summary>"
                       f"{_check_list(checks[MAIN_CHECKS:], turn, cited)}</details>")
    rows = [ln for ln in lines if ln.role == "row"]
    if rows:
        out.append(_rows_table(rows, turn, cited))
    for role, title in _FOLDS:
        items = [ln for ln in lines if ln.role == role]
        if items:
            lis = "".join(f"<li>{_line_text(ln, turn, cited)}</li>" for ln in items)
            out.append(f'<details class="va-fold va-{role}"><summary>{esc(title)} ({len(items)})</summary>'
                       f"<ul>{lis}</ul></details>")
    out += [f'<p class="va-note">{_line_text(ln, turn, cited)}</p>' for ln in lines if ln.role == "note"]
    cls = "va-answer" + ("" if answer.answerable else " va-unanswered") + ("" if upto is None else " va-partial")
    return f'<div class="{cls}">{"".join(out)}</div>'


def _badge(verdict: str) -> str:
    return f'<span class="va-verdict va-{esc(verdict)}">{esc(VERDICTS.get(verdict, verdict))}</span> '


def _line_text(ln, turn: int, cited: Mapping[int, Citation]) -> str:
    """A line's words, then a chip per citation (a number with no citation stays as text);
    a line made from text with `[n]` markers (an LLM's wording) gets its chips in place."""
    if not ln.citations and _MARKER.search(ln.text):
        parts, last = [], 0
        for m in _MARKER.finditer(ln.text):
            c = cited.get(int(m.group(1)))
            parts += [_br(ln.text[last:m.start()]), chip(turn, c) if c else esc(m.group(0))]
            last = m.end()
        return "".join(parts) + _br(ln.text[last:])
    chips = "".join(chip(turn, cited[n]) if n in cited else esc(f"[{n}]") for n in ln.citations)
    return _br(ln.text) + (f" {chips}" if chips else "")


def _check_list(lines, turn: int, cited) -> str:
    items = "".join(f'<li class="va-check va-{esc(ln.status or "unknown")}"><span class="va-mark" '
                    f'aria-label="{STATUS_WORDS.get(ln.status, "unknown")}">{MARK.get(ln.status, "?")}</span> '
                    f"{_line_text(ln, turn, cited)}</li>" for ln in lines)
    return f'<ul class="va-checks">{items}</ul>'


STATUS_WORDS = {"met": "met", "not_met": "not met", "unknown": "not known yet"}


def _rows_table(rows, turn: int, cited) -> str:
    body = "".join(f'<tr><td>{_badge(ln.verdict) if ln.verdict else ""}</td>'
                   f"<td>{_line_text(ln, turn, cited)}</td></tr>" for ln in rows)
    return (f'<table class="va-rows"><thead><tr><th>Verdict</th><th>Notice — why</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def stream_steps(answer: Answer) -> list[int]:
    """How many lines to show at each step while an answer streams: one more each time;
    the last step is the whole answer."""
    return list(range(1, len(answer.shown()) + 1))


def plain_text(answer: Answer) -> str:
    """The answer as one screen-reader sentence run: its lines' words, no HTML, no chips."""
    return " ".join(ln.text for ln in answer.shown())


def user_html(question: str) -> str:
    return f'<div class="va-question">{_br(question)}</div>'


def first_screen(notices: Sequence[Notice], today: date) -> str:
    """The chat's empty-state text: how many notices are indexed and open, and why the
    closed ones are there ("all 5 closed — closing dates 2022–2023; sample notices …")."""
    if not notices:
        return "No notices are indexed yet: add some under **Notices**, then ask about them here."
    states = [deadline_status(n, today) for n in notices]
    open_ = sum(d.status not in ("closed", "not stated") for d in states)
    closed = [d.closes.year for d in states if d.status == "closed"]
    undated = sum(d.status == "not stated" for d in states)
    total = f"{len(notices)} notice{'s' if len(notices) != 1 else ''}"
    text = f"**{total} indexed, {open_} open.**"
    if closed:
        years = f"{min(closed)}–{max(closed)}" if min(closed) != max(closed) else str(closed[0])
        who = "All" if len(closed) == len(notices) else f"{len(closed)}"
        text += (f" {who} closed — notices from {years}, kept as samples to try questions on"
                 f"{' (they cannot be applied for any more)' if not open_ else ''}.")
    if undated:
        text += f" {undated} state{'s' if undated == 1 else ''} no closing date."
    return text + " Ask about requirements, deadlines or whether your profile fits — or pick an example:"


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


NOTICES_CAPTION = "Indexed notices — choose one to restrict the chat to it"


def notices_table_html(notices: Sequence[Notice], today: date) -> str:
    """The Notices tab's table: a plain, read-only HTML table (no spreadsheet selection
    ring or handles), one row per notice; the title is a button whose value is the notice
    id, so a click or Enter/Space on it chooses the notice (`ui/static/notices.js` makes
    that the component's "select" event). Left out: sorting by column."""
    if not notices:
        return '<p class="va-empty">No notices are indexed yet: add some with the upload box.</p>'
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in NOTICE_HEADERS)
    body = []
    for i, (n, row) in enumerate(zip(notices, notice_rows(notices, today))):
        pick = (f'<button type="button" class="va-pick" value="{esc(n.id)}" data-row="{i}">'
                f"{esc(row[0])}</button>")
        body.append(f"<tr><td>{pick}</td>" + "".join(f"<td>{esc(c)}</td>" for c in row[1:]) + "</tr>")
    return (f'<div class="va-notices-wrap"><table class="va-notices"><caption>{esc(NOTICES_CAPTION)}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def _quote(text: str) -> str:
    return f'<blockquote class="va-quote">{esc(" ".join(text.split()))}</blockquote>'


def _quote_on_demand(*texts: str) -> str:
    """The notice's words behind a "Quote" toggle (several quotes: "Quotes")."""
    label = "Quote" if len(texts) == 1 else f"Quotes ({len(texts)})"
    return f'<details class="va-quote-fold"><summary>{label}</summary>{"".join(_quote(t) for t in texts)}</details>'


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
        merged: dict[tuple[str, str], list[str]] = {}      # the same reading once, with all its quotes
        for r in reqs:
            quotes = merged.setdefault((necessity(r), capital(reading(r))), [])
            if r.text not in quotes:
                quotes.append(r.text)
        for (word, words), quotes in merged.items():
            out.append(f'<li><span class="va-tag va-{word.lower()}">{word}</span> '
                       f'{esc(words)}{_quote_on_demand(*quotes)}</li>')
        out.append("</ul>")
    if not requirements:
        out.append("<p>No requirements were found in this notice.</p>")
    out.append("</div>")
    return "".join(out)


# -- eligibility ------------------------------------------------------------------------
def check_words(c: Check) -> str:
    """What a check is about in plain words: the criterion of a decisive check (worked out
    against the profile), else the requirement itself."""
    if c.necessity in ("required", "condition") or c.requirement is None:
        return clean(c.criterion)
    return capital(plain(c.requirement))


def _check_item(c: Check) -> str:
    quote = _quote_on_demand(c.requirement.text) if c.requirement is not None else ""
    return (f'<li class="va-check va-{c.status}"><span class="va-mark" aria-label="{STATUS_WORDS[c.status]}">'
            f'{MARK[c.status]}</span> <strong>{esc(check_words(c))}</strong> — {esc(c.explanation)}{quote}</li>')


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
        return [(capital(reading(r)), r.text) for r in reqs
                if r.kind == kind and (necessity is None or r.necessity == necessity)]

    def check_items(topic: str) -> list[tuple[str, str | None]]:
        return [(capital(clean(c.criterion).split(": ", 1)[-1]), c.requirement.text if c.requirement else None)
                for c in checks if c.necessity == "required" and c.topic == topic]

    deadline = closing_text(deadline_status(n, today))
    cells = [_meta_item(n, "grade", n.grade), _meta_item(n, "duty_station", n.duty_station),
             _meta_item(n, "closes", deadline if n.closes else None),
             check_items("education"), check_items("experience"),
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
