"""The Gradio web app: a thin adapter over `assistant/` and `index/`.

Tabs: Chat (streamed answers with citation chips, a sources panel that shows the quoted
span highlighted in its notice, example questions, "Talking about: …"), Notices (table,
requirements card, full text, upload), Eligibility (profile form → checklist per notice),
Compare (a table across notices, each value expandable to its quote). The answer is also
an API endpoint, `api_name="ask"` (question, history) → the DESIGN §4 object.

Choosing a notice in the Notices tab restricts the chat to it: its id is passed to
`Assistant.ask` as the newest earlier turn, so a question that names no notice is resolved
to it (a question that names another notice still gets that one); "All notices" lifts it.
Answers are composed whole by the assistant and streamed to the page a sentence at a time.
Left out: per-user indexes (every session shares the app's library) and deleting notices
from the web page (`vacancy ingest --prune`).
"""

from __future__ import annotations

from pathlib import Path

from index.errors import VacancyError

STATIC = Path(__file__).with_name("static")


def auth_pairs(spec: str | None) -> list[tuple[str, str]] | None:
    """`user:pw,user2:pw2` → [(user, pw), …]; None when no login is configured. A password
    may contain ':' (the first one separates); an entry without one is an error."""
    if not spec or not spec.strip():
        return None
    pairs = []
    for entry in spec.split(","):
        user, sep, password = entry.strip().partition(":")
        if not sep or not user or not password:
            raise VacancyError("VACANCY_UI_AUTH must be user:password[,user:password…]; "
                               f"'{entry.strip()}' is not")
        pairs.append((user, password))
    return pairs


class LoginGuard:
    """The login check given to Gradio: the accounts of VACANCY_UI_AUTH, compared in
    constant time, with repeated failures slowed down and then locked out. Each failure
    for a user name waits a little longer before it is answered (`FAILURE_DELAY_S` per
    failure, up to `MAX_DELAY_S`); from the `MAX_FAILURES`th in a row the name is locked
    for `LOCKOUT_S`, doubling with each further failure up to `MAX_LOCKOUT_S`, and every
    attempt meanwhile, right password or not, is refused with HTTP 429 saying how long to
    wait. A success clears the name's count. Left out: counting by client address (Gradio
    hands the check only the name and password), and persistence across restarts; a
    locked name can be locked by anyone who knows it, for at most `MAX_LOCKOUT_S`."""

    MAX_FAILURES = 5
    FAILURE_DELAY_S = 0.25
    MAX_DELAY_S = 2.0
    LOCKOUT_S = 30.0
    MAX_LOCKOUT_S = 900.0

    def __init__(self, pairs: list[tuple[str, str]], clock=None, sleep=None):
        import asyncio
        import time

        self.accounts = dict(pairs)
        self.clock = clock or time.monotonic
        self.sleep = sleep or asyncio.sleep
        self.failures: dict[str, int] = {}
        self.locked_until: dict[str, float] = {}

    async def check(self, username: str, password: str) -> bool:
        """True for a right name and password that is not locked out (an async method, so
        Gradio awaits it and a slowed-down answer holds up no other request)."""
        import hmac

        wait = self.locked_until.get(username, 0.0) - self.clock()
        if wait > 0:
            self._refuse(wait)
        known = self.accounts.get(username)
        if known is not None and hmac.compare_digest(password.encode(), known.encode()):
            self.failures.pop(username, None)
            return True
        count = self.failures[username] = self.failures.get(username, 0) + 1
        if count >= self.MAX_FAILURES:
            lock = min(self.LOCKOUT_S * 2 ** (count - self.MAX_FAILURES), self.MAX_LOCKOUT_S)
            self.locked_until[username] = self.clock() + lock
        await self.sleep(min(self.FAILURE_DELAY_S * count, self.MAX_DELAY_S))
        return False

    @staticmethod
    def _refuse(wait: float):
        import math

        from fastapi import HTTPException

        raise HTTPException(status_code=429, detail=f"Too many failed logins for this name; "
                                                    f"try again in {math.ceil(wait)} s.")


def _gradio():
    import gradio as gr

    return gr


def build(settings, assistant=None):
    """The app's Blocks over `assistant` (default: one over the index of `settings`)."""
    gr = _gradio()
    from ui.handlers import Handlers

    if assistant is None:
        from assistant.pipeline import Assistant
        from index.library import Library

        assistant = Assistant(Library(settings.index_config()))
    h = Handlers(assistant, Path(settings.uploads_dir))
    with gr.Blocks(title="Vacancy Assistant", analytics_enabled=False, fill_width=True) as demo:
        gr.HTML('<div class="va-title"><h1>Vacancy Assistant</h1><p>Answers about job vacancy '
                'notices, every statement cited to the exact words of the notice.</p></div>',
                js_on_load=None)
        focus = gr.State(None)
        with gr.Tabs() as tabs:
            chat = _chat_tab(gr, h, focus)
            notices = _notices_tab(gr, h, focus, chat, tabs)
            elig = _eligibility_tab(gr, h, focus, chat, tabs)
            compare = _compare_tab(gr, h)
        _wire_lists(gr, h, demo, notices, elig, compare)
        demo.load(h.first_screen_update, None, chat["chatbot"], **_private())

        def ask(question: str, history: list[str] | None = None) -> dict:
            """The answer object of DESIGN §4 for `question` after the earlier user turns."""
            return h.api_ask(question, history)

        gr.api(ask, api_name="ask", concurrency_limit=2)
    demo.queue(default_concurrency_limit=2)
    return demo


def _private(**kw):
    return {"api_visibility": "private", **kw}


def _chat_tab(gr, h, focus) -> dict:
    with gr.Tab("Chat", id="chat"):
        turns, answers = gr.State([]), gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Row():
                    talking = gr.HTML(h.talking([], [], None), js_on_load=None, elem_id="va-talking")
                    all_btn = gr.Button("Ask about all notices", size="sm", visible=False, scale=0,
                                        min_width=170, elem_id="va-all-notices")
                chatbot = gr.Chatbot(elem_id="va-chat", height=560, latex_delimiters=[], show_label=False,
                                     examples=[{"text": q} for q in h.examples()],
                                     placeholder=h.first_screen(),
                                     feedback_options=None, buttons=["copy"])
                with gr.Row():
                    box = gr.Textbox(placeholder="Ask a question about the notices…", show_label=False,
                                     scale=6, elem_id="va-question", max_lines=6, autofocus=True)
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=70, elem_id="va-ask")
                    clear = gr.Button("Clear", scale=1, min_width=70, elem_id="va-clear")
            with gr.Column(scale=2, elem_id="va-sources-col"):
                sources = gr.HTML(h.sources_empty(), js_on_load=_js("sources.js"),
                                  elem_id="va-sources", label="Sources")
    streamed = dict(fn=h.chat, inputs=[box, chatbot, turns, answers, focus],
                    outputs=[chatbot, box, turns, answers, talking], **_private())
    box.submit(**streamed)
    send.click(**streamed)
    chatbot.example_select(h.pick_example, None, box, **_private()).then(**streamed)
    for event in (clear.click, chatbot.clear):
        event(h.clear, [focus], [chatbot, turns, answers, talking, sources], **_private())
    sources.click(h.cite, [answers], [sources], **_private())
    all_btn.click(h.unfocus, [turns, answers], [focus, talking, all_btn], **_private())
    return {"box": box, "talking": talking, "all_btn": all_btn, "turns": turns, "answers": answers,
            "chatbot": chatbot}


def _notices_tab(gr, h, focus, chat, tabs) -> dict:
    with gr.Tab("Notices", id="notices"):
        table = gr.HTML(h.notice_table(), js_on_load=_js("notices.js"), elem_id="va-notices")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                picked = gr.HTML("", js_on_load=None, elem_id="va-picked")
                to_chat = gr.Button("Ask about this notice in the chat", visible=False, size="sm",
                                    elem_id="va-to-chat")
            with gr.Column(scale=2):
                files = gr.File(file_count="multiple", label="Add notices: .txt .md .html .pdf .docx",
                                elem_id="va-upload", height=120)
                report = gr.HTML("", js_on_load=None, elem_id="va-upload-report")
        with gr.Row(equal_height=False):
            card = gr.HTML("", js_on_load=None, elem_id="va-card")
            with gr.Accordion("Full text of the notice", open=False, elem_id="va-fulltext-box"):
                text = gr.HTML('<p class="va-empty">Choose a notice in the table.</p>',
                               js_on_load=None, elem_id="va-fulltext")
    table.select(h.select_notice, [chat["turns"], chat["answers"]],
                 [focus, picked, card, text, chat["talking"], chat["all_btn"], to_chat], **_private())
    to_chat.click(lambda: gr.Tabs(selected="chat"), None, tabs, **_private())
    return {"table": table, "files": files, "report": report}


def _eligibility_tab(gr, h, focus, chat, tabs) -> dict:
    from ui.forms import FIELDS

    with gr.Tab("Eligibility", id="eligibility"):
        with gr.Row(equal_height=False):
            with gr.Column(scale=2, elem_id="va-profile"):
                which = gr.Dropdown(h.notice_choices(), value="", label="Check against",
                                    elem_id="va-elig-notice")
                f = {**_education_fields(gr), **_experience_fields(gr), **_language_fields(gr, h),
                     **_status_fields(gr, h)}
                with gr.Row():
                    check = gr.Button("Check eligibility", variant="primary", elem_id="va-check")
                    send = gr.Button("Send profile to the chat", elem_id="va-send")
            with gr.Column(scale=3):
                result = gr.HTML('<p class="va-empty">Fill in what you want to be checked; '
                                 'what you leave blank counts as not said.</p>',
                                 js_on_load=None, elem_id="va-checklist")
    inputs = [which] + [f[name] for name in FIELDS]
    check.click(h.check, inputs, result, **_private())
    send.click(h.send_to_chat, inputs, [chat["box"], focus, chat["talking"], chat["all_btn"], tabs],
               **_private())
    return {"which": which}


def _education_fields(gr) -> dict:
    from ui.forms import DEGREE_CHOICES

    with gr.Row():
        return {"degree_level": gr.Dropdown(DEGREE_CHOICES, value="", label="Highest degree",
                                            elem_id="va-degree"),
                "degree_field": gr.Textbox(label="Field of study", elem_id="va-field")}


def _experience_fields(gr) -> dict:
    from assistant.describe import SCOPES
    from ui.forms import SCOPE_WORDS, YES_NO

    f = {}
    with gr.Row():
        f["years_experience"] = gr.Textbox(label="Years of relevant experience", placeholder="e.g. 6",
                                           elem_id="va-years")
        f["experience_domain"] = gr.Textbox(label="In which area", elem_id="va-domain")
    with gr.Accordion("More about your experience (optional)", open=False):
        gr.Markdown("Of your years of experience, how many were:")
        with gr.Row():
            for scope in SCOPE_WORDS:
                f[f"years_{scope}"] = gr.Textbox(label=SCOPES.get(scope, scope).capitalize(),
                                                 placeholder="years", min_width=110)
        with gr.Row():
            f["experience_grade"] = gr.Textbox(label="Grade it was held at (e.g. G-6)")
            f["worked_abroad"] = gr.Radio(YES_NO, value="Not said", label="Worked outside your own country")
    return f


def _language_fields(gr, h) -> dict:
    from ui.forms import LEVEL_CHOICES

    f = {}
    for i in (1, 2, 3):
        with gr.Row():
            f[f"language_{i}"] = gr.Dropdown(h.language_names(), value=None, allow_custom_value=True,
                                             label=f"Language {i}", elem_id=f"va-lang-{i}")
            f[f"level_{i}"] = gr.Dropdown(LEVEL_CHOICES, value="unspecified", label="Level",
                                          elem_id=f"va-level-{i}")
    certs = h.certification_names()
    f["certifications"] = gr.CheckboxGroup(certs, label="Certifications you hold", elem_id="va-certs")
    f["no_other_certifications"] = gr.Checkbox(label="I hold none of the others",
                                               elem_id="va-no-other-certs")
    f["all_certifications"] = gr.State(certs)
    return f


def _status_fields(gr, h) -> dict:
    from ui.forms import STAFF_CHOICES, YES_NO

    f = {}
    with gr.Row():
        f["driving_licence"] = gr.Radio(YES_NO, value="Not said", label="Driving licence",
                                        elem_id="va-licence")
        f["on_roster"] = gr.Radio(YES_NO, value="Not said", label="On a roster", elem_id="va-roster")
    with gr.Row():
        f["staff_status"] = gr.Dropdown(STAFF_CHOICES, value="", label="UN staff status", elem_id="va-staff")
        f["staff_grade"] = gr.Textbox(label="Your grade (e.g. G-6)", elem_id="va-grade")
    with gr.Row():
        f["nationality"] = gr.Dropdown(h.countries(), value=None, allow_custom_value=True,
                                       label="Nationality", elem_id="va-nationality")
        f["residence"] = gr.Textbox(label="Country or city of residence", elem_id="va-residence")
    f["young_professional"] = gr.Radio(YES_NO, value="Not said",
                                       label="Recruited through the Young Professionals Programme")
    return f


def _compare_tab(gr, h) -> dict:
    with gr.Tab("Compare", id="compare"):
        picked = gr.Dropdown(h.notice_choices(all_option=False), value=h.compare_default(),
                             multiselect=True, label="Notices to compare", elem_id="va-compare-pick")
        table = gr.HTML(h.compare(h.compare_default()), js_on_load=None, elem_id="va-compare")
    picked.change(h.compare, picked, table, **_private())
    return {"picked": picked, "table": table}


def _wire_lists(gr, h, demo, notices, elig, compare) -> None:
    """After an upload, and when a page loads, every list of notices is rebuilt."""
    lists = [notices["table"], elig["which"], compare["picked"], compare["table"]]
    notices["files"].upload(h.upload, notices["files"], [notices["report"], *lists],
                            **_private(concurrency_limit=1)).then(
        lambda: None, None, notices["files"], **_private())
    demo.load(h.lists, None, lists, **_private())


def _js(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def launch(demo, settings, host: str = "127.0.0.1", port: int = 7860, block: bool = True):
    """Start the server: analytics, run history, monitoring and MCP off; optional login."""
    gr = _gradio()
    return demo.launch(
        server_name=host, server_port=port, auth=_auth(settings.ui_auth),
        auth_message="Vacancy Assistant — please log in." if settings.ui_auth else None,
        prevent_thread_lock=not block, quiet=not block, ssr_mode=False, mcp_server=False,
        run_history=False, enable_monitoring=False, footer_links=["api"],
        # twice the ingest limit: a file between the two is refused by the upload check with
        # its size in the message; only larger ones meet Gradio's own refusal
        max_file_size=int(settings.max_file_mb * 2_000_000),
        theme=theme(gr), css=_js("app.css"),
    )


def theme(gr):
    """Gradio's Soft theme with text colours of at least 4.5:1 on its backgrounds (WCAG AA;
    the Soft defaults give 2.4:1 for subdued text and 3.7:1 for white on the primary
    button; browser test 13 measures them with axe-core). Left out: the dark mode's colours."""
    return gr.themes.Soft(primary_hue="blue").set(
        body_text_color_subdued="*neutral_600", color_accent="*primary_700",
        block_label_text_color="*primary_700", block_title_text_color="*primary_700",
        button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
        checkbox_label_background_fill_selected="*primary_700")


def _auth(spec: str | None):
    pairs = auth_pairs(spec)
    return LoginGuard(pairs).check if pairs else None


def serve(settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    launch(build(settings), settings, host, port)

