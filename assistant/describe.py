"""Plain-English readings of typed requirements, for answer sentences."""

from __future__ import annotations

import re

from index.kinds import rule as rule_entry
from index.records import Requirement, Route
from index.vocab import LEVEL_NAMES



LEVEL_PHRASES = {"secondary": "secondary school diploma", "post_secondary": "post-secondary certificate or diploma",
                 "bachelor": "bachelor's degree", "master": "master's degree", "doctorate": "doctorate",
                 "college": "police/military war or staff college qualification", "none": "no degree"}


def level(name: str) -> str:
    return LEVEL_PHRASES.get(name) or LEVEL_NAMES.get(name, name)


def n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def route(rt: Route, terse: bool = False) -> str:
    """One way in: `a bachelor's degree with 2 additional years of qualifying experience`,
    or tersely (checklist labels) `bachelor's + 2 additional years of experience`."""
    name = LEVEL_NAMES.get(rt.level, rt.level) if terse else level(rt.level)
    article = "" if terse or rt.level in ("college", "none") else "a "
    if rt.total_years is not None:
        return f"{article}{name} with {n(rt.total_years)} years of {'' if terse else 'relevant '}experience"
    if rt.extra_years:
        extra = f"+ {n(rt.extra_years)} additional years of experience" if terse else \
            f"with {n(rt.extra_years)} additional years of qualifying experience"
        return f"{article}{name} {extra}"
    if rt.extra_unstated:
        return f"{article}{name} {'+' if terse else 'with'} additional years of experience"
    return f"{article}{name}"


def describe(r: Requirement) -> str:
    """`Required: a master's in X or Y; also accepted: a bachelor's with 2 additional years …`"""
    head = "Required" if r.necessity == "required" else "Desirable"
    body = {"education": _education, "experience": _experience, "language": _language,
            "certification": _certification, "licence": lambda r: "a valid driving licence",
            "travel": _quoted, "medical": _quoted,
            "eligibility_rule": _rule}.get(r.kind)
    return f"{head}: {body(r) if body else _quoted(r)}."


def _education(r: Requirement) -> str:
    routes = r.routes or ((Route(r.level),) if r.level else ())
    if not routes:
        return _quoted(r)
    first = route(routes[0])
    if r.fields:
        first += " in " + _join(r.fields[:4], "or") + (" or a related field" if len(r.fields) > 4 else "")
    others = [route(rt) + (_extra_domain(r.text) if rt.extra_years or rt.extra_unstated else "")
              for rt in routes[1:]]
    return first + (f"; also accepted: {_join(others, 'or')}" if others else "")


def _extra_domain(text: str) -> str:
    """What the additional years must be in: "… two additional years of experience in the
    management of close protection operations and assets may be accepted …"."""
    m = re.search(r"additional (?:\w+ )?years?(?: of)? (?:qualifying |relevant |related )?(?:work )?experience "
                  r"(?:in|with|on) (?P<d>[^.;]+?)(?= may\b| is\b| in lieu|[.;]|$)", " ".join(text.split()), re.I)
    return f" in {m.group('d')}" if m else ""


SCOPES = {"un_system": "UN system", "international": "international", "field": "field",
          "mission": "mission", "command": "command or leadership", "supervisory": "supervisory",
          "conflict": "conflict-area", "humanitarian": "humanitarian"}


def years(x: float) -> str:
    return f"{n(x)} year{'' if x == 1 else 's'}"


def _experience(r: Requirement) -> str:
    scope = f"{SCOPES.get(r.scope, r.scope.replace('_', ' '))} " if r.scope else ""
    if r.years_by_level:
        parts = [f"{years(y)} with a {level(lv)}" for lv, y in r.years_by_level]
        text = f"at least {_join(parts, 'or')} of {scope}experience"
    elif r.years is not None:
        text = f"at least {years(r.years)} of {scope}experience"
    else:
        text = f"{scope}experience"
    redundant = bool(r.domain and scope and set(r.domain.lower().split()) <= set(scope.lower().split()) | {"level", "experience"})
    text += f" in {r.domain}" if r.domain and not redundant else ""
    return text + (f" ({r.counting_rule.rstrip('.')})" if r.counting_rule else "")


def _language(r: Requirement) -> str:
    langs = _join(list(r.languages), "or") if len(r.languages) <= 3 else "another UN official language (" + \
        ", ".join(r.languages) + ")"
    level_ = f" ({r.proficiency})" if r.proficiency else ""
    who = " for external applicants" if r.applies_to == "external" else ""
    return f"{langs}{level_}{who}"


def _certification(r: Requirement) -> str:
    return _join(list(r.names), "or") if r.names else _quoted(r)


def _rule(r: Requirement) -> str:
    template = rule_entry(r.rule or "general").sentence
    values = ", ".join(r.values[:6]) + ("…" if len(r.values) > 6 else "")
    return template.format(values=values or "as listed")


def _quoted(r: Requirement) -> str:
    text = " ".join(r.text.split())
    return text if len(text) <= 160 else text[:159].rsplit(" ", 1)[0] + "…"


def _join(items: list[str] | tuple[str, ...], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
