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


S10 = ("Under the overall supervision of the Chief Security Officer (CSO), the Security Coordination Officer, "
       "P-3, is based in Laayoune (Western Sahara) and assumes the duties and responsibilities of Deputy Chief "
       "Security Officer, reporting directly to the CSO on all matters related to security management, as assigned.")


def test_a_long_reporting_sentence_is_quoted_from_the_clause_that_states_it():
    notice = parse_notice("t.md", f"### Organizational Setting\n\n{S10}\n")
    claims = fact_claims(notice, "reporting", date(2024, 1, 1))
    assert [c.text for c in claims] == ["Under the overall supervision of the Chief Security Officer (CSO) … "
                                        "reporting directly to the CSO on all matters related to security management."]
    assert [notice.text[ev.start:ev.end] for ev in claims[0].evidence] == [
        "Under the overall supervision of the Chief Security Officer (CSO)",
        "reporting directly to the CSO on all matters related to security management"]


def test_a_short_sentence_is_quoted_whole_and_a_long_one_keeps_its_matching_neighbours():
    from assistant.facts import LONG, stating_clause
    import re

    cue = re.compile(r"\bsupervision\b", re.I)
    short = "Under the supervision of the Director, the officer plans the work."
    assert stating_clause(short, 0, len(short), cue) == (0, len(short))
    text = ("Under the direct supervision and managerial responsibility of the Director of OSS in Headquarters "
            "(HQ), and the administrative supervision of the Regional Director (RD), the successful candidate will "
            "be responsible for actively assisting the Regional Office and Country Offices where they are located "
            "with all aspects of security risk management.")
    s, e = stating_clause(text, 0, len(text), cue)
    assert text[s:e] == ("Under the direct supervision and managerial responsibility of the Director of OSS in "
                         "Headquarters (HQ), and the administrative supervision of the Regional Director (RD)")
    assert e - s <= LONG


def test_a_run_on_line_of_labels_is_cut_at_its_known_labels_and_keeps_the_figure():
    from assistant.facts import LONG, stating_clause
    import re

    line = ("Nutrition Manager (Aden AND Al-Khokah (Two vacancies)): Location: Aden AND Al-Khokah Duration: Till "
            "December 2022 with possibility of extension Basic monthly salary: 2303 $ TO 2753 based on experience "
            "salary calculation Medical and Life insurance: Including the employee, spouse, children and parents")
    cue = re.compile(r"\bsalary\b", re.I)
    s, e = stating_clause(line, 0, len(line), cue, digit=True)
    assert line[s:e] == "Basic monthly salary: 2303 $ TO 2753 based on experience salary calculation"
    words = "lorem ipsum dolor sit amet " * 6
    run_on = words + "the monthly salary is 2303 dollars " + words
    s, e = stating_clause(run_on, 0, len(run_on), cue, digit=True)
    assert run_on[s:e].startswith("salary is 2303 dollars lorem") and e - s <= LONG and run_on[e] == " "


def test_a_heading_line_and_the_sentence_it_opens_are_quoted_once():
    text = ("### Responsibilities\n\nReporting to the Curator of Drawings & Archives, the Archivist oversees public services "
            "in the department of Drawings & Archives whose holdings include more than 2.5 million drawings and "
            "records of American architects, including the expansive Frank Lloyd Wright Foundation Archives.\n")
    notice = parse_notice("t.md", "### Description\n\nCatalogue books.\n\n" + text)
    claims = fact_claims(notice, "reporting", date(2024, 1, 1))
    assert [c.text for c in claims] == ["Reporting to the Curator of Drawings & Archives."]


def test_a_fact_answer_shows_two_sentences_per_notice_and_folds_the_rest():
    from assistant.compose import fold_beyond
    from assistant.records import Claim

    claims = [Claim("Salary: USD 5,000.", notice_id="a"), Claim("Paid monthly. In arrears.", notice_id="a"),
              Claim("Salary: EUR 4,000.", notice_id="b"), Claim("Allowances apply.", notice_id="b"),
              Claim("Housing is paid.", notice_id="b"), Claim("I understood: P-3.", role="note")]
    assert [c.role for c in fold_beyond(claims)] == ["body", "more", "body", "body", "more", "note"]
    assert [c.role for c in fold_beyond([Claim("One. Two. Three.", notice_id="a")])] == ["body"]


def test_a_label_line_that_names_the_fact_is_kept_and_a_url_keeps_its_case():
    from assistant.facts import _sentence_case

    notice = parse_notice("t.md", "### Description\n\nCatalogue books.\n\n### Compensation\n\n$15 per hour.\n")
    assert [c.text for c in fact_claims(notice, "salary", date(2024, 1, 1))] == ["Compensation $15 per hour."]
    assert [_sentence_case(t) for t in ("http://jobs.example.org/7.", "www.example.org.", "jobs@example.org.",
                                        "reporting to the Dean.")] == \
        ["http://jobs.example.org/7.", "www.example.org.", "jobs@example.org.", "Reporting to the Dean."]


def _facts(text: str) -> dict[str, list[str]]:
    from index.facts import read_facts
    notice = parse_notice("t.md", text)
    out: dict[str, list[str]] = {}
    for f in read_facts(notice):
        out.setdefault(f.name, []).append(notice.text[f.start:f.end])
    return out


def test_a_number_sought_a_start_a_season_away_an_end_to_be_completed_by_and_who_else_is_considered():   # heldout9
    found = _facts("### Description\n\nThe Society is seeking two productive and experienced catalogers for a "
                   "project.\n\nThis is a temporary grant-funded position to be completed by September 2019.\n\n"
                   "3 - 4 month commitment beginning this Summer.\n\n### Qualifications\n\nRequired: an MLS. "
                   "Individuals nearing completion of their degree may also be considered.\n")
    assert "The Society is seeking two productive and experienced catalogers for a project." in found["posts"]
    assert "This is a temporary grant-funded position to be completed by September 2019." in found["duration"]
    assert found["start_date"] == ["3 - 4 month commitment beginning this Summer."]
    assert "Individuals nearing completion of their degree may also be considered." in found["who_may_apply"]


def test_a_position_running_ending_or_slated_to_begin_states_its_period():   # heldout10's first run
    found = _facts("### Description\n\nThe Coordinator is a temporary, 20-hour per week position running from "
                   "date-of-hire through December 2019.\n\nThis is a full-time temporary position ending on June 30, "
                   "2019 with possibility of extension.\n\nThe position is currently slated to begin on or about "
                   "July 1, 2019, lasting through about June 30, 2020.\n")
    assert {"The Coordinator is a temporary, 20-hour per week position running from date-of-hire through December "
            "2019.", "This is a full-time temporary position ending on June 30, 2019 with possibility of extension.",
            "The position is currently slated to begin on or about July 1, 2019, lasting through about June 30, "
            "2020."} <= set(found["duration"])
    assert "The position is currently slated to begin on or about July 1, 2019, lasting through about June 30, " \
           "2020." in found["start_date"]
