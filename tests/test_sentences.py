"""The one sentence splitter (`index/sentences.py`): exact spans, its rules, and chunking and
reading cutting the same text at the same places."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SEED_FILES, parsed
from index.chunk import chunk_notice
from index.records import Metadata, Notice, Section
from index.sentences import sentences
from index.statements import statements


def cut(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text))]


# Until round 4 chunking had a splitter of its own: it cut this text after "e.g." and
# "5 p.m." and at every ";", and the requirement reader did not.
DISAGREED = ("Budget work is required. Use tools, e.g. Oracle or SAP, each day. "
             "Replies come by 5 p.m. (New York time). Open Mon; Tue; Wed; Thu; Fri.")


def test_chunking_and_reading_cut_the_same_sentences():
    notice = Notice("n1", "n1.txt", DISAGREED, (Section("", 0, len(DISAGREED), "body"),),
                    Metadata(title="Budget Officer"))
    expected = [(0, 24), (25, 65), (66, 105), (106, 135)]
    # 50 characters hold any one of the four sentences and no two: each chunk is one sentence
    assert [(c.start, c.end) for c in chunk_notice(notice, max_chars=50, min_chars=0)] == expected
    assert [(s.start, s.end) for s in statements(notice)] == expected
    assert [DISAGREED[a:b] for a, b in expected] == [
        "Budget work is required.", "Use tools, e.g. Oracle or SAP, each day.",
        "Replies come by 5 p.m. (New York time).", "Open Mon; Tue; Wed; Thu; Fri."]


def test_sentence_ends_and_what_is_not_one():
    assert cut("Apply now. Then wait!") == ["Apply now.", " Then wait!"]
    assert cut('He said "yes." 2 posts are open.') == ['He said "yes."', " 2 posts are open."]
    assert cut("Holds an M.A. In law or i.e. Economics.") == ["Holds an M.A. In law or i.e. Economics."]
    assert cut("A full stop.Glued to the next.") == ["A full stop.", "Glued to the next."]
    assert cut("Five years is required Two years abroad.") == ["Five years is required", " Two years abroad."]
    assert cut("Skills • Excel • Word") == ["Skills ", "• Excel ", "• Word"]


def test_a_semicolon_ends_a_sentence_only_after_a_long_item():
    countries = "Antigua and Barbuda; Aruba; Bahamas"
    assert cut(countries) == [countries]
    long = "Manage the budget of the office and report to the head of unit each month; Draft reports."
    assert cut(long) == ["Manage the budget of the office and report to the head of unit each month;",
                         " Draft reports."]


def test_a_line_break_is_left_to_the_callers():
    assert cut("A first-level\ndegree may be accepted.\nFluency in English.") == [
        "A first-level\ndegree may be accepted.", "\nFluency in English."]


def test_sentences_of_a_span_start_and_end_at_the_span():
    text = "Intro. Apply now. Then wait. Outro."
    assert sentences(text, 7, 28) == [(7, 17), (17, 28)]
    assert sentences(text, 5, 5) == []


@pytest.mark.parametrize("path", SEED_FILES + sorted(CORPUS.glob("0*")), ids=lambda p: p.name)
def test_sentences_cover_each_section_exactly(path):
    notice = parsed(path)
    for section in notice.sections:
        spans = sentences(notice.text, section.start, section.end)
        assert [a for a, _ in spans[1:]] == [b for _, b in spans[:-1]]
        assert "".join(notice.text[a:b] for a, b in spans) == notice.text[section.start:section.end]
