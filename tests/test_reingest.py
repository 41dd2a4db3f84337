"""Re-ingest by raw bytes: an unchanged file is skipped before it is repaired or parsed
(by its size and mtime when those are old enough to trust, else by a hash of its bytes);
changed bytes, or another parser, read it again."""

from __future__ import annotations

import os
import time

import pytest

import index.build as build
from conftest import index_config, limits
from index.library import Library

HOUR_AGO = time.time() - 3600


def library(tmp_path, fake_embedder) -> Library:
    return Library(index_config(tmp_path / "index", limits=limits(parse_seconds=None)), embedder=fake_embedder)  # read in this process


@pytest.fixture
def parses(monkeypatch):
    """The names of the files parsed in this test."""
    seen: list[str] = []
    real = build.parse_notice

    def counting(source, text):
        seen.append(source)
        return real(source, text)

    monkeypatch.setattr(build, "parse_notice", counting)
    return seen


def test_a_file_with_old_stamp_is_skipped_without_reading_it(tmp_path, notices_copy, fake_embedder,
                                                              parses, monkeypatch):
    for p in notices_copy.iterdir():
        os.utime(p, (HOUR_AGO, HOUR_AGO))
    lib = library(tmp_path, fake_embedder)
    assert len(lib.ingest([notices_copy]).added) == 5
    assert len(parses) == 5
    monkeypatch.setattr(build._Fingerprint, "digest_of", staticmethod(lambda p: pytest.fail("read")))
    monkeypatch.setattr(build, "load", lambda *a: pytest.fail("loaded"))
    report = lib.ingest([notices_copy])
    assert (len(report.unchanged), report.added, report.updated) == (5, (), ())
    assert len(parses) == 5


def test_a_just_written_file_is_hashed_then_skipped_without_parsing(tmp_path, notices_copy,
                                                                   fake_embedder, parses, monkeypatch):
    lib = library(tmp_path, fake_embedder)
    lib.ingest([notices_copy])
    monkeypatch.setattr(build, "load", lambda *a: pytest.fail("loaded"))
    assert len(lib.ingest([notices_copy]).unchanged) == 5
    assert len(parses) == 5


def test_changed_bytes_or_another_parser_read_the_file_again(tmp_path, notices_copy, fake_embedder,
                                                            parses, monkeypatch):
    for p in notices_copy.iterdir():
        os.utime(p, (HOUR_AGO, HOUR_AGO))
    lib = library(tmp_path, fake_embedder)
    lib.ingest([notices_copy])
    first = sorted(notices_copy.iterdir())[0]
    first.write_bytes(first.read_bytes() + b"\nClosing Date: 30 June 2022\n")
    report = lib.ingest([notices_copy])
    assert (report.updated, len(report.unchanged)) == ((first.name,), 4)
    assert parses[5:] == [first.name]
    # the same bytes written again (new mtime): hashed, found unchanged, not parsed
    first.write_bytes(first.read_bytes())
    assert len(lib.ingest([notices_copy]).unchanged) == 5
    assert parses[5:] == [first.name]
    monkeypatch.setattr(build, "parser_hash", lambda: "another-parser")
    report = lib.ingest([notices_copy])
    assert len(parses) == 11  # every file read again by the new parser
    assert len(report.updated) == 5


def test_a_pruned_notice_is_read_again_when_its_file_comes_back(tmp_path, notices_copy,
                                                               fake_embedder, parses):
    lib = library(tmp_path, fake_embedder)
    lib.ingest([notices_copy])
    first = sorted(notices_copy.iterdir())[0]
    moved = first.rename(tmp_path / first.name)
    assert lib.ingest([notices_copy], prune=True).pruned == (first.name,)
    moved.rename(first)
    report = lib.ingest([notices_copy])
    assert report.added == (first.name,)
    assert parses[5:] == [first.name]
