"""The web app in a real browser: Debian's Chromium driven by Playwright against the app
started on 127.0.0.1 over a temporary index of copies of the seed notices.

Screenshots of each step go to tests/screenshots/ (git-ignored). Skipped only when
/usr/bin/chromium is missing (CI installs it: `apt-get install -y chromium`).
"""

from __future__ import annotations

import os
from datetime import date

import shutil
from pathlib import Path

import pytest

from conftest import SEED_FILES, free_port

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 60_000

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              # CI installs chromium (make test), so there a missing browser fails instead of skipping
              pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                 reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")]

NEW_NOTICE = """Job Title: Water and Sanitation Engineer
Organization: Example Relief Agency
Duty Station: Juba, South Sudan
Grade: P-3
Deadline: 31 December 2099

Responsibilities
Designs and supervises water supply and sanitation works in camps and host communities.

Education
A first-level university degree in civil engineering or environmental engineering is required.

Work Experience
A minimum of five years of experience in water and sanitation engineering is required.

Languages
Fluency in English is required. Knowledge of Arabic is desirable.
"""

HOSTILE_NOTICE = """Job Title: Logistics Officer <script>window.__x=1</script>
Organization: Example Relief Agency <img src=x onerror="window.__x=2">
Duty Station: Dodoma, Tanzania
Grade: P-2
Deadline: 30 November 2099

Education
An advanced university degree in logistics is required. <script>window.__x=3</script>

Work Experience
A minimum of two years of experience in supply chain management is required. <img src=x onerror="window.__x=4"> ${window.__x=5} {{constructor.constructor('window.__x=6')()}}

Languages
Fluency in English is required.
"""



@pytest.fixture(scope="module")
def app(tmp_path_factory, memo_embedder):
    from assistant.pipeline import Assistant
    from assistant.settings import Settings
    from index.library import Library
    from ui.app import build, launch

    root = tmp_path_factory.mktemp("ui")
    notices = root / "notices"
    notices.mkdir()
    for p in SEED_FILES:
        shutil.copy(p, notices / p.name)
    settings = Settings(index_dir=root / "index", uploads_dir=notices, ui_auth=None)
    library = Library(settings.index_config(), embedder=memo_embedder)
    library.ingest([notices])
    helper = Assistant(library)
    demo = build(settings, helper)
    port = free_port()
    launch(demo, settings, "127.0.0.1", port, block=False)
    yield {"url": f"http://127.0.0.1:{port}/", "assistant": helper, "notices": notices, "root": root}
    demo.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.goto(app["url"])
    pg.wait_for_selector("#va-question textarea")
    yield pg
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ask(page, question: str | None = None):
    """Ask in the chat (or click the first example question when `question` is None); the
    last answer once it has been streamed whole."""
    page.get_by_role("tab", name="Chat").click()
    before = page.locator("#va-chat .va-answer").count()
    if question is None:
        page.locator("#va-chat").get_by_text("What degree does").first.click()
    else:
        page.locator("#va-question textarea").fill(question)
        page.locator("#va-ask").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#va-chat .va-answer').length > n"
        " && !document.querySelector('#va-chat .va-waiting, #va-chat .va-partial')", arg=before)
    return page.locator("#va-chat .va-answer").last


def upload(page, tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.get_by_role("tab", name="Notices").click()
    page.locator("#va-upload input[type=file]").set_input_files(str(path))
    item = page.locator("#va-upload-report li", has_text=name)
    item.wait_for()
    return item


def test_1_example_requirement_question_shows_answer_with_citation_chip(page, app):
    first = next(iter(app["assistant"].notices.values()))
    answer = ask(page)                      # the first example: "What degree does the … require?"
    chip = answer.locator("button.cite-chip").first
    chip.wait_for()
    shot(page, "1-answer-with-chip")
    assert page.locator("#va-chat .va-question").inner_text().startswith(f"What degree does the {first.title}")
    assert "master" in answer.inner_text()
    assert chip.inner_text() == "1"
    assert f"Talking about: {first.title}" in page.locator("#va-talking").inner_text()


def test_2_clicking_a_chip_highlights_the_quote_in_view(page, app):
    expected = app["assistant"].ask("What degree does the Security Coordination Officer in Laayoune require?")
    answer = ask(page, "What degree does the Security Coordination Officer in Laayoune require?")
    answer.locator("button.cite-chip").first.click()
    mark = page.locator("#va-sources mark.va-cite")
    mark.wait_for()
    page.wait_for_timeout(300)  # the panel scrolls after it re-renders
    shot(page, "2-source-highlighted")
    assert mark.text_content() == expected.citations[0].quote
    assert "section Education" in page.locator("#va-sources .va-source-head").inner_text()
    box = page.locator("#va-sources .va-source-text").bounding_box()
    span = mark.bounding_box()
    assert box["y"] <= span["y"] < box["y"] + box["height"], "the highlighted span is scrolled into view"


def test_3_uploaded_notice_is_listed_and_answered(page, app, tmp_path):
    item = upload(page, tmp_path, "water-engineer.txt", NEW_NOTICE)
    assert "added" in item.inner_text()
    rejected = upload(page, tmp_path, "notes.exe", "not a notice")
    assert "unsupported file type '.exe'" in rejected.inner_text()
    table = page.locator("#va-notices")
    table.get_by_text("Water and Sanitation Engineer").wait_for()
    assert "2099-12-31 (closes in" in table.inner_text()
    shot(page, "3a-uploaded")
    assert (app["notices"] / "water-engineer.txt").read_text() == NEW_NOTICE
    assert not (app["notices"] / "notes.exe").exists()
    answer = ask(page, "What degree does the Water and Sanitation Engineer in Juba require?")
    answer.locator("button.cite-chip").first.wait_for()
    shot(page, "3b-uploaded-answered")
    assert "bachelor" in answer.inner_text()


def test_4_profile_form_gives_a_checklist_with_quotes(page):
    page.get_by_role("tab", name="Eligibility").click()
    page.locator("#va-elig-notice input").click()
    page.get_by_role("option", name="Security Coordination Officer, P-3, Laayoune (Western Sahara)").click()
    page.locator("#va-degree input").click()
    page.get_by_role("option", name="Master's").click()
    page.locator("#va-years textarea, #va-years input").first.fill("6")
    page.locator("#va-lang-1 input").fill("English")
    page.get_by_role("option", name="English", exact=True).click()
    page.locator("#va-level-1 input").click()
    page.get_by_role("option", name="Fluent").click()
    page.locator("#va-licence").get_by_text("No", exact=True).click()
    page.locator("#va-check").click()
    page.locator("#va-checklist .va-check").first.wait_for()
    shot(page, "4a-checklist")
    checklist = page.locator("#va-checklist")
    licence = checklist.locator("li.va-not_met", has_text="Driving licence")
    assert licence.locator(".va-mark").inner_text() == "✗"
    assert not licence.locator("blockquote").is_visible()       # the quote on demand
    licence.locator("summary", has_text="Quote").click()
    assert "Driving Licen" in licence.locator("blockquote").inner_text()
    english = checklist.locator("li.va-met", has_text="English").first
    assert english.locator(".va-mark").inner_text() == "✓"
    assert english.locator("blockquote").text_content()
    assert checklist.locator(".va-verdict").first.inner_text() == "Not eligible"
    page.locator("#va-send").click()
    box = page.locator("#va-question textarea")
    page.wait_for_function("() => document.querySelector('#va-question textarea').value.length > 0")
    assert box.input_value().startswith("I have a master's degree. I have 6 years of experience.")
    answer = ask(page, box.input_value())
    shot(page, "4b-profile-in-chat")
    assert "not" in answer.inner_text().lower() and answer.locator("button.cite-chip").count() > 0


def test_5_hostile_notice_runs_nothing(page, tmp_path):
    item = upload(page, tmp_path, "hostile-notice.txt", HOSTILE_NOTICE)
    assert "added" in item.inner_text()
    page.locator("#va-notices").get_by_text("Logistics Officer").first.click()
    card = page.locator("#va-card h3")
    card.wait_for()
    assert card.text_content() == "Logistics Officer <script>window.__x=1</script>"
    page.locator("#va-fulltext-box").get_by_text("Full text of the notice").click()
    page.locator("#va-fulltext .va-source-text").wait_for()
    assert "{{constructor.constructor('window.__x=6')()}}" in page.locator("#va-fulltext").text_content()
    shot(page, "5a-hostile-card")
    answer = ask(page, "What degree is required?")       # the chat is restricted to the chosen notice
    answer.locator("button.cite-chip").first.click()
    page.locator("#va-sources mark.va-cite").wait_for()
    shot(page, "5b-hostile-source")
    page.get_by_role("tab", name="Compare").click()
    page.locator("#va-compare").get_by_text("Logistics Officer <script>", exact=False).wait_for()
    shot(page, "5c-hostile-compare")
    assert page.evaluate("typeof window.__x") == "undefined"
    assert page.locator("#va-compare script, #va-card script, #va-sources script, #va-fulltext img").count() == 0


def test_6_ask_api_through_gradio_client(app):
    from gradio_client import Client

    out = Client(app["url"], verbose=False).predict(
        "Which languages are required?", ["Tell me about the Chief Security Officer post"], api_name="/ask")
    assert out["answerable"] is True and out["citations"]
    notices = app["assistant"].notices
    assert [notices[i].title for i in out["notices"]] == ["Chief Security Officer"]
    for c in out["citations"]:
        assert notices[c["notice_id"]].text[c["start"]:c["end"]] == c["quote"]


PROFILE_QUESTION = ("I have a master's degree and 6 years of experience in security management and I speak "
                    "English fluently. Can I apply for the Security Coordination Officer in Laayoune?")


def test_7_first_screen_counts_notices_and_offers_example_chips_by_keyboard(page, app):
    chat = page.locator("#va-chat")
    intro = chat.get_by_text("notices indexed", exact=False).first
    intro.wait_for()
    shot(page, "7-first-screen")
    notices = list(app["assistant"].notices.values())
    still_open = sum(bool(n.closes and n.closes >= date.today()) for n in notices)
    assert f"{len(notices)} notices indexed, {still_open} open." in intro.inner_text()
    assert "closed — notices from 2022–2023, kept as samples" in chat.inner_text()
    example = chat.locator("button", has_text="What degree does").first
    words = example.inner_text()
    assert any(n.title in words and n.duty_station in words for n in notices if n.title and n.duty_station)
    page.evaluate("document.activeElement.blur()")
    for _ in range(40):                               # reachable with the Tab key from the top of the page
        page.keyboard.press("Tab")
        if (page.evaluate("document.activeElement.innerText") or "").startswith("What degree does"):
            break
    assert page.evaluate("document.activeElement.innerText").startswith("What degree does")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"                         # with a visible focus ring
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#va-chat .va-answer:not(.va-waiting):not(.va-partial)')")
    assert "master" in page.locator("#va-chat .va-answer").last.inner_text()


def test_8_verdict_answer_has_a_headline_short_checks_and_folded_details(page):
    answer = ask(page, PROFILE_QUESTION)
    answer.locator("ul.va-checks li").first.wait_for()
    page.wait_for_timeout(300)                        # the screen-reader label is set after render
    shot(page, "8-verdict-answer")
    head = answer.locator("p.va-headline")
    assert head.locator(".va-verdict").inner_text() in ("Eligible", "Not eligible", "Not enough information")
    assert len(head.inner_text()) <= 220
    checks = answer.locator("ul.va-checks li")
    assert 1 <= checks.count() <= 8
    assert all(checks.nth(i).locator(".va-mark").inner_text() in "✓✗?" for i in range(checks.count()))
    folds = answer.locator("details.va-fold")
    assert folds.count() >= 1 and all(folds.nth(i).get_attribute("open") is None for i in range(folds.count()))
    assert folds.first.locator("summary").inner_text().startswith(("Also asked for", "Desirable"))
    assert not folds.first.locator("li").first.is_visible()
    folds.first.locator("summary").click()
    assert folds.first.locator("li").first.is_visible()
    text = answer.inner_text()
    for notation in ("≥", "≤", " y (", "|", "REQUIRED as stated"):
        assert notation not in text
    label = page.locator("#va-chat [aria-label*=\"message: \"]").last.get_attribute("aria-label")
    assert "<" not in label and ">" not in label and head.inner_text()[:40] in " ".join(label.split())


def test_9_cross_notice_answer_is_one_row_per_notice_eligible_first(page, app):
    answer = ask(page, "I have a master's degree and 12 years of experience and I speak English and French "
                       "fluently. Which notices am I eligible for?")
    rows = answer.locator("table.va-rows tbody tr")
    rows.first.wait_for()
    shot(page, "9-cross-notice-rows")
    assert rows.count() == len(app["assistant"].notices)
    order = {"Eligible": 0, "Not enough information": 1, "Not eligible": 2}
    verdicts = [rows.nth(i).locator(".va-verdict").inner_text() for i in range(rows.count())]
    assert verdicts == sorted(verdicts, key=order.get)
    assert answer.locator("p.va-headline").inner_text().startswith(f"Of {rows.count()} notices, ")


def test_10_card_and_compare_in_plain_words_with_quotes_on_demand(page):
    page.get_by_role("tab", name="Notices").click()
    page.locator("#va-notices button.va-pick").first.click()       # the first row's title
    card = page.locator("#va-card .va-card")
    card.wait_for()
    shot(page, "10a-card")
    tags = {card.locator(".va-tag").nth(i).inner_text().lower() for i in range(card.locator(".va-tag").count())}
    assert tags <= {"required", "desirable"} and "required" in tags
    text = card.inner_text()
    assert "At least" in text and "years of experience" in text and "≥" not in text and " y " not in text
    quote = card.locator("details.va-quote-fold").first
    assert not quote.locator("blockquote").is_visible()
    quote.locator("summary").click()
    assert quote.locator("blockquote").is_visible()
    page.get_by_role("tab", name="Compare").click()
    table = page.locator("#va-compare table.va-compare")
    table.wait_for()
    shot(page, "10b-compare")
    assert "≥" not in table.inner_text() and "At least" in table.inner_text()


RING = """(el) => [el, el.closest('td'), el.closest('tr')].map((e) => {
  const s = getComputedStyle(e);
  return [e.tagName, s.outlineStyle, s.boxShadow];
})"""


def test_12_notices_table_shows_no_selection_ring_and_is_chosen_by_keyboard(page):
    """Clicking a title leaves no outline, ring or spreadsheet handles on the read-only table;
    Tab and Enter reach and choose the next notice, with a visible focus ring then."""
    page.get_by_role("tab", name="Notices").click()
    picks = page.locator("#va-notices button.va-pick")
    picks.first.click()
    page.locator("#va-card .va-card h3").wait_for()
    first_title = page.locator("#va-card h3").inner_text()
    shot(page, "12a-notices-clicked")
    assert picks.first.evaluate(RING) == [["BUTTON", "none", "none"], ["TD", "none", "none"], ["TR", "none", "none"]]
    assert page.locator("#va-notices .cell-selected, #va-notices .selection-button, "
                        "#va-notices [role=gridcell]").count() == 0
    assert page.locator("#va-notices tr[aria-current=true]").count() == 1
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("t => document.querySelector('#va-card h3').innerText !== t", arg=first_title)
    shot(page, "12b-notices-keyboard")
    focused = page.evaluate("() => { const e = document.activeElement, s = getComputedStyle(e);"
                            " return [e.className, e.dataset.row, s.outlineStyle, s.outlineWidth]; }")
    assert focused == ["va-pick", "1", "solid", "2px"]
    assert page.locator("#va-card h3").inner_text() == picks.nth(1).inner_text()


CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}


def _low_contrast(page) -> list[str]:
    """axe-core's colour-contrast rule (WCAG AA: 4.5:1, 3:1 for large text) over the page
    as it is shown now: one line per element that fails."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_timeout(1000)           # let Gradio's loading fades end
    found = Axe().run(page, options=CONTRAST).response["violations"]
    return [f"{node['target']}: {node['any'][0]['message'][:140]}" for v in found for node in v["nodes"]]


def test_13_text_has_contrast_on_every_tab(page):
    """The colours as rendered (our CSS and the theme's), measured by axe-core on a verdict
    answer with its folds open, a notice card with a quote, a checklist and the comparison."""
    failing = []
    answer = ask(page, "I have a bachelor's degree and 6 years of experience and I speak English fluently. "
                       "Am I eligible for the Security Coordination Officer post in Laayoune?")
    for summary in answer.locator("details summary").all():
        summary.click()
    failing += _low_contrast(page)
    page.get_by_role("tab", name="Notices").click()
    page.locator("#va-notices button.va-pick").first.click()
    page.locator("#va-card details.va-quote-fold summary").first.click()
    failing += _low_contrast(page)
    page.get_by_role("tab", name="Eligibility").click()
    page.locator("#va-check").click()
    page.locator("#va-checklist .va-check").first.wait_for()
    failing += _low_contrast(page)
    page.get_by_role("tab", name="Compare").click()
    page.locator("#va-compare table.va-compare").wait_for()
    failing += _low_contrast(page)
    shot(page, "13-compare-contrast")
    assert failing == []


def test_14_fact_answer_shows_two_sentences_and_folds_the_rest(page):
    """A fact answer with three stating sentences shows two; the third is under "More from
    the notice", each with its chip; a long reporting sentence is quoted from its clauses."""
    answer = ask(page, "What type of contract is offered for the Regional Security Officer in Pretoria?")
    assert answer.locator(":scope > p").count() == 2
    more = answer.locator("details.va-more")
    assert more.locator("summary").inner_text() == "More from the notice (1)"
    assert not more.locator("li").is_visible()
    more.locator("summary").click()
    assert more.locator("li button.cite-chip").count() == 1
    shot(page, "14a-fact-answer-folded")
    answer = ask(page, "Who does the Security Coordination Officer in Laayoune report to?")
    text = answer.inner_text()
    assert "Under the overall supervision of the Chief Security Officer (CSO) … reporting directly to the CSO" in text
    assert "is based in Laayoune" not in text and len(text) < 220
    shot(page, "14b-fact-answer-clauses")
