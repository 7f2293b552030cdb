"""Dashboard timing in a real browser: prints figures, asserts nothing.

    .venv/bin/python benchmarks/dashboard_timing.py [--runs 5] [--chromium /usr/bin/chromium]

Starts `streamlit run app.py` on a free loopback port and drives Debian's chromium with Playwright:
1. navigation -> chart visible: a fresh browser context per run (no cache, new Streamlit session), from
   page.goto to the first `[data-testid="stPlotlyChart"] .js-plotly-plot` being visible. One warm-up
   load first (the server's first run pays the imports); it is printed apart.
2. new zone -> new chart: from choosing a zone in the sidebar selectbox to plotly.js holding exactly one
   chart whose x values are those of the new zone (Air Force One's 10:22 AKDT landing at its wall-clock
   time there). The zones cycle so that every choice is a change.
Medians of --runs runs, with min and max.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import running_app  # noqa: E402
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
# zone label in the sidebar -> (IANA name, wall-clock x of the 10:22 AKDT landing there)
ZONES = [("US Eastern (EDT)", "America/New_York", "2025-08-15T14:22"),
         ("UTC", "UTC", "2025-08-15T18:22"),
         ("Alaska (AKDT)", "America/Anchorage", "2025-08-15T10:22")]
SHOWS = """([zone, x]) => {
    const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')];
    if (plots.length !== 1 || !plots[0].data) return false;
    const t = ((plots[0].layout || {}).xaxis || {}).title || {};
    if ((typeof t === 'string' ? t : t.text) !== `time (${zone})`) return false;
    return plots[0].data.some(tr => String(tr.mode).startsWith('markers') &&
        tr.x.some(v => String(v).replace(' ', 'T').startsWith(x)));
}"""


def load_once(browser, url: str) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.locator(CHART).first.wait_for(state="visible", timeout=60_000)
        return time.perf_counter() - t0
    finally:
        context.close()


def zone_changes(browser, url: str, runs: int) -> list[float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(url)
        page.wait_for_function(SHOWS, arg=["America/Anchorage", "2025-08-15T10:22"], timeout=60_000)
        out = []
        for i in range(runs):
            label, zone, x = ZONES[i % len(ZONES)]
            box = page.get_by_role("combobox", name="Time zone")
            box.click()
            option = page.get_by_role("option", name=label, exact=True)
            option.wait_for(state="visible")
            t0 = time.perf_counter()
            option.click()
            page.wait_for_function(SHOWS, arg=[zone, x], timeout=60_000)
            out.append(time.perf_counter() - t0)
            page.wait_for_timeout(300)  # let the rerun settle before the next choice
        return out
    finally:
        context.close()


def show(name: str, values: list[float]) -> None:
    print(f"{name:<38} median {statistics.median(values):6.2f} s   min {min(values):6.2f}   max {max(values):6.2f}"
          f"   (n={len(values)})")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, running_app(ROOT / "app.py", Path(tmp) / "server.log") as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            try:
                first = load_once(browser, url)
                loads = [load_once(browser, url) for _ in range(args.runs)]
                changes = zone_changes(browser, url, args.runs)
                version = browser.version
            finally:
                browser.close()
    print(f"Dashboard timing: streamlit run app.py, Chromium {version}, {args.runs} runs each")
    print(f"{'first load after server start':<38} {first:6.2f} s")
    show("navigation -> chart visible", loads)
    show("new zone -> chart with new x values", changes)


if __name__ == "__main__":
    main()
