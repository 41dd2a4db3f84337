"""The evaluation suite: datasets of questions with gold answers (DESIGN §5), a runner that
answers them through one or several configurations (`run.py`, `configs.py`, `baseline.py`),
metrics computed without an LLM (`metrics.py`) and the printed tables and report
(`report.py`). `vacancy eval` is the command; `evals/README.md` documents the format."""
