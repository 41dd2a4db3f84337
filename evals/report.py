"""What an evaluation prints and writes: metric tables (overall, per category, verdict
confusion), and with `--report DIR` a `report.md` with the failed cases, where the pipeline
wins and loses against each other configuration, and two PNG charts (matplotlib, Agg).

A ratio shows as "–" when there was nothing to measure (e.g. no citation at all).
Left out: HTML output, charts of every metric (the tables carry them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Sequence

from index.errors import VacancyError

from .configs import DESCRIPTIONS
from .metrics import HIT_KS, OTHER, VERDICTS, Metrics
from .run import ConfigRun, EvalResult

ANSWER_CHARS = 500


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


COLUMNS: tuple[tuple[str, Callable[[Metrics], str]], ...] = (
    ("cases", lambda m: str(m.cases)),
    ("answer", lambda m: _ratio(m.answer_accuracy)),
    ("evidence", lambda m: _ratio(m.evidence_recall)),
    ("cit.valid", lambda m: _ratio(m.citation_validity)),
    ("cit.prec", lambda m: _ratio(m.citation_precision)),
    ("verdict", lambda m: _ratio(m.verdict_accuracy)),
    ("abstain", lambda m: _ratio(m.abstention_accuracy)),
    *((f"hit@{k}", (lambda k: lambda m: _ratio(m.hit(k)))(k)) for k in HIT_KS),
    ("MRR", lambda m: _ratio(m.mrr)),
    ("p50 ms", lambda m: _ms(m.latency_p50)),
    ("p95 ms", lambda m: _ms(m.latency_p95)),
)
LEGEND = ("answer = answer accuracy, evidence = evidence recall, cit.valid = citation validity, "
          "cit.prec = citation precision, verdict = verdict accuracy, abstain = abstention accuracy, "
          f"hit@k / MRR = retrieval of the gold evidence (top {max(HIT_KS)}, filtered to the case's "
          "notices), p50/p95 = latency of one answer")


# -- tables --------------------------------------------------------------------------------
def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Fixed-width table: first column left-aligned, the others right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells):
        return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return "\n".join([line(header), "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|",
                      *map(line, rows)])


def overall_rows(result: EvalResult) -> tuple[list[str], list[list[str]]]:
    """One row per configuration, one column per metric."""
    return ["config", *(c for c, _ in COLUMNS)], [[r.name, *(f(r.overall) for _, f in COLUMNS)] for r in result.runs]


def category_rows(result: EvalResult) -> tuple[list[str], list[list[str]]]:
    """Answer accuracy: one row per category, one column per configuration."""
    first = result.runs[0].categories
    rows = [[f"{cat} ({first[cat].cases})", *(_ratio(r.categories[cat].answer_accuracy) for r in result.runs)]
            for cat in first]
    return ["category (cases)", *(r.name for r in result.runs)], rows


def metrics_by_category(run: ConfigRun) -> tuple[list[str], list[list[str]]]:
    """Every metric of one configuration: one row per category, then "all"."""
    rows = [[cat, *(f(m) for _, f in COLUMNS)] for cat, m in run.categories.items()]
    return ["category", *(c for c, _ in COLUMNS)], rows + [["all", *(f(run.overall) for _, f in COLUMNS)]]


def confusion_rows(metrics: Metrics) -> tuple[list[str], list[list[str]]]:
    """Gold verdicts down, predicted across ("other": none or an unknown value)."""
    cols = [*VERDICTS, OTHER]
    rows = [[gold, *(str(metrics.confusion.get((gold, p), 0)) for p in cols)] for gold in VERDICTS]
    return ["gold \\ predicted", *cols], rows


def console_tables(result: EvalResult) -> str:
    parts = [f"Overall ({len(result.cases)} cases)", text_table(*overall_rows(result)), LEGEND, ""]
    if len(result.runs) > 1:
        parts += ["Answer accuracy by category", text_table(*category_rows(result)), ""]
    primary = result.primary
    parts += [f"{primary.name} by category", text_table(*metrics_by_category(primary)), ""]
    for run in result.runs:
        if _gives_verdicts(run):
            parts += [f"Verdicts of {run.name} (gold down, predicted across)",
                      text_table(*confusion_rows(run.overall)), ""]
    return "\n".join(parts).rstrip()


def _gives_verdicts(run: ConfigRun) -> bool:
    return any(p != OTHER for _, p in run.overall.confusion)


# -- report.md -----------------------------------------------------------------------------
def write_report(folder: Path, result: EvalResult) -> Path:
    """report.md, the charts and each configuration's predictions in `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    category_chart(result, folder / "category_accuracy.png")
    latency_chart(result, folder / "latency.png")
    for run in result.runs:
        with open(folder / f"predictions-{run.name}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in run.predictions)
    path = folder / "report.md"
    path.write_text(report_markdown(result), encoding="utf-8")
    return path


def report_markdown(result: EvalResult) -> str:
    cats = sorted({c.category for c in result.cases})
    parts = ["# Evaluation report", "",
             f"{len(result.cases)} cases in {len(cats)} categories ({', '.join(cats)}), "
             f"run through {len(result.runs)} configuration(s):", "",
             *(f"- **{r.name}**: {DESCRIPTIONS.get(r.name, '')}" for r in result.runs), "",
             "## Overall", "", md_table(*overall_rows(result)), "", LEGEND + ".", "",
             "## Answer accuracy by category", "", md_table(*category_rows(result)), "",
             "![answer accuracy by category](category_accuracy.png)", ""]
    parts += _wins_and_losses(result)
    parts += ["## Metrics by category", ""]
    for run in result.runs:
        parts += [f"### {run.name}", "", md_table(*metrics_by_category(run)), ""]
    parts += ["## Verdicts", "", "Gold verdict down, predicted across; *other* is no verdict or an "
              "unknown value.", ""]
    silent = [run.name for run in result.runs if not _gives_verdicts(run)]
    for run in result.runs:
        if run.name not in silent:
            parts += [f"### {run.name}", "", md_table(*confusion_rows(run.overall)), ""]
    if silent:
        parts += [f"No verdict given by: {', '.join(silent)}.", ""]
    parts += ["## Latency", "", "![latency by configuration](latency.png)", ""]
    if result.warnings:
        parts += ["## Dataset warnings", "", *(f"- {w}" for w in result.warnings), ""]
    parts += _failures(result)
    return "\n".join(parts)


def _wins_and_losses(result: EvalResult) -> list[str]:
    primary = result.primary
    others = [r for r in result.runs if r is not primary]
    if not others:
        return []
    correct = {s.case_id: s.correct for s in primary.scores}
    rows, details = [], []
    for run in others:
        theirs = {s.case_id: s.correct for s in run.scores}
        wins = [i for i in correct if correct[i] and not theirs[i]]
        losses = [i for i in correct if theirs[i] and not correct[i]]
        rows.append([run.name, str(len(wins)), str(len(losses)), ", ".join(wins) or "–", ", ".join(losses) or "–"])
        details += _loss_details(primary, run, losses)
    return ["## Where the pipeline wins and loses", "",
            f"Cases *{primary.name}* answers correctly and the other configuration does not (wins), "
            "and the reverse (losses).", "",
            md_table(["against", "wins", "losses", "won cases", "lost cases"], rows), "", *details]


def _loss_details(primary: ConfigRun, other: ConfigRun, losses: Sequence[str]) -> list[str]:
    if not losses:
        return []
    preds = {p["id"]: p for p in primary.predictions}
    theirs = {p["id"]: p for p in other.predictions}
    why = {s.case_id: s.reasons for s in primary.scores}
    out = [f"### Lost to {other.name}", ""]
    for cid in losses:
        out += [f"- **{cid}** — {preds[cid].get('question', '')}",
                f"  - {primary.name}: {_clip(preds[cid].get('answer'))} *({'; '.join(why[cid])})*",
                f"  - {other.name}: {_clip(theirs[cid].get('answer'))}"]
    return out + [""]


def _failures(result: EvalResult) -> list[str]:
    primary = result.primary
    questions = {c.id: c for c in result.cases}
    preds = {p["id"]: p for p in primary.predictions}
    failed = [s for s in primary.scores if not s.correct]
    out = [f"## Failed cases of {primary.name} ({len(failed)} of {len(primary.scores)})", ""]
    for s in failed:
        case = questions[s.case_id]
        history = f" (after: {' / '.join(case.history)})" if case.history else ""
        out += [f"### {s.case_id} · {s.category}", "",
                f"- question: {case.question}{history}",
                f"- answer: {_clip(preds[s.case_id].get('answer'))}",
                f"- why: {'; '.join(s.reasons)}", ""]
    for run in result.runs:
        if run is not primary:
            ids = [s.case_id for s in run.scores if not s.correct]
            out.append(f"- {run.name} failed {len(ids)}: {', '.join(ids) or '–'}")
    return out


def _clip(text) -> str:
    t = " ".join(str(text or "").split())
    return (t[:ANSWER_CHARS] + "…" if len(t) > ANSWER_CHARS else t) or "(empty)"


# -- charts --------------------------------------------------------------------------------
def _pyplot():
    try:
        import matplotlib
    except ImportError as err:
        raise VacancyError("the report's charts need matplotlib: pip install matplotlib") from err

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def category_chart(result: EvalResult, path: Path) -> None:
    """Grouped bars: answer accuracy per category (and overall), one bar per configuration."""
    import numpy as np

    plt = _pyplot()
    first = result.runs[0].categories
    labels = [*first, "all"]
    x = np.arange(len(labels))
    width = 0.8 / len(result.runs)
    fig, ax = plt.subplots(figsize=(max(7.0, 1.3 * len(labels) + 2), 4.5))
    for i, run in enumerate(result.runs):
        values = [run.categories[c].answer_accuracy or 0.0 for c in first] + [run.overall.answer_accuracy or 0.0]
        bars = ax.bar(x + (i - (len(result.runs) - 1) / 2) * width, values, width, label=run.name)
        ax.bar_label(bars, labels=[f"{v:.0%}" for v in values], fontsize=7, padding=2, rotation=90)
    ax.set_xticks(x, [f"{c}\n({first[c].cases})" for c in first] + [f"all\n({result.runs[0].overall.cases})"])
    ax.set_ylim(0, 1.18)
    ax.set_ylabel("answer accuracy")
    ax.set_title("Answer accuracy by category (cases)")
    ax.legend(ncols=len(result.runs), loc="upper center", fontsize=8, frameon=False,
              bbox_to_anchor=(0.5, -0.15))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def latency_chart(result: EvalResult, path: Path) -> None:
    """Box plot of answer latency per configuration (log scale; whiskers at p5 and p95),
    each answer a dot."""
    import numpy as np

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(6.0, 1.6 * len(result.runs) + 2), 4.2))
    data = [[max(s.latency_ms, 0.1) for s in r.scores] for r in result.runs]
    ax.boxplot(data, whis=(5, 95), showfliers=False)
    rng = np.random.default_rng(0)
    for i, values in enumerate(data, 1):
        ax.scatter(i + rng.uniform(-0.15, 0.15, len(values)), values, s=10, alpha=0.5, color="tab:blue")
    ax.set_xticks(range(1, len(result.runs) + 1), [r.name for r in result.runs])
    ax.set_yscale("log")
    ax.set_ylabel("latency per answer (ms, log scale)")
    ax.set_title("Latency by configuration (box: p25–p75, whiskers: p5–p95, dots: answers)")
    for i, r in enumerate(result.runs, 1):
        m = r.overall
        if m.latency_p50 is not None:
            ax.annotate(f"p50 {m.latency_p50:,.0f}\np95 {m.latency_p95:,.0f}", (i, m.latency_p95),
                        textcoords="offset points", xytext=(14, 4), fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
