"""Cold start: an assistant opened on an index reads what the first question needs, not
every notice (calls counted, never timed; `benchmarks/answer.py` prints the times)."""

from __future__ import annotations

from datetime import date

import numpy as np
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


def test_a_filtered_search_in_a_new_process_reads_one_notice_and_no_bm25_build(
        index_dir, fake_embedder, monkeypatch):
    """The first process keeps the BM25 index on disk; a later one opens it and reads the
    text of the notice searched only (no scan of every notice's text)."""
    import index.sparse as sparse

    first = Library(index_config(index_dir), embedder=fake_embedder)
    nid = first.notice_ids()[2]
    want = [(h.chunk.id, h.score) for h in first.search("experience required", 3, [nid])]
    first.store.close()
    counts = Counts(monkeypatch)
    monkeypatch.setattr(sparse.SparseIndex, "_tokenize",
                        _counting(sparse.SparseIndex._tokenize, counts.calls, "tokenize"))
    again = Library(index_config(index_dir), embedder=fake_embedder)
    got = [(h.chunk.id, h.score) for h in again.search("experience required", 3, [nid])]
    assert got == want and len(got) == 3
    assert {h.chunk.notice_id for h in again.search("experience required", 3, [nid])} == {nid}
    assert counts.calls == {"notices": 0, "notice": 1, "card_for": 0, "tokenize": 2}  # queries only
    assert "vectors" not in again.__dict__  # the vectors came from the store: Chroma never opened


def test_vectors_an_older_index_lacks_are_copied_from_chroma(index_dir, fake_embedder):
    lib = Library(index_config(index_dir), embedder=fake_embedder)
    kept = lib.store.vectors(fake_embedder.name, sorted(lib.store.embed_keys()))
    with lib.store.transaction() as db:
        db.execute("DELETE FROM vectors")
    lib.prepare_search()
    again = lib.store.vectors(fake_embedder.name, sorted(lib.store.embed_keys()))
    assert len(kept) == len(lib.store.embed_keys()) > 0
    assert again.keys() == kept.keys()
    assert all(np.allclose(again[k], kept[k], atol=1e-6) for k in kept)  # Chroma's float32 copy


def _counting(inner, calls: dict, name: str):
    calls[name] = 0

    def counted(*args, **kwargs):
        calls[name] += 1
        return inner(*args, **kwargs)

    return counted


def test_a_kept_bm25_index_scores_as_the_one_built(tmp_path):
    from index.sparse import SparseIndex, kept_index

    texts = ["The P-3 officer reports to the Chief.", "Fluency in English is required.",
             "A driving licence is required", "", "English and French"]
    ids = ["a", "b", "c", "d", "e"]
    built = SparseIndex(texts)
    kept_index(tmp_path, ids, lambda: texts)
    opened = kept_index(tmp_path, ids, lambda: pytest.fail("built again"))
    assert opened._df == built._df and opened.size == 5
    for q in ("english required", "P3 chief", "licence", "nothing here"):
        assert opened.scores(q).tolist() == built.scores(q).tolist()
        assert opened.relative_scores(q).tolist() == built.relative_scores(q).tolist()
    changed = kept_index(tmp_path, ids[:4], lambda: texts[:4])  # other passages: built, kept alone
    assert changed.size == 4 and len([p for p in tmp_path.iterdir()]) == 1


def test_vectors_of_fixed_texts_are_kept_beside_the_model(tmp_path, fake_embedder):
    from index.embed import embed_kept

    fake_embedder.keep_dir = tmp_path
    first = embed_kept(fake_embedder, ["Which grade is it?", "What is the salary?"])
    calls = fake_embedder.calls
    again = embed_kept(fake_embedder, ["Which grade is it?", "What is the salary?"])
    assert fake_embedder.calls == calls and again.tolist() == first.tolist()
    embed_kept(fake_embedder, ["Which grade is it?"])
    assert fake_embedder.calls == calls + 1
