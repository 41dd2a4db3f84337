"""Compose answers by code, from the structured records and the notice's own sentences.

Each composer returns `Claim`s (a sentence and the spans that support it); `cite.py`
numbers and verifies them. Required and desirable items are kept apart; what a notice does
not state is said in so many words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from index.records import Notice, Requirement

from index.vocab import LANGUAGES, certification_of, certification_pattern

from index.kinds import KIND_NAMES, KINDS, RULES, qualification_kinds
from index.kinds import kind as kind_entry

from .describe import FACT_SENTENCES, capital, clean, describe, describe_lines, necessity, plain, sentence_count
from .eligibility import check_eligibility
from .profile import understood
from .facts import absent, distinct, fact_claims, quoted, stating_spans
from .records import Check, Claim, Evidence, Profile

# topic → the requirement kinds it asks about, and the words for "the notice states none"
REQUIREMENT_KINDS = {**{k.name: (k.name,) for k in KINDS if k.name != "other"},
                     "qualifications": qualification_kinds()}
_ABSENT_KIND = {k.name: k.absent for k in KINDS}



@dataclass(frozen=True)
class Composed:
    claims: tuple[Claim, ...]
    answerable: bool = True
    verdict: str | None = None
    checks: tuple[Check, ...] = ()


def label(notice: Notice, many: bool) -> str:
    """` for the Security Coordination Officer (Laayoune)` when several notices are answered."""
    if not many:
        return ""
    where = f" in {notice.duty_station}" if notice.duty_station else ""
    return f" for {notice.title or notice.stem}{where}"


def evidence(r: Requirement) -> tuple[Evidence, ...]:
    return (Evidence(r.notice_id, r.start, r.end),)


# -- facts -------------------------------------------------------------------------------
def facts_answer(notices: Sequence[Notice], topics: Sequence[str], today: date, question: str = "") -> Composed:
    claims, answered = [], False
    for notice in notices:
        prefix = _prefix(notice, len(notices) > 1)
        for topic in topics:
            found = fact_claims(notice, topic, today, question)
            if found:
                answered = True
                claims += [Claim(prefix + c.text, c.evidence, notice_id=notice.id) for c in found]
            else:
                claims.append(absent(label(notice, len(notices) > 1), topic))
    return Composed(tuple(fold_beyond(claims)), answered)


def fold_beyond(claims: Sequence[Claim], most: int = FACT_SENTENCES) -> list[Claim]:
    """The body claims of each notice after the first `most` sentences become "more"
    (folded under "More from the notice"); the first of each notice always shows. Claims
    without a notice count as their own."""
    said: dict[str | None, int] = {}
    out = []
    for c in claims:
        if c.role != "body":
            out.append(c)
            continue
        n, before = sentence_count(c.text), said.get(c.notice_id, 0)
        if before and before + n > most:
            out.append(replace(c, role="more"))
        else:
            said[c.notice_id] = before + n
            out.append(c)
    return out


def notice_name(notice: Notice) -> str:
    """`Security Coordination Officer (Laayoune (Western Sahara))`: how answers name a notice."""
    return f"{notice.title or notice.stem}{' (' + notice.duty_station + ')' if notice.duty_station else ''}"


def _prefix(notice: Notice, many: bool) -> str:
    return f"{notice_name(notice)}: " if many else ""


# -- requirements ---------------------------------------------------------------------
def requirements(notices: Sequence[Notice], reqs: dict[str, Sequence[Requirement]],
                 topics: Sequence[str], question: str = "") -> Composed:
    kinds = [k for t in topics for k in REQUIREMENT_KINDS.get(t, ())] or list(REQUIREMENT_KINDS)
    claims, answered = [], False
    for notice in notices:
        prefix = _prefix(notice, len(notices) > 1)
        seen: set[tuple[int, int]] = set()
        for kind in dict.fromkeys(kinds):
            wanted = named_in(question, kind)
            found = [r for r in _ordered(kind_requirements(reqs[notice.id], kind))
                     if matches(r, wanted) and (r.start, r.end, r.kind) not in seen]
            seen |= {(r.start, r.end, r.kind) for r in found}
            if kind == "language" and wanted and found and not any(r.necessity == "required" for r in found):
                required = [r for r in kind_requirements(reqs[notice.id], kind) if r.necessity == "required"]
                if required:
                    claims.append(Claim(f"{' and '.join(sorted(wanted))} {'is' if len(wanted) == 1 else 'are'} "
                                        f"not required{label(notice, len(notices) > 1)}.", grounded=False))
                    found = required + found
            if wanted and not found and kind_requirements(reqs[notice.id], kind):
                claims.append(Claim(f"The notice{label(notice, len(notices) > 1)} does not ask for "
                                    f"{' or '.join(sorted(wanted)).replace('_', ' ')}; it states:", grounded=False))
                found = _ordered(kind_requirements(reqs[notice.id], kind))
            if not found:
                claims.append(Claim(f"The notice{label(notice, len(notices) > 1)} does not state "
                                    f"{_ABSENT_KIND[kind]}.", grounded=False))
                continue
            answered = True
            claims += [Claim(prefix + words, ev, role="body" if necessity(r) == "Required" else "desirable",
                             notice_id=notice.id) for r, ev in _dedupe(found) for words in describe_lines(r)]
    return Composed(tuple(claims), answered)




def named_in(question: str, topic: str) -> set[str]:
    """The certification, language or rule names the question mentions, if any."""
    if topic == "eligibility_rule":
        return {r.name for r in RULES if r.cues and re.search(r.cues, question, re.I)}
    if topic == "certification":
        return {certification_of(m) for m in certification_pattern().finditer(f"{question} {question.upper()}")}
    if topic == "language":
        return {v for k, v in LANGUAGES.items() if re.search(rf"\b{re.escape(k)}\b", question, re.I)}
    return set()


def matches(r: Requirement, wanted: set[str]) -> bool:
    if not wanted:
        return True
    return bool(wanted & set(r.names)) or bool(wanted & set(r.languages)) or r.rule in wanted


def kind_requirements(reqs: Sequence[Requirement], kind: str) -> list[Requirement]:
    """The requirements that answer a question about `kind`; experience also takes the
    education routes that state their own years ("Master's … with seven years")."""
    found = [r for r in reqs if r.kind == kind]
    if kind == "experience":
        found += [r for r in reqs if r.kind == "education" and any(rt.total_years for rt in r.routes)]
    return found


def _ordered(reqs: list[Requirement]) -> list[Requirement]:
    """Required before desirable, then in text order."""
    return sorted(reqs, key=lambda r: (r.necessity != "required", r.preference, r.start))


def _dedupe(reqs: list[Requirement]) -> list[tuple[Requirement, tuple[Evidence, ...]]]:
    """Each reading once (a sentence and a table row stating the same language), with the
    spans of every requirement read the same way."""
    out: dict[str, tuple[Requirement, tuple[Evidence, ...]]] = {}
    for r in reqs:
        first, spans = out.get(describe(r), (r, ()))
        out[describe(r)] = (first, tuple(dict.fromkeys(spans + evidence(r))))
    return list(out.values())


# -- eligibility ----------------------------------------------------------------------
_HEADLINE = {
    "eligible": "Yes — from what you said, you meet {what}{lbl}.",
    "not_eligible": "Not yet{lbl} — {failed}",
    "insufficient_info": "Not sure yet{lbl} — tell me {asks}.",
}
_SCOPE_WORDS = {"education": "education", "experience": "experience", "language": "language",
                "certification": "certification", "licence": "licence", "eligibility_rule": "who-may-apply"}
ALSO_SHOWN = 12
HEADLINE_CITES = 2        # the headline cites its first reasons; each check line cites its own
ASKS_SHOWN = 3


def eligibility_answer(notice: Notice, reqs: Sequence[Requirement], profile: Profile, many: bool = False,
                scope: Sequence[str] = (), relate=None) -> Composed:
    """The one-sentence headline, one check line per decisive check (✓/✗/?), then what the
    notice also asks for (not decisive) and what is desirable, one line each; the whole
    notice's verdict when the question was about one part; what was understood of the
    profile. Requirements of the same kind read the same way are one line with all their
    citations."""
    v = check_eligibility(notice, reqs, profile, scope, relate)
    checks = v.checks                      # one per criterion already (eligibility._unique)
    lbl = label(notice, many)
    claims = [Claim(headline(v, scope, lbl), _verdict_evidence(checks, v.verdict, scope, reqs)[:HEADLINE_CITES],
                    role="headline", notice_id=notice.id, verdict=v.verdict)]
    shown = [c for c in checks if c.requirement is not None and c.necessity == "required"
             and (not scope or c.topic in scope)]
    for c in shown:
        claims.append(Claim(f"{clean(c.criterion)} — {_lower(c.explanation)}", same_reading(c.requirement, reqs),
                            role="check", status=c.status, notice_id=notice.id))
    also = [c for c in checks if c.necessity in ("also", "condition") and c.requirement is not None]
    claims += _folded(also[:ALSO_SHOWN], "also", reqs, notice.id, {id(c.requirement) for c in shown})
    if scope and v.overall:
        others = [c for c in checks if c.necessity == "required" and c.topic not in scope]
        claims.append(Claim(f"For the whole notice: {v.overall.replace('_', ' ')} ("
                            f"{sum(c.status == 'met' for c in others)} other criteria met, "
                            f"{sum(c.status == 'not_met' for c in others)} not met, "
                            f"{sum(c.status == 'unknown' for c in others)} unknown).", grounded=False, role="note"))
    claims += _folded([c for c in checks if c.necessity in ("desirable", "preference") and c.requirement is not None],
                      "desirable", reqs, notice.id)
    claims.append(Claim(understood(profile) or _unstated_profile(profile), grounded=False, role="note"))
    return Composed(tuple(claims), True, v.verdict, checks)


def headline(v, scope: Sequence[str] = (), lbl: str = "") -> str:
    """"Yes — …", "Not yet — experience: you have 6 years; 7 are required with your degree."
    or "Not sure yet — tell me …": one sentence from the verdict's checks."""
    what = ("the " + " and ".join(_SCOPE_WORDS.get(t, t) for t in scope) + " requirement"
            + ("s" if len(scope) > 1 else "") + " of this notice") if scope else "this notice's minimum requirements"
    failed = [c for c in v.checks if c.necessity == "required" and c.status == "not_met"
              and (not scope or c.topic in scope)]
    reason = ""
    if failed:
        topic = kind_entry(failed[0].topic).title.lower() if failed[0].topic in KIND_NAMES else "requirement"
        reason = f"{topic}: {_lower(failed[0].explanation).rstrip('.')}"
        reason += f" (and {len(failed) - 1} more below)." if len(failed) > 1 else "."
    asks = list(dict.fromkeys(v.asks or tuple(_lower(clean(c)) for c in v.missing)
                              or ("your degree, years and kind of experience, and languages",)))
    more = len(asks) - ASKS_SHOWN
    asks_text = _join_words(asks[:ASKS_SHOWN] + ([f"{more} more thing{'s' if more > 1 else ''} listed below"]
                                                 if more > 0 else []))
    return _HEADLINE[v.verdict].format(lbl=lbl, what=what, failed=reason, asks=asks_text)


def same_reading(r: Requirement, reqs: Sequence[Requirement]) -> tuple[Evidence, ...]:
    """The spans of every requirement of `r`'s kind read the same way as `r` (a sentence and
    a table stating the same language), `r`'s own first."""
    words = plain(r)
    return tuple(dict.fromkeys(evidence(r) + tuple(ev for x in reqs if x.kind == r.kind and x is not r
                                                   and plain(x) == words for ev in evidence(x))))


def _folded(checks: Sequence[Check], role: str, reqs: Sequence[Requirement], notice_id: str,
            shown: set[int] = frozenset()) -> list[Claim]:
    """One line per item (the same words once, with every citation): the requirement in plain
    words; the check's own words when the requirement already has a check line (the item is
    one part of it, such as the degree's field); a condition that may bar some candidates
    with its explanation (a condition of the job for everyone, `Kind.check` None, without)."""
    out: dict[str, Claim] = {}
    for c in checks:
        r = c.requirement
        words = clean(c.criterion) if id(r) in shown else capital(plain(r))
        if c.necessity == "condition" and kind_entry(r.kind).check is not None:
            words += f" — {_lower(c.explanation)}"
        text = words.rstrip(".") + "."
        out.setdefault(text, Claim(text, same_reading(r, reqs), role=role, notice_id=notice_id))
    return list(out.values())


def _join_words(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _verdict_evidence(checks: Sequence[Check], verdict: str, scope: Sequence[str] = (),
                      reqs: Sequence[Requirement] = ()) -> tuple[Evidence, ...]:
    """The spans behind the verdict: the failed checks, else the missing ones, else all."""
    decisive = [c for c in checks if c.necessity == "required" and c.requirement is not None
                and (not scope or c.topic in scope)]
    wanted = {"not_eligible": "not_met", "insufficient_info": "unknown"}.get(verdict)
    chosen = [c for c in decisive if c.status == wanted] if wanted else decisive
    return tuple(dict.fromkeys(ev for c in chosen for ev in same_reading(c.requirement, reqs)))


def _lower(criterion: str) -> str:
    return criterion[0].lower() + criterion[1:] if criterion and not criterion[1:2].isupper() else criterion


def _unstated_profile(profile: Profile) -> str | None:
    if profile.known():
        return None
    return ("Tell me your degree, years and kind of experience, languages and any certifications "
            "to get a verdict.")


# -- open questions -------------------------------------------------------------------
_STOP = set("""a an the of and or to in on for with at by from is are was were be been do does did
what which who whom whose when where why how can could should would will may might must i me my you
your it its this that these those there their they them about tell say says notice job post position
role vacancy any anything please know need needs required require requires""".split())


# Words too general to show that a sentence is about what was asked.
_GENERIC = set("""provide provided provides offer offered offers give given gives include included
includes available many much also other there here get gets have has make made take work
working""".split())


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in _STOP and w not in _GENERIC}


# Calibrated by `python -m evals calibrate-open` on evals/open/open.jsonl (see README).
OPEN_THRESHOLD = 0.55
OPEN_SPREAD = 0.1       # further sentences answer too when this close to the best
OPEN_MOST = 3
# Words that open or close a question without naming what it is about.
_ASKING = set("""allowed allow allows possible possibility offer offers offered provide provides provided
get gets give gives open available there any also""".split())


_MENTION = re.compile(r"\b(?:mentions?|say anything about|says anything about|talk about|speak of|refer to)\b")


def answering(ranked: Sequence, threshold: float = OPEN_THRESHOLD, spread: float = OPEN_SPREAD,
              most: int = OPEN_MOST) -> list:
    """The sentences that answer: the best when its score clears `threshold`, and at most
    `most` - 1 more that clear it too and are within `spread` of it; none → abstain."""
    ordered = sorted(ranked, key=lambda r: -r.score)
    if not ordered or ordered[0].score < threshold:
        return []
    best = ordered[0].score
    return [r for r in ordered[:most] if r.score >= threshold and r.score >= best - spread]


def subject(question: str) -> str:
    """What an open question asks about: its words without the question words around them
    ("can the post be done as remote work?" → "remote work")."""
    text = question.lower().replace("’", "'")
    text = _MENTION.split(text)[-1]             # "which notices mention remote work" → "remote work"
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", text)
    skip = _STOP | _ASKING | {"be", "done", "as", "like", "if", "notices", "posts", "jobs", "positions",
                              "vacancies", "ones", "them"}
    while words and words[0] in skip:
        words.pop(0)
    while words and words[-1] in skip:
        words.pop()
    return " ".join(words) or "that"


def open_answer(notices: Sequence[Notice], question: str, ranked: Sequence) -> Composed:
    """One to three of the `ranked` sentences (`ranking.Ranked`) when they clear the
    calibrated threshold, each quoted; else "The notice does not mention …" ("None of
    the 12 notices mention …" over several)."""
    by_id = {n.id: n for n in notices}
    picked = [r for r in answering(ranked) if r.notice_id in by_id]
    if not picked:
        about = subject(question)
        text = (f"None of the {len(notices):,} notices mention {about}." if len(notices) > 1
                else f"The notice does not mention {about}.")
        return Composed((Claim(text, grounded=False),), False)
    many = len({r.notice_id for r in picked}) > 1 or len(notices) > 1
    cue = asked_words(question)
    claims: dict[str, Claim] = {}           # a sentence repeated in the notice is said once
    for nid in dict.fromkeys(r.notice_id for r in picked):
        text = by_id[nid].text
        groups = [stating_spans(text, r.start, r.end, cue) if cue else ((r.start, r.end),)
                  for r in picked if r.notice_id == nid]
        for g in distinct(groups, text, cue):
            claim = quoted(by_id[nid], g, _prefix(by_id[nid], many))
            claims.setdefault(claim.text, claim)
    return Composed(tuple(fold_beyond(list(claims.values()))), True)


def asked_words(question: str) -> re.Pattern | None:
    """The question's content words, each cut to its first letters (at least 4) so that
    "supervises" finds "supervision": what a long answering sentence is cut around
    (`facts.stating_spans`)."""
    stems = sorted({w[:max(4, len(w) - 3)] for w in content_words(question) if len(w) >= 4})
    alternatives = "|".join(f"(?P<w{i}>{re.escape(s)})" for i, s in enumerate(stems[:90]))
    return re.compile(rf"\b(?:{alternatives})\w*", re.I) if stems else None


def _as_sentence(text: str) -> str:
    t = " ".join(text.split()).lstrip("•·-–* ").strip()
    return t if t.endswith((".", "!", "?", ":")) else t + "."
