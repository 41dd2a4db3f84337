"""The vocabulary of vacancy-notice requirements: degree levels, languages, proficiency
words, certification programmes, number words, necessity markers.

Only words and patterns live here; `requirements.py` decides what a sentence means.
Patterns are compiled on first use (no work at import time). Left out: degree names of
one country's system that no notice in the corpora uses (e.g. "licenciatura"), and
language names outside the list below (they are not recognised as languages).
"""

from __future__ import annotations

import re
from functools import cache

# Degree levels from lowest to highest; "college" (police/military war or staff college)
# and "none" (experience instead of a degree) stand outside this order.
LEVELS = ("secondary", "post_secondary", "bachelor", "master", "doctorate")
LEVEL_NAMES = {"secondary": "secondary school", "post_secondary": "post-secondary",
               "bachelor": "bachelor's", "master": "master's", "doctorate": "doctorate",
               "college": "war/staff college", "none": "no degree"}

# level → phrases, most specific first (each is a regex fragment, matched case-insensitively).
DEGREES: dict[str, tuple[str, ...]] = {
    "doctorate": (r"ph\.?\s?d\.?", r"doctora(?:te|l degree)", r"doctor of philosophy"),
    "master": (
        r"advanced (?:(?:but )?(?:unrelated |relevant )?(?:university |academic )?)?degree",
        r"advanced university degree", r"post-?\s?graduate (?:university )?degree",
        r"graduate degree", r"second[- ]level (?:university )?degree",
        r"master(?:['’]s|s)?\s+(?:degree|level|holders?|of \w+)", r"master['’]s",
        r"masters\b", r"m\.?b\.?a\b\.?", r"ll\.?m\b\.?", r"m\.?p\.?h\b\.?",
        r"m\.sc\.?", r"msc\b", r"m\.a\.", r"\bma\b(?= (?:degree|in)\b)", r"ml(?:i)?s\b",
        r"m\.l\.(?:i\.)?s\.?", r"(?:post-?\s?)?graduate (?:program(?:me)?s?|studies|school)",
    ),
    "bachelor": (
        r"first[- ]level (?:university |academic )?degree", r"first (?:university )?degree",
        r"bachelor(?:['’]?s)?(?:\s+(?:degree|level))?", r"undergraduate degree",
        r"b\.?sc\b\.?", r"b\.a\.", r"\bba\b(?= (?:degree|in)\b)", r"undergraduate (?:program(?:me)?s?|studies)",
        r"(?:university|college|higher education|academic) degree", r"university education",
    ),
    "post_secondary": (
        r"post[- ]?secondary (?:certificate|diploma|education|institution)",
        r"technical (?:diploma|certificate|school)", r"vocational (?:diploma|certificate|training)",
        r"associate['’]?s? degree",
    ),
    "secondary": (
        r"high[- ]school(?: diploma| certificate| education)?", r"secondary (?:school|education)"
        r"(?: diploma| certificate)?", r"secondary diploma", r"school diploma",
    ),
    "college": (
        r"(?:police|military)(?:\s*/\s*(?:police|military))? (?:war |staff )?colleges?",
        r"(?:senior )?staff colleges?", r"war colleges?",
    ),
}

UN_LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
# The language of the duty station, where the notice names it only that way.
DUTY_STATION_LANGUAGE = "duty station language"

# name as written → canonical name
LANGUAGES: dict[str, str] = {name: name for name in (
    "Arabic", "Chinese", "English", "French", "Russian", "Spanish", "Portuguese", "German",
    "Italian", "Japanese", "Korean", "Hindi", "Bengali", "Urdu", "Pashto", "Dari", "Persian",
    "Turkish", "Swahili", "Amharic", "Somali", "Tigrinya", "Oromo", "Hausa", "Yoruba",
    "Igbo", "Lingala", "Sango", "Kinyarwanda", "Kirundi", "Malagasy", "Indonesian", "Malay",
    "Thai", "Vietnamese", "Burmese", "Rohingya", "Chittagonian", "Khmer", "Lao", "Nepali",
    "Sinhala", "Tamil", "Tetum", "Filipino", "Ukrainian", "Polish", "Romanian", "Serbian",
    "Croatian", "Bosnian", "Albanian", "Greek", "Armenian", "Georgian", "Azerbaijani",
    "Kazakh", "Kyrgyz", "Tajik", "Uzbek", "Turkmen", "Mongolian", "Hebrew", "Kurdish",
    "Dutch", "Swedish", "Norwegian", "Danish", "Finnish", "Hungarian", "Czech", "Slovak",
    "Bulgarian", "Macedonian", "Haitian Creole", "Punjabi", "Gujarati", "Marathi", "Telugu",
    "Sindhi", "Balochi", "Wolof", "Fula", "Bambara", "Zulu", "Xhosa", "Shona", "Sesotho",
    "Setswana", "Chichewa", "Luganda", "Dinka", "Nuer", "Tok Pisin", "Bislama", "Fijian",
    "Samoan", "Tongan", "Quechua", "Aymara", "Guarani", "Cantonese", "Tagalog",
)}
LANGUAGES.update({"Bangla": "Bengali", "Farsi": "Persian", "Kiswahili": "Swahili",
                  "Mandarin": "Chinese", "Sinhalese": "Sinhala", "Fulani": "Fula",
                  "Bahasa Indonesia": "Indonesian", "Sesotho sa Leboa": "Sesotho"})

# Proficiency phrases → canonical level, strongest first. Matched case-insensitively.
PROFICIENCY: tuple[tuple[str, str], ...] = (
    (r"mother[- ]tongue|native(?: speaker| proficiency| level)?", "native"),
    (r"fluen(?:t|cy)|fluently", "fluent"),
    (r"(?:excellent|full|good|strong|very good) command|command of", "proficient"),
    (r"proficien(?:t|cy)|(?:verbal and written|written and verbal) proficiency", "proficient"),
    (r"working knowledge|working level|working proficiency|ability to (?:speak|read|write|"
     r"communicate|work)", "working knowledge"),
    (r"basic (?:knowledge|understanding|proficiency)|elementary", "basic"),
    (r"(?:good |sound |strong |excellent )?knowledge|familiarity", "knowledge"),
)
PROFICIENCY_ORDER = ("basic", "knowledge", "working knowledge", "proficient", "fluent", "native")

# Certification programmes: acronym → full names (regex fragments).
CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "SCP": (r"Security Certification Program(?:me)?",),
    "SAPP": (r"Security Analysis,? Practices?,? and (?:Procedures|Process(?:es)?)",),
    "HIM": (r"Hostage Incident Management",),
    "CPOC": (r"Close Protection Officers?['’]? Course",),
    "SSAFE": (r"Safe and Secure Approaches in Field Environments",),
    "BSAFE": (),
    "SIRA": (r"Security Information (?:and|&) Risk Analysis",),
    "PMP": (r"Project Management Professional",),
    "PRINCE2": (),
    "CPA": (r"Certified Public Accountant",),
    "ACCA": (),
    "CIMA": (),
    "CIPS": (r"Chartered Institute of Procurement (?:and|&) Supply",),
    "CFA": (r"Chartered Financial Analyst",),
    "ITIL": (),
    "CISSP": (),
    "CCNA": (),
    "CCNP": (),
    "IPSAS": (),
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
}

DESIRABLE = (
    r"desirable", r"desired", r"advantageous", r"preferred", r"preferable",
    r"an? (?:strong |distinct |added |additional |definite |real |considerable )?"
    r"(?:asset|advantage|plus)", r"nice to have", r"bonus", r"a plus",
)
REQUIRED = (
    r"(?:is|are) (?:also |absolutely )?(?:required|essential|mandatory|a must|necessary)",
    r"must (?:have|be|possess|hold|demonstrate|speak|commence)", r"required", r"essential",
    r"mandatory", r"prerequisite", r"minimum", r"at least",
)


def parse_number(word: str) -> float | None:
    """`ten (10)` → 10, `5+` → 5, `seven` → 7, `2.5` → 2.5; None when not a number."""
    w = word.strip().lower()
    digits = re.search(r"\d+(?:\.\d+)?", w)
    if digits:
        return float(digits.group(0))
    w = re.sub(r"[^a-z-]", "", w)
    return float(NUMBER_WORDS[w]) if w in NUMBER_WORDS else None


@cache
def number_pattern() -> str:
    """A number written as digits, words, or both (`ten (10)`), optionally `5+`."""
    words = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
    return rf"(?:\d+(?:\.\d+)?|(?:{words}))(?:\s*\(\d+\))?\+?"


@cache
def degree_pattern() -> re.Pattern:
    parts = []
    for level, phrases in DEGREES.items():
        parts.append(rf"(?P<{level}>{'|'.join(phrases)})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.I)


@cache
def language_pattern() -> re.Pattern:
    names = sorted(LANGUAGES, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})\b")


@cache
def proficiency_pattern() -> re.Pattern:
    parts = [rf"(?P<p{i}>{rx})" for i, (rx, _) in enumerate(PROFICIENCY)]
    return re.compile(rf"\b(?:{'|'.join(parts)})\b", re.I)


def proficiency_of(match: re.Match) -> str:
    """The canonical level named by a `proficiency_pattern` match."""
    index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
    return PROFICIENCY[index][1]


@cache
def certification_pattern() -> re.Pattern:
    parts = []
    for acronym, names in CERTIFICATIONS.items():
        alternatives = [rf"\b{re.escape(acronym)}\b"] + [rf"\b{n}\b" for n in names]
        parts.append(rf"(?P<{acronym}>{'|'.join(alternatives)})")
    return re.compile("|".join(parts))


@cache
def desirable_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(DESIRABLE)})\b|^\W*preferabl[ey]\b", re.I)


@cache
def required_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(REQUIRED)})\b", re.I)


def vocabularies() -> tuple:
    """Every word list and pattern table above, as data (for `derived.parser_hash`)."""
    return (LEVELS, tuple(DEGREES.items()), tuple(sorted(LANGUAGES.items())), PROFICIENCY,
            tuple(CERTIFICATIONS.items()), tuple(NUMBER_WORDS.items()), DESIRABLE, REQUIRED)
