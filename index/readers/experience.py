"""Experience requirements: minimum years (per degree level where the notice gives one),
domain, scope (supervisory, UN system, field …) and the counting rule.

`read(notice, statement, necessity, consumed, has_education, section_default)`. Left out:
experience stated only in months, and ceilings ("up to two years"), which are not minimums.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .. import vocab
from ..records import Requirement
from ..statements import Statement
from .education import degrees
from .text import clean, flat, number, req


@dataclass(frozen=True)
class _Years:
    years: float
    start: int  # of the number
    end: int  # after "years"
    level: str | None
    sub: bool
    extra: bool


_NOT_EXPERIENCE_YEARS = re.compile(r"\s*(?:old|of age|period|contract|appointment|completed|of college|of university)\b",
                                   re.I)
# "Demonstrated interest and/or experience (up to two years)": a ceiling, not a minimum.
_CEILING = re.compile(r"\b(?:up to|no more than|not more than|at most|a maximum of|maximum of)\s*$", re.I)


def read(notice, st, necessity, consumed, has_education, section_default=True):
    """Years (per degree level where stated), domain, scope and counting rule; a statement
    of an experience section counts as experience even without the word, unless another
    reader typed it (section_default False)."""
    text = notice.text
    body = flat(text[st.start:st.end])
    if re.search(r"\bno (?:\w+ ){0,3}experience (?:is )?required\b", body, re.I):
        return [req(notice, "experience", necessity, st.start, st.end, years=0.0)]
    about_experience = _RECORD_OF.match(body) or re.search(r"(?<!user )\bexperience|"
                                 r"\b(?:have|has|having) (?:previously |successfully )?(?:worked|served)\b|\btrack[- ]record\b|\bexposure to\b|\bexperiencia\b|"
                                 r"\bexpérience\b|\byears?\s+(?:of|in|as)\s+(?:[\w-]+\s+){0,4}?(?:work|service|employment)\b"
                                 r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*[-–]\s*\d+)?\+?\s+years?\s+"
                                 r"(?!old\b)(?:managing|working|supervising|leading|providing|developing|teaching|"
                                 r"coordinating|administering|conducting|serving|performing|building)\b",
                                 body, re.I) or (
        st.section == "experience" and section_default and not _OTHER_QUALITY.match(body))
    if not about_experience:
        return []
    mentions = [m for m in _year_mentions(text, st.start, st.end)
                if not any(a <= m.start < b for a, b in consumed)]
    if mentions:
        return _experience_groups(notice, st, necessity, mentions)
    if _SKILL_OPENING.match(body) and not (_ALSO_EXPERIENCE.search(body) or _RECORD_OF.match(body)):
        return []   # "Ability to transfer previous experience", "skills, including experience with …": a skill
    if has_education:
        return []
    vague = _VAGUE_YEARS.search(body)   # "several years of experience": a number the notice does not give
    return [req(notice, "experience", necessity, st.start, st.end,
                 domain=_plain_domain(body) or None, scope=_scope(body),
                 uncertain=("years",) if vague else ())]


# What the candidate has done, shown by its record: "Evidence of leadership in …", "Record of
# participation in professional activities", "Demonstrable success in leading …".
_RECORD_OF = re.compile(rf"\W*(?:{vocab.RECORD_OF})", re.I)
_VAGUE_YEARS = re.compile(r"\b(?:several|many|a number of|multiple|numerous|some|significant number of)\s+"
                          r"(?:\w+\s+)?years?\b|\byears of (?:\w+\s+){0,3}experience\b", re.I)


_QUALITY_NOUNS = (r"knowledge|understanding|abilit\w*|skills?|familiarity|proficien\w*|competen\w*|expertise|"
                  r"networks?|literacy|aptitude|awareness|orientation|fluency|willingness|flexibility|attention to detail")
# A statement opening with a quality of the candidate; "command" alone also opens a command
# post ("Senior command … experience"), so only "command of" counts as a skill.
_SKILL_OPENING = re.compile(rf"\W*(?!experience\b)(?:\w+\s+){{0,2}}(?:{_QUALITY_NOUNS}|command of)\b", re.I)
# Experience asked beside the quality, not inside it: "Knowledge of MARC, and experience with
# EAD", "Knowledge or experience working with …" (not "skills, including experience with …").
_ALSO_EXPERIENCE = re.compile(r"(?<!including)(?<!with)(?<!such as)\s+(?:and|or|as well as|and/or)\s+(?:\w+\s+){0,2}?"
                              r"experience\s+(?:with|in|of|working|using|conducting|managing|building|developing)\b", re.I)
_OTHER_QUALITY = re.compile(rf"\W*(?:[\w-]+,?\s+){{0,6}}(?:{_QUALITY_NOUNS}|command)\b", re.I)


@cache
def _years_pattern() -> re.Pattern:
    n = number()
    return re.compile(rf"(?<![\w-])(?:(?P<lo>{n})\s*(?:-|–|to|and up to)\s*)?(?P<n>{n})(?:\s+or\s+more)?\s+"
                      r"(?:(?:additional|extra|full[- ]time|more)\s+)?years?\b(?:['’]s?)?", re.I)


def _year_mentions(text: str, start: int, end: int) -> list[_Years]:
    """Every "N years" of a statement (ranges give their lower bound), with the degree
    level it is tied to and whether it is a part of an earlier figure ("of which")."""
    out = []
    for m in _years_pattern().finditer(text, start, end):
        tail = text[m.end():min(end, m.end() + 30)]
        if _NOT_EXPERIENCE_YEARS.match(tail):
            continue
        value = vocab.parse_number(m.group("lo") or m.group("n"))
        if value is None:
            continue
        before = text[max(start, m.start() - 40):m.start()]
        if _CEILING.search(before) and not re.search(rf"\b{number()}\s+(?:and|to)\s+up to\s*$", before, re.I):
            continue     # "up to two years" is a ceiling; "a minimum of 5 and up to 7 years" a range
        out.append(_Years(value, m.start(), m.end(), None, _is_sub(before, tail),
                          bool(re.search(r"\b(?:extra|additional|further)\s*$", before, re.I))))
    return [_with_level(text, y, out, end) for y in out]


def _is_sub(before: str, tail: str) -> bool:
    return bool(re.search(r"\b(?:including|of which|includ\w+|and)\s+(?:at least\s+|a minimum of\s+|"
                          r"minimum\s+(?:of\s+)?)?$", before, re.I)
                or re.search(r"(?:,|\bat least|\bminimum)\s*(?:of\s+)?$", before, re.I)
                and re.match(r"\s*(?:of which|which)\b", tail, re.I))


def _with_level(text: str, y: _Years, all_years: list[_Years], end: int) -> _Years:
    nxt = next((o.start for o in all_years if o.start > y.start), end)
    window_end = min(nxt, y.end + 240)
    for d in degrees(text, y.end, window_end):
        between = text[y.end:d.start]
        after = text[d.end:d.end + 12]
        if re.search(r"\b(?:with|for|if|holding|hold|possess\w*|who have)\b[^.;]*$", between, re.I) \
                or re.match(r"\s*holders?\b", after, re.I):
            return replace(y, level=d.level)
    return y


@cache
def _nested_part() -> re.Pattern:
    """A share of the main figure with its own scope: ", including at least six months of
    supervisory experience", "with two years supervisory experience"."""
    return re.compile(rf",?\s+(?:including|with|of which)\s+(?:at least\s+|a minimum of\s+)?(?P<n>{number()})\s+"
                      r"(?P<unit>months?|years?)\b['’]?\s+(?:of\s+)?(?P<rest>[^.;]*)", re.I)


def _nested_parts(notice, st, necessity, found: list[Requirement]) -> list[Requirement]:
    """The scoped shares `_nested_part` reads that no years group stated already (a share in
    months is not a years mention, and one the education reader consumed is not one either)."""
    out = []
    for m in _nested_part().finditer(flat(notice.text[st.start:st.end])):
        value, scope = vocab.parse_number(m.group("n")), _scope(m.group("rest"))
        if value is None or not scope:
            continue
        years = round(value / 12, 2) if m.group("unit").lower().startswith("month") else value
        if not any(r.scope == scope and r.years == years for r in [*found, *out]):
            out.append(req(notice, "experience", necessity, st.start, st.end, years=years, scope=scope))
    return out


def _head_text(text: str) -> str:
    """A clause without its scoped share: the share's scope is not the whole figure's."""
    m = _nested_part().search(flat(text))
    return flat(text)[:m.start()] if m and _scope(m.group("rest")) else text


def _experience_groups(notice, st, necessity, mentions: list[_Years]) -> list[Requirement]:
    groups: list[list[_Years]] = []
    for m in mentions:
        if groups and not m.sub and (m.level or m.extra):  # "(seven years with a first-level …)"
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for i, group in enumerate(groups):
        clause = _clause(notice.text, st, group, groups[i + 1][0] if i + 1 < len(groups) else None, i)
        out.append(_experience_req(notice, st, necessity, group, clause, whole=(i == 0)))
    return out + _nested_parts(notice, st, necessity, out)


def _clause(text: str, st: Statement, group: list[_Years], nxt: _Years | None, index: int):
    """(start, end) of the clause that states a group: from its lead-in words to the next
    group's lead-in, a ", with …" tail, or the statement end."""
    start = st.start if index == 0 else _lead_cut(text, st.start, group[0].start)[1]
    end = _lead_cut(text, st.start, nxt.start)[0] if nxt else st.end
    end = max(end, group[-1].end)   # a clause holds its own figures, whatever cut came before them
    tail = re.search(r",\s+(?:with|is|are|which)\b|\s+(?:is|are)\s+(?:also\s+)?(?:required|desirable)\b",
                     text[group[-1].end:end])
    if tail and index > 0:
        end = group[-1].end + tail.start()
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _lead_cut(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The last ",", ";" or " and " before `hi`: (where it starts, where it ends)."""
    cuts = [(m.start(), m.end()) for m in re.finditer(r"[,;]|\s+and\s+", text[lo:hi])]
    if not cuts:
        return hi, lo
    a, b = cuts[-1]
    return lo + a, lo + b


def _experience_req(notice, st, necessity, group: list[_Years], clause, whole: bool) -> Requirement:
    text = notice.text
    head = group[0]
    by_level = []
    for m in group:
        years = head.years + m.years if m.extra else m.years
        if m.level:
            by_level.append((m.level, years))
    c_start, c_end = clause
    clause_text = text[c_start:c_end]
    domain = next((d for d in (_domain(text, m.end, c_end) for m in group) if d), None)
    start, end = (st.start, st.end) if whole else (c_start, _trim_end(text, c_start, c_end))
    return req(notice, "experience", necessity, start, end, years=head.years,
                years_by_level=tuple(by_level), domain=domain,
                scope=_scope(_head_text(clause_text if not whole else text[st.start:c_end])),
                counting_rule=_counting_rule(text[st.start:st.end]) if whole else None)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,;.":
        end -= 1
    return end


_DOMAIN_STOP = re.compile(
    r"\s+(?:if|for (?:masters?|first|candidates|those))\b|,?\s+(?:is|are)\s+(?:also\s+)?(?:required|"
    r"desirable|preferred)\b|,\s+(?:with|is|are|including|which|of which|at least|especially)\b"
    r"|\s+including\b|\s+and\s+(?:at least|a minimum|minimum)\b|\s+with\s+(?:at least\s+)?[\w-]+\s+(?:months?|years?)\b"
    r"|(?<!\bincl)(?<!\be\.g)(?<!\bi\.e)[;.](?:\s|$)"
    r"|\s+\(|$", re.I)


def _domain(text: str, start: int, end: int) -> str | None:
    """What a years figure is of: "… experience in <domain>", "… experience managing <domain>"."""
    found = _domain_after_preposition(text, start, end)
    if found:
        return found
    m = re.match(r"(?:['’]s?)?\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?experiences?\s+(?P<d>[a-z]+ing\b[^,;.()]*)",
                 text[start:end], re.I)
    return " ".join(m.group("d").split()).strip() if m else None


def _domain_after_preposition(text: str, start: int, end: int) -> str | None:
    """The words after "experience in/of/with" (or the first "in/on/with/at" that is not
    followed by a degree: "five years with advanced university degree … in <domain>")."""
    window = text[start:end]
    first = re.search(r"\bexperiences?\s+(?:of|in|on|with)\s+(?!which\b)", window, re.I)
    candidates = [start + first.end()] if first else []
    candidates += [start + m.end() for m in
                   re.finditer(r"\b(?:in|on|with|within|serving in|working in|at)\s+", window, re.I)]
    for at in candidates:
        near = degrees(text, at, min(end, at + 40))
        if near and near[0].start <= at + 5:
            continue
        stop = _DOMAIN_STOP.search(text, at, end)
        raw = " ".join(text[at:stop.start() if stop else end].split())
        raw = re.sub(r"^(?:the|a|an)\s+", "", raw, flags=re.I).strip(" ,;.")
        return raw or None
    return None


def _plain_domain(body: str) -> str:
    t = clean(body)
    t = re.sub(r"^(?:(?:previous|proven|demonstrated|demonstrable|relevant|some|extensive|"
               r"solid|strong|practical|professional|work|working)\s+)*experience[sd]?\s+"
               r"(?:(?:in|with|of|on|at)\s+)?(?=\w)", "", t, flags=re.I)
    return re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)


_SCOPES = (
    ("command", r"\bcommand\b(?! of)"),
    ("supervisory", r"supervis|managerial|team management|managing (?:\w+ ){0,3}(?:staff|teams|"
                    r"officers|personnel)|management of (?:\w+ ){0,2}(?:staff|teams|personnel)|"
                    r"\bas (?:an? )?manager of (?:an? |the )?(?:\w+ ){0,2}(?:units?|teams?|sections?|departments?|services?)\b"),
    ("un_system", r"\b(?:United Nations|UN)\b(?: common)?(?: \w+){0,3} system|\bUN system\b|"
                  r"\bUN (?:agencies|agency)\b|\bwithin the UN\b"),
    ("international", r"\binternational(?:ly)?\s+(?:level|field|organi[sz]ations?|experience|"
                      r"environment|context|settings?|capacity)|\bat the international\b"),
    ("mission", r"\bpeacekeeping\b|\bpolitical missions?\b|\bfield missions?\b"),
    ("conflict", r"\b(?:post-)?conflict\b"),
    ("field", r"\bfield(?:-based| experience| operations?| level| locations?| environment)\b"),
    ("humanitarian", r"\bhumanitarian\b|\bemergenc"),
)


def _scope(text: str) -> str | None:
    text = flat(text)
    for name, pattern in _SCOPES:
        if re.search(pattern, text, re.I):
            return name
    return None


def _counting_rule(text: str) -> str | None:
    text = flat(text)
    m = re.search(r"[^.()]*\b(?:not counted|counted at|counts? (?:as|for)|will not be (?:counted|"
                  r"considered)|is counted)\b[^()]*", text, re.I)
    return " ".join(m.group(0).split()).strip(" .") if m else None
