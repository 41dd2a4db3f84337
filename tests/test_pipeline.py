"""The answering chain over the seed index (real Chroma). Questions answered from the
structured records run fast over the fake embedder (resolution's BM25 fields find their
notice); open questions, which rank sentences by embedding, use the real model (slow)."""

from datetime import date

import pytest

from assistant.cite import verify
from assistant.pipeline import Assistant, answer_json

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def helper(tmp_path_factory):
    """The chain over the seeds, indexed with the fake embedder."""
    from conftest import FakeEmbedder, SEEDS, index_config
    from index.library import Library

    lib = Library(index_config(tmp_path_factory.mktemp("fake-seed-index") / "index"), embedder=FakeEmbedder())
    lib.ingest([SEEDS])
    return Assistant(lib, today=TODAY)


@pytest.fixture(scope="module")
def model_helper(seed_library):
    """The chain over the seeds, indexed with the real model."""
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
    assert a.text.startswith("1 of the 5 notices state a driving licence requirement: "
                             "Security Coordination Officer (Laayoune (Western Sahara)): "
                             "Required: a valid driving licence. [1]")
    assert "Not stated (licence) in:" in a.text
    assert_grounded(helper, a)


def test_follow_up_keeps_the_notice_and_swaps_it_on_request(helper):
    first = "What languages does the Laayoune post require?"
    a = helper.ask("And how much experience do I need?", [first])
    assert [stem_of(helper, n) for n in a.notices] == ["002_5bc2b8270ee94ae7"]
    assert a.text.startswith("Required: at least 5 years of experience with a master's degree, or 7 with a "
                             "bachelor's, in military, police or security management. [1]")
    b = helper.ask("What about the one in Pretoria?", [first])
    assert [stem_of(helper, n) for n in b.notices] == ["004_2e9a5f74b42d033d"]
    assert "French or Spanish (working knowledge)" in b.text
    assert_grounded(helper, b)


def test_two_notices_fit_equally_both_are_answered(helper):
    a = helper.ask("What is the grade of the Security Coordination Officer post?")
    assert sorted(stem_of(helper, n) for n in a.notices) == ["000_b9674fda4f53b7f1", "002_5bc2b8270ee94ae7"]
    assert "P-3" in a.text and "does not state a grade" in a.text


@pytest.mark.slow
def test_open_question_quotes_the_notice(model_helper):
    helper = model_helper
    a = helper.ask("Who does the Protection Coordination Officer report to?")
    assert "The incumbent reports to the Chief of PCU or his/her/their designate." in a.text
    assert_grounded(helper, a)


@pytest.mark.slow
def test_question_about_something_absent_is_not_answered_with_loose_text(model_helper):
    helper = model_helper
    a = helper.ask("Is there a gym at the office in Pretoria?")
    assert a.answerable is False and a.citations == ()
    assert a.text == "The notice does not mention gym at the office."


def test_open_question_answered_from_a_standard_paragraph(helper):
    a = helper.ask("Is smoking allowed for the Chief Security Officer in Haiti?")
    assert a.text == "The United Nations Secretariat is a non-smoking environment. [1]"
    assert [stem_of(helper, n) for n in a.notices] == ["003_deac4a805d964395"]
    assert_grounded(helper, a)


def test_open_question_across_notices_abstains_for_all_of_them(helper):
    a = helper.ask("Which notices mention remote work?")
    assert (a.text, a.answerable, a.citations) == ("None of the 5 notices mention remote work.", False, ())


PROFILE = "I have a master's degree in security management and 8 years of experience in UN security."


def test_a_stated_profile_does_not_turn_other_questions_into_eligibility_checks(helper):
    compared = helper.ask("Compare the P-3 posts", [PROFILE])
    assert compared.verdict is None and compared.checks == ()
    assert compared.text == ("Protection Coordination Officer (New York, United States of America): "
                             "The post is at the P-3 level. [1] Security Coordination Officer "
                             "(Laayoune (Western Sahara)): The post is at the P-3 level. [2]")
    history = [PROFILE, "Am I eligible for the P-3 in Laayoune?"]
    remote = helper.ask("what about remote work?", history)
    assert [stem_of(helper, n) for n in remote.notices] == ["002_5bc2b8270ee94ae7"]
    assert (remote.text, remote.verdict, remote.checks) == ("The notice does not mention remote work.", None, ())


def test_the_profile_and_the_question_kind_carry_over_to_the_next_notice(helper):
    a = helper.ask("And the one in Pretoria?", [PROFILE, "Am I eligible for the P-3 in Laayoune?"])
    assert [stem_of(helper, n) for n in a.notices] == ["004_2e9a5f74b42d033d"]
    assert a.verdict == "insufficient_info"
    assert "You have 8 years of UN system experience." in [c.explanation for c in a.checks]


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


def test_the_chain_is_its_stages_over_frozen_turns(helper):
    from assistant.pipeline import Turn

    turn = Turn("When does the Pretoria post close?")
    for stage in helper.chain:
        turn = stage(turn)
    assert [s.__name__ for s in helper.chain] == ["_route", "_resolve", "_retrieve", "_compose", "_cite"]
    assert turn.answer.text == "The notice closed on 21 June 2022. [1]"


@pytest.fixture(scope="module")
def internship(tmp_path_factory):
    """One job-board post whose title holds a topic word ("Paid")."""
    from conftest import FakeEmbedder, index_config
    from index.library import Library

    folder = tmp_path_factory.mktemp("paid-post")
    (folder / "paid.md").write_text(
        '---\nlayout: post\ntitle:  "Paid Archives Internship Fall 2017 - WNYC"\ntag: job\n---\n\n'
        "### Description\n\nThe intern digitises the radio archive.\n\n### Requirements\n\n"
        "Current graduate school student in information science or equivalent degree.\n\n"
        "Must be capable of light lifting and shelving activities.\n\n"
        "### Compensation\n\n11.50/hr\n")
    lib = Library(index_config(tmp_path_factory.mktemp("paid-index") / "index"), embedder=FakeEmbedder())
    lib.ingest([folder])
    return Assistant(lib, today=TODAY)


def test_a_topic_word_that_only_names_the_post_raises_no_topic(internship):
    answer = internship.ask("Who can apply to the paid WNYC archives internship?")
    assert "11.50" not in answer.text, answer.text
    assert answer.text.startswith("Required: candidates must be studying or have graduated recently. [1]"), answer.text


def test_a_fact_question_that_also_asks_a_requirement_topic_answers_both(internship):
    answer = internship.ask("What does the WNYC archives internship pay, and who can apply?")
    assert "11.50" in answer.text and "must be studying or have graduated recently" in answer.text, answer.text
    assert "does not state eligibility rule" not in answer.text and "does not ask for" not in answer.text


def test_a_question_about_physical_demands_is_answered_from_the_medical_records(internship):
    answer = internship.ask("Is the WNYC archives internship physically demanding?")
    assert "Must be capable of light lifting and shelving activities." in answer.text, answer.text


def test_a_rule_no_notice_states_is_said_in_words_with_a_short_headline():
    from assistant.compare import _requirement
    from index.records import Metadata, Notice

    q = "Which vacancies are open only to nationals of one country?"
    ns = [Notice("a", "a.txt", "x", (), Metadata(title="Clerk")),
          Notice("b", "b.txt", "y", (), Metadata(title="Driver", duty_station="Aden"))]
    c = _requirement(ns, {"a": (), "b": ()}, "eligibility_rule", q)
    assert [(x.role, x.text) for x in c.claims] == [
        ("headline", "None of the 2 notices state a requirement for nationals of member states only or nationals only "
         "or open only to the group the notice names."),
        ("body", "Not stated in: Clerk; Driver (Aden).")]
    assert not c.answerable
