"""The naive baseline: the retrieval-augmented setup anyone would build with LangChain, as
the yardstick for the pipeline.

The repaired texts of the indexed notices are cut by `RecursiveCharacterTextSplitter`
(1000 characters, 200 overlap), embedded with the same model as the index and kept in a
Chroma collection of its own (`<eval index>/naive-chroma`, updated incrementally: a
passage is embedded once). A question (with the earlier turns before it) is answered by
the top-4 similarity search: the answer is the best passage, cited as that passage; it
never abstains and never gives a verdict.
Left out: an LLM to write the answer (the suite measures without one).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Sequence

from assistant.pipeline import answer_json
from assistant.records import Answer, Citation
from index.errors import VacancyError
from index.library import Library
from index.records import Notice

CHUNK_SIZE, CHUNK_OVERLAP, TOP_K = 1000, 200, 4


@dataclass(frozen=True)
class Passage:
    """`notice.text[start:end] == text`."""

    id: str
    notice_id: str
    start: int
    end: int
    text: str


def split_notice(notice: Notice, size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> list[Passage]:
    """The notice text cut by LangChain's recursive splitter, each piece with its offsets."""
    try:
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError as err:
        raise VacancyError("the naive baseline needs langchain-text-splitters: "
                           "pip install langchain-text-splitters") from err
    splitter = RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=overlap, add_start_index=True)
    out = []
    for doc in splitter.create_documents([notice.text]):
        start = doc.metadata["start_index"]
        if notice.text[start:start + len(doc.page_content)] != doc.page_content:
            start = notice.text.find(doc.page_content)
        if start < 0:
            continue
        end = start + len(doc.page_content)
        key = hashlib.sha256(f"{notice.id}:{start}:{end}".encode()).hexdigest()[:24]
        out.append(Passage(key, notice.id, start, end, doc.page_content))
    return out


class NaiveRAG:
    """Answerer of the `naive` configuration (see the module docstring)."""

    name = "naive"

    def __init__(self, library: Library, folder: Path, k: int = TOP_K):
        self.library, self.folder, self.k = library, Path(folder), k

    @cached_property
    def notices(self) -> dict[str, Notice]:
        return {n.id: n for n in self.library.notices()}

    @cached_property
    def collection(self):
        """The Chroma collection, brought up to date with the indexed notices."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.folder.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(self.folder),
                                           settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_or_create_collection(
            _collection_name(self.library.embedder.name), embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}})
        self._sync(collection, [p for n in self.notices.values() for p in split_notice(n)])
        return collection

    def _sync(self, collection, passages: list[Passage]) -> None:
        wanted = {p.id: p for p in passages}
        have = set(collection.get(include=[])["ids"])
        stale = sorted(have - set(wanted))
        if stale:
            collection.delete(ids=stale)
        todo = [p for p in passages if p.id not in have]
        for i in range(0, len(todo), 256):
            batch = todo[i:i + 256]
            collection.add(ids=[p.id for p in batch], documents=[p.text for p in batch],
                           embeddings=self.library.embedder.embed([p.text for p in batch]),
                           metadatas=[{"notice_id": p.notice_id, "start": p.start, "end": p.end}
                                      for p in batch])

    def retrieve(self, question: str, notice_ids: Sequence[str] | None, k: int) -> list[tuple[str, int, int]]:
        """The `k` passages most similar to `question` (only of `notice_ids` when given)."""
        total = self.collection.count()
        if not question.strip() or not total:
            return []
        where = {"notice_id": {"$in": list(notice_ids)}} if notice_ids else None
        res = self.collection.query(query_embeddings=self.library.embedder.embed([question]),
                                    n_results=min(k, total), where=where, include=["metadatas"])
        return [(m["notice_id"], int(m["start"]), int(m["end"])) for m in res["metadatas"][0]]

    def ask(self, question: str, history: Sequence[str] = ()) -> dict:
        found = self.retrieve(" ".join([*history, question]), None, self.k)
        if not found:
            return answer_json(Answer(question, "No passage matches the question.", answerable=False))
        nid, start, end = found[0]
        notice = self.notices[nid]
        quote = notice.text[start:end]
        citation = Citation(1, nid, notice.title, notice.source, notice.section_at(start), start, end, quote)
        return answer_json(Answer(question, " ".join(quote.split()) + " [1]", (citation,), (nid,)))


def _collection_name(model: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in model.split("/")[-1].lower()).strip("-")
    return f"naive-{slug}"[:60]
