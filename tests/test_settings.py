"""The process environment the libraries read is set in one place
(assistant.settings.set_environment), by the entry points, never by a module at import."""

from __future__ import annotations

import re

from assistant.settings import set_environment
from conftest import ROOT

WRITES = re.compile(r"environ\[[^]]+\]\s*=|environ\.(?:setdefault|update)\(|putenv\(")


def test_set_environment_keeps_what_the_user_set_but_gradio_analytics():
    environ = {"HF_HUB_OFFLINE": "0", "GRADIO_ANALYTICS_ENABLED": "True"}
    set_environment(environ)
    assert environ == {"HF_HUB_OFFLINE": "0", "TRANSFORMERS_OFFLINE": "1",
                       "ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False"}


def test_only_set_environment_writes_the_environment():
    writers = [str(p.relative_to(ROOT)) for pkg in ("assistant", "index", "ui", "evals", "benchmarks")
               for p in sorted((ROOT / pkg).rglob("*.py")) if WRITES.search(p.read_text(encoding="utf-8"))]
    assert writers == ["assistant/settings.py"]
