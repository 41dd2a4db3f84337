"""Check a gold dataset (DESIGN §5) before using it: each case well formed, its regexes
compiling, its notices present and its evidence verbatim in the repaired notice text.

    .venv/bin/python -m evals validate FILE.jsonl --notices DIR|LIST.txt

Left out: whether a gold answer is *right* — that is for a person reading the notice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CATEGORIES = {"factoid", "requirement", "eligibility", "cross_notice", "unanswerable", "follow_up"}
VERDICTS = {"eligible", "not_eligible", "insufficient_info"}
REQUIRED = ("id", "category", "question", "notices", "must_include")
LISTS_OF_STR = ("history", "notices", "must_not_include", "evidence")


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def notice_texts(source: Path, max_bytes: int, limits) -> dict[str, str]:
    """Repaired text of every notice in the folder or `.txt` list `source`, by file stem
    (README files left out), each read within the index's bounds."""
    from index.build import collect, parse_notice
    from index.load import load

    from .run import notice_paths

    return {p.stem: parse_notice(p.name, load(p, max_bytes, limits).text).text
            for p in sorted(collect(notice_paths(source), follow_inside=False))}


def problems(case: dict, texts: dict[str, str], require_notices: bool = False) -> list[str]:
    """Everything wrong with one case (empty when it is well formed); shape errors first."""
    return _shape_problems(case) or _meaning_problems(case, texts, require_notices)


def _shape_problems(case: dict) -> list[str]:
    out = [f"missing {f}" for f in REQUIRED if f not in case]
    out += [f"{f} is not a list of strings" for f in LISTS_OF_STR
            if not (isinstance(case.get(f, []), list) and all(isinstance(x, str) for x in case.get(f, [])))]
    groups = case.get("must_include", [])
    if not isinstance(groups, list) or not all(isinstance(g, list) and g and all(isinstance(r, str) for r in g)
                                               for g in groups):
        out.append("must_include is not a list of non-empty lists of strings")
    if not isinstance(case.get("answerable", True), bool):
        out.append("answerable is not a boolean")
    return out


def _meaning_problems(case: dict, texts: dict[str, str], require_notices: bool) -> list[str]:
    out = []
    if case.get("category") not in CATEGORIES:
        out.append(f"unknown category {case.get('category')!r}")
    if (case.get("category") == "eligibility") != ("verdict" in case):
        out.append("verdict present without eligibility, or eligibility without verdict")
    if "verdict" in case and case["verdict"] not in VERDICTS:
        out.append(f"unknown verdict {case['verdict']!r}")
    if case.get("category") == "unanswerable" and case.get("answerable", True):
        out.append("unanswerable case marked answerable")
    if require_notices and not case.get("notices"):
        out.append("no notices")
    out += [f"unknown notice {s}" for s in case.get("notices", []) if s not in texts]
    for pattern in [r for g in case.get("must_include", []) for r in g] + case.get("must_not_include", []):
        try:
            re.compile(pattern)
        except re.error as e:
            out.append(f"bad regex {pattern!r}: {e}")
    known = [texts[s] for s in case.get("notices", []) if s in texts]
    out += [f"evidence not verbatim: {ev!r}" for ev in case.get("evidence", [])
            if not any(ev in t for t in known)]
    return out


def dataset_problems(dataset: Path, texts: dict[str, str]) -> list[str]:
    """"ID: problem", one line per problem of each case of `dataset`."""
    return [f"{case.get('id')}: {p}" for case in read_cases(dataset) for p in problems(case, texts)]
