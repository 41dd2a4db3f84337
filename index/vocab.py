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
        r"(?:completed )?university studies", r"licenciatura", r"licence universitaire", r"dipl[oô]me universitaire",
        r"t[ií]tulo universitario",
    ),
    "post_secondary": (
        r"post[- ]?secondary (?:certificate|diploma|education|institution)",
        r"technical (?:diploma|certificate|school)", r"vocational (?:diploma|certificate|training)",
        r"associate['’]?s? degree", r"(?:one|two|three|[1-3])\s+years?\s+of\s+college(?:\s+(?:education|coursework))?",
        r"some college",
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
# Names as French and Spanish notices write them (lower case inside a sentence).
LANGUAGES.update({written: name for name, forms in {
    "English": ("anglais", "Anglais", "inglés", "Inglés", "ingles"),
    "French": ("français", "Français", "francés", "Francés", "frances"),
    "Spanish": ("espagnol", "Espagnol", "español", "Español", "castellano"),
    "Arabic": ("arabe", "Arabe", "árabe", "Árabe"), "Russian": ("russe", "Russe", "ruso", "Ruso"),
    "Chinese": ("chinois", "Chinois", "chino", "Chino"),
    "Portuguese": ("portugais", "Portugais", "portugués", "Portugués"),
    "German": ("allemand", "Allemand", "alemán", "Alemán"),
}.items() for written in forms})
# An official language of the European Union, where the notice names none of them.
EU_LANGUAGE = "an official EU language"
# Any language besides the ones the notice names ("Fluency in a second language is a plus").
ANOTHER_LANGUAGE = "another language"
LANGUAGES.update({"Bangla": "Bengali", "Farsi": "Persian", "Kiswahili": "Swahili",
                  "Mandarin": "Chinese", "Sinhalese": "Sinhala", "Fulani": "Fula",
                  "Bahasa Indonesia": "Indonesian", "Sesotho sa Leboa": "Sesotho"})

# Proficiency phrases → canonical level, strongest first. Matched case-insensitively.
PROFICIENCY: tuple[tuple[str, str], ...] = (
    (r"mother[- ]tongue|native(?: speaker| proficiency| level)?", "native"),
    (r"fluen(?:t|cy)|fluently", "fluent"),
    (r"(?:excellent|full|good|strong|very good) command|command of", "proficient"),
    (r"proficien(?:t|cy)|(?:verbal and written|written and verbal) proficiency", "proficient"),
    (r"(?:excellent|very good|strong|good) (?:written and (?:spoken|oral|verbal)|(?:spoken|oral|verbal) and "
     r"written)|(?:excellent|strong|very good) (?:drafting|writing) skills in", "proficient"),
    (r"working knowledge|working level|working proficiency|ability to (?:speak|read|write|"
     r"communicate|work)", "working knowledge"),
    (r"(?<=[a-z] )speaking\b", "working knowledge"),   # "English and Spanish speaking required"
    (r"basic (?:knowledge|understanding|proficiency)|elementary", "basic"),
    (r"(?:good |sound |strong |excellent )?knowledge|familiarity", "knowledge"),
    (r"(?:excellente |parfaite |bonne )?ma[iî]trise|(?:excelente |buen )?dominio", "proficient"),
    (r"(?:bonne |solide )?connaissance|(?:buen )?conocimiento", "knowledge"),
)
PROFICIENCY_ORDER = ("basic", "knowledge", "working knowledge", "proficient", "fluent", "native")

# Levels of the Common European Framework → the proficiency each is, in PROFICIENCY_ORDER's
# terms; a letter alone counts only after "level" ("Fluency (level C)", "level B"). The profile
# reads these codes in the user's words, eligibility in a requirement's ("minimum level C1").
CEFR_LEVELS: dict[str, str] = {"A1": "basic", "A2": "basic", "B1": "working knowledge", "B2": "proficient",
                               "C1": "fluent", "C2": "fluent", "A": "basic", "B": "working knowledge", "C": "fluent"}

# Certification programmes: acronym → full names (regex fragments).
CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "SCP": (r"Security Certification Program(?:me)?",),
    "security clearance": (r"(?:personnel )?security clearance", r"Personnel Security Clearance Certificate"),
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

# Names of competencies in the frameworks of UN-system employers: a competencies part whose
# items are labelled with these is a framework of indicators, not a list of skills required.
COMPETENCY_NAMES = (
    "professionalism", "teamwork", "team work", "communication", "planning and organizing",
    "planning & organizing", "planning and organising", "accountability", "client orientation",
    "creativity", "technological awareness", "technology awareness", "commitment to continuous learning",
    "leadership", "vision", "empowering others", "managing performance", "building trust",
    "judgement/decision-making", "judgment and decision-making", "integrity", "integrity and transparency",
    "respect for diversity", "inclusion and respect for diversity", "delivering results",
    "managing and sharing knowledge", "strategic thinking and vision", "empowering others and building trust",
    "empowering others & building trust", "results orientation", "ethics and values", "collaboration",
    "adaptability", "resilience",
)

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
}

# What the candidate has done, shown by its record ("Evidence of leadership in …", "Record of
# participation in professional activities", "Demonstrable success in leading …"): experience.
# Not a record of a quality ("Evidence of ability to …", "Evidence of commitment to …").
RECORD_OF = (r"(?:an?\s+)?(?:(?:proven|demonstrated|demonstrable|consistent|established|strong|successful)\s+)?"
             r"(?:(?:track\s+)?record|evidence|history)\s+of\b(?!\s+(?:[\w-]+\s+){0,2}?(?:abilit\w*|commitment|interests?|"
             r"potential|aptitude|skills?|knowledge|understanding|scholarship)\b)"
             r"|(?:demonstrated|demonstrable|proven)\s+success\s+(?:in|with|at)\b")

# Personal qualities a notice asks of the candidate ("Strong service orientation", "Highly
# organized", "A passion for health and libraries", "Detail-oriented", "They learn quickly"):
# in a requirements part they are requirements of kind "other", as skills are.
PERSONAL_QUALITIES = (
    r"orientation", r"[\w-]+[- ]oriented", r"organi[sz]ed", r"attention to details?",
    r"detail", r"interest(?:ed)? in", r"passion(?:ate)?(?: about| for)?", r"proactive", r"self[- ]?starter",
    r"(?:self[- ])?motivated", r"comfort(?:able)? with", r"flexib(?:le|ility)", r"adaptab(?:le|ility)",
    r"reliab(?:le|ility)", r"dependab(?:le|ility)", r"ethic(?:s|al)", r"initiative", r"judge?ment",
    r"(?:critical|analytical|strategic|creative) thinking", r"creativ(?:e|ity)", r"curio(?:us|sity)",
    r"enthusias(?:m|tic)", r"team player", r"resourceful(?:ness)?", r"punctual(?:ity)?", r"discretion",
    r"thorough(?:ness)?", r"alignment with", r"learns? quickly", r"quick learner", r"positive attitude",
    r"diplomacy", r"tact(?:ful)?", r"patien(?:t|ce)", r"mindset", r"versatil(?:e|ity)", r"eager(?:ness)? to",
    r"dedicat(?:ed|ion)", r"presence", r"collaborative", r"independent(?:ly)?", r"people skills",
    r"engaged", r"pragmatic", r"insightful", r"dynamic", r"energetic", r"innovative", r"talented", r"personable",
    r"outgoing", r"hard[- ]?working", r"forward[- ]thinking", r"visionary", r"tech[- ]savvy",
)

DESIRABLE = (
    r"desirable", r"desired(?! (?:results?|outcomes?|objectives?|goals?|effects?|impacts?|changes?|state|level))",
    r"advantageous", r"preferred", r"preferable",
    r"an? (?:strong |distinct |added |additional |definite |real |considerable |important |great |valuable )?"
    r"(?:asset|advantage|plus)", r"added advantages?", r"(?:nice|good|great) to have", r"bonus", r"a plus",
    r"preference (?:will|may|shall|would) be given", r"(?:considered|regarded|seen) as (?:an? )?(?:assets?|advantages?)",
    r"(?:serait|constitue(?:rait)?|est) un (?:atout|avantage)", r"un atout", r"souhaitable", r"souhaité",
    r"deseable", r"se valorar[aá]", r"(?:ser[ií]a|es) una ventaja", r"valorable",
    r"(?:the |an )?ideal candidates?", r"(?:especially|particularly) interested in",
    r"(?:is|are) (?:highly |strongly )?recommended", r"(?:is|are) (?:highly |strongly )?encouraged",
    r"(?:is|are|would be) (?:very |also )?helpful",
)
REQUIRED = (
    r"(?:is|are) (?:also |absolutely )?(?:required|essential|mandatory|a must|necessary)",
    r"must (?:have|be|possess|hold|demonstrate|speak|commence)", r"required", r"essential",
    r"mandatory", r"prerequisite", r"minimum", r"at least",
    r"exig[ée]e?s?", r"requise?s?", r"indispensable", r"obligatoire", r"requerid[oa]s?", r"imprescindible",
    r"obligatori[oa]", r"(?:role|position|post|job|work|assignment) requires",
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


def _table_pattern(table: dict[str, tuple[str, ...]], key: str, name: str) -> re.Pattern:
    """Any entry of `table` (acronym → names), the acronym as `key` wraps it and each name
    as `name` wraps it; group `e<i>` says which entry matched (`_entry_of`)."""
    return re.compile("|".join(
        rf"(?P<e{i}>{'|'.join([key.format(re.escape(acronym))] + [name.format(n) for n in names])})"
        for i, (acronym, names) in enumerate(table.items())))


def _entry_of(match: re.Match, table: dict) -> str:
    index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
    return list(table)[index]


@cache
def certification_pattern() -> re.Pattern:
    """Any certification of `CERTIFICATIONS` (names are regex fragments)."""
    return _table_pattern(CERTIFICATIONS, r"\b{}\b", r"\b{}\b")


def certification_of(match: re.Match) -> str:
    """The acronym of the certification a `certification_pattern` match names."""
    return _entry_of(match, CERTIFICATIONS)


@cache
def desirable_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(DESIRABLE)})\b|^\W*(?:preferabl[ey]|ideally)\b|^\W*(?:a )?preference for\b"
                      r"|^\W*preference (?:will be |is |may be |shall be )?given to\b", re.I)


@cache
def quality_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(PERSONAL_QUALITIES)})\b", re.I)


@cache
def required_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(REQUIRED)})\b", re.I)


def vocabularies() -> tuple:
    """Every word list and pattern table above, as data (for `derived.parser_hash`)."""
    return (LEVELS, COMPETENCY_NAMES, PERSONAL_QUALITIES, tuple(DEGREES.items()), tuple(sorted(LANGUAGES.items())), PROFICIENCY,
            tuple(CERTIFICATIONS.items()), tuple(NUMBER_WORDS.items()), DESIRABLE, REQUIRED,
            tuple(ORGANISATIONS.items()))


# Employers: acronym → full names (English, then other languages). Used to read the
# organisation when no label states it, and by notice resolution. Left out: national
# bodies and companies (a notice of theirs states its employer in a label or heading).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "UN": ("United Nations", "United Nations Secretariat"),
    "UNDP": ("United Nations Development Programme",),
    "UNICEF": ("United Nations Children's Fund",),
    "UNHCR": ("United Nations High Commissioner for Refugees", "UN Refugee Agency"),
    "WFP": ("World Food Programme",),
    "WHO": ("World Health Organization", "Organisation mondiale de la Santé"),
    "ILO": ("International Labour Organization", "International Labour Office",
            "Organisation internationale du Travail", "Bureau international du Travail",
            "Organización Internacional del Trabajo", "OIT", "BIT"),
    "IOM": ("International Organization for Migration",),
    "UNOPS": ("United Nations Office for Project Services",),
    "UNFPA": ("United Nations Population Fund",),
    "UNESCO": ("United Nations Educational, Scientific and Cultural Organization",),
    "FAO": ("Food and Agriculture Organization",),
    "IFAD": ("International Fund for Agricultural Development",),
    "UNEP": ("United Nations Environment Programme",),
    "UN-Habitat": ("United Nations Human Settlements Programme",),
    "UN Women": ("United Nations Entity for Gender Equality and the Empowerment of Women",),
    "OCHA": ("Office for the Coordination of Humanitarian Affairs",),
    "OHCHR": ("Office of the High Commissioner for Human Rights",),
    "UNV": ("United Nations Volunteers", "UN Volunteers", "Voluntarios de las Naciones Unidas", "VNU"),
    "UNIDO": ("United Nations Industrial Development Organization",),
    "UNODC": ("United Nations Office on Drugs and Crime",),
    "UNRWA": ("United Nations Relief and Works Agency",),
    "UNAIDS": ("Joint United Nations Programme on HIV/AIDS",),
    "UNITAR": ("United Nations Institute for Training and Research",),
    "UNU": ("United Nations University",),
    "UNFCCC": ("United Nations Framework Convention on Climate Change",),
    "ITU": ("International Telecommunication Union",),
    "UPU": ("Universal Postal Union",),
    "WIPO": ("World Intellectual Property Organization",),
    "WMO": ("World Meteorological Organization",),
    "IMO": ("International Maritime Organization",),
    "ICAO": ("International Civil Aviation Organization",),
    "IAEA": ("International Atomic Energy Agency",),
    "ITC": ("International Trade Centre",),
    "ITCILO": ("International Training Centre of the ILO",),
    "WTO": ("World Trade Organization", "WTO Secretariat"),
    "OPCW": ("Organisation for the Prohibition of Chemical Weapons",),
    "CTBTO": ("Comprehensive Nuclear-Test-Ban Treaty Organization",),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "OECD": ("Organisation for Economic Co-operation and Development",),
    "NATO": ("North Atlantic Treaty Organization",),
    "ICC": ("International Criminal Court",),
    "ICRC": ("International Committee of the Red Cross",),
    "IFRC": ("International Federation of Red Cross and Red Crescent Societies",),
    "World Bank": ("World Bank Group", "International Bank for Reconstruction and Development", "WBG"),
    "IMF": ("International Monetary Fund",),
    "IFC": ("International Finance Corporation",),
    "ADB": ("Asian Development Bank",),
    "AfDB": ("African Development Bank",),
    "IDB": ("Inter-American Development Bank",),
    "EBRD": ("European Bank for Reconstruction and Development",),
    "EIB": ("European Investment Bank",),
    "AIIB": ("Asian Infrastructure Investment Bank",),
    "CERN": ("European Organization for Nuclear Research",),
    "ESA": ("European Space Agency",),
    "EMBL": ("European Molecular Biology Laboratory",),
    "ECHA": ("European Chemicals Agency",),
    "EUIPO": ("European Union Intellectual Property Office",),
    "eu-LISA": ("European Union Agency for the Operational Management of Large-Scale IT Systems",),
    "Europol": ("European Union Agency for Law Enforcement Cooperation",),
    "Frontex": ("European Border and Coast Guard Agency",),
    "EFSA": ("European Food Safety Authority",),
    "EMA": ("European Medicines Agency",),
    "ECDC": ("European Centre for Disease Prevention and Control",),
    "EEA": ("European Environment Agency",),
    "EASA": ("European Union Aviation Safety Agency",),
    "ENISA": ("European Union Agency for Cybersecurity",),
    "EUAA": ("European Union Agency for Asylum",),
    "European Commission": ("EU Commission",),
    "Gavi": ("Gavi, the Vaccine Alliance",),
    "Global Fund": ("The Global Fund to Fight AIDS, Tuberculosis and Malaria",),
    "GFEMS": ("Global Fund to End Modern Slavery",),
    "UNITAID": (),
    "IRC": ("International Rescue Committee",),
    "NRC": ("Norwegian Refugee Council",),
    "DRC": ("Danish Refugee Council",),
    "MSF": ("Médecins Sans Frontières", "Doctors Without Borders"),
    "ACF": ("Action Against Hunger", "Action Contre la Faim"),
    "ACTED": (),
    "Oxfam": (),
    "CARE": ("CARE International",),
    "Save the Children": (),
    "World Vision": ("World Vision International",),
    "Mercy Corps": (),
    "FHI 360": ("FHI360",),
    "SNV": ("SNV Netherlands Development Organisation",),
    "IRAP": ("International Refugee Assistance Project",),
    "Kiva": (),
    "Wikimedia Foundation": ("Wikimedia",),
    "CDC Foundation": (),
    "WRI": ("World Resources Institute",),
    "IUCN": ("International Union for Conservation of Nature",),
    "WWF": ("World Wide Fund for Nature",),
}


@cache
def organisation_pattern() -> re.Pattern:
    """Any name of `ORGANISATIONS`: acronyms case-sensitively as whole words, full names in
    any case."""
    return _table_pattern({a: tuple(spelling_pattern(n) for n in names) for a, names in ORGANISATIONS.items()},
                          r"(?<![\w-]){}(?![\w-])", r"(?i:\b{}\b)")


def spelling_pattern(name: str) -> str:
    """`name` escaped for a regex that takes British and American spellings alike
    ("World Trade Organisation" for "World Trade Organization"). Left out: -our/-or,
    -re/-er (no organisation name in the table differs so)."""
    return re.sub(r"i[sz](?=ation)", "i[sz]", re.escape(name))


def fold_spelling(name: str) -> str:
    """`name` lower-cased with -isation spelt -ization: the key under which both spellings
    of a name are looked up."""
    return re.sub(r"isation", "ization", name.lower())


def organisation_of(match: re.Match) -> str:
    """The acronym of the organisation an `organisation_pattern` match names."""
    return _entry_of(match, ORGANISATIONS)


# -- eligibility knowledge (read by `assistant/eligibility.py`; not by the parser) ----------
# Groups of countries a notice may restrict nationality to: pattern naming the group in a
# notice's sentence → ISO 3166 alpha-2 codes of its members. Left out: groups whose
# membership covers nearly every country (World Bank Group, UN Member States).
_EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
       "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
COUNTRY_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "European Union": (r"\bEuropean Union\b|\bEU (?:Member States|citizens|nationals|countr)", _EU),
    "European Economic Area": (r"\bEuropean Economic Area\b|\bEEA\b", (*_EU, "IS", "LI", "NO")),
    "OSCE participating States": (r"\bOSCE\b[^.]{0,80}\bparticipating States\b|\bparticipating States\b[^.]{0,80}\bOSCE\b",
                                  (*_EU, "AL", "AD", "AM", "AZ", "BY", "BA", "CA", "GE", "VA", "IS", "KZ", "KG",
                                   "LI", "MK", "MD", "MC", "MN", "ME", "NO", "RU", "SM", "RS", "CH", "TJ", "TR",
                                   "TM", "UA", "GB", "US", "UZ")),
    "CARICOM": (r"\bCARICOM\b|\bCaribbean Community\b|\bCaribbean\b",
                ("AG", "BS", "BB", "BZ", "DM", "GD", "GY", "HT", "JM", "KN", "LC", "VC", "SR", "TT", "MS")),
}

# The UN working language of a duty-station country where it is not English (for "the UN
# working language of the duty station if not English"); any other country: English.
UN_WORKING_LANGUAGE: dict[str, str] = {
    **{c: "French" for c in ("FR", "BE", "CH", "LU", "MC", "SN", "ML", "BF", "NE", "TD", "CM", "CF", "CG",
                             "CD", "GA", "GN", "CI", "TG", "BJ", "MG", "DJ", "KM", "BI", "RW", "HT", "MR",
                             "TN", "MA", "DZ")},
    **{c: "Spanish" for c in ("ES", "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "CO", "VE", "EC",
                              "PE", "BO", "CL", "AR", "UY", "PY", "GQ")},
    **{c: "Arabic" for c in ("EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "JO", "LB", "SY", "IQ", "LY",
                             "SD", "PS")},
    **{c: "Russian" for c in ("RU", "BY", "KZ", "KG", "TJ", "UZ", "TM")},
}

# Occupational families: words (lower case, matched as word starts) that place a stated or
# required domain of experience in a family. Two domains in disjoint families do not
# match; a shared family matches; anything else is judged by embedding similarity.
DOMAIN_FAMILIES: dict[str, tuple[str, ...]] = {
    "security": ("police", "policing", "military", "army", "security", "law enforcement", "armed forces",
                 "close protection", "defence", "defense", "guard"),
    "health": ("health", "medical", "nursing", "nurse", "clinical", "epidemiolog", "hospital", "public health",
               "physician", "hiv", "malaria", "nutrition"),
    "food": ("food", "nutrition", "fortification", "agri", "agribusiness", "farming", "livestock", "rice"),
    "software": ("software", "developer", "programming", "programmer", "web development", "backend", "frontend",
                 "node.js", "javascript", "server application", "devops", "coding", "full-stack", "full stack"),
    "it_support": ("system administrat", "linux", "helpdesk", "help desk", "it support", "application support",
                   "service desk", "network administrat", "cloud administrat", "user support"),
    "finance": ("finance", "financing", "financial", "banking", "bank", "lending", "credit", "investment",
                "accounting", "accountant", "audit", "payroll", "treasury", "budget", "leveraged", "private equity"),
    "editing": ("proofread", "editing", "editor", "editorial", "copy-edit", "copyedit", "translation",
                "translator", "publishing"),
    "communications": ("communication", "journalism", "journalist", "media", "public information",
                       "external relations", "advocacy", "press", "reporting", "donor relations"),
    "driving": ("driver", "driving", "chauffeur", "transport"),
    "administration": ("administrative", "administration", "office management", "secretar", "clerical",
                       "business support", "office support", "office administrat"),
    "development": ("development cooperation", "international development", "rural", "local economic",
                    "entrepreneurship", "decent work", "livelihood", "project management", "programme management"),
    "science": ("molecular", "biology", "laboratory", "chemistry", "toxicolog", "physics", "parasitolog",
                "stem", "natural science", "life science", "physical science"),
    "gender": ("gender", "human rights", "women"),
    "social": ("social work", "vulnerable", "victims", "psycholog", "counsel", "witness", "protection"),
}


# Kinds of workplace a domain can name ("in an academic library", "in a higher educational
# setting"): years from one setting of this table do not obviously count for a requirement that
# names another ("4 years at a public library" for "two years working in an academic library").
# A domain naming none of them is not judged by this table.
WORK_SETTINGS: dict[str, tuple[str, ...]] = {
    "academic": (r"\bacademic\b", r"\buniversit", r"\bcolleges?\b", r"\bhigher[- ]educat"),
    "public library": (r"\bpublic librar", r"\bmunicipal librar", r"\bcounty librar", r"\bcity librar"),
    "school": (r"\bschool librar", r"\bK-12\b", r"\belementary school", r"\bhigh school librar"),
    "special library": (r"\blaw librar", r"\bcorporate librar", r"\bmedical librar", r"\bhospital librar"),
}


# Nationality adjective → country, for "I am Sri Lankan" and "Korean citizens only".
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "American": "United States",
    "Angolan": "Angola", "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Australian": "Australia", "Austrian": "Austria", "Azerbaijani": "Azerbaijan",
    "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Beninese": "Benin", "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina", "Botswanan": "Botswana", "Motswana": "Botswana",
    "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria",
    "Burkinabe": "Burkina Faso", "Burundian": "Burundi", "Cambodian": "Cambodia",
    "Cameroonian": "Cameroon", "Canadian": "Canada", "Chadian": "Chad", "Chilean": "Chile",
    "Chinese": "China", "Colombian": "Colombia", "Congolese": "Congo", "Croatian": "Croatia",
    "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czechia", "Danish": "Denmark", "Dane": "Denmark",
    "Djiboutian": "Djibouti", "Dominican": "Dominican Republic", "Dutch": "Netherlands",
    "Ecuadorian": "Ecuador", "Egyptian": "Egypt", "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea", "Estonian": "Estonia", "Ethiopian": "Ethiopia", "Fijian": "Fiji",
    "Filipino": "Philippines", "Finnish": "Finland", "French": "France", "Gabonese": "Gabon",
    "Gambian": "Gambia", "Georgian": "Georgia", "German": "Germany", "Ghanaian": "Ghana",
    "Greek": "Greece", "Guatemalan": "Guatemala", "Guinean": "Guinea", "Haitian": "Haiti",
    "Honduran": "Honduras", "Hungarian": "Hungary", "Icelandic": "Iceland", "Indian": "India",
    "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland",
    "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Côte d'Ivoire", "Jamaican": "Jamaica",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya",
    "Korean": "Republic of Korea", "South Korean": "Republic of Korea", "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lao": "Lao People's Democratic Republic",
    "Latvian": "Latvia", "Lebanese": "Lebanon", "Liberian": "Liberia", "Libyan": "Libya",
    "Lithuanian": "Lithuania", "Malagasy": "Madagascar", "Malawian": "Malawi",
    "Malaysian": "Malaysia", "Malian": "Mali", "Mauritanian": "Mauritania", "Mexican": "Mexico",
    "Moldovan": "Moldova", "Mongolian": "Mongolia", "Moroccan": "Morocco",
    "Mozambican": "Mozambique", "Burmese": "Myanmar", "Namibian": "Namibia", "Nepali": "Nepal",
    "Nepalese": "Nepal", "New Zealander": "New Zealand", "Nicaraguan": "Nicaragua",
    "Nigerien": "Niger", "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman",
    "Pakistani": "Pakistan", "Palestinian": "State of Palestine", "Panamanian": "Panama",
    "Paraguayan": "Paraguay", "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal",
    "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russian Federation",
    "Rwandan": "Rwanda", "Saudi": "Saudi Arabia", "Senegalese": "Senegal", "Serbian": "Serbia",
    "Sierra Leonean": "Sierra Leone", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "Slovenian": "Slovenia", "Somali": "Somalia", "South African": "South Africa",
    "South Sudanese": "South Sudan", "Spanish": "Spain", "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria",
    "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Thai": "Thailand", "Togolese": "Togo",
    "Tunisian": "Tunisia", "Turkish": "Türkiye", "Ugandan": "Uganda", "Ukrainian": "Ukraine",
    "Uruguayan": "Uruguay", "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela",
    "Vietnamese": "Viet Nam", "Yemeni": "Yemen", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    "Basotho": "Lesotho", "Mosotho": "Lesotho", "Sahrawi": "Western Sahara",
}
