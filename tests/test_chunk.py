"""Chunking: exact boundaries on small literal notices, long sentences, sections, offsets,
the contextual header BM25 sees and the title the embedded text carries (boilerplate: one
text across notices, and no vector)."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SEED_FILES, parsed
from index.chunk import (DENSE_LEFT_OUT, MAX_CHARS, chunk_notice, chunk_search_text,
                         context_header)
from index.errors import RejectedFile
from index.records import NO_VECTOR, Metadata, Notice, Section

TEXT = ("Education\n"
        "Advanced university degree in law is required. A first-level\n"
        "degree may be accepted in lieu of it.\n"
        "Work Experience\n"
        "Five years of legal work is required Two years abroad is desirable.\n"
        "Languages\n"
        "• Fluency in English is required.\n"
        "• French is desirable.\n")


def make_notice(text: str, heads: list[tuple[str, str]], nid: str = "n1",
                meta: Metadata = Metadata(title="Legal Officer", grade="P-3")) -> Notice:
    """A notice whose sections start where each (heading, kind) first occurs."""
    starts = [text.index(h) for h, _ in heads] + [len(text)]
    sections = tuple(Section(h, starts[i], starts[i + 1], kind)
                     for i, (h, kind) in enumerate(heads))
    return Notice(nid, f"{nid}.txt", text, sections, meta)


LITERAL = make_notice(TEXT, [("Education", "education"), ("Work Experience", "experience"),
                             ("Languages", "languages")])


def spans(chunks):
    return [(c.section, c.start, c.end, c.text) for c in chunks]


def test_exact_boundaries_sentences_and_bullets():
    assert spans(chunk_notice(LITERAL, max_chars=60)) == [
        ("Education", 0, 56, "Education\nAdvanced university degree in law is required."),
        # a line break inside a sentence (hard wrap) is not a boundary
        ("Education", 57, 108, "A first-level\ndegree may be accepted in lieu of it."),
        # a requirement that lost its full stop still ends a sentence
        ("Work Experience", 109, 161, "Work Experience\nFive years of legal work is required"),
        ("Work Experience", 162, 192, "Two years abroad is desirable."),
        ("Languages", 193, 236, "Languages\n• Fluency in English is required."),
        ("Languages", 237, 259, "• French is desirable."),
    ]


def test_whole_sections_stay_one_chunk_when_they_fit():
    assert [(c.section, c.start, c.end) for c in chunk_notice(LITERAL, min_chars=0)] == [
        ("Education", 0, 108), ("Work Experience", 109, 192), ("Languages", 193, 259)]


def test_small_sections_are_joined_while_they_fit_and_the_header_names_each():
    # 108, 83 and 66 characters: joined two by two at 200, all three at the default
    assert [(c.section, c.start, c.end) for c in chunk_notice(LITERAL, max_chars=200)] == [
        ("Education · Work Experience", 0, 192), ("Languages", 193, 259)]
    (whole,) = chunk_notice(LITERAL)
    assert (whole.section, whole.start, whole.end) == ("Education · Work Experience · Languages", 0, 259)
    assert chunk_search_text(LITERAL, 0, 259) == (
        "Legal Officer · P-3 · Education · Work Experience · Languages\n" + LITERAL.text[0:259])
    assert whole.embed_text == "Legal Officer\n" + LITERAL.text[0:259]  # DENSE_HEADER: the title
    # pieces of at least `min_chars` on both sides stay apart
    assert len(chunk_notice(LITERAL, min_chars=60)) == 3


def test_a_block_that_does_not_fit_starts_the_next_chunk():
    text = "Duties\n• Drafts reports.\n• Reviews budgets. Plans the work of the unit.\n"
    notice = make_notice(text, [("Duties", "responsibilities")])
    # "• Reviews budgets." would fit after the first bullet, but the bullet stays whole
    assert spans(chunk_notice(notice, max_chars=50)) == [
        ("Duties", 0, 24, "Duties\n• Drafts reports."),
        ("Duties", 25, 71, "• Reviews budgets. Plans the work of the unit."),
    ]


def test_sentence_longer_than_max_chars_is_cut_at_spaces():
    text = "Notes\nalpha beta gamma delta epsilon zeta eta theta"
    notice = make_notice(text, [("Notes", "special_notice")])
    assert [c.text for c in chunk_notice(notice, max_chars=20)] == [
        "Notes\nalpha beta", "gamma delta epsilon", "zeta eta theta"]


def test_word_longer_than_max_chars_is_cut_at_the_limit():
    text = "Notes\nabcdefghijklmnopqrstuvwxyz"
    notice = make_notice(text, [("Notes", "special_notice")])
    assert [c.text for c in chunk_notice(notice, max_chars=12)] == [
        "Notes\nabcdef", "ghijklmnopqr", "stuvwxyz"]


def test_section_that_is_only_its_heading_gives_no_chunk():
    text = "### Qualifications###\nEducation\nA degree in law.\n"
    notice = Notice("n1", "n1.txt", text, (Section("Qualifications", 0, 22, "qualifications"),
                                           Section("Education", 22, len(text), "education")))
    assert spans(chunk_notice(notice)) == [("Education", 22, 48, "Education\nA degree in law.")]


def test_header_names_notice_section_and_stated_fields():
    text = "Duty Station: Pretoria\nClosing Date: 21 June 2022\nEducation\nA degree.\n"
    meta = Metadata(title="Regional Security Officer", grade="P-4", organisation="IOM",
                    duty_station="Pretoria",
                    spans=(("closes", 37, 49), ("duty_station", 14, 22)))
    notice = make_notice(text, [("Duty Station", "header"), ("Education", "education")],
                         meta=meta)
    header, education = notice.sections
    assert context_header(notice, header) == (
        "Regional Security Officer · P-4 · IOM · Pretoria · Duty Station · states the "
        "duty station (where the job is based), closing date (application deadline)")
    assert context_header(notice, education) == \
        "Regional Security Officer · P-4 · IOM · Pretoria · Education"
    first = chunk_notice(notice, min_chars=0)[0]
    assert chunk_search_text(notice, first.start, first.end) == \
        f"{context_header(notice, header)}\n{first.text}"
    assert first.embed_text == f"Regional Security Officer\n{first.text}"
    (joined,) = chunk_notice(notice)  # both sections in one chunk: the fields still named
    assert chunk_search_text(notice, joined.start, joined.end).split("\n")[0] == (
        "Regional Security Officer · P-4 · IOM · Pretoria · Duty Station · Education · states "
        "the duty station (where the job is based), closing date (application deadline)")


def test_boilerplate_header_has_no_title_so_notices_share_its_embedding():
    text = "Education\nA degree in law.\nNo Fee\nThe United Nations does not charge a fee.\n"
    heads = [("Education", "education"), ("No Fee", "boilerplate")]
    one = make_notice(text, heads, "n1", Metadata(title="Legal Officer"))
    two = make_notice(text, heads, "n2", Metadata(title="Security Officer"))
    # the boilerplate is never joined to a small section beside it
    (edu1, fee1), (edu2, fee2) = chunk_notice(one), chunk_notice(two)
    assert fee1.embed_text == "No Fee\nNo Fee\nThe United Nations does not charge a fee."
    assert fee1.embed_key == fee2.embed_key
    assert fee1.id != fee2.id
    assert edu1.embed_key != edu2.embed_key


def test_boilerplate_gets_no_vector_but_keeps_its_text_for_bm25():
    text = "Education\nA degree in law.\nNo Fee\nThe United Nations does not charge a fee.\n"
    notice = make_notice(text, [("Education", "education"), ("No Fee", "boilerplate")])
    edu, fee = chunk_notice(notice)
    assert DENSE_LEFT_OUT == {"boilerplate"}
    assert fee.embed_key == NO_VECTOR and fee.text.endswith("does not charge a fee.")
    assert fee.embed_text.endswith(fee.text)  # what BM25 indexes
    assert edu.embed_key != NO_VECTOR


def _real_notices():
    for path in SEED_FILES + sorted(p for p in CORPUS.iterdir() if p.suffix != ".tsv"):
        try:
            yield parsed(path)
        except RejectedFile:
            continue


@pytest.mark.parametrize("notice", list(_real_notices()), ids=lambda n: n.stem)
def test_real_notices_offsets_sections_and_sizes(notice):
    chunks = chunk_notice(notice)
    assert chunks
    for c in chunks:
        assert notice.text[c.start:c.end] == c.text
        assert c.text == c.text.strip()
        inside = [s for s in notice.sections if s.start < c.end and s.end > c.start]
        assert c.section == " · ".join(dict.fromkeys(s.name for s in inside))
        assert len(c.text) <= MAX_CHARS
    ends = [(c.start, c.end) for c in chunks]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
