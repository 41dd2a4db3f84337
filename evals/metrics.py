"""Scores of one answered case and their aggregates, all computed by code (no LLM).

A case is scored from its gold record (`Case`, DESIGN §5), the prediction (the
`ask --json` object plus `latency_ms`), the texts of the indexed notices (to verify
quotes) and the passages retrieval returned for the question. Decisions:

- **Answer accuracy** (per case): the answer is not empty, every `must_include` group has
  one regex that matches and no `must_not_include` regex matches (case-insensitive, on the
  answer with its `[n]` markers removed); a case with a gold `verdict` also needs that
  verdict, and a case that is not answerable also needs `answerable: false`.
- **Evidence recall** (per gold evidence string): some citation's quote contains it
  (compared with runs of whitespace made one, case folded and typographic quotes and dashes
  made plain), or a valid citation lies inside it where it stands in the notice text (the
  answer quotes the part that matters: "21 June 2022" of "Closing Date: 21 June 2022").
- **Citation validity** (per citation): the quote is exactly `notice.text[start:end]` of an
  indexed notice. **Citation precision** (per citation, for cases naming their notices):
  the citation is on one of them.
- **Verdict accuracy** (eligibility cases with a gold verdict): the predicted verdict
  equals it; a missing or unknown verdict counts wrong and shows as "other" in the
  confusion matrix.
- **Abstention accuracy** (every case): `answerable` as predicted equals the gold one (a
  prediction without the field counts as answerable).
- **Retrieval hit@k and MRR** (per gold evidence string): the rank of the first retrieved
  passage that covers at least half of the evidence where it stands in the notice text;
  evidence the notice text does not contain counts as not retrieved (and is reported).
- **Latency**: p50 and p95 of the time `ask` took.

Ratios over nothing (no citations, no eligibility case, ...) are None, shown as "–".
Left out: judging wording or fluency, partial credit for a half-right answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np

VERDICTS = ("eligible", "not_eligible", "insufficient_info")
OTHER = "other"
HIT_KS = (1, 3, 10)
RETRIEVAL_K = max(HIT_KS)
_MARKER = re.compile(r"\s*\[\d+\]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                       "‐": "-", "‑": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Case:
    """One gold case (DESIGN §5). `notices` are source file stems; `origin` is
    "file:line" for messages."""

    id: str
    question: str
    category: str = "uncategorised"
    history: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    must_include: tuple[tuple[str, ...], ...] = ()
    must_not_include: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    verdict: str | None = None
    answerable: bool = True
    origin: str = ""


@dataclass(frozen=True)
class CaseScore:
    """What one prediction got right; counts feed the micro-averaged metrics."""

    case_id: str
    category: str
    correct: bool
    reasons: tuple[str, ...] = ()
    evidence_total: int = 0
    evidence_found: int = 0
    citations: int = 0
    citations_valid: int = 0
    citations_judged: int = 0
    citations_on_notice: int = 0
    verdict_gold: str | None = None
    verdict_pred: str | None = None
    abstention_correct: bool = True
    ranks: tuple[int | None, ...] = ()
    unlocated: tuple[str, ...] = ()
    latency_ms: float = 0.0


@dataclass(frozen=True)
class Metrics:
    cases: int
    answer_accuracy: float | None
    evidence_recall: float | None
    citation_validity: float | None
    citation_precision: float | None
    verdict_accuracy: float | None
    abstention_accuracy: float | None
    hits: tuple[tuple[int, float | None], ...]
    mrr: float | None
    latency_p50: float | None
    latency_p95: float | None
    confusion: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def hit(self, k: int) -> float | None:
        return dict(self.hits).get(k)


# -- per case -----------------------------------------------------------------------------
def answer_text(prediction: Mapping) -> str:
    """The answer with its citation markers removed."""
    return _MARKER.sub("", str(prediction.get("answer") or "")).strip()


def answer_problems(case: Case, prediction: Mapping) -> tuple[str, ...]:
    """Why the answer is wrong (empty when it is right): see the module docstring."""
    text = answer_text(prediction)
    problems = [f"error: {prediction['error']}"] if prediction.get("error") else []
    if not text:
        problems.append("empty answer")
    else:
        problems += [f"no match for {' | '.join(group)}" for group in case.must_include
                     if not any(re.search(rx, text, re.IGNORECASE) for rx in group)]
        for rx in case.must_not_include:
            m = re.search(rx, text, re.IGNORECASE)
            if m:
                problems.append(f"forbidden {rx} matched “{m.group(0)}”")
    if case.verdict is not None and prediction.get("verdict") != case.verdict:
        problems.append(f"verdict {prediction.get('verdict')} (expected {case.verdict})")
    if not case.answerable and _answerable(prediction):
        problems.append("answered, but the notices do not say (expected answerable=false)")
    return tuple(problems)


def _answerable(prediction: Mapping) -> bool:
    return bool(prediction.get("answerable", True))


def fold(text: str) -> str:
    """Same length as `text`, so offsets carry over."""
    return text.translate(_FOLD)


def evidence_pattern(evidence: str) -> re.Pattern:
    words = fold(evidence).split()
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def contains(quote: str, evidence: str) -> bool:
    return bool(evidence.split()) and evidence_pattern(evidence).search(fold(quote)) is not None


def locate(text: str, evidence: str) -> list[tuple[int, int]]:
    """Where `evidence` stands in `text` (see `contains` for what is compared)."""
    if not evidence.split():
        return []
    return [m.span() for m in evidence_pattern(evidence).finditer(fold(text))]


def evidence_rank(evidence: str, retrieved: Sequence[tuple[str, int, int]],
                  texts: Mapping[str, str], notice_ids: Iterable[str]) -> int | None:
    """1-based rank of the first retrieved (notice_id, start, end) passage covering at least
    half of `evidence` in one of `notice_ids`; None when no passage does."""
    spans = {nid: locate(texts[nid], evidence) for nid in notice_ids if nid in texts}
    for rank, (nid, start, end) in enumerate(retrieved, 1):
        for s, e in spans.get(nid, ()):
            if 2 * (min(end, e) - max(start, s)) >= e - s:
                return rank
    return None


def score_case(case: Case, prediction: Mapping, texts: Mapping[str, str],
               expected_ids: Sequence[str] = (),
               retrieved: Sequence[tuple[str, int, int]] = ()) -> CaseScore:
    """Score one prediction. `texts`: notice id → notice text (to verify quotes);
    `expected_ids`: the ids of the case's notices found in the index; `retrieved`: the
    passages retrieval returned for the question, best first."""
    problems = answer_problems(case, prediction)
    citations = [c for c in prediction.get("citations") or () if isinstance(c, Mapping)]
    where = list(expected_ids) or list(texts)
    located = {ev: any(locate(texts[nid], ev) for nid in where if nid in texts) for ev in case.evidence}
    expected = set(expected_ids)
    return CaseScore(
        case_id=case.id, category=case.category, correct=not problems, reasons=problems,
        evidence_total=len(case.evidence),
        evidence_found=sum(evidence_cited(ev, citations, texts) for ev in case.evidence),
        citations=len(citations),
        citations_valid=sum(valid_citation(c, texts) for c in citations),
        citations_judged=len(citations) if expected else 0,
        citations_on_notice=sum(c.get("notice_id") in expected for c in citations) if expected else 0,
        verdict_gold=case.verdict,
        verdict_pred=_verdict(prediction) if case.verdict else None,
        abstention_correct=_answerable(prediction) == case.answerable,
        ranks=tuple(evidence_rank(ev, retrieved, texts, where) for ev in case.evidence),
        unlocated=tuple(ev for ev, ok in located.items() if not ok),
        latency_ms=float(prediction.get("latency_ms") or 0.0),
    )


def evidence_cited(evidence: str, citations: Sequence[Mapping], texts: Mapping[str, str]) -> bool:
    """A citation quotes `evidence`, or is a valid citation of a part of it."""
    for c in citations:
        if contains(str(c.get("quote") or ""), evidence):
            return True
        if valid_citation(c, texts) and any(s <= c["start"] and c["end"] <= e
                                            for s, e in locate(texts[c["notice_id"]], evidence)):
            return True
    return False


def valid_citation(citation: Mapping, texts: Mapping[str, str]) -> bool:
    """The quote is exactly the notice text at the citation's offsets."""
    text = texts.get(citation.get("notice_id"))
    start, end, quote = citation.get("start"), citation.get("end"), citation.get("quote")
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not quote:
        return False
    return 0 <= start < end <= len(text) and text[start:end] == quote


def _verdict(prediction: Mapping) -> str:
    v = prediction.get("verdict")
    return v if v in VERDICTS else OTHER


# -- aggregates --------------------------------------------------------------------------
def aggregate(scores: Sequence[CaseScore]) -> Metrics:
    """Micro averages over the scored cases (see the module docstring for each unit)."""
    ranks = [r for s in scores for r in s.ranks]
    verdicts = [s for s in scores if s.verdict_gold]
    latencies = [s.latency_ms for s in scores]
    return Metrics(
        cases=len(scores),
        answer_accuracy=_ratio(sum(s.correct for s in scores), len(scores)),
        evidence_recall=_ratio(sum(s.evidence_found for s in scores), sum(s.evidence_total for s in scores)),
        citation_validity=_ratio(sum(s.citations_valid for s in scores), sum(s.citations for s in scores)),
        citation_precision=_ratio(sum(s.citations_on_notice for s in scores),
                                  sum(s.citations_judged for s in scores)),
        verdict_accuracy=_ratio(sum(s.verdict_pred == s.verdict_gold for s in verdicts), len(verdicts)),
        abstention_accuracy=_ratio(sum(s.abstention_correct for s in scores), len(scores)),
        hits=tuple((k, _ratio(sum(r is not None and r <= k for r in ranks), len(ranks))) for k in HIT_KS),
        mrr=_ratio(sum(1.0 / r for r in ranks if r is not None and r <= RETRIEVAL_K), len(ranks)),
        latency_p50=percentile(latencies, 50),
        latency_p95=percentile(latencies, 95),
        confusion=dict(Counter((s.verdict_gold, s.verdict_pred) for s in verdicts)),
    )


def by_category(scores: Sequence[CaseScore]) -> dict[str, Metrics]:
    """Metrics of each category, categories in order of first appearance."""
    groups: dict[str, list[CaseScore]] = {}
    for s in scores:
        groups.setdefault(s.category, []).append(s)
    return {c: aggregate(g) for c, g in groups.items()}


def percentile(values: Sequence[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if len(values) else None


def _ratio(num: float, den: int) -> float | None:
    return num / den if den else None


# -- the CI gate -------------------------------------------------------------------------
def gate(metrics: Metrics, thresholds: Mapping[str, float]) -> list[str]:
    """One line per metric below its minimum (a metric with nothing to measure fails
    too: the gate must not pass on an empty dataset). Unknown names are reported."""
    failures = []
    for name, minimum in thresholds.items():
        if name.startswith("_"):
            continue
        if not hasattr(metrics, name):
            failures.append(f"{name}: no such metric")
            continue
        value = getattr(metrics, name)
        if value is None or value < minimum:
            shown = "none" if value is None else f"{value:.3f}"
            failures.append(f"{name} {shown} is below the threshold {minimum:.3f}")
    return failures
