"""The timeline figure as data (timeline.views.figures), on the seed and on a generated large table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from timeline.pipeline import load
from timeline.schema import make_table
from timeline.views.figures import default_range, is_timed, timeline_figure

ROOT = Path(__file__).resolve().parents[1]
AK = "America/Anchorage"


def seed_events():
    return load(ROOT / "data" / "alaska-summit-2025-08-15.nl.txt").events


def test_every_mark_carries_its_label_and_time_as_chart_text():
    # Line 121: Air Force One lands at 10:22 local; the plan (line 80) had Trump leave at 17:45.
    fig = timeline_figure(seed_events(), tz=AK)
    texts = [t for tr in fig.data if tr.mode == "markers+text" for t in tr.text]
    assert "Trump arrives 10:22" in texts and "Trump departs 17:45" in texts
    positions = {p for tr in fig.data if tr.mode == "markers+text" for p in tr.textposition}
    assert positions == {"top center", "bottom center"}


def test_labels_are_escaped_for_plotly():
    events = seed_events()
    events = events[is_timed(events)].head(1).copy()
    events["label"] = ["<b>bold</b> <a href='x'>link</a>"]
    fig = timeline_figure(events, tz=AK)
    text = " ".join(t for tr in fig.data if tr.text for t in tr.text)
    assert "<b>" not in text and "<a " not in text and "&lt;b&gt;" in text


def test_day_long_items_are_left_out_of_the_chart_and_the_plan_is_joined_to_what_happened():
    events = seed_events()
    fig = timeline_figure(events, tz=AK)
    drawn = {i for tr in fig.data if tr.customdata is not None for i in tr.customdata}
    assert drawn == set(events.loc[is_timed(events), "event_id"])
    assert not is_timed(events).all()                   # the seed has statements placed only to a day
    assert any(tr.name == "planned → actual" for tr in fig.data)


def test_default_range_is_the_timed_span_plus_at_most_an_hour():
    events = seed_events()
    lo, hi = default_range(events, AK)
    timed = events[is_timed(events)]
    times = pd.concat([timed[c] for c in ("start", "start_earliest", "start_latest", "end")])
    first, last = times.min(), times.max()
    assert pd.Timedelta(0) < first - lo <= pd.Timedelta(hours=1)
    assert pd.Timedelta(0) < hi - last <= pd.Timedelta(hours=1)


def test_ten_thousand_events_draw_as_counts_in_a_small_spec():
    t0 = pd.Timestamp("2025-08-15T12:00:00Z")
    rows = [dict(event_id=f"e{i}", label=f"Event {i}", kind="arrival", actors=f"Person {i % 7}",
                 status="actual" if i % 3 else "planned", start=t0 + pd.Timedelta(minutes=int(m)),
                 start_earliest=t0 + pd.Timedelta(minutes=int(m)), start_latest=t0 + pd.Timedelta(minutes=int(m)),
                 modifier="exact", origin="extracted", certainty="certain", quote="q")
            for i, m in enumerate(np.arange(10_000) % 600)]
    events = make_table(rows)
    fig = timeline_figure(events, tz=AK, span=default_range(events, AK))
    assert len(fig.to_json()) < 300_000                  # drawn one by one, the spec was over 2 MB
    (heat,) = fig.data
    assert heat.type == "heatmap"
    cells = [(z, h) for zs, hs in zip(heat.z, heat.hovertext) for z, h in zip(zs, hs)]
    assert sum(z for z, _ in cells if z == z) == 10_000  # every event is in one bin's count (NaN: empty bin)
    for z, hover in cells:
        if z != z:
            assert hover == ""
            continue
        head, detail = hover.split("<br>")
        assert head.startswith(f"{int(z)} events, ")
        # The bin's count by status adds up to its total: a third of the events are planned.
        assert sum(int(part.split()[0]) for part in detail.split(", ")) == z
    assert len(heat.y) == 7 and set(heat.y) == {f"Person {i}" for i in range(7)}


def test_schedule_hovers_carry_an_item_as_data_never_as_template():
    # A "%{...}" in an item would be a Plotly template field if it were written into the hovertemplate.
    from timeline.events.schedule import build_schedule
    from timeline.views.figures import schedule_figure
    board = build_schedule(seed_events())
    hostile = "Trump %{x} <img src=x onerror=alert(1)>"
    board["item"] = [hostile] + list(board["item"].iloc[1:])
    fig = schedule_figure(board, tz=AK, tz2="Europe/Amsterdam")
    hovered = [tr for tr in fig.data if tr.hovertemplate]
    assert hovered, "the schedule figure has no hovers"
    for tr in hovered:
        assert "%{x}" not in tr.hovertemplate and "<img" not in tr.hovertemplate
        assert tr.hovertemplate.endswith("<extra>%{customdata}</extra>")
    carried = {c for tr in hovered for c in tr.customdata}
    assert "Trump %{x} &lt;img src=x onerror=alert(1)&gt;" in carried
    assert not any("<img" in str(y) for tr in fig.data for y in tr.y)


def test_lanes_named_after_people_are_escaped_for_plotly():
    events = seed_events()
    events = events[is_timed(events)].head(2).copy()
    events["actors"] = ["<img src=x onerror=alert(1)>; Trump", "Putin"]
    fig = timeline_figure(events, tz=AK, lanes="actor")
    lanes = {y for tr in fig.data for y in (tr.y or ()) if y is not None}
    assert "&lt;img src=x onerror=alert(1)&gt; & Trump" in lanes and "Putin" in lanes
    assert not any("<img" in y for y in lanes)
