"""The held-out evaluation set (evals/heldout/, DESIGN §5): every case well formed, its
regexes compile, its evidence verbatim in the repaired text of one of its notices, every
listed notice used, kept once in tests/data/corpus and absent from the tuned datasets.

Left out: whether the answering chain passes the cases (`vacancy eval` with the real
model does that, once); whether a gold answer is *right* is for a human reading the notice."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, parsed
from evals.manifest import split_of
from evals.run import NOTICES_DIR as TUNED_LIST
from evals.run import notice_paths
from evals.validate import CATEGORIES, VERDICTS, read_cases
from evals.validate import problems as case_problems

HELDOUT = ROOT / "evals" / "heldout"
DATASET = HELDOUT / "heldout.jsonl"
NOTICES = HELDOUT / "notices.txt"
# | `copy` | `original name` | `sha256` | rows of the README's table of copied scale notices
_SOURCE_ROW = re.compile(r"^\| `([^`]+)` \| `[^`]+` \| `([0-9a-f]{64})` \|$", re.MULTILINE)



def notice_files() -> dict[str, Path]:
    return {p.stem: p for p in notice_paths(NOTICES)}


def repaired(path: Path) -> str:
    return parsed(path).text


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {stem: repaired(p) for stem, p in notice_files().items()}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return read_cases(DATASET)


def problems(case: dict, texts: dict[str, str]) -> list[str]:
    """Everything wrong with one case (empty when it is well formed)."""
    return case_problems(case, texts, require_notices=True)


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

def test_the_list_names_corpus_files_and_nothing_is_copied():
    paths = notice_paths(NOTICES)
    assert len(paths) == 24 and all(p.resolve().parent == CORPUS.resolve() for p in paths)
    assert not (HELDOUT / "notices").exists()


def test_the_manifest_says_which_notices_were_tuned_on():
    """18 of the 24 are pinned by the parser's tests (test_metadata, the coverage gate) and
    the six scale posts calibrate the open-question threshold (evals/open), so the manifest
    puts all of them in `tuning`."""
    splits = {p.name: split_of()[p.name] for p in notice_files().values()}
    assert set(splits.values()) == {"tuning"}
    calibration = {p.name for p in notice_paths(ROOT / "evals" / "open" / "notices.txt")}
    assert {n for n in splits if n.startswith("s0")} <= calibration


def test_scale_copies_match_the_hashes_in_the_readme():
    listed = dict(_SOURCE_ROW.findall((HELDOUT / "README.md").read_text(encoding="utf-8")))
    copies = {p.name: p for p in notice_files().values() if p.name.startswith("s0")}
    assert len(copies) == 6
    assert {name: sha256(p) for name, p in copies.items()} == listed


def test_no_heldout_notice_is_in_the_tuned_sets():
    tuned = {sha256(p) for p in notice_paths(TUNED_LIST)}
    assert [p.name for p in notice_files().values() if sha256(p) in tuned] == []
