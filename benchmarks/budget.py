"""What the per-file parse-time budget costs (`index.budget`, `VACANCY_PARSE_SECONDS`).

Reads every file of `tests/data/corpus` (load, repair, parse, requirements: what ingest
does per file before embedding) three ways, alternating: in this process (budget off,
`VACANCY_PARSE_SECONDS=0`) and in the worker process (budget on), and prints wall seconds
per round and per file, and the worker's one-time start-up (spawn and parser warm-up, paid
once per process), and what the pipe costs per notice without the noise of parsing. Run: `.venv/bin/python benchmarks/budget.py [rounds]`. Left out:
embedding and storing, which the budget does not touch (see `benchmarks/ingest.py`).
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.budget import shared_worker  # noqa: E402
from index.build import read_file  # noqa: E402
from index.errors import RejectedFile  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def _bounds():
    """The default Settings' file bounds, read in the calling process (no parse budget)."""
    config = Settings(_env_file=None).index_config()
    return config.max_file_bytes, replace(config.limits, parse_seconds=None)


def read_all(files: list[Path], in_worker: bool) -> float:
    t0 = time.perf_counter()
    for path in files:
        args = (path, *_bounds())
        try:
            if in_worker:
                shared_worker().run(read_file, args, 300, path.name)
            else:
                read_file(*args)
        except RejectedFile:
            pass
    return time.perf_counter() - t0


def _read_or_none(path: Path):
    try:
        return read_file(path, *_bounds())
    except RejectedFile:
        return None


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    files = sorted(p for p in (ROOT / "tests" / "data" / "corpus").iterdir() if p.is_file())
    t0 = time.perf_counter()
    shared_worker().run(len, ("warm",), 300, "start-up")
    print(f"worker start-up (spawn, imports, parser warm-up): {time.perf_counter() - t0:.2f} s, once")
    read_all(files[:3], False)  # this process's patterns compiled too
    here, there = [], []
    for _ in range(rounds):
        here.append(read_all(files, False))
        there.append(read_all(files, True))
    n = len(files)
    for label, times in (("in this process (budget off)", here), ("in the worker (budget on)", there)):
        med = statistics.median(times)
        print(f"{label:30} {n} files: median {med:.2f} s ({1000 * med / n:.1f} ms/file); "
              f"rounds {', '.join(f'{t:.2f}' for t in times)}")
    readings = [item for item in map(_read_or_none, files) if item]
    t0 = time.perf_counter()
    for item in readings:
        shared_worker().run(tuple, (item,), 300, "round trip")
    trip = (time.perf_counter() - t0) / len(readings)
    print(f"pipe: a read notice and its requirements sent to the worker and back: "
          f"{1000 * trip:.2f} ms (a budgeted read sends it one way)")
    diff = statistics.median(there) - statistics.median(here)
    print(f"overhead: {diff:+.2f} s per {n} files ({1000 * diff / n:+.1f} ms/file, "
          f"{100 * diff / statistics.median(here):+.1f}%)")


if __name__ == "__main__":
    main()
