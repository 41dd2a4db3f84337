"""Many users at once against a real `vacancy serve`: errors, mixed-up answers, latency.

    .venv/bin/python benchmarks/load.py --index-dir DIR [--users 20] [--questions 5]
                                        [--port 7861] [--seed 13] [--chroma-host H --chroma-port P]

Starts `vacancy serve` on 127.0.0.1 (a subprocess, over the index in DIR, which must exist:
build it with `vacancy ingest` first), then:
1. a baseline: every question asked once, one at a time, through gradio_client (after
   one untimed warm-up question);
2. the load: `--users` gradio_client clients in threads, each asking its `--questions`
   questions in turn, all users at once.
Printed: errors (any exception, or an answer without text), mismatches (an answer under
load whose text or cited notices differ from the baseline answer to the same question —
an answer mixed up with another user's would show here), and p50/p95/max latency of the
baseline and of the load. Questions are generated from the indexed notices' own titles
(templates × titles drawn with a fixed seed), so they name notices of the index. Left out:
the browser page (only the `ask` API is driven) and streaming.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATES = ["When does the {t} post close?", "Which languages are required for the {t}?",
             "What degree does the {t} require?", "How many years of experience does the {t} need?",
             "Who does the {t} report to?", "What would I do as the {t}?"]


def main(argv=None) -> int:
    args = _args(argv)
    questions = _questions(args.index_dir, args.users * args.questions, args.seed)
    server = _serve(args)
    try:
        url = f"http://127.0.0.1:{args.port}/"
        baseline, base_times, base_errors = _baseline(url, sorted(set(questions)))
        plan = [questions[i::args.users] for i in range(args.users)]
        results, times, errors = _load(url, plan)
    finally:
        server.terminate()
        server.wait(timeout=30)
    mismatches = [q for q, a in results if q in baseline and a != baseline[q]]
    print(f"index: {args.index_dir} ({_count(args.index_dir)} notices); users {args.users} x "
          f"{args.questions} questions ({len(set(questions))} distinct)")
    print(f"baseline (one at a time): {len(base_times)} answers, {len(base_errors)} errors, "
          f"{_figures(base_times)}")
    print(f"load ({args.users} users at once): {len(times)} answers, {len(errors)} errors, "
          f"{len(mismatches)} mismatches, {_figures(times)}")
    for e in (base_errors + errors)[:5]:
        print(f"  error: {e}")
    for q in mismatches[:5]:
        print(f"  mismatch: {q}")
    return 1 if errors or base_errors or mismatches else 0


def _args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--index-dir", type=Path, required=True)
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--questions", type=int, default=5, help="per user")
    p.add_argument("--port", type=int, default=0, help="default: a free port")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--chroma-host")
    p.add_argument("--chroma-port", type=int, help="default: the setting's")
    args = p.parse_args(argv)
    if not (args.index_dir / "notices.sqlite3").exists():
        p.error(f"no index in {args.index_dir}; run `vacancy ingest` with VACANCY_INDEX_DIR first")
    args.port = args.port or _free_port()
    return args


def _questions(index_dir: Path, n: int, seed: int) -> list[str]:
    from index.store import Store

    titles = sorted({t for (t,) in Store(index_dir).db.execute(
        "SELECT json_extract(meta, '$.title') FROM notices") if t})
    rng = random.Random(seed)
    return [rng.choice(TEMPLATES).format(t=rng.choice(titles)) for _ in range(n)]


def _count(index_dir: Path) -> int:
    from index.store import Store

    return Store(index_dir).db.execute("SELECT count(*) FROM notices").fetchone()[0]


def _serve(args) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VACANCY_")}
    env.update(VACANCY_INDEX_DIR=str(args.index_dir), HF_HUB_OFFLINE="1",
               ANONYMIZED_TELEMETRY="False", GRADIO_ANALYTICS_ENABLED="False",
               PYTHONPATH=str(ROOT))
    if args.chroma_host:
        env.update(VACANCY_CHROMA_HOST=args.chroma_host)
    if args.chroma_port:
        env.update(VACANCY_CHROMA_PORT=str(args.chroma_port))
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(args.port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300  # a bound on a server that never starts
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=2):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("vacancy serve did not start")


def _ask(client, question: str) -> tuple[str, tuple[str, ...]]:
    answer = client.predict(question, [], api_name="/ask")
    if not answer.get("answer"):
        raise ValueError(f"an answer without text: {answer}")
    return answer["answer"], tuple(c["notice_id"] for c in answer["citations"])


def _baseline(url: str, questions: list[str]):
    from gradio_client import Client

    client, answers, times, errors = Client(url, verbose=False), {}, [], []
    _ask(client, questions[0])  # warm-up (models and requirements load on first use), not timed
    for q in questions:
        start = time.perf_counter()
        try:
            answers[q] = _ask(client, q)
            times.append(time.perf_counter() - start)
        except Exception as err:  # noqa: BLE001 — every failure is counted and shown
            errors.append(f"{q}: {type(err).__name__}: {err}")
    return answers, times, errors


def _load(url: str, plan: list[list[str]]):
    from gradio_client import Client

    results, times, errors, lock = [], [], [], threading.Lock()
    start_all = threading.Barrier(len(plan))

    def user(questions: list[str]) -> None:
        client = Client(url, verbose=False)
        start_all.wait()
        for q in questions:
            start = time.perf_counter()
            try:
                answer = _ask(client, q)
                with lock:
                    results.append((q, answer))
                    times.append(time.perf_counter() - start)
            except Exception as err:  # noqa: BLE001
                with lock:
                    errors.append(f"{q}: {type(err).__name__}: {err}")

    threads = [threading.Thread(target=user, args=(qs,)) for qs in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, times, errors


def _figures(times: list[float]) -> str:
    if not times:
        return "no answers"
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (f"p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s, "
            f"max {ordered[-1]:.2f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
