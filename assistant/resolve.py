"""Which notice(s) a question is about: retrieval over notice cards (`cards.py`).

Each notice's card is indexed once, field by field, with BM25 (bm25s): identifiers (file
stem, id, job opening number) looked up exactly, title (words and word pairs),
organisation (acronyms, the question's full names folded to them), place (duty station,
country), grade and category, and the opening sentences (the job's subject, "the IT
help-desk job in Aden"). Misspelt place, organisation and title words are corrected
against the cards' vocabulary with rapidfuzz; the embedding model's similarity to the
card breaks what the words leave close. A question resolves to one notice when its fused
score clearly leads (`MARGIN`); otherwise to the few notices that fit (a clarification);
a question about "all"/"which" to every notice its named organisation, place and grade
allow. With no clue of its own, a question keeps the notice the conversation was about;
a follow-up naming only a place ("and the one in Nairobi?") prefers the notice there most
like the one in focus.
Per question: a few BM25 look-ups, one fuzzy look-up per unknown word and one embedding
— never a scan of notice texts. Left out: dates ("the post closing on 3 May") and
salaries as clues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Sequence

import numpy as np

from index.sparse import normalise

from .cards import ORGANISATION_OF, NoticeCard, file_name_words, organisation_pattern

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
# Acronyms that are also English words count only when written in capitals.
_WORD_ACRONYMS = {"who", "dos", "dpo", "care", "doc", "com", "ods", "sea"}
_STOP = {"the", "a", "an", "of", "and", "or", "for", "in", "at", "to", "on", "with", "by", "from",
         "post", "posts", "position", "positions", "job", "jobs", "vacancy", "vacancies", "role",
         "notice", "notices", "opening", "temporary", "s", "one", "ones"}
# Question words that say nothing about which notice is meant.
_COMMON = {"what", "which", "when", "where", "who", "how", "does", "do", "is", "are", "can", "could",
           "i", "me", "my", "need", "needed", "required", "require", "requirements", "requirement",
           "apply", "eligible", "salary", "deadline", "language", "languages", "degree",
           "experience", "years", "year", "there", "about", "tell", "much", "many", "this", "that",
           "it", "its", "be", "would", "should", "will", "have", "has", "am", "any", "all", "list",
           "show", "give", "please", "close", "closes", "closing", "open", "still", "pay", "pays",
           "get", "qualify", "they", "them", "their", "these", "those", "you", "your", "we", "us",
           "same", "also", "then", "else", "other", "another", "like", "want", "know", "did",
           "was", "were", "not", "no", "yes", "if", "so", "but", "as", "than", "more", "most",
           "what's", "whats", "i'm", "i've", "ask", "asked", "question", "say", "says", "said",
           "mean", "means", "there's"}
# Field weights of the fused score, and how far the best must lead (a share of its score).
WEIGHTS = {"ident": 12.0, "title": 1.6, "organisation": 3.0, "place": 3.0, "grade": 2.0,
           "opening": 0.35}
DENSE_WEIGHT = 3.0
MIN_SCORE = 2.0        # below this, the question names no notice
MARGIN = 0.12          # the best must lead the second by this share of its own score
AUX_LEAD = 0.6         # how far opening words + embedding must lead to pick among equal names
FOLLOW_UP_MARGIN = 0.4  # with a notice in focus, the posts this close are weighed by likeness to it
MAX_CANDIDATES = 3     # notices a clarification lists
STRUCTURED = ("ident", "organisation", "place", "grade")


@dataclass(frozen=True)
class Resolution:
    notice_ids: tuple[str, ...]
    how: str                      # mentioned, history, all, ambiguous, none
    candidates: tuple[str, ...] = ()


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _words(text: str) -> list[str]:
    """Index words: `tokens` with hyphenated words split ("help-desk" → help, desk)."""
    return [w for t in tokens(text) for w in t.split("-") if w]


def grade_variants(grade: str | None) -> set[str]:
    if not grade:
        return set()
    g = grade.lower()
    return {g, g.replace("-", ""), g.replace("-", " ")}


def _grade_token(grade: str) -> str:
    return re.sub(r"[\s-]", "", grade.lower())


class _Field:
    """One bm25s index over one field of every card (token lists made here)."""

    def __init__(self, docs: list[list[str]], length_norm: bool = True):
        import bm25s

        self.vocabulary = {t for d in docs for t in d}
        self.size = len(docs)
        # Names (title, place, ...): the words named match, however long the field is.
        self._bm25 = bm25s.BM25() if length_norm else bm25s.BM25(b=0.0)
        # bm25s cannot index an empty document: a placeholder token no query has.
        self._bm25.index([d or ["\x00"] for d in docs], show_progress=False)

    def scores(self, query: list[str]) -> np.ndarray:
        known = [t for t in dict.fromkeys(query) if t in self.vocabulary]
        if not known or not self.size:
            return np.zeros(self.size)
        return np.asarray(self._bm25.get_scores(known), dtype=float)


class Resolver:
    """Built once from the cards (and, optionally, their embeddings and the function that
    embeds a question); `resolve` reads only the indexes built here."""

    def __init__(self, cards: Sequence[NoticeCard], embed: Callable[[str], np.ndarray] | None = None,
                 card_vectors: np.ndarray | None = None):
        self.cards = list(cards)
        self.ids = [c.notice_id for c in self.cards]
        self._embed = embed
        self._vectors = card_vectors if embed is not None else None
        self._stemmer = _stemmer()
        self.fields = {name: _Field([fn(c) for c in self.cards], name == "opening")
                       for name, fn in self._field_tokens().items()}
        self._fuzzy_vocabulary = sorted(w for f in ("title", "organisation", "place")
                                        for w in self.fields[f].vocabulary if len(w) >= 5 and "_" not in w)

    # -- the card's tokens, field by field ----------------------------------------------
    def _field_tokens(self) -> dict[str, Callable[[NoticeCard], list[str]]]:
        return {"ident": _ident_tokens, "title": self._title_tokens, "organisation": _organisation_tokens,
                "place": _place_tokens, "grade": _grade_tokens, "opening": self._opening_tokens}

    def _stem(self, words: list[str]) -> list[str]:
        return self._stemmer.stemWords(words)

    def _title_tokens(self, c: NoticeCard) -> list[str]:
        words = self._stem([w for w in _words(normalise(c.title or _file_words(c))) if w not in _STOP])
        return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]

    def _opening_tokens(self, c: NoticeCard) -> list[str]:
        return self._stem([w for w in _words(normalise(c.opening)) if w not in _STOP and w not in _COMMON])

    # -- the question's tokens ------------------------------------------------------------
    def _query(self, question: str) -> dict[str, list[str]]:
        words = [w for w in _words(normalise(question)) if w not in _STOP]
        words = [w for w in words if w not in _WORD_ACRONYMS
                 or re.search(rf"\b{re.escape(w.upper())}\b", question)]
        content = [w for w in words if w not in _COMMON]
        capitalised = {w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", question)}
        capitalised |= {p for w in capitalised for p in w.split("-")}
        content += self._corrections(content)
        stems = self._stem(content)
        orgs = [ORGANISATION_OF[m.group(0).lower()].lower() for m in organisation_pattern().finditer(question)]
        grades = [_grade_token(m.group(0)) for m in re.finditer(
            r"\b(?:[PDG]|GS|NO|FS|SB|SC|ICS|IICA|T)[- ]?\d{1,2}\b|\bNO-?[A-E]\b", question, re.I)]
        return {"ident": tokens(question) + words, "title": stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:])],
                "organisation": [w for w in content if w in ORGANISATION_OF or (
                    w in capitalised and self._stem([w])[0] not in self.fields["title"].vocabulary)] + orgs, "place": content + _pairs(content),
                "grade": grades + content + [a + b for a, b in zip(words, words[1:])], "opening": stems}

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """Every title, organisation and place word of the cards (made once, not per question)."""
        return frozenset().union(*(self.fields[f].vocabulary for f in ("title", "organisation", "place")))

    def _corrections(self, words: list[str]) -> list[str]:
        """For each word of five letters or more that no card has, the nearest card word
        (place, organisation or title) when it is close enough ("Layoune" → "laayoune")."""
        from rapidfuzz import fuzz, process

        known = self._known_words
        out = []
        for w in words:
            if len(w) < 5 or w in known or self._stem([w])[0] in known:
                continue
            hit = process.extractOne(w, self._fuzzy_vocabulary, scorer=fuzz.ratio, score_cutoff=84)
            if hit:
                out.append(hit[0])
        return out

    # -- scoring --------------------------------------------------------------------------
    def field_scores(self, question: str) -> dict[str, np.ndarray]:
        query = self._query(question)
        return {name: f.scores(query[name]) for name, f in self.fields.items()}

    def scores(self, question: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(score from the names the question gives — identifiers, title, organisation,
        place, grade —, score from the rest — opening words, embedding —, whether a
        structured field matched), one value per card."""
        by_field = self.field_scores(question)
        named = sum(WEIGHTS[f] * by_field[f] for f in ("ident", "title", "organisation", "place", "grade"))
        rest = WEIGHTS["opening"] * by_field["opening"]
        strong = np.zeros(len(self.cards), dtype=bool)
        for f in STRUCTURED:
            strong |= by_field[f] > 0
        strong |= self._title_pairs(question)
        if self._vectors is not None and (named + rest).max(initial=0) > 0:
            sims = self._vectors @ self._embed(question)
            rest = rest + DENSE_WEIGHT * np.clip(sims - 0.25, 0, None) * ((named + rest) > 0)
        return named, rest, strong

    def _title_pairs(self, question: str) -> np.ndarray:
        pairs = [t for t in self._query(question)["title"] if "_" in t]
        return self.fields["title"].scores(pairs) > 0

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, question: str, history: Sequence[str] = (), wants_all: bool = False) -> Resolution:
        if not self.cards:
            return Resolution((), "none")
        if wants_all:
            return Resolution(self.named(question) or tuple(self.ids), "all")
        found, strong = self._best(question)
        earlier = self._from_history(history)
        if found and earlier:
            found = self._best(question, FOLLOW_UP_MARGIN)[0]
        if earlier and (found is None or not strong):
            return earlier                      # a word of the profile does not move the focus
        if found and earlier:                   # "and the one in Nairobi?": the like post there
            return self._near_focus(found, earlier) or found
        if found:
            return found
        if len(self.cards) == 1:
            return Resolution(tuple(self.ids), "mentioned")
        return Resolution((), "none")

    def named(self, question: str) -> tuple[str, ...]:
        """The notices an "all"/"which" question narrows to: those matching every one of
        the organisation, place and grade it names, and among them those whose titles fit
        its title words best (nothing named: empty)."""
        by_field = self.field_scores(question)
        keep = np.ones(len(self.cards), dtype=bool)
        named = False
        for f in ("ident", "organisation", "place", "grade"):
            if by_field[f].max(initial=0) > 0:
                keep &= by_field[f] > 0
                named = True
        title = np.where(keep, by_field["title"], 0.0)
        if title.max(initial=0) > 0:           # "which WFP hydrologist posts": the title words too
            keep &= title >= title.max() * 0.5
            named = True
        return tuple(self.ids[i] for i in np.flatnonzero(keep)) if named else ()

    def _best(self, text: str, margin: float = MARGIN) -> tuple[Resolution | None, bool]:
        """The notices the names in `text` fit within `margin` of the best; the opening
        words and the embedding pick one of them only when they clearly lead (`AUX_LEAD`),
        so two posts of one title stay two."""
        named, rest, strong = self.scores(text)
        total = named + rest
        order = np.argsort(-total, kind="stable")
        top = float(total[order[0]])
        if top < MIN_SCORE and not strong[order[0]]:   # BM25 scores are small over few notices
            return None, False
        if named.max() > 0:
            by_name = np.argsort(-named, kind="stable")[:50]
            close = [int(i) for i in by_name if named[i] >= named[by_name[0]] * (1 - margin)]
            close.sort(key=lambda i: -rest[i])
            if len(close) > 1 and rest[close[0]] - rest[close[1]] >= AUX_LEAD:
                close = close[:1]
        else:
            close = [int(i) for i in order[:50] if total[i] >= top * (1 - margin)]
        if len(close) == 1:
            return Resolution((self.ids[close[0]],), "mentioned"), bool(strong[close[0]])
        return Resolution((), "ambiguous", tuple(self.ids[i] for i in close)), bool(strong[close].any())

    def _from_history(self, history: Sequence[str]) -> Resolution | None:
        for turn in reversed(history):
            earlier, _ = self._best(turn)
            if earlier and earlier.how == "mentioned":
                return Resolution(earlier.notice_ids, "history")
        return None

    def _near_focus(self, found: Resolution, focus: Resolution) -> Resolution | None:
        """Of the notices a follow-up fits, the one most like the notice in focus (same
        organisation, title words), when it clearly leads; a single fitting notice is it."""
        if found.notice_ids:
            return found
        card = self.card(focus.notice_ids[0])
        like = " ".join(filter(None, (card.title, card.organisation)))
        by_field = self.field_scores(like)
        index = self._position
        scored = sorted(((by_field["title"][index[n]] + by_field["organisation"][index[n]], n)
                         for n in found.candidates if n != card.notice_id), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0] * (1 - MARGIN)):
            return Resolution((scored[0][1],), "mentioned")
        return None

    def card(self, notice_id: str) -> NoticeCard:
        return self.cards[self._position[notice_id]]

    @cached_property
    def _position(self) -> dict[str, int]:
        return {nid: i for i, nid in enumerate(self.ids)}


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _pairs(words: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(words, words[1:])]


def _ident_tokens(c: NoticeCard) -> list[str]:
    """Words of the id, file stem and job opening number that name only this notice
    (a digit in them, five characters or more), and the whole stem."""
    text = " ".join(filter(None, (c.notice_id, c.stem.replace("_", " "), c.job_opening)))
    return [w for w in dict.fromkeys(tokens(text) + _words(text)) if len(w) >= 5 and any(ch.isdigit() for ch in w)]


def _organisation_tokens(c: NoticeCard) -> list[str]:
    words = [w for w in _words(c.organisation or "") if w not in _STOP and w not in _COMMON
             and w not in ("united", "nations", "un")]
    return words + [a.lower() for a in c.acronyms if a not in ("UN",)]


def _file_words(c: NoticeCard) -> str:
    """The words of the file name, for a notice whose text states no title or place (a
    fragment): `017_wfp-ict-associate-service-desk-aden-fragment` → "wfp ict … aden"."""
    return " ".join(file_name_words(c.source))


def _place_tokens(c: NoticeCard) -> list[str]:
    named = " ".join(filter(None, (c.duty_station, c.country))) if c.duty_station else c.file_place
    words = [w for w in _words(named)
             if w not in _STOP and w not in _COMMON and not w.isdigit()]
    return words + _pairs(words)


def _grade_tokens(c: NoticeCard) -> list[str]:
    out = [_grade_token(c.grade)] if c.grade else []
    return out + (tokens(c.category) if c.category else [])

