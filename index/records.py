"""Frozen records passed between the ingest stages.

Every offset (`start`, `end`) points into `Notice.text`, the repaired text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Section:
    """A named span of a notice: `text[start:end]` is the section, heading included.

    `name` is the heading as written (markup removed); `kind` its canonical type
    (education, experience, languages, responsibilities, ... see `headings.py`).
    """

    name: str
    start: int
    end: int
    kind: str = "other"


@dataclass(frozen=True)
class Metadata:
    """What the notice states about itself; `None` where it does not say."""

    title: str | None = None
    organisation: str | None = None
    grade: str | None = None
    duty_station: str | None = None
    posted: date | None = None
    closes: date | None = None
    job_opening: str | None = None
    # (field, start, end): where the text states each value ("period" for a posting period).
    spans: tuple[tuple[str, int, int], ...] = ()

    def span(self, name: str) -> tuple[int, int] | None:
        return next(((s, e) for f, s, e in self.spans if f == name), None)


@dataclass(frozen=True)
class Notice:
    """A repaired, parsed vacancy notice. `id` is a hash of the repaired text."""

    id: str
    source: str
    text: str
    sections: tuple[Section, ...]
    meta: Metadata = field(default_factory=Metadata)

    @property
    def title(self) -> str | None:
        return self.meta.title

    @property
    def organisation(self) -> str | None:
        return self.meta.organisation

    @property
    def grade(self) -> str | None:
        return self.meta.grade

    @property
    def duty_station(self) -> str | None:
        return self.meta.duty_station

    @property
    def closes(self) -> date | None:
        return self.meta.closes

    @property
    def posted(self) -> date | None:
        return self.meta.posted

    @property
    def job_opening(self) -> str | None:
        return self.meta.job_opening

    @property
    def stem(self) -> str:
        return self.source.rsplit(".", 1)[0]

    def section_at(self, offset: int) -> str:
        """Name of the section that contains `offset` ("Body" when none does)."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.name
        return "Body"


NO_VECTOR = ""  # the embed key of a chunk without a vector


@dataclass(frozen=True)
class Chunk:
    """A passage of a notice: `notice.text[start:end] == text`.

    `embed_key` names the stored embedding; chunks of different notices with the same
    text and boilerplate section share one key (and so one embedding). A chunk left out
    of the dense index (`chunk.DENSE_LEFT_OUT`) has the key `NO_VECTOR` and no embedding.
    """

    id: str
    notice_id: str
    section: str
    start: int
    end: int
    text: str
    embed_key: str
    embed_text: str


@dataclass(frozen=True)
class Route:
    """One way to meet an education requirement.

    `level` ∈ secondary, post_secondary (post-secondary certificate, technical diploma,
    associate degree), bachelor, master, doctorate, college (police/military war or staff
    college), none (no degree: "…, or 3 additional years of experience"). `extra_years`:
    years of experience this route adds to the notice's experience minimum ("a first-level
    degree with two additional years ... in lieu of the advanced degree" → bachelor,
    extra_years=2). `total_years`: the years of experience the route itself demands when
    the notice states it with the degree ("Master's ... with seven years" → master,
    total_years=7). `extra_unstated`: the route adds experience in an amount the notice
    does not state ("First University degree with additional years of related work
    experience").
    """

    level: str
    extra_years: float = 0.0
    total_years: float | None = None
    extra_unstated: bool = False


@dataclass(frozen=True)
class Requirement:
    """One requirement of a notice, typed; `notice.text[start:end] == text` is the sentence
    (or clause) that states it. Fields that do not apply to the kind stay empty.

    kind ∈ education, experience, language, certification, licence, travel, medical,
    eligibility_rule, other; necessity ∈ required, desirable.
    """

    notice_id: str
    kind: str
    necessity: str
    start: int
    end: int
    text: str
    # education
    level: str | None = None
    fields: tuple[str, ...] = ()
    routes: tuple[Route, ...] = ()
    # experience
    years: float | None = None
    years_by_level: tuple[tuple[str, float], ...] = ()
    domain: str | None = None
    scope: str | None = None
    counting_rule: str | None = None
    # language: `languages` is an any-of group (one of them suffices); "another UN official
    # language" lists the UN languages the notice does not already require, and the
    # duty station's / a local language is the marker "duty station language".
    # `applies_to` is "external" or "internal" when the rule is for those applicants only.
    languages: tuple[str, ...] = ()
    proficiency: str | None = None
    applies_to: str | None = None
    # certification / licence / travel / medical
    names: tuple[str, ...] = ()
    # eligibility_rule: `rule` names it (roster_only, nationality, residence, first_tier, …),
    # `values` who qualifies (any of them), `preference` True for a preference, not a bar
    rule: str | None = None
    values: tuple[str, ...] = ()
    preference: bool = False
    # what the notice states but the reader could not read exactly ("level": a degree of no
    # stated level, "years": "several years"); eligibility says "?" for such a requirement
    uncertain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """A file that was not ingested, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    pruned: tuple[str, ...] = ()
    embedded: int = 0
    reused: int = 0

    def summary(self) -> str:
        return (
            f"added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, rejected {len(self.rejected)}"
        )


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its fused score and the ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    sparse_rank: int | None = None
