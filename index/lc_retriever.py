"""The index as a LangChain retriever, for chains built with LangChain runnables.

`VacancyRetriever` wraps `Library.search` (hybrid dense + BM25 retrieval) and returns one
`Document` per passage: `page_content` is the passage exactly as in the notice text
(`notice.text[start:end]`), and the metadata say where it is from (notice_id,
notice_title, source, section, start, end) and how it scored (score, dense_rank,
sparse_rank; a rank is None where that ranking did not return the passage).
Left out: a native async path (LangChain runs the sync one in an executor).
"""

from __future__ import annotations

from typing import Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from .library import Library
from .records import Hit, Notice


class VacancyRetriever(BaseRetriever):
    """Top `k` passages for a question, optionally only from the `notices` named (each a
    notice id, file name, file stem or a title fragment matching one notice)."""

    library: Library
    k: int = 5
    notices: list[str] | None = None
    mode: Literal["hybrid", "dense", "sparse"] = "hybrid"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        ids = None if self.notices is None else [self.library.find_notice(ref).id
                                                 for ref in self.notices]
        hits = self.library.search(query, self.k, ids, self.mode)
        known = self.library.retriever.notices
        return [to_document(h, known[h.chunk.notice_id]) for h in hits]


def to_document(hit: Hit, notice: Notice) -> Document:
    """A retrieved passage as a LangChain `Document` (see the module docstring)."""
    c = hit.chunk
    return Document(
        id=c.id,
        page_content=c.text,
        metadata={
            "notice_id": c.notice_id,
            "notice_title": notice.title or notice.stem,
            "source": notice.source,
            "section": c.section,
            "start": c.start,
            "end": c.end,
            "score": hit.score,
            "dense_rank": hit.dense_rank,
            "sparse_rank": hit.sparse_rank,
        },
    )
