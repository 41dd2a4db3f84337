"""Server mode: a real `chroma run` on a free local port holds the embeddings; the notice
store stays in the index folder. A server that is down is reported, not a traceback."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS, SEED_FILES, free_port, index_config
from index.errors import IndexUnavailable
from index.library import Library

pytestmark = pytest.mark.slow
CHROMA = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "chroma"



def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


class Server:
    def __init__(self, path: Path):
        self.port = free_port()
        self.log = path.with_suffix(".log")
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1",
                 "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60  # a bound on a server that never starts
        while not answers(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"chroma run did not start:\n{self.log.read_text()[-2000:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path / "chroma-server")
    yield running
    running.stop()


def server_library(index_dir: Path, port: int, embedder) -> Library:
    return Library(index_config(index_dir, chroma_host="127.0.0.1", chroma_port=port),
                   embedder=embedder)


def test_ingest_and_search_through_a_server(tmp_path, server, memo_embedder):
    lib = server_library(tmp_path / "index", server.port, memo_embedder)
    report = lib.ingest([SEEDS])
    assert report.summary() == "added 5, updated 0, unchanged 0, rejected 0"
    assert not (tmp_path / "index" / "chroma").exists()  # the vectors live on the server
    assert lib.vectors.all_keys() == lib.store.embed_keys()

    hits = lib.search("Is a valid driving license required?", k=5, mode="dense")
    texts = [h.chunk.text for h in hits]
    assert any("A valid Driving License is required" in t for t in texts), texts
    for hit in hits:
        notice = lib.store.notice(hit.chunk.notice_id)
        assert notice.text[hit.chunk.start:hit.chunk.end] == hit.chunk.text

    again = server_library(tmp_path / "index", server.port, memo_embedder).ingest([SEEDS])
    assert again.summary() == "added 0, updated 0, unchanged 5, rejected 0"


def test_two_indexes_on_one_server_keep_their_own_embeddings(tmp_path, server, fake_embedder):
    first = server_library(tmp_path / "first", server.port, fake_embedder)
    second = server_library(tmp_path / "second", server.port, fake_embedder)
    first.ingest(SEED_FILES[:2])
    second.ingest(SEED_FILES[2:3])
    second.ingest(SEED_FILES[2:3], prune=True)  # its clean-up must not touch the first's
    assert first.vectors.all_keys() == first.store.embed_keys()
    assert second.vectors.all_keys() == second.store.embed_keys()
    assert first.vectors.collection.name != second.vectors.collection.name


def test_server_down_raises_index_unavailable_saying_what_to_do(tmp_path, fake_embedder):
    running = Server(tmp_path / "chroma-server")
    lib = server_library(tmp_path / "index", running.port, fake_embedder)
    lib.ingest(SEED_FILES[:1])
    running.stop()

    down = server_library(tmp_path / "index", running.port, fake_embedder)
    assert [n.source for n in down.notices()] == [SEED_FILES[0].name]  # the list needs no server
    with pytest.raises(IndexUnavailable) as info:
        down.search("security")
    message = str(info.value)
    assert message.startswith(f"cannot open the Chroma server at 127.0.0.1:{running.port} (")
    assert message.endswith(
        f"start it (`chroma run --path DATA_DIR --host 127.0.0.1 --port {running.port}`) "
        "or unset VACANCY_CHROMA_HOST to use the embedded index")
    with pytest.raises(IndexUnavailable):
        down.ingest(SEED_FILES[:1])
    with pytest.raises(IndexUnavailable):  # a library opened while it was up
        lib.vectors.count()
