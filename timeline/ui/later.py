"""The first view of a browser session, then the rest: the header and the chart are sent alone, and the
browser asks for the controls once the chart is drawn.

Measured on a 2-core machine (docs/performance.md): sending the ~25 widgets with the chart made plotly.js
share the main thread with their scripts and React's work, and the first paint took 1.3-1.4x that of a
page with one chart; with the widgets one step later it is within 1.1x. Sessions without a browser
(AppTest, scripts: no request headers) get the whole page in one run, as nothing would ask for the rest.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_JS = (Path(__file__).parent / "after_chart.js").read_text(encoding="utf-8")
_after_chart = st.components.v2.component("summit_timeline.after_chart", js=_JS)


def in_browser() -> bool:
    return bool(st.context.headers)


def ask_for_the_rest(chart: bool) -> None:
    """Mounts the asker; its trigger reruns the script, which then draws the whole page. The sidebar gets
    a line at once, so the page does not shift sideways when the controls arrive."""
    st.sidebar.caption("Loading the controls…")
    _after_chart(key="after_chart", data={"chart": chart}, on_drawn_change=lambda: None)
