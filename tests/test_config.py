"""The dashboard's Streamlit settings that SECURITY.md relies on (.streamlit/config.toml)."""

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def test_the_dashboard_calls_nowhere_shows_no_tracebacks_and_exports_only_defused_csv():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False          # no usage statistics sent out
    assert config["client"]["showErrorDetails"] == "type"          # no traceback or message to readers
    assert config["client"]["disableDataExport"] is True           # the grid's raw CSV download is hidden
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["maxUploadSize"] == 5                  # MB, as MAX_ARTICLE_BYTES
