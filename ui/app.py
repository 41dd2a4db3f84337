"""The Gradio web app (a thin adapter over `assistant/` and `index/`).

For now a page listing the indexed notices; the conversation UI replaces it.
"""

from __future__ import annotations

import os


def build(settings):
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    from index.library import Library
    from ui.cli import closing_label

    lib = Library(settings.index_config())
    rows = [[n.title or n.stem, n.organisation or "", n.grade or "", n.duty_station or "",
             closing_label(n.closes), n.source] for n in lib.notices()]
    with gr.Blocks(title="Vacancy Assistant") as demo:
        gr.Markdown("# Vacancy Assistant\nThe conversation UI is being built; "
                    "these are the notices in the index.")
        gr.Dataframe(value=rows, headers=["Title", "Organisation", "Grade", "Duty station",
                                          "Closes", "Source"], interactive=False)
    return demo


def serve(settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    build(settings).launch(server_name=host, server_port=port, show_api=False)
