"""Hostile input in Debian's chromium (issue 10): through the link, the sidebar's boxes, the add-article page,
the edit forms, an article's own text, and every export of it.

Each check asserts that nothing ran and nothing left the machine:
- no dialog (page.on("dialog")), and `window.__xss`, which every payload sets, stays undefined;
- no element that input made active: any `on*` attribute, an img/iframe/link/script/a/... whose address holds
  `.invalid`, `javascript:` or `__xss`, `<img src=x>`, any img/iframe/script/link/object/embed/media/svg image
  loading from another origin, a `<base>`, a style with `url(...invalid...)`, a short script or style holding
  `__xss`. A MutationObserver installed before the page's own scripts records such
  elements even if they come and go, and a last scan walks the page (shadow roots included);
- no request to anything but the page's own origin (recorded from page.on("request") here; conftest's
  guard also aborts and fails the test for anything outside loopback, data: and blob:).

Outside names are under `.invalid` only. "Quiet" below means: the page fetched nothing and changed nothing
for 500 ms (bounded by WAIT), so a handler that would run has had its chance.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import shutil
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.streamlit_server import ServerDidNotStart, free_port, running_app
from timeline.documents import read_document
from timeline.views.export import from_csv, from_json

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = "alaska-summit-2025-08-15.nl"
PROBE = "probe-hostile.en"
WAIT = 30_000
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'

# ----------------------------------------------------------------------------- hostile values
SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
SVG = '<svg onload="window.__xss=1"></svg>'
MD_IMAGE = "![i](http://tracker.invalid/track.png)"
MD_LINK = "[x](javascript:window.__xss=1)"
JS_LINK = '<a href="javascript:window.__xss=1">x</a>'
IFRAME = '<iframe src="http://frame.invalid/"></iframe>'
STYLESHEET = "<link rel=stylesheet href=http://styles.invalid/s.css>"
BAD_DATE = "2025-02-30T25:61"
TRAVERSAL = "../../etc/passwd"
LONG = IMG + "A" * (10_000 - len(IMG))
SHORT = "<svg onload=__xss=1>"      # for boxes of 40 characters
NUL = "UTC\x00" + IMG
RTL = "\u202eUTC" + IMG
HOSTILE = {"script": SCRIPT, "img": IMG, "svg": SVG, "md-image": MD_IMAGE, "md-link": MD_LINK, "js-link": JS_LINK,
           "iframe": IFRAME, "stylesheet": STYLESHEET, "bad-date": BAD_DATE, "traversal": TRAVERSAL,
           "10000-chars": LONG, "nul": NUL, "rtl": RTL}

# Every parameter the link carries (timeline/views/share.py PARAMS).
PARAMS = ("doc", "tz", "tz2", "t", "kinds", "actors", "status", "ev", "view", "story", "range")

# ----------------------------------------------------------------------------- watching the page
WATCH = r"""(() => {
  if (window.__watching) return;
  window.__watching = true;
  window.__injected = [];
  window.__mutations = 0;
  try { performance.setResourceTimingBufferSize(100000); } catch (e) {}
  const ADDRESS = ['src', 'href', 'xlink:href', 'srcdoc', 'data', 'action', 'formaction', 'poster', 'background',
                   'srcset', 'ping', 'codebase', 'manifest'];
  const LOADS = {img: 'src', iframe: 'src', frame: 'src', embed: 'src', object: 'data', script: 'src', link: 'href',
                 video: 'src', audio: 'src', source: 'src', track: 'src', image: 'href', use: 'href', input: 'src'};
  const hostile = (v) => v.includes('.invalid') || v.includes('__xss') || v.replace(/\s/g, '').startsWith('javascript:');
  window.__badElement = (el) => {
    const out = [], tag = el.tagName.toLowerCase();
    const say = (what) => out.push(`<${tag}> ${what}`.slice(0, 200));
    for (const a of el.attributes) {
      const n = a.name.toLowerCase(), v = a.value.toLowerCase();
      if (n.startsWith('on')) say(`${n}=${a.value}`);
      else if (tag === 'a' && n === 'href' && /^https?:/.test(v.trim()) && hostile(v)
               && el.closest('[data-testid="stAlert"]')) out.push(`notice-link ${a.value}`.slice(0, 200));
      else if (ADDRESS.includes(n) && (hostile(v) || (tag === 'img' && v.trim() === 'x'))) say(`${n}=${a.value}`);
      else if (n === 'style' && v.includes('url(') && hostile(v)) say(`style=${a.value}`);
      else if (n === 'http-equiv' && v.includes('refresh')) say(`http-equiv=${a.value}`);
    }
    if (tag === 'base') say('base');
    // Anything that loads from somewhere else than the page's own origin (or data:, blob:, about:).
    const loads = LOADS[tag] && (el.getAttribute(LOADS[tag]) || el.getAttribute('xlink:href'));
    if (loads) {
      let u = null;
      try { u = new URL(loads, document.baseURI); } catch (e) {}
      if (!u || !(['data:', 'blob:', 'about:'].includes(u.protocol)
                  || (u.protocol === location.protocol && u.origin === location.origin))) say(`loads ${loads}`);
    }
    // A payload's own script or style is short; a page's data (the offline chart's figure JSON) may quote one.
    if ((tag === 'script' || tag === 'style') && el.textContent.length < 1000 && hostile(el.textContent))
      say(el.textContent);
    return out;
  };
  const check = (el) => { for (const b of window.__badElement(el)) window.__injected.push(b); };
  new MutationObserver((records) => {
    window.__mutations += records.length;
    for (const r of records) {
      if (r.type === 'attributes') { if (r.target.nodeType === 1) check(r.target); continue; }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        check(n);
        n.querySelectorAll('*').forEach(check);
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: false});
})();"""

SCAN = r"""() => {
  const out = [...(window.__injected || [])];
  const roots = [document];
  while (roots.length) {
    for (const el of roots.pop().querySelectorAll('*')) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      out.push(...window.__badElement(el));
    }
  }
  return [...new Set(out)];
}"""

QUIET = """() => {
  const n = performance.getEntriesByType('resource').length + (window.__mutations || 0);
  const now = performance.now(), q = window.__quiet;
  if (!q || q.n !== n) { window.__quiet = {n, since: now}; return false; }
  return now - q.since >= 500;
}"""


class Watch:
    """One page's dialogs and requests that left its origin."""

    def __init__(self, page: Page, origin: str):
        self.page, self.origin = page, origin
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        page.set_default_timeout(WAIT)
        page.add_init_script(WATCH)
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        url = request.url
        if not url.startswith((self.origin, "data:", "blob:")):
            self.outside.append(f"{request.method} {url[:200]} [{request.resource_type}]")

    def quiet(self) -> None:
        self.page.wait_for_function(QUIET, polling=100, timeout=WAIT)

    def assert_inert(self, where: str, outside_requests: list[str]) -> None:
        """After the page has been quiet: nothing ran, nothing was injected, nothing left. A plain web link
        that Markdown made of an address inside a notice is kept apart (self.notice_links): a known finding,
        checked by test_link_notices_make_no_links."""
        self.quiet()
        assert self.page.evaluate("typeof window.__xss") == "undefined", f"{where}: a payload ran"
        found = self.page.evaluate(SCAN)
        self.notice_links = [f for f in found if f.startswith("notice-link ")]
        assert [f for f in found if not f.startswith("notice-link ")] == [], f"{where}: injected elements"
        assert self.dialogs == [], f"{where}: dialogs {self.dialogs}"
        assert self.outside == [], f"{where}: requests outside {self.origin}: {self.outside}"
        assert outside_requests == [], f"{where}: requests outside loopback: {outside_requests}"


def origin_of(url: str) -> str:
    return re.match(r"https?://[^/]+", url).group(0) + "/"


def wait_for_controls(page: Page) -> None:
    """The browser's first run draws the header and chart; the sidebar comes with the second."""
    expect(page.get_by_role("combobox", name="Time zone")).to_be_visible(timeout=WAIT)


def open_select(page: Page, name: str) -> None:
    """Open a select's list. A click that lands while the page is still being redrawn can leave it shut:
    try again, a few times."""
    box = page.get_by_role("combobox", name=name)
    for attempt in range(4):
        box.click()
        try:
            expect(page.get_by_role("listbox")).to_be_visible(timeout=2_000 if attempt < 3 else WAIT)
            return
        except AssertionError:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")


def fill(box, value: str) -> None:
    """Fill a box and make sure it holds the value: the first fill into a form that was just drawn can be
    undone by its last render."""
    for _ in range(3):
        box.fill(value)
        if box.input_value() == value:
            return
    expect(box).to_have_value(value)


def fill_longest(box, value: str) -> str:
    """Fill a box with the value, or, if the box refuses it as too long (Streamlit's max_chars drops the whole
    change), with the longest of a few cuts it takes; returns what it holds."""
    for cut in (value, value[:1000], value[:200], value[:64], value[:40]):
        box.fill(cut)
        if box.input_value() == cut:
            return cut
    pytest.fail(f"the box takes none of {value[:60]!r}…")


def pick(page: Page, box: str, option) -> None:
    """Open select `box` and click `option` (a name, a regex, or an index when an int); a list that shuts
    under the click (a run redrawing the page) is opened again, a few times."""
    for attempt in range(4):
        open_select(page, box)
        options = page.get_by_role("option")
        target = options.nth(option) if isinstance(option, int) else options.filter(has_text=option).first
        try:
            target.click(timeout=3_000 if attempt < 3 else WAIT)
            return
        except PlaywrightTimeout:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")


def choose_view(page: Page, view: str) -> None:
    page.get_by_role("radiogroup", name="View").get_by_text(view, exact=True).click()
    expect(page.get_by_role("radio", name=view)).to_be_checked()


HOVER_ALL = """() => {
  // Plotly draws hover labels (the texts that carry article words) only on hover: show each point's.
  let n = 0;
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    if (!gd._fullLayout) continue;                      // still being drawn
    (gd.data || []).forEach((t, c) => Array.from(t.x || []).forEach((x, i) => {
      if (x === null || x === undefined) return;
      try { window.Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: i}]); n++; } catch (e) {}
    }));
  }
  return n;
}"""


def hover_every_point(page: Page) -> int:
    """Hover each point in turn (the last one's label stays up); the MutationObserver sees every label."""
    # Retried until a drawn chart answers (just after a view switch plotly.js may still be drawing it).
    return page.wait_for_function(f"() => window.Plotly && window.Plotly.Fx && ({HOVER_ALL})()",
                                  polling=200, timeout=WAIT).json_value()


def unhover(page: Page) -> None:
    """Take the hover label down (while it is up, the next click on the page is lost)."""
    page.evaluate("() => window.Plotly && document.querySelectorAll('.js-plotly-plot')"
                  ".forEach(gd => window.Plotly.Fx.unhover(gd))")


# ----------------------------------------------------------------------------- 1. the link
def _query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={quote(v, safe='')}" for k, v in pairs)


URL_CASES = {
    "doc-traversal": ("doc=../../etc/passwd&view=source", ("doc",)),
    "doc-traversal-encoded": ("doc=..%2F..%2Fapp.py&view=source", ("doc",)),
    "doc-traversal-double-encoded": ("doc=..%252F..%252Fapp.py&story=..%2F..%2Fetc%2Fpasswd", ("doc", "story")),
    **{f"every-param-{name}": (_query([(p, value) for p in PARAMS]), PARAMS)
       for name, value in HOSTILE.items()},
    "impossible-dates": (_query([("t", BAD_DATE), ("range", f"{BAD_DATE},2025-02-31T00:00")]), ("t", "range")),
    "each-param-twice": ("&".join(f"{p}={v}&{p}={quote(SCRIPT, safe='')}" for p, v in (
        ("doc", SEED), ("tz", "UTC"), ("tz2", "UTC"), ("t", "2025-08-15T10:00"), ("kinds", "meeting"),
        ("actors", "Trump"), ("status", "actual"), ("ev", "x"), ("view", "table"), ("story", "x"),
        ("range", "2025-08-15T10:00,2025-08-15T12:00"))), PARAMS),
}


@pytest.mark.parametrize("case", list(URL_CASES))
def test_hostile_link_is_inert(page: Page, app_url, outside_requests, case):
    """Every hostile value in every parameter: one notice per parameter, shown as text; nothing runs, nothing
    is injected, nothing is fetched; the address bar and the share box keep none of it; no file is read."""
    query, named = URL_CASES[case]
    watch = Watch(page, origin_of(app_url))
    page.goto(f"{app_url}/?{query}")
    wait_for_controls(page)
    alerts = page.get_by_test_id("stAlert")
    for name in named:
        expect(alerts.filter(has_text=f"Link parameter ignored: {name}:")).to_have_count(1)
    for text in alerts.all_inner_texts():
        assert "<" not in text and "](" not in text.replace("\\x5d(", ""), f"markup in a notice: {text!r}"
    # The view falls back to the seed article; no path reaches a file.
    body = page.locator("body")
    expect(body).not_to_contain_text("root:x:0:0")
    expect(body).not_to_contain_text("import streamlit")
    # The app rewrites the link from what it shows: nothing hostile is carried on.
    page.wait_for_function("() => !/__xss|invalid|%3C|%00|%E2%80%AE/i.test(location.search)", timeout=WAIT)
    share = page.get_by_role("textbox", name="Share this view").input_value()
    assert not re.search(r"__xss|invalid|%3C|%00|%E2%80%AE|<", share, re.IGNORECASE), share
    watch.assert_inert(case, outside_requests)


def test_link_notices_make_no_links(page: Page, app_url, outside_requests):
    """A link's notice shows its bad value as text only; an address in it must not become a link."""
    watch = Watch(page, origin_of(app_url))
    page.goto(f"{app_url}/?tz=www.phish.invalid/login&kinds=http://phish.invalid/a&actors=https://phish.invalid/b")
    wait_for_controls(page)
    alerts = page.get_by_test_id("stAlert")
    expect(alerts.filter(has_text="Link parameter ignored: tz:")).to_have_count(1)
    watch.assert_inert("notices with addresses", outside_requests)
    links = page.locator("[data-testid='stAlert'] a").evaluate_all("els => els.map(a => a.href)")
    assert links == [], f"link notices turn addresses into links: {links}"


# ----------------------------------------------------------------------------- 2. the sidebar's boxes
SIDEBAR_VALUES = [SCRIPT, IMG, SVG, MD_IMAGE, MD_LINK, JS_LINK, IFRAME, STYLESHEET, BAD_DATE, TRAVERSAL,
                  "../../../../app.py", LONG, NUL, RTL]


def sidebar_boxes(page: Page) -> list[str]:
    """The label of every text box in the sidebar (plain text inputs, text areas and the search boxes of
    select and multiselect), in page order."""
    return page.get_by_test_id("stSidebar").locator(
        "input[type='text'], input:not([type]), textarea").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText) || '')")


def type_into_sidebar(page: Page, watch: Watch, outside_requests, label: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_label(label, exact=True)
    combo = box.get_attribute("role") == "combobox"
    warning = sidebar.get_by_test_id("stAlert")
    for value in SIDEBAR_VALUES:
        if combo:
            # A select's search box: filtered on the page, nothing is sent until an option is chosen.
            box.click()
            box.fill(value)
            expect(page.get_by_text("No results", exact=False).first).to_be_visible()
            box.press("Enter")
            box.press("Escape")
        else:
            value = fill_longest(box, value)
            box.press("Enter")
            if label == "…or any IANA zone":
                said = warning.filter(has_text="unknown time zone")
                expect(said).to_have_count(1)
                if value[:20].isascii() and value[:20].isprintable():
                    expect(said).to_contain_text(value[:20])      # shown as typed, as text
                box.fill("")
                box.press("Enter")
                expect(warning).to_have_count(0)
    if combo:
        page.locator("h1", has_text="Summit Timeline").click()   # close the dropdown (the page is aria-hidden while open)
        expect(page.get_by_role("listbox")).to_have_count(0)
    watch.assert_inert(f"sidebar box {label!r}", outside_requests)


def test_sidebar_boxes_take_hostile_values_as_text(page: Page, app_url, outside_requests):
    """Each text box of the sidebar (the zone box and the selects' search boxes) gets every hostile value;
    the zone box answers with a warning that shows the value as text."""
    watch = Watch(page, origin_of(app_url))
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url)
    wait_for_controls(page)
    # The sidebar's widgets arrive one after another: read them once the zone box is there too.
    deadline = time.monotonic() + WAIT / 1000
    while "…or any IANA zone" not in (labels := sidebar_boxes(page)) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert "…or any IANA zone" in labels and "Time zone" in labels, labels
    assert all(labels), f"a sidebar box without a label: {labels}"
    for label in labels:
        type_into_sidebar(page, watch, outside_requests, label)
    # The chart still draws in the article's zone; the address bar holds nothing typed.
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("Alaska (AKDT)")
    assert not re.search(r"__xss|invalid|%3C", page.url, re.IGNORECASE), page.url


# ----------------------------------------------------------------------------- 3. adding, editing, a story
PASTED = f"""Hostile paste: a live blog with markup
Anchorage, Alaska, Friday, August 15, 2025

Air Force One was scheduled to land at 10:00 a.m. local time.
Air Force One landed at 10:22 a.m. local time. {SCRIPT}
The talks were scheduled to begin at 11:00 a.m.
The talks began at 11:27 a.m. {IMG} {SVG}
{MD_IMAGE} {MD_LINK} The leaders left at 4:05 p.m.
{IFRAME} {STYLESHEET} {JS_LINK} \u202eevil\u202c
"""
TITLE = f"Paste {IMG} {MD_IMAGE} {SCRIPT}"


def test_add_edit_and_story_boxes_take_hostile_values_as_text(browser, tmp_path, outside_requests):
    """The add page: the web-address box refuses outside, local and non-web addresses with a message and the
    browser requests nothing; a pasted hostile text and hostile metadata are stored and shown as text in every
    view; the edit forms and the story title take hostile values the same way."""
    port = free_port()
    try:
        with running_app(ROOT / "app.py", tmp_path / "server.log", port=port,
                         env={"SUMMIT_TIMELINE_DB": str(tmp_path / "store.sqlite3")}) as url:
            _add_edit_story(browser, url, port, outside_requests)
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")


def _add_edit_story(browser, url: str, port: int, outside_requests: list[str]) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = Watch(page, origin_of(url))
    page.goto(url)
    wait_for_controls(page)
    page.get_by_role("button", name="Add an article").click()
    expect(page.get_by_role("heading", name="Add an article")).to_be_visible()

    # The web-address box: nothing is fetched by the browser, and the server says why it fetched nothing.
    page.get_by_role("radiogroup", name="From").get_by_text("Web address", exact=True).click()
    address = page.get_by_label("Web address (http or https)")
    errors = page.get_by_test_id("stAlert")
    for typed, said in (("http://tracker.invalid/article", "could not reach tracker.invalid"),
                        ("https://frame.invalid/" + IMG, "could not reach frame.invalid"),
                        ("javascript:window.__xss=1", "only http:// and https://"),
                        ("file:///etc/passwd", "only http:// and https://"),
                        (f"http://127.0.0.1:{port}/", "loopback address"),
                        ("http://localhost:1/" + SCRIPT, "loopback address")):
        fill(address, typed)
        page.get_by_role("button", name="Fetch and read").click()
        expect(errors.filter(has_text=said)).to_have_count(1)
        watch.assert_inert(f"web address {typed[:40]!r}", outside_requests)
    expect(page.get_by_label("Title", exact=True)).to_have_count(0)  # no draft came of any of them

    # A pasted hostile text, confirmed with hostile metadata (a bad zone first).
    page.get_by_role("radiogroup", name="From").get_by_text("Paste text", exact=True).click()
    fill(page.get_by_label("Article text"), PASTED)
    page.get_by_role("button", name="Read this text").click()
    expect(page.get_by_label("Title", exact=True)).to_be_visible()
    watch.quiet()
    fill(page.get_by_label("Title", exact=True), TITLE)
    fill(page.get_by_label("Published by"), SCRIPT + MD_LINK)
    zone = page.get_by_label("Local zone (IANA name, e.g. America/Anchorage)")
    fill(zone, IMG)
    fill(page.get_by_label("People to show as lanes (optional, separated by ;)"), f"{IMG}; {JS_LINK}; =cmd")
    page.get_by_role("button", name="Add and read it").click()
    expect(errors.filter(has_text="Unknown zone")).to_contain_text(IMG)
    watch.assert_inert("metadata with a hostile zone", outside_requests)
    fill(zone, "America/Anchorage")
    page.get_by_role("button", name="Add and read it").click()
    expect(page.get_by_text(re.compile(r"Added: \d+ events found"))).to_be_visible()
    expect(page.get_by_text(TITLE, exact=False).first).to_be_visible()
    watch.assert_inert("the added article", outside_requests)
    for view in ("source", "table", "schedule", "timeline"):
        choose_view(page, view)
        if view == "source":
            expect(page.get_by_text(SCRIPT, exact=False).first).to_be_visible()
        if view in ("timeline", "schedule") and page.locator(CHART).count():
            hover_every_point(page)
        watch.assert_inert(f"the added article, {view} view", outside_requests)
        unhover(page)

    # The edit panel: a bad time is refused with its text shown; a hostile label and actors are stored.
    pick(page, "Selected event", 1)
    expect(page.get_by_role("combobox", name="Selected event")).not_to_have_value("none")
    page.get_by_text("Correct events").click()
    form = page.get_by_test_id("stForm").filter(has_text="Correct the selected event")
    expect(form).to_be_visible()
    watch.quiet()          # the run that drew the form is over: it would reset what is typed into it
    starts, label = form.get_by_label("Starts (YYYY-MM-DD HH:MM)"), form.get_by_label("Label")
    fill(starts, BAD_DATE + SHORT)          # the box takes at most 40 characters
    fill(label, IMG + MD_IMAGE)
    form.get_by_role("button", name="Save correction").click()
    expect(errors.filter(has_text="is not a time")).to_have_count(1)
    watch.assert_inert("a correction with an impossible time", outside_requests)
    fill(starts, "2025-08-15 10:23")
    fill(form.get_by_label("Actors (separated by ;)"), f"{SCRIPT}; {IFRAME}")
    form.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text(re.compile(r"#1 .*label .* → " + re.escape(IMG + MD_IMAGE)))).to_be_visible()
    watch.assert_inert("a hostile correction", outside_requests)
    added = page.get_by_test_id("stForm").filter(has_text="Add a missing event")
    fill(added.get_by_label("Label"), SVG + STYLESHEET)
    fill(added.get_by_label("Starts (YYYY-MM-DD HH:MM)"), "2025-08-15 12:00")
    fill(added.get_by_label("Quote from the article that tells it (optional; ties it to the text)"), MD_IMAGE)
    added.get_by_role("button", name="Add event").click()
    expect(page.get_by_text(re.compile(r"#2 .*added “" + re.escape(SVG + STYLESHEET)))).to_be_visible()
    hover_every_point(page)
    watch.assert_inert("a hostile added event", outside_requests)
    unhover(page)

    # The story title (the sidebar's box for it appears once there are two reports).
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Combine reports into a story").click()
    pick(page, "Reports of the same day", re.compile("^Select all$"))
    page.locator("h1", has_text="Summit Timeline").click()      # close the list
    expect(page.get_by_role("listbox")).to_have_count(0)
    story_title = f"{IMG} {MD_IMAGE}"
    fill(sidebar.get_by_label("Story title"), story_title)
    sidebar.get_by_label("Story title").press("Enter")
    sidebar.get_by_role("button", name="Make the story").click()
    expect(page.get_by_role("combobox", name="Article")).to_have_value(f"Story: {story_title}")
    expect(page.get_by_text(story_title, exact=False).first).to_be_visible()
    for view in ("timeline", "source", "table"):
        choose_view(page, view)
        watch.assert_inert(f"the story, {view} view", outside_requests)
    context.close()


# ----------------------------------------------------------------------------- 4, 5. a hostile bundled article
# After 20,000 harmless characters (the reader blanks markup found in the first 20,000), lines whose events
# carry formula starts (= + - @, a tab, a CR) and markup, told by actors whose names are markup.
PAD = "Background: the two delegations have met before, and analysts expect little from the day.\n" * 230
PROBE_TEXT = "Probe summit: a hostile live blog\n\n" + PAD + f"""
Trump was scheduled to arrive at 10:00 a.m. and Imgy was scheduled to arrive at 1:00 p.m.
=HYPERLINK("http://tracker.invalid/x","click") Trump arrived at 10:22 a.m. local time.
+SUM(1,2) Putin arrived at 10:58 a.m.
-2+3 The talks began at 11:27 a.m.
@SUM(1+1) Trump and Putin left at 4:05 p.m.
Tabby arrived at 1:10 p.m.
Carriage arrived at 1:20 p.m.
Imgy arrived at 1:30 p.m. and Linky arrived at 1:40 p.m.
Eve arrived at 1:50 p.m.
Phishy arrived at 2:00 p.m.
Styled arrived at 2:10 p.m.
Update at 12:30 p.m.: {SCRIPT} and {IMG} and {SVG} end.
Update at 12:45 p.m.: {MD_IMAGE} and {MD_LINK} and {IFRAME} and {STYLESHEET} end.
Update at 1:00 p.m.: \u202eevil\u202c reversed and {JS_LINK} end.
"""
ACTORS = {"=Trump": "Trump", "@Putin": "Putin", "\tTabby": "Tabby", "\rCarriage": "Carriage",
          IMG: "Imgy", '<a href="javascript:window.__xss=1">Linky</a>': "Linky",
          "Eve\r\nATTACH:http://tracker.invalid/a": "Eve",
          '<a href="http://phish.invalid/login">Phishy</a>': "Phishy",
          '<span style="fill:url(http://tracker.invalid/p.svg#g);background-image:url(http://tracker.invalid/bg.png);'
          'cursor:url(http://tracker.invalid/c.cur),auto">Styled</span>': "Styled"}


def _toml(s: str) -> str:
    return json.dumps(s)   # a JSON string is a TOML basic string for these characters


PROBE_META = "\n".join([
    f"title = {_toml('Probe ' + IMG + ' ' + MD_IMAGE)}",
    f"source = {_toml(SCRIPT)}",
    'language = "en"', "event_date = 2025-08-15", 'local_tz = "America/Anchorage"',
    "actors = [" + ", ".join(map(_toml, ACTORS)) + "]",
    "aliases = { " + ", ".join(f"{_toml(a)} = [{_toml(b)}]" for a, b in ACTORS.items()) + " }", ""])


@pytest.fixture(scope="module")
def probe_site(tmp_path_factory):
    """A `streamlit run` of a copy of app.py (and .streamlit/) whose data/ holds the seed and the probe, on a
    store of its own: (url, data folder)."""
    site = tmp_path_factory.mktemp("probe-site")
    data = site / "data"
    data.mkdir()
    shutil.copy(ROOT / "app.py", site / "app.py")
    shutil.copytree(ROOT / ".streamlit", site / ".streamlit")
    (site / "timeline").symlink_to(ROOT / "timeline", target_is_directory=True)
    for f in (ROOT / "data").glob(f"{SEED}.*"):
        shutil.copy(f, data / f.name)
    (data / f"{PROBE}.txt").write_text(PROBE_TEXT, encoding="utf-8", newline="")
    (data / f"{PROBE}.meta.toml").write_text(PROBE_META, encoding="utf-8")
    try:
        with running_app(site / "app.py", site / "server.log",
                         env={"SUMMIT_TIMELINE_DB": str(site / "store.sqlite3")}) as url:
            yield url, data
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")


def probe_events(data: Path) -> pd.DataFrame:
    """The probe's event table as the app reads it (a bundled document has no edits)."""
    loaded, bundled = read_document(PROBE, None, data)
    assert bundled
    return loaded.events.reset_index(drop=True)


def test_hostile_article_is_text_in_every_view(page: Page, probe_site, outside_requests):
    """The probe's markup is shown as text in the source view and its title; its hostile actors and labels
    are drawn in the chart, the schedule and the table, and every hover label is shown, without anything
    running, being injected or fetched."""
    url, _ = probe_site
    watch = Watch(page, origin_of(url))
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{url}/?view=source&doc={PROBE}")
    wait_for_controls(page)
    for shown in (SCRIPT, IMG, SVG, MD_IMAGE, MD_LINK, IFRAME, STYLESHEET, JS_LINK, '=HYPERLINK("http'):
        expect(page.get_by_text(shown, exact=False).first).to_be_visible()
    expect(page.get_by_text(f"Probe {IMG} {MD_IMAGE}", exact=False).first).to_be_visible()
    watch.assert_inert("source view", outside_requests)
    for view in ("timeline", "schedule", "table"):
        choose_view(page, view)
        if view != "table":
            page.locator(CHART).first.wait_for(state="visible")
            assert hover_every_point(page) > 0
        watch.assert_inert(f"{view} view", outside_requests)
        if view != "table":
            unhover(page)
    # An event's quote, shown under the view, and the story-less source view with an event picked.
    pick(page, "Selected event", re.compile("^Event: <img"))
    expect(page.get_by_text(re.compile(r"“Update at .*__xss")).first).to_be_visible()   # the quote, as text
    choose_view(page, "source")
    watch.assert_inert("an event picked", outside_requests)


def _download(page: Page, label: str, folder: Path) -> Path:
    button = page.get_by_role("button", name=label, exact=True)
    expect(button).to_be_visible()
    with page.expect_download(timeout=WAIT) as info:
        button.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_every_export_of_the_hostile_article_is_inert(page: Page, probe_site, outside_requests, tmp_path):
    """The table view's four downloads of the probe: the CSV puts a ' before every cell a spreadsheet would
    run and from_csv gives the table back; the JSON gives it back; the iCalendar's hostile line breaks stay
    inside their values; the offline chart opened in the browser runs nothing and fetches nothing."""
    url, data = probe_site
    table = probe_events(data)
    texts = [v for c in table.columns if table[c].dtype == "string" for v in table[c].dropna()]
    for start in FORMULA:   # the probe is a real test of every formula start
        assert any(v.startswith(start) for v in texts), f"no value of the probe starts with {start!r}"

    watch = Watch(page, origin_of(url))
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{url}/?view=table&doc={PROBE}")
    wait_for_controls(page)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    files = {label: _download(page, label, tmp_path) for label in ("CSV", "JSON", "iCalendar", "Chart (HTML)")}
    watch.assert_inert("table view after four downloads", outside_requests)

    # CSV: no cell starts with a formula character; each one that would is behind a '; round trip.
    raw = files["CSV"].read_bytes().decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(raw, newline="")) for cell in row]
    assert cells and not [c for c in cells if c.startswith(FORMULA)], "cells a spreadsheet would run"
    for start in FORMULA:
        assert any(c.startswith("'" + start) for c in cells), f"no neutralised cell for {start!r}"
    pd.testing.assert_frame_equal(from_csv(raw), table)

    # JSON: the same table back.
    pd.testing.assert_frame_equal(from_json(files["JSON"].read_text(encoding="utf-8")), table)

    # iCalendar: every line is a property or a fold; a CR/LF inside a value did not start a property.
    ics = files["iCalendar"].read_bytes().decode("utf-8")
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    unfolded = ics.replace("\r\n ", "").split("\r\n")[:-1]
    bad = [line for line in unfolded if not re.match(r"[A-Z][A-Z0-9-]*[;:]", line)]
    assert not bad, bad
    names = [line.split(":")[0].split(";")[0] for line in unfolded]
    assert "ATTACH" not in names and names.count("BEGIN") == names.count("END")
    assert names.count("SUMMARY") == int(table["start"].notna().sum())

    # The offline chart: opened from the file, with only the file itself let through.
    html = files["Chart (HTML)"]
    page_text = html.read_text(encoding="utf-8")
    assert len(page_text) > 1_000_000 and not re.search(r"<script[^>]+src=", page_text)   # plotly.js inside
    # The figure's data is JSON in a script: nothing in it closes that script (Plotly writes < and / as \u003c...).
    assert page_text.count("</script>") == len(re.findall(r"<script\b", page_text)) == 3
    file_url = html.resolve().as_uri()
    offline = page.context.new_page()
    offline.route(file_url, lambda route: route.continue_())     # the file itself; conftest's guard has the rest
    chart = Watch(offline, file_url)
    offline.goto(file_url)
    offline.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].some(p => p.data)")
    ticks = offline.locator(".ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert any("Linky" in t for t in ticks) and any("<img" in t for t in ticks), ticks   # drawn, as text
    assert hover_every_point(offline) > 0
    chart.assert_inert("the offline chart", outside_requests)


# The data grid's own toolbar (Streamlit's, over the table view) would offer a "Download as CSV" that writes
# cells as they are; .streamlit/config.toml hides it (client.disableDataExport), and the table view's own
# CSV button writes them defused (test_every_export_of_the_hostile_article_is_inert).
def test_the_grid_offers_no_csv_of_its_own(page: Page, probe_site, outside_requests):
    url, _ = probe_site
    watch = Watch(page, origin_of(url))
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{url}/?view=table&doc={PROBE}")
    wait_for_controls(page)
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible(timeout=WAIT)
    grid.hover()
    expect(page.get_by_test_id("stElementToolbar").first).to_be_attached(timeout=WAIT)
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)
    expect(page.get_by_role("button", name="CSV", exact=True)).to_be_visible()
    watch.assert_inert("grid toolbar", outside_requests)
