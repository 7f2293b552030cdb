import os
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """`streamlit run app.py` on a free loopback port for the whole session."""
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    try:
        with running_app(ROOT / "app.py", log) as url:
            yield url
    except ServerDidNotStart as exc:
        pytest.fail(f"streamlit did not start: {exc}")
