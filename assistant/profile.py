"""Read the user's profile from what they wrote (the question and earlier user turns).

Only what is said is recorded; everything else stays unknown. A later turn overrides an
earlier one field by field ("Actually I have a master's"). Left out: negated years ("not
even 5 years"), ranges ("5-7 years" reads as 5, the safe side), and experience split over
several sentences without the word "years".
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import cache
from typing import Sequence

from index.vocab import (DEGREES, LANGUAGES, LEVELS, PROFICIENCY, certification_of, certification_pattern,
                         number_pattern, parse_number)

from .records import Profile
from .vocabulary import DEMONYMS

_NEG = r"(?:no|not|don'?t|do not|never|without|haven'?t|have not|lack|n't)\b"
_SCOPES = {  # most specific first; one mention may name several
    "un_system": r"\bUN\b|\bUNSMS\b|united nations|security management system|UN system|common system",
    "mission": r"\bmissions?\b|peacekeeping|peace operations",
    "conflict": r"conflict",
    "humanitarian": r"humanitarian|crisis|emergenc",
    "international": r"international|abroad|overseas|outside (?:my|the|his|her) (?:home )?country",
    "command": r"\bcommand|leadership|leading\b|\bled\b",
    "supervisory": r"supervis|manag(?:ing|ed|ement of) (?:a )?(?:team|staff|people|officers|operations|units?)|coordinat",
    "field": r"\bfield\b",
}


def read_profile(turns: Sequence[str]) -> Profile:
    profile = Profile()
    for turn in turns:
        profile = merge(profile, read_turn(turn))
    return profile


def merge(old: Profile, new: Profile) -> Profile:
    changes = {f.name: getattr(new, f.name) for f in fields(Profile)
               if getattr(new, f.name) not in (None, ())}
    changes["said"] = old.said + new.said
    return replace(old, **changes)


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|im|my|me|mine)\b", re.I)


def read_turn(text: str) -> Profile:
    """The profile facts of one turn; a turn that says nothing about the user (no "I",
    "my", "me") yields an empty profile, so "Which notices require SCP?" claims nothing."""
    text = " ".join(text.split())
    if not _FIRST_PERSON.search(text):
        return Profile()
    level, field = _degree(text)
    total, domain, scoped = _years(text)
    return Profile(
        degree_level=level, degree_field=field, years_experience=total,
        experience_domain=domain, years_by_scope=scoped, languages=_languages(text),
        certifications=_certifications(text, negated=False),
        certifications_lacking=_certifications(text, negated=True), driving_licence=_licence(text),
        on_roster=_roster(text), staff_status=_staff_status(text), staff_grade=_staff_grade(text),
        nationality=_nationality(text), residence=_residence(text),
        young_professional=_ypp(text), worked_abroad=_worked_abroad(text),
        experience_grade=_experience_grade(text), said=(text,),
    )


_EQUIVALENTS = {"secondary": r"\bGED\b|high school equivalency|A[- ]levels?|baccalaur[ée]at"}


def _degree(text: str) -> tuple[str | None, str | None]:
    if re.search(rf"\b{_NEG}\s+(?:have\s+)?(?:(?:a|any)\s+)?(?:university\s+|college\s+)?degree", text, re.I):
        return "none", None
    best, best_rank, field = None, -1, None
    for level in (*LEVELS, "college"):
        pattern = "|".join(DEGREES[level]) + (f"|{_EQUIVALENTS[level]}" if level in _EQUIVALENTS else "")
        for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?!\w)", text, re.I):
            if _negated(text, m.start()):
                continue
            rank = LEVELS.index(level) if level in LEVELS else 1.5
            if rank > best_rank:
                best, best_rank = level, rank
                field = _field_after(text, m.end())
    return best, field


def _field_after(text: str, pos: int) -> str | None:
    m = re.match(r"\s*(?:degree\s+)?in\s+([A-Za-z][\w ,&/-]{2,60}?)(?=[.,;]| and \d| with| but|$)",
                 text[pos:])
    return m.group(1).strip() if m else None


def _negated(text: str, pos: int) -> bool:
    """A negation earlier in the same clause: "I don't have a licence or SAPP" negates both."""
    clause = re.split(r"[.;,!?]|\bbut\b|\bhowever\b|\bwhile\b", text[max(0, pos - 120):pos])[-1]
    return re.search(rf"(?i)\b{_NEG}", clause) is not None


@cache
def _years_pattern() -> re.Pattern:
    return re.compile(rf"(?P<n>{number_pattern()})\s*(?:full\s+)?(?:years?|yrs)\b(?=(?P<tail>[^.;?!]{{0,80}}))", re.I)


def _years(text: str) -> tuple[float | None, str | None, tuple[tuple[str, float], ...]]:
    """Total years (the largest unscoped mention), its domain, and years per scope
    ("including 3 years international", "4 years supervising …", "2 of them in a
    post-conflict environment")."""
    total, domain, scoped = None, None, {}
    for m in _years_pattern().finditer(text):
        n = parse_number(m.group("n"))
        if n is None or n > 60:
            continue
        tail = m.group("tail")
        scopes = _scopes(tail[:60])
        part_of = re.search(r"\b(?:of (?:them|which)|including|incl|among them)\b",
                            text[max(0, m.start() - 25):m.start()] + tail[:20], re.I)
        if scopes and (total is not None or part_of):
            _add(scoped, scopes, n)
            continue
        if total is None or n > total:
            total, domain = n, _domain(tail)
        _add(scoped, scopes, n)
    for m in re.finditer(rf"\b(?P<n>{number_pattern()}) of (?:them|which|those)\b(?P<tail>[^.;)]{{0,60}})", text, re.I):
        n = parse_number(m.group("n"))
        if n is not None:
            _add(scoped, _scopes(m.group("tail")), n)
    return total, domain, tuple(sorted(scoped.items()))


def _add(scoped: dict, scopes: list[str], n: float) -> None:
    for scope in scopes:
        scoped[scope] = max(n, scoped.get(scope, 0))


def _scopes(tail: str) -> list[str]:
    return [scope for scope, pattern in _SCOPES.items()
            if re.search(pattern, tail, 0 if scope == "un_system" else re.I)
            or (scope == "un_system" and re.search(r"united nations|security management system", tail, re.I))]


def _domain(tail: str) -> str | None:
    m = re.match(r"\s*(?:of\s+)?(?:experience\s+)?(?:(?:in|as|with|at|on)\s+(?:the\s+)?)?"
                 r"([A-Za-z][\w /&-]{2,50}?)(?=\s*[,.;—–?!(]| and | but |$)", tail)
    if not m:
        return None
    words = m.group(1).strip()
    return None if words.lower() in ("experience", "work", "working", "of experience") else words


def _languages(text: str) -> tuple[tuple[str, str], ...]:
    names = "|".join(sorted((re.escape(n) for n in LANGUAGES), key=len, reverse=True))
    found: dict[str, str] = {}
    for clause in re.split(r"[.;]| but ", text):
        listed: list[str] = []                 # languages run together: "English and Bangla"
        for m in re.finditer(rf"\b({names})\b", clause, re.I):
            canonical = next(v for k, v in LANGUAGES.items() if k.lower() == m.group(1).lower())
            if _is_nationality_use(clause, m) or _negated(clause, m.start()):
                continue
            level = _level_near(clause, m, names)
            found[canonical] = level or found.get(canonical, "unspecified")
            tail = clause[m.end():m.end() + 30]
            after = None if re.match(r"\s*\(", tail) else _level_in(tail, anchored=True)
            if after:                          # "English and Bangla fluently": the level ends the list;
                                               # "Arabic (native)" is Arabic's alone
                for earlier in listed:
                    if found[earlier] == "unspecified":
                        found[earlier] = after
            joined = re.match(r"\s*(?:,|and|or|&)\s*$", clause[m.end():m.end() + 6]) or \
                re.match(r"\s*(?:,|and|or|&)\s", clause[m.end():])
            listed = [*listed, canonical] if joined else []
    return tuple(sorted(found.items()))


def _is_nationality_use(clause: str, m: re.Match) -> bool:
    after = clause[m.end():m.end() + 20].lower()
    before = clause[max(0, m.start() - 12):m.start()].lower()
    return bool(re.match(r"\s*(citizen|national|nationality|passport)", after)) or \
        bool(re.search(r"\b(i am|i'm|am a|am an)\s*$", before))


_EXTRA_LEVELS = (("fluently", "fluent"), ("basic|beginner|elementary", "basic"), ("intermediate|good", "working knowledge"),
                 ("advanced|excellent|perfect", "fluent"))


def _level_near(clause: str, m: re.Match, names: str = "") -> str | None:
    """The level stated right after the language ("my French is basic"), else the
    proficiency word closest before it, not reaching back past another language."""
    after = _level_in(clause[m.end():m.end() + 30], anchored=True)
    if after:
        return after
    before = clause[:m.start()]
    previous = list(re.finditer(rf"\b(?:{names})\b", before, re.I)) if names else []
    if previous:
        before = before[previous[-1].end():]
        owned = re.match(r"\s*(?:is\s+|:\s*|\(\s*)(?:very\s+|a\s+)?\w+(?:\s+knowledge)?\)?", before)
        if owned:                       # "Arabic (native) and Chinese": the level is Arabic's
            before = before[owned.end():]
    return _level_in(before, anchored=False)


def _level_in(text: str, anchored: bool) -> str | None:
    levels = (*PROFICIENCY, *_EXTRA_LEVELS)
    if anchored:
        for rx, level in levels:
            if re.match(rf"\s*(?:is|at|:|-|\()?\s*(?:(?:very|a|at|an)\s+)?(?:{rx})", text, re.I):
                return level
        return None
    best, best_key = None, (-1, 0)
    for rx, level in levels:
        for pm in re.finditer(rf"\b(?:{rx})", text, re.I):
            key = (pm.end(), pm.end() - pm.start())
            if key > best_key:
                best, best_key = level, key
    return best


def _certifications(text: str, negated: bool) -> tuple[str, ...]:
    """Programmes the user says they hold (or, with negated=True, do not hold)."""
    out = []
    for m in certification_pattern().finditer(text):
        acronym = certification_of(m)
        if _negated(text, m.start()) == negated:
            out.append(acronym)
    return tuple(dict.fromkeys(out))


def _licence(text: str) -> bool | None:
    m = re.search(r"driv(?:ing|er'?s?) licen[cs]e|driving permit|\bI (?:can )?drive\b", text, re.I)
    if not m:
        return None
    return not _negated(text, m.start())


def _roster(text: str) -> bool | None:
    m = re.search(r"\b(?:on (?:the|a|an|any|your)?\s*(?:[\w-]+\s+){0,3}roster|rostered|roster "
                  r"(?:candidate|member|applicant))", text, re.I)
    if not m:
        return None
    return not _negated(text, m.start())


def _staff_status(text: str) -> str | None:
    if re.search(r"temporary appointment", text, re.I) and not _negated(text, text.lower().find("temporary")):
        return "temporary"
    if re.search(r"\b(?:(?:I am|I'm|I’m|am currently|currently)\s+(?:an?\s+)?(?:UN |United Nations |current )?"
                 r"staff member|UN staff|internal candidate|(?:currently )?work (?:for|at) the (?:UN|United Nations)\b)",
                 text, re.I):
        return "internal"
    if re.search(r"\b(?:external candidate|not (?:a )?(?:UN )?staff|never worked for the (?:UN|United Nations))", text, re.I):
        return "external"
    return None


def _staff_grade(text: str) -> str | None:
    m = re.search(r"\b(?:at|on|a|an|my grade is|grade)\s+(G|GS|P|NO|FS)[- ]?([1-7A-D])\b", text)
    if not m:
        return None
    cat = "G" if m.group(1) == "GS" else m.group(1)
    return f"{cat}-{m.group(2)}"


def _nationality(text: str) -> str | None:
    names = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
    m = re.search(rf"\b(?:I am|I'm|I’m|am an?|as an?)\s+(?:an?\s+)?({names})\b(?!\s+(?:speaker))", text, re.I) or \
        re.search(rf"\b({names})\s+(?:citizen|national|passport)", text, re.I)
    if m:
        word = m.group(1).lower()
        return next(c for d, c in DEMONYMS.items() if d.lower() == word)
    m = re.search(r"\b(?:citizen|national) of ([A-Z][\w' -]{2,40}?)(?=[,.;]|$| and )", text)
    return m.group(1) if m else None


def _residence(text: str) -> str | None:
    m = re.search(r"\b(?:I live in|I'm based in|I am based in|I reside in|resident (?:of|in)|living in)\s+"
                  r"([A-Z][\w' -]{1,40}?)(?=[,.;]|$| and | but )", text)
    return m.group(1) if m else None


def _ypp(text: str) -> bool | None:
    m = re.search(r"young professionals? programme|young professionals? program|\bYPP\b", text, re.I)
    if not m:
        return None
    return not _negated(text, m.start())


def _worked_abroad(text: str) -> bool | None:
    """Whether the user has worked outside their own country ("never worked outside
    South Africa" → False)."""
    m = re.search(r"\b(?:worked|work|working|experience|served)\b[^.;]{0,30}\b(?:outside|abroad|overseas|"
                  r"in other countries|internationally)\b", text, re.I)
    if not m:
        return None
    return not _negated(text, m.start() + 1)


def _experience_grade(text: str) -> str | None:
    """The grade the user's experience was held at: "all of it as a G6 assistant" → G-6."""
    m = re.search(r"\bas (?:an? )?(?:G|GS)[- ]?([1-7])\b|\b(?:G|GS)[- ]?([1-7]) (?:position|post|level|staff)",
                  text)
    if not m:
        return None
    return f"G-{m.group(1) or m.group(2)}"
