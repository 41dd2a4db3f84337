"""Routing accuracy on the paraphrase set (`evals/routing/paraphrases.jsonl`): a case is
right when the kind matches and, for fact, requirement and comparison questions, the set
of topics equals the expected one. Reports accuracy per split and kind, and every miss.

    python -m evals route-score [--keywords-only] [--split tune|heldout|all]
    python -m evals route-score --scan-lead        # calibrate exemplars.MIN_LEAD

`--scan-lead` routes the tune split and every exemplar question (left out of the index
while it is routed: leave-one-out) at several values of the exemplar look-up's lead and
reports how many each gets right; MIN_LEAD is the middle of the best flat range.

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


LEADS = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2)


def scan_lead(index, tune: list[Case], leads=LEADS) -> list[str]:
    """Right answers on `tune` and on the exemplars left out one at a time, per lead."""
    import numpy as np

    from assistant.exemplars import ExemplarIndex
    from assistant.route import route

    vectors, exemplars = index.vectors, index.exemplars
    lines = []
    for lead in leads:
        def router(q, idx=index):
            return route(q, _Lead(idx, lead))
        right = len(tune) - len(score(tune, router)[1])
        loo = 0
        for j, e in enumerate(exemplars):
            rest = ExemplarIndex(index.embedder, exemplars[:j] + exemplars[j + 1:])
            rest.__dict__["vectors"] = np.delete(vectors, j, axis=0)
            r = route(e.question, _Lead(rest, lead))
            loo += correct(Case(str(j), "", e.question, e.kind, e.topics), r.kind, r.topics)
        lines.append(f"lead {lead:.2f}: tune {right}/{len(tune)}  exemplars left out {loo}/{len(exemplars)}  "
                     f"together {right + loo}")
    return lines


class _Lead:
    """An exemplar index whose look-ups use another lead."""

    def __init__(self, index, lead: float):
        self.index, self.lead = index, lead

    def nearest(self, question: str):
        return self.index.nearest(question, min_lead=self.lead)
