"""Answers to fact questions about one notice: deadline, posting period, grade, duty
station, title, organisation, job opening number from the metadata (each with the span
that states it), and reporting line, contract, how to apply, pay, start date, duties,
competencies and assessment from the notice's own sentences.

A fact the notice does not state is answered "The notice does not state …" — never with
loosely related text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from index.metadata import parse_date
from index.records import Notice
from index.statements import statements

from .records import Claim, Evidence

# topic → (pattern a supporting sentence must match, section kinds to look in (None: any), limit)
SENTENCE_TOPICS: dict[str, tuple[str, frozenset | None, int]] = {
    "reporting": (r"\breport(?:s|ing)?\s+(?:directly\s+|through\s+|technically\s+)?(?:to|through)\b|"
                  r"\bunder the (?:overall |direct |general |immediate )?(?:supervision|guidance|direction)\b|"
                  r"\bsupervis(?:ion|or)\b", frozenset({"header", "org_setting", "responsibilities", "details"}), 2),
    "contract": (r"\b(?:type of appointment|contract type|contract duration|appointment|contract|"
                 r"duration|fixed[- ]term|temporary (?:position|job opening|appointment)|\d+ days|"
                 r"\d+ months|months?\b.*\bextension|initial period)\b",
                 frozenset({"header", "special_notice", "details", "org_setting"}), 3),
    "how_to_apply": (r"\bappl(?:y|ication|icants)\b.*\b(?:via|through|online|submit|e-recruitment|"
                     r"inspira|portal|website|link|email|e-mail)\b|\bsubmit\b",
                     frozenset({"how_to_apply", "special_notice", "header", "details", "boilerplate"}), 3),
    "salary": (r"\b(?:salary|salaries|remuneration|remunerated|compensation|pay|paid|unpaid|wages?|stipend|"
               r"fee|hourly|per (?:month|annum|year|day|hour)|/\s?(?:yr|hr|hour|year|month))\b",
               frozenset({"header", "details", "special_notice", "org_setting", "qualifications", "body",
                          "other", "how_to_apply", "responsibilities"}), 3),
    "start_date": (r"\b(?:start date|expected to start|as soon as possible|starting date|commence)\b", None, 2),
    "assessment": (r"\b(?:assessment|interview|test|exam(?:ination)?|shortlisted)\b",
                   frozenset({"assessment", "how_to_apply", "special_notice"}), 3),
}
_ABSENT = {
    "deadline": "a closing date", "posted": "a posting date", "grade": "a grade or level",
    "duty_station": "a duty station", "title": "a job title", "organisation": "the organisation",
    "job_opening": "a job opening number", "reporting": "a reporting line",
    "contract": "the type or duration of the contract", "how_to_apply": "how to apply",
    "salary": "a salary or pay", "start_date": "a start date", "duties": "the duties",
    "competencies": "the competencies", "assessment": "an assessment method",
}
META_TOPICS = ("deadline", "posted", "grade", "duty_station", "title", "organisation", "job_opening")


def absent(notice_label: str, topic: str) -> Claim:
    return Claim(f"The notice{notice_label} does not state {_ABSENT.get(topic, topic.replace('_', ' '))}.",
                 grounded=False)


_ASKS_IF_PAID = re.compile(r"\b(?:paid|unpaid|remunerat\w*|volunteer)\b", re.I)


def fact_claims(notice: Notice, topic: str, today: date, question: str = "") -> list[Claim]:
    """Claims answering `topic` for `notice`; empty when the notice does not state it.
    Pay: "is it paid?" takes any statement about pay; other pay questions need an amount."""
    if topic in META_TOPICS:
        return _META[topic](notice, today)
    if topic == "salary" and not _ASKS_IF_PAID.search(question):
        return [c for c in sentence_claims(notice, *SENTENCE_TOPICS[topic]) if re.search(r"\d", c.text)]
    if topic in SENTENCE_TOPICS:
        return sentence_claims(notice, *SENTENCE_TOPICS[topic])
    if topic == "duties":
        return _section_claims(notice, {"responsibilities"}, 4, "Duties include: ")
    if topic == "competencies":
        return _section_claims(notice, {"competencies"}, 4, "Competencies: ")
    return []


def sentence_claims(notice: Notice, pattern: str, kinds, limit: int) -> list[Claim]:
    found = []
    sentences = _all_sentences(notice)
    for i, st in enumerate(sentences):
        if kinds is not None and st[2] not in kinds:
            continue
        start, end = st[0], st[1]
        if notice.text[start:end].rstrip().endswith(":") and i + 1 < len(sentences):
            end = sentences[i + 1][1]        # "Reports to:" and its value on the next line
        text = notice.text[start:end]
        if re.search(pattern, text, re.I):
            found.append(Claim(_as_sentence(text), (Evidence(notice.id, start, end),)))
        if len(found) >= limit:
            break
    return found


def _all_sentences(notice: Notice) -> list[tuple[int, int, str]]:
    """(start, end, section kind) of every statement, boilerplate sections included."""
    out = [(st.start, st.end, st.section) for st in statements(notice)]
    for section in notice.sections:
        if section.kind == "boilerplate":
            for m in re.finditer(r"[^.\n]+(?:\.|$)", notice.text[section.start:section.end]):
                s, e = section.start + m.start(), section.start + m.end()
                if notice.text[s:e].strip():
                    out.append((s + len(notice.text[s:e]) - len(notice.text[s:e].lstrip()), e, "boilerplate"))
    return sorted(out)


def _section_claims(notice: Notice, kinds: set[str], limit: int, lead: str) -> list[Claim]:
    sts = [(s, e) for s, e, k in _all_sentences(notice) if k in kinds]
    return [Claim(_as_sentence(notice.text[s:e]), (Evidence(notice.id, s, e),)) for s, e in sts[:limit]]


def _as_sentence(text: str) -> str:
    """A notice sentence as an answer sentence: bullets and whitespace folded."""
    t = " ".join(text.split()).lstrip("•·-–* ").strip()
    return t if t.endswith((".", "!", "?")) else t.rstrip(":;,") + "."


def _meta_claim(notice: Notice, field: str, sentence: str) -> list[Claim]:
    span = notice.meta.span(field)
    if span is None:
        return []
    return [Claim(sentence, (Evidence(notice.id, *statement_around(notice, *span)),))]


def statement_around(notice: Notice, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The labelled line or sentence that states a value ("Closing Date: 21 June 2022"),
    so the citation shows the value in its context; the value alone if that is too long."""
    text = notice.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start <= limit:
        return line_start, line_end
    for st in statements(notice):
        if st.start <= start and end <= st.end and st.end - st.start <= limit:
            return st.start, st.end
    return start, end


def _deadline(notice: Notice, today: date) -> list[Claim]:
    closes = notice.closes
    if closes is None:
        return [c for c in sentence_claims(notice, r"\b(?:deadline|closing date|applications? (?:must|"
                                           r"should) be (?:received|submitted) by|no later than)\b", None, 4)
                if parse_date(c.text)][:1]
    when = _date(closes)
    days = (closes - today).days
    if days < 0:
        text = f"The notice closed on {when}."
    elif days == 0:
        text = f"The notice closes today, {when}."
    else:
        text = f"The notice closes on {when}, in {days} day{'s' if days != 1 else ''}."
    field = "closes" if notice.meta.span("closes") else "period"
    return _meta_claim(notice, field, text)


def _posted(notice: Notice, today: date) -> list[Claim]:
    if notice.posted is None:
        return []
    field = "posted" if notice.meta.span("posted") else "period"
    claims = _meta_claim(notice, field, f"The notice was posted on {_date(notice.posted)}.")
    if notice.closes:
        verb = "closed" if notice.closes < today else "closes"
        close_field = "closes" if notice.meta.span("closes") else "period"
        claims += _meta_claim(notice, close_field, f"The posting period ends on {_date(notice.closes)} "
                              f"(the notice {verb} then).")
    return claims


def _simple(field: str, attribute: str, template: str) -> Callable[[Notice, date], list[Claim]]:
    def claims(notice: Notice, today: date) -> list[Claim]:
        value = getattr(notice, attribute)
        return _meta_claim(notice, field, template.format(value)) if value else []
    return claims


_META = {
    "deadline": _deadline, "posted": _posted,
    "grade": _simple("grade", "grade", "The post is at the {} level."),
    "duty_station": _simple("duty_station", "duty_station", "The duty station is {}."),
    "title": _simple("title", "title", "The job title is {}."),
    "organisation": _simple("organisation", "organisation", "The hiring organisation is {}."),
    "job_opening": _simple("job_opening", "job_opening", "The job opening number is {}."),
}


def _date(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
