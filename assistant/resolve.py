"""Which notice(s) a question is about.

Clues, strongest first: the file stem or id, the job opening number, the duty station
(or a country or place named in it), acronyms and names of the organisation (including the
common acronyms of UN entities whose full names the notice spells out), the grade, and the
words of the title weighed by how rare they are among the indexed titles. With no clue the
earlier user turns are tried, newest first. Equal best scores are reported as ambiguous —
never silently resolved.
Left out: fuzzy spelling ("Layoune"); a misspelt place simply gives no clue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from index.records import Notice

from .vocabulary import ENTITY_ACRONYMS

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
# Acronyms that are also English words count only when written in capitals.
_WORD_ACRONYMS = {"who", "dos", "dpo"}
_STOP = {"the", "a", "an", "of", "and", "or", "for", "in", "at", "to", "on", "with", "post",
         "position", "job", "vacancy", "role", "notice", "officer", "un", "united", "nations"}


HEAD_CHARS = 2500
# Question words that say nothing about which notice is meant.
_COMMON = {"what", "which", "when", "where", "who", "how", "does", "do", "is", "are", "can", "could",
           "i", "me", "my", "need", "required", "require", "requirements", "apply", "eligible",
           "salary", "deadline", "language", "languages", "degree", "experience", "years", "job",
           "post", "posts", "position", "vacancy", "notice", "there", "about", "tell", "much", "many"}


@dataclass(frozen=True)
class Resolution:
    notice_ids: tuple[str, ...]
    how: str                      # mentioned, history, all, ambiguous, none
    candidates: tuple[str, ...] = ()


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def grade_variants(grade: str | None) -> set[str]:
    if not grade:
        return set()
    g = grade.lower()
    return {g, g.replace("-", ""), g.replace("-", " ")}


class Resolver:
    def __init__(self, notices: Sequence[Notice]):
        self.notices = list(notices)
        self._idf = self._title_idf()
        self._clues = {n.id: self._notice_clues(n) for n in self.notices}

    def _title_idf(self) -> dict[str, float]:
        df: dict[str, int] = {}
        for n in self.notices:
            for t in set(tokens(n.title or "")) - _STOP:
                df[t] = df.get(t, 0) + 1
        total = max(len(self.notices), 1)
        return {t: math.log(1 + total / d) for t, d in df.items()}

    def _notice_clues(self, n: Notice) -> list[tuple[str, float]]:
        clues: list[tuple[str, float]] = [(n.id.lower(), 10), (n.stem.lower(), 10)]
        core = re.sub(r"\s*\([^)]*\)", "", n.title or "").strip()
        if len(tokens(core)) >= 2:
            clues.append((core.lower(), 6))       # the whole title outweighs scattered words
        if n.job_opening:
            clues.append((n.job_opening.lower(), 10))
        for part in re.split(r"[,()/&;]| - |\band\b", n.duty_station or "", flags=re.I):
            if len(part.strip()) > 2:
                clues.append((part.strip().lower(), 4))
        clues += [(a.lower(), 4) for a in self._acronyms(n) if a.lower() not in _WORD_ACRONYMS]
        if n.organisation:
            clues.append((n.organisation.lower().removeprefix("the "), 3))
            clues += [(p.lower(), 3) for p in re.findall(r"\b(?:in|for) ((?:[A-Z][\w'-]+ ?){1,3})",
                                                        n.organisation)]
        clues += [(g, 2) for g in grade_variants(n.grade)]
        return clues

    @staticmethod
    def _acronyms(n: Notice) -> set[str]:
        head = n.text[:4000]
        found = set(re.findall(r"\(([A-Z]{3,10})\)", head))
        lowered = n.text.lower()
        for acronym, name in ENTITY_ACRONYMS.items():
            if name.lower() in lowered or re.search(rf"\b{acronym}\b", n.text):
                found.add(acronym)
        found |= {m for m in re.findall(r"\b[A-Z]{3,8}\b", n.organisation or "")}
        return found

    def score(self, question: str, n: Notice, strong_only: bool = False) -> float:
        """Clue weights found in the question (each phrase once, at its highest weight);
        `strong_only` leaves out scattered title words (used to narrow a question about all
        notices: "which ACF jobs in Aden …")."""
        q = " " + " ".join(tokens(question)) + " "
        found: dict[str, float] = {}
        for phrase, w in self._clues[n.id]:
            key = " ".join(tokens(phrase))
            if key and f" {key} " in q:
                found[key] = max(w, found.get(key, 0))
        total = sum(found.values())
        if strong_only:
            return total
        total += sum(4 for a in self._acronyms(n)
                     if a.lower() in _WORD_ACRONYMS and re.search(rf"\b{a}\b", question))
        title = set(tokens(n.title or "")) - _STOP
        total += sum(self._idf.get(t, 0) for t in title if f" {t} " in q)
        return total

    def resolve(self, question: str, history: Sequence[str] = (), wants_all: bool = False) -> Resolution:
        if not self.notices:
            return Resolution((), "none")
        if wants_all:
            named = tuple(n.id for n in self.notices if self.score(question, n, strong_only=True) >= 2)
            return Resolution(named or tuple(n.id for n in self.notices), "all")
        found = self._best(question)
        earlier = self._from_history(history)
        if found and earlier and not self._strong(question, found):
            return earlier                      # a word of the profile does not move the focus
        if found:
            return found
        if earlier:
            return earlier
        if len(self.notices) == 1:
            return Resolution(tuple(n.id for n in self.notices), "mentioned")
        return Resolution((), "none", tuple(n.id for n in self.notices))

    def _from_history(self, history: Sequence[str]) -> Resolution | None:
        for turn in reversed(history):
            earlier = self._best(turn)
            if earlier and earlier.how == "mentioned":
                return Resolution(earlier.notice_ids, "history")
        return None

    def _strong(self, question: str, found: Resolution) -> bool:
        ids = found.notice_ids or found.candidates
        return any(self.score(question, n, strong_only=True) >= 2 for n in self.notices if n.id in ids)

    def _best(self, text: str) -> Resolution | None:
        scored = sorted(((self.score(text, n), n.id) for n in self.notices), reverse=True)
        if not scored or scored[0][0] < 1.0:
            return self._by_text(text)
        top = scored[0][0]
        tied = tuple(nid for s, nid in scored if s >= top - 1e-9)
        if len(tied) > 1:
            return self._by_text(text, tied) or Resolution((), "ambiguous", tied)
        return Resolution((scored[0][1],), "mentioned")

    def _by_text(self, text: str, among: Sequence[str] | None = None) -> Resolution | None:
        """No clue in the metadata, or a tie: the rare words of the question found in the
        opening of one notice's text ("the WFP IT helpdesk job in Aden", "the Archivist at
        the American Folk Art Museum"), when one notice clearly leads."""
        words = set(tokens(text)) - _STOP - _COMMON
        pool = [n for n in self.notices if among is None or n.id in among]
        if among is not None:                  # only words other than those that made the tie
            words -= {w for n in pool for phrase, _ in self._clues[n.id] for w in tokens(phrase)}
        scored = sorted(((sum(self._text_idf.get(w, 0) for w in words if w in self._heads[n.id]), n.id)
                         for n in pool), reverse=True)
        if not scored or scored[0][0] < 3.0:
            return None
        if len(scored) > 1 and scored[1][0] * 1.5 > scored[0][0]:
            return None
        return Resolution((scored[0][1],), "mentioned")

    @cached_property
    def _heads(self) -> dict[str, set[str]]:
        return {n.id: set(tokens(n.text[:HEAD_CHARS])) for n in self.notices}

    @cached_property
    def _text_idf(self) -> dict[str, float]:
        df: dict[str, int] = {}
        for words in self._heads.values():
            for w in words:
                df[w] = df.get(w, 0) + 1
        total = len(self.notices)
        return {w: math.log(1 + total / d) for w, d in df.items() if d < max(2, total / 3)}
