"""Answer latency in-process once the index is loaded: p50/p95 of `Assistant.ask` per
question kind over a fixed mix (facts, requirements, eligibility, comparison, open,
follow-ups), load time and peak RSS; optionally the cold start of `vacancy ask` in a
fresh process, and a synthetic index of N notices.

    .venv/bin/python benchmarks/answer.py [DIR ...] [--rounds 10]
    .venv/bin/python benchmarks/answer.py --index-dir /tmp/idx1400 --cold 3
    .venv/bin/python benchmarks/answer.py --index-dir /tmp/idx1400 --synthetic 10000

An `--index-dir` that already holds notices is used as it is (nothing ingested); else
DIRs (default notices/) are ingested into it (or into a temporary folder).
`--synthetic N` copies that index into a temporary folder (under /tmp, never the repo)
and adds copies of its notices, each with a perturbed title (a seniority word put
before it) and another duty station, until it holds N notices. Synthetic copies keep
the original's text, chunks (so their embeddings, which Chroma holds once), requirement
records, card embedding and card (with the new title and duty station; the country
stays the original's): they are for timing, not for accuracy.
Load is timed twice in-process: the first `Assistant` (cards and card embeddings made
and stored where missing) and a second one on a fresh `Library` (read back from the
store). `--cold K` runs `vacancy ask` in new processes (imports included), K rounds of one
question of each kind (`COLD_QUESTIONS`), printing wall and CPU seconds.
Left out: a Chroma server, answers' correctness (evals/ measure that).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
COLD_QUESTION = "When does the Pretoria post close?"
SENIORITY = ("Senior", "Associate", "Deputy", "Principal", "Assistant", "Regional", "Junior",
             "Chief", "Lead", "Field")
PLACES = ("Nairobi, Kenya", "Dhaka, Bangladesh", "Amman, Jordan", "Bogotá, Colombia",
          "Kabul, Afghanistan", "Juba, South Sudan", "Maputo, Mozambique", "Yangon, Myanmar",
          "Geneva, Switzerland", "Bangkok, Thailand", "Dakar, Senegal", "Panama City, Panama",
          "Beirut, Lebanon", "Kampala, Uganda", "Lima, Peru", "Manila, Philippines",
          "Addis Ababa, Ethiopia", "Cairo, Egypt", "Islamabad, Pakistan", "Kinshasa, DR Congo")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load() -> str:
    return "load " + " / ".join(f"{x:.1f}" for x in os.getloadavg())


# -- the index ----------------------------------------------------------------------------

def has_notices(index_dir: Path) -> bool:
    from index.store import FILE_NAME

    return (index_dir / FILE_NAME).exists()


def synthesize(source: Path, target: Path, n: int, seed: int = 10) -> int:
    """`target` = a copy of the index `source` plus copies of its notices (perturbed
    title and duty station, see the module docstring) up to `n` notices; returns how
    many were added."""
    from dataclasses import replace

    from index.store import Store, _dump_meta, _dump_sections

    shutil.copytree(source, target)
    store = Store(target)
    base = store.notices()
    rows = {nid: list(store.db.execute('SELECT section, start, "end", embed_key FROM chunks '
                                       "WHERE notice_id = ?", (nid,))) for nid in (b.id for b in base)}
    facts = {nid: list(store.db.execute("SELECT name, version, body FROM facts WHERE notice_id = ? "
                                        "AND name IN ('requirements', 'card_vector', 'card')", (nid,)))
             for nid in rows}
    rng = random.Random(seed)
    added = 0
    with store.transaction() as db:
        for i in range(max(0, n - len(base))):
            o = base[i % len(base)]
            nid = hashlib.sha256(f"{o.id}:{i}".encode()).hexdigest()[:16]
            title = f"{rng.choice(SENIORITY)} {o.title or o.stem}"
            place = rng.choice([p for p in PLACES if p != o.duty_station])
            meta = replace(o.meta, title=title, duty_station=place)
            db.execute("INSERT INTO notices (id, source, text, sections, meta) VALUES (?, ?, ?, ?, ?)",
                       (nid, f"synthetic-{i:05d}-{o.source}", o.text, _dump_sections(o.sections),
                        _dump_meta(meta)))
            db.executemany('INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)',
                           [(hashlib.sha256(f"{nid}:{s}:{e}".encode()).hexdigest()[:20], nid, sec, s, e, k)
                            for sec, s, e, k in rows[o.id]])
            db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)",
                           [(nid, name, version, _copied(name, body, o.id, nid, title, place))
                            for name, version, body in facts[o.id]])
            added += 1
    store.close()
    return added


def _copied(name: str, body: str, old_id: str, new_id: str, title: str, place: str) -> str:
    """A derived fact of the original for its copy: the card gets the perturbed title and
    duty station (its country stays the original's)."""
    import json

    if name != "card":
        return body.replace(old_id, new_id)
    card = json.loads(body)
    card.update(notice_id=new_id, title=title, duty_station=place)
    return json.dumps(card)


# -- timing -------------------------------------------------------------------------------

def first_answer(index_dir: Path):
    """A new Library and Assistant on `index_dir`, and the seconds to its first answer."""
    from assistant.pipeline import Assistant
    from assistant.settings import Settings
    from index.library import Library

    start = time.perf_counter()
    helper = Assistant(Library(Settings(_env_file=None, index_dir=index_dir).index_config()))
    helper.ask(COLD_QUESTION)
    return helper, time.perf_counter() - start


def latencies(helper, rounds: int) -> tuple[list[float], dict[str, list[float]], dict[str, list[float]]]:
    from assistant.route import route_turn

    for q, h in QUESTIONS:                       # warm-up: requirements, retriever
        helper.ask(q, h)
    times: list[float] = []
    by_question: dict[str, list[float]] = {}
    by_kind: dict[str, list[float]] = {}
    for _ in range(rounds):
        for q, h in QUESTIONS:
            start = time.perf_counter()
            helper.ask(q, h)
            ms = (time.perf_counter() - start) * 1000
            times.append(ms)
            by_question.setdefault(q[:50], []).append(ms)
            by_kind.setdefault(route_turn(q, tuple(h)).kind, []).append(ms)
    return times, by_kind, by_question


COLD_QUESTIONS = (  # one of each kind that reads differently: facts, requirements, eligibility, open
    ("fact", COLD_QUESTION),
    ("languages", "Which languages are required for the Haiti post?"),
    ("eligibility", "I have a bachelor's and 6 years of police work — can I apply for the P-3 in Laayoune?"),
    ("open", "Is there housing for the Pretoria post?"),
    ("open", "What would I do day to day as the Haiti chief security officer?"),
    ("open", "Does the Haiti post offer relocation support?"),
)


def cold_starts(index_dir: Path, runs: int) -> list[float]:
    """Wall (and CPU) seconds of `vacancy ask` in a new process for each of COLD_QUESTIONS,
    `runs` rounds; the search index is kept first, as `vacancy ingest` leaves it."""
    from assistant.settings import Settings
    from index.library import Library

    Library(Settings(_env_file=None, index_dir=index_dir).index_config()).prepare_search()
    env = {**os.environ, "VACANCY_INDEX_DIR": str(index_dir), "HF_HUB_OFFLINE": "1",
           "ANONYMIZED_TELEMETRY": "False"}
    exe = Path(sys.executable).parent / "vacancy"
    out = []
    for _ in range(runs):
        for kind, question in COLD_QUESTIONS:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(exe), "ask", question], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            print(f"cold `vacancy ask` ({kind}): {out[-1]:.2f} s, CPU {cpu:.2f} s  "
                  f"({load()})  {question[:50]}", flush=True)
    return out


def report(helper, rounds: int, first_s: float, again_s: float) -> None:
    print(f"load: first Assistant {first_s:.2f} s (derived data made where missing), "
          f"second {again_s:.2f} s (read from the store)  peak RSS {rss_mb():.0f} MB  ({load()})",
          flush=True)
    times, by_kind, by_question = latencies(helper, rounds)
    print(f"notices {len(helper.notices)}  questions {len(QUESTIONS)}  rounds {rounds}  answers {len(times)}")
    print(f"answer latency  p50 {statistics.median(times):.1f} ms  p95 {percentile(times, 95):.1f} ms  "
          f"max {max(times):.1f} ms  peak RSS {rss_mb():.0f} MB  ({load()})")
    for kind, ms in sorted(by_kind.items()):
        print(f"  {kind:12} p50 {statistics.median(ms):7.1f} ms  p95 {percentile(ms, 95):7.1f} ms  (n={len(ms)})")
    for q, ms in sorted(by_question.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {statistics.median(ms):7.1f} ms  {q}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "notices"])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--synthetic", type=int, help="time a synthetic index of this many notices")
    parser.add_argument("--cold", type=int, default=0, help="runs of `vacancy ask` in a new process")
    args = parser.parse_args()
    from assistant.settings import Settings, set_environment

    set_environment()
    index_dir = args.index_dir or Path(tempfile.mkdtemp(prefix="answer-bench-"))
    if not has_notices(index_dir):
        from index.library import Library

        Library(Settings(_env_file=None, index_dir=index_dir).index_config()).ingest(args.dirs)
    with tempfile.TemporaryDirectory(prefix="answer-synthetic-", dir="/tmp") as tmp:
        if args.synthetic:
            start = time.perf_counter()
            added = synthesize(index_dir, Path(tmp) / "index", args.synthetic)
            index_dir = Path(tmp) / "index"
            print(f"synthetic index: {added} copies added in {time.perf_counter() - start:.1f} s", flush=True)
        if args.cold:
            first_answer(index_dir)              # cards stored, so the runs below are cold starts
            cold_starts(index_dir, args.cold)
        _, first_s = first_answer(index_dir)
        helper, again_s = first_answer(index_dir)
        report(helper, args.rounds, first_s, again_s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
