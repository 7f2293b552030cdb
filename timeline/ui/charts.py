"""Charts built once per view and shown without being built again: the timeline's spec is cached per
(table, zone, filters, selection), and the cursor is added to a copy of it on each run.

st.plotly_chart validates a dict by building a plotly Figure from it (about as slow as drawing it anew);
a Figure it takes as already valid. `Prebuilt` is a Figure whose dict is the cached spec, so a cursor move
or a rerun costs a JSON dump, not a rebuild.
"""

from __future__ import annotations

import streamlit as st
from plotly.basedatatypes import BaseFigure

from ..events.schedule import build_schedule
from ..views.dashboard import day_bounds, headlines, show_schedule, show_table
from ..views.figures import cursor_line, default_range, schedule_figure, timeline_figure


class Prebuilt(BaseFigure):
    """A figure spec already built by plotly (so valid); only to_dict is used by st.plotly_chart."""

    def __init__(self, spec: dict):        # no BaseFigure.__init__: that would validate the spec again
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


# The tables are passed as `_events` (not hashed: hashing a table costs as much as a small figure) with
# `key`, which names them: (document, its edits, the filters). Same key, same table.

@st.cache_data(show_spinner=False, max_entries=64)
def timeline_spec(_events, key, zone: str, tz2, lanes: str, selected, span) -> dict:
    return timeline_figure(_events, tz=zone, tz2=tz2, lanes=lanes, selected=selected, span=span).to_dict()


def with_cursor(spec: dict, cursor, zone: str) -> Prebuilt:
    """The cached spec plus the cursor's vertical line (the layout is copied, never changed in the cache)."""
    layout = dict(spec.get("layout", {}))
    layout["shapes"] = [*layout.get("shapes", []), cursor_line(cursor, zone)]
    return Prebuilt({**spec, "layout": layout})


@st.cache_data(show_spinner=False, max_entries=64)
def schedule_spec(_board, key, zone: str, tz2) -> dict:
    """The planned-vs-actual figure of the board of table `key` (building it anew cost ~0.1 s a run)."""
    return schedule_figure(_board, tz=zone, tz2=tz2).to_dict()


@st.cache_data(show_spinner=False, max_entries=64)
def table_of(_events, key, zone: str, tz2, day):
    """The event table as text in the zone(s); `key` names the table (and which part of it)."""
    return show_table(_events, zone, tz2, day)


@st.cache_data(show_spinner=False, max_entries=64)
def board_of(_board, key, zone: str, tz2, day):
    """The planned-vs-actual board as text in the zone(s), for the board of table `key`."""
    return show_schedule(_board, zone, tz2, day)


@st.cache_data(show_spinner=False, max_entries=32)
def schedule_of(_events, key):
    return build_schedule(_events)


@st.cache_data(show_spinner=False, max_entries=64)
def headline_figures(_board, _events, key):
    return headlines(_board, _events)


@st.cache_data(show_spinner=False, max_entries=64)
def ranges(_events, key, zone: str, day):
    """The cursor's bounds (the day) and the chart's default range (the timed events plus a margin)."""
    return day_bounds(_events, zone, day), default_range(_events, zone)
