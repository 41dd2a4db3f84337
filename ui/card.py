"""The notice card of `vacancy show NOTICE`: metadata first, then the requirements grouped
by kind, each line with its necessity (Required / Desirable), the requirement in plain words
(`assistant.describe`) and the quote it comes from.

`render_card` is plain text for a terminal; `card_json` is the same content as JSON values
(`--json`). Left out: colour and terminal-width wrapping (the quote is printed whole,
whitespace folded; quotes over 600 characters are cut with "…").
"""

from __future__ import annotations

from datetime import date

from assistant.describe import necessity, plain
from index.records import Notice, Requirement
from index.requirement_codec import requirements_to_json
from index.kinds import KINDS
from index.requirements import deadline_status, notice_category

_KIND_TITLES = {k.name: k.title for k in KINDS}
_QUOTE_LIMIT = 600


def render_card(notice: Notice, requirements, today: date | None = None) -> str:
    lines = _metadata_lines(notice, today or date.today())
    for kind in _KIND_TITLES:
        reqs = [r for r in requirements if r.kind == kind]
        if not reqs:
            continue
        lines += ["", _KIND_TITLES[kind].upper()]
        for r in reqs:
            lines.append(f"  {necessity(r):<10} {reading(r)}")
            lines.append(f"  {'':<10} “{_quote(r.text)}”")
    if not requirements:
        lines += ["", "no requirements found in this notice"]
    return "\n".join(lines)


def card_json(notice: Notice, requirements, today: date | None = None) -> dict:
    deadline = deadline_status(notice, today or date.today())
    return {"id": notice.id, "source": notice.source, "title": notice.title,
            "organisation": notice.organisation, "grade": notice.grade,
            "category": notice_category(notice), "duty_station": notice.duty_station,
            "posted": notice.posted.isoformat() if notice.posted else None,
            "closes": notice.closes.isoformat() if notice.closes else None,
            "deadline": {"status": deadline.status, "days_left": deadline.days_left},
            "job_opening": notice.job_opening,
            "requirements": requirements_to_json(requirements)}


def _metadata_lines(notice: Notice, today: date) -> list[str]:
    category = notice_category(notice)
    grade = notice.grade or "not stated"
    rows = [("organisation", notice.organisation or "not stated"),
            ("grade", f"{grade} (category {category})" if category else grade),
            ("duty station", notice.duty_station or "not stated"),
            ("posted", notice.posted.isoformat() if notice.posted else "not stated"),
            ("closes", _deadline_label(notice, today)),
            ("job opening", notice.job_opening or "not stated"),
            ("source", notice.source)]
    return [notice.title or notice.stem] + [f"  {k:<13}{v}" for k, v in rows]


def _deadline_label(notice: Notice, today: date) -> str:
    d = deadline_status(notice, today)
    if d.status == "not stated":
        return "not stated"
    if d.status == "closed":
        return f"{d.closes.isoformat()} (closed)"
    left = "closes today" if d.days_left == 0 else f"{d.days_left} days left"
    return f"{d.closes.isoformat()} (open, {left})"


def reading(r: Requirement) -> str:
    """The requirement in plain words (`assistant.describe.plain`), e.g. `at least 7 years of
    experience with a bachelor's, or 5 with a master's, in security management`."""
    return plain(r)


def _quote(text: str) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= _QUOTE_LIMIT else folded[:_QUOTE_LIMIT - 1] + "…"
