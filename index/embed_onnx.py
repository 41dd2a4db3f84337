"""The ONNX Runtime backend of the embedder: the same sentence-transformers model, exported
once to an ONNX graph, run with onnxruntime and the model's own `tokenizers` tokenizer.

On first use the model folder's sentence-transformers pipeline (transformer, pooling,
normalisation) is exported whole with `torch.onnx.export` into the cache folder (the data
folder, never the repository), then checked against torch on a fixed sample: the export
is refused unless every vector has cosine >= `MIN_COSINE` with torch's. The graph's folder
is named by a key hashed from the model's files, this module's source and the versions of
the libraries that shape the graph, so a changed model, exporter or library exports again;
nothing is hand-bumped. Later processes load the graph without importing torch or
sentence-transformers (a model file's content hash is remembered by its size and mtime,
so the 90 MB weights are not re-read on every start).

`int8` is dynamic int8 quantisation of that graph (onnxruntime.quantization): faster, but
its vectors are not torch's (README gives the measured loss), so it is opt-in and its
vectors live in their own Chroma collection.

Left out: models whose folder has no `tokenizer.json` (a fast tokenizer) and inputs other
than text; GPUs (CPU provider only).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import VacancyError

MIN_COSINE = 0.9999
SMALL = 16  # a query and a few sentences run on the calling thread alone (see embed.SMALL)
# Checked against torch after every export: short, long (truncated), accented, empty.
CHECK_TEXTS = (
    "Duty Station: Pretoria",
    "Advanced university degree (Master's degree or equivalent) in law, political science "
    "or a related field. A first-level university degree in combination with two additional "
    "years of qualifying experience may be accepted in lieu of the advanced university degree.",
    "Fluency in English is required; knowledge of French is desirable. " * 40,
    "Expérience en gestion de la sécurité, connaissance de l'arabe — un atout.",
    "",
)
_LIBRARIES = ("torch", "onnx", "onnxruntime", "sentence-transformers", "transformers", "tokenizers")


def _runtime():
    try:
        import onnxruntime
    except ImportError as err:
        raise VacancyError(
            "the onnx embedding backend needs onnxruntime, which is not installed "
            "(`pip install onnxruntime`); or set VACANCY_EMBEDDING_BACKEND=torch") from err
    return onnxruntime


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _file_hashes(model_dir: Path, memo_path: Path) -> dict[str, str]:
    """sha256 of each file of the model folder, remembered by (size, mtime) in `memo_path`."""
    try:
        memo = json.loads(memo_path.read_text())
    except (OSError, ValueError):
        memo = {}
    out, changed = {}, False
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        rel, st = path.relative_to(model_dir).as_posix(), path.stat()
        stamp = f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        if memo.get(stamp) is None:
            memo[stamp] = hashlib.sha256(path.read_bytes()).hexdigest()
            changed = True
        out[rel] = memo[stamp]
    if changed:
        _write_atomic(memo_path, json.dumps(memo, indent=0).encode())
    return out


def export_key(model_dir: Path, cache_dir: Path) -> str:
    """What the exported graph depends on: the model's files, this module's code and the
    libraries that write (and check) the graph."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for rel, digest in _file_hashes(model_dir, cache_dir / "file-hashes.json").items():
        h.update(f"{rel}={digest}\n".encode())
    for lib in _LIBRARIES:
        h.update(f"{lib}=={_version(lib)}\n".encode())
    return h.hexdigest()[:20]


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


class OnnxEmbedder:
    """Embeds like `embed.SentenceEmbedder` (L2-normalised vectors) with onnxruntime.
    `quantize` selects the int8 graph."""

    def __init__(self, name: str, model_dir: str, cache_dir: Path, batch_size: int,
                 quantize: bool = False):
        self.name = f"{name}#int8" if quantize else name  # int8 vectors: their own collection
        self.model_dir = Path(model_dir)
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        self.quantize = quantize
        self.calls = 0

    # -- files -------------------------------------------------------------------------
    @cached_property
    def folder(self) -> Path:
        """The cache folder of this model's graph, exported (and quantised) if need be."""
        if not (self.model_dir / "tokenizer.json").is_file():
            raise VacancyError(
                f"embedding model {self.model_dir} has no tokenizer.json, which the onnx "
                "backend needs; set VACANCY_EMBEDDING_BACKEND=torch")
        _runtime()
        slug = re.sub(r"[^a-z0-9]+", "-", self.name.split("#")[0].split("/")[-1].lower()).strip("-")
        folder = self.cache_dir / f"{slug}-{export_key(self.model_dir, self.cache_dir)}"
        if not (folder / "model.onnx").is_file():
            export(self.model_dir, folder)
        if self.quantize and not (folder / "model-int8.onnx").is_file():
            quantize(folder)
        return folder

    @property
    def keep_dir(self) -> Path:
        """Where vectors of fixed texts are kept (`embed.embed_kept`)."""
        return self.folder

    @cached_property
    def spec(self) -> dict:
        return json.loads((self.folder / "spec.json").read_text())

    @cached_property
    def tokenizer(self):
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        tok.enable_truncation(self.spec["max_seq_length"])
        tok.no_padding()
        return tok

    @cached_property
    def session(self):
        """One single-thread session: a batch runs on the thread that calls it, and the
        batches of a large `embed` run on `workers` threads at once (see `embed`)."""
        ort = _runtime()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        graph = "model-int8.onnx" if self.quantize else "model.onnx"
        return ort.InferenceSession(str(self.folder / graph), options,
                                    providers=["CPUExecutionProvider"])

    @cached_property
    def workers(self) -> int:
        """Threads for the batches of one `embed`: the cores this process may use."""
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)

    def load(self) -> OnnxEmbedder:
        """Export if need be and open the batch session now."""
        _ = self.tokenizer, self.session
        return self

    # -- embedding ---------------------------------------------------------------------
    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Texts sorted by length into padded batches; up to SMALL texts run as one batch on
        the calling thread, more on `workers` threads, each batch whole on one thread.
        Measured on 2 cores against one two-thread session (onnxruntime's intra-op pool):
        16 % less CPU per text (no spinning, no barrier per operator) and faster under
        load, with the same vectors (cosine 1.000000)."""
        if not texts:
            return []
        self.calls += 1
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        out = np.empty((len(texts), self.spec["dimension"]), dtype=np.float32)
        batches = [order[i:i + self.batch_size] for i in range(0, len(order), self.batch_size)]

        def run(batch):
            out[batch] = self._run(self.session, [encodings[j] for j in batch])

        if len(texts) <= SMALL or len(batches) == 1 or self.workers == 1:
            for batch in batches:
                run(batch)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(min(self.workers, len(batches))) as pool:
                list(pool.map(run, batches))  # list(): raise what a batch raised
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.where(norms > 0, norms, 1.0)).tolist()

    def _run(self, session, encodings) -> np.ndarray:
        """One padded batch through the graph."""
        width = max(len(e.ids) for e in encodings)
        feeds = {}
        for name, attr in (("input_ids", "ids"), ("attention_mask", "attention_mask"),
                           ("token_type_ids", "type_ids")):
            if name in self.spec["inputs"]:
                arr = np.zeros((len(encodings), width), dtype=np.int64)
                for row, e in enumerate(encodings):
                    values = getattr(e, attr)
                    arr[row, :len(values)] = values
                feeds[name] = arr
        return session.run(None, feeds)[0]


# -- export (torch and sentence-transformers are imported only here) --------------------

def export(model_dir: Path, folder: Path) -> None:
    """Export the sentence-transformers pipeline of `model_dir` to `folder/model.onnx`
    and check it against torch; the folder appears whole or not at all."""
    try:
        import onnx  # noqa: F401  (torch's exporter needs it)
    except ImportError as err:
        raise VacancyError("exporting the embedding model to ONNX needs the onnx package "
                           "(`pip install onnx`); or set VACANCY_EMBEDDING_BACKEND=torch") from err
    import torch

    model = _load_torch_model(model_dir)
    features = model.preprocess(list(CHECK_TEXTS))
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in features]
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        _torch_export(torch, model, features, names, tmp / "model.onnx")
        dimension = _check(model, model_dir, tmp / "model.onnx", names)
        spec = {"inputs": names, "max_seq_length": model.max_seq_length, "dimension": dimension}
        (tmp / "spec.json").write_text(json.dumps(spec))
        try:
            os.replace(tmp, folder)
        except OSError:
            if not (folder / "model.onnx").is_file():  # else another process exported it
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def quiet_transformers():
    """No progress bars and only errors from transformers inside the block."""
    from transformers.utils import logging as hf_logging

    bars, verbosity = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def _load_torch_model(model_dir: Path):
    """The model with eager (matmul-softmax-matmul) attention: same vectors as the default
    scaled-dot-product kernel, but its exported graph runs ~10 % faster in onnxruntime
    (measured on 2 cores, 1,183 chunks: 24.0–24.4 s CPU against 26.7–28.5 s, cosine
    1.000000); a model that does not take `attn_implementation` is loaded as it is."""
    from sentence_transformers import SentenceTransformer

    with quiet_transformers():
        try:
            model = SentenceTransformer(str(model_dir), device="cpu",
                                        model_kwargs={"attn_implementation": "eager"})
        except (TypeError, ValueError):
            model = SentenceTransformer(str(model_dir), device="cpu")
    return model.eval()


def _torch_export(torch, model, features, names, graph: Path) -> None:
    import warnings

    class Pipeline(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, *inputs):
            return self.inner(dict(zip(names, inputs)))["sentence_embedding"]

    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notices
        torch.onnx.export(Pipeline(model), tuple(features[n] for n in names), str(graph),
                          input_names=names, output_names=["sentence_embedding"],
                          dynamic_axes={**axes, "sentence_embedding": {0: "batch"}},
                          opset_version=17, dynamo=False)


def _check(model, model_dir: Path, graph: Path, names: list[str]) -> int:
    """The graph's vectors for CHECK_TEXTS (through our own tokenisation) against torch's;
    VacancyError if any cosine is below MIN_COSINE. Returns the vector dimension."""
    reference = model.encode(list(CHECK_TEXTS), normalize_embeddings=True, convert_to_numpy=True)
    probe = OnnxEmbedder("check", str(model_dir), graph.parent, len(CHECK_TEXTS))  # one batch
    probe.__dict__["folder"] = graph.parent
    probe.__dict__["spec"] = {"inputs": names, "max_seq_length": model.max_seq_length,
                              "dimension": int(reference.shape[1])}
    got = np.asarray(probe.embed(list(CHECK_TEXTS)))
    worst = float((got * reference).sum(axis=1).min())
    if worst < MIN_COSINE:
        raise VacancyError(f"the ONNX export of the embedding model does not reproduce its "
                           f"vectors (cosine {worst:.5f} < {MIN_COSINE}); set "
                           "VACANCY_EMBEDDING_BACKEND=torch")
    return int(reference.shape[1])


def quantize(folder: Path) -> None:
    """Dynamic int8 quantisation of `folder/model.onnx` into `folder/model-int8.onnx`."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    import logging

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".model-int8.", suffix=".onnx")
    os.close(fd)
    root, level = logging.getLogger(), logging.getLogger().level
    root.setLevel(logging.ERROR)  # its advice to pre-process a graph it quantises anyway
    try:
        quantize_dynamic(str(folder / "model.onnx"), tmp, weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)
    os.replace(tmp, folder / "model-int8.onnx")
