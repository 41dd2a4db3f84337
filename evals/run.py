"""The evaluation as a library: read datasets, index their notices apart from the user's
index, answer every case through one or more configurations and score it; records out,
nothing printed (`vacancy eval` in ui/cli.py prints them).

Datasets (DESIGN §5, `evals/README.md`): JSONL, one case a line. Only `question` is
required; a missing `id` becomes "<file stem>:<line>", a missing `answerable` is false for
category "unanswerable" and true otherwise, unknown fields are ignored, and a single
string is accepted where a list of strings is expected. A line that is not a JSON object,
has a field of the wrong type, an invalid regex, an unknown verdict or an id seen before
is reported ("FILE:LINE: reason") and skipped.

The case's `notices` are source file stems (a file name or notice id works too); one not
in the evaluation index is reported, and the case is scored on the others.
Predictions: one JSON line per case, `{"id", "latency_ms", **the ask --json object}`
(plus "error" when answering raised).
Left out: running cases in parallel (the machine has two cores and the model uses both).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from index.errors import VacancyError
from index.library import IndexConfig, Library
from index.records import IngestReport

from .configs import Answerer, build, parse_configs
from .metrics import RETRIEVAL_K, VERDICTS, Case, CaseScore, Metrics, aggregate, by_category, score_case

EVALS_DIR = Path(__file__).resolve().parent
DATASETS_DIR = EVALS_DIR / "datasets"
NOTICES_DIR = DATASETS_DIR / "notices.txt"  # a list of files kept in notices/ and tests/data/corpus
THRESHOLDS = EVALS_DIR / "thresholds.json"
WARM_UP = "What are the responsibilities of this position?"


# -- datasets ----------------------------------------------------------------------------
def read_dataset(path: Path) -> tuple[list[Case], list[str]]:
    """The cases of one JSONL file and a message for each line skipped."""
    cases, problems = [], []
    with open(path, encoding="utf-8-sig") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                cases.append(parse_case(json.loads(line), f"{path.stem}:{lineno}", f"{path}:{lineno}"))
            except json.JSONDecodeError as err:
                problems.append(f"{path}:{lineno}: skipped: not valid JSON ({err.msg})")
            except ValueError as err:
                problems.append(f"{path}:{lineno}: skipped: {err}")
    return cases, problems


def read_datasets(paths: Iterable[Path]) -> tuple[list[Case], list[str]]:
    """The cases of every file (a folder stands for its *.jsonl files); an id seen
    before is reported and that case skipped."""
    cases, problems, seen = [], [], {}
    for path in dataset_files(paths):
        found, skipped = read_dataset(path)
        problems += skipped
        for case in found:
            if case.id in seen:
                problems.append(f"{case.origin}: skipped: id {case.id!r} already used at {seen[case.id]}")
                continue
            seen[case.id] = case.origin
            cases.append(case)
    return cases, problems


def dataset_files(paths: Iterable[Path]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.glob("*.jsonl"))
        elif p.is_file():
            out.append(p)
        else:
            raise VacancyError(f"dataset {p} does not exist")
    return out


def parse_case(obj: object, default_id: str, origin: str = "") -> Case:
    """One case from its decoded JSON line; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("the line is not a JSON object")
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("'question' is missing or empty")
    case_id = obj.get("id", default_id)
    if isinstance(case_id, bool) or not isinstance(case_id, (str, int)):
        raise ValueError("'id' must be a string or a number")
    category = obj.get("category") or "uncategorised"
    if not isinstance(category, str):
        raise ValueError("'category' must be a string")
    verdict = obj.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"'verdict' must be one of {', '.join(VERDICTS)} or null, not {verdict!r}")
    answerable = obj.get("answerable")
    if answerable is not None and not isinstance(answerable, bool):
        raise ValueError("'answerable' must be true or false")
    return Case(
        id=str(case_id), question=question, category=category,
        history=_strings(obj, "history"), notices=_strings(obj, "notices"),
        must_include=_groups(obj), must_not_include=_regexes(_strings(obj, "must_not_include"), "must_not_include"),
        evidence=_strings(obj, "evidence"), verdict=verdict,
        answerable=answerable if answerable is not None else category != "unanswerable",
        origin=origin or default_id,
    )


def _strings(obj: dict, name: str) -> tuple[str, ...]:
    value = obj.get(name)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"'{name}' must be a list of strings")


def _groups(obj: dict) -> tuple[tuple[str, ...], ...]:
    value = obj.get("must_include")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("'must_include' must be a list of groups (lists of regexes)")
    groups = []
    for group in value:
        group = [group] if isinstance(group, str) else group
        if not isinstance(group, list) or not group or not all(isinstance(g, str) for g in group):
            raise ValueError("'must_include' must be a list of groups (non-empty lists of regexes)")
        groups.append(_regexes(tuple(group), "must_include"))
    return tuple(groups)


def _regexes(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    for rx in values:
        try:
            re.compile(rx)
        except re.error as err:
            raise ValueError(f"'{name}' has an invalid regex {rx!r} ({err})") from err
    return values


# -- running -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConfigRun:
    name: str
    predictions: tuple[dict, ...]
    scores: tuple[CaseScore, ...]
    overall: Metrics
    categories: Mapping[str, Metrics]


@dataclass(frozen=True)
class EvalResult:
    cases: tuple[Case, ...]
    runs: tuple[ConfigRun, ...]
    warnings: tuple[str, ...] = ()

    def run(self, name: str) -> ConfigRun:
        return next(r for r in self.runs if r.name == name)

    @property
    def primary(self) -> ConfigRun:
        """The pipeline's run when it was run, else the first one."""
        return next((r for r in self.runs if r.name == "full"), self.runs[0])


def notice_refs(library: Library) -> dict[str, str]:
    """Every way a dataset may name an indexed notice (stem, file name, id; lower case) → id."""
    refs = {}
    for n in library.notices():
        for ref in (n.id, n.source, n.stem):
            refs.setdefault(ref.lower(), n.id)
    return refs


def expected_ids(case: Case, refs: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(ids of the case's notices found in the index, the names not found)."""
    found = [refs.get(ref.strip().lower()) for ref in case.notices]
    return (tuple(dict.fromkeys(i for i in found if i)),
            tuple(ref for ref, i in zip(case.notices, found) if i is None))


def answer_case(answerer: Answerer, case: Case) -> dict:
    """The prediction line of one case; an exception while answering is recorded in
    "error" (and scored as a wrong answer) instead of stopping the run."""
    start = time.perf_counter()
    try:
        answer, error = answerer.ask(case.question, list(case.history)), None
    except VacancyError:
        raise
    except Exception as err:  # any bug on one question: record it, keep evaluating
        answer, error = {"question": case.question, "answer": "", "citations": []}, f"{type(err).__name__}: {err}"
    line = {"id": case.id, "latency_ms": round((time.perf_counter() - start) * 1000, 1), **answer}
    return {**line, "error": error} if error else line


def run_config(answerer: Answerer, cases: Sequence[Case], texts: Mapping[str, str],
               refs: Mapping[str, str], progress: Callable = lambda it, name: it) -> ConfigRun:
    """Answer and score every case. One question is answered first and thrown away, so
    latencies leave out loading the model and building caches."""
    answer_case(answerer, Case("warm-up", WARM_UP))
    answerer.retrieve(WARM_UP, None, 1)
    predictions, scores = [], []
    for case in progress(cases, answerer.name):
        ids, _ = expected_ids(case, refs)
        prediction = answer_case(answerer, case)
        retrieved = answerer.retrieve(case.question, ids or None, RETRIEVAL_K) if case.evidence else []
        predictions.append(prediction)
        scores.append(score_case(case, prediction, texts, ids, retrieved))
    return ConfigRun(answerer.name, tuple(predictions), tuple(scores), aggregate(scores), by_category(scores))


def evaluate(library: Library, cases: Sequence[Case], configs: Sequence[str], today: date | None,
             workdir: Path, progress: Callable = lambda it, name: it) -> EvalResult:
    """Answer and score `cases` through each configuration over the indexed `library`."""
    texts = {n.id: n.text for n in library.notices()}
    refs = notice_refs(library)
    runs = tuple(run_config(build(name, library, today, workdir), cases, texts, refs, progress)
                 for name in configs)
    return EvalResult(tuple(cases), runs, tuple(dataset_warnings(cases, refs, runs[0].scores if runs else ())))


def dataset_warnings(cases: Sequence[Case], refs: Mapping[str, str], scores: Sequence[CaseScore]) -> list[str]:
    """Cases naming notices the index lacks, gold evidence their notices do not contain,
    and answers that raised."""
    out = []
    for case in cases:
        missing = expected_ids(case, refs)[1]
        if missing:
            out.append(f"{case.origin} ({case.id}): notice {', '.join(missing)} is not among the evaluation notices")
    for s in scores:
        out += [f"{s.case_id}: the gold evidence “{ev[:80]}” is not in the notice text" for ev in s.unlocated]
        out += [f"{s.case_id}: {r}" for r in s.reasons if r.startswith("error:")]
    return out


# -- notices, thresholds, predictions ---------------------------------------------------------------------------
def notice_paths(source: Path) -> list[Path]:
    """The notice files a --notices value names: a folder, or a .txt list of files."""
    if source.is_dir():
        return [source]
    if source.is_file() and source.suffix == ".txt":
        lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
        paths = [source.parent / line for line in lines if line and not line.startswith("#")]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise VacancyError(f"{source} lists files that do not exist: {', '.join(missing[:3])}")
        return paths
    raise VacancyError(f"notices folder {source} does not exist; give a folder or a .txt list with --notices")


def index_notices(config: IndexConfig, notices_dir: Path, embedder=None,
                  progress: Callable = lambda it: it) -> tuple[Library, IngestReport]:
    """The evaluation index over `notices_dir` — a folder, or a .txt file listing notice
    files one per line (relative to the list), so a set can name notices kept elsewhere
    without a copy — brought up to date (notices not listed are dropped, so it always
    mirrors the folder or the list), and what the ingest did."""
    library = Library(config, embedder=embedder)
    return library, library.ingest(notice_paths(Path(notices_dir)), prune=True, progress=progress)


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, float]:
    return {k: float(v) for k, v in json.loads(Path(path).read_text()).items() if not k.startswith("_")}


def write_predictions(path: Path, result: EvalResult) -> list[Path]:
    """The first configuration's predictions to `path`, each other one's beside it as
    `<stem>.<config><suffix>`."""
    written = []
    for i, run in enumerate(result.runs):
        target = Path(path) if i == 0 else Path(path).with_name(f"{Path(path).stem}.{run.name}{Path(path).suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            for p in run.predictions:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        written.append(target)
    return written
