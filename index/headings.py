"""The vocabulary of section headings in vacancy notices, and the kind each one names.

A heading is matched on a whole line (markdown `#`, `**`, `:` and numbering stripped) or,
for the UN Inspira headings only, where flattening glued it to the next word
("EducationAdvanced"). Kinds are the canonical section types that later stages use.
"""

from __future__ import annotations

import re
from functools import cache

# kind → headings as written in notices (compared case-insensitively, spaces folded).
HEADINGS: dict[str, tuple[str, ...]] = {
    "header": ("Job details", "Job Summary", "Vacancy details", "Position details",
               "Position information", "Job identification", "General information"),
    "org_setting": (
        "Org. Setting and Reporting", "Organizational Setting and Reporting",
        "Organizational Setting", "Organizational Context", "Organisational Context",
        "Organizational Unit", "Context", "Background", "Background Information",
        "Job Purpose", "Purpose", "Purpose of the Position", "Purpose of the Job",
        "Purpose of the Assignment", "Purpose of Activity/Assignment", "Description",
        "Job Description", "Position Description", "About the Job", "About the Role",
        "About the Position", "The Position", "The Role", "Overview", "Introduction",
        "About WFP", "About UNICEF", "About Us", "Who we are", "Why join WFP?",
        "Reporting Lines", "Reporting", "Summary", "Project Background",
        "Organizational Context and Scope",
    ),
    "responsibilities": (
        "Responsibilities", "Core Functions / Responsibilities", "Core Functions",
        "Duties and Responsibilities", "Key Responsibilities", "Main Responsibilities",
        "Roles and Responsibilities", "Functions", "Key Functions", "Main Functions",
        "Accountabilities", "Key Accountabilities", "Key Accountabilities (not all-inclusive)",
        "Duties", "Main Duties", "Tasks", "Main Tasks", "Key Tasks", "Specific Tasks",
        "Scope of Work", "Work Assignment", "Terms of Reference", "What you will do",
        "What You'll Do", "Your Responsibilities", "Job Responsibilities",
        "Duties & Responsibilities", "Functional Responsibilities",
        "Deliverables", "Expected Deliverables", "Key Deliverables", "Expected Results",
        "Work Relations", "Key Results Expected",
    ),
    "competencies": (
        "Competencies", "Required Competencies", "Core Competencies", "Core Values",
        "Managerial Competencies", "Functional Competencies", "Competencies and Values",
        "Values", "Skills", "Key Skills", "Required Skills", "Technical Skills",
        "Functional Skills", "Knowledge & Skills", "Knowledge and Skills",
        "Knowledge, Skills and Abilities", "Skills and Competencies", "Desired Skills",
        "Other Skills", "Personal Qualities", "Behavioural Competencies",
    ),
    "qualifications": (
        "Qualifications", "Minimum Qualifications", "Required Qualifications",
        "Required Qualifications and Experience", "Qualifications and Experience",
        "Qualifications and Skills", "Qualifications, Experience and Skills",
        "Qualifications & Experience", "Standard Minimum Qualifications",
        "Qualifications/special skills", "Requirements", "Essential Requirements",
        "Minimum Requirements", "Job Requirements", "Position Requirements",
        "Profile", "Candidate Profile", "Required Profile", "Who you are",
        "What you bring", "What we are looking for", "Eligibility", "Eligibility Criteria",
        "Requirements and Qualifications", "Minimum requirements for the position",
        "Skills and Qualifications", "Experience and Qualifications",
    ),
    "job_specific": (
        "Job - Specific Qualification", "Job-Specific Qualification",
        "Job Specific Qualification", "Certifications", "Certification",
    ),
    "desirable": (
        "Desirable", "Desirable Qualifications", "Desired Qualifications",
        "Preferred Qualifications", "Assets", "Bonus", "Bonus Points", "Nice to have",
        "Desirable Experience", "Additional Desirable Qualifications",
    ),
    "education": (
        "Education", "Educational Background", "Academic Qualifications",
        "Education and Certification", "Education & Certification", "Education Requirements",
        "Education/Qualifications", "Required Education", "Educational Requirements",
        "Education Level", "Degree Level",
    ),
    "experience": (
        "Work Experience", "Experience", "Professional Experience", "Relevant Experience",
        "Required Experience", "Experience Requirements", "Years of Experience",
        "Work Experience and Skills", "Professional Experience and Skills",
        "Knowledge and Experience", "Experience and Skills",
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
        "For every Child, you demonstrate", "Important Information",
    ),
    "how_to_apply": (
        "How to apply", "How to Apply:", "Application", "Applications",
        "Application Process", "Application Procedure", "Application Instructions",
        "To Apply", "Submission", "Submission of Applications", "Deadline",
        "Deadline for Applications", "Closing Date for Applications",
    ),
    "boilerplate": (
        "United Nations Considerations", "No Fee", "No Fees", "Fraud Warning",
        "Equal Opportunity", "Diversity and Inclusion", "Statement of Commitment",
        "WFP's Commitment", "Our Commitment to Diversity", "Equal Opportunity Employer",
    ),
}

# The Inspira headings, which flattened notices glue to the following word.
GLUED = (
    "Org. Setting and Reporting", "Responsibilities", "Competencies", "Education",
    "Job - Specific Qualification", "Work Experience", "Languages", "Assessment",
    "Special Notice", "United Nations Considerations", "No Fee",
)

_MARKUP = re.compile(r"^[\s#>*_|=-]*(?:\d{1,2}[.)]\s+|[IVX]{1,4}[.)]\s+)?|[\s#*_:|=-]*$")


def _fold(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


@cache
def _lookup() -> dict[str, str]:
    return {_fold(h): kind for kind, names in HEADINGS.items() for h in names}


def clean_heading(line: str) -> str:
    """A line without markdown marks, numbering and trailing colon: `### Education:###` → `Education`."""
    return _MARKUP.sub("", line).strip()


def heading_kind(line: str) -> str | None:
    """The kind named by `line` when the whole line is a known heading, else None."""
    cleaned = clean_heading(line)
    if not cleaned or len(cleaned) > 80 or not cleaned[0].isupper():
        return None
    return _lookup().get(_fold(cleaned))


@cache
def glued_heading_pattern() -> re.Pattern:
    names = sorted(GLUED, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"[ \t]*(?<![\w-])(?P<heading>{alternatives})(?=[A-Z•“\"])")
