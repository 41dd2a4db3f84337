"""The notice card of `vacancy show NOTICE`: metadata first, then the requirements grouped
by kind, each line with its necessity, the typed reading and the quote it comes from.

`render_card` is plain text for a terminal; `card_json` is the same content as JSON values
(`--json`). Left out: colour and terminal-width wrapping (the quote is printed whole,
whitespace folded; quotes over 600 characters are cut with "…").
"""

from __future__ import annotations

from datetime import date

from index.records import Notice, Requirement, Route
from index.requirement_codec import requirements_to_json
from index.kinds import KINDS
from index.kinds import rule as rule_entry
from index.requirements import deadline_status, notice_category
from index.vocab import LEVEL_NAMES

_KIND_TITLES = {k.name: k.title for k in KINDS}
_QUOTE_LIMIT = 600
_VALUES_SHOWN = 6


def render_card(notice: Notice, requirements, today: date | None = None) -> str:
    lines = _metadata_lines(notice, today or date.today())
    for kind in _KIND_TITLES:
        reqs = [r for r in requirements if r.kind == kind]
        if not reqs:
            continue
        lines += ["", _KIND_TITLES[kind].upper()]
        for r in reqs:
            lines.append(f"  {r.necessity:<10} {reading(r)}")
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
    """The typed reading of one requirement, e.g. `experience ≥ 5 y (master's) / ≥ 7 y
    (bachelor's) — military, police or security management`."""
    text = {"education": _education, "experience": _experience, "language": _language,
            "certification": _certification, "licence": _names, "travel": lambda _: "travel",
            "medical": lambda _: "medical fitness / clearance", "eligibility_rule": _rule,
            "other": lambda _: "as stated"}[r.kind](r)
    if r.uncertain:   # a reading the parser could not make exact (`Requirement.uncertain`)
        text += " (" + ", ".join({"level": "degree level not read", "years": "number of years not read"}
                                 .get(u, f"{u} not read") for u in r.uncertain) + ")"
    return text


def _years(y: float) -> str:
    return f"{y:g} y"


def _education(r: Requirement) -> str:
    parts = [_route(route) for route in r.routes] or [LEVEL_NAMES.get(r.level or "", "degree")]
    text = "education " + " or ".join(parts)
    return text + (" — " + ", ".join(r.fields) if r.fields else "")


def _route(route: Route) -> str:
    name = LEVEL_NAMES.get(route.level, route.level)
    if route.level == "none":
        return f"no degree + {_years(route.extra_years)} more experience"
    if route.extra_years:
        return f"{name} + {_years(route.extra_years)} more experience"
    if route.total_years is not None:
        return f"{name} with ≥ {_years(route.total_years)} experience"
    if route.extra_unstated:
        return f"{name} + more experience (amount not stated)"
    return name


def _experience(r: Requirement) -> str:
    if r.years_by_level:
        levels = {level for level, _ in r.years_by_level}
        parts = [f"≥ {_years(y)} ({LEVEL_NAMES.get(level, level)})" for level, y in r.years_by_level]
        if r.years is not None and not any(y == r.years for _, y in r.years_by_level):
            parts.insert(0, f"≥ {_years(r.years)}")
        text = "experience " + " / ".join(parts) if levels else "experience"
    elif r.years is not None:
        text = f"experience ≥ {_years(r.years)}" if r.years else "no experience required"
    else:
        text = "experience"
    if r.scope:
        text += f" [{r.scope.replace('_', ' ')}]"
    if r.domain:
        text += f" — {r.domain}"
    if r.counting_rule:
        text += f" (counting: {r.counting_rule})"
    return text


def _language(r: Requirement) -> str:
    text = " or ".join(r.languages)
    if r.proficiency:
        text += f" ({r.proficiency})"
    if r.applies_to:
        text += f" — for {r.applies_to} applicants"
    return text


def _certification(r: Requirement) -> str:
    if r.names:
        return "certification: " + " or ".join(r.names)
    return f"certification — {r.domain}" if r.domain else "certification"


def _names(r: Requirement) -> str:
    return ", ".join(r.names) or r.kind


def _rule(r: Requirement) -> str:
    text = rule_entry(r.rule).wording if r.rule else "rule"
    if r.values:
        shown = ", ".join(r.values[:_VALUES_SHOWN])
        more = f", … ({len(r.values)} in all)" if len(r.values) > _VALUES_SHOWN else ""
        text += f": {shown}{more}"
    if r.preference:
        text += " (a preference, not a bar)"
    return text


def _quote(text: str) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= _QUOTE_LIMIT else folded[:_QUOTE_LIMIT - 1] + "…"
