"""Ingest: files → notices → chunks → embeddings (Chroma) → structured store (SQLite).

Incremental: a notice's id is a hash of its repaired text and of the parser that read it
(`derived.parser_hash`: any change to the parsing code or vocabularies re-reads every
notice on the next run, and embeddings of unchanged chunks are reused),
so an unchanged file is skipped before anything is embedded, and an embedding already in
Chroma (same passage, same header) is reused. Before that, a file whose bytes are those
last indexed under its name (and whose notice id still names this parser) is skipped
without being repaired or parsed (`_Fingerprint`): its size and mtime are trusted when
they were recorded more than `RACY_NS` after the mtime, else its bytes are hashed. A rejected file changes nothing in the
index; the other files of the run still go in.

Safe to interrupt at any point: a notice is committed to the store (one transaction,
holding its text, sections, metadata, chunks and typed requirements, which are extracted
before anything is written) only after its chunks' embeddings are in Chroma, so the store never names an embedding
that is not there; embeddings no committed chunk uses (left by a killed run or an update)
are removed at the end of the next run, which also embeds again any that Chroma lost.
Left out: several ingests into one index at once (the library refuses the second).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .chunk import chunk_notice
from .derived import parser_hash
from .budget import shared_worker
from .embed import Embedder
from .errors import RejectedFile, VacancyError
from .load import LINK_BROKEN, LINK_OUT, SYMLINK, Limits, load
from .metadata import read_metadata
from .records import NO_VECTOR, Chunk, IngestReport, Notice, Rejected
from .repair import repair
from .requirement_codec import requirements_to_json
from .requirements import FACT_NAME, extract_requirements
from .sections import find_sections
from .store import Store
from .vectors import VectorStore

EMBED_BATCH = 512  # chunks per commit (what an interrupted run can lose); the embedder sorts
# them by length, so a larger pool pads less: 13 % padded tokens at 128, 3.5 % at 512 (batch 32)
RACY_NS = 2_000_000_000  # a file changed within this of being recorded may keep its stamp


def parse_notice(source: str, raw_text: str) -> Notice:
    """Repair, split and read one notice's text (no I/O)."""
    text = repair(raw_text)
    sections = find_sections(text)
    meta = read_metadata(text, sections)
    nid = hashlib.sha256(f"{parser_hash()}\n{text}".encode()).hexdigest()[:16]
    return Notice(nid, source, text, sections, meta)


def read_file(path: Path, max_bytes: int, limits: Limits) -> tuple[Notice, str]:
    """The notice in `path` and its requirements (as stored), or RejectedFile: the work a
    file's parse-time budget covers (`index.budget`)."""
    notice = parse_notice(path.name, load(path, max_bytes, limits).text)
    return notice, requirements_to_json(extract_requirements(notice))


def warm_up() -> None:
    """Compile the parser's patterns and vocabularies (the budget's worker does this before
    its first file's clock starts, so that the budget counts only the file's own work)."""
    extract_requirements(parse_notice("warm-up.txt", _WARM_UP))


_WARM_UP = ("Programme Officer, P-3, Geneva\n\nEducation\nAn advanced university degree in "
            "economics is required.\n\nWork experience\nA minimum of five years of experience "
            "is required.\n\nLanguages\nFluency in English is required; French is desirable.\n")


def collect(paths: Iterable[Path], follow_inside: bool,
            skip: Callable[[str, str], None] | None = None) -> list[Path]:
    """Files named, and the files inside folders named, each once. Hidden files and folders
    and README files are skipped; any other file is kept, so that one `load` cannot read
    (a .doc, an image) is reported with its reason instead of silently ignored.

    Symbolic links found in a folder are not followed, and each is passed to `skip` with
    its reason; with `follow_inside`, a link whose target (file or folder) stays inside the
    folder named is read as that target (under the target's name, once, so a link beside
    its target adds nothing). Links out, broken links and loops are never followed. A link
    named itself is kept as it is, so that `load` refuses it. Without `skip`, links found
    are kept too (and `load` refuses them)."""
    out: dict[Path, Path] = {}
    for path in paths:
        found = _walk(path, follow_inside, skip) if path.is_dir() and not path.is_symlink() \
            else [path]
        for p in found:
            out.setdefault(p if p.is_symlink() else p.resolve(), p)
    return list(out.values())


def _walk(folder: Path, follow_inside: bool = False,
          skip: Callable[[str, str], None] | None = None) -> list[Path]:
    """Files under `folder` (and its links, see `collect`), without entering linked
    folders unless they are followed."""
    top, found = folder.resolve(), []
    seen = {top}
    pending = [(folder, Path())]
    while pending:
        start, shown_as = pending.pop()
        for root, dirs, files in os.walk(start, followlinks=False):
            base, rel = Path(root), shown_as / Path(root).relative_to(start)
            links = [d for d in dirs if (base / d).is_symlink()]
            dirs[:] = [d for d in dirs if d not in links and not d.startswith(".")]
            for name in sorted(files + links):
                if not _wanted(rel / name):
                    continue
                if not (base / name).is_symlink():
                    found.append(base / name)
                elif skip is None:
                    found.append(base / name)
                else:
                    target, reason = _link_target(base / name, top, follow_inside)
                    if reason:
                        skip(name, reason)
                    elif target.is_dir() and target not in seen:
                        seen.add(target)
                        pending.append((target, rel / name))
                    elif not target.is_dir():
                        found.append(target)
    return sorted(found)


def _link_target(link: Path, top: Path, follow_inside: bool) -> tuple[Path, str | None]:
    """(where `link` leads, None) when it is followed, else (link, why not)."""
    if not follow_inside:
        return link, SYMLINK
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # missing target, or a loop of links
        return link, LINK_BROKEN
    if target != top and top not in target.parents:
        return link, LINK_OUT
    return target, None


def _wanted(relative: Path) -> bool:
    return not any(part.startswith(".") for part in relative.parts) \
        and not relative.stem.upper().startswith("README")


@dataclass(frozen=True)
class _Fingerprint:
    """What a file's bytes were: `stamp` (size and mtime) and `digest` (sha256)."""

    stamp: str
    digest: str

    @staticmethod
    def stamp_of(path: Path) -> tuple[str, int] | None:
        """(stamp, mtime in ns), or None when the file cannot be stat'ed (load says why)."""
        try:
            st = path.stat()
        except OSError:
            return None
        return f"{st.st_size}:{st.st_mtime_ns}", st.st_mtime_ns

    @staticmethod
    def digest_of(path: Path) -> str | None:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None


@dataclass
class _Pending:
    """Notices parsed but not yet committed: (notice, its chunks, "added" or "updated",
    the fingerprint of its file)."""

    notices: list[tuple[Notice, tuple[Chunk, ...], str, _Fingerprint | None]] = \
        field(default_factory=list)

    def chunks(self) -> int:
        return sum(len(c) for _, c, _, _ in self.notices)


class Ingester:
    """One ingest run over an index: see the module docstring for what it guarantees.

    Notices are identified by file name: two files with one name in one run, or two
    files with one text, are rejected rather than merged. `prune` treats the files of
    this run as the whole collection: a notice whose file is not among them is dropped
    (first, so that a renamed file is taken as the same notice under its new name).
    """

    def __init__(self, store: Store, vectors: VectorStore, embedder: Embedder, max_bytes: int,
                 index_dir: Path | None, limits: Limits, follow_links_inside: bool,
                 read: Callable[[Path, int, Limits], tuple[Notice, str]] = read_file):
        self.store, self.vectors, self.embedder, self.max_bytes = store, vectors, embedder, max_bytes
        self.limits, self.follow_links_inside, self.read = limits, follow_links_inside, read
        self._found: dict[str, str] = {}  # requirements read with each pending notice, by file name
        self.index_dir = Path(index_dir).resolve() if index_dir else None  # never read as notices
        self.report = {"added": [], "updated": [], "unchanged": [], "rejected": [], "pruned": []}
        self.embedded = self.reused = 0
        self._seen_names: dict[str, Path] = {}
        self._seen_ids: dict[str, str] = {}

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Callable[[Iterable], Iterable] = lambda it: it) -> IngestReport:
        paths = [Path(p) for p in paths]
        missing = [p for p in paths if not p.exists()]
        if prune and missing:
            raise VacancyError(f"{missing[0]} does not exist, so nothing is pruned: with "
                               "--prune the paths given must be the whole collection")
        for p in missing:
            self._reject(str(p), "no such file or folder")
        files = [f for f in collect((p for p in paths if p.exists()), self.follow_links_inside,
                                    self._reject)
                 if self.index_dir is None or self.index_dir not in f.resolve().parents]
        if prune:
            self._prune({p.name for p in files})
        pending = _Pending()
        for path in progress(files):
            item = self._prepare(path)
            if item:
                pending.notices.append(item)
            if pending.chunks() >= EMBED_BATCH:
                self._flush(pending)
        self._flush(pending)
        self._reconcile()
        return IngestReport(**{k: tuple(v) for k, v in self.report.items()},
                            embedded=self.embedded, reused=self.reused)

    def _reject(self, name: str, reason: str) -> None:
        self.report["rejected"].append(Rejected(name, " ".join(reason.split())))

    def _prepare(self, path: Path):
        """The notice in `path` with its chunks, or None when it is rejected or unchanged."""
        first = self._seen_names.setdefault(path.name, path)
        if first != path:
            self._reject(path.name, f"another file of this name was read first "
                         f"({first}); notices are told apart by file name, rename one")
            return None
        fingerprint = self._unchanged_bytes(path)
        if fingerprint is True:
            self.report["unchanged"].append(path.name)
            return None
        try:
            notice, self._found[path.name] = self._read(path)
        except RejectedFile as err:
            self._reject(err.path, err.reason)
            return None
        old = self.store.id_for_source(notice.source)
        twin = self._twin(notice)
        if old == notice.id or twin:
            del self._found[notice.source]  # not stored after all
        if old == notice.id:
            self.report["unchanged"].append(notice.source)
            self._record(notice, fingerprint)
            return None
        if twin:
            self._reject(notice.source, f"same text as {twin}, which is already indexed")
            return None
        return notice, chunk_notice(notice), "updated" if old else "added", fingerprint

    def _read(self, path: Path) -> tuple[Notice, str]:
        """`read` in this process, or in the worker within `limits.parse_seconds`."""
        args = (path, self.max_bytes, self.limits)
        if not self.limits.parse_seconds:
            return self.read(*args)
        return shared_worker(warm_up).run(self.read, args, self.limits.parse_seconds, path.name)

    def _unchanged_bytes(self, path: Path) -> bool | _Fingerprint | None:
        """True when `path` holds the bytes last indexed under its name, read by this
        parser; else its fingerprint, to record once its notice is committed (None when
        it cannot be read or is too large: `load` will say why)."""
        stamped = _Fingerprint.stamp_of(path)
        if stamped is None or int(stamped[0].split(":")[0]) > self.max_bytes:
            return None
        (stamp, mtime_ns), known = stamped, self.store.file(path.name)
        fresh = known is not None and known[2] == parser_hash()
        if fresh and known[0] == stamp and known[4] - mtime_ns > RACY_NS:
            self._seen_ids.setdefault(known[3], path.name)
            return True
        digest = _Fingerprint.digest_of(path)
        if digest is None:
            return None
        if fresh and known[1] == digest:
            self.store.put_file(path.name, stamp, digest, known[2], known[3], time.time_ns())
            self._seen_ids.setdefault(known[3], path.name)
            return True
        return _Fingerprint(stamp, digest)

    def _record(self, notice: Notice, fingerprint: _Fingerprint | None) -> None:
        if fingerprint is not None:
            self.store.put_file(notice.source, fingerprint.stamp, fingerprint.digest,
                                parser_hash(), notice.id, time.time_ns())

    def _twin(self, notice: Notice) -> str | None:
        """Another file with the same text: indexed before, or read earlier in this run."""
        seen = self._seen_ids.setdefault(notice.id, notice.source)
        twin = self.store.source_for_id(notice.id) or seen
        return twin if twin != notice.source else None

    def _flush(self, pending: _Pending) -> None:
        """Embed what the pending notices need and Chroma lacks, then commit each notice."""
        if not pending.notices:
            return
        wanted: dict[str, str] = {}
        for _, chunks, _, _ in pending.notices:
            for c in chunks:
                if c.embed_key != NO_VECTOR:  # a chunk left out of the dense index
                    wanted.setdefault(c.embed_key, c.embed_text)
        have = self.vectors.existing(list(wanted))
        self.reused += len(wanted) - len(wanted.keys() - have)
        self._embed({k: t for k, t in wanted.items() if k not in have})
        for notice, chunks, kind, fingerprint in pending.notices:
            found = self._found.pop(notice.source)  # extracted before anything is written
            self.store.put(notice, chunks, {FACT_NAME: (parser_hash(), found)})
            self._record(notice, fingerprint)
            self.report[kind].append(notice.source)
        pending.notices.clear()

    def _embed(self, texts: dict[str, str]) -> None:
        if not texts:
            return
        keys = list(texts)
        vectors = self.embedder.embed([texts[k] for k in keys])
        self.vectors.add(keys, [texts[k] for k in keys], vectors)
        self.store.put_vectors(self.embedder.name, keys, vectors)
        self.embedded += len(keys)

    def _prune(self, present: set[str]) -> None:
        for notice in self.store.notices():
            if notice.source not in present:
                self.store.delete(notice.id)
                self.report["pruned"].append(notice.source)

    def _reconcile(self) -> None:
        """Make Chroma hold exactly the embeddings committed chunks use: drop the ones left
        by an update or an interrupted run, embed again any that Chroma lost (a server
        whose data was reset, a vector folder deleted to repair it)."""
        stored = self.vectors.all_keys()
        needed = self.store.embed_keys()
        if stored - needed:
            self.vectors.delete(sorted(stored - needed))
        self.store.drop_unused_vectors()
        missing = needed - stored
        if missing:
            notices = {n.id: n for n in self.store.notices()}
            chunks = self.store.chunks(notices)
            self._embed({c.embed_key: c.embed_text for c in chunks if c.embed_key in missing})
