"""Summit Timeline dashboard (first version: the seed article's event table in a chosen zone)."""

from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import TimelineError
from timeline.pipeline import load
from timeline.zones import get_zone

DATA = Path(__file__).parent / "data"
SEED = DATA / "alaska-summit-2025-08-15.nl.txt"
ZONES = {"Alaska (AKDT)": "America/Anchorage", "US Eastern (EDT)": "America/New_York", "UTC": "UTC",
         "Moscow": "Europe/Moscow", "Kyiv": "Europe/Kyiv", "Amsterdam": "Europe/Amsterdam"}

st.set_page_config(page_title="Summit Timeline", layout="wide")


@st.cache_data(show_spinner=False)
def load_table(path: str):
    loaded = load(path)
    art = loaded.article
    return ({"title": art.title, "source": art.source, "date": str(art.event_date or ""),
             "tz": art.local_tz or "UTC", "warnings": art.warnings}, loaded.events)


try:
    meta, events = load_table(str(SEED))
except TimelineError as exc:
    st.error(f"Could not read the article: {exc}")
    st.stop()

st.title("Summit Timeline")
# Article text is data: shown with st.text / dataframes only, never as HTML or Markdown.
st.text(f"{meta['title']}\n{meta['source']} · {meta['date']}")
for warning in meta["warnings"]:
    st.warning(warning, icon="⚠️")

label = st.selectbox("Time zone", list(ZONES), key="tz")
zone = get_zone(ZONES[label])
shown = events[["stated_text", "start", "modifier", "stated_tz", "line", "quote"]].copy()
shown["start"] = shown["start"].dt.tz_convert(zone.zone).dt.strftime("%a %d %b %H:%M %Z")
shown = shown.rename(columns={"stated_text": "as written", "start": f"time ({label})"})
st.metric("Clock times found", len(events))
st.dataframe(shown, hide_index=True, width="stretch")
