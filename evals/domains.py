"""Calibrate `assistant.eligibility.DOMAIN_MATCH`: for each labelled pair of
`tests/data/domain_pairs.tsv` (a stated domain, a required one, whether the years count),
the decision of `relevance` at several thresholds, with the packaged embedding model.
Gives accuracy and the number of false matches (years counted that should not be) per
threshold; the chosen threshold is the lowest with no false match.

    .venv/bin/python -m evals domains
"""

from __future__ import annotations

from pathlib import Path

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "domain_pairs.tsv"


def pairs(path: Path = PAIRS) -> list[tuple[str, str, bool]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            mine, wanted, label = line.split("\t")
            out.append((mine, wanted, label.strip() == "1"))
    return out


def sweep(relate, data: list[tuple[str, str, bool]]) -> list[str]:
    """The table: for each threshold, accuracy, false and missed matches, unclear decisions
    (`assistant.eligibility.DOMAIN_MATCH` is left at the last threshold tried)."""
    import assistant.eligibility as el

    lines = [f"{len(data)} pairs ({sum(l for *_, l in data)} count, {sum(not l for *_, l in data)} do not)",
             "threshold  accuracy  false_match  missed_match  unclear"]
    for t in [x / 100 for x in range(30, 86, 5)]:
        el.DOMAIN_MATCH = t
        got = [(el.relevance(m, w, relate=relate)[0], l) for m, w, l in data]
        false = sum(v == "match" and not l for v, l in got)
        missed = sum(v != "match" and l for v, l in got)
        acc = sum((v == "match") == l for v, l in got) / len(got)
        lines.append(f"{t:9.2f}  {acc:8.3f}  {false:11d}  {missed:12d}  {sum(v == 'unclear' for v, _ in got):7d}")
    return lines
