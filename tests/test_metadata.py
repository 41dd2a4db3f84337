"""index.metadata: exact values for the five seeds and for corpus notices of different
organisations and layouts (only what the text states), spans that point at the stating
text on every file, and the value clean-ups one by one."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import CORPUS, SEEDS, SEED_FILES, limits, parsed
from evals.manifest import TUNED, split_of
from index.load import load_bytes
from index.metadata import normalise_grade, numeric_order, parse_date, read_metadata
from index.records import Metadata
from index.repair import repair
from index.sections import find_sections

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
FIELDS = ("title", "organisation", "grade", "duty_station", "posted", "closes", "job_opening")

# file → (title, organisation, grade, duty station, posted, closes, job opening)
EXPECTED = {
    "000_b9674fda4f53b7f1.txt": ('Security Coordination Officer (Crisis Management Project)', 'Department of Safety and Security (UNDSS)', None, 'New York',
        None, None, None),
    "001_a74e565dca0ed800.txt": ('Protection Coordination Officer', 'United Nations Department of Safety and Security', 'P-3', 'New York, United States of America',
        date(2023, 10, 26), date(2023, 12, 9), '23-Security-DSS-219689-R-New York (G)'),
    "002_5bc2b8270ee94ae7.txt": ('Security Coordination Officer', 'United Nations Mission for the Referendum in Western Sahara', 'P-3', 'Laayoune (Western Sahara)',
        None, None, None),
    "003_deac4a805d964395.txt": ('Chief Security Officer', 'United Nations Support Office in Haiti (UNSOH)', 'P-5', 'Port-au-Prince',
        None, None, None),
    "004_2e9a5f74b42d033d.txt": ('Regional Security Officer', 'International Organization for Migration', 'P-4', 'Pretoria, South Africa',
        date(2022, 6, 8), date(2022, 6, 21), None),
    "001_un-dhl-librarian-newyork.txt": ('Librarian', 'Dag Hammarskjold Library, United Nations', None, 'New York, NY',
        date(2018, 6, 1), None, None),
    "002_un-dpi-digital-av-librarian-p3-temp.txt": ('Digital Audiovisual Librarian/Archivist (Temporary Position)', 'United Nations - Multimedia Resources Unit, UN DPI', 'P-3', 'United Nations - New York, USA',
        date(2016, 4, 12), None, None),
    "007_unicef-digital-asset-manager-consultancy.txt": ('Consultancy Assignment: Digital Asset Manager', 'UNICEF', None, 'New York, NY',
        date(2016, 2, 23), date(2016, 2, 29), None),
    "008_wfp-programme-associate-field-coordination-g6-colombo.txt": ('Programmme Associate - Field Coordination', 'WFP', 'G-6', 'Colombo, Sri Lanka',
        date(2025, 11, 23), date(2025, 11, 30), None),
    "009_wfp-programme-policy-officer-activity-manager-noa-colombo.txt": ('Programme Policy Officer - Activity Manager', 'WFP', 'NO-A', 'Colombo, Sri Lanka',
        date(2025, 11, 23), date(2025, 11, 30), None),
    "010_wfp-programme-policy-officer-coordination-sc10-dhaka.txt": ('Programme Policy Officer (Coordination)', 'WFP', 'SC-10', 'Dhaka',
        None, date(2025, 12, 1), None),
    "011_wfp-business-support-assistant-maseru.txt": (None, 'WFP', None, None,
        None, date(2025, 12, 7), None),
    "012_wfp-intl-consultant-supply-chain-officer-ndjamena.txt": ('Supply Chain Officer', 'WFP', None, "N'Djamena, Chad",
        None, date(2025, 12, 9), None),
    "013_wfp-partnerships-officer-noa-seoul.txt": ('Partnerships Officer', 'WFP', 'NO-A', 'Seoul, Republic of Korea',
        None, date(2025, 12, 10), None),
    "014_ilo-senior-driver-g3-karachi-header-only.txt": (None, 'ILO', 'G-3', 'Karachi',
        date(2025, 11, 25), date(2025, 12, 7), 'DC/Karachi/P/2025/24'),
    "015_iom-senior-programme-assistant-g6-berbera.txt": ('Senior Programme Assistant', 'IOM', 'G-6', 'Berbera, Somaliland',
        date(2020, 4, 2), date(2020, 4, 15), 'SVN/IOMSO/005/2020'),
    "016_unhcr-senior-cbp-assistant-g5-coxsbazar-sqldump.txt": ('Senior Community-Based Protection Assistant', 'UNHCR', 'G-5', "Cox's Bazar",
        None, date(2020, 1, 1), 'VA/BGDCO/FTA/045/2019'),
    "020_unicef-designer-frontend-uxui-consultancy-nyhq.txt": ('Designer – Front End UX/UI Design', 'UNICEF', None, 'UNICEF NYHQ',
        date(2020, 9, 15), None, None),
    "021_unicef-itu-giga-ux-design-specialist-consultancy.txt": ('Giga User Experience Design Specialist', 'Giga', None, None,
        date(2021, 11, 9), date(2021, 12, 7), None),
    "022_wri-uxui-designer-data-lab-london.html": ('UX/UI Designer, Data Lab', 'World Resources Institute', None, 'London, Hybrid',
        date(2024, 5, 13), date(2024, 6, 2), None),
    "024_wfp-logistics-officer-downstream-pipeline-nob-aden-fragment.html": ('Logistics Officer (Downstream Pipeline)', 'WFP', 'NO-B', 'Aden',
        None, None, None),
    "025_acf-ikm-officer-aden-fragment.html": ('Information and Knowledge Management (IKM) Officer', 'ACF', None, 'Aden',
        None, date(2022, 2, 28), None),
    "028_nytimes-software-engineer-knowledge-management.txt": ('Software Engineer, Knowledge Management', 'The New York Times', None, 'New York City area',
        date(2017, 3, 24), None, None),
    "029_columbia-digital-repository-developer.txt": ('Digital Repository Developer', 'Columbia University Libraries', None, None,
        date(2016, 4, 6), None, None),
    "030_unicef-visual-design-specialist-consultancy-stockholm.txt": ('Visual Design Specialist', None, None, None,
        date(2022, 11, 10), date(2022, 11, 22), None),
}


def _meta_of(path) -> tuple[str, Metadata]:
    notice = parsed(path)
    return notice.text, notice.meta


def _read(raw: str) -> Metadata:
    text = repair(raw)
    return read_metadata(text, find_sections(text))


def test_pinned_notices_are_in_tuned_splits():
    """Pinning a notice's metadata tunes the parser on it: the manifest must say so."""
    assert {name: split_of()[name] for name in EXPECTED if split_of()[name] not in TUNED} == {}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: n[:24])
def test_metadata_of_real_notices(name):
    path = SEEDS / name if (SEEDS / name).exists() else CORPUS / name
    _, meta = _meta_of(path)
    assert tuple(getattr(meta, f) for f in FIELDS) == EXPECTED[name]


@pytest.mark.parametrize("path", SEED_FILES + CORPUS_FILES, ids=lambda p: p.name[:24])
def test_spans_point_at_the_text_that_states_each_value(path):
    text, meta = _meta_of(path)
    for field, start, end in meta.spans:
        stated = text[start:end]
        if field in ("posted", "closes"):
            assert parse_date(stated, numeric_order(text)) == getattr(meta, field), (field, stated)
        elif field == "grade":
            assert (normalise_grade(stated) or " ".join(stated.split())) == meta.grade, stated
        elif field == "period":
            assert parse_date(stated) is not None, stated
        else:
            assert " ".join(stated.split()) == getattr(meta, field), (field, stated)
    stated_fields = {f for f, _, _ in meta.spans}
    assert {f for f in FIELDS if getattr(meta, f) is not None} <= stated_fields


@pytest.mark.parametrize("raw, grade", [
    ("Grade P4", "P-4"), ("General Service, G5", "G-5"), ("NOA", "NO-A"), ("Grade: NOB", "NO-B"),
    ("SC10", "SC-10"), ("GS-4", "G-4"), ("D-1", "D-1"), ("FS-5", "FS-5"), ("Fixed Term (G6)", "G-6"),
    ("Consultant CLT II", None), ("Entry-level", None),
])
def test_normalise_grade(raw, grade):
    assert normalise_grade(raw) == grade


@pytest.mark.parametrize("raw, day", [
    ("30 November 2025-23:59-GMT+05:30 India Standard Time", date(2025, 11, 30)),
    ("23.11.2025", date(2025, 11, 23)), ("2020-04-15T07:17:20.513Z", date(2020, 4, 15)),
    ("latest by 28th of Feb 2022.", date(2022, 2, 28)), ("Feb. 15, 2016", date(2016, 2, 15)),
    ("15 April, 2020", date(2020, 4, 15)), ("by the date of\n2 June\n2024.", date(2024, 6, 2)),
    ("As soon as possible", None), ("12/25/2019", date(2019, 12, 25)),
    ("Applications received by 10/6/2019 will be given preference", None),
    ("25 septembre 2026", date(2026, 9, 25)), ("1er octobre 2026", date(2026, 10, 1)),
    ("15 de septiembre de 2026", date(2026, 9, 15)), ("31-12-2026", date(2026, 12, 31)),
    ("jobCloseDateExternal: 0001-01-01T00:00:00", None),
])
def test_parse_date(raw, day):
    assert parse_date(raw) == day


@pytest.mark.parametrize("text, order, posted, closes", [
    # day/month order of an ambiguous date comes from the notice's other dates
    ("Posting date: 21/06/2025\nClosing date: 04/07/2025\n", True, date(2025, 6, 21), date(2025, 7, 4)),
    ("Date of issue\n09/07/2026\nClose Date (Midnight, Rome Time)\n09/29/2026\n", False,
     date(2026, 9, 7), date(2026, 9, 29)),
    ("Closing date: 04/07/2025\n", None, None, None),
])
def test_ambiguous_numeric_dates_take_the_notice_s_order(text, order, posted, closes):
    meta = read_metadata(text)
    assert (numeric_order(text), meta.posted, meta.closes) == (order, posted, closes)


@pytest.mark.parametrize("text, field, value", [
    # one line per layout family, from real notices of the dev corpus
    ("Requisition ID | 37039\n", "job_opening", "37039"),                      # EBRD table row
    ("Duty Station: | The Hague - NL\n", "duty_station", "The Hague - NL"),     # ICC table row
    ("Function group/grade AD 9\n", "grade", "AD-9"),                          # EU PDF header
    ("Job title Head of Communities and Consistent Practices Service\nFunction group/grade AD 9\n",
     "title", "Head of Communities and Consistent Practices Service"),
    ("Job #:\nreq37705\n", "job_opening", "req37705"),                          # World Bank
    ("Grade:\nT4\n", "grade", "T-4"), ("Grade\nGF\n", "grade", "GF"),
    ("Contract Level\nIICA 2\n", "grade", "IICA-2"),                          # UNOPS
    ("Grade range: 6\n", "grade", "Grade 6"),                                  # CERN
    ("Date de clôture (minuit, heure d'Abidjan): 25 septembre 2026\n", "closes", date(2026, 9, 25)),
    ("deadlineforapplications: 31/12/2026\n", "closes", date(2026, 12, 31)),  # a scraped column
    ("Deadline for applications 22/09/2026 23:59 Alicante time (CET)\n", "closes", date(2026, 9, 22)),
    ("# Director of Analytics (https://example.org/apply/1)\n### Kiva\n", "title", "Director of Analytics"),
    ("# Director of Analytics (https://example.org/apply/1)\n### Kiva\n", "organisation", "Kiva"),
    ("Adviser on Gender Issues (S) - OSCE Careers\n", "title", "Adviser on Gender Issues (S)"),
    ("title: Global Fund to End Modern Slavery: Director of Research & Analytics\n", "title",
     "Director of Research & Analytics"),
    ("Scale: AD9\n", "grade", "AD-9"),                                        # Europol
    ("location: NAIROBI\n", "duty_station", "NAIROBI"),                       # capitals, a known place
    ("location: CONFERENCE DIVISION\n", "duty_station", None),                # a unit, not a place
    ("location: CWR\n", "duty_station", None),                                # a tracking system's code
    ("Duties\n\nInternships take place in Geneva, Switzerland. Travel is not paid.\n", "duty_station",
     "Geneva, Switzerland"),
    ("Terms\n\nThe place of employment will be The Hague, The Netherlands.\n", "duty_station",
     "The Hague, The Netherlands"),
    ("Terms\n\nThe place of employment will be Narnia Forest.\n", "duty_station", None),
    ("### Company Information\n\nDEPARTMENT OF HUMAN RESOURCES\n200 ORANGE STREET\n", "organisation", None),
    ("ExternalPostedEndDate: 2026-09-15T15:59:00+00:00\n", "closes", date(2026, 9, 15)),  # Oracle HCM
    ("Apply\n\nSend a cover letter to the address below before the closing date of September 9, 2018.\n",
     "closes", date(2018, 9, 9)),
])
def test_labelled_fields_of_many_layouts(text, field, value):
    assert getattr(read_metadata(text), field) == value


@pytest.mark.parametrize("text, field, value", [
    # the layouts the understanding issue names
    ("Grade:P4\n", "grade", "P-4"),
    ("Programme Policy Specialist, NO-2, FT, #00012345, Dhaka\n", "title", "Programme Policy Specialist"),
    ("Programme Policy Specialist, NO-2, FT, #00012345, Dhaka\n", "grade", "NO-2"),
    ("Programme Policy Specialist, NO-2, FT, #00012345, Dhaka\n", "job_opening", "00012345"),
    ("Programme Policy Specialist, NO-2, FT, #00012345, Dhaka\n", "duty_station", "Dhaka"),
    ("Vacancy No.A12345Category of Contract: Fixed Term\n", "job_opening", "A12345"),
    ("Vacancy No. VA/BGDCO/FTA/045/2019\n", "job_opening", "VA/BGDCO/FTA/045/2019"),
    ("Professional Staff, Grade P4\n", "grade", "P-4"),
])
def test_glued_and_title_line_fields(text, field, value):
    assert getattr(read_metadata(text), field) == value


def test_text_that_states_nothing_gives_nothing():
    meta = _read("We seek a self-motivated visual designer who can study the existing landscape.")
    assert tuple(getattr(meta, f) for f in FIELDS) == (None,) * 7
    assert meta.spans == ()


def test_yaml_title_loses_its_quotes_and_its_employer():  # corpus 001
    meta = _read('---\nlayout: post\ntitle:  "Librarian - Dag Hammarskjold Library, United Nations"\n'
                 "date:   2018-06-01\n---\n\n### Description###\n\nThis position is in the Library.\n")
    assert (meta.title, meta.organisation, meta.posted) == (
        "Librarian", "Dag Hammarskjold Library, United Nations", date(2018, 6, 1))


def test_title_dash_part_that_is_no_organisation_stays():  # corpus 020
    meta = _read("---\ntitle: Designer – Front End UX/UI Design\n---\nCreate front-end layouts.\n")
    assert (meta.title, meta.organisation) == ("Designer – Front End UX/UI Design", None)


def test_organisation_loses_a_leading_article():  # seed 000
    meta = _read("Org. Setting and Reporting\nThis is a unique opportunity. The advertised position is "
                 "located in the Division of Field Operations (DFO), New York.\n")
    assert (meta.organisation, meta.duty_station) == ("Division of Field Operations (DFO)", "New York")


def test_organisation_setting_out_its_name_and_acronym():  # seed 000
    meta = _read("Org. Setting and Reporting\nThe Department of Safety and Security (UNDSS) is "
                 "responsible for providing leadership. The advertised position is located in the "
                 "Division of Field Operations (DFO), New York.\n")
    assert meta.organisation == "Department of Safety and Security (UNDSS)"


def test_organisation_field_holding_a_website_or_the_title():  # corpora 020 and 030
    meta = _read("---\norganization: UNICEF website\ntitle: Designer\n---\nText.\n")
    assert meta.organisation == "UNICEF"
    meta = _read("---\norganization: Visual Design Specialist\ntitle: Visual Design Specialist\n---\nText.\n")
    assert (meta.title, meta.organisation) == ("Visual Design Specialist", None)


def test_an_address_under_company_information_is_no_organisation():  # job-board reposts
    meta = _read("### Company Information###\n\n470 Western Highway\nOrangeburg, NY 10962\n")
    assert meta.organisation is None
    meta = _read("### Company Information###\n\nUnited Nations, Multimedia Resources Unit\n")
    assert meta.organisation == "United Nations, Multimedia Resources Unit"


def test_organisation_field_with_a_tagline():  # corpus 021
    meta = _read("---\norganization: Giga – Connect every school to the Internet\n---\nText.\n")
    assert meta.organisation == "Giga"


def test_html_line_breaks_separate_labels():  # corpus 024, loaded as HTML
    loaded = load_bytes("notice.html", b"<h2>GENERAL INFORMATION</h2><p>Title of Post: Logistics "
                        b"Officer (Downstream Pipeline)<br>Grade: NOB<br>Duty Station: Aden<br></p>", limits())
    meta = _read(loaded.text)
    assert (meta.title, meta.grade, meta.duty_station) == (
        "Logistics Officer (Downstream Pipeline)", "NO-B", "Aden")


def test_several_labels_on_one_flattened_line():  # corpus 010
    meta = _read("Language: Fluency in spoken and written both in English and Bangla language.\n"
                 "Job Title: Programme Policy Officer (Coordination) Grade: SC10 Type of contract: "
                 "Service Contract Duration: 06 Months Duty Station: Dhaka Number of positions: 01 "
                 "This vacancy announcement is for only Bangladeshi Nationals.\n")
    assert (meta.title, meta.grade, meta.duty_station) == (
        "Programme Policy Officer (Coordination)", "SC-10", "Dhaka")


def test_grade_at_the_end_of_a_title_moves_to_the_grade():  # seed 001, corpus 009
    meta = _read("Posting Title: Protection Coordination Officer, P3\n")
    assert (meta.title, meta.grade) == ("Protection Coordination Officer", "P-3")
    meta = _read("Position Title: Programme Policy Officer - Activity Manager NOA\n")
    assert (meta.title, meta.grade) == ("Programme Policy Officer - Activity Manager", "NO-A")


def test_label_with_a_note_in_brackets_over_several_lines():  # corpus 014
    meta = _read("Publication date: 25-Nov-2025\nApplication deadline (\nmidnight local time\n): 07-Dec-2025\n")
    assert (meta.posted, meta.closes) == (date(2025, 11, 25), date(2025, 12, 7))


def test_posting_period_gives_both_dates():  # seed 004
    meta = _read("Posting period:\n\nFrom 08.06.2022 to 21.06.2022\n")
    assert (meta.posted, meta.closes) == (date(2022, 6, 8), date(2022, 6, 21))


def test_deadline_in_the_instructions_to_apply():  # corpus 007
    meta = _read("###To Apply###\nApplications should be sent to: digitalstrategy@unicef.org by "
                 "29 February 2016. When sending to this mailbox, please ensure the title is quoted.\n")
    assert meta.closes == date(2016, 2, 29)


def test_a_date_outside_the_instructions_to_apply_is_no_deadline():  # seed 003
    meta = _read("Special Notice\nThe selected candidate will be expected to temporarily deploy "
                 "until 30 June 2026.\n")
    assert meta.closes is None


def test_a_one_word_label_is_not_read_before_a_lowercase_word():  # UNHCR Workday pages
    text = "Deadline for Applications\n\nSeptember 20, 2026\n\nHardship Level\n\nA (least hardship)\n"
    assert read_metadata(text).closes == date(2026, 9, 20)


def test_a_block_of_bare_form_values_gives_grade_and_dates():  # Taleo pages (WHO, ADB)
    text = ("401826\nSubmission for the position: Molecular Biologist - (Job Number: 2603964)\n401826\n"
            "Molecular Biologist\n2603964\nP3\nTemporary appointment\n12 Months\n"
            "Sep 9, 2026, 5:09:40 PM\nSep 30, 2026, 11:59:00 PM\nBurkina Faso-Ouagadougou\n")
    m = read_metadata(text)
    assert (m.title, m.grade, m.job_opening, m.posted, m.closes) == (
        "Molecular Biologist", "P-3", "2603964", date(2026, 9, 9), date(2026, 9, 30))


def test_a_block_with_three_dates_gives_no_deadline():
    text = "Officer\nP3\n01-Sep-2026\n16-Sep-2026\n30-Sep-2026\n"
    assert read_metadata(text).closes is None


def test_a_location_chain_in_a_block_of_form_values_gives_the_duty_station():  # Taleo (WHO, ADB)
    text = ("Senior Investment Officer\n260700\nAsian Development Bank-Mongolia Resident Mission-Mongolia-Ulaanbaatar\n"
            "TL6\n02-Sep-2026, 9:15:57 AM\n16-Sep-2026, 11:59:00 PM\n")
    m = read_metadata(text)
    assert (m.duty_station, m.grade, m.closes) == ("Ulaanbaatar", "TL-6", date(2026, 9, 16))
    assert read_metadata("Officer\nP3\nFinance-Budget-Reporting\nBonn\n").duty_station != "Reporting"


# -- round 4: job-board "Company Information" blocks and title lines --------------------
def _board(title: str, company: str) -> Metadata:
    text = (f'---\nlayout: post\ntitle:  "{title}"\ndate:   2017-09-16\ntag: job\n---\n\n'
            f"### Description\n\nPart-time position.\n\n### Company Information\n\n{company}\n")
    return read_metadata(text, find_sections(text))


def test_an_employer_line_loses_its_postal_address_and_a_bare_url_is_no_employer():
    assert _board("Archivist Librarian I", "New Rochelle Public Library 1 Library Plaza New Rochelle, NY "
                  "10801").organisation == "New Rochelle Public Library"
    assert _board("Director of Library", "Purchase College, SUNY/735 Anderson Hill Road/Purchase, NY "
                  "10577").organisation == "Purchase College, SUNY"
    assert _board("Director of Library Services", "[https://tourocom.touro.edu/](https://tourocom.touro.edu/)"
                  ).organisation is None


def test_a_garden_after_the_title_dash_is_the_employer():
    meta = _board("Transcription Coordinator - New York Botanical Garden", "")
    assert (meta.title, meta.organisation) == ("Transcription Coordinator", "New York Botanical Garden")


def test_label_starts_finds_the_known_labels_of_a_run_on_line():
    from index.metadata import label_starts

    line = "Grade: SC10 Type of contract: Service Duration: 06 Months Duty Station: Dhaka, the duration: n/a"
    assert [line[p:p + 8] for p in label_starts(line, 0, len(line))] == ["Type of ", "Duration", "Duty Sta"]


# -- round 5: an employer's own grade scale, an academic rank in a sentence -------------
def test_a_labelled_grade_in_the_employers_own_scale_is_kept_as_written():
    assert read_metadata("Circulation Clerk\n\nSalary Grade: Staff Union - SU18.0\n").grade == "Staff Union - SU18.0"
    assert read_metadata("Clerk\n\nGrade: P4\n").grade == "P-4"
    assert read_metadata("Clerk\n\nSalary Grade: USD 45,000 per annum\n").grade is None
    assert read_metadata("Clerk\n\nLevel: 3 years of experience\n").grade is None


def test_an_academic_rank_stated_in_a_sentence_is_the_grade():
    assert read_metadata("Archivist\n\nThe University invites applications for a tenure-track position at the rank "
                         "of Librarian III.\n").grade == "Librarian III"
    assert read_metadata("Librarian\n\nA full-time, tenure-track faculty position at the Assistant Professor rank. "
                         "Library faculty teach.\n").grade == "Assistant Professor"
    assert read_metadata("Librarian\n\nA position to be hired at the Assistant or Senior Assistant rank.\n"
                         ).grade == "Assistant or Senior Assistant"
    assert read_metadata("Librarian\n\nThe candidate will be appointed to an appropriate Librarian rank.\n"
                         ).grade is None


def test_a_reference_stated_without_a_labels_colon_is_the_job_number():
    assert read_metadata("Advertising Request, Req. #F-10026-19-04\n\nKnowledge Management Librarian\n"
                         ).job_opening == "F-10026-19-04"
    assert read_metadata("Head of Unit\n\nBudget and Finances Reference number eu-LISA/26/TA/AD10/15.1 Deadline "
                         "21/09/2026\n").job_opening == "eu-LISA/26/TA/AD10/15.1"
    assert read_metadata("Clerk\n\nPlease refer to our website for more.\n").job_opening is None


def test_a_number_in_brackets_closing_the_title_is_the_job_number_not_the_title():
    meta = read_metadata("Career Opportunities: Witness Assistant (Individual Contractor) (24303)\n\n"
                         "Duty Station: The Hague\n")
    assert (meta.title, meta.job_opening) == ("Witness Assistant (Individual Contractor)", "24303")


def test_a_country_field_is_the_duty_station():
    assert read_metadata("Public Finance Officer\n\ncountry: Zambia\n").duty_station == "Zambia"
    assert read_metadata("Officer\n\ncountry: Kenya\nDuty Station: Nairobi\n").duty_station == "Nairobi"


def test_a_records_name_field_is_the_title_when_no_line_reads_as_one():
    text = "name: Mapeo y actualización de fuentes de talento - Perú\norganization: UNV\n"
    assert read_metadata(text).title == "Mapeo y actualización de fuentes de talento - Perú"
    assert read_metadata("Finance Officer\n\nName: Jane Doe\n").title == "Finance Officer"


@pytest.mark.parametrize("title, body, organisation", [
    ("Assistant Librarian - The Frick Collection", "The Frick Collection is an art museum.", "The Frick Collection"),
    ("Project Assistant (Temporary) - Museum of Jewish Heritage - A Living Memorial to the Holocaust",
     "The Museum of Jewish Heritage—A Living Memorial to the Holocaust is committed to diversity.",
     "Museum of Jewish Heritage - A Living Memorial to the Holocaust"),
    ("Content Manager - VoxGov", "About Us Voxgov is a fast growing startup company.", "VoxGov"),
    ("Reference Librarian - New York", "The library is in New York.", None),
    ("Cataloger - Part Time", "This part time post is for a cataloger.", None),
    ("Reference Librarian - Hudson County Community COllege", "### URL\n\nwww.hccc.edu",
     "Hudson County Community COllege"),
    ("Archives Intern - Cartier North America", "Please apply at www.cartier.com", "Cartier North America"),
    ("Circulation Supervisor - The New York Society Library", "The New York Society Library is an employer.\n\n"
     "### Company Information\n\nVisit our website at www.nysoclib.org. No phone calls please.",
     "The New York Society Library"),
])
def test_the_part_after_a_title_dash_is_the_employer_when_the_notice_names_it_again(title, body, organisation):
    meta = _read(f'---\nlayout: post\ntitle:  "{title}"\ndate:   2017-05-12\ntag: job\n---\n\n### Description\n\n{body}\n')
    assert meta.organisation == organisation


def test_a_us_notice_reads_its_ambiguous_numeric_dates_month_first():
    meta = _read("Head of Acquisitions\n\nLocation: Stony Brook, NY\nREF#:        F-9754-18-06-F\n"
                 "Posting End Date:        07/06/2018\n")
    assert (meta.closes, meta.job_opening) == (date(2018, 7, 6), "F-9754-18-06-F")
    assert _read("Officer\n\nDuty Station: Geneva, Switzerland\nClosing date: 07/06/2018\n").closes is None


@pytest.mark.parametrize("text, closes", [
    ("Applications must be received no later than 5:00 PM Eastern Time on 07/06/2018.\n\nLocation: Albany, NY",
     date(2018, 7, 6)),
    ("Reply with resume, cover letter, and references by May 31, 2019:", date(2019, 5, 31)),
    ("CLOSING DATE: \t\nReview of applications will begin March 30, 2018 and continue until a candidate is identified.",
     date(2018, 3, 30)),
])
def test_a_deadline_written_in_a_sentence(text, closes):
    assert _read(f"Librarian\n\n### How to apply\n\n{text}\n").closes == closes


def test_a_title_ending_with_a_place_after_a_dash_gives_the_duty_station_when_nothing_else_does():
    assert _read("---\ntitle: Technical Coordinator CCCM – Hargeisa\n---\n\nACTED is hiring.\n").duty_station == "Hargeisa"
    assert _read("---\ntitle: Archives Intern - Cartier North America\n---\n\nCartier is hiring.\n").duty_station is None
    assert _read("---\ntitle: Officer - Hargeisa\n---\n\nLocation: Berbera\n").duty_station == "Berbera"


def test_a_deadline_after_by_on_the_next_line_or_accepted_through_a_weekday():   # heldout10 a06, a08
    from index.build import parse_notice
    assert parse_notice("t.md", "### To Apply\n\nReply with resume, cover letter and three references by\n"
                                "August 8, 2018 to:\n\nDirector's Office\n").closes == date(2018, 8, 8)
    assert parse_notice("t.md", "### To Apply\n\nApplications will be accepted through Friday, April 6, 2018. "
                                "Please send a resume.\n").closes == date(2018, 4, 6)


def test_a_job_code_the_applicant_must_quote_is_the_job_number():   # heldout10 a02
    from index.build import parse_notice
    notice = parse_notice("t.md", "### Description\n\nCatalogue books.\n\n### To Apply\n\nCandidates should submit "
                                  "a letter. Must reference Job Code (727MET) in letter of application.\n")
    assert notice.meta.job_opening == "727MET"
