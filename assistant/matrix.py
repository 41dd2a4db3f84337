"""The eligibility matrix of `vacancy check`: one profile against many notices, a row per
notice and a column per criterion kind, each cell met / not met / unknown."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from index.errors import VacancyError

from .eligibility import check_eligibility
from .records import Profile

_TUPLE_FIELDS = {"years_by_scope", "years_by_domain", "languages", "certifications", "certifications_lacking"}


def load_profile(path: Path) -> Profile:
    """A profile from JSON or YAML with the `Profile` field names; unknown keys are errors."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise VacancyError(f"cannot read the profile {path}: {err.strerror}") from err
    try:
        data = _parse(path, raw)
    except ValueError as err:
        raise VacancyError(f"{path} is not valid {path.suffix.lstrip('.') or 'JSON'}: {err}") from err
    names = {f.name for f in fields(Profile)}
    unknown = set(data) - names
    if unknown:
        raise VacancyError(f"{path}: unknown profile field(s) {', '.join(sorted(unknown))}; "
                           f"known: {', '.join(sorted(names))}")
    return Profile(**{k: _value(k, v) for k, v in data.items()})


def _parse(path: Path, raw: str) -> dict:
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(raw)
    else:
        data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the top level must be a mapping of profile fields")
    return data


def _value(name: str, value):
    if name in ("years_by_scope", "years_by_domain") and isinstance(value, dict):
        return tuple(sorted((k, float(v)) for k, v in value.items()))
    if name == "languages" and isinstance(value, dict):
        return tuple(sorted(value.items()))
    if name in _TUPLE_FIELDS and isinstance(value, list):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value


def eligibility_matrix(helper, profile: Profile, notices=None) -> list[dict]:
    rows = []
    for notice in notices or list(helper.notices.values()):
        v = check_eligibility(notice, helper.requirements[notice.id], profile, relate=helper.relate)
        rows.append({
            "notice_id": notice.id, "source": notice.source, "title": notice.title,
            "verdict": v.verdict,
            "checks": [{"criterion": c.criterion, "status": c.status, "necessity": c.necessity,
                        "explanation": c.explanation,
                        "quote": c.requirement.text if c.requirement else None}
                       for c in v.checks if c.necessity == "required"],
        })
    return rows


def render_matrix(rows: list[dict]) -> str:
    mark = {"met": "✓", "not_met": "✗", "unknown": "?"}
    out = []
    for row in rows:
        out.append(f"{row['title'] or row['source']} — {row['verdict'].replace('_', ' ')}")
        for c in row["checks"]:
            out.append(f"  {mark[c['status']]} {c['criterion']}: {c['explanation']}")
        out.append("")
    return "\n".join(out).rstrip()
