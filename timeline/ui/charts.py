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
from ..views.figures import timeline_figure, wall


class Prebuilt(BaseFigure):
    """A figure spec already built by plotly (so valid); only to_dict is used by st.plotly_chart."""

    def __init__(self, spec: dict):        # no BaseFigure.__init__: that would validate the spec again
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


@st.cache_data(show_spinner=False, max_entries=64)
def timeline_spec(events, zone: str, tz2, lanes: str, selected, span) -> dict:
    return timeline_figure(events, tz=zone, tz2=tz2, lanes=lanes, selected=selected, span=span).to_dict()


def with_cursor(spec: dict, cursor, zone: str) -> Prebuilt:
    """The cached spec plus the cursor's vertical line (the layout is copied, never changed in the cache)."""
    line = {"type": "line", "x0": wall(cursor, zone), "x1": wall(cursor, zone), "xref": "x", "y0": 0, "y1": 1,
            "yref": "y domain", "line": {"color": "#d32f2f", "width": 2}}
    layout = dict(spec.get("layout", {}))
    layout["shapes"] = [*layout.get("shapes", []), line]
    return Prebuilt({**spec, "layout": layout})


@st.cache_data(show_spinner=False, max_entries=32)
def schedule_of(events):
    return build_schedule(events)
