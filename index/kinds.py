"""The registry: every requirement kind and every who-may-apply rule, each one entry.

An entry holds what the whole product knows about it — detection (patterns as data, or a
reader for rules whose values must be pulled out of the sentence), the labels and plain
wording the card, composer and UI show, the question words that ask about it (read by the
router), and the name of the eligibility check that applies it (`assistant/eligibility.py`
maps check names to code, so a new rule that checks like an existing one is one edit
here), and the module of `index/readers/` whose code types it (a kind whose values need
code — years, routes, language groups — is read there). Left out: the degree, language, proficiency and certification vocabularies, which
are word lists in `vocab.py` that several kinds share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterator


@dataclass(frozen=True)
class Kind:
    name: str
    title: str              # card heading ("Languages")
    absent: str             # "The notice does not state {absent}."
    cues: str               # question words asking about it (regex, case-insensitive)
    check: str | None       # eligibility check name; None: a condition of the job, not a bar
    detect: tuple[str, ...] = ()   # patterns a statement matches (kinds read by pattern only)
    qualification: bool = True     # counted among "the qualifications" a question asks about
    heading: str | None = None     # a heading whose items are of this kind ("Travel Requirements:")
    scope: str | None = None       # words naming this part in "Do I meet the … requirement?"
    reader: str | None = None      # module of `index/readers` that types it; None: the fallback
                                   # in `requirements.py` ("other": a qualification no reader typed)


KINDS: tuple[Kind, ...] = (
    Kind("education", "Education", "an education requirement",
         r"\b(?:degree|education|diploma|bachelor|master|phd|doctorate|academic|fields? of study|"
         r"what (?:should|must) i (?:have )?stud(?:y|ied))", "education",
         scope=r"education(?:al)?|degree|academic|diploma|stud(?:y|ies)", reader="education"),
    Kind("experience", "Experience", "an experience requirement",
         r"\b(?:experience|years|worked|work history|background)\b", "experience",
         scope=r"experience|years?|work history", reader="experience"),
    Kind("language", "Languages", "a language requirement",
         r"\b(?:languages?|speak|spoken|fluent|fluency|bilingual)", "language",
         scope=r"languages?|linguistic", reader="language"),
    Kind("certification", "Certifications", "a certification requirement",
         r"\b(?:certificat|certified|training|course)", "names",
         scope=r"certifications?|certificates?", reader="conditions"),
    Kind("licence", "Licence", "a driving licence requirement",
         r"\b(?:driv(?:ing|er'?s?)|licen[cs]e)\b", "licence",
         detect=(r"\bdriv(?:ing|er['’]?s?)\s+licen[cs]e", r"\bvalid\s+(?:\w+\s+)?licen[cs]e\b",
                 r"\bdriving permit\b"), reader="conditions"),
    Kind("travel", "Travel", "a travel requirement", r"\b(?:travel|mission travel)", None,
         detect=(r"\b(?:frequent|extensive|regular|willing(?:ness)? to|able to|ability to|"
                 r"availability to|required to)\s+(?:\w+\s+)?travel", r"\bdeploy(?:ed|ment)? to\b",
                 r"\btravel (?:is|will be|may be) (?:required|expected)\b", r"\btravel up to\b",
                 r"\btravel requirements?\s*[:|]\s*\d", r"\b(?:with|including|involving) (?:some |occasional |"
                 r"frequent |regular |extensive )?travel (?:with)?in\b", r"\b\d{1,3}\s*%\s*(?:of )?(?:the time )?travel\b",
                 r"^\W*(?:some |occasional |frequent |regular |extensive |local |international )?travel (?:is )?"
                 r"(?:required|expected|necessary)\b"),   # "Some travel required."
         qualification=False, reader="conditions", heading=r"^\W*travel(?: requirements?)?\W*$"),
    Kind("medical", "Medical", "a medical requirement",
         r"\b(?:medical\w*|vaccin\w*|health clearance|fit to work|physical(?:ly)? (?:demanding|fit|requirements?|"
         r"demands|fitness)|lift(?:ing)? (?:heavy|up to|boxes)|heavy lifting|stand(?:ing)? for long)\b", None,
         detect=(r"\bmedically fit\b", r"\bmedical (?:clearance|fitness|examination|certificat\w+)\b",
                 r"\bvaccinat\w+", r"\bphysically fit\b", r"\bmedically examined\b",
                 r"\bpre-?(?:employment|appointment) medical\b",
                 # physical demands: "light lifting and shelving", "lift up to 30 lbs", "able to stand, walk …"
                 r"\b(?:light|heavy) lifting\b", r"\blift(?:ing)? (?:up to )?\d+\s*(?:lbs?|pounds|kg|kilos)\b",
                 r"\b(?:be )?able to (?:stand|walk|sit|kneel|climb)\b", r"\bfine motor skills\b",
                 r"\bphysical (?:demands|requirements)\b",
                 # "Physical ability to move about the building and to handle the tools of the trade"
                 r"\bphysical(?:ly)? (?:abilit(?:y|ies)|able|capable)\b",
                 # "Ability to lift moderately heavy boxes", "… push a fully loaded book truck", "frequent sitting"
                 r"\babilit(?:y|ies) to (?:lift|push|pull|carry(?! out)|bend|climb|kneel|stoop)\b",
                 r"\b(?:extended|long) periods (?:of time )?(?:at a (?:computer|desk|workstation)|sitting|standing)\b",
                 r"\bfrequent (?:sitting|standing|walking|bending|lifting|reaching)\b",
                 # "standing for extended periods", "lifting, bending, reaching, squatting", "up to 50 lbs"
                 r"\b(?:standing|sitting|walking) for (?:extended|long|prolonged) periods\b",
                 r"\bextensive (?:time )?(?:sitting|standing|walking)\b",
                 r"\b(?:lifting|bending|reaching|squatting|stooping|kneeling|climbing|twisting)(?:,? (?:and |or )?"
                 r"(?:lifting|bending|reaching|squatting|stooping|kneeling|climbing|twisting|pulling|pushing))+\b",
                 r"\bphysically (?:active|demanding)\b", r"\blift\w*\b[^.;]{0,60}\bup to \d+\s*(?:lbs?|pounds|kg)\b",
                 r"\b(?:close|distance|peripheral) vision\b",
                 r"\babilit(?:y|ies) to (?:continuously |frequently |repeatedly )?(?:bend|twist|stoop|kneel|reach|crouch)\b"),
         qualification=False, reader="conditions", heading=r"^\W*physical (?:demands|requirements|effort)\W*$"),
    Kind("eligibility_rule", "Who may apply", "a restriction on who may apply",
         r"\b(?:roster\w*|internal|external|nationals?|nationality|citizens?|citizenship|"
         r"young professionals|who (?:can|may) apply|open to|eligible|live|living|reside|"
         r"residen\w+|commut\w+|work permit|visa|age limit|how old)\b", "rule", qualification=False, reader="rules",
         scope=r"nationality|citizenship|residence|residency|who may apply|eligibility rules?|permit|age"),
    Kind("other", "Other requirements", "other requirements",
         r"\b(?:skills?|knowledge|abilit\w+|tools?|software)\b", None,
         # conditions of the job the candidate must accept, wherever they stand: hours outside
         # the working week, a background check
         detect=(r"\b(?:evenings?|nights?|weekends?|saturdays?|sundays?|holidays?)(?:,?\s+(?:and\s+|or\s+|&\s+)?"
                 r"(?:evenings?|nights?|weekends?|saturdays?|sundays?|holidays?))*(?:/[a-z]+)?\s+(?:hours|work|shifts?|schedules?|"
                 r"coverage|availability)\b",
                 r"\b(?:an?|the) (?:evening|night|weekend|rotating) (?:work )?(?:schedule|shift)\b",
                 r"\bflexib\w+ (?:with|in|regarding) (?:the |their |your |a |one's )?(?:work(?:ing)? )?(?:schedule|hours)\b",
                 r"\bwork(?:ing)? (?:some |occasional |on )?(?:evenings|nights|weekends)\b",
                 r"\b(?:clear|pass|undergo|complete|completion of|subject to) (?:a |an |the )?(?:criminal |satisfactory )?"
                 r"background (?:check|investigation|screening)s?\b")),
)
KIND_NAMES = tuple(k.name for k in KINDS)


@cache
def kind(name: str) -> Kind:
    return next(k for k in KINDS if k.name == name)


@cache
def detect_pattern(name: str) -> re.Pattern:
    return re.compile("|".join(kind(name).detect), re.I)


def kind_of_heading(heading: str | None) -> str | None:
    """The kind whose items a heading lists ("Travel Requirements:" → travel), if one."""
    return next((k.name for k in KINDS if k.heading and heading and re.search(k.heading, heading, re.I)), None)


def qualification_kinds() -> tuple[str, ...]:
    return tuple(k.name for k in KINDS if k.qualification and k.name != "other")


# -- who may apply: one entry per rule ------------------------------------------------
Found = tuple[tuple[str, ...], bool]   # (values, preference)


@dataclass(frozen=True)
class Rule:
    """A rule on who may apply. Detection: `all_of` patterns must each match the statement
    (and none of `none_of`); or `reader` returns (values, preference) or None. `sentence`
    is its plain words in an answer, `wording` the card's label, `cues` the question words
    that ask about it, `check` the eligibility check (None: shown as a condition)."""

    name: str
    sentence: str           # plain words for an answer ("only {values} nationals may apply")
    cues: str | None        # question words asking about it (regex, case-insensitive)
    wording: str            # the card's short label
    check: str | None = None
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    preference: bool = False
    values: tuple[str, ...] = ()
    reader: Callable[[str], Found | None] | None = None
    general: bool = False   # read only when no specific rule matched the statement
    consumes: bool = True   # the statement states nothing else; False: its degree is read too

    def read(self, body: str) -> Found | None:
        if self.reader is not None:
            return self.reader(body)
        if all(re.search(p, body, re.I) for p in self.all_of) and not any(
                re.search(p, body, re.I) for p in self.none_of):
            return self.values, self.preference
        return None


_DEMONYM = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_NATIONALITY = (
    rf"\b(?P<d>{_DEMONYM}) (?i:nationals?|citizens?) only\b",
    rf"\bonly (?:for |open to )?(?P<d>{_DEMONYM}) (?i:nationals?|citizens?)\b",
    rf"\bfor only (?P<d>{_DEMONYM}) (?i:nationals?|citizens?)\b",
    rf"\bbe (?:an? )?(?P<d>{_DEMONYM}) (?i:nationals?|citizens?)\b",
    rf"\bNationality:\s*(?P<d>{_DEMONYM}) only\b",
    rf"\b(?:open|restricted|limited) to (?P<d>{_DEMONYM}) (?i:nationals?|citizens?)\b",
)


def _nationality(body: str) -> Found | None:
    for p in _NATIONALITY:
        m = re.search(p, body)
        if m and m.group("d") not in ("National", "The", "All", "Only"):
            word = m.group("d")
            values = [word[:-1] if word.endswith("ans") else word]   # Sri Lankans → Sri Lankan
            if re.search(r"\bor (?:hav\w+|hold\w*) (?:an? )?(?:valid )?(?:work|residen\w+)", body, re.I):
                values.append("work or residency permit")
            return tuple(values), False
    return None


def _residence(body: str) -> Found | None:
    preference = bool(re.search(r"\bpreference\b", body, re.I))
    if re.search(r"\bcommuting distance\b", body, re.I) and re.search(r"\bresid|\blive", body, re.I):
        values = ["commuting distance"]
        if re.search(r"country of the duty station|already live in the country", body, re.I):
            values.insert(0, "duty station country")
        return tuple(values), preference
    if re.search(r"limited to candidates based at the duty station|candidates (?:residing|based) "
                 r"(?:in|at) the duty station", body, re.I):
        return ("duty station",), preference
    if re.search(r"\b(?:nationality|nacionalidad|nationalit[ée]) (?:or|o|ou) (?:residence|residencia|r[ée]sidence) "
                 r"(?:in|en)\b", body, re.I):
        return ("nationality or residence",), preference   # "dirigido al público con nacionalidad o residencia en México"
    if re.search(r"\bmust (?:be based|reside|live) in (?:the )?[A-Z]|\b(?:U\.S\.|US|[A-Z][a-z]+)[- ]based candidates\b",
                 body):
        return ("country",), preference   # "Remote, must be based in the United States"
    return None


def _country_list(body: str) -> tuple[str, ...]:
    colon = body.rfind(":")
    if colon < 0:
        return ()
    tail = body[colon + 1:]
    sep = ";" if tail.count(";") >= 3 else ","
    if tail.count(sep) < 3:
        return ()
    items = [" ".join(p.split()).strip(" .") for p in re.split(rf"\s*{sep}\s*", tail)]
    return tuple(i for i in items if i and len(i) <= 60 and i[0].isupper())


def _first_tier(body: str) -> Found | None:
    if not re.search(r"\bfirst[- ]tier\b", body, re.I):
        return None
    return tuple(v for v, p in (("internal", r"\binternal\b"), ("female", r"\bfemale\b"),
                                ("non-represented member states", r"non-represented"))
                 if re.search(p, body, re.I)), True


def _under_represented(body: str) -> Found | None:
    countries = _country_list(body)
    if countries and re.search(r"(?:un|under|non)[- ]?represented", body, re.I):
        return countries, True
    if re.search(r"(?:historically )?under-?represented\b(?:[^.]|\.(?=\S))*\bencourage", body, re.I):  # a URL's dots
        return (), True
    return None


def _grade_window(body: str) -> Found | None:
    if re.search(r"\bG-?6 or G-?7\b", body) and re.search(r"\bP-?3\b", body):
        return ("G-6", "G-7", "P-3"), False
    return None


RULES: tuple[Rule, ...] = (
    Rule("roster_only", "only candidates already placed on a roster may apply",
         r"roster", "only candidates already on a roster", "roster",
         all_of=(r"recruit from roster|only open to roster|roster applicants? (?:who|only)|"
                 r"only (?:open to )?(?:pre-approved )?roster",)),
    Rule("internal_only", "the opening may be limited to internal candidates",
         r"internal", "internal candidates only", "internal",
         all_of=(r"limited to\W+internal candidates|internal candidates only|only (?:open to )?"
                 r"internal (?:candidates|applicants)|open to internal candidates only",)),
    Rule("open_to", "the opening is open to the candidates it names",
         None, "open to", None, values=("external", "internal"),
         all_of=(r"\b(?:open to|are eligible)\b[^.]*\binternal and external\b|\binternal and external "
                 r"candidates (?:are eligible|may apply)",)),
    Rule("nationality", "only {values} nationals may apply",
         r"national|citizen", "nationals only", "nationality", reader=_nationality),
    Rule("residence", "candidates must reside within reach of the duty station ({values})",
         r"\blive|resid|commut", "residence", "residence", reader=_residence),
    Rule("work_permit", "a work or residency permit for the duty-station country is needed",
         r"permit|visa|right to work|authori[sz]ed to work", "work permit or residency needed", "work_permit",
         all_of=(r"work permit|work authori[sz]ation|authori[sz]ation to work|residency status|legal residen|\bvisa\b|"
                 r"permanent resident|legally (?:authori[sz]ed|entitled|able|permitted) to (?:live and )?work|"
                 r"right to (?:live and )?work|(?:eligible|authori[sz]ed) to work|legal status to live|"
                 r"permission to (?:live and )?work|\blocal status\b",
                 r"\b(?:required|requires|must|only|prerequisite|should|eligible|subject to evidence)\b|"
                 r"\bvisa sponsorship (?:is )?not\b|\b(?:not|unable to|cannot|will not) (?:be able to )?sponsor\b"
                 r"|\b(?:not|unable to|cannot|can't|will not) (?:provide|offer) (?:visa )?sponsorship\b")),
    Rule("member_nationality", "only nationals of the member states the notice names may apply",
         r"national|citizen|member state", "nationals of member states only", "member_nationality",
         all_of=(r"\b(?:be|are|is|being) (?:a )?(?:nationals?|citizens?) of (?:one of )?(?:the )?(?:[\w-]+ ){0,4}"
                 r"(?:Member States?|member countr(?:y|ies)|participating States?)\b"
                 r"|\bnationals? of (?:the )?(?:[\w-]+ ){0,4}(?:member (?:states|countries)|participating states)\b"
                 r"|\b(?:EU|EEA|European Economic Area|European Union) (?:citizens|nationals)\b"
                 r"|\bnationals? of (?:one of )?the (?:24 |27 )?(?:EU )?Member States\b",),
         # "nationals of under-represented Member States are encouraged to apply" invites, it does not bar
         none_of=(r"\b(?:are|is) (?:strongly |particularly |especially )?encouraged\b",)),
    Rule("citizen_rights", "candidates must enjoy full rights as citizens",
         r"citizen|civil rights", "full rights as a citizen", None,
         all_of=(r"\b(?:enjoy|have) (?:the )?(?:full|all) (?:civil )?rights as (?:a )?citizens?\b",)),
    Rule("military_service", "candidates must have fulfilled their military service obligations",
         r"military", "military service obligations fulfilled", None,
         all_of=(r"\bobligations imposed\b[^.]*\bmilitary service\b|\bmilitary service obligations\b",)),
    Rule("age", "the notice sets an age limit",
         r"\bage\b|how old|too old|years old", "an age limit", "age",
         all_of=(r"\b(?:at least|minimum age of|not (?:be )?older than|no older than|under the age of|"
                 r"aged? (?:between|under|over|of at least)|maximum age of)\s+\d{2}\b"
                 r"(?!\s*(?:days?|weeks?|months?|hours?|%|per ?cent|staff|countries|languages?)\b)|\b\d{2}\+?\s*years (?:of age|old)\b",
                 r"\bage[ds]?\b|\byears? old\b|\byears of age\b|\bolder than\b|\bborn\b"),
         none_of=(r"mandatory age of separation|retirement age|\bretired\b",)),
    Rule("secondment_only", "only candidates seconded (nominated) by their government may apply",
         r"second(?:ed|ment)|nominat", "open to seconded candidates only (nominated by their government)", "secondment",
         all_of=(r"\b(?:open (?:for|to) )?secondment only\b|\bnominated by (?:their |the |its )?(?:respective )?"
                 r"(?:participating States?|governments?|member states?)\b",)),
    Rule("experience_cap", "candidates may have at most the experience the notice states",
         r"too much experience|maximum experience", "a maximum amount of experience", "experience_cap",
         all_of=(r"\b(?:less than|no more than|not more than|fewer than|a maximum of|at most) (?:\w+ )?"
                 r"(?:\(\d+\) )?years?\b[^.;]{0,40}\bexperience\b",)),
    Rule("graduation_window", "candidates must be studying or have graduated recently",
         r"graduat|enrol|student", "a recent degree or current studies", "graduation_window", consumes=False,
         all_of=(r"\b(?:within|in) the (?:past|last) (?:\w+ )?(?:\(\d+\) )?years?\b[^.;]{0,80}"
                 r"\b(?:graduat\w*|degree|completed|diploma)|\b(?:graduat\w*|completed)\b[^.;]{0,60}\bwithin the "
                 r"(?:past|last)\b|\b(?:open|reserved) (?:only )?(?:to|for)\b[^.;]{0,60}\brecent graduates?\b"
                 r"|^\W*(?:must be (?:a )?)?current(?:ly (?:\w+ ){0,2}enrolled| (?:[\w-]+ ){0,2}students?\b)"
                 # "… is seeking a library school student or recent graduate for a fellowship"
                 r"|\bseek(?:s|ing)? (?:an? )?(?:[\w,-]+ ){0,4}students? (?:or (?:a )?recent graduates?|in|of|enrolled|who|with)\b"
                 # "Enrollment in a graduate program in …", "MLS student in an ALA accredited program"
                 r"|^\W*(?:current )?enrol(?:l)?ment in (?:an? |the )?(?:[\w-]+ ){0,4}(?:program|programme|degree|course|school)"
                 r"|^\W*(?:an? )?(?:[A-Z]{2,5}|graduate|library school|[\w-]+ school) students? (?:in|at|of|enrolled)\b"
                 r"|\b(?:prepared|expected|due|about|able) to graduate\b|\bgraduat\w* (?:between|by|no later than)\b",)),
    Rule("open_to_group", "the opening is open only to the group it names",
         r"\bopen (?:only )?to\b", "open only to the group the notice names", None, general=True,
         all_of=(r"\b(?:is|are) (?:only )?open (?:only )?to (?:\w+[- ]){0,3}?(?:nationals|candidates|applicants|"
                 r"students|graduates|staff|members|women|persons|people|citizens|residents|those)\b"
                 r"|\breserved for\b|\b(?:the following|who) are eligible to apply\b",),
         none_of=(r"\bopen to (?:all|both|any|everyone)\b", r"\binternal and external\b")),
    Rule("national_needs_outside_experience",
         "nationals of the duty-station country need prior professional experience outside it",
         None, "nationals of the duty-station country need experience outside it", "national_outside",
         all_of=(r"nationals of the (?:duty station['’]s country|country of the duty station)",
                 r"\bnot\b|cannot")),
    Rule("former_staff", "former staff holding the contract the notice names may not apply",
         r"former|previously (?:held|worked)", "former staff of the kind named may not apply", "exclusion", general=True,
         all_of=(r"\b(?:previously (?:held|been employed|worked)|former (?:staff|employees?))\b",
                 r"\bnot (?:be )?eligible\b|\bineligible\b|\bmay not apply\b|\bcannot apply\b")),
    Rule("no_concurrent_contract", "candidates may not hold another contract at the same time",
         r"concurrent|another contract|other job", "no concurrent contract", None, general=True,
         all_of=(r"\bnot (?:have|hold) (?:a |any )?concurrent (?:employment )?(?:contract|appointment|internship)",)),
    Rule("non_smoker", "the organisation does not recruit smokers or tobacco users",
         r"smok|tobacco", "no smokers or tobacco users", None, general=True,
         all_of=(r"\b(?:not|never) (?:recruit|hire|employ) smokers\b|\bsmokers? (?:or|and) (?:users? of )?tobacco\b",)),
    Rule("time_in_post", "staff applying for promotion or transfer must have served a minimum time in their position",
         r"promotion|lateral|served", "a minimum time in the current position", None, general=True,
         all_of=(r"\b(?:promotion|lateral (?:transfer|move))\b[^.;]{0,80}\bmust have served\b",)),
    Rule("young_professionals", "young professionals programme recruits who have not served two years in their first assignment may not apply",
         r"young professional", "young professionals programme restriction", "young_professionals",
         all_of=(r"young professionals? programme", r"not eligible")),
    Rule("age_of_separation", "staff reaching the mandatory age of separation during the appointment may not apply",
         r"\bage\b|retire", "mandatory age of separation", "age_exclusion",
         all_of=(r"mandatory age of separation|retirement age|age at which [^.;]{0,40}\bretired\b",
                 r"not (?:be )?eligible|shall not|must|\bis \d{2}\b|\b\d{2} years\b|\bbelow the age\b")),
    Rule("general_service_temporary_professional",
         "G-6 and G-7 staff may apply to temporary Professional posts up to P-3",
         None, "G-6/G-7 staff may apply to temporary posts up to P-3", "gs_to_p", reader=_grade_window),
    Rule("one_level_above", "staff may apply to temporary posts at most one level above their grade",
         None, "staff may apply at most one level above their grade",
         all_of=(r"no more than one level above",)),
    Rule("temporary_appointment_external", "staff on temporary appointments are treated as external candidates",
         None, "staff on temporary appointments count as external",
         all_of=(r"temporary appointment[^.]*(?:regarded|considered|treated) as (?:an )?external",)),
    Rule("first_tier", "first-tier candidates ({values}) are considered first",
         r"first[- ]tier", "first-tier candidates considered first", reader=_first_tier),
    Rule("under_represented", "applicants from under-represented member states are encouraged",
         r"represented", "under-represented nationalities encouraged", reader=_under_represented),
    Rule("preference_given", "the notice gives some candidates preference",
         r"prefer", "a preference in selection", preference=True, general=True,
         all_of=(r"\bpreference (?:will|may|shall) be given to (?:candidates|applicants|nationals|women|"
                 r"female|those|persons|people)\b",),
         # "Preference will be given to candidates having experience in …" prefers a qualification
         none_of=(r"\b(?:having|with|who (?:have|hold)|holding)\b[^.;]{0,40}\b(?:experience|degrees?|"
                  r"qualifications?|knowledge|skills?|publications?)\b",
                  # "… to candidates who have worked with diverse student populations": experience
                  r"\bwho (?:have|has) (?:\w+ )?(?:worked|served|taught|managed|led|supervised|completed|earned|"
                  r"published)\b")),
    Rule("encouraged", "the notice encourages some candidates to apply",
         r"encourag", "some candidates are encouraged to apply", preference=True, general=True,
         all_of=(r"\b(?:are|is) (?:strongly |particularly |especially )?encouraged(?: to apply)?\b|"
                 r"\bencourage[sd]? (?:applications|applicants|candidates)\b|\bwe (?:also )?encourage\b|"
                 r"\bwelcomes? applications (?:from|by)\b|\bencourageons\b|\baccueille favorablement\b|\balentamos\b",),
         none_of=(r"\b(?:female|women)\b", r"first[- ]tier", r"encouraged to apply only if",
                  r"\ball (?:suitably )?(?:qualified|backgrounds)|\bregardless\b|\bdiverse\b|\ball backgrounds\b", r"\bnationals?\b", r"(?:un|under|non)[- ]?represented")),
    Rule("gender", "female candidates are encouraged to apply",
         r"women|female|gender", "encouraged", values=("female",), preference=True,
         all_of=(r"\b(?:female|women) candidates are (?:strongly )?encouraged|\bapplications from "
                 r"qualified female\b|\bparticularly qualified female\b|\bencourages? (?:qualified )?"
                 r"(?:female|women)\b|^\W*(?:women|females?)\b[^.]{0,60}\b(?:are|is) (?:strongly )?encouraged\b"
                 # "We encourage protected veterans, individuals with disabilities, women and minorities to apply"
                 r"|\bencourag(?:e[sd]?|ing)\b[^.;]{0,120}\b(?:women|females?)\b[^.;]{0,60}\bto apply\b"
                 # "Applications from minorities, women, veterans … are encouraged"
                 r"|\b(?:women|females?)\b[^.;]{0,80}\b(?:are|is) (?:strongly |particularly )?encouraged\b",),
         none_of=(r"first[- ]tier",)),
)
# Read when no rule above matched: a bar stated in general words.
GENERAL = Rule("general", "an eligibility condition applies",
         None, "eligibility condition", "exclusion", general=True,
               all_of=(r"\b(?:are|is) not eligible\b|\bineligible\b|\bmay (?:only|not) apply\b|"
                       r"\bcannot be considered\b|\bshall not be (?:employed|appointed|eligible)\b|"
                       r"\bwill be offered to\b|\bmust have completed\b[^.]*\beligible\b",))


def read_rules(body: str) -> Iterator[tuple[Rule, tuple[str, ...], bool]]:
    """Every rule `body` states: (rule, values, preference); when no specific rule matched,
    the first general one that does (open to a group, a preference, a bar in general words)."""
    found = [(rule, *hit) for rule in RULES if not rule.general and (hit := rule.read(body)) is not None]
    if not found:
        found = [(rule, *hit) for rule in RULES + (GENERAL,) if rule.general and (hit := rule.read(body))
                 is not None][:1]
    yield from found


@cache
def rule(name: str) -> Rule:
    return next((r for r in RULES if r.name == name), GENERAL)


def registry_data() -> tuple:
    """What the registry holds, as data (for `derived.parser_hash`)."""
    return (tuple((k.name, k.detect) for k in KINDS),
            tuple((r.name, r.all_of, r.none_of, r.preference, r.values,
                   r.reader.__code__.co_code if r.reader else None) for r in RULES + (GENERAL,)))
