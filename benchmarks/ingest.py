"""Ingest and retrieval benchmark: a fresh index over the given folders, with the real
default model and the embedded Chroma, then retrieval latency over generated queries.

    .venv/bin/python benchmarks/ingest.py ../shared/corpus/scale notices [--json out.json]

Prints a table: notices, chunks, throughput, embeddings computed vs reused, rejects with
their reasons, ingest wall time, peak RSS, retriever build time, search latency p50/p95
(hybrid, dense, sparse, and hybrid filtered to one notice), and a second ingest of the
same folders (the incremental path). `--profile FILE` runs the first ingest under cProfile.
Queries are 20 question templates x titles of the indexed notices, drawn with `--seed`.
Left out: a Chroma server (embedded Chroma only), concurrent queries, the answer composer
(this times `Library.ingest` and `Library.search` only).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ingest_s": 600.0, "hybrid_p95_ms": 100.0, "peak_rss_mb": 2048.0}

# Questions people ask about a vacancy; {t} is a job title taken from the indexed notices.
TEMPLATES = (
    "What are the education requirements for the {t} position?",
    "What is the deadline to apply for {t}?",
    "How many years of experience does the {t} role require?",
    "Which languages are required for {t}?",
    "What is the salary range for the {t}?",
    "Where is the {t} job located?",
    "What are the main responsibilities of the {t}?",
    "Is a master's degree required for {t}?",
    "What skills are needed for the {t} role?",
    "Who does the {t} report to?",
    "How do I apply for the {t} position?",
    "Is the {t} position full-time or part-time?",
    "What software or systems experience is needed for {t}?",
    "Does the {t} require supervisory experience?",
    "What benefits come with the {t} job?",
    "What certifications or licences are required for {t}?",
    "Can I apply for {t} with a bachelor's degree and three years of experience?",
    "What are the desirable qualifications for {t}?",
    "What grade or level is the {t} post?",
    "Which organisation is hiring a {t}?",
)


@dataclass(frozen=True)
class IngestFigures:
    files: int
    added: int
    updated: int
    unchanged: int
    rejected: int
    chunks: int
    distinct_embeddings: int
    embedded: int
    reused: int
    wall_s: float
    cpu_s: float
    load_before: float
    load_after: float
    notices_per_s: float
    chunks_per_s: float
    reject_reasons: dict[str, int]
    rejects: list[dict[str, str]]


@dataclass(frozen=True)
class Latency:
    mode: str
    queries: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float


# -- setup ------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dirs", nargs="+", type=Path, help="folders (or files) of notices")
    p.add_argument("--index-dir", type=Path,
                   help="where to build the index (must be empty or absent; default: a "
                        "temporary folder, removed at the end)")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    p.add_argument("--queries", type=int, default=200, help="queries per mode (default 200)")
    p.add_argument("--seed", type=int, default=13, help="seed for the generated queries")
    p.add_argument("--model", default=None, help="embedding model (default: the project's)")
    p.add_argument("--backend", default=None,
                   help="embedding backend: onnx, torch or onnx-int8 (default: the project's)")
    p.add_argument("--limit", type=int, help="only the first N files found (sorted by path)")
    p.add_argument("--compare-naive", action="store_true",
                   help="time the naive peer against the project instead (benchmarks/naive.py)")
    p.add_argument("--rounds", type=int, default=1,
                   help="with --compare-naive: rounds of peer, project, project, peer")
    p.add_argument("--no-gold", action="store_true",
                   help="with --compare-naive: skip the hit@k of both chunkings")
    p.add_argument("--profile", type=Path,
                   help="run the first ingest under cProfile; write the stats here and "
                        "print the 25 costliest functions")
    return p


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process so far (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_average() -> float:
    """The machine's 1-minute load average: other processes competing for the cores."""
    return os.getloadavg()[0]


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def make_library(index_dir: Path, model: str, backend: str):
    from assistant.settings import Settings
    from index.library import Library

    return Library(Settings(_env_file=None, index_dir=index_dir, embedding_model=model,
                            embedding_backend=backend).index_config())


def load_model(lib) -> float:
    """Load the embedding model and open Chroma before the clock starts; seconds taken."""
    start = time.perf_counter()
    lib.embedder.embed(["warm-up"])
    lib.vectors.count()
    return time.perf_counter() - start


# -- ingest -----------------------------------------------------------------------------

def reason_kind(reason: str) -> str:
    """A reject reason without its particulars (file names, sizes, parenthesised detail),
    so that equal causes are counted together."""
    head = re.split(r"[(;,]", reason, maxsplit=1)[0]
    head = re.sub(r"[\w/~-]+\.[A-Za-z][A-Za-z0-9]{0,8}\b", "FILE", head)
    return re.sub(r"\d+(\.\d+)?", "#", head).strip()


def ingest(lib, paths: list[Path], profile: Path | None = None) -> IngestFigures:
    from index.build import collect

    files = len(collect((p for p in paths if p.exists()), follow_inside=False))
    load_before, cpu_before = load_average(), cpu_seconds()
    report, wall = timed(run_ingest, lib, paths, profile)
    cpu = cpu_seconds() - cpu_before
    chunks = count_chunks(lib)
    done = len(report.added) + len(report.updated)
    seen = done + len(report.unchanged)
    return IngestFigures(
        files=files, added=len(report.added), updated=len(report.updated),
        unchanged=len(report.unchanged), rejected=len(report.rejected),
        chunks=chunks, distinct_embeddings=len(lib.store.embed_keys()),
        embedded=report.embedded, reused=report.reused, wall_s=wall, cpu_s=cpu,
        load_before=load_before, load_after=load_average(),
        notices_per_s=seen / wall if wall else 0.0,
        chunks_per_s=chunks / wall if wall and done else 0.0,
        reject_reasons=dict(Counter(reason_kind(r.reason) for r in report.rejected)
                            .most_common()),
        rejects=[{"path": r.path, "reason": r.reason} for r in report.rejected],
    )


def run_ingest(lib, paths: list[Path], profile: Path | None):
    """`Library.ingest`, under cProfile when `profile` names a stats file (the 25
    costliest functions by cumulative time go to stderr)."""
    if not profile:
        return lib.ingest(paths)
    prof = cProfile.Profile()
    report = prof.runcall(lib.ingest, paths)
    prof.dump_stats(profile)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return report


def count_chunks(lib) -> int:
    """Chunks of every indexed notice (read from the store, not from the retriever, so
    the retriever's build is still timed by the first search)."""
    return len(lib.store.chunks({n.id: n for n in lib.notices()}))


# -- retrieval --------------------------------------------------------------------------

def make_queries(notices, n: int, seed: int) -> list[tuple[str, str]]:
    """`n` (query, notice id) pairs: templates × titles of the indexed notices, drawn
    with a fixed seed. Notices without a title are left out."""
    titled = sorted(((nt.title.strip(), nt.id) for nt in notices if nt.title), key=str)
    if not titled:
        raise SystemExit("no indexed notice has a title; cannot generate queries")
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        title, nid = rng.choice(titled)
        out.append((rng.choice(TEMPLATES).format(t=title), nid))
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def summarise(label: str, times_ms: list[float]) -> Latency:
    return Latency(label, len(times_ms), percentile(times_ms, 50), percentile(times_ms, 95),
                   sum(times_ms) / len(times_ms), max(times_ms))


def search_latencies(lib, queries: list[tuple[str, str]]) -> list[Latency]:
    """`Library.search` (k=5) per mode over all notices, and hybrid filtered to the notice
    whose title the query names; the modes take turns query by query, so that a busy
    moment of the machine weighs on all of them alike."""
    modes = {"hybrid": lambda q, n: lib.search(q, 5, None, "hybrid"),
             "dense": lambda q, n: lib.search(q, 5, None, "dense"),
             "sparse": lambda q, n: lib.search(q, 5, None, "sparse"),
             "hybrid, one notice": lambda q, n: lib.search(q, 5, [n], "hybrid")}
    times: dict[str, list[float]] = {m: [] for m in modes}
    for query, nid in queries:
        for mode, call in modes.items():
            times[mode].append(timed(call, query, nid)[1] * 1000)
    return [summarise(m, t) for m, t in times.items()]


def part_latencies(lib, queries: list[tuple[str, str]]) -> list[Latency]:
    """The parts of a search, timed alone: embedding the query, the Chroma nearest-
    neighbour query (50 candidates, as the retriever asks), BM25 scoring of all chunks."""
    times: dict[str, list[float]] = {"part: embed query": [], "part: Chroma query": [],
                                     "part: BM25 scores": []}
    for query, _ in queries:
        vectors, took = timed(lib.embedder.embed, [query])
        times["part: embed query"].append(took * 1000)
        times["part: Chroma query"].append(timed(lib.vectors.query, vectors[0], 50)[1] * 1000)
        times["part: BM25 scores"].append(timed(lib.retriever.sparse.scores, query)[1] * 1000)
    return [summarise(m, t) for m, t in times.items()]


def retrieval(lib, n: int, seed: int) -> tuple[float, list[Latency]]:
    """Seconds for the first search (builds the retriever: notices, chunks, BM25), then
    latency of `n` queries per mode, and of the parts of a search."""
    queries = make_queries(lib.notices(), n + 1, seed)
    _, build = timed(lib.search, queries[0][0])
    return build, search_latencies(lib, queries[1:]) + part_latencies(lib, queries[1:])


# -- output -----------------------------------------------------------------------------

def rows_ingest(label: str, f: IngestFigures) -> list[tuple[str, str]]:
    rows = [
        (f"{label}: files found", f"{f.files}"),
        (f"{label}: added / updated / unchanged",
         f"{f.added} / {f.updated} / {f.unchanged}"),
        (f"{label}: rejected", f"{f.rejected}"),
    ]
    for kind, count in f.reject_reasons.items():
        example = next(r["path"] for r in f.rejects if reason_kind(r["reason"]) == kind)
        rows.append((f"    {kind}", f"{count}  (e.g. {example})"))
    rows += [
        (f"{label}: chunks in index", f"{f.chunks}"),
        (f"{label}: distinct embeddings in index", f"{f.distinct_embeddings}"),
        (f"{label}: embedded / reused", f"{f.embedded} / {f.reused}"),
        (f"{label}: wall time (CPU time)", f"{f.wall_s:.1f} s ({f.cpu_s:.1f} s)"),
        (f"{label}: machine load before / after", f"{f.load_before:.1f} / {f.load_after:.1f}"),
        (f"{label}: notices/s, chunks/s", f"{f.notices_per_s:.2f}, {f.chunks_per_s:.1f}"),
    ]
    return rows


def table(figures: dict) -> str:
    rss = figures["peak_rss_mb"]
    rows = [("date", figures["date"]), ("machine", figures["machine"]),
            ("notices from", paths_label(figures["dirs"])),
            ("model load + Chroma open", f"{figures['model_load_s']:.1f} s"),
            ("peak RSS after model load", f"{rss['model']:.0f} MB")]
    rows += rows_ingest("ingest", IngestFigures(**figures["ingest"]))
    rows.append(("peak RSS after ingest", f"{rss['ingest']:.0f} MB"))
    rows.append(("retriever build (first search)", f"{figures['retriever_build_s']:.2f} s"))
    for lat in figures["latency"]:
        rows.append((f"{lat['mode']}: p50 / p95 (n={lat['queries']})",
                     f"{lat['p50_ms']:.1f} / {lat['p95_ms']:.1f} ms"
                     f"  (mean {lat['mean_ms']:.1f}, max {lat['max_ms']:.1f})"))
    rows += rows_ingest("re-ingest", IngestFigures(**figures["reingest"]))
    rows.append(("peak RSS (whole run)", f"{rss['end']:.0f} MB"))
    rows += [(f"target {k}", v) for k, v in figures["targets"].items()]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def verdicts(figures: dict) -> dict[str, str]:
    hybrid = next(l for l in figures["latency"] if l["mode"] == "hybrid")
    measured = {"ingest_s": figures["ingest"]["wall_s"], "hybrid_p95_ms": hybrid["p95_ms"],
                "peak_rss_mb": figures["peak_rss_mb"]["end"]}
    return {k: f"{measured[k]:.1f} vs ≤ {limit:g}: {'met' if measured[k] <= limit else 'MISSED'}"
            for k, limit in TARGETS.items()}


def paths_label(paths: list[str]) -> str:
    return ", ".join(paths) if len(paths) <= 3 else f"{len(paths)} paths ({paths[0]}, ...)"


def machine() -> str:
    import torch

    return (f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"torch {torch.__version__} ({torch.get_num_threads()} threads)")


# -- main -------------------------------------------------------------------------------

def run(args, index_dir: Path) -> dict:
    lib = make_library(index_dir, args.model, args.backend)
    model_s = load_model(lib)
    rss = {"model": peak_rss_mb()}
    first = ingest(lib, args.dirs, args.profile)
    rss["ingest"] = peak_rss_mb()
    build_s, latency = retrieval(lib, args.queries, args.seed)
    rss["search"] = peak_rss_mb()
    again = ingest(lib, args.dirs)
    rss["end"] = peak_rss_mb()
    figures = {
        "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(),
        "dirs": [str(d) for d in args.dirs], "model": args.model,
        "model_load_s": model_s, "ingest": asdict(first), "retriever_build_s": build_s,
        "latency": [asdict(l) for l in latency], "reingest": asdict(again),
        "peak_rss_mb": rss,
    }
    figures["targets"] = verdicts(figures)
    return figures


def check_index_dir(path: Path) -> None:
    if path.exists() and any(path.iterdir()):
        raise SystemExit(f"{path} is not empty; the benchmark needs a fresh index folder")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from assistant.settings import set_environment

    set_environment()
    from index.build import collect
    from assistant.settings import Settings

    defaults = Settings(_env_file=None)
    args.model = args.model or defaults.embedding_model
    args.backend = args.backend or defaults.embedding_backend
    if args.limit:
        args.dirs = collect(args.dirs, follow_inside=False)[:args.limit]
    if args.compare_naive:
        from naive import compare

        return compare(args, collect(args.dirs, follow_inside=False))
    if args.index_dir:
        check_index_dir(args.index_dir)
        figures = run(args, args.index_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="vacancy-bench-") as tmp:
            figures = run(args, Path(tmp))
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
