import contextlib
import os
import sys
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import ServerDidNotStart, running_app  # noqa: E402


def pytest_configure(config):
    """Every test, the app it starts and the CLI it runs use a store of their own, never the user's."""
    if "SUMMIT_TIMELINE_DB" not in os.environ or not os.environ.get("SUMMIT_TIMELINE_TEST_KEEP_DB"):
        import tempfile
        folder = tempfile.mkdtemp(prefix="summit-timeline-tests-")
        os.environ["SUMMIT_TIMELINE_DB"] = os.path.join(folder, "store.sqlite3")


def pytest_collection_modifyitems(config, items):
    """Browser tests skip without chromium, with the reason; under CI they must run."""
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        return  # the browser fixture fails loudly instead
    skip = pytest.mark.skip(reason=f"no {CHROMIUM}: run `make test` as root to install Debian's chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"CI=true but {CHROMIUM} is missing: scripts/ensure-chromium.sh should have installed it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]}


# ----------------------------------------------------------------------------- nothing leaves the machine
# Every browser context of every test routes all its requests through outside_guard: the app's loopback
# origins (127.0.0.1 / localhost / ::1 on any port: the tests start several servers on free ports), data: and
# blob: go through; anything else is aborted and recorded, and the test fails at teardown naming it.
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class _Outside:
    """What the current test's browser contexts tried to reach outside (one line per request), and the
    contexts made by browser.new_page(), closed when the test ends."""
    current: ClassVar[list[str]] = []
    loose: ClassVar[list] = []


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOOPBACK


def _origin_of(request) -> str:
    """Which document asked: the frame's URL, else the kind of requester."""
    try:
        return request.frame.url or "(frame without URL)"
    except PlaywrightError:  # a service worker's request has no frame
        return "(no frame: service worker?)"


def outside_guard(context) -> list[str]:
    """Route every request of `context`: local ones (is_local) continue, anything else is aborted and
    recorded here and in the current test's list. A route the test adds later (context.route or page.route)
    takes precedence; it reaches this one when it calls route.fallback()."""
    seen: list[str] = []

    def record(line: str) -> None:
        seen.append(line)
        _Outside.current.append(line)

    def route(r):
        url = r.request.url
        if is_local(url):
            r.fallback()
        else:
            record(f"{r.request.method} {url[:300]} [{r.request.resource_type}] from {_origin_of(r.request)[:300]}")
            r.abort()

    def watch(page):
        # WebSockets are not routed: record one opened to anywhere else (it cannot be stopped here).
        page.on("websocket", lambda ws: None if is_local(ws.url)
                else record(f"WebSocket {ws.url[:300]} from {page.url[:300]}"))

    context.route("**/*", route)
    context.on("page", watch)
    return seen


@pytest.fixture(scope="session")
def browser(browser):
    """pytest-playwright's browser, whose every new context (its own `context`/`page` fixtures and the
    tests' `browser.new_context()`) is routed through outside_guard."""
    plain_new_context = browser.new_context

    def new_context(*args, **kwargs):
        context = plain_new_context(*args, **kwargs)
        outside_guard(context)
        return context

    def new_page(*args, **kwargs):
        context = new_context(*args, **kwargs)
        _Outside.loose.append(context)     # closed when the test ends
        return context.new_page()

    browser.new_context, browser.new_page = new_context, new_page
    return browser


@pytest.fixture(autouse=True)
def _no_request_leaves_the_machine():
    """Fails the test at teardown if any browser context tried to reach anything but the app."""
    _Outside.current = tried = []
    yield tried
    while _Outside.loose:
        with contextlib.suppress(PlaywrightError):
            _Outside.loose.pop().close()
    if tried:
        pytest.fail("requests outside the app's loopback origin (aborted):\n  " + "\n  ".join(tried), pytrace=False)


@pytest.fixture
def outside_requests(_no_request_leaves_the_machine) -> list[str]:
    """The current test's list of aborted outside requests, to assert on within the test."""
    return _no_request_leaves_the_machine


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """`streamlit run app.py` on a free loopback port for the whole session."""
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    try:
        with running_app(ROOT / "app.py", log) as url:
            yield url
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")
