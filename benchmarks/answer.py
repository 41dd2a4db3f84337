"""Answer latency in-process once the model is loaded: p50/p95 of `Assistant.ask` over a
fixed mix of questions (facts, requirements, eligibility, comparison, open, follow-ups)
against an index of the given notices (default: notices/).

    .venv/bin/python benchmarks/answer.py [DIR ...] [--rounds 10] [--index-dir DIR]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.pipeline import Assistant  # noqa: E402
from assistant.route import route_turn  # noqa: E402
from assistant.settings import Settings, set_environment  # noqa: E402
from index.library import Library  # noqa: E402

QUESTIONS = [
    ("When does the Pretoria post close?", []),
    ("What is the grade of the Laayoune job?", []),
    ("What education does the Protection Coordination Officer need?", []),
    ("Which languages are required for the Haiti post?", []),
    ("I have a bachelor's and 6 years of police work — can I apply for the P-3 in Laayoune?", []),
    ("Which could I apply for with a master's and 8 years in security, fluent English?", []),
    ("Which notices require SCP?", []),
    ("Which closes first?", []),
    ("Who does the Protection Coordination Officer report to?", []),
    ("What would I do day to day as the Haiti chief security officer?", []),
    ("Is there housing for the Pretoria post?", []),
    ("And how much experience do I need?", ["What languages does the Laayoune post require?"]),
    ("What about the one in Pretoria?", ["What languages does the Laayoune post require?"]),
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=[Path("notices")])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--index-dir", type=Path)
    args = parser.parse_args()
    set_environment()
    index_dir = args.index_dir or Path(tempfile.mkdtemp(prefix="answer-bench-"))
    library = Library(Settings(_env_file=None, index_dir=index_dir).index_config())
    library.ingest(args.dirs)
    helper = Assistant(library)
    load_start = time.perf_counter()
    helper.ask(*QUESTIONS[0])                    # load: notices, cards, card vectors, BM25, model
    load_s = time.perf_counter() - load_start
    for q, h in QUESTIONS:                       # warm-up: requirements cache, retriever
        helper.ask(q, h)
    by_kind: dict[str, list[float]] = {}
    kinds: dict[str, list[float]] = {}
    times: list[float] = []
    for _ in range(args.rounds):
        for q, h in QUESTIONS:
            start = time.perf_counter()
            helper.ask(q, h)
            ms = (time.perf_counter() - start) * 1000
            times.append(ms)
            by_kind.setdefault(q[:40], []).append(ms)
            kinds.setdefault(route_turn(q, tuple(h)).kind, []).append(ms)
    print(f"notices {len(helper.notices)}  questions {len(QUESTIONS)}  rounds {args.rounds}  answers {len(times)}")
    print(f"answer latency  p50 {statistics.median(times):.1f} ms  p95 {percentile(times, 95):.1f} ms  "
          f"max {max(times):.1f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load (first answer) {load_s:.1f} s   peak RSS {rss:.0f} MB")
    for kind, ms in sorted(kinds.items()):
        print(f"  {kind:12} p50 {statistics.median(ms):7.1f} ms  p95 {percentile(ms, 95):7.1f} ms  (n={len(ms)})")
    for q, ms in sorted(by_kind.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {statistics.median(ms):7.1f} ms  {q}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
