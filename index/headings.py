"""The vocabulary of section headings in vacancy notices, and the kind each one names.

A heading is looked up whole (markdown `#`, `**`, numbering, a trailing colon and a
trailing qualifier in brackets such as "(not all-inclusive)" removed, case folded). A
heading found by its form (a markdown `##` line, an ALL-CAPS line) but missing from the
vocabulary gets its kind from the words it contains (`guess_kind`), or "other".

Kinds: details (job facts: title, location, level...), org_setting, responsibilities,
competencies, qualifications, job_specific, desirable, education, experience, languages,
assessment, special_notice, how_to_apply, boilerplate; `sections.py` adds header (text
before the first heading), body (a notice without headings) and other.
French and Spanish headings are listed too (`_FR_ES`). Left out: headings in other languages.
"""

from __future__ import annotations

import re
from functools import cache

# French and Spanish headings (ILO, UNV, UNDP notices in those languages), by kind.
_FR_ES: dict[str, tuple[str, ...]] = {
    "org_setting": ("Contexte", "Contexto", "Antecedentes", "Introducción", "Descripción", "Description du poste",
                    "Supervision", "Supervisión", "Objectif du poste", "Objetivo del puesto"),
    "responsibilities": ("Fonctions et responsabilités essentielles", "Fonctions et responsabilités",
                         "Responsabilités", "Tâches", "Principales fonctions", "Funciones", "Responsabilidades",
                         "Funciones y responsabilidades", "Principales funciones y responsabilidades",
                         "Descripción de las tareas", "Tareas"),
    "qualifications": ("Qualifications requises", "Qualifications", "Profil recherché", "Profil",
                       "Requisitos", "Calificaciones requeridas", "Requisitos mínimos", "Perfil",
                       "Perfil requerido", "Cualificaciones requeridas"),
    "education": ("Formation", "Formation académique", "Éducation", "Educación", "Formación",
                  "Formación académica", "Nivel educativo"),
    "experience": ("Expérience", "Expérience professionnelle", "Experiencia", "Experiencia profesional"),
    "languages": ("Langues", "Connaissances linguistiques", "Idiomas", "Lenguas"),
    "competencies": ("Compétences", "Competencias", "Compétences requises", "Competencias requeridas",
                     "Habilidades"),
    "assessment": ("Processus de recrutement", "Processus d'évaluation", "Proceso de selección",
                   "Proceso de contratación", "Evaluación"),
    "boilerplate": ("Alerte à la fraude", "Alerta de fraude", "Alerta sobre fraude"),
    "desirable": ("Atouts", "Deseable", "Se valorará"),
}
# kind → headings as written in notices (compared case-insensitively, spaces folded).
HEADINGS: dict[str, tuple[str, ...]] = {
    "details": (
        "Job details", "Vacancy details", "Position details", "Position information",
        "Job identification", "General information", "Location", "Duty Station", "URL",
        "Level", "Period", "Starts On", "Start Date", "Position reports to", "Reports to",
        "Company Information", "Contact Information", "Contact Method", "Contact",
        "Contacts", "Job Title", "Position Title", "Posting Title", "Title of Post",
    ),
    "org_setting": (
        "Org. Setting and Reporting", "Organizational Setting and Reporting",
        "Organizational Setting", "Organizational Context", "Organisational Context",
        "Organizational Unit", "Context", "Background", "Background Information",
        "Job Purpose", "Purpose", "Purpose of the Position", "Purpose of the Job",
        "Purpose of the Assignment", "Purpose of Activity/Assignment", "Description",
        "Job Description", "Position Description", "About the Job", "About the Role",
        "About the Position", "The Position", "The Role", "Overview", "Introduction",
        "About WFP", "About UNICEF", "About Us", "Who we are", "Why join WFP?",
        "Reporting Lines", "Reporting", "Summary", "Project Background", "Job Summary",
        "Organizational Context and Scope", "Background and Purpose of the Assignment",
        "General Description", "Position Summary", "Summary of Position",
        "About the Program", "About the Programme", "About the Team", "Job Highlight",
        "Job Highlights", "Our mission and values", "Our culture", "Our Mission",
    ),
    "responsibilities": (
        "Responsibilities", "Core Functions / Responsibilities", "Core Functions",
        "Duties and Responsibilities", "Key Responsibilities", "Main Responsibilities",
        "Roles and Responsibilities", "Functions", "Key Functions", "Main Functions",
        "Accountabilities", "Key Accountabilities", "Accountabilities / Responsibilities",
        "Duties", "Main Duties", "Tasks", "Main Tasks", "Key Tasks", "Specific Tasks",
        "Scope of Work", "Work Assignment", "Terms of Reference", "What you will do",
        "What You'll Do", "What will you do", "Your Responsibilities", "Job Responsibilities",
        "Duties & Responsibilities", "Functional Responsibilities", "Position Duties",
        "Deliverables", "Expected Deliverables", "Key Deliverables", "Expected Results",
        "Work Relations", "Key Results Expected", "Deliverables at the End of the Contract",
        "Accountability and Authority",
        # what the job is done with, not what the candidate must know
        "Equipment Utilized", "Equipment Used", "Equipment and Tools", "Tools and Equipment",
        "Tools Used", "Equipment/Tools Used",
    ),
    "competencies": (
        "Competencies", "Required Competencies", "Core Competencies", "Core Values",
        "Managerial Competencies", "Functional Competencies", "Competencies and Values",
        "Values", "Skills", "Key Skills", "Required Skills", "Technical Skills",
        "Functional Skills", "Knowledge & Skills", "Knowledge and Skills", "Knowledge and Skill",
        "Knowledge, Skills and Abilities", "Skills and Competencies", "Desired Skills",
        "Other Skills", "Personal Qualities", "Behavioural Competencies", "Computer Skills",
        "Transversal Skills", "Competency Requirements", "Leadership Competencies",
    ),
    "qualifications": (
        "Qualifications", "Minimum Qualifications", "Required Qualifications",
        "Required Qualifications and Experience", "Qualifications and Experience",
        "Qualifications and Skills", "Qualifications, Experience and Skills",
        "Qualifications & Experience", "Qualifications & Experience Required",
        "Standard Minimum Qualifications", "Standard Minimum Qualifications and Experience",
        "Qualifications/special skills", "Requirements", "Essential Requirements",
        "Minimum Requirements", "Job Requirements", "Position Requirements",
        "Profile", "Candidate Profile", "Required Profile", "Who you are",
        "What you bring", "What we are looking for", "Eligibility", "Eligibility Criteria",
        "Requirements and Qualifications", "Minimum requirements for the position",
        "Skills and Qualifications", "Experience and Qualifications", "Required Qualification",
        "Requirements & Skills", "Minimum Qualification", "Essential", "What will you need",
        "What you will need", "What You'll Need", "About you", "Selection Criteria",
        "Eligibility Requirements", "Eligibility and Selection Criteria", "Admissibility Criteria",
        "Conditions for Admission", "Who can apply", "Qualifications Required",
    ),
    "job_specific": (
        "Job - Specific Qualification", "Job-Specific Qualification",
        "Job Specific Qualification", "Certifications", "Certification",
        "Certificates and/or Licenses", "Other Specific Job Requirements",
    ),
    "desirable": (
        "Desirable", "Desirable Qualifications", "Desired Qualifications",
        "Preferred Qualifications", "Assets", "Bonus", "Bonus Points", "Nice to have",
        "Desirable Experience", "Additional Desirable Qualifications", "Preferred",
        "Desirable Requirements", "Desired Experience", "Desired Experiences for Entry into the Role",
    ),
    "education": (
        "Education", "Educational Background", "Academic Qualifications",
        "Education and Certification", "Education & Certification", "Education Requirements",
        "Education/Qualifications", "Required Education", "Educational Requirements",
        "Education Level", "Degree Level", "Education Required",
    ),
    "experience": (
        "Work Experience", "Experience", "Professional Experience", "Relevant Experience",
        "Required Experience", "Experience Requirements", "Years of Experience",
        "Work Experience and Skills", "Professional Experience and Skills",
        "Knowledge and Experience", "Experience and Skills", "Relevant Job Experience",
        "Years of Experience / Degree Level", "General Professional Experience",
        "Specific Professional Experience",
    ),
    "languages": (
        "Languages", "Language", "Language Requirements", "Language Skills",
        "Language Proficiency", "Languages Required", "Required Languages",
        "Desirable Languages",
    ),
    "assessment": ("Assessment", "Assessment Method", "Selection Process", "Evaluation"),
    "special_notice": (
        "Special Notice", "Other", "Others", "Notes", "Note", "Important Notes",
        "Other Information", "Additional Information", "Other Requirements",
        "Terms and Conditions", "Conditions of Service", "Contract", "Contract Type",
        "Contract Duration", "Duration", "Duration of Contract", "Remuneration",
        "Salary", "Benefits", "What we offer", "We Offer", "Compensation",
        "Additional Considerations", "Disclaimer", "Eligibility Note", "Remarks",
        "For every Child, you demonstrate", "Important Information", "Potential Salary",
    ),
    "how_to_apply": (
        "How to apply", "Application", "Applications",
        "Application Process", "Application Procedure", "Application Instructions",
        "To Apply", "Submission", "Submission of Applications", "Deadline",
        "Deadline for Applications", "Closing Date for Applications",
    ),
    "boilerplate": (
        "United Nations Considerations", "No Fee", "No Fees", "Fraud Warning",
        "Equal Opportunity", "Diversity and Inclusion", "Statement of Commitment",
        "WFP's Commitment", "Our Commitment to Diversity", "Equal Opportunity Employer",
        "No Fee Disclaimer", "Reasonable Accommodation", "WFP Leadership Framework",
        "Reminders Before You Submit Your Application",
    ),
}

# Kinds told by the words of a heading missing from the vocabulary; first match wins.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("boilerplate", r"\bno fees?\b|fraud|disclaimer|equal (?:employment )?opportunit|\beeo\b"
                    r"|diversity|inclusion"
                    r"|reasonable accommodation|leadership framework|considerations|reminders"),
    ("qualifications", r"\babout you\b"),
    ("org_setting", r"^(?:about|why join|who we are|our)\b"
                    r"|\b(?:academic|university|student|faculty|company|institutional|organi[sz]ational|college|school|"
                    r"corporate|campus|community|country)\s+profile\b"),
    ("how_to_apply", r"\bappl(?:y|ication|ications|icants?)\b|deadline|submission|closing date"),
    ("desirable", r"desir|prefer|\bassets?\b|bonus|nice to have"),
    ("qualifications", r"(?:educat|experience|languages?|skills|qualif)\w*(?:,| and| &) .*"
                       r"(?:educat|experience|languages?|skills|qualif)"),
    ("org_setting", r"\bcontext\b"),
    ("job_specific", r"certific|licen[cs]e|job[- ]specific|specific job"),
    ("languages", r"\blanguages?\b"),
    ("qualifications", r"qualif|requirement|profile|eligib|criteria|you will have|you have"
                       r"|you(?:'ll| will)? bring|looking for|you(?:'ll| will)? need|must have|\babilit"),
    ("education", r"educat|degree|academic"),
    ("experience", r"experience"),
    ("competencies", r"competenc|skills?\b|\bvalues\b"),
    ("responsibilities", r"responsib|duties|tasks|accountabilit|functions|deliverables"
                         r"|scope of work|you(?:'ll| will)? do|\brole\b|objectives?"),
    ("assessment", r"assessment|evaluation|selection"),
    ("special_notice", r"terms|conditions|contract|salary|remuneration|benefits|compensation"
                       r"|information for (?:candidates|applicants)|(?:additional|other|further) information"
                       r"|offer|\bnotes?\b|special|duration"),
    ("details", r"location|duty station|\burl\b|\blevel\b|period|starts? on|start date"
                r"|reports? to|company|contact|details|general information|job title"),
    ("org_setting", r"context|background|purpose|overview|introduction|description|summary"
                    r"|setting|highlight|mission"),
)

# Kinds whose heading may open a line followed by its text (`Education: Master's ...`).
INLINE_KINDS = frozenset({"org_setting", "responsibilities", "competencies", "qualifications",
                          "job_specific", "education", "experience", "languages", "desirable"})
# Kinds that carry the requirements a later stage extracts.
REQUIREMENT_KINDS = frozenset({"education", "experience", "languages", "qualifications",
                               "job_specific", "desirable"})
# Labels that open the facts block of a notice (`Position Title: ...`).
TITLE_LABELS = ("Position Title", "Job Title", "Posting Title", "Title of Post",
                "Vacancy Title", "Post Title", "Functional Title")

# The Inspira headings, which flattened notices glue to the following word.
GLUED = (
    "Org. Setting and Reporting", "Responsibilities", "Competencies", "Education",
    "Job - Specific Qualification", "Work Experience", "Languages", "Assessment",
    "Special Notice", "United Nations Considerations", "No Fee",
)

_MARKUP = re.compile(r"^[\s#>*_|=•-]*(?:\d{1,2}[.)]\s+|[IVX]{1,4}[.)]\s+)?|[\s#*_:|=-]*$")
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_CONNECTORS = {"and", "of", "the", "for", "to", "in", "on", "or", "with", "a", "an", "at", "&",
               "/", "-", "–", "into", "by"}


def _fold(s: str) -> str:
    s = s.replace("’", "'").replace("&amp;", "&")
    s = re.sub(r"\s*/\s*", " / ", s)
    return " ".join(s.lower().split()).rstrip(" :?")


@cache
def _lookup() -> dict[str, str]:
    table = {_fold(h): kind for kind, names in _FR_ES.items() for h in names}
    table.update({_fold(h): kind for kind, names in HEADINGS.items() for h in names})
    return table


def clean_heading(line: str) -> str:
    """A line without markdown marks, numbering and trailing colon: `### Education:###` → `Education`."""
    return _MARKUP.sub("", line).strip()


def heading_kind(line: str) -> str | None:
    """The kind named by `line` when the whole line is a known heading, else None.
    A trailing qualifier in brackets is ignored: `KEY ACCOUNTABILITIES (not all-inclusive)`."""
    cleaned = clean_heading(line)
    if not cleaned or len(cleaned) > 80 or not cleaned[0].isupper():
        return None
    lookup = _lookup()
    kind = lookup.get(_fold(cleaned))
    if kind is None and cleaned.endswith(")"):
        kind = lookup.get(_fold(_QUALIFIER.sub("", cleaned)))
    return kind


def guess_kind(name: str) -> str:
    """The kind of a heading outside the vocabulary, from the words it uses; "other" when
    none tells: `Requirements & Skills` → qualifications, `External Representation` → other."""
    folded = _fold(_QUALIFIER.sub("", clean_heading(name)))
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, folded):
            return kind
    return "other"


def classify(name: str) -> str:
    """The vocabulary kind of a heading, else its guessed kind (see `guess_kind`)."""
    return heading_kind(name) or guess_kind(name)


def is_title_case(label: str) -> bool:
    """Every word capitalised except short connectors: `Required Qualification` yes,
    `Applications must be submitted online` no."""
    words = re.findall(r"[^\s/&–-]+", label)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)


@cache
def glued_heading_pattern() -> re.Pattern:
    names = sorted(GLUED, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"[ \t]*(?<![\w-])(?P<heading>{alternatives})(?=[A-Z•“\"])")


@cache
def inline_heading_pattern() -> re.Pattern:
    """Known multi-word headings written Title Case inside a flattened line, after a sentence
    end and before a capitalised word: `... partnership roles. Essential Requirements Basic`."""
    names = sorted({h for kind, hs in HEADINGS.items() for h in hs
                    if len(h.split()) > 1 and kind != "details" and h not in GLUED},
                   key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<=[.!?;:])[ \t]+(?P<heading>{alternatives})[ \t]+(?=[A-Z][a-z])")
