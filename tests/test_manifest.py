"""The notice data is one folder with one manifest: every file of tests/data/corpus has one
row (and every row a file), the samples are the files of notices/, each split is known, and
no notice's bytes are stored twice anywhere in the repository."""

from __future__ import annotations

import hashlib
from collections import defaultdict

import pytest

from conftest import CORPUS, ROOT, SEED_FILES
from evals.manifest import MANIFEST, entries, paths, split_of
from index.build import collect
from index.load import SUFFIXES


def test_every_corpus_file_has_one_row_and_every_row_a_file():
    names = [e.name for e in entries()]
    assert len(names) == len(set(names))
    listed = {p.resolve() for p in paths()}
    stored = {p.resolve() for p in CORPUS.iterdir() if p.name != MANIFEST.name}
    assert stored - listed == set()
    assert [p for p in listed if not p.is_file()] == []


def test_the_samples_are_the_files_of_notices():
    assert sorted(paths("sample")) == sorted(p.resolve() for p in SEED_FILES)


def test_splits_count():
    counts = defaultdict(int)
    for split in split_of().values():
        counts[split] += 1
    assert dict(counts) == {"sample": 5, "tuning": 66, "heldout": 16, "heldout2": 12, "heldout3": 12,
                            "heldout4": 14, "heldout5": 14, "heldout6": 14, "heldout7": 14,
                            "heldout8": 14, "heldout9": 14, "heldout10": 14}


def test_an_unknown_split_is_refused(tmp_path):
    bad = tmp_path / "MANIFEST.tsv"
    bad.write_text("file\tsplit\na.txt\tdev-ish\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown split for a.txt"):
        entries(bad)


def test_no_notice_is_stored_twice():
    seen = defaultdict(list)
    skip = {".venv", ".git", "node_modules"}
    for path in collect([ROOT], follow_inside=False):
        if path.suffix.lower() in SUFFIXES and not skip & set(path.relative_to(ROOT).parts):
            seen[hashlib.sha256(path.read_bytes()).hexdigest()].append(str(path.relative_to(ROOT)))
    assert [names for names in seen.values() if len(names) > 1] == []
