"""Who-may-apply rules (nationality, residence, tiers, roster-only, age or grade windows …),
read by the rules of the registry (`kinds.RULES`).

`read(notice, statement)`. Left out: rules stated only in a linked policy document.
"""

from __future__ import annotations

from .. import kinds
from ..records import Notice, Requirement
from ..statements import DESIRABLE, REQUIRED, Statement
from .text import flat, req


def read(notice: Notice, st: Statement) -> list[Requirement]:
    """Who may apply at all, from the rules of the registry (`kinds.RULES`); preferences
    (first tier, under-represented, women encouraged) are kept as `preference=True` with
    necessity desirable, bars as required."""
    body = flat(notice.text[st.start:st.end])
    return [req(notice, "eligibility_rule", DESIRABLE if preference else REQUIRED, st.start, st.end,
                 rule=rule.name, values=tuple(values), preference=preference)
            for rule, values, preference in kinds.read_rules(body)]
