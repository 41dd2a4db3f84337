"""Fact answers from the records (assistant/facts.py) on literal notices."""

from __future__ import annotations

from datetime import date

from assistant.facts import fact_claims
from index.build import parse_notice


def test_a_deadline_with_a_two_digit_year_is_quoted():
    notice = parse_notice("t.md", "### Description\n\nCatalogue books.\n\nDeadline:  Applications accepted until "
                                  "position is filled; priority given to applications received by 7/27/17.\n")
    claims = fact_claims(notice, "deadline", date(2017, 7, 1))
    assert [c.text for c in claims] == ["Deadline: Applications accepted until position is filled; priority given "
                                        "to applications received by 7/27/17."]
