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


def test_master_needs_only_the_base_years():
    v = check_eligibility(NOTICE, IN_LIEU, Profile(degree_level="master", years_experience=5))
    assert v.verdict == "eligible"
    assert v.checks[1].explanation == "You have 5 years; 5 are required with your degree."


def test_unknown_degree_decides_only_at_the_extremes():
    assert check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=8)).checks[1].status == "met"
    assert check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=4)).checks[1].status == "not_met"
    v = check_eligibility(NOTICE, IN_LIEU, Profile(years_experience=6))
    assert v.checks[1].status == "unknown" and v.verdict == "insufficient_info"
    assert v.missing == ("Education: master's or bachelor's + 2 additional years of experience",
                         "Experience: ≥ 5 y (master's) / ≥ 7 y (bachelor's) — security management")


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
                certifications_lacking=("SCP",), driving_licence=False)
    assert [c.status for c in check_eligibility(NOTICE, reqs, p).checks] == ["not_met"] * 4


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
