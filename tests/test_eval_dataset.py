"""The gold evaluation datasets (evals/datasets/*.jsonl, DESIGN §5): every case well formed,
its regexes compile, its notices listed in evals/datasets/notices.txt (kept once, in notices/
and tests/data/corpus, tuned-on splits only), its evidence
verbatim in the repaired notice text, and the coverage the quality bar asks for.

Left out: whether the answering chain passes the cases (that is `vacancy eval`'s job, with
the real model); whether a gold answer is *right* is for a human reading the notice."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS, parsed
from evals.manifest import TUNED, split_of
from evals.run import NOTICES_DIR, notice_paths
from evals.validate import CATEGORIES, VERDICTS, read_cases
from evals.validate import problems as case_problems

EVALS = ROOT / "evals"
DATASETS = {"seeds": EVALS / "datasets" / "seeds.jsonl", "corpus": EVALS / "datasets" / "corpus.jsonl"}


def notice_files() -> dict[str, Path]:
    return {p.stem: p for p in notice_paths(NOTICES_DIR)}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Repaired text of every shipped notice, by file stem."""
    return {stem: parsed(p).text for stem, p in notice_files().items()}


@pytest.fixture(scope="module")
def cases() -> dict[str, list[dict]]:
    return {name: read_cases(path) for name, path in DATASETS.items()}


def problems(case: dict, texts: dict[str, str]) -> list[str]:
    """Everything wrong with one case (empty when it is well formed)."""
    return case_problems(case, texts)


# -- the checker itself ------------------------------------------------------------------

def test_problems_reports_each_defect_of_a_bad_case():
    texts = {"n1": "Fluency in English is required."}
    bad = {"id": "X", "category": "eligibility", "question": "q", "notices": ["n1", "n2"],
           "must_include": [["(unclosed"]], "must_not_include": [], "evidence": ["French is required"],
           "answerable": True}
    found = problems(bad, texts)
    assert found[0] == "verdict present without eligibility, or eligibility without verdict"
    assert found[1] == "unknown notice n2"
    assert found[2].startswith("bad regex '(unclosed'")
    assert found[3:] == ["evidence not verbatim: 'French is required'"]


def test_problems_reports_shape_errors_first():
    case = {"id": "X", "category": "factoid", "question": "q", "notices": "n1", "must_include": ["a"]}
    assert problems(case, {}) == ["notices is not a list of strings",
                                  "must_include is not a list of non-empty lists of strings"]


def test_problems_accepts_a_good_case():
    case = {"id": "X", "category": "factoid", "question": "q", "notices": ["n1"],
            "must_include": [["(?i)english"]], "evidence": ["English is required"]}
    assert problems(case, {"n1": "Fluency in English is required."}) == []


# -- the datasets --------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_line_is_a_json_object(name):
    lines = [ln for ln in DATASETS[name].read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert all(isinstance(json.loads(ln), dict) for ln in lines)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_case_is_well_formed(name, cases, texts):
    bad = {c.get("id"): problems(c, texts) for c in cases[name] if problems(c, texts)}
    assert bad == {}


@pytest.mark.parametrize("name,prefix", [("seeds", "S"), ("corpus", "C")])
def test_ids_are_unique_and_prefixed(name, prefix, cases):
    ids = [c["id"] for c in cases[name]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(prefix + r"\d{2,}", i) for i in ids)


def test_case_counts(cases):
    assert len(cases["seeds"]) >= 60
    assert len(cases["corpus"]) >= 20


def test_seed_cases_use_only_seeds_and_corpus_cases_use_at_least_eight_corpus_notices(cases):
    seed_stems = {p.stem for p in SEEDS.glob("*.txt")}
    assert {s for c in cases["seeds"] for s in c["notices"]} <= seed_stems
    assert len({s for c in cases["corpus"] for s in c["notices"]} - seed_stems) >= 8


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_category_has_at_least_four_cases(name, cases):
    counts = Counter(c["category"] for c in cases[name])
    assert {cat: counts[cat] for cat in CATEGORIES if counts[cat] < 4} == {}


def test_every_verdict_appears_at_least_three_times(cases):
    counts = Counter(c["verdict"] for cs in cases.values() for c in cs if "verdict" in c)
    assert {v: counts[v] for v in VERDICTS if counts[v] < 3} == {}


def test_ambiguity_and_follow_up_cases_are_present(cases):
    every = [c for cs in cases.values() for c in cs]
    ambiguous = [c for c in every if "ambiguity" in c.get("tags", [])]
    assert len(ambiguous) >= 4 and all(len(c["notices"]) >= 2 for c in ambiguous)
    assert all(c.get("history") for c in every if c["category"] == "follow_up")


def test_every_shipped_notice_is_used(cases):
    used = {s for cs in cases.values() for c in cs for s in c["notices"]}
    assert set(notice_files()) - used == set()


def test_the_list_names_samples_and_tuning_notices_and_nothing_is_copied():
    paths = notice_paths(NOTICES_DIR)
    assert len(paths) == 17
    assert sorted({p.resolve().parent for p in paths}) == sorted({SEEDS.resolve(), CORPUS.resolve()})
    assert {split_of()[p.name] for p in paths} <= set(TUNED)
    assert not (EVALS / "notices").exists()
