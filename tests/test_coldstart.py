"""Cold start: an assistant opened on an index reads what the first question needs, not
every notice (calls counted, never timed; `benchmarks/answer.py` prints the times)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import cards as cards_module
from assistant.pipeline import Assistant, LazyMap
from index.library import Library
from index.store import Store

from conftest import SEED_FILES, index_config


class Counts:
    def __init__(self, monkeypatch):
        self.calls: dict[str, int] = {"notices": 0, "notice": 0, "card_for": 0}
        self._wrap(monkeypatch, Store, "notices")
        self._wrap(monkeypatch, Store, "notice")
        self._wrap(monkeypatch, cards_module, "card_for")

    def _wrap(self, monkeypatch, owner, name):
        inner = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls[name] += 1
            return inner(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


@pytest.fixture
def index_dir(tmp_path, fake_embedder):
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    lib.ingest(SEED_FILES)
    Assistant(lib, today=date(2026, 1, 1)).ask("When does the Pretoria post close?")  # cards stored
    lib.store.close()
    return tmp_path / "index"


def test_a_fresh_assistant_reads_only_the_notice_the_question_is_about(index_dir, fake_embedder,
                                                                        monkeypatch):
    counts = Counts(monkeypatch)
    helper = Assistant(Library(index_config(index_dir), embedder=fake_embedder),
                       today=date(2026, 1, 1))
    answer = helper.ask("When does the Pretoria post close?")
    assert len(answer.notices) == 1 and answer.citations
    assert len(helper.cards) == len(SEED_FILES)
    assert counts.calls == {"notices": 0, "notice": 1, "card_for": 0}


def test_cards_are_made_once_per_notice_and_then_read_from_the_store(tmp_path, fake_embedder,
                                                                     monkeypatch):
    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    lib.ingest(SEED_FILES)
    counts = Counts(monkeypatch)
    first = Assistant(lib).cards
    assert counts.calls["card_for"] == len(SEED_FILES)
    again = Assistant(lib).cards
    assert counts.calls["card_for"] == len(SEED_FILES)
    assert again == first


def test_a_lazy_map_loads_a_value_once_and_keeps_it_when_renewed():
    loads = []
    lazy = LazyMap(["a", "b"], lambda k: loads.append(k) or k.upper())
    assert list(lazy) == ["a", "b"] and "b" in lazy and "c" not in lazy and len(lazy) == 2
    assert lazy["a"] == "A" and lazy["a"] == "A"
    assert loads == ["a"]
    renewed = lazy.renewed(["a", "c"])
    assert renewed["a"] == "A" and renewed["c"] == "C" and "b" not in renewed
    assert loads == ["a", "c"]
    with pytest.raises(KeyError):
        renewed["b"]
