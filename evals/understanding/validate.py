"""Check the notice-understanding gold (README.md beside this file): every file well formed
and every quote found in the notice's repaired text (case, spaces and punctuation folded).

    python -m evals understanding-validate [--gold DIR] [--notices DIR]
    python -m evals understanding-validate --text FILE     # the repaired text gold quotes

Only loading and repair are used here, never the parser's readings, so gold can be
written for held-out notices without seeing what the parser makes of them.
Left out: whether the gold is *right* — that is for a person reading the notice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from evals.manifest import MANIFEST, split_of

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "evals" / "understanding"
NOTICES_DIR = ROOT / "tests" / "data" / "corpus"
KINDS = ("education", "experience", "language", "certification", "licence", "travel",
         "medical", "eligibility_rule", "other")
NECESSITIES = ("required", "desirable")
META_FIELDS = ("title", "organisation", "grade", "duty_station", "closing_date", "job_number")
FACT_FIELDS = ("salary", "contract", "duration", "start_date", "posts", "how_to_apply",
               "who_may_apply", "reporting_line")
_WORD = re.compile(r"[a-z0-9]+")


def loaded_text(path: Path) -> str:
    """The text of the notice file at `path`, read within the default Settings' bounds (no
    `.env`: the gold figures do not move with one user's settings)."""
    from assistant.settings import Settings
    from index.load import load

    config = Settings(_env_file=None).index_config()
    return load(path, config.max_file_bytes, config.limits).text


def repaired_text(path: Path) -> str:
    from index.repair import repair

    return repair(loaded_text(path))


def folded(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased with every run of non-alphanumerics (accents folded) as one space,
    and for each character of the result the offset in `text` it came from."""
    import unicodedata

    out, where = [], []
    for i, ch in enumerate(text):
        base = unicodedata.normalize("NFKD", ch.lower())
        base = "".join(c for c in base if not unicodedata.combining(c))
        if len(base) == 1 and _WORD.fullmatch(base):
            out.append(base)
            where.append(i)
        elif out and out[-1] != " ":
            out.append(" ")
            where.append(i)
    return "".join(out), where


def locate(quote: str, text: str, folded_text: tuple[str, list[int]] | None = None) -> tuple[int, int] | None:
    """Span of `text` that `quote` names once folded, or None."""
    ftext, where = folded_text or folded(text)
    fquote = folded(quote)[0].strip()
    if not fquote:
        return None
    at = ftext.find(fquote)
    if at < 0:
        return None
    return where[at], where[at + len(fquote) - 1] + 1


def locate_all(quote: str, text: str, folded_text: tuple[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Every span of `text` that `quote` names once folded (a notice may repeat a block)."""
    ftext, where = folded_text or folded(text)
    fquote = folded(quote)[0].strip()
    out, at = [], ftext.find(fquote) if fquote else -1
    while at >= 0:
        out.append((where[at], where[at + len(fquote) - 1] + 1))
        at = ftext.find(fquote, at + 1)
    return out


def read_gold(folder: Path = GOLD_DIR) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))]


def splits(manifest: Path = MANIFEST) -> dict[str, str]:
    """Notice file name → split, as the corpus manifest says."""
    return split_of(manifest)


def problems(gold: dict, text: str | None, split: str | None) -> list[str]:
    out = []
    for key in ("source", "split", "organisation_family", "layout", "metadata", "facts", "requirements"):
        if key not in gold:
            out.append(f"missing key '{key}'")
    if out:
        return out
    if split and gold["split"] != split:
        out.append(f"split '{gold['split']}' but MANIFEST.tsv says '{split}'")
    meta = gold["metadata"]
    for name in META_FIELDS:
        value = meta.get(name, "missing")
        if value == "missing":
            out.append(f"metadata.{name} missing (null when not stated)")
        elif name == "closing_date":
            if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                out.append(f"metadata.closing_date '{value}' is not YYYY-MM-DD")
        elif value is not None and not (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)):
            out.append(f"metadata.{name} must be null or a non-empty list of strings")
    ft = folded(text) if text is not None else None
    for name in FACT_FIELDS:
        value = gold["facts"].get(name, "missing")
        if value == "missing":
            out.append(f"facts.{name} missing (null when not stated)")
        elif value is not None and text is not None and locate(value, text, ft) is None:
            out.append(f"facts.{name}: quote not in the text: {value[:80]!r}")
    for i, req in enumerate(gold["requirements"]):
        if req.get("kind") not in KINDS:
            out.append(f"requirements[{i}].kind {req.get('kind')!r} not one of {KINDS}")
        if req.get("necessity") not in NECESSITIES:
            out.append(f"requirements[{i}].necessity {req.get('necessity')!r}")
        quote = req.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            out.append(f"requirements[{i}] has no quote")
        elif text is not None and locate(quote, text, ft) is None:
            out.append(f"requirements[{i}]: quote not in the text: {quote[:80]!r}")
    return out


def gold_problems(gold_dir: Path = GOLD_DIR, notices: Path = NOTICES_DIR) -> tuple[list[str], int]:
    """("source: problem" lines, how many gold files have a problem) over the gold in `gold_dir`."""
    split_by_source = splits()
    lines, bad = [], 0
    for gold in read_gold(gold_dir):
        path = notices / gold.get("source", "?")
        text = repaired_text(path) if path.exists() else None
        found = problems(gold, text, split_by_source.get(gold.get("source")))
        if text is None:
            found.insert(0, f"notice file {path} not found")
        lines += [f"{gold.get('source')}: {p}" for p in found]
        bad += bool(found)
    return lines, bad
