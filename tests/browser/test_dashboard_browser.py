"""The dashboard in Debian's chromium, driven by Playwright against `streamlit run` (conftest's app_url).

The chart is read from plotly.js itself (`.js-plotly-plot`.data): x values are wall-clock times in the
display zone. During a rerun the old and the new chart can coexist for a moment, so waits look for
exactly one chart in the expected state. The URL is read with urllib (Streamlit percent-encodes / and :).
"""

from __future__ import annotations

import re
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.streamlit_server import ServerDidNotStart, running_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = "alaska-summit-2025-08-15.nl"
XSS_DOC = "xss-probe.en"
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
WAIT = 30_000

# {event id: "YYYY-MM-DDTHH:MM"} of the markers of every chart on the page, plus the x-axis title.
READ_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(p => {
    const xs = {};
    for (const t of (p.data || [])) {
        if (!String(t.mode).startsWith('markers')) continue;
        (t.customdata || []).forEach((id, i) => { xs[id] = String(t.x[i]).replace(' ', 'T').slice(0, 16); });
    }
    const title = (((p.layout || {}).xaxis || {}).title || {});
    return {xs, title: typeof title === 'string' ? title : title.text};
})"""
ONE_CHART_TITLED = """(title) => {
    const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')];
    if (plots.length !== 1 || !plots[0].data) return false;
    const t = ((plots[0].layout || {}).xaxis || {}).title || {};
    return (typeof t === 'string' ? t : t.text) === title;
}"""


# ----------------------------------------------------------------------------- helpers

def open_dashboard(page: Page, url: str) -> None:
    page.set_default_timeout(WAIT)
    page.goto(url)
    page.locator(CHART).first.wait_for(state="visible", timeout=WAIT)


def chart(page: Page, title: str) -> dict[str, str]:
    """The marker x values once exactly one chart with this axis title is on the page."""
    page.wait_for_function(ONE_CHART_TITLED, arg=title, timeout=WAIT)
    (only,) = page.evaluate(READ_CHARTS)
    assert only["xs"], "the chart has no markers"
    return only["xs"]


def params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def wait_for_param(page: Page, name: str, ok, what: str) -> str:
    """Poll the address bar until parameter `name` satisfies ok(value)."""
    deadline = time.monotonic() + WAIT / 1000
    while time.monotonic() < deadline:
        value = params(page.url).get(name)
        if ok(value):
            return value
        page.wait_for_timeout(100)
    pytest.fail(f"URL never had {name} {what}: {page.url}")


def pick(page: Page, box: str, option: str) -> None:
    page.get_by_role("combobox", name=box).click()
    page.get_by_role("option", name=option, exact=True).click()


def choose_view(page: Page, view: str) -> None:
    """Click the View radio's label (its input is visually hidden)."""
    page.get_by_role("radiogroup", name="View").get_by_text(view, exact=True).click()
    expect(page.get_by_role("radio", name=view)).to_be_checked()


def minute(x: str) -> datetime:
    return datetime.fromisoformat(x[:16])


# ----------------------------------------------------------------------------- the dashboard

def test_opens_with_chart_and_headlines(page: Page, app_url):
    open_dashboard(page, app_url)
    expect(page.get_by_role("heading", name="Summit Timeline")).to_be_visible()
    metrics = page.get_by_test_id("stMetric")
    expect(metrics).to_have_count(3)
    expect(metrics.nth(0)).to_contain_text("Talks")
    expect(metrics.nth(0)).to_contain_text("2 h 48 min")
    expect(metrics.nth(0)).to_contain_text("6 h–7 h forecast")
    expect(metrics.nth(1)).to_contain_text("Trump departs")
    expect(metrics.nth(1)).to_contain_text("early")
    expect(metrics.nth(2)).to_contain_text(re.compile("lunch", re.IGNORECASE))   # the label names the meal
    expect(metrics.nth(2)).to_contain_text("dropped")
    for i in range(3):
        expect(metrics.nth(i)).to_be_visible()
    xs = chart(page, "time (America/Anchorage)")
    assert "2025-08-15T10:22" in xs.values()  # Air Force One lands at 10:22 AKDT
    expect(page.locator(CHART).locator(".g-xtitle")).to_have_text("time (America/Anchorage)")
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("Alaska (AKDT)")
    assert "t" in params(page.url)  # the cursor is in the link from the start


def test_zone_switch_in_sidebar_moves_the_chart(page: Page, app_url):
    open_dashboard(page, app_url)
    before = chart(page, "time (America/Anchorage)")
    pick(page, "Time zone", "US Eastern (EDT)")
    after = chart(page, "time (America/New_York)")
    assert after.keys() == before.keys()
    for ev, x in before.items():
        assert minute(after[ev]) == minute(x) + timedelta(hours=4), (ev, x, after[ev])
    assert "2025-08-15T14:22" in after.values()
    expect(page.locator(CHART).locator(".g-xtitle")).to_have_text("time (America/New_York)")
    expect(page.get_by_role("heading", name="EDT")).to_be_visible()  # "At HH:MM EDT"
    wait_for_param(page, "tz", lambda v: v == "America/New_York", "= America/New_York")


def test_cursor_keys_update_the_url(page: Page, app_url):
    open_dashboard(page, app_url)
    start = wait_for_param(page, "t", bool, "set")
    slider = page.get_by_role("slider", name="Cursor")
    shown = slider.get_attribute("aria-valuetext")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    # Three 5-minute steps. Each key press may rerun the page on its own, so the address bar can pass through
    # one or two steps first: wait for the third, and check that it stays there.
    target = minute(start) + timedelta(minutes=15)
    moved = wait_for_param(page, "t", lambda v: bool(v) and minute(v) == target, f"three steps after {start}")
    page.wait_for_timeout(1000)
    assert minute(params(page.url)["t"]) == target
    expect(slider).not_to_have_attribute("aria-valuetext", shown)
    expect(page.get_by_role("heading", name=f"At {moved[11:16]}")).to_be_visible()
    # the chart's cursor line follows
    page.wait_for_function("""(x) => {
        const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')];
        return plots.length === 1 && ((plots[0].layout || {}).shapes || [])
            .some(s => String(s.x0).replace(' ', 'T').startsWith(x));
    }""", arg=moved, timeout=WAIT)


def test_copied_url_reproduces_the_view_in_a_new_context(page: Page, app_url, browser):
    open_dashboard(page, app_url)
    pick(page, "Time zone", "US Eastern (EDT)")
    chart(page, "time (America/New_York)")
    start = wait_for_param(page, "t", bool, "set")
    slider = page.get_by_role("slider", name="Cursor")
    slider.focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    wait_for_param(page, "t", lambda v: v and v != start, "moved")
    choose_view(page, "table")
    wait_for_param(page, "view", lambda v: v == "table", "= table")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    cursor_text = slider.get_attribute("aria-valuetext")
    link = page.url
    state = params(link)
    assert state["tz"] == "America/New_York" and state["view"] == "table"

    context = browser.new_context()
    try:
        other = context.new_page()
        other.set_default_timeout(WAIT)
        other.goto(link)
        expect(other.get_by_test_id("stDataFrame")).to_be_visible(timeout=WAIT)
        expect(other.get_by_role("combobox", name="Time zone")).to_have_value("US Eastern (EDT)")
        expect(other.get_by_role("radio", name="table")).to_be_checked()
        expect(other.get_by_role("slider", name="Cursor")).to_have_attribute("aria-valuetext", cursor_text)
        # the grid is drawn on a canvas; its cells are mirrored in an accessible (hidden) table
        expect(other.get_by_role("gridcell", name="14:22 EDT", exact=True, include_hidden=True).first).to_be_attached()
        assert other.get_by_test_id("stAlert").count() == 0, "a link the app wrote must not give notices"
        assert params(other.url) == state
    finally:
        context.close()


def test_share_box_matches_the_address_bar(page: Page, app_url):
    open_dashboard(page, app_url)
    pick(page, "Time zone", "US Eastern (EDT)")
    chart(page, "time (America/New_York)")
    wait_for_param(page, "tz", lambda v: v == "America/New_York", "= America/New_York")
    box = page.get_by_role("textbox", name="Share this view")
    deadline = time.monotonic() + 10
    while params(box.input_value()) != params(page.url) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    link = box.input_value()
    assert link.startswith(app_url)
    assert params(link) == params(page.url), f"share box {link!r} vs address bar {page.url!r}"


def test_bad_link_shows_notices(page: Page, app_url):
    page.set_default_timeout(WAIT)
    page.goto(app_url + "/?tz=Mars/Base&t=garbage&kinds=%3Cscript%3E&view=nope")
    page.locator(CHART).first.wait_for(state="visible", timeout=WAIT)
    alerts = page.get_by_test_id("stAlert")
    expect(alerts).to_have_count(4)
    expect(alerts.filter(has_text="tz: unknown zone")).to_be_visible()
    expect(alerts.filter(has_text="view: unknown view")).to_be_visible()
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("Alaska (AKDT)")
    expect(alerts.filter(has_text="kinds: ignored")).to_contain_text("\\x3cscript\\x3e")  # escaped, not markup
    expect(page.get_by_test_id("stSlider")).to_be_visible()


# ----------------------------------------------------------------------------- a hostile article

XSS_TAIL = """
Update. Om 12:30 uur lokale tijd plaatste iemand dit: <script>window.__xss=1</script> en ook
<img src=x onerror="window.__xss=1"> en <svg onload="window.__xss=1"></svg> einde.
"""


@pytest.fixture(scope="module")
def xss_url(tmp_path_factory):
    """A second `streamlit run` on a copy of app.py whose data/ adds an article carrying script and an
    onerror image after its first 20,000 characters (where the reader does not blank HTML)."""
    site = tmp_path_factory.mktemp("xss-site")
    data = site / "data"
    data.mkdir()
    shutil.copy(ROOT / "app.py", site / "app.py")
    (site / "timeline").symlink_to(ROOT / "timeline", target_is_directory=True)
    seed_text = (ROOT / "data" / f"{SEED}.txt").read_text(encoding="utf-8")
    for f in (ROOT / "data").glob(f"{SEED}.*"):
        shutil.copy(f, data / f.name)
    (data / f"{XSS_DOC}.txt").write_text(seed_text + XSS_TAIL, encoding="utf-8")
    (data / f"{XSS_DOC}.meta.toml").write_text(
        'title = "Probe <img src=x onerror=\\"window.__xss=1\\">"\nsource = "<script>window.__xss=1</script>"\n'
        'language = "nl"\nevent_date = 2025-08-15\nlocal_tz = "America/Anchorage"\n', encoding="utf-8")
    try:
        with running_app(site / "app.py", site / "server.log") as url:
            yield url
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")


def test_source_view_shows_markup_as_text(page: Page, xss_url, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(WAIT)
    page.goto(f"{xss_url}/?view=source&doc={XSS_DOC}")
    source = page.get_by_text("<script>window.__xss=1</script>", exact=False)
    expect(source.first).to_be_visible(timeout=WAIT)
    expect(page.get_by_text('<img src=x onerror="window.__xss=1">', exact=False).first).to_be_visible()
    expect(page.get_by_text('Probe <img src=x onerror="window.__xss=1">', exact=False).first).to_be_visible()
    page.wait_for_timeout(1000)  # give any injected handler time to run
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("svg[onload]").count() == 0
    assert dialogs == []
    expect(page.get_by_role("combobox", name="Article")).to_have_value(XSS_DOC)
    page.screenshot(path=str(tmp_path / "xss-source-view.png"))

    # the same article in the timeline and table views
    choose_view(page, "timeline")
    page.locator(CHART).first.wait_for(state="visible", timeout=WAIT)
    choose_view(page, "table")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=WAIT)
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []


def test_downloads_are_made_when_pressed(page: Page, app_url, tmp_path):
    """The table view's exports are built on demand; the CSV and the offline chart hold the seed's events."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url + "/?view=table&tz=America/New_York")
    # Pressed once the whole page is there: the first view's buttons are drawn again by the run that brings
    # the controls, with new download ids, and a press on the first ones in between asks for a revoked id.
    expect(page.get_by_role("combobox", name="Time zone")).to_be_visible(timeout=WAIT)
    for label, check in (("CSV", lambda text: "Air Force One" in text or "Trump" in text),
                         ("Chart (HTML)", lambda text: "plotly" in text.lower() and "time (America" in text and "New_York" in text)):
        button = page.get_by_role("button", name=label, exact=True)
        expect(button).to_be_visible(timeout=WAIT)
        with page.expect_download(timeout=WAIT) as info:
            button.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        text = path.read_text(encoding="utf-8")
        assert path.name.startswith(SEED) and check(text), (label, text[:300])
