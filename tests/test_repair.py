"""index.repair: every input below is a snippet copied from a seed notice (notices/) or a
corpus notice (tests/data/corpus/), named in the test; outputs are exact."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, SEED_FILES, limits
from index.load import load
from index.repair import repair

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
MAX_BYTES = 10_000_000


# -- UTF-8 punctuation read through the Thai code page (seeds 000, 002) ---------------
def test_thai_bullet_becomes_bullet_on_its_own_line():
    raw = "perform the following duties: โข Updates, further develops and conducts"
    assert repair(raw) == "perform the following duties:\n• Updates, further develops and conducts\n"


def test_thai_ellipsis_becomes_ellipsis():
    raw = 'year, effective 1 January 2013โฆ\\" Consequently, eligible cand'
    assert repair(raw) == 'year, effective 1 January 2013…" Consequently, eligible cand\n'


def test_lone_thai_lead_between_letters_is_an_apostrophe():
    raw = "Provides periodic information, progress and project reports to the Divisionโs Director"
    assert repair(raw) == ("Provides periodic information, progress and project reports to the "
                           "Division’s Director\n")


def test_lone_thai_lead_around_words_is_a_pair_of_quotes():
    raw = "This temporary job opening may be limited to โinternal candidates,โ who have been"
    assert repair(raw) == ("This temporary job opening may be limited to “internal candidates,” "
                           "who have been\n")


def test_lone_thai_lead_between_spaces_is_a_dash():
    raw = "operating under international military conflict conditions โ e.g. de-confliction"
    assert repair(raw) == ("operating under international military conflict conditions – e.g. "
                           "de-confliction\n")


def test_genuine_thai_is_left_alone():
    thai = "ประกาศรับสมัครงาน โครงการพัฒนาระบบ “ข้อมูล”"
    assert repair(thai) == thai + "\n"


# -- HTML entities and residue -----------------------------------------------------------
def test_entities_in_plain_text_are_decoded():  # corpus 008
    raw = "WFP invests in the personal &amp; professional development of its employees"
    assert repair(raw) == "WFP invests in the personal & professional development of its employees\n"


def test_no_break_space_entity_becomes_a_space():  # corpus 022 (raw HTML)
    raw = "pain points through user&nbsp;research"
    assert repair(raw) == "pain points through user research\n"


def test_html_comments_from_a_paste_are_dropped():  # corpus 015
    raw = ("<!--StartFragment-->\n\n**Open to Internal and External Candidates**\n\n"
           "Position Title:**Senior Programme Assistant**")
    assert repair(raw) == ("Open to Internal and External Candidates\n\n"
                           "Position Title: Senior Programme Assistant\n")


# -- markdown -----------------------------------------------------------------------------
def test_emphasis_glued_to_words_leaves_spaces():  # corpus 015
    assert repair("Fluency in**English**and**Somali**is required.") == \
        "Fluency in English and Somali is required.\n"


def test_escaped_emphasis_residue_goes():  # corpus 015
    assert repair("Classification:**General Service**, Grade G6\\*\\*") == \
        "Classification: General Service, Grade G6\n"


def test_emphasis_before_a_dash_keeps_a_space():  # corpus 015; the stray `*` is left (docstring)
    assert repair("**Core Competencies**– behavioural indicators \\*level 2\\**") == \
        "Core Competencies – behavioural indicators *level 2\n"


def test_italic_markers_go():  # corpus 015 and 021
    assert repair("***Context:***") == "Context:\n"
    raw = "  - _Submit an application via the link. Application deadline is 07 Dec 2021._"
    assert repair(raw) == "- Submit an application via the link. Application deadline is 07 Dec 2021.\n"


def test_escaped_shortcode_residue_goes():  # corpus 018
    assert repair("4 million beneficiaries. \\[ads1] ACTED Somalia ACTED is supporting") == \
        "4 million beneficiaries. ACTED Somalia ACTED is supporting\n"


def test_links_keep_their_text_and_address():  # corpora 006 and 007
    raw = "Visit [http://jobs.undp.org/cj_view_job.cfm?cur_job_id=63389](http://jobs.undp.org/cj_view_job.cfm?cur_job_id=63389)."
    assert repair(raw) == "Visit http://jobs.undp.org/cj_view_job.cfm?cur_job_id=63389.\n"
    raw = "see the attached [Terms of Reference](http://www.unicef.org/about/employ/files/TOR.pdf)."
    assert repair(raw) == "see the attached Terms of Reference (http://www.unicef.org/about/employ/files/TOR.pdf).\n"


def test_images_go():  # corpus 019
    raw = '![girld](/img/download.png "going to school")\n\nProgramme Accountability Coordinator - Hargeisa.'
    assert repair(raw) == "Programme Accountability Coordinator - Hargeisa.\n"


# -- escapes of exports ---------------------------------------------------------------------
def test_backslash_escaped_quotes_are_undone():  # seed 000
    raw = 'Note: Fluency equals a rating of \\"fluent\\" in all four areas'
    assert repair(raw) == 'Note: Fluency equals a rating of "fluent" in all four areas\n'


def test_literal_crlf_escapes_become_line_breaks():  # corpus 020 (YAML front matter)
    assert repair("ls and features built in.\\r\\n* Design, illustrate, source") == \
        "ls and features built in.\n* Design, illustrate, source\n"


def test_crlf_line_ends_and_blank_runs_are_tidied():  # corpus 016
    raw = "onsultation with PoC.\r\n\r\n \r\n\r\nPrevious work experience with refugees"
    assert repair(raw) == "onsultation with PoC.\n\nPrevious work experience with refugees\n"


def test_replacement_character_for_a_lost_apostrophe():  # corpus 016
    raw = "as an essential basis for all of UNHCR\ufffds work."
    assert repair(raw) == "as an essential basis for all of UNHCR’s work.\n"


def test_other_replacement_characters_are_kept():
    assert repair("Grade \ufffd G5") == "Grade \ufffd G5\n"


# -- headings run into the next word (seeds 000 and 002) -----------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("rector to the Director of the Division. ResponsibilitiesUnder the direct supervision of the",
     "rector to the Director of the Division.\nResponsibilities\nUnder the direct supervision of the\n"),
    ("nformation and keeping people informed. EducationAdvanced university degree (Master's d",
     "nformation and keeping people informed.\nEducation\nAdvanced university degree (Master's d\n"),
    ("ence in crisis management is desirable. LanguagesEnglish and French are the working la",
     "ence in crisis management is desirable.\nLanguages\nEnglish and French are the working la\n"),
    (". (New York time) on the deadline date. No FeeTHE UNITED NATIONS DOES NOT CHARG",
     ". (New York time) on the deadline date.\nNo Fee\nTHE UNITED NATIONS DOES NOT CHARG\n"),
    ("anced university degree. Job - Specific QualificationNot available. Work ExperienceA m",
     "anced university degree.\nJob - Specific Qualification\nNot available.\nWork Experience\nA m\n"),
    ("Appraises performance fairly. Educationโข An advanced university degree",
     "Appraises performance fairly.\nEducation\n• An advanced university degree\n"),
])
def test_glued_headings_go_on_their_own_line(raw, expected):
    assert repair(raw) == expected


# -- flattened notices (corpus 008) -------------------------------------------------------
def test_caps_headings_of_a_flattened_notice_start_lines():
    raw = ("There is a requirement to use judgment in dealing with unforeseen operational problems "
           "on a daily basis. Job holders are expected to manage resources and coach and coordinate "
           "support WFP field staff at field locations JOB PURPOSE: To provide effective coordination "
           "and operational support to WFP programme activities at field locations through close "
           "collaboration with WFP field staff. KEY ACCOUNTABILITIES (not all-inclusive, nor "
           "exhaustive): Provide effective coordination support to WFP field staff")
    assert repair(raw) == (
        "There is a requirement to use judgment in dealing with unforeseen operational problems "
        "on a daily basis. Job holders are expected to manage resources and coach and coordinate "
        "support WFP field staff at field locations\n"
        "JOB PURPOSE: To provide effective coordination and operational support to WFP programme "
        "activities at field locations through close collaboration with WFP field staff.\n"
        "KEY ACCOUNTABILITIES (not all-inclusive, nor exhaustive): Provide effective coordination "
        "support to WFP field staff\n")


def test_labels_of_a_flattened_notice_start_lines():
    raw = ("Other as required by the operation QUALIFICATIONS AND EXPERIENCE: Education: Completion "
           "of secondary school education. A first university degree in a relevant areas is an "
           "additional asset. Experience: Six or more years of progressively responsible work "
           "experience in food, nutrition, social protection. Language: Fluency (level C) in English "
           "language and the duty station’s language, if different. Position Title: Programmme "
           "Associate - Field Coordination Contract Type: Fixed Term (G6) Duty Station: Colombo, Sri "
           "Lanka This vacancy announcement is for Sri Lankan Nationals only. WFP LEADERSHIP "
           "FRAMEWORK WFP Leadership Framework guides to")
    assert repair(raw) == (
        "Other as required by the operation\n"
        "QUALIFICATIONS AND EXPERIENCE:\n"
        "Education: Completion of secondary school education. A first university degree in a "
        "relevant areas is an additional asset.\n"
        "Experience: Six or more years of progressively responsible work experience in food, "
        "nutrition, social protection.\n"
        "Language: Fluency (level C) in English language and the duty station’s language, if "
        "different.\n"
        "Position Title: Programmme Associate - Field Coordination Contract Type: Fixed Term (G6) "
        "Duty Station: Colombo, Sri Lanka This vacancy announcement is for Sri Lankan Nationals "
        "only.\n"
        "WFP LEADERSHIP FRAMEWORK\n"
        "WFP Leadership Framework guides to\n")


def test_a_sentence_in_capitals_is_not_cut_into_headings():  # seed 000, No Fee paragraph
    raw = ("Job openings advertised on the Careers Portal will be removed at 11:59 p.m. (New York "
           "time) on the deadline date. THE UNITED NATIONS DOES NOT CHARGE A FEE AT ANY STAGE OF THE "
           "RECRUITMENT PROCESS (APPLICATION, INTERVIEW MEETING, PROCESSING, OR TRAINING). THE UNITED "
           "NATIONS DOES NOT CONCERN ITSELF WITH INFORMATION ON APPLICANTS’ BANK ACCOUNTS.")
    assert repair(raw) == raw + "\n"


# -- bullets ------------------------------------------------------------------------------
def test_inline_bullet_starts_a_line():  # corpus 004
    raw = "matches them to appropriate solutions •Keeps clients informed of progress"
    assert repair(raw) == "matches them to appropriate solutions\n• Keeps clients informed of progress\n"


def test_lone_bullet_joins_its_item():  # corpus 022 as an HTML list may load
    assert repair("What will you do\n•\nCollaborate with product managers") == \
        "What will you do\n• Collaborate with product managers\n"


def test_indented_bullets_lose_their_indent_and_stay_one_per_line():  # seed 004
    raw = ("Experience\n\n  • Experience in managing international security officers is required;\n"
           "  • Experience in planning and execution of security plans is required;")
    assert repair(raw) == (
        "Experience\n\n• Experience in managing international security officers is required;\n"
        "• Experience in planning and execution of security plans is required;\n")


# -- whole files --------------------------------------------------------------------------
def _raw(path) -> str:
    return load(path, MAX_BYTES, limits()).text


@pytest.mark.parametrize("path", SEED_FILES + CORPUS_FILES, ids=lambda p: p.name[:24])
def test_repair_is_idempotent(path):
    once = repair(_raw(path))
    assert repair(once) == once


@pytest.mark.parametrize("name", [
    "001_a74e565dca0ed800.txt", "003_deac4a805d964395.txt", "004_2e9a5f74b42d033d.txt",
])
def test_clean_seed_changes_only_in_whitespace(name):
    raw = _raw(SEED_FILES[0].parent / name)
    assert re.sub(r"\s+", "", repair(raw)) == re.sub(r"\s+", "", raw)


@pytest.mark.parametrize("name", [
    "005_un-dos-accounting-assistant-gs.txt", "014_ilo-senior-driver-g3-karachi-header-only.txt",
])
def test_clean_corpus_notice_changes_only_in_whitespace(name):
    raw = _raw(CORPUS / name)
    assert re.sub(r"\s+", "", repair(raw)) == re.sub(r"\s+", "", raw)


def test_damaged_seed_keeps_no_damage():
    text = repair(_raw(SEED_FILES[0]))
    assert "โ" not in text and '\\"' not in text
    assert "\nResponsibilities\nUnder the direct supervision" in text
