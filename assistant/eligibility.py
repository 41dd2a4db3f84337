"""Check a profile against a notice's requirements: met / not met / unknown per criterion,
applying the notice's alternative routes exactly, and an overall verdict.

Arithmetic: where a master's and 5 years are required and a bachelor's with two
additional years is accepted in lieu, a bachelor's holder needs 5 + 2 = 7 years; a
per-degree minimum ("five years with an advanced degree (seven with a first-level
degree)") is read for the user's degree; a route that states its own total ("Master's …
with seven years") uses it. Decisive: required education, experience, languages,
certifications, licences and the bars on who may apply. Not decisive: desirable items,
preferences (first tier, under-represented, women encouraged), and conditions of the job
(travel, medical clearance, mobility) or rules that bind only a group the user has not said
they belong to. Verdict: not_eligible when a decisive check fails, eligible when all are
met, else insufficient_info.
Left out: judging whether the user's field of study or domain of experience is
"relevant" — years are counted as the user states them, and the explanation names the
field the notice asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

from index.kinds import kind as kind_entry
from index.kinds import rule as rule_entry
from index.records import Notice, Requirement, Route
from index.vocab import DUTY_STATION_LANGUAGE, LEVEL_NAMES, PROFICIENCY_ORDER

from .describe import SCOPES, n, route, years
from .records import Check, Profile
from .vocabulary import DEMONYMS

RANK = {"none": -1, "secondary": 0, "post_secondary": 1, "bachelor": 2, "master": 3, "doctorate": 4}
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
REQUIRED, DESIRABLE, CONDITION, PREFERENCE = "required", "desirable", "condition", "preference"


@dataclass(frozen=True)
class Verdict:
    verdict: str
    checks: tuple[Check, ...]
    missing: tuple[str, ...]          # criteria the user has not said enough about
    failed: tuple[str, ...]


def check_eligibility(notice: Notice, requirements: Sequence[Requirement], profile: Profile) -> Verdict:
    checks: list[Check] = []
    education = [r for r in requirements if r.kind == "education" and r.necessity == REQUIRED]
    routes = _routes(education)
    for r in requirements:
        check = _check(r, profile, notice, routes)
        if check is not None:
            checks.append(check)
    if routes and not any(r.kind == "experience" and r.necessity == REQUIRED and not r.scope
                          and (r.years or r.years_by_level) for r in requirements):
        implied = _route_total_years(education[0], routes, profile)
        if implied:
            checks.append(implied)
    return _verdict(checks)


def _verdict(checks: list[Check]) -> Verdict:
    checks = _unique(checks)
    decisive = [c for c in checks if c.necessity == REQUIRED]
    failed = tuple(c.criterion for c in decisive if c.status == NOT_MET)
    missing = tuple(c.criterion for c in decisive if c.status == UNKNOWN)
    if failed:
        verdict = "not_eligible"
    elif missing or not decisive:
        verdict = "insufficient_info"
    else:
        verdict = "eligible"
    return Verdict(verdict, tuple(checks), missing, failed)


def _unique(checks: list[Check]) -> list[Check]:
    """One check per criterion and outcome (a notice may state a rule twice)."""
    seen, out = set(), []
    for c in checks:
        if (c.criterion, c.status, c.necessity) not in seen:
            seen.add((c.criterion, c.status, c.necessity))
            out.append(c)
    return out


def _check(r: Requirement, p: Profile, notice: Notice, routes: tuple[Route, ...]) -> Check | None:
    if r.kind == "eligibility_rule":
        return _rule(r, p, notice)
    if r.necessity != REQUIRED:
        return _desirable(r, p)
    if r.uncertain:
        what = " and ".join({"level": "the degree level", "years": "the number of years"}.get(u, u)
                            for u in r.uncertain)
        return _make(r, _label(r), UNKNOWN, f"The notice states {what} in words I cannot read "
                     "exactly; read the quoted requirement.")
    handler = _kind_checks(routes).get(kind_entry(r.kind).check)
    if handler is None:
        return _make(r, _label(r), UNKNOWN, "A condition of the job, not a qualification: "
                     "the notice states it for every candidate.", CONDITION)
    return handler(r, p)


def _make(r: Requirement, criterion: str, status: str, explanation: str,
          necessity: str | None = None) -> Check:
    return Check(criterion, status, explanation, necessity or r.necessity, r)


# -- education -------------------------------------------------------------------
def _routes(education: list[Requirement]) -> tuple[Route, ...]:
    if not education:
        return ()
    r = education[0]
    return r.routes or ((Route(r.level),) if r.level else ())


def _satisfied(routes: tuple[Route, ...], level: str | None) -> list[Route]:
    if level is None:
        return []
    if level == "college":
        return [rt for rt in routes if rt.level == "college"]
    return [rt for rt in routes if rt.level in RANK and RANK[level] >= RANK[rt.level]]


def _education(r: Requirement, p: Profile) -> Check:
    routes = r.routes or ((Route(r.level),) if r.level else ())
    label = "Education: " + " or ".join(route(rt, terse=True) for rt in routes) if routes else _label(r)
    if not routes:
        return _make(r, label, UNKNOWN, "The notice states an education requirement without a level.")
    if p.degree_level is None:
        return _make(r, label, UNKNOWN, "You did not say which degree you hold.")
    ok = _satisfied(routes, p.degree_level)
    mine = LEVEL_NAMES.get(p.degree_level, p.degree_level)
    if not ok:
        return _make(r, label, NOT_MET, f"Your {mine} is below every route the notice accepts.")
    best = min(ok, key=lambda rt: (rt.extra_years, rt.total_years or 0))
    if best is routes[0] or (best.extra_years == 0 and best.total_years is None and not best.extra_unstated):
        return _make(r, label, MET, f"Your {mine} meets the education requirement.")
    return _make(r, label, MET, f"Your {mine} is accepted by the alternative route "
                 f"({route(best, terse=True)}); the extra experience is counted under experience.")


def _route_total_years(r: Requirement, routes: tuple[Route, ...], p: Profile) -> Check | None:
    """IOM style: each degree route states its own total years of experience."""
    totals = [rt for rt in routes if rt.total_years is not None]
    if not totals:
        return None
    label = "Experience: " + " / ".join(f"≥ {n(rt.total_years)} y ({LEVEL_NAMES.get(rt.level, rt.level)})"
                                        for rt in totals)
    need = [rt.total_years for rt in _satisfied(tuple(totals), p.degree_level)]
    return _years_check(r, label, min(need) if need else None, [rt.total_years for rt in totals], p)


# -- experience ------------------------------------------------------------------
def _experience(r: Requirement, p: Profile, routes: tuple[Route, ...]) -> Check:
    if r.scope and not r.years_by_level:
        return _scoped(r, p)
    if r.years is None and not r.years_by_level:
        return _described(r, p)
    options = _needed_years(r, routes)           # level → years needed with that degree
    label = "Experience: " + " / ".join(f"≥ {n(y)} y ({LEVEL_NAMES.get(l, l)})" for l, y in options) \
        if len(options) > 1 else f"Experience: ≥ {n(options[0][1])} years"
    if r.domain:
        label += f" — {r.domain}"
    p = _counted(r, p)
    mine = _satisfied(tuple(Route(l) for l, _ in options if l in RANK), p.degree_level)
    need = min((y for l, y in options if Route(l) in mine), default=None)
    if options[0][0] == "any":
        need = options[0][1]
    elif p.degree_level is not None and need is None:
        return _make(r, label, UNKNOWN, "Your degree gives no route to this post, so no "
                     "amount of experience is counted (see education).")
    check = _years_check(r, label, need, [y for _, y in options], p)
    if r.counting_rule and p.experience_grade:
        return replace(check, explanation=f"{check.explanation} Counted as the notice says: "
                       f"{r.counting_rule}")
    return check


def _counted(r: Requirement, p: Profile) -> Profile:
    """Apply a counting rule such as "GS experience is not counted except years holding G6
    positions or above – each year is counted at 50%" to years held at a GS grade."""
    rule = r.counting_rule or ""
    if not rule or not p.experience_grade or p.years_experience is None:
        return p
    pct = re.search(r"(\d{1,3})\s?%", rule)
    floor = re.search(r"\bG-?(\d)", rule)
    grade = int(p.experience_grade.split("-")[1])
    if floor and grade < int(floor.group(1)):
        return replace(p, years_experience=0.0)
    if pct:
        return replace(p, years_experience=p.years_experience * int(pct.group(1)) / 100)
    return p


def _described(r: Requirement, p: Profile) -> Check:
    """Experience named by its domain only: met when the user described it in the words of
    the notice (most of the domain's words, stemmed, appear in what the user wrote)."""
    label = _label(r)
    if described(r.domain or "", p.said):
        return _make(r, label, MET, "You described this experience.")
    return _make(r, label, UNKNOWN, f"The notice requires experience in {r.domain or 'this area'}; "
                 "you did not say whether you have it.")


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
                 p: Profile) -> Check:
    if max(all_needs, default=0) == 0:
        return _make(r, label, MET, "No prior experience is required.")
    have = p.years_experience
    if have is None:
        return _make(r, label, UNKNOWN, "You did not say how many years of experience you have.")
    if need is None:
        if have >= max(all_needs):
            return _make(r, label, MET, f"Your {n(have)} years meet the minimum for any degree.")
        if have < min(all_needs):
            return _make(r, label, NOT_MET, f"Your {n(have)} years are fewer than the "
                         f"{n(min(all_needs))} required even with the highest degree.")
        return _make(r, label, UNKNOWN, "The years needed depend on your degree, which you did not state.")
    if have >= need:
        return _make(r, label, MET, f"You have {n(have)} years; {n(need)} are required with your degree.")
    return _make(r, label, NOT_MET, f"You have {n(have)} years; {n(need)} are required with your degree.")


def _scoped(r: Requirement, p: Profile) -> Check:
    scope_name = SCOPES.get(r.scope, r.scope.replace("_", " "))
    label = f"Experience ({scope_name})" + (f": ≥ {years(r.years)}" if r.years else "")
    have = dict(p.years_by_scope).get(r.scope)
    if have is None and r.years is None and described(r.domain or "", p.said):
        return _make(r, label, MET, "You described this experience.")
    if have is None:
        what = f"{n(r.years)} years of " if r.years else ""
        return _make(r, label, UNKNOWN, f"The notice requires {what}{scope_name} experience"
                     f"{' (' + r.domain + ')' if r.domain else ''}; you did not say how much you have.")
    if r.years is None or have >= r.years:
        return _make(r, label, MET, f"You have {n(have)} years of {scope_name} experience.")
    return _make(r, label, NOT_MET, f"You have {n(have)} years of {scope_name} experience; "
                 f"{n(r.years)} are required.")


# -- languages, certifications, licence --------------------------------------------
def _language(r: Requirement, p: Profile) -> Check:
    label = f"Language: {' or '.join(r.languages)}" + (f" ({r.proficiency})" if r.proficiency else "")
    if r.applies_to == "external" and p.staff_status == "internal":
        return _make(r, label, MET, "This rule applies to external applicants only.", CONDITION)
    necessity = CONDITION if r.applies_to == "external" and p.staff_status is None else None
    if DUTY_STATION_LANGUAGE in r.languages:
        return _make(r, label, UNKNOWN, "The notice asks for the duty station's language.", necessity)
    if not p.languages:
        return _make(r, label, UNKNOWN, "You did not say which languages you speak.", necessity)
    spoken = dict(p.languages)
    levels = [spoken[lang] for lang in r.languages if lang in spoken]
    if not levels:
        return _make(r, label, NOT_MET, f"You did not list {' or '.join(r.languages)} among your languages.",
                     necessity)
    status = max((_level_status(lv, r.proficiency) for lv in levels), key=[NOT_MET, UNKNOWN, MET].index)
    text = {MET: "Your level meets it.", UNKNOWN: "You did not say your level in it.",
            NOT_MET: "Your stated level is below the required one."}[status]
    return _make(r, label, status, text, necessity)


def _level_status(have: str, need: str | None) -> str:
    if need is None:
        return MET
    if have == "unspecified":
        return MET if _order(need) <= _order("working knowledge") else UNKNOWN
    return MET if _order(have) >= _order(need) else NOT_MET


def _order(level: str) -> int:
    return PROFICIENCY_ORDER.index(level) if level in PROFICIENCY_ORDER else 1


def _certification(r: Requirement, p: Profile) -> Check:
    label = "Certification: " + (" or ".join(r.names) if r.names else _short(r.text))
    if set(r.names) & set(p.certifications):
        return _make(r, label, MET, "You hold it.")
    if r.names and set(r.names) <= set(p.certifications_lacking):
        return _make(r, label, NOT_MET, "You said you do not hold it.")
    return _make(r, label, UNKNOWN, "You did not say whether you hold it.")


def _licence(r: Requirement, p: Profile) -> Check:
    status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.driving_licence]
    text = {MET: "You hold a driving licence.", NOT_MET: "You said you do not hold a driving licence.",
            UNKNOWN: "You did not say whether you hold a driving licence."}[status]
    return _make(r, "Driving licence", status, text)


def _desirable(r: Requirement, p: Profile) -> Check:
    necessity = PREFERENCE if r.preference else DESIRABLE
    return _make(r, _label(r), UNKNOWN, "Desirable, not required: it can help but does not "
                 "decide eligibility.", necessity)


# -- who may apply ------------------------------------------------------------------
def _rule(r: Requirement, p: Profile, notice: Notice) -> Check | None:
    if r.preference:
        return _make(r, _label(r), UNKNOWN, "A preference in selection, not a condition for applying.",
                     PREFERENCE)
    reader = _RULE_CHECKS.get(rule_entry(r.rule).check)
    if reader:
        return reader(r, p, notice)
    if rule_entry(r.rule).check == "young_professionals" and p.young_professional:
        return _make(r, "Young professionals programme", UNKNOWN, "Recruits of the programme must "
                     "have served two years in their first assignment; say whether you have.")
    return _make(r, _label(r), UNKNOWN, "Applies only to some candidates; read the quoted rule.",
                 CONDITION)


def _kind_checks(routes):
    """Check name of a registry kind (`index.kinds.Kind.check`) → the code that applies it."""
    return {"education": _education, "experience": lambda r, p: _experience(r, p, routes),
            "language": _language, "names": _certification, "licence": _licence}


def _roster(r, p, notice) -> Check:
    status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.on_roster]
    text = {MET: "You are on a roster.", NOT_MET: "Only rostered candidates may apply.",
            UNKNOWN: "Only rostered candidates may apply; you did not say whether you are on a roster."}
    return _make(r, "Roster candidates only", status, text[status])


def _internal(r, p, notice) -> Check:
    status = {"internal": MET, "external": NOT_MET, "temporary": NOT_MET}.get(p.staff_status, UNKNOWN)
    return _make(r, "Internal candidates only", status,
                 {MET: "You are a staff member.", NOT_MET: "The opening is limited to internal candidates.",
                  UNKNOWN: "Limited to internal candidates; you did not say whether you are one."}[status])


def _nationality(r, p, notice) -> Check:
    countries = {DEMONYMS.get(v, v).lower() for v in r.values}
    label = "Nationality: " + ", ".join(r.values)
    if p.nationality is None:
        return _make(r, label, UNKNOWN, "You did not state your nationality.")
    if p.nationality.lower() in countries:
        return _make(r, label, MET, f"You are a national of {p.nationality}.")
    if any("permit" in v for v in r.values):
        return _make(r, label, UNKNOWN, "Non-nationals need a work or residency permit; you did not say.")
    return _make(r, label, NOT_MET, f"The post is open to {', '.join(r.values)} nationals only.")


def _residence(r, p, notice) -> Check:
    label = "Residence: " + ", ".join(r.values)
    if p.residence is None:
        return _make(r, label, UNKNOWN, "You did not say where you live.")
    station = (notice.duty_station or "").lower()
    if p.residence.lower() in station or any(part.strip() and part.strip() in p.residence.lower()
                                              for part in station.split(",")):
        return _make(r, label, MET, f"You live in {p.residence}.")
    return _make(r, label, NOT_MET, f"You live in {p.residence}, not at the duty station.")


def _national_outside(r, p, notice) -> Check:
    label = "Nationals of the duty-station country need prior experience abroad"
    station = (notice.duty_station or "").lower()
    if p.nationality and p.nationality.lower() in station:
        status = {True: MET, False: NOT_MET, None: UNKNOWN}[p.worked_abroad]
        return _make(r, label, status, {
            MET: "You are a national of the duty-station country and have worked outside it.",
            NOT_MET: "Nationals of the duty-station country without professional experience "
                     "outside it cannot be considered.",
            UNKNOWN: "As a national of the duty-station country you need prior professional "
                     "experience outside it; you did not say."}[status])
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


def _label(r: Requirement) -> str:
    return f"{r.kind.replace('_', ' ').capitalize()}: {_short(r.text)}"


def _short(text: str, limit: int = 70) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + "…"




# Check name of a registry rule (`index.kinds.Rule.check`) → the code that applies it.
_RULE_CHECKS = {"roster": _roster, "internal": _internal, "nationality": _nationality,
                "residence": _residence, "national_outside": _national_outside, "gs_to_p": _gs_to_p}
