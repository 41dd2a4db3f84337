"""Hostile files and a hostile environment: decompression bombs, texts too long to parse,
symbolic links, control characters in names, a busy index, a stale reader. Each case ends
with a one-line reason and nothing lost: the other files of the run are indexed, and no
notice of a rejected file is stored. (Cases that held before this file was written —
empty, binary, invalid UTF-8, corrupt PDF, script-only HTML, oversized — are in
test_load.py, test_ui_browser.py and test_ingest.py and keep passing there; the ones here
repeat a few of them inside one mixed run.)"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEED_FILES, index_config, limits
from index.errors import RejectedFile
from index.library import Library
from index.load import Limits, load, load_bytes
from test_chroma_server import Server

MB = 1_000_000
INFLATES = ("the Word file would inflate to more than 25 MB (its part word/document.xml alone "
            "is 100 MB); a notice is far smaller, so it is not read (VACANCY_MAX_INFLATED_MB)")
SYMLINK = ("the path is a symbolic link; links are not followed (copy the file itself into "
           "the folder)")
BROKEN_DOCX = "the Word file cannot be read (it is damaged or not a .docx file)"
LINK_OUT = ("the symbolic link leads outside the folder being ingested; links out are never "
            "followed (copy the file itself into the folder)")
LINK_BROKEN = "the symbolic link leads nowhere (its target is missing, or links form a loop)"


def docx_with_body(xml_size: int) -> bytes:
    """A real .docx (python-docx) whose word/document.xml is replaced by one of about
    `xml_size` bytes: a paragraph repeated, which deflates about 1000:1 (a decompression bomb)."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    para = b"<w:p><w:r><w:t>Programme Officer in Geneva, five years of experience.</w:t></w:r></w:p>"
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    tail = b"</w:body></w:document>"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
                continue
            with target.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                member.write(para * ((xml_size - len(head) - len(tail)) // len(para)))
                member.write(tail)
    return out.getvalue()


def lie_about_sizes(data: bytes, declared: int) -> bytes:
    """The archive with every member's uncompressed size in the central directory set to
    `declared` (what a bomb crafted to pass a size check would do)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 24:at + 28] = declared.to_bytes(4, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def rejection(path: Path, bounds: Limits | None = None) -> str:
    with pytest.raises(RejectedFile) as info:
        load(path, 5 * MB, bounds or limits(parse_seconds=None))
    return info.value.reason


# -- decompression bombs and over-long texts ----------------------------------------------

@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = docx_with_body(100 * MB)
    assert len(data) < MB / 2  # small on disk: the file-size limit alone would let it in
    return data


def test_docx_bomb_is_rejected_from_its_directory_alone(tmp_path, bomb):
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert rejection(path) == INFLATES


def test_docx_bomb_whose_directory_lies_is_rejected_as_damaged(tmp_path, bomb):
    """zipfile inflates a member only up to its declared size, then fails the CRC check."""
    path = tmp_path / "liar.docx"
    path.write_bytes(lie_about_sizes(bomb, 5_000))
    assert rejection(path) == BROKEN_DOCX


def test_docx_text_over_the_character_limit_is_rejected_while_extracting(tmp_path):
    path = tmp_path / "long.docx"
    path.write_bytes(docx_with_body(400_000))  # ~4,000 paragraphs, ~220,000 characters
    assert rejection(path) == ("the text is over 100,000 characters, longer than any notice "
                               "(VACANCY_MAX_NOTICE_CHARS); check it is one notice, or raise "
                               "the limit")
    assert load(path, 5 * MB, limits(max_chars=300_000, parse_seconds=None)).text.count("Programme Officer") > 3000


def test_plain_text_over_the_character_limit_is_rejected(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Programme Officer in Geneva. " * 100)  # 2,900 characters
    assert rejection(path, limits(max_chars=2_000, parse_seconds=None)) == (
        "the text is over 2,000 characters, longer than any notice (VACANCY_MAX_NOTICE_CHARS); "
        "check it is one notice, or raise the limit")
    assert len(load(path, 5 * MB, limits(max_chars=3_000, parse_seconds=None)).text) == 2_900


def test_pdf_with_too_many_pages_is_rejected_before_reading_them():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(RejectedFile) as info:
        load_bytes("pages.pdf", buffer.getvalue(), limits(max_pdf_pages=2, parse_seconds=None))
    assert info.value.reason == ("the PDF has 3 pages, over the 2-page limit "
                                 "(VACANCY_MAX_PDF_PAGES); split it or extract the notice's pages")


def test_limits_come_from_the_settings(monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("VACANCY_MAX_INFLATED_MB", "2.5")
    monkeypatch.setenv("VACANCY_MAX_NOTICE_CHARS", "1234")
    monkeypatch.setenv("VACANCY_MAX_PDF_PAGES", "7")
    assert Settings(_env_file=None).index_config().limits == Limits(2_500_000, 1234, 7, 30.0)
    monkeypatch.setenv("VACANCY_PARSE_SECONDS", "0")  # no budget: read in this process
    assert Settings(_env_file=None).index_config().limits.parse_seconds is None


def test_a_bomb_in_a_run_is_rejected_and_the_other_files_are_indexed(tmp_path, bomb,
                                                                      fake_embedder):
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "a-bomb.docx").write_bytes(bomb)
    (folder / "b-long.txt").write_text("Programme Officer in Geneva. " * 10_000)  # 290,000
    for p in SEED_FILES[:2]:
        shutil.copy(p, folder / p.name)
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    report = lib.ingest([folder])
    assert report.added == tuple(p.name for p in SEED_FILES[:2])
    assert [r.path for r in report.rejected] == ["a-bomb.docx", "b-long.txt"]
    assert report.rejected[0].reason == INFLATES
    assert report.rejected[1].reason.startswith("the text is over 100,000 characters")
    assert sorted(n.source for n in lib.notices()) == [p.name for p in SEED_FILES[:2]]
    assert max(len(n.text) for n in lib.notices()) < 50_000


# -- a parse-time budget per file ----------------------------------------------------------

def slow_read(path: Path, max_bytes: int, limits: Limits):
    """The reading stage, stuck for good on files named slow-*: a stand-in for a parser
    caught by a hostile text (the worker process imports it from this module)."""
    from index.build import read_file

    if path.name.startswith("slow"):
        time.sleep(3600)
    return read_file(path, max_bytes, limits)


def test_a_file_over_the_parse_time_budget_is_rejected_and_the_run_goes_on(tmp_path,
                                                                           fake_embedder):
    """Run in a thread, as the web UI's uploads are: the worker process is killed at the
    budget, the next file starts a fresh one."""
    from index.build import Ingester
    from index.requirements import FACT_NAME

    folder = tmp_path / "notices"
    folder.mkdir()
    for name, seed in (("a.txt", SEED_FILES[0]), ("slow.txt", SEED_FILES[1]),
                       ("z.txt", SEED_FILES[2])):
        shutil.copy(seed, folder / name)
    lib = Library(index_config(tmp_path / "index", limits=limits(parse_seconds=10)),
                  embedder=fake_embedder)
    ingester = Ingester(lib.store, lib.vectors, lib.embedder, lib.config.max_file_bytes,
                        lib.config.index_dir, lib.config.limits, lib.config.follow_links_inside, read=slow_read)
    reports = []
    thread = threading.Thread(target=lambda: reports.append(ingester.run([folder])))
    thread.start()
    thread.join(300)  # a bound on a hung test, not a speed assertion
    assert reports[0].added == ("a.txt", "z.txt")
    assert [(r.path, r.reason) for r in reports[0].rejected] == [(
        "slow.txt", "reading it took longer than 10 s, far longer than any notice takes; the "
                    "reading was stopped (VACANCY_PARSE_SECONDS)")]
    assert sorted(n.source for n in lib.notices()) == ["a.txt", "z.txt"]
    facts = lib.store.db.execute("SELECT count(*) FROM facts WHERE name = ?", (FACT_NAME,))
    assert facts.fetchone() == (2,)  # each stored notice has its requirements


def test_the_budget_reads_a_file_as_this_process_does(tmp_path):
    """The worker's notice and requirements are those read here."""
    from index.budget import shared_worker
    from index.build import read_file

    args = (SEED_FILES[3], 5 * MB, limits(parse_seconds=None))
    assert shared_worker().run(read_file, args, 300, SEED_FILES[3].name) == read_file(*args)
    with pytest.raises(RejectedFile) as err:
        shared_worker().run(read_file, (tmp_path / "none.txt", MB, limits(parse_seconds=None)), 300, "none.txt")
    assert (err.value.path, err.value.reason) == (
        "none.txt", "the file cannot be read (No such file or directory)")
    with pytest.raises(RejectedFile) as err:  # a reader that dies: that file only
        shared_worker().run(os._exit, (3,), 300, "dies.txt")
    assert err.value.reason == "the process reading it died (exit code 3); nothing of it was kept"
    assert shared_worker().run(len, ("next",), 300, "next.txt") == 4


# -- symbolic links -----------------------------------------------------------------------

@pytest.fixture
def linked(tmp_path) -> Path:
    """A notices folder holding one real notice, a link to a file outside it (the
    /etc/passwd case), a link to a notice inside it, and a link to a folder outside."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash is a secret line of the host. " * 3)
    (tmp_path / "outside" / "other.txt").write_text("Programme Officer in Geneva. " * 5)
    folder = tmp_path / "notices"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    (folder / "notice.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / SEED_FILES[0].name)
    (folder / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    return folder


def test_links_in_a_folder_are_reported_not_followed(linked, tmp_path, fake_embedder):
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    report = lib.ingest([linked])
    assert report.added == (SEED_FILES[0].name,)
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("inside.txt", SYMLINK), ("more", SYMLINK), ("notice.txt", SYMLINK)]
    assert all("root:x" not in n.text for n in lib.notices())


def test_a_link_named_on_the_command_line_is_refused(linked, tmp_path, fake_embedder):
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    report = lib.ingest([linked / "notice.txt", linked / "more"])
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("notice.txt", SYMLINK), ("more", SYMLINK)]
    assert lib.notices() == []


def test_links_that_stay_inside_are_followed_when_allowed_and_links_out_never(
        linked, tmp_path, fake_embedder, monkeypatch):
    drafts = linked / ".drafts"  # hidden: only the links below lead the walk there
    drafts.mkdir()
    shutil.copy(SEED_FILES[1], drafts / SEED_FILES[1].name)
    shutil.copy(SEED_FILES[2], drafts / SEED_FILES[2].name)
    (linked / "draft.txt").symlink_to(drafts / SEED_FILES[1].name)
    (linked / "drafts").symlink_to(drafts, target_is_directory=True)
    (linked / "self").symlink_to(linked, target_is_directory=True)  # a loop back to the top
    (linked / "chain.txt").symlink_to(linked / "notice.txt")  # inside, but it leads out
    (linked / "sneaky.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (linked / "gone.txt").symlink_to(linked / "missing.txt")
    monkeypatch.setenv("VACANCY_FOLLOW_LINKS_INSIDE", "true")
    monkeypatch.setenv("VACANCY_INDEX_DIR", str(tmp_path / "index"))
    from assistant.settings import Settings

    lib = Library(Settings().index_config(), embedder=fake_embedder)
    report = lib.ingest([linked])
    assert sorted(report.added) == sorted(p.name for p in SEED_FILES[:3])
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("chain.txt", LINK_OUT), ("gone.txt", LINK_BROKEN), ("more", LINK_OUT),
        ("notice.txt", LINK_OUT), ("sneaky.txt", LINK_OUT)]
    assert all("root:x" not in n.text for n in lib.notices())
    assert sorted(lib.ingest([linked]).unchanged) == sorted(p.name for p in SEED_FILES[:3])


def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert rejection(path) == "not a regular file (a device, pipe or socket); only files are read"


# -- a reader that stays open sees other writers ------------------------------------------

NEW = CORPUS / "008_wfp-programme-associate-field-coordination-g6-colombo.txt"


def test_an_open_assistant_catches_up_with_another_library_on_its_index(tmp_path, fake_embedder):
    from assistant.pipeline import Assistant

    reader = Assistant(Library(index_config(tmp_path / "index"), embedder=fake_embedder))
    Library(index_config(tmp_path / "index"), embedder=fake_embedder).ingest(SEED_FILES[:2])
    before = dict(reader.notices)
    reader.requirements  # loaded, as a serving process has them
    assert reader.sync() is False  # nothing changed since it read them

    writer = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    writer.ingest([NEW])
    assert reader.sync() is True
    assert sorted(n.source for n in reader.notices.values()) == sorted(
        [NEW.name, *(p.name for p in SEED_FILES[:2])])
    assert all(reader.notices[i] is n for i, n in before.items())  # unchanged ones kept
    new_id = next(i for i, n in reader.notices.items() if n.source == NEW.name)
    assert reader.requirements[new_id]
    assert reader.sync() is False

    writer.ingest([NEW], prune=True)
    assert reader.sync() is True
    assert list(reader.notices) == [new_id]
    assert set(reader.requirements) == {new_id}


def ingest_in_another_process(index_dir: Path, path: Path, port: int | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VACANCY_")}
    env.update(VACANCY_INDEX_DIR=str(index_dir), HF_HUB_OFFLINE="1",
               ANONYMIZED_TELEMETRY="False", PYTHONPATH=str(ROOT))
    if port:
        env.update(VACANCY_CHROMA_HOST="127.0.0.1", VACANCY_CHROMA_PORT=str(port))
    done = subprocess.run([sys.executable, "-m", "ui.cli", "ingest", str(path)], env=env,
                          cwd=index_dir.parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "added 1, updated 0, unchanged 0, rejected 0"


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_a_serving_process_answers_about_a_notice_another_process_ingested(
        tmp_path, mode, memo_embedder):
    """The issue's case: the server kept its notices and answered about the new notice
    with another notice's closing date. Here the reader (this process) is open, with its
    notices, requirements and retriever loaded, when a `vacancy ingest` process adds one."""
    from assistant.pipeline import Assistant
    from index.build import parse_notice

    server = Server(tmp_path / "chroma-server") if mode == "server" else None
    try:
        port = server.port if server else None
        config = index_config(tmp_path / "index", chroma_host="127.0.0.1" if port else None,
                             chroma_port=port)
        reader = Assistant(Library(config, embedder=memo_embedder), today=date(2020, 1, 1))
        reader.library.ingest(SEED_FILES)
        assert reader.ask("When does the post close?").answerable is not None
        reader.requirements
        reader.library.search("experience required", k=3)  # the retriever is built

        ingest_in_another_process(tmp_path / "index", NEW, port)
        new = parse_notice(NEW.name, load(NEW, 5 * MB, limits()).text)
        answer = reader.ask(f"When does the {new.meta.title} post in Colombo close?")
        assert {c.notice_id for c in answer.citations} == {new.id}, answer.text
        assert new.meta.closes.strftime("%-d %B %Y") in answer.text
        hits = reader.library.search("field coordination", k=3, notice_ids=[new.id], mode="dense")
        assert hits and {h.chunk.notice_id for h in hits} == {new.id}
    finally:
        if server:
            server.stop()


# -- a busy index -------------------------------------------------------------------------

def test_upload_while_another_ingest_runs_says_so_and_keeps_nothing(tmp_path, fake_embedder):
    from ui.upload import ingest_uploads

    up, folder = tmp_path / "up", tmp_path / "notices"
    up.mkdir()
    shutil.copy(SEED_FILES[0], up / "engineer.txt")
    (up / "photo.png").write_bytes(b"\x89PNG")
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    other = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    with other.store.ingest_lock():
        outcomes = ingest_uploads(lib, [up / "engineer.txt", up / "photo.png"], folder)
    assert [(o.name, o.status, o.detail) for o in outcomes] == [
        ("engineer.txt", "rejected",
         "Another ingest is running; try again in a minute (nothing of this upload was kept)"),
        ("photo.png", "rejected", outcomes[1].detail)]
    assert list(folder.iterdir()) == [] and lib.notices() == []  # folder and index agree
    assert [o.status for o in ingest_uploads(lib, [up / "engineer.txt"], folder)] == ["added"]
    assert [p.name for p in folder.iterdir()] == ["engineer.txt"]


def test_upload_takes_only_regular_files(tmp_path, fake_embedder):
    from ui.upload import ingest_uploads

    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    outcomes = ingest_uploads(lib, [tmp_path / "passwd.txt"], tmp_path / "notices")
    assert [(o.status, o.detail) for o in outcomes] == [
        ("rejected", "not a regular file (a link, folder or device); only files are taken")]
    assert list((tmp_path / "notices").iterdir()) == []


def test_cli_ingest_waits_for_the_other_ingest_then_says_so(tmp_path, monkeypatch, capsys,
                                                            fake_embedder):
    from ui import cli

    monkeypatch.setenv("VACANCY_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("VACANCY_INGEST_WAIT_S", "0.3")
    other = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    with other.store.ingest_lock():
        code = cli.main(["ingest", str(SEED_FILES[0])])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err == [
        f"waiting for another ingest into {tmp_path / 'index'} to finish (up to 0.3 s)…",
        f"error: another ingest into {tmp_path / 'index'} is still running after 0.3 s; "
        "try again when it has finished (VACANCY_INGEST_WAIT_S sets how long to wait)"]


# -- control characters in file names ------------------------------------------------------

def test_control_characters_in_a_file_name_are_escaped_in_the_listing(tmp_path, monkeypatch,
                                                                       capsys, fake_embedder):
    from ui import cli

    name = "line\nbreak\x1b[31m\u202etxt.txt"
    shutil.copy(SEED_FILES[0], tmp_path / name)
    Library(index_config(tmp_path / "index"), embedder=fake_embedder).ingest(
        [tmp_path / name])
    monkeypatch.setenv("VACANCY_INDEX_DIR", str(tmp_path / "index"))
    assert cli.main(["list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2
    assert rows[1].endswith("line\\nbreak\\x1b[31m\\u202etxt.txt")
    assert cli.shown("Bogotá\tP-3\r") == "Bogotá\\tP-3\\r"


def test_control_characters_in_a_file_name_are_visible_in_the_web_notices_table(tmp_path,
                                                                                fake_embedder):
    """The Notices tab's table and the notice card show the same escapes as the CLI; the
    title comes from the text, so it is untouched."""
    from assistant.pipeline import Assistant
    from ui import render
    from ui.handlers import Handlers

    name = "line\nbreak\x1b[31m\u202etxt.txt"
    shutil.copy(SEED_FILES[0], tmp_path / name)
    lib = Library(index_config(tmp_path / "index", limits=limits(parse_seconds=None)), embedder=fake_embedder)
    lib.ingest([tmp_path / name])
    table = Handlers(Assistant(lib), tmp_path / "notices").notice_table()
    assert table.count("<tr>") == 2       # the header and the one notice
    assert "<td>line\\nbreak\\x1b[31m\\u202etxt.txt</td></tr>" in table
    assert f">{render.esc(lib.notices()[0].title)}</button>" in table
    untitled = replace(lib.notices()[0], meta=replace(lib.notices()[0].meta, title=None))
    assert render.notice_rows([untitled], date(2026, 12, 1))[0][0] == \
        "line\\nbreak\\x1b[31m\\u202etxt"
    assert "<td>line\\nbreak\\x1b[31m\\u202etxt.txt</td>" in render.card_html(
        untitled, (), date(2026, 12, 1))


# -- repeated wrong logins ----------------------------------------------------------------

class Clock:
    def __init__(self):
        self.now, self.slept = 1000.0, []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_wrong_logins_are_slowed_down_then_locked_out():
    import asyncio

    from fastapi import HTTPException

    from ui.app import LoginGuard

    clock = Clock()
    guard = LoginGuard([("ann", "s3cret")], clock=clock, sleep=clock.sleep)
    login = lambda user, pw: asyncio.run(guard.check(user, pw))  # noqa: E731
    assert [login("ann", "guess") for _ in range(5)] == [False] * 5
    assert clock.slept == [0.25, 0.5, 0.75, 1.0, 1.25]
    with pytest.raises(HTTPException) as info:
        login("ann", "s3cret")  # the right password, but locked out
    assert (info.value.status_code, info.value.detail) == (
        429, "Too many failed logins for this name; try again in 30 s.")
    clock.now += 31
    assert login("ann", "guess") is False  # the 6th failure locks for twice as long
    clock.now += 31
    with pytest.raises(HTTPException):
        login("ann", "s3cret")
    clock.now += 30
    assert login("ann", "s3cret") is True
    assert guard.failures == {}
    assert login("bob", "s3cret") is False  # no such account


@pytest.mark.slow
def test_the_served_login_route_locks_out_after_repeated_failures(seed_library, tmp_path):
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    from assistant.pipeline import Assistant
    from assistant.settings import Settings
    from test_ui_api import free_port
    from ui.app import build, launch

    settings = Settings(index_dir=seed_library.config.index_dir, ui_auth="ann:s3cret",
                        uploads_dir=tmp_path / "uploads")
    demo = build(settings, Assistant(seed_library))
    port = free_port()
    launch(demo, settings, "127.0.0.1", port, block=False)

    def login(password: str) -> tuple[int, str]:
        body = urllib.parse.urlencode({"username": "ann", "password": password}).encode()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", body, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read())["detail"]

    try:
        assert [login("guess")[0] for _ in range(5)] == [400] * 5
        status, detail = login("s3cret")  # the right password, locked out for about 30 s
        assert status == 429
        assert re.fullmatch(r"Too many failed logins for this name; try again in (2\d|30) s\.", detail)
    finally:
        demo.close()


# -- questions not in English -------------------------------------------------------------

FOREIGN = ["Quelles langues sont requises pour ce poste ?", "langues poste pour quelles requises sont",
           "combien d'années d'expérience faut-il ?", "¿Qué idiomas se requieren para este puesto?",
           "Welche Sprachen sind erforderlich?", "Какие языки требуются для этой должности?",
           "这个职位需要什么语言？"]
ENGLISH = ["Which languages are required?", "Is a valid driving licence required?",
           "Which notices close first?", "boss?", "Bogotá?", "grade P3 Nairobi",
           "Is French required for the P-3 in Genève?",
           "Am I eligible? I have a licence en droit and 5 ans d'expérience",
           "What about the Oficial de Programas in Bogotá?"]


@pytest.mark.parametrize("question", FOREIGN)
def test_a_question_in_another_language_is_told_apart(question):
    from assistant.language import reads_as_english

    assert reads_as_english(question) is False


@pytest.mark.parametrize("question", ENGLISH)
def test_an_english_question_is_kept_even_with_foreign_names(question):
    from assistant.language import reads_as_english

    assert reads_as_english(question) is True


def test_the_notices_own_names_do_not_make_a_question_foreign():
    from assistant.language import reads_as_english

    question = "When does the Chargé de programme principal post in Dakar close?"
    names = {"chargé", "de", "programme", "principal", "dakar"}
    assert reads_as_english(question, names) is True
    assert reads_as_english("Quelles langues pour le Chargé de programme principal ?", names) \
        is False


def test_function_words_in_the_notices_names_still_read_as_english(monkeypatch):
    """Over many notices the names hold "the", "of", "for": a plain English question is still
    told English by its function words, without loading lingua's models."""
    import assistant.language as language

    monkeypatch.setattr(language, "_detector", lambda: (_ for _ in ()).throw(AssertionError("lingua")))
    names = {"the", "of", "for", "haiti", "post", "support"}
    assert language.reads_as_english("Does the Haiti post offer relocation support?", names) is True


def test_the_assistant_says_it_answers_in_english(tmp_path, fake_embedder):
    from assistant.language import NOT_ENGLISH
    from assistant.pipeline import Assistant

    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    lib.ingest(SEED_FILES[:1])
    answer = Assistant(lib).ask("Quelles langues sont requises pour ce poste ?")
    assert (answer.text, answer.answerable, answer.citations) == (NOT_ENGLISH, False, ())
    assert NOT_ENGLISH == ("I can answer questions in English only, and this one does not read "
                           "as English; please ask it in English, e.g. “Which languages are "
                           "required for this post?”")


# -- atomic notices -----------------------------------------------------------------------

def test_a_failure_while_extracting_requirements_leaves_no_partial_notice(
        tmp_path, fake_embedder, monkeypatch):
    """Requirements are extracted before the notice's one transaction, so a crash (or a
    kill) in extraction leaves the index as it was; the notices before it are whole."""
    import index.build
    from index.requirements import FACT_NAME, extract_requirements

    def extract(notice):
        if notice.source == SEED_FILES[2].name:
            raise RuntimeError("killed while extracting")
        return extract_requirements(notice)

    monkeypatch.setattr(index.build, "extract_requirements", extract)
    monkeypatch.setattr(index.build, "EMBED_BATCH", 1)  # commit notice by notice
    lib = Library(index_config(tmp_path / "index", limits=limits(parse_seconds=None)), embedder=fake_embedder)  # in this process
    with pytest.raises(RuntimeError):
        lib.ingest(SEED_FILES[:4])
    stored = lib.store.db.execute("SELECT source FROM notices ORDER BY source").fetchall()
    assert [s for (s,) in stored] == [p.name for p in SEED_FILES[:2]]
    facts = lib.store.db.execute("SELECT count(*) FROM facts WHERE name = ?", (FACT_NAME,))
    assert facts.fetchone() == (2,)  # each stored notice has its requirements, stored with it


# A stand-in for `vacancy ingest` that marks when extraction of a long text starts (in the
# worker process too: a spawned worker runs this script again as its main module).
MARKED_INGEST = """
import os, sys
from pathlib import Path
import index.build

real = index.build.extract_requirements

def marked(notice):
    if len(notice.text) > 100_000:
        Path(os.environ["EXTRACT_MARK"]).write_text(str(os.getpid()))
    return real(notice)

index.build.extract_requirements = marked
if __name__ == "__main__":
    from ui.cli import main
    sys.exit(main(sys.argv[1:]))
"""


def store_rows(index_dir: Path) -> dict[str, list]:
    """What the store holds, as rows (read-only, as another process would)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{index_dir / 'notices.sqlite3'}?mode=ro", uri=True)) as db:
        return {"notices": db.execute("SELECT id, source, text FROM notices ORDER BY id").fetchall(),
                "chunks": db.execute('SELECT id, notice_id, start, "end", embed_key FROM chunks '
                                     "ORDER BY id").fetchall(),
                "facts": db.execute("SELECT notice_id, name, body FROM facts "
                                    "ORDER BY notice_id, name").fetchall()}


@pytest.mark.slow
def test_kill_during_extraction_of_a_large_file_leaves_no_partial_notice(tmp_path, model_cache,
                                                                         embedder):
    """kill -9 of `vacancy ingest` while the worker extracts requirements from a 150,000-
    character text: the index is as before, the worker goes too, and the next run gives
    what one uninterrupted run gives."""
    from evals.understanding.validate import repaired_text

    folder = tmp_path / "many"
    folder.mkdir()
    big = "\n\n".join(repaired_text(p) for p in sorted(CORPUS.glob("*.txt")))
    (folder / "0-large.txt").write_text((big * 2)[:150_000], encoding="utf-8")  # read first
    for p in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(p, folder / p.name)
    script, mark = tmp_path / "marked_ingest.py", tmp_path / "extracting"
    script.write_text(MARKED_INGEST)
    env = {k: v for k, v in os.environ.items() if not k.startswith("VACANCY_")}
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONPATH=str(ROOT),
               VACANCY_MODEL_CACHE_DIR=str(model_cache), VACANCY_MAX_NOTICE_CHARS="200000",
               VACANCY_PARSE_SECONDS="600", EXTRACT_MARK=str(mark))

    def ingest(index_dir: Path, *paths: Path):
        done = subprocess.run([sys.executable, str(script), "ingest", *map(str, paths)],
                              env={**env, "VACANCY_INDEX_DIR": str(index_dir)}, cwd=tmp_path,
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()[-1]

    index_dir = tmp_path / "index"
    assert ingest(index_dir, *SEED_FILES[:2]) == "added 2, updated 0, unchanged 0, rejected 0"
    before = store_rows(index_dir)
    mark.unlink(missing_ok=True)  # the seeds are short: no mark, but be sure
    proc = subprocess.Popen([sys.executable, str(script), "ingest", str(folder)],
                            env={**env, "VACANCY_INDEX_DIR": str(index_dir)}, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600  # a bound on a hung run, not a speed assertion
        while proc.poll() is None and not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.5)  # well inside the extraction, which takes seconds
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    worker = int(mark.read_text())
    assert worker != proc.pid  # the extraction ran in the worker process
    deadline = time.monotonic() + 30
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{worker}").exists(), "the worker outlived the killed ingest"
    assert store_rows(index_dir) == before  # no partial notice: not its text, chunk or facts

    assert ingest(index_dir, folder) == "added 3, updated 0, unchanged 0, rejected 0"
    reference = tmp_path / "reference"
    assert ingest(reference, *SEED_FILES[:2], folder) == \
        "added 5, updated 0, unchanged 0, rejected 0"
    assert store_rows(index_dir) == store_rows(reference)
    lib = Library(index_config(index_dir, model_cache_dir=model_cache), embedder=embedder)
    assert lib.vectors.all_keys() == lib.store.embed_keys()


def test_the_upload_handler_reports_a_busy_index_in_its_report(tmp_path, fake_embedder):
    """What the Notices tab shows (not a bare "Error" toast, no traceback)."""
    from assistant.pipeline import Assistant
    from ui.handlers import Handlers

    class Progress:
        def tqdm(self, it, **_):
            return it

    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    shutil.copy(SEED_FILES[0], tmp_path / "engineer.txt")
    handlers = Handlers(Assistant(lib), tmp_path / "notices")
    with Library(index_config(tmp_path / "index")).store.ingest_lock():
        report, table, *_ = handlers.upload([str(tmp_path / "engineer.txt")], Progress())
    assert report == ('<ul class="va-uploads"><li class="va-upload va-rejected"><span class="va-mark">'
                      '✗</span> <code>engineer.txt</code> — rejected: Another ingest is running; '
                      'try again in a minute (nothing of this upload was kept)</li></ul>')
    assert "va-pick" not in table and list((tmp_path / "notices").iterdir()) == []   # no notice listed


def test_a_reader_thread_does_not_reopen_the_client_the_library_is_ingesting_through(
        tmp_path, fake_embedder, monkeypatch):
    """An upload ingests through the app's own Library while other users ask: their sync
    must not swap the Chroma client under the ingest (the new one would miss its writes)."""
    import index.build

    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    lib.ingest(SEED_FILES[:1])
    vectors, synced = lib.vectors, []
    put = index.build.Store.put

    def put_and_sync(store, *args, **kwargs):
        put(store, *args, **kwargs)
        synced.append(lib.sync())  # what a question arriving mid-ingest does

    monkeypatch.setattr(index.build.Store, "put", put_and_sync)
    lib.ingest(SEED_FILES[1:3])
    assert synced == [False, False] and lib.vectors is vectors
    assert lib.sync() is False
    assert lib.vectors.all_keys() == lib.store.embed_keys()


# -- the whole matrix in one run ----------------------------------------------------------

def test_one_run_over_every_hostile_file_rejects_each_with_its_reason_and_keeps_the_rest(
        tmp_path, bomb, fake_embedder):
    """Today's passing cases and the new ones side by side, in one `vacancy ingest` run."""
    folder = tmp_path / "notices"
    folder.mkdir()
    text = SEED_FILES[0].read_text(encoding="utf-8")
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "garbage.txt": bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 40),
        "script.html": b"<html><body><script>alert(1)</script></body></html>",
        "corrupt.pdf": b"%PDF-1.4\n1 0 obj <<>>\ntrailer garbage",
        "oversize.txt": b"Programme Officer. " * 300_000,  # 5.7 MB
        "bomb.docx": bomb,
        "utf16.txt": text.replace("Security", "Sécurité").encode("utf-16"),
        "cp1252.txt": (SEED_FILES[1].read_text(encoding="utf-8").replace("Security", "Sécurité")
                       + "\nCafé \u2013 noted.\n").encode("cp1252", "replace"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    report = lib.ingest([folder])
    reasons = {r.path: r.reason for r in report.rejected}
    assert sorted(report.added) == ["cp1252.txt", "utf16.txt"]
    assert reasons == {
        "binary.txt": "the file is binary, not text (is it a renamed PDF, Word or image file?)",
        "bomb.docx": INFLATES,
        "corrupt.pdf": "the PDF cannot be read (it is damaged or not a PDF)",
        "empty.txt": "the file is empty",
        "garbage.txt": "the file is not valid UTF-8 and no other text encoding fits it; save it "
                       "as UTF-8 and add it again",
        "oversize.txt": "the file is 5.7 MB, over the 5 MB limit (VACANCY_MAX_FILE_MB)",
        "passwd.txt": SYMLINK,
        "script.html": "no readable notice text in the file (only markup, scripts or a few "
                       "characters)",
    }
    assert all("root:x" not in n.text and len(n.text) < 50_000 for n in lib.notices())
    assert {n.source: "Sécurité" in n.text for n in lib.notices()} == {"cp1252.txt": True,
                                                                       "utf16.txt": True}


def test_an_english_question_is_told_without_loading_the_language_models(monkeypatch):
    import assistant.language as language

    monkeypatch.setattr(language, "_detector", lambda: pytest.fail("lingua loaded"))
    assert language.reads_as_english("Which languages does the Laayoune post require?")
    assert language.reads_as_english("I have a bachelor's and 6 years of police work, can I apply?")
