"""The held-out evaluation set (evals/heldout/, DESIGN §5): every case well formed, its
regexes compile, its evidence verbatim in the repaired text of one of its notices, every
shipped notice used, byte-identical to its source and absent from the tuned datasets.

Left out: whether the answering chain passes the cases (`vacancy eval` with the real
model does that, once); whether a gold answer is *right* is for a human reading the notice."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS
from index.build import parse_notice
from index.load import load

HELDOUT = ROOT / "evals" / "heldout"
DATASET = HELDOUT / "heldout.jsonl"
NOTICES = HELDOUT / "notices"
TUNED_NOTICES = ROOT / "evals" / "notices"
CATEGORIES = {"factoid", "requirement", "eligibility", "cross_notice", "unanswerable", "follow_up"}
VERDICTS = {"eligible", "not_eligible", "insufficient_info"}
REQUIRED = ("id", "category", "question", "notices", "must_include")
LISTS_OF_STR = ("history", "notices", "must_not_include", "evidence")
# | `copy` | `original name` | `sha256` | rows of the README's table of copied scale notices
_SOURCE_ROW = re.compile(r"^\| `([^`]+)` \| `[^`]+` \| `([0-9a-f]{64})` \|$", re.MULTILINE)


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def notice_files() -> dict[str, Path]:
    return {p.stem: p for p in NOTICES.iterdir() if not p.name.lower().startswith("readme")}


def repaired(path: Path) -> str:
    return parse_notice(path.name, load(path, 5_000_000).text).text


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {stem: repaired(p) for stem, p in notice_files().items()}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return read_cases(DATASET)


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


def _meaning_problems(case: dict, texts: dict[str, str]) -> list[str]:
    out = []
    if case.get("category") not in CATEGORIES:
        out.append(f"unknown category {case.get('category')!r}")
    if (case.get("category") == "eligibility") != ("verdict" in case):
        out.append("verdict present without eligibility, or eligibility without verdict")
    if "verdict" in case and case["verdict"] not in VERDICTS:
        out.append(f"unknown verdict {case['verdict']!r}")
    if case.get("category") == "unanswerable" and case.get("answerable", True):
        out.append("unanswerable case marked answerable")
    if not case.get("notices"):
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


def problems(case: dict, texts: dict[str, str]) -> list[str]:
    """Everything wrong with one case (empty when it is well formed)."""
    return _shape_problems(case) or _meaning_problems(case, texts)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the checker itself ------------------------------------------------------------------

def test_problems_reports_each_defect_of_a_bad_case():
    bad = {"id": "X", "category": "unanswerable", "question": "q", "notices": ["n1", "n2"],
           "must_include": [["[unclosed"]], "evidence": ["Arabic is required"]}
    assert problems(bad, {"n1": "Fluency in English is required."}) == [
        "unanswerable case marked answerable",
        "unknown notice n2",
        "bad regex '[unclosed': unterminated character set at position 0",
        "evidence not verbatim: 'Arabic is required'",
    ]


def test_problems_reports_shape_errors_first():
    case = {"id": "X", "category": "eligibility", "question": "q", "notices": ["n1"], "must_include": [[]],
            "answerable": "no"}
    assert problems(case, {}) == ["must_include is not a list of non-empty lists of strings",
                                  "answerable is not a boolean"]


def test_problems_accepts_a_good_case():
    case = {"id": "X", "category": "eligibility", "question": "q", "notices": ["n1"], "must_include": [],
            "evidence": ["English is required"], "verdict": "insufficient_info"}
    assert problems(case, {"n1": "Fluency in English is required."}) == []


# -- the dataset -------------------------------------------------------------------------

def test_every_line_is_a_json_object():
    lines = [ln for ln in DATASET.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert all(isinstance(json.loads(ln), dict) for ln in lines)


def test_every_case_is_well_formed(cases, texts):
    assert {c.get("id"): problems(c, texts) for c in cases if problems(c, texts)} == {}


def test_ids_are_unique_and_prefixed(cases):
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"H\d{2,}", i)] == []


def test_coverage(cases):
    categories = Counter(c["category"] for c in cases)
    verdicts = Counter(c["verdict"] for c in cases if "verdict" in c)
    assert len(cases) >= 50
    assert {cat: categories[cat] for cat in CATEGORIES if categories[cat] < 4} == {}
    assert {v: verdicts[v] for v in VERDICTS if verdicts[v] < 4} == {}
    assert categories["unanswerable"] >= 8


def test_follow_ups_have_history_and_ambiguous_cases_name_every_candidate(cases):
    assert [c["id"] for c in cases if c["category"] == "follow_up" and not c.get("history")] == []
    ambiguous = [c for c in cases if "ambiguity" in c.get("tags", [])]
    assert ambiguous and all(len(c["notices"]) >= 2 for c in ambiguous)


def test_every_shipped_notice_is_used(cases):
    assert set(notice_files()) - {s for c in cases for s in c["notices"]} == set()


# -- the notices ---------------------------------------------------------------------------

def test_corpus_copies_are_byte_identical():
    corpus = {p.name: p for p in CORPUS.iterdir()}
    copies = [p for p in notice_files().values() if not p.name.startswith("s")]
    assert len(copies) == 18
    assert [p.name for p in copies if p.name not in corpus or p.read_bytes() != corpus[p.name].read_bytes()] == []


def test_scale_copies_match_the_hashes_in_the_readme():
    listed = dict(_SOURCE_ROW.findall((HELDOUT / "README.md").read_text(encoding="utf-8")))
    copies = {p.name: p for p in notice_files().values() if p.name.startswith("s")}
    assert len(copies) == 6
    assert {name: sha256(p) for name, p in copies.items()} == listed


def test_no_heldout_notice_is_in_the_tuned_sets():
    tuned = {sha256(p) for folder in (SEEDS, TUNED_NOTICES) for p in folder.iterdir() if p.is_file()}
    assert [p.name for p in notice_files().values() if sha256(p) in tuned] == []
