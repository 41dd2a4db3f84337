"""Shared fixtures. The real model and real Chroma are used wherever a test says `slow`;
`fake_embedder` is only for fast unit tests of plumbing."""

from __future__ import annotations

import hashlib
import shutil
import socket
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import Settings, set_environment

set_environment()  # the test session is an entry point, like `vacancy`

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "notices"
CORPUS = ROOT / "tests" / "data" / "corpus"
SEED_FILES = sorted(p for p in SEEDS.glob("*.txt"))


def index_config(index_dir: Path, **changes):
    """The index configuration of the default Settings (no .env read) at `index_dir`."""
    return replace(Settings(_env_file=None, index_dir=index_dir).index_config(), **changes)


def limits(**changes):
    """The per-file bounds of the default Settings (no .env read), with `changes`
    (`parse_seconds=None`: read in this process)."""
    return replace(Settings(_env_file=None).index_config().limits, **changes)


def default_embedder(cache_dir: Path | None, **changes):
    """The default embedder of Settings (nothing loaded yet); `changes` as in make_embedder."""
    from index.embed import make_embedder

    s = Settings(_env_file=None)
    values = {"name": s.embedding_model, "backend": s.embedding_backend,
              "batch_size": s.embed_batch_size, "cache_dir": cache_dir, **changes}
    return make_embedder(**values)


def parsed(path: Path):
    """The notice file at `path` loaded within the default bounds and parsed (the Notice)."""
    from index.build import parse_notice
    from index.load import load

    config = Settings(_env_file=None).index_config()
    return parse_notice(path.name, load(path, config.max_file_bytes, config.limits).text)


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder: counts its calls, loads nothing."""

    name = "fake-hash-embedder"

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.calls = 0
        self.texts = 0

    def embed(self, texts):
        self.calls += 1
        self.texts += len(texts)
        out = []
        for t in texts:
            v = np.zeros(self.dim, dtype=np.float32)
            for w in t.lower().split():
                v[int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
            n = np.linalg.norm(v)
            out.append((v / n if n else v).tolist())
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """One folder for the exported ONNX model of the whole test session."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def embedder(model_cache):
    """The real default model (all-MiniLM-L6-v2 from site-packages) on the default backend,
    exported and loaded once."""
    return default_embedder(model_cache).load()  # load now: tests time their own work


@pytest.fixture(scope="session")
def torch_embedder():
    """The same model run by sentence-transformers (torch): the reference vectors."""
    return default_embedder(None, backend="torch").load()


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory, embedder):
    """A real index (Chroma + SQLite + real model) over the five seed notices."""
    from index.library import Library

    lib = Library(index_config(tmp_path_factory.mktemp("seed-index")), embedder=embedder)
    report = lib.ingest([SEEDS])
    assert len(report.added) == 5, report
    return lib


@pytest.fixture
def notices_copy(tmp_path) -> Path:
    """A writable copy of the seed notices."""
    dest = tmp_path / "notices"
    dest.mkdir()
    for p in SEED_FILES:
        shutil.copy(p, dest / p.name)
    return dest


class MemoEmbedder:
    """Wraps a real embedder: each distinct text is embedded once per session (many tests
    index the same seeds). The vectors are the model's own."""

    def __init__(self, inner):
        self.inner, self.name, self.memo = inner, inner.name, {}

    def embed(self, texts):
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        self.memo.update(zip(todo, self.inner.embed(todo)))
        return [self.memo[t] for t in texts]


@pytest.fixture(scope="session")
def memo_embedder(embedder) -> MemoEmbedder:
    """The real model (`embedder`) with a session-wide memo of the texts it embedded."""
    return MemoEmbedder(embedder)
