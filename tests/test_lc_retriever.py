"""The LangChain retriever over the real seed index: Documents with exact offsets and
metadata, the notice filter, and use inside a runnable chain."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda

from index.errors import NoticeNotFound
from index.lc_retriever import VacancyRetriever

WESTERN_SAHARA = "002_5bc2b8270ee94ae7"
PRETORIA = "004_2e9a5f74b42d033d"
METADATA_KEYS = {"notice_id", "notice_title", "source", "section", "start", "end", "score",
                 "dense_rank", "sparse_rank"}

pytestmark = pytest.mark.slow


def assert_exact(lib, docs: list[Document]) -> None:
    notices = {n.id: n for n in lib.notices()}
    for d in docs:
        notice = notices[d.metadata["notice_id"]]
        assert set(d.metadata) == METADATA_KEYS
        assert notice.text[d.metadata["start"]:d.metadata["end"]] == d.page_content
        assert d.metadata["source"] == notice.source
        assert d.metadata["notice_title"] == (notice.title or notice.stem)


def test_invoke_returns_documents_with_exact_offsets(seed_library):
    retriever = VacancyRetriever(library=seed_library)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("do I need a driving licence for the Western Sahara job?")
    assert len(docs) == 5
    assert_exact(seed_library, docs)
    top = docs[0]
    assert top.metadata["source"] == f"{WESTERN_SAHARA}.txt"
    assert "A valid Driving License is required" in top.page_content
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_notice_filter_and_k(seed_library):
    retriever = VacancyRetriever(library=seed_library, notices=[PRETORIA], k=3)
    docs = retriever.invoke("which languages are required?")
    assert len(docs) == 3
    assert {d.metadata["source"] for d in docs} == {f"{PRETORIA}.txt"}
    assert_exact(seed_library, docs)
    assert any("working knowledge of Spanish or French" in d.page_content for d in docs)


def test_unknown_notice_is_a_clear_error(seed_library):
    retriever = VacancyRetriever(library=seed_library, notices=["no-such-notice"])
    with pytest.raises(NoticeNotFound, match="no-such-notice"):
        retriever.invoke("what grade?")


def test_works_inside_a_runnable_chain(seed_library):
    def cite(docs: list[Document]) -> str:
        return "\n".join(f"[{n}] {d.metadata['section']} {d.metadata['start']}-"
                         f"{d.metadata['end']}" for n, d in enumerate(docs, 1))

    retriever = VacancyRetriever(library=seed_library, notices=[WESTERN_SAHARA], k=2)
    chain = retriever | RunnableLambda(cite)
    questions = ["is French required?", "is the SCP certificate mandatory?"]
    answers = chain.batch(questions)
    docs = [retriever.invoke(q) for q in questions]
    assert answers == [cite(d) for d in docs]
    assert all(len(a.splitlines()) == 2 for a in answers)
    assert "fluency in English language" in docs[0][0].page_content
    assert "Security Certification Programme (SCP) is required" in docs[1][0].page_content
