"""The timeline read at a glance, in Debian's chromium at 1400x900 and on a 390x844 phone (issue 9).

What is checked is read from plotly.js and the page, against the seed article: Air Force One lands at
10:22 AKDT (line 5), Putin's plane shortly before 11:00, the talks at 11:27, Trump leaves shortly after
16:00 (all local, America/Anchorage).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
expect.set_options(timeout=40_000)

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
# Every labelled mark's chart text, the x-range, and every drawn x (marks and line segments).
READ = """() => {
    const p = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
    const marks = [], segments = [];
    for (const t of p.data) {
        const xs = (t.x || []).map(v => v === null ? null : String(v).replace(' ', 'T').slice(0, 16));
        if (String(t.mode).startsWith('markers')) xs.forEach(x => marks.push(x));
        else for (let i = 0; i + 1 < xs.length; i += 3) if (xs[i] && xs[i + 1]) segments.push([xs[i], xs[i + 1]]);
    }
    const texts = [...p.querySelectorAll('.textpoint text')].map(t => t.textContent);
    return {marks, segments, texts, range: p.layout.xaxis.range.map(v => String(v).replace(' ', 'T').slice(0, 16))};
}"""


def t(x: str) -> datetime:
    return datetime.fromisoformat(x)


def open_seed(page: Page, url: str, query: str = "") -> None:
    page.goto(url + "/" + query)
    page.locator(CHART).first.wait_for(state="visible", timeout=60_000)


def test_labels_range_cursor_and_no_day_long_bars(page: Page, app_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_seed(page, app_url)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .textpoint text').length > 0")
    got = page.evaluate(READ)
    for label in ("Trump arrives 10:22", "Putin arrives 11:00", "Talks: Trump and Putin 11:27", "Trump departs 16:00"):
        assert label in got["texts"], got["texts"]
        node = page.locator(".js-plotly-plot .textpoint text", has_text=label).first
        expect(node).to_be_visible()
    marks = sorted(t(x) for x in got["marks"] if x)
    lo, hi = t(got["range"][0]), t(got["range"][1])
    assert lo <= marks[0] and hi >= marks[-1]
    assert marks[0] - lo <= timedelta(hours=2) and hi - marks[-1] <= timedelta(hours=2)
    # The cursor opens at the first timed mark (on its 5-minute step).
    cursor = page.get_by_role("slider", name="Cursor").get_attribute("aria-valuetext")
    first = marks[0]
    assert cursor == (first - timedelta(minutes=first.minute % 5)).strftime("%a %H:%M"), (cursor, first)
    # Nothing drawn spans a day: named-day items are listed apart.
    assert all(t(b) - t(a) < timedelta(hours=6) for a, b in got["segments"]), got["segments"]
    expect(page.get_by_text("Not timed (", exact=False)).to_be_visible()


def test_schedule_board_shows_both_zones_and_verdicts_without_sideways_scrolling(page: Page, app_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url + "/?view=schedule&tz2=Europe/Amsterdam")
    board = page.get_by_test_id("stTable")
    expect(board).to_be_visible()
    for text in ("17:45 AKDT", "Sat 16 Aug 03:45 CEST", "early"):
        cell = board.get_by_text(text, exact=False).first
        expect(cell).to_be_in_viewport()
    widths = page.evaluate("""() => {
        const t = document.querySelector('[data-testid="stTable"]');
        return [t.scrollWidth, t.clientWidth, document.documentElement.scrollWidth, window.innerWidth];
    }""")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths


def test_a_shared_link_on_a_phone_shows_the_chart_and_nothing_scrolls_sideways(page: Page, app_url):
    page.set_viewport_size({"width": 390, "height": 844})
    open_seed(page, app_url, "?tz=America/New_York")
    chart = page.locator(CHART).first
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")


# Per animation frame from navigation: when the chart first holds data, and what else the page held then.
FIRST_VIEW = """(() => {
    const tick = () => {
        const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')];
        if (plots.some(p => p.data && p.offsetParent)) {
            window.__firstView = {
                sliders: document.querySelectorAll('[role="slider"]').length,
                zoneBox: document.querySelectorAll('[data-testid="stSidebar"] [role="combobox"]').length,
                title: !!document.querySelector('h1'),
            };
        } else { requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
})();"""


def test_the_chart_comes_first_and_the_controls_follow_without_a_click(page: Page, app_url):
    """The first view is the header and the chart; the browser then asks for the rest by itself. A link's
    notice about its cursor (shown with the scrubber) survives the step."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.add_init_script(FIRST_VIEW)
    page.goto(app_url + "/?t=2025-08-20T10:00")
    page.wait_for_function("() => window.__firstView !== undefined", timeout=60_000)
    first_view = page.evaluate("window.__firstView")
    assert first_view == {"sliders": 0, "zoneBox": 0, "title": True}, first_view
    # No click, no key: the controls arrive, the placeholder goes, one chart is shown.
    expect(page.get_by_role("slider", name="Cursor")).to_be_visible()
    expect(page.get_by_role("combobox", name="Time zone")).to_be_visible()
    expect(page.get_by_text("Loading the controls…")).to_have_count(0)
    expect(page.get_by_text("t: outside the article's day", exact=False)).to_be_visible()
    assert page.evaluate(f"() => [...document.querySelectorAll('{CHART}')].filter(p => p.offsetParent).length") == 1
    # The whole page's link is written to the address bar: the default zone is left out, t is the first time.
    page.wait_for_function("() => new URL(location.href).searchParams.get('t') !== '2025-08-20T10:00'")
    assert "tz=" not in page.url
