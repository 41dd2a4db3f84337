"""Metric functions on hand-made predictions with known scores, and dataset parsing."""

from __future__ import annotations

import json

import pytest

from evals.metrics import (Case, CaseScore, aggregate, answer_problems, by_category, contains,
                           evidence_rank, gate, locate, score_case, valid_citation)
from evals.report import confusion_rows, text_table
from evals.run import (answer_case, dataset_warnings, expected_ids, parse_case, read_dataset,
                       read_datasets)

TEXTS = {
    "n1": "Closing Date: 21 June 2022\nEducation\nAn advanced university degree (Master’s degree) is required.",
    "n2": "Languages\nFluency in  English is required. Knowledge of French is desirable.",
}


def cite(n, nid, start, end, quote=None):
    return {"n": n, "notice_id": nid, "start": start, "end": end,
            "quote": TEXTS[nid][start:end] if quote is None else quote}


DEGREE = Case("R1", "What degree?", "requirement", notices=("stem1",),
              must_include=(("master", "advanced university degree"), ("required",)),
              must_not_include=("bachelor",), evidence=("university degree (Master's degree)",))


def test_a_right_answer_with_a_valid_citation_scores_everything():
    pred = {"answer": "A Master's degree is required. [1]", "answerable": True, "latency_ms": 12.5,
            "citations": [cite(1, "n1", 37, 97)]}
    assert score_case(DEGREE, pred, TEXTS, ["n1"], [("n2", 0, 20), ("n1", 27, 97)]) == CaseScore(
        case_id="R1", category="requirement", correct=True, reasons=(), evidence_total=1,
        evidence_found=1, citations=1, citations_valid=1, citations_judged=1, citations_on_notice=1,
        verdict_gold=None, verdict_pred=None, abstention_correct=True, ranks=(2,), unlocated=(),
        latency_ms=12.5)


def test_each_failed_check_is_a_reason():
    pred = {"answer": "A bachelor's degree [1]", "citations": []}
    assert answer_problems(DEGREE, pred) == (
        "no match for master | advanced university degree", "no match for required",
        "forbidden bachelor matched “bachelor”")


def test_patterns_match_case_insensitively_and_ignore_citation_markers():
    case = Case("F1", "How many years?", must_include=(("MASTER",),), must_not_include=(r"\b1\b",))
    assert answer_problems(case, {"answer": "master's and 5 years [1]"}) == ()


def test_an_empty_answer_is_wrong_even_without_patterns():
    case = Case("E1", "Anything?")
    score = score_case(case, {"answer": "  ", "citations": []}, TEXTS)
    assert (score.correct, score.reasons, score.citations) == (False, ("empty answer",), 0)
    assert score_case(case, {"answer": None}, TEXTS).reasons == ("empty answer",)


def test_no_citations_leaves_citation_ratios_undefined():
    score = score_case(DEGREE, {"answer": "A master's degree is required."}, TEXTS, ["n1"])
    m = aggregate([score])
    assert (m.answer_accuracy, m.evidence_recall, m.citation_validity, m.citation_precision) == \
        (1.0, 0.0, None, None)


def test_unknown_or_missing_verdict_is_wrong_and_counted_as_other():
    case = Case("V1", "Can I apply?", "eligibility", verdict="not_eligible")
    unknown = score_case(case, {"answer": "Maybe.", "verdict": "maybe"}, TEXTS)
    missing = score_case(case, {"answer": "Maybe."}, TEXTS)
    right = score_case(Case("V2", "Can I?", "eligibility", verdict="eligible"),
                       {"answer": "Yes.", "verdict": "eligible"}, TEXTS)
    assert unknown.reasons == ("verdict maybe (expected not_eligible)",)
    assert (unknown.verdict_pred, missing.verdict_pred) == ("other", "other")
    m = aggregate([unknown, missing, right])
    assert (m.verdict_accuracy, m.answer_accuracy) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert m.confusion == {("not_eligible", "other"): 2, ("eligible", "eligible"): 1}
    assert confusion_rows(m)[1] == [["eligible", "1", "0", "0", "0"], ["not_eligible", "0", "0", "0", "2"],
                                    ["insufficient_info", "0", "0", "0", "0"]]


def test_citation_validity_checks_the_quote_against_the_notice_text():
    assert valid_citation(cite(1, "n1", 0, 12), TEXTS)
    assert not valid_citation(cite(1, "n1", 0, 12, quote="Closing date"), TEXTS)
    assert not valid_citation(cite(1, "n1", 90, 500, quote="x"), TEXTS)
    assert not valid_citation({"notice_id": "gone", "start": 0, "end": 3, "quote": "abc"}, TEXTS)
    assert not valid_citation({"notice_id": "n1", "start": "0", "end": 3, "quote": "Clo"}, TEXTS)


def test_citation_precision_counts_citations_on_the_expected_notices():
    pred = {"answer": "English. [1] French. [2]", "citations": [cite(1, "n2", 10, 20), cite(2, "n1", 0, 12)]}
    judged = score_case(Case("P1", "Languages?"), pred, TEXTS, ["n2"])
    unjudged = score_case(Case("P2", "Languages?"), pred, TEXTS, [])
    assert (judged.citations_judged, judged.citations_on_notice) == (2, 1)
    assert (unjudged.citations_judged, unjudged.citations_on_notice) == (0, 0)
    assert aggregate([judged, unjudged]).citation_precision == 0.5


def test_abstention_is_scored_both_ways():
    unanswerable = Case("U1", "Is there a gym?", "unanswerable", answerable=False)
    answered = score_case(unanswerable, {"answer": "Yes, a gym.", "answerable": True}, TEXTS)
    abstained = score_case(unanswerable, {"answer": "The notice does not say.", "answerable": False}, TEXTS)
    wrongly = score_case(Case("A1", "Degree?"), {"answer": "Not stated.", "answerable": False}, TEXTS)
    assert answered.reasons == ("answered, but the notices do not say (expected answerable=false)",)
    assert [s.abstention_correct for s in (answered, abstained, wrongly)] == [False, True, False]
    assert aggregate([answered, abstained, wrongly]).abstention_accuracy == pytest.approx(1 / 3)


def test_evidence_matches_across_whitespace_case_and_typographic_quotes():
    assert contains("An Advanced University Degree\n(Master’s  degree)", "advanced university degree (Master's degree)")
    assert not contains("advanced degree", "advanced university degree")
    assert not contains("anything", "   ")
    assert locate(TEXTS["n2"], "fluency in english") == [(10, 29)]


def test_a_citation_of_part_of_the_evidence_counts_as_quoting_it():
    case = Case("D1", "Deadline?", evidence=("Closing Date: 21 June 2022",))
    part = score_case(case, {"answer": "21 June 2022 [1]", "citations": [cite(1, "n1", 14, 26)]}, TEXTS, ["n1"])
    elsewhere = score_case(case, {"answer": "x [1]", "citations": [cite(1, "n2", 10, 18)]}, TEXTS, ["n1"])
    assert (part.evidence_found, elsewhere.evidence_found) == (1, 0)


def test_evidence_rank_needs_a_passage_covering_half_of_the_evidence():
    ev = "Knowledge of French is desirable"  # n2[43:75]
    assert evidence_rank(ev, [("n1", 0, 90), ("n2", 0, 50), ("n2", 40, 76)], TEXTS, ["n1", "n2"]) == 3
    assert evidence_rank(ev, [("n2", 0, 59)], TEXTS, ["n2"]) == 1
    assert evidence_rank(ev, [("n2", 0, 58)], TEXTS, ["n2"]) is None
    assert evidence_rank(ev, [("n2", 40, 76)], TEXTS, ["n1"]) is None


def test_evidence_missing_from_the_notice_is_reported_and_not_retrieved():
    case = Case("M1", "Salary?", evidence=("USD 5,000 per month",))
    score = score_case(case, {"answer": "No."}, TEXTS, ["n1"], [("n1", 0, 90)])
    assert (score.unlocated, score.ranks, score.evidence_found) == (("USD 5,000 per month",), (None,), 0)


def test_aggregate_micro_averages_and_latency_percentiles():
    scores = [CaseScore("a", "x", True, ranks=(1,), latency_ms=10, evidence_total=1, evidence_found=1),
              CaseScore("b", "x", False, ranks=(3, None), latency_ms=20, evidence_total=2),
              CaseScore("c", "y", True, latency_ms=30, citations=4, citations_valid=3),
              CaseScore("d", "y", True, latency_ms=40, abstention_correct=False)]
    m = aggregate(scores)
    assert (m.cases, m.answer_accuracy, m.evidence_recall, m.citation_validity) == (4, 0.75, pytest.approx(1 / 3), 0.75)
    assert (m.hit(1), m.hit(3), m.hit(10), m.mrr) == (pytest.approx(1 / 3), pytest.approx(2 / 3),
                                                      pytest.approx(2 / 3), pytest.approx((1 + 1 / 3) / 3))
    assert (m.latency_p50, m.latency_p95, m.abstention_accuracy, m.verdict_accuracy) == (25.0, 38.5, 0.75, None)
    cats = by_category(scores)
    assert list(cats) == ["x", "y"] and (cats["x"].answer_accuracy, cats["y"].answer_accuracy) == (0.5, 1.0)


def test_aggregate_of_nothing_is_undefined():
    m = aggregate([])
    assert (m.cases, m.answer_accuracy, m.mrr, m.latency_p50) == (0, None, None, None)


def test_gate_names_each_metric_below_its_threshold():
    m = aggregate([CaseScore("a", "x", True, citations=2, citations_valid=1),
                   CaseScore("b", "x", False)])
    assert gate(m, {"answer_accuracy": 0.5, "citation_validity": 0.9, "verdict_accuracy": 0.8,
                    "recall": 0.1, "_note": "ignored"}) == [
        "citation_validity 0.500 is below the threshold 0.900",
        "verdict_accuracy none is below the threshold 0.800",
        "recall: no such metric"]


def test_text_table_aligns_columns():
    assert text_table(["config", "answer"], [["full", "0.900"], ["no-structured", "–"]]) == (
        "config         answer\nfull            0.900\nno-structured       –")


# -- datasets -------------------------------------------------------------------------------
def test_parse_case_fills_defaults_and_ignores_unknown_fields():
    case = parse_case({"question": "Is there a gym?", "category": "unanswerable", "tags": ["x"],
                       "must_include": ["does not say", ["not stated", "no information"]],
                       "notices": "004_x", "history": None}, "file:3")
    assert case == Case(id="file:3", question="Is there a gym?", category="unanswerable", history=(),
                        notices=("004_x",), must_include=(("does not say",), ("not stated", "no information")),
                        answerable=False, origin="file:3")
    assert parse_case({"id": 7, "question": "Q?"}, "f:1").id == "7"
    assert parse_case({"question": "Q?"}, "f:1").answerable is True


def test_a_malformed_line_is_reported_by_number_and_skipped(tmp_path):
    lines = [json.dumps({"id": "A", "question": "Grade?", "must_include": [["P-3"]]}),
             "",
             "{not json",
             json.dumps(["a", "list"]),
             json.dumps({"id": "B", "question": "Degree?", "must_include": [["(master"]]}),
             json.dumps({"id": "C", "question": "Can I?", "verdict": "maybe"}),
             json.dumps({"id": "D", "question": ""}),
             json.dumps({"id": "E", "question": "Where?", "evidence": [1, 2]}),
             json.dumps({"id": "A", "question": "Again?"}),
             json.dumps({"id": "F", "question": "Languages?", "answerable": "yes"}),
             json.dumps({"id": "G", "question": "Closes?", "whatever": {"x": 1}})]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cases, problems = read_datasets([path])
    assert [c.id for c in cases] == ["A", "G"]
    assert [c.origin for c in cases] == [f"{path}:1", f"{path}:11"]
    assert problems == [
        f"{path}:3: skipped: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:4: skipped: the line is not a JSON object",
        f"{path}:5: skipped: 'must_include' has an invalid regex '(master' "
        "(missing ), unterminated subpattern at position 0)",
        f"{path}:6: skipped: 'verdict' must be one of eligible, not_eligible, insufficient_info "
        "or null, not 'maybe'",
        f"{path}:7: skipped: 'question' is missing or empty",
        f"{path}:8: skipped: 'evidence' must be a list of strings",
        f"{path}:10: skipped: 'answerable' must be true or false",
        f"{path}:9: skipped: id 'A' already used at {path}:1",
    ]


def test_a_folder_stands_for_its_jsonl_files(tmp_path):
    (tmp_path / "b.jsonl").write_text('{"id": "B1", "question": "b?"}\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "A1", "question": "a?"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a dataset", encoding="utf-8")
    cases, problems = read_datasets([tmp_path])
    assert ([c.id for c in cases], problems) == (["A1", "B1"], [])
    assert read_dataset(tmp_path / "a.jsonl")[0][0].origin == f"{tmp_path / 'a.jsonl'}:1"


def test_case_notices_map_to_ids_and_missing_ones_are_named():
    refs = {"004_2e9a": "id4", "004_2e9a.txt": "id4", "id4": "id4", "002_5bc2": "id2"}
    case = Case("X", "q", notices=("004_2E9A", "002_5bc2", "999_gone", "004_2e9a.txt"))
    assert expected_ids(case, refs) == (("id4", "id2"), ("999_gone",))


def test_missing_notices_unlocated_evidence_and_errors_are_warned_about():
    case = Case("W1", "q", notices=("004_x", "999_gone"), evidence=("nowhere",), origin="set.jsonl:4")
    score = score_case(case, {"answer": "", "error": "ValueError: boom"}, TEXTS, ["n1"])
    assert score.reasons == ("error: ValueError: boom", "empty answer")
    assert dataset_warnings([case], {"004_x": "n1"}, [score]) == [
        "set.jsonl:4 (W1): notice 999_gone is not among the evaluation notices",
        "W1: the gold evidence “nowhere” is not in the notice text",
        "W1: error: ValueError: boom"]


class Raising:
    name = "raising"

    def ask(self, question, history=()):
        raise ValueError("boom")


def test_an_answer_that_raises_is_recorded_and_the_run_goes_on():
    line = answer_case(Raising(), Case("X1", "Grade?"))
    assert {k: v for k, v in line.items() if k != "latency_ms"} == {
        "id": "X1", "question": "Grade?", "answer": "", "citations": [], "error": "ValueError: boom"}
