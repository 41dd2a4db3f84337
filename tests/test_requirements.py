"""Typed requirements from small literal notices: one pattern family per test."""

from __future__ import annotations

from datetime import date

import pytest

from index.build import parse_notice
from index.records import Route
from index.requirement_codec import requirements_from_json, requirements_to_json
from index.derived import parser_hash
from index.requirements import (Deadline, deadline_status, extract_requirements,
                                notice_category, requirements_for)
from index.statements import statements
from index.store import Store
from index.vocab import parse_number


def reqs(text: str, kind: str | None = None):
    notice = parse_notice("t.txt", text)
    found = extract_requirements(notice)
    for r in found:
        assert notice.text[r.start:r.end] == r.text
    return [r for r in found if kind is None or r.kind == kind]


def quote(r) -> str:
    return " ".join(r.text.split())


# -- education ----------------------------------------------------------------------
def test_in_lieu_substitution_is_a_second_route_of_the_same_requirement():
    [edu] = reqs("Education\nAdvanced university degree (Master's degree or equivalent) in economics "
                 "or public law is required. A first-level university degree in combination with two "
                 "additional years of qualifying experience may be accepted in lieu of the advanced "
                 "university degree.\n", "education")
    assert edu.level == "master"
    assert edu.fields == ("economics", "public law")
    assert edu.routes == (Route("master"), Route("bachelor", extra_years=2.0))
    assert quote(edu).endswith("in lieu of the advanced university degree.")


def test_degree_with_its_own_years_gives_total_years_routes():
    [edu] = reqs("Education\n\n• Master's degree or equivalent in Law with seven years of relevant "
                 "professional experience; or\n\n• University degree or equivalent in the above fields "
                 "with nine years of relevant professional experience.\n", "education")
    assert edu.routes == (Route("master", total_years=7.0), Route("bachelor", total_years=9.0))
    assert edu.fields == ("Law",)
    assert reqs("Education\n\n• Master's degree in Law with seven years of relevant professional "
                "experience; or\n\n• University degree with nine years of relevant professional "
                "experience.\n", "experience") == []


def test_college_and_secondary_routes():
    [edu] = reqs("Education\nAdvanced University degree in law. A first level University degree with "
                 "two additional years of qualifying experience may be accepted in lieu of the advanced "
                 "university degree. Graduates of Police/Military War Colleges and Senior Staff "
                 "Colleges may also be considered.\n", "education")
    assert [r.level for r in edu.routes] == ["master", "bachelor", "college"]
    [hs] = reqs("Education\nHigh School Diploma required.\n", "education")
    assert (hs.level, hs.routes) == ("secondary", (Route("secondary"),))


def test_unstated_additional_years_and_a_route_without_degree():
    [edu] = reqs("Education: Advanced University degree in a relevant field, or First University "
                 "degree with additional years of related work experience.\n", "education")
    assert edu.routes == (Route("master"), Route("bachelor", extra_unstated=True))
    [edu] = reqs("Education: You have completed a bachelor's degree in a relevant field, or 3 "
                 "additional years of experience\n", "education")
    assert edu.routes == (Route("bachelor"), Route("none", extra_years=3.0))
    assert edu.fields == ()
    [phd] = reqs("Education\nPhD or equivalent relevant experience in the field of Theoretical Physics.\n",
                 "education")
    assert phd.routes == (Route("doctorate"), Route("none", extra_unstated=True))
    [ba] = reqs("Education\nBachelor's degree in library science or an equivalent combination of education and "
                "experience is required.\n", "education")
    assert ba.routes == (Route("bachelor"), Route("none", extra_unstated=True))


# -- experience ---------------------------------------------------------------------
def test_years_per_degree_level_in_parentheses():
    [exp] = reqs("Work Experience\nA minimum of five years with advanced university degree (seven "
                 "years with a first-level university degree) of progressively responsible experience "
                 "in the military, police or security management is required.\n", "experience")
    assert exp.years == 5.0
    assert exp.years_by_level == (("master", 5.0), ("bachelor", 7.0))
    assert exp.domain == "military, police or security management"
    assert reqs("Work Experience\nA minimum of five years with advanced university degree (seven "
                "years with a first-level university degree) of experience is required.\n",
                "education") == []


def test_years_per_degree_level_with_if_they_hold():
    [exp] = reqs("Experience: Candidates should possess a minimum of 3 years of professional "
                 "experience if they hold a Master's degree, or 5 years of professional experience "
                 "if they hold a Bachelor's degree.\n", "experience")
    assert (exp.years, exp.years_by_level) == (3.0, (("master", 3.0), ("bachelor", 5.0)))


def test_extra_years_for_first_degree_holders_and_counting_rule():
    [exp] = reqs("Experience: At least 3 years professional experience in logistics for masters "
                 "holders. Or, extra two years of relevant experience for first Degree holders. "
                 "(Administrative experience is not counted except years holding G6 positions or "
                 "above – each year is counted at 50%)\n", "experience")
    assert exp.years_by_level == (("master", 3.0), ("bachelor", 5.0))
    assert exp.counting_rule == ("Administrative experience is not counted except years holding G6 "
                                 "positions or above – each year is counted at 50%")


def test_reduced_minimum_for_degree_holders():
    [exp, _] = reqs("Work Experience\nA minimum of five years of experience in accounting is "
                    "required. The minimum years of relevant experience is reduced to three years for "
                    "candidates who possess a first-level university degree or higher. Four years of "
                    "experience in payroll is required.\n", "experience")
    assert (exp.years, exp.years_by_level, exp.domain) == (5.0, (("bachelor", 3.0),), "accounting")


def test_sub_requirements_have_their_own_span_and_scope():
    found = reqs("Work Experience\nA minimum of ten (10) years of relevant professional experience, "
                 "at least 5 years of which should be in command or leadership position, is required. "
                 "Minimum of 4 years’ experience in the United Nations security management system and "
                 "at least 2 years of experience serving in a peacekeeping mission is required.\n",
                 "experience")
    assert [(r.years, r.scope) for r in found] == [(10.0, None), (5.0, "command"),
                                                   (4.0, "un_system"), (2.0, "mission")]
    assert quote(found[1]) == "at least 5 years of which should be in command or leadership position"
    assert quote(found[3]) == "at least 2 years of experience serving in a peacekeeping mission"
    assert found[2].domain == "United Nations security management system"


def test_scopes_international_and_supervisory():
    found = reqs("Work Experience\nA minimum of 2 years international field experience in "
                 "peacekeeping is required. A minimum of 3 years coordination or supervisory "
                 "experience in operations, including at least 1 year in a conflict environment, is "
                 "required.\n", "experience")
    assert [(r.years, r.scope) for r in found] == [(2.0, "international"), (3.0, "supervisory"),
                                                   (1.0, "conflict")]


@pytest.mark.parametrize("words, value", [("ten (10)", 10.0), ("Six", 6.0), ("5+", 5.0),
                                          ("2.5", 2.5), ("twelve", 12.0), ("many", None)])
def test_number_words(words, value):
    assert parse_number(words) == value


def test_ranges_and_or_more_give_the_lower_bound():
    assert [r.years for r in reqs("Experience\n* 3-5 years of experience in archives\n"
                                  "* Six or more years of work experience in food security\n",
                                  "experience")] == [3.0, 6.0]


def test_experience_without_years_keeps_its_domain_and_necessity():
    [r] = reqs("Work Experience\nExperience in crisis management is desirable.\n", "experience")
    assert (r.years, r.domain, r.necessity) == (None, "crisis management", "desirable")
    [r] = reqs("Experience\nNo professional work experience required.\n", "experience")
    assert r.years == 0.0


# -- languages ----------------------------------------------------------------------
def test_any_of_groups_and_separate_requirements():
    found = reqs("Languages\nFor all applicants, fluency in English and working knowledge of "
                 "Spanish or French is required (oral and written).\n", "language")
    assert [(r.languages, r.proficiency) for r in found] == [
        (("English",), "fluent"), (("French", "Spanish"), "working knowledge")]


def test_another_un_language_is_the_other_official_languages():
    found = reqs("Languages\nEnglish and French are the working languages of the United Nations "
                 "Secretariat. For this post, fluency in English is required. Knowledge of another "
                 "UN official language is desirable.\n", "language")
    assert [(r.languages, r.proficiency, r.necessity) for r in found] == [
        (("English",), "fluent", "required"),
        (("Arabic", "Chinese", "French", "Russian", "Spanish"), "knowledge", "desirable")]


def test_duty_station_language_level_and_external_applicants():
    found = reqs("Language: Fluency (level C) in English language and the duty station’s language, "
                 "if different.\n", "language")
    assert [(r.languages, r.proficiency) for r in found] == [
        (("English",), "fluent (level C)"), (("duty station language",), "fluent (level C)")]
    [ext, _] = reqs("Languages\nExternal applicants are required to be proficient in English and "
                    "have a working knowledge of one additional UN Language (French, Spanish or "
                    "Arabic).\n", "language")
    assert (ext.languages, ext.applies_to) == (("English",), "external")


def test_un_language_table_rows():
    found = reqs("Languages\nEnglish is required.\n\nDesirable Languages\n| Language | Reading | "
                 "Writing |\n|---|\n| French | UN Level II | UN Level II |\n", "language")
    assert [(r.languages, r.proficiency, r.necessity) for r in found] == [
        (("English",), None, "required"), (("French",), "UN Level II", "desirable")]


# -- certification, licence, travel, medical -----------------------------------------
def test_named_programmes_licence_and_travel():
    found = reqs("Job - Specific Qualification\nSecurity Certification Programme (SCP) is required "
                 "Security Analysis, Practices and Procedures (SAPP) is desirable Frequent travel is "
                 "required A valid Driving License is required\n")
    assert [(r.kind, r.necessity, r.names) for r in found] == [
        ("certification", "required", ("SCP",)), ("certification", "desirable", ("SAPP",)),
        ("travel", "required", ()), ("licence", "required", ("driving licence",))]
    assert [quote(r) for r in found][-1] == "A valid Driving License is required"


def test_generic_certification_and_medical_clearance():
    [cert] = reqs("Job - Specific Qualification\nAdditional certification in related security fields "
                  "is desirable.\n")
    assert (cert.kind, cert.names, cert.domain) == ("certification", (), "related security fields")
    [med] = reqs("Special Notice\nAppointment will be subject to certification that the candidate is "
                 "medically fit for appointment.\n")
    assert med.kind == "medical"


# -- eligibility rules --------------------------------------------------------------
@pytest.mark.parametrize("sentence, rule, values", [
    ('This "Recruit from Roster" job opening is only open to roster applicants.', "roster_only", ()),
    ("This vacancy announcement is for Sri Lankan Nationals only.", "nationality", ("Sri Lankan",)),
    ("The applicant should be a Yemeni national or having work/residency permit.", "nationality",
     ("Yemeni", "work or residency permit")),
    ("This temporary job opening may be limited to internal candidates.", "internal_only", ()),
    ("Candidates recruited through the young professionals programme who have not served two years "
     "are not eligible to apply.", "young_professionals", ()),
    ("Staff members who will reach the mandatory age of separation are not eligible to apply.",
     "age_of_separation", ()),
    ("A staff member holding a temporary appointment shall be regarded as an external candidate.",
     "temporary_appointment_external", ()),
    ("Candidates who are nationals of the duty station’s country and who do not have prior experience "
     "outside the duty station’s country cannot be considered eligible.",
     "national_needs_outside_experience", ()),
])
def test_eligibility_bars(sentence, rule, values):
    [r] = reqs(f"Special Notice\n{sentence}\n")
    assert (r.kind, r.rule, r.values, r.preference, r.necessity) == (
        "eligibility_rule", rule, values, False, "required")


def test_general_service_staff_may_apply_up_to_p3():
    [r] = reqs("Special Notice\nA current staff member who holds an appointment at the G-6 or G-7 "
               "level may also apply to temporary positions in the Professional category up to and "
               "including the P-3 level.\n")
    assert (r.rule, r.values) == ("general_service_temporary_professional", ("G-6", "G-7", "P-3"))


def test_preferences_are_kept_apart_from_bars():
    found = reqs("Terms and Conditions\nApplicants must: a) be Korean citizen; and b) reside within "
                 "commuting distance of the duty station. Preference will be given to candidates who "
                 "already reside within commuting distance of the duty station.\n")
    assert [(r.rule, r.values, r.preference) for r in found] == [
        ("nationality", ("Korean",), False), ("residence", ("commuting distance",), False),
        ("residence", ("commuting distance",), True)]


def test_under_represented_countries_and_first_tier():
    [r] = reqs("Special Notice\nFor this position, applicants from the following Member States, "
               "which are unrepresented or underrepresented, are strongly encouraged to apply: "
               "Andorra, Angola, Antigua and Barbuda, Bahrain.\n")
    assert (r.rule, r.values, r.preference, r.necessity) == (
        "under_represented", ("Andorra", "Angola", "Antigua and Barbuda", "Bahrain"), True, "desirable")
    [r] = reqs("Header line\n\nFor the purpose of the vacancy, internal candidates are considered as "
               "first-tier candidates.\n")
    assert (r.rule, r.values, r.preference) == ("first_tier", ("internal",), True)


# -- other, necessity, information ----------------------------------------------------
def test_unmatched_requirement_words_become_other_and_tasks_do_not():
    found = reqs("Special Notice\nAn impeccable record for integrity is essential. The selected "
                 "candidate is expected to start as soon as possible.\n")
    assert [(r.kind, quote(r)) for r in found] == [("other", "An impeccable record for integrity is "
                                                    "essential.")]
    found = reqs("Qualifications\n* Ensure that all the IT requests are answered on time.\n"
                 "* Excellent organisational skills.\n")
    assert [quote(r) for r in found] == ["Excellent organisational skills."]


@pytest.mark.parametrize("tail, necessity", [
    ("is an asset.", "desirable"), ("is an advantage.", "desirable"), ("preferred.", "desirable"),
    ("would be a plus.", "desirable"), ("is desirable.", "desirable"), ("is required.", "required")])
def test_necessity_markers(tail, necessity):
    [r] = reqs(f"Qualifications\nKnowledge of budgeting {tail}\n")
    assert r.necessity == necessity


def test_hard_wrapped_sentence_is_one_statement():
    text = ("Languages\nEnglish and French are the working languages of the United\n"
            "Nations Secretariat. For the position advertised, fluency in oral and written\n"
            "English is required. Knowledge of another official United Nations language is\n"
            "desirable.\n")
    notice = parse_notice("t.txt", text)
    assert [" ".join(notice.text[s.start:s.end].split()) for s in statements(notice)] == [
        "English and French are the working languages of the United Nations Secretariat.",
        "For the position advertised, fluency in oral and written English is required.",
        "Knowledge of another official United Nations language is desirable."]


# -- per notice: category, deadline ---------------------------------------------------
@pytest.mark.parametrize("head, category", [
    ("Posting Title: Protection Officer, P3\n", "P"),
    ("Posting Title: Logistics Officer\nGrade: NOB\n", "NO"),
    ("Posting Title: Driver\nGrade: G3\n", "G"),
    ("Posting Title: International Consultant Supply Chain\n", "consultancy"),
    ("Posting Title: Librarian Internship\n", "internship"),
    ("Posting Title: Librarian\n", None),
])
def test_notice_category(head, category):
    assert notice_category(parse_notice("t.txt", head + "\nResponsibilities\nWork.\n")) == category


def test_deadline_status():
    notice = parse_notice("t.txt", "Posting Title: Officer\nClosing Date: 21 June 2022\n\n"
                                   "Responsibilities\nWork.\n")
    assert deadline_status(notice, date(2022, 6, 10)) == Deadline("open", date(2022, 6, 21), 11)
    assert deadline_status(notice, date(2022, 6, 21)) == Deadline("open", date(2022, 6, 21), 0)
    assert deadline_status(notice, date(2022, 6, 22)) == Deadline("closed", date(2022, 6, 21), None)
    untimed = parse_notice("t.txt", "Responsibilities\nWork.\n")
    assert deadline_status(untimed, date(2022, 6, 22)) == Deadline("not stated")


# -- storage --------------------------------------------------------------------------
SAMPLE = ("Education\nAdvanced university degree in law is required. A first-level university "
          "degree with two additional years of qualifying experience may be accepted in lieu of the "
          "advanced university degree.\n\nWork Experience\nA minimum of five years with advanced "
          "university degree (seven years with a first-level university degree) of experience in "
          "security is required.\n\nLanguages\nFluency in English and working knowledge of Spanish "
          "or French is required.\n")


def test_codec_round_trip():
    found = extract_requirements(parse_notice("t.txt", SAMPLE))
    assert len(found) == 4
    assert requirements_from_json(requirements_to_json(found)) == found


def test_requirements_for_stores_once_then_reads_the_store(tmp_path, monkeypatch):
    notice = parse_notice("t.txt", SAMPLE)
    store = Store(tmp_path)
    store.put(notice, ())
    first = requirements_for(store, notice.id)
    assert first == extract_requirements(notice)
    assert store.fact(notice.id, "requirements", parser_hash()) == requirements_to_json(first)

    def fail(_):
        raise AssertionError("extracted again although stored")

    monkeypatch.setattr("index.requirements.extract_requirements", fail)
    assert requirements_for(store, notice.id) == first
    monkeypatch.setattr("index.requirements.parser_hash", lambda: "another")
    with pytest.raises(AssertionError, match="extracted again"):
        requirements_for(store, notice.id)
    store.close()


# -- the card of `vacancy show` ---------------------------------------------------------
CARD_NOTICE = ("Posting Title: Security Officer, P3\nDuty Station: Juba\nClosing Date: 21 June 2022\n\n"
               + SAMPLE + "\nSpecial Notice\nThis vacancy is for South Sudanese nationals only.\n")
CARD = """\
Security Officer
  organisation not stated
  grade        P-3 (category P)
  duty station Juba
  posted       not stated
  closes       2022-06-21 (open, 11 days left)
  job opening  not stated
  source       card.txt

EDUCATION
  Required   a master's degree in law; also accepted: a bachelor's degree with 2 additional years of qualifying experience
             “Advanced university degree in law is required. A first-level university degree with \
two additional years of qualifying experience may be accepted in lieu of the advanced university degree.”

EXPERIENCE
  Required   at least 5 years of experience with a master's degree, or 7 with a bachelor's, in security
             “A minimum of five years with advanced university degree (seven years with a first-level \
university degree) of experience in security is required.”

LANGUAGES
  Required   English (fluent)
             “Fluency in English and working knowledge of Spanish or French is required.”
  Required   French or Spanish (working knowledge)
             “Fluency in English and working knowledge of Spanish or French is required.”

WHO MAY APPLY
  Required   only South Sudanese nationals may apply
             “This vacancy is for South Sudanese nationals only.”"""


def test_render_card():
    from ui.card import card_json, render_card

    notice = parse_notice("card.txt", CARD_NOTICE)
    found = extract_requirements(notice)
    assert render_card(notice, found, today=date(2022, 6, 10)) == CARD
    as_json = card_json(notice, found, today=date(2022, 6, 23))
    assert (as_json["category"], as_json["deadline"]) == ("P", {"status": "closed", "days_left": None})
    assert requirements_from_json(as_json["requirements"]) == found


# -- round 3 of issue 11: patterns of US job-board and volunteer notices ----------------
def test_an_age_written_with_a_plus_is_an_age_rule_and_years_of_college_are_education():
    found = reqs("Qualifications\nMinimum one year of college. 18+ years of age. Strong communication skills.\n")
    assert [(r.kind, r.level, r.rule) for r in found if r.kind in ("education", "eligibility_rule")] == [
        ("education", "post_secondary", None), ("eligibility_rule", None, "age")]
    assert reqs("Qualifications\nMinimum one year of college.\n", "experience") == []


def test_a_number_of_days_is_not_an_age():
    text = ("Benefits\nYou will receive at least 24 days of annual leave per calendar year, additional leave days "
            "may be granted for age and grade.\n")
    assert [r for r in reqs(text, "eligibility_rule") if r.rule == "age"] == []


def test_years_after_up_to_are_a_ceiling_not_a_minimum():
    [exp] = reqs("Experience\nDemonstrated interest and/or experience (up to two years) in budget analysis and "
                 "public finance management.\n", "experience")
    assert exp.years is None


def test_a_year_of_a_degree_completed_is_not_experience():
    found = reqs("Eligibility\nA candidate must be currently enrolled in a master's degree with at least one year "
                 "completed.\n")
    assert [r for r in found if r.kind == "experience"] == []
    assert all(rt.total_years is None for r in found if r.kind == "education" for rt in r.routes)


def test_years_in_a_kind_of_work_are_experience_without_the_word():
    found = reqs("Qualifications\nGraduation from high school or GED and two years in public library work.\n")
    assert [(r.kind, r.level, r.years, r.domain) for r in found] == [
        ("education", "secondary", None, None), ("experience", None, 2.0, "public library work")]


# -- round 4: negations, substitutes, invitations (real phrasings: ICC, IMO, Mercy Corps, WHO) --
def test_a_requirement_the_notice_says_is_not_needed_is_no_requirement():
    assert reqs("Requirements\nPractical experience is not an essential prerequisite for selection.\n") == []
    assert reqs("Requirements\nA driving licence is not required.\n") == []


def test_years_a_degree_stands_in_for_stay_a_record_eligibility_reads_as_a_credit():
    """Kept as an experience record on purpose: `assistant/eligibility._substitution` turns it
    into "a degree counts for 2 years" (see test_understanding's IMO case)."""
    [exp] = reqs("Experience\nA related university degree may be considered as equivalent to two years' "
                 "experience.\n", "experience")
    assert exp.years == 2.0


def test_good_to_have_marks_a_desirable_item():
    [exp] = reqs("Requirements\n- Experience building SaaS solution (good to have)\n", "experience")
    assert exp.necessity == "desirable"


def test_nationals_encouraged_to_apply_is_an_invitation_not_a_nationality_bar():
    [rule] = reqs("Women, persons with disabilities, and nationals of unrepresented and underrepresented "
                  "Member States (https://www.who.int/careers/diversity) are strongly encouraged to apply.\n",
                  "eligibility_rule")
    assert (rule.rule, rule.necessity, rule.preference) == ("under_represented", "desirable", True)
    [bar] = reqs("Candidates must be nationals of one of the Member States of the European Union.\n",
                 "eligibility_rule")
    assert (bar.rule, bar.necessity) == ("member_nationality", "required")


def test_duties_in_the_third_person_and_organisation_boilerplate_are_no_requirements():
    text = ("Competencies\n- Provides strategic leadership on the use of AI in the programme.\n"
            "- Oversees the scientific activities of the team.\n"
            "Requirements\nThe IAEA is committed to applying the highest ethical standards in its work.\n"
            "Applicants should be aware that staff members are international civil servants.\n"
            "Applications to vacancies must be received before midnight on the closing date.\n"
            "Strong drafting skills in English.\n")
    assert [(r.kind, quote(r)) for r in reqs(text)] == [("language", "Strong drafting skills in English.")]


def test_degrees_joined_by_a_bare_or_share_the_years_after_them():
    [edu] = reqs("Education\nBachelor’s or master’s degree with 2 years of experience or equivalent "
                 "combination of education and experience\n", "education")
    assert edu.routes == (Route("bachelor", total_years=2.0), Route("master", total_years=2.0),
                          Route("none", extra_unstated=True))


def test_a_capitalised_or_ending_a_bullet_joins_the_next_route():
    [edu] = reqs("Education\n- A Bachelor’s degree in Business Administration, combined with 7 years of "
                 "relevant experience OR\n- Master’s degree (or equivalent) in any of the above fields with "
                 "5 years of relevant experience is required.\n", "education")
    assert edu.routes == (Route("bachelor", total_years=7.0), Route("master", total_years=5.0))


def test_n_and_up_to_m_years_is_a_minimum_of_n_and_depending_on_the_degree_is_no_education():
    found = reqs("Experience\nA minimum of 5 and up to 7 years of experience (depending on the academic "
                 "degree), with progressively increasing responsibilities.\n")
    assert [(r.kind, r.years) for r in found] == [("experience", 5.0)]


def test_communication_skills_in_a_named_language_are_a_language_requirement():
    [lang] = reqs("Requirements\nStrong drafting and communication skills in English, both orally and in "
                  "writing.\n")
    assert (lang.kind, lang.necessity, lang.languages) == ("language", "required", ("English",))
    assert [r.languages for r in reqs("Requirements\nEvidenced excellent writing, analytical, and "
                                      "communication skills (in English and in French).\n")] == [
        ("English",), ("French",)]


# -- round 4, from the held-out-4 first run (job-board posts) -------------------------
def test_qualities_under_an_experience_heading_are_not_experience():
    found = reqs("Experience\n- Strong aptitude for acquiring new skills relevant to library systems required.\n"
                 "- Excellent oral and written communication skills.\n- Two years of experience managing an ILS.\n")
    assert [(r.kind, r.years) for r in found] == [("other", None), ("other", None), ("experience", 2.0)]


def test_item_required_then_variant_preferred_stays_required():
    [exp] = reqs("Requirements\n- Two or more years’ experience managing an ILS required, Innovative Interfaces "
                 "preferred.\n", "experience")
    assert (exp.necessity, exp.years) == ("required", 2.0)


def test_physical_demands_are_the_medical_kind():
    for line in ("Must be capable of light lifting and shelving activities.",
                 "This position also requires that an employee frequently be able to stand, walk and lift up to "
                 "30 lbs.", "This position requires fine motor skills for the handling of fragile materials."):
        assert [r.kind for r in reqs(f"Requirements\n- {line}\n")] == ["medical"], line


def test_women_encouraged_is_a_preference_and_welcoming_applications_for_a_post_is_none():
    [rule] = reqs("Women and minorities are encouraged to apply.\n", "eligibility_rule")
    assert (rule.rule, rule.necessity) == ("gender", "desirable")
    assert reqs("Purchase College welcomes applications for the position of Director of Library.\n",
                "eligibility_rule") == []


def test_a_degree_named_by_its_subject_and_studies_in_fields_are_education_of_unstated_level():
    [edu] = reqs("Requirements\n- A library school degree or some library school coursework is preferred.\n")
    assert (edu.kind, edu.necessity, edu.uncertain) == ("education", "desirable", ("level",))
    [edu] = reqs("Preferred\n- Studies in Library Science, Math, Computer Science or Data Science.\n")
    assert (edu.kind, edu.uncertain) == ("education", ("level",))


def test_current_students_only_is_a_graduation_window_rule():
    rules = reqs("Requirements\n- Current graduate school student in information science or equivalent degree.\n",
                 "eligibility_rule")
    assert [r.rule for r in rules] == ["graduation_window"]


def test_a_statement_that_asks_for_the_working_language_is_a_requirement_not_information():
    [lang] = reqs("Eligibility\nCandidates must:\n- Be able to communicate well in English as this is the "
                  "working language of the Agency;\n")
    assert (lang.kind, lang.languages) == ("language", ("English",))
    assert reqs("Languages\nEnglish and French are the working languages of the Secretariat.\n") == []


def test_effective_and_outstanding_skills_read_as_qualifications():
    found = reqs("Qualifications\n•Effective written and verbal communication skills\n")
    assert [(r.kind, r.necessity) for r in found] == [("other", "required")]


def test_graduating_between_two_dates_is_a_graduation_window_rule():
    rules = reqs("Eligibility\n- Must be prepared to graduate with the equivalent of a four-year college degree "
                 "between December 2027 and September 2028;\n", "eligibility_rule")
    assert [r.rule for r in rules] == ["graduation_window"]


def test_consecutive_degrees_each_with_their_own_years_are_routes_of_one_requirement():   # IOM layout
    [edu] = reqs("EDUCATION\n- Bachelor’s degree in fields related to ICT from an accredited academic institution "
                 "with two years of relevant experience\n- High school diploma with four (4) years of relevant "
                 "experience.\n", "education")
    assert edu.routes == (Route("bachelor", total_years=2.0), Route("secondary", total_years=4.0))


def test_a_heading_left_as_a_line_is_no_requirement_but_a_short_content_line_is():
    found = reqs("Requirements\nQualifications and Experience\nProfessional experience\nExpérience\n"
                 "Fluent English\nDriving licence\nAdditional work experience desirable.\n")
    assert [(r.kind, r.necessity) for r in found] == [("language", "required"), ("licence", "required"),
                                                      ("experience", "desirable")]


def test_qualifications_issued_or_obtained_somewhere_are_education():   # EU agency layout
    [edu] = reqs("Eligibility criteria\n- Only qualifications issued by EU Member State authorities are "
                 "accepted.\n", "education")
    assert (edu.necessity, edu.uncertain) == ("required", ("level",))


def test_numbered_lead_ins_and_reserve_list_notes_are_no_requirements():   # EU agency layout
    assert reqs("Selection criteria\n6.1 Specific knowledge related to the post:\n") == []
    assert reqs("Requirements\nIt should be noted that inclusion on the reserve lists does not imply any "
                "entitlement of employment.\n") == []


def test_pay_sentences_and_indicators_in_ies_are_no_requirements():   # CERN layout
    assert reqs("Requirements\nA minimum net entry-salary of 9236 Swiss Francs per month, increasing in line "
                "with your years of experience.\n") == []
    assert reqs("Requirements\n- Identifies, defines and assesses problems, takes action to address them.\n"
                "- Understands how individual differences bring added value to the Organization.\n") == []


def test_a_scoped_share_in_months_or_after_with_is_its_own_requirement():
    found = reqs("Qualifications\nA Master's degree in Library Science and at least three to five years experience "
                 "in professional library work, including at least six months of supervisory experience.\n",
                 "experience")
    assert [(r.years, r.scope, r.domain) for r in found] == [(3.0, None, "professional library work"),
                                                             (0.5, "supervisory", None)]
    found = reqs("Qualifications\nMinimum qualifications include: a Bachelor's degree and three years of "
                 "increasingly responsible leadership experience in a public library with two years supervisory "
                 "experience.\n", "experience")
    assert [(r.years, r.scope, r.domain) for r in found] == [(3.0, None, "public library"), (2.0, "supervisory", None)]


def test_years_as_a_manager_of_a_unit_are_supervisory():
    found = reqs("Professional experience\nOut of these 12 years: at least 2 years acquired as a manager of an "
                 "organizational unit composed of a significant number of human resources.\n", "experience")
    assert [(r.years, r.scope) for r in found] == [(12.0, None), (2.0, "supervisory")]


def test_a_bar_in_shared_legal_text_is_read_and_nothing_else_there():
    text = ("Education\nA master's degree.\nReminders before you submit your application\n"
            "No appointment under any kind of contract will be offered to members of the WFP Audit Committee, "
            "both during their service and within three years of ceasing that service.\n"
            "Fluency in English is required.\n")
    notice = parse_notice("t.txt", text)
    found = extract_requirements(notice)
    assert [(r.kind, r.rule) for r in found] == [("education", None), ("eligibility_rule", "general")]


# -- round 5: items of a duties list that ask for something; encouragement naming women --
DUTIES = ("Audio Video Specialist\n\n### Responsibilities\n\nDuties are but not limited to the following:\n\n"
          "* Maintain professional attire and conduct at all times\n\n"
          "* Must have advanced knowledge of Windows and Macintosh Computer platforms\n\n"
          "* Must know Microsoft Office.\n\n"
          "* Provide reference services in-person and online\n\n"
          "* Ability to promote Library collections to the campus community\n\n"
          "* Experience with copyright compliance\n")


def test_a_duties_list_keeps_its_items_apart_and_reads_the_ones_that_ask():
    assert [(r.kind, r.necessity, quote(r)) for r in reqs(DUTIES)] == [
        ("other", "required", "Must have advanced knowledge of Windows and Macintosh Computer platforms"),
        ("other", "required", "Must know Microsoft Office."),
        ("other", "required", "Ability to promote Library collections to the campus community"),
        ("experience", "required", "Experience with copyright compliance")]


def test_an_encouragement_that_names_women_among_others_is_a_preference():
    for sentence in ("We encourage protected veterans, individuals with disabilities, women and minorities to apply.",
                     "We are committed to our diverse community by actively encouraging people with disabilities, "
                     "minorities, veterans, and women to apply."):
        [r] = reqs(f"Officer\n\n### Requirements\n\n{sentence}\n")
        assert (r.kind, r.necessity, r.rule, r.values, r.preference) == (
            "eligibility_rule", "desirable", "gender", ("female",), True)


@pytest.mark.parametrize("sentence, kind, necessity", [
    ("Physical ability to move about the building and to handle the tools of the trade.", "medical", "required"),
    ("The ability to motivate members of the team to achieve the desired results.", "other", "required"),  # no marker
    ("Ability to lift moderately heavy boxes and books", "medical", "required"),
    ("Ability to work for extended periods at a computer workstation", "medical", "required"),
    ("Work is performed under typical library conditions with frequent sitting and standing.", "medical", "required"),
    ("Some travel required.", "travel", "required"),
])
def test_one_requirement_sentence_reads_as(sentence, kind, necessity):
    [r] = reqs(f"Officer\n\n### Requirements\n\n{sentence}\n")
    assert (r.kind, r.necessity) == (kind, necessity)


def test_items_between_semicolons_are_read_one_by_one():
    found = reqs("Librarian\n\n### Qualifications\n\nRequired: ALA-accredited MLS degree, and at least two years’ "
                 "professional experience in an academic library; excellent written and oral communication skills; "
                 "commitment to teamwork with diverse colleagues.\n\nDesired: Second master's degree; experience with "
                 "scripting and programming languages.\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("education", "required", "Required: ALA-accredited MLS degree, and at least two years’ professional "
                                  "experience in an academic library"),
        ("experience", "required", "Required: ALA-accredited MLS degree, and at least two years’ professional "
                                   "experience in an academic library"),
        ("other", "required", "excellent written and oral communication skills"),
        ("other", "required", "commitment to teamwork with diverse colleagues."),
        ("education", "desirable", "Desired: Second master's degree"),
        ("experience", "desirable", "experience with scripting and programming languages.")]
    [edu] = reqs("Education\nAdvanced university degree in economics; a first-level university degree with two "
                 "additional years of qualifying experience may be accepted in lieu of the advanced university degree.\n",
                 "education")
    assert edu.routes == (Route("master"), Route("bachelor", extra_years=2.0))


def test_a_preference_clause_after_a_semicolon_is_desirable_and_a_visa_clause_is_the_permit_rule():
    [lead, pref] = reqs("Director\n\n### Requirements\n\n* Proven leader with deep international experience; "
                        "preference given to those with experience and networks in Asia\n")
    assert (lead.necessity, pref.necessity) == ("required", "desirable")
    rules = reqs("Director\n\n### Requirements\n\nWe can only consider applicants with authorization to work in the "
                 "United States; unfortunately, we cannot provide visa sponsorship.\n", "eligibility_rule")
    assert [r.rule for r in rules] == ["work_permit", "work_permit"]


def test_a_candidates_own_commitment_or_knowledge_is_read_though_it_names_a_policy_word():
    found = reqs("Coordinator\n\n### Qualifications\n\n• Commitment to diversity and inclusion\n\n"
                 "• Knowledge of digital public infrastructure, including digital ID and digital payments.\n\n"
                 "• We value diversity and inclusion in our workforce.\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("other", "Commitment to diversity and inclusion"),
        ("other", "Knowledge of digital public infrastructure, including digital ID and digital payments.")]


def test_a_list_item_naming_a_skill_before_a_colon_is_a_requirement_not_a_lead_in():
    found = reqs("Physicist\n\n### Your skills\n\n• Knowledge and application of particle physics, phenomenology:\n"
                 "• Thorough knowledge of theoretical physics.\n\nCandidates must have:\n")
    assert [quote(r) for r in found] == ["Knowledge and application of particle physics, phenomenology:",
                                         "Thorough knowledge of theoretical physics."]


# -- round 5, fixed from held-out 5's first run ----------------------------------------
def test_an_items_own_closing_marker_beats_its_sections_heading():
    found = reqs("Assistant\n\n### Preferred Qualifications\n\n-Attention to detail essential.\n\n"
                 "-Excellent verbal and written communication skills required.\n\n"
                 "-Strong organizational skills.\n\nA second subject masters is helpful.\n")
    assert [(r.kind, r.necessity) for r in found] == [("other", "required"), ("other", "required"),
                                                       ("other", "desirable"), ("education", "desirable")]


def test_the_ideal_candidates_list_is_desirable():
    found = reqs("Associate\n\n### Qualifications\n\nThe ideal candidate will have:\n\n"
                 "* Excellent interpersonal, verbal, and written communication skills\n\n* A passion for collaboration\n")
    assert [r.necessity for r in found] == ["desirable", "desirable"]


def test_applications_from_women_among_others_are_encouraged_and_a_successful_candidate_will_have():
    [r] = reqs("Librarian\n\n### Requirements\n\nApplications from minorities, women, veterans, and persons with "
               "disabilities are encouraged.\n")
    assert (r.rule, r.necessity) == ("gender", "desirable")
    found = reqs("Director\n\n### Description\n\nThe library seeks a leader. Successful candidates will have "
                 "excellent verbal and written communication skills. The successful candidate will be responsible "
                 "for the budget.\n")
    assert [quote(r) for r in found] == ["Successful candidates will have excellent verbal and written "
                                         "communication skills."]


def test_a_sentence_listing_qualifications_between_commas_is_read_one_at_a_time():
    found = reqs("Librarian\n\n### Qualifications\n\nThe successful candidate will have a MLS from an ALA accredited "
                 "program, superior written and oral communication skills, experience in a supervisory capacity, and "
                 "familiarity with copyright, fair use, and other intellectual property issues.\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("education", "The successful candidate will have a MLS from an ALA accredited program"),
        ("other", "superior written and oral communication skills"),
        ("experience", "experience in a supervisory capacity"),
        ("other", "and familiarity with copyright, fair use, and other intellectual property issues.")]
    [one] = reqs("Officer\n\n### Experience\n\nExperience in budgeting, accounting, and reporting.\n")
    assert quote(one) == "Experience in budgeting, accounting, and reporting."


def test_a_heading_run_into_the_end_of_a_duties_bullet_starts_the_requirements():
    found = reqs("Content Manager\n\n### Responsibilities\n\n•  Review content before publishing\n\n"
                 "•  Conduct error-free data analysis Requirements\n\n•  Strong attention to detail\n\n"
                 "•  An interest in government and politics is a plus\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("other", "required", "Strong attention to detail"),
        ("other", "desirable", "An interest in government and politics is a plus")]


def test_an_employers_profile_inside_a_description_is_not_read_as_requirements():
    found = reqs("Dean\n\n### Description\n\nThe dean leads the libraries.\n\nAcademic Profile\n\n"
                 "• The University Libraries provide access to over 88,000 online journals.\n\n"
                 "• Money magazine honored Adelphi as a Best College.\n\n### Qualifications\n\n"
                 "• University degree in library science.\n")
    assert [quote(r) for r in found] == ["University degree in library science."]


def test_a_sentence_case_heading_naming_a_necessity_sets_its_lists_necessity():
    found = reqs("Manager\n\n### Qualifications\n\nRequired qualifications and skills\n\n"
                 "* Proficiency in project management\n\nPreferred qualifications and skills\n\n"
                 "* Familiarity with Linux operating system\n")
    assert [(quote(r), r.necessity) for r in found] == [("Proficiency in project management", "required"),
                                                         ("Familiarity with Linux operating system", "desirable")]


def test_carrying_out_a_vision_is_no_physical_demand():
    found = reqs("Officer\n\n### Requirements\n\nDemonstrates the ability to carry out the organization's vision.\n")
    assert "medical" not in [r.kind for r in found]


# -- round 6, a desirable part over sub-topic headings -----------------------------------
_DESIRED_PART = ("Dean\n\nThe University seeks a dean.\n\nDesired Qualities and Qualifications\n\n"
                 "The next Dean will meet the requirements for Full Professor, and will provide vision. To best "
                 "serve the University, the ideal candidate will possess many of the following qualities and "
                 "qualifications:\n\n"
                 "Leadership\n\n• Visionary leadership skills with a record of lasting change\n\n"
                 "Experience/Knowledge in the Field\n\n• Experience with accrediting bodies\n\n"
                 "• Ability to develop strategic plans\n\n"
                 "How to Apply\n\nApplicants must submit a cover letter.\n")


def test_sub_topic_headings_under_a_desired_part_keep_its_necessity():
    found = reqs(_DESIRED_PART)
    items = ("Visionary leadership skills", "Experience with accrediting bodies", "Ability to develop strategic plans")
    assert [(item, r.necessity) for item in items for r in found if item in quote(r)] == [
        (item, "desirable") for item in items]


def test_a_bare_desirable_label_does_not_make_the_next_topic_desirable():
    found = reqs("Officer\n\nExperience\n\nEssential: At least 5 years of experience in laboratories.\n\n"
                 "Desirable: Working experience with WHO.\n\nSkills\n\n• Ability to organise and manage a laboratory.\n")
    assert [(r.kind, r.necessity) for r in found] == [("experience", "required"), ("experience", "desirable"),
                                                       ("other", "required")]


def test_a_labelled_line_after_a_desirable_part_is_its_peer_not_its_sub_topic():
    found = reqs("Officer\n\nEssential Requirements\nExperience with donors.\nDesirable Requirements\n"
                 "Has developed effective relationships with partners.\nLanguage: Fluency (level C) in English.\n")
    assert [(r.kind, r.necessity) for r in found][-1] == ("language", "required")


def test_hours_outside_the_week_and_a_background_check_are_conditions_of_the_job():
    found = reqs("Librarian\n\n### Description\n\nThe position may include evening, weekend, and holiday hours.\n\n"
                 "### Requirements\n\n• Occasional night and weekend work required.\n\n"
                 "The selected candidate must successfully clear a background investigation.\n\n"
                 "### Responsibilities\n\n• Provide reference service during evening shifts.\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("other", "The position may include evening, weekend, and holiday hours."),
        ("other", "Occasional night and weekend work required."),
        ("other", "The selected candidate must successfully clear a background investigation.")]


def test_knowledge_with_experience_beside_it_is_experience_but_experience_inside_a_skill_is_not():
    found = reqs("Archivist\n\n### Qualifications\n\n• Knowledge of MARC and DACS standards, and experience with EAD\n\n"
                 "• Knowledge or experience working with the Regional Health Bureau are added advantage.\n\n"
                 "• Strong analysis skills, including experience with analytical tools\n")
    assert [(r.kind, r.necessity) for r in found] == [("experience", "required"), ("experience", "desirable"),
                                                       ("other", "required")]


def test_a_record_of_what_the_candidate_did_is_experience_a_record_of_a_quality_is_not():
    found = reqs("Librarian\n\n### Preferred Qualifications\n\n• Record of participation in professional activities.\n\n"
                 "• Evidence of leadership in the provision of access to scholarly resources;\n\n"
                 "• Evidence of commitment to continuing professional education\n")
    assert [(r.kind, r.necessity) for r in found] == [("experience", "desirable"), ("experience", "desirable"),
                                                       ("other", "desirable")]


def test_years_spent_doing_something_are_experience_without_the_word():
    [r] = reqs("Manager\n\n### Required Qualifications\n\n• A minimum of 2-3 years managing projects from planning "
               "to completion\n")
    assert (r.kind, r.necessity, r.years) == ("experience", "required", 2.0)


# -- round 6, fixed from held-out 7's first run -----------------------------------------
def test_a_language_spoken_is_a_language_requirement():
    found = reqs("Clerk\n\n### Requirements\n\n• English and Spanish speaking required.\n")
    assert sorted((r.kind, r.languages) for r in found) == [("language", ("English",)), ("language", ("Spanish",))]


@pytest.mark.parametrize("item", [
    "The work will involve repetitive, ordered actions and standing for extended periods.",
    "There will be a degree of lifting, bending, reaching, squatting, and potentially climbing ladders.",
    "Lifting of moderate to heavy weight material up to 50 lbs.",
    "Close vision, distance vision and the ability to adjust focus.",
    "Ability to continuously bend, twist, stoop, reach and pull.",
    "Be comfortable with repetitive and physically active labor",
])
def test_physical_demands_are_medical(item):
    assert [r.kind for r in reqs(f"Assistant\n\n### Requirements\n\n• {item}\n")] == ["medical"]


def test_imperative_be_items_a_label_before_a_dash_and_a_preference_for_those_who_have_worked():
    found = reqs("Assistant\n\n### Qualifications\n\n• Be able to understand and follow detailed process instructions\n\n"
                 "• Be punctual, reliable, and able to commit to full time work\n\n"
                 "• Assess - Ability to think quickly and make a sound decision.\n\n"
                 "Preference will be given to candidates who have worked with diverse student populations.\n")
    assert [(r.kind, r.necessity) for r in found] == [("other", "required"), ("other", "required"),
                                                       ("other", "required"), ("experience", "desirable")]


def test_duties_in_an_experience_part_are_not_experience_and_a_travel_headings_items_are_travel():
    found = reqs("Coordinator\n\n### Experience\n\n• Minimum of 5 years of experience in public health.\n\n"
                 "• Monitors project deliverables and reports to supervisors.\n\n### Travel Requirements:\n\n"
                 "* 10% - 25%\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("experience", "Minimum of 5 years of experience in public health."), ("travel", "10% - 25%")]


def test_a_foreign_language_or_languages_other_than_english_is_another_language():
    found = reqs("Librarian\n\n### Preferred\n\n• Familiarity with at least one foreign language\n\n"
                 "• Familiarity with cataloging in languages other than English a plus - but not required\n")
    assert [(r.kind, r.necessity, r.languages) for r in found] == [
        ("language", "desirable", ("another language",)), ("language", "desirable", ("another language",))]


def test_seeking_a_student_or_recent_graduate_and_currently_enrolled_students_are_the_graduation_window():
    found = reqs("Fellow\n\n### Description\n\nThe Library is seeking a library school student or recent graduate "
                 "for a fellowship.\n\n### Requirements\n\n* Currently students enrolled in ALA accredited library "
                 "science graduate programs\n")
    assert [getattr(r, "rule", None) for r in found if r.kind == "eligibility_rule"] == [
        "graduation_window", "graduation_window"]


def test_a_physical_demands_line_heads_its_unbulleted_list():
    found = reqs("Librarian\n\n### Description\n\nPhysical Demands\n \tExtensive Use of Computers\n"
                 " \tExtensive time sitting and standing\n")
    assert [(r.kind, quote(r)) for r in found] == [("medical", "Extensive Use of Computers"),
                                                    ("medical", "Extensive time sitting and standing")]


def test_personal_qualities_in_a_requirements_list_are_other_requirements():
    found = reqs("Assistant\n\n### Preferred skills include:\n\n* Critical thinking\n\n* Organizational skills\n\n"
                 "### Qualifications\n\nStrong service orientation.\n\nThey learn quickly and adapt.\n\n"
                 "* Integrity\n\n* Ongoing Learning\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("other", "desirable", "Critical thinking"), ("other", "desirable", "Organizational skills"),
        ("other", "required", "Strong service orientation."), ("other", "required", "They learn quickly and adapt.")]


def test_a_clause_about_the_candidate_is_a_requirement_under_any_heading():
    found = reqs("Librarian\n\n### Description\n\nReporting to the Head of Research, the candidate must have a strong "
                 "commitment to public service.\n\nThe ideal candidate can perform quick analyses of study data.\n\n"
                 "The candidate will be able to develop research skills during the fellowship.\n\n"
                 "The successful candidate will be responsible for transitioning websites.\n\n"
                 "Before appointment, successful applicants will be required to produce an official document.\n\n"
                 "This position will have the ability to blend services.\n")
    assert [(r.kind, r.necessity, quote(r)[:40]) for r in found] == [
        ("other", "required", "Reporting to the Head of Research, the c"),
        ("other", "desirable", "The ideal candidate can perform quick an")]


def test_labelled_skills_are_requirements_and_a_framework_of_indicators_is_not():
    skills = reqs("Associate\n\n### Skills\n\n* Record management: Know-how in record keeping and archiving.\n\n"
                  "* Problem solving: Strong structured thinking and ability to dissect problems.\n")
    framework = reqs("Associate\n\n### Skills\n\n* Teamwork: Works collaboratively with colleagues.\n\n"
                     "* Courage: Demonstrates willingness to take a stand.\n\n"
                     "Technical Skills\n\n* Knowledge of adult learning pedagogy.\n")
    assert [(r.kind, quote(r)[:20]) for r in skills] == [("other", "Record management: K"), ("other", "Problem solving: Str")]
    assert [(r.kind, quote(r)) for r in framework] == [("other", "Knowledge of adult learning pedagogy.")]


def test_hours_stated_in_a_duties_part_and_we_seek_someone_who_are_requirements():
    found = reqs("Librarian\n\n### Responsibilities\n\n* Staff the reference desk.\n\n"
                 "Reference Librarians share regular evening and weekend hours.\n\n### About Us\n\n"
                 "We are looking for someone who has skills in quality assurance and data entry.\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("other", "Reference Librarians share regular evening and weekend hours."),
        ("other", "We are looking for someone who has skills in quality assurance and data entry.")]


def test_a_preference_inside_a_parenthesis_is_a_desirable_sub_item_of_a_required_one():
    found = reqs("Director\n\n### Qualifications\n\n* Experience with integrated library systems (Koha preferred).\n\n"
                 "* Experience with archival description (preferred).\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("experience", "required", "Experience with integrated library systems (Koha preferred)."),
        ("experience", "desirable", "Koha preferred"),
        ("experience", "desirable", "Experience with archival description (preferred).")]


def test_unpunctuated_lines_that_each_open_with_a_capital_are_items_not_a_wrapped_sentence():
    found = reqs("Associate\n\nJob Requirements\n\n"
                 "Bachelor's Degree with some research work or experience with scholarly publishing\n"
                 "Familiarity with searching various databases such as Web of Science, PubMed, Scopus\n"
                 "Basic knowledge of bibliometrics and of citation analysis tools\n")
    assert [quote(r)[:25] for r in found] == ["Bachelor's Degree with so", "Familiarity with searchin",
                                              "Basic knowledge of biblio"]


def test_studies_under_way_stated_as_enrolment_or_as_the_student_sought_are_the_graduation_window():
    for text in ("Fellow\n\n### Requirements\n\n* Enrollment in a graduate program in graphic design\n",
                 "Fellow\n\n### Requirements\n\n* MLS student in an ALA accredited program with 12 credits\n",
                 "Fellow\n\n### Description\n\nThe Library seeks a graduate student in library science for a "
                 "fellowship.\n"):
        assert [getattr(r, "rule", None) for r in reqs(text) if r.kind == "eligibility_rule"] == ["graduation_window"]


def test_you_must_be_able_to_after_please_note_and_a_must_beside_a_procedure_word_are_requirements():
    found = reqs("Fellow\n\n### Description\n\nPlease note that you must be able to commit to work the entire spring "
                 "semester.\n\n### Responsibilities\n\n* Staff the desk.\n\nThe librarian must be able to conduct "
                 "effective reference interviews.\n\nPlease note that you will need to have the following "
                 "information ready in order to complete your application.\n")
    assert [(r.kind, quote(r)[:30]) for r in found] == [("other", "Please note that you must be a"),
                                                        ("other", "The librarian must be able to ")]


def test_an_experienced_candidate_sought_is_an_experience_requirement_only_when_nothing_else_states_one():
    alone = reqs("Librarian\n\n### Description\n\nThe College is searching for an experienced Librarian for its two "
                 "libraries.\n\n### Requirements\n\n* MLS from an ALA-accredited program.\n")
    beside = reqs("Librarian\n\n### Description\n\nThe College is searching for an experienced Librarian.\n\n"
                  "### Requirements\n\n* Three years of reference experience.\n")
    assert [(r.kind, quote(r)[:28]) for r in alone] == [("education", "MLS from an ALA-accredited p"),
                                                        ("experience", "The College is searching for")]
    assert [(r.kind, quote(r)[:28]) for r in beside] == [("experience", "Three years of reference exp")]


def test_a_semicolon_list_whose_last_item_opens_with_and_is_read_item_by_item():
    found = reqs("Librarian\n\n### Qualifications\n\nMinimum Qualifications: JD and MLS from accredited institutions; "
                 "extensive experience with legal research tools; excellent communication skills; and high level "
                 "understanding of digital information systems.\n")
    assert [(r.kind, quote(r)) for r in found] == [
        ("education", "JD and MLS from accredited institutions"),
        ("experience", "extensive experience with legal research tools"),
        ("other", "excellent communication skills"),
        ("other", "and high level understanding of digital information systems.")]


def test_a_statement_opening_with_ideally_is_desirable():
    found = reqs("Associate\n\n### Qualifications\n\nIdeally, the candidate will have prior journal acquisition "
                 "experience.\n")
    assert [(r.kind, r.necessity) for r in found] == [("experience", "desirable")]


# Round 9 (heldout9's misses): each rule on a literal input taken from a real post.
def test_an_employer_seeking_a_student_or_a_knowledgeable_person_states_a_requirement():   # 909, 814
    found = reqs("### Description\n\nThe Center for Book Arts seeks an individual knowledgeable in printmaking to "
                 "oversee the print holdings.\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("other", "required", "The Center for Book Arts seeks an individual knowledgeable in printmaking to "
                              "oversee the print holdings.")]


def test_an_employer_seeking_a_dynamic_librarian_states_no_requirement():   # 908, 405: character only
    for line in ("The Great Neck Library is seeking a dynamic, innovative librarian to lead our Reference Department.",
                 "The Rutgers University Libraries seek a skilled, service-oriented, and forward thinking Librarian."):
        assert reqs(f"### Description\n\n{line}\n") == [], line


def test_the_ideal_candidate_for_this_role_will_be_is_a_desirable_quality():   # 905
    found = reqs("### Description\n\nThe ideal candidate for this role will be a customer-service oriented "
                 "information professional knowledgeable about biomedical resources.\n")
    assert [(r.kind, r.necessity) for r in found] == [("other", "desirable")]


def test_a_star_glued_to_an_item_is_a_bullet():   # 904
    found = reqs("### Qualifications\n\nRequired\n\n*High level efficiency with MS Word and PowerPoint\n"
                 "*Experience using knowledge management systems or ILS preferred.\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("other", "required", "High level efficiency with MS Word and PowerPoint"),
        ("experience", "desirable", "Experience using knowledge management systems or ILS preferred.")]


def test_a_degree_required_then_another_preferred_states_both():   # 914
    found = reqs("### Qualifications\n\n- B.A. required, work toward an M.L.S. preferred\n")
    assert [(r.kind, r.necessity, quote(r)) for r in found] == [
        ("education", "required", "B.A. required, work toward an M.L.S. preferred"),
        ("education", "desirable", "work toward an M.L.S. preferred")]


def test_a_soft_skill_under_an_experience_heading_is_no_experience():   # 901, 902
    for line in ("Willingness to adapt to new technologies and processes.",
                 "Good attention to detail, excellent oral and written communication skills, flexibility"):
        assert [r.kind for r in reqs(f"### Experience\n\n- {line}\n")] == ["other"], line


def test_modern_languages_are_a_language_requirement():   # 902
    [r] = reqs("### Qualifications\n\n- Reading knowledge of one or more modern European languages (other than "
               "English) preferred\n")
    assert (r.kind, r.necessity) == ("language", "desirable")


def test_languages_of_the_material_in_a_description_are_no_requirement():   # 902
    assert reqs("### Job Summary\n\nThe Society is seeking two catalogers for a project to create catalog records "
                "for items in English and other languages dating from 1601 to 1800.\n", "language") == []


def test_further_education_under_an_education_heading_is_education():   # 901
    [r] = reqs("### Education Required\n\nAdditional technology education preferred.\n")
    assert (r.kind, r.necessity) == ("education", "desirable")


def test_tools_the_job_uses_are_no_requirements():   # 911
    found = reqs("### Preferred Qualifications\n\n- Three years of experience in an academic library\n\n"
                 "Equipment Utilized\n\n- Adobe Acrobat Professional and Reader\n- Microsoft Office applications\n")
    assert [quote(r) for r in found] == ["Three years of experience in an academic library"]


def test_a_sentence_broken_after_a_comma_is_one_statement():   # 910
    [r] = reqs("### Description\n\nThe successful candidate will possess strong service orientation, professionalism,"
               "\nlibrary-instruction experience, and excellent communication skills.\n")
    assert quote(r) == ("The successful candidate will possess strong service orientation, professionalism, "
                        "library-instruction experience, and excellent communication skills.")


def test_evening_and_weekend_alternate_hours_are_a_condition():   # 912
    [r] = reqs("### Details\n\nSome evening and weekend/alternate hours required.\n")
    assert (r.kind, r.necessity) == ("other", "required")


# Round 9, from heldout10's first run (fixed after it; both figures in RESULTS.md).
def test_duties_under_an_essential_functions_sub_heading_are_no_requirements():   # a12
    found = reqs("### Responsibilities\n\nEssential Functions\n\n- Prioritize processing of the core collection\n"
                 "- Schedule, assign tasks, and prioritize workloads.\n")
    assert found == []


def test_a_degree_should_be_from_an_accredited_school_is_education():   # a12
    [r] = reqs("### Qualifications\n\nDegree should be from ALA-accredited institution of higher education.\n")
    assert (r.kind, r.necessity) == ("education", "required")


def test_an_ability_to_conduct_interviews_is_a_skill_not_the_procedure():   # a10
    [r] = reqs("### Qualifications\n\nRequired Skills\n\nAbility to structure and conduct interviews to gather "
               "requirements.\n")
    assert (r.kind, r.necessity) == ("other", "required")


def test_a_quality_said_to_be_essential_in_a_summary_is_a_requirement():   # a11
    found = reqs("### Position Summary\n\nThe desire and ability to perform and focus on a variety of different "
                 "kinds of tasks each day is essential.\n\nStrategic communications are essential to sustaining "
                 "this work.\n")
    assert [(r.kind, r.necessity, quote(r)[:30]) for r in found] == [("other", "required", "The desire and ability to perf")]


def test_a_willingness_item_under_skills_is_read():   # a01
    found = reqs("### Skills\n\nAttention to detail and accuracy. Willingness to adapt to new technologies and "
                 "processes.\n")
    assert [quote(r) for r in found] == ["Attention to detail and accuracy.",
                                         "Willingness to adapt to new technologies and processes."]


def test_an_equal_opportunity_abbreviation_line_is_no_requirement():   # a05, a10
    assert reqs("### Qualifications\n\nPreferred\n\n- EOE/AA/Minorities/Females/Vet/Disabled/Sexual Orientation/"
                "Gender Identity\n") == []
