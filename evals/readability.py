"""Readability of answers a job seeker reads at a glance, over the gold datasets' questions.

An answer passes when none of its lines holds code notation ("≥", "≤", "7 y"), table residue
("|"), or a sentence said twice; its headline (first line) is at most HEADLINE characters;
when it is about one notice, what is shown before the folded details ("Also asked for",
"Desirable", "More from the notice", the note of what was understood) is at most ONE_NOTICE
characters; and a factual answer (a gold case of category "factoid") shows at most
FACT_SENTENCES sentences per notice it answers about before its folded details.
`python -m evals readability --dataset F.jsonl --notices DIR --index-dir DIR` prints the
share that pass and lists the others. Left out: judging the words themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from assistant.describe import FACT_SENTENCES, SENTENCE_BREAK, sentence_count

HEADLINE = 220
ONE_NOTICE = 1200
TARGET = 0.95
FOLDED = ("also", "desirable", "more", "note")
_NOTATION = (("≥ or ≤", re.compile(r"[≥≤]")), ("N y", re.compile(r"\b\d+(?:\.\d+)? y\b")),
             ("|", re.compile(r"\|")))
_MARKER = re.compile(r"\s*\[\d+\]")
_SENTENCE = SENTENCE_BREAK


@dataclass(frozen=True)
class Shown:
    """What an answer shows: (role, text) per line, markers removed; `factual` when it
    answers a fact question."""

    lines: tuple[tuple[str, str], ...]
    one_notice: bool
    factual: bool = False
    notices: int = 1


def shown(answer, factual: bool = False) -> Shown:
    """An `Answer`'s lines; an answer made before lines existed counts as one body line
    whose first sentence is the headline."""
    lines = getattr(answer, "lines", ()) or ()
    if lines:
        pairs = tuple((ln.role, ln.text) for ln in lines)
    else:
        text = _MARKER.sub("", answer.text).strip()
        first, _, rest = text.partition(". ")
        pairs = (("headline", first + ("." if rest else "")),) + ((("body", rest),) if rest else ())
    return Shown(pairs, len(answer.notices) == 1, factual, max(1, len(answer.notices)))


def problems(s: Shown) -> tuple[str, ...]:
    out = []
    texts = [t for _, t in s.lines]
    for name, rx in _NOTATION:
        hit = next((m.group(0) for t in texts for m in [rx.search(t)] if m), None)
        if hit:
            out.append(f"notation {name}")
    sentences = [" ".join(x.split()).lower() for t in texts for x in _SENTENCE.split(t) if len(x) > 12]
    repeated = {x for x in sentences if sentences.count(x) > 1}
    if repeated:
        out.append(f"repeated sentence “{sorted(repeated)[0][:60]}”")
    head = texts[0] if texts else ""
    if len(head) > HEADLINE:
        out.append(f"headline {len(head)} characters")
    main = sum(len(t) + 1 for role, t in s.lines if role not in FOLDED)
    if s.one_notice and main > ONE_NOTICE:
        out.append(f"one-notice answer {main} characters before the details")
    said = sum(sentence_count(t) for role, t in s.lines if role not in FOLDED)
    if s.factual and said > FACT_SENTENCES * s.notices:
        out.append(f"factual answer of {said} sentences")
    return tuple(out)


@dataclass(frozen=True)
class Figure:
    passed: int
    total: int
    failing: tuple[tuple[str, str, tuple[str, ...]], ...]   # (case id, question, problems)

    @property
    def share(self) -> float:
        return self.passed / self.total if self.total else 1.0

    def lines(self) -> list[str]:
        out = [f"readability: {self.passed}/{self.total} answers pass ({self.share:.1%}; target {TARGET:.0%})"]
        out += [f"  {cid}: {'; '.join(why)} — {q[:70]}" for cid, q, why in self.failing]
        return out


def measure(assistant, cases: Iterable) -> Figure:
    """Ask every case's question (with its history) and check the answer."""
    passed, failing, total = 0, [], 0
    for case in cases:
        total += 1
        why = problems(shown(assistant.ask(case.question, list(case.history)), case.category == "factoid"))
        if why:
            failing.append((case.id, case.question, why))
        else:
            passed += 1
    return Figure(passed, total, tuple(failing))
