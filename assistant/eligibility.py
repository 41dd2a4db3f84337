"""Check a profile against a notice's minimum qualifications, as a screening officer does:
met / not met / unknown per criterion, the notice's alternative routes applied exactly, and
one verdict.

What decides (necessity "required"): the education level (every required education
statement's routes together: one route set decides both the education and the experience
line), the minimum years (per degree level; per scope or domain when the notice gives a
number for it), the required languages at their levels, named certifications, a driving
licence, and the hard bars on who may apply (nationality or membership of a group of
countries, residence or permit, roster/internal/secondment, age limits, graduation
windows, staff-status exclusions, experience abroad for nationals). Verdict: not_eligible
when one of these fails, eligible when all are met, else insufficient_info, with the fact
to ask for (`Check.ask`).

What does not decide (necessity "also"): required items without a number — skills,
knowledge, kinds of experience described in words, a field of study — listed as "the
notice also asks for"; desirable items and preferences; conditions of the job (travel,
medical clearance) and declarations taken on trust (full rights as a citizen, military
service). A rule that excludes a group ("staff on probation are not eligible") fails only
when the user says they belong to it.

Arithmetic: where a master's and 5 years are required and a bachelor's with two
additional years is accepted in lieu, a bachelor's holder needs 5 + 2 = 7 years; a
per-degree minimum is read for the user's degree; a route that states its own total uses
it. Stated years count for a requirement that names a domain only when the domains match
(`relevance`); years the user gave no field for are counted, and the line says so.
Left out: judging whether a degree's field of study is relevant, and commuting distances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Callable, Sequence

from index.kinds import KINDS
from index.kinds import kind as kind_entry
from index.kinds import rule as rule_entry
from index.places import country_code, countries_in, same_city
from index.records import Notice, Requirement, Route
from index.vocab import parse_number
from index.vocab import (ANOTHER_LANGUAGE, CEFR_LEVELS, COUNTRY_GROUPS, DOMAIN_FAMILIES, WORK_SETTINGS, DUTY_STATION_LANGUAGE, EU_LANGUAGE, LEVEL_NAMES,
                         PROFICIENCY_ORDER, UN_WORKING_LANGUAGE)

from .describe import SCOPES, n, route, routes_words, scope_words, years, years_needed
from .records import Check, Profile

RANK = {"none": -1, "secondary": 0, "post_secondary": 1, "bachelor": 2, "master": 3, "doctorate": 4}
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
REQUIRED, ALSO, DESIRABLE, CONDITION, PREFERENCE = "required", "also", "desirable", "condition", "preference"
# Cosine similarity of the user's and the notice's domain (all-MiniLM-L6-v2) at or above
# which they match: the lowest threshold with no false match on the 48 labelled pairs of
# tests/data/domain_pairs.tsv (`python -m evals domains`: accuracy 0.77, 0 false, 11 missed).
DOMAIN_MATCH = 0.65

Relate = Callable[[str, str], float]


@dataclass(frozen=True)
class Verdict:
    verdict: str
    checks: tuple[Check, ...]
    missing: tuple[str, ...]          # criteria the user has not said enough about
    failed: tuple[str, ...]
    asks: tuple[str, ...] = ()        # the facts to ask for ("your French level")
    scope: tuple[str, ...] = ()       # topics a scoped question asked about
    overall: str | None = None        # the whole notice's verdict, when the question was scoped


def check_eligibility(notice: Notice, requirements: Sequence[Requirement], profile: Profile,
                      scope: Sequence[str] = (), relate: Relate | None = None) -> Verdict:
    """Every check of `requirements` against `profile`; the verdict over the decisive ones
    (only those of `scope`'s topics when given)."""
    required = [r for r in requirements if r.necessity == REQUIRED]
    routes, source = _routes(required)
    ctx = _Context(notice, profile, routes, relate, _education_fails(routes, profile))
    checks: list[Check] = []
    if source is not None or any(r.kind == "education" for r in required):
        students = any(_ENROLMENT.search(r.text) for r in requirements)
        checks.append(_education(source, [r for r in required if r.kind == "education"], routes, profile, students))
    numeric = [r for r in required if r.kind == "experience" and not r.uncertain and (r.years is not None
               or r.years_by_level)]
    substitutes = {id(r): _substitution(r, required) for r in numeric if _SUBSTITUTE.search(r.text)}
    numeric = [r for r in numeric if id(r) not in substitutes]
    ctx = replace(ctx, credit=tuple(s for s in substitutes.values() if s))
    for r in requirements:
        if id(r) in substitutes:
            checks.append(_make(r, _label(r), UNKNOWN, "A degree counts for these years of experience; "
                                "applied under experience.", CONDITION))
            continue
        if r.kind == "education" and r.necessity == REQUIRED:
            checks += _fields(r)
            continue
        check = _check(r, ctx, numeric)
        if check is not None:
            checks.append(check)
    if routes and not any(not r.scope for r in numeric):
        implied = _route_total_years(source, routes, profile)
        if implied:
            checks.append(implied)
    return _verdict(checks + _nothing_to_fail(checks), tuple(scope))


def _nothing_to_fail(checks: list[Check]) -> list[Check]:
    """A notice whose qualifications were read but set no minimum (only skills, kinds of
    experience, a desirable degree): one met line citing the first of them, so the verdict
    is a yes with its evidence. Nothing read at all gives no such line (and no yes)."""
    if any(c.necessity == REQUIRED for c in checks):
        return []
    first = next((c.requirement for c in checks if c.necessity == ALSO and c.requirement is not None), None)
    if first is None:
        return []
    return [Check("Minimum qualifications", MET, "The notice states no minimum degree, years, language or other "
                  "bar; what it asks for is listed below and does not decide eligibility.", REQUIRED, first,
                  topic="minimum")]


def _verdict(checks: list[Check], scope: tuple[str, ...] = ()) -> Verdict:
    checks = _unique(checks)
    decisive = [c for c in checks if c.necessity == REQUIRED]
    overall = _decide(decisive) if scope else None
    if scope:
        decisive = [c for c in decisive if c.topic in scope]
    failed = tuple(c.criterion for c in decisive if c.status == NOT_MET)
    missing = tuple(c.criterion for c in decisive if c.status == UNKNOWN)
    asks = tuple(dict.fromkeys(c.ask for c in decisive if c.status == UNKNOWN and c.ask))
    return Verdict(_decide(decisive), tuple(checks), missing, failed, asks, scope, overall)


def _decide(decisive: list[Check]) -> str:
    if any(c.status == NOT_MET for c in decisive):
        return "not_eligible"
    if not decisive or any(c.status == UNKNOWN for c in decisive):
        return "insufficient_info"
    return "eligible"


def _unique(checks: list[Check]) -> list[Check]:
    """One check per criterion and outcome (a notice may state a rule twice)."""
    seen, out = set(), []
    for c in checks:
        if (c.criterion, c.status, c.necessity) not in seen:
            seen.add((c.criterion, c.status, c.necessity))
            out.append(c)
    return out


@dataclass(frozen=True)
class _Context:
    notice: Notice
    profile: Profile
    routes: tuple[Route, ...]
    relate: Relate | None
    education_fails: bool
    credit: tuple[tuple[str, float], ...] = ()   # (degree level, years it stands in for)


def _check(r: Requirement, ctx: _Context, numeric: list[Requirement]) -> Check | None:
    if r.kind == "eligibility_rule":
        return _rule(r, ctx.profile, ctx.notice)
    if r.necessity != REQUIRED:
        return _desirable(r)
    if r.uncertain:
        return _uncertain(r, numeric)
    handler = _kind_checks(ctx, numeric).get(kind_entry(r.kind).check)
    if handler is None:
        if kind_entry(r.kind).qualification:
            denied = _denied(r.text, ctx.profile.said)
            if denied:
                return _make(r, _label(r), NOT_MET, f"You said: “{denied}”.")
            return _make(r, _label(r), UNKNOWN, "The notice also asks for this; it does not decide eligibility.",
                         ALSO)
        return _make(r, _label(r), UNKNOWN, "A condition of the job, not a qualification: "
                     "the notice states it for every candidate.", CONDITION)
    return handler(r, ctx.profile)


_LIMIT = re.compile(r"\b(?:can(?:'|’)?t|cannot|can only|unable to|not able to|do(?:n't|n’t| not)|won(?:'|’)?t|"
                    r"will not|never)\b", re.I)


def _denied(requirement: str, said: Sequence[str]) -> str | None:
    """A clause of the user's own words that says they cannot meet a required item ("I can
    only work until 5pm on weekdays" against "Must be able to work Thursday … until 7pm"):
    a limiting word and at least two of the item's content words."""
    want = _stems(requirement)
    for text in said:
        for clause in re.split(r"[.;!?]|,\s*(?:but|and)\b|\bbut\b", text):
            if _LIMIT.search(clause) and len(_stems(clause) & want) >= 2:
                return clause.strip()
    return None


_SUBSTITUTE = re.compile(r"\b(?:substitut\w*\s+for|(?:considered|accepted|counted)\s+(?:as\s+)?equivalent\s+to)\s+"
                         r"(?P<n>\w+)\s+(?:\(\d+\)\s+)?years?", re.I)


def _substitution(r: Requirement, required: list[Requirement]) -> tuple[str, float] | None:
    """"An advanced or a first-level university degree may be considered as a substitute for
    two years' working experience": a statement that a degree stands in for years, not a
    minimum of its own → (lowest degree level it names, years)."""
    m = _SUBSTITUTE.search(r.text)
    years_ = parse_number(m.group("n")) if m else None
    levels = [lv for e in required if e.kind == "education" and e.start < r.end and r.start < e.end
              for lv in ([rt.level for rt in e.routes] or [e.level]) if lv in RANK]
    if years_ is None or not levels:
        return None
    return min(levels, key=RANK.get), years_


def _uncertain(r: Requirement, numeric: list[Requirement]) -> Check:
    """A reading the parser could not make exact is "?"; it decides only when nothing exact
    states the same minimum (another education route set, another number of years)."""
    what = " and ".join({"level": "the degree level", "years": "the number of years"}.get(u, u)
                        for u in r.uncertain)
    decides = r.kind in ("experience", "language") and not (r.kind == "experience" and any(not x.scope for x in numeric))
    return _make(r, _label(r), UNKNOWN, f"The notice states {what} in words I cannot read exactly; read the "
                 "quoted requirement.", None if decides else ALSO, ask=_ask(r) if decides else None)


def _make(r: Requirement | None, criterion: str, status: str, explanation: str,
          necessity: str | None = None, ask: str | None = None, topic: str | None = None) -> Check:
    topic = topic or (r.kind if r is not None else None)
    return Check(criterion, status, explanation, necessity or (r.necessity if r else REQUIRED), r,
                 topic=topic, ask=ask if status == UNKNOWN else None)


def _ask(r: Requirement) -> str:
    return {"education": "which degree you hold", "experience": "how many years of experience you have",
            "language": "your level in " + " or ".join(r.languages) if r.languages else "your languages",
            "licence": "whether you hold a driving licence",
            "certification": "whether you hold " + " or ".join(r.names)}.get(r.kind, "more about yourself")


def _kind_checks(ctx: _Context, numeric: list[Requirement]):
    """Check name of a registry kind (`index.kinds.Kind.check`) → the code that applies it."""
    return {"education": lambda r, p: None, "experience": lambda r, p: _experience(r, p, ctx),
            "language": lambda r, p: _language(r, p, ctx.notice), "names": _certification, "licence": _licence}


# -- education -------------------------------------------------------------------
def _routes(required: list[Requirement]) -> tuple[tuple[Route, ...], Requirement | None]:
    """Every route of every required education statement read exactly, once per level (the
    first statement's reading of a level wins); else the degree levels a per-degree years
    minimum names ("6 years with an undergraduate degree; or 5 with a graduate degree")."""
    out: dict[str, Route] = {}
    source = None
    for r in required:
        if r.kind != "education" or r.uncertain:
            continue
        for rt in r.routes or ((Route(r.level),) if r.level else ()):
            if rt.level not in out:
                out[rt.level] = rt
                source = source or r
    if not out:
        by_level = next((r for r in required if r.kind == "experience" and r.years_by_level and not r.scope), None)
        if by_level is not None:
            return tuple(Route(lv) for lv, _ in sorted(by_level.years_by_level, key=lambda kv: RANK.get(kv[0], 9))
                         if lv in RANK), by_level
    return tuple(out.values()), source


def _satisfied(routes: tuple[Route, ...], level: str | None) -> list[Route]:
    if level is None:
        return []
    if level == "college":
        return [rt for rt in routes if rt.level == "college"]
    return [rt for rt in routes if rt.level in RANK and RANK.get(level, -1) >= RANK[rt.level]]


def _education_fails(routes: tuple[Route, ...], p: Profile) -> bool:
    return bool(routes) and p.degree_level is not None and not _satisfied(routes, p.degree_level) \
        and p.studying is None


def _education(source: Requirement | None, statements: list[Requirement], routes: tuple[Route, ...],
               p: Profile, students_named: bool = True) -> Check:
    """The education line. A student who does not hold an accepted degree yet fails a notice
    that says nothing of students anywhere; where any statement names students ("currently
    enrolled", "or near completion") the statement decides."""
    r = source or statements[0]
    if not routes:
        return _make(r, _label(r), UNKNOWN, "The notice states the education in words I cannot read "
                     "exactly; read the quoted requirement.", ask="which degree you hold", topic="education")
    label = "Education: " + routes_words(routes)
    ok = _satisfied(routes, p.degree_level)
    mine = LEVEL_NAMES.get(p.degree_level or "", p.degree_level)
    students = [s for s in statements if _ENROLMENT.search(s.text)]
    if students:
        return _enrolment(r, label, students, routes, p, statements)
    if not ok and p.studying and not students_named:
        studied = LEVEL_NAMES.get(p.studying, p.studying)
        return _make(r, label, NOT_MET, f"You are studying for a {studied} and do not hold it yet; the notice "
                     "requires the degree and says nothing of current students.", topic="education")
    if not ok and p.studying:
        studied = LEVEL_NAMES.get(p.studying, p.studying)
        return _make(r, label, UNKNOWN, f"You are studying for a {studied} and do not hold it yet; the "
                     "quoted requirement says whether current students may apply.",
                     ask="which degree you already hold", topic="education")
    if p.degree_level is None:
        return _make(r, label, UNKNOWN, "You did not say which degree you hold.", ask="which degree you hold",
                     topic="education")
    if not ok:
        return _make(r, label, NOT_MET, f"Your {mine} is below every route the notice accepts.", topic="education")
    if all(rt.level == "none" and rt.extra_unstated and not rt.extra_years for rt in ok):
        return _make(r, label, UNKNOWN, f"Your {mine} is below the degrees the notice names; it also accepts "
                     "equivalent experience without saying how much, so the quoted requirement decides.",
                     ask="how many years of relevant experience you have", topic="education")
    best = min(ok, key=lambda rt: (rt.extra_years, rt.total_years or 0))
    if best is routes[0] or (best.extra_years == 0 and best.total_years is None and not best.extra_unstated):
        return _make(r, label, MET, f"Your {mine} meets the education requirement.", topic="education")
    return _make(r, label, MET, f"Your {mine} is accepted by another route: {route(best, terse=True)}.",
                 topic="education")


_ENROLMENT = re.compile(r"\b(?:enrol+(?:ed|ment)|current(?:ly)? (?:[\w’'/.-]+ ){0,2}students?|students? (?:in|of|enrol+ed)|"
                        r"near(?:ing)? (?:its |their )?completion|(?:about|expected) to (?:complete|graduate)|"
                        r"actively pursuing|(?:final|last|penultimate|second-to-last) (?:academic )?year|"
                        r"(?:course ?work|studies|working|studying) towards?)\b", re.I)
_COMPLETED_OK = re.compile(r"\b(?:completed|graduated|hold(?:ing)?|obtained|have (?:a|an)) |"
                           r"\bor (?:near(?:ing)? (?:its |their )?completion|(?:about|expected) to (?:complete|graduate))", re.I)
_MONTH_YEAR = r"(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _enrolment(r: Requirement, label: str, students: list[Requirement], routes: tuple[Route, ...],
               p: Profile, statements: list[Requirement]) -> Check:
    """Education that current students meet ("must be enrolled in a Master's programme",
    "penultimate-year undergraduate student"): a student at an accepted level meets it,
    within any graduation window a statement gives for that level; a graduate fails a notice that
    takes students only."""
    label = label.replace("Education: ", "Education (current students): ")
    window = next((w for s in statements if (w := _window(s.text))
                   and p.studying in ([rt.level for rt in s.routes] or [s.level])), None)
    completed_ok = any(_COMPLETED_OK.search(s.text) for s in students)
    studied = _satisfied(routes, p.studying) if p.studying else []
    if studied:
        if window and p.graduation and len(p.graduation) == 7 and not window[0] <= p.graduation <= window[1]:
            return _make(r, label, NOT_MET, f"You expect to graduate in {p.graduation}; the notice asks for "
                         f"graduation between {window[0]} and {window[1]}.", topic="education")
        if window and not p.graduation:
            return _make(r, label, UNKNOWN, f"You are studying at an accepted level; the notice asks for "
                         f"graduation between {window[0]} and {window[1]}.", ask="when you expect to graduate",
                         topic="education")
        return _make(r, label, MET, f"You are studying for a {LEVEL_NAMES.get(p.studying, p.studying)}, "
                     "which the notice accepts.", topic="education")
    if p.graduated and not p.studying and not completed_ok:
        return _make(r, label, NOT_MET, "The notice takes current students; you said you have graduated.",
                     topic="education")
    if completed_ok and _satisfied(routes, p.degree_level):
        return _make(r, label, MET, f"Your {LEVEL_NAMES.get(p.degree_level, p.degree_level)} meets it.",
                     topic="education")
    if completed_ok and p.degree_level is not None and not p.studying:
        return _make(r, label, NOT_MET, f"Your {LEVEL_NAMES.get(p.degree_level, p.degree_level)} is below every "
                     "route the notice accepts, and you did not say you are studying for one.", topic="education")
    return _make(r, label, UNKNOWN, "The notice takes current students; tell me what you are studying now.",
                 ask="whether you are studying now, and for which degree", topic="education")


def _window(text: str) -> tuple[str, str] | None:
    """ "graduate … between December 2027 and September 2028" → ("2027-12", "2028-09")."""
    m = re.search(rf"\bbetween\s+{_MONTH_YEAR}\s+and\s+{_MONTH_YEAR}", text, re.I)
    if not m:
        return None
    a = f"{m.group(2)}-{_MONTHS.index(m.group(1).lower()) + 1:02d}"
    b = f"{m.group(4)}-{_MONTHS.index(m.group(3).lower()) + 1:02d}"
    return a, b


def _fields(r: Requirement) -> list[Check]:
    """The field of study a required degree names: asked for, not decisive."""
    if not r.fields:
        return []
    shown = ", ".join(r.fields[:4]) + (" …" if len(r.fields) > 4 else "")
    return [_make(r, f"Degree field: {shown}", UNKNOWN, "Whether your field counts is for the recruiters "
                  "to judge; it does not decide eligibility here.", ALSO)]


def _route_total_years(r: Requirement, routes: tuple[Route, ...], p: Profile) -> Check | None:
    """IOM style: each degree route states its own total years of experience."""
    totals = [rt for rt in routes if rt.total_years is not None]
    if not totals:
        return None
    label = "Experience: " + years_needed([(rt.level, rt.total_years) for rt in totals])
    need = [rt.total_years for rt in _satisfied(tuple(totals), p.degree_level)]
    check = _years_check(r, label, min(need) if need else None, [rt.total_years for rt in totals],
                         p.years_experience)
    return replace(check, topic="experience")


# -- experience ------------------------------------------------------------------
def _experience(r: Requirement, p: Profile, ctx: _Context) -> Check:
    if r.years is None and not r.years_by_level:
        return _described(r, p)
    if r.scope and not r.years_by_level and not _preferred(r.text, _SCOPE_WORDS.get(r.scope, r"(?!)")):
        return _scoped(r, p, ctx)
    options = _needed_years(r, ctx.routes)           # level → years needed with that degree
    where = f"in {r.domain}" if r.domain and not _generic(r.domain) else ""
    label = "Experience: " + years_needed(options if len(options) > 1 else [("any", options[0][1])], where)
    have, why = _years_for(r, p, ctx)
    if why is not None and max(y for _, y in options) > 0:
        if p.years_experience is not None and p.years_experience < _least_needed(options, p, ctx, r):
            return _make(r, label, NOT_MET, f"Even counting all your {n(p.years_experience)} years, they are "
                         f"fewer than the {n(_least_needed(options, p, ctx, r))} required.")
        return _make(r, label, UNKNOWN, why, ask=f"how many years you have in {_topic_words(r)}")
    if r.counting_rule and p.experience_grade and have is not None:
        have = _counted(r, have, p)
    mine = _satisfied(tuple(Route(l) for l, _ in options if l in RANK), p.degree_level)
    need = min((y for l, y in options if Route(l) in mine), default=None)
    if options[0][0] == "any":
        need = options[0][1]
    elif p.degree_level is not None and need is None:
        status = NOT_MET if ctx.education_fails else UNKNOWN
        return _make(r, label, status, "Your degree gives no route to this post (see education), so no "
                     "amount of experience is counted.", ask="which degree you hold")
    credit = max((y for lv, y in ctx.credit if p.degree_level in RANK and RANK[p.degree_level] >= RANK[lv]), default=0)
    if credit and need is not None and not r.scope:
        need = max(need - credit, 0)
        label += f" (a degree counts for {n(credit)})"
    check = _years_check(r, label, need, [y for _, y in options], have)
    if r.counting_rule and p.experience_grade:
        check = replace(check, explanation=f"{check.explanation} Counted as the notice says: {r.counting_rule}")
    if check.status == MET and have is not None and not p.experience_domain and r.domain and not _generic(r.domain) \
            and have == p.years_experience:
        check = replace(check, explanation=f"{check.explanation} You did not say in what field; I counted them "
                        f"as experience in {r.domain}.")
    return check


def _least_needed(options: list[tuple[str, float]], p: Profile, ctx: _Context, r: Requirement) -> float:
    """The fewest years that could meet `r` for this user: the minimum for their degree (the
    lowest of all when it is unknown), less what a degree stands in for."""
    mine = _satisfied(tuple(Route(l) for l, _ in options if l in RANK), p.degree_level)
    needs = [y for l, y in options if Route(l) in mine] or [y for _, y in options]
    credit = 0 if r.scope else max((y for lv, y in ctx.credit if p.degree_level is None
                                    or (p.degree_level in RANK and RANK[p.degree_level] >= RANK[lv])), default=0)
    return max(min(needs) - credit, 0)


_SCOPE_WORDS = {"un_system": r"\bUN\b|United Nations|UN system", "international": r"international",
                "field": r"\bfield\b", "mission": r"mission", "humanitarian": r"humanitarian",
                "supervisory": r"supervis|manag", "conflict": r"conflict", "command": r"command"}
_PREFERRED = re.compile(r"\b(?:preferably|preferred|desirabl\w*|an asset|an advantage|a plus|ideally)\b", re.I)


def _preferred(text: str, what: str) -> bool:
    """Whether `what` (a pattern) is named in `text` only after a preference word ("Three
    or more years as a Driver, preferably in an international organization … or UN
    system"): then it qualifies the requirement, it does not narrow it."""
    flat = " ".join(text.split())
    pref = _PREFERRED.search(flat)
    hits = [m.start() for m in re.finditer(what, flat, re.I)]
    return bool(pref and hits and all(h > pref.start() for h in hits))


def _counted(r: Requirement, have: float, p: Profile) -> float:
    """Apply a counting rule such as "GS experience is not counted except years holding G6
    positions or above – each year is counted at 50%" to years held at a GS grade."""
    rule = r.counting_rule or ""
    pct = re.search(r"(\d{1,3})\s?%", rule)
    floor = re.search(r"\bG-?(\d)", rule)
    grade = int(p.experience_grade.split("-")[1])
    if floor and grade < int(floor.group(1)):
        return 0.0
    if pct:
        return have * int(pct.group(1)) / 100
    return have


def _years_for(r: Requirement, p: Profile, ctx: _Context) -> tuple[float | None, str | None]:
    """The user's years that count for `r`: all of them when `r` names no domain (or a
    generic one) or the user named none; else the most years stated in a matching domain.
    The second value explains a "?" (a domain that does not match or may not)."""
    want = r.domain if r.domain and not _generic(r.domain) else None
    stated = [(d, y) for d, y in ((p.experience_domain, p.years_experience), *p.years_by_domain) if d]
    if p.years_experience is None or not stated:
        return p.years_experience, None
    if want is None:                         # no domain read: the sentence's own occupation words, if any
        named = _families(r.text)
        if not named or any(_families(d) & named or not _families(d) for d, _ in stated):
            return p.years_experience, None
        d, y = max(stated, key=lambda s: s[1])
        return None, (f"You have {n(y)} years in {d}; the notice asks for years in another field "
                      f"({_short(r.text, 90)}) — they may not count.")
    verdicts = [(relevance(d, want, p.said, ctx.relate), d, y) for d, y in stated]
    matching = [y for (v, _), _, y in verdicts if v == "match"]
    if matching:
        return max(matching), None
    (v, reason), d, y = max(verdicts, key=lambda t: (t[0][0] == "unclear", t[2]))
    # A mismatch says why in words ("public library is not academic"); an unclear one would
    # only show a similarity score, so it says nothing more.
    word = "may not count" if v == "unclear" else f"do not obviously count ({reason})"
    return None, f"You have {n(y)} years in {d}; the notice asks for years in {want} — they {word}."


_GENERIC = re.compile(r"^(?:(?:relevant|related|professional|progressively|responsible|similar|work|working|"
                      r"experience|field|fields|area|areas|in|a|an|the|of|least|country|or|abroad|and|at|occupational|"
                      r"national|international|level|industry|general|paid|full-time|qualifying|required|"
                      r"previous|above|point|acquired|mentioned)\s*)+$", re.I)


def _generic(domain: str) -> bool:
    return bool(_GENERIC.match(domain.strip(" .,;")))


def _topic_words(r: Requirement) -> str:
    return r.domain if r.domain and not _generic(r.domain) else "the field the notice names"


def _described(r: Requirement, p: Profile) -> Check:
    """Experience named by its kind only: asked for, not decisive; ✓ when the user described
    it in the words of the notice."""
    label = _label(r)
    if described(r.domain or "", p.said):
        return _make(r, label, MET, "You described this experience.", ALSO)
    return _make(r, label, UNKNOWN, f"The notice also asks for experience in {r.domain or 'this area'}; "
                 "it does not decide eligibility.", ALSO)


def described(domain: str, said: Sequence[str], share: float = 0.6) -> bool:
    want = _stems(domain)
    if not want or not said:
        return False
    have = _stems(" ".join(said))
    return len(want & have) >= share * len(want)


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]{3,}", text.lower())
    return set(_stemmer().stemWords([w for w in words if w not in _STOP]))


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_STOP = {"and", "the", "for", "with", "other", "any", "all", "including", "incl", "etc", "such",
         "relevant", "related", "similar", "experience", "work", "working", "years", "year"}


def relevance(mine: str, wanted: str, said: Sequence[str] = (), relate: Relate | None = None) -> tuple[str, str]:
    """Whether years stated in domain `mine` count for a requirement in domain `wanted`:
    ("match" | "mismatch" | "unclear", reason). Shared occupational family
    (`vocab.DOMAIN_FAMILIES`) or most of `wanted`'s words in `mine` → match; families that
    do not overlap → mismatch; otherwise embedding similarity ≥ DOMAIN_MATCH → match."""
    here, there = _settings(mine), _settings(wanted)
    if here and there and not here & there:
        return "mismatch", f"{' / '.join(sorted(here))} is not {' / '.join(sorted(there))}"
    if any(described(part, (mine,)) or _compact(part) in _compact(mine) for part in _parts(wanted)):
        return "match", "same field"
    a, b = _families(mine), _families(wanted)
    if a and b and not a & b:
        return "mismatch", "different fields"
    if a & b and _umbrella(wanted, a & b):
        return "match", "within the field the notice names"
    if here & there and not (a or b):
        return "match", "same setting"
    if relate is not None:
        sim = relate(mine, wanted)
        if sim >= DOMAIN_MATCH:
            return "match", f"similar fields ({sim:.2f})"
        return "unclear", f"similarity {sim:.2f} below {DOMAIN_MATCH:.2f}"
    return "unclear", "I cannot tell whether the fields match"


def _settings(text: str) -> set[str]:
    """The kinds of workplace `text` names (`vocab.WORK_SETTINGS`)."""
    return {name for name, patterns in WORK_SETTINGS.items() if any(re.search(p, text, re.I) for p in patterns)}


def _compact(text: str) -> str:
    """Letters only, so spellings joined or split ("audio visual", "audiovisual") compare equal;
    parts shorter than 6 letters never match this way."""
    letters = re.sub(r"[^a-z]", "", text.lower())
    return letters if len(letters) >= 6 else "\0"


def _umbrella(wanted: str, families: set[str]) -> bool:
    """Whether `wanted` names only a whole occupational family the user's domain shares ("a STEM
    field" for chemistry): every word is a word of one of `families` (`vocab.DOMAIN_FAMILIES`)
    or a generic one. A domain naming words of other families too is not an umbrella."""
    words = [w for w in re.findall(r"[a-z]+", wanted.lower()) if not _generic(w) and w not in _KIND_OF_WORK]
    keys = {k for f in families for k in DOMAIN_FAMILIES[f] if " " not in k}
    return bool(words) and all(any(w.startswith(k) for k in keys) for w in words)


# Words that say what kind of work a field's years are, not which field ("administrative
# support functions"): left out when asking whether a domain names only a whole family.
_KIND_OF_WORK = {"support", "functions", "function", "duties", "tasks", "roles", "services", "work", "activities"}


def _parts(wanted: str) -> list[str]:
    """A required domain's alternatives: "corporate and project lending and equity
    investments with exposure to …" → corporate, project lending, equity investments; the
    examples after "such as" / "e.g." each count, the words before them as one whole."""
    head = re.split(r"\b(?:such as|e\.g\.?|including|for example)\b", wanted, maxsplit=1)[0]
    m = re.search(r"\b(?:such as|e\.g\.?|including|for example)\b(.*)", wanted)
    core = re.split(r"\s+(?:with|related to|in support of|within|preferably)\b", head, maxsplit=1)[0]
    parts = [core] + [p for p in re.split(r"\s*(?:,|;|/|\band\b|\bor\b)\s*", core) if len(p) > 2]
    if m:
        parts += [p for p in re.split(r"\s*(?:,|;|/|\band\b|\bor\b)\s*", m.group(1)) if len(p) > 2]
    return parts if len(re.findall(r"\w+", core)) > 1 or m else [core]


def _families(text: str) -> set[str]:
    low = text.lower()
    return {fam for fam, words in DOMAIN_FAMILIES.items()
            if any(re.search(rf"(?<![a-z]){re.escape(w)}", low) for w in words)}


def _needed_years(r: Requirement, routes: tuple[Route, ...]) -> list[tuple[str, float]]:
    """Years required per degree level: stated per level (the plain minimum being the one
    for the notice's first degree route), else base + the route's extra years."""
    if r.years_by_level:
        stated = dict(r.years_by_level)
        if r.years is not None and r.years not in stated.values():
            stated.setdefault(routes[0].level if routes else "any", r.years)
        for rt in routes:
            if rt.level not in stated and rt.level in RANK and rt.extra_years and r.years is not None:
                stated[rt.level] = r.years + rt.extra_years
        return sorted(stated.items(), key=lambda kv: -RANK.get(kv[0], 0))
    if not routes:
        return [("any", r.years)]
    out = [(rt.level, r.years + rt.extra_years) for rt in routes if not rt.extra_unstated]
    return out or [("any", r.years)]


def _years_check(r: Requirement, label: str, need: float | None, all_needs: list[float],
                 have: float | None) -> Check:
    if max(all_needs, default=0) == 0:
        return _make(r, label, MET, "No prior experience is required.", topic="experience")
    if have is None:
        return _make(r, label, UNKNOWN, "You did not say how many years of experience you have.",
                     ask="how many years of experience you have", topic="experience")
    if need is None:
        if have >= max(all_needs):
            return _make(r, label, MET, f"Your {n(have)} years meet the minimum for any degree.", topic="experience")
        if have < min(all_needs):
            return _make(r, label, NOT_MET, f"Your {n(have)} years are fewer than the "
                         f"{n(min(all_needs))} required even with the highest degree.", topic="experience")
        return _make(r, label, UNKNOWN, "The years needed depend on your degree, which you did not state.",
                     ask="which degree you hold", topic="experience")
    if have >= need:
        return _make(r, label, MET, f"You have {n(have)} years; {n(need)} are required with your degree.",
                     topic="experience")
    return _make(r, label, NOT_MET, f"You have {n(have)} years; {n(need)} are required with your degree.",
                 topic="experience")


def _scoped(r: Requirement, p: Profile, ctx: _Context) -> Check:
    scope_name = SCOPES.get(r.scope, r.scope.replace("_", " "))
    before, after = scope_words(r.scope)
    label = f"Experience: at least {years(r.years)} of {before + ' ' if before else ''}experience" \
        + (f" {after}" if after else "")
    have = dict(p.years_by_scope).get(r.scope)
    if have is None and p.years_experience is not None and p.years_experience < r.years:
        return _make(r, label, NOT_MET, f"You have {n(p.years_experience)} years in all; {n(r.years)} of "
                     f"{scope_name} experience are required.")
    if have is None:
        return _make(r, label, UNKNOWN, f"You did not say how many years of {scope_name} experience you have.",
                     ask=f"how many years of {scope_name} experience you have")
    if have >= r.years:
        return _make(r, label, MET, f"You have {n(have)} years of {scope_name} experience.")
    return _make(r, label, NOT_MET, f"You have {n(have)} years of {scope_name} experience; "
                 f"{n(r.years)} are required.")


# -- languages, certifications, licence --------------------------------------------
def _language(r: Requirement, p: Profile, notice: Notice) -> Check:
    languages = _resolved_languages(r, notice)
    label = f"Language: {' or '.join(languages)}" + (f" ({r.proficiency})" if r.proficiency else "")
    ask = f"your {' or '.join(languages)} level"
    if r.applies_to == "external" and p.staff_status == "internal":
        return _make(r, label, MET, "This rule applies to external applicants only.", CONDITION)
    necessity = CONDITION if r.applies_to == "external" and p.staff_status is None else None
    if DUTY_STATION_LANGUAGE in languages:
        return _make(r, label, UNKNOWN, "The notice asks for the duty station's language; tell me which "
                     "languages you speak.", necessity, ask="which languages you speak")
    if not p.languages:
        return _make(r, label, UNKNOWN, "You did not say which languages you speak.", necessity, ask=ask)
    spoken = dict(p.languages)
    if ANOTHER_LANGUAGE in languages:   # "a second language": any one besides the first
        if len(spoken) < 2:
            return _make(r, label, UNKNOWN, "The notice asks for a further language; tell me which languages "
                         "you speak.", necessity, ask="which languages you speak")
        return _make(r, label, MET, "You speak more than one language.", necessity)
    if EU_LANGUAGE in languages:
        levels = [lv for lang, lv in spoken.items() if lang in _EU_LANGUAGES]
    else:
        levels = [spoken[lang] for lang in languages if lang in spoken]
    if not levels and not p.languages_listed:
        return _make(r, label, UNKNOWN, f"You did not say whether you speak {' or '.join(languages)}.",
                     necessity, ask=ask)
    if not levels:
        return _make(r, label, NOT_MET, f"You did not list {' or '.join(languages)} among your languages.",
                     necessity)
    status = max((_level_status(lv, r.proficiency) for lv in levels), key=[NOT_MET, UNKNOWN, MET].index)
    text = {MET: "Your level meets it.", UNKNOWN: "You did not say your level in it.",
            NOT_MET: "Your stated level is below the required one."}[status]
    return _make(r, label, status, text, necessity, ask=ask)


_EU_LANGUAGES = {"Bulgarian", "Croatian", "Czech", "Danish", "Dutch", "English", "Estonian", "Finnish", "French",
                 "German", "Greek", "Hungarian", "Irish", "Italian", "Latvian", "Lithuanian", "Maltese", "Polish",
                 "Portuguese", "Romanian", "Slovak", "Slovene", "Spanish", "Swedish"}


def _resolved_languages(r: Requirement, notice: Notice) -> tuple[str, ...]:
    """"The UN working language of the duty station if not English" is that country's
    working language (`vocab.UN_WORKING_LANGUAGE`, English elsewhere) when the duty
    station's country is known."""
    if DUTY_STATION_LANGUAGE not in r.languages or not re.search(r"working language", r.text, re.I):
        return r.languages
    country = country_code(notice.duty_station)
    if country is None:
        return r.languages
    named = UN_WORKING_LANGUAGE.get(country, "English")
    return tuple(dict.fromkeys(named if lang == DUTY_STATION_LANGUAGE else lang for lang in r.languages))


def _level_status(have: str, need: str | None) -> str:
    if need is None:
        return MET
    need = _cefr(need) or need
    if have == "unspecified":
        return MET if _order(need) <= _order("working knowledge") else UNKNOWN
    return MET if _order(have) >= _order(need) else NOT_MET


def _cefr(need: str) -> str | None:
    """The proficiency a CEFR or UN level in the required wording asks for ("knowledge (level
    C1)" → fluent, "(level B)" → working knowledge); None when the wording names no such level."""
    m = re.search(r"\b[Ll]evel\s+([ABC][12]?)\b|(?<![\w-])([ABC][12])(?![\w-])", need)
    return CEFR_LEVELS[m.group(1) or m.group(2)] if m else None


def _order(level: str) -> int:
    return PROFICIENCY_ORDER.index(level) if level in PROFICIENCY_ORDER else 1


# "may be required to have, or be in a position to obtain, a valid Personnel Security Clearance"
_OBTAINED_LATER = re.compile(r"\b(?:be in a position to|be able to|able to|willing(?:ness)? to) obtain\b|"
                             r"\bwho accepts? an offer\b|\bupon (?:appointment|selection|recruitment)\b|\bonce selected\b|"
                             r"\bmust obtain\b[^.]{0,60}\b(?:upon|after|before taking up|once)\b", re.I)


def _certification(r: Requirement, p: Profile) -> Check:
    if _OBTAINED_LATER.search(r.text):
        return _make(r, _label(r), UNKNOWN, "Obtained once selected; a condition of the job, not of applying.",
                     CONDITION)
    if not r.names and not re.search(r"certific|licen[cs]|accredit|diploma", r.text, re.I):
        return _make(r, _label(r), UNKNOWN, "The notice also asks for this; it does not decide eligibility.", ALSO)
    if not r.names:
        return _make(r, _label(r), UNKNOWN, "You did not say whether you hold the certificate the notice names.",
                     ask="whether you hold the certificate the notice names")
    label = "Certification: " + " or ".join(r.names)
    if all(_preferred(r.text, re.escape(name)) for name in r.names):
        return _make(r, label, UNKNOWN, "The notice names it as a preference, not a requirement.", DESIRABLE)
    if set(r.names) & set(p.certifications):
        return _make(r, label, MET, "You hold it.")
    if set(r.names) <= set(p.certifications_lacking):
        return _make(r, label, NOT_MET, "You said you do not hold it.")
    return _make(r, label, UNKNOWN, "You did not say whether you hold it.", ask=_ask(r))


def _licence(r: Requirement, p: Profile) -> Check:
    status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.driving_licence]
    text = {MET: "You hold a driving licence.", NOT_MET: "You said you do not hold a driving licence.",
            UNKNOWN: "You did not say whether you hold a driving licence."}[status]
    return _make(r, "Driving licence", status, text, ask=_ask(r))


def _desirable(r: Requirement) -> Check:
    necessity = PREFERENCE if r.preference else DESIRABLE
    return _make(r, _label(r), UNKNOWN, "Desirable, not required: it can help but does not "
                 "decide eligibility.", necessity)


# -- who may apply ------------------------------------------------------------------
def _rule(r: Requirement, p: Profile, notice: Notice) -> Check | None:
    if r.preference or r.necessity != REQUIRED:
        return _make(r, _label(r), UNKNOWN, "A preference in selection, not a condition for applying.",
                     PREFERENCE)
    entry = rule_entry(r.rule)
    if entry.check in ("nationality", "member_nationality") and re.search(r"\bencourag", r.text, re.I):
        return _make(r, _label(r), UNKNOWN, "The quoted sentence encourages candidates; it does not bar anyone.",
                     PREFERENCE)
    reader = _RULE_CHECKS.get(entry.check)
    if reader:
        return replace(reader(r, p, notice), topic="eligibility_rule")
    return _make(r, _label(r), UNKNOWN, "Applies only to some candidates; read the quoted rule.", CONDITION)


def _roster(r, p, notice) -> Check:
    status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.on_roster]
    text = {MET: "You are on a roster.", NOT_MET: "Only rostered candidates may apply.",
            UNKNOWN: "Only rostered candidates may apply; you did not say whether you are on a roster."}
    return _make(r, "Roster candidates only", status, text[status], ask="whether you are on a roster")


def _internal(r, p, notice) -> Check:
    status = {"internal": MET, "external": NOT_MET, "temporary": NOT_MET}.get(p.staff_status, UNKNOWN)
    return _make(r, "Internal candidates only", status,
                 {MET: "You are a staff member.", NOT_MET: "The opening is limited to internal candidates.",
                  UNKNOWN: "Limited to internal candidates; you did not say whether you are one."}[status],
                 ask="whether you are a staff member")


def _nationality(r, p, notice) -> Check:
    wanted = {c for v in r.values if "permit" not in v and (c := country_code(v))} or set(countries_in(r.text))
    label = "Nationality: " + (", ".join(v for v in r.values) if r.values else ", ".join(sorted(wanted)))
    mine = country_code(p.nationality)
    if p.nationality is None:
        return _make(r, label, UNKNOWN, "You did not state your nationality.", ask="your nationality")
    if mine in wanted:
        return _make(r, label, MET, f"You are a national of {p.nationality}.")
    if any("permit" in v for v in r.values):
        return _permit_or_residence(r, label, p, wanted, "Non-nationals need a work or residency permit")
    return _make(r, label, NOT_MET, f"The post is open to {label.split(': ', 1)[1]} nationals only.")


def _permit_or_residence(r, label, p, countries, lead) -> Check:
    if p.work_permit is True:
        return _make(r, label, MET, "You said you may work there.")
    if p.work_permit is False:
        return _make(r, label, NOT_MET, f"{lead}; you said you do not have one.")
    home = country_code(p.residence)
    if home is not None and home in countries and re.search(r"\bresid|\blive\b", r.text, re.I):
        return _make(r, label, MET, f"You live in {p.residence}.")
    if home is not None and home not in countries and p.nationality is not None:
        return _make(r, label, NOT_MET, f"{lead}; you are neither a national nor a resident there.")
    return _make(r, label, UNKNOWN, f"{lead}; you did not say whether you have one.",
                 ask="whether you have the right to live and work there")


def _member_nationality(r, p, notice) -> Check:
    groups = [(name, members) for name, (pattern, members) in COUNTRY_GROUPS.items()
              if re.search(pattern, r.text)]
    label = "Nationality: " + (" or ".join(name for name, _ in groups) if groups else "the member states named")
    if p.nationality is None:
        return _make(r, label, UNKNOWN, "You did not state your nationality.", ask="your nationality")
    mine = country_code(p.nationality)
    if (not groups or mine is None) and mine in _named_countries(r.text):
        return _make(r, label, MET, f"The rule names {p.nationality}.")
    if not groups or mine is None:
        return _make(r, label, UNKNOWN, "Open to nationals of the member states the notice names; I cannot "
                     "tell whether yours is one.", ask="whether your country is a member state the notice names")
    if any(mine in members for _, members in groups):
        return _make(r, label, MET, f"{p.nationality} is one of them.")
    if mine in _named_countries(r.text):
        return _make(r, label, MET, f"The rule names {p.nationality} besides the group.")
    return _make(r, label, NOT_MET, f"{p.nationality} is not one of them.")


def _named_countries(text: str) -> tuple[str, ...]:
    """Countries a rule names by name ("EU Member States or Norway, Iceland, Liechtenstein,
    or Switzerland2"), a footnote number glued to a name read off."""
    return countries_in(re.sub(r"(?<=[a-z])\d{1,2}\b", "", text))


def _work_permit(r, p, notice) -> Check:
    countries = set(countries_in(r.text)) or {c for c in [country_code(notice.duty_station)] if c}
    where = ", ".join(sorted(countries)) or "the duty-station country"
    label = f"Right to live and work in {where}"
    if country_code(p.nationality) in countries and p.work_permit is not False:
        return _make(r, label, MET, f"You are a national of {p.nationality}.")
    return _permit_or_residence(r, label, p, countries, f"The post needs the right to work in {where}")


def _residence(r, p, notice) -> Check:
    countries = set(countries_in(r.text)) or {c for c in [country_code(notice.duty_station)] if c}
    named = [v for v in r.values if v not in ("country", "nationality or residence")]
    label = "Residence: " + (", ".join(named) if named else ", ".join(sorted(countries)))
    if "nationality or residence" in r.values:
        label = "Nationality or residence: " + ", ".join(sorted(countries))
    if p.residence is None and "nationality or residence" in r.values and p.nationality \
            and country_code(p.nationality) not in countries:
        return _make(r, label, UNKNOWN, "You are not a national of it; say where you live.", ask="where you live")
    if "nationality or residence" in r.values and p.nationality and country_code(p.nationality) in countries:
        return _make(r, label, MET, f"You are a national of {p.nationality}.")
    if p.residence is None:
        return _make(r, label, UNKNOWN, "You did not say where you live.", ask="where you live")
    home = country_code(p.residence)
    if home is not None and countries and home not in countries:
        return _make(r, label, NOT_MET, f"You live in {p.residence}, outside {', '.join(sorted(countries))}.")
    if same_city(p.residence, notice.duty_station):
        return _make(r, label, MET, f"You live in {p.residence}.")
    if home is not None and home in countries and "commuting distance" not in r.values:
        return _make(r, label, MET, f"You live in {p.residence}.")
    return _make(r, label, UNKNOWN, f"You live in {p.residence}; the notice asks you to live within reach of "
                 "the duty station — say whether you do.", ask="whether you live within commuting distance")


def _national_outside(r, p, notice) -> Check:
    label = "Nationals of the duty-station country need prior experience abroad"
    station = country_code(notice.duty_station)
    mine = country_code(p.nationality)
    if p.nationality and mine is not None and mine == station:
        status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.worked_abroad]
        return _make(r, label, status, {
            MET: "You are a national of the duty-station country and have worked outside it.",
            NOT_MET: "Nationals of the duty-station country without professional experience "
                     "outside it cannot be considered.",
            UNKNOWN: "As a national of the duty-station country you need prior professional "
                     "experience outside it; you did not say."}[status], ask="whether you have worked abroad")
    if p.nationality:
        return _make(r, label, MET, "You are not a national of the duty-station country.")
    return _make(r, label, UNKNOWN, "Applies only to nationals of the duty-station country.", CONDITION)


def _gs_to_p(r, p, notice) -> Check:
    label = "G-6/G-7 staff may apply to temporary posts up to P-3"
    if p.staff_status != "internal" or not p.staff_grade:
        return _make(r, label, UNKNOWN, "Applies to current staff members only.", CONDITION)
    grade = notice.grade or ""
    if p.staff_grade in ("G-6", "G-7") and grade in ("P-1", "P-2", "P-3"):
        return _make(r, label, MET, f"As {p.staff_grade} staff you may apply to this {grade} post.")
    if p.staff_grade.startswith("G-") and grade.startswith("P-"):
        return _make(r, label, NOT_MET, f"{p.staff_grade} staff may not apply to a {grade} temporary post.")
    return _make(r, label, UNKNOWN, "Read the quoted rule for your grade.", CONDITION)


def _young_professionals(r, p, notice) -> Check:
    if p.young_professional:
        return _make(r, "Young professionals programme", UNKNOWN, "Recruits of the programme must have "
                     "served two years in their first assignment; say whether you have.",
                     ask="whether you have served two years in your first assignment")
    return _make(r, _label(r), UNKNOWN, "Applies only to recruits of the young professionals programme.",
                 CONDITION)


def _age_limits(text: str) -> tuple[int | None, int | None]:
    """(minimum, maximum) age a rule's sentence states; the maximum is the first age no
    longer accepted ("under 32" → 32, "not older than 32" → 33)."""
    low = re.search(r"\b(?:at least|minimum age of|over|older than|aged? (?:of )?at least)\s+(\d{2})\b|"
                    r"\b(\d{2})\s*\+\s*(?:years)?|\b(\d{2}) years (?:of age )?or (?:older|over)\b", text, re.I)
    high = re.search(r"\b(?:under(?: the age of)?|below(?: the age of)?|younger than|before (?:reaching|the age of)|"
                     r"maximum age of|reaches the age of|age of)\s+(\d{2})\b", text, re.I)
    older = re.search(r"\bnot (?:be )?older than\s+(\d{2})\b|\bno older than\s+(\d{2})\b", text, re.I)
    between = re.search(r"\bbetween (?:the ages of )?(\d{2}) and (\d{2})\b", text, re.I)
    if between:
        return int(between.group(1)), int(between.group(2)) + 1
    top = int(high.group(1)) if high else (int(next(g for g in older.groups() if g)) + 1 if older else None)
    return (int(next(g for g in low.groups() if g)) if low else None), top


def _age(r, p, notice) -> Check:
    low, high = _age_limits(r.text)
    label = "Age limit" + (f": from {low}" if low else "") + (f", below {high}" if high else "")
    if p.age is None:
        return _make(r, label, UNKNOWN, "The notice sets an age limit; you did not say your age.", ask="your age")
    if (low is not None and p.age < low) or (high is not None and p.age >= high):
        return _make(r, label, NOT_MET, f"At {p.age} you are outside the age limit.")
    if low is None and high is None:
        return _make(r, label, UNKNOWN, "Read the quoted age rule.", ask="whether you meet the quoted age rule")
    return _make(r, label, MET, f"At {p.age} you are within the age limit.")


def _age_exclusion(r, p, notice) -> Check:
    """Retirement or separation age: bars only those who have reached it. Stated as a
    criterion every applicant must meet ("Be below the age at which staff … are retired")
    it admits only those below it, so the user's age is needed."""
    text = _whole_sentence(r, notice)
    _, high = _age_limits(text)
    if high is None:
        m = re.search(r"\b(\d{2})\b", text)
        high = int(m.group(1)) if m else None
    label = "Retirement age" + (f" {high}" if high else "")
    admits = re.match(r"\W*(?:you\s+)?(?:must\s+)?(?:be (?:below|under|younger than)|not (?:yet )?(?:have )?reached)\b",
                      r.text, re.I)
    if p.age is not None and high is not None and p.age >= high:
        return _make(r, label, NOT_MET, f"At {p.age} you have reached the age the notice names.")
    if p.age is not None and high is not None:
        return _make(r, label, MET, f"At {p.age} you are below it.", None if admits else CONDITION)
    if p.age is None and admits:
        return _make(r, label, UNKNOWN, "Applicants must be below this age; you did not say your age.",
                     ask="your age")
    if p.age is not None:   # the notice's age could not be read: never a tick
        return _make(r, label, UNKNOWN, "I could not read the age the notice names; check the quoted rule.",
                     ask="whether you are below the age the quoted rule names")
    return _make(r, label, UNKNOWN, "Bars only those who have reached it.", CONDITION)


def _whole_sentence(r: Requirement, notice: Notice) -> str:
    """The rule's text, carried on to the end of its sentence when the statement stops short
    of it (a line wrap: "… retired, i.e. currently on the" | "last day of the month … 66")."""
    if re.search(r"[.;:!?]\s*$", r.text) or not notice.text:
        return r.text
    m = re.search(r"[.;!?](?:\s|$)", notice.text[r.end:r.end + 200])
    return r.text + (notice.text[r.end:r.end + m.start() + 1] if m else "")


def _secondment(r, p, notice) -> Check:
    status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.seconded]
    return _make(r, "Secondment only (nominated by your government)", status, {
        MET: "You said your government would second you.",
        NOT_MET: "Only candidates seconded by their government may apply.",
        UNKNOWN: "Only candidates seconded by their government may apply; you did not say whether yours "
                 "would nominate you."}[status], ask="whether your government would nominate (second) you")


def _exclusion(r, p, notice) -> Check:
    """"Staff on probation are not eligible": fails when the user says they are in the
    named group; otherwise a condition that does not decide."""
    m = re.search(r"(.{6,160}?)\b(?:are|is|will) not (?:be )?eligible|(.{6,160}?)\b(?:is|are) ineligible|"
                  r"(.{6,160}?)\bmay not apply|(.{6,160}?)\bcannot be considered", " ".join(r.text.split()), re.I)
    group = next((g for g in m.groups() if g), "") if m else ""
    group = re.sub(r"^(?:if|when|where|candidates who|applicants who)\s+", "", group.strip(" ,"), flags=re.I)
    group = re.sub(r"^you\s+", "", group, flags=re.I)
    # "If you have previously held a Staff contract, you will not be eligible": the group is
    # the if-clause, without the main clause's subject after its comma
    group = re.sub(r",\s*(?:you|they|he or she|she or he|(?:the )?(?:candidates?|applicants?))$", "", group,
                   flags=re.I)
    said = [s for s in p.said if not re.search(r"\bnever\b|\bnot\b|n't\b", s)]
    if group and described(group, said, 0.75):
        return _make(r, _label(r), NOT_MET, f"You said you are in the group the notice excludes ({group}).")
    barred = _BARRED.search(" ".join(r.text.split()))
    if barred:
        group = barred.group(1)
        named = next((a for a in _alternatives(group) if len(_stems(a)) >= 2 and described(a, said, 1.0)), None)
        if named:
            return _make(r, _label(r), NOT_MET, f"You said you are one of those the notice will not appoint ({named}).")
    served = re.search(r"\bstaff\b[^.]{0,60}\bmust have (?:completed|served) (?:at least )?(\w+) years? in (?:the|their|his/her) "
                       r"current (?:position|post|assignment)", r.text, re.I)
    if served and p.months_in_position is not None and p.staff_status == "internal":
        need = parse_number(served.group(1))
        if need is not None and p.months_in_position < need * 12:
            return _make(r, _label(r), NOT_MET, f"You have been in your current position {n(p.months_in_position)} "
                         f"months; staff need {n(need)} year{'s' if need != 1 else ''} in it.")
    return _make(r, _label(r), UNKNOWN, f"Bars only {group or 'the candidates it names'}; you did not say you "
                 "are one of them.", CONDITION)


# "No appointment under any kind of contract will be offered to members of the A, B and other
# similar bodies …, both during their service and within three years …"
_BARRED = re.compile(r"\bno (?:appointment|contract|offer|employment)\b[^.]{0,80}?\bwill be (?:offered|made|given) to "
                     r"(.{6,400}?)(?:,\s*(?:both |either )?(?:during|while|within|for)\b|\.|$)", re.I)


def _alternatives(group: str) -> list[str]:
    """The bodies a list names one by one ("members of the ACABQ, ICSC, … and other similar
    bodies"), without their lead-in words."""
    group = re.sub(r"^(?:current |former )?(?:members?|staff|employees) of (?:the )?", "", group, flags=re.I)
    return [a.strip() for a in re.split(r",\s*|\s+(?:and|or)\s+", group) if a.strip()]


def _experience_cap(r, p, notice) -> Check:
    m = re.search(r"\b(?:less than|no more than|not more than|fewer than|a maximum of|at most) (?:\w+ )?\(?(\d+)\)? years?",
                  r.text, re.I)
    cap = float(m.group(1)) if m else None
    label = f"At most {n(cap)} years of experience" if cap is not None else _label(r)
    if cap is None or p.years_experience is None:
        return _make(r, label, UNKNOWN, "The notice caps the experience of candidates; you did not say yours.",
                     ask="how many years of experience you have")
    status = MET if p.years_experience <= cap else NOT_MET
    return _make(r, label, status, f"You have {n(p.years_experience)} years.")


def _graduation_window(r, p, notice) -> Check:
    label = "Studying now or graduated recently"
    if p.studying:
        return _make(r, label, MET, "You are studying now.")
    if p.graduation is None:
        return _make(r, label, UNKNOWN, "The notice asks for current studies or a recent degree; you did not "
                     "say when you graduated.", ask="when you graduated (or whether you are studying)")
    return _make(r, label, UNKNOWN, f"You graduated in {p.graduation}; read the quoted window.",
                 ask="whether your graduation date falls within the quoted window")


# Check name of a registry rule (`index.kinds.Rule.check`) → the code that applies it.
_RULE_CHECKS = {"roster": _roster, "internal": _internal, "nationality": _nationality,
                "member_nationality": _member_nationality, "work_permit": _work_permit,
                "residence": _residence, "national_outside": _national_outside, "gs_to_p": _gs_to_p,
                "young_professionals": _young_professionals, "age": _age, "age_exclusion": _age_exclusion,
                "secondment": _secondment, "exclusion": _exclusion, "experience_cap": _experience_cap,
                "graduation_window": _graduation_window}


def _label(r: Requirement) -> str:
    return f"{r.kind.replace('_', ' ').capitalize()}: {_short(r.text)}"


def _short(text: str, limit: int = 70) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + "…"


# -- scoped questions ----------------------------------------------------------------
@cache
def _scope_pattern() -> re.Pattern:
    words = "|".join(f"(?P<{k.name}>{k.scope})" for k in KINDS if k.scope)
    return re.compile(rf"\b(?:meet|satisfy|fulfil+|match|pass|have|qualify (?:for|on|under)|enough for|ok (?:for|on))\b"
                      rf"[^?.]{{0,30}}?\b(?:{words})\b[^?.]{{0,25}}?\b(?:requirements?|criteria|criterion|conditions?|"
                      rf"part|minimum|bar|rules?|needed|asked|required)\b", re.I)


def scope_of(question: str) -> tuple[str, ...]:
    """The requirement kinds a question asks about when it asks about one part of the
    notice ("Do I meet the experience requirement?"); () for the whole notice."""
    found = []
    for m in _scope_pattern().finditer(question):
        found += [name for name, value in m.groupdict().items() if value]
    return tuple(dict.fromkeys(found))


def embedding_relate(embedder) -> Relate:
    """Cosine similarity of two short texts with the library's embedding model (cached)."""
    import numpy as np

    @cache
    def vector(text: str):
        return np.asarray(embedder.embed([text])[0])

    def relate(a: str, b: str) -> float:
        va, vb = vector(a.lower()), vector(b.lower())
        return float(va @ vb / ((np.linalg.norm(va) * np.linalg.norm(vb)) or 1.0))

    return relate
