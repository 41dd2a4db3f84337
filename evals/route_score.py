"""Routing accuracy on the paraphrase set (`evals/routing/paraphrases.jsonl`): a case is
right when the kind matches and, for fact, requirement and comparison questions, the set
of topics equals the expected one. Prints accuracy per split and kind, and every miss.

    python -m evals.route_score [--keywords-only] [--split tune|heldout|all]

Left out: follow-up turns (the set has single questions only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PARAPHRASES = Path(__file__).parent / "routing" / "paraphrases.jsonl"
SCORED_TOPICS = ("fact", "requirement", "comparison")


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    question: str
    kind: str
    topics: tuple[str, ...]


def load(path: Path = PARAPHRASES) -> list[Case]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Case(r["id"], r["split"], r["question"], r["kind"], tuple(r["topics"])) for r in rows]


def correct(case: Case, kind: str, topics: tuple[str, ...]) -> bool:
    if kind != case.kind:
        return False
    return case.kind not in SCORED_TOPICS or set(topics) == set(case.topics)


def score(cases: list[Case], router) -> tuple[float, list[tuple[Case, object]]]:
    """(accuracy, misses as (case, route)) with `router(question) -> Route`."""
    misses = []
    for c in cases:
        r = router(c.question)
        if not correct(c, r.kind, r.topics):
            misses.append((c, r))
    return (1 - len(misses) / len(cases)) if cases else 0.0, misses


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keywords-only", action="store_true", help="no exemplar embeddings")
    parser.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    args = parser.parse_args(argv)
    from assistant.route import route

    cases = [c for c in load() if args.split == "all" or c.split == args.split]
    exemplars = None
    if not args.keywords_only:
        from assistant.exemplars import exemplar_index
        from assistant.settings import Settings, set_environment
        from index.embed import make_embedder

        set_environment()
        s = Settings()
        exemplars = exemplar_index(make_embedder(s.embedding_model, "torch", s.embed_batch_size, None))
    accuracy, misses = score(cases, (lambda q: route(q, exemplars)) if exemplars is not None else route)
    by_kind = Counter(c.kind for c in cases)
    missed = Counter(c.kind for c, _ in misses)
    print(f"routing accuracy ({args.split}, {'keywords only' if exemplars is None else 'keywords + exemplars'}): "
          f"{len(cases) - len(misses)}/{len(cases)} = {accuracy:.3f}")
    for kind, n in sorted(by_kind.items()):
        print(f"  {kind:12s} {n - missed[kind]}/{n}")
    for c, r in misses:
        print(f"  MISS {c.id} {c.question!r}: expected {c.kind} {list(c.topics)}, got {r.kind} {list(r.topics)}")


if __name__ == "__main__":
    main()
