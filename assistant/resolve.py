"""Which notice(s) a question is about: retrieval over notice cards (`cards.py`).

Each notice's card is indexed once, field by field, with BM25 (bm25s): identifiers (file
stem, id, job opening number) looked up exactly, title (words and word pairs; a trailing
"- Organisation" left to the organisation), organisation (acronyms, the question's full
names folded to them, initials written in capitals: "HCCC"), place (duty station,
country), grade (whole, and each alternative or code: "SL2" of "SL2 / Negotiating") and
category, the opening sentences (the job's subject, "the IT
help-desk job in Aden"), and the words of its duty sections (`NoticeCard.duties`: a
word of subject found only there counts, at a low weight, as a name would: "the job
that installs the art exhibitions"). Misspelt place, organisation and title words are corrected
against the cards' vocabulary with rapidfuzz; the embedding model's similarity to the
card breaks what the words leave close. A question resolves to one notice when its fused
score clearly leads (`MARGIN`); otherwise to the few notices that fit (a clarification);
a question about "all"/"which" to every notice its named organisation, place and grade
allow. With no clue of its own, a question keeps the notice the conversation was about;
a follow-up naming only a place ("and the one in Nairobi?") prefers the notice there most
like the one in focus, and "at that college" names the focus's employer. A term the
question asks for ("the full-time librarian", "the P5") lowers the cards whose title or
grade states another (`Tuning.contradiction`); what it asks ("how many hours a week",
"an ALA master's") names nothing.
Per question: a few BM25 look-ups, one fuzzy look-up per unknown word and one embedding
— never a scan of notice texts. Left out: dates ("the post closing on 3 May") and
salaries as clues.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Sequence

import numpy as np

from index.sparse import normalise

from .cards import ORGANISATION_OF, NoticeCard, acronym_of, file_name_words, organisation_pattern

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
@dataclass(frozen=True)
class Tuning:
    """The fused score's weights and the decision's margins (values, passed down).

    The defaults are measured, not set by hand: `benchmarks/resolve.py --calibrate` searches
    them on the tuning part of its references (see benchmarks/README.md)."""

    # How much a question word counts in each field it matches, times its IDF over the
    # cards (one IDF per word, whatever field it is found in: BM25F with binary term
    # frequency). A word counts once, in its best field.
    ident: float = 4.0
    title: float = 1.0
    organisation: float = 2.0
    place: float = 1.6
    grade: float = 1.4
    grade_part: float = 1.0     # one of a grade's alternatives or codes ("Instructor" of
                                # "Instructor or Assistant Professor", "SL2" of "SL2 / Negotiating")
    # × the title words named × the share of the card's title they make. The calibration
    # chose 1.2, but its "title only" references expect the exact title alone; at 1.2
    # "the Security Coordination Officer" no longer asks between it and "Security
    # Coordination Officer (Crisis Management Project)" (evals/datasets S93-S96; at 0.3
    # it still picks in an index of the 5 seed notices). At 0.2 this benchmark measures
    # the same as at 1.2 on the seed-7 parts.
    coverage: float = 0.2
    opening: float = 0.35       # the subject words against the opening sentences (BM25)
    duties: float = 0.3         # a subject word found only in the card's duty words (× its IDF
                                # there): "the job that installs the art exhibitions"
    dense: float = 3.0          # the embedding's similarity to the card, above DENSE_FLOOR
    contradiction: float = 0.25  # × the score of a card whose title says the opposite of what the
                                 # question asks for ("full-time" against "Part-Time Librarian")
    min_score: float = 2.0      # below this, the question names no notice
    margin: float = 0.16        # notices within this share of the best are "close"
    aux_lead: float = 0.6       # how far opening words + embedding must lead to pick among close ones
    follow_up: float = 2.0      # × the likeness to the notice in focus (a share of the best name
                                # score), for a follow-up that names a notice


DENSE_FLOOR = 0.25
MAX_CANDIDATES = 3     # notices a clarification lists
NAME_FIELDS = ("ident", "title", "organisation", "place", "grade", "grade_part")
# A plain word of the question looked up in the organisation line ("Queens Library") counts
# as a title word would; an organisation's name or acronym counts as an organisation.
_FIELD_OF = {"organisation word": "organisation", "grade part": "grade_part"}
_WEIGHT_OF = {"organisation word": "title", "grade part": "grade_part"}
STRUCTURED = ("ident", "organisation", "place", "grade", "grade part")


@dataclass(frozen=True)
class Resolution:
    notice_ids: tuple[str, ...]
    how: str                      # mentioned, history, all, ambiguous, none
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Unit:
    """One thing a question names: a word, two adjacent words, an organisation or a
    grade, with the token it is looked up by in each field."""

    text: str
    tokens: tuple[tuple[str, str], ...]        # (field, token)
    pair: bool = False                         # two adjacent words


@dataclass(frozen=True)
class Scored:
    """Per card: the name score (identifiers, title, organisation, place, grade, title
    coverage), the rest (subject words in the opening, embedding), and whether a
    structured field (or two title words in a row) matched."""

    named: np.ndarray
    rest: np.ndarray
    strong: np.ndarray


@dataclass(frozen=True)
class _Parts:
    named: np.ndarray        # the units' scores (field weights applied)
    coverage: np.ndarray     # `_title_fit`: how much of each card's title the question names
    opening: np.ndarray      # BM25 of the subject words over the opening sentences
    dense: np.ndarray        # the embedding's similarity above DENSE_FLOOR (0 without words of subject)
    strong: np.ndarray


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _words(text: str) -> list[str]:
    """Index words: `tokens` with hyphenated words split ("help-desk" → help, desk) and a
    possessive 's left out ("Touro's" → touro)."""
    return [w for t in tokens(text) for w in re.sub(r"'s$", "", t).split("-") if w]


def grade_variants(grade: str | None) -> set[str]:
    if not grade:
        return set()
    g = grade.lower()
    return {g, g.replace("-", ""), g.replace("-", " ")}


def _grade_token(grade: str) -> str:
    return re.sub(r"[\s-]", "", grade.lower())


# "I" as a numeral of a title: after a capitalised word that is not a question word, and
# not followed by a verb ("the Librarian I in Bronxville", not "Can I apply", "Librarian I have").
_NUMERAL_I = re.compile(r"\b(?!(?:Can|Could|Do|Did|Am|Should|Would|Will|May|Might|Must|Shall|What|When|Where|How|Why|"
                        r"If|And|But|So|Or|Have|Has|Had|Was|Were|Is|Are)\b)[A-Z][a-z]+ I\b(?! (?:am|have|had|was|"
                        r"will|would|can|could|should|need|want|might|may|must|meet|qualify|apply)\b)")
# A follow-up naming the employer of the post in focus ("is there also a librarian opening
# at that college?"): the words are replaced by that employer's name.
_SAME_EMPLOYER = re.compile(r"\b(?:that|this|the same|same)\s+(?:college|university|library|organi[sz]ation|agency|"
                            r"employer|institution|museum|school|company|firm|institute|foundation|society|"
                            r"cent(?:er|re)|hospital|archives?)\b", re.I)
# What a question asks, not what it names: "how long", "how many hours", "a week", "per
# hour", "hourly rate" ("the Part-Time Librarian (15-20 hours/week)" is not named by them),
# "based in" (a duty station "Remote, must be based in the United States" is not named by it).
_ASKED = re.compile(r"\bhow (?:long|much|often|many(?: (?:hours|days|weeks|months|years))?)\b|\b(?:a|an|per|each) (?:hour|day|week|month|year)\b"
                    r"|\bhourly (?:rate|pay|wage)s?\b|\bbased (?:in|at|out of)\b", re.I)
# An acronym before a degree or accreditation word names a qualification the question asks
# about ("is an ALA master's required?", "ALA-accredited"), not the employer.
_QUALIFICATION = re.compile(r"\b[A-Z]{2,6}(?=[- ](?:accredited|accreditation|master'?s?|masters|degree|bachelor'?s?|"
                            r"certifi\w*|MLS|MLIS|MSLS|MSIS)\b)")
_GRADE = re.compile(r"\b(?:[PDG]|GS|NO|FS|SB|SC|ICS|IICA|T|AD|AST)[- ]?\d{1,2}\b|\bNO-?[A-E]\b", re.I)


# Terms of a post that a title states and a question can ask for: each with its opposite.
# In a title any mention counts; in a question only a modifier of the words after it ("the
# full-time librarian", "a paid internship"), not a question about it ("is it paid?", "is
# the post full-time or part-time?").
_TERMS = {t: re.compile(p) for t, p in {
    "full-time": r"(?i:\bfull[\s-]*time\b)|\bFT\b", "part-time": r"(?i:\bpart[\s-]*time\b)|\bPT\b",
    "paid": r"(?i:(?<!un)\bpaid\b)", "unpaid": r"(?i:\bunpaid\b)",
    "temporary": r"(?i:\btemporary\b|\btemp\b)", "permanent": r"(?i:\bpermanent\b)"}.items()}
_OPPOSITE = {"full-time": "part-time", "part-time": "full-time", "paid": "unpaid", "unpaid": "paid",
             "temporary": "permanent", "permanent": "temporary"}
# Words after a term that make it a question about the term, not a modifier of a noun.
_NOT_A_NOUN = {"or", "and", "in", "at", "for", "to", "with", "on", "by", "from", "of", "is", "are", "was",
               "were", "as", "than", "then", "if", "but", "so", "please", "now", "too", "also", "only"}


def _title_terms(title: str) -> frozenset[str]:
    return frozenset(t for t, p in _TERMS.items() if p.search(title))


def asked_terms(question: str) -> frozenset[str]:
    """The terms of `_TERMS` the question uses as a modifier ("the full-time learning
    commons librarian": full-time; "is the internship paid?": none)."""
    out = set()
    for term, pattern in _TERMS.items():
        for m in pattern.finditer(question):
            after = re.match(r"[\s)]*([A-Za-z][\w'’-]*)", question[m.end():])
            if after and after.group(1).lower() not in _NOT_A_NOUN:
                out.add(term)
    return frozenset(out)


class _Postings:
    """Which cards hold each token of one field (a name is there or not: how often and
    how long the field is do not count)."""

    def __init__(self, docs: list[list[str]]):
        index: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            for t in dict.fromkeys(doc):
                index.setdefault(t, []).append(i)
        self._cards = {t: np.asarray(v, dtype=np.int64) for t, v in index.items()}
        self.vocabulary = frozenset(self._cards)
        self.size = len(docs)

    def cards(self, token: str) -> np.ndarray:
        return self._cards.get(token, _NONE)

    def idf(self, token: str) -> float:
        return _idf(len(self.cards(token)), self.size)


_NONE = np.zeros(0, dtype=np.int64)


def _idf(df: int, n: int) -> float:
    return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))


class _Opening:
    """bm25s over the cards' opening sentences (length-normalised: running text)."""

    def __init__(self, docs: list[list[str]]):
        import bm25s

        self.vocabulary = {t for d in docs for t in d}
        self.size = len(docs)
        self._bm25 = bm25s.BM25()
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
                 card_vectors: np.ndarray | None = None, tuning: Tuning = Tuning()):
        self.cards = list(cards)
        self.ids = [c.notice_id for c in self.cards]
        self.tuning = tuning
        self._embed = embed
        self._vectors = card_vectors if embed is not None else None
        self._stemmer = _stemmer()
        fields = self._field_tokens()
        self.fields = {name: _Postings([fn(c) for c in self.cards]) for name, fn in fields.items()}
        self.opening = _Opening([self._opening_tokens(c) for c in self.cards])
        self.duties = _Postings([self._duty_tokens(c) for c in self.cards])
        terms = [_title_terms(c.title or "") for c in self.cards]
        self._terms = {t: np.asarray([t in ts for ts in terms], dtype=bool) for t in _TERMS}
        # each card's grade when it is one of the graded scales (`_GRADE`: "P-5", "AD-9"), else ""
        self._scale_grade = np.asarray([_grade_token(c.grade) if c.grade and _GRADE.fullmatch(c.grade.strip())
                                        else "" for c in self.cards])
        title = self.fields["title"]
        self._title_mass = np.asarray([sum(title.idf(t) for t in dict.fromkeys(fields["title"](c)))
                                       for c in self.cards], dtype=float)
        self._fuzzy_vocabulary = sorted(w for f in ("title", "organisation", "place")
                                        for w in self.fields[f].vocabulary if len(w) >= 5 and "_" not in w)
        _ = self._name_mass                  # made at start, not at the first question

    def tuned(self, tuning: Tuning) -> Resolver:
        """The same indexes with other weights and margins (for calibration)."""
        other = copy.copy(self)
        other.tuning = tuning
        return other

    # -- the card's tokens, field by field ----------------------------------------------
    def _field_tokens(self) -> dict[str, Callable[[NoticeCard], list[str]]]:
        return {"ident": _ident_tokens, "title": self._title_tokens, "organisation": _organisation_tokens,
                "place": _place_tokens, "grade": _grade_tokens, "grade_part": _grade_part_tokens}

    def _stem(self, words: list[str]) -> list[str]:
        return self._stemmer.stemWords(words)

    def _title_tokens(self, c: NoticeCard) -> list[str]:
        words = self._stem([w for w in _words(normalise(_own_title(c))) if w not in _STOP])
        return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]

    def _opening_tokens(self, c: NoticeCard) -> list[str]:
        return self._stem([w for w in _words(normalise(c.opening)) if w not in _STOP and w not in _COMMON])

    def _duty_tokens(self, c: NoticeCard) -> list[str]:
        return self._stem([w for w in _words(c.duties) if w not in _STOP and w not in _COMMON])

    # -- the question's units -------------------------------------------------------------
    def units(self, question: str) -> list[_Unit]:
        """What the question names: identifiers, organisations (acronym or full name),
        grades, then each remaining content word and each pair of adjacent ones."""
        out: list[_Unit] = []
        taken: list[tuple[int, int]] = []
        for t in dict.fromkeys(tokens(question) + _words(question)):
            if len(t) >= 5 and any(ch.isdigit() for ch in t):
                out.append(_Unit(t, (("ident", t),)))
        taken += [m.span() for m in _QUALIFICATION.finditer(question)]
        for m in organisation_pattern().finditer(question):
            if any(a <= m.start() < b for a, b in taken):
                continue
            out.append(_Unit(m.group(0), (("organisation", acronym_of(m.group(0)).lower()),)))
            taken.append(m.span())
        for m in _GRADE.finditer(question):
            out.append(_Unit(m.group(0), (("grade", _grade_token(m.group(0))), ("grade part", _grade_token(m.group(0))))))
            taken.append(m.span())
        taken += [m.span() for m in _ASKED.finditer(question)]
        rest = "".join(ch if not any(a <= i < b for a, b in taken) else " " for i, ch in enumerate(question))
        words = [w for w in _words(normalise(rest)) if w not in _STOP]
        words = [w for w in words if w not in _WORD_ACRONYMS or re.search(rf"\b{re.escape(w.upper())}\b", question)]
        numeral = _NUMERAL_I.search(question) is not None        # "Librarian I", not "Can I"
        content = [w for w in words if w not in _COMMON or (w == "i" and numeral)]
        capitalised = {w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", question)}
        capitalised |= {p for w in capitalised for p in w.split("-")}
        title_vocabulary = self.fields["title"].vocabulary
        in_capitals = set(re.findall(r"\b[A-Z]{3,}\b", question))
        for w in dict.fromkeys(content):
            forms = [w, *self._corrections(w)]
            stems = self._stem(forms)
            pairs = [("title", s) for s in stems] + [("place", f) for f in forms] + [("grade", f) for f in forms] \
                + [("grade part", f) for f in forms]
            named_org = w in ORGANISATION_OF or (w in capitalised and self._stem([w])[0] not in title_vocabulary)
            pairs += [("organisation" if named_org else "organisation word", f) for f in forms]
            if w.upper() in in_capitals:                 # "HCCC's", "NYU": initials
                pairs.append(("organisation", INITIALS + w))
            out.append(_Unit(w, tuple(pairs)))
        for a, b in zip(content, content[1:]):
            sa, sb = self._stem([a, b])
            out.append(_Unit(f"{a} {b}", (("title", f"{sa}_{sb}"), ("place", f"{a}_{b}"), ("grade", a + b),
                                          ("grade part", a + b)), True))
        for a, b in zip(words, words[1:]):          # "Level 5": a grade written as two words
            if (a in _COMMON or b in _COMMON) and a + b in self.fields["grade"].vocabulary:
                out.append(_Unit(f"{a} {b}", (("grade", a + b),), True))
        return out

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """Every title, organisation and place word of the cards (made once, not per question)."""
        return frozenset().union(*(self.fields[f].vocabulary for f in ("title", "organisation", "place")))

    def _corrections(self, w: str) -> list[str]:
        """For a word of five letters or more that no card has: the place it is the
        demonym of ("Haitian" → haiti), else the nearest card word (place, organisation or
        title) when it is close enough ("Layoune" → "laayoune")."""
        from rapidfuzz import fuzz, process

        known = self._known_words
        if len(w) < 5 or w in known or self._stem([w])[0] in known:
            return []
        places = self.fields["place"].vocabulary
        demonym = [p for p in (w[:-1], w[:-2], w[:-3], w + "a") if len(p) >= 4 and p in places] \
            if re.search(r"(?:an|ese|i)$", w) else []
        if demonym:
            return demonym[:1]
        hit = process.extractOne(w, self._fuzzy_vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        return [hit[0]] if hit else []

    # -- scoring --------------------------------------------------------------------------
    def unit_scores(self, unit: _Unit, fields: Sequence[str] = NAME_FIELDS) -> tuple[np.ndarray, np.ndarray]:
        """(score per card: the unit's IDF — over the cards holding any of its tokens in any
        field, BM25F's one IDF per word — times the weight of the best of `fields` it
        matches there; whether it matches a structured field there)."""
        weight = np.zeros(len(self.cards))
        structured = np.zeros(len(self.cards), dtype=bool)
        holders = []
        for field, token in unit.tokens:
            index = self.fields[_FIELD_OF.get(field, field)]
            cards = index.cards(token)
            holders.append(cards)
            if len(cards) and _FIELD_OF.get(field, field) in fields:
                weight[cards] = np.maximum(weight[cards], getattr(self.tuning, _WEIGHT_OF.get(field, field)))
                if field in STRUCTURED:
                    structured[cards] = True
        every = np.concatenate(holders) if holders else _NONE
        df = len(np.unique(every)) if len(holders) > 1 else len(every)
        return weight * _idf(df, len(self.cards)), structured

    def parts(self, question: str) -> _Parts:
        """The score's parts per card, before the tuning's coverage, opening and dense
        weights are applied."""
        units = self.units(question)
        n = len(self.cards)
        named, strong = np.zeros(n), np.zeros(n, dtype=bool)
        subject: list[str] = []
        duty = np.zeros((2, n))   # each card's two best duty-word gains
        for unit in units:
            s, structured = self.unit_scores(unit)
            strong |= structured | (s > 0 if unit.pair else False)
            if not unit.pair and self._dominant(unit) in ("title", None) and unit.tokens[0][0] == "title":
                subject.append(unit.text)          # a word that does not name an organisation, place, grade
                if not unit.text.isdigit():
                    gain = np.maximum(s, self._duty_scores(unit)) - s   # counted once, in its best field
                    duty = np.sort(np.vstack([duty, gain]), axis=0)[-2:]
            named += s
        named += duty.sum(axis=0)   # at most two: a profile's many words must not add up to a name
        opening = self.opening.scores(self._stem(subject)) if subject else np.zeros(n)
        dense = np.zeros(n)
        if self._vectors is not None and subject and named.max(initial=0) > 0:
            dense = np.clip(self._vectors @ self._embed(question) - DENSE_FLOOR, 0, None) * (named > 0)
        return _Parts(named, self._title_fit(units), opening, dense, strong)

    def _duty_scores(self, unit: _Unit) -> np.ndarray:
        """`duties` × the IDF over the duty words, on the cards whose duty words hold the
        unit (any of its spellings)."""
        out = np.zeros(len(self.cards))
        for field, token in unit.tokens:
            if field == "title":
                cards = self.duties.cards(token)
                out[cards] = np.maximum(out[cards], self.tuning.duties * self.duties.idf(token))
        return out

    def scores(self, question: str) -> Scored:
        p, t = self.parts(question), self.tuning
        named = p.named + t.coverage * t.title * p.coverage
        rest = t.opening * p.opening + t.dense * p.dense
        against = self.contradicted(question)
        if against.any():
            named, rest = np.where(against, named * t.contradiction, named), np.where(against, rest * t.contradiction, rest)
        return Scored(named, rest, p.strong)

    def contradicted(self, question: str) -> np.ndarray:
        """The cards whose title states the opposite of a term the question asks for
        (`asked_terms`), or whose grade is another of the grades the question names: a
        look-up of flags made once per card."""
        out = np.zeros(len(self.cards), dtype=bool)
        for term in asked_terms(question):
            out |= self._terms[_OPPOSITE[term]]
        grades = {_grade_token(m.group(0)) for m in _GRADE.finditer(question)
                  if not _OWN_GRADE.search(question[:m.start()])}   # "as a G6 assistant" is the asker's
        if grades:          # "the P5 in The Hague": a card of another stated grade is not it
            out |= (self._scale_grade != "") & ~np.isin(self._scale_grade, list(grades))
        return out

    def likeness(self, card: NoticeCard) -> np.ndarray:
        """How alike each card's title and organisation are to `card`'s (1.0 for the same
        title and organisation)."""
        fields = self._field_tokens()
        return self._likeness({f: _named(fields[f](card)) for f in ("title", "organisation")})

    def asked_likeness(self, question: str) -> np.ndarray:
        """How alike each card's title and organisation are to the title and organisation
        words of `question` (its words that name a place or a grade left out)."""
        wanted: dict[str, list[str]] = {"title": [], "organisation": []}
        for unit in self.units(question):
            field = _FIELD_OF.get(self._dominant(unit), self._dominant(unit))
            if not unit.pair and field in wanted:
                wanted[field] += [t for f, t in unit.tokens if _FIELD_OF.get(f, f) == field]
        return self._likeness(wanted)

    def _dominant(self, unit: _Unit) -> str | None:
        """The field in which a unit matches the most cards: what the word usually names
        ("library": a title word, though a few duty stations hold it)."""
        counts: dict[str, int] = {}
        for f, t in unit.tokens:
            counts[f] = max(counts.get(f, 0), len(self.fields[_FIELD_OF.get(f, f)].cards(t)))
        best = max(counts, key=counts.get, default=None)
        return best if best and counts[best] else None

    def _likeness(self, tokens: dict[str, list[str]]) -> np.ndarray:
        """The Dice coefficient of `tokens` (per field) and each card's title and
        organisation tokens, IDF-weighted in each field: a longer title holding the same
        words is less alike."""
        shared = np.zeros(len(self.cards))
        own = 0.0
        for field, wanted in tokens.items():
            postings = self.fields[field]
            for t in dict.fromkeys(wanted):
                shared[postings.cards(t)] += postings.idf(t)
                own += postings.idf(t) if len(postings.cards(t)) else 0.0
        return 2 * shared / np.maximum(self._name_mass + own, 1e-9)

    @cached_property
    def _name_mass(self) -> np.ndarray:
        """Each card's title and organisation tokens' IDF, summed (made once)."""
        fields = self._field_tokens()
        return np.asarray([sum(self.fields[f].idf(t) for f in ("title", "organisation")
                               for t in dict.fromkeys(_named(fields[f](c)))) for c in self.cards], dtype=float)

    def _title_fit(self, units: list[_Unit]) -> np.ndarray:
        """Per card, the IDF of its title tokens (words and word pairs, in the title field)
        that the question's title words name, times the share of its title they make: an
        exact title beats a longer one holding it, in proportion to how much of the
        question the title is. Words that name a place or an organisation ("New York" in
        "Librarian - The Yale Club of New York City") are left out."""
        title = self.fields["title"]
        hit = np.zeros(len(self.cards))
        wanted = [u for u in units if self._dominant(u) == "title"
                  or (u.pair and all(self._dominant(_word_unit(w, units)) == "title" for w in u.text.split()))]
        for t in dict.fromkeys(tok for u in wanted for f, tok in u.tokens if f == "title"):
            hit[title.cards(t)] += title.idf(t)
        share = np.divide(hit, self._title_mass, out=np.zeros_like(hit), where=self._title_mass > 0)
        return hit * share

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, question: str, history: Sequence[str] = (), wants_all: bool = False) -> Resolution:
        if not self.cards:
            return Resolution((), "none")
        if wants_all:
            return Resolution(self.named(question) or tuple(self.ids), "all")
        earlier = self._history(history)
        focus = next((r for _, r in earlier if r.how == "mentioned"), None)
        if focus and (same := _SAME_EMPLOYER.search(question)):    # "at that college": the focus's employer
            employer = _employer_name(self.card(focus.notice_ids[0]))
            if employer:
                question = question[:same.start()] + employer + question[same.end():]
        scored = self.scores(question)
        found = self._decide(scored)
        if found and found.how == "mentioned" and _SEVERAL.search(question):   # "the vacancies in Hargeisa"
            close = self._close(scored, self.tuning.margin)
            if len(close) > 1:
                found = Resolution((), "ambiguous", tuple(self.ids[i] for i in close))
        if focus and _OTHER_ONE.search(question):   # "the other NGO vacancy in Hargeisa": not the focus
            return self._near_focus(scored, *earlier[0]) or Resolution((), "none")
        if earlier and (found is None or not self._strong(scored, found)):
            # a word of the profile does not move the focus
            return Resolution(focus.notice_ids, "history") if focus else found or Resolution((), "none")
        if found and earlier and not self._names_a_title(question):   # "and the one in Nairobi?"
            return self._near_focus(scored, *earlier[0]) or found
        if found:
            return found
        if len(self.cards) == 1:
            return Resolution(tuple(self.ids), "mentioned")
        return Resolution((), "none")

    def named(self, question: str) -> tuple[str, ...]:
        """The notices an "all"/"which" question narrows to: those matching every
        organisation, place and grade it names, and among them those whose titles fit
        its title words best (nothing named: empty)."""
        n = len(self.cards)
        keep = np.ones(n, dtype=bool)
        named = False
        title = np.zeros(n)
        for unit in self.units(question):
            s, structured = self.unit_scores(unit)
            if structured.any():
                keep &= structured
                named = True
            elif " " not in unit.text:
                title += s
        title = np.where(keep, title, 0.0)
        if title.max(initial=0) > 0:           # "which WFP hydrologist posts": the title words too
            keep &= title >= title.max() * 0.5
            named = True
        return tuple(self.ids[i] for i in np.flatnonzero(keep)) if named else ()

    def _close(self, scored: Scored, margin: float) -> list[int]:
        """The cards whose name score is within `margin` of the best, best first (by
        name, then by the rest)."""
        named, rest = scored.named, scored.rest
        order = np.argsort(-(named + rest), kind="stable")[:200]
        top = float(named.max(initial=0))
        return [int(i) for i in order if named[i] >= top * (1 - margin)][:50]

    def _decide(self, scored: Scored) -> Resolution | None:
        """One notice when its names clearly lead (`margin`); among notices the names
        leave close, the opening words and the embedding pick one only when they clearly
        lead (`aux_lead`), so two posts of one title stay two."""
        t = self.tuning
        total = scored.named + scored.rest
        best = int(np.argmax(total))
        if total[best] < t.min_score and not scored.strong[best]:   # names nothing
            return None
        if scored.named.max(initial=0) <= 0:
            if scored.rest.max(initial=0) < t.min_score:
                return None
            # no name matched: the words of subject in the openings name the notice
            # ("Touro's institutional repository")
            scored = Scored(scored.rest, np.zeros_like(scored.rest), scored.strong)
        close = self._close(scored, t.margin)
        if len(close) > 1:
            by_rest = sorted(close, key=lambda i: -scored.rest[i])
            if scored.rest[by_rest[0]] - scored.rest[by_rest[1]] >= t.aux_lead:
                close = by_rest[:1]
        if len(close) == 1:
            return Resolution((self.ids[close[0]],), "mentioned")
        return Resolution((), "ambiguous", tuple(self.ids[i] for i in close))

    def _strong(self, scored: Scored, found: Resolution) -> bool:
        ids = found.notice_ids or found.candidates
        return bool(any(scored.strong[self._position[i]] for i in ids))

    def _names_a_title(self, question: str) -> bool:
        """Does the question use a word that is usually a title word ("the Security
        Coordination Officer post in Laayoune"), not only places, organisations, grades?"""
        return any(not u.pair and self._dominant(u) == "title" for u in self.units(question))

    def _history(self, history: Sequence[str]) -> list[tuple[str, Resolution]]:
        """What the earlier turns named, latest first (turns that named none left out)."""
        out = []
        for turn in reversed(history):
            earlier = self._decide(self.scores(turn))
            if earlier:
                out.append((turn, earlier))
        return out

    def _near_focus(self, scored: Scored, turn: str, earlier: Resolution) -> Resolution | None:
        """A follow-up that names something ("and the one in Nairobi?"): its names plus
        the likeness to what the last turn named (its notice; when it left several open,
        the title and organisation words it used), weighted by `follow_up`, decided as any
        question."""
        like = self.likeness(self.card(earlier.notice_ids[0])) if earlier.notice_ids \
            else self.asked_likeness(turn)
        named = scored.named + self.tuning.follow_up * like * scored.named.max(initial=0) * (scored.named > 0)
        if earlier.notice_ids and np.count_nonzero(named) > 1:
            named[self._position[earlier.notice_ids[0]]] = 0.0   # "the one in X" is another one
        return self._decide(Scored(named, scored.rest, scored.strong))

    def card(self, notice_id: str) -> NoticeCard:
        return self.cards[self._position[notice_id]]

    @cached_property
    def _position(self) -> dict[str, int]:
        return {nid: i for i, nid in enumerate(self.ids)}


# Words before a grade that make it the asker's own ("I am a G6", "as a G-5 assistant",
# "my P3 post", "currently at NO-B"), not the post's.
_OWN_GRADE = re.compile(r"\b(?:i am|i'm|as|my|currently|been|was|served)\s+(?:an?\s+|at\s+|the\s+)?\W*$", re.I)
# A question about several posts: the names it fits equally are offered, not one picked.
_SEVERAL = re.compile(r"\b(?:vacancies|posts|positions|jobs|openings|roles|notices)\b", re.I)
# A follow-up asking for another post than the one in focus.
_OTHER_ONE = re.compile(r"\b(?:the other|another|other one|a different|the second)\b", re.I)


def _word_unit(word: str, units: list[_Unit]) -> _Unit:
    return next((u for u in units if u.text == word and not u.pair), _Unit(word, ()))


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
    return words + [a.lower() for a in c.acronyms] + [INITIALS + i for i in initials(c.organisation or "")]


INITIALS = "^"     # marks an organisation token made of a name's initials


def _employer_name(c: NoticeCard) -> str | None:
    """How a question names exactly this card's employer: the initials of its whole name in
    capitals (what only the cards of that name hold), else its first acronym, else its name."""
    whole = _initials_of(c.organisation or "")
    if whole:
        return whole.upper()
    named = [a for a in c.acronyms if a != "UN"]
    return named[0] if named else c.organisation


def _named(tokens: list[str]) -> list[str]:
    """The tokens a card's name is made of (its initials left out: likeness compares names)."""
    return [t for t in tokens if not t.startswith(INITIALS)]


def initials(name: str) -> list[str]:
    """The initials of the organisation's name and of each part of it (and of each without
    its last word when it has more than three), three letters or more, small words left
    out ("Hudson County Community College" → hccc, "College Of Staten Island Library" →
    csil, csi; "New York University" → nyu): how users shorten a name no list of acronyms
    knows."""
    parts = [name, *re.split(r"\s*(?:[,;()/|–—]|(?<=\s)-|-(?=\s))\s*", name)]   # a dash spaced on one side too
    parts += [p.rsplit(None, 1)[0] for p in parts if len(p.split()) > 3]    # "College of Staten Island Library"
    return list(dict.fromkeys(i for i in map(_initials_of, parts) if i))


def _initials_of(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’]*", name)
    letters = "".join(w[0] for w in words if w[0].isupper() and w.lower() not in _SMALL_WORDS)
    return letters.lower() if len(letters) >= 3 and len(words) > 1 else ""


_SMALL_WORDS = {"of", "and", "the", "for", "at", "in", "on", "de", "du", "la", "le"}


def _own_title(c: NoticeCard) -> str:
    """The title without a trailing part that only repeats the organisation ("Information
    Literacy Instruction Positions - ASA College" → "Information Literacy Instruction
    Positions"): those words count in the organisation field, as for the posts whose title
    does not repeat it."""
    if not c.title:
        return _file_words(c)
    org = set(_words(normalise(c.organisation or "")))
    parts = re.split(r"(\s+[-–—|]\s+|,\s+)", c.title)
    while len(parts) > 2 and org and set(_words(normalise(parts[-1]))) <= org:
        parts = parts[:-2]
    return "".join(parts)


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


def _grade_part_tokens(c: NoticeCard) -> list[str]:
    """Each of the grade's alternatives ("Instructor or Assistant Professor" → instructor,
    assistantprofessor; "SL2 / Negotiating" → sl2, negotiating) and each code in it ("SL2
    FLSA Status: Non-exempt" → sl2), the whole grade left out."""
    if not c.grade:
        return []
    parts = re.split(r"\s+or\s+|\s*[/,;]\s*", c.grade) + re.findall(r"\b[A-Za-z]{1,4}-?\d{1,2}\b", c.grade)
    whole = _grade_token(c.grade)
    return [t for t in dict.fromkeys(map(_grade_token, parts)) if t and t != whole]

