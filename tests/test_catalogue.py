"""Catalogue questions ("What notices do you have?", "UNICEF posts in Africa", "P-4 and
above", "which close this month") answered from cards and metadata spans, with exact
counts over small literal indexes (fast) and over the five sample notices (slow)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import catalogue
from assistant.cards import card_for
from assistant.cite import cite, verify
from assistant.route import route
from index.build import parse_notice

TODAY = date(2026, 12, 1)
NOTICES = (  # title, organisation, duty station, grade, closing date
    ("Nutrition Specialist", "United Nations Children's Fund", "Nairobi, Kenya", "P-4", "15 December 2026"),
    ("Education Officer", "United Nations Children's Fund", "Dakar, Senegal", "P-3", "20 November 2026"),
    ("Chief of Supply", "United Nations Children's Fund", "Amman, Jordan", "P-5", "10 January 2027"),
    ("Programme Associate", "World Food Programme", "Nairobi, Kenya", "G-6", "3 December 2026"),
    ("Country Director", "World Food Programme", "Dhaka, Bangladesh", "D-1", "28 February 2027"),
    ("Logistics Intern", "World Food Programme", "Rome, Italy", None, "31 December 2026"),
    ("Migration Officer", "International Organization for Migration", "Geneva, Switzerland", "P-2", "1 October 2026"),
)


def _notice(i, title, org, station, grade, closes):
    lines = [title, f"Organization: {org}", f"Duty Station: {station}"]
    lines += [f"Grade: {grade}"] if grade else []
    lines += [f"Closing Date: {closes}", "", "Responsibilities", "", "The incumbent supports the office."]
    return parse_notice(f"{i:02d}_{title.lower().replace(' ', '-')}.txt", "\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def index():
    notices = {n.id: n for n in (_notice(i, *row) for i, row in enumerate(NOTICES))}
    return notices, {nid: card_for(n) for nid, n in notices.items()}


def _ask(index, question):
    notices, cards = index
    claims, ids = catalogue.answer(question, cards, notices, TODAY)
    text, citations = cite(claims, notices)
    return text, citations, sorted(notices[i].title for i in ids)


def test_what_notices_do_you_have_lists_all_grouped_by_organisation(index):
    text, citations, titles = _ask(index, "What notices do you have?")
    assert len(titles) == 7
    assert text.startswith("7 notices from 3 organisations: 5 open, 2 closed as of 1 December 2026.")
    assert "UNICEF (3):" in text and "WFP (3):" in text and "IOM (1):" in text
    assert "Programme Associate — Nairobi, Kenya, G-6, closes 3 December 2026 (open)." in text
    assert "Migration Officer — Geneva, Switzerland, P-2, closed 1 October 2026." in text
    notices, _ = index
    assert citations and all(verify(c, notices) for c in citations)
    assert {c.quote for c in citations} >= {"Duty Station: Nairobi, Kenya", "Closing Date: 3 December 2026"}


@pytest.mark.parametrize("question, expected", [
    ("Which are still open?", ["Chief of Supply", "Country Director", "Logistics Intern",
                               "Nutrition Specialist", "Programme Associate"]),
    ("Which notices have already closed?", ["Education Officer", "Migration Officer"]),
    ("Which vacancies close this month?", ["Logistics Intern", "Nutrition Specialist", "Programme Associate"]),
    ("Show me the UNICEF posts in Africa.", ["Education Officer", "Nutrition Specialist"]),
    ("Which jobs are P-4 and above?", ["Chief of Supply", "Country Director", "Nutrition Specialist"]),
    ("Are there any jobs in Nairobi?", ["Nutrition Specialist", "Programme Associate"]),
    ("What WFP vacancies are there?", ["Country Director", "Logistics Intern", "Programme Associate"]),
    ("Which posts are in Asia?", ["Chief of Supply", "Country Director"]),
    ("Show the internships you have.", ["Logistics Intern"]),
    ("Which vacancies close in January 2027?", ["Chief of Supply"]),
    ("Which jobs are G-6 or below?", ["Programme Associate"]),
])
def test_filters_give_exact_sets(index, question, expected):
    assert route(question).kind == "catalogue"
    _, _, titles = _ask(index, question)
    assert titles == sorted(expected)


def test_still_open_counts_relative_to_today(index):
    text, _, titles = _ask(index, "Which are still open?")
    assert len(titles) == 5
    assert text.startswith("5 notices (still open) from 2 organisations: 5 open, 0 closed as of 1 December 2026.")


def test_no_match_says_so_and_counts_the_index(index):
    text, citations, titles = _ask(index, "Which ILO posts are in Europe?")
    assert titles == [] and citations == ()
    assert text == ("No notice matches ILO, in Europe; 7 notices are indexed (ask “What notices do you have?” "
                    "for the list).")


def test_long_lists_are_cut_but_counted(index, monkeypatch):
    monkeypatch.setattr(catalogue, "SHOWN", 2)
    text, _, titles = _ask(index, "List all the jobs.")
    assert len(titles) == 7
    assert text.endswith("… and 5 more; name an organisation, place, grade or closing window to narrow the list.")


@pytest.mark.parametrize("grade, rank", [("P-4", ("P", 4)), ("P4", ("P", 4)), ("D-1", ("P", 11)),
                                         ("NO-B", ("NO", 2)), ("G6", ("G", 6)), ("Level 5", None), (None, None)])
def test_grade_ranks(grade, rank):
    assert catalogue.grade_rank(grade) == rank


# -- over the five sample notices, through the whole chain (real model, real Chroma) -------
@pytest.fixture(scope="module")
def samples(seed_library):
    from assistant.pipeline import Assistant

    return Assistant(seed_library, today=TODAY)


@pytest.mark.slow
def test_what_notices_do_you_have_over_the_samples(samples):
    from assistant.pipeline import answer_json

    answer = samples.ask("What notices do you have?")
    assert answer.text.startswith("5 notices from 4 organisations: 0 open, 2 closed, 3 without a closing date "
                                  "as of 1 December 2026. UNDSS (2):")
    assert "I could not tell" not in answer.text
    assert "Regional Security Officer — Pretoria, South Africa, P-4, closed 21 June 2022." in answer.text
    assert answer.answerable and len(answer.notices) == 5
    assert all(verify(c, samples.notices) and f"[{c.n}]" in answer.text for c in answer.citations)
    js = answer_json(answer)
    assert js["verdict"] is None and len(js["notices"]) == 5 and js["citations"][0]["quote"]


@pytest.mark.slow
@pytest.mark.parametrize("question, stems", [
    ("Which of the notices are P-3 posts?", ["001_a74e565dca0ed800", "002_5bc2b8270ee94ae7"]),
    ("Which jobs are in Africa?", ["002_5bc2b8270ee94ae7", "004_2e9a5f74b42d033d"]),
    ("Which posts are P-4 and above?", ["003_deac4a805d964395", "004_2e9a5f74b42d033d"]),
    ("Which notices closed in June 2022?", ["004_2e9a5f74b42d033d"]),
    ("IOM vacancies in Africa", ["004_2e9a5f74b42d033d"]),
    ("Which are still open?", []),
])
def test_catalogue_filters_over_the_samples(samples, question, stems):
    answer = samples.ask(question)
    assert sorted(samples.notices[i].stem for i in answer.notices) == stems
    assert answer.answerable == bool(stems)


def test_a_place_only_a_title_states_is_found_and_an_unknown_one_lists_nothing():
    rows = (("Technical Coordinator CCCM – Hargeisa", None), ("Programme Officer", "Nairobi, Kenya"))
    notices = {}
    for i, (title, station) in enumerate(rows):
        lines = [title, "Organization: ACTED"] + ([f"Duty Station: {station}"] if station else [])
        n = parse_notice(f"{i}.txt", "\n".join(lines + ["Closing Date: 3 December 2026", "", "Duties", "",
                                                         "The incumbent coordinates the camps."]) + "\n")
        notices[n.id] = n
    cards = {nid: card_for(n) for nid, n in notices.items()}
    _, ids = catalogue.answer("Which vacancies are in Hargeisa?", cards, notices, TODAY)
    assert [notices[i].title for i in ids] == ["Technical Coordinator CCCM – Hargeisa"]
    claims, ids = catalogue.answer("Which vacancies are in Mogadishu?", cards, notices, TODAY)
    assert ids == () and claims[0].text.startswith("No notice matches in Mogadishu;")
