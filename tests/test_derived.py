"""Derived data is keyed by a hash of the code and vocabularies that made it: change a
vocabulary entry and the stored requirements (and, on ingest, the notice) are derived
again — nobody bumps a version by hand."""

from __future__ import annotations

import pytest

from conftest import index_config, limits
from index import vocab
from index.build import parse_notice
from index.derived import parser_hash
from index.library import Library
from index.requirements import extract_requirements, requirements_for
from index.store import Store

TEXT = "Posting Title: Interpreter\n\nLanguages\nFluency in Klingon is required.\n"


@pytest.fixture
def klingon(monkeypatch):
    """Teach the vocabulary one more language for the test's duration."""
    def add():
        monkeypatch.setitem(vocab.LANGUAGES, "Klingon", "Klingon")
        _clear()
    yield add
    monkeypatch.undo()
    _clear()


def _clear():
    for cached in (parser_hash, vocab.language_pattern):
        cached.cache_clear()


def languages(reqs) -> list[tuple[str, ...]]:
    return [r.languages for r in reqs if r.kind == "language"]


def test_parser_hash_changes_with_a_vocabulary_entry(klingon):
    before = parser_hash()
    klingon()
    assert parser_hash() != before


def test_stored_requirements_are_derived_again_after_a_vocabulary_change(tmp_path, klingon):
    notice = parse_notice("t.txt", TEXT)
    store = Store(tmp_path)
    store.put(notice, ())
    assert languages(requirements_for(store, notice.id)) == []
    klingon()
    assert languages(requirements_for(store, notice.id)) == [("Klingon",)]
    assert languages(extract_requirements(notice)) == [("Klingon",)]
    store.close()


def test_ingest_rereads_an_unchanged_file_when_the_parser_changed(tmp_path, fake_embedder, klingon):
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "interpreter.txt").write_text(TEXT)
    lib = Library(index_config(tmp_path / "index", limits=limits(parse_seconds=None)), embedder=fake_embedder)  # read in this process
    assert lib.ingest([folder]).summary() == "added 1, updated 0, unchanged 0, rejected 0"
    assert lib.ingest([folder]).summary() == "added 0, updated 0, unchanged 1, rejected 0"
    klingon()
    assert lib.ingest([folder]).summary() == "added 0, updated 1, unchanged 0, rejected 0"
    (nid,) = [n.id for n in lib.store.notices()]
    assert languages(requirements_for(lib.store, nid)) == [("Klingon",)]
