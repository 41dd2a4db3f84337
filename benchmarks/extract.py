"""Requirement extraction time against text length (issue 14: it must grow linearly).

Concatenates the repaired texts of the corpus notices in `tests/data/corpus/` into texts
of 0.25, 0.5, 1, 2 and 4 MB, reads each through `load_bytes` with the character limit
raised through the settings (`VACANCY_MAX_NOTICE_CHARS`, which ingest keeps at 100,000),
parses it and times `extract_requirements`, printing wall seconds, seconds per MB and CPU
seconds per MB (linear growth: the same s/MB at every size; CPU time is the steadier figure
on a shared machine). Run: `.venv/bin/python benchmarks/extract.py`.
Left out: file reading and format detection (timed by `benchmarks/ingest.py`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings  # noqa: E402
from evals.understanding.validate import repaired_text  # noqa: E402
from index.build import parse_notice  # noqa: E402
from index.load import load_bytes  # noqa: E402
from index.requirements import extract_requirements  # noqa: E402

SIZES_MB = (0.25, 0.5, 1, 2, 4)


def corpus_text() -> str:
    files = sorted(p for p in (ROOT / "tests" / "data" / "corpus").iterdir() if p.suffix in (".txt", ".html", ".md"))
    return "\n\n".join(repaired_text(p) for p in files)


def main() -> None:
    base = corpus_text()
    limits = Settings(max_notice_chars=int(max(SIZES_MB) * 1_100_000)).index_config().limits
    extract_requirements(parse_notice("warm-up.txt", base[:20_000]))  # patterns compiled, untimed
    print(f"corpus text: {len(base):,} characters from tests/data/corpus")
    print(f"{'MB':>5} {'parse s':>8} {'extract s':>10} {'extract s/MB':>13} {'cpu s/MB':>9} "
          f"{'requirements':>13}")
    for mb in SIZES_MB:
        n = int(mb * 1_000_000)
        text = (base * (n // len(base) + 1))[:n]
        t0 = time.perf_counter()
        notice = parse_notice("bench.txt", load_bytes("bench.txt", text.encode(), limits).text)
        t1, c1 = time.perf_counter(), time.process_time()
        found = extract_requirements(notice)
        t2, c2 = time.perf_counter(), time.process_time()
        print(f"{mb:>5} {t1 - t0:>8.2f} {t2 - t1:>10.2f} {(t2 - t1) / mb:>13.2f} {(c2 - c1) / mb:>9.2f} "
              f"{len(found):>13,}")

if __name__ == "__main__":
    main()
