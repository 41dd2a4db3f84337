"""`python -m evals …`: the evaluation tools' one command line; the rest of evals/ is a
library that returns records and lines and prints nothing."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from conftest import ROOT

from evals.__main__ import main


def test_only_the_entry_module_of_evals_prints():
    printing = []
    for path in sorted((ROOT / "evals").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (
                    (isinstance(node.func, ast.Name) and node.func.id == "print")
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "write"
                        and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "stdout")):
                printing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert printing and all(p.startswith("evals/__main__.py:") for p in printing), printing


def test_validate_prints_each_problem_and_fails(tmp_path, capsys):
    dataset = tmp_path / "cases.jsonl"
    cases = [{"id": "A1", "category": "factoid", "question": "Where is the post?",
              "notices": ["000_b9674fda4f53b7f1"], "must_include": [["New York"]], "evidence": ["New York"]},
             {"id": "A2", "category": "riddle", "question": "?", "notices": ["nowhere"], "must_include": [["x"]]}]
    dataset.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    assert main(["validate", str(dataset), "--notices", str(ROOT / "notices")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "A2: unknown category 'riddle'", "A2: unknown notice nowhere", "2 problem(s)"]


def test_understanding_validate_prints_the_repaired_text(capsys, tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("Programme Officer\u00a0in Geneva\n", encoding="utf-8")
    assert main(["understanding-validate", "--text", str(notice)]) == 0
    assert capsys.readouterr().out == "Programme Officer in Geneva\n\n"  # the text keeps its last line break


def test_route_score_prints_accuracy_per_kind(capsys):
    assert main(["route-score", "--keywords-only", "--split", "heldout"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("routing accuracy (heldout, keywords only): ")
    assert out[1].startswith("  ") and "/" in out[1]


def test_the_module_runs_as_a_command():
    done = subprocess.run([sys.executable, "-m", "evals", "coverage", str(ROOT / "notices")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "coverage: " in done.stdout and "of the education, experience and language contents" in done.stdout
