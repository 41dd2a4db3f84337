"""Typed requirements and eligibility rules of a notice, each with the span that states it.

`extract_requirements(notice)` reads the statements of `statements.py` one by one (after
joining the ones that continue each other: "… is required. A first-level degree … may be
accepted in lieu …") with one reader per pattern family: eligibility rules first (they
consume the statement), then education, experience, language, certification, licence,
travel and medical. A statement of a requirements part that no reader types becomes
kind "other", so nothing requirement-like is dropped.

Also here: `notice_category`, `deadline_status` and `requirements_for` (stored or fresh).
Left out: requirements stated only in images or attachments (terms of reference PDFs);
the meaning of competency indicators ("Planning & Organizing: …"), which are not
requirements in the eligibility sense.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from datetime import date
from typing import Callable

from . import kinds, vocab
from .derived import parser_hash
from .errors import NoticeNotFound
from .readers import conditions as _conditions
from .readers import education as _education
from .readers import experience as _experience
from .readers import language as _language
from .readers import rules as _rules
from .readers.education import degrees
from .readers.text import flat, req
from .records import Notice, Requirement
from .statements import (CONTEXT, DESIRABLE, FULL, HEADING_SMALL_WORDS, NOTES, REQUIRED, Statement,
                         boilerplate_statements, statements)

FACT_NAME = "requirements"
KINDS = kinds.KIND_NAMES


# -- entry points -------------------------------------------------------------------
def extract_requirements(notice: Notice) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    sts = _joined(notice.text, statements(notice))
    section_of = _section_finder(notice)
    frameworks, labels = _framework_sections(notice, sts, section_of)
    for st in sts:
        i = section_of(st.start) if st.section == "competencies" else -1
        if i >= 0 and _skills_part(notice.sections[i].name, st, i in frameworks, labels.get(i, set())):
            st = replace(st, section="skills", mode=FULL)   # a competencies part listing knowledge and skills
        out.extend(_read(notice, st, out))
    out.extend(_sought_experience(notice, sts, out))
    for st in boilerplate_statements(notice):      # shared legal text: only its bars in general words
        out.extend(r for r in _rules.read(notice, st) if r.rule == kinds.GENERAL.name)
    return tuple(out)


# Competencies parts named for what the candidate must know or be able to do ("Skills",
# "Applied Knowledge & Skills"); "Core Values" and "Behavioural Competencies" frameworks are
# told apart by their form (`_framework_sections`).
_SKILLS_PART = re.compile(r"comp[eé]t[eé]nc|^(?!.*\b(?:functional|transversal|soft|personal|behaviou?ral)\b)"
                         r".*(?:\bskills?\b|\bknowledge\b|\babilit)", re.I)
_INDICATOR_LABEL = re.compile(r"\W*[A-Z][\w ,&/’'-]{2,45}:\s")


def _section_finder(notice: Notice) -> Callable[[int], int]:
    """offset → index of the section holding it (-1: none). Sections tile the text in order
    (`find_sections`), so a binary search finds it: a scan per statement made extraction
    grow with the square of the text (statements × sections)."""
    sections = notice.sections
    starts = [s.start for s in sections]

    def section_of(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and sections[i].start <= offset < sections[i].end else -1

    return section_of


def _skills_part(section_name: str, st: Statement, framework: bool, labels: set[str]) -> bool:
    """Whether a statement of a competencies section lists knowledge and skills: the section
    is named for them and is no framework, or the statement sits under a sub-heading of its
    own so named ("Technical Competencies" after a framework of core competencies)."""
    sub = st.heading if st.heading and st.label is None and st.heading.lower() not in labels else None
    if sub and sub != section_name and _SKILLS_PART.search(sub) and not _FRAMEWORK_NAME.search(sub):
        return True
    return not framework and bool(_SKILLS_PART.search(section_name))


_FRAMEWORK_NAME = re.compile(r"\b(?:core|behaviou?ral|values|managerial|leadership|corporate|organi[sz]ational)\b", re.I)


def _framework_sections(notice: Notice, sts, section_of: Callable[[int], int]) -> tuple[set[int], dict[int, set[str]]]:
    """Competencies sections written as a framework — indicators under competency names
    ("Professionalism: Shows pride in work …", "Teamwork: Works collaboratively …") rather
    than a list of the knowledge and skills the post needs ("Record management: Know-how in
    record keeping …", ILO: "Good knowledge of programme and budget"). A label counts twice
    when it is a competency's name, once when its text opens with a verb in the third person
    as indicators do. Also each section's labels (lower case)."""
    weights: dict[int, int] = {}
    labels: dict[int, set[str]] = {}
    for st in sts:
        m = _INDICATOR_LABEL.match(notice.text, st.start, st.end)
        if st.section == "competencies" and (st.label or m):
            label = (st.label or m.group(0)).strip(" :")
            rest = flat(notice.text[st.start:st.end]).split(":", 1)[-1]
            i = section_of(st.start)
            labels.setdefault(i, set()).add(" ".join(label.lower().split()))
            weights[i] = weights.get(i, 0) + (2 if _names_competency(label) else
                                              int(bool(_INDICATOR_VERB.match(rest) or _THIRD_PERSON_VERB.match(rest))))
    return {i for i, n in weights.items() if n >= 2}, labels


def requirements_for(library_or_store, notice_id: str) -> tuple[Requirement, ...]:
    """The notice's requirements from the store when stored by this parser (`parser_hash`);
    otherwise extracted now and stored (fact "requirements")."""
    from .requirement_codec import requirements_from_json, requirements_to_json

    store = getattr(library_or_store, "store", library_or_store)
    stored = store.fact(notice_id, FACT_NAME, parser_hash())
    if stored is not None:
        return requirements_from_json(stored)
    notice = store.notice(notice_id)
    if notice is None:
        raise NoticeNotFound(f"no notice with id '{notice_id}'; run `vacancy list` to see "
                             "the indexed notices")
    found = extract_requirements(notice)
    store.put_fact(notice_id, FACT_NAME, parser_hash(), requirements_to_json(found))
    return found


@dataclass(frozen=True)
class Deadline:
    """`status` ∈ open, closed, not stated; `days_left` counts today as day 0."""

    status: str
    closes: date | None = None
    days_left: int | None = None


def deadline_status(notice: Notice, today: date) -> Deadline:
    if notice.closes is None:
        return Deadline("not stated")
    days = (notice.closes - today).days
    if days < 0:
        return Deadline("closed", notice.closes)
    return Deadline("open", notice.closes, days)


_CATEGORY_BY_TITLE = ((r"\bintern(?:ship)?s?\b", "internship"),
                      (r"\bconsultan(?:cy|t)s?\b", "consultancy"))
_CATEGORY_BY_GRADE = ((r"^P-", "P"), (r"^D-", "D"), (r"^NO-", "NO"), (r"^G-", "G"),
                      (r"^SC-", "SC"), (r"^FS-", "FS"), (r"^(?:SB|LSC)-", "SC"))


def notice_category(notice: Notice) -> str | None:
    """P, D, NO, G, SC, FS, consultancy or internship; None when neither the title nor
    the grade says. The title wins ("International Consultant", "Librarian Internship")."""
    for pattern, category in _CATEGORY_BY_TITLE:
        if notice.title and re.search(pattern, notice.title, re.I):
            return category
    for pattern, category in _CATEGORY_BY_GRADE:
        if notice.grade and re.match(pattern, notice.grade):
            return category
    return None


# -- joining statements that continue each other ---------------------------------------
def _joined(text: str, sts: tuple[Statement, ...]) -> list[Statement]:
    out: list[Statement] = []
    for st in sts:
        if out and _continues(text, out[-1], st):
            out[-1] = replace(out[-1], end=st.end)
        else:
            out.append(st)
    return out


def _continues(text: str, prev: Statement, st: Statement) -> bool:
    if st.section != prev.section or st.label is not None or st.mode != prev.mode:
        return False
    before, now = text[prev.start:prev.end], text[st.start:st.end]
    flat_before, flat_now = flat(before), flat(now)
    return (_or_chain(flat_before, flat_now) or _alternative_degree(flat_before, flat_now)
            or _reduced_years(flat_before, flat_now) or _list_after_colon(before, now, st)
            or (_degree_with_years(flat_before) and _degree_with_years(flat_now)))


def _or_chain(before: str, now: str) -> bool:
    """"…; or" + next bullet, "Or, extra two years …", "(… counted at 50%)"."""
    return (bool(re.search(r"\bor\W*$", before, re.I)) or bool(re.match(r"or\b", now, re.I))
            or (now.startswith("(") and now.rstrip(" .").endswith(")")))


def _alternative_degree(before: str, now: str) -> bool:
    return bool(degrees(before)) and bool(re.search(
        r"\bin lieu of\b|\bmay (?:also )?be (?:accepted|considered)\b|\bequivalent combination\b"
        r"|\bmay be substituted\b", now, re.I))


_WITH_YEARS = re.compile(r"\b(?:with|plus|and|combined with)\b[^.;]{0,60}\b\w+\s+(?:\(\d+\)\s+)?years?\b", re.I)


def _degree_with_years(text: str) -> bool:
    """"Bachelor's degree … with three years of experience" / "High school diploma with four
    years …": a degree with its own years is one route, so consecutive ones are alternatives."""
    found = degrees(text)
    return bool(found) and found[0].start <= 12 and bool(_WITH_YEARS.search(text, found[0].end))


def _reduced_years(before: str, now: str) -> bool:
    return bool(re.search(r"\byears?\b", before)) and bool(
        re.search(r"\breduced to\b|\binstead of\b", now, re.I))


_WHO = re.compile(r"\b(?:eligib\w*|apply|candidates?|applicants?|nationals?|citizens?|countries|member states?)\b",
                  re.I)


def _list_after_colon(before: str, now: str, st: Statement) -> bool:
    """A lead-in about who may apply ("… considered first-tier candidates:") keeps its list."""
    if not (re.search(r"\b(?:tier|represented)\b[^\n]*:\s*(?:\n|$)", before, re.I)
            or re.search(r"\bfollowing\b[^\n]*:\s*(?:\n|$)", before, re.I)
            and (st.section != "responsibilities" or _WHO.search(before))):
        return False   # "Duties are but not limited to the following:" keeps its items apart
    return st.item or now.count(";") >= 3 or now.count(",") >= 3


# -- one statement ------------------------------------------------------------------


def _read(notice: Notice, st: Statement, so_far: list[Requirement]) -> list[Requirement]:
    """The requirements one statement states. Its own words decide first: an explicit
    necessity word, or a sentence that reads as a qualification of the candidate, counts
    wherever it stands; the section only decides what the rest of its statements are
    (every statement of a requirements part, none of a duties or setting part)."""
    text = flat(notice.text[st.start:st.end])
    if _is_information(text):
        return []
    necessity = _necessity(text, st.necessity)
    rules = _rules.read(notice, st)
    if rules and any(kinds.rule(r.rule).consumes for r in rules):
        return rules
    if _ABOUT_US_OR_PROCEDURE.search(text) or (_LEAD_IN.search(text) and not _skill_before_colon(st, text)) \
            or _HEADING_ONLY.fullmatch(text):
        return []
    marked = bool(vocab.desirable_pattern().search(text) or vocab.required_pattern().search(text))
    # In a duties or competencies part a qualification-like sentence is an indicator of
    # performance, not a requirement; elsewhere (a one-section notice) it is one.
    qualification = st.section not in _INDICATOR_SECTIONS and (
        reads_as_qualification(text) or reads_as_qualification(_LABEL_DASH.sub("", text, 1)))
    if _ROLE_DOES.match(text) or (st.section == "skills" and _INDICATOR_VERB.match(text)):
        return rules   # "The language specialist provides translations …", "Builds and maintains …"
    asked = st.mode == CONTEXT and bool(_MUST_KNOW.match(text) or (
        st.item and st.section == "responsibilities" and _ASKED_ITEM.match(text)
        and not re.search(r"\b(?:is|are|was|were)\b", text)))   # "Ability to decide is shown daily": an indicator
    duty = bool(_DUTY_START.match(text))
    condition = not duty and bool(   # a duty's hours are the duty's
        kinds.detect_pattern("other").search(text))   # "Occasional night and weekend work required."
    candidate = _about_candidate(st, text)
    asked = asked or condition or candidate
    if st.mode == CONTEXT and not (marked or qualification or asked):
        return rules + [r for r in _conditions.read(notice, st, necessity, True)
                        if r.kind != "certification" or (r.names and _ASKS_FOR.search(text)
                                                         and st.section not in _INDICATOR_SECTIONS)]
    education, consumed = _education.read(notice, st, necessity)
    languages = _language.read(notice, st, necessity, so_far)
    if st.mode == CONTEXT and not (marked or _ASKS_FOR_LANGUAGE.search(text) or _SPEAKS.search(text)):
        languages = []   # "… catalog records for items in English and other languages": the items' languages
    conditions = _conditions.read(notice, st, necessity, bool(education or languages))
    experience = _experience.read(notice, st, necessity, consumed, bool(education),   # "Monitors project
                             section_default=not (languages or conditions or duty))  # deliverables …"
    found = list(education) + experience + languages + [
        c for c in conditions if c.kind != "certification" or not experience or c.names]
    if st.mode == NOTES and not (marked or qualification or candidate):
        found = [r for r in found if r.kind in ("licence", "travel", "medical")
                 or (r.kind == "language" and r.proficiency)
                 or (r.kind == "certification" and r.names and _ASKS_FOR.search(text))]
    fragment = st.item or (len(text.split()) <= 8 and "," not in text   # a list's line without a bullet
                           and not text.rstrip().endswith((".", "!", "?")))
    listed = kinds.kind_of_heading(st.heading) if not (found or rules) and fragment and len(text.split()) <= 25 \
        else None
    if listed and not _HEADING_ONLY.fullmatch(text) and kinds.kind_of_heading(text) is None:
        found = [req(notice, listed, necessity, st.start, st.end)]   # "10% - 25%" under "Travel Requirements:"
    essential = st.mode == CONTEXT and st.section not in _INDICATOR_SECTIONS and bool(_QUALITY_IS_NEEDED.match(text))   # "The desire and ability to … is essential."
    if not found and not rules and (_is_other(st, text) or (st.mode != FULL and qualification)
                                    or asked or essential):
        schooling = (st.section == "education" and _SCHOOLING.search(text)   # "Additional technology education preferred."
                     or _DEGREE_OPENING.match(text))   # "Degree should be from ALA-accredited institution …"
        found = [req(notice, "education" if schooling else "other", necessity, st.start, st.end)]
    return rules + found + _preference_clauses(notice, st, found)


# A sentence whose subject is a quality and whose verb says it is needed.
_QUALITY_IS_NEEDED = re.compile(r"\W*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:desire|abilit(?:y|ies)|willingness|knowledge|"
                                r"skills?|experience|commitment|understanding|familiarity|proficiency|fluency)\b[^.;]{0,160}?"
                                r"\b(?:is|are) (?:also )?(?:essential|required|necessary|mandatory|a must)\W*$", re.I)
_DEGREE_OPENING = re.compile(r"\W*(?:(?:the|a|an|all|your|this)\s+)?(?:[\w-]+\s+)?degrees?\s+(?:should|must|shall|is|are|has|"
                             r"have|from|in|to)\b", re.I)
_SCHOOLING = re.compile(r"\b(?:education|course\s?work|courses|studies|schooling)\b", re.I)


# A short label before a dash opening an item: "Team - Strong commitment to …", "Assess - Ability to …".
_LABEL_DASH = re.compile(r"^\W*[A-Z][\w/&]*(?: [\w/&]+){0,2} [-–—] (?=[A-Z])")


# A part of duties or setting that says what the candidate must know ("Must have advanced
# knowledge of Windows", "Must be familiar with audiovisual systems").
_MUST_KNOW = re.compile(r"\W*(?:the )?successful (?:candidates?|applicants?) will (?:have|possess|bring|be (?:able to|"
                        r"proficient|familiar|knowledgeable|skilled|fluent))\b"
                        r"|\W*(?:(?:the )?(?:successful )?(?:candidates?|applicants?|you) )?must (?:have (?:\w+ )?"
                        r"(?:knowledge|experience|familiarity|skills?|proficiency)|know|be (?:familiar|proficient|"
                        r"knowledgeable|fluent|skilled|able to)|possess|demonstrate)\b", re.I)


# A clause whose subject is the candidate, anywhere in a sentence and under any heading:
# what the candidate has, is or must do to qualify ("Reporting to …, the candidate must have a
# strong commitment to …", "The ideal candidate can perform …", "requires a candidate who is
# able to …", "We are seeking someone who …", "the Software Engineer will have strong
# programming skills"). Left out: what the candidate will be offered or asked to do in the
# procedure (`_NOT_QUALIFICATION`).
_BE_QUALITY = (r"be (?:able|skilled|proficient|familiar|knowledgeable|comfortable|fluent|experienced|passionate|"
               r"willing|prepared|available|flexible|organi[sz]ed|detail|required to)")
_NOT_PERSON = r"(?!(?:position|role|post|job|office|unit|team|department|library|division|section|programme|project|" \
              r"contract|assignment|work|organi[sz]ation)\b)"
_CANDIDATE_HAS = re.compile(
    rf"\byou\s+(?:must|should|will need to)\s+(?:also\s+)?(?:have(?!\s+to\b)|possess|{_BE_QUALITY})\b|"
    r"\b(?:the |an? )?(?:ideal |successful |right |selected |qualified |strong )?(?:candidates?|applicants?|"
    r"individual|person|someone)\s+(?:for (?:this|the) (?:role|position|job|post)\s+)?(?:who\s+)?(?:(?:must|should|shall|would)\s+(?:\w+ly\s+|also\s+|therefore\s+)?"
    rf"(?:have(?!\s+to\b)|possess|bring|need to|demonstrate|confirm|{_BE_QUALITY})|will\s+(?:also\s+)?(?:have(?!\s+to\b)|possess|need to|combine|"
    r"be required to)|(?:has|have|possess(?:es)?|brings?)\s|(?:is|are) (?:also )?(?:able|skilled|proficient|familiar|"
    r"knowledgeable|comfortable|fluent|experienced|passionate|interested|eager|detail))"
    r"|\b(?:ideal|right|successful) (?:candidate|applicant|person)s?(?: for (?:this|the) (?:role|position|job|post))? can\b"
    r"|\b(?:ideal|right) (?:candidate|applicant|person)s?(?: for (?:this|the) (?:role|position|job|post))? will be\b"
    # an employer seeking someone with a qualification:
    # "seeks an individual knowledgeable in printmaking", "seeking one, possibly two, MLS students";
    # not "seeks a dynamic, innovative librarian" nor "a skilled, experienced …" (character; what
    # "experienced" means the notice says elsewhere, else `_sought_experience` reads it)
    r"|\b(?:seeks?|seeking|searching for|looking for|recruiting)\s+(?:(?:one|two|three|four|five|\d+)(?:,? (?:possibly|or) "
    r"(?:one|two|three|four|five|\d+),?)?\s+|an?\s+)(?:[\w-]+,?\s+(?:and\s+)?){0,4}?(?:knowledgeable (?:in|about|of)\b|"
    r"(?:[\w-]+ )?students?\b|(?:recent )?graduates?\b)"
    r"|\brequires? (?:an? (?:candidate|individual|person|someone)|(?:the )?(?:\w+ ){0,2}?(?:abilit(?:y|ies)|knowledge|"
    r"skills?|understanding|familiarity|proficiency|fluency)|an? (?:[\w-]+ ){0,4}?(?:orientation|aptitude))\b"
    r"|\b(?:seek(?:s|ing)?|looking for) (?:an? |someone|candidates?)(?:[\w-]+ ){0,3}?who\b"
    rf"|\b(?:the|this) {_NOT_PERSON}(?:[\w-]+ ){{1,3}}(?:will|must|should) (?:also )?(?:have|possess) (?:[\w,-]+ ){{0,4}}?"
    r"(?:knowledge|experience|skills?|understanding|expertise|background)\b"
    rf"|^\W*(?:the|this) {_NOT_PERSON}(?:[\w-]+ ){{1,3}}(?:must|should) (?:be able to|have|possess|be (?:familiar|"
    r"proficient|knowledgeable|skilled|fluent))\b", re.I)
# What the procedure asks of a candidate, not a qualification ("will be required to produce
# an official document", "will need to create a profile").
_PROCEDURE_STEP = re.compile(r"\b(?:required|asked|need|needs) to (?:produce|make|submit|provide|sign|create|complete|"
                             r"fill|send|upload|register|apply|undergo)\b|\bin order to (?:complete|submit|apply)\b", re.I)
# In a requirements part, a sentence about the candidate: "They learn quickly and adapt.",
# "You are a motivated self-starter."
_CANDIDATE_SUBJECT = re.compile(r"\W*(?:you|they|he or she|s/he|the (?:ideal |successful )?candidates?|candidates|"
                                r"applicants|someone)\s+(?:\w+\s+)?(?:are|is|have|has|can|should|must|possess|bring|"
                                r"demonstrate|know|learn|enjoy|thrive|take|love)\b", re.I)


def _about_candidate(st: Statement, text: str) -> bool:
    """A clause about what the candidate has or is (`_CANDIDATE_HAS`), outside a competencies
    framework and not the procedure."""
    own = _WE_SEEK.sub("", text, 1)   # "We are seeking someone who …" is no "we are" of the organisation
    m = _CANDIDATE_HAS.search(own)
    if st.section == "competencies" or not m or _PROCEDURE_STEP.search(text):
        return False
    must = re.search(r"\b(?:must|should)\b", m.group(0), re.I)   # "must be able to conduct reference interviews"
    if must:
        return not re.search(r"\b(?:click|apply (?:now|online|here|through|via)|submit\w*)\b", own, re.I)
    return not _NOT_QUALIFICATION.search(own) and not _NOT_REQUIREMENT.search(own)


_WE_SEEK = re.compile(r"^\W*(?:please )?(?:note(?: that)?,?\s+)?(?:we (?:are )?(?:seek(?:ing)?|looking for)\b)?", re.I)
# An employer seeking an experienced candidate: "The College is currently searching for an
# experienced Librarian for its two libraries." Read only when nothing else in the notice
# states experience (`_sought_experience`): most notices say what "experienced" means.
_SEEKS_EXPERIENCED = re.compile(r"\b(?:seeks?|seeking|searching for|looking for|recruiting)\s+an?\s+(?:[\w-]+,?\s+"
                                r"(?:and\s+)?){0,3}?experienced\b"
                                r"|\bexperienced\s+(?:[\w-]+\s+){1,3}(?:needed|wanted|sought)\b", re.I)   # "… youth worker needed"


def _sought_experience(notice: Notice, sts, found: list[Requirement]) -> list[Requirement]:
    if any(r.kind == "experience" for r in found):
        return []
    st = next((st for st in sts if st.section != "competencies"
               and _SEEKS_EXPERIENCED.search(notice.text, st.start, st.end)), None)
    return [req(notice, "experience", REQUIRED, st.start, st.end)] if st else []


# An item of a duties list that names what the candidate brings, not what they will do
# ("Ability to promote Library collections …", "Experience with copyright compliance").
_ASKED_ITEM = re.compile(r"\W*(?:(?:the )?abilit(?:y|ies) (?:and willingness )?to|(?:be )?able to|experience (?:with|in)|"
                         r"knowledge of|familiarity with|proficiency (?:in|with)|proficient (?:in|with)|"
                         r"fluency in)\b", re.I)


# The organisation describing itself or the procedure, whatever words it uses ("Our
# workforce reflects a broad range of experiences", "The step in grade is determined on
# the basis of professional experience").
_ABOUT_US_OR_PROCEDURE = re.compile(
    r"^\W*(?:our|we)\b(?! (?:are )?(?:seeking|looking for) (?:someone|a candidate|candidates))|\byou will be part of\b|"
    r"\bstep in grade\b|\bsupport (?:their|your) applications?\b|\bapplication form\b|\bexact dates\b|"
    r"\bcriteria will be\b|\bevaluate (?:the )?technical proposals\b|\bwill be (?:assessed|evaluated|tested)\b|"
    r"\bholidays?\b(?!\s+(?:hours|shifts?|work|coverage))|\bannual leave\b", re.I)
# A lead-in or a heading left in the text: "Candidates must have", "Professional
# experience:", "Education 6." (a footnote number), "Qualifications requises".
_LEAD_IN = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[^.;]{0,80}[:：]\s*$|^\W*(?:\w+\s+){0,3}(?:must|should|will|shall)\s+(?:have|be|"
                      r"possess|include)\W*$|^\W*[A-Za-zÀ-ÿ]+(?:\s+[A-Za-zÀ-ÿ]+)?\s+\d{1,2}\.?$|"
                      r"^\W*(?:qualifications? requises?|requisitos|calificaciones|comp[ée]tences requises)\W*$",
                      re.I)
# A heading left in the text as a line of its own: "Qualifications and Experience",
# "Professional experience", "Expérience" — only heading words, no content.
_HEADING_ONLY = re.compile(
    r"\W*(?:(?:and|&|/|of|or|professional|work|relevant|academic|technical|"
    r"other|general|specific|key|core|qualifications?|experiences?|education(?:al)?|"
    r"requirements?|skills?|languages?|competenc(?:y|ies)|knowledge|abilities|background|eligibility|expérience|"
    r"formation|experiencia|formación|compétences|profile|criteria)\W*){1,5}", re.I)
_ROLE_DOES = re.compile(r"\W*(?:the|this|each|our) (?:[\w-]+ ){0,3}?(?:specialist|incumbent|officer|consultant|post|"
                        r"position|role|intern|fellow|assistant|adviser|advisor|manager|coordinator|team|unit)s? "
                        r"(?:\w+ ){0,2}?(?:provides?|supports?|leads?|manages?|ensures?|performs?|undertakes?|"
                        r"is responsible|will (?:be|work|support|lead|provide|manage|contribute))\b", re.I)
# Plural nouns that open a list item as a third-person verb would ("Skills in …", "Systems …").
_PLURAL_NOUNS = (r"skills|abilities|communications|analytics|statistics|economics|mathematics|operations|relations|"
                 r"logistics|finances|systems|sciences|studies|programmes|programs|tools|languages|results|projects|"
                 r"partners|rules|regulations|procedures|policies|processes")
_INDICATOR_VERB = re.compile(
    r"\W*(?:\w+ly\s+)?(?:builds|reflects|shares|listens|treats|acts|takes|seeks|works|encourages|promotes|"
    r"displays|shows|maintains|creates|identifies|uses|applies|communicates|delivers|adapts|focuses|respects|"
    r"values|operates|plans|anticipates|recognizes|recognises|accepts|inspires|empowers|models|fosters|"
    r"champions|challenges|drives|embraces|keeps|manages|leads|supports|ensures|demonstrates)\b"
    rf"|\W*(?:[A-Z][a-z]+ly\s+)?(?!(?:{_PLURAL_NOUNS})\b|[A-Z][a-z]+(?:ness|ss)\b)[A-Z][a-z]+(?:es|s)\s+"
    r"(?=(?:a|an|the|and|to|with|own|others|appropriate|clear|strong|effective|new|sound|high)\b)", re.I)
_ASKS_FOR = re.compile(r"\blevel of\b|\brequire|\brequested\b|\bmust (?:hold|have|obtain)\b", re.I)
_INDICATOR_SECTIONS = frozenset({"competencies", "responsibilities"})
_QUALIFICATION_OPENING = re.compile(
    r"^\W*(?:(?:a|an|the|some|any)\s+)?(?:(?:minimum|at least|min\.?)\s+(?:of\s+)?)?"
    r"(?:(?:[\w-]+(?:al|ive|ic|ous|ed|ary|ent|ant|ful|ile|ing)|relevant|related|university|academic|work|"
    r"field|technical|professional|language|computer|IT|project|programme|management|good|strong|sound|"
    r"solid|full|high|first|second|advanced)\s+){0,3}"
    r"(?:degree|diploma|bachelor['’]s|master['’]s|ph\.?d|doctorate|"
    r"university(?!\s+(?-i:[A-Z])|\s+(?:is|are|has|have|was|were|of|offers?|provides?)\b)|"   # not "The University Libraries …"
    r"education|qualifications?|experience|knowledge|understanding|proficiency|fluency|fluent|command|"
    r"mastery|ability|abilities|capacity|skills?|competence|familiarity|expertise|track record|"
    r"background|certification|certificate|licen[cs]e)\b"
    r"|^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\+?\s+(?:\w+\s+){0,2}years?\b"
    r"|^\W*(?:proven|demonstrated|excellent|strong|good|sound|solid|thorough|advanced|working|"
    r"very good|fluent|high|extensive|substantial|relevant|previous|prior|in-depth|deep|broad|effective|"
    r"outstanding|exceptional|superior|superb|keen|demonstrable|comprehensive|basic|intermediate|practical|"
    r"hands-on|highly developed|well[- ]developed)\b"
    r"[^.;:]{0,80}\b(?:experience|knowledge|skills?|abilit\w+|understanding|proficiency|command|"
    r"record|expertise|familiarity|writing|communicat\w+|written|spoken|English|French|Spanish)\b"
    rf"|^\W*(?:{vocab.RECORD_OF})"
    r"|^\W*(?:you|candidates?|applicants?|the (?:ideal |successful )?candidates?)\s+"
    r"(?:must|should|shall|will need to|need to|are expected to|are required to)\s+(?:have|be|possess|hold|"
    r"demonstrate|speak|produce|fulfil|enjoy|meet)\b"
    r"|^\W*(?:you|candidates?)\s+(?:have|hold|are|possess|bring|speak)\b"
    r"|^\W*(?:(?:be\s+)?currently\s+)?enrolled\s+in\b"
    r"|^\W*(?:(?:une?|la|el|una|de)\s+)?(?:(?:bonnes?|excellentes?|solides?|parfaite|très bonne|buen[ao]?s?|excelentes?|"
    r"s[oó]lid[ao]s?|ampli[ao]s?|profund[ao]s?)\s+)?(?:connaissances?|ma[iî]trise|capacit[ée]s?|aptitudes?|comp[ée]tences?|"
    r"exp[ée]rience|conocimientos?|dominio|capacidad(?:es)?|habilidad(?:es)?|experiencia|familiaridad|manejo|"
    r"sens (?:de|du|élevé))\b"
    r"|^\W*be\s+(?:able|familiar|comfortable|proficient|knowledgeable|willing|punctual|reliable|flexible|organi[sz]ed|"
    r"detail[- ]oriented|prepared|available|skilled|fluent|experienced|capable)\b"
    r"|^\W*(?:have|hold|possess|be|speak|enjoy|produce|fulfil|fulfill)\s+(?:an?|the|at least|a minimum|good|full|"
    r"excellent|thorough|proven|fulfilled|completed|evidence|proof|appropriate|\w+ing)\b", re.I)
_NOT_QUALIFICATION = re.compile(
    r"\b(?:will be (?:invited|contacted|assessed|evaluated|required to undergo|offered|placed|"
    r"considered for|given)|shortlist\w*|interview\w*|(?:selection|assessment) (?:procedure|process|"
    r"panel|board|centre|center)|reserve list|we offer|offers? (?:you|a|an)|our (?:team|mission|values)|"
    r"please|enquir\w+|click|apply (?:now|online|here)|salary|allowances?|benefits?|hybrid|"
    r"the (?:organi[sz]ation|bank|agency|court|office|programme|division|unit|department) (?:is|will|"
    r"offers|values|provides|has)|committed to|equal opportunit\w+|diversity|you will (?:be|work|"
    r"lead|support|manage|report)|the incumbent (?:will|is)|responsible for)\b", re.I)


def reads_as_qualification(text: str) -> bool:
    """Whether a sentence describes what a candidate has or is ("Proven ability to …",
    "University degree in …", "You have …", "Candidates must hold …") rather than a task,
    the organisation or the procedure. Left out: qualifications phrased as tasks."""
    return len(text.split()) > 2 and bool(_QUALIFICATION_OPENING.search(text)) and not _NOT_QUALIFICATION.search(text) \
        and not _DUTY_START.match(text)


_PREFERENCE_CLAUSE = re.compile(
    r"[,;(–-]\s*(?:and\s+|but\s+)?(?P<clause>(?:preferably|ideally|desirably|with (?:a )?preference "
    r"(?:for|given to)|preference (?:will be )?given to)\b[^;():]{3,150}?)(?=[.;)]?\s*$)", re.I)


_REQUIRED_THEN_PREFERRED = re.compile(
    r"\brequired\s*[,;]\s*(?:and\s+|but\s+)?(?P<clause>[^,;()]{3,150}?\s(?:preferred|desired|desirable|a plus|an asset))"
    r"(?=\W*$)", re.I)


def _preference_clauses(notice: Notice, st: Statement, found: list[Requirement]) -> list[Requirement]:
    """"…, preferably in the physical or life sciences": a required item with a preference
    attached states a desirable one too (same kind, the clause's span)."""
    if not found or any(r.necessity == DESIRABLE for r in found):
        return []
    after = _REQUIRED_THEN_PREFERRED.search(notice.text, st.start, st.end)
    if after and degrees(after.group("clause")):   # "B.A. required, work toward an M.L.S. preferred": a second
        return [req(notice, "education", DESIRABLE, after.start("clause"), after.end("clause"))]   # degree; a variant
    # of the same thing ("an ILS required, Koha preferred") stays one requirement
    m = _PREFERENCE_CLAUSE.search(notice.text, st.start, st.end)
    if m:
        start, end = m.start("clause"), m.end("clause")
    else:   # "Experience with integrated library systems (Koha preferred)"
        m = next((p for p in _PARENTHESIS.finditer(notice.text, st.start, st.end) if _sub_item_preference(p.group(0))),
                 None)
        if not m:
            return []
        start, end = m.start() + 1, m.end() - 1
    clause = notice.text[start:end]
    if degrees(clause) or re.search(r"\byears?\b|\bequivalent\b|\bdegree\b", clause):
        return []  # an alternative route or a list of fields, read by the education reader
    end = start + len(notice.text[start:end].rstrip(" .\n"))
    kinds = dict.fromkeys(r.kind for r in found if r.kind != "eligibility_rule")
    return [req(notice, kind, DESIRABLE, start, end) for kind in kinds]


# "English and French are the working languages of …" explains, unless the same statement asks
# for the language ("Be able to communicate well in English as this is the working language").
_LANGUAGE_INFORMATION = re.compile(r"\b(?:are|is) the (?:working|official) languages?\b|\bofficial languages are\b|"
                                   r"\blanguages (?:of|in) (?:the )?[\w ]{1,30} are\b", re.I)
_ASKS_FOR_LANGUAGE = re.compile(r"\b(?:must|able to|required|knowledge of|proficien\w*|fluen\w*|command of|"
                                r"communicate)\b", re.I)
# Words asking for a language that `_ASKS_FOR_LANGUAGE` (also the test of explaining sentences)
# leaves out: a description names a language the candidate need not know unless it says one of these.
_SPEAKS = re.compile(r"\b(?:speak\w*|spoken|written|oral|read(?:ing)?|write|writing|bilingual|language skills?|"
                     r"level|command)\b|\bknowledge", re.I)
_INFORMATION = re.compile("|".join((
    r"\bthere is no (?:minimum )?[\w ]{0,40}requirement\b",
    r"^\W*(?:note|nb)\b", r"\bequals a rating\b",
    r"\bwill be (?:specifically )?(?:evaluated|assessed|tested|verified)\b",
    r"^\W*the table below\b", r"^\W*https?://", r"^\W*(?:not available|n/?a|none)\W*$",
    r"\bequal (?:employment )?opportunit", r"^\W*(?:EOE|EEO|AA/EOE|EOE/AA)\b",
    # pay: "A minimum net entry-salary of 9236 Swiss Francs per month, increasing with your years of experience"
    r"^\W*(?:an?|the|our)?\s*(?:(?!of\b|in\b|and\b)[\w-]+\s+){0,3}(?:[\w-]+-)?(?:salary|remuneration|stipend|"
    r"compensation)\b(?! (?:administration|systems?|surveys?|data)\b)"
    r"|\bsalary (?:of|is|will|range|scale|commensurate)\b",
    r"\b(?:is|are) not (?:an? )?(?:essential |strict |formal )?(?:prerequisite|requirement|required|necessary|"
    r"mandatory)\b",
    r"\bapplications? (?:must|should) be (?:submitted|sent|received)")), re.I)
_TABLE_HEADER = re.compile(r"\|(?:\s*[A-Z][a-z]+\s*\|)+[\s|-]*")


def _is_information(text: str) -> bool:
    """Statements that explain rather than require: "English and French are the working
    languages …", notes on rating scales, table headers, equal-opportunity lines."""
    if _LANGUAGE_INFORMATION.search(text) and not _ASKS_FOR_LANGUAGE.search(text):
        return True
    return bool(_INFORMATION.search(text) or _TABLE_HEADER.fullmatch(text.strip()) or _header_row(text))


def _header_row(text: str) -> bool:
    """A table's header row: "Language | Proficiency Level | Requirement"."""
    cells = [c.strip() for c in text.strip(" |").split(" | ")]
    return len(cells) >= 2 and all(c and len(c.split()) <= 3 and c[0].isupper() for c in cells) \
        and not vocab.language_pattern().search(text) and not re.search(r"\d", text)


# A parenthesis that prefers one thing among those the statement requires: "(Koha
# preferred)", "(degree in computer science preferred)" — not "(preferred)", "(strongly
# preferred)", which mark the whole statement.
_PARENTHESIS = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
_MARK_WORDS = re.compile(r"\b(?:strongly|highly|very|is|are|would|be|considered|a|an|but|not|required|and|or)\b", re.I)


def _sub_item_preference(paren: str) -> bool:
    """A preference word in the parenthesis and something besides it and `_MARK_WORDS`."""
    rest = vocab.desirable_pattern().sub("", paren[1:-1])
    return rest != paren[1:-1] and bool(re.search(r"\w", _MARK_WORDS.sub("", rest)))


def _necessity(text: str, default: str) -> str:
    text = _PARENTHESIS.sub(lambda m: " " if _sub_item_preference(m.group(0)) else m.group(0), text)
    if vocab.desirable_pattern().search(text):
        required = re.search(r"\b(?:is|are) (?:also )?required\b", text, re.I)
        desirable = vocab.desirable_pattern().search(text)
        first = re.search(r"\brequired\s*[,;]", text, re.I)   # "… an ILS required, Innovative Interfaces preferred"
        if first and first.start() < desirable.start():
            return REQUIRED
        if not required or desirable.start() > required.start():
            return DESIRABLE
    if re.search(r"\b(?:is|are) (?:also )?(?:required|essential|mandatory)\b|\bmust\b"
                 r"|\b(?:required|essential|mandatory|a must)\W*$", text, re.I):   # "Attention to detail essential."
        return REQUIRED
    return default


_OTHER_MARKERS = re.compile(
    r"\b(?:is|are) (?:also )?(?:required|essential|mandatory)\b|\bmust (?:have|be|possess|hold|"
    r"demonstrate)\b|\bessential\b|\bprerequisite\b", re.I)


_QUALIFICATION_WORDS = re.compile(
    r"\b(?:knowledge|knowledgeable|abilit(?:y|ies)|able to|skill(?:s|ed)?|experience[ds]?|understanding|"
    r"familiar(?:ity)?|proficien\w*|competen\w*|record|commitment|committed|capacity|demonstrat\w*|"
    r"proven|fluen\w*|literate|literacy|degree|certif\w*|licen[cs]\w*|mastery|background|expertise|"
    r"willing(?:ness)?|eligib\w*|qualifi\w*|aptitude|sensitivity|integrity|maturity|"
    r"learning|courses?|must|should|(?:is|are) required|desirable|asset|advantage|plus|"
    r"preferred|essential)\b", re.I)


_DUTY_START = re.compile(
    r"^\W*(?:\w+ly\s+)?(?:identify|collaborate|guide|ensure|monitor|assist|install|manage|support|"
    r"perform|prepare|provide|coordinate|develop|maintain|conduct|review|liaise|participate|"
    r"contribute|undertake|organi[sz]e|implement|facilitate|lead|oversee|supervise|draft|follow|"
    r"represent|act|keep|analy[sz]e|advise|responsible|carry|establish|promote|design|create|build|"
    r"serve|plan|track|report|process|handle|troubleshoot|integrate|configure|update|assess|"
    r"research|write|deliver|engage|negotiate|mobili[sz]e|train|lead|drive|compile|gather|"
    r"collect|record|file|save|store|archive|regularly|understand|assure|define)(?:s|es)?\b(?<!\bregularlys)"
    r"|^\W*(?:\w+ly\s+)?(?:identif|clarif|verif|specif|modif|appl|suppl|carr|accompan)ies\b", re.I)


_NOT_REQUIREMENT = re.compile(
    r"\b(?:selection (?:procedure|process|panel|board|criteria will)|pre-?selection|shortlist\w*|"
    r"interview(?:s|ed)?|written (?:and oral )?tests?|assessment centre|reserve list|pass-?mark|"
    r"please|click|enquir\w+|queries|apply (?:now|online|here|through|via)|applications?\b[^.;]{0,40}\b"
    r"(?:must|should|will) be (?:submitted|received|sent|made)|committed to|should be aware|will not be considered|only (?:successful|shortlisted) (?:candidates|"
    r"applicants)|proposals? will|the (?:executive director|panel|committee)|"
    r"we (?:offer|bring|seek|are|believe|value)|our (?:team|mission|values|workforce)|you will be part of|"
    r"re-?advertise|gender balance|it should be noted|does not imply)\b", re.I)
# Words of the offer or of policy ("benefits", "diversity") that make a statement no
# requirement unless it reads as the candidate's own quality ("Knowledge of … digital
# payments", "Commitment to diversity and inclusion").
_NOT_REQUIREMENT_TOPIC = re.compile(r"\b(?:payments?|deliverables?|benefits?|salary|hybrid|discretion|diversity)\b",
                                    re.I)
_OWN_QUALITY = re.compile(r"\W*(?:(?:a|an|demonstrated|strong|proven|genuine|personal)\s+)*(?:commitment|dedication|"
                          r"sensitivity)\s+to\b", re.I)


def _skill_before_colon(st: Statement, text: str) -> bool:
    """A list item naming a skill before a colon ("• Knowledge and application of particle
    physics:"): a requirement, not a lead-in ("A candidate must:")."""
    return st.item and text.rstrip().endswith(":") and len(text.split()) >= 5 \
        and reads_as_qualification(text.rstrip(" :"))


# An indicator opening with a verb in the third person: "Sees opportunities …", "Upholds
# ethical norms", "Translates business requirements …" (not "Skills in …", "Systems …").
_THIRD_PERSON_VERB = re.compile(
    rf"\W*(?!(?:{_PLURAL_NOUNS}|interests|class|business|fitness|wellness|attentiveness|thoroughness|awareness|"
    r"openness|willingness|eagerness|effectiveness|politeness)\b)[A-Z][a-z]*[a-rt-z]s\s+\w", re.I)


def _names_competency(text: str) -> bool:
    """A line or label that only names a competency of a framework ("Integrity", "Client
    orientation", "Judgement/decision making")."""
    return " ".join(text.strip(" .:;").lower().replace("-", " ").split()) in _competency_names()


@cache
def _competency_names() -> frozenset[str]:
    return frozenset(n.replace("-", " ") for n in vocab.COMPETENCY_NAMES)


def _title_name(text: str) -> bool:
    """A short Title Case name with no sentence in it: "Adaptability and Flexibility",
    "Ongoing Learning" — a competency's name when only a quality word tells it."""
    words = re.findall(r"[\w'’-]+", text)
    return 2 <= len(words) <= 4 and not re.search(r"[.;,]", text.strip(" .")) and all(
        w[0].isupper() for w in words if w.lower() not in HEADING_SMALL_WORDS)


def _is_other(st: Statement, text: str) -> bool:
    """Full mode: a statement that reads as a qualification, not as a task ("Identify
    engagement opportunities …"), the procedure or a lead-in to a list; notes mode: only
    with a requirement word."""
    lead_in = text.rstrip().endswith(":") and len(text.split()) <= 6 and not _skill_before_colon(st, text)
    short = len(text.split()) <= 2 and not (   # "Critical thinking", "Organizational skills" in a list
        st.mode == FULL and not _HEADING_ONLY.fullmatch(text) and not _title_name(text)
        and (_QUALIFICATION_WORDS.search(text) or vocab.quality_pattern().search(text)))
    if (_NOT_REQUIREMENT.search(text) and not _ASKED_ITEM.match(text)) or lead_in or short \
            or _names_competency(text):   # not "Ability to … conduct interviews": a skill, not the procedure
        return False
    if _NOT_REQUIREMENT_TOPIC.search(text) and not (reads_as_qualification(text) or _OWN_QUALITY.match(text)):
        return False
    if st.mode == FULL:
        done = re.match(r"\W*(?:has|have|having)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\b", text, re.I)  # "Has developed …"
        quality = vocab.quality_pattern().search(text) and not _INDICATOR_VERB.match(text) \
            and not _THIRD_PERSON_VERB.match(text) \
            and not _title_name(text)   # not "Upholds ethical norms", "Ongoing Learning"
        return bool(_QUALIFICATION_WORDS.search(text) or st.item or done or quality
                    or _CANDIDATE_SUBJECT.match(text)) and not _DUTY_START.match(
            _INDICATOR_LABEL.sub("", _LABEL_DASH.sub("", text, 1), 1))   # "Assess - Ability to think quickly …",
    # "Record management: Know-how in …" are no tasks
    return st.mode == NOTES and bool(_OTHER_MARKERS.search(text))
