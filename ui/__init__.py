"""User interfaces: the `vacancy` command line and the Gradio web app."""
