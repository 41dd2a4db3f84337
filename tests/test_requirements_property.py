"""Whatever the text, extraction never raises and every span is the exact text it claims."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.build import parse_notice
from index.requirements import extract_requirements

SEEDS = sorted((Path(__file__).resolve().parent.parent / "notices").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
WORDS = st.sampled_from([
    "Education", "Experience:", "Languages\n", "is required.", "desirable", "an asset", "years",
    "ten (10)", "Master's degree", "first-level university degree", "in lieu of", "or", "; or\n",
    "fluency in English", "French", "another UN official language", "SCP", "nationals only",
    "first-tier", ":", "(", ")", "•", "\n", "\n\n", "|", "at least 5 years of which", "Or, extra",
    "commuting distance", "High School Diploma", "with seven years", "G-6 or G-7", "P-3",
])


def check(text: str) -> None:
    notice = parse_notice("p.txt", text)
    for r in extract_requirements(notice):
        assert 0 <= r.start <= r.end <= len(notice.text)
        assert notice.text[r.start:r.end] == r.text


def test_a_clause_cut_before_its_figures_is_not_empty():
    # found by the property below: the ";" before the second "5 years" once ended its clause
    check("Experience: ; or\n at least 5 years of which at least 5 years of which with seven years")


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=60).map(" ".join))
def test_requirement_words_in_any_order(text):
    check(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 30_000), st.integers(0, 2_000),
       st.text(max_size=40))
def test_mutated_seed_text(seed, at, length, insert):
    at = at % (len(seed) + 1)
    check(seed[:at] + insert + seed[at + length:])
