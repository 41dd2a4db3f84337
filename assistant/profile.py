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

from index.vocab import DEMONYMS
from index.vocab import (CEFR_LEVELS, DEGREES, LANGUAGES, LEVELS, PROFICIENCY, certification_of, certification_pattern,
                         number_pattern, parse_number)

from .records import Profile

_NEG = r"(?:no|not|don'?t|do not|never|without|haven'?t|have not|lack|n't)\b"
_SCOPES = {  # most specific first; one mention may name several
    "un_system": r"\bUN\b|\bUNSMS\b|united nations|security management system|UN system|common system",
    "mission": r"\bmissions?\b|peacekeeping|peace operations",
    "conflict": r"conflict",
    "humanitarian": r"humanitarian|crisis|emergenc",
    "international": r"international|abroad|overseas|outside (?:my|the|his|her) (?:home )?country",
    "command": r"\bcommand|leadership|leading\b|\bled\b",
    "supervisory": r"supervis|manag(?:ing|ed|ement of) (?:a |the )?(?:\w+ )?(?:team|staff|people|officers|operations|units?)|"
                   r"coordinat|team lead|\b(?:department|unit|section|division|office|team) (?:head|chief|manager)\b|"
                   r"\bas (?:an? |the )?(?:\w+ )?(?:head|chief|director|manager|supervisor)\b|\bhead of (?:a |the )?(?:\w+ )?"
                   r"(?:department|unit|section|division|office|team)\b",
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
    studying, graduation = _studies(text)
    level, field = _degree(text, studying is not None)
    total, domain, scoped, by_domain = _years(text)
    if total is None and _NO_EXPERIENCE.search(text):
        total = 0.0
    worked_abroad = _worked_abroad(text)
    if re.search(r"\ball\b[^.;]{0,40}?\b(?:at (?:the )?national level|in my (?:home |own )?country)\b", text, re.I):
        scoped = tuple(sorted({**dict(scoped), "international": 0.0}.items()))
        worked_abroad = False
    return Profile(
        degree_level=level, degree_field=field, years_experience=total,
        experience_domain=domain, years_by_scope=scoped, years_by_domain=by_domain,
        age=_age(text), work_permit=_permit(text), seconded=_seconded(text),
        studying=studying, graduation=graduation, languages=_languages(text),
        graduated=True if re.search(r"\b(?:I|I've|I have)\s+(?:\w+\s+)?(?:graduated|completed (?:my|a|an|the)\b)|"
                                    r"^\W*(?:having|since I|after I|once I)\s+(?:\w+\s+)?graduated\b", text, re.I)
        and not _negated(text, 0) else None, months_in_position=_months_in_position(text),
        languages_listed=True if re.search(r"\bI\s+(?:only\s+|also\s+|can\s+)?speak\b|\bmy languages\b|\blanguages? I speak\b|"
                                           r"\bspeak only\b|\bbilingual\b", text, re.I) else None,
        certifications=_certifications(text, negated=False),
        certifications_lacking=_certifications(text, negated=True), driving_licence=_licence(text),
        on_roster=_roster(text), staff_status=_staff_status(text), staff_grade=_staff_grade(text),
        nationality=_nationality(text), residence=_residence(text),
        young_professional=_ypp(text), worked_abroad=worked_abroad,
        experience_grade=_experience_grade(text), said=(text,),
    )


# "I have no work experience yet", "without any professional experience": none at all (not
# "no UN experience" or "no experience in finance", which say nothing of the total).
_NO_EXPERIENCE = re.compile(r"\b(?:no|without(?: any)?|(?:don'?t|do not|haven'?t|have not) (?:have |got )?any)\s+"
                            r"(?:(?:paid|work|working|professional|job|prior|previous)\s+)?experience\b"
                            r"(?!\s+(?:in|with|at|as|of|on|for)\b)", re.I)

_EQUIVALENTS = {"post_secondary": r"post[- ]?secondary (?:\w+ )?(?:certificate|diploma)",
                "secondary": r"\bGED\b|high school equivalency|A[- ]levels?|baccalaur[ée]at|finished (?:high|secondary) school",
                "bachelor": r"(?-i:\bB\.?S\.?|\bBA|\bBEng|\bBSc|\bLLB)(?= in\b| degree\b|\b)|"
                            r"(?:three|four|five|six|[3-6])[- ]years? (?:[a-z]+ )?(?:university )?degree",
                "master": r"(?-i:\bMPH|\bMSc|\bMBA|\bMA)(?= in\b| from\b| degree\b|\b)"}
# A degree named as what the user is studying, not one they hold.
_STUDIED = re.compile(r"^\W{0,2}(?:student|candidate|studies|program(?:me)?|course)\b", re.I)
_STUDYING = re.compile(r"\b(?:studying|student|enrol+ed|pursuing|in the (?:\w+) (?:year|semester|term) of|will graduate|"
                       r"graduating|currently doing|doing (?:my|an?))\b[^.;]{0,40}$", re.I)


def _degree(text: str, studying: bool = False) -> tuple[str | None, str | None]:
    if re.search(rf"\b{_NEG}\s+(?:have\s+)?(?:(?:a|any)\s+)?(?:university\s+|college\s+)?degree", text, re.I):
        return "none", None
    best, best_rank, field = None, -1, None
    for level in (*LEVELS, "college"):
        pattern = "|".join(DEGREES[level]) + (f"|{_EQUIVALENTS[level]}" if level in _EQUIVALENTS else "")
        for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?!\w)", text, re.I):
            if _negated(text, m.start()):
                continue
            if studying and (_STUDIED.match(text[m.end():]) or _STUDYING.search(text[max(0, m.start() - 60):m.start()])):
                continue
            rank = LEVELS.index(level) if level in LEVELS else 1.5
            if rank > best_rank:
                best, best_rank = level, rank
                field = _field_after(text, m.end())
    return best, field


def _field_after(text: str, pos: int) -> str | None:
    m = re.match(r"\s*(?:degree\s+)?in\s+([A-Za-z][\w ,&/-]{2,60}?)(?=[.,;]| and \d| and (?:I|my|speak|have|am|is|an?|the|now|[A-Z]\w*)\b| with| but| from| at| in \d{4}\b| (?:last|this) year\b|$)",
                 text[pos:])
    return m.group(1).strip() if m else None


def _negated(text: str, pos: int) -> bool:
    """A negation earlier in the same clause: "I don't have a licence or SAPP" negates both."""
    clause = re.split(r"[.;,!?]|\bbut\b|\bhowever\b|\bwhile\b", text[max(0, pos - 120):pos])[-1]
    return re.search(rf"(?i)\b{_NEG}", clause) is not None


@cache
def _years_pattern() -> re.Pattern:
    return re.compile(rf"(?P<n>{number_pattern()})\+?\s*(?:full\s+)?(?:years?|yrs)\b(?=(?P<tail>[^.;?!]{{0,90}}))", re.I)


_NOT_WORK = re.compile(r"^\s*(?:old\b|of age\b|ago\b|-old\b)|^\s*(?:now|in a row)\b|"
                       r"^\s*(?:of|at|in) (?:(?:my|a|an|the)\s+)?(?:college|university|uni|(?:high |secondary )?school|studies|study)\b"
                       r"(?!['’]s\b|\s+(?:library|libraries|hospital|press|museum|archives?|office|department|lab|laboratory)\b)",
                       re.I)
_LIVED = re.compile(r"\b(?:lived|living|live|resided|residing|been based)\b[^.;,]{0,40}\bfor\s*$", re.I)
_NESTED = re.compile(r"\b(?:of (?:them|which|those|these)|including|incl\.?|among them|out of which)\b", re.I)


def _phrase(tail: str) -> str:
    """The words a years mention describes, up to the next clause or the next number."""
    cut = re.split(rf",|;|:|\(|\bbut\b|\band (?:I|my)\b|\band (?:{number_pattern()})\b|"
                   rf"\b(?:{number_pattern()})\s+(?:of|years?)\b|\b(?:including|of which|of them)\b", tail, maxsplit=1, flags=re.I)
    return cut[0]


def _years(text: str) -> tuple[float | None, str | None, tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """Total years (the largest mention that is not part of another), its domain, years per
    scope and years per domain. Nested years ("9 years of security management, 4 of them
    in the UN") and split years ("6 years: 2 in Iraq, 4 at headquarters") count for their
    own scope or domain only; "34 years old" and "lived there for 6 years" are not work."""
    total, domain, scoped, by_domain = None, None, {}, {}
    for m in _years_pattern().finditer(text):
        n = parse_number(m.group("n"))
        tail = m.group("tail")
        if n is None or n > 60 or _NOT_WORK.match(tail) or _LIVED.search(text[max(0, m.start() - 60):m.start()]):
            continue
        phrase = _phrase(tail)
        scopes, words = _scopes(phrase), _domain(phrase)
        before = text[max(0, m.start() - 25):m.start()]
        nested = _NESTED.search(before) is not None and total is not None
        if words and (nested or (total is not None and n <= total)) and not scopes:
            by_domain[words] = max(n, by_domain.get(words, 0))
        if nested or (scopes and total is not None and n <= total):
            _add(scoped, scopes, n)
            continue
        if total is None or n > total:
            total, domain = n, words
        _add(scoped, scopes, n)
    for m in re.finditer(rf"(?<![\w-])(?P<n>{number_pattern()}|an?(?= year\b)) (?:of (?:them|which|those)|(?:years? )?(?:in|at|as|with|on|supervis\w*|managing|leading|abroad|overseas|internationally)\b)"
                         rf"(?=(?P<tail>[^.;)]{{0,60}}))", text, re.I):
        n = 1.0 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
        if n is None or total is None or n > total or _years_pattern().match(text, m.start()):
            continue
        phrase = _phrase(m.group("tail"))
        if re.match(r"\S+ of (?:them|which|those)", m.group(0), re.I):
            scoped.update(dict.fromkeys(_scopes(m.group(0) + phrase), n))   # "only 1 of those years supervising"
        else:
            _add(scoped, _scopes(m.group(0) + phrase), n)
        words = _domain(m.group(0)[len(m.group("n")):] + phrase)
        words = words and re.sub(r"^(?:of\s+)?(?:(?:them|which|those|these)\s+)?years?\s+(?=\w)", "", words, flags=re.I)
        if words and not re.fullmatch(r"(?:of )?(?:them|which|those)", words, re.I) and not _scope_word(words) \
                and not _scope_word(re.sub(r"^(?:at|in|on)\s+(?:the\s+)?", "", words)):
            by_domain[words] = max(n, by_domain.get(words, 0))
    if total is not None and "supervisory" not in scoped and _NO_SUPERVISION.search(text):
        scoped["supervisory"] = 0       # "but I have never supervised anyone"
    return total, domain, tuple(sorted(scoped.items())), tuple(sorted(by_domain.items()))


_NO_SUPERVISION = re.compile(rf"\b{_NEG}\s*(?:\w+\s+)?(?:supervised|supervisory|managed (?:any|a) (?:staff|team|people))", re.I)


def _scope_word(words: str) -> bool:
    """A domain that only names a scope ("international", "supervisory")."""
    return bool(re.fullmatch(r"(?:(?:at )?(?:the )?international(?:ly| level)?|field|supervisory|abroad|overseas|in the field)",
                             words, re.I))


def _add(scoped: dict, scopes: list[str], n: float) -> None:
    for scope in scopes:
        scoped[scope] = max(n, scoped.get(scope, 0))


def _scopes(tail: str) -> list[str]:
    return [scope for scope, pattern in _SCOPES.items()
            if re.search(pattern, tail, 0 if scope == "un_system" else re.I)
            or (scope == "un_system" and re.search(r"united nations|security management system", tail, re.I))]


_DOMAIN_LEAD = re.compile(r"^\s*(?:of\s+)?(?:them\s+|which\s+)?(?:(?:relevant|professional|progressively responsible|"
                          r"full-time|paid|work|working)\s+)*(?:experience\s+)?(?:(?:in|as|with|at|on|doing|for)\s+"
                          r"(?:the\s+|an?\s+)?)?", re.I)


def _domain(tail: str) -> str | None:
    """The field a years mention names: "of proofreading experience" → "proofreading",
    "as a Linux system administrator" → "Linux system administrator"."""
    rest = tail[_DOMAIN_LEAD.match(tail).end():]
    if re.match(r"(?:were|was|is|are|have been|had been)\b", rest, re.I):
        return None
    m = re.match(r"([A-Za-z][\w ./&'’-]{2,60}?)(?=\s*(?:[,;—–?!(]|\.(?!\w))| and (?:I|my|speak|have|am|is|an?|the|[A-Z]\w*)\b| but | in \d{4}\b|$)", rest)
    if not m:
        return None
    words = re.sub(r"\s+experience$", "", m.group(1).strip(), flags=re.I)
    words = re.sub(r"^(?:experience|work(?:ing)?)\s+(?:in|as|with|on)\s+", "", words, flags=re.I)
    if words.lower() in ("experience", "work", "working", "of experience", "relevant experience", "them", "which"):
        return None
    return words


def _languages(text: str) -> tuple[tuple[str, str], ...]:
    names = "|".join(sorted((re.escape(n) for n in LANGUAGES), key=len, reverse=True))
    found: dict[str, str] = {}
    for clause in re.split(r"[.;]| but ", text):
        listed: list[str] = []                 # languages run together: "English and Bangla"
        prev_end = None
        for m in re.finditer(rf"\b({names})\b", clause, re.I):
            canonical = next(v for k, v in LANGUAGES.items() if k.lower() == m.group(1).lower())
            if _is_nationality_use(clause, m) or _negated(clause, m.start()):
                continue
            level = _level_near(clause, m, names)
            if level is None and listed and found[listed[-1]] != "unspecified" and prev_end is not None and \
                    re.fullmatch(r"\s*(?:,|and|or|&)\s*", clause[prev_end:m.start()]) and \
                    not _level_in(clause[m.end():m.end() + 30], anchored=True):
                level = found[listed[-1]]      # "fluent Mongolian and English": the level leads the list
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
            prev_end = m.end()
    return tuple(sorted(found.items()))


def _is_nationality_use(clause: str, m: re.Match) -> bool:
    after = clause[m.end():m.end() + 20].lower()
    before = clause[max(0, m.start() - 12):m.start()].lower()
    return bool(re.match(r"\s*(citizen|national|nationality|passport|driv|licen|government|authorit|company|bank|employer)", after)) or \
        bool(re.search(r"\b(i am|i'm|am a|am an)\s*$", before))


def _codes(level: str) -> str:
    """The CEFR codes of `vocab.CEFR_LEVELS` that are `level`, as written ("(?-i:C1|C2)")."""
    return "(?-i:" + "|".join(c for c, lv in CEFR_LEVELS.items() if lv == level and len(c) == 2) + ")"


_EXTRA_LEVELS = (("fluently", "fluent"), ("natively|first language|mother language", "native"),
                 ("basic|beginner|elementary|some|a little|a bit of|rudimentary|" + _codes("basic"), "basic"),
                 ("intermediate|good|conversational|" + _codes("working knowledge"), "working knowledge"),
                 ("upper[- ]intermediate|" + _codes("proficient") + r"|(?:passed the )?(?:UN )?(?:LPE|language "
                  r"proficiency exam\w*)", "proficient"),
                 ("advanced|excellent|perfect|" + _codes("fluent"), "fluent"))


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
        owned = re.match(r"\s*(?:is\s+|:\s*|\(\s*)(?:(?:very|a|an|my|the)\s+)*\w+(?:\s+(?:knowledge|language|tongue|speaker|level))?\)?", before)
        if owned:                       # "Arabic (native) and Chinese": the level is Arabic's
            before = before[owned.end():]
    return _level_in(before, anchored=False)


def _level_in(text: str, anchored: bool) -> str | None:
    levels = (*PROFICIENCY, *_EXTRA_LEVELS)
    if anchored:
        for rx, level in levels:
            if re.match(rf"\s*(?:is|at|:|-|\(|level)?\s*(?:(?:very|a|at|an|my|level|the)\s+){{0,2}}(?:{rx})", text, re.I):
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


def _affirmed(pattern: str, text: str) -> bool | None:
    """None when `text` does not mention `pattern`; else whether the mention is not negated."""
    m = re.search(pattern, text, re.I)
    return None if m is None else not _negated(text, m.start())


def _licence(text: str) -> bool | None:
    return _affirmed(r"driv(?:ing|er'?s?) licen[cs]e|driving permit|\bI (?:can )?drive\b", text)


def _roster(text: str) -> bool | None:
    return _affirmed(r"\b(?:on (?:the|a|an|any|your)?\s*(?:[\w-]+\s+){0,3}roster|rostered|roster "
                     r"(?:candidate|member|applicant))", text)


def _staff_status(text: str) -> str | None:
    if re.search(r"temporary appointment", text, re.I) and not _negated(text, text.lower().find("temporary")):
        return "temporary"
    if re.search(r"\b(?:(?:I am|I'm|I’m|am currently|currently)\s+(?:an?\s+)?(?:UN |United Nations |current )?"
                 r"staff member|UN staff|internal candidate|(?:currently )?work (?:for|at) the (?:UN|United Nations)\b|"
                 r"(?:I am|I'm|I’m) (?:an? )?(?:[\w-]+ ){0,2}staff member\b)",
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


_NATION_WORDS = {"US": "United States", "U.S.": "United States", "UK": "United Kingdom", "EU": None}


def _nationality(text: str) -> str | None:
    m = re.search(r"\b(?:I am|I'm|I’m|am)\s+(?:an?\s+)?(US|U\.S\.|UK)\s+(?:citizen|national|passport holder)", text)
    if m:
        return _NATION_WORDS[m.group(1)]
    names = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
    m = re.search(rf"\b(?:I am|I'm|I’m|am an?|as an?)\s+(?:an?\s+)?({names})\b(?!\s+(?:speaker))", text, re.I) or \
        re.search(rf"\b({names})\s+(?:citizen|national|passport)", text, re.I)
    if m:
        word = m.group(1).lower()
        return next(c for d, c in DEMONYMS.items() if d.lower() == word)
    m = re.search(r"\b(?:citizen|national) of ([A-Z][\w' -]{2,40}?)(?=[,.;]|$| and )", text)
    return m.group(1) if m else None


def _residence(text: str) -> str | None:
    """Where the user lives: "I live in Toronto, Canada" → "Toronto, Canada"."""
    m = re.search(r"\b(?:I live in|(?:and|but|who) (?:now )?live in|I'm based in|I’m based in|I am based in|based in|I reside in|I'm living in|I am living in|"
                  r"resident (?:of|in)|living in|(?:I )?(?:have )?lived in|I have been living in|I've lived in|I’ve lived in)\s+"
                  r"((?:the\s+)?[A-Z][\w'’. -]{1,40}?(?:,\s*[A-Z][\w'’. -]{1,30}?)?)"
                  r"(?=[,.;]|$| and | but | with | for | since |\s+\()", text)
    if not m or _negated(text, m.start()):
        return None
    return re.sub(r"^the\s+(?=[A-Z]{2})", "", m.group(1).strip())


def _age(text: str) -> int | None:
    """ "I'm 34", "34 years old", "aged 29", "I am Canadian, 40," → the age."""
    m = re.search(r"\b(\d{2})[- ]years?[- ]old\b|\baged? (\d{2})\b|\b(?:I am|I'm|I’m)\s+(\d{2})\b(?!\s*(?:years? (?:of|in|as)|%))|"
                  r"\b(?:I am|I'm|I’m)\s+(?:an?\s+)?[A-Z][a-z]+(?:\s+(?:citizen|national))?,\s+(\d{2})\b(?!\s*(?:years? (?:of|in|as)))", text)
    if not m:
        return None
    age = int(next(g for g in m.groups() if g))
    return age if 15 <= age <= 90 else None


_PERMIT = (r"work permit|work authori[sz]ation|right to (?:live and )?work|permission to (?:live and )?work|"
           r"(?:authori[sz]ed|allowed|entitled|eligible) to work|residence permit|green card|permanent resident|"
           r"work visa|settled status")


def _permit(text: str) -> bool | None:
    """Whether the user may work where the post is: "I have a work permit" / "I would need a
    visa" / "no US work authorization"."""
    if re.search(r"\b(?:would|will|I'd|I’d)\s+need\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:visa|sponsorship|work permit)|"
                 r"need visa sponsorship",
                 text, re.I):
        return False
    return _affirmed(rf"\b(?:{_PERMIT})\b", text)


def _months_in_position(text: str) -> float | None:
    """ "joined my current position 8 months ago" / "in my current post for 2 years" → months."""
    m = re.search(rf"\b(?:joined|started|took up|began)\s+(?:in\s+)?my current (?:position|post|job|role|assignment)\s+"
                  rf"(?P<n>{number_pattern()})\s+(?P<u>months?|years?)\s+ago\b|\bin my current (?:position|post|job|role)\s+"
                  rf"for\s+(?P<n2>{number_pattern()})\s+(?P<u2>months?|years?)\b", text, re.I)
    if not m:
        return None
    value = parse_number(m.group("n") or m.group("n2"))
    unit = m.group("u") or m.group("u2")
    return None if value is None else value * (12 if unit.lower().startswith("year") else 1)


def _seconded(text: str) -> bool | None:
    m = re.search(r"\b(?:government|country|ministry|state)\s+(?:would|will|has agreed to|is willing to|can)\s+"
                  r"(?:second|nominate|sponsor)\b|\b(?:be|am|been|being)\s+(?:seconded|nominated by my)\b", text, re.I)
    if m:
        return not _negated(text, m.start())
    if re.search(r"\bnot (?:be )?(?:seconded|nominated)\b|\bas an individual\b|\bno (?:government )?nomination\b", text, re.I):
        return False
    return None


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), 1)}
_STUDY_LEVELS = (("doctorate", r"ph\.?d|doctoral|" + "|".join(DEGREES["doctorate"])),
                 ("master", r"master'?s|master’s|graduate|postgraduate|MBA|" + "|".join(DEGREES["master"])),
                 ("bachelor", r"undergraduate|bachelor'?s|bachelor’s|college|university|\w+-year\b[^.;]{0,30}degree"))


def _studies(text: str) -> tuple[str | None, str | None]:
    """The degree the user is studying for and their graduation date: "I'm a current
    master's student" → master; "in the third year of a four-year economics degree and
    will graduate in June 2028" → bachelor, 2028-06; "I graduated … in 2021" → None, 2021."""
    level = None
    for name, rx in _STUDY_LEVELS:
        if re.search(rf"\b(?:{rx})\s+(?:student|candidate)\b|\b(?:studying|enrol+ed|pursuing|(?:I'm|I’m|I am|currently) doing)\s+"
                     rf"(?:for\s+)?(?:in\s+)?(?:an?\s+|my\s+)?"
                     rf"(?:[\w-]+\s+){{0,2}}(?:{rx})|\b(?:first|second|third|fourth|final|last|penultimate)[- ](?:year|semester|term)\s+(?:of\s+(?:an?|my)\s+"
                     rf"(?:\w+[- ]year\s+)?(?:\w+\s+)?(?:{rx})|(?:{rx}))|\byear of (?:an?|my) [^.;]{{0,30}}(?:{rx})", text, re.I):
            level = name
            break
    m = re.search(r"\b(?:graduat\w*|finish\w*|complet\w*)\b[^.;]{0,40}?\b(?:in|by|on)\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d{2})\b",
                  text)
    graduation = None
    if m:
        month = _MONTHS.get((m.group("month") or "").lower())
        graduation = f"{m.group('year')}-{month:02d}" if month else m.group("year")
    return level, graduation


def _ypp(text: str) -> bool | None:
    return _affirmed(r"young professionals? programme|young professionals? program|\bYPP\b", text)


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


def understood(p: Profile) -> str | None:
    """ "I understood: bachelor's · 7 years (communications) · English fluent · national of Germany"."""
    parts = profile_parts(p)
    return "I understood: " + " · ".join(parts) + "." if parts else None


def profile_parts(p: Profile) -> list[str]:
    """What the profile holds, one short phrase per fact, in a fixed order (the chat's
    "I understood" line and the UI's "You:" line both read these)."""
    parts = []
    if p.degree_level:
        from index.vocab import LEVEL_NAMES
        parts.append(LEVEL_NAMES.get(p.degree_level, p.degree_level) + (f" in {p.degree_field}" if p.degree_field else ""))
    if p.studying:
        from index.vocab import LEVEL_NAMES
        parts.append(f"studying for a {LEVEL_NAMES.get(p.studying, p.studying)}")
    if p.graduation:
        parts.append(f"graduation {p.graduation}")
    if p.years_experience is not None:
        parts.append(f"{p.years_experience:g} years" + (f" ({p.experience_domain})" if p.experience_domain else ""))
    parts += [f"{y:g} of them {d}" for d, y in p.years_by_domain if d != p.experience_domain]
    parts += [f"{y:g} years {s.replace('_', ' ')}" for s, y in p.years_by_scope]
    parts += [f"{lang} {lv}" if lv != "unspecified" else f"{lang} (level not said)" for lang, lv in p.languages]
    parts += list(p.certifications) + [f"no {c}" for c in p.certifications_lacking]
    flags = ((p.driving_licence, "driving licence"), (p.on_roster, "on a roster"), (p.work_permit, "permit to work there"),
             (p.seconded, "seconded by your government"), (p.young_professional, "young professionals programme"),
             (p.worked_abroad, "worked abroad"))
    parts += [name if value else f"no {name}" for value, name in flags if value is not None]
    if p.staff_status:
        parts.append(f"{p.staff_status} candidate" + (f" ({p.staff_grade})" if p.staff_grade else ""))
    if p.nationality:
        parts.append(f"national of {p.nationality}")
    if p.residence:
        parts.append(f"lives in {p.residence}")
    if p.age is not None:
        parts.append(f"{p.age} years old")
    return parts
