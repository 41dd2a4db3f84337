"""Routing accuracy on the paraphrase set (`evals/routing/paraphrases.jsonl`): a case is
right when the kind matches and, for fact, requirement and comparison questions, the set
of topics equals the expected one. Reports accuracy per split and kind, and every miss.

    python -m evals route-score [--keywords-only] [--split tune|heldout|all]

Left out: follow-up turns (the set has single questions only).
"""

from __future__ import annotations

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


def report(cases: list[Case], misses: list[tuple[Case, object]], label: str) -> list[str]:
    """Accuracy overall and per kind, then every miss; `label` says which split and router."""
    by_kind = Counter(c.kind for c in cases)
    missed = Counter(c.kind for c, _ in misses)
    accuracy = (1 - len(misses) / len(cases)) if cases else 0.0
    lines = [f"routing accuracy ({label}): {len(cases) - len(misses)}/{len(cases)} = {accuracy:.3f}"]
    lines += [f"  {kind:12s} {n - missed[kind]}/{n}" for kind, n in sorted(by_kind.items())]
    lines += [f"  MISS {c.id} {c.question!r}: expected {c.kind} {list(c.topics)}, got {r.kind} {list(r.topics)}"
              for c, r in misses]
    return lines
