"""assistant/describe.py, the one wording module: requirements and check labels in plain words."""

from __future__ import annotations

from assistant.describe import clean, describe, describe_lines, plain, routes_words, years_needed
from index.records import Requirement, Route


def _req(kind: str, text: str = "t", necessity: str = "required", **kw) -> Requirement:
    return Requirement("n1", kind, necessity, 0, len(text), text, **kw)


def test_experience_per_degree_reads_as_one_sentence():
    r = _req("experience", years_by_level=(("bachelor", 7), ("master", 5)),
             domain="military, police or security management")
    assert plain(r) == ("at least 7 years of experience with a bachelor's degree, or 5 with a master's, "
                        "in military, police or security management")


def test_experience_scope_goes_where_english_puts_it():
    assert plain(_req("experience", years=2, scope="un_system")) == "at least 2 years of experience in the UN system"
    assert plain(_req("experience", years=3, scope="international")) == "at least 3 years of international experience"
    assert plain(_req("experience", years=1)) == "at least 1 year of experience"
    assert plain(_req("experience", years=0)) == "no prior experience is required"


def test_years_needed_and_routes_are_words_not_notation():
    assert years_needed([("master", 10), ("bachelor", 12)]) == \
        "at least 10 years of experience with a master's degree, or 12 with a bachelor's"
    assert years_needed([("any", 5)], "in logistics") == "at least 5 years of experience in logistics"
    assert routes_words((Route("master"), Route("bachelor", extra_years=2))) == \
        "a master's, or a bachelor's with 2 more years of experience"


def test_table_rows_fold_into_words_once_each():
    assert clean("Language: | French | UN Level II | UN Level II | UN Level II |") == "Language: French, UN Level II"
    assert clean("  two\n lines  ") == "two lines"
    assert clean("a long sentence here", 10) == "a long…"


def test_describe_names_the_necessity():
    assert describe(_req("language", languages=("English",), proficiency="fluent")) == "Required: English (fluent)."
    assert describe(_req("language", necessity="desirable", languages=("French",))) == "Desirable: French."
    assert describe(_req("other", "Knowledge of | Excel | Word |")) == "Required: Knowledge of, Excel, Word."


def test_an_education_requirement_with_other_routes_is_two_short_lines():
    text = ("Advanced university degree in law is required. A first-level university degree with two additional "
            "years of qualifying experience in security may be accepted in lieu of the advanced university degree.")
    r = _req("education", text, level="master", fields=("law",),
             routes=(Route("master"), Route("bachelor", extra_years=2)))
    assert describe_lines(r) == ["Required: a master's degree in law.",
                                 "Also accepted: a bachelor's degree with 2 additional years of qualifying "
                                 "experience in security."]
    assert describe_lines(_req("licence")) == ["Required: a valid driving licence."]


def test_an_experience_counting_rule_is_a_line_of_its_own():
    r = _req("experience", years=3.0, domain="humanitarian logistics",
             counting_rule="GS experience is counted at 50%.")
    assert describe_lines(r) == ["Required: at least 3 years of experience in humanitarian logistics.",
                                 "GS experience is counted at 50%."]
    assert plain(r) == "at least 3 years of experience in humanitarian logistics (GS experience is counted at 50%)"
