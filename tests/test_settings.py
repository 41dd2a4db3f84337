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


def test_the_file_bounds_have_no_defaults_but_the_settings():
    import dataclasses

    import pytest

    from assistant.settings import Settings
    from index.load import Limits

    assert all(f.default is dataclasses.MISSING for f in dataclasses.fields(Limits))
    with pytest.raises(TypeError):
        Limits()
    assert Settings(_env_file=None).index_config().limits == Limits(25_000_000, 100_000, 200, 30.0)


def test_the_chat_model_default_is_a_setting_per_provider():
    from assistant.settings import Settings

    assert Settings(_env_file=None).llm_model is None
    assert Settings(_env_file=None, llm_provider="ollama").llm_model == "llama3.1"
    assert Settings(_env_file=None, llm_provider="openai").llm_model == "gpt-4o-mini"
    assert Settings(_env_file=None, llm_provider="openai", llm_model="m").llm_model == "m"


def test_chromas_copy_of_the_embedding_function_keeps_the_batch_size():
    from index.vectors import _embedding_function

    class Named:
        name, batch_size = "all-MiniLM-L6-v2", 7

    ef = _embedding_function(Named())
    assert ef.get_config() == {"model": "all-MiniLM-L6-v2", "batch_size": 7}
    assert type(ef).build_from_config(ef.get_config()).inner.batch_size == 7
    assert type(ef).build_from_config({"model": "all-MiniLM-L6-v2"}).inner.batch_size is None  # stored before
