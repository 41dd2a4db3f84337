"""Language requirements: which languages (named, "another UN language", "one of the EU
languages", the duty station's), any-of groups, proficiency and necessity per clause.

`read(notice, statement, necessity, so_far)`: `so_far` are the requirements read before,
so "another UN language" means the UN languages not already asked for. Left out: sign
languages and dialects the vocabulary does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocab
from ..records import Requirement
from ..statements import DESIRABLE, REQUIRED
from .text import flat, req


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
    r"language|another (?:foreign )?language|(?:additional|further) (?:foreign )?languages|"
    r"(?:at least |one or more )?(?:a |one |any )?(?:(?:foreign|modern)\s+)+(?:(?:European|Asian|African|Slavic|Romance)\s+)?languages?|"
    r"languages? other than (?=[A-Z]))", re.I)
_MAYBE = re.compile(r"[^.;]{0,20}?\b(?:may|might|could) be (?:required|needed|requested)\b|[^.;]{0,40}?\bdepending on\b",
                    re.I)
# "Strong drafting and communication skills in English", "writing skills (in English and in French)".
_SKILL_IN_LANGUAGE = re.compile(
    r"\b(?:communicat\w*|writ(?:ing|ten)|drafting|spoken|oral|verbal|presentation|editing)\b[\w ,/-]{0,40}?"
    r"\bskills?\b[^.;]{0,12}?\(?\bin (?:both )?(?=[A-Z])", re.I)
_UN_LEVEL = re.compile(r"\bUN Level (?:I{1,3}|IV|V)\b")
_LEVEL_LETTER = re.compile(r"\((?:level\s+)?([A-C][12]?)\)|\blevel\s+([A-C][12]?)\b", re.I)


def read(notice, st, necessity, so_far) -> list[Requirement]:
    text = notice.text
    body = flat(text[st.start:st.end])
    tokens = _language_tokens(text, st.start, st.end, so_far)
    if not tokens:
        return []
    prof = list(vocab.proficiency_pattern().finditer(text, st.start, st.end))
    in_languages = st.section == "languages" or (st.label or "").lower().startswith("language")
    if not (prof or _UN_LEVEL.search(body) or re.search(r"\blanguages?\b|\bbilingual\b", body, re.I) or in_languages
            or _SKILL_IN_LANGUAGE.search(body)):
        return []
    applies = _applies_to(body)
    out = []
    for group in _language_groups(text, tokens, prof):
        level = _proficiency(text, st.start, group[0].start, prof, st.end)
        names = tuple(sorted({n for t in group for n in t.languages}))
        out.append(req(notice, "language", _group_necessity(text, group, st, necessity), st.start,
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
    body = flat(body)
    if re.search(r"\bexternal (?:applicants|candidates)\b", body, re.I) and not re.search(
            r"\ball (?:applicants|candidates)\b", body, re.I):
        return "external"
    if re.search(r"\binternal (?:applicants|candidates)\b", body, re.I):
        return "internal"
    return None
