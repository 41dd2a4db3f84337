import pytest

from assistant.profile import read_profile, understood


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


# Sentence → profile, literally: nested and split years, domains, studies and graduation
# dates, nationality (demonyms), residence and permits, staff status, language levels.
PAIRS = [
    ('I have 9 years of security management, 4 of them in the UN.',
     {'years_experience': 9.0, 'experience_domain': 'security management', 'years_by_scope': (('un_system', 4.0),)}),
    ('I have 6 years: 2 in Iraq, 4 at headquarters.',
     {'years_experience': 6.0, 'years_by_domain': (('Iraq', 2.0), ('headquarters', 4.0))}),
    ('I have 10 years in corporate lending, 5 of them supervising a team.',
     {'years_experience': 10.0, 'experience_domain': 'corporate lending', 'years_by_scope': (('supervisory', 5.0),), 'years_by_domain': (('supervising a team', 5.0),)}),
    ('I have 5 years of experience, 3 of them at the international level.',
     {'years_experience': 5.0, 'years_by_scope': (('international', 3.0),)}),
    ('I have 8 years of experience including 3 years in peacekeeping missions.',
     {'years_experience': 8.0, 'years_by_scope': (('mission', 3.0),)}),
    ('I have 12 years in the military, 6 of which in command positions.',
     {'years_experience': 12.0, 'experience_domain': 'military', 'years_by_scope': (('command', 6.0),), 'years_by_domain': (('command positions', 6.0),)}),
    ('I have 7 years as a proofreader.',
     {'years_experience': 7.0, 'experience_domain': 'proofreader'}),
    ('I have 4 years of proofreading experience.',
     {'years_experience': 4.0, 'experience_domain': 'proofreading'}),
    ('I have 8 years in the police.',
     {'years_experience': 8.0, 'experience_domain': 'police'}),
    ('I worked 5 years as a Linux system administrator.',
     {'years_experience': 5.0, 'experience_domain': 'Linux system administrator'}),
    ('I have 3 years of experience in humanitarian logistics.',
     {'years_experience': 3.0, 'experience_domain': 'humanitarian logistics', 'years_by_scope': (('humanitarian', 3.0),)}),
    ('I have 6 years of experience in food security and nutrition.',
     {'years_experience': 6.0, 'experience_domain': 'food security and nutrition'}),
    ('I have over 10 years of experience in public health.',
     {'years_experience': 10.0, 'experience_domain': 'public health'}),
    ("I'm 34 years old and have 6 years of experience in finance.",
     {'years_experience': 6.0, 'experience_domain': 'finance', 'age': 34}),
    ('I have lived in Mexico City for 6 years and have 3 years of project management.',
     {'years_experience': 3.0, 'experience_domain': 'project management', 'residence': 'Mexico City'}),
    ('I have two years of experience as a driver.',
     {'years_experience': 2.0, 'experience_domain': 'driver'}),
    ('I have fifteen years of experience in accounting.',
     {'years_experience': 15.0, 'experience_domain': 'accounting'}),
    ('All of my 4 years of experience were at national level in my country.',
     {'years_experience': 4.0, 'years_by_scope': (('international', 0.0),), 'worked_abroad': False}),
    ('I have never worked outside South Africa.',
     {'worked_abroad': False}),
    ('I have worked abroad in Kenya and Uganda.',
     {'worked_abroad': True}),
    ("I have a bachelor's in journalism.",
     {'degree_level': 'bachelor', 'degree_field': 'journalism'}),
    ("I hold a master's degree in public health.",
     {'degree_level': 'master', 'degree_field': 'public health'}),
    ('I have a PhD in theoretical physics.',
     {'degree_level': 'doctorate', 'degree_field': 'theoretical physics'}),
    ('I have an MPH.',
     {'degree_level': 'master'}),
    ('I have a BS in computer science.',
     {'degree_level': 'bachelor', 'degree_field': 'computer science'}),
    ('I have an MBA from INSEAD.',
     {'degree_level': 'master'}),
    ('I have a high school diploma.',
     {'degree_level': 'secondary'}),
    ('I finished high school.',
     {'degree_level': 'secondary'}),
    ('I have A-levels.',
     {'degree_level': 'secondary'}),
    ('I have an associate degree in web development.',
     {'degree_level': 'post_secondary', 'degree_field': 'web development'}),
    ('I hold a post-secondary IT certificate.',
     {'degree_level': 'post_secondary'}),
    ("I don't have a university degree.",
     {'degree_level': 'none'}),
    ("I'm a current master's student in finance.",
     {'studying': 'master'}),
    ("I'm in the third year of a four-year economics degree and will graduate in June 2028.",
     {'studying': 'bachelor', 'graduation': '2028-06'}),
    ("I'm a second-year undergraduate in finance graduating in May 2030.",
     {'studying': 'bachelor', 'graduation': '2030-05'}),
    ("I'm enrolled in an MLIS program.",
     {'studying': 'master'}),
    ("I graduated with a bachelor's in economics in 2021.",
     {'degree_level': 'bachelor', 'degree_field': 'economics', 'graduation': '2021', 'graduated': True}),
    ("I completed my master's in information science last year.",
     {'degree_level': 'master', 'degree_field': 'information science', 'graduated': True}),
    ("I'm currently pursuing a PhD in biology.",
     {'studying': 'doctorate'}),
    ("I'm German.",
     {'nationality': 'Germany'}),
    ('I am a Kazakh citizen.',
     {'nationality': 'Kazakhstan'}),
    ("I'm a US citizen.",
     {'nationality': 'United States'}),
    ('I am Canadian, 40, with a PhD in toxicology.',
     {'degree_level': 'doctorate', 'degree_field': 'toxicology', 'nationality': 'Canada', 'age': 40}),
    ("I'm a national of Mongolia.",
     {'nationality': 'Mongolia'}),
    ("I'm Argentinian.",
     {'nationality': 'Argentina'}),
    ('I hold a Filipino passport.',
     {'nationality': 'Philippines'}),
    ("I'm Mexican and live in Monterrey.",
     {'nationality': 'Mexico', 'residence': 'Monterrey'}),
    ('I live in The Hague.',
     {'residence': 'The Hague'}),
    ("I'm based in the US.",
     {'residence': 'US'}),
    ('I live in Toronto, Canada.',
     {'residence': 'Toronto, Canada'}),
    ('I have lived in Mexico City for 6 years.',
     {'residence': 'Mexico City'}),
    ("I'm living in Nairobi.",
     {'residence': 'Nairobi'}),
    ('I have a work permit for the UK.',
     {'work_permit': True}),
    ('I would need a visa to work in the UK.',
     {'work_permit': False}),
    ('I have no US work authorization.',
     {'work_permit': False}),
    ('I am a permanent resident of Canada.',
     {'residence': 'Canada', 'work_permit': True}),
    ('My government would second me.',
     {'seconded': True}),
    ('I would apply as an individual, not seconded.',
     {'seconded': False}),
    ("I'm 29.",
     {'age': 29}),
    ('I am 67 years old.',
     {'age': 67}),
    ("I'm a UN staff member at G-6.",
     {'staff_status': 'internal', 'staff_grade': 'G-6'}),
    ("I'm an external candidate.",
     {'staff_status': 'external'}),
    ("I'm an ADB staff member currently on probation.",
     {'staff_status': 'internal'}),
    ("I'm a WFP staff member and joined my current position 8 months ago.",
     {'staff_status': 'internal', 'months_in_position': 8.0}),
    ('I am on the roster.',
     {'on_roster': True}),
    ('I am not on a roster.',
     {'on_roster': False}),
    ('I have a driving licence.',
     {'driving_licence': True}),
    ("I don't have a driving licence.",
     {'driving_licence': False}),
    ('I hold SCP but not SAPP.',
     {'certifications': ('SCP',), 'certifications_lacking': ('SAPP',)}),
    ('I speak English fluently.',
     {'languages': (('English', 'fluent'),)}),
    ('English is my mother tongue.',
     {'languages': (('English', 'native'),)}),
    ("I'm a native English speaker.",
     {'languages': (('English', 'native'),)}),
    ('My French is basic.',
     {'languages': (('French', 'basic'),)}),
    ('I have some French.',
     {'languages': (('French', 'basic'),)}),
    ('My Spanish is B2.',
     {'languages': (('Spanish', 'proficient'),)}),
    ('My French is C1.',
     {'languages': (('French', 'fluent'),)}),
    ('My German is A2.',
     {'languages': (('German', 'basic'),)}),
    ('I speak English and French fluently.',
     {'languages': (('English', 'fluent'), ('French', 'fluent'))}),
    ('I speak fluent Mongolian and English.',
     {'languages': (('English', 'fluent'), ('Mongolian', 'fluent'))}),
    ('I speak English.',
     {'languages': (('English', 'unspecified'),)}),
    ('My English is fluent and my French is intermediate.',
     {'languages': (('English', 'fluent'), ('French', 'working knowledge'))}),
    ('I passed the UN LPE in French.',
     {'languages': (('French', 'proficient'),)}),
    ('I have conversational Arabic.',
     {'languages': (('Arabic', 'working knowledge'),)}),
    ('My Portuguese is at a working level.',
     {'languages': (('Portuguese', 'working knowledge'),)}),
    ('Norwegian is my native language.',
     {'languages': (('Norwegian', 'native'),)}),
    ("I have a bachelor's and 6 years of experience in communications, 2 of them in Iraq.",
     {'degree_level': 'bachelor', 'years_experience': 6.0, 'experience_domain': 'communications', 'years_by_domain': (('Iraq', 2.0),)}),
    ("I'm a British citizen living in London.",
     {'nationality': 'United Kingdom', 'residence': 'London'}),
    ("I'm Jamaican with a secondary school diploma and 6 years of administrative support experience.",
     {'degree_level': 'secondary', 'years_experience': 6.0, 'experience_domain': 'administrative support', 'nationality': 'Jamaica'}),
    ("I have a master's in food technology and 7 years working on food fortification.",
     {'degree_level': 'master', 'degree_field': 'food technology', 'years_experience': 7.0, 'experience_domain': 'food fortification'}),
    # no experience at all is 0 years; no experience of one kind says nothing of the total
    ('I have a high school diploma and no work experience yet.',
     {'degree_level': 'secondary', 'years_experience': 0.0}),
    ('I have no UN experience but 5 years in banking.',
     {'years_experience': 5.0, 'experience_domain': 'banking'}),
    # studies: "doing a PhD", "last semester of my MLS", "second-year MLIS student"
    ("I'm doing a PhD in environmental economics; Korean is my native language.",
     {'languages': (('Korean', 'native'),), 'studying': 'doctorate'}),
    ("I'm in the last semester of my MLS and I've worked two years at a reference desk.",
     {'years_experience': 2.0, 'experience_domain': 'reference desk', 'studying': 'master'}),
    ("I'm a second-year MLIS student, graduating next May.",
     {'studying': 'master'}),
    # years of college are education, not experience
    ("I'm 20 and have completed two years of college.",
     {'degree_level': 'post_secondary', 'age': 20}),
    # years as a head of a unit are supervisory years
    ('I have an MLS and 8 years of library experience including 4 as a department head.',
     {'degree_level': 'master', 'years_experience': 8.0, 'experience_domain': 'library',
      'years_by_scope': (('supervisory', 4.0),), 'years_by_domain': (('department head', 4.0),)}),
    ('I have 15 years in public budgeting, 6 of them as a unit head.',
     {'years_experience': 15.0, 'experience_domain': 'public budgeting', 'years_by_scope': (('supervisory', 6.0),),
      'years_by_domain': (('unit head', 6.0),)}),
    # round 4: supervision said in words, stated shares override a title, N-year degrees,
    # years at a university's library are work, a visa named by its type, "having graduated"
    ("I have an MLS and 4 years as a children's librarian but I have never supervised anyone.",
     {'degree_level': 'master', 'years_experience': 4.0, 'experience_domain': "children's librarian",
      'years_by_scope': (('supervisory', 0),)}),
    ("I have a master's in library science and 3 years as a public library department head, but only 1 of "
     "those years supervising staff.",
     {'degree_level': 'master', 'degree_field': 'library science', 'years_experience': 3.0,
      'experience_domain': 'public library department head', 'years_by_scope': (('supervisory', 1.0),),
      'years_by_domain': (('supervising staff', 1.0),)}),
    ('I have an MLS and 4 years as a reference librarian, including a year supervising the circulation staff.',
     {'degree_level': 'master', 'years_experience': 4.0, 'experience_domain': 'reference librarian',
      'years_by_scope': (('supervisory', 1.0),), 'years_by_domain': (('supervising the circulation staff', 1.0),)}),
    ("I have a bachelor's and 4 years as a branch manager at a public library.",
     {'degree_level': 'bachelor', 'years_experience': 4.0, 'experience_domain': 'branch manager at a public library',
      'years_by_scope': (('supervisory', 4.0),)}),
    ('I have a five-year law degree and 14 years in trademark work.',
     {'degree_level': 'bachelor', 'years_experience': 14.0, 'experience_domain': 'trademark work'}),
    ('I have an MLIS and three years at a university library.',
     {'degree_level': 'master', 'years_experience': 3.0, 'experience_domain': 'university library'}),
    ('I spent 4 years at university.', {}),
    ('I would need H-1B visa sponsorship to work in the US.', {'work_permit': False}),
    ("Having graduated with a bachelor's in history last year, I work in a bookshop.",
     {'degree_level': 'bachelor', 'degree_field': 'history', 'graduated': True}),
    ('French is my native language and my English is B2.',
     {'languages': (('English', 'proficient'), ('French', 'native'))}),
]


@pytest.mark.parametrize("sentence, expected", PAIRS)
def test_sentence_reads_as_profile(sentence, expected):
    assert known(sentence) == expected


def test_at_least_eighty_literal_pairs():
    assert len(PAIRS) >= 80


def test_understood_line_states_only_what_was_read():
    p = read_profile(["I have 9 years of security management, 4 of them in the UN, and I speak English."])
    assert understood(p) == ("I understood: 9 years (security management) · 4 years un system · "
                             "English (level not said).")
    assert understood(read_profile(["Which notices require SCP?"])) is None


def test_nested_years_are_not_the_total_of_their_scope():
    p = read_profile(["I have 9 years of security management, 4 of them in the UN"])
    assert p.years_experience == 9 and dict(p.years_by_scope) == {"un_system": 4.0}


def test_years_of_age_and_of_living_somewhere_are_not_experience():
    assert read_profile(["I'm 34 years old"]).years_experience is None
    assert read_profile(["I have lived in Mexico City for 6 years"]).years_experience is None
