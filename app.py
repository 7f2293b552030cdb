"""Summit Timeline dashboard: scrub the day, planned vs actual, any zone, a link that reproduces the view.

Wiring only: figures come from timeline.views.figures, view state from timeline.views.share, tables from
timeline.views.dashboard. Article text is escaped wherever it is shown; never rendered as HTML or Markdown.
"""

import time
from datetime import timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import TimelineError
from timeline.events.board import window
from timeline.views.figures import VERDICT_COLOUR, schedule_figure, timeline_figure
from timeline.views.dashboard import (at_moment, day_bounds, first_time, headlines, highlighted, show_schedule,
                                show_table, verdict_style)
from timeline.views.export import figure_html, to_csv, to_ics, to_json
from timeline.pipeline import load
from timeline.events.schedule import build_schedule
from timeline.schema import KINDS, STATUSES
from timeline.views.share import VIEWS, View, parse_view, share_url, view_to_params
from timeline.text.zones import UTC, get_zone

DATA = Path(__file__).parent / "data"
SEED_DOC = "alaska-summit-2025-08-15.nl"
ZONES = {"America/Anchorage": "Alaska (AKDT)", "America/New_York": "US Eastern (EDT)", "UTC": "UTC",
         "Europe/Moscow": "Moscow", "Europe/Kyiv": "Kyiv", "Europe/Amsterdam": "Amsterdam"}
STEP = timedelta(minutes=5)

st.set_page_config(page_title="Summit Timeline", layout="wide")


@st.cache_data(show_spinner=False, max_entries=16)
def load_doc(doc: str):
    loaded = load(DATA / f"{doc}.txt")
    art = loaded.article
    spans = [(m.start, m.end) for m in loaded.mentions]
    meta = {"title": art.title or doc, "source": art.source, "date": art.event_date, "tz": art.local_tz or "UTC",
            "warnings": art.warnings}
    return meta, art.text, spans, loaded.events, build_schedule(loaded.events)


@st.cache_data(show_spinner=False, max_entries=8)
def chart_html(doc: str, tz: str, tz2, lanes: str, ids: tuple) -> str:
    _, _, _, events, _ = load_doc(doc)
    return figure_html(timeline_figure(events[events["event_id"].isin(ids)], tz=tz, tz2=tz2, lanes=lanes))


docs = sorted(p.name[:-4] for p in DATA.glob("*.txt"))
first = "doc" not in st.session_state
doc = st.query_params.get("doc", SEED_DOC) if first else st.session_state["doc"]
doc = doc if doc in docs else SEED_DOC
try:
    meta, text, spans, events, board = load_doc(doc)
except TimelineError as exc:
    st.error(f"Could not read {doc}: {exc}")
    st.stop()

actors_all = sorted({a for s in events["actors"] for a in str(s).split("; ") if a})
defaults = View(doc=SEED_DOC, tz=meta["tz"])
if first:
    # The URL decides the first view; bad values fall back with a notice naming them.
    view, notices = parse_view(st.query_params, defaults, docs=docs, actors=actors_all,
                               events=list(events["event_id"]))
    st.session_state.update(doc=view.doc, tz=view.tz, tz2=view.tz2 or "", kinds=list(view.kinds),
                            actors=list(view.actors), status=list(view.status), ev=view.ev or "",
                            view=view.view, lanes="actor", notices=notices)
    if view.t is not None:
        st.session_state["cursor"] = pd.Timestamp(view.t).tz_localize(get_zone(view.tz).zone,
                                                                       nonexistent="shift_forward",
                                                                       ambiguous=True).tz_convert(UTC)
for notice in st.session_state.get("notices", []):
    st.warning(f"Link parameter ignored: {notice}")

# ------------------------------------------------------------------ controls
browser_tz = st.context.timezone
zones = dict(ZONES)
if browser_tz and browser_tz not in zones:
    zones[browser_tz] = f"Your zone ({browser_tz})"
for key in ("tz", "tz2"):
    if st.session_state.get(key) and st.session_state[key] not in zones:
        zones[st.session_state[key]] = st.session_state[key]
with st.sidebar:
    st.selectbox("Article", docs, key="doc")
    st.selectbox("Time zone", list(zones), key="tz", format_func=zones.get)
    other = st.text_input("…or any IANA zone", key="tz_other", placeholder="e.g. Asia/Tokyo")
    st.selectbox("Second zone", [""] + list(zones), key="tz2", format_func=lambda z: zones.get(z, "none"))
    st.radio("Lanes", ["actor", "kind"], key="lanes", horizontal=True)
    st.multiselect("Kinds", KINDS, key="kinds")
    st.multiselect("Actors", actors_all, key="actors")
    st.multiselect("Status", STATUSES, key="status")

tz = st.session_state["tz"]
if other.strip():
    try:
        tz = get_zone(other).zone
    except TimelineError as exc:
        st.sidebar.warning(str(exc))
tz2 = st.session_state["tz2"] or None
zone = get_zone(tz).zone

shown = events
for column, key in (("kind", "kinds"), ("status", "status")):
    if st.session_state[key]:
        shown = shown[shown[column].astype(str).isin(st.session_state[key])]
if st.session_state["actors"]:
    wanted = set(st.session_state["actors"])
    shown = shown[[bool(wanted & set(str(a).split("; "))) for a in shown["actors"]]]

# ------------------------------------------------------------------ header
st.title("Summit Timeline")
st.text(f"{meta['title']}\n{meta['source']} · {meta['date'] or 'date unknown'} · local zone {meta['tz']}")
for warning in meta["warnings"]:
    st.text(f"⚠ {warning}")
figures = headlines(board, events)
if figures:
    for col, (name, value, detail) in zip(st.columns(len(figures)), figures):
        col.metric(name, value, detail or None, delta_color="off", delta_arrow="off")

# ------------------------------------------------------------------ cursor
lo, hi = day_bounds(events, zone, meta["date"])
cursor = st.session_state.get("cursor")
if cursor is not None and not (lo <= cursor <= hi) and first:
    st.warning(f"Link parameter ignored: t: outside the article's day ({lo:%d %b %H:%M}–{hi:%d %b %H:%M} "
               f"{lo:%Z}); showing the first time")
if cursor is None or not (lo <= cursor <= hi):
    cursor = first_time(events, lo, hi)
slider_key = f"t_{zone}_{lo.value}"
if st.session_state.pop("advance", False) or slider_key not in st.session_state:
    st.session_state[slider_key] = cursor.tz_convert(zone).to_pydatetime()
left, right = st.columns([5, 1])
picked = left.slider("Cursor", min_value=lo.to_pydatetime(), max_value=hi.to_pydatetime(), step=STEP,
                     format="ddd HH:mm", key=slider_key)
playing = right.toggle("Play", key="play")
cursor = pd.Timestamp(picked).tz_convert(UTC)
st.session_state["cursor"] = cursor

view_name = st.radio("View", VIEWS, key="view", horizontal=True)

# ------------------------------------------------------------------ views
if view_name == "timeline":
    chart, side = st.columns([3, 1])
    fig = timeline_figure(shown, tz=zone, tz2=tz2, lanes=st.session_state["lanes"], cursor=cursor,
                          selected=st.session_state["ev"] or None, span=(lo, hi))
    picked_points = chart.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode="points")
    points = (picked_points or {}).get("selection", {}).get("points", []) if picked_points else []
    if points and points[0].get("customdata"):
        st.session_state["ev"] = points[0]["customdata"]
    side.subheader(f"At {cursor.tz_convert(zone):%H:%M %Z}")
    for heading, rows in at_moment(shown, cursor).items():
        side.caption(heading)
        if not rows:
            side.text("—")
        for r in rows:
            when = r["start"] if not pd.isna(r["start"]) else r["start_earliest"]
            side.text(f"{when.tz_convert(zone):%H:%M} {r['label']}")
elif view_name == "schedule":
    st.dataframe(verdict_style(show_schedule(board, zone, tz2, meta["date"]), VERDICT_COLOUR), hide_index=True,
                 width="stretch")
    st.plotly_chart(schedule_figure(board, tz=zone, tz2=tz2), key="schedule_chart")
elif view_name == "source":
    pick = st.session_state["ev"]
    focus = None
    if pick and pick in set(events["event_id"]):
        row = events.set_index("event_id").loc[pick]
        focus = (int(row["span_start"]), int(row["span_end"]))
    st.html(highlighted(text, spans, focus))
else:
    listed = show_table(shown, zone, tz2, meta["date"])
    chosen = st.dataframe(listed, hide_index=True, width="stretch", key="event_table", on_select="rerun",
                          selection_mode="single-row")
    rows = chosen.selection.rows if chosen else []
    if rows:
        st.session_state["ev"] = listed.iloc[rows[0]]["id"]
    cols = st.columns(4)
    cols[0].download_button("CSV", to_csv(shown), f"{doc}.events.csv", "text/csv")
    cols[1].download_button("JSON", to_json(shown), f"{doc}.events.json", "application/json")
    cols[2].download_button("iCalendar", to_ics(shown, calendar_name=meta["title"]), f"{doc}.ics", "text/calendar")
    cols[3].download_button("Chart (HTML)", chart_html(doc, zone, tz2, st.session_state["lanes"],
                                                         tuple(shown["event_id"])), f"{doc}.timeline.html",
                            "text/html")

by_id = events.set_index("event_id")
st.selectbox("Selected event", [""] + list(events["event_id"]), key="ev",
             format_func=lambda e: "none" if not e else by_id.loc[e, "label"])
if st.session_state["ev"] in by_id.index:
    row = by_id.loc[st.session_state["ev"]]
    # The quote in context: plain text, never Markdown or HTML.
    st.text(f"{row['label']} · {row['status']} · line {row['line']}\n"
            f"{window(row['start'], row['start_earliest'], row['start_latest'], zone, meta['date'], row['modifier'])}"
            f"\n“{row['quote']}”\nTold: {row['sources']}")

# ------------------------------------------------------------------ share link
current = View(doc=doc, tz=zone, tz2=tz2, t=cursor.tz_convert(zone).tz_localize(None).to_pydatetime(),
               kinds=tuple(st.session_state["kinds"]), actors=tuple(st.session_state["actors"]),
               status=tuple(st.session_state["status"]), ev=st.session_state["ev"] or None, view=view_name)
st.query_params.from_dict(view_to_params(current, defaults))
if not first and st.session_state.get("notices") and current != st.session_state.get("shown_view", current):
    st.session_state["notices"] = []          # the reader has moved on from the link they were about
st.session_state["shown_view"] = current
# Written before the widget each run, so the box always holds the link of the view shown now.
st.session_state["share"] = share_url(st.context.url or "", current, defaults)
st.text_input("Share this view", key="share",
              help="Copy this link: it opens the same zone, cursor, filters and selection.")
st.code(st.session_state["share"], language=None)      # its corner button copies the link

if playing:
    time.sleep(0.6)
    nxt = cursor + STEP
    if nxt > hi:
        st.session_state["play"] = False
    else:
        st.session_state["cursor"] = nxt
        st.session_state["advance"] = True
    st.rerun()
