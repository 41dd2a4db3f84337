"""Reading notices of many layouts sentence by sentence: inline necessity, one-section
notices, table rows, who-may-apply rules from the registry, facts, uncertain readings,
and the understanding scorer. Inputs are short literal excerpts of real dev-corpus
notices (tuning split) or of the shapes they share."""

from __future__ import annotations

import pytest

from conftest import limits, parsed
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.eligibility import check_eligibility
from assistant.records import Profile
from assistant.route import route
from evals.understanding.score import meta_matches, score_notice
from index import vocab
from index.build import parse_notice
from index.facts import read_facts
from index.load import form_state_text, load_bytes, wrapper_fields
from index.requirements import _DUTY_START, extract_requirements


def reqs(text: str) -> list[tuple]:
    notice = parse_notice("t.txt", text)
    return [(r.kind, r.necessity, " ".join(r.text.split())) for r in extract_requirements(notice)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(k, n) for k, n, _ in reqs(text)]


# -- necessity from the sentence itself -------------------------------------------------
def test_each_language_takes_the_necessity_of_its_own_clause():
    text = ("Languages\n\nFluency in English is essential and a good working knowledge of one of the other "
            "official languages (Arabic, Chinese, French, Russian, and Spanish) is desirable.\n")
    notice = parse_notice("t.txt", text)
    found = [(r.languages, r.necessity) for r in extract_requirements(notice) if r.kind == "language"]
    assert found[0] == (("English",), "required")
    assert {n for _, n in found[1:]} == {"desirable"}


def test_inline_necessity_labels_win_over_the_heading_guess():
    # WHO-style paragraphs with inline labels, under a heading the splitter reads as "Competencies"
    text = ("Competencies\n\nEducation Essential : Advanced university degree in public health "
            "Desirable : PhD in epidemiology\nLanguage Skills Essential : Excellent knowledge of English "
            "Desirable : Working knowledge of French\n")
    notice = parse_notice("t.txt", text)
    assert [(r.kind, r.necessity, r.level or r.languages) for r in extract_requirements(notice)] == [
        ("education", "required", "master"), ("education", "desirable", "doctorate"),
        ("language", "required", ("English",)), ("language", "desirable", ("French",))]


def test_a_trailing_preference_clause_is_a_desirable_requirement():
    text = ("Requirements\n\n• At least 7 years of experience in monitoring and evaluation, "
            "ideally in a nonprofit context.\n")
    assert reqs(text) == [
        ("experience", "required", "At least 7 years of experience in monitoring and evaluation, "
                                   "ideally in a nonprofit context."),
        ("experience", "desirable", "ideally in a nonprofit context"),
    ]


def test_a_one_section_notice_is_read_sentence_by_sentence():
    # an EU agency page whose whole text sits under one "Description" heading
    text = ("Description\n\nThe Unit manages the budget of the Agency. University degree in finance, "
            "accounting or economics. Proven ability to lead, motivate and develop teams. "
            "We offer a hybrid workplace.\n")
    assert kinds(text) == [("education", "required"), ("other", "required")]


def test_duties_and_competency_indicators_are_not_requirements():
    text = ("Responsibilities\n\n• Prepare the budget and monitor its implementation.\n"
            "• Ability to make quick decisions is shown daily.\n\nCompetencies\n\n"
            "Professionalism: Ability to apply knowledge of accounting.\n")
    assert kinds(text) == []


def test_table_rows_of_languages_are_read_not_taken_for_headings():
    text = ("Language Requirements\n\nLanguage | Proficiency Level | Requirement\n"
            "French | Fluent | Required\nSpanish | Fluent | Desirable\n")
    notice = parse_notice("t.txt", text)
    assert [(r.languages, r.proficiency, r.necessity) for r in extract_requirements(notice)] == [
        (("French",), "fluent", "required"), (("Spanish",), "fluent", "desirable")]


def test_french_language_requirements():
    text = "Langues\n\nExcellente maîtrise du français ; une bonne connaissance de l'anglais serait un atout.\n"
    notice = parse_notice("t.txt", text)
    assert [(r.languages, r.necessity) for r in extract_requirements(notice)] == [
        (("French",), "required"), (("English",), "desirable")]


# -- who may apply: registry rules ------------------------------------------------------
@pytest.mark.parametrize("sentence, rule, necessity", [
    ("be a national of one of the Member States of the European Union;", "member_nationality", "required"),
    ("enjoy full rights as a citizen;", "citizen_rights", "required"),
    ("have fulfilled any obligations imposed by the laws concerning military service;",
     "military_service", "required"),
    ("be at least 21 years at the time of the internship (and no older than 30 years old).", "age", "required"),
    ("This position is open for secondment only.", "secondment_only", "required"),
    ("Applicants must have less than three years of relevant full-time professional experience.",
     "experience_cap", "required"),
    ("We also encourage applicants with disabilities.", "encouraged", "desirable"),
    ("Applicants for National positions must be legally authorized to live and work in Italy.",
     "work_permit", "required"),
    ("Enjoy the full rights as a citizen;", "citizen_rights", "required"),
    ("Local status requires applicants to have unhindered permission to live and work in the UK.",
     "work_permit", "required"),
    ("Be below the age at which staff of the EU is automatically retired.", "age_of_separation", "required"),
    ("If you have previously held a Staff contract at CERN, you will not be eligible for these positions.",
     "former_staff", "required"),
    ("Must not have a concurrent employment contract or internship.", "no_concurrent_contract", "required"),
    ("WHO has a smoke-free environment and does not recruit smokers or users of any form of tobacco.",
     "non_smoker", "required"),
    ("Applicants for promotion and for lateral transfer must have served at their position for at least one year.",
     "time_in_post", "required"),
])
def test_who_may_apply_rules(sentence, rule, necessity):
    notice = parse_notice("t.txt", f"Eligibility\n\n{sentence}\n")
    found = [(r.rule, r.necessity) for r in extract_requirements(notice) if r.kind == "eligibility_rule"]
    assert found == [(rule, necessity)]


# -- facts a job seeker asks about --------------------------------------------------------
@pytest.mark.parametrize("text, name, quote", [
    ("### Number of positions: 3\n\nThe post is based in Mansa.\n", "posts", "Number of positions: 3"),
    ("Contract Type | Regular\nPurpose of Job\nAdvise clients.\n", "contract", "Contract Type | Regular"),
    ("Total Estimated monthly remuneration: USD 12,685\n", "salary", "Total Estimated monthly remuneration: USD 12,685"),
    ("Header\n\nThe Principal will report to the Head of Sector.\n", "reporting",
     "The Principal will report to the Head of Sector."),
    ("Notes\n\nPlease submit your application via the e-recruitment platform.\n", "how_to_apply",
     "Please submit your application via the e-recruitment platform."),
    ("Notes\n\nIf you have previously held a Staff contract, you will not be eligible for these positions.\n",
     "who_may_apply", "If you have previously held a Staff contract, you will not be eligible for these positions."),
    ("Notes\n\nAll candidates must complete an online application form.\n", "how_to_apply",
     "All candidates must complete an online application form."),
    ("Contract\n\nTwo years + extension subject to satisfactory performance\n", "duration",
     "Two years + extension subject to satisfactory performance"),
    ("Food Technologist (Starting October 2026)\n\nDuties\n", "start_date", "Food Technologist (Starting October 2026)"),
    ("Notes\n\nThe program will hire up to 17 interns across its teams.\n", "posts",
     "The program will hire up to 17 interns across its teams."),
    ("Position Status: Full-time, Regular, Exempt\n", "contract", "Position Status: Full-time, Regular, Exempt"),
    ("Supervisión\n\nEl Oficial de Proyecto reportará al Director de la oficina.\n", "reporting",
     "El Oficial de Proyecto reportará al Director de la oficina."),
    # job-board layouts: a label line and its URL, plural "applications", rank and hours
    ("Duties\n\nCatalogue books.\n\nTo Apply\nhttps://jobs.example.edu/postings/51\n", "how_to_apply",
     "To Apply\nhttps://jobs.example.edu/postings/51"),
    ("Notes\n\nApplications will only be accepted through online submission.\n", "how_to_apply",
     "Applications will only be accepted through online submission."),
    ("Notes\n\nPlease follow the link https://jobs.example.edu/postings/51\n", "how_to_apply",
     "Please follow the link https://jobs.example.edu/postings/51"),
    ("Details\n\nPart Time position, 19 hours/week.\n", "contract", "Part Time position, 19 hours/week."),
    ("Details\n\nThis is a tenure track position.\n", "contract", "This is a tenure track position."),
    ("Header\n\nThe position reports within the Research Services department.\n", "reporting",
     "The position reports within the Research Services department."),
    ("Notes\n\nInternal and external search to occur simultaneously.\n", "who_may_apply",
     "Internal and external search to occur simultaneously."),
    ("Duties\n\nShoot events.\n\nTo Apply\njobs@downstate.example.edu\n", "how_to_apply",
     "To Apply\njobs@downstate.example.edu"),
    ("Notes\n\nSend letter of application and resume to the Dean.\n", "how_to_apply",
     "Send letter of application and resume to the Dean."),
    ("Duties\n\nComplete assignments as directed by the Audiovisual Manager.\n", "reporting",
     "Complete assignments as directed by the Audiovisual Manager."),
    ("Notes\n\nTHIS IS A TEMPORARY POSITION FROM DATE OF HIRE TO February 28, 2019.\n", "duration",
     "THIS IS A TEMPORARY POSITION FROM DATE OF HIRE TO February 28, 2019."),
    ("Notes\n\nAppointment: Full time faculty appointment to start Summer 2018\n", "start_date",
     "Appointment: Full time faculty appointment to start Summer 2018"),
    ("Notes\n\nThe Society is seeking 2 Oral History Interns for the fall.\n", "posts",
     "The Society is seeking 2 Oral History Interns for the fall."),
    ("Notes\n\nVISA sponsorship is not available for this position.\n", "who_may_apply",
     "VISA sponsorship is not available for this position."),
    ("Notes\n\nThis position is anticipated to begin in the Summer of 2020.\n", "start_date",
     "This position is anticipated to begin in the Summer of 2020."),
    ("Notes\n\nAble to begin work between February 18th and February 25th\n", "start_date",
     "Able to begin work between February 18th and February 25th"),
    ("Notes\n\nPaid WNYC Archives Internship Fall 2017\n", "start_date", "Paid WNYC Archives Internship Fall 2017"),
    ("Notes\n\nWorking as an independent contractor\n", "contract", "Working as an independent contractor"),
    ("Notes\n\nThis is a 35-hour week position.\n", "contract", "This is a 35-hour week position."),
    ("Notes\n\nThis temporary part-time position is offered for 21 hours per week until June 30.\n", "duration",
     "This temporary part-time position is offered for 21 hours per week until June 30."),
    ("Notes\n\nPeriod: July-August 2016\n", "duration", "Period: July-August 2016"),
    ("Notes\n\nThis position will be full time from approximately May 21, 2018 to June 25, 2018.\n", "duration",
     "This position will be full time from approximately May 21, 2018 to June 25, 2018."),
    ("Notes\n\nThere are two positions available from approximately May 21, 2018 to June 25, 2018.\n", "start_date",
     "There are two positions available from approximately May 21, 2018 to June 25, 2018."),
    ("Notes\n\nThe fellowship will run from January -April 2020.\n", "start_date",
     "The fellowship will run from January -April 2020."),
    ("Notes\n\nStarts On: July 5, 2016\n", "start_date", "Starts On: July 5, 2016"),
    ("Notes\n\nWe seek an adjunct librarian for part-time evening hours for Fall 2018.\n", "duration",
     "We seek an adjunct librarian for part-time evening hours for Fall 2018."),
    ("Notes\n\nAppointments are for two years and begin in September 2020.\n", "duration",
     "Appointments are for two years and begin in September 2020."),
    ("Notes\n\nAppointments are for two years and begin in September 2020.\n", "start_date",
     "Appointments are for two years and begin in September 2020."),
    ("Notes\n\nYou must be able to work the entire spring semester, January 27 to May 22.\n", "start_date",
     "You must be able to work the entire spring semester, January 27 to May 22."),
    ("Notes\n\nFellows are appointed as Assistant Curator and receive a salary.\n", "contract",
     "Fellows are appointed as Assistant Curator and receive a salary."),
    ("Notes\n\nThe Library is seeking one, possibly two, MLS students to hire as fellows.\n", "posts",
     "The Library is seeking one, possibly two, MLS students to hire as fellows."),
    ("Notes\n\nTo apply: academicjobs.columbia.edu/applicants/Central?quickFind=65667\n", "how_to_apply",
     "To apply: academicjobs.columbia.edu/applicants/Central?quickFind=65667"),
])
def test_facts_with_their_spans(text, name, quote):
    notice = parse_notice("t.txt", text)
    spans = [notice.text[f.start:f.end] for f in read_facts(notice) if f.name == name]
    assert quote in spans


# -- uncertain readings are flagged, and eligibility says "?" -----------------------------
def test_a_degree_without_a_level_is_flagged_and_not_ticked():
    notice = parse_notice("t.txt", "Requirements\n\n• Degree in environmental sciences or a related field.\n")
    (edu,) = extract_requirements(notice)
    assert (edu.kind, edu.level, edu.uncertain) == ("education", None, ("level",))
    verdict = check_eligibility(notice, [edu], Profile(degree_level="master"))
    assert [c.status for c in verdict.checks] == ["unknown"]


def test_the_card_marks_an_uncertain_reading():
    from ui.card import reading

    notice = parse_notice("t.txt", "Requirements\n\n• Degree in environmental sciences or a related field.\n")
    (edu,) = extract_requirements(notice)
    assert reading(edu) == ("Degree in environmental sciences or a related field (the notice does not state the "
                            "degree level exactly)")


def test_vague_years_are_flagged_and_not_ticked():
    notice = parse_notice("t.txt", "Experience\n\nSeveral years of experience in public finance are required.\n")
    (exp,) = extract_requirements(notice)
    assert exp.uncertain == ("years",)
    verdict = check_eligibility(notice, [exp], Profile(years_experience=10))
    assert [c.status for c in verdict.checks] == ["unknown"]


# -- the registries are the one place -------------------------------------------------------
@pytest.mark.parametrize("language", ["Swahili", "Tigrinya", "Portuguese", "Khmer"])
def test_every_language_of_the_vocabulary_is_a_question_topic(language):
    assert language in vocab.LANGUAGES
    assert route(f"Is {language} required?").topics == ("language",)


@pytest.mark.parametrize("question, topics", [
    ("How much does the post pay?", ("salary",)), ("How much would I earn?", ("salary",)),
    ("And how much experience do I need?", ("experience",)),
])
def test_paraphrased_questions_route_by_registry_cues(question, topics):
    assert route(question).topics == topics


def test_facts_a_sentence_states():
    text = ("Details\n\nThe appointment is offered for 6 months (1 March 2026 – 31 August 2026). "
            "The post offers an annual base salary starting at USD 58,000 plus post adjustment.\n")
    notice = parse_notice("t.txt", text)
    names = {f.name for f in read_facts(notice)}
    assert {"duration", "salary", "contract"} <= names


def test_substitution_phrased_with_combined_with_is_one_education_route():
    text = ("Education\n\nAn advanced university degree in economics is required. A first-level university "
            "degree combined with two additional years of qualifying experience may be accepted in lieu of "
            "the advanced university degree.\n")
    notice = parse_notice("t.txt", text)
    (edu,) = [r for r in extract_requirements(notice) if r.kind == "education"]
    assert [(rt.level, rt.extra_years) for rt in edu.routes] == [("master", 0.0), ("bachelor", 2.0)]


# -- loading pages whose text is not in the markup --------------------------------------------
def test_wrapper_fields_of_a_leading_comment_come_after_the_notice():
    page = ("<!-- Workday jobPostingInfo:\ntitle: Intern\njobReqId: JR103985\nendDate: 2027-01-01\n-->"
            "<p>Application Deadline: 31-12-2026</p><p>" + "The WTO offers internships. " * 10 + "</p>")
    text = load_bytes("p.html", page.encode(), limits()).text
    assert text.endswith("title: Intern\njobReqId: JR103985\nendDate: 2027-01-01")
    assert wrapper_fields("<!-- a note: not fields -->") == ""


def test_a_taleo_form_state_is_decoded():
    value = ("ftlx0!|!Molecular Biologist!|!Molecular Biologist!|!2603964!|!P3!|!true!|!!*!%3Cp%3EThe "
             "programme supports Member States.%3C/p%3E" + "!|!x" * 200)
    page = f'<input type="hidden" name="initialHistory" value="{value}">'
    assert form_state_text(page).splitlines()[:4] == [
        "Molecular Biologist", "2603964", "P3", "The programme supports Member States."]


# -- the scorer -------------------------------------------------------------------------------
def test_scorer_counts_kind_necessity_overlaps_and_absent_fields():
    text = "Posting Title: Clerk\n\nEducation\n\nA bachelor's degree is required.\n"
    notice = parse_notice("t.txt", text)
    gold = {"source": "t.txt", "metadata": {"title": ["Clerk"], "organisation": None, "grade": ["G-4"],
                                            "duty_station": None, "closing_date": None, "job_number": None},
            "facts": {}, "requirements": [{"kind": "education", "necessity": "required",
                                           "quote": "A bachelor's degree is required."}]}
    t = score_notice(gold, notice, extract_requirements(notice), [])
    assert (t.meta_right, t.meta_total, t.recalled, t.gold_reqs, t.precise, t.parsed_reqs, t.absent) == \
        (5, 6, 1, 1, 1, 1, 1)   # the grade is stated in the gold but absent from the parse


@pytest.mark.parametrize("field, gold, value, ok", [
    ("grade", ["GS 3", "GS3"], "G-3", True), ("grade", ["P-4"], "P-3", False),
    ("job_number", ["req37705", "37705"], "req37705", True), ("title", ["Intern"], None, False),
    ("organisation", ["OSCE", "OSCE Secretariat"], "OSCE Secretariat, Vienna", True),
])
def test_metadata_matching(field, gold, value, ok):
    assert meta_matches(field, gold, value) is ok


# -- properties ---------------------------------------------------------------------------------
@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_error_and_every_span_is_inside(text):
    notice = parse_notice("p.txt", text)
    for f in read_facts(notice):
        assert 0 <= f.start < f.end <= len(notice.text)
    for _, start, end in notice.meta.spans:
        assert 0 <= start <= end <= len(notice.text)


def test_no_sentence_of_a_duties_part_is_a_requirement_without_a_necessity_word():
    from conftest import CORPUS, SEED_FILES
    from index.load import load

    marker = vocab.required_pattern()
    for path in SEED_FILES + sorted(p for p in CORPUS.iterdir() if p.suffix != ".tsv"):
        notice = parsed(path)
        duties = [s for s in notice.sections if s.kind == "responsibilities"]
        for r in extract_requirements(notice):
            in_duties = any(s.start <= r.start < s.end for s in duties)
            if in_duties and _DUTY_START.match(" ".join(r.text.split())):
                assert marker.search(r.text) or vocab.desirable_pattern().search(r.text), (path.name, r.text)


def test_a_list_of_the_languages_a_union_has_is_information_not_a_requirement():  # EU agencies
    text = "Languages\n\n4 The languages of the EU are: Bulgarian, Croatian, Czech, Danish, Dutch, English.\n"
    assert kinds(text) == []


def test_no_minimum_requirement_is_no_requirement():
    text = "Experience\n\nThere is no minimum professional experience requirement for this profile.\n"
    assert kinds(text) == []


def test_items_the_notice_will_consider_as_assets_are_desirable():
    text = ("Qualifications\n\nThe following will be considered as assets:\n"
            "• Practical experience in conducting experimental studies.\n")
    assert kinds(text) == [("experience", "desirable")]


def test_preference_for_candidates_with_experience_is_a_desirable_experience():
    text = ("Qualifications\n\nPreference will be given to candidates having experience in "
            "regulatory toxicology.\n")
    assert kinds(text) == [("experience", "desirable")]


def test_a_skills_part_lists_requirements():  # IOM, WHO, FHI 360 notices
    text = ("SKILLS\n\n• Ability to liaise effectively with internal stakeholders.\n"
            "• Good task prioritization and organizational skills.\n")
    assert kinds(text) == [("other", "required"), ("other", "required")]


@pytest.mark.parametrize("sentence, values", [
    ("Este anuncio está dirigido al público con nacionalidad o residencia en México.", ("nationality or residence",)),
    ("Location: Remote, must be based in the United States", ("country",)),
])
def test_a_country_to_be_based_in_is_a_residence_rule(sentence, values):
    notice = parse_notice("t.txt", f"Eligibility\n\n{sentence}\n")
    assert [(r.rule, r.values) for r in extract_requirements(notice) if r.kind == "eligibility_rule"] == [
        ("residence", values)]


@pytest.mark.parametrize("text, found", [
    ("The Position\n\nWe build tools for mentors. This role requires deep experience with backend "
     "server applications and data pipelines.\n", [("experience", "required")]),
    ("The Position\n\nWe build tools for mentors. The ideal candidate brings deep experience in "
     "serving online communities on web and mobile.\n", [("experience", "desirable")]),
    ("Description\n\nIn this call, we are especially interested in experts who have experience in "
     "assessing hazards of chemicals.\n", [("experience", "desirable")]),
    ("The Position\n\nWe build tools for mentors. The team requires nothing of you today.\n", []),
])
def test_a_setting_part_states_a_requirement_in_its_own_words(text, found):
    assert kinds(text) == found


def test_a_note_on_starred_items_makes_the_others_desirable():   # UNHCR "Functional Skills"
    text = ("Functional Skills\n\nIT-Web Content Management\nCO-Drafting and Documentation*\n"
            "ER-Inter-Agency External Relations\n(Functional Skills marked with an asterisk* are essential)\n")
    assert kinds(text) == [("other", "desirable"), ("other", "required"), ("other", "desirable")]


@pytest.mark.parametrize("text, found", [
    ("Languages\n\nFluency in English is required. Fluency in a second language is a plus.\n",
     [("English",), ("another language",)]),
    ("Languages\n\nProficiency in other languages may be an advantage.\n", [("another language",)]),
    ("Languages\n\nProficiency in English; additional languages may be required depending on the role. "
     "Fluency in a second language is a plus.\n", [("English",), ("another language",)]),
    ("Languages\n\nFluency in English and French. A third UN language is an important asset.\n",
     [("English",), ("French",), ("Arabic", "Chinese", "Russian", "Spanish")]),
])
def test_languages_the_notice_does_not_name(text, found):
    reqs = [r for r in extract_requirements(parse_notice("t.txt", text)) if r.kind == "language"]
    assert [r.languages for r in reqs] == found
    assert reqs[-1].necessity == "desirable"


@pytest.mark.parametrize("sentence, necessity", [
    ("Preference for a degree in business, economics or engineering.", "desirable"),
    ("Relevant qualification or training would be an advantage.", "desirable"),
    ("Further education in the fields of Social Work or Psychology would be an asset.", "desirable"),
    ("Academic background in one or more fields relevant to green growth sectors.", "required"),
    ("Minimum one year of college.", "required"),
])
def test_education_stated_without_a_level(sentence, necessity):
    assert kinds("Qualifications\n\n" + sentence + "\n") == [("education", necessity)]


@pytest.mark.parametrize("sentence", ["Travel Requirements: 10% - 25%",
                                      "Dakar, Senegal with travel within Western and Central Africa",
                                      "Up to 30% travel."])
def test_travel_stated_as_a_share_or_an_area(sentence):
    assert kinds("Qualifications\n\n" + sentence + "\n") == [("travel", "required")]


def test_a_front_matter_excerpt_is_no_requirement():   # job boards repeat the body in `excerpt:`
    text = ('---\ntitle: "Archivist - Example University"\nexcerpt: "Required Qualifications. '
            'Knowledge of archival standards..."\n---\n\n### Qualifications\n\n'
            '* Knowledge of archival standards and finding aids.\n')
    reqs = extract_requirements(parse_notice("t.md", text))
    assert [r.text for r in reqs] == ["Knowledge of archival standards and finding aids."]


@pytest.mark.parametrize("text, found", [
    ("Notes\n\nVISA sponsorship is not available for this position.\n", [("eligibility_rule", "required")]),
    ("Qualifications\n\nPrevious experience with web analytics is recommended.\n", [("experience", "desirable")]),
    ("Duties\n\nShoot and edit events.\nMust have advanced knowledge of Windows and Macintosh platforms.\n",
     [("other", "required")]),
    ("Qualifications\n\n\uf0b7 Bilingual abilities are a plus.\n", [("language", "desirable")]),
])
def test_job_board_phrasings(text, found):
    assert kinds(text) == found


def test_a_degree_counted_as_years_lets_a_degree_holder_with_fewer_years_in():   # IMO roster layout
    notice = parse_notice("imo.txt", "Experience\nAt least five years' relevant experience in administrative "
                          "support functions is required. A related university degree may be considered as "
                          "equivalent to two years' experience. Candidates holding a related university degree "
                          "should therefore normally have at least three years' relevant professional "
                          "experience.\nEducation\nSecondary education or equivalent to university entrance "
                          "standard.\n")
    found = extract_requirements(notice)
    holder = Profile(degree_level="bachelor", years_experience=3, experience_domain="administrative support")
    assert check_eligibility(notice, found, holder).verdict == "eligible"
    school = Profile(degree_level="secondary", years_experience=4, experience_domain="administrative support")
    assert check_eligibility(notice, found, school).verdict == "not_eligible"
