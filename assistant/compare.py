"""Answers across notices: one cited line per notice ("which notices require SCP?",
"which closes first?", "list the duty stations", "which could I apply for with …?")."""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from index.kinds import KINDS
from index.records import Notice, Requirement

from .compose import (Composed, _ordered, eligibility_answer, evidence, kind_requirements, matches, named_in,
                      notice_name)
from .describe import describe
from .facts import META_TOPICS, SENTENCE_TOPICS, fact_claims
from .records import Claim, Profile

_REQ_TOPICS = tuple(k.name for k in KINDS if k.name not in ("other", "medical"))


def compare(notices: Sequence[Notice], reqs: dict[str, Sequence[Requirement]], topics: Sequence[str],
            question: str, profile: Profile, today: date, relate=None) -> Composed:
    if profile.known():
        return _eligibility(notices, reqs, profile, relate)
    if "deadline" in topics and re.search(r"\b(first|earliest|soonest|next|last|latest)\b", question, re.I):
        return _by_deadline(notices, today, latest=bool(re.search(r"\b(last|latest)\b", question, re.I)))
    req_topic = next((t for t in topics if t in _REQ_TOPICS), None)
    if req_topic:
        return _requirement(notices, reqs, req_topic, question)
    fact_topic = next((t for t in topics if t in META_TOPICS or t in SENTENCE_TOPICS), None) or "title"
    return _facts(notices, fact_topic, today, question)


def _eligibility(notices, reqs, profile, relate=None) -> Composed:
    """One line per notice; a question across notices that resolved to one notice gets that
    notice's whole answer and verdict (its checks, what it also asks, what was understood)."""
    if len(notices) == 1:
        return eligibility_answer(notices[0], reqs[notices[0].id], profile, relate=relate)
    claims, checks = [], []
    for n in notices:
        one = eligibility_answer(n, reqs[n.id], profile, many=True, relate=relate)
        head = one.claims[0]
        claims.append(Claim(f"{notice_name(n)}: {head.text}", head.evidence))
        checks += one.checks
    return Composed(tuple(claims), True, None, tuple(checks))


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
        claims += [Claim(f"{notice_name(n)}: {describe(r)}", evidence(r)) for r in _unique(found)[:6]]
    if without:
        what = " or ".join(sorted(wanted)) if wanted else kind.replace("_", " ")
        claims.append(Claim(f"Not stated ({what}) in: " + "; ".join(notice_name(n) for n in without) + ".",
                            grounded=False))
    return Composed(tuple(claims), len(without) < len(notices))


def _unique(reqs: list[Requirement]) -> list[Requirement]:
    seen, out = set(), []
    for r in reqs:
        if describe(r) not in seen:
            seen.add(describe(r))
            out.append(r)
    return out


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
