"""The second held-out set (evals/heldout2/, DESIGN §5): every case well formed, its
regexes compiling, its evidence verbatim in the repaired text of one of its notices, every
notice used, listed once (notices.txt points into tests/data/corpus/) and absent from every
other dataset's notices.

Left out: whether the chain passes the cases (`vacancy eval` does that); whether a gold
answer is right is for a person reading the notice."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS, parsed
from evals.run import notice_paths
from evals.validate import problems, read_cases

HELDOUT2 = ROOT / "evals" / "heldout2"
NOTICES = HELDOUT2 / "notices.txt"
OTHER_LISTS = (ROOT / "evals" / "datasets" / "notices.txt", ROOT / "evals" / "heldout" / "notices.txt")


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return read_cases(HELDOUT2 / "heldout2.jsonl")


def _files() -> list[Path]:
    return notice_paths(NOTICES)


def _texts() -> dict[str, str]:
    return {p.stem: parsed(p).text for p in _files()}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_every_case_is_well_formed(cases):
    texts = _texts()
    assert {c["id"]: problems(c, texts, require_notices=True) for c in cases
            if problems(c, texts, require_notices=True)} == {}


def test_size_mix_and_unique_ids(cases):
    ids = [c["id"] for c in cases]
    kinds = Counter(c["category"] for c in cases)
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    assert kinds["unanswerable"] >= 8 and kinds["eligibility"] >= 6
    assert sum("open" in c["tags"] for c in cases) >= 15


def test_every_notice_is_used_and_lives_in_the_corpus(cases):
    assert {p.stem for p in _files()} - {s for c in cases for s in c["notices"]} == set()
    assert [p.name for p in _files() if p.resolve().parent != CORPUS.resolve()] == []


def test_no_notice_is_in_another_dataset():
    other = {_sha(p) for p in SEEDS.iterdir() if p.is_file()}
    other |= {_sha(p) for listing in OTHER_LISTS for p in notice_paths(listing)}
    assert [p.name for p in _files() if _sha(p) in other] == []
