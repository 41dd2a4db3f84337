"""Calibrate the open-question threshold (`compose.OPEN_THRESHOLD`) on a labelled set of
answerable and unanswerable open questions (default `evals/open/open.jsonl`):

    .venv/bin/python -m evals calibrate-open [--dataset FILE] [--notices DIR] [--index-dir DIR]

Each question is asked of its own notice (resolution is left out: this measures the
threshold, not the resolver). The best-ranked sentence's score decides. Abstaining is the
positive class: precision = abstentions that were right / abstentions, recall =
unanswerable questions abstained on / unanswerable questions. The report gives both at
each threshold and the threshold with the best F1 (the middle of the best range), with
how often an answered question's first sentence quotes its evidence.
Left out: calibrating the weights of the score itself (`ranking.py`).
"""

from __future__ import annotations

from pathlib import Path

from assistant.compose import OPEN_THRESHOLD, content_words
from assistant.pipeline import Assistant, Turn
from evals.metrics import contains
from evals.run import notice_refs

ROOT = Path(__file__).resolve().parent


def best_scores(assistant: Assistant, cases: list[dict]) -> list[tuple[dict, float, str]]:
    """(case, best sentence's score or -1, its text) for every case."""
    refs = notice_refs(assistant.library)
    out = []
    for case in cases:
        notice = assistant.notices[refs[case["notices"][0].lower()]]
        asked = assistant._unresolved_words(Turn(case["question"], notices=(notice,))) or case["question"]
        ranked = assistant.ranker.rank(asked, " ".join(sorted(content_words(asked))), [notice.id])
        top = ranked[0] if ranked else None
        out.append((case, top.score if top else -1.0, notice.text[top.start:top.end] if top else ""))
    return out


def sweep(scored: list[tuple[dict, float, str]], lo: float = 0.2, hi: float = 1.2, step: float = 0.01):
    """(threshold, precision, recall, f1) of abstention at each threshold."""
    rows = []
    t = lo
    while t <= hi + 1e-9:
        abstained = [not c["answerable"] for c, s, _ in scored if s < t]
        unanswerable = sum(not c["answerable"] for c, _, _ in scored)
        tp = sum(abstained)
        p = tp / len(abstained) if abstained else 1.0
        r = tp / unanswerable if unanswerable else 1.0
        rows.append((round(t, 2), p, r, 2 * p * r / (p + r) if p + r else 0.0))
        t += step
    return rows


def best_threshold(rows) -> float:
    top = max(f for _, _, _, f in rows)
    best = [t for t, _, _, f in rows if f == top]
    return round((best[0] + best[-1]) / 2, 2)


def report(scored: list[tuple[dict, float, str]], verbose: bool = False) -> list[str]:
    """The sweep every 0.05, the best-F1 threshold and the one in use, each with how many
    answerable questions it answers and how often their best sentence quotes the evidence;
    with `verbose`, every case's best sentence first."""
    lines = []
    if verbose:
        lines += [f"{score:6.3f} {'A' if case['answerable'] else 'U'} {case['id']} {case['question'][:60]!r} "
                  f"→ {' '.join(text.split())[:90]!r}" for case, score, text in sorted(scored, key=lambda x: x[1])]
    rows = sweep(scored)
    lines.append("threshold  precision  recall  f1")
    lines += [f"{t:9.2f}  {p:9.3f}  {r:6.3f}  {f:.3f}" for t, p, r, f in rows if round(t * 100) % 5 == 0]
    for label, t in (("best F1", best_threshold(rows)), ("in use (compose.OPEN_THRESHOLD)", OPEN_THRESHOLD)):
        row = min(rows, key=lambda row: abs(row[0] - t))
        answered = [(c, text) for c, s, text in scored if c["answerable"] and s >= t]
        quoted = sum(any(contains(text, ev) for ev in c["evidence"]) for c, text in answered)
        lines.append(f"{label}: threshold {t:.2f}: abstention precision {row[1]:.3f}, recall {row[2]:.3f}; "
                     f"answerable answered {len(answered)}/{sum(c['answerable'] for c, _, _ in scored)}, "
                     f"first sentence quotes the evidence in {quoted}")
    return lines
