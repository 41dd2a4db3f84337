"""Catalogue questions: which notices there are ("What notices do you have?", "UNICEF posts
in Africa", "P-4 and above", "which close this month"), answered from the notices' cards
and metadata spans, never by reading notice texts.

A question's filters: organisations (acronyms and full names of `vocab.ORGANISATIONS` and
the UN entities), places (a duty station the cards hold, a country, a continent), grades
(one grade, or "P-4 and above" / "G-5 or below" on the same ladder; P and D count as one
ladder), a category (internship, consultancy, …) and a closing window (still open, closed,
this/next week or month, within N days or weeks, a named month). The answer counts the
matches, groups them by organisation and gives each notice's title, place, grade and
deadline status relative to `today`, each line citing the spans that state them.
Left out: regions smaller than a continent ("the Sahel", "Latin America"), salary or
requirement filters (those are comparisons), and sorting by anything but the deadline.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Mapping, Sequence

from index import places
from index.records import Notice

from .cards import CONTINENTS, NoticeCard, acronym_of, _ENTITY_OF, _entity_pattern, organisation_pattern
from .facts import statement_around
from .records import Claim, Evidence

SHOWN = 25            # notice lines listed at most; the count covers all

_LADDERS = {"P": ("P", 0), "D": ("P", 10), "ASG": ("P", 20), "USG": ("P", 21), "G": ("G", 0), "GS": ("G", 0),
            "NO": ("NO", 0), "FS": ("FS", 0), "SB": ("SB", 0), "SC": ("SC", 0)}
_GRADE = re.compile(r"\b(ASG|USG|GS|NO|FS|SB|SC|P|G|D)[- ]?(\d{1,2}|[A-E])\b", re.I)
_ABOVE = re.compile(r"\s*(?:and|or) (?:above|higher|up|more senior)|\s*\+", re.I)
_BELOW = re.compile(r"\s*(?:and|or) (?:below|lower|under|less)", re.I)
_AT_LEAST = re.compile(r"\b(?:at least|minimum|from)\s+$", re.I)
_CATEGORY_WORDS = {"internship": r"\binterns?(?:hips?)?\b", "consultancy": r"\bconsult(?:ant|ancy|ancies|ants)\b",
                   "fellowship": r"\bfellow(?:ship)?s?\b", "volunteer": r"\bvolunteers?\b",
                   "professional": r"\bprofessional (?:posts|jobs|positions|category)\b",
                   "general service": r"\bgeneral service\b", "national officer": r"\bnational officers?\b"}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


@dataclass(frozen=True)
class Filters:
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()          # as the question writes them (for the answer)
    countries: tuple[str, ...] = ()       # GeoNames country names
    continents: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()          # lower-case duty-station words the cards hold
    grade: tuple[str, int, str] | None = None   # (ladder, rank, "=" | ">=" | "<=")
    grade_text: str | None = None
    category: str | None = None
    status: str | None = None             # "open" | "closed"
    window: tuple[date, date] | None = None
    window_text: str | None = None

    def words(self) -> str:
        """The filters in words: "UNICEF, in Africa, P-4 and above, still open"."""
        parts = [*self.organisations, *(f"in {p}" for p in self.places), self.grade_text,
                 self.category and f"{self.category} posts",
                 {"open": "still open", "closed": "closed"}.get(self.status or ""), self.window_text]
        return ", ".join(p for p in parts if p)


def read_filters(question: str, cards: Sequence[NoticeCard], today: date) -> Filters:
    grade, grade_text = _grade(question)
    window, window_text = _window(question, today)
    countries, continents, cities, named = _places(question, cards)
    return Filters(_organisations(question), named, countries, continents, cities, grade, grade_text,
                   _category(question), _status(question) if window is None else None, window, window_text)


def _organisations(question: str) -> tuple[str, ...]:
    found = [acronym_of(m.group(0)) for m in organisation_pattern().finditer(question)]
    found += [_ENTITY_OF.get(m.group(0).lower(), m.group(0)) for m in _entity_pattern().finditer(question)]
    return tuple(dict.fromkeys(found))


def _places(question: str, cards: Sequence[NoticeCard]):
    """Countries, continents and duty-station words the question names."""
    q = question.lower()
    continents = tuple(c for c in CONTINENTS.values() if re.search(rf"\b{c.lower()}\b", q))
    countries = tuple(dict.fromkeys(r[0] for code in places.countries_in(question)
                                    if (r := places.country_record(code))))
    stations = {w for c in cards if c.duty_station for w in _station_words(c.duty_station)}
    known = {x.lower() for x in (*countries, *continents)}
    cities = {w for w in stations if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", q) and w not in known}
    cities |= {p for p in _named_places(question) if p not in known and not any(p in w for w in cities)}
    cities = tuple(sorted(cities))
    named = tuple(dict.fromkeys([*continents, *countries, *(w.title() for w in cities)]))
    return countries, continents, cities, named


_PLACE_AFTER = re.compile(r"\b(?:in|at|from|near|based in)\s+((?:[A-Z][\w'’.-]+)(?:\s[A-Z][\w'’.-]+){0,2})")


def _named_places(question: str) -> set[str]:
    """Capitalised names after "in"/"at" that are places no card's duty station spells the
    same way ("jobs in Hargeisa" where the notice states its place only in its title):
    lower case; months, grades and organisations are not places."""
    out = set()
    for m in _PLACE_AFTER.finditer(question):
        name = m.group(1).strip(" .")
        low = name.lower()
        if low.split()[0] in _MONTHS or _GRADE.fullmatch(name) or organisation_pattern().fullmatch(name) \
                or _entity_pattern().fullmatch(name):
            continue
        if low in places.cities_by_name() or low in places.countries_by_name() or low in places.us_states():
            out.add(low)
    return out


def _station_words(duty_station: str) -> set[str]:
    """The parts of a duty station a question may name it by ("laayoune", "new york")."""
    parts = re.split(r"[,;/()|]| - ", duty_station)
    return {p.strip(" .").lower() for p in parts if len(p.strip(" .")) >= 3 and not p.strip(" .").isdigit()}


def _grade(question: str) -> tuple[tuple[str, int, str] | None, str | None]:
    m = _GRADE.search(question)
    if not m:
        return None, None
    prefix, level = m.group(1).upper(), m.group(2).upper()
    ladder, base = _LADDERS[prefix]
    rank = base + (int(level) if level.isdigit() else ord(level) - ord("A") + 1)
    after, before = question[m.end():], question[:m.start()]
    op = ">=" if _ABOVE.match(after) or _AT_LEAST.search(before) else "<=" if _BELOW.match(after) else "="
    name = f"{prefix}-{level}"
    return (ladder, rank, op), {"=": name, ">=": f"{name} and above", "<=": f"{name} and below"}[op]


def grade_rank(grade: str | None) -> tuple[str, int] | None:
    """("P", 4) for "P-4", "P4", "P 4"; ("P", 11) for "D-1"; None for other grades."""
    if not grade:
        return None
    m = _GRADE.search(grade)
    if not m:
        return None
    ladder, base = _LADDERS[m.group(1).upper()]
    level = m.group(2).upper()
    return ladder, base + (int(level) if level.isdigit() else ord(level) - ord("A") + 1)


def _category(question: str) -> str | None:
    return next((c for c, p in _CATEGORY_WORDS.items() if re.search(p, question, re.I)), None)


def _status(question: str) -> str | None:
    if re.search(r"\b(?:closed|expired|past|no longer open|over)\b", question, re.I):
        return "closed"
    if re.search(r"\b(?:still open|open(?! to)|accepting|not (?:yet )?closed|can i still apply|before the deadline|"
                 r"active)\b", question, re.I):
        return "open"
    return None


def _window(question: str, today: date) -> tuple[tuple[date, date] | None, str | None]:
    """A closing window: this/next week or month, within the next N days/weeks, in Month [Year]."""
    q = question.lower()
    if not re.search(r"\b(?:clos\w*|deadlines?|expir\w*|due|ends?)\b", q):
        return None, None
    month_end = lambda d: date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    if re.search(r"\bthis month\b", q):
        return (today, month_end(today)), "closing this month"
    if re.search(r"\bnext month\b", q):
        first = month_end(today) + timedelta(days=1)
        return (first, month_end(first)), "closing next month"
    if re.search(r"\bthis week\b", q):
        return (today, today + timedelta(days=6 - today.weekday())), "closing this week"
    if re.search(r"\bnext week\b", q):
        start = today + timedelta(days=7 - today.weekday())
        return (start, start + timedelta(days=6)), "closing next week"
    m = re.search(r"\b(?:within|in|over) (?:the next )?(\d+|one|two|three|four|five|six|seven|ten) (days?|weeks?)\b", q)
    if m:
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
        n = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1)]
        days = n * (7 if m.group(2).startswith("week") else 1)
        return (today, today + timedelta(days=days)), f"closing within {n} {m.group(2)}"
    m = re.search(rf"\b(?:in|during|by|before) ({'|'.join(_MONTHS)})(?: (\d{{4}}))?\b", q)
    if m:
        year = int(m.group(2)) if m.group(2) else today.year
        first = date(year, _MONTHS[m.group(1)], 1)
        return (first, month_end(first)), f"closing in {first.strftime('%B %Y')}"
    return None, None


def matches(card: NoticeCard, f: Filters, today: date) -> bool:
    if f.organisations and not set(f.organisations) & set(own_organisations(card)):
        return False
    if (f.countries or f.continents or f.cities) and not (
            (card.country in f.countries) or (card.continent in f.continents)
            or (card.duty_station and set(f.cities) & _station_words(card.duty_station))
            or (not card.duty_station and any(_names(card.title, c) for c in f.cities))):
        return False
    if f.grade:
        ladder, rank, op = f.grade
        mine = grade_rank(card.grade)
        if mine is None or mine[0] != ladder or not {"=": mine[1] == rank, ">=": mine[1] >= rank,
                                                        "<=": mine[1] <= rank}[op]:
            return False
    if f.category and card.category != f.category:
        return False
    if f.status == "open" and not (card.closes and card.closes >= today):
        return False
    if f.status == "closed" and not (card.closes and card.closes < today):
        return False
    if f.window and not (card.closes and f.window[0] <= card.closes <= f.window[1]):
        return False
    return True


def _names(text: str | None, place: str) -> bool:
    return bool(text) and re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text, re.I) is not None


def own_organisations(card: NoticeCard) -> tuple[str, ...]:
    """The acronyms of the hiring organisation: those its organisation line names, else the
    first the opening names (not the partners the text mentions later)."""
    line = card.organisation or ""
    own = [acronym_of(m.group(0)) for m in organisation_pattern().finditer(line)]
    own += [_ENTITY_OF.get(m.group(0).lower(), m.group(0)) for m in _entity_pattern().finditer(line)]
    own += [a for a in card.acronyms if a in line]
    return tuple(dict.fromkeys(own)) or card.acronyms[:1]


def group_name(card: NoticeCard) -> str:
    """The most specific of the hiring organisation's acronyms ("UNDSS" over "UN")."""
    own = own_organisations(card)
    specific = [a for a in own if a != "UN"] or own
    return specific[0] if specific else (card.organisation or "Organisation not stated")


def answer(question: str, cards: Mapping[str, NoticeCard], notices: Mapping[str, Notice],
           today: date) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """(claims, ids of the matching notices): a count line, then per organisation a heading
    and one cited line per notice (open ones first, soonest deadline first)."""
    f = read_filters(question, list(cards.values()), today)
    found = [c for c in cards.values() if matches(c, f, today)]
    scope = f.words()
    if not found:
        return (Claim(f"No notice matches {scope or 'that'}; {len(cards)} notice{'s are' if len(cards) != 1 else ' is'}"
                      " indexed (ask “What notices do you have?” for the list).", grounded=False),), ()
    groups: dict[str, list[NoticeCard]] = {}
    for c in sorted(found, key=lambda c: _order(c, today)):
        groups.setdefault(group_name(c), []).append(c)
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0].lower()))
    still_open = sum(1 for c in found if c.closes and c.closes >= today)
    closed = sum(1 for c in found if c.closes and c.closes < today)
    head = (f"{len(found)} notice{'s' if len(found) != 1 else ''}{' (' + scope + ')' if scope else ''} from "
            f"{len(groups)} organisation{'s' if len(groups) != 1 else ''}: {still_open} open, {closed} closed"
            f"{', ' + str(len(found) - still_open - closed) + ' without a closing date' if len(found) - still_open - closed else ''}"
            f" as of {_date(today)}.")
    claims = [Claim(head, grounded=False)]
    shown = 0
    for name, members in ordered:
        if shown >= SHOWN:
            break
        claims.append(Claim(f"{name} ({len(members)}):", grounded=False))
        for c in members[:SHOWN - shown]:
            claims.append(notice_line(c, notices[c.notice_id], today))
            shown += 1
    if len(found) > shown:
        claims.append(Claim(f"… and {len(found) - shown} more; name an organisation, place, grade or closing "
                            "window to narrow the list.", grounded=False))
    return tuple(claims), tuple(c.notice_id for c in found)


def _order(card: NoticeCard, today: date):
    if card.closes and card.closes >= today:
        return (0, card.closes.toordinal(), card.title or "")
    if card.closes:
        return (1, -card.closes.toordinal(), card.title or "")
    return (2, 0, card.title or card.stem)


def notice_line(card: NoticeCard, notice: Notice, today: date) -> Claim:
    """`Librarian — Nairobi, P-3, closes 1 March 2027 (open)`, citing the lines that state
    the title, duty station, grade and closing date; only what has a span is said."""
    said, spans = [], []
    for field, value in (("title", card.title), ("duty_station", card.duty_station), ("grade", card.grade)):
        span = notice.meta.span(field)
        if value and span:
            said.append(value)
            spans.append(statement_around(notice, *span))
    field = "closes" if notice.meta.span("closes") else "period"
    span = notice.meta.span(field)
    if card.closes and span:
        verb = "closed" if card.closes < today else "closes"
        said.append(f"{verb} {_date(card.closes)}{' (open)' if card.closes >= today else ''}")
        spans.append(statement_around(notice, *span))
    title = card.title if card.title and notice.meta.span("title") else card.stem
    details = [s for s in said if s != card.title]
    text = f"{title} — {', '.join(details)}." if details else f"{title}."
    evidence = tuple(dict.fromkeys(Evidence(notice.id, s, e) for s, e in spans))
    return Claim(text, evidence, grounded=bool(evidence))


def _date(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
