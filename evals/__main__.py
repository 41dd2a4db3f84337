"""The command line of the evaluation tools: the one module of `evals/` that reads arguments
and prints (the others return records and lines). `vacancy eval` is in `ui/cli.py`.

    python -m evals validate FILE.jsonl --notices DIR|LIST.txt
    python -m evals understanding-score [--split tuning|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|all] [--misses]
    python -m evals understanding-validate [--gold DIR] [--notices DIR] [--text FILE]
    python -m evals coverage DIR [DIR ...]
    python -m evals domains
    python -m evals calibrate-open [--dataset FILE] [--notices DIR|LIST.txt] [--index-dir DIR]
    python -m evals route-score [--keywords-only] [--split tune|heldout|all] [--scan-lead]
    python -m evals readability --dataset F.jsonl [...] --notices DIR --index-dir DIR [--today DATE]

Settings are read here, once, as `vacancy` does.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from assistant.settings import Settings, set_environment

EVALS = Path(__file__).resolve().parent


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m evals", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("validate", help="check a gold dataset (DESIGN §5) against its notices")
    s.add_argument("dataset", type=Path)
    s.add_argument("--notices", type=Path, required=True, metavar="DIR|LIST.txt")
    s = sub.add_parser("understanding-score", help="the parser's reading against the understanding gold")
    s.add_argument("--split", default="tuning", choices=("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "tuning", "all"))
    s.add_argument("--misses", action="store_true", help="list every miss")
    s = sub.add_parser("understanding-validate", help="check the understanding gold files")
    s.add_argument("--gold", type=Path)
    s.add_argument("--notices", type=Path)
    s.add_argument("--text", type=Path, help="print the repaired text of one notice file")
    s = sub.add_parser("coverage", help="share of education/experience/language contents read as requirements")
    s.add_argument("dirs", nargs="+", type=Path)
    sub.add_parser("domains", help="calibrate the domain-match threshold on the labelled pairs")
    s = sub.add_parser("calibrate-open", help="calibrate the open-question threshold")
    s.add_argument("--dataset", type=Path, default=EVALS / "open" / "open.jsonl")
    s.add_argument("--notices", type=Path, default=EVALS / "open" / "notices.txt")
    s.add_argument("--index-dir", type=Path, default=Path("/tmp/vacancy-open-calibration"))
    s.add_argument("--verbose", action="store_true", help="every case's best sentence")
    s.add_argument("--lexical-weight", type=float, help="try another ranking.LEXICAL_WEIGHT (this run only)")
    s = sub.add_parser("route-score", help="routing accuracy on the paraphrase set")
    s.add_argument("--keywords-only", action="store_true", help="no exemplar embeddings")
    s.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    s.add_argument("--scan-lead", action="store_true", help="calibrate exemplars.MIN_LEAD (tune split + leave-one-out)")
    s = sub.add_parser("readability", help="share of answers readable at a glance")
    s.add_argument("--dataset", type=Path, nargs="+", required=True)
    s.add_argument("--notices", type=Path, required=True)
    s.add_argument("--index-dir", type=Path, required=True)
    s.add_argument("--today", type=date.fromisoformat)
    return p


def _validate(args, settings: Settings) -> int:
    from evals.validate import dataset_problems, notice_texts

    config = settings.index_config()
    lines = dataset_problems(args.dataset, notice_texts(args.notices, config.max_file_bytes, config.limits))
    print("\n".join([*lines, f"{len(lines)} problem(s)"]))
    return 1 if lines else 0


def _understanding_score(args, settings: Settings) -> int:
    from evals.understanding.score import render, score

    print(render(score(args.split), args.misses))
    return 0


def _understanding_validate(args, settings: Settings) -> int:
    from evals.understanding.validate import GOLD_DIR, NOTICES_DIR, gold_problems, read_gold, repaired_text

    if args.text:
        print(repaired_text(args.text))
        return 0
    gold = args.gold or GOLD_DIR
    lines, bad = gold_problems(gold, args.notices or NOTICES_DIR)
    print("\n".join([*lines, f"{len(read_gold(gold))} gold files, {bad} with problems"]))
    return 1 if bad else 0


def _coverage(args, settings: Settings) -> int:
    from index.coverage import coverage, render

    config = settings.index_config()
    print(render(coverage(args.dirs, config.max_file_bytes, config.limits)))
    return 0


def _domains(args, settings: Settings) -> int:
    import assistant.eligibility as el
    from evals.domains import pairs, sweep
    from index.embed import SentenceEmbedder

    relate = el.embedding_relate(SentenceEmbedder(settings.embedding_model, settings.embed_batch_size))
    print("\n".join(sweep(relate, pairs())))
    return 0


def _calibrate_open(args, settings: Settings) -> int:
    from assistant import ranking
    from assistant.pipeline import Assistant
    from evals.calibrate_open import best_scores, report
    from evals.run import index_notices
    from evals.validate import read_cases

    if args.lexical_weight is not None:
        ranking.LEXICAL_WEIGHT = args.lexical_weight
    library, _ = index_notices(replace(settings.index_config(), index_dir=args.index_dir), args.notices)
    scored = best_scores(Assistant(library), read_cases(args.dataset))
    print("\n".join(report(scored, args.verbose)))
    return 0


def _route_score(args, settings: Settings) -> int:
    from assistant.route import route
    from evals.route_score import load, report, score

    cases = [c for c in load() if args.split == "all" or c.split == args.split]
    router = route
    if not args.keywords_only:
        from assistant.exemplars import exemplar_index
        from index.embed import make_embedder

        exemplars = exemplar_index(make_embedder(settings.embedding_model, "torch", settings.embed_batch_size, None))
        router = lambda q: route(q, exemplars)  # noqa: E731
        if args.scan_lead:
            from evals.route_score import scan_lead

            print("\n".join(scan_lead(exemplars, [c for c in load() if c.split == "tune"])))
            return 0
    _, misses = score(cases, router)
    label = f"{args.split}, {'keywords only' if args.keywords_only else 'keywords + exemplars'}"
    print("\n".join(report(cases, misses, label)))
    return 0


def _readability(args, settings: Settings) -> int:
    from assistant.pipeline import Assistant
    from evals.readability import measure
    from evals.run import index_notices, read_datasets

    cases, errors = read_datasets(args.dataset)
    for e in errors:
        print(e, file=sys.stderr)
    library, _ = index_notices(replace(settings.index_config(), index_dir=args.index_dir), args.notices)
    print("\n".join(measure(Assistant(library, today=args.today), cases).lines()))
    return 0


COMMANDS = {"validate": _validate, "understanding-score": _understanding_score,
            "understanding-validate": _understanding_validate, "coverage": _coverage, "domains": _domains,
            "calibrate-open": _calibrate_open, "route-score": _route_score, "readability": _readability}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    set_environment()
    return COMMANDS[args.command](args, Settings())


if __name__ == "__main__":
    sys.exit(main())
