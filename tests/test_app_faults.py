"""Defects found by trying the dashboard as a reader and as an attacker would (issue 10), each pinned by
a test that failed before its fix."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.test_app import no_exception, run_app

STEP = timedelta(minutes=5)

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


# Two nights New York's clocks changed, each told in a line of our own: the day's cursor passes the hour
# that repeats (fall back) or the hour that never happens (spring forward).
DST_NIGHTS = {
    "clocks-back-2025-11-02.en": ("New York, Sunday, November 2, 2025. Daylight saving time ended overnight: at "
                                  "2:00 a.m. EDT clocks in the city went back to 1:00 a.m. EST.\n",
                                  "2025-11-02", "2025-11-02T01:40"),
    "clocks-forward-2025-03-09.en": ("New York, Sunday, March 9, 2025. Daylight saving time began overnight: at "
                                     "2:00 a.m. EST clocks in the city jumped to 3:00 a.m. EDT.\n",
                                     "2025-03-09", "2025-03-09T01:40"),
}


@pytest.fixture(scope="module")
def dst_site(tmp_path_factory):
    from tests.test_app import make_site
    site = make_site(tmp_path_factory.mktemp("dst"))
    for doc, (text, day, _) in DST_NIGHTS.items():
        (site / "data" / f"{doc}.txt").write_text(text, encoding="utf-8")
        (site / "data" / f"{doc}.meta.toml").write_text(
            f'title = "{doc}"\nlanguage = "en"\nevent_date = {day}\nlocal_tz = "America/New_York"\n',
            encoding="utf-8")
    return site


@pytest.mark.parametrize("doc", DST_NIGHTS)
def test_play_steps_through_a_clock_change_five_minutes_at_a_time(dst_site, doc):
    """Play's steps from 01:40 local across 2:00 a.m.: each is five minutes of real time, whether the wall
    clock then repeats an hour or skips one; the cursor never goes back (Play would loop in the repeated
    hour) and the slider shows the step's wall time."""
    at = run_app({"doc": doc, "tz": "America/New_York", "t": DST_NIGHTS[doc][2]}, app=dst_site / "app.py")
    no_exception(at)
    start = at.session_state["cursor"]
    # 01:40 local is 05:40Z before the change in November (EDT, the first of the two), 06:40Z in March (EST).
    assert start.strftime("%H:%M") == ("05:40" if "back" in doc else "06:40"), start
    seen = [start]
    for _ in range(6):
        # What one Play step does (app.py, end of script), without its pause and automatic rerun: AppTest
        # would run Play on to the end of the day within one call.
        at.session_state["cursor"] = seen[-1] + STEP
        at.session_state["advance"] = True
        at.run()
        no_exception(at)
        seen.append(at.session_state["cursor"])
        shown, wall = cursor_of(at).value, seen[-1].tz_convert("America/New_York")
        assert (shown.hour, shown.minute) == (wall.hour, wall.minute), (shown, wall)
    assert [round((b - a).total_seconds() / 60) for a, b in zip(seen, seen[1:])] == [5] * 6, \
        [c.isoformat() for c in seen]
