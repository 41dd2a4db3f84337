"""All configuration, read once from `VACANCY_*` environment variables and `.env`; and the
process environment the libraries read (offline, no telemetry), set once by each entry point
(`vacancy`, the test session, the benchmarks) with `set_environment()`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from platformdirs import user_data_path
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.library import IndexConfig
from index.load import Limits


# What Hugging Face, transformers, Chroma and Gradio read from the environment: nothing is
# downloaded, nothing is reported. A value the user set is kept, except Gradio's analytics.
ENVIRONMENT = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
FORCED_ENVIRONMENT = {"GRADIO_ANALYTICS_ENABLED": "False"}
LLM_MODELS = {"openai": "gpt-4o-mini", "ollama": "llama3.1"}  # VACANCY_LLM_MODEL's default per provider


def set_environment(environ=os.environ) -> None:
    """Offline and telemetry off, before the libraries that read it are imported."""
    for name, value in ENVIRONMENT.items():
        environ.setdefault(name, value)
    environ.update(FORCED_ENVIRONMENT)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VACANCY_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: user_data_path("vacancy-assistant"),
                           description="the user's data: index and uploads (never inside the repository)")
    index_dir: Path | None = Field(None, description="Chroma data and structured store (default DATA_DIR/index)")
    uploads_dir: Path | None = Field(None, description="where web uploads are kept (default DATA_DIR/uploads)")
    notices_dir: Path = Field(Path("notices"), description="where `vacancy ingest` looks by default")
    embedding_model: str = Field("all-MiniLM-L6-v2", description="sentence-transformers name or path")
    embedding_backend: Literal["onnx", "torch", "onnx-int8"] = Field(
        "onnx", description="onnx: torch's vectors, faster; onnx-int8: faster still, vectors moved")
    embed_batch_size: int = Field(32, gt=0, description="texts per model call (measured: 17% faster and half "
                                  "the memory growth of 64)")
    model_cache_dir: Path | None = Field(None, description="exported ONNX models (default: models/ beside INDEX_DIR)")
    chroma_host: str | None = Field(None, description="use a Chroma server instead of the embedded store")
    chroma_port: int = 8000
    max_file_mb: float = Field(5.0, gt=0, description="larger files are rejected")
    max_inflated_mb: float = Field(25.0, gt=0, description="a .docx inflating to more is rejected")
    max_notice_chars: int = Field(100_000, gt=0, description="a longer extracted text is rejected")
    max_pdf_pages: int = Field(200, gt=0, description="a PDF with more pages is rejected")
    follow_links_inside: bool = Field(False, description="follow symbolic links that stay inside the folder ingested")
    parse_seconds: float = Field(30.0, ge=0, description="a file taking longer to read and parse is rejected (0: no budget)")
    ingest_wait_s: float = Field(60.0, ge=0, description="how long `vacancy ingest` waits for another ingest")
    llm_provider: Literal["none", "openai", "ollama"] = "none"
    llm_base_url: str | None = None
    llm_model: str | None = Field(None, description="default: gpt-4o-mini for openai, llama3.1 for ollama")
    llm_api_key: str | None = None
    llm_timeout_s: float = 20.0
    ui_auth: str | None = Field(None, description="user:password[,user:password...] for the web UI")

    @model_validator(mode="after")
    def _in_data_dir(self):
        """The index and the uploads live in the data folder unless set on their own."""
        self.index_dir = self.index_dir or self.data_dir / "index"
        self.uploads_dir = self.uploads_dir or self.data_dir / "uploads"
        self.llm_model = self.llm_model or LLM_MODELS.get(self.llm_provider)
        return self

    def index_config(self) -> IndexConfig:
        return IndexConfig(
            index_dir=self.index_dir,
            embedding_model=self.embedding_model,
            embedding_backend=self.embedding_backend,
            embed_batch_size=self.embed_batch_size,
            model_cache_dir=self.model_cache_dir or self.index_dir.parent / "models",
            chroma_host=self.chroma_host or None,
            chroma_port=self.chroma_port if self.chroma_host else None,
            max_file_bytes=int(self.max_file_mb * 1_000_000),
            limits=Limits(max_inflated_bytes=int(self.max_inflated_mb * 1_000_000),
                          max_chars=self.max_notice_chars, max_pdf_pages=self.max_pdf_pages,
                          parse_seconds=self.parse_seconds or None),
            follow_links_inside=self.follow_links_inside,
        )
