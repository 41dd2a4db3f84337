"""Readability of answers (evals/readability.py): the rules on literal answers, and the share of
the gold datasets' answers (seeds, corpus, held-out, held-out 2) that pass, run through the
real chain (≥ 95 %, the rest listed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.records import Answer, Line
from evals.readability import TARGET, Shown, measure, problems, shown

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)


def test_notation_table_residue_and_repeats_are_problems():
    s = Shown((("headline", "Not yet — experience: ≥ 5 y."), ("check", "Language: | French | UN Level II |"),
               ("also", "Travel is required. Travel is required.")), False)
    assert problems(s) == ("notation ≥ or ≤", "notation N y", "notation |",
                           "repeated sentence “travel is required.”")


def test_long_headline_and_long_one_notice_answer_but_folded_lines_do_not_count():
    long_line = "x" * 300
    assert problems(Shown((("headline", long_line),), False)) == ("headline 300 characters",)
    body = tuple(("check", f"{i} " + "y" * 198) for i in range(6))
    assert problems(Shown((("headline", "Yes."), *body), True)) == \
        ("one-notice answer 1211 characters before the details",)
    assert problems(Shown((("headline", "Yes."), *(("also", t) for _, t in body)), True)) == ()
    assert problems(Shown((("headline", "Yes."), *body), False)) == ()


def test_a_factual_answer_shows_at_most_two_sentences_before_its_folded_details():
    three = (("body", "Salary: USD 5,000. Paid monthly."), ("body", "Allowances apply."))
    assert problems(Shown(three, True, factual=True)) == ("factual answer of 3 sentences",)
    assert problems(Shown(three, True, factual=False)) == ()
    folded = (("body", "Salary: USD 5,000. Paid monthly."), ("more", "Allowances apply."))
    assert problems(Shown(folded, True, factual=True)) == ()
    assert problems(Shown(three, False, factual=True, notices=2)) == ()       # two per notice


def test_shown_reads_lines_and_falls_back_to_the_text():
    answer = Answer("q", "A. [1] B.", notices=("n1",), lines=(Line("A.", (1,), "headline"), Line("B.", (), "also")))
    assert shown(answer) == Shown((("headline", "A."), ("also", "B.")), True)
    assert shown(answer, factual=True) == Shown((("headline", "A."), ("also", "B.")), True, True, 1)
    assert shown(Answer("q", "First one. [1] Second. [2]")) == Shown((("headline", "First one."),
                                                                       ("body", "Second.")), False)


def _cases(path: Path):
    from evals.run import read_dataset

    cases, errors = read_dataset(path)
    assert not errors
    return cases


@pytest.mark.slow
def test_gold_answers_read_at_a_glance(seed_library, memo_embedder, tmp_path):
    from assistant.pipeline import Assistant
    from conftest import index_config
    from evals.run import index_notices

    figures = [measure(Assistant(seed_library, today=TODAY), _cases(ROOT / "evals/datasets/seeds.jsonl"))]
    for dataset, notices, today in (("evals/heldout/heldout.jsonl", "evals/heldout/notices.txt", TODAY),
                                    ("evals/datasets/corpus.jsonl", "evals/datasets/notices.txt", TODAY),
                                    ("evals/heldout2/heldout2.jsonl", "evals/heldout2/notices.txt", date(2026, 12, 1))):
        lib, _ = index_notices(index_config(tmp_path / Path(notices).parent.name), ROOT / notices, memo_embedder)
        figures.append(measure(Assistant(lib, today=today), _cases(ROOT / dataset)))
    passed, total = sum(f.passed for f in figures), sum(f.total for f in figures)
    for f in figures:
        print("\n".join(f.lines()))
    assert passed / total >= TARGET, f"{passed}/{total} pass: " + "; ".join(
        f"{cid} ({', '.join(why)})" for f in figures for cid, _, why in f.failing)
