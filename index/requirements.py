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
from datetime import date
from functools import cache
from typing import Callable

from . import kinds, vocab
from .derived import parser_hash
from .errors import NoticeNotFound
from .records import Notice, Requirement, Route
from .statements import CONTEXT, DESIRABLE, FULL, NOTES, REQUIRED, Statement, boilerplate_statements, statements

FACT_NAME = "requirements"
KINDS = kinds.KIND_NAMES


# -- entry points -------------------------------------------------------------------
def extract_requirements(notice: Notice) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    sts = _joined(notice.text, statements(notice))
    section_of = _section_finder(notice)
    frameworks = _framework_sections(notice, sts, section_of)
    for st in sts:
        i = section_of(st.start) if st.section == "competencies" else -1
        if i >= 0 and i not in frameworks and _SKILLS_PART.search(notice.sections[i].name):
            st = replace(st, section="skills", mode=FULL)   # a competencies part listing knowledge and skills
        out.extend(_read(notice, st, out))
    for st in boilerplate_statements(notice):      # shared legal text: only its bars in general words
        out.extend(r for r in _eligibility(notice, st) if r.rule == kinds.GENERAL.name)
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


def _framework_sections(notice: Notice, sts, section_of: Callable[[int], int]) -> set[int]:
    """Competencies parts written as a framework — indicators under competency names
    ("Professionalism: Knowledge of …", "Teamwork: …") — rather than a list of the
    knowledge and skills the post needs (ILO: "Good knowledge of programme and budget")."""
    labelled: dict[int, int] = {}
    for st in sts:
        m = _INDICATOR_LABEL.match(notice.text, st.start, st.end)
        if st.section == "competencies" and (st.label or m):
            name = " ".join((st.label or m.group(0)).strip(" :").lower().split())
            i = section_of(st.start)
            labelled[i] = labelled.get(i, 0) + (2 if name in vocab.COMPETENCY_NAMES else 1)
    return {i for i, n in labelled.items() if n >= 2}


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
    flat_before, flat_now = _flat(before), _flat(now)
    return (_or_chain(flat_before, flat_now) or _alternative_degree(flat_before, flat_now)
            or _reduced_years(flat_before, flat_now) or _list_after_colon(before, now, st))


def _or_chain(before: str, now: str) -> bool:
    """"…; or" + next bullet, "Or, extra two years …", "(… counted at 50%)"."""
    return (bool(re.search(r"\bor\W*$", before)) or bool(re.match(r"or\b", now, re.I))
            or (now.startswith("(") and now.rstrip(" .").endswith(")")))


def _alternative_degree(before: str, now: str) -> bool:
    return bool(_degrees(before)) and bool(re.search(
        r"\bin lieu of\b|\bmay (?:also )?be (?:accepted|considered)\b|\bequivalent combination\b"
        r"|\bmay be substituted\b", now, re.I))


def _reduced_years(before: str, now: str) -> bool:
    return bool(re.search(r"\byears?\b", before)) and bool(
        re.search(r"\breduced to\b|\binstead of\b", now, re.I))


def _list_after_colon(before: str, now: str, st: Statement) -> bool:
    """A lead-in about who may apply ("… considered first-tier candidates:") keeps its list."""
    if not re.search(r"\b(?:tier|represented|following)\b[^\n]*:\s*(?:\n|$)", before, re.I):
        return False
    return st.item or now.count(";") >= 3 or now.count(",") >= 3


# -- one statement ------------------------------------------------------------------
def _flat(text: str) -> str:
    """Whitespace folded: patterns of several words match across hard line wraps."""
    return " ".join(text.split())


def _read(notice: Notice, st: Statement, so_far: list[Requirement]) -> list[Requirement]:
    """The requirements one statement states. Its own words decide first: an explicit
    necessity word, or a sentence that reads as a qualification of the candidate, counts
    wherever it stands; the section only decides what the rest of its statements are
    (every statement of a requirements part, none of a duties or setting part)."""
    text = _flat(notice.text[st.start:st.end])
    if _is_information(text):
        return []
    necessity = _necessity(text, st.necessity)
    rules = _eligibility(notice, st)
    if rules and any(kinds.rule(r.rule).consumes for r in rules):
        return rules
    if _ABOUT_US_OR_PROCEDURE.search(text) or _LEAD_IN.search(text):
        return []
    marked = bool(vocab.desirable_pattern().search(text) or vocab.required_pattern().search(text))
    # In a duties or competencies part a qualification-like sentence is an indicator of
    # performance, not a requirement; elsewhere (a one-section notice) it is one.
    qualification = st.section not in _INDICATOR_SECTIONS and reads_as_qualification(text)
    if _ROLE_DOES.match(text) or (st.section == "skills" and _INDICATOR_VERB.match(text)):
        return rules   # "The language specialist provides translations …", "Builds and maintains …"
    if st.mode == CONTEXT and not (marked or qualification):
        return rules + [r for r in _conditions(notice, st, necessity, True)
                        if r.kind != "certification" or (r.names and _ASKS_FOR.search(text)
                                                         and st.section not in _INDICATOR_SECTIONS)]
    education, consumed = _education(notice, st, necessity)
    languages = _languages(notice, st, necessity, so_far)
    conditions = _conditions(notice, st, necessity, bool(education or languages))
    experience = _experience(notice, st, necessity, consumed, bool(education),
                             section_default=not (languages or conditions))
    found = list(education) + experience + languages + [
        c for c in conditions if c.kind != "certification" or not experience or c.names]
    if st.mode == NOTES and not (marked or qualification):
        found = [r for r in found if r.kind in ("licence", "travel", "medical")
                 or (r.kind == "language" and r.proficiency)
                 or (r.kind == "certification" and r.names and _ASKS_FOR.search(text))]
    if not found and not rules and (_is_other(st, text) or (st.mode != FULL and qualification)
                                    or (st.mode == CONTEXT and _MUST_KNOW.match(text))):
        found = [_req(notice, "other", necessity, st.start, st.end)]
    return rules + found + _preference_clauses(notice, st, found)


# A part of duties or setting that says what the candidate must know ("Must have advanced
# knowledge of Windows", "Must be familiar with audiovisual systems").
_MUST_KNOW = re.compile(r"\W*(?:(?:the )?(?:successful )?(?:candidates?|applicants?|you) )?must (?:have (?:\w+ )?"
                        r"(?:knowledge|experience|familiarity|skills?|proficiency)|know|be (?:familiar|proficient|"
                        r"knowledgeable|fluent|skilled|able to)|possess|demonstrate)\b", re.I)


# The organisation describing itself or the procedure, whatever words it uses ("Our
# workforce reflects a broad range of experiences", "The step in grade is determined on
# the basis of professional experience").
_ABOUT_US_OR_PROCEDURE = re.compile(
    r"^\W*(?:our|we)\b(?! (?:are )?(?:seeking|looking for) (?:someone|a candidate|candidates))|\byou will be part of\b|"
    r"\bstep in grade\b|\bsupport (?:their|your) applications?\b|\bapplication form\b|\bexact dates\b|"
    r"\bcriteria will be\b|\bevaluate (?:the )?technical proposals\b|\bwill be (?:assessed|evaluated|tested)\b|"
    r"\bholiday\b|\bannual leave\b", re.I)
# A lead-in or a heading left in the text: "Candidates must have", "Professional
# experience:", "Education 6." (a footnote number), "Qualifications requises".
_LEAD_IN = re.compile(r"^[^.;]{0,80}[:：]\s*$|^\W*(?:\w+\s+){0,3}(?:must|should|will|shall)\s+(?:have|be|"
                      r"possess|include)\W*$|^\W*[A-Za-zÀ-ÿ]+(?:\s+[A-Za-zÀ-ÿ]+)?\s+\d{1,2}\.?$|"
                      r"^\W*(?:qualifications? requises?|requisitos|calificaciones|comp[ée]tences requises)\W*$",
                      re.I)
_ROLE_DOES = re.compile(r"\W*(?:the|this|each|our) (?:[\w-]+ ){0,3}?(?:specialist|incumbent|officer|consultant|post|"
                        r"position|role|intern|fellow|assistant|adviser|advisor|manager|coordinator|team|unit)s? "
                        r"(?:\w+ ){0,2}?(?:provides?|supports?|leads?|manages?|ensures?|performs?|undertakes?|"
                        r"is responsible|will (?:be|work|support|lead|provide|manage|contribute))\b", re.I)
_INDICATOR_VERB = re.compile(
    r"\W*(?:\w+ly\s+)?(?:builds|reflects|shares|listens|treats|acts|takes|seeks|works|encourages|promotes|"
    r"displays|shows|maintains|creates|identifies|uses|applies|communicates|delivers|adapts|focuses|respects|"
    r"values|operates|plans|anticipates|recognizes|recognises|accepts|inspires|empowers|models|fosters|"
    r"champions|challenges|drives|embraces|keeps|manages|leads|supports|ensures|demonstrates)\b"
    r"|\W*(?:[A-Z][a-z]+ly\s+)?(?!(?:skills|abilities|communications|analytics|statistics|economics|mathematics|"
    r"operations|relations|logistics|finances|systems|sciences|studies|programmes|programs|tools|languages|"
    r"results|projects|partners|rules|regulations|procedures|policies|processes)\b)[A-Z][a-z]+(?:es|s)\s+"
    r"(?=(?:a|an|the|and|to|with|own|others|appropriate|clear|strong|effective|new|sound|high)\b)", re.I)
_ASKS_FOR = re.compile(r"\blevel of\b|\brequire|\brequested\b|\bmust (?:hold|have|obtain)\b", re.I)
_INDICATOR_SECTIONS = frozenset({"competencies", "responsibilities"})
_QUALIFICATION_OPENING = re.compile(
    r"^\W*(?:(?:a|an|the|some|any)\s+)?(?:(?:minimum|at least|min\.?)\s+(?:of\s+)?)?"
    r"(?:(?:[\w-]+(?:al|ive|ic|ous|ed|ary|ent|ant|ful|ile|ing)|relevant|related|university|academic|work|"
    r"field|technical|professional|language|computer|IT|project|programme|management|good|strong|sound|"
    r"solid|full|high|first|second|advanced)\s+){0,3}"
    r"(?:degree|diploma|bachelor['’]s|master['’]s|ph\.?d|doctorate|university|"
    r"education|qualifications?|experience|knowledge|understanding|proficiency|fluency|fluent|command|"
    r"mastery|ability|abilities|capacity|skills?|competence|familiarity|expertise|track record|"
    r"background|certification|certificate|licen[cs]e)\b"
    r"|^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\+?\s+(?:\w+\s+){0,2}years?\b"
    r"|^\W*(?:proven|demonstrated|excellent|strong|good|sound|solid|thorough|advanced|working|"
    r"very good|fluent|high|extensive|substantial|relevant|previous|prior|in-depth|deep|broad)\b"
    r"[^.;:]{0,80}\b(?:experience|knowledge|skills?|abilit\w+|understanding|proficiency|command|"
    r"record|expertise|familiarity|writing|communicat\w+|written|spoken|English|French|Spanish)\b"
    r"|^\W*(?:you|candidates?|applicants?|the (?:ideal |successful )?candidates?)\s+"
    r"(?:must|should|shall|will need to|need to|are expected to|are required to)\s+(?:have|be|possess|hold|"
    r"demonstrate|speak|produce|fulfil|enjoy|meet)\b"
    r"|^\W*(?:you|candidates?)\s+(?:have|hold|are|possess|bring|speak)\b"
    r"|^\W*(?:(?:be\s+)?currently\s+)?enrolled\s+in\b"
    r"|^\W*(?:(?:une?|la|el|una|de)\s+)?(?:(?:bonnes?|excellentes?|solides?|parfaite|très bonne|buen[ao]?s?|excelentes?|"
    r"s[oó]lid[ao]s?|ampli[ao]s?|profund[ao]s?)\s+)?(?:connaissances?|ma[iî]trise|capacit[ée]s?|aptitudes?|comp[ée]tences?|"
    r"exp[ée]rience|conocimientos?|dominio|capacidad(?:es)?|habilidad(?:es)?|experiencia|familiaridad|manejo|"
    r"sens (?:de|du|élevé))\b"
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


def _preference_clauses(notice: Notice, st: Statement, found: list[Requirement]) -> list[Requirement]:
    """"…, preferably in the physical or life sciences": a required item with a preference
    attached states a desirable one too (same kind, the clause's span)."""
    if not found or any(r.necessity == DESIRABLE for r in found):
        return []
    m = _PREFERENCE_CLAUSE.search(notice.text, st.start, st.end)
    if not m:
        return []
    if _degrees(m.group("clause")) or re.search(r"\byears?\b|\bequivalent\b", m.group("clause")):
        return []  # an alternative route or a list of fields, read by the education reader
    start, end = m.start("clause"), m.end("clause")
    end = start + len(notice.text[start:end].rstrip(" .\n"))
    kinds = dict.fromkeys(r.kind for r in found if r.kind != "eligibility_rule")
    return [_req(notice, kind, DESIRABLE, start, end) for kind in kinds]


_INFORMATION = re.compile("|".join((
    r"\b(?:are|is) the (?:working|official) languages?\b", r"\bofficial languages are\b",
    r"\blanguages (?:of|in) (?:the )?[\w ]{1,30} are\b", r"\bthere is no (?:minimum )?[\w ]{0,40}requirement\b",
    r"^\W*(?:note|nb)\b", r"\bequals a rating\b",
    r"\bwill be (?:specifically )?(?:evaluated|assessed|tested|verified)\b",
    r"^\W*the table below\b", r"^\W*https?://", r"^\W*(?:not available|n/?a|none)\W*$",
    r"\bequal (?:employment )?opportunit",
    r"\bapplications? (?:must|should) be (?:submitted|sent|received)")), re.I)
_TABLE_HEADER = re.compile(r"\|(?:\s*[A-Z][a-z]+\s*\|)+[\s|-]*")


def _is_information(text: str) -> bool:
    """Statements that explain rather than require: "English and French are the working
    languages …", notes on rating scales, table headers, equal-opportunity lines."""
    return bool(_INFORMATION.search(text) or _TABLE_HEADER.fullmatch(text.strip()) or _header_row(text))


def _header_row(text: str) -> bool:
    """A table's header row: "Language | Proficiency Level | Requirement"."""
    cells = [c.strip() for c in text.strip(" |").split(" | ")]
    return len(cells) >= 2 and all(c and len(c.split()) <= 3 and c[0].isupper() for c in cells) \
        and not vocab.language_pattern().search(text) and not re.search(r"\d", text)


def _necessity(text: str, default: str) -> str:
    if vocab.desirable_pattern().search(text):
        required = re.search(r"\b(?:is|are) (?:also )?required\b", text, re.I)
        desirable = vocab.desirable_pattern().search(text)
        if not required or desirable.start() > required.start():
            return DESIRABLE
    if re.search(r"\b(?:is|are) (?:also )?(?:required|essential|mandatory)\b|\bmust\b", text, re.I):
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
    r"collect|record|file|save|store|archive|regularly)\b", re.I)


_NOT_REQUIREMENT = re.compile(
    r"\b(?:selection (?:procedure|process|panel|board|criteria will)|pre-?selection|shortlist\w*|"
    r"interview(?:s|ed)?|written (?:and oral )?tests?|assessment centre|reserve list|pass-?mark|"
    r"please|click|enquir\w+|queries|apply (?:now|online|here|through|via)|applications? (?:must|should|will) "
    r"be (?:submitted|received|sent)|will not be considered|only (?:successful|shortlisted) (?:candidates|"
    r"applicants)|payments?|deliverables?|proposals? will|the (?:executive director|panel|committee)|"
    r"we (?:offer|bring|seek|are|believe|value)|our (?:team|mission|values|workforce)|you will be part of|"
    r"benefits?|salary|hybrid|re-?advertise|discretion|gender balance|diversity)\b", re.I)


def _is_other(st: Statement, text: str) -> bool:
    """Full mode: a statement that reads as a qualification, not as a task ("Identify
    engagement opportunities …"), the procedure or a lead-in to a list; notes mode: only
    with a requirement word."""
    lead_in = text.rstrip().endswith(":") and len(text.split()) <= 6   # "A candidate must:"
    if _NOT_REQUIREMENT.search(text) or lead_in or len(text.split()) <= 2:
        return False
    if st.mode == FULL:
        done = re.match(r"\W*(?:has|have|having)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\b", text, re.I)  # "Has developed …"
        return bool(_QUALIFICATION_WORDS.search(text) or st.item or done) and not _DUTY_START.match(text)
    return st.mode == NOTES and bool(_OTHER_MARKERS.search(text))


def _req(notice: Notice, kind: str, necessity: str, start: int, end: int, **fields) -> Requirement:
    return Requirement(notice.id, kind, necessity, start, end, notice.text[start:end], **fields)


def _clean(text: str) -> str:
    """Whitespace folded, label, bullets and a trailing necessity predicate removed."""
    t = " ".join(text.split())
    t = re.sub(r"^(?:[A-Z][\w &/’'-]{1,40}:\s*)+", "", t)
    t = re.sub(r"[;,]?\s*(?:and|or)\W*$", "", t)
    t = re.sub(r",?\s*(?:is|are|will be|would be|shall be)?\s*(?:considered\s+)?(?:also\s+)?"
               r"(?:required|desirable|desired|preferred|essential|mandatory|an? (?:strong |distinct |"
               r"added |additional )?(?:asset|advantage|plus))\W*$", "", t, flags=re.I)
    return t.strip(" ;:,.*-•")


# -- education ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Degree:
    level: str
    start: int
    end: int


def _degrees(text: str, start: int = 0, end: int | None = None) -> list[_Degree]:
    end = len(text) if end is None else end
    found = []
    for m in vocab.degree_pattern().finditer(text, start, end):
        level = next(k for k, v in m.groupdict().items() if v is not None)
        found.append(_Degree(level, m.start(), m.end()))
    return found


def _route_mentions(text: str, start: int, end: int) -> list[_Degree]:
    """The degree mentions that open a route: not restatements in parentheses, not the
    degree a substitute replaces ("in lieu of the advanced university degree")."""
    kept: list[_Degree] = []
    for d in _degrees(text, start, end):
        if _governed_by_years(text, start, d):
            continue
        before = text[max(start, d.start - 40):d.start]
        if re.search(r"\b(?:in lieu of|instead of|equivalent to)(?:\s+(?:an?|the))?\s*$|\babove\s*$",
                     before, re.I):
            continue
        if kept and _restates(text, kept[-1], d):
            continue
        kept.append(d)
    return kept


def _governed_by_years(text: str, start: int, d: _Degree) -> bool:
    """"five years with advanced university degree", "3 years … if they hold a Master's
    degree", "for masters holders": the degree picks an experience minimum, it is not an
    education requirement of its own."""
    before = text[max(start, d.start - 120):d.start]
    years_then_link = re.search(r"\byears?\b[^.;]*\b(?:with|for|if (?:they|you) hold|holding|who "
                                r"(?:hold|possess|have))\s+(?:an?\s+|the\s+)?$", before, re.I)
    holders = re.match(r"\s*holders?\b", text[d.end:d.end + 12], re.I) or re.search(
        r"\bholders?$", text[d.start:d.end], re.I)
    return bool(years_then_link) or bool(holders)


def _restates(text: str, prev: _Degree, d: _Degree) -> bool:
    between = text[prev.end:d.start]
    if d.level == prev.level and re.fullmatch(r"\s*(?:and|/|,)?\s*", between):
        return True  # "Police/Military War Colleges and Senior Staff Colleges"
    opened = between.rfind("(")
    return opened >= 0 and ")" not in between[opened:] and len(between[:opened].strip()) <= 20


@cache
def _num() -> str:
    return vocab.number_pattern()


_LEVELLESS_DEGREE = re.compile(r"\W*(?:(?:a|an)\s+)?(?:(?:relevant|recognised|recognized|accredited)\s+)?"
                               r"(?:degree|diploma|qualification)s?\s+(?:in|on)\b", re.I)
# Education stated without a level anywhere in the sentence: "Preference for a degree in
# business", "Academic background in …", "Further education in the fields of …", "Relevant
# qualification or training would be an advantage", "Minimum one year of college".
_LEVELLESS_EDUCATION = re.compile(
    r"\b(?:an?|the) (?:relevant |recognised |recognized |accredited |university |college |academic )?"
    r"(?:degree|diploma)s? (?:in|from)\b|\bacademic (?:background|qualifications?|record) in\b|"
    r"\bfurther (?:education|studies) in\b|\brelevant (?:qualifications?|education) or training\b|"
    r"\byears? of (?:college|university)\b|\bcollege (?:education|coursework)\b", re.I)


def _education(notice: Notice, st: Statement, necessity: str):
    text = notice.text
    mentions = _route_mentions(text, st.start, st.end)
    if not mentions:
        if _LEVELLESS_DEGREE.match(text, st.start, st.end) or \
                _LEVELLESS_EDUCATION.search(_flat(text[st.start:st.end])):   # "Degree in environmental sciences …"
            return [_req(notice, "education", necessity, st.start, st.end, uncertain=("level",))], []
        return [], []
    routes, consumed = [], []
    none_route = _experience_route(text, mentions[-1].end, st.end)
    last_end = none_route[1][0] if none_route else st.end
    for i, d in enumerate(mentions):
        seg_end = mentions[i + 1].start if i + 1 < len(mentions) else last_end
        route, used = _route(text, d, seg_end)
        routes.append(route)
        consumed += used
    if none_route:
        routes.append(none_route[0])
        consumed.append(none_route[1])
    fields = _fields(text, mentions, st.end)
    req = _req(notice, "education", necessity, st.start, st.end, level=routes[0].level,
               fields=fields, routes=tuple(routes))
    return [req], consumed


def _route(text: str, d: _Degree, seg_end: int) -> tuple[Route, list[tuple[int, int]]]:
    seg = text[d.end:seg_end]
    n = _num()
    extra = re.search(rf"\b(?:additional|extra|further|more)\s+(?P<n>{n})\s+years?"
                      rf"|\b(?P<m>{n})\s+(?:additional|extra|further|more)\s+years?", seg, re.I)
    if extra:
        years = vocab.parse_number(extra.group("n") or extra.group("m"))
        return Route(d.level, extra_years=years), [(d.end + extra.start(), d.end + extra.end())]
    total = re.search(rf"\b(?:with|plus)\s+(?:a minimum of |at least |minimum (?:of )?)?(?P<n>{n})"
                      rf"\s+years?(?!\s+(?:completed|of (?:study|studies|the (?:programme|program|degree))))", seg, re.I)
    if total:
        return (Route(d.level, total_years=vocab.parse_number(total.group("n"))),
                [(d.end + total.start(), d.end + total.end())])
    unstated = re.search(r"\badditional (?:[\w/-]+ ){0,4}?(?:years|experience)\b", seg, re.I)
    return Route(d.level, extra_unstated=bool(unstated)), []


def _experience_route(text: str, start: int, end: int):
    """"…, or 3 additional years of experience": a route without a degree."""
    m = re.search(rf"\bor\s+(?P<n>{_num()})\s+(?:additional\s+|more\s+)?years?\s+of\s+(?:\w+\s+)?"
                  r"experience", text[start:end], re.I)
    if not m:
        return None
    years = vocab.parse_number(m.group("n"))
    return Route("none", extra_years=years), (start + m.start(), start + m.end())


_FIELD_LEAD = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:or\s+(?:an?\s+)?equivalent(?:\s+degree)?\s+)?"
    r"(?:(?:or higher\s+)?from an? (?:accredited )?(?:academic |educational )?institution,?\s*)?"
    r"(?:(?:preferably|ideally|specifically|with a focus)\s+)?"
    r"(?:in|of)\s+(?:the\s+)?(?:(?:fields?|areas?|disciplines?)\s+of\s+)?(?=[A-Za-z])", re.I)
_FIELD_STOP = re.compile(
    r"\s+(?:is|are)\s+(?:required|desirable|preferred|preferable)\b|\s+from\s+an?\b|\s+with\b"
    r"|\s+plus\b|[.;:](?:\s|$)|\s+or\s+equivalent\b|\s+may\b|\(|,?\s+or\s+(?:an?\s+)?(?=(?:first|"
    r"advanced|university|bachelor|master|high|technical|post|secondary|equivalent|a relevant)\b)"
    r"|,?\s+or\s+(?=\S+\s+(?:additional\s+|more\s+)?years?\b)|\s+(?-i:OR)\s|,\s+(?:and|or)\s+(?:an?\s+)?equivalent\b|\s+in combination\b", re.I)
_NOT_A_FIELD = re.compile(r"^(?:in\s+)?(?:any|other|related|relevant|similar|equivalent|a related|"
                          r"an? relevant|the above|above)\b|^(?:field|area)s?$", re.I)


def _fields(text: str, mentions: list[_Degree], end: int) -> tuple[str, ...]:
    for d in mentions:
        lead = _FIELD_LEAD.match(text, d.end, end)
        if not lead:
            continue
        stop = _FIELD_STOP.search(text, lead.end(), end)
        raw = " ".join(text[lead.end():stop.start() if stop else end].split())
        fields = _split_fields(raw)
        if fields:
            return fields
    return ()


def _split_fields(raw: str) -> tuple[str, ...]:
    """`A, B, C or related field` → (A, B, C); "Political or Social Science" stays whole."""
    parts = [p.strip(" .") for p in re.split(r"\s*[,;]\s*(?:and/or\s+|and\s+|or\s+)?|\s+and/or\s+", raw)]
    out: list[str] = []
    for part in parts:
        if not part or _NOT_A_FIELD.search(part):
            continue
        pieces = re.split(r"\s+or\s+", part)
        if len(pieces) == 2 and _shares_head(*pieces):
            pieces = [part]
        out.extend(p for p in pieces if p and not _NOT_A_FIELD.search(p))
    return tuple(out)


def _shares_head(left: str, right: str) -> bool:
    """"Political or Social Science": one capitalised word before "or", a capitalised
    phrase after it, so both words qualify the same noun."""
    words = right.split()
    return (" " not in left and left[:1].isupper() and len(words) >= 2
            and all(w[:1].isupper() for w in words) and not _NOT_A_FIELD.search(right))


# -- experience ---------------------------------------------------------------------
@dataclass(frozen=True)
class _Years:
    years: float
    start: int  # of the number
    end: int  # after "years"
    level: str | None
    sub: bool
    extra: bool


_NOT_EXPERIENCE_YEARS = re.compile(r"\s*(?:old|of age|period|contract|appointment|completed|of college|of university)\b",
                                   re.I)
# "Demonstrated interest and/or experience (up to two years)": a ceiling, not a minimum.
_CEILING = re.compile(r"\b(?:up to|no more than|not more than|at most|a maximum of|maximum of)\s*$", re.I)


def _experience(notice, st, necessity, consumed, has_education, section_default=True):
    """Years (per degree level where stated), domain, scope and counting rule; a statement
    of an experience section counts as experience even without the word, unless another
    reader typed it (section_default False)."""
    text = notice.text
    body = _flat(text[st.start:st.end])
    if re.search(r"\bno (?:\w+ ){0,3}experience (?:is )?required\b", body, re.I):
        return [_req(notice, "experience", necessity, st.start, st.end, years=0.0)]
    about_experience = re.search(r"(?<!user )\bexperience|\btrack[- ]record\b|\bexposure to\b|\bexperiencia\b|"
                                 r"\bexpérience\b|\byears?\s+(?:of|in|as)\s+(?:[\w-]+\s+){0,4}?(?:work|service|employment)\b",
                                 body, re.I) or (
        st.section == "experience" and section_default and not _OTHER_QUALITY.match(body))
    if not about_experience:
        return []
    mentions = [m for m in _year_mentions(text, st.start, st.end)
                if not any(a <= m.start < b for a, b in consumed)]
    if mentions:
        return _experience_groups(notice, st, necessity, mentions)
    if _SKILL_OPENING.match(body):
        return []   # "Knowledge and experience in using …", "Ability to transfer previous experience": a skill
    if has_education:
        return []
    vague = _VAGUE_YEARS.search(body)   # "several years of experience": a number the notice does not give
    return [_req(notice, "experience", necessity, st.start, st.end,
                 domain=_plain_domain(body) or None, scope=_scope(body),
                 uncertain=("years",) if vague else ())]


_VAGUE_YEARS = re.compile(r"\b(?:several|many|a number of|multiple|numerous|some|significant number of)\s+"
                          r"(?:\w+\s+)?years?\b|\byears of (?:\w+\s+){0,3}experience\b", re.I)


_QUALITY_NOUNS = (r"knowledge|understanding|abilit\w*|skills?|familiarity|proficien\w*|competen\w*|expertise|"
                  r"networks?|literacy")
# A statement opening with a quality of the candidate; "command" alone also opens a command
# post ("Senior command … experience"), so only "command of" counts as a skill.
_SKILL_OPENING = re.compile(rf"\W*(?:\w+\s+){{0,2}}(?:{_QUALITY_NOUNS}|command of)\b", re.I)
_OTHER_QUALITY = re.compile(rf"\W*(?:\w+\s+){{0,2}}(?:{_QUALITY_NOUNS}|command)\b", re.I)


@cache
def _years_pattern() -> re.Pattern:
    n = _num()
    return re.compile(rf"(?<![\w-])(?:(?P<lo>{n})\s*(?:-|–|to)\s*)?(?P<n>{n})(?:\s+or\s+more)?\s+"
                      r"(?:(?:additional|extra|full[- ]time|more)\s+)?years?\b(?:['’]s?)?", re.I)


def _year_mentions(text: str, start: int, end: int) -> list[_Years]:
    """Every "N years" of a statement (ranges give their lower bound), with the degree
    level it is tied to and whether it is a part of an earlier figure ("of which")."""
    out = []
    for m in _years_pattern().finditer(text, start, end):
        tail = text[m.end():min(end, m.end() + 30)]
        if _NOT_EXPERIENCE_YEARS.match(tail):
            continue
        value = vocab.parse_number(m.group("lo") or m.group("n"))
        if value is None:
            continue
        before = text[max(start, m.start() - 40):m.start()]
        if _CEILING.search(before) and not re.search(rf"\b{_num()}\s+(?:and|to)\s+up to\s*$", before, re.I):
            continue     # "up to two years" is a ceiling; "a minimum of 5 and up to 7 years" a range
        out.append(_Years(value, m.start(), m.end(), None, _is_sub(before, tail),
                          bool(re.search(r"\b(?:extra|additional|further)\s*$", before, re.I))))
    return [_with_level(text, y, out, end) for y in out]


def _is_sub(before: str, tail: str) -> bool:
    return bool(re.search(r"\b(?:including|of which|includ\w+|and)\s+(?:at least\s+|a minimum of\s+|"
                          r"minimum\s+(?:of\s+)?)?$", before, re.I)
                or re.search(r"(?:,|\bat least|\bminimum)\s*(?:of\s+)?$", before, re.I)
                and re.match(r"\s*(?:of which|which)\b", tail, re.I))


def _with_level(text: str, y: _Years, all_years: list[_Years], end: int) -> _Years:
    nxt = next((o.start for o in all_years if o.start > y.start), end)
    window_end = min(nxt, y.end + 240)
    for d in _degrees(text, y.end, window_end):
        between = text[y.end:d.start]
        after = text[d.end:d.end + 12]
        if re.search(r"\b(?:with|for|if|holding|hold|possess\w*|who have)\b[^.;]*$", between, re.I) \
                or re.match(r"\s*holders?\b", after, re.I):
            return replace(y, level=d.level)
    return y


@cache
def _nested_part() -> re.Pattern:
    """A share of the main figure with its own scope: ", including at least six months of
    supervisory experience", "with two years supervisory experience"."""
    return re.compile(rf",?\s+(?:including|with|of which)\s+(?:at least\s+|a minimum of\s+)?(?P<n>{_num()})\s+"
                      r"(?P<unit>months?|years?)\b['’]?\s+(?:of\s+)?(?P<rest>[^.;]*)", re.I)


def _nested_parts(notice, st, necessity, found: list[Requirement]) -> list[Requirement]:
    """The scoped shares `_nested_part` reads that no years group stated already (a share in
    months is not a years mention, and one the education reader consumed is not one either)."""
    out = []
    for m in _nested_part().finditer(_flat(notice.text[st.start:st.end])):
        value, scope = vocab.parse_number(m.group("n")), _scope(m.group("rest"))
        if value is None or not scope:
            continue
        years = round(value / 12, 2) if m.group("unit").lower().startswith("month") else value
        if not any(r.scope == scope and r.years == years for r in [*found, *out]):
            out.append(_req(notice, "experience", necessity, st.start, st.end, years=years, scope=scope))
    return out


def _head_text(text: str) -> str:
    """A clause without its scoped share: the share's scope is not the whole figure's."""
    m = _nested_part().search(_flat(text))
    return _flat(text)[:m.start()] if m and _scope(m.group("rest")) else text


def _experience_groups(notice, st, necessity, mentions: list[_Years]) -> list[Requirement]:
    groups: list[list[_Years]] = []
    for m in mentions:
        if groups and not m.sub and (m.level or m.extra):  # "(seven years with a first-level …)"
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for i, group in enumerate(groups):
        clause = _clause(notice.text, st, group, groups[i + 1][0] if i + 1 < len(groups) else None, i)
        out.append(_experience_req(notice, st, necessity, group, clause, whole=(i == 0)))
    return out + _nested_parts(notice, st, necessity, out)


def _clause(text: str, st: Statement, group: list[_Years], nxt: _Years | None, index: int):
    """(start, end) of the clause that states a group: from its lead-in words to the next
    group's lead-in, a ", with …" tail, or the statement end."""
    start = st.start if index == 0 else _lead_cut(text, st.start, group[0].start)[1]
    end = _lead_cut(text, st.start, nxt.start)[0] if nxt else st.end
    end = max(end, group[-1].end)   # a clause holds its own figures, whatever cut came before them
    tail = re.search(r",\s+(?:with|is|are|which)\b|\s+(?:is|are)\s+(?:also\s+)?(?:required|desirable)\b",
                     text[group[-1].end:end])
    if tail and index > 0:
        end = group[-1].end + tail.start()
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _lead_cut(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The last ",", ";" or " and " before `hi`: (where it starts, where it ends)."""
    cuts = [(m.start(), m.end()) for m in re.finditer(r"[,;]|\s+and\s+", text[lo:hi])]
    if not cuts:
        return hi, lo
    a, b = cuts[-1]
    return lo + a, lo + b


def _experience_req(notice, st, necessity, group: list[_Years], clause, whole: bool) -> Requirement:
    text = notice.text
    head = group[0]
    by_level = []
    for m in group:
        years = head.years + m.years if m.extra else m.years
        if m.level:
            by_level.append((m.level, years))
    c_start, c_end = clause
    clause_text = text[c_start:c_end]
    domain = next((d for d in (_domain(text, m.end, c_end) for m in group) if d), None)
    start, end = (st.start, st.end) if whole else (c_start, _trim_end(text, c_start, c_end))
    return _req(notice, "experience", necessity, start, end, years=head.years,
                years_by_level=tuple(by_level), domain=domain,
                scope=_scope(_head_text(clause_text if not whole else text[st.start:c_end])),
                counting_rule=_counting_rule(text[st.start:st.end]) if whole else None)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,;.":
        end -= 1
    return end


_DOMAIN_STOP = re.compile(
    r"\s+(?:if|for (?:masters?|first|candidates|those))\b|,?\s+(?:is|are)\s+(?:also\s+)?(?:required|"
    r"desirable|preferred)\b|,\s+(?:with|is|are|including|which|of which|at least|especially)\b"
    r"|\s+including\b|\s+and\s+(?:at least|a minimum|minimum)\b|\s+with\s+(?:at least\s+)?[\w-]+\s+(?:months?|years?)\b|(?<!\bincl)(?<!\be\.g)(?<!\bi\.e)[;.](?:\s|$)"
    r"|\s+\(|$", re.I)


def _domain(text: str, start: int, end: int) -> str | None:
    """What a years figure is of: "… experience in <domain>", "… experience managing <domain>"."""
    found = _domain_after_preposition(text, start, end)
    if found:
        return found
    m = re.match(r"(?:['’]s?)?\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?experiences?\s+(?P<d>[a-z]+ing\b[^,;.()]*)",
                 text[start:end], re.I)
    return " ".join(m.group("d").split()).strip() if m else None


def _domain_after_preposition(text: str, start: int, end: int) -> str | None:
    """The words after "experience in/of/with" (or the first "in/on/with/at" that is not
    followed by a degree: "five years with advanced university degree … in <domain>")."""
    window = text[start:end]
    first = re.search(r"\bexperiences?\s+(?:of|in|on|with)\s+(?!which\b)", window, re.I)
    candidates = [start + first.end()] if first else []
    candidates += [start + m.end() for m in
                   re.finditer(r"\b(?:in|on|with|within|serving in|working in|at)\s+", window, re.I)]
    for at in candidates:
        degrees = _degrees(text, at, min(end, at + 40))
        if degrees and degrees[0].start <= at + 5:
            continue
        stop = _DOMAIN_STOP.search(text, at, end)
        raw = " ".join(text[at:stop.start() if stop else end].split())
        raw = re.sub(r"^(?:the|a|an)\s+", "", raw, flags=re.I).strip(" ,;.")
        return raw or None
    return None


def _plain_domain(body: str) -> str:
    t = _clean(body)
    t = re.sub(r"^(?:(?:previous|proven|demonstrated|demonstrable|relevant|some|extensive|"
               r"solid|strong|practical|professional|work|working)\s+)*experiences?\s+"
               r"(?:(?:in|with|of|on|at)\s+)?(?=\w)", "", t, flags=re.I)
    return re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)


_SCOPES = (
    ("command", r"\bcommand\b(?! of)"),
    ("supervisory", r"supervis|managerial|team management|managing (?:\w+ ){0,3}(?:staff|teams|"
                    r"officers|personnel)|management of (?:\w+ ){0,2}(?:staff|teams|personnel)|"
                    r"\bas (?:an? )?manager of (?:an? |the )?(?:\w+ ){0,2}(?:units?|teams?|sections?|departments?|services?)\b"),
    ("un_system", r"\b(?:United Nations|UN)\b(?: common)?(?: \w+){0,3} system|\bUN system\b|"
                  r"\bUN (?:agencies|agency)\b|\bwithin the UN\b"),
    ("international", r"\binternational(?:ly)?\s+(?:level|field|organi[sz]ations?|experience|"
                      r"environment|context|settings?|capacity)|\bat the international\b"),
    ("mission", r"\bpeacekeeping\b|\bpolitical missions?\b|\bfield missions?\b"),
    ("conflict", r"\b(?:post-)?conflict\b"),
    ("field", r"\bfield(?:-based| experience| operations?| level| locations?| environment)\b"),
    ("humanitarian", r"\bhumanitarian\b|\bemergenc"),
)


def _scope(text: str) -> str | None:
    text = _flat(text)
    for name, pattern in _SCOPES:
        if re.search(pattern, text, re.I):
            return name
    return None


def _counting_rule(text: str) -> str | None:
    text = _flat(text)
    m = re.search(r"[^.()]*\b(?:not counted|counted at|counts? (?:as|for)|will not be (?:counted|"
                  r"considered)|is counted)\b[^()]*", text, re.I)
    return " ".join(m.group(0).split()).strip(" .") if m else None


# -- languages ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    languages: tuple[str, ...]


_OTHER_UN = re.compile(
    r"\b(?:another|other|one additional|an additional|additional|second|(?:a |one )?third)\s+(?:official\s+)?"
    r"(?:UN|United Nations)(?:\s+official)?(?:\s+languages?\b|(?=\s+(?:is|are)\b))"
    r"|\b(?:another|one other|a second)\s+(?:official\s+)?(?:UN\s+)?language of the United Nations\b",
    re.I)
_EU_LANGUAGE = re.compile(
    r"\b(?:one|another) of the (?:\d+ |twenty-\w+ )?(?:official )?(?:EU |European Union )?(?:official )?languages "
    r"of the (?:European )?Union\b|\b(?:one|another) of the (?:\d+ )?(?:official )?(?:EU|European Union) "
    r"(?:official )?languages\b|\b(?:one|another) of the (?:\d+ )?official languages of the (?:EU|European Union)\b"
    r"|\banother (?:official )?language of the (?:European )?Union\b",
    re.I)
_DUTY_LANGUAGE = re.compile(
    r"\b(?:the\s+)?duty\s*station['’]?s?\s+language\b|\b(?:UN\s+working\s+)?language\s+of\s+the\s+"
    r"duty\s*station\b|\blocal\s+languages?\b|\bnational\s+languages?\b", re.I)
# A language the notice does not name: "other foreign languages", "a second language".
_ANOTHER_LANGUAGE = re.compile(
    r"\bbilingual\b(?! (?:in|English|French|Spanish|Arabic))|\b(?:other (?:foreign |modern )?languages|(?:a|one|any) (?:second|third|further|additional) (?:foreign )?"
    r"language|another (?:foreign )?language|(?:additional|further) (?:foreign )?languages)\b", re.I)
_MAYBE = re.compile(r"[^.;]{0,20}?\b(?:may|might|could) be (?:required|needed|requested)\b|[^.;]{0,40}?\bdepending on\b",
                    re.I)
_UN_LEVEL = re.compile(r"\bUN Level (?:I{1,3}|IV|V)\b")
_LEVEL_LETTER = re.compile(r"\((?:level\s+)?([A-C][12]?)\)|\blevel\s+([A-C][12]?)\b", re.I)


def _languages(notice, st, necessity, so_far) -> list[Requirement]:
    text = notice.text
    body = _flat(text[st.start:st.end])
    tokens = _language_tokens(text, st.start, st.end, so_far)
    if not tokens:
        return []
    prof = list(vocab.proficiency_pattern().finditer(text, st.start, st.end))
    in_languages = st.section == "languages" or (st.label or "").lower().startswith("language")
    if not (prof or _UN_LEVEL.search(body) or re.search(r"\blanguages?\b|\bbilingual\b", body, re.I) or in_languages):
        return []
    applies = _applies_to(body)
    out = []
    for group in _language_groups(text, tokens, prof):
        level = _proficiency(text, st.start, group[0].start, prof, st.end)
        names = tuple(sorted({n for t in group for n in t.languages}))
        out.append(_req(notice, "language", _group_necessity(text, group, st, necessity), st.start,
                        st.end, languages=names, proficiency=level, applies_to=applies))
    return out


def _language_tokens(text, start, end, so_far) -> list[_Token]:
    tokens = [_Token(m.start(), m.end(), (vocab.LANGUAGES[m.group(0)],))
              for m in vocab.language_pattern().finditer(text, start, end)]
    for m in _OTHER_UN.finditer(text, start, end):
        listed = re.match(r"\s*\(([^)]*)\)", text[m.end():end])
        if listed:
            inside = [t for t in tokens if m.end() <= t.start < m.end() + listed.end()]
            tokens = [t for t in tokens if t not in inside]
            names = tuple(n for t in inside for n in t.languages)
            tokens.append(_Token(m.start(), m.end() + listed.end(), names))
        else:
            tokens.append(_Token(m.start(), m.end(), _other_un_languages(text, start, m.start(), so_far)))
    for m in _EU_LANGUAGE.finditer(text, start, end):
        tokens.append(_Token(m.start(), m.end(), (vocab.EU_LANGUAGE,)))
    for m in _DUTY_LANGUAGE.finditer(text, start, end):
        tokens = [t for t in tokens if not (m.start() <= t.start < m.end())]
        tokens.append(_Token(m.start(), m.end(), (vocab.DUTY_STATION_LANGUAGE,)))
    for m in _ANOTHER_LANGUAGE.finditer(text, start, end):
        maybe = _MAYBE.match(text, m.end(), end)   # "additional languages may be required depending on the role"
        if not maybe and not any(t.start < m.end() and m.start() < t.end for t in tokens):
            tokens.append(_Token(m.start(), m.end(), (vocab.ANOTHER_LANGUAGE,)))
    wide = [t for t in tokens if len(t.languages) != 1 or t.languages[0] in (vocab.DUTY_STATION_LANGUAGE,
                                                                            vocab.EU_LANGUAGE, vocab.ANOTHER_LANGUAGE)]
    tokens = [t for t in tokens if not _inside(t, wide) and not re.search(
        r"\b(?:if not|unless|other than|except|in addition to)\s*(?:\w+,?\s+){0,2}$",
        text[max(start, t.start - 40):t.start], re.I)]
    return sorted(tokens, key=lambda t: t.start)


def _inside(t: _Token, wide: list[_Token]) -> bool:
    """A name inside a wider phrase ("one additional UN Language (French, Spanish …)")."""
    return any(o is not t and o.start <= t.start and t.end <= o.end and o.end - o.start > t.end - t.start
               for o in wide)


def _other_un_languages(text, start, at, so_far) -> tuple[str, ...]:
    """"Another UN official language": the UN languages not already asked for."""
    named = {n for r in so_far if r.kind == "language" and r.necessity == REQUIRED for n in r.languages}
    named |= {vocab.LANGUAGES[m.group(0)] for m in vocab.language_pattern().finditer(text, start, at)}
    return tuple(n for n in vocab.UN_LANGUAGES if n not in named)


def _language_groups(text, tokens: list[_Token], prof) -> list[list[_Token]]:
    """Tokens joined by "or" (or a comma list ending in "or") form one any-of group; "and"
    or a new proficiency phrase starts a new group."""
    groups: list[list[_Token]] = [[tokens[0]]]
    pending: list[_Token] = []
    for prev, tok in zip(tokens, tokens[1:]):
        between = text[prev.end:tok.start]
        if any(prev.end <= p.start() < tok.start for p in prof) or re.search(r"[.;]", between):
            groups.extend([[t] for t in pending])
            pending = []
            groups.append([tok])
        elif re.search(r"\bor\b", between) and not re.search(r"\band\b(?!/)", between):
            groups[-1].extend(pending + [tok])
            pending = []
        elif re.fullmatch(r"\s*,\s*", between):
            pending.append(tok)
        else:
            groups.extend([[t] for t in pending])
            pending = []
            groups.append([tok])
    groups.extend([[t] for t in pending])
    return groups


def _proficiency(text, floor, at, prof, end) -> str | None:
    before = [p for p in prof if floor <= p.start() < at]
    line_end = text.find("\n", at, end)
    after = [p for p in prof if at < p.start() < (end if line_end < 0 else line_end)
             and "|" in text[at:p.start()]]          # a table row: "French | Fluent | Required"
    level = vocab.proficiency_of(before[-1]) if before else vocab.proficiency_of(after[0]) if after else None
    window = text[before[-1].start() if before else floor:end]
    un = _UN_LEVEL.search(window)
    if un:
        return un.group(0) if level is None else f"{level} ({un.group(0)})"
    letter = _LEVEL_LETTER.search(window[:60])
    if letter and level:
        return f"{level} (level {letter.group(1) or letter.group(2)})"
    return level


_CLAUSE_STOP = re.compile(r"[;]|\.\s|\bwhile\b|\bwhereas\b|,?\s+(?:and|but)\s+(?=(?:\w+\s+){0,4}?(?:knowledge|"
                          r"command|fluency|proficiency|ability|mastery)\b)")


def _group_necessity(text, group, st, default) -> str:
    """The necessity of one language group: the necessity word of its own clause ("Fluency
    in English is essential and a good knowledge of French is desirable": two clauses);
    the section's when the clause has none."""
    stops = [(m.start(), m.end()) for m in _CLAUSE_STOP.finditer(text, st.start, st.end)]
    start = max([e for s, e in stops if e <= group[0].start], default=st.start)
    end = min([s for s, e in stops if s >= group[-1].end], default=st.end)
    clause = text[start:end]
    desirable = vocab.desirable_pattern().search(clause)
    required = re.search(r"\b(?:required|essential|mandatory|must|necessary)\b", clause, re.I)
    if desirable and not required:
        return DESIRABLE
    if required and not desirable:
        return REQUIRED
    if desirable and required:
        return REQUIRED if required.start() < desirable.start() else DESIRABLE
    return st.necessity if len(stops) else default


def _applies_to(body: str) -> str | None:
    body = _flat(body)
    if re.search(r"\bexternal (?:applicants|candidates)\b", body, re.I) and not re.search(
            r"\ball (?:applicants|candidates)\b", body, re.I):
        return "external"
    if re.search(r"\binternal (?:applicants|candidates)\b", body, re.I):
        return "internal"
    return None


# -- certification, licence, travel, medical ----------------------------------------
_GENERIC_CERT = re.compile(r"\b(?:certification|certificate|certified)\b|\b(?:completion of|completed|"
                           r"attended)\b[^.;]*\b(?:training|course)\b|^\W*training\b", re.I)


def _conditions(notice, st, necessity, typed: bool) -> list[Requirement]:
    body = _flat(notice.text[st.start:st.end])
    out = []
    if kinds.detect_pattern("licence").search(body):
        out.append(_req(notice, "licence", necessity, st.start, st.end, names=("driving licence",)))
    if kinds.detect_pattern("travel").search(body):
        out.append(_req(notice, "travel", necessity, st.start, st.end))
    if kinds.detect_pattern("medical").search(body):
        out.append(_req(notice, "medical", necessity, st.start, st.end))
        return out
    names = _certification_names(body)
    if names or (not typed and not out and st.mode == FULL and _GENERIC_CERT.search(body)):
        out.append(_req(notice, "certification", necessity, st.start, st.end, names=names,
                        domain=None if names else _certification_domain(body)))
    return out


def _certification_names(body: str) -> tuple[str, ...]:
    seen: list[str] = []
    for m in vocab.certification_pattern().finditer(body):
        name = vocab.certification_of(m)
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def _certification_domain(body: str) -> str:
    m = re.search(r"\b(?:certification|certificate|training|course)\s+(?:in|on)\s+(?P<d>[^.;(]+)", body, re.I)
    return _clean(m.group("d")) if m else _clean(body)


# -- eligibility rules --------------------------------------------------------------
def _eligibility(notice: Notice, st: Statement) -> list[Requirement]:
    """Who may apply at all, from the rules of the registry (`kinds.RULES`); preferences
    (first tier, under-represented, women encouraged) are kept as `preference=True` with
    necessity desirable, bars as required."""
    body = _flat(notice.text[st.start:st.end])
    return [_req(notice, "eligibility_rule", DESIRABLE if preference else REQUIRED, st.start, st.end,
                 rule=rule.name, values=tuple(values), preference=preference)
            for rule, values, preference in kinds.read_rules(body)]
