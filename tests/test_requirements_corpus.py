"""Gold requirement cards (typed fields, necessity, quote) for the five seeds and for corpus
notices of several organisations, written by hand from the notice text, compared exactly;
and the coverage of education, experience and language contents over every notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import index_config, parsed
from evals.manifest import TUNED, paths
from index.coverage import coverage, render
from index.requirement_codec import requirement_to_json
from index.requirements import extract_requirements

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_requirements"
SOURCES = [ROOT / "notices", ROOT / "tests" / "data" / "corpus"]
GOLD_FILES = sorted(GOLD.glob("*.json"))


def source_path(name: str) -> Path:
    return next(d / name for d in SOURCES if (d / name).exists())


def card_entry(r) -> dict:
    """A requirement as the gold files write it: kind, necessity, the typed fields that are
    set, and the quote (whitespace folded)."""
    d = requirement_to_json(r)
    out = {"kind": d.pop("kind"), "necessity": d.pop("necessity")}
    for name in ("notice_id", "start", "end", "text"):
        d.pop(name)
    for name, value in d.items():
        if name == "routes":
            value = [{k: v for k, v in route.items() if k == "level" or v not in (None, False, 0.0)}
                     for route in value]
        if value not in (None, [], False):
            out[name] = value
    out["quote"] = " ".join(r.text.split())
    return out


def lines(entries) -> list[str]:
    return [json.dumps(e, ensure_ascii=False) for e in entries]


def test_gold_covers_the_seeds_and_eight_corpus_notices():
    names = {json.loads(p.read_text())["source"] for p in GOLD_FILES}
    seeds = {p.name for p in (ROOT / "notices").glob("*.txt")}
    assert seeds <= names
    assert len(names - seeds) >= 8


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_card(gold):
    want = json.loads(gold.read_text())
    notice = parsed(source_path(want["source"]))
    found = extract_requirements(notice)
    assert all(notice.text[r.start:r.end] == r.text for r in found)
    assert lines(card_entry(r) for r in found) == lines(want["requirements"])


def test_every_notice_extracts_with_exact_spans():
    files = paths()
    assert len(files) == 5 + 30 + 6 + 46 + 12 + 12 + 14 + 14 + 14 + 14 + 14 + 14 + 14   # samples, corpus, scale posts, dev, held-out job-board posts (2, 3, 4, 5, 6, 7, 8, 9, 10)
    for path in files:
        notice = parsed(path)
        for r in extract_requirements(notice):
            assert 0 <= r.start < r.end <= len(notice.text), (path.name, r)
            assert notice.text[r.start:r.end] == r.text, (path.name, r)


def test_coverage_of_education_experience_and_language_contents():
    """Over the samples and the first corpus notices (the dev notices have gold of their own);
    a gate tunes the parser, so it runs over tuned-on splits only."""
    files = [p for p in paths(*TUNED) if p.name < "1"]
    config = index_config(Path("unused"))
    report = coverage(files, config.max_file_bytes, config.limits)
    assert len(report.notices) == 35
    assert report.expected >= 60
    assert report.ratio >= 0.9, render(report)
    assert "coverage: " in render(report)
