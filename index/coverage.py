"""Coverage of the requirement extractor: for every notice, were education, experience
and language requirements found where the notice has such content?

"Has such content" is read from the notice's structure, not from the extractor: a
section of that kind (Education, Work Experience, Languages, …) or a labelled statement
("Education: …", "Language: …"). Run: `python -m evals coverage DIR [DIR ...]`.
Left out: content with neither a section nor a label (an unlabelled degree line in a
"Requirements" list counts as found when typed, but its absence is not a miss).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .build import collect, parse_notice
from .errors import RejectedFile
from .load import SUFFIXES, Limits, load
from .records import Notice
from .requirements import extract_requirements

ASPECTS = (("education", "education", "education"), ("experience", "experience", "experience"),
           ("languages", "language", "language"))
_LABEL = {
    "education": r"education(?:al)?(?: background| requirements?)?",
    "experience": r"(?:work |professional )?experience",
    "languages": r"languages?(?: requirements?| skills)?",
}


@dataclass(frozen=True)
class NoticeCoverage:
    source: str
    expected: tuple[str, ...]  # aspects the notice has content for
    found: tuple[str, ...]  # aspects with at least one typed requirement

    @property
    def misses(self) -> tuple[str, ...]:
        return tuple(a for a in self.expected if a not in self.found)


@dataclass(frozen=True)
class CoverageReport:
    notices: tuple[NoticeCoverage, ...]
    rejected: tuple[str, ...] = ()

    @property
    def expected(self) -> int:
        return sum(len(n.expected) for n in self.notices)

    @property
    def hits(self) -> int:
        return sum(len(n.expected) - len(n.misses) for n in self.notices)

    @property
    def ratio(self) -> float:
        return self.hits / self.expected if self.expected else 1.0


def notice_coverage(notice: Notice) -> NoticeCoverage:
    kinds = {r.kind for r in extract_requirements(notice)}
    expected = tuple(a for a, _, _ in ASPECTS if _has_content(notice, a))
    found = tuple(a for a, _, kind in ASPECTS if kind in kinds)
    return NoticeCoverage(notice.source, expected, found)


def _has_content(notice: Notice, aspect: str) -> bool:
    if any(s.kind == aspect and notice.text[s.start:s.end].strip() for s in notice.sections
           if _body_words(notice, s) > 0):
        return True
    label = re.compile(rf"(?:^|[.;]\s+|\n)[\s#*_>•-]*{_LABEL[aspect]}[\s*_]*:\s*\w", re.I)
    return bool(label.search(notice.text))


def _body_words(notice: Notice, section) -> int:
    body = notice.text[section.start:section.end]
    first_line, _, rest = body.partition("\n")
    return len(re.findall(r"\w+", rest)) + max(0, len(re.findall(r"\w+", first_line)) - 3)


def coverage(paths: list[Path], max_bytes: int, limits: Limits) -> CoverageReport:
    """Coverage over the notice files in `paths`, each read within the index's bounds."""
    notices, rejected = [], []
    for path in (p for p in collect(paths, follow_inside=False) if p.suffix.lower() in SUFFIXES):
        try:
            notice = parse_notice(path.name, load(path, max_bytes, limits).text)
        except RejectedFile as err:
            rejected.append(f"{err.path}: {err.reason}")
            continue
        notices.append(notice_coverage(notice))
    return CoverageReport(tuple(notices), tuple(rejected))


def render(report: CoverageReport) -> str:
    lines = []
    for n in report.notices:
        marks = "  ".join(f"{a}:{_mark(n, a)}" for a, _, _ in ASPECTS)
        lines.append(f"{n.source[:60]:60}  {marks}")
    lines.append("")
    lines.append(f"coverage: {report.hits}/{report.expected} = {report.ratio:.1%} of the education, "
                 "experience and language contents yield a typed requirement")
    misses = [(n.source, a) for n in report.notices for a in n.misses]
    lines.append(f"misses ({len(misses)}):" if misses else "misses: none")
    lines += [f"  {source}: {aspect}" for source, aspect in misses]
    lines += [f"rejected {r}" for r in report.rejected]
    return "\n".join(lines)


def _mark(n: NoticeCoverage, aspect: str) -> str:
    if aspect not in n.expected:
        return "yes*" if aspect in n.found else "-"
    return "yes" if aspect in n.found else "MISS"
