"""Score the parser's reading of notices against the understanding gold (README.md here):
metadata field accuracy, fact recall, requirement recall and precision with kind +
necessity, and the count of things the gold states but the parser reports absent —
overall, per organisation and per layout.

    python -m evals understanding-score [--split heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|tuning|all] [--misses]

Left out: the typed fields of requirements (years, levels, languages) — the exact gold
cards in tests/data/gold_requirements check those for the seeds and corpus notices.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from index.metadata import normalise_grade

from .validate import FACT_FIELDS, GOLD_DIR, META_FIELDS, NOTICES_DIR, folded, loaded_text, locate_all, read_gold

_META_ATTR = {"title": "title", "organisation": "organisation", "grade": "grade",
              "duty_station": "duty_station", "closing_date": "closes", "job_number": "job_opening"}
_FACT_NAME = {"reporting_line": "reporting"}   # gold name → registry name (index/facts.py)
MIN_OVERLAP = 0.5


@dataclass
class Tally:
    meta_right: int = 0
    meta_total: int = 0
    facts_found: int = 0
    facts_total: int = 0
    gold_reqs: int = 0
    recalled: int = 0
    parsed_reqs: int = 0
    precise: int = 0
    absent: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("meta_right", "meta_total", "facts_found", "facts_total", "gold_reqs", "recalled",
                     "parsed_reqs", "precise", "absent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def _fold(value: str) -> str:
    return folded(value)[0].strip()


def _alnum(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def meta_matches(name: str, gold, value) -> bool:
    """Whether the parser's `value` for field `name` is one of the gold's forms."""
    if gold is None or value is None:
        return gold is None and value is None
    if name == "closing_date":
        return str(value) == gold
    got = _fold(str(value))
    for form in gold:
        want = _fold(form)
        if name == "grade" and (_alnum(form) == _alnum(str(value)) or
                                normalise_grade(form) not in (None, "") and normalise_grade(form) == normalise_grade(str(value))):
            return True
        if name == "job_number" and _alnum(form) and _alnum(form) in _alnum(str(value)):
            return True
        if name == "title" and (fuzz.ratio(want, got) >= 85 or (
                want in got and len(want) >= 0.5 * len(got)) or (got in want and len(got) >= 0.6 * len(want))):
            return True
        if name in ("organisation", "duty_station") and want and got and (want in got or got in want):
            return True
    return False


def _overlap(spans, b: tuple[int, int]) -> bool:
    """Whether `b` overlaps one of `spans` by at least half of the shorter of the two."""
    return any(_overlap1(a, b) for a in spans)


def _overlap1(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= MIN_OVERLAP * min(a[1] - a[0], b[1] - b[0])


def score_notice(gold: dict, notice, requirements, facts) -> Tally:
    """`facts`: (name, start, end) the parser found; `requirements`: Requirement records."""
    t = Tally()
    src = gold["source"]
    for name in META_FIELDS:
        want, got = gold["metadata"].get(name), getattr(notice.meta, _META_ATTR[name])
        t.meta_total += 1
        if meta_matches(name, want, got):
            t.meta_right += 1
        else:
            t.misses.append(f"{src}: metadata.{name}: gold {want!r}, parsed {got!r}")
            t.absent += want is not None and got is None
    ft = folded(notice.text)
    for name in FACT_FIELDS:
        quote = gold["facts"].get(name)
        if quote is None:
            continue
        t.facts_total += 1
        spans = locate_all(quote, notice.text, ft)
        if any(f == _FACT_NAME.get(name, name) and _overlap(spans, (s, e)) for f, s, e in facts):
            t.facts_found += 1
        else:
            t.absent += 1
            t.misses.append(f"{src}: fact {name} not found: {quote[:70]!r}")
    golds = [(g["kind"], g["necessity"], locate_all(g["quote"], notice.text, ft), g["quote"])
             for g in gold["requirements"]]
    t.gold_reqs = len(golds)
    for kind, necessity, span, quote in golds:
        if any(r.kind == kind and r.necessity == necessity and _overlap(span, (r.start, r.end))
               for r in requirements):
            t.recalled += 1
            continue
        other = [f"{r.kind}/{r.necessity}" for r in requirements if _overlap(span, (r.start, r.end))]
        t.misses.append(f"{src}: missed {kind}/{necessity} (parsed as {', '.join(other) or 'nothing'}): "
                        f"{' '.join(quote.split())[:90]!r}")
    gold_kinds = {k for k, n, _, _ in golds if n == "required"}
    t.absent += len(gold_kinds - {r.kind for r in requirements})
    for kind in sorted(gold_kinds - {r.kind for r in requirements}):
        t.misses.append(f"{src}: no {kind} requirement at all (the answer would say 'not stated')")
    t.parsed_reqs = len(requirements)
    for r in requirements:
        if any(r.kind == k and r.necessity == n and _overlap(span, (r.start, r.end))
               for k, n, span, _ in golds):
            t.precise += 1
        else:
            t.misses.append(f"{src}: extra {r.kind}/{r.necessity}: {' '.join(r.text.split())[:90]!r}")
    return t


def parse_for_scoring(path: Path):
    from index.build import parse_notice
    from index.facts import read_facts
    from index.requirements import extract_requirements

    notice = parse_notice(path.name, loaded_text(path))
    reqs = extract_requirements(notice)
    facts = [(f.name, f.start, f.end) for f in read_facts(notice, reqs)]
    return notice, reqs, facts


def score(split: str = "heldout", gold_dir: Path = GOLD_DIR, notices: Path = NOTICES_DIR):
    """{"all": Tally, "organisation:X": Tally, "layout:Y": Tally} over the split's gold."""
    out: dict[str, Tally] = defaultdict(Tally)
    for gold in read_gold(gold_dir):
        if split != "all" and gold["split"] != split:
            continue
        notice, reqs, facts = parse_for_scoring(notices / gold["source"])
        t = score_notice(gold, notice, reqs, facts)
        for key in ("all", f"organisation:{gold['organisation_family']}", f"layout:{gold['layout']}"):
            out[key].add(t)
    return dict(out)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def render(tallies: dict[str, Tally], misses: bool = False) -> str:
    head = f"{'':44} {'meta':>6} {'facts':>6} {'recall':>6} {'prec':>6} {'absent':>6}"
    lines = [head]
    for key in sorted(tallies, key=lambda k: (k != "all", k)):
        t = tallies[key]
        lines.append(f"{key[:44]:44} {_ratio(t.meta_right, t.meta_total):>6} "
                     f"{_ratio(t.facts_found, t.facts_total):>6} {_ratio(t.recalled, t.gold_reqs):>6} "
                     f"{_ratio(t.precise, t.parsed_reqs):>6} {t.absent:>6}")
    a = tallies.get("all", Tally())
    lines.append(f"\nmetadata {a.meta_right}/{a.meta_total}, facts {a.facts_found}/{a.facts_total}, "
                 f"requirements recall {a.recalled}/{a.gold_reqs}, precision {a.precise}/{a.parsed_reqs}, "
                 f"stated but reported absent {a.absent}")
    if misses:
        lines += ["", *a.misses]
    return "\n".join(lines)
