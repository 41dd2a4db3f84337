"""The eligibility gold set of issue 11 (evals/eligibility/): every case an eligibility case
with a verdict, well formed (DESIGN §5), about a shipped notice, every notice used and
listed once in notices.txt and kept only in tests/data/corpus; each verdict and each rule
family covered.

Left out: whether the chain passes the cases (`vacancy eval` with the real model does that)."""

from __future__ import annotations

from collections import Counter

from conftest import CORPUS, ROOT, parsed
from evals.run import notice_paths
from evals.validate import read_cases
from evals.validate import problems as case_problems

HERE = ROOT / "evals" / "eligibility"


def test_cases_are_well_formed_and_cover_every_verdict():
    notices = {p.stem: p for p in notice_paths(HERE / "notices.txt")}
    texts = {stem: parsed(p).text for stem, p in notices.items()}
    cases = read_cases(HERE / "cases.jsonl")
    assert len(cases) >= 60
    assert [p for c in cases for p in case_problems(c, texts, require_notices=True)] == []
    assert {c["category"] for c in cases} == {"eligibility"}
    assert set(Counter(c["verdict"] for c in cases)) == {"eligible", "not_eligible", "insufficient_info"}
    assert {n for c in cases for n in c["notices"]} == set(notices)
    assert sum(bool(c["history"]) for c in cases) >= 5
    tags = {t for c in cases for t in c["tags"]}
    assert {"nationality", "residence", "permit", "age", "staff_status", "secondment", "graduation_window",
            "scope", "domain_mismatch", "nested_years", "language_level"} <= tags


def test_the_notice_list_names_corpus_files_and_nothing_is_copied():
    paths = notice_paths(HERE / "notices.txt")
    assert len(paths) == 19 and all(p.resolve().parent == CORPUS.resolve() for p in paths)
    assert not (HERE / "notices").exists()


def test_the_second_set_is_well_formed_over_notices_the_first_did_not_use():
    here = ROOT / "evals" / "eligibility2"
    notices = {p.stem: p for p in notice_paths(here / "notices.txt")}
    first = {p.stem for p in notice_paths(HERE / "notices.txt")}
    assert len(notices) == 31 and not set(notices) & first
    assert all(p.resolve().parent == CORPUS.resolve() for p in notices.values())
    texts = {stem: parsed(p).text for stem, p in notices.items()}
    cases = read_cases(here / "cases.jsonl")
    assert len(cases) >= 60
    assert [p for c in cases for p in case_problems(c, texts, require_notices=True)] == []
    assert {n for c in cases for n in c["notices"]} == set(notices)
    assert Counter(c["verdict"] for c in cases) == {"eligible": 33, "not_eligible": 40, "insufficient_info": 16}
    assert sum(bool(c["history"]) for c in cases) >= 9
    assert sum("one_sentence" in c["tags"] for c in cases) * 2 >= len(cases)
    tags = {t for c in cases for t in c["tags"]}
    assert {"age", "studies", "work_permit", "nationality_demonym", "nationality_group", "language_cefr",
            "years_by_level", "substitution", "domain_mismatch", "scope_education", "scope_experience",
            "scope_language", "staff_status", "experience_international", "internal_external", "split_profile"} <= tags
