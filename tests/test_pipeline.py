"""The answering chain over the real seed index (real model, real Chroma)."""

from datetime import date

import pytest

from assistant.cite import verify
from assistant.pipeline import Assistant, answer_json

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def helper(seed_library):
    return Assistant(seed_library, today=TODAY)


def stem_of(helper, nid):
    return helper.notices[nid].stem


def assert_grounded(helper, answer):
    assert answer.citations, answer.text
    for c in answer.citations:
        assert verify(c, helper.notices), c
        assert f"[{c.n}]" in answer.text


def test_bachelor_plus_six_years_is_not_enough_for_the_laayoune_p3(helper):
    a = helper.ask("I have a bachelor's and 6 years of police work — can I apply for the P-3 in Laayoune?")
    assert [stem_of(helper, n) for n in a.notices] == ["002_5bc2b8270ee94ae7"]
    assert a.verdict == "not_eligible"
    failed = [c for c in a.checks if c.status == "not_met"]
    assert [c.explanation for c in failed] == ["You have 6 years; 7 are required with your degree."]
    assert "seven years with a first-level university degree" in failed[0].requirement.text
    assert_grounded(helper, a)
    cited = {c.quote for c in a.citations}
    assert failed[0].requirement.text in cited


def test_deadline_is_today_aware(helper):
    a = helper.ask("When does the Pretoria post close?")
    assert a.text == "The notice closed on 21 June 2022. [1]"
    assert a.citations[0].quote == "Closing Date: 21 June 2022"
    assert_grounded(helper, a)


def test_unstated_salary_is_said_to_be_unstated(helper):
    a = helper.ask("What is the salary for the Haiti post?")
    assert a.text == "The notice does not state a salary or pay."
    assert a.answerable is False and a.citations == ()


def test_requirement_answer_keeps_required_and_desirable_apart(helper):
    a = helper.ask("Which certifications does the Laayoune job ask for?")
    assert a.text == "Required: SCP. [1] Desirable: SAPP. [2]"
    assert [c.quote for c in a.citations] == ["Security Certification Programme (SCP) is required",
                                              "Security Analysis, Practices and Procedures (SAPP) is desirable"]


def test_across_notices_one_cited_line_each(helper):
    a = helper.ask("Which notices require a driving licence?")
    assert a.text.startswith("Security Coordination Officer (Laayoune (Western Sahara)): "
                             "Required: a valid driving licence. [1]")
    assert "Not stated (licence) in:" in a.text
    assert_grounded(helper, a)


def test_follow_up_keeps_the_notice_and_swaps_it_on_request(helper):
    first = "What languages does the Laayoune post require?"
    a = helper.ask("And how much experience do I need?", [first])
    assert [stem_of(helper, n) for n in a.notices] == ["002_5bc2b8270ee94ae7"]
    assert a.text.startswith("Required: at least 5 years with a master's degree or 7 years with a bachelor's degree")
    b = helper.ask("What about the one in Pretoria?", [first])
    assert [stem_of(helper, n) for n in b.notices] == ["004_2e9a5f74b42d033d"]
    assert "French or Spanish (working knowledge)" in b.text
    assert_grounded(helper, b)


def test_two_notices_fit_equally_both_are_answered(helper):
    a = helper.ask("What is the grade of the Security Coordination Officer post?")
    assert sorted(stem_of(helper, n) for n in a.notices) == ["000_b9674fda4f53b7f1", "002_5bc2b8270ee94ae7"]
    assert "P-3" in a.text and "does not state a grade" in a.text


def test_open_question_quotes_the_notice(helper):
    a = helper.ask("Who does the Protection Coordination Officer report to?")
    assert "The incumbent reports to the Chief of PCU or his/her/their designate." in a.text
    assert_grounded(helper, a)


def test_question_about_something_absent_is_not_answered_with_loose_text(helper):
    a = helper.ask("Is there a gym at the office in Pretoria?")
    assert a.answerable is False and a.citations == ()
    assert a.text.startswith("The notice does not say anything about")


@pytest.mark.parametrize("question,expected", [
    ("", "Please ask a question about a vacancy notice"),
    ("x" * 10_000, "Your question is 10,000 characters long"),
    ("What is the deadline?", "I could not tell which notice you mean"),
])
def test_failure_modes_get_a_clear_message(helper, question, expected):
    a = helper.ask(question)
    assert a.text.startswith(expected) and a.answerable is False


def test_json_contract(helper):
    data = answer_json(helper.ask("I have a master's and 8 years in security. Can I apply for the P-3 in Laayoune?"))
    assert set(data) == {"question", "answer", "answerable", "notices", "citations", "verdict", "checks", "lines"}
    assert data["lines"][0]["role"] == "headline" and data["lines"][0]["text"] in data["answer"]
    assert data["verdict"] == "insufficient_info"
    assert set(data["citations"][0]) == {"n", "notice_id", "notice_title", "source", "section",
                                         "start", "end", "quote"}
    numbers = {c["n"] for c in data["citations"]}
    assert all(ch["citation"] in numbers for ch in data["checks"])
    assert all(n in numbers for ln in data["lines"] for n in ln["citations"])
    assert {ch["status"] for ch in data["checks"]} <= {"met", "not_met", "unknown"}


def test_the_chain_is_a_langchain_runnable(helper):
    from langchain_core.runnables import Runnable

    from assistant.pipeline import Turn

    assert isinstance(helper.chain, Runnable)
    turn = helper.chain.invoke(Turn("When does the Pretoria post close?"))
    assert turn.answer.text == "The notice closed on 21 June 2022. [1]"
