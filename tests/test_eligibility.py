"""The rule engine on literal requirements: statuses, arithmetic and verdicts."""

from assistant.eligibility import check_eligibility
from assistant.records import Profile
from index.records import Notice, Requirement, Route, Section

TEXT = "x" * 400
NOTICE = Notice("n1", "n1.txt", TEXT, (Section("Body", 0, 400, "body"),))


def req(kind, necessity="required", start=0, **fields):
    return Requirement("n1", kind, necessity, start, start + 10, TEXT[start:start + 10], **fields)


# a master's and 5 years, or a bachelor's with two additional years in lieu (UN Inspira)
IN_LIEU = [
    req("education", level="master", routes=(Route("master"), Route("bachelor", extra_years=2))),
    req("experience", start=20, years=5.0, domain="security management"),
]


def statuses(verdict):
    return [(c.criterion.split(":")[0], c.status) for c in verdict.checks]


def test_bachelor_needs_base_plus_two_years():
    v = check_eligibility(NOTICE, IN_LIEU, Profile(degree_level="bachelor", years_experience=6))
    assert statuses(v) == [("Education", "met"), ("Experience", "not_met")]
    assert v.checks[1].explanation == "You have 6 years; 7 are required with your degree."
    assert v.verdict == "not_eligible"
    v = check_eligibility(NOTICE, IN_LIEU, Profile(degree_level="bachelor", years_experience=7))
    assert v.verdict == "eligible"
    assert v.checks[0].explanation == ("Your bachelor's is accepted by another route: a bachelor's with "
                                       "2 more years of experience.")


def test_master_needs_only_the_base_years():
    v = check_eligibility(NOTICE, IN_LIEU, Profile(degree_level="master", years_experience=5))
    assert v.verdict == "eligible"
    assert v.checks[1].explanation == ("You have 5 years; 5 are required with your degree. You did not say in "
                                       "what field; I counted them as experience in security management.")


def test_unknown_degree_decides_only_at_the_extremes():
    assert check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=8)).checks[1].status == "met"
    assert check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=4)).checks[1].status == "not_met"
    v = check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=6))
    assert v.checks[1].status == "unknown" and v.verdict == "insufficient_info"
    assert v.missing == ("Education: a master's, or a bachelor's with 2 more years of experience",
                         "Experience: at least 5 years of experience with a master's degree, or 7 with a "
                         "bachelor's, in security management")


def test_degree_below_every_route_fails():
    v = check_eligibility(NOTICE, IN_LIEU, Profile(degree_level="secondary", years_experience=20))
    assert statuses(v)[0] == ("Education", "not_met") and v.verdict == "not_eligible"


def test_per_degree_minimums_are_read_for_the_users_degree():
    reqs = [req("experience", years=5.0, years_by_level=(("master", 5.0), ("bachelor", 7.0)))]
    assert check_eligibility(NOTICE, reqs, Profile(degree_level="bachelor", years_experience=6)).verdict == "not_eligible"
    assert check_eligibility(NOTICE, reqs, Profile(degree_level="doctorate", years_experience=5)).verdict == "eligible"


def test_routes_with_their_own_totals():
    reqs = [req("education", level="master",
                routes=(Route("master", total_years=7), Route("bachelor", total_years=9)))]
    v = check_eligibility(NOTICE, reqs, Profile(degree_level="bachelor", years_experience=8))
    assert statuses(v) == [("Education", "met"), ("Experience", "not_met")]
    assert check_eligibility(NOTICE, reqs, Profile(degree_level="master", years_experience=8)).verdict == "eligible"


def test_scoped_experience_languages_certification_licence():
    reqs = [req("experience", scope="international", years=2.0),
            req("language", languages=("French", "Spanish"), proficiency="working knowledge"),
            req("certification", names=("SCP",)), req("licence")]
    p = Profile(years_by_scope=(("international", 3.0),), languages=(("Spanish", "fluent"),),
                certifications=("SCP",), driving_licence=True)
    assert check_eligibility(NOTICE, reqs, p).verdict == "eligible"
    p = Profile(years_by_scope=(("international", 1.0),), languages=(("English", "fluent"),),
                languages_listed=True, certifications_lacking=("SCP",), driving_licence=False)
    assert [c.status for c in check_eligibility(NOTICE, reqs, p).checks] == ["not_met"] * 4
    unsaid = check_eligibility(NOTICE, [req("experience", scope="international", years=2.0, domain="peacekeeping")],
                               Profile(years_experience=6.0)).checks[0]
    assert (unsaid.status, unsaid.explanation) == ("unknown", "You did not say how many years of international "
                                                              "experience you have.")


def test_unspecified_language_level_meets_working_knowledge_only():
    working = [req("language", languages=("French",), proficiency="working knowledge")]
    fluent = [req("language", languages=("French",), proficiency="fluent")]
    p = Profile(languages=(("French", "unspecified"),))
    assert check_eligibility(NOTICE, working, p).checks[0].status == "met"
    assert check_eligibility(NOTICE, fluent, p).checks[0].status == "unknown"


def test_bars_on_who_may_apply():
    roster = [req("eligibility_rule", rule="roster_only")]
    assert check_eligibility(NOTICE, roster, Profile(on_roster=False)).verdict == "not_eligible"
    assert check_eligibility(NOTICE, roster, Profile(on_roster=True)).verdict == "eligible"
    assert check_eligibility(NOTICE, roster, Profile()).verdict == "insufficient_info"
    nationals = [req("eligibility_rule", rule="nationality", values=("Sri Lankan",))]
    assert check_eligibility(NOTICE, nationals, Profile(nationality="Sri Lanka")).verdict == "eligible"
    assert check_eligibility(NOTICE, nationals, Profile(nationality="India")).verdict == "not_eligible"


def test_desirable_items_and_preferences_never_decide():
    reqs = [req("certification", "desirable", names=("SAPP",)),
            req("eligibility_rule", "desirable", rule="first_tier", preference=True),
            req("travel")]
    v = check_eligibility(NOTICE, reqs, Profile(degree_level="master"))
    assert [c.necessity for c in v.checks] == ["desirable", "preference", "condition"]
    assert v.verdict == "insufficient_info" and v.failed == () and v.missing == ()


def test_no_experience_required_is_met_whatever_the_user_said():
    reqs = [req("experience", years=0.0)]
    assert check_eligibility(NOTICE, reqs, Profile()).checks[0].status == "met"


# -- the minimum-qualification verdict (issue 11) ------------------------------------
from assistant.eligibility import relevance, scope_of  # noqa: E402


def sreq(kind, text, necessity="required", **fields):
    """A requirement whose quoted sentence is `text` (rules read their values from it)."""
    return Requirement("n1", kind, necessity, 0, len(text), text, **fields)


def station(place):
    from index.records import Metadata
    return Notice("n2", "n2.txt", TEXT, (Section("Body", 0, 400, "body"),), Metadata(duty_station=place))


def verdict(reqs, notice=NOTICE, **profile):
    return check_eligibility(notice, reqs, Profile(**profile))


BASE = [req("education", level="bachelor", routes=(Route("bachelor"),)), req("experience", start=20, years=5.0),
        req("language", start=40, languages=("English",), proficiency="fluent")]
MEETS = dict(degree_level="bachelor", years_experience=6, languages=(("English", "fluent"),))


def test_qualitative_required_items_are_listed_not_blocking():
    reqs = BASE + [sreq("experience", "Experience in humanitarian operations in a field environment.",
                        domain="humanitarian operations in a field environment", scope="field"),
                   sreq("other", "Comprehensive knowledge of UN policies.")]
    v = verdict(reqs, **MEETS)
    assert v.verdict == "eligible"
    assert [c.necessity for c in v.checks if c.status == "unknown"] == ["also", "also"]


def test_a_qualitative_item_the_user_says_they_cannot_meet_fails():
    reqs = BASE + [sreq("other", "Must be able to work Thursday and at least one other weekday until 7pm")]
    v = verdict(reqs, **MEETS, said=("I can only work until 5pm on weekdays",))
    assert v.verdict == "not_eligible"


def test_missing_fact_is_named():
    v = verdict(BASE, degree_level="bachelor", years_experience=6)
    assert v.verdict == "insufficient_info" and v.asks == ("your English level",)


def test_one_route_set_decides_education_and_experience():
    """Two education statements are alternatives: a secondary-school holder with 6 years meets
    "High school diploma with four years"; both lines agree."""
    reqs = [sreq("education", "Bachelor's degree with two years of relevant experience", level="bachelor",
                 routes=(Route("bachelor", total_years=2),)),
            sreq("education", "High school diploma with four (4) years of relevant experience.", level="secondary",
                 routes=(Route("secondary", total_years=4),))]
    v = verdict(reqs, degree_level="secondary", years_experience=6)
    assert [(c.criterion, c.status) for c in v.checks if c.necessity == "required"] == [
        ("Education: a bachelor's with 2 years of experience, or a secondary school diploma with 4 years of experience",
         "met"),
        ("Experience: at least 2 years of experience with a bachelor's degree, or 4 with a secondary school diploma",
         "met")]
    v = verdict(reqs, degree_level="secondary", years_experience=3)
    assert v.verdict == "not_eligible"


def test_no_contradiction_when_the_degree_is_below_every_route():
    v = verdict(IN_LIEU, degree_level="secondary", years_experience=20)
    assert {c.topic: c.status for c in v.checks} == {"education": "not_met", "experience": "not_met"}


def test_domain_relevance_match_mismatch_unclear():
    assert relevance("security management", "military, police or security management")[0] == "match"
    assert relevance("police work", "food security, nutrition and social protection")[0] != "match"
    assert relevance("police officer", "professional experience as a Proofreader")[0] == "mismatch"
    assert relevance("accounting", "transactional based accounting activities such as payroll, travel claims")[0] \
        == "unclear"
    assert relevance("processing payroll and travel claims",
                     "transactional based accounting activities such as payroll, travel claims")[0] == "match"


def test_years_in_another_domain_are_never_ticked():
    reqs = [req("education", level="bachelor", routes=(Route("bachelor"),)),
            req("experience", start=20, years=6.0, domain="food security, nutrition and social protection")]
    v = verdict(reqs, degree_level="bachelor", years_experience=8, experience_domain="police")
    check = v.checks[1]
    assert check.status == "unknown" and v.verdict == "insufficient_info"
    assert check.explanation.startswith("You have 8 years in police; the notice asks for years in food security")
    nested = verdict(reqs, degree_level="bachelor", years_experience=9, experience_domain="police",
                     years_by_domain=(("food security", 7.0),))
    assert nested.checks[1].status == "met"


def test_scoped_years_count_nested_years_only():
    reqs = [req("experience", years=8.0), req("experience", start=20, years=4.0, scope="supervisory")]
    assert verdict(reqs, years_experience=9, years_by_scope=(("supervisory", 2.0),)).verdict == "not_eligible"
    assert verdict(reqs, years_experience=9, years_by_scope=(("supervisory", 5.0),)).verdict == "eligible"
    assert verdict(reqs, years_experience=9).asks == ("how many years of supervisory experience you have",)


def test_scoped_questions():
    assert scope_of("Do I meet the experience requirement?") == ("experience",)
    assert scope_of("Do I meet the language requirements for the post in Turin?") == ("language",)
    assert scope_of("Do I satisfy the education criteria?") == ("education",)
    assert scope_of("I have 6 years of experience, can I apply?") == ()
    v = check_eligibility(NOTICE, BASE, Profile(degree_level="bachelor", years_experience=6), scope=("experience",))
    assert v.verdict == "eligible" and v.overall == "insufficient_info"


def test_nationality_groups():
    rule = [sreq("eligibility_rule", "Be a national of a Member State of the European Union, or a national of "
                 "the European Economic Area", rule="member_nationality")]
    assert verdict(rule, nationality="Germany").verdict == "eligible"
    assert verdict(rule, nationality="Norway").verdict == "eligible"
    assert verdict(rule, nationality="Canada").verdict == "not_eligible"
    assert verdict(rule).asks == ("your nationality",)


def test_an_encouragement_is_not_a_bar():
    rule = [sreq("eligibility_rule", "encourages all qualified candidates who are nationals of World Bank Group "
                 "member countries to apply", rule="member_nationality")]
    assert verdict(rule).checks[0].necessity == "preference"


def test_work_permit_and_residence():
    permit = [sreq("eligibility_rule", "It is open only to nationals and permanent residents of Mongolia.",
                   rule="work_permit")]
    assert verdict(permit, nationality="Mongolia").verdict == "eligible"
    assert verdict(permit, nationality="Kazakhstan", residence="Almaty").verdict == "not_eligible"
    assert verdict(permit, nationality="Kazakhstan").verdict == "insufficient_info"
    assert verdict(permit, work_permit=False).verdict == "not_eligible"
    reside = [sreq("eligibility_rule", "must reside in the Netherlands and live within commuting distance from "
                   "the ICC headquarters.", rule="residence", values=("commuting distance",))]
    hague = station("The Hague")
    assert verdict(reside, hague, residence="The Hague").verdict == "eligible"
    assert verdict(reside, hague, residence="Brussels").verdict == "not_eligible"
    assert verdict(reside, hague, residence="Rotterdam").verdict == "insufficient_info"
    assert verdict(reside, hague).asks == ("where you live",)


def test_age_limits_and_retirement_age():
    age = [sreq("eligibility_rule", "Candidates must be under the age of 32 on the closing date.", rule="age")]
    assert verdict(age, age=29).verdict == "eligible"
    assert verdict(age, age=32).verdict == "not_eligible"
    assert verdict(age).asks == ("your age",)
    retire = [sreq("eligibility_rule", "The statutory retirement age for staff appointments is 65 years.",
                   rule="age_of_separation")]
    assert verdict(retire, age=67).verdict == "not_eligible"
    assert verdict(retire).checks[0].necessity == "condition"
    unread = [sreq("eligibility_rule", "Be below the age at which staff of the EU is automatically retired, i.e.",
                   rule="age_of_separation")]   # the age is on a line the statement did not reach
    assert verdict(BASE + unread, age=67, **MEETS).verdict == "insufficient_info"


def test_secondment_and_exclusions():
    second = [sreq("eligibility_rule", "This position is open for secondment only.", rule="secondment_only")]
    assert verdict(second, seconded=True).verdict == "eligible"
    assert verdict(second, seconded=False).verdict == "not_eligible"
    assert verdict(second).verdict == "insufficient_info"
    probation = [sreq("eligibility_rule", "Staff on probation are not eligible to apply.", rule="general")]
    assert verdict(probation, said=("I'm an ADB staff member currently on probation",)).verdict == "not_eligible"
    assert verdict(probation).checks[0].necessity == "condition"
    served = [sreq("eligibility_rule", "WFP staff on FT contracts must have completed one year in the current "
                   "position to be eligible to apply for another FT position.", rule="general")]
    assert verdict(served, staff_status="internal", months_in_position=8).verdict == "not_eligible"


def test_current_students_and_graduation_windows():
    enrolled = [sreq("education", "Must be enrolled in the second-to-last year of a four-year college degree "
                     "program", level="bachelor", routes=(Route("bachelor"),)),
                sreq("education", "Must be prepared to graduate with a four-year college degree between December "
                     "2027 and September 2028;", level="bachelor", routes=(Route("bachelor"),))]
    assert verdict(enrolled, studying="bachelor", graduation="2028-06").verdict == "eligible"
    assert verdict(enrolled, studying="bachelor", graduation="2030-05").verdict == "not_eligible"
    assert verdict(enrolled, degree_level="bachelor", graduated=True).verdict == "not_eligible"
    assert verdict(enrolled, studying="bachelor").asks == ("when you expect to graduate",)


def test_duty_station_working_language():
    reqs = [sreq("language", "Knowledge of English and UN working language of the duty station if not English",
                 languages=("duty station language",), proficiency="knowledge")]
    assert verdict(reqs, station("Bangkok, Thailand"), languages=(("English", "fluent"),)).verdict == "eligible"
    assert verdict(reqs, station("Dakar, Senegal"), languages=(("English", "fluent"),),
                   languages_listed=True).verdict == "not_eligible"


def test_an_uncertain_reading_is_never_ticked():
    reqs = [sreq("experience", "Several years of experience in programme management.", uncertain=("years",))]
    v = verdict(reqs, years_experience=20)
    assert v.checks[0].status == "unknown" and v.verdict == "insufficient_info"


def test_a_degree_that_stands_in_for_years_reduces_the_minimum():
    sub = ("An advanced or a first-level university degree may be considered as a substitute for two years’ "
           "working experience only to determine eligibility")
    reqs = [sreq("education", "Completion of secondary education.", level="secondary", routes=(Route("secondary"),)),
            Requirement("n1", "experience", "required", 40, 90, "The successful candidate should have a minimum "
                        "of four years of relevant work experience.", years=4.0),
            Requirement("n1", "education", "required", 100, 100 + len(sub), sub, level="bachelor",
                        routes=(Route("bachelor"),)),
            Requirement("n1", "experience", "required", 100, 100 + len(sub), sub, years=2.0)]
    assert verdict(reqs, degree_level="bachelor", years_experience=2).verdict == "eligible"
    assert verdict(reqs, degree_level="secondary", years_experience=3).verdict == "not_eligible"
    assert verdict(reqs, degree_level="secondary", years_experience=4).verdict == "eligible"


def test_a_graduation_window_binds_only_its_own_track():
    reqs = [sreq("education", "Must be prepared to graduate with a four-year college degree between December "
                 "2027 and September 2028;", level="bachelor", routes=(Route("bachelor"),)),
            sreq("education", "or current master’s/Ph.D. student for the Postgraduate Track.", level="master",
                 routes=(Route("master"), Route("doctorate")))]
    assert verdict(reqs, studying="master").verdict == "eligible"


def test_a_country_the_candidate_must_be_based_in():  # CDC Foundation, ILO Mexico notices
    based = [sreq("eligibility_rule", "Location: Remote, must be based in the United States",
                  rule="residence", values=("country",))]
    assert verdict(BASE + based, residence="Toronto, Canada", **MEETS).verdict == "not_eligible"
    assert verdict(BASE + based, residence="Chicago", **MEETS).verdict == "eligible"
    either = [sreq("eligibility_rule", "Este anuncio está dirigido al público con nacionalidad o residencia en México.",
                   rule="residence", values=("nationality or residence",))]
    assert verdict(BASE + either, nationality="Colombian", residence="Bogotá", **MEETS).verdict == "not_eligible"
    assert verdict(BASE + either, nationality="Mexican", residence="Madrid", **MEETS).verdict == "eligible"
    assert verdict(BASE + either, nationality="Colombian", **MEETS).asks == ("where you live",)


def test_a_further_unnamed_language_needs_a_second_one():
    reqs = [req("language", languages=("another language",), proficiency="fluent")]
    one = check_eligibility(NOTICE, reqs, Profile(languages=(("English", "fluent"),)))
    assert one.checks[0].status == "unknown" and one.verdict == "insufficient_info"
    two = check_eligibility(NOTICE, reqs, Profile(languages=(("English", "fluent"), ("Swahili", "fluent"))))
    assert two.verdict == "eligible"

# -- round 3 (evals/eligibility2) ------------------------------------------------------
def test_countries_a_group_rule_names_besides_the_group():   # eu-LISA, Frontex style
    rule = [sreq("eligibility_rule", "You are national of one of the EU Member States or Norway, Iceland, "
                 "Liechtenstein, or Switzerland2 and you enjoy full rights as a citizen3", rule="member_nationality")]
    assert verdict(rule, nationality="Switzerland").verdict == "eligible"
    assert verdict(rule, nationality="Estonia").verdict == "eligible"
    assert verdict(rule, nationality="Canada").verdict == "not_eligible"


def test_a_degree_considered_as_equivalent_to_years():    # IMO style
    sub = "A related university degree may be considered as equivalent to two years' experience."
    reqs = [sreq("education", "Secondary education or equivalent.", level="secondary", routes=(Route("secondary"),)),
            Requirement("n1", "experience", "required", 40, 90, "At least five years' relevant experience in "
                        "administrative support functions is required.", years=5.0,
                        domain="administrative support functions"),
            Requirement("n1", "education", "required", 100, 100 + len(sub), sub, level="bachelor",
                        routes=(Route("bachelor"),)),
            Requirement("n1", "experience", "required", 100, 100 + len(sub), sub, years=2.0)]
    v = verdict(reqs, degree_level="bachelor", years_experience=3, experience_domain="administrative support")
    assert v.verdict == "eligible"
    v = verdict(reqs, degree_level="secondary", years_experience=4, experience_domain="administrative support")
    assert v.verdict == "not_eligible"


def test_too_few_years_fail_even_when_the_domain_is_unclear():
    reqs = [sreq("experience", "At least five years of experience in administrative support functions.",
                 years=5.0, domain="administrative support functions")]
    v = verdict(reqs, years_experience=4, experience_domain="ship engineering")
    assert v.verdict == "not_eligible"
    assert v.checks[0].explanation == "Even counting all your 4 years, they are fewer than the 5 required."
    v = verdict(reqs, years_experience=9, experience_domain="ship engineering")
    assert v.checks[0].status == "unknown" and v.verdict == "insufficient_info"


def test_students_and_a_degree_the_notice_requires():
    plain = [sreq("education", "Master's in Library & Information Science from an ALA accredited institution",
                  level="master", routes=(Route("master"),))]
    v = verdict(plain, studying="master")
    assert v.verdict == "not_eligible"
    assert v.checks[0].explanation == ("You are studying for a master's and do not hold it yet; the notice requires "
                                       "the degree and says nothing of current students.")
    near = [sreq("education", "An ALA accredited Master’s in Library or Information Science, or near completion.",
                 level="master", routes=(Route("master"),))]
    assert verdict(near, studying="master").verdict == "eligible"
    assert verdict(near, degree_level="master").verdict == "eligible"
    assert verdict(near, degree_level="bachelor").verdict == "not_eligible"


def test_an_age_written_with_a_plus_and_an_age_a_rule_requires_one_to_be_below():
    adult = [sreq("eligibility_rule", "18+ years of age.", rule="age")]
    assert verdict(adult, age=17).verdict == "not_eligible"
    assert verdict(adult, age=20).verdict == "eligible"
    text = ("Be below the age at which staff of the EU is automatically retired, i.e. currently on the\n"
            "last day of the month in which they reach the age of 66. More text.")
    wrapped = Notice("n3", "n3.txt", text, (Section("Body", 0, len(text), "body"),))
    cut = text.index("\n")
    rule = [Requirement("n3", "eligibility_rule", "required", 0, cut, text[:cut], rule="age_of_separation")]
    assert verdict(rule, wrapped, age=67).verdict == "not_eligible"
    assert verdict(rule, wrapped, age=40).verdict == "eligible"
    assert verdict(rule, wrapped).asks == ("your age",)


def test_a_certificate_obtained_once_selected_is_a_condition():
    clearance = [sreq("certification", "All selected candidates may be required to have, or be in a position to "
                      "obtain, a valid Personnel Security Clearance Certificate", names=("security clearance",))]
    assert verdict(BASE + clearance, **MEETS).verdict == "eligible"
    assert verdict(clearance).checks[0].necessity == "condition"


def test_nationals_meet_a_nationality_or_residence_rule_wherever_they_live():
    either = [sreq("eligibility_rule", "Este anuncio está dirigido al público con nacionalidad o residencia en México.",
                   rule="residence", values=("nationality or residence",))]
    assert verdict(BASE + either, nationality="Mexican", **MEETS).verdict == "eligible"


def test_qualifications_without_a_minimum_leave_nothing_to_fail():
    also = [sreq("other", "Exceptional digital literacy skills."),
            sreq("education", "Bachelor’s degree desirable", necessity="desirable", level="bachelor")]
    assert verdict(also, degree_level="secondary").verdict == "eligible"
    assert verdict([]).verdict == "insufficient_info"          # nothing read: no verdict
    line = verdict(also, degree_level="secondary").checks[-1]
    assert (line.criterion, line.status, line.necessity) == ("Minimum qualifications", "met", "required")
    assert line.requirement is also[0]                          # the verdict cites what was read


def test_an_occupational_area_named_only_in_general_words_counts_all_years():
    reqs = [sreq("experience", "At least three years of professional experience at the national level in the "
                 "relevant occupational area.", years=3.0, domain="national level in the relevant occupational area")]
    assert verdict(reqs, years_experience=5, experience_domain="labour programmes").verdict == "eligible"


def test_a_question_across_notices_that_names_one_gets_its_verdict():
    from datetime import date

    from assistant.compare import compare
    composed = compare([NOTICE], {"n1": BASE}, (), "Can I join the roster?", Profile(**MEETS), date(2026, 9, 15))
    assert composed.verdict == "eligible"
    assert composed.claims[0].text == "Yes — from what you said, you meet this notice's minimum requirements."


# -- round 4: settings, whole fields, joined spellings, CEFR wording, listed bars, coursework
def test_domain_relevance_reads_settings_whole_fields_and_joined_spellings():
    assert relevance("public library", "academic library") == ("mismatch", "public library is not academic")
    assert relevance("web services assistant in a university library", "academic library")[0] == "match"
    assert relevance("audiovisual technician at a community college", "higher educational setting") == \
        ("match", "same setting")
    assert relevance("research and policy work in chemistry", "STEM field") == \
        ("match", "within the field the notice names")
    assert relevance("audiovisual technician", "Audio Visual") == ("match", "same field")
    assert relevance("office administrator", "administrative support functions") == \
        ("match", "within the field the notice names")
    assert relevance("police work", "food security, nutrition and social protection")[0] != "match"
    assert relevance("general accounting", "transactional accounting")[0] != "match"


def test_years_from_another_setting_are_never_ticked():
    reqs = [req("experience", years=2.0, domain="academic library")]
    v = verdict(reqs, years_experience=4, experience_domain="public library")
    assert v.checks[0].status == "unknown" and v.verdict == "insufficient_info"
    assert v.checks[0].explanation == ("You have 4 years in public library; the notice asks for years in academic "
                                       "library — they do not obviously count (public library is not academic).")
    assert verdict(reqs, years_experience=3, experience_domain="college library").verdict == "eligible"


def test_a_cefr_or_un_level_in_the_wording_sets_the_level():
    c1 = [req("language", languages=("English",), proficiency="knowledge (level C1)")]
    assert verdict(c1, languages=(("English", "proficient"),)).checks[0].status == "not_met"
    assert verdict(c1, languages=(("English", "fluent"),)).checks[0].status == "met"
    level_b = [req("language", languages=("French",), proficiency="knowledge (level B)")]
    assert verdict(level_b, languages=(("French", "working knowledge"),)).checks[0].status == "met"
    assert verdict(level_b, languages=(("French", "basic"),)).checks[0].status == "not_met"


BARRED = ("No appointment under any kind of contract will be offered to members of the UN Advisory Committee on "
          "Administrative and Budgetary Questions (ACABQ), FAO Finance Committee, WFP External Auditor, WFP Audit "
          "Committee and other similar bodies, both during their service and within three years of ceasing that "
          "service.")


def test_a_listed_bar_fails_only_a_member_of_a_body_it_names():
    notice = Notice("n2", "n2.txt", BARRED, (Section("Body", 0, len(BARRED), "body"),))
    reqs = [Requirement("n2", "eligibility_rule", "required", 0, len(BARRED), BARRED, rule="general")]
    member = check_eligibility(notice, reqs, Profile(said=("I'm currently a member of the WFP Audit Committee",)))
    assert member.verdict == "not_eligible"
    assert member.checks[0].explanation == ("You said you are one of those the notice will not appoint "
                                            "(WFP Audit Committee).")
    staff = check_eligibility(notice, reqs, Profile(said=("I'm a WFP staff member",)))
    assert staff.checks[0].status == "unknown" and staff.checks[0].necessity == "condition"


FORMER = "If you have previously held a Staff contract at CERN, you will not be eligible for these positions."


def test_an_if_clause_bar_fails_a_user_who_says_they_are_in_it():
    notice = Notice("n5", "n5.txt", FORMER, (Section("Body", 0, len(FORMER), "body"),))
    reqs = [Requirement("n5", "eligibility_rule", "required", 0, len(FORMER), FORMER, rule="former_staff")]
    former = check_eligibility(notice, reqs, Profile(said=("I previously held a staff contract at CERN.",)))
    assert (former.verdict, former.checks[0].explanation) == (
        "not_eligible", "You said you are in the group the notice excludes (have previously held a Staff "
        "contract at CERN).")
    other = check_eligibility(notice, reqs, Profile(said=("I hold a PhD in physics.",)))
    assert other.checks[0].status == "unknown" and other.checks[0].necessity == "condition"


def test_a_route_of_unstated_equivalent_experience_leaves_a_lower_degree_undecided():
    text = "PhD or equivalent relevant experience in the field of Theoretical Physics."
    notice = Notice("n6", "n6.txt", text, (Section("Body", 0, len(text), "body"),))
    reqs = [Requirement("n6", "education", "required", 0, len(text), text, level="doctorate",
                        routes=(Route("doctorate"), Route("none", extra_unstated=True)))]
    master = check_eligibility(notice, reqs, Profile(degree_level="master"))
    assert master.verdict == "insufficient_info"
    assert master.checks[0].criterion == "Education: a doctorate, or equivalent experience"
    assert master.checks[0].explanation == ("Your master's is below the degrees the notice names; it also accepts "
                                            "equivalent experience without saying how much, so the quoted "
                                            "requirement decides.")
    assert check_eligibility(notice, reqs, Profile(degree_level="doctorate")).verdict == "eligible"


def test_coursework_towards_a_degree_admits_its_students():
    text = "Coursework towards the completion of a Masters in Oral History, Public History, or Archival Management."
    notice = Notice("n3", "n3.txt", text, (Section("Body", 0, len(text), "body"),))
    reqs = [Requirement("n3", "education", "required", 0, len(text), text, level="master", routes=(Route("master"),))]
    assert check_eligibility(notice, reqs, Profile(studying="master")).verdict == "eligible"
    assert check_eligibility(notice, reqs, Profile(degree_level="bachelor", graduated=True)).verdict == "not_eligible"


# -- every bar of the registry: met, not met, unknown (issue 11's Tests) ---------------
from index.records import Metadata  # noqa: E402

STATION = Notice("n4", "n4.txt", TEXT, (Section("Body", 0, 400, "body"),),
                 Metadata(title="Officer", grade="P-3", duty_station="Colombo, Sri Lanka"))
BARS = [  # rule, its sentence, profile that meets it, one that does not, one that says nothing
    ("roster_only", "Only candidates on the roster may apply.", dict(on_roster=True), dict(on_roster=False), {}),
    ("internal_only", "This vacancy is open to internal candidates only.", dict(staff_status="internal"),
     dict(staff_status="external"), {}),
    ("nationality:Sri Lankan", "Open to Sri Lankan nationals only.", dict(nationality="Sri Lanka"), dict(nationality="India"), {}),
    ("member_nationality", "Candidates must be nationals of a Member State of the European Union.",
     dict(nationality="Spain"), dict(nationality="Norway"), {}),
    ("work_permit", "Candidates must hold a valid work permit for Sri Lanka.", dict(work_permit=True),
     dict(work_permit=False), {}),
    ("residence", "Candidates must reside in Sri Lanka.", dict(residence="Kandy"), dict(residence="Chennai"), {}),
    ("age", "Candidates must be under 32 years of age.", dict(age=28), dict(age=35), {}),
    ("age_of_separation", "Be below the age of 66 at which staff are automatically retired.", dict(age=50),
     dict(age=67), {}),
    ("secondment_only", "Only candidates seconded by their government may apply.", dict(seconded=True),
     dict(seconded=False), {}),
    ("national_needs_outside_experience", "Nationals of the duty station country must have professional "
     "experience outside the country.", dict(nationality="Sri Lanka", worked_abroad=True),
     dict(nationality="Sri Lanka", worked_abroad=False), dict(nationality="Sri Lanka")),
    ("general_service_temporary_professional", "G-6 and G-7 staff may apply to temporary posts up to P-3.",
     dict(staff_status="internal", staff_grade="G-6"), dict(staff_status="internal", staff_grade="G-4"),
     dict(staff_status="internal")),
    ("general", "Staff members on probation are not eligible.", dict(staff_status="internal"),
     dict(said=("I am a staff member on probation",)), None),
]


def bar(rule, sentence):
    """"nationality:Sri Lankan": the rule with the values the parser reads from its sentence."""
    name, *values = rule.split(":")
    return Requirement("n4", "eligibility_rule", "required", 0, len(sentence), sentence, rule=name,
                       values=tuple(values))


def test_every_bar_is_met_not_met_or_unknown():
    for rule, sentence, met, failed, silent in BARS:
        status = [check_eligibility(STATION, [bar(rule, sentence)], Profile(**p)).checks[0].status
                  for p in (met, failed) + ((silent,) if silent is not None else ())]
        expected = {"general": ["unknown", "not_met"]}.get(rule, ["met", "not_met", "unknown"])
        assert status == expected, rule


def test_scoped_education_and_language_questions_decide_their_part_only():
    reqs = [*BASE, req("language", start=40, languages=("English",), proficiency="fluent")]
    p = Profile(degree_level="bachelor", years_experience=2, languages=(("English", "basic"),))
    education = check_eligibility(NOTICE, reqs, p, scope=("education",))
    assert (education.verdict, education.overall) == ("eligible", "not_eligible")
    language = check_eligibility(NOTICE, reqs, p, scope=("language",))
    assert language.verdict == "not_eligible" and language.failed == ("Language: English (fluent)",)


def test_years_in_another_field_are_explained_without_scores():
    reqs = [req("experience", years=5.0, domain="food security, nutrition and social protection")]
    c = check_eligibility(NOTICE, reqs, Profile(years_experience=6.0, experience_domain="police work")).checks[0]
    assert c.status == "unknown"
    assert c.explanation == ("You have 6 years in police work; the notice asks for years in food security, "
                             "nutrition and social protection — they may not count.")
