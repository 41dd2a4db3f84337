"""Exemplar questions for routing (`exemplars.txt`, one place) embedded with the index's
model once per model (the vectors are kept on disk beside the exported model): what a question is nearest to, when no keyword cue of
the registries names its topic ("How much money comes with it?" → salary).

Left out: questions in other languages; exemplars are not tuned per notice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from index.embed import embed_kept

EXEMPLARS = Path(__file__).with_name("exemplars.txt")
K = 3                 # neighbours voting
MIN_SIMILARITY = 0.5  # below this the nearest exemplar says nothing
MIN_LEAD = 0.07       # how far the winning label's votes must lead the next label's
SURE = 0.7            # an exemplar this close wins without the lead


@dataclass(frozen=True)
class Exemplar:
    kind: str
    topics: tuple[str, ...]
    question: str


@dataclass(frozen=True)
class Nearest:
    kind: str
    topics: tuple[str, ...]
    similarity: float     # of the best exemplar of the winning label


def read_exemplars(path: Path = EXEMPLARS) -> tuple[Exemplar, ...]:
    """Lines "kind topic[,topic] | question"; '#' starts a comment, '-' means no topic."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, question = line.partition("|")
        parts = head.split()
        if not sep or len(parts) != 2 or not question.strip():
            raise ValueError(f"{path.name}:{n}: expected 'kind topic | question', got {line!r}")
        topics = () if parts[1] == "-" else tuple(parts[1].split(","))
        out.append(Exemplar(parts[0], topics, question.strip()))
    return tuple(out)


class ExemplarIndex:
    """The exemplars' vectors (made once, on first use) and a nearest-label look-up."""

    def __init__(self, embedder, exemplars: tuple[Exemplar, ...] | None = None):
        self.embedder = embedder
        self.exemplars = read_exemplars() if exemplars is None else exemplars

    @cached_property
    def vectors(self) -> np.ndarray:
        """Made on the first look-up (a question the keywords route everywhere costs nothing),
        and kept on disk beside the model (`embed_kept`), so a new process reads them."""
        vectors = embed_kept(self.embedder, [e.question for e in self.exemplars])
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    def nearest(self, question: str, min_lead: float = MIN_LEAD) -> Nearest | None:
        """The label the K nearest exemplars vote for (weighted by similarity), or None
        when the nearest one is below MIN_SIMILARITY, or when the label's votes lead the
        next label's by less than `min_lead` (and its best is below SURE): the question
        then shares its frame ("Does the job involve …?") with exemplars of several labels
        more than it shares any one label's subject."""
        q = np.asarray(self.embedder.embed([question])[0], dtype=np.float32)
        sims = self.vectors @ (q / max(float(np.linalg.norm(q)), 1e-9))
        order = np.argsort(-sims)[:K]
        if not len(order) or sims[order[0]] < MIN_SIMILARITY:
            return None
        votes: dict[tuple[str, tuple[str, ...]], float] = {}
        for i in order:
            e = self.exemplars[i]
            votes[(e.kind, e.topics)] = votes.get((e.kind, e.topics), 0.0) + float(sims[i])
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        (kind, topics), weight = ranked[0]
        best = max(float(sims[i]) for i in order if self.exemplars[i].kind == kind
                   and self.exemplars[i].topics == topics)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if best < SURE and weight - runner_up < min_lead:
            return None
        return Nearest(kind, topics, best)


_INDEXES: dict[tuple[int, str], ExemplarIndex] = {}
_LOCK = threading.Lock()


def exemplar_index(embedder) -> ExemplarIndex:
    """The exemplar index for `embedder`, built on first use and kept for the process."""
    key = (id(embedder), getattr(embedder, "name", type(embedder).__name__))
    with _LOCK:
        if key not in _INDEXES:
            _INDEXES[key] = ExemplarIndex(embedder)
        return _INDEXES[key]
