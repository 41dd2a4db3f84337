"""Ingest against the naive peer, side by side in one process (`ingest.py --compare-naive`).

    .venv/bin/python benchmarks/ingest.py --compare-naive ../shared/corpus/notices notices
    .venv/bin/python benchmarks/ingest.py --compare-naive ../shared/corpus/scale --limit 300

The naive peer is what a user would build in ten lines: each file's text (read by the
project's loader, so HTML and PDF give text too, but neither repaired nor parsed) cut by
LangChain's `RecursiveCharacterTextSplitter` (1000/200), embedded by sentence-transformers
(torch, batch 32) with the same all-MiniLM-L6-v2, and `add`ed to a fresh Chroma
collection. The project is `Library.ingest` into a fresh index with the backend given
(`--backend`, default the project's default). Both models are loaded before any clock
starts. Runs alternate peer, project, project, peer (× `--rounds`), each into a new folder,
so a busy moment of the machine weighs on both. Printed: each run's wall time, chunks
embedded, peak RSS during the run (Linux: the high-water mark is reset before each run),
the machine's load, the tokens each embedded (counted after the runs), the ratio of mean
times (peer / project), then retrieval hit@k of
both chunkings on the gold questions (`evals/datasets`, over the notices `evals/datasets/notices.txt` lists), filtered to
each case's notices as `vacancy eval` does: the project through `Library.search` (hybrid
and dense), the peer through its Chroma similarity search.
Left out: the project's re-ingest and search latency (`ingest.py` without the flag).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "datasets"
GOLD_NOTICES = GOLD / "notices.txt"  # a list of the files, kept in notices/ and tests/data/corpus
HIT_KS = (1, 5, 10)


@dataclass(frozen=True)
class Run:
    who: str
    wall_s: float
    chunks: int
    peak_rss_mb: float | None
    load: float
    folder: Path


def reset_peak_rss() -> bool:
    """Reset the kernel's high-water mark of this process's RSS (Linux only)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_since_reset() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class Peer:
    """The naive ingest; `model` is a loaded SentenceTransformer."""

    def __init__(self, model, max_bytes: int, limits):
        self.model, self.max_bytes, self.limits = model, max_bytes, limits

    def texts(self, files: list[Path]) -> list[tuple[str, str]]:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from index.errors import RejectedFile
        from index.load import load

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        out = []
        for f in files:
            try:
                text = load(f, self.max_bytes, self.limits).text
            except RejectedFile:
                continue
            out += [(f.name, piece) for piece in splitter.split_text(text)]
        return out

    def ingest(self, files: list[Path], folder: Path) -> int:
        collection = chroma_collection(folder, "naive")
        pieces = self.texts(files)
        for i in range(0, len(pieces), 256):
            batch = pieces[i:i + 256]
            docs = [t for _, t in batch]
            vectors = self.model.encode(docs, batch_size=32, normalize_embeddings=True,
                                        show_progress_bar=False, convert_to_numpy=True)
            collection.add(ids=[hashlib.sha256(f"{n}:{i + j}".encode()).hexdigest()[:24]
                                for j, (n, _) in enumerate(batch)],
                           documents=docs, embeddings=vectors,
                           metadatas=[{"source": n} for n, _ in batch])
        return len(pieces)


def chroma_collection(folder: Path, name: str):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    return client.get_or_create_collection(name, embedding_function=None,
                                           configuration={"hnsw": {"space": "cosine"}})


def project_ingest(embedder, files: list[Path], folder: Path) -> int:
    from assistant.settings import Settings
    from index.library import Library

    lib = Library(Settings(_env_file=None, index_dir=folder).index_config(), embedder=embedder)
    report = lib.ingest(files)
    lib.store.close()
    return report.embedded


def timed_run(who: str, fn, files: list[Path], tmp: Path) -> Run:
    folder = Path(tempfile.mkdtemp(prefix=f"{who}-", dir=tmp))
    reset = reset_peak_rss()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    chunks = fn(files, folder)
    wall = time.perf_counter() - start
    return Run(who, wall, chunks, peak_rss_since_reset() if reset else None, load, folder)


def tokens(st_model, texts: list[str]) -> int:
    """Tokens the model reads for `texts` ([CLS] and [SEP] counted, each text capped at
    the model's maximum length), counted after the clocks have stopped."""
    cap = st_model.max_seq_length
    ids = st_model.tokenizer(texts, add_special_tokens=True)["input_ids"] if texts else []
    return sum(min(len(i), cap) for i in ids)


def project_texts(folder: Path) -> list[str]:
    """The distinct texts a project run embedded (chunks without a vector left out)."""
    from index.records import NO_VECTOR
    from index.store import Store

    store = Store(folder)
    texts = {c.embed_key: c.embed_text for c in store.chunks({n.id: n for n in store.notices()})
             if c.embed_key != NO_VECTOR}
    store.close()
    return list(texts.values())


# -- retrieval quality of both chunkings ------------------------------------------------

def hit_rates(embedder, st_model, tmp: Path):
    """hit@k of the gold evidence for the project (hybrid, dense) and the peer's chunks;
    chunks of each; evidence strings scored; notices."""
    from evals.baseline import split_notice
    from evals.metrics import evidence_rank
    from evals.run import dataset_files, expected_ids, notice_paths, notice_refs, read_datasets
    from assistant.settings import Settings
    from index.library import Library

    lib = Library(Settings(_env_file=None, index_dir=tmp / "gold-index").index_config(), embedder=embedder)
    lib.ingest(notice_paths(GOLD_NOTICES))
    notices = {n.id: n for n in lib.notices()}
    texts, refs = {i: n.text for i, n in notices.items()}, notice_refs(lib)
    passages = [p for n in notices.values() for p in split_notice(n)]
    collection = chroma_collection(tmp / "gold-naive", "gold")
    vectors = st_model.encode([p.text for p in passages], batch_size=32, normalize_embeddings=True)
    for i in range(0, len(passages), 1000):
        batch = passages[i:i + 1000]
        collection.add(ids=[p.id for p in batch], embeddings=vectors[i:i + len(batch)],
                       metadatas=[{"notice_id": p.notice_id, "start": p.start, "end": p.end} for p in batch])

    def naive(question, ids, k):
        where = {"notice_id": {"$in": list(ids)}} if ids else None
        q = st_model.encode([question], normalize_embeddings=True)
        res = collection.query(query_embeddings=q, n_results=k, where=where, include=["metadatas"])
        return [(m["notice_id"], int(m["start"]), int(m["end"])) for m in res["metadatas"][0]]

    def project(mode):
        return lambda question, ids, k: [(h.chunk.notice_id, h.chunk.start, h.chunk.end)
                                         for h in lib.search(question, k, ids, mode)]

    cases, _ = read_datasets(dataset_files([GOLD]))
    ranks: dict[str, list] = {"project hybrid": [], "project dense": [], "naive peer": []}
    for case in (c for c in cases if c.evidence):
        ids = expected_ids(case, refs)[0] or None
        for who, fn in (("project hybrid", project("hybrid")), ("project dense", project("dense")),
                        ("naive peer", naive)):
            got = fn(case.question, ids, max(HIT_KS))
            where = ids or tuple(texts)
            ranks[who] += [evidence_rank(ev, got, texts, where) for ev in case.evidence]
    chunks = {"project": len(lib.store.chunks(notices)), "naive peer": len(passages)}
    return {who: {k: sum(1 for r in rs if r and r <= k) / len(rs) for k in HIT_KS}
            for who, rs in ranks.items()}, chunks, len(ranks["naive peer"]), len(notices)


# -- main -------------------------------------------------------------------------------

def compare(args, files: list[Path]) -> int:
    from sentence_transformers import SentenceTransformer

    from assistant.settings import Settings
    from index.embed import make_embedder, model_path
    from index.embed_onnx import quiet_transformers

    config = Settings(_env_file=None).index_config()
    with tempfile.TemporaryDirectory(prefix="vacancy-naive-") as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        embedder = make_embedder(args.model, args.backend, config.embed_batch_size, tmp / "models")
        embedder.load()
        with quiet_transformers():
            st_model = SentenceTransformer(model_path(args.model), device="cpu")
        st_model.encode(["warm-up"])
        embedder.embed(["warm-up"] * 40)
        print(f"models loaded in {time.perf_counter() - start:.1f} s (not timed below); "
              f"{len(files)} files; project backend {args.backend}; load {os.getloadavg()[0]:.2f}")
        peer = Peer(st_model, config.max_file_bytes, config.limits)
        order = ["peer", "project", "project", "peer"] * args.rounds
        fns = {"peer": peer.ingest, "project": lambda f, d: project_ingest(embedder, f, d)}
        runs = []
        for who in order:
            run = timed_run(who, fns[who], files, tmp)
            runs.append(run)
            rss = f"{run.peak_rss_mb:.0f} MB" if run.peak_rss_mb else "–"
            print(f"  {who:8} {run.wall_s:7.1f} s  {run.chunks:6} chunks embedded  "
                  f"peak RSS {rss}  load {run.load:.2f}", flush=True)
        last = {r.who: r.folder for r in runs}
        counted = {"peer": tokens(st_model, [t for _, t in peer.texts(files)]),
                   "project": tokens(st_model, project_texts(last["project"]))}
        print(f"tokens embedded: peer {counted['peer']:,}, project {counted['project']:,} "
              f"(ratio {counted['peer'] / max(counted['project'], 1):.2f})")
        times = {w: mean(r.wall_s for r in runs if r.who == w) for w in ("peer", "project")}
        print(f"mean: peer {times['peer']:.1f} s, project {times['project']:.1f} s; "
              f"ratio peer/project {times['peer'] / times['project']:.2f}; "
              f"load now {os.getloadavg()[0]:.2f}")
        if not args.no_gold:
            rates, chunks, evidence, n = hit_rates(embedder, st_model, tmp)
            print(f"retrieval of {evidence} gold evidence strings ({n} notices of evals/datasets/notices.txt; "
                  f"chunks: project {chunks['project']}, peer {chunks['naive peer']}):")
            for who, by_k in rates.items():
                print(f"  {who:15} " + "  ".join(f"hit@{k} {v:.3f}" for k, v in by_k.items()))
    return 0


if __name__ == "__main__":
    sys.exit("run it as: benchmarks/ingest.py --compare-naive DIR ...")
