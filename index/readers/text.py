"""What every requirement reader shares: folded text, a record with its span, a cleaned
phrase, the number words of `vocab`.

Left out: anything a single kind needs (that lives in the kind's own reader module).
"""

from __future__ import annotations

import re
from functools import cache

from .. import vocab
from ..records import Notice, Requirement


def flat(text: str) -> str:
    """Whitespace folded: patterns of several words match across hard line wraps."""
    return " ".join(text.split())


@cache
def number() -> str:
    return vocab.number_pattern()


def req(notice: Notice, kind: str, necessity: str, start: int, end: int, **fields) -> Requirement:
    return Requirement(notice.id, kind, necessity, start, end, notice.text[start:end], **fields)


def clean(text: str) -> str:
    """Whitespace folded, label, bullets and a trailing necessity predicate removed."""
    t = " ".join(text.split())
    t = re.sub(r"^(?:[A-Z][\w &/’'-]{1,40}:\s*)+", "", t)
    t = re.sub(r"[;,]?\s*(?:and|or)\W*$", "", t)
    t = re.sub(r",?\s*(?:is|are|will be|would be|shall be)?\s*(?:considered\s+)?(?:also\s+)?"
               r"(?:required|desirable|desired|preferred|essential|mandatory|an? (?:strong |distinct |"
               r"added |additional )?(?:asset|advantage|plus))\W*$", "", t, flags=re.I)
    return t.strip(" ;:,.*-•")


