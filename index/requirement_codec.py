"""Requirements to and from plain JSON values (lists, dicts, numbers, strings), for the
structured store and for `--json` output. Round trip: `from_json(to_json(r)) == r`.

Tuples become lists, `Route`s become dicts, `years_by_level` pairs become two-item lists.
Left out: schema migration — a body stored by another parser (`derived.parser_hash`) is never read
(the store keys facts by version), so no older shape has to be decoded.
"""

from __future__ import annotations

from dataclasses import asdict, fields

from .records import Requirement, Route

_TUPLE_FIELDS = {f.name for f in fields(Requirement)
                 if str(f.type).startswith("tuple")}


def requirement_to_json(r: Requirement) -> dict:
    d = asdict(r)
    d["routes"] = [asdict(route) for route in r.routes]
    d["years_by_level"] = [[level, years] for level, years in r.years_by_level]
    for name in _TUPLE_FIELDS - {"routes", "years_by_level"}:
        d[name] = list(d[name])
    return d


def requirement_from_json(d: dict) -> Requirement:
    known = {f.name for f in fields(Requirement)}
    values = {k: v for k, v in d.items() if k in known}
    values["routes"] = tuple(Route(**route) for route in d.get("routes", ()))
    values["years_by_level"] = tuple((level, float(years)) for level, years in d.get("years_by_level", ()))
    for name in _TUPLE_FIELDS - {"routes", "years_by_level"}:
        values[name] = tuple(d.get(name, ()))
    return Requirement(**values)


def requirements_to_json(reqs) -> list[dict]:
    return [requirement_to_json(r) for r in reqs]


def requirements_from_json(items) -> tuple[Requirement, ...]:
    return tuple(requirement_from_json(d) for d in items)
