"""The structured store: notices (repaired text, sections, metadata) and their chunks, in
SQLite beside the Chroma data. It is the source of truth for what is indexed: a notice
exists once its row is committed, and its chunks' embeddings were stored before that.
Each write is one transaction, so a killed process leaves the previous state readable.
Every change to `notices` bumps `generation()` in the same transaction, which is how a
long-running reader (the web UI) notices another process's ingest. Left out: concurrent
ingests into one index; `ingest_lock` refuses the second one with a message rather than
queueing it (callers may wait and retry).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from .errors import IndexBusy, IndexUnavailable
from .records import NO_VECTOR, Chunk, Metadata, Notice, Section

SCHEMA = """
CREATE TABLE IF NOT EXISTS notices (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    sections TEXT NOT NULL,
    meta TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    embed_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_notice ON chunks(notice_id);
CREATE INDEX IF NOT EXISTS chunks_key ON chunks(embed_key);
CREATE TABLE IF NOT EXISTS facts (
    notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (notice_id, name)
);
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    digest TEXT NOT NULL,
    parser TEXT NOT NULL,
    notice_id TEXT NOT NULL,
    recorded_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    embed_key TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, embed_key)
);
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS notice_added AFTER INSERT ON notices BEGIN
    INSERT OR IGNORE INTO settings VALUES ('generation', '0');
    UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE name = 'generation';
END;
CREATE TRIGGER IF NOT EXISTS notice_dropped AFTER DELETE ON notices BEGIN
    INSERT OR IGNORE INTO settings VALUES ('generation', '0');
    UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE name = 'generation';
END;
"""
FILE_NAME = "notices.sqlite3"


class Store:
    def __init__(self, index_dir: Path):
        self.path = Path(index_dir) / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise IndexUnavailable(
                f"cannot open the notice store {self.path} ({err}); check the folder's "
                "permissions, or move the file away and run `vacancy ingest` again") from err

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def ingest_lock(self, wait_s: float = 0, waiting: Callable[[float], None] | None = None
                    ) -> Iterator[None]:
        """Hold the index for one ingest; while another ingest holds it, wait up to `wait_s`
        seconds (`waiting(wait_s)` is called once when the wait starts), then raise
        IndexBusy. The lock is the operating system's, so a killed process does not leave
        it held."""
        from filelock import FileLock, Timeout

        lock = FileLock(self.path.with_name("ingest.lock"), timeout=0)
        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if wait_s <= 0:
                    raise
                if waiting:
                    waiting(wait_s)
                lock.acquire(timeout=wait_s)
        except Timeout as err:
            if wait_s > 0:
                raise IndexBusy(f"another ingest into {self.path.parent} is still running after "
                                f"{wait_s:g} s; try again when it has finished "
                                "(VACANCY_INGEST_WAIT_S sets how long to wait)") from err
            raise IndexBusy(f"another ingest into {self.path.parent} is running; "
                            "wait for it to finish and try again") from err
        try:
            yield
        finally:
            lock.release()

    def generation(self) -> int:
        """A number that grows with every notice added or dropped, by any process (triggers
        bump it in the transaction that changes `notices`), so a reader can tell with one
        small query whether what it holds is still the index."""
        row = self.db.execute("SELECT value FROM settings WHERE name = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def index_id(self) -> str:
        """A random id made once per index; names this index's collection on a shared
        Chroma server."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO settings VALUES ('index_id', ?)",
                       (uuid.uuid4().hex,))
            (value,) = db.execute("SELECT value FROM settings WHERE name = 'index_id'").fetchone()
        return value

    # -- notices -----------------------------------------------------------
    def put(self, notice: Notice, chunks: tuple[Chunk, ...],
            facts: dict[str, tuple[str, object]] | None = None) -> None:
        """Replace whatever the store holds for `notice.source` by `notice`, its chunks and
        its derived `facts` (name → (version, body)), atomically: a reader sees all of it
        or none."""
        with self.transaction() as db:
            db.execute("DELETE FROM notices WHERE source = ? OR id = ?", (notice.source, notice.id))
            db.execute(
                "INSERT INTO notices (id, source, text, sections, meta) VALUES (?, ?, ?, ?, ?)",
                (notice.id, notice.source, notice.text, _dump_sections(notice.sections),
                 _dump_meta(notice.meta)),
            )
            db.executemany(
                'INSERT INTO chunks (id, notice_id, section, start, "end", embed_key) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(c.id, c.notice_id, c.section, c.start, c.end, c.embed_key) for c in chunks],
            )
            db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)",
                           [(notice.id, name, version, json.dumps(body))
                            for name, (version, body) in (facts or {}).items()])

    def delete(self, notice_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM notices WHERE id = ?", (notice_id,))

    def id_for_source(self, source: str) -> str | None:
        row = self.db.execute("SELECT id FROM notices WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def source_for_id(self, notice_id: str) -> str | None:
        row = self.db.execute("SELECT source FROM notices WHERE id = ?", (notice_id,)).fetchone()
        return row[0] if row else None

    def notices(self) -> list[Notice]:
        rows = self.db.execute("SELECT id, source, text, sections, meta FROM notices ORDER BY source")
        return [_notice(*row) for row in rows]

    def notice_ids(self) -> list[str]:
        """The ids of the notices, in the order of `notices()` (by file name)."""
        return [i for (i,) in self.db.execute("SELECT id FROM notices ORDER BY source")]

    def notice(self, notice_id: str) -> Notice | None:
        row = self.db.execute("SELECT id, source, text, sections, meta FROM notices WHERE id = ?",
                              (notice_id,)).fetchone()
        return _notice(*row) if row else None

    # -- files: what the bytes of an indexed file were (for re-ingest) ----------------
    def put_file(self, source: str, stamp: str, digest: str, parser: str, notice_id: str,
                 recorded_ns: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                        (source, stamp, digest, parser, notice_id, recorded_ns))

    def file(self, source: str) -> tuple[str, str, str, str, int] | None:
        """(stamp, digest, parser, notice id, when recorded) of the file last indexed as
        `source`, if that notice is still the one indexed under its name."""
        return self.db.execute(
            "SELECT f.stamp, f.digest, f.parser, f.notice_id, f.recorded_ns FROM files f "
            "JOIN notices n ON n.id = f.notice_id AND n.source = f.source WHERE f.source = ?",
            (source,)).fetchone()

    # -- chunks ------------------------------------------------------------
    def chunks(self, notices: dict[str, Notice]) -> list[Chunk]:
        """Every chunk of the given notices, text and embedded text rebuilt from the notice."""
        from .chunk import chunk_embed_text

        out = []
        rows = self.db.execute('SELECT id, notice_id, section, start, "end", embed_key FROM chunks '
                               "ORDER BY notice_id, start")
        for cid, nid, section, start, end, key in rows:
            notice = notices.get(nid)
            if notice is None:
                continue
            out.append(Chunk(cid, nid, section, start, end, notice.text[start:end], key,
                             chunk_embed_text(notice, start, end)))
        return out

    def chunk_rows(self) -> list[tuple[str, str, str, int, int, str]]:
        """Every chunk's (id, notice id, section, start, end, embed key), in the order of
        `chunks`, without reading any notice text."""
        return list(self.db.execute('SELECT id, notice_id, section, start, "end", embed_key '
                                    "FROM chunks ORDER BY notice_id, start"))

    # -- passage vectors (a copy of Chroma's, read by filtered searches) -------------
    def put_vectors(self, model: str, keys: Sequence[str], vectors) -> None:
        """Keep float32 copies of the passage vectors Chroma was given, so that a search
        within a few notices reads them here without opening Chroma."""
        rows = [(model, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vectors)]
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)

    def vectors(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The kept vectors of `keys` (those kept; the caller asks Chroma for the rest)."""
        out: dict[str, np.ndarray] = {}
        keys = list(dict.fromkeys(keys))
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            rows = self.db.execute("SELECT embed_key, vector FROM vectors WHERE model = ? AND "
                                   f"embed_key IN ({','.join('?' * len(part))})", (model, *part))
            out.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        return out

    def vector_keys(self, model: str) -> set[str]:
        return {k for (k,) in self.db.execute("SELECT embed_key FROM vectors WHERE model = ?",
                                              (model,))}

    def drop_unused_vectors(self) -> None:
        """Forget kept vectors no chunk uses (as `Ingester._reconcile` does in Chroma)."""
        with self.transaction() as db:
            db.execute("DELETE FROM vectors WHERE embed_key NOT IN (SELECT embed_key FROM chunks)")

    def embed_keys(self) -> set[str]:
        """The keys of the vectors the chunks use (chunks without one left out)."""
        return {k for (k,) in self.db.execute("SELECT DISTINCT embed_key FROM chunks "
                                              "WHERE embed_key != ?", (NO_VECTOR,))}

    # -- derived facts (requirements, ...), recomputed when their version changes -----
    def put_fact(self, notice_id: str, name: str, version: str, body) -> None:
        self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)",
                        (notice_id, name, version, json.dumps(body)))

    def facts(self, name: str, version: str) -> dict[str, object]:
        """Every notice's fact `name` stored under `version`, by notice id (one query)."""
        rows = self.db.execute("SELECT notice_id, body FROM facts WHERE name = ? AND version = ?",
                               (name, version))
        return {nid: json.loads(body) for nid, body in rows}

    def fact(self, notice_id: str, name: str, version: str):
        row = self.db.execute("SELECT body FROM facts WHERE notice_id = ? AND name = ? AND version = ?",
                              (notice_id, name, version)).fetchone()
        return json.loads(row[0]) if row else None


def _dump_sections(sections: tuple[Section, ...]) -> str:
    return json.dumps([[s.name, s.start, s.end, s.kind] for s in sections])


def _dump_meta(meta: Metadata) -> str:
    d = asdict(meta)
    for k in ("posted", "closes"):
        d[k] = d[k].isoformat() if d[k] else None
    return json.dumps(d)


def _notice(nid, source, text, sections, meta) -> Notice:
    m = json.loads(meta)
    for k in ("posted", "closes"):
        m[k] = date.fromisoformat(m[k]) if m[k] else None
    m["spans"] = tuple(tuple(s) for s in m.get("spans", ()))
    secs = tuple(Section(*s) for s in json.loads(sections))
    return Notice(nid, source, text, secs, Metadata(**m))
