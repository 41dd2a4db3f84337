"""Which split each notice file is in, read from `tests/data/corpus/MANIFEST.tsv`: the one
folder of the project's notice data and the one table of where each file came from and
what it may be used for.

Splits: `sample` (the five notices the project was started from; they stay in `notices/`,
which `make run` ingests, and their rows name them by a path relative to the manifest),
`tuning` (tests pin what the parser reads from them; develop against these), `heldout`,
`heldout2`, `heldout3`, `heldout4`, `heldout5`, `heldout6`, `heldout7`, `heldout8`, `heldout9`
and `heldout10` (held out when their gold was written; see evals/understanding/README.md for
which rounds read their misses). An evaluation set lists its notices in a `.txt` file
(`evals.run.notice_paths`), never in a copy.
Left out: checking a file's bytes against the source it names (the provenance columns are
for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "data" / "corpus" / "MANIFEST.tsv"
SPLITS = ("sample", "tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10")
TUNED = ("sample", "tuning")


@dataclass(frozen=True)
class Entry:
    path: Path
    split: str

    @property
    def name(self) -> str:
        return self.path.name


def entries(manifest: Path = MANIFEST) -> tuple[Entry, ...]:
    """Every row of the manifest, in its order; ValueError names a row with an unknown split."""
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    out = tuple(Entry((manifest.parent / row[0]).resolve(), row[1]) for row in rows)
    bad = [e.name for e in out if e.split not in SPLITS]
    if bad:
        raise ValueError(f"{manifest}: unknown split for {', '.join(bad)}")
    return out


def split_of(manifest: Path = MANIFEST) -> dict[str, str]:
    """File name → split."""
    return {e.name: e.split for e in entries(manifest)}


def paths(*splits: str, manifest: Path = MANIFEST) -> list[Path]:
    """The files of the given splits (every file when none is given), in manifest order."""
    return [e.path for e in entries(manifest) if not splits or e.split in splits]
