"""The one wording module: plain English for typed requirements and eligibility checks, read
by answers (compose, compare), eligibility labels, the requirement card and Compare.

`plain(r)` is a requirement in words a job seeker reads ("at least 7 years of experience
with a bachelor's degree, or 5 with a master's degree, in security management"), built from
the registries' prose (`index.kinds`: kind titles, rule sentences; `index.vocab`: degree
names); `describe(r)` puts "Required"/"Desirable" before it; `clean(text)` folds a quoted
table row ("Language: | French | UN Level II | UN Level II |") into words. Left out:
rewording the notice's own sentences beyond folding whitespace and table cells.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from index.kinds import rule as rule_entry
from index.records import Requirement, Route
from index.vocab import LEVEL_NAMES



LEVEL_PHRASES = {"secondary": "secondary school diploma", "post_secondary": "post-secondary certificate or diploma",
                 "bachelor": "bachelor's degree", "master": "master's degree", "doctorate": "doctorate",
                 "college": "police/military war or staff college qualification", "none": "no degree"}


# short names for labels, each readable after "a": "a bachelor's", "a secondary school diploma"
SHORT = {**LEVEL_NAMES, "secondary": "secondary school diploma", "post_secondary": "post-secondary diploma"}


def level(name: str) -> str:
    return LEVEL_PHRASES.get(name) or LEVEL_NAMES.get(name, name)


def n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def route(rt: Route, terse: bool = False) -> str:
    """One way in: `a bachelor's degree with 2 additional years of qualifying experience`,
    or tersely (checklist labels) `a bachelor's with 2 more years of experience`."""
    name = SHORT.get(rt.level, rt.level) if terse else level(rt.level)
    article = "" if rt.level in ("college", "none") else ("an " if name[:1] in "aeiou" else "a ")
    if rt.total_years is not None:
        return f"{article}{name} with {years(rt.total_years)} of {'' if terse else 'relevant '}experience"
    if rt.extra_years:
        extra = f"with {n(rt.extra_years)} more year{'' if rt.extra_years == 1 else 's'} of experience" if terse else \
            f"with {n(rt.extra_years)} additional years of qualifying experience"
        return f"{article}{name} {extra}"
    if rt.extra_unstated and rt.level == "none":
        return "equivalent experience" if terse else "equivalent relevant experience instead of a degree"
    if rt.extra_unstated:
        return f"{article}{name} with {'more' if terse else 'additional'} years of experience"
    return f"{article}{name}"


def routes_words(routes, terse: bool = True) -> str:
    """`a master's, or a bachelor's with 2 years more of experience`."""
    return _join([route(rt, terse) for rt in routes], "or", comma=terse and len(routes) > 1)


def years_needed(options: Sequence[tuple[str, float]], where: str = "") -> str:
    """Years of experience per degree in words: `at least 7 years of experience with a
    bachelor's degree, or 5 with a master's, in security management` (`options` are (degree
    level, years); "any" names no degree; `where` is "in security management")."""
    where = f" {where}" if where else ""
    named = [(lv, y) for lv, y in options if lv != "any"]
    if not named:
        return f"at least {years(options[0][1])} of experience{where}"
    (lv, y), rest = named[0], named[1:]
    text = f"at least {years(y)} of experience with {_article(level(lv))}"
    if rest:
        text += ", or " + ", or ".join(f"{n(y2)} with {_article(SHORT.get(l2, l2))}" for l2, y2 in rest)
    return text + ("," if rest and where else "") + where


def scope_words(scope: str | None) -> tuple[str, str]:
    """(words before "experience", words after it) for an experience scope: ("international",
    "") or ("", "in the UN system")."""
    if not scope:
        return "", ""
    if scope in SCOPE_AFTER:
        return "", SCOPE_AFTER[scope]
    return SCOPES.get(scope, scope.replace("_", " ")), ""


def _article(name: str) -> str:
    return name if name.startswith("no ") or "college" in name else \
        ("an " if name[:1] in "aeiou" else "a ") + name


def describe(r: Requirement) -> str:
    """`Required: a master's in X or Y; also accepted: a bachelor's with 2 additional years …`"""
    return f"{necessity(r)}: {plain(r)}."


def describe_lines(r: Requirement) -> list[str]:
    """`describe(r)` as short sentences: an education requirement's other routes on a line
    of their own ("Also accepted: a bachelor's degree with 2 additional years …"), an
    experience requirement's rule for counting the years on its own ("Each year of GS
    experience is counted at 50%.")."""
    routes = r.routes or ()
    if r.kind == "experience" and r.counting_rule:
        rule_ = capital(clean(r.counting_rule).rstrip("."))
        return [describe(replace(r, counting_rule=None)), f"{rule_}."]
    if r.kind != "education" or len(routes) < 2 or r.uncertain:
        return [describe(r)]
    first = Requirement(r.notice_id, r.kind, r.necessity, r.start, r.end, r.text, r.level, r.fields, routes[:1])
    others = [route(rt) + (_extra_domain(r.text) if rt.extra_years or rt.extra_unstated else "") for rt in routes[1:]]
    return [describe(first), f"Also accepted: {_join(others, 'or')}."]


def necessity(r: Requirement) -> str:
    """"Required" or "Desirable" (a preference counts as desirable)."""
    return "Required" if r.necessity == "required" and not r.preference else "Desirable"


def plain(r: Requirement) -> str:
    """The requirement in plain words, without its necessity."""
    body = {"education": _education, "experience": _experience, "language": _language,
            "certification": _certification, "licence": lambda r: "a valid driving licence",
            "eligibility_rule": _rule}.get(r.kind)
    text = body(r) if body else _quoted(r)
    if r.uncertain:   # a reading the parser could not make exact (`Requirement.uncertain`)
        text += " (the notice does not state " + " or ".join(
            {"level": "the degree level", "years": "the number of years"}.get(u, u) for u in r.uncertain) + " exactly)"
    return text


# Where one sentence of an answer ends and the next begins (a full stop, then a capital or a mark).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z✓✗?])")
FACT_SENTENCES = 2          # sentences a fact answer shows per notice; further ones are folded


def sentence_count(text: str) -> int:
    return len(SENTENCE_BREAK.split(text.strip())) if text.strip() else 0


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_CELLS = re.compile(r"\s*\|\s*")


def clean(text: str, limit: int | None = None) -> str:
    """Whitespace folded; a table row's cells (`Language: | French | UN Level II | UN Level
    II |`) joined as words once each (`Language: French, UN Level II`); cut at `limit`."""
    flat = " ".join(text.split())
    if "|" in flat:
        cells = [c for c in _CELLS.split(flat) if c.strip(" -:")]
        head = cells[0] if cells and cells[0].endswith(":") else None
        rest = list(dict.fromkeys(cells[1:] if head else cells))
        flat = (f"{head} " if head else "") + ", ".join(rest)
    if limit and len(flat) > limit:
        flat = flat[:limit - 1].rsplit(" ", 1)[0] + "…"
    return flat


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


SCOPE_AFTER = {"un_system": "in the UN system", "conflict": "in conflict areas", "mission": "in missions",
               "field": "in the field"}
SCOPES = {"un_system": "UN system", "international": "international", "field": "field",
          "mission": "mission", "command": "command or leadership", "supervisory": "supervisory",
          "conflict": "conflict-area", "humanitarian": "humanitarian"}


def years(x: float) -> str:
    return f"{n(x)} year{'' if x == 1 else 's'}"


def _experience(r: Requirement) -> str:
    before, after = scope_words(r.scope)
    scope = f"{before} " if before else ""
    redundant = bool(r.domain and r.scope and set(r.domain.lower().split())
                     <= set((before + " " + after).lower().split()) | {"level", "experience", "in", "the"})
    where = " ".join(x for x in (after, f"in {clean(r.domain)}" if r.domain and not redundant else "") if x)
    if r.years_by_level:
        options = list(r.years_by_level)
        if r.years is not None and r.years not in dict(options).values():
            options.insert(0, ("any", r.years))
        text = years_needed(options, where).replace("of experience", f"of {scope}experience", 1)
    elif r.years == 0:
        text = "no prior experience is required"
    elif r.years is not None:
        text = f"at least {years(r.years)} of {scope}experience" + (f" {where}" if where else "")
    else:
        text = f"{scope}experience" + (f" {where}" if where else "")
    return text + (f" ({clean(r.counting_rule).rstrip('.')})" if r.counting_rule else "")


def _language(r: Requirement) -> str:
    langs = _join(list(r.languages), "or") if len(r.languages) <= 3 else "another UN official language (" + \
        ", ".join(r.languages) + ")"
    if not r.languages:
        return _quoted(r)
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
    return clean(r.text, 160).rstrip(" .;:")


def _join(items: list[str] | tuple[str, ...], word: str = "and", comma: bool = False) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f"{',' if comma else ''} {word} " + items[-1]
