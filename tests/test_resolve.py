"""Notice resolution as retrieval over cards: which notice a question names, among
thousands, without reading any notice text per question (fast: no model; the embedding
part is covered by the pipeline tests and `benchmarks/resolve.py`)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from assistant.cards import candidate_line, card_for, place_of
from assistant.resolve import Resolution, Resolver
from index.records import Metadata, Notice

TITLES = ("Programme Officer", "Finance Assistant", "Logistics Officer", "Nutrition Specialist",
          "Security Coordination Officer", "Procurement Associate", "Data Analyst", "Driver",
          "Communications Officer", "Human Resources Assistant")
ORGS = ("World Food Programme", "United Nations Children's Fund", "International Organization for Migration",
        "United Nations Development Programme", "Norwegian Refugee Council")
CITIES = ("Nairobi, Kenya", "Dhaka, Bangladesh", "Amman, Jordan", "Bogotá, Colombia", "Kabul, Afghanistan",
          "Juba, South Sudan", "Maputo, Mozambique", "Yangon, Myanmar")
GRADES = ("P-2", "P-3", "P-4", "G-5", "NO-B")


class CountingNotice:
    """A notice whose text is counted each time anything reads it."""

    reads = 0

    def __init__(self, notice: Notice):
        self._notice = notice

    @property
    def text(self) -> str:
        CountingNotice.reads += 1
        return self._notice.text

    def __getattr__(self, name):
        return getattr(self._notice, name)


def synthetic(n: int) -> list[Notice]:
    combos = itertools.cycle(itertools.product(TITLES, ORGS, CITIES, GRADES))
    out = []
    for i, (title, org, city, grade) in zip(range(n), combos):
        text = (f"{title}\nOrganization: {org}\nDuty station: {city}\nGrade: {grade}\n"
                f"Job opening number: 26-{100000 + i}\nThe incumbent supports the office in "
                f"{city.split(',')[0]}. " + "Other duties as required. " * 20)
        meta = Metadata(title=title, organisation=org, grade=grade, duty_station=city,
                        closes=date(2026, 1, 1 + i % 28), job_opening=f"26-{100000 + i}")
        out.append(Notice(f"n{i:05d}", f"{i:05d}.txt", text, (), meta))
    return out


def unique(title: str, org: str, city: str, grade: str, nid: str) -> Notice:
    text = f"{title}\n{org}\n{city}\n{grade}\nThe post supports field operations."
    return Notice(nid, f"{nid}.txt", text, (), Metadata(title=title, organisation=org, grade=grade,
                                                          duty_station=city))


@pytest.fixture(scope="module")
def big():
    notices = [CountingNotice(n) for n in synthetic(2000)]
    extra = [unique("Chief Librarian", "United Nations Children's Fund", "Laayoune, Western Sahara", "P-5", "lib1"),
             unique("Chief Librarian", "United Nations Children's Fund", "Pretoria, South Africa", "P-5", "lib2"),
             unique("Hydrologist", "World Food Programme", "Port-au-Prince, Haiti", "P-3", "hyd1")]
    cards = [card_for(n) for n in notices] + [card_for(n) for n in extra]
    return Resolver(cards), len(notices)


def test_resolution_reads_no_notice_text_per_question(big):
    resolver, n = big
    before = CountingNotice.reads
    assert before == n            # each card read its notice once, at build time
    questions = ["What does the chief librarian in Laayoune do?", "When does job 26-100042 close?",
                 "Which WFP posts are in Nairobi?", "What is the salary?", "And the one in Pretoria?",
                 "Who does the hydrologist in Port au Prince report to?"]
    for q in questions:
        resolver.resolve(q, ("What does the chief librarian in Laayoune do?",))
        resolver.resolve(q, (), wants_all=q.startswith("Which"))
    assert CountingNotice.reads == before


def test_a_unique_title_and_place_is_one_notice(big):
    resolver, _ = big
    assert resolver.resolve("What does the chief librarian in Laayoune do?").notice_ids == ("lib1",)


def test_a_misspelt_place_still_names_the_notice(big):
    resolver, _ = big
    res = resolver.resolve("What does the Chief Librarian in Layoune need?")
    assert (res.how, res.notice_ids) == ("mentioned", ("lib1",))


def test_the_job_opening_number_names_one_notice(big):
    resolver, _ = big
    assert resolver.resolve("When does job opening 26-100042 close?").notice_ids == ("n00042",)


def test_two_posts_the_question_cannot_tell_apart_ask_which(big):
    resolver, _ = big
    res = resolver.resolve("What does the chief librarian do?")
    assert res.how == "ambiguous"
    assert set(res.candidates) == {"lib1", "lib2"}


def test_an_acronym_finds_the_organisation_spelt_out(big):
    resolver, _ = big
    res = resolver.resolve("Which WFP hydrologist posts are there?", wants_all=True)
    assert res.notice_ids == ("hyd1",)
    assert resolver.resolve("What does the WFP hydrologist do?").notice_ids == ("hyd1",)


def test_a_follow_up_naming_a_place_moves_to_the_like_post_there(big):
    resolver, _ = big
    res = resolver.resolve("And the one in Pretoria?", ("What does the chief librarian in Laayoune do?",))
    assert (res.how, res.notice_ids) == ("mentioned", ("lib2",))


def test_a_question_without_a_clue_keeps_the_focus(big):
    resolver, _ = big
    res = resolver.resolve("What is the salary?", ("What does the hydrologist in Port-au-Prince do?",))
    assert (res.how, res.notice_ids) == ("history", ("hyd1",))


def test_all_narrows_to_every_named_field(big):
    resolver, _ = big
    res = resolver.resolve("Which UNICEF P-4 posts are in Amman?", wants_all=True)
    expected = {n.id for n in synthetic(2000) if n.organisation.startswith("United Nations Children")
                and n.grade == "P-4" and n.duty_station.startswith("Amman")}
    assert res.how == "all" and set(res.notice_ids) == expected and len(expected) == 10


def test_a_question_naming_nothing_resolves_to_nothing(big):
    resolver, _ = big
    assert resolver.resolve("Hello, how are you?").how == "none"


def test_a_card_knows_country_continent_acronyms_and_category():
    card = card_for(unique("Chief Librarian", "United Nations Children's Fund", "Nairobi", "P-5", "x"))
    assert (card.country, card.continent, card.acronyms, card.category) == \
        ("Kenya", "Africa", ("UNICEF",), "professional")
    assert place_of("Brooklyn, NY") == ("United States", "North America")
    assert place_of("Camp 7") == (None, None)
    assert candidate_line(card) == "Chief Librarian — UNICEF, Nairobi, P-5"


def test_a_degree_defined_in_brackets_is_not_an_acronym_of_the_notice():
    text = ("Electronic Resources Librarian\nSUNY College at Old Westbury\nOld Westbury, New York\n"
            "Required: ALA-accredited Master of Library Science (MLS)/Master of Library and Information Studies "
            "(MLIS). The Online Computer Library Center (OCLC) hosts the catalogue.")
    notice = Notice("e1", "e1.txt", text, (), Metadata(title="Electronic Resources Librarian",
                                                       organisation="SUNY College at Old Westbury"))
    assert card_for(notice).acronyms == ("OCLC", "SUNY")


def test_a_notice_stating_no_title_or_place_is_found_by_its_file_name():
    from assistant.cards import card_for
    from assistant.resolve import Resolver
    from index.build import parse_notice

    fragment = parse_notice("017_wfp-ict-associate-service-desk-aden-fragment.html",
                            "KEY ACCOUNTABILITIES\n\nCarry out system and hardware maintenance tasks.\n")
    other = parse_notice("011_unicef-finance-officer-maseru.txt", "Finance Officer\n\nDuty Station: Maseru\n")
    r = Resolver([card_for(fragment), card_for(other)])
    assert r.resolve("What does the ICT service desk job in Aden ask for?").notice_ids == (fragment.id,)


def test_a_file_name_place_is_read_at_ingest_not_at_each_start(monkeypatch):
    from assistant.cards import card_for
    from assistant.resolve import Resolver
    from index import places
    from index.build import parse_notice

    fragment = parse_notice("017_wfp-ict-associate-service-desk-aden-fragment.html",
                            "KEY ACCOUNTABILITIES\n\nCarry out system and hardware maintenance tasks.\n")
    card = card_for(fragment)
    assert card.file_place == "aden yemen"
    monkeypatch.setattr(places, "cities_by_name", lambda: pytest.fail("GeoNames cities loaded at start"))
    assert Resolver([card]).resolve("What does the job in Aden ask for?").notice_ids == (fragment.id,)


def _resolver(*specs: tuple[str, str, str, str, str], opening: dict[str, str] | None = None) -> Resolver:
    """Cards of literal notices (title, organisation, duty station, grade, id)."""
    notices = []
    for title, org, city, grade, nid in specs:
        text = f"{title}\n{org}\n{city}\n{grade}\n{(opening or {}).get(nid, 'The post supports field operations.')}"
        notices.append(Notice(nid, f"{nid}.txt", text, (), Metadata(title=title, organisation=org,
                                                                     grade=grade, duty_station=city)))
    return Resolver([card_for(n) for n in notices] + [card_for(n) for n in synthetic(200)])


def test_a_word_counts_once_in_its_best_field():
    """"New York" in a title does not count again beside the duty station, and "UNHCR" in a
    duty station does not count again beside the organisation."""
    r = _resolver(("Designer", "UNHCR", "UNHCR HQ", "P-3", "hq"),
                  ("Digital Asset Manager", "UNHCR", "New York, NY", "P-3", "ny"),
                  ("Librarian in New York, New York", "City University of New York", "New York, New York", "", "cuny"))
    assert r.resolve("What are the requirements for the UNHCR post in New York?").notice_ids == ("ny",)


def test_posts_the_names_cannot_tell_apart_stay_a_clarification_whatever_their_openings_repeat():
    r = _resolver(("Nutrition Manager", "ACF", "Aden", "", "a1"), ("Data Entry Assistant", "ACF", "Aden", "", "a2"),
                  opening={"a1": "ACF in Aden: ACF Aden ACF Aden ACF Aden."})
    res = r.resolve("What are the requirements for the ACF post in Aden?")
    assert (res.how, set(res.candidates)) == ("ambiguous", {"a1", "a2"})


def test_an_exact_title_leads_a_longer_title_holding_it():
    r = _resolver(("Weekend Evening Librarian", "Yonkers Public Library", "Yonkers, NY", "", "exact"),
                  ("Weekend Evening Librarian - School of Visual Arts", "School of Visual Arts", "New York, NY", "", "long"))
    res = r.resolve("What does the Weekend Evening Librarian do?")
    assert (res.notice_ids or res.candidates)[0] == "exact"


def test_a_follow_up_after_a_turn_that_left_two_posts_open_takes_the_like_post():
    r = _resolver(("Library Director", "Brooklyn Public Library", "Brooklyn, NY", "", "b1"),
                  ("Library Director", "Brooklyn Public Library", "Brooklyn, NY USA", "", "b2"),
                  ("Library Director", "Bronx Library Center", "Bronx, NY", "", "x1"),
                  ("Archivist", "Bronx County Historical Society", "Bronx, NY", "", "x2"),
                  ("Circulation Supervisor - Library, Bronx", "Mercy College", "Bronx, New York", "", "x3"))
    assert r.resolve("What languages does the Library Director in Brooklyn require?").how == "ambiguous"
    res = r.resolve("And the one in Bronx?", ("What languages does the Library Director in Brooklyn require?",))
    assert (res.how, res.notice_ids) == ("mentioned", ("x1",))


def test_a_demonym_names_its_country():
    r = _resolver(("Chief Security Officer", "MINUSTAH", "Port-au-Prince, Haiti", "P-4", "ht"),
                  ("Security Officer", "IOM", "Pretoria, South Africa", "P-3", "za"))
    res = r.resolve("What about the Haitian one?", ("When does the Pretoria post close?",))
    assert res.notice_ids == ("ht",)


def test_title_words_of_a_file_name_are_not_read_as_places():
    from index.build import parse_notice

    notice = parse_notice("2016-04-04-PART-TIME-DIGITAL-ARCHIVIST-QUEENS-LIBRARY.markdown",
                          "# Part-Time Digital Archivist\n\nThe archivist processes collections.\n")
    fragment = parse_notice("011_wfp-business-support-assistant-maseru.txt", "Duties\n\nFiling.\n")
    assert (card_for(notice).file_place, card_for(fragment).file_place) == \
        ("queens united states", "maseru lesotho")


def test_a_roman_one_after_a_title_word_is_part_of_the_title():
    r = _resolver(("Librarian I", "Mercy College", "Bronxville, NY", "", "l1"),
                  ("Librarian", "Mercy College", "Bronxville, NY", "", "l0"))
    assert r.resolve("What languages does the Librarian I in Bronxville require?").notice_ids == ("l1",)
    res = r.resolve("Can I apply for the Librarian in Bronxville?")
    assert (res.notice_ids or res.candidates)[0] == "l0"


def test_a_question_naming_only_the_jobs_subject_finds_it_in_the_opening():
    r = _resolver(("Curator", "Columbia University Libraries", "New York, NY", "", "avery"),
                  ("Repository Librarian", "Touro College", "New York, NY", "", "touro"),
                  opening={"avery": "Avery's Drawings and Archives collection holds architectural drawings."})
    assert r.resolve("How many drawings does Avery's department hold?").notice_ids == ("avery",)
    assert r.resolve("What is the name of Touro's repository?").notice_ids == ("touro",)


def _sectioned(nid: str, title: str, org: str, city: str, duties: str) -> Notice:
    """A notice whose opening (`OPENING_CHARS`) is all about its employer and whose
    Responsibilities section, after it, says what the job does."""
    from index.records import Section

    head = f"{title}\n{org}\n{city}\n\n" + f"{org} is a college of the City University. " * 30 + "\n\n"
    text = head + f"Responsibilities\n{duties}\n"
    return Notice(nid, f"{nid}.txt", text, (Section("Header", 0, len(head), "header"),
                                            Section("Responsibilities", len(head), len(text), "responsibilities")),
                  Metadata(title=title, organisation=org, duty_station=city))


def test_a_question_naming_what_the_job_does_finds_it_in_the_duty_words():
    curator = _sectioned("cur", "Assistant Curator", "Hunter College", "New York, NY",
                         "Installs the exhibitions and gives gallery tours to visiting classes.")
    officer = _sectioned("arc", "Archives Officer", "Hunter College", "New York, NY",
                         "Processes the archival collections and answers reference questions.")
    card = card_for(curator)
    assert "gallery" in card.duties.split() and "university" not in card.duties.split()
    r = Resolver([card_for(curator), card_for(officer)] + [card_for(n) for n in synthetic(200)])
    q = "Does the job at Hunter that installs the exhibitions and gives gallery tours require Spanish?"
    assert r.resolve(q) == Resolution(("cur",), "mentioned")
    assert r.resolve("Who does the Hunter archives officer report to?").notice_ids == ("arc",)


def test_a_term_the_question_asks_for_lowers_a_title_stating_its_opposite():
    r = _resolver(("Part Time Learning Commons Librarian", "College of New Rochelle", "Harlem, New York", "", "pt"),
                  ("Learning Commons Librarian", "College of New Rochelle", "New York, NY", "", "ft"),
                  ("Librarian/Archivist Internship (unpaid)", "United Nations", "New York, NY", "", "unpaid"),
                  ("Paid Archives Internship", "WNYC", "New York, NY", "", "paid"))
    q = "Is the full-time learning commons librarian at the College of New Rochelle in Harlem only for one year?"
    assert r.resolve(q) == Resolution(("ft",), "mentioned")
    assert r.resolve("How many hours is the part-time learning commons librarian in Harlem?").notice_ids == ("pt",)
    # asking about a term is not asking for it
    assert r.resolve("Is the librarian/archivist internship paid?").notice_ids == ("unpaid",)
    assert r.resolve("What does the unpaid archives internship involve?").notice_ids == ("unpaid",)


def test_what_a_question_asks_is_not_a_name():
    r = _resolver(("Part-Time Librarian (15-20 hours/week)", "City College", "Harlem, NY", "", "hrs"),
                  ("Photo Archives Intern", "Jewish Museum", "New York, NY", "", "int"))
    assert r.resolve("How many hours a week is the intern?").notice_ids == ("int",)
    assert r.resolve("How long does the 15-20 hours/week librarian post last?").notice_ids == ("hrs",)


def test_the_un_names_the_united_nations_post():
    r = _resolver(("Archives Intern", "United Nations", "New York, NY", "", "un"),
                  ("Archives Intern", "Jewish Museum", "New York, NY", "", "jm"))
    assert r.resolve("What does the UN archives intern do?") == Resolution(("un",), "mentioned")


def test_an_organisation_is_named_by_its_initials_in_capitals():
    r = _resolver(("Director of Library Technology", "Hudson County Community College", "Jersey City, NJ", "", "hccc"),
                  ("Director of Library Technology", "Bronx Community College", "Bronx, NY", "", "bcc"),
                  ("Librarian", "Art Research Team", "Bronx, NY", "", "art"),
                  ("Art Librarian", "Bronx Museum", "Bronx, NY", "", "museum"))
    assert r.resolve("Which campuses would HCCC's director of library technology look after?") == \
        Resolution(("hccc",), "mentioned")
    assert r.resolve("What does the art librarian in the Bronx do?").notice_ids == ("museum",)
    r = _resolver(("Processing Archivist", "College Of Staten Island Library", "Staten Island, NY", "", "csi"),
                  ("Processing Archivist", "Wagner College", "Staten Island, NY", "", "wag"))
    assert r.resolve("When would the CSI processing archivist start?") == Resolution(("csi",), "mentioned")


def test_at_that_college_keeps_the_employer_of_the_post_in_focus():
    r = _resolver(("Director of Library Technology", "Hudson County Community College", "Jersey City, NJ", "", "dir"),
                  ("Librarian", "Hudson County Community College", "Union City, NJ", "", "lib_h"),
                  ("Librarian", "Bronx Community College", "Bronx, NY", "", "lib_b"),
                  ("Reference Librarian - Hudson County Community College", "", "Jersey City, NJ", "", "ref"))
    earlier = ("Which campuses would the director of library technology look after?",)
    assert r.resolve("Is there also a librarian opening at that college?", earlier) == Resolution(("lib_h",), "mentioned")


def test_a_named_grade_lowers_a_post_of_another_stated_grade():
    """Of the two posts in The Hague, the one whose grade is not stated may be the P-5; the
    AD-9 is not."""
    r = _resolver(("Head of Unit", "Europol", "The Hague, Netherlands", "AD-9", "eu"),
                  ("Witness Assistant", "International Criminal Court", "The Hague, Netherlands", "", "icc"))
    assert r.resolve("When does the AD-9 in The Hague close?") == Resolution(("eu",), "mentioned")
    assert r.resolve("What's the monthly pay of the P-5 in The Hague?") == Resolution(("icc",), "mentioned")


def test_an_acronym_before_a_degree_word_is_a_qualification_not_an_employer():
    r = _resolver(("Librarian", "Touro College", "New York, NY", "", "touro"),
                  ("Cataloging Librarian", "Icahn School of Medicine", "New York, NY", "", "icahn"),
                  opening={"touro": "The librarian helps the Provost with research.",
                           "icahn": "Requires a degree from an American Library Association (ALA) accredited program."})
    assert "ALA" in r.card("icahn").acronyms
    assert r.resolve("Touro has a library opening that helps the Provost - is an ALA master's required?") == \
        Resolution(("touro",), "mentioned")
    assert r.resolve("Does the Touro librarian need an ALA-accredited degree?").notice_ids == ("touro",)


def test_a_grade_is_named_by_one_of_its_alternatives_or_codes():
    """The grade is stated only in the notice's metadata (not in its opening sentences)."""
    specs = (("Circulation Supervisor", "SUNY Old Westbury", "Old Westbury, NY", "SL2 / Negotiating", "sl2"),
             ("Reference Librarian", "SUNY Old Westbury", "Old Westbury, NY", "NSN3 FLSA Status: Exempt", "nsn3"),
             ("Instruction Librarian", "Brooklyn College", "Brooklyn, NY", "Instructor or Assistant Professor", "ap"),
             ("Archivist", "Brooklyn College", "Brooklyn, NY", "Instructor", "in"))
    notices = [Notice(nid, f"{nid}.txt", f"{title}\n{org}\n{city}\nThe post serves the library.", (),
                      Metadata(title=title, organisation=org, grade=grade, duty_station=city))
               for title, org, city, grade, nid in specs]
    r = Resolver([card_for(n) for n in notices] + [card_for(n) for n in synthetic(200)])
    assert r.resolve("When does the SL2 in Old Westbury close?") == Resolution(("sl2",), "mentioned")
    assert r.resolve("When does the NSN3 in Old Westbury close?") == Resolution(("nsn3",), "mentioned")
    assert r.resolve("When does the Assistant Professor in Brooklyn close?") == Resolution(("ap",), "mentioned")
    # the whole grade first, the grade it is an alternative of close behind
    assert r.resolve("When does the Instructor in Brooklyn close?") == Resolution((), "ambiguous", ("in", "ap"))


def test_a_title_repeating_its_organisation_does_not_count_it_twice():
    """"… - Brooklyn College" at the end of a title is the organisation again: its words are
    not title words, and "Professor) - Brooklyn" is not a pair of the title."""
    r = _resolver(("Reference Librarian (Assistant Professor) - Brooklyn College", "Brooklyn College",
                   "Brooklyn, NY", "", "a"),
                  ("Information Literacy Instructor", "ASA College", "Brooklyn, NY", "", "b"))
    tokens = r._title_tokens(r.card("a"))
    assert "brooklyn" not in tokens and "professor_brooklyn" not in tokens and "assist_professor" in tokens
    assert "colleg" not in r._title_tokens(r.card("b")) and r._title_tokens(r.card("b"))[0] == "inform"
    assert r.resolve("What does the Brooklyn College reference librarian do?").notice_ids == ("a",)


def test_the_other_one_in_a_follow_up_is_not_the_post_in_focus():
    r = _resolver(("Technical Coordinator CCCM", "ACTED", "Hargeisa", "", "h1"),
                  ("Program Accountability Coordinator", "World Vision", "Hargeisa", "", "h2"))
    res = r.resolve("What about the other NGO vacancy in Hargeisa?", ("Is the ACTED CCCM coordinator in Hargeisa a "
                                                                       "long contract?",))
    assert (res.how, res.notice_ids) == ("mentioned", ("h2",))
    res = r.resolve("And the other one?", ("Is the ACTED CCCM coordinator in Hargeisa a long contract?",))
    assert res.notice_ids != ("h1",)


def test_vacancies_based_in_a_place_offer_every_post_there():
    r = _resolver(("Technical Coordinator CCCM", "ACTED", "Hargeisa", "", "h1"),
                  ("Program Accountability Coordinator", "World Vision", "Hargeisa", "", "h2"),
                  ("Software Engineer", "Mercy Corps", "Remote, must be based in the United States", "", "us"))
    res = r.resolve("Tell me about the vacancies based in Hargeisa")
    assert (res.how, set(res.candidates)) == ("ambiguous", {"h1", "h2"})


def test_a_profiles_many_words_in_another_posts_duties_do_not_add_up_to_a_name():
    from index.build import parse_notice
    ict = parse_notice("ict.txt", "Position Title: IT Helpdesk Associate\nOrganization: WFP\nDuty Station: Aden\n\n"
                                  "Responsibilities\n\nProvide IT helpdesk support to users.\n")
    busy = parse_notice("ppo.txt", "Position Title: Programme Policy Officer\nOrganization: WFP\nDuty Station: Dhaka\n\n"
                                   + "Background\n\n" + "WFP works with the government of Bangladesh. " * 30 +
                                   "\n\nResponsibilities\n\nSupport staff members on fixed term contracts who joined the "
                                   "current team 8 months ago; hold secondary certificates; months of member terms.\n")
    r = Resolver([card_for(ict), card_for(busy)] + [card_for(n) for n in synthetic(200)])
    res = r.resolve("I'm a WFP staff member on a fixed-term contract and joined my current position 8 months ago. "
                    "I hold a post-secondary IT certificate. Can I apply for the WFP IT helpdesk vacancy?")
    assert (res.how, res.notice_ids) == ("mentioned", (ict.id,))


def test_a_grade_the_asker_holds_does_not_lower_a_post_of_another_grade():
    r = _resolver(("Logistics Officer (Downstream Pipeline)", "WFP", "Aden", "NO-B", "log"),
                  ("Data Entry Assistant", "ACF", "Aden", "G-6", "acf"))
    res = r.resolve("I have 6 years of experience, all of it as a G6 logistics assistant. Am I eligible for the WFP "
                    "Logistics Officer (Downstream Pipeline) post in Aden?")
    assert (res.how, res.notice_ids) == ("mentioned", ("log",))


def test_an_organisation_named_in_the_other_spelling_names_it():
    """"World Trade Organisation" (British) names the notice of the World Trade Organization."""
    notices = [unique("Intern", "WTO", "Geneva, Switzerland", "", "wto1"),
               unique("MLIS Internship", "New Knowledge Organization Ltd.", "New York, NY", "", "nko1"),
               unique("Theoretical Physicist", "CERN", "Geneva, Switzerland", "", "cern1")]
    resolver = Resolver([card_for(n) for n in notices])
    got = resolver.resolve("What's the age limit for the internships at the World Trade Organisation in Geneva?")
    assert got == Resolution(("wto1",), "mentioned")


def test_organisation_names_match_in_either_spelling():
    from index import vocab

    found = [vocab.organisation_of(m) for m in vocab.organisation_pattern().finditer(
        "the World Health Organisation and the World Trade Organization")]
    assert found == ["WHO", "WTO"]
    assert vocab.fold_spelling("World Trade Organisation") == vocab.fold_spelling("World Trade Organization")


def test_initials_split_at_a_dash_spaced_on_one_side():
    from assistant.resolve import initials

    assert initials("Museum of Jewish Heritage- A Living Memorial to the Holocaust") == \
        ["mjhalmh", "mjh", "almh", "mjhalm", "alm"]
    assert initials("Wilkes-Barre Area Public Library") == ["wbapl", "wbap"]
