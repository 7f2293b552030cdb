"""Defects found by trying the dashboard as a reader and as an attacker would (issue 10), each pinned by
a test that failed before its fix."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.test_app import no_exception, run_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def cursor_of(at):
    (slider,) = [s for s in at.slider if s.label == "Cursor"]
    return slider


def test_play_stops_cleanly_at_the_end_of_the_day():
    """Play at the last steps of the seed's day (it runs to Sat 01:00 AKDT): it stops at the end, with no
    StreamlitWidgetAlreadyInstantiatedError from switching the toggle off after it was drawn."""
    at = run_app({"t": "2025-08-16T00:50"})
    no_exception(at)
    # The slider's bounds are wall times written as if UTC, in microseconds.
    end = datetime.fromtimestamp(cursor_of(at).max / 1e6, tz=timezone.utc).replace(tzinfo=None)
    assert (end.day, end.hour, end.minute) == (16, 1, 0), end
    at.toggle(key="play").set_value(True).run()
    for _ in range(6):                        # each run advances one 5-minute step and asks for the next
        if not at.toggle(key="play").value:
            break
        at.run()
    no_exception(at)
    assert at.toggle(key="play").value is False
    assert cursor_of(at).value.replace(tzinfo=None) == end, (cursor_of(at).value, end)


def test_the_table_view_builds_no_download_until_one_is_asked_for(monkeypatch):
    """The offline chart (all of plotly.js, ~4.8 MB) and the other exports are made when a button is
    pressed, not on every visit: a session that only looks holds none of them."""
    import timeline.views.export as export

    built = []
    for name in ("to_csv", "to_json", "to_ics", "figure_html"):
        real = getattr(export, name)
        monkeypatch.setattr(export, name, lambda *a, _real=real, _name=name, **k: built.append(_name) or _real(*a, **k))
    at = run_app({"view": "table"})
    no_exception(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "JSON", "iCalendar", "Chart (HTML)"], labels
    assert built == [], built
