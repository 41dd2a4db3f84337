from assistant.profile import read_profile


def known(*turns):
    return read_profile(list(turns)).known()


def test_degree_and_years_with_domain():
    assert known("I have a bachelor's and 6 years of police work — can I apply?") == {
        "degree_level": "bachelor", "years_experience": 6.0, "experience_domain": "police work"}


def test_scoped_years_languages_and_field():
    assert known("I hold a Master's in International Relations, 8 years of experience in security "
                 "management, including 3 years international. I speak fluent English and basic French.") == {
        "degree_level": "master", "degree_field": "International Relations", "years_experience": 8.0,
        "experience_domain": "security management", "years_by_scope": (("international", 3.0),),
        "languages": (("English", "fluent"), ("French", "basic"))}


def test_negations_roster_nationality():
    assert known("I am Sri Lankan, I don't have a driving licence or SAPP but I have SCP. I'm on the roster.") == {
        "certifications": ("SCP",), "certifications_lacking": ("SAPP",), "driving_licence": False,
        "on_roster": True, "nationality": "Sri Lanka"}


def test_staff_grade_and_no_degree():
    assert known("I'm a UN staff member at G-6 with no degree and 12 years in the military") == {
        "degree_level": "none", "years_experience": 12.0, "experience_domain": "military",
        "staff_status": "internal", "staff_grade": "G-6"}


def test_language_levels_after_the_name():
    assert known("My English is fluent and my Spanish is intermediate") == {
        "languages": (("English", "fluent"), ("Spanish", "working knowledge"))}
    assert known("native Arabic speaker, working knowledge of French, I also speak Russian") == {
        "languages": (("Arabic", "native"), ("French", "working knowledge"), ("Russian", "unspecified"))}


def test_a_question_about_notices_says_nothing_about_the_user():
    assert known("Which notices require SCP and fluent French?") == {}


def test_later_turns_override_earlier_ones():
    assert known("I have a bachelor's and 6 years", "Actually I have a master's") == {
        "degree_level": "master", "years_experience": 6.0}


def test_highest_degree_wins():
    # the field belongs to the degree it follows: the MBA has none stated
    assert known("I have a BA in law and an MBA") == {"degree_level": "master"}


def test_a_level_after_a_list_of_languages_applies_to_all_of_them():
    assert known("I speak and write English and Bangla fluently") == {
        "languages": (("Bengali", "fluent"), ("English", "fluent"))}


def test_equivalent_qualifications_are_read_as_their_level():
    assert known("I have a GED.") == {"degree_level": "secondary"}


def test_a_level_in_parentheses_belongs_to_its_language_only():
    assert known("I speak Chinese, Arabic (native) and Spanish (basic).") == {
        "languages": (("Arabic", "native"), ("Chinese", "unspecified"), ("Spanish", "basic"))}
