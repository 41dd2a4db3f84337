"""Records of query time: the user's profile, eligibility checks, citations and answers."""

from __future__ import annotations

from dataclasses import dataclass

from index.records import Requirement


@dataclass(frozen=True)
class Evidence:
    """A span of a notice that supports a sentence (before it is numbered and verified)."""

    notice_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer and the spans that support it. A claim with no evidence
    is kept only when `grounded` is False: it states an absence or asks the user something."""

    text: str
    evidence: tuple[Evidence, ...] = ()
    grounded: bool = True
    role: str = "body"                       # see `Line.role`
    status: str | None = None                # met, not_met, unknown (a check line)
    notice_id: str | None = None             # the notice a row or check line is about
    verdict: str | None = None               # a row's verdict (cross-notice eligibility)


@dataclass(frozen=True)
class Citation:
    n: int
    notice_id: str
    notice_title: str | None
    source: str
    section: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Profile:
    """What the user said about themselves; None (or empty) means not said."""

    degree_level: str | None = None          # secondary, bachelor, master, doctorate, college
    degree_field: str | None = None
    years_experience: float | None = None
    experience_domain: str | None = None
    years_by_scope: tuple[tuple[str, float], ...] = ()   # (international|field|un_system|command|supervisory, years)
    languages: tuple[tuple[str, str], ...] = ()         # (language, level: fluent|working|knowledge|native)
    languages_listed: bool | None = None     # the user listed the languages they speak ("I speak …")
    certifications: tuple[str, ...] = ()
    certifications_lacking: tuple[str, ...] = ()
    driving_licence: bool | None = None
    on_roster: bool | None = None
    staff_status: str | None = None          # external, internal, temporary
    staff_grade: str | None = None           # e.g. G-6
    nationality: str | None = None
    residence: str | None = None
    young_professional: bool | None = None
    worked_abroad: bool | None = None        # has worked outside their own country
    experience_grade: str | None = None      # grade the experience was held at (G-6 …)
    years_by_domain: tuple[tuple[str, float], ...] = ()  # ("proofreading", 8), nested or split years
    age: int | None = None
    work_permit: bool | None = None          # may live and work in the duty-station country
    seconded: bool | None = None             # nominated/seconded by their government
    studying: str | None = None              # degree level now studied (not yet held)
    graduation: str | None = None            # "2028-06" (expected) or "2021" (past): YYYY[-MM]
    graduated: bool | None = None            # said they completed their studies
    months_in_position: float | None = None  # staff: time in their current position
    said: tuple[str, ...] = ()               # the user's own words, for matching described experience

    def known(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, ()) and k not in ("said", "languages_listed")}


@dataclass(frozen=True)
class Check:
    criterion: str
    status: str                              # met, not_met, unknown
    explanation: str
    necessity: str = "required"              # required (decides), also (asked, does not decide),
                                             # condition, desirable, preference
    requirement: Requirement | None = None
    citation: int | None = None
    topic: str | None = None                 # education, experience, language, … (scoped questions)
    ask: str | None = None                   # the missing fact, for "Tell me …" ("your French level")


ROLES = ("headline", "body", "check", "row", "also", "desirable", "more", "note")


@dataclass(frozen=True)
class Line:
    """One rendered line of an answer, in plain words without citation markers; `citations`
    are the numbers of `Answer.citations` behind it. Roles: headline (the one-sentence
    answer), body (a fact or requirement sentence), check (✓/✗/? of an eligibility check),
    row (one notice of a cross-notice answer), also (asked for, does not decide), desirable,
    more (further sentences of a fact answer), note (what was understood of the user; what
    to say next). Renderers fold also, desirable, more and note lines away."""

    text: str
    citations: tuple[int, ...] = ()
    role: str = "body"
    status: str | None = None
    notice_id: str | None = None
    verdict: str | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    notices: tuple[str, ...] = ()
    answerable: bool = True
    verdict: str | None = None               # eligible, not_eligible, insufficient_info
    checks: tuple[Check, ...] = ()
    lines: tuple[Line, ...] = ()             # the same content as `text`, line by line

    def shown(self) -> tuple[Line, ...]:
        """The lines to render: `lines`, or the whole text as one body line (refusals,
        answers reworded by an LLM)."""
        return self.lines or (Line(self.text),)
