"""Certification, licence, travel and medical requirements: the kinds read by the
registry's detection patterns (`kinds.KINDS[...].detect`) and the certification vocabulary.

`read(notice, statement, necessity, typed)`: `typed` says another reader already typed the
statement, so a generic "certificate" word alone does not add a certification. Left out:
expiry dates and issuing bodies of certificates.
"""

from __future__ import annotations

import re

from .. import kinds, vocab
from ..records import Requirement
from ..statements import FULL
from .text import clean, flat, req

_GENERIC_CERT = re.compile(r"\b(?:certification|certificate|certified)\b|\b(?:completion of|completed|"
                           r"attended)\b[^.;]*\b(?:training|course)\b|^\W*training\b", re.I)


def read(notice, st, necessity, typed: bool) -> list[Requirement]:
    body = flat(notice.text[st.start:st.end])
    out = []
    if kinds.detect_pattern("licence").search(body):
        out.append(req(notice, "licence", necessity, st.start, st.end, names=("driving licence",)))
    if kinds.detect_pattern("travel").search(body):
        out.append(req(notice, "travel", necessity, st.start, st.end))
    if kinds.detect_pattern("medical").search(body):
        out.append(req(notice, "medical", necessity, st.start, st.end))
        return out
    names = _certification_names(body)
    if names or (not typed and not out and st.mode == FULL and _GENERIC_CERT.search(body)):
        out.append(req(notice, "certification", necessity, st.start, st.end, names=names,
                        domain=None if names else _certification_domain(body)))
    return out


def _certification_names(body: str) -> tuple[str, ...]:
    seen: list[str] = []
    for m in vocab.certification_pattern().finditer(body):
        name = vocab.certification_of(m)
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def _certification_domain(body: str) -> str:
    m = re.search(r"\b(?:certification|certificate|training|course)\s+(?:in|on)\s+(?P<d>[^.;(]+)", body, re.I)
    return clean(m.group("d")) if m else clean(body)
