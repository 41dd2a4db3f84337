"""Notice resolution as retrieval over cards: which notice a question names, among
thousands, without reading any notice text per question (fast: no model; the embedding
part is covered by the pipeline tests and `benchmarks/resolve.py`)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from assistant.cards import candidate_line, card_for, place_of
from assistant.resolve import Resolver
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
    assert card.file_place == "aden"
    monkeypatch.setattr(places, "cities_by_name", lambda: pytest.fail("GeoNames cities loaded at start"))
    assert Resolver([card]).resolve("What does the job in Aden ask for?").notice_ids == (fragment.id,)
