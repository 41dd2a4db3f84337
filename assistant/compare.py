"""Answers across notices: one cited line per notice ("which notices require SCP?",
"which closes first?", "list the duty stations", "which could I apply for with …?")."""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from index.kinds import KINDS, RULES
from index.kinds import rule as rule_entry
from index.kinds import kind as kind_entry
from index.records import Notice, Requirement

from .compose import (Composed, _ordered, eligibility_answer, evidence, kind_requirements, matches, named_in,
                      notice_name)
from .describe import describe, describe_lines, necessity
from .facts import META_TOPICS, SENTENCE_TOPICS, fact_claims
from .records import Claim, Profile

_REQ_TOPICS = tuple(k.name for k in KINDS if k.name not in ("other", "medical"))


def compare(notices: Sequence[Notice], reqs: dict[str, Sequence[Requirement]], topics: Sequence[str],
            question: str, profile: Profile, today: date, relate=None) -> Composed:
    if profile.known():
        return _eligibility(notices, reqs, profile, relate, today)
    if "deadline" in topics and re.search(r"\b(first|earliest|soonest|next|last|latest)\b", question, re.I):
        return _by_deadline(notices, today, latest=bool(re.search(r"\b(last|latest)\b", question, re.I)))
    req_topic = next((t for t in topics if t in _REQ_TOPICS), None)
    if req_topic:
        return _requirement(notices, reqs, req_topic, question)
    fact_topic = next((t for t in topics if t in META_TOPICS or t in SENTENCE_TOPICS), None) or "title"
    return _facts(notices, fact_topic, today, question)


_VERDICT_ORDER = {"eligible": 0, "insufficient_info": 1, "not_eligible": 2}


def _eligibility(notices, reqs, profile, relate=None, today: date | None = None) -> Composed:
    """A headline counting the verdicts, then one row per notice: eligible first, then those
    needing more information, then the others; within each, open notices by closing date
    (soonest first), then closed or undated ones. A question across notices that resolved
    to one notice gets that notice's whole answer and verdict."""
    if len(notices) == 1:
        return eligibility_answer(notices[0], reqs[notices[0].id], profile, relate=relate)
    rows, checks = [], []
    for n in notices:
        one = eligibility_answer(n, reqs[n.id], profile, many=False, relate=relate)
        head = one.claims[0]
        rows.append((n, Claim(f"{notice_name(n)}: {head.text}", head.evidence, role="row", notice_id=n.id, verdict=one.verdict)))
        checks += one.checks
    today = today or date.today()
    rows.sort(key=lambda nc: (_VERDICT_ORDER.get(nc[1].verdict, 3), not (nc[0].closes and nc[0].closes >= today),
                              nc[0].closes or date.max))
    counts = {v: sum(c.verdict == v for _, c in rows) for v in _VERDICT_ORDER}
    parts = [text for v, text in (("eligible", f"you meet the minimum requirements of {counts['eligible']}"),
                                  ("insufficient_info", f"{counts['insufficient_info']} need"
                                   f"{'s' if counts['insufficient_info'] == 1 else ''} more information from you"),
                                  ("not_eligible", f"you do not meet {counts['not_eligible']}")) if counts[v]]
    many = f"{len(rows)} notice{'s' if len(rows) != 1 else ''}"
    head = Claim(f"Of {many}, " + (", ".join(parts[:-1]) + " and " if len(parts) > 1 else "") + parts[-1] + ".",
                 grounded=False, role="headline")
    return Composed((head, *(c for _, c in rows)), True, None, tuple(checks))


def _by_deadline(notices, today, latest: bool) -> Composed:
    """Open notices first (soonest first, or latest first), then the closed ones."""
    still_open = sorted((n for n in notices if n.closes and n.closes >= today), key=lambda n: n.closes,
                        reverse=latest)
    closed = sorted((n for n in notices if n.closes and n.closes < today), key=lambda n: n.closes,
                    reverse=True)
    dated = still_open + closed
    claims = []
    for n in dated:
        claims += [Claim(f"{notice_name(n)}: {c.text}", c.evidence) for c in fact_claims(n, "deadline", today)]
    undated = [n for n in notices if not n.closes]
    if undated:
        claims.append(Claim("No closing date is stated in: " + "; ".join(notice_name(n) for n in undated) + ".",
                            grounded=False))
    return Composed(tuple(claims), bool(dated))


def _requirement(notices, reqs, topic: str, question: str) -> Composed:
    kind = topic
    wanted = named_in(question, topic)
    claims, without = [], []
    for n in notices:
        found = [r for r in _ordered(kind_requirements(reqs[n.id], kind)) if matches(r, wanted)]
        if not found:
            without.append(n)
            continue
        claims += [Claim(f"{notice_name(n)}: {words}", ev, role=_role(r), notice_id=n.id)
                   for r, ev in _unique(found)[:6] for words in describe_lines(r)]
    what = _asked(wanted) if wanted else kind.replace("_", " ")
    stating = len(notices) - len(without)
    if claims:
        claims.insert(0, Claim(f"{stating} of the {len(notices)} notices state {_absent_words(kind, wanted)}:", grounded=False, role="headline"))
    if without and not claims:
        claims.append(Claim(f"None of the {len(notices)} notices state {_absent_words(kind, wanted)}.",
                            grounded=False, role="headline"))
    if without:
        which = "" if len(without) == len(notices) else f" ({what})"
        claims.append(Claim(f"Not stated{which} in: " + "; ".join(notice_name(n) for n in without) + ".",
                            grounded=False))
    return Composed(tuple(claims), len(without) < len(notices))


def _asked(wanted: set[str]) -> str:
    """The names asked about in words: a rule's card label ("nationals only"), else the name."""
    names = {r.name for r in RULES}
    return " or ".join(sorted(rule_entry(w).wording if w in names else w.replace("_", " ") for w in wanted))


def _unique(reqs: list[Requirement]) -> list[tuple[Requirement, tuple]]:
    """Each reading once, with the spans of every requirement read the same way."""
    out: dict[str, tuple[Requirement, tuple]] = {}
    for r in reqs:
        key = describe(r)
        first, spans = out.get(key, (r, ()))
        out[key] = (first, tuple(dict.fromkeys(spans + evidence(r))))
    return list(out.values())


def _absent_words(kind: str, wanted: set[str]) -> str:
    """"an experience requirement" (the registry's words), or the names asked about."""
    if wanted:
        return "a requirement for " + _asked(wanted)
    return kind_entry(kind).absent


def _role(r: Requirement) -> str:
    return "body" if necessity(r) == "Required" else "desirable"


def _facts(notices, topic: str, today, question: str = "") -> Composed:
    claims, missing = [], []
    for n in notices:
        found = fact_claims(n, topic, today, question)
        if found:
            claims += [Claim(f"{notice_name(n)}: {c.text}", c.evidence) for c in found[:1]]
        else:
            missing.append(n)
    if missing:
        claims.append(Claim(f"Not stated ({topic.replace('_', ' ')}) in: " +
                            "; ".join(notice_name(n) for n in missing) + ".", grounded=False))
    return Composed(tuple(claims), len(missing) < len(notices))
