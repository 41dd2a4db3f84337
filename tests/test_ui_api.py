"""The web app's `ask` API endpoint, called with gradio_client against a real server on
127.0.0.1 over the seed index (DESIGN §4: the same object as `vacancy ask --json`)."""

from __future__ import annotations


import pytest

from conftest import free_port

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def server(seed_library, tmp_path_factory):
    from assistant.pipeline import Assistant
    from assistant.settings import Settings
    from ui.app import build, launch

    settings = Settings(index_dir=seed_library.config.index_dir, ui_auth=None,
                        uploads_dir=tmp_path_factory.mktemp("uploads"))
    helper = Assistant(seed_library)
    demo = build(settings, helper)
    port = free_port()
    launch(demo, settings, "127.0.0.1", port, block=False)
    yield f"http://127.0.0.1:{port}/", helper
    demo.close()


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server[0], verbose=False)


def test_only_the_ask_endpoint_is_public(client):
    assert list(client.view_api(return_format="dict", print_info=False)["named_endpoints"]) == ["/ask"]


def test_ask_returns_the_answer_object_with_verified_citations(client, server):
    helper = server[1]
    out = client.predict("What degree does the Security Coordination Officer in Laayoune require?", [],
                         api_name="/ask")
    assert list(out) == ["question", "answer", "answerable", "notices", "citations", "verdict", "checks", "lines"]
    assert out["answerable"] is True and out["verdict"] is None
    notice = helper.notices[out["notices"][0]]
    assert (notice.title, notice.duty_station) == ("Security Coordination Officer", "Laayoune (Western Sahara)")
    assert "master" in out["answer"] and "[1]" in out["answer"]
    for c in out["citations"]:
        assert helper.notices[c["notice_id"]].text[c["start"]:c["end"]] == c["quote"]
        assert c["source"] == notice.source and c["section"] == "Education"


def test_ask_uses_the_history_for_a_follow_up(client, server):
    helper = server[1]
    out = client.predict(question="Which languages are required?",
                         history=["Tell me about the Chief Security Officer post in Port-au-Prince"],
                         api_name="/ask")
    assert [helper.notices[i].title for i in out["notices"]] == ["Chief Security Officer"]
    assert "English" in out["answer"] and out["citations"]


def test_ask_eligibility_sets_verdict_and_checks(client):
    out = client.predict("I have a bachelor's degree and 2 years of experience. Can I apply to the "
                         "Security Coordination Officer post in Laayoune?", [], api_name="/ask")
    assert out["verdict"] == "not_eligible"
    assert {c["status"] for c in out["checks"]} <= {"met", "not_met", "unknown"}
    assert any(c["status"] == "not_met" for c in out["checks"])


def test_ask_refuses_an_empty_question(client):
    out = client.predict("", [], api_name="/ask")
    assert out["answerable"] is False and out["citations"] == []
