"""The `vacancy` command. Errors are rendered here as one line saying what to do next;
users never see a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from index.errors import VacancyError
from index.library import Library
from index.records import Hit, Notice
from ui.visible import shown


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from assistant.settings import Settings, set_environment

    set_environment()

    try:
        settings = Settings()
        return args.run(args, settings)
    except VacancyError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the index keeps every notice committed so far — run the "
              "command again to finish", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vacancy", description=__doc__)
    sub = p.add_subparsers(required=True, metavar="COMMAND")

    s = sub.add_parser("ingest", help="add notice files or folders to the index")
    s.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the notices folder)")
    s.add_argument("--prune", action="store_true", help="drop notices whose file is gone")
    s.set_defaults(run=cmd_ingest)

    s = sub.add_parser("list", help="the indexed notices")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=cmd_list)

    s = sub.add_parser("search", help="the passages that best match a query")
    s.add_argument("query")
    s.add_argument("--notice", help="restrict to one notice (id, file name, stem or title)")
    s.add_argument("-k", type=int, default=5, help="how many passages (default 5)")
    s.add_argument("--mode", choices=("hybrid", "dense", "sparse"), default="hybrid")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=cmd_search)

    s = sub.add_parser("show", help="a notice's metadata and requirements, each with its quote")
    s.add_argument("notice", help="id, file name, stem (or its unique prefix) or title fragment")
    s.add_argument("--json", action="store_true", help="print the records as JSON")
    s.set_defaults(run=cmd_show)

    s = sub.add_parser("ask", help="answer a question with citations to the notices")
    s.add_argument("question")
    s.add_argument("--history", action="append", default=[], metavar="EARLIER TURN",
                   help="an earlier user turn (repeat, oldest first)")
    s.add_argument("--json", action="store_true", help="print the answer object (DESIGN §4)")
    s.set_defaults(run=cmd_ask)

    s = sub.add_parser("check", help="eligibility matrix of a profile against the notices")
    s.add_argument("--profile", required=True, type=Path, help="profile as .json or .yaml")
    s.add_argument("--notice", help="only this notice")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=cmd_check)

    s = sub.add_parser("eval", help="answer the evaluation datasets and print the metrics")
    s.add_argument("--dataset", action="extend", nargs="+", type=Path, default=[], metavar="FILE.jsonl",
                   help="dataset files or folders (default: every file in evals/datasets)")
    s.add_argument("--notices", type=Path, metavar="DIR|LIST.txt",
                   help="the notices the datasets use: a folder, or a .txt list of files (default: evals/datasets/notices.txt)")
    s.add_argument("--predictions", type=Path, metavar="OUT.jsonl", help="write one line per case")
    s.add_argument("--report", type=Path, metavar="DIR", help="write report.md and charts here")
    s.add_argument("--compare", metavar="CONFIG,...",
                   help="configurations side by side: full, dense, no-structured, naive (default: full)")
    s.add_argument("--index-dir", type=Path, metavar="DIR",
                   help="the evaluation index (default: eval-index beside the index folder)")
    s.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="the date answers are given on (default: today)")
    s.add_argument("--gate", action="store_true",
                   help="exit 1 when a metric of the pipeline is below evals/thresholds.json")
    s.set_defaults(run=cmd_eval)

    s = sub.add_parser("serve", help="start the web UI")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    s.set_defaults(run=cmd_serve)
    return p


def library(settings) -> Library:
    return Library(settings.index_config())


def cmd_ingest(args, settings) -> int:
    from tqdm import tqdm

    paths = args.paths or [settings.notices_dir]
    lib = library(settings)
    def waiting(wait_s: float) -> None:
        print(f"waiting for another ingest into {settings.index_dir} to finish "
              f"(up to {wait_s:g} s)…", file=sys.stderr, flush=True)

    report = lib.ingest(paths, prune=args.prune,
                        progress=lambda it: tqdm(it, desc="ingest", unit="file", file=sys.stderr),
                        wait_s=settings.ingest_wait_s, waiting=waiting)
    if report.added or report.updated:
        from assistant.pipeline import Assistant

        Assistant(lib).prepare()  # cards made now, so the first answer only reads them
    else:
        lib.prepare_search()  # an index made by an older version: its search index kept now
    for r in report.rejected:
        print(f"rejected {shown(r.path)}: {shown(r.reason)}")
    for name in report.pruned:
        print(f"pruned {shown(name)}")
    print(report.summary())
    return 0


def cmd_list(args, settings) -> int:
    notices = library(settings).notices()
    if args.json:
        print(json.dumps([_notice_json(n) for n in notices], indent=2))
        return 0
    if not notices:
        print("no notices indexed; run `vacancy ingest` first")
        return 0
    rows = [("TITLE", "ORGANISATION", "GRADE", "DUTY STATION", "CLOSES", "SOURCE")]
    rows += [tuple(map(shown, (n.title or "(untitled)", n.organisation or "-", n.grade or "-",
                               n.duty_station or "-", closing_label(n.closes), n.source)))
             for n in notices]
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((45, 35, 6, 28, 24, 60))]
    for r in rows:
        print("  ".join(_fit(v, w) for v, w in zip(r, widths)).rstrip())
    return 0


def closing_label(closes: date | None, today: date | None = None) -> str:
    if closes is None:
        return "not stated"
    today = today or date.today()
    return f"{closes.isoformat()} (closed)" if closes < today else closes.isoformat()


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"


def _notice_json(n: Notice) -> dict:
    return {"id": n.id, "source": n.source, "title": n.title, "organisation": n.organisation,
            "grade": n.grade, "duty_station": n.duty_station,
            "posted": n.posted.isoformat() if n.posted else None,
            "closes": n.closes.isoformat() if n.closes else None,
            "closed": bool(n.closes and n.closes < date.today()), "job_opening": n.job_opening}


def cmd_search(args, settings) -> int:
    lib = library(settings)
    ids = [lib.find_notice(args.notice).id] if args.notice else None
    hits = lib.search(args.query, k=args.k, notice_ids=ids, mode=args.mode)
    notices = lib.retriever.notices
    if args.json:
        print(json.dumps([_hit_json(h, notices[h.chunk.notice_id]) for h in hits], indent=2))
        return 0
    if not hits:
        print("no passage matches; is anything indexed? (`vacancy list`)")
    for rank, h in enumerate(hits, 1):
        n = notices[h.chunk.notice_id]
        print(f"[{rank}] {shown(n.title or n.stem)} · {shown(h.chunk.section)} · {shown(n.source)} "
              f"[{h.chunk.start}:{h.chunk.end}] score {h.score:.4f}")
        print("    " + " ".join(h.chunk.text.split())[:400])
    return 0


def _hit_json(h: Hit, n: Notice) -> dict:
    c = h.chunk
    return {"notice_id": c.notice_id, "notice_title": n.title, "source": n.source,
            "section": c.section, "start": c.start, "end": c.end, "text": c.text,
            "score": round(h.score, 6), "dense_rank": h.dense_rank, "sparse_rank": h.sparse_rank}


def cmd_show(args, settings) -> int:
    from index.requirements import requirements_for
    from ui.card import card_json, render_card

    lib = library(settings)
    notice = lib.find_notice(args.notice)
    requirements = requirements_for(lib, notice.id)
    if args.json:
        print(json.dumps(card_json(notice, requirements), indent=2, ensure_ascii=False))
    else:
        print(render_card(notice, requirements))
    return 0


def make_assistant(settings):
    from assistant.llm import make_rewriter
    from assistant.pipeline import Assistant

    return Assistant(library(settings), rewriter=make_rewriter(settings))


def cmd_ask(args, settings) -> int:
    from assistant.pipeline import answer_json

    answer = make_assistant(settings).ask(args.question, args.history)
    if args.json:
        print(json.dumps(answer_json(answer), indent=2, ensure_ascii=False))
        return 0
    print(answer_text(answer))
    if answer.citations:
        print("\nSources:")
    for c in answer.citations:
        quote = " ".join(c.quote.split())
        print(f"[{c.n}] {shown(c.notice_title or c.source)} · {shown(c.section)} · {shown(c.source)} "
              f"[{c.start}:{c.end}]")
        print(f"    “{quote[:500]}{'…' if len(quote) > 500 else ''}”")
    return 0


_MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}
_FOLDED = (("also", "Also asked for (does not decide eligibility):"), ("desirable", "Desirable (not required):"),
           ("more", "More from the notice:"))


def answer_text(answer) -> str:
    """The answer for a terminal, from its lines: headline, body and ✓/✗/? lines, one row per
    notice, then "Also asked for" and "Desirable" indented under their heading, then the
    notes; `[n]` after each line names its sources."""
    def cites(ln) -> str:
        return "".join(f"[{n}]" for n in ln.citations)

    def one(ln) -> str:
        text = " ".join(x for x in (shown(ln.text), cites(ln)) if x)
        if ln.role == "check":
            return f"  {_MARKS.get(ln.status, '?')} {text}"
        if ln.role == "row":
            return f"  • {text}"
        return text

    lines = answer.shown()
    out = [one(ln) for ln in lines if ln.role in ("headline", "body", "check", "row")]
    for role, title in _FOLDED:
        items = [ln for ln in lines if ln.role == role]
        if items:
            out += ["", title] + [f"    – {one(ln)}" for ln in items]
    notes = [one(ln) for ln in lines if ln.role == "note"]
    return "\n".join(out + ([""] + notes if notes else []))


def cmd_check(args, settings) -> int:
    from assistant.matrix import eligibility_matrix, load_profile, render_matrix

    profile = load_profile(args.profile)
    helper = make_assistant(settings)
    notices = [library(settings).find_notice(args.notice)] if args.notice else None
    matrix = eligibility_matrix(helper, profile, notices)
    if args.json:
        print(json.dumps(matrix, indent=2, ensure_ascii=False))
    else:
        print(render_matrix(matrix))
    return 0


def cmd_eval(args, settings) -> int:
    """Run the evaluation library (evals/) and print what it returns."""
    from tqdm import tqdm

    from evals.configs import parse_configs
    from evals.metrics import gate
    from evals.report import console_tables, write_report
    from evals.run import (DATASETS_DIR, NOTICES_DIR, evaluate, index_notices, load_thresholds,
                           read_datasets, write_predictions)

    cases, problems = read_datasets(args.dataset or [DATASETS_DIR])
    for p in problems:
        print(p, file=sys.stderr)
    if not cases:
        raise VacancyError("the datasets hold no case to run")
    configs = parse_configs(args.compare)
    index_dir = Path(args.index_dir or Path(settings.index_dir).parent / "eval-index")
    lib, report = index_notices(replace(settings.index_config(), index_dir=index_dir),
                                args.notices or NOTICES_DIR,
                                progress=lambda it: tqdm(it, desc="index", unit="file", file=sys.stderr))
    for r in report.rejected:
        print(f"rejected {r.path}: {r.reason}", file=sys.stderr)
    print(f"evaluation index {index_dir}: {report.summary()}", file=sys.stderr)
    result = evaluate(lib, cases, configs, args.today or date.today(), index_dir,
                      progress=lambda it, name: tqdm(it, desc=f"eval {name}", unit="case", file=sys.stderr))
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.predictions:
        for path in write_predictions(args.predictions, result):
            print(f"predictions written to {path}", file=sys.stderr)
    print(console_tables(result))
    if args.report:
        print(f"report written to {write_report(args.report, result)}", file=sys.stderr)
    if not args.gate:
        return 0
    failures = gate(result.primary.overall, load_thresholds())
    for f in failures:
        print(f"gate: {result.primary.name}: {f}", file=sys.stderr)
    return 1 if failures else 0


def cmd_serve(args, settings) -> int:
    from ui.app import serve

    serve(settings, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
