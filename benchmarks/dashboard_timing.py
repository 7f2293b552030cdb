"""Dashboard timing in a real browser, against plain Streamlit pages measured in the same run; prints
figures, asserts nothing.

    .venv/bin/python benchmarks/dashboard_timing.py [--rounds 7] [--events 10000] [--chromium /usr/bin/chromium]

Four `streamlit run` servers on loopback ports, all with the project's .streamlit/config.toml:
- bare: one line of text;  one-chart: one small Plotly chart;  dashboard: app.py on the seed;
- big: the dashboard's timeline figure of a generated table of --events events, with a zone box.
First paint: a fresh browser context per load (no cache, a new session); an init script checks on every
animation frame for the page's content (the chart with data, or the bare page's text) and records
performance.now(), i.e. milliseconds since navigation began. Loads are interleaved round by round
(bare, one-chart, dashboard, ...) so that the machine's load hits them alike; medians are printed, and
the dashboard / one-chart ratio (target at most 1.2).
Zone switch: from the click on a zone's option to the first animation frame on which the one visible chart
holds that zone's wall time (both timed in the page); at the seed (app.py), at --events events (the app's
own cached spec and cursor path), and on a floor page (one small chart and a zone box) for scale.
Cursor move: from a key press on the Cursor slider to the frame where the chart's cursor line has moved.
The first rounds of each meet cold caches (each zone's figure is built once); all rounds are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from shutil import copytree

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import running_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
BARE = 'import streamlit as st\nst.write("Hello, timeline")\n'
FLOOR = '''import pandas as pd
import plotly.graph_objects as go
import streamlit as st
tz = st.selectbox("Time zone", ["America/Anchorage", "America/New_York", "UTC"], key="tz")
x = pd.Timestamp("2025-08-15T18:22Z").tz_convert(tz).tz_localize(None)
fig = go.Figure(go.Scatter(x=[x], y=[1], mode="markers"))
fig.update_xaxes(title=f"time ({tz})")
st.plotly_chart(fig, key="floor")
'''
ONE_CHART = ('import plotly.graph_objects as go\nimport streamlit as st\n'
             'st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])))\n')
BIG = '''import sys
sys.path.insert(0, {root!r})
import numpy as np
import pandas as pd
import streamlit as st
from timeline.schema import make_table
from timeline.ui.charts import ranges, timeline_spec, with_cursor

@st.cache_data
def table(n):
    t0 = pd.Timestamp("2025-08-15T12:00:00Z")
    starts = [t0 + pd.Timedelta(minutes=int(m)) for m in np.arange(n) % 720]
    kinds = ["arrival", "departure", "meeting", "statement"]
    return make_table([dict(event_id=f"e{{i}}", label=f"Event {{i}}", kind=kinds[i % 4], actors=f"Person {{i % 12}}",
                            status="actual" if i % 3 else "planned", start=s, start_earliest=s, start_latest=s,
                            modifier="exact", origin="extracted", certainty="certain", quote="q", slot=f"s{{i % 50}}")
                       for i, s in enumerate(starts)])

events = table({n})
tz = st.selectbox("Time zone", ["America/Anchorage", "America/New_York", "UTC"], key="tz")
key = ("generated", {n})
(lo, hi), span = ranges(events, key, tz, None)
st.plotly_chart(with_cursor(timeline_spec(events, key, tz, None, "actor", None, span), lo, tz), key="big")
'''
# Content visible: a chart with data (or, for the bare page, its text); recorded on an animation frame.
PAINT = """(() => {
    const want = document.location.port === '%BARE%' ? 'bare' : 'chart';
    const tick = () => {
        const done = want === 'bare'
            ? [...document.querySelectorAll('[data-testid="stMarkdown"]')].some(e => e.offsetParent)
            : [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
                  .some(p => p.data && p.offsetParent);
        if (done) { window.__painted = performance.now(); } else { requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
})();"""
SHOWS = """([zone, x]) => {
    // The chart the reader sees: while Streamlit swaps in a new chart, the old one stays in the page,
    // hidden (display: none), until the run's clean-up removes it; it is not looked at.
    const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
        .filter(p => p.offsetParent);
    if (plots.length !== 1 || !plots[0].data) return false;
    const t = ((plots[0].layout || {}).xaxis || {}).title || {};
    if ((typeof t === 'string' ? t : t.text) !== `time (${zone})`) return false;
    return plots[0].data.some(tr => (tr.type === 'heatmap' || String(tr.mode).startsWith('markers')) &&
        tr.x.some(v => String(v).replace(' ', 'T').startsWith(x)));
}"""
# Zone switch, timed in the page: from the click on the zone's option (a capturing listener notes
# performance.now()) to the first animation frame on which SHOWS holds, so Playwright's own round trips
# are not counted.
CLICKED = """document.addEventListener('click', (ev) => {
    if (ev.target.closest('[role=option]')) { window.__clicked = performance.now(); }
}, true);"""
WATCH = """([zone, x]) => {
    window.__shown = undefined;
    const shows = %SHOWS%;
    const tick = () => {
        if (shows([zone, x])) { window.__shown = performance.now(); } else { requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
}"""
# (zone label in the box, IANA name, a wall-clock x there): the seed's 10:22 AKDT landing / event 0 at 12:00Z.
SEED_ZONES = [("US Eastern (EDT)", "America/New_York", "2025-08-15T14:22"), ("UTC", "UTC", "2025-08-15T18:22"),
              ("Alaska (AKDT)", "America/Anchorage", "2025-08-15T10:22")]
FLOOR_ZONES = [(z, z, x) for _, z, x in SEED_ZONES]
# At this size the chart is a heatmap of counts per time bin: the first bin starts at event 0's hour.
BIG_ZONES = [("America/New_York", "America/New_York", "2025-08-15T08"), ("UTC", "UTC", "2025-08-15T12"),
             ("America/Anchorage", "America/Anchorage", "2025-08-15T04")]


def opened(browser, url: str, script: str):
    """A fresh 1400x900 context with `script` run in every page, and a page on url."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(script)
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(url)
    return context, page


def first_paint(browser, url: str, bare_port: str) -> float:
    context, page = opened(browser, url, PAINT.replace("%BARE%", bare_port))
    try:
        page.wait_for_function("() => window.__painted !== undefined", timeout=120_000, polling="raf")
        return page.evaluate("window.__painted") / 1000
    finally:
        context.close()


def zone_switches(browser, url: str, zones, rounds: int) -> list[float]:
    context, page = opened(browser, url, CLICKED)
    try:
        label, zone, x = zones[-1]
        page.wait_for_function(SHOWS, arg=[zone, x], timeout=120_000, polling="raf")
        page.wait_for_timeout(2000)            # the rest of the page follows the first view's chart
        out = []
        for i in range(rounds):
            label, zone, x = zones[i % len(zones)]
            page.get_by_role("combobox", name="Time zone").click()
            option = page.get_by_role("option", name=label, exact=True)
            option.wait_for(state="visible")
            page.evaluate(WATCH.replace("%SHOWS%", SHOWS), [zone, x])
            option.click()
            page.wait_for_function("() => window.__shown !== undefined", timeout=120_000)
            out.append(page.evaluate("window.__shown - window.__clicked") / 1000)
            page.wait_for_timeout(500)         # let the run finish before the next choice
        return out
    finally:
        context.close()


# Cursor move: from the key press on the slider to the first frame on which the visible chart's cursor line
# (its last shape) has left where it was.
PRESSED = """document.addEventListener('keydown', () => {
    window.__pressed = performance.now();   // the key goes to the focused slider
}, true);"""
CURSOR_AT = """() => {
    const p = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].find(p => p.offsetParent);
    const shapes = p && p.layout && p.layout.shapes;
    return shapes && shapes.length ? String(shapes[shapes.length - 1].x0) : null;
}"""
MOVED = """(before) => {
    window.__moved = undefined;
    const at = %CURSOR_AT%;
    const tick = () => {
        const now = at();
        if (now !== null && now !== before) { window.__moved = performance.now(); } else { requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
}"""


def cursor_moves(browser, url: str, rounds: int) -> list[float]:
    context, page = opened(browser, url, PRESSED)
    try:
        slider = page.get_by_role("slider", name="Cursor")
        slider.wait_for(state="visible")
        page.wait_for_timeout(1000)
        out = []
        for _ in range(rounds):
            before = page.evaluate(CURSOR_AT)
            page.evaluate(MOVED.replace("%CURSOR_AT%", CURSOR_AT), before)
            slider.press("ArrowRight")
            page.wait_for_function("() => window.__moved !== undefined", timeout=120_000)
            out.append(page.evaluate("window.__moved - window.__pressed") / 1000)
            page.wait_for_timeout(500)
        return out
    finally:
        context.close()


def line(name: str, values: list[float]) -> str:
    return (f"{name:<40} median {statistics.median(values):6.3f} s   min {min(values):6.3f}   "
            f"max {max(values):6.3f}   (n={len(values)})")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        site = Path(tmp)
        copytree(ROOT / ".streamlit", site / ".streamlit")
        (site / "bare.py").write_text(BARE)
        (site / "one_chart.py").write_text(ONE_CHART)
        (site / "floor.py").write_text(FLOOR)
        (site / "big.py").write_text(BIG.format(root=str(ROOT), n=args.events))
        urls = {name: stack.enter_context(running_app(path, site / f"{name}.log"))
                for name, path in (("bare", site / "bare.py"), ("one-chart", site / "one_chart.py"),
                                   ("dashboard", ROOT / "app.py"), ("big", site / "big.py"),
                                   ("floor", site / "floor.py"))}
        bare_port = urls["bare"].rsplit(":", 1)[1]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            try:
                for name in ("bare", "one-chart", "dashboard"):      # warm-up: the servers' first runs
                    first_paint(browser, urls[name], bare_port)
                paints: dict[str, list[float]] = {"bare": [], "one-chart": [], "dashboard": []}
                for _ in range(args.rounds):
                    for name in paints:
                        paints[name].append(first_paint(browser, urls[name], bare_port))
                seed = zone_switches(browser, urls["dashboard"], SEED_ZONES, args.rounds)
                big = zone_switches(browser, urls["big"], BIG_ZONES, args.rounds)
                floor = zone_switches(browser, urls["floor"], FLOOR_ZONES, args.rounds)
                moves = cursor_moves(browser, urls["dashboard"], args.rounds)
                version = browser.version
            finally:
                browser.close()
    print(f"Dashboard timing: Chromium {version}, 1400x900, {args.rounds} interleaved rounds")
    for name, values in paints.items():
        print(line(f"first paint: {name}", values))
    ratio = statistics.median(paints["dashboard"]) / statistics.median(paints["one-chart"])
    print(f"{'dashboard / one-chart page':<40} {ratio:6.2f}   (target <= 1.2)")
    print(line("zone switch, seed", seed))
    print(line(f"zone switch, {args.events:,} events", big))
    print(line("zone switch, floor (one chart, zone box)", floor))
    print(line("cursor move (slider key), seed", moves))
    for name, values in (("seed", seed), (f"{args.events:,} events", big), ("floor", floor), ("cursor", moves)):
        print(f"  {name} rounds: " + " ".join(f"{v:.3f}" for v in values))


if __name__ == "__main__":
    main()
