"""The event handlers of the web app: each takes the values of components and session
state and returns new ones; the answers, checks and records all come from `assistant/`
and `index/`, the HTML from `ui.render`.

Session state, per browser tab: `turns` (earlier user questions, oldest first), `answers`
(the DESIGN §4 object of each answer, indexed by the turn number a chip carries), `focus`
(the id of the notice chosen in the Notices tab, or None). Importing this module imports Gradio
(with its analytics off); `ui.app` imports it only when building the app. Left out: undo
of an upload.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Sequence

from assistant.eligibility import check_eligibility
from assistant.pipeline import answer_json
from assistant.profile import read_profile
from assistant.records import Citation, Profile
from index.vocab import CERTIFICATIONS, DEMONYMS, LANGUAGES
from ui import render
from ui.forms import FIELDS, form_profile, profile_sentences
from ui.upload import Outcome, ingest_uploads

import gradio as gr  # GRADIO_ANALYTICS_ENABLED is set by the entry point (assistant.settings)
from gradio import utils as gradio_utils

STREAM_PAUSE_S = 0.04          # between streamed sentences, so the answer visibly builds up
COMPARE_DEFAULT = 8            # notices preselected in the Compare tab


class Handlers:
    def __init__(self, assistant, notices_dir: Path, today: date | None = None):
        self.assistant, self.notices_dir, self._today = assistant, notices_dir, today

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def notices(self):
        """The assistant's notices, caught up with other writers first (`Assistant.sync`:
        two small queries when nothing changed), so every tab shows what the index holds."""
        self.assistant.sync()
        return self.assistant.notices

    # -- chat ---------------------------------------------------------------------------
    def first_screen(self) -> str:
        return render.first_screen(list(self.notices.values()), self.today)

    def first_screen_update(self):
        """The empty chat's text and example questions as the index is now (a page opened
        after an upload counts the new notice)."""
        return gr.Chatbot(placeholder=self.first_screen(), examples=[{"text": q} for q in self.examples()])

    def examples(self) -> list[str]:
        """Questions about the indexed notices, built from their own titles and places (open
        notices first, then those that name a place)."""
        named = sorted((n for n in self.notices.values() if n.title),
                       key=lambda n: (not (n.closes and n.closes >= self.today), not n.duty_station))[:2]
        out = []
        if named:
            n = named[0]
            where = f" in {n.duty_station}" if n.duty_station else ""
            out += [f"What degree does the {n.title}{where} require?",
                    f"Which languages are required for the {n.title}{where}?"]
        if len(named) > 1:
            out.append(f"When does the {named[1].title} post close?")
        out += ["Which notices close first?",
                "I have a bachelor's degree and 6 years of experience and I speak English fluently. "
                "Which notices am I eligible for?"]
        return out

    def pick_example(self, evt: gr.SelectData) -> str:
        return evt.value["text"]

    def chat(self, question, chatbot, turns, answers, focus):
        """Streams: the question with a waiting line, then the answer sentence by sentence."""
        question = (question or "").strip()
        if not question:
            yield chatbot, "", turns, answers, gr.skip()
            return
        chatbot = [*chatbot, {"role": "user", "content": render.user_html(question)},
                   {"role": "assistant", "content": render.WAITING}]
        yield chatbot, "", turns, answers, gr.skip()
        history = [*turns, focus] if focus in self.notices else list(turns)
        answer = self.assistant.ask(question, history)
        turn = len(answers)
        answers = [*answers, answer_json(answer)]     # chips work while the answer streams
        for upto in render.stream_steps(answer)[:-1]:
            chatbot[-1] = {"role": "assistant", "content": render.answer_html(answer, turn, upto)}
            yield chatbot, "", turns, answers, gr.skip()
            time.sleep(STREAM_PAUSE_S)
        chatbot[-1] = {"role": "assistant", "content": render.answer_html(answer, turn)}
        turns = [*turns, question]
        yield chatbot, "", turns, answers, self.talking(turns, answers, focus)

    def talking(self, turns: Sequence[str], answers: Sequence[dict], focus: str | None) -> str:
        profile = read_profile(list(turns))
        if focus in self.notices:
            return render.talking_about([self.notices[focus]], profile, focused=True)
        ids = answers[-1]["notices"] if answers else []
        return render.talking_about([self.notices[i] for i in ids if i in self.notices], profile)

    def clear(self, focus):
        return [], [], [], self.talking([], [], focus), render.SOURCES_EMPTY

    def sources_empty(self) -> str:
        return render.SOURCES_EMPTY

    def cite(self, answers, evt: gr.EventData) -> str:
        """The sources panel for the chip clicked (`evt.ref` is "TURN:N")."""
        ref = str(getattr(evt, "_data", {}).get("ref", ""))
        turn, _, n = ref.partition(":")
        if not (turn.isdigit() and n.isdigit()) or int(turn) >= len(answers):
            return gr.skip()
        found = [c for c in answers[int(turn)]["citations"] if c["n"] == int(n)]
        notice = self.notices.get(found[0]["notice_id"]) if found else None
        if notice is None:
            return render.source_missing(n)
        return render.source_html(notice, Citation(**found[0]))

    def unfocus(self, turns, answers):
        return None, self.talking(turns, answers, None), gr.Button(visible=False)

    def api_ask(self, question: str, history: list[str] | None) -> dict:
        return answer_json(self.assistant.ask(question or "", [str(h) for h in history or []]))

    # -- notices ------------------------------------------------------------------------
    def notice_table(self) -> str:
        return render.notices_table_html(list(self.notices.values()), self.today)

    def select_notice(self, turns, answers, evt: gr.SelectData):
        """The notice whose title button was clicked (`evt.value` is its id)."""
        nid = str(evt.value or "")
        notice = self.notices.get(nid)
        if notice is None:
            return (gr.skip(),) * 7
        card = render.card_html(notice, self.assistant.requirements[nid], self.today)
        picked = (f'<p class="va-picked">The chat is now restricted to '
                  f'<strong>{render.esc(render.notice_label(notice))}</strong>.</p>')
        return (nid, picked, card, render.notice_text_html(notice), self.talking(turns, answers, nid),
                gr.Button(visible=True), gr.Button(visible=True))

    def upload(self, files, progress=gr.Progress()):
        paths = [Path(f) for f in files or []]
        try:
            outcomes = ingest_uploads(self.assistant.library, paths, self.notices_dir,
                                      progress=lambda it: progress.tqdm(it, desc="Indexing", unit="file"))
        except OSError as err:  # the notices folder cannot be written
            reason = (f"the notices folder {self.notices_dir} cannot be written "
                      f"({err.strerror or err}); check its permissions")
            outcomes = [Outcome(p.name, "rejected", reason) for p in paths]
        _forget(paths, Path(gradio_utils.get_upload_folder()))
        self.assistant.refresh()
        report = render.upload_report_html([(o.name, o.status, o.detail) for o in outcomes])
        return (report, *self.lists())

    def lists(self):
        """Notices table, the eligibility and compare choices, the compare table."""
        compare_ids = self.compare_default()
        return (self.notice_table(),
                gr.Dropdown(choices=self.notice_choices()),
                gr.Dropdown(choices=self.notice_choices(all_option=False), value=compare_ids),
                self.compare(compare_ids))

    def notice_choices(self, all_option: bool = True) -> list[tuple[str, str]]:
        return ([("All notices", "")] if all_option else []) + render.choices(self.notices)

    # -- eligibility --------------------------------------------------------------------
    def language_names(self) -> list[str]:
        return sorted(set(LANGUAGES.values()))

    def certification_names(self) -> list[str]:
        return list(CERTIFICATIONS)

    def countries(self) -> list[str]:
        return sorted(set(DEMONYMS.values()))

    def _profile(self, values) -> Profile:
        return form_profile(dict(zip(FIELDS, values)))

    def check(self, which, *values) -> str:
        try:
            profile = self._profile(values)
        except ValueError as err:
            return f'<p class="va-error">Years must be a number, e.g. 6 or 2.5 ({render.esc(str(err))}).</p>'
        chosen = [self.notices[which]] if which in self.notices else list(self.notices.values())
        if not chosen:
            return '<p class="va-empty">No notices are indexed yet.</p>'
        parts = [render.checklist_html(n, check_eligibility(n, self.assistant.requirements[n.id], profile,
                                                            relate=self.assistant.relate))
                 for n in chosen]
        return "".join(parts)

    def send_to_chat(self, which, *values):
        """The profile as first-person sentences in the chat box, with the question; a
        chosen notice becomes the chat's focus."""
        try:
            text = profile_sentences(self._profile(values))
        except ValueError:
            raise gr.Error("Years must be a number, e.g. 6 or 2.5.") from None
        focus = which if which in self.notices else None
        ask = "Am I eligible for this post?" if focus else "Which notices am I eligible for?"
        return (f"{text} {ask}".strip(), focus, self.talking([], [], focus),
                gr.Button(visible=focus is not None), gr.Tabs(selected="chat"))

    # -- comparison ---------------------------------------------------------------------
    def compare_default(self) -> list[str]:
        return list(self.notices)[:COMPARE_DEFAULT]

    def compare(self, ids) -> str:
        rows = []
        for nid in ids or []:
            n = self.notices.get(nid)
            if n is None:
                continue
            reqs = self.assistant.requirements[nid]
            checks = check_eligibility(n, reqs, Profile()).checks
            rows.append(render.compare_row(n, reqs, checks, self.today))
        return render.compare_html(rows)


def _forget(paths: list[Path], cache: Path) -> None:
    """Remove Gradio's own copies of the uploaded files (its cache keeps every upload,
    rejected ones included, until the server stops): what was accepted is in the uploads
    folder, what was rejected is kept nowhere. Files outside Gradio's cache are left alone."""
    for path in paths:
        if cache.resolve() not in path.resolve().parents:
            continue
        try:
            path.unlink(missing_ok=True)
            path.parent.rmdir()          # Gradio's one-file folder, when now empty
        except OSError:
            pass
