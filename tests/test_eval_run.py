"""The evaluation runner end to end (real model, real Chroma): a tiny dataset of five cases
over two seed notices through every configuration, the report, the `vacancy eval`
command, and the CI gate over the project's own datasets."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import index_config
from evals.configs import CONFIGS
from evals.metrics import gate
from evals.report import console_tables, overall_rows, write_report
from evals.run import (DATASETS_DIR, NOTICES_DIR, evaluate, index_notices, load_thresholds,
                       read_datasets, write_predictions)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "evals" / "tiny.jsonl"
TINY_NOTICES = ("002_5bc2b8270ee94ae7.txt", "004_2e9a5f74b42d033d.txt")


@pytest.fixture(scope="module")
def tiny_notices(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-notices")
    for name in TINY_NOTICES:
        shutil.copy(ROOT / "notices" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, tiny_notices, memo_embedder):
    index_dir = tmp_path_factory.mktemp("tiny-eval-index")
    library, _ = index_notices(index_config(index_dir), tiny_notices, embedder=memo_embedder)
    cases, problems = read_datasets([TINY])
    assert problems == []
    return evaluate(library, cases, list(CONFIGS), date(2025, 1, 1), index_dir)


def test_every_case_is_answered_through_every_configuration(tiny):
    assert [r.name for r in tiny.runs] == ["full", "dense", "no-structured", "naive"]
    for run in tiny.runs:
        assert [p["id"] for p in run.predictions] == ["T1", "T2", "T3", "T4", "T5"]
        assert all({"latency_ms", "answer", "answerable", "citations", "verdict"} <= set(p)
                   for p in run.predictions)
        assert run.overall.citation_validity == 1.0, run.name
    assert tiny.warnings == ()


def test_the_pipeline_answers_the_tiny_dataset(tiny):
    full = tiny.run("full").overall
    failed = [(s.case_id, s.reasons) for s in tiny.run("full").scores if not s.correct]
    assert failed == []
    assert (full.verdict_accuracy, full.abstention_accuracy, full.citation_precision) == (1.0, 1.0, 1.0)
    assert full.confusion == {("not_eligible", "not_eligible"): 1}


def test_the_naive_baseline_cites_one_passage_and_never_gives_a_verdict(tiny):
    naive = tiny.run("naive")
    assert all(len(p["citations"]) == 1 and p["verdict"] is None and p["answerable"]
               for p in naive.predictions)
    assert naive.overall.verdict_accuracy == 0.0
    assert naive.overall.confusion == {("not_eligible", "other"): 1}
    assert tiny.run("no-structured").overall.verdict_accuracy == 0.0


def test_the_comparison_table_has_a_row_per_configuration_with_the_baseline(tiny):
    header, rows = overall_rows(tiny)
    assert header[:3] == ["config", "cases", "answer"]
    assert [r[0] for r in rows] == ["full", "dense", "no-structured", "naive"]
    printed = console_tables(tiny)
    assert any(line.startswith("naive ") for line in printed.splitlines())
    assert "Answer accuracy by category" in printed


def test_predictions_and_report_are_written(tiny, tmp_path):
    paths = write_predictions(tmp_path / "out" / "pred.jsonl", tiny)
    assert [p.name for p in paths] == ["pred.jsonl", "pred.dense.jsonl", "pred.no-structured.jsonl",
                                      "pred.naive.jsonl"]
    first = [json.loads(line) for line in paths[0].read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in first] == ["T1", "T2", "T3", "T4", "T5"]
    report = write_report(tmp_path / "report", tiny)
    text = report.read_text(encoding="utf-8")
    for heading in ("## Overall", "## Answer accuracy by category", "## Where the pipeline wins and loses",
                    "## Failed cases of full (0 of 5)", "![answer accuracy by category](category_accuracy.png)"):
        assert heading in text
    for chart in ("category_accuracy.png", "latency.png"):
        assert (tmp_path / "report" / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_vacancy_eval_command(tiny_notices, tmp_path, capsys, monkeypatch):
    from ui.cli import main

    dataset = tmp_path / "cases.jsonl"
    lines = TINY.read_text(encoding="utf-8").splitlines()[:2] + ["{broken"]
    dataset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("VACANCY_INDEX_DIR", str(tmp_path / "user-index"))
    code = main(["eval", "--dataset", str(dataset), "--notices", str(tiny_notices),
                 "--predictions", str(tmp_path / "pred.jsonl"), "--today", "2025-01-01"])
    out, err = capsys.readouterr()
    assert code == 0
    assert f"{dataset}:3: skipped: not valid JSON" in err
    assert "added 2, updated 0, unchanged 0, rejected 0" in err
    assert out.splitlines()[0] == "Overall (2 cases)"
    assert len((tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert (tmp_path / "eval-index").is_dir() and not (tmp_path / "user-index").exists()


def test_ci_gate_on_the_project_datasets(tmp_path, memo_embedder, tiny_notices):
    """The project's datasets over the notices evals/datasets/notices.txt lists (the tiny
    dataset until they exist) must reach the minimums of evals/thresholds.json."""
    project = sorted(DATASETS_DIR.glob("*.jsonl")) if NOTICES_DIR.exists() else []
    datasets, notices = (project, NOTICES_DIR) if project else ([TINY], tiny_notices)
    cases, problems = read_datasets(datasets)
    assert problems == []
    library, _ = index_notices(index_config(tmp_path / "index"), notices, embedder=memo_embedder)
    result = evaluate(library, cases, ["full"], date.today(), tmp_path / "index")
    failed = [f"{s.case_id}: {'; '.join(s.reasons)}" for s in result.primary.scores if not s.correct]
    assert gate(result.primary.overall, load_thresholds()) == [], "\n".join(failed)
