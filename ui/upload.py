"""Files dropped into the web app: a safe name, checks before anything is written, storage
under the notices folder, then the ingest of the library the app itself holds (embedded
Chroma is single-process, so the app never shells out to `vacancy ingest`).

A file is rejected before it is copied when its type is not one the loader reads, when it
is empty, or when it is over the size limit; the loader's own checks (not a notice, not
decodable, same text as an indexed notice) reject it during the ingest, and its copy is
then removed, so the notices folder holds only what the index holds. A different file
with the name of a stored one is stored as `name-2.ext` (never overwritten). Only regular
files are taken (a symbolic link is refused). When the index cannot take the files —
another process is ingesting into it (`BUSY`), or the index is unavailable — every copy
this upload made is removed again and each file is reported with that reason: nothing is
queued, the user uploads again. Left out: virus scanning and archive (.zip) uploads.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from index.errors import IndexBusy, VacancyError
from index.load import SUFFIXES

MAX_NAME = 120
BUSY = ("Another ingest is running; try again in a minute (nothing of this upload was "
        "kept)")
NOT_REGULAR = "not a regular file (a link, folder or device); only files are taken"


@dataclass(frozen=True)
class Outcome:
    name: str                 # the name the user gave
    status: str               # added, updated, unchanged, rejected
    detail: str = ""          # the reason, or where it was stored


@dataclass(frozen=True)
class _Stored:
    name: str
    path: Path
    created: bool


def safe_name(name: str) -> str:
    """A plain file name from whatever the browser sent: the last path component, ASCII
    letters (accents dropped), digits, `.`, `_` and `-` only, no leading dot, at most
    MAX_NAME characters; the suffix is kept, lower-cased."""
    stem, suffix = os.path.splitext(re.split(r"[\\/]", name or "")[-1])
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()
    stem = _clean(stem)[: MAX_NAME - len(suffix) - 1].strip("._-") or "notice"
    return f"{stem}.{suffix}" if suffix else stem


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w.-]+", "_", text, flags=re.ASCII)
    return re.sub(r"\.{2,}", ".", text).strip("._-")


def precheck(name: str, size: int, max_bytes: int) -> str | None:
    """Why a file cannot be a notice before reading it, or None."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        return (f"unsupported file type '{suffix or '(none)'}'; use "
                + ", ".join(sorted(SUFFIXES)))
    if size == 0:
        return "the file is empty"
    if size > max_bytes:
        return f"the file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB"
    return None


def _target(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Where to store `data` as `name`: the same file when identical bytes are there,
    else the first free `name`, `name-2`, … ; True when the file must be written."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for i in range(1, 1000):
        path = folder / (name if i == 1 else f"{stem}-{i}{suffix}")
        if not path.exists():
            return path, True
        if path.read_bytes() == data:
            return path, False
    raise OSError(f"too many files named like {name} in {folder}")


def store(files: Sequence[Path], folder: Path, max_bytes: int) -> list[_Stored | Outcome]:
    """Copy each acceptable file into `folder`; the others become rejected outcomes (one
    item per file, in order)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[_Stored | Outcome] = []
    for f in files:
        name = safe_name(f.name)
        if f.is_symlink() or not f.is_file():
            out.append(Outcome(f.name, "rejected", NOT_REGULAR))
            continue
        reason = precheck(name, f.stat().st_size, max_bytes)
        if reason:
            out.append(Outcome(f.name, "rejected", reason))
            continue
        data = f.read_bytes()
        path, create = _target(folder, name, data)
        if create:
            tmp = path.with_name(f".{path.name}.part")
            tmp.write_bytes(data)
            tmp.replace(path)
        out.append(_Stored(f.name, path, create))
    return out


def ingest_uploads(library, files: Sequence[Path], folder: Path,
                   progress: Callable[[Iterable], Iterable] = lambda it: it) -> list[Outcome]:
    """Store and ingest `files`; one outcome per file, in the order given."""
    items = store(files, folder, library.config.max_file_bytes)
    stored = [s for s in items if isinstance(s, _Stored)]
    if not stored:
        return list(items)
    try:
        report = library.ingest([s.path for s in stored], progress=progress)
    except VacancyError as err:  # busy or unavailable: take nothing, say why
        reason = BUSY if isinstance(err, IndexBusy) else str(err)
        for s in stored:
            if s.created:
                s.path.unlink(missing_ok=True)
        return [item if isinstance(item, Outcome) else Outcome(item.name, "rejected", reason)
                for item in items]
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    status = {name: kind for kind in ("added", "updated", "unchanged") for name in getattr(report, kind)}
    return [item if isinstance(item, Outcome) else _outcome(item, reasons, status) for item in items]


def _outcome(s: _Stored, reasons: dict[str, str], status: dict[str, str]) -> Outcome:
    if s.path.name in reasons:
        if s.created:
            s.path.unlink(missing_ok=True)
        return Outcome(s.name, "rejected", reasons[s.path.name])
    stored_as = f"stored as {s.path.name}" if s.path.name != s.name else ""
    return Outcome(s.name, status.get(s.path.name, "unchanged"), stored_as)
