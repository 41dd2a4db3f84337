"""Check a fresh resolution reference set, `resolve_fresh.jsonl` or `resolve_fresh2.jsonl` (standard
library only; reads file NAMES, never notice text, and never runs the resolver).

    python3 benchmarks/data/check_resolve_fresh.py [FILE.jsonl]

Every line must be a JSON object with exactly the keys kind, question, history, expected;
`kind` one of KINDS; `question` a non-empty string; `history` a list of strings;
`expected` a non-empty list of distinct lower-case strings, each a substring of exactly one
file name (README files left out) among the four notice folders, no two naming the same
file; two consecutive lines must not have the same kind nor open with the same two words;
no question may repeat one of another fresh set of this folder (`resolve_fresh*.jsonl`). Prints
counts per kind, per folder (a reference counts once for each folder its
expected notices are in) and the number of distinct notices named; exits 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
DIRS = {
    "notices": ROOT / "notices",
    "corpus/notices": SHARED / "notices",
    "corpus/dev": SHARED / "dev",
    "corpus/scale": SHARED / "scale",
}
KINDS = ("subject", "title only", "organisation + place", "grade + place", "acronym + title", "misspelt",
         "follow-up", "full name", "partial title", "ambiguous")
KEYS = {"kind", "question", "history", "expected"}


def file_names(dirs: dict[str, Path]) -> list[tuple[str, str]]:
    """(folder label, file name) of every notice file, README files left out."""
    out = []
    for label, d in dirs.items():
        if not d.is_dir():
            raise SystemExit(f"missing folder {d}")
        for p in sorted(d.iterdir()):
            if p.is_file() and not p.name.lower().startswith("readme") and p.name != "MANIFEST.tsv":
                out.append((label, p.name))
    return out


def opening(question: str) -> tuple[str, ...]:
    """The first two words of a question, lower-cased."""
    return tuple(re.findall(r"[a-z0-9']+", question.lower())[:2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, default=Path(__file__).with_name("resolve_fresh.jsonl"))
    args = parser.parse_args()
    names = file_names(DIRS)
    lowered = [(label, name, name.lower()) for label, name in names]
    errors: list[str] = []
    kinds: Counter = Counter()
    folders: Counter = Counter()
    n_expected: Counter = Counter()
    named: set[str] = set()
    named_per_folder: dict[str, set[str]] = {label: set() for label in DIRS}
    questions: Counter = Counter()
    lines = args.file.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        where = f"line {i}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            ref = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON ({e})")
            continue
        if not isinstance(ref, dict) or set(ref) != KEYS:
            errors.append(f"{where}: keys must be exactly {sorted(KEYS)}")
            continue
        if ref["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind {ref['kind']!r}")
        if not isinstance(ref["question"], str) or not ref["question"].strip():
            errors.append(f"{where}: question must be a non-empty string")
        else:
            questions[(ref["question"], tuple(ref["history"]) if isinstance(ref["history"], list) else ())] += 1
        if not isinstance(ref["history"], list) or not all(isinstance(h, str) and h.strip() for h in ref["history"]):
            errors.append(f"{where}: history must be a list of non-empty strings")
        if ref["kind"] == "follow-up" and not ref["history"]:
            errors.append(f"{where}: a follow-up needs a history")
        expected = ref["expected"]
        if not isinstance(expected, list) or not expected or not all(isinstance(e, str) and e for e in expected):
            errors.append(f"{where}: expected must be a non-empty list of strings")
            continue
        if len(set(expected)) != len(expected):
            errors.append(f"{where}: repeated expected substring")
        hit_files, hit_folders = [], set()
        for sub in expected:
            if sub != sub.lower():
                errors.append(f"{where}: expected {sub!r} is not lower-case")
            hits = [(label, name) for label, name, low in lowered if sub.lower() in low]
            if len(hits) != 1:
                errors.append(f"{where}: expected {sub!r} matches {len(hits)} file names"
                              + (f": {[h[1] for h in hits[:5]]}" if hits else ""))
                continue
            hit_files.append(hits[0][1])
            hit_folders.add(hits[0][0])
            named.add(hits[0][1])
            named_per_folder[hits[0][0]].add(hits[0][1])
        if len(set(hit_files)) != len(hit_files):
            errors.append(f"{where}: two expected substrings name the same file")
        if ref["kind"] == "ambiguous" and len(expected) < 2:
            errors.append(f"{where}: an ambiguous reference must expect 2 or more notices")
        kinds[ref["kind"]] += 1
        n_expected[len(expected)] += 1
        for label in hit_folders:
            folders[label] += 1
    parsed = []
    for line in lines:
        try:
            ref = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(ref, dict) and isinstance(ref.get("question"), str):
            parsed.append(ref)
    for i, (a, b) in enumerate(zip(parsed, parsed[1:]), 2):
        if a.get("kind") == b.get("kind"):
            errors.append(f"line {i}: same kind as the line before ({b.get('kind')!r})")
        if opening(a["question"]) == opening(b["question"]):
            errors.append(f"line {i}: opens with the same two words as the line before")
    for other in sorted(Path(__file__).parent.glob("resolve_fresh*.jsonl")):
        if other.resolve() == args.file.resolve():
            continue
        earlier = {json.loads(line)["question"].strip().lower()
                   for line in other.read_text(encoding="utf-8").splitlines() if line.strip()}
        for ref in parsed:
            if ref["question"].strip().lower() in earlier:
                errors.append(f"question also in {other.name}: {ref['question']!r}")
    for (q, h), n in questions.items():
        if n > 1:
            errors.append(f"question repeated {n} times: {q!r} {list(h)}")
    print(f"{args.file.name}: {len(lines)} references")
    print("per kind:")
    for kind in KINDS:
        print(f"  {kind:22} {kinds[kind]:4}")
    print("per folder (references expecting a notice of the folder; distinct notices named):")
    for label in DIRS:
        print(f"  {label:22} {folders[label]:4}   {len(named_per_folder[label]):4}")
    intl = {n for label in ("notices", "corpus/notices", "corpus/dev") for n in named_per_folder[label]}
    print(f"distinct notices named: {len(named)} (international folders: {len(intl)})")
    print("expected notices per reference: " + ", ".join(f"{k}: {v}" for k, v in sorted(n_expected.items())))
    if errors:
        print(f"{len(errors)} error(s):")
        for e in errors:
            print(f"  {e}")
        return 1
    print("all lines valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
