"""Open questions without the model: the threshold logic on literal scores, the subject of
an abstention, relative BM25, and the sentence ranker over a literal notice (hashing
embedder, no retrieval). With the real model: tests/test_pipeline.py (slow)."""

from __future__ import annotations

import pytest

from assistant.compose import answering, open_answer, subject
from assistant.ranking import LEXICAL_WEIGHT, SECTION_PRIOR, Ranked, SentenceRanker
from index.build import parse_notice
from index.sparse import SparseIndex

NOTICE = """Job Title: Records Clerk

Responsibilities
Files incoming correspondence. Maintains the registry of contracts.

Conditions of Service
Staff may work remotely two days per week. The contract is for one year.

Equal Opportunity
We are an equal opportunity employer and a non-smoking environment.
"""


def r(score: float, start: int = 0) -> Ranked:
    return Ranked("n1", start, start + 5, score)


def test_below_the_threshold_nothing_answers():
    assert answering([r(0.52), r(0.40, 10)], threshold=0.53) == []
    assert answering([], threshold=0.53) == []


def test_the_best_and_those_close_to_it_answer_at_most_three():
    ranked = [r(0.70, 30), r(0.90), r(0.85, 10), r(0.82, 20), r(0.60, 40)]
    assert [x.start for x in answering(ranked, threshold=0.53, spread=0.1, most=3)] == [0, 10, 20]
    assert [x.start for x in answering(ranked, threshold=0.53, spread=0.06, most=3)] == [0, 10]


def test_a_close_second_below_the_threshold_does_not_answer():
    assert [x.start for x in answering([r(0.56), r(0.50, 10)], threshold=0.53, spread=0.1)] == [0]


@pytest.mark.parametrize("question,expected", [
    ("what about remote work?", "remote work"),
    ("Does the post offer health insurance?", "health insurance"),
    ("is there a gym", "gym"),
    ("?", "that"),
])
def test_subject_of_an_open_question(question, expected):
    assert subject(question) == expected


@pytest.fixture
def notice():
    return parse_notice("n1.txt", NOTICE)


def test_abstention_says_what_is_not_mentioned(notice):
    one = open_answer([notice], "what about remote work?", [Ranked(notice.id, 0, 9, 0.2)])
    assert (one.answerable, [c.text for c in one.claims]) == (False, ["The notice does not mention remote work."])
    other = parse_notice("n2.txt", NOTICE.replace("Records", "Mail"))
    many = open_answer([notice, other], "what about remote work?", [])
    assert [c.text for c in many.claims] == ["None of the 2 notices mention remote work."]


def test_an_answer_quotes_the_sentence(notice):
    start = notice.text.index("Staff may")
    end = notice.text.index("week.") + len("week.")
    got = open_answer([notice], "remote work", [Ranked(notice.id, start, end, 0.9)])
    assert got.answerable and [c.text for c in got.claims] == ["Staff may work remotely two days per week."]
    assert [(e.start, e.end) for e in got.claims[0].evidence] == [(start, end)]


def test_relative_bm25_is_near_one_for_all_terms_and_lower_for_unknown_ones():
    index = SparseIndex(["staff may work remotely", "the contract is for one year", "files correspondence"])
    full = index.relative_scores("remotely")
    assert full[0] == pytest.approx(1.0, abs=0.3) and list(full[1:]) == [0.0, 0.0]
    diluted = index.relative_scores("remotely gymnasium")
    assert 0 < diluted[0] < full[0] / 1.5
    assert list(index.relative_scores("gymnasium")) == [0.0, 0.0, 0.0]


class _Library:
    def __init__(self, embedder):
        self.embedder = embedder

    def search(self, query, k, notice_ids):
        return []


def test_ranker_ranks_every_sentence_boilerplate_included(notice, fake_embedder):
    ranker = SentenceRanker(_Library(fake_embedder), {notice.id: notice})
    texts = [notice.text[s.start:s.end] for s in ranker.sentences(notice.id)]
    assert "We are an equal opportunity employer and a non-smoking environment." in texts
    best = ranker.rank("smoking environment", "smoking environment", [notice.id])[0]
    assert notice.text[best.start:best.end] == "We are an equal opportunity employer and a non-smoking environment."
    assert best.prior == SECTION_PRIOR["boilerplate"]
    assert best.score == pytest.approx(best.dense + LEXICAL_WEIGHT * min(best.lexical, 1.0) + best.prior)
    calls = fake_embedder.calls
    ranker.rank("smoking environment", "smoking environment", [notice.id])
    assert fake_embedder.texts and fake_embedder.calls == calls + 1   # sentence vectors cached


def test_ranker_with_no_matching_word_and_no_passage_ranks_nothing(notice, fake_embedder):
    ranker = SentenceRanker(_Library(fake_embedder), {notice.id: notice})
    assert ranker.rank("gymnasium", "gymnasium", [notice.id]) == ()


def test_a_sentence_the_notice_repeats_is_said_once():
    notice = parse_notice("n3.txt", "Conditions\nThe pay is $15/hour. Hours vary.\n\nCompensation\nThe pay is $15/hour.\n")
    first = notice.text.index("The pay")
    second = notice.text.rindex("The pay")
    ranked = [Ranked(notice.id, first, first + 20, 0.9), Ranked(notice.id, second, second + 20, 0.88)]
    got = open_answer([notice], "pay", ranked)
    assert [c.text for c in got.claims] == ["The pay is $15/hour."]


def test_a_long_answering_sentence_is_cut_to_the_clause_with_the_asked_words():
    from assistant.compose import asked_words
    from assistant.facts import stating_clause

    text = ("Under the direct supervision and managerial responsibility of the Director of OSS in Headquarters "
            "(HQ), and the administrative supervision of the Regional Director (RD), the successful candidate will "
            "be responsible for actively assisting the Regional Office and Country Offices where they are located "
            "with all aspects of security risk management.")
    cue = asked_words("Who supervises the officer?")
    assert cue.pattern == r"\b(?:(?P<w0>offi)|(?P<w1>supervi))\w*"      # "Office", "Offices" count once
    s, e = stating_clause(text, 0, len(text), cue)
    assert text[s:e].endswith("administrative supervision of the Regional Director (RD)")
    assert asked_words("Is it ok?") is None
