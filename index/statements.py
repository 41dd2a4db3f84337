"""Cut a notice into statements: the sentences, bullets and labelled clauses that the
requirement readers look at, each with a reading mode and a default necessity.

Boundaries: blank lines, bullets and numbered items, a line after one that ends a
sentence, sentence ends (`index/sentences.py`, the splitter chunking uses too), and
labels ("Education:", "Language:", "DESIRED EXPERIENCES …:", and in one-line notices
"Duty Station:"). Hard-wrapped lines inside a sentence stay one statement.

Modes (from the section kind, then changed by sub-headings and labels inside it):
- full: a requirements part (education, experience, languages, qualifications, ...);
  every statement in it is a requirement of some kind.
- notes: header, special notice, terms, how to apply; only statements that state a
  rule or carry a requirement word count.
- context: organisational setting, responsibilities, competencies; only statements
  with a typed requirement and an explicit necessity word count.
Left out: boilerplate sections (shared legal text) and a front matter block (a job
board's fields; metadata reads them) are not read at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .headings import classify
from .kinds import kind_of_heading
from .records import Notice, Section
from .sections import front_matter
from .sentences import sentences

FULL, NOTES, CONTEXT = "full", "notes", "context"
REQUIRED, DESIRABLE = "required", "desirable"

_SECTION_MODE = {
    "education": FULL, "experience": FULL, "languages": FULL, "qualifications": FULL,
    "job_specific": FULL, "desirable": FULL,
    "org_setting": CONTEXT, "responsibilities": CONTEXT, "competencies": CONTEXT,
}
_SKIP_KINDS = {"boilerplate"}
_LONG_LINE = 300
HEADING_SMALL_WORDS = {"of", "and", "to", "the", "for", "&", "a", "an", "or"}
# A star glued to its item ("*High level efficiency with MS Word", a scraped list) is a
# bullet too, unless the line has another star (emphasis: "*Required qualifications*").
_BULLET = re.compile(r"[ \t]*(?:(?:[•·▪◦●○■□➢►\-–—*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]+|\(?\d{1,2}[.)]|\(?[a-h]\))(?=\s|$)"
                     r"|\*(?=[A-Z][^\n*]*$))")


@dataclass(frozen=True)
class Statement:
    """`notice.text[start:end]` is one sentence, bullet or labelled clause (label kept)."""

    start: int
    end: int
    mode: str
    necessity: str
    section: str
    label: str | None = None
    item: bool = False  # opened by a bullet or an item number
    heading: str | None = None   # the nearest heading above it (the section's or a sub-heading)


@dataclass
class _State:
    mode: str
    necessity: str
    scope: bool = False   # inside a part headed as desirable ("Preferred Qualifications"), not a label
    heading: str | None = None


_DESIRABLE_NAME = re.compile(r"\b(?:desirable|desired|preferred)\b", re.I)


def _opens_desirable_part(heading: str) -> bool:
    """"Desired Qualities and Qualifications", "Preferred Skills": a desirable part whose
    sub-topics follow; not a bare "Desirable:" label inside a topic."""
    return len(re.findall(r"\w+", heading)) >= 2 and bool(_DESIRABLE_NAME.search(heading))


def statements(notice: Notice) -> tuple[Statement, ...]:
    """Every statement of every section except boilerplate, in text order. A section that
    is a sub-topic of a desirable part before it ("Desired Qualities" over "Experience/
    Knowledge in the Field") keeps that part's necessity (`_in_desirable_scope`)."""
    out: list[Statement] = []
    _, front_end = front_matter(notice.text)   # a job board's fields (its `excerpt:` repeats the body)
    scope = False
    for section in notice.sections:
        if section.kind in _SKIP_KINDS:
            scope = False
            continue
        state = _State(*section_defaults(section))
        if scope and _in_desirable_scope(section.name, section.kind) and _heading_alone(notice.text, section):
            state.mode, state.necessity, state.scope = FULL, DESIRABLE, True
        elif state.necessity == DESIRABLE and _opens_desirable_part(section.name):
            state.scope = True
        out.extend(st for st in _section_statements(notice.text, section, state) if st.start >= front_end)
        scope = state.scope and (state.mode, state.necessity) == (FULL, DESIRABLE)
    return tuple(out)


def boilerplate_statements(notice: Notice) -> tuple[Statement, ...]:
    """The statements of the boilerplate sections `statements` leaves out, in notes mode and
    with the section kind "boilerplate": read only for bars on who may be appointed ("No
    appointment … will be offered to members of …"), never for other requirements."""
    return tuple(replace(st, mode=NOTES, section=section.kind) for section in notice.sections
                 if section.kind in _SKIP_KINDS
                 for st in _section_statements(notice.text, section, _State(*section_defaults(section))))


def _section_statements(text: str, section: Section, state: _State) -> list[Statement]:
    """The section's statements; `state` starts as given and is left as the section ends."""
    starred = _STARRED_NOTE.search(text, section.start, section.end)
    if starred:
        state.mode = FULL   # a list whose note says which items are essential lists requirements
    out = []
    for start, end, item in _pieces(text, _body_start(text, section), section.end):
        if starred:
            if starred.start() < end and start < starred.end():
                continue    # the note itself
            state.necessity = REQUIRED if "*" in text[start:end] else DESIRABLE
            item = True     # each line is one of the list's items
        label = _label_at(text, start, end)
        if label is not None:
            if not _is_bare_heading(text, start, end):
                state.scope = False   # "Language: Fluency in English": a peer of the part, not its sub-topic
            _apply_heading(state, label)
            if _is_bare_heading(text, start, end):
                continue
        elif not item and _is_heading_line(text, start, end):
            _apply_heading(state, text[start:end].strip(" \t#*_:"))
            continue
        elif caps := _caps_run(text, start, end):
            _apply_heading(state, caps)  # "WFP LEADERSHIP FRAMEWORK …" in a one-line notice
        clauses = _clause_cuts(text, start, end) if state.mode == FULL else [(start, end)]
        for i, (c_start, c_end) in enumerate(clauses):   # a requirements part reads a list's items one by one
            c_start, c_end = _trimmed(text, c_start, c_end)
            out.append(Statement(c_start, c_end, state.mode, state.necessity, section.kind, label if not i else None,
                                 item and not i, state.heading or section.name))
        lead = _lead_in_necessity(text[start:end])
        if lead:
            state.necessity = lead   # "Additionally, we would love it if you have:" sets its list's necessity
        glued = _GLUED_HEADING.search(text, start, end)
        if glued:
            _apply_heading(state, glued.group("heading"))   # "• Conduct error-free data analysis Requirements"
    return out


# A heading run into the end of the line before it when a page lost its line breaks: a
# lower-case word, then only the heading's words.
_GLUED_HEADING = re.compile(r"(?<=[a-z,]) (?P<heading>(?:Minimum |Preferred |Required |Desired )?(?:Requirements|"
                            r"Qualifications|Required Skills|Skills and Qualifications|Requirements and Qualifications))"
                            r"[ \t:]*$")
# "(Functional Skills marked with an asterisk* are essential)": the others are desirable.
_STARRED_NOTE = re.compile(r"\bmarked with an? (?:asterisk|star)\s*\(?\*?\)?\s*(?:are|is) (?:essential|required|"
                           r"mandatory)\b", re.I)
_DESIRABLE_LEAD = re.compile(r"\b(?:would love|we'?d love|great if|nice to have|bonus|a plus|desirable|ideal candidates?|"
                             r"preferred|preferably|ideally|assets?|advantage|would be helpful)\b", re.I)
_REQUIRED_LEAD = re.compile(r"\b(?:must|required|essential|minimum|mandatory)\b", re.I)


def _lead_in_necessity(piece: str) -> str | None:
    """The necessity a list's lead-in line gives the items under it, if it gives one."""
    if not piece.rstrip().endswith(":") or len(piece) > 160:
        return None
    if _DESIRABLE_LEAD.search(piece):
        return DESIRABLE
    return REQUIRED if _REQUIRED_LEAD.search(piece) else None


def section_defaults(section: Section) -> tuple[str, str]:
    """(mode, necessity) a section starts with, from its kind and name."""
    mode = _SECTION_MODE.get(section.kind, NOTES)
    if section.kind == "competencies" and re.match(r"knowledge\b|(?:technical )?skills and competenc",
                                                   section.name, re.I):
        mode = FULL  # "Knowledge & Skills", "Skills and Competencies" list requirements, not indicators
    desirable = section.kind == "desirable" or (
        mode == FULL and _DESIRABLE_NAME.search(section.name))
    return mode, DESIRABLE if desirable else REQUIRED


def _body_start(text: str, section: Section) -> int:
    """Offset just after the section's heading (markup and colon included)."""
    if section.kind in ("header", "body"):
        return section.start
    words = re.findall(r"[A-Za-z0-9]+", section.name)
    if not words:
        return section.start
    pattern = r"[\W_]*" + r"[\W_]+".join(map(re.escape, words)) + r"[ \t#*_:]*"
    m = re.compile(pattern, re.I).match(text, section.start, section.end)
    return m.end() if m else section.start


# -- cutting -----------------------------------------------------------------------
def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, item) of every piece; `item` when a bullet or number opened it."""
    out = []
    for b_start, b_end, item in _blocks(text, start, end):
        for s_start, s_end in sentences(text, b_start, b_end):
            for p_start, p_end in _label_cuts(text, s_start, s_end):
                p_start, p_end = _trimmed(text, p_start, p_end)
                if p_end > p_start and re.search(r"\w", text[p_start:p_end]):
                    out.append((p_start, p_end, item and p_start <= b_start + 1))
    return out


def _clause_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence that lists items between semicolons ("Required: an MLS degree …; experience
    with …; excellent written and oral communication skills") as one piece per item, each
    read on its own; a semicolon inside brackets does not cut, and a sentence stays whole
    when a part is under four words or the parts are one thought (below). Parts that belong
    together again ("…; or a first-level degree …") are joined by the requirement reader
    (`requirements._joined`). Left out: lists separated by commas alone."""
    cuts, depth = [start], 0
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == ";" and depth <= 0:
            cuts.append(i + 1)
    if len(cuts) == 1:
        return _comma_cuts(text, start, end)
    parts = [(a, b - 1 if text[b - 1] == ";" else b) for a, b in zip(cuts, cuts[1:] + [end])]
    words = [re.findall(r"\w+", re.sub(r"\([^()]*\)", "", text[a:b])) for a, b in parts]
    last_and = re.match(r"\s*and\s", text[parts[-1][0]:parts[-1][1]]) is not None   # "A; B; and C" lists C
    joined = parts[1:-1] + ([] if last_and else parts[-1:])
    short = [len(w) < 4 and not _SKILL_PART.match(text, a, b) for w, (a, b) in zip(words, parts)]
    if any(short) or any(_JOINED_PART.match(text, a, b) for a, b in joined) \
            or any(_LEADS_ON.search(text[a:b]) for a, b in parts[:-1]) or _WHOLE_PREDICATE.search(text[parts[-1][0]:end]):
        return _comma_cuts(text, start, end)
    return [cut for a, b in parts for cut in _comma_cuts(text, a, b)]


# A short part naming a skill ("excellent communication skills") is an item of its own.
_SKILL_PART = re.compile(r"\s*(?:and\s+)?(?:[\w-]+\s+){0,3}(?:skills|abilities|knowledge|experience|expertise)\W*$", re.I)


def _comma_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"The successful candidate will have a MLS …, superior written and oral communication
    skills, experience in a supervisory capacity, strong technology skills, …": a sentence
    whose commas open at least two further qualifications is read one qualification at a
    time; a comma before anything else ("copyright, fair use, and other …") does not cut."""
    cuts = [m.end() for m in _COMMA_QUALIFICATION.finditer(text, start, end)]
    if len(cuts) < 2:
        return [(start, end)]
    bounds = [start] + cuts
    parts = [(a, b - 1) for a, b in zip(bounds, cuts)] + [(cuts[-1], end)]
    if any(len(re.findall(r"\w+", text[a:b])) < 3 for a, b in parts):
        return [(start, end)]
    return parts


_COMMA_QUALIFICATION = re.compile(
    r",(?=\s*(?:and\s+)?(?:(?:superior|excellent|strong|good|solid|sound|proven|demonstrated|thorough|advanced|"
    r"working|extensive|in-depth|effective|basic|some|prior|previous|relevant)\s+)*(?:experience|familiarity|"
    r"knowledge|ability|abilities|proficiency|understanding|commitment|expertise|fluency|"
    r"(?:[\w-]+(?:\s+and\s+[\w-]+)?\s+){1,3}skills)\b)", re.I)


# Parts of one thought: "(a) …; and (b) …", "…; therefore applicants must: a) …", a part that
# leads on to the list ("… of the following work areas; social protection, …"), and a list
# that is the subject of one closing predicate ("A; B; C, is desirable.").
_JOINED_PART = re.compile(r"\s*(?:\(?[a-h]\)|\(?[ivx]{1,4}\)|(?:and|or|but|nor|unless|while|whereas|therefore|thus|"
                          r"provided|then|which|who|where|otherwise|however|including|respectively)\b)", re.I)
_LEADS_ON = re.compile(r"\b(?:following|as follows|includ\w*|such as|namely)(?:\s+[\w-]+){0,3}\W*$|:\s*$", re.I)
_WHOLE_PREDICATE = re.compile(r",\s*(?:is|are|would be|will be)\s+(?:\w+\s+)?(?:desirable|required|essential|"
                              r"an? (?:asset|advantage|plus)|preferred|mandatory|needed)\W*$", re.I)


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Paragraphs and list items; a wrapped line continues the block before it."""
    blocks: list[list] = []
    prev_line = ""
    offset = start
    wrapped = _hard_wrapped(text[start:end])
    listed = _lines_listed(text[start:end])
    for line in text[start:end].split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        stripped = line.strip()
        if not stripped or _BULLET.fullmatch(stripped):
            prev_line = ""
            continue
        bullet = _BULLET.match(line)
        content_start = line_start + (bullet.end() if bullet else 0)
        if blocks and prev_line and not bullet and (wrapped and _continues(prev_line, stripped, listed)
                                                    or _broken_after_comma(prev_line, stripped)):
            blocks[-1][1] = line_end
        else:
            while content_start < line_end and text[content_start] in " \t":
                content_start += 1
            blocks.append([content_start, line_end, bool(bullet)])
        prev_line = stripped
    return [tuple(b) for b in blocks]


def _broken_after_comma(prev: str, line: str) -> bool:
    """A line ending with a comma and the next opening in lower case: one sentence broken
    where it was copied ("… strong service orientation, professionalism," / "library-instruction
    experience, …"), whatever the lines' lengths."""
    return prev.endswith(",") and line[:1].islower()


def _hard_wrapped(region: str) -> bool:
    """Lines cut at a fixed width (e-mail or PDF copies): most lines are nearly as long as
    the longest, which is at most 100 characters."""
    lengths = [len(line.rstrip()) for line in region.split("\n") if line.strip()]
    if len(lengths) < 3 or max(lengths) > 100:
        return False
    long_lines = sum(n >= 0.7 * max(lengths) for n in lengths)
    return long_lines >= 0.5 * len(lengths)


def _continues(prev: str, line: str, listed: bool = False) -> bool:
    """Whether `line` goes on with the sentence of `prev`: not after a sentence end or a
    heading, nor, in a region whose lines are listed (`_lines_listed`), at a capital."""
    if prev.endswith((".", ";", ":", "!", "?")) or _looks_like_heading(prev) or (listed and line[:1].isupper()):
        return False
    return len(prev) > 40 or line[:1].islower()


def _lines_listed(region: str) -> bool:
    """Lines of even length that each open with a capital: a list of unpunctuated items
    ("… with scholarly publishing" / "Familiarity with searching …"), not prose cut at a
    fixed width, whose lines mostly open with a small letter."""
    lines = [line.strip() for line in region.split("\n") if line.strip()]
    return len(lines) >= 3 and sum(line[:1].isupper() for line in lines[1:]) >= 0.8 * (len(lines) - 1)


_NECESSITY_LABEL = re.compile(
    r"(?<=\s)(?P<label>(?:Essential|Desirable|Desired|Required|Preferred|Mandatory|Optional|Assets?|"
    r"Nice to have|Minimum qualifications|Advantageous)(?:[ \t]+(?:qualifications|requirements))?)[ \t]*:(?=\s)")


def _label_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """In a long one-line notice, "… Contract Type: … Duty Station: …" are separate pieces;
    anywhere, an inline necessity label starts a piece of its own ("Education Essential :
    Master's degree … Desirable : PhD …")."""
    cuts = [start]
    long_line = "\n" not in text[start:end] and end - start > _LONG_LINE
    if long_line:
        cuts += [m.start("label") for m in _inline_label().finditer(text, start, end)
                 if m.start("label") > start]
    cuts += [m.start("label") for m in _NECESSITY_LABEL.finditer(text, start, end) if m.start("label") > start]
    cuts = sorted(set(cuts)) + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\r•":
        start += 1
    while end > start and text[end - 1] in " \t\n\r":
        end -= 1
    return start, end


# -- headings and labels inside a section -------------------------------------------
@cache
def _label_pattern() -> re.Pattern:
    title = r"(?:[A-Z][\w’'&/()-]*|of|and|for|the|in|&)"
    caps = r"[A-Z][A-Z0-9’'&/(),-]*"
    return re.compile(rf"(?P<label>{title}(?:[ \t]+{title}){{0,4}}|{caps}(?:[ \t]+{caps}){{1,11}})"
                      r"[ \t]*[:：](?=\s|$)")


@cache
def _inline_label() -> re.Pattern:
    title = r"(?:[A-Z][a-z’'&/()-]+|of|and|for|the|&)"
    return re.compile(rf"(?<=[\s.;])(?P<label>[A-Z][a-z’'&/()-]+(?:[ \t]+{title}){{0,3}}"
                      r"|[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){0,8})[ \t]*:(?=\s)")


def _label_at(text: str, start: int, end: int) -> str | None:
    m = _label_pattern().match(text, start, end)
    if not m:
        return None
    label = m.group("label").strip()
    if re.search(r"\b(?:is|are|be|must|will|should|have|has|can|may|were)\b", label):
        return None
    return label


def _is_bare_heading(text: str, start: int, end: int) -> bool:
    rest = _label_pattern().match(text, start, end).end()
    return not re.search(r"\w", text[rest:end])


def _is_heading_line(text: str, start: int, end: int) -> bool:
    """A marked-up heading line, or a plain one in capitals or naming a requirements part
    ("Education Required", "Computer Skills"); not "Bachelor's Degree" on its own line."""
    line = text[start:end].strip()
    if _NECESSITY_PART.fullmatch(line.strip(" \t#*_")):
        return True   # "Preferred qualifications and skills", in sentence case
    if "\n" in line or " | " in line or not _looks_like_heading(line):
        return False  # a table row ("French | Fluent | Required") is content, not a heading
    marked = bool(re.match(r"^#{1,6}|^\*\*.*\*\*$", line) or re.search(r"#{2,}\s*$", line))
    bare = line.strip(" \t#*_")
    return marked or bare.isupper() or any(re.search(p, bare, re.I) for p, _, _ in _HEADING_KINDS) \
        or kind_of_heading(bare) is not None   # "Physical Demands" over its list


_NECESSITY_PART = re.compile(
    r"(?:minimum|required|preferred|desired|desirable|additional|essential|basic)\s+(?:qualifications?|requirements?|"
    r"skills?|experience|education)(?:\s*(?:,|and|&)\s*(?:skills?|experience|qualifications?|abilities|competencies|"
    r"knowledge|education)){0,2}\s*:?", re.I)


def _looks_like_heading(line: str) -> bool:
    """A short line without sentence punctuation, in Title Case or capitals, or in markup."""
    if re.match(r"^#{1,6}|^\*\*.*\*\*$", line) or re.search(r"#{2,}\s*$", line):
        return True
    bare = line.strip(" \t#*_")
    words = bare.split()
    if not words or len(words) > 6 or bare[-1:] in ".;,!?" or not bare[0].isupper():
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in HEADING_SMALL_WORDS for w in words)


def _caps_run(text: str, start: int, end: int) -> str | None:
    """Two or more words in capitals opening a statement: a heading in a one-line notice."""
    m = re.match(r"(?:[A-Z][A-Z’'&/()-]+[ \t]+){1,10}[A-Z][A-Z’'&/()-]+\b",
                 text[start:min(end, start + 160)])
    if not m or sum(c.isalpha() for c in m.group(0)) < 6:
        return None
    return m.group(0)


_HEADING_KINDS: tuple[tuple[str, str, str], ...] = (
    # (pattern, mode, necessity); first match wins
    (r"\b(?:desirable|desired|preferred|assets?|bonus|nice to have|advantage|additional "
     r"qualifications)\b", FULL, DESIRABLE),
    (r"\b(?:essential|requirements?|required|qualifications?|qualify|education|experiences?|"
     r"languages?|profile|eligibility|what you(?:['’]ll| will)? (?:need|bring|have)|"
     r"you will have|must[- ]haves?|certificat\w*|licen[cs]es?|knowledge and skills?|"
     r"knowledge (?:&|and) skills?)\b", FULL, REQUIRED),
    (r"\b(?:skills?|competenc\w*|values|abilit\w*|attributes|professionalism|teamwork|"
     r"communication|planning|accountability|leadership)\b", CONTEXT, REQUIRED),
)


# Sub-topics of a requirements part: headings naming a kind of qualification, not a
# necessity ("Leadership", "Experience/Knowledge in the Field", "Technical Skills").
_SUBTOPIC_KINDS = frozenset({"education", "experience", "languages", "job_specific", "competencies", "other"})
_SUBTOPIC_WORDS = re.compile(r"\b(?:experience|knowledge|skills?|competenc\w*|abilit\w*|attributes|qualities|"
                             r"leadership|management|communication|collaboration|teamwork|education|languages?|"
                             r"technical|personal|professional|interpersonal|computer|technology)\b", re.I)
_NAMES_NECESSITY = re.compile(r"\b(?:essential|required|requirements?|minimum|mandatory|must|basic|"
                              r"qualifications?|eligibility)\b", re.I)


def _heading_alone(text: str, section: Section) -> bool:
    """The section's heading is a line of its own, not a `Label: value` line."""
    end = text.find("\n", section.start)
    return not re.search(r":[ \t]*\S", text[section.start:end if end >= 0 else len(text)])


def _in_desirable_scope(heading: str, kind: str) -> bool:
    """Is `heading`, met inside a desirable part, one of that part's sub-topics (so its
    items stay desirable)? Not when it names a necessity of its own or another kind of
    part (duties, how to apply, terms)."""
    return (kind in _SUBTOPIC_KINDS and bool(_SUBTOPIC_WORDS.search(heading))
            and not _NAMES_NECESSITY.search(heading) and len(heading.split()) <= 8)


def _apply_heading(state: _State, heading: str) -> None:
    state.heading = heading
    kind = classify(heading)
    if state.scope and (state.mode, state.necessity) == (FULL, DESIRABLE) and _in_desirable_scope(heading, kind):
        return   # "Leadership" under "Desired Qualities and Qualifications"
    state.scope = False
    if kind_of_heading(heading):   # "Physical Demands", "Travel Requirements": its items are that kind
        state.mode, state.necessity = NOTES, REQUIRED
        return
    if kind in ("org_setting", "responsibilities"):   # "Academic Profile", "Background": the employer, not
        state.mode, state.necessity = CONTEXT, REQUIRED     # the candidate; "Essential Functions": duties
        return
    for pattern, mode, necessity in _HEADING_KINDS:
        if re.search(pattern, heading, re.I):
            if mode == CONTEXT and state.mode == CONTEXT:
                return
            state.mode, state.necessity = mode, necessity
            state.scope = necessity == DESIRABLE and _opens_desirable_part(heading)
            return
    if state.mode != CONTEXT:
        state.mode, state.necessity = NOTES, REQUIRED
