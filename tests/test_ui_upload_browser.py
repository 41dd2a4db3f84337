"""Uploads live with the user's data: `vacancy serve` started from an empty temporary working
directory (its data folder the platform default under a temporary home), a notice uploaded
through Debian's Chromium; the file lands in the data folder's uploads, the repository's
`notices/` is untouched and Gradio's temporary folder keeps no copy."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_ui_browser import ARGS, CHROMIUM, NEW_NOTICE, SHOTS, WAIT_MS, free_port

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                 reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")]


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _wait_up(url: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"vacancy serve exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("vacancy serve did not start")


@pytest.fixture
def served(tmp_path, embedder, model_cache):
    """`vacancy serve` in tmp_path/work, HOME and XDG_DATA_HOME in tmp_path/home (the model
    exported once for the session is reused), Gradio's temp folder in tmp_path/gradio."""
    work, home, gradio_tmp = tmp_path / "work", tmp_path / "home", tmp_path / "gradio"
    for d in (work, home, gradio_tmp):
        d.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VACANCY_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"), GRADIO_TEMP_DIR=str(gradio_tmp),
               VACANCY_MODEL_CACHE_DIR=str(model_cache), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--port", str(port)], cwd=work, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(f"http://127.0.0.1:{port}/", proc)
        yield {"url": f"http://127.0.0.1:{port}/", "work": work, "data": home / ".local/share/vacancy-assistant",
               "gradio": gradio_tmp}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_upload_lands_in_the_data_folder_not_the_repo_nor_gradio_temp(served, tmp_path):
    from playwright.sync_api import sync_playwright

    before = _snapshot(ROOT / "notices")
    notice = tmp_path / "water-engineer-upload.txt"
    notice.write_text(NEW_NOTICE, encoding="utf-8")
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WAIT_MS)
        page.goto(served["url"])
        page.get_by_role("tab", name="Notices").click()
        page.locator("#va-upload input[type=file]").set_input_files(str(notice))
        item = page.locator("#va-upload-report li", has_text=notice.name)
        item.wait_for()
        report = item.inner_text()
        page.wait_for_function("() => document.querySelector('#va-notices').innerText"
                               ".includes('Water and Sanitation Engineer')")
        page.wait_for_timeout(500)                     # the upload's clean-up runs after the report
        page.screenshot(path=str(SHOTS / "11-upload-data-folder.png"), full_page=True)
        browser.close()
    assert "added" in report
    uploads = served["data"] / "uploads"
    assert (uploads / notice.name).read_text(encoding="utf-8") == NEW_NOTICE
    assert _snapshot(ROOT / "notices") == before
    assert not list(served["work"].rglob("*")), "nothing is written into the working directory"
    assert [p for p in served["gradio"].rglob("*") if p.is_file() and p.name == notice.name] == []
