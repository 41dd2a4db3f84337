"""index.sections: exact section lists (name, kind, first 30 characters) for the five seeds
and for corpus notices of different organisations and layouts; tiling on every file; the
heading forms one by one on literal lines."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SEEDS, SEED_FILES, parsed
from index.sections import find_sections

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))

EXPECTED = {
    "000_b9674fda4f53b7f1.txt": [
        ('Org. Setting and Reporting', 'org_setting', 'Org. Setting and Reporting\nThe'),
        ('Responsibilities', 'responsibilities', 'Responsibilities\nUnder the dir'),
        ('Competencies', 'competencies', 'Competencies\nProfessionalism: '),
        ('Education', 'education', 'Education\nAdvanced university '),
        ('Job - Specific Qualification', 'job_specific', 'Job - Specific Qualification\nN'),
        ('Work Experience', 'experience', 'Work Experience\nA minimum of s'),
        ('Languages', 'languages', 'Languages\nEnglish and French a'),
        ('Assessment', 'assessment', 'Assessment\nEvaluation of quali'),
        ('Special Notice', 'special_notice', 'Special Notice\n• The United Na'),
        ('United Nations Considerations', 'boilerplate', 'United Nations Considerations\n'),
        ('No Fee', 'boilerplate', 'No Fee\nTHE UNITED NATIONS DOES'),
    ],
    "001_a74e565dca0ed800.txt": [
        ('Header', 'header', 'Posting Title: Protection\nCoor'),
        ('Org. Setting and Reporting', 'org_setting', 'Org. Setting and Reporting\nThe'),
        ('Responsibilities', 'responsibilities', 'Responsibilities\nUnder the sup'),
        ('Competencies', 'competencies', 'Competencies\nProfessionalism: '),
        ('Education', 'education', 'Education\nAdvanced university '),
        ('Job - Specific Qualification', 'job_specific', 'Job - Specific Qualification\nU'),
        ('Work Experience', 'experience', 'Work Experience\nA minimum of f'),
        ('Languages', 'languages', 'Languages\nEnglish and French a'),
        ('Assessment', 'assessment', 'Assessment\nEvaluation of quali'),
        ('Special Notice', 'special_notice', 'Special Notice\n• Appointment o'),
        ('United Nations Considerations', 'boilerplate', 'United Nations Considerations\n'),
        ('No Fee', 'boilerplate', 'No Fee\nTHE UNITED NATIONS DOES'),
    ],
    "002_5bc2b8270ee94ae7.txt": [
        ('Org. Setting and Reporting', 'org_setting', 'Org. Setting and Reporting\nThi'),
        ('Responsibilities', 'responsibilities', 'Responsibilities\nWithin delega'),
        ('Competencies', 'competencies', 'Competencies\n• Professionalism'),
        ('Education', 'education', 'Education\n• An advanced univer'),
        ('Job - Specific Qualification', 'job_specific', 'Job - Specific Qualification\nS'),
        ('Work Experience', 'experience', 'Work Experience\nA minimum of f'),
        ('Languages', 'languages', 'Languages\nEnglish and French a'),
        ('Assessment', 'assessment', 'Assessment\nPreviously rostered'),
        ('Special Notice', 'special_notice', 'Special Notice\nThis "Recruit f'),
        ('United Nations Considerations', 'boilerplate', 'United Nations Considerations\n'),
        ('No Fee', 'boilerplate', 'No Fee\nTHE UNITED NATIONS DOES'),
    ],
    "003_deac4a805d964395.txt": [
        ('Org. Setting and Reporting', 'org_setting', 'Org. Setting and Reporting\nThe'),
        ('Responsibilities', 'responsibilities', 'Responsibilities\nUnder the gen'),
        ('Competencies', 'competencies', 'Competencies\nProfessionalism: '),
        ('Managerial Competencies', 'competencies', 'Managerial Competencies\nLeader'),
        ('Education', 'education', 'Education\nAdvanced University '),
        ('Job - Specific Qualification', 'job_specific', 'Job - Specific Qualification\nU'),
        ('Work Experience', 'experience', 'Work Experience\nA minimum of t'),
        ('Languages', 'languages', 'Languages\nEnglish and French a'),
        ('Required Languages', 'languages', 'Required Languages\n| Language '),
        ('Desirable Languages', 'languages', 'Desirable Languages\n| Language'),
        ('Assessment', 'assessment', 'Assessment\nEvaluation of quali'),
        ('Special Notice', 'special_notice', 'Special Notice\nThis temporary '),
        ('United Nations Considerations', 'boilerplate', 'United Nations Considerations\n'),
        ('No Fee', 'boilerplate', 'No Fee\nTHE UNITED NATIONS DOES'),
    ],
    "004_2e9a5f74b42d033d.txt": [
        ('Header', 'header', 'Regional Security Officer At I'),
        ('Context', 'org_setting', 'Context:\n\nThe Office of Staff '),
        ('Core Functions / Responsibilities', 'responsibilities', 'Core Functions / Responsibilit'),
        ('Required Qualifications and Experience', 'qualifications', 'Required Qualifications and Ex'),
        ('Education', 'education', 'Education\n\n• Master’s degree o'),
        ('Experience', 'experience', 'Experience\n\n• Relevant profess'),
        ('Skills', 'competencies', 'Skills\n\n• Previous experience '),
        ('Languages', 'languages', 'Languages\n\nIOM’s official lang'),
        ('Notes', 'special_notice', 'Notes\n\nAccredited Universities'),
        ('Required Competencies', 'competencies', 'Required Competencies:\n\nValues'),
        ('Other', 'special_notice', 'Other:\n\nInternationally recrui'),
        ('How to apply', 'how_to_apply', 'How to apply\n\nInterested candi'),
        ('No Fees', 'boilerplate', 'No Fees:\n\nIOM does not charge '),
        ('Job details', 'details', 'Job details\n\nShare this job\n\nC'),
    ],
    "001_un-dhl-librarian-newyork.txt": [
        ('Header', 'header', '---\nlayout: post\ntitle:  "Libr'),
        ('Description', 'org_setting', '### Description###\n\nThis posit'),
        ('Responsibilities', 'responsibilities', '### Responsibilities###\n\nWithi'),
        ('Qualifications', 'qualifications', '### Qualifications###\n\nEducati'),
        ('Education', 'education', 'Education\nAdvanced university '),
        ('Work Experience', 'experience', 'Work Experience\nA minimum of f'),
        ('Languages', 'languages', 'Languages\nEnglish and French a'),
        ('Location', 'details', '### Location###\n\nNew York, NY\n'),
        ('URL', 'details', '### URL###\n\nhttps://careers.un'),
        ('To Apply', 'how_to_apply', '### To Apply###\n\nhttps://caree'),
    ],
    "008_wfp-programme-associate-field-coordination-g6-colombo.txt": [
        ('DEADLINE FOR APPLICATIONS', 'how_to_apply', 'DEADLINE FOR APPLICATIONS\n30 N'),
        ('ABOUT WFP', 'org_setting', 'ABOUT WFP\nThe World Food Progr'),
        ('WHY JOIN WFP?', 'org_setting', 'WHY JOIN WFP?\nWFP is a 2020 No'),
        ('ORGANIZATIONAL CONTEXT', 'org_setting', 'ORGANIZATIONAL CONTEXT: Job ho'),
        ('JOB PURPOSE', 'org_setting', 'JOB PURPOSE: To provide effect'),
        ('KEY ACCOUNTABILITIES (not all-inclusive, nor exhaustive)', 'responsibilities', 'KEY ACCOUNTABILITIES (not all-'),
        ('QUALIFICATIONS AND EXPERIENCE', 'qualifications', 'QUALIFICATIONS AND EXPERIENCE:'),
        ('Education', 'education', 'Education: Completion of secon'),
        ('Experience', 'experience', 'Experience: Six or more years '),
        ('Knowledge and Skills', 'competencies', 'Knowledge and Skills: Working '),
        ('Language', 'languages', 'Language: Fluency (level C) in'),
        ('Position Title', 'details', 'Position Title: Programmme Ass'),
        ('WFP LEADERSHIP FRAMEWORK', 'boilerplate', 'WFP LEADERSHIP FRAMEWORK\nWFP L'),
        ('REASONABLE ACCOMMODATION', 'boilerplate', 'REASONABLE ACCOMMODATION\nWFP i'),
        ('NO FEE DISCLAIMER', 'boilerplate', 'NO FEE DISCLAIMER\nThe United N'),
        ('REMINDERS BEFORE YOU SUBMIT YOUR APPLICATION', 'boilerplate', 'REMINDERS BEFORE YOU SUBMIT YO'),
    ],
    "013_wfp-partnerships-officer-noa-seoul.txt": [
        ('DEADLINE FOR APPLICATIONS', 'how_to_apply', 'DEADLINE FOR APPLICATIONS\n10 D'),
        ('ABOUT WFP', 'org_setting', 'ABOUT WFP\nThe World Food Progr'),
        ('WHY JOIN WFP?', 'org_setting', 'WHY JOIN WFP?\nWFP is a 2020 No'),
        ('ORGANIZATIONAL CONTEXT', 'org_setting', 'ORGANIZATIONAL CONTEXT\nThese j'),
        ('THE ROLE', 'org_setting', 'THE ROLE\nFacilitate the work o'),
        ('KEY ACCOUNTABILITIES (not all-inclusive, within delegated authority)', 'responsibilities', 'KEY ACCOUNTABILITIES (not all-'),
        ('OTHER SPECIFIC JOB REQUIREMENTS (details determined by the Post Manager)', 'job_specific', 'OTHER SPECIFIC JOB REQUIREMENT'),
        ('STANDARD MINIMUM QUALIFICATIONS AND EXPERIENCE', 'qualifications', 'STANDARD MINIMUM QUALIFICATION'),
        ('Education', 'education', 'Education: Advanced University'),
        ('Experience', 'experience', 'Experience: Minimum one or mor'),
        ('Essential Requirements', 'qualifications', 'Essential Requirements\nBasic u'),
        ('Desirable Requirements', 'desirable', 'Desirable Requirements\nHas dev'),
        ('Language', 'languages', 'Language: Fluency (level C) in'),
        ('TERMS AND CONDITIONS', 'special_notice', 'TERMS AND CONDITIONS\nPlease no'),
        ('WFP LEADERSHIP FRAMEWORK', 'boilerplate', 'WFP LEADERSHIP FRAMEWORK\nWFP L'),
        ('REASONABLE ACCOMMODATION', 'boilerplate', 'REASONABLE ACCOMMODATION\nWFP i'),
        ('NO FEE DISCLAIMER', 'boilerplate', 'NO FEE DISCLAIMER\nThe United N'),
        ('REMINDERS BEFORE YOU SUBMIT YOUR APPLICATION', 'boilerplate', 'REMINDERS BEFORE YOU SUBMIT YO'),
    ],
    "014_ilo-senior-driver-g3-karachi-header-only.txt": [
        ('Body', 'body', 'Grade:\nG3\nVacancy no.:\nDC/Kara'),
    ],
    "015_iom-senior-programme-assistant-g6-berbera.txt": [
        ('Header', 'header', '---\ntemplateKey: blog-post\ntit'),
        ('Context', 'org_setting', 'Context:\n\nSomalia is character'),
        ('Core Functions / Responsibilities', 'responsibilities', 'Core Functions / Responsibilit'),
        ('Required Qualifications and Experience', 'qualifications', 'Required Qualifications and Ex'),
        ('Education', 'education', 'Education\n\n* Bachelor’s degree'),
        ('Experience', 'experience', 'Experience\n\n* Four years of wo'),
        ('Languages', 'languages', 'Languages\n\nFluency in English '),
        ('Required Competencies', 'competencies', 'Required Competencies\n\nValues\n'),
        ('Values', 'competencies', 'Values\n\n* Inclusion and respec'),
        ('How to apply', 'how_to_apply', '### How to apply\n\nHow to apply'),
        ('How to apply', 'how_to_apply', 'How to apply:\n\nInterested cand'),
    ],
    "016_unhcr-senior-cbp-assistant-g5-coxsbazar-sqldump.txt": [
        ('Header', 'header', 'job_title: Senior Community-Ba'),
        ('Organizational context', 'org_setting', 'organizational_context: The Se'),
        ('Responsibilities', 'responsibilities', 'responsibilities: -       Assi'),
        ('Accountability and authority', 'responsibilities', 'accountability_and_authority: '),
        ('Functional Skills', 'competencies', 'Functional Skills\n\n-       *IT'),
        ('Language Requirements', 'languages', 'Language Requirements\n\n-      '),
        ('Competency requirements', 'competencies', 'Competency requirements:\n\nCore'),
        ('Core Competencies', 'competencies', 'Core Competencies:\n\n-       Ac'),
        ('Minimum qualification', 'qualifications', 'minimum_qualification: Educati'),
        ('Years of Experience / Degree Level', 'experience', 'Years of Experience / Degree L'),
        ('Certificates and/or Licenses', 'job_specific', 'Certificates and/or Licenses\n\n'),
        ('Relevant Job Experience', 'experience', 'Relevant Job Experience\n\nDesir'),
        ('Desirable', 'desirable', 'Desirable\n\n-        UNHCR lear'),
    ],
    "020_unicef-designer-frontend-uxui-consultancy-nyhq.txt": [
        ('Header', 'header', '---\n_id: 8825d760-f7a4-11ea-a7'),
        ('To qualify as an advocate for every child you will have', 'qualifications', '## To qualify as an advocate f'),
        ('The ability to use and work with product design tools, including', 'qualifications', '## The ability to use and work'),
        ('The ability to work in a global, international environment, including', 'qualifications', '## The ability to work in a gl'),
    ],
    "022_wri-uxui-designer-data-lab-london.html": [
        ('Header', 'header', '---\n{\n"id": 1861,\n"shortId": "'),
        ('About the Program', 'org_setting', 'About the Program\n\nThe Data La'),
        ('Job Highlight', 'org_setting', 'Job Highlight\n\nReporting to th'),
        ('What will you do', 'responsibilities', 'What will you do\n\nUX research '),
        ('What will you need', 'qualifications', 'What will you need\n\n• Educatio'),
        ('Education', 'education', 'Education: You have completed '),
        ('Experience', 'experience', 'Experience: You have 3+ years '),
        ('Languages', 'languages', 'Languages: You have verbal and'),
        ('Requirements', 'qualifications', 'Requirements: Existing work au'),
        ('Potential Salary', 'special_notice', 'Potential Salary\n\nIf based in '),
        ('How to Apply', 'how_to_apply', 'How to Apply\n\nPlease submit a '),
        ('What we offer', 'special_notice', 'What we offer\n\n• Access to the'),
        ('About Us', 'org_setting', 'About Us\n\nFounded in 1982, Wor'),
        ('Our mission and values', 'org_setting', 'Our mission and values\n\nWRI’s '),
        ('Our culture', 'org_setting', 'Our culture\n\nWRI is committed '),
    ],
    "024_wfp-logistics-officer-downstream-pipeline-nob-aden-fragment.html": [
        ('GENERAL INFORMATION', 'details', 'GENERAL INFORMATION\n\nTitle of '),
        ('STANDARD MINIMUM QUALIFICATIONS', 'qualifications', 'STANDARD MINIMUM QUALIFICATION'),
        ('Education', 'education', 'Education: Advanced University'),
        ('Experience', 'experience', 'Experience: At least 3 years p'),
        ('Knowledge & Skills', 'competencies', 'Knowledge & Skills:\n\nExperienc'),
        ('TERMS AND CONDITIONS', 'special_notice', 'TERMS AND CONDITIONS\n\nWFP is a'),
        ('How to Apply', 'how_to_apply', 'How to Apply\n\nTo apply:\n\nLink '),
        ('To apply', 'how_to_apply', 'To apply:\n\nLink For Non-WFP ca'),
    ],
    "026_acf-nutrition-health-programme-manager-aden-fragment.html": [
        ('Job Description', 'org_setting', 'Job Description\n\nJob Title: Nu'),
        ('Job Title', 'details', 'Job Title: Nutrition and Healt'),
        ('MAIN RESPONSIBILITIES', 'responsibilities', 'MAIN RESPONSIBILITIES:\n\nEstabl'),
        ('Required Qualification', 'qualifications', 'Required Qualification:\n\nESSEN'),
        ('ESSENTIAL', 'qualifications', 'ESSENTIAL:\nAt least 2 years of'),
        ('PREFERRED', 'desirable', 'PREFERRED:\nAt least 1 year pro'),
        ('How to Apply', 'how_to_apply', 'How to Apply\n\nApplication Proc'),
    ],
    "029_columbia-digital-repository-developer.txt": [
        ('Header', 'header', '---\nlayout: post\ntitle:  "Digi'),
        ('Description', 'org_setting', '### Description\n\nDigital Repos'),
        ('Responsibilities', 'responsibilities', '### Responsibilities\n\nPosition'),
        ('Position Duties', 'responsibilities', 'Position Duties:\n\n* Engineer p'),
        ('Qualifications', 'qualifications', '### Qualifications\n\nMinimum Qu'),
        ('Minimum Qualifications', 'qualifications', 'Minimum Qualifications:\n\n* Bac'),
        ('Preferred Qualifications', 'desirable', 'Preferred Qualifications:\n\n* E'),
        ('URL', 'details', '### URL\n\nhttps://jobs.columbia'),
        ('To Apply', 'how_to_apply', '### To Apply\n\nPlease visit htt'),
    ],
}


def _notice(name: str):
    path = SEEDS / name if (SEEDS / name).exists() else CORPUS / name
    return parsed(path)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: n[:24])
def test_sections_of_real_notices(name):
    notice = _notice(name)
    got = [(s.name, s.kind, notice.text[s.start:s.start + 30]) for s in notice.sections]
    assert got == EXPECTED[name]


@pytest.mark.parametrize("path", SEED_FILES + CORPUS_FILES, ids=lambda p: p.name[:24])
def test_sections_tile_the_text(path):
    notice = parsed(path)
    sections = notice.sections
    assert sections[0].start == 0
    assert sections[-1].end == len(notice.text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))
    assert all(s.end > s.start for s in sections)


def test_every_seed_has_its_requirement_sections():
    for path in SEED_FILES:
        kinds = {s.kind for s in _notice(path.name).sections}
        assert {"education", "experience", "languages"} <= kinds, path.name


def test_text_without_headings_is_one_body():
    text = "We seek a self-motivated visual designer who can study the existing landscape.\n"
    assert [(s.name, s.kind, s.start, s.end) for s in find_sections(text)] == [
        ("Body", "body", 0, len(text))]


def test_empty_text_has_no_sections():
    assert find_sections("") == ()


def _listed(text: str) -> list[tuple[str, str, str]]:
    return [(s.name, s.kind, text[s.start:s.end]) for s in find_sections(text)]


def test_markdown_heading_outside_the_vocabulary_is_kept_with_a_guessed_kind():
    text = "Intro.\n## The ability to work in a global, international environment, including:\n* Fluency in English is required.\n"
    assert _listed(text) == [
        ("Header", "header", "Intro.\n"),
        ("The ability to work in a global, international environment, including", "qualifications",
         "## The ability to work in a global, international environment, including:\n"
         "* Fluency in English is required.\n"),
    ]


def test_caps_heading_with_a_qualifier_and_its_text_on_the_line():
    text = ("ABOUT WFP\nThe World Food Programme is the world’s largest humanitarian organization.\n"
            "KEY ACCOUNTABILITIES (not all-inclusive, nor exhaustive): Provide effective coordination.\n")
    assert [(n, k) for n, k, _ in _listed(text)] == [
        ("ABOUT WFP", "org_setting"),
        ("KEY ACCOUNTABILITIES (not all-inclusive, nor exhaustive)", "responsibilities"),
    ]


def test_requirement_labels_open_sections_but_competency_labels_do_not():
    text = ("Competencies\nProfessionalism: Knowledge of security.\nAccountability: takes ownership.\n"
            "Education: Completion of secondary school education.\n"
            "• Languages: You have verbal and written proficiency in English\n")
    assert [(n, k) for n, k, _ in _listed(text)] == [
        ("Competencies", "competencies"), ("Education", "education"), ("Languages", "languages"),
    ]


def test_facts_labels_at_the_top_stay_in_the_header():
    text = "Grade:\nG3\nLocation:\nKarachi\nContract type:\nFixed Term\nEducation\nSecondary school.\n"
    assert [(n, k) for n, k, _ in _listed(text)] == [("Header", "header"), ("Education", "education")]


def test_database_columns_open_sections_and_job_facts_do_not():
    text = ("job_title: Senior Community-Based Protection Assistant\nclosing_date: 2020-01-01\n"
            "organizational_context: The Senior Community-Based Protection Assistant is a member.\n"
            "accountability_and_authority: Functional Skills\n\n- IT-Computer Literacy\n")
    assert [(n, k) for n, k, _ in _listed(text)] == [
        ("Header", "header"), ("Organizational context", "org_setting"),
        ("Accountability and authority", "responsibilities"), ("Functional Skills", "competencies"),
    ]


def test_title_case_colon_line_needs_words_that_tell_its_kind():
    text = ("Description\nPosition Duties:\n* Engineer publishing solutions\n"
            "External Representation:\nUpon request, represent the organisation.\n"
            "Applications must be submitted online:\nUsing English language only.\n")
    assert [(n, k) for n, k, _ in _listed(text)] == [
        ("Description", "org_setting"), ("Position Duties", "responsibilities"),
    ]


def test_unknown_caps_sub_heading_takes_the_kind_of_its_section():
    text = "RESPONSIBILITIES\nThe librarian will:\nINTERLIBRARY LOAN\nProcesses requests.\n"
    assert [(n, k) for n, k, _ in _listed(text)] == [
        ("RESPONSIBILITIES", "responsibilities"), ("INTERLIBRARY LOAN", "responsibilities"),
    ]


def test_sentence_in_capitals_is_not_a_heading():
    text = ("No Fee\nTHE UNITED NATIONS DOES NOT CHARGE A FEE AT ANY STAGE OF THE RECRUITMENT PROCESS.\n")
    assert [(n, k) for n, k, _ in _listed(text)] == [("No Fee", "boilerplate")]


def _kinds(text):
    return [(s.name, s.kind) for s in find_sections(text)]


def test_a_short_line_alone_before_a_list_is_a_heading_named_by_its_words():  # CERN pages
    text = ("Your responsibilities\n\n• Making contributions to research;\n\n"
            "Your profile\n\n• PhD in Theoretical Physics.\n\n"
            "Global Benefits at CERN\n\n• A salary.\n\n"
            "Be sure to meet the eligibility criteria\n\n• You have relevant experience.\n\n"
            "Learn more\n\n• A line whose heading tells nothing.\n")
    assert _kinds(text) == [("Your responsibilities", "responsibilities"), ("Your profile", "qualifications"),
                            ("Global Benefits at CERN", "special_notice"),
                            ("Be sure to meet the eligibility criteria", "qualifications")]


def test_a_sentence_or_a_task_alone_on_its_line_is_no_heading():
    text = ("Responsibilities\n\nAnalyse current experience and practices in the region\n\n• one\n\n"
            "Experience in Excel is required.\n\n• two\n")
    assert _kinds(text) == [("Responsibilities", "responsibilities")]


def test_a_skills_line_under_the_requirements_keeps_them_requirements():  # World Bank pages
    text = ("What You’ll Bring\n\n• Minimum of a Master’s degree.\n\n"
            "Technical and Professional Skills\n\n• Fluency in English.\n")
    assert _kinds(text) == [("What You’ll Bring", "qualifications"),
                            ("Technical and Professional Skills", "qualifications")]


def test_a_short_sentence_case_lead_line_can_open_the_requirements():  # ADB pages
    text = "Your Role\n\n• Lead the team.\nYou will need:\n\n• Written proficiency in English.\n"
    assert _kinds(text) == [("Your Role", "responsibilities"), ("You will need", "qualifications")]


def test_information_for_candidates_alone_on_its_line_ends_the_requirements():
    text = ("Experience/Knowledge in the Field\n\n• Ten years of library experience.\n\n"
            "Information for Candidates\n\nThis position is anticipated to begin in the Summer of 2020.\n")
    assert _kinds(text) == [("Experience/Knowledge in the Field", "experience"),
                            ("Information for Candidates", "special_notice")]
