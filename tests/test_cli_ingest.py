"""`vacancy ingest`, `list` and errors as a user sees them: one line per rejected file, the
summary line, exit codes, and one `error: ...` line (never a traceback) on failure."""

from __future__ import annotations

import os
import shutil
import socket

import pytest

from conftest import SEED_FILES
from ui.cli import main

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
SUPPORTED = ".docx, .htm, .html, .markdown, .md, .pdf, .text, .txt"


@pytest.fixture
def index_env(tmp_path, monkeypatch):
    """An empty index folder named by VACANCY_INDEX_DIR; no `.env`, no other VACANCY_ setting."""
    for name in [k for k in os.environ if k.startswith("VACANCY_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VACANCY_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path / "index"


@pytest.mark.slow
def test_ingest_reports_each_rejected_file_and_the_summary(tmp_path, index_env, capsys,
                                                            embedder, monkeypatch):
    # The real model, already loaded for the session, instead of a second copy.
    monkeypatch.setattr("index.library.make_embedder", lambda *args, **kwargs: embedder)
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(PNG)
    (folder / "script.html").write_text("<html><script>alert(1)</script></html>")
    (folder / "notice.doc").write_bytes(b"\xd0\xcf\x11\xe0")

    assert main(["ingest", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "rejected empty.txt: the file is empty",
        f"rejected notice.doc: unsupported file type '.doc'; use {SUPPORTED}",
        "rejected photo.txt: the file is binary, not text (is it a renamed PDF, Word or image file?)",
        "rejected script.html: no readable notice text in the file (only markup, scripts or a few "
        "characters)",
        "added 1, updated 0, unchanged 0, rejected 4",
    ]

    assert main(["ingest", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "added 0, updated 0, unchanged 1, rejected 4"

    assert main(["list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split()[:2] == ["TITLE", "ORGANISATION"]
    assert len(rows) == 2 and rows[1].endswith(SEED_FILES[0].name)


def test_unknown_notice_is_one_error_line_and_exit_2(index_env, capsys):
    assert main(["search", "x", "--notice", "nosuch"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("error: no notice matches 'nosuch'; run `vacancy list` to see the "
                            "indexed notices\n")


def test_list_of_an_empty_index_says_what_to_do(index_env, capsys):
    assert main(["list"]) == 0
    assert capsys.readouterr().out == "no notices indexed; run `vacancy ingest` first\n"


def test_damaged_store_is_one_error_line(index_env, capsys):
    index_env.mkdir()
    (index_env / "notices.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: cannot open the notice store {index_env / 'notices.sqlite3'} "
                          "(file is not a database); ")


def test_chroma_server_down_is_one_error_line(index_env, monkeypatch, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("VACANCY_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("VACANCY_CHROMA_PORT", str(port))
    assert main(["search", "security"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: cannot open the Chroma server at 127.0.0.1:{port} (")
    assert err.endswith("or unset VACANCY_CHROMA_HOST to use the embedded index\n")
