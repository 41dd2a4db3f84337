"""Incremental ingest (real model, real Chroma), the offsets invariant, and an ingest
interrupted at any point: the previous index stays readable, the next run completes it."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS, SEED_FILES, index_config, parsed
from index.build import collect
from index.chunk import chunk_notice
from index.errors import IndexUnavailable, VacancyError
from index.library import Library
from index.records import NO_VECTOR

SUMMARY_ADDED_5 = "added 5, updated 0, unchanged 0, rejected 0"


class CountingEmbedder:
    """Records every call and every text it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.calls, self.texts = 0, []

    def embed(self, texts):
        self.calls += 1
        self.texts.extend(texts)
        return self.inner.embed(texts)


@pytest.fixture
def counting(memo_embedder):
    """The real model (memoised for the session), counting what the ingest asks of it."""
    return CountingEmbedder(memo_embedder)


def open_library(index_dir: Path, embedder) -> Library:
    return Library(index_config(index_dir), embedder=embedder)


def chunk_rows(lib: Library) -> list[tuple[str, str, str]]:
    """(chunk id, notice id, embed key) of every chunk in the store."""
    return lib.store.db.execute("SELECT id, notice_id, embed_key FROM chunks").fetchall()


# -- incremental --------------------------------------------------------------------------

@pytest.mark.slow
def test_second_run_reports_unchanged_and_embeds_nothing(tmp_path, notices_copy, counting):
    first = open_library(tmp_path / "index", counting).ingest([notices_copy])
    assert first.summary() == SUMMARY_ADDED_5
    assert counting.calls > 0

    again = CountingEmbedder(counting.inner)
    lib = open_library(tmp_path / "index", again)
    second = lib.ingest([notices_copy])
    assert second.summary() == "added 0, updated 0, unchanged 5, rejected 0"
    assert sorted(second.unchanged) == [p.name for p in SEED_FILES]
    assert (again.calls, second.embedded) == (0, 0)
    assert lib.vectors.all_keys() == lib.store.embed_keys()


@pytest.mark.slow
def test_changed_file_is_updated_and_only_its_new_passages_are_embedded(
        tmp_path, notices_copy, counting):
    lib = open_library(tmp_path / "index", counting)
    lib.ingest([notices_copy])
    path = notices_copy / "002_5bc2b8270ee94ae7.txt"
    old_id = lib.store.id_for_source(path.name)
    old_rows = [r for r in chunk_rows(lib) if r[1] == old_id]
    keys_before = lib.vectors.all_keys()
    data = path.read_bytes()
    assert b"A valid Driving License is required" in data
    path.write_bytes(data.replace(b"A valid Driving License is required",
                                  b"A valid Driving License and a first-aid certificate are required"))

    counting.texts.clear()
    report = lib.ingest([notices_copy])

    assert report.summary() == "added 0, updated 1, unchanged 4, rejected 0"
    assert report.updated == (path.name,)
    new = lib.find_notice(path.name)
    assert new.id != old_id and lib.store.notice(old_id) is None
    rows = chunk_rows(lib)
    assert not {r[0] for r in old_rows} & {r[0] for r in rows}
    new_chunks = chunk_notice(new)
    fresh = {c.embed_key: c.embed_text for c in new_chunks
             if c.embed_key not in keys_before and c.embed_key != NO_VECTOR}   # boilerplate has no vector
    assert fresh and sorted(counting.texts) == sorted(fresh.values())
    assert report.embedded == len(fresh)
    used = {r[2] for r in rows} - {NO_VECTOR}   # a boilerplate chunk keeps its row, not a vector
    dropped = {r[2] for r in old_rows} - used
    assert dropped and not dropped & lib.vectors.all_keys()
    assert lib.vectors.all_keys() == used


@pytest.mark.slow
def test_prune_drops_notices_whose_file_is_gone(tmp_path, notices_copy, counting):
    lib = open_library(tmp_path / "index", counting)
    lib.ingest([notices_copy])
    gone = notices_copy / "004_2e9a5f74b42d033d.txt"
    gone_id = lib.store.id_for_source(gone.name)
    gone.unlink()

    kept = lib.ingest([notices_copy])
    assert kept.summary() == "added 0, updated 0, unchanged 4, rejected 0"
    assert gone.name in {n.source for n in lib.notices()}

    pruned = lib.ingest([notices_copy], prune=True)
    assert pruned.pruned == (gone.name,)
    assert pruned.summary() == "added 0, updated 0, unchanged 4, rejected 0"
    assert {n.source for n in lib.notices()} == {p.name for p in SEED_FILES} - {gone.name}
    assert not [r for r in chunk_rows(lib) if r[1] == gone_id]
    assert lib.vectors.all_keys() == lib.store.embed_keys()


@pytest.mark.slow
def test_duplicate_text_under_another_name_is_rejected(tmp_path, notices_copy, counting):
    lib = open_library(tmp_path / "index", counting)
    original = SEED_FILES[1].name
    shutil.copy(notices_copy / original, notices_copy / "copy.txt")
    report = lib.ingest([notices_copy])
    assert sorted(report.added) == [p.name for p in SEED_FILES]
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("copy.txt", f"same text as {original}, which is already indexed")]

    again = lib.ingest([notices_copy])
    assert [(r.path, r.reason) for r in again.rejected] == [
        ("copy.txt", f"same text as {original}, which is already indexed")]
    assert len(lib.notices()) == 5


@pytest.mark.slow
def test_boilerplate_shared_by_notices_is_not_embedded(tmp_path, counting):
    un_notices = SEED_FILES[:4]  # UN Secretariat notices: same Considerations, same No Fee
    lib = open_library(tmp_path / "index", counting)
    first = lib.ingest(un_notices[:3])
    rows = chunk_rows(lib)
    keys = {r[2] for r in rows} - {NO_VECTOR}
    assert len(counting.texts) == len(set(counting.texts)) == first.embedded == len(keys)
    assert lib.vectors.all_keys() == lib.store.embed_keys() == keys
    assert len({r[1] for r in rows if r[2] == NO_VECTOR}) == 3  # each notice's boilerplate
    assert not any("DOES NOT CHARGE A FEE" in t for t in counting.texts)

    counting.texts.clear()
    last = lib.ingest(un_notices[3:])
    last_id = lib.store.id_for_source(un_notices[3].name)
    last_keys = {r[2] for r in chunk_rows(lib) if r[1] == last_id} - {NO_VECTOR}
    assert last.added == (un_notices[3].name,)
    assert last.embedded == len(last_keys - keys) == len(counting.texts)


FEE_NOTICE = ("Programme Officer, P-3, Geneva\n\nEducation\nAn advanced university degree in "
              "economics is required.\n\nWork Experience\nA minimum of five years of experience "
              "in programme management is required.\n\nNo Fee\nThe United Nations does not "
              "charge a fee at any stage of the recruitment process.\n")


def test_boilerplate_has_no_vector_but_is_still_found_by_bm25(tmp_path, fake_embedder):
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "fee.txt").write_text(FEE_NOTICE)
    lib = open_library(tmp_path / "index", fake_embedder)
    report = lib.ingest([tmp_path / "notices"])
    (nid,) = {r[1] for r in chunk_rows(lib)}
    bare = [r for r in chunk_rows(lib) if r[2] == NO_VECTOR]
    assert len(bare) == 1 and report.embedded == len(chunk_rows(lib)) - 1
    assert lib.vectors.all_keys() == lib.store.embed_keys() and NO_VECTOR not in lib.store.embed_keys()
    question = "Does the United Nations charge a fee?"
    (top,) = lib.search(question, 1, mode="sparse")
    assert top.chunk.id == bare[0][0] and "does not charge a fee" in top.chunk.text
    assert bare[0][0] not in {h.chunk.id for h in lib.search(question, 5, [nid], mode="dense")}
    assert top.chunk.id in {h.chunk.id for h in lib.search(question, 5, [nid])}
    again = lib.ingest([tmp_path / "notices"])
    assert again.unchanged == ("fee.txt",) and again.embedded == 0


def test_same_file_name_in_two_folders_is_rejected(tmp_path, fake_embedder):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED_FILES[0], tmp_path / folder / "notice.txt")
    (tmp_path / "b" / "notice.txt").write_text("Programme Officer in Geneva. " * 5)
    report = open_library(tmp_path / "index", fake_embedder).ingest(
        [tmp_path / "a", tmp_path / "b", tmp_path / "a" / "notice.txt"])
    assert report.added == ("notice.txt",)
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("notice.txt", f"another file of this name was read first ({tmp_path / 'a' / 'notice.txt'}); "
                       "notices are told apart by file name, rename one")]


def test_collect_walks_folders_skipping_hidden_and_readme_files(tmp_path):
    for name in ("b.txt", "a.doc", "README.md", ".hidden.txt", ".git/config", "sub/c.html",
                 "sub/.cache/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = collect([tmp_path, tmp_path / "b.txt", tmp_path / "README.md"], follow_inside=False)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.doc", "b.txt", "sub/c.html", "README.md"]


def test_an_index_inside_the_ingested_folder_is_not_read_as_notices(tmp_path, fake_embedder):
    folder = tmp_path / "notices"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    lib = Library(index_config(folder / "index"), embedder=fake_embedder)
    assert lib.ingest([folder]).summary() == "added 1, updated 0, unchanged 0, rejected 0"
    assert lib.ingest([folder]).summary() == "added 0, updated 0, unchanged 1, rejected 0"


def test_missing_path_is_reported(tmp_path, fake_embedder):
    report = open_library(tmp_path / "index", fake_embedder).ingest([tmp_path / "nosuch"])
    assert [(r.path, r.reason) for r in report.rejected] == [
        (str(tmp_path / "nosuch"), "no such file or folder")]


def test_prune_with_a_missing_path_prunes_nothing(tmp_path, fake_embedder):
    lib = open_library(tmp_path / "index", fake_embedder)
    lib.ingest(SEED_FILES[:1])
    with pytest.raises(VacancyError) as info:
        lib.ingest([tmp_path / "notcies"], prune=True)
    assert str(info.value) == (f"{tmp_path / 'notcies'} does not exist, so nothing is pruned: "
                               "with --prune the paths given must be the whole collection")
    assert [n.source for n in lib.notices()] == [SEED_FILES[0].name]


# -- offsets --------------------------------------------------------------------------------

NOTICE_FILES = [p for p in collect([SEEDS, CORPUS], follow_inside=False) if p.name != "MANIFEST.tsv"]
# Seeds and every other corpus notice: enough for several commits in one ingest.
MANY_FILES = SEED_FILES + [p for p in NOTICE_FILES if p.parent == CORPUS and p.name < "1"][::2]


@pytest.mark.parametrize("path", NOTICE_FILES, ids=lambda p: p.name)
def test_every_chunk_is_the_text_at_its_offsets(path):
    notice = parsed(path)
    chunks = chunk_notice(notice)
    assert chunks
    for chunk in chunks:
        assert notice.text[chunk.start:chunk.end] == chunk.text
        assert chunk.notice_id == notice.id


def test_stored_chunks_keep_their_offsets(tmp_path, fake_embedder):
    lib = open_library(tmp_path / "index", fake_embedder)
    lib.ingest(SEED_FILES[:2])
    notices = {n.id: n for n in lib.notices()}
    stored = lib.store.chunks(notices)
    assert len(stored) == sum(len(chunk_notice(n)) for n in notices.values())
    for chunk in stored:
        assert notices[chunk.notice_id].text[chunk.start:chunk.end] == chunk.text


# -- interruption ---------------------------------------------------------------------------

def test_crash_between_embedding_and_commit_leaves_orphans_the_next_run_removes(
        tmp_path, fake_embedder, monkeypatch):
    import index.build

    monkeypatch.setattr(index.build, "EMBED_BATCH", 1)  # one notice per commit
    lib = open_library(tmp_path / "index", fake_embedder)
    lib.ingest(SEED_FILES[:1])
    commits = []
    put = lib.store.put

    def put_then_die(notice, chunks, facts=None):
        if commits:
            raise KeyboardInterrupt  # the process dies after the 2nd notice's embeddings
        commits.append(notice.source)
        put(notice, chunks, facts)

    monkeypatch.setattr(lib.store, "put", put_then_die)
    with pytest.raises(KeyboardInterrupt):
        lib.ingest(SEED_FILES)
    monkeypatch.undo()

    assert {n.source for n in lib.notices()} == {SEED_FILES[0].name, SEED_FILES[1].name}
    assert lib.store.embed_keys() < lib.vectors.all_keys()  # orphans of the 3rd notice
    report = lib.ingest(SEED_FILES)
    assert sorted(report.added) == [p.name for p in SEED_FILES[2:]]
    assert report.reused > 0
    assert lib.vectors.all_keys() == lib.store.embed_keys()


def test_embeddings_chroma_lost_are_embedded_again(tmp_path, fake_embedder):
    lib = open_library(tmp_path / "index", fake_embedder)
    lib.ingest(SEED_FILES[:2])
    lost = sorted(lib.vectors.all_keys())[:7]
    lib.vectors.delete(lost)
    report = lib.ingest(SEED_FILES[:2])
    assert report.summary() == "added 0, updated 0, unchanged 2, rejected 0"
    assert report.embedded == 7
    assert lib.vectors.all_keys() == lib.store.embed_keys()


def test_second_ingest_into_one_index_at_once_is_refused(tmp_path, fake_embedder):
    lib = open_library(tmp_path / "index", fake_embedder)
    other = open_library(tmp_path / "index", fake_embedder)
    with lib.store.ingest_lock():
        with pytest.raises(IndexUnavailable) as info:
            other.ingest(SEED_FILES[:1])
    assert str(info.value) == (f"another ingest into {tmp_path / 'index'} is running; "
                               "wait for it to finish and try again")
    assert other.ingest(SEED_FILES[:1]).added == (SEED_FILES[0].name,)


def stored_notices(index_dir: Path) -> dict[str, str]:
    """source → id, read straight from the store file (as another process would)."""
    uri = f"file:{index_dir / 'notices.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        return dict(db.execute("SELECT source, id FROM notices"))


def cli(index_dir: Path) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VACANCY_")}
    env.update(VACANCY_INDEX_DIR=str(index_dir), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               PYTHONPATH=str(ROOT))
    return [sys.executable, "-m", "ui.cli", "ingest"], env


@pytest.mark.slow
def test_killed_ingest_keeps_the_previous_index_and_the_next_run_completes_it(
        tmp_path, embedder):
    index_dir = tmp_path / "index"
    command, env = cli(index_dir)
    seeded = subprocess.run(command + [str(SEEDS)], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=600)
    assert seeded.returncode == 0, seeded.stderr
    assert seeded.stdout.splitlines()[-1] == SUMMARY_ADDED_5
    previous = stored_notices(index_dir)
    folder = tmp_path / "many"
    folder.mkdir()
    for path in MANY_FILES:
        shutil.copy(path, folder / path.name)
    names = {p.name for p in collect([folder], follow_inside=False)}
    assert len(names) == 20

    proc = subprocess.Popen(command + [str(folder)], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600  # a bound on a hung run, not a speed assertion
        while proc.poll() is None and time.monotonic() < deadline:
            if len(stored_notices(index_dir)) > 5:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"

    lib = open_library(index_dir, embedder)
    committed = {n.source: n.id for n in lib.notices()}
    assert committed.items() >= previous.items()  # the previous index is intact
    assert 5 < len(committed) <= 20
    assert lib.store.embed_keys() <= lib.vectors.all_keys()  # no notice without embeddings
    hits = lib.search("security clearance and years of experience required", k=5)
    assert hits
    for hit in hits:
        assert lib.store.notice(hit.chunk.notice_id).text[hit.chunk.start:hit.chunk.end] \
            == hit.chunk.text

    report = lib.ingest([folder])
    assert report.rejected == ()
    assert set(report.unchanged) == set(committed)
    assert set(report.added) == names - set(committed)
    assert {n.source for n in lib.notices()} == names
    assert lib.vectors.all_keys() == lib.store.embed_keys()
