"""Ingest: files → notices → chunks → embeddings (Chroma) → structured store (SQLite).

Incremental: a notice's id is a hash of its repaired text (and of the pipeline version),
so an unchanged file is skipped before anything is embedded, and an embedding already in
Chroma (same passage, same header) is reused. Safe to interrupt: a notice is committed to
the store only after its embeddings are stored; embeddings no committed chunk uses are
removed at the end of the next run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .chunk import chunk_notice
from .embed import Embedder
from .errors import RejectedFile
from .load import SUFFIXES, load
from .metadata import read_metadata
from .records import Chunk, IngestReport, Notice, Rejected
from .repair import repair
from .sections import find_sections
from .store import Store
from .vectors import VectorStore

PIPELINE_VERSION = "2"
EMBED_BATCH = 256


def parse_notice(source: str, raw_text: str) -> Notice:
    """Repair, split and read one notice's text (no I/O)."""
    text = repair(raw_text)
    sections = find_sections(text)
    meta = read_metadata(text, sections)
    nid = hashlib.sha256(f"{PIPELINE_VERSION}\n{text}".encode()).hexdigest()[:16]
    return Notice(nid, source, text, sections, meta)


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files named, and notice files inside folders named (not README files, not hidden)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES
                and not p.name.startswith(".") and not p.stem.upper().startswith("README")
            ))
        else:
            out.append(path)
    return out


@dataclass
class _Pending:
    notices: list[tuple[Notice, tuple[Chunk, ...], str]] = field(default_factory=list)

    def chunks(self) -> int:
        return sum(len(c) for _, c, _ in self.notices)


class Ingester:
    def __init__(self, store: Store, vectors: VectorStore, embedder: Embedder, max_bytes: int):
        self.store, self.vectors, self.embedder, self.max_bytes = store, vectors, embedder, max_bytes
        self.report = {"added": [], "updated": [], "unchanged": [], "rejected": [], "pruned": []}
        self.embedded = self.reused = 0

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Callable[[Iterable], Iterable] = lambda it: it) -> IngestReport:
        paths = list(paths)
        files = collect(paths)
        missing = [p for p in paths if not p.exists()]
        for p in missing:
            self.report["rejected"].append(Rejected(str(p), "no such file or folder"))
        pending = _Pending()
        for path in progress([f for f in files if f.exists()]):
            item = self._prepare(path)
            if item:
                pending.notices.append(item)
            if pending.chunks() >= EMBED_BATCH:
                self._flush(pending)
        self._flush(pending)
        if prune:
            self._prune({p.name for p in files})
        self._collect_garbage()
        return IngestReport(**{k: tuple(v) for k, v in self.report.items()},
                            embedded=self.embedded, reused=self.reused)

    def _prepare(self, path: Path):
        try:
            notice = parse_notice(path.name, load(path, self.max_bytes).text)
        except RejectedFile as err:
            self.report["rejected"].append(Rejected(err.path, err.reason))
            return None
        old = self.store.id_for_source(notice.source)
        if old == notice.id:
            self.report["unchanged"].append(notice.source)
            return None
        twin = self.store.source_for_id(notice.id)
        if twin and twin != notice.source:
            self.report["rejected"].append(Rejected(notice.source, f"same text as {twin}, "
                                                    "which is already indexed"))
            return None
        return notice, chunk_notice(notice), "updated" if old else "added"

    def _flush(self, pending: _Pending) -> None:
        if not pending.notices:
            return
        wanted: dict[str, str] = {}
        for _, chunks, _ in pending.notices:
            for c in chunks:
                wanted.setdefault(c.embed_key, c.embed_text)
        have = self.vectors.existing(list(wanted))
        todo = [k for k in wanted if k not in have]
        self.reused += len(wanted) - len(todo)
        if todo:
            vectors = self.embedder.embed([wanted[k] for k in todo])
            self.vectors.add(todo, [wanted[k] for k in todo], vectors)
            self.embedded += len(todo)
        for notice, chunks, kind in pending.notices:
            self.store.put(notice, chunks)
            self.report[kind].append(notice.source)
        pending.notices.clear()

    def _prune(self, present: set[str]) -> None:
        for notice in self.store.notices():
            if notice.source not in present:
                self.store.delete(notice.id)
                self.report["pruned"].append(notice.source)

    def _collect_garbage(self) -> None:
        """Drop embeddings that no committed chunk uses (left by an update or an interrupted run)."""
        orphans = self.vectors.all_keys() - self.store.embed_keys()
        if orphans:
            self.vectors.delete(sorted(orphans))
