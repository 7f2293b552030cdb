"""Summit Timeline dashboard: scrub the day, planned vs actual, any zone, a link that reproduces the view.

Wiring only: figures come from timeline.views.figures, view state from timeline.views.share, tables from
timeline.views.dashboard. Article text is escaped wherever it is shown; never rendered as HTML or Markdown.
"""

import json
import re
import time
from datetime import timedelta
from functools import partial
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from timeline import TimelineError
from timeline.documents import bundled_ids
from timeline.events.board import window
from timeline.events.edits import apply_edits
from timeline.events.story import Report, merge_reports
from timeline.views.figures import VERDICT_COLOUR, is_timed
from timeline.views.dashboard import (at_moment, first_time, highlighted, verdict_style)
from timeline.views.export import figure_html, to_csv, to_ics, to_json
from timeline.schema import KINDS, STATUSES
from timeline.views.safe import md_escape
from timeline.views.share import VIEWS, View, parse_view, share_url, view_to_params
from timeline.text.zones import UTC, get_zone
from timeline.ui.add import add_page
from timeline.ui.edit import edit_panel
from timeline.ui.charts import (Prebuilt, board_of, headline_figures, ranges, schedule_of, schedule_spec,
                                table_of, timeline_spec, with_cursor)
from timeline.ui.downloads import keep_pressed_downloads
from timeline.ui.later import ask_for_the_rest, in_browser
from timeline.ui.library import get_store, read_doc, remember, session

DATA = Path(__file__).parent / "data"
SEED_DOC = "alaska-summit-2025-08-15.nl"
ZONES = {"America/Anchorage": "Alaska (AKDT)", "America/New_York": "US Eastern (EDT)", "UTC": "UTC",
         "Europe/Moscow": "Moscow", "Europe/Kyiv": "Kyiv", "Europe/Amsterdam": "Amsterdam"}
STEP = timedelta(minutes=5)
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")

st.set_page_config(page_title="Summit Timeline", layout="wide")
keep_pressed_downloads()


def one(name: str) -> str | None:
    """A link parameter's single value when it looks like an id; anything else is treated as absent here
    (parse_view gives the notice)."""
    values = st.query_params.get_all(name)
    return values[0] if len(values) == 1 and ID.fullmatch(values[0]) else None


def open_doc(doc: str, store):
    """(meta, text, spans, events after edits, edit report) of a bundled or stored document."""
    meta, text, spans, events = read_doc(doc, str(DATA))
    report = []
    if store is not None and not meta["bundled"]:
        events, report = apply_edits(events, store.edits(doc), doc)
    return meta, text, spans, events, report


def report_edits(report):
    return [edit for edit, _ in report]


def open_story(sid: str, store):
    """The story as one document: merged events, each source's telling kept."""
    story = store.get_story(sid)
    reports, warnings, first_meta = [], [], None
    for doc in story.docs:
        try:
            meta, _, _, events, _ = open_doc(doc, store)
        except TimelineError:
            warnings.append(f"{doc}: no longer in the store; left out")
            continue
        first_meta = first_meta or meta
        reports.append(Report(doc, meta["source"] or meta["title"], events))
    base = first_meta or {"tz": "UTC", "date": None, "language": None}
    merged = merge_reports(reports, base["tz"], base["date"])
    names = " · ".join(r.source for r in reports)
    meta = {"title": story.title, "source": f"Story of {len(reports)} reports: {names}", "date": base["date"],
            "tz": base["tz"], "warnings": warnings, "bundled": True, "story": True}
    return meta, "", [], merged, []


store, store_error = get_store(DATA)
state = session()
bundled = bundled_ids(DATA)
if store_error:
    st.error(f"The store cannot be used, so only the bundled articles are shown: {md_escape(store_error, 500)}")
if "goto" in state:                      # set by the add page or the story maker, before the picker exists
    state["doc"] = state.pop("goto")
    state.update(ev="", tz_reset=True)
    state.pop("cursor", None)

first = "doc" not in state
if first and store is not None:
    # Documents and stories reached by link join this session's own; the edit token is checked once.
    asked, asked_story, token = one("doc"), one("story"), st.query_params.get_all("edit")
    if asked and asked not in bundled and store.get_document(asked) is not None:
        remember(asked)
    if asked_story and store.get_story(asked_story) is not None:
        remember(asked_story, story=True)
    if token:
        if asked in state["mine"] and len(token) == 1 and store.can_edit(asked, token[0]):
            state["tokens"][asked] = token[0]
        else:
            state["edit_notice"] = "The link's edit token does not open this document for editing; it is shown " \
                                   "read-only."
docs = bundled + [d for d in state["mine"] if d not in bundled]
stories = list(state["my_stories"])
if first:
    selected = one("story") if one("story") in stories else one("doc") if one("doc") in docs else SEED_DOC
else:
    selected = state["doc"] if state["doc"] in docs + stories else SEED_DOC
is_story = selected in stories
try:
    meta, text, spans, events, report = open_story(selected, store) if is_story else open_doc(selected, store)
except TimelineError as exc:
    st.error(f"Could not read {md_escape(selected)}: {md_escape(str(exc), 500)}")
    st.stop()
doc = selected
if state.pop("tz_reset", False):              # another document: its own zone, no filters of the last one
    state.update(tz=meta["tz"], kinds=[], actors=[], status=[], ev="")
    state.pop("range", None)
# Names the table for the caches: a document and what its edits hold (an edit id alone is only unique
# within one store file); a story, by what its merged table holds (its reports' edits change it).
# shown_key adds the filters.
if is_story:
    table_key = (doc, int(pd.util.hash_pandas_object(events[["event_id", "start", "status", "actors"]]).sum()))
else:
    table_key = (doc, tuple((e.id, e.undone, e.action, e.target, json.dumps(e.after, sort_keys=True, default=str))
                            for e, _ in report))
board = schedule_of(events, table_key)
actors_all = sorted({a for s in events["actors"] for a in str(s).split("; ") if a})
defaults = View(doc=SEED_DOC, tz=meta["tz"])
if first:
    # The URL decides the first view; bad values fall back with a notice naming them.
    view, notices = parse_view(st.query_params, defaults, docs=docs, actors=actors_all,
                               events=list(events["event_id"]), stories=stories)
    st.session_state.update(doc=view.story or view.doc, tz=view.tz, tz2=view.tz2 or "", kinds=list(view.kinds),
                            actors=list(view.actors), status=list(view.status), ev=view.ev or "",
                            view=view.view, lanes="actor", notices=notices)
    def to_utc(wall):
        # A link's wall time in its zone; one in a DST gap moves forward, one in a fold takes the first.
        return pd.Timestamp(wall).tz_localize(get_zone(view.tz).zone, nonexistent="shift_forward",
                                              ambiguous=True).tz_convert(UTC)
    if view.range is not None:
        state["range"] = tuple(map(to_utc, view.range))
    if view.t is not None:
        st.session_state["cursor"] = to_utc(view.t)
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
titles = {}
for d in docs:
    try:
        titles[d] = read_doc(d, str(DATA))[0]["title"] if d not in bundled else d
    except TimelineError:
        titles[d] = f"{d} (unreadable)"
if store is not None:
    titles.update({s: f"Story: {story.title}" for s, story in ((s, store.get_story(s)) for s in stories) if story})


def draw_sidebar() -> None:
    """The controls. Drawn after the page's content (their values are in session state already), so the
    chart reaches the browser before the sidebar's widgets."""
    with st.sidebar:
        st.selectbox("Article", docs + stories, key="doc", format_func=lambda d: titles.get(d, d),
                     on_change=lambda: state.update(tz_reset=True))
        if st.button("Add an article", key="add_open", icon=":material/add:"):
            state["page"] = "add"
            st.rerun()
        st.selectbox("Time zone", list(zones), key="tz", format_func=zones.get)
        st.text_input("…or any IANA zone", key="tz_other", placeholder="e.g. Asia/Tokyo", max_chars=64)
        st.selectbox("Second zone", [""] + list(zones), key="tz2", format_func=lambda z: zones.get(z, "none"))
        st.radio("Lanes", ["actor", "kind"], key="lanes", horizontal=True)
        st.multiselect("Kinds", KINDS, key="kinds")
        st.multiselect("Actors", actors_all, key="actors")
        st.multiselect("Status", STATUSES, key="status")
        if store is not None and len(docs) > 1:
            with st.expander("Combine reports into a story"):
                parts = st.multiselect("Reports of the same day", docs, key="story_docs",
                                       format_func=lambda d: titles.get(d, d))
                name = st.text_input("Story title", key="story_title", max_chars=200)
                if st.button("Make the story", key="story_make", disabled=len(parts) < 2 or not name.strip()):
                    sid = store.add_story(name.strip(), parts)
                    remember(sid, story=True)
                    state["goto"] = sid
                    st.rerun()


if state.get("page") == "add":
    draw_sidebar()
    add_page(store, store_error)
    st.stop()

tz = st.session_state["tz"]
other = st.session_state.get("tz_other", "")
if other.strip():
    try:
        tz = get_zone(other).zone
    except TimelineError as exc:
        st.sidebar.warning(md_escape(str(exc)))
tz2 = st.session_state["tz2"] or None
zone = get_zone(tz).zone

shown = events
for column, key in (("kind", "kinds"), ("status", "status")):
    if st.session_state[key]:
        shown = shown[shown[column].astype(str).isin(st.session_state[key])]
if st.session_state["actors"]:
    wanted = set(st.session_state["actors"])
    shown = shown[[bool(wanted & set(str(a).split("; "))) for a in shown["actors"]]]
shown_key = (table_key, tuple(state["kinds"]), tuple(state["actors"]), tuple(state["status"]))

token = state["tokens"].get(doc) if not is_story and store is not None else None
editable = bool(token) and store.can_edit(doc, token)


def draw_header() -> None:
    """The article, notices and headline figures (drawn into their place above the chart, after it)."""
    st.text(f"{meta['title']}\n{meta['source']} · {meta['date'] or 'date unknown'} · local zone {meta['tz']}")
    for warning in meta["warnings"]:
        st.text(f"⚠ {warning}")
    added = state.pop("just_added", None)
    if added and added["doc"] == doc:
        st.success(f"Added: {added['events']} events found." if added["token"] else
                   "This text was already stored with the same details: it is the same document, and no new edit "
                   "link is issued.")
        if added["token"]:
            parts = urlsplit(st.context.url or "")
            link = urlunsplit(parts._replace(path=parts.path or "/", query=urlencode({"doc": doc,
                                                                                       "edit": added["token"]})))
            st.text_input("Your edit link, shown once: keep it. It is the only way back to correcting or deleting this "
                          "document; the share link below opens it read-only.", link, key="edit_link_once")
    if state.get("edit_notice"):
        st.info(state["edit_notice"])          # dropped once a whole page has shown it (below)
    if store is not None and not is_story and not meta["bundled"]:
        latest = max((e.id for e in report_edits(report)), default=0)
        seen = state.setdefault("seen_edit", {})
        state.setdefault("seen_start", {})[doc] = seen.get(doc, 0)     # what this run's save compares against
        if doc in seen and latest > seen[doc] and any(e.id > seen[doc] and e.session != state["sid"]
                                                     for e in report_edits(report)):
            st.info("Another reader has edited this document since you opened it: the latest edits are shown, and "
                    "every edit is kept in the history.")
        seen[doc] = latest
        if not editable:
            st.caption("Read-only: corrections need the edit link, which the person who added the document has.")
    if events.empty:
        st.info("No times were found in this text. " + ("Add the events by hand under “Correct events” below."
                                                        if editable else "Nothing to draw yet."))
    figures = headline_figures(board, events, table_key)
    if figures:
        for col, (name, value, detail) in zip(st.columns(len(figures)), figures):
            # A metric's label is Markdown, and the name comes from the article.
            col.metric(md_escape(name, 120), value, detail or None, delta_color="off", delta_arrow="off")


# ------------------------------------------------------------------ cursor
(lo, hi), _ = ranges(events, table_key, zone, meta["date"])
cursor = st.session_state.get("cursor")
if cursor is not None and not (lo <= cursor <= hi) and first:
    # Kept until a whole page has shown it (a browser's first view leaves the scrubber out).
    state["cursor_notice"] = (f"Link parameter ignored: t: outside the article's day ({lo:%d %b %H:%M}–"
                              f"{hi:%d %b %H:%M} {lo:%Z}); showing the first time")
if cursor is None or not (lo <= cursor <= hi):
    cursor = first_time(events, lo, hi)
slider_key = f"t_{zone}_{lo.value}"
if st.session_state.pop("advance", False) or slider_key not in st.session_state:
    st.session_state[slider_key] = cursor.tz_convert(zone).to_pydatetime()
# Read before the widgets exist (the slider is drawn under the chart, after it).
cursor = pd.Timestamp(st.session_state[slider_key]).tz_convert(UTC)
st.session_state["cursor"] = cursor
view_name = st.session_state.get("view", "timeline")


def chart_span():
    """The chart's visible range: the link's, else the timed events' with a margin, else the day."""
    return state.get("range") or ranges(shown, shown_key, zone, meta["date"])[1] or (lo, hi)


def draw_scrubber() -> bool:
    """The cursor and Play, under the chart like a player's scrubber; returns whether Play is on."""
    if state.get("cursor_notice"):
        st.warning(state.pop("cursor_notice"))
    left, right = st.columns([5, 1])
    left.slider("Cursor", min_value=lo.to_pydatetime(), max_value=hi.to_pydatetime(), step=STEP,
                format="ddd HH:mm", key=slider_key)
    if state.pop("play_ended", False):
        st.session_state["play"] = False
    return right.toggle("Play", key="play")


def draw_beside_chart(chart, side) -> None:
    """The timeline's companions: what is under way at the cursor (both zones), and what the chart leaves
    out, listed under it."""
    now = f"At {cursor.tz_convert(zone):%H:%M %Z}" + (f" · {cursor.tz_convert(get_zone(tz2).zone):%H:%M %Z}"
                                                       if tz2 else "")
    side.subheader(now)
    for heading, rows in at_moment(shown, cursor).items():
        side.caption(heading)
        if not rows:
            side.text("—")
        for r in rows:
            when = r["start"] if not pd.isna(r["start"]) else r["start_earliest"]
            second = f" / {when.tz_convert(get_zone(tz2).zone):%H:%M %Z}" if tz2 else ""
            side.text(f"{when.tz_convert(zone):%H:%M}{second} {r['label']}")
    apart = shown[~is_timed(shown)]
    if len(apart):
        # Day-long and untimed items: listed under the chart, not drawn as bars across its lanes.
        # Plain text: a data grid here would load its large script before the first chart is drawn.
        with chart.expander(f"Not timed ({len(apart)}): named only to a day, or with no time", expanded=False):
            listed = table_of(apart, (shown_key, "not timed"), zone, tz2, meta["date"])
            st.text("\n".join(f"{r.event} · {r.status} · {r.when or 'no time'} · line {r.line}"
                               for r in listed.itertuples()))


st.title("Summit Timeline")
head, body = st.container(), st.container()

# ------------------------------------------------------------------ views
with body:
    if view_name == "timeline":
        chart, side = st.columns([3, 1])
        spec = timeline_spec(shown, shown_key, zone, tz2, st.session_state["lanes"], st.session_state["ev"] or None,
                             chart_span())
        picked_points = chart.plotly_chart(with_cursor(spec, cursor, zone), key="timeline_chart", on_select="rerun",
                                           selection_mode="points")
        points = (picked_points or {}).get("selection", {}).get("points", []) if picked_points else []
        if points and points[0].get("customdata"):
            st.session_state["ev"] = points[0]["customdata"]
    elif view_name == "schedule":
        if board.empty:
            st.info("This text gives no planned times, so there is no plan to set against what happened.")
        else:
            # A static table wraps its cells: both zones and the verdict fit the page, nothing scrolls sideways.
            st.table(verdict_style(board_of(board, table_key, zone, tz2, meta["date"]), VERDICT_COLOUR)
                     .hide(axis="index"))
            st.plotly_chart(Prebuilt(schedule_spec(board, table_key, zone, tz2)), key="schedule_chart")
    elif view_name == "source" and is_story:
        # A story has no one text: each event with every report's words for it.
        for r in shown.itertuples():
            told = (f"  {t['source']}, line {t['line']}: {t['when']} · “{t['quote']}”" for t in json.loads(r.tellings))
            st.text(f"{r.label} · {r.status}\n" + "\n".join(told))
    elif view_name == "source":
        pick = st.session_state["ev"]
        focus = None
        if pick and pick in set(events["event_id"]):
            row = events.set_index("event_id").loc[pick]
            focus = (int(row["span_start"]), int(row["span_end"]))
        st.html(highlighted(text, spans, focus))
    else:
        listed = table_of(shown, shown_key, zone, tz2, meta["date"])
        if is_story:
            listed.insert(1, "told by", shown["told_by"].to_numpy())
            listed.insert(2, "disagreement", shown["disagreement"].fillna("").to_numpy())
        chosen = st.dataframe(listed, hide_index=True, width="stretch", key="event_table", on_select="rerun",
                              selection_mode="single-row")
        rows = chosen.selection.rows if chosen else []
        if rows:
            st.session_state["ev"] = listed.iloc[rows[0]]["id"]
        # Made when pressed, on Streamlit's download thread: a visit builds none of them (the offline chart
        # alone carries all of plotly.js), and pressing one does not rerun the page.
        # Each is bound to this run's table and view: it runs later, on another thread.
        for col, (label, make, name, mime) in zip(st.columns(4), (
                ("CSV", partial(to_csv, shown), f"{doc}.events.csv", "text/csv"),
                ("JSON", partial(to_json, shown), f"{doc}.events.json", "application/json"),
                ("iCalendar", partial(to_ics, shown, calendar_name=meta["title"]), f"{doc}.ics", "text/calendar"),
                # The on-screen chart's spec (cached), held until pressed: made into a page only then, and
                # not cached, as each page carries all of plotly.js (~4.8 MB; a cache of them held ~10 MB an
                # entry, the string and its pickle, for a download a reader makes once: benchmarks/load.py).
                ("Chart (HTML)", partial(figure_html, timeline_spec(shown, shown_key, zone, tz2,
                                                                    st.session_state["lanes"], None, chart_span())),
                 f"{doc}.timeline.html", "text/html"))):
            col.download_button(label, make, name, mime, on_click="ignore")
with head:
    draw_header()
    st.radio("View", VIEWS, key="view", horizontal=True)
if first and in_browser():
    ask_for_the_rest(chart=view_name in ("timeline", "schedule"))
    st.stop()
state.pop("edit_notice", None)
if view_name == "timeline":
    with chart:                              # right under the chart, above what it leaves out
        playing = draw_scrubber()
    draw_beside_chart(chart, side)
else:
    playing = draw_scrubber()

by_id = events.set_index("event_id")
if st.session_state.get("ev") and st.session_state["ev"] not in by_id.index:
    st.session_state["ev"] = ""                 # deleted by an edit, or from another document
labels = dict(zip(events["event_id"], events["label"]))     # a dict: .loc per option cost ~0.1 ms each
st.selectbox("Selected event", ["", *labels], key="ev", format_func=lambda e: labels.get(e) or "none")
if st.session_state["ev"] in by_id.index:
    row = by_id.loc[st.session_state["ev"]]
    # The quote in context: plain text, never Markdown or HTML.
    st.text(f"{row['label']} · {row['status']} · line {row['line']}\n"
            f"{window(row['start'], row['start_earliest'], row['start_latest'], zone, meta['date'], row['modifier'])}"
            f"\n“{row['quote']}”\nTold: {row['sources']}")
    if is_story and row["disagreement"]:
        st.text(f"The reports disagree: {row['disagreement']}")
if editable:
    if st.toggle("Correct events", key="editing"):
        edit_panel(store, doc, token, events, text, zone, list(dict.fromkeys([zone, meta["tz"], *ZONES])), report)
        with st.expander("Delete this document"):
            sure = st.checkbox("Yes, delete it and its edits for everyone", key="delete_sure")
            if st.button("Delete document", key="delete_doc", disabled=not sure):
                if store.delete_document(doc, token):
                    state["mine"].remove(doc)
                    state["tokens"].pop(doc, None)
                    state["goto"] = SEED_DOC
                    st.rerun()

# ------------------------------------------------------------------ share link
current = View(doc=SEED_DOC if is_story else doc, story=doc if is_story else None, tz=zone, tz2=tz2,
               t=cursor.tz_convert(zone).tz_localize(None).to_pydatetime(),
               kinds=tuple(st.session_state["kinds"]), actors=tuple(st.session_state["actors"]),
               status=tuple(st.session_state["status"]), ev=st.session_state["ev"] or None, view=view_name,
               range=tuple(w.tz_convert(zone).tz_localize(None).to_pydatetime() for w in state["range"])
               if state.get("range") else None)
st.query_params.from_dict(view_to_params(current, defaults))
if not first and st.session_state.get("notices") and current != st.session_state.get("shown_view", current):
    st.session_state["notices"] = []          # the reader has moved on from the link they were about
st.session_state["shown_view"] = current
# Written before the widget each run, so the box always holds the link of the view shown now.
st.session_state["share"] = share_url(st.context.url or "", current, defaults)
st.text_input("Share this view", key="share",
              help="Copy this link: it opens the same zone, cursor, filters and selection.")

draw_sidebar()

if playing:
    time.sleep(0.6)
    if cursor >= hi:
        # The toggle is drawn already: switched off at the start of the next run, before it exists.
        state["play_ended"] = True
    else:
        st.session_state["cursor"] = min(cursor + STEP, hi)     # the last step lands on the day's end
        st.session_state["advance"] = True
    st.rerun()
