"""Figures: pure functions of the event table (or schedule) and the view; no Streamlit, no I/O.

Plotly shows wall-clock time only, so every time is converted to the display zone first and plotted
as naive wall-clock time; hovers name the zone and give the second zone beside it.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from ..events.schedule import point_of
from ..text.zones import get_zone

STATUS_STYLE = {  # marker symbol, line dash, colour
    "actual": ("circle", "solid", "#1f77b4"),
    "planned": ("circle-open", "dash", "#ff7f0e"),
    "cancelled": ("x-thin-open", "dot", "#9e9e9e"),
    "unknown": ("circle-open", "dot", "#7f7f7f"),
}
DAY_PART = pd.Timedelta(hours=3)   # a window this wide is a day or day part named, not a time: listed apart
DRAWN = ["event_id", "label", "kind", "actors", "status", "start", "end", "start_earliest", "start_latest",
         "modifier", "origin", "certainty", "quote", "slot"]
WEBGL_FROM = 1500                   # more events than this draw with WebGL
AGGREGATE_FROM = 3000               # more than this draw as a heatmap of counts per lane and time bin
BINS = 120                          # time bins across the drawn span when aggregated
LABELS_UP_TO = 80                   # events in view up to which every mark carries its label
VERDICT_COLOUR = {"early": "#2e7d32", "on time": "#1565c0", "late": "#c62828", "cancelled": "#9e9e9e",
                  "took place": "#6a1b9a", "not yet known": "#757575"}


def wall(ts, tz: str):
    """A UTC timestamp as naive wall-clock time in tz (what Plotly should draw)."""
    if ts is None or pd.isna(ts):
        return None
    return ts.tz_convert(get_zone(tz).zone).tz_localize(None)


def stamp(ts, tz: str) -> str:
    if ts is None or pd.isna(ts):
        return ""
    return ts.tz_convert(get_zone(tz).zone).strftime("%a %H:%M %Z")


def both(ts, tz: str, tz2: str | None) -> str:
    """"10:22 AKDT / 14:22 EDT"."""
    first = stamp(ts, tz)
    return f"{first} / {stamp(ts, tz2)}" if tz2 and first else first


def _stamps(col: pd.Series, tz: str, tz2: str | None) -> pd.Series:
    """"Fri 10:22 AKDT" (or "... / Fri 14:22 EDT"), vectorised; "" where missing."""
    def one(zone):
        return col.dt.tz_convert(get_zone(zone).zone).dt.strftime("%a %H:%M %Z")
    text = one(tz)
    if tz2:
        text = text + " / " + one(tz2)
    return text.where(col.notna(), "")


def _plain(text: str) -> str:
    """Text for Plotly's few HTML tags: < > & escaped; quotes left as they are (Plotly shows "&quot;" as is)."""
    return html.escape(text, quote=False)


def _esc(col: pd.Series) -> pd.Series:
    return col.astype("string").fillna("").map(_plain, na_action="ignore")


def hovers(events: pd.DataFrame, tz: str, tz2: str | None) -> list[str]:
    """Hover texts; every piece from the article is escaped (Plotly renders a few HTML tags)."""
    start, lo, hi, end = (_stamps(events[c], tz, tz2) for c in ("start", "start_earliest", "start_latest", "end"))
    when = start.where(events["start"].notna(), "between " + lo + " and " + hi)
    sure = events["certainty"].astype("string").fillna("")
    head = ("<b>" + _esc(events["label"]) + "</b><br>" + events["status"].astype(str) + " · "
            + events["modifier"].astype(str) + " · " + events["origin"].astype(str)
            + sure.where(sure == "certain", " · " + sure).where(sure != "certain", "") + "<br>" + when)
    ends = ("<br>ends " + end).where(events["end"].notna(), "")
    wide = (events["start"].notna() & events["start_earliest"].notna()
            & (events["start_earliest"] != events["start_latest"]))
    window = ("<br>window " + _stamps(events["start_earliest"], tz, None) + " – "
              + _stamps(events["start_latest"], tz, None)).where(wide, "")
    quote = _esc(events["quote"])
    quote = quote.str.slice(0, 160) + quote.str.len().gt(160).map({True: "…", False: ""})
    return (head + ends + window.fillna("") + "<br>" + quote).fillna("").tolist()


def short_labels(labels: pd.Series, width: int = 30) -> pd.Series:
    """Chart text: the label without its parenthesis, cut to `width`, escaped for Plotly."""
    base = labels.astype("string").fillna("").str.replace(r"\s*\(.*$", "", regex=True)
    cut = base.str.len() > width
    return _esc(base.str.slice(0, width - 1).where(~cut, base.str.slice(0, width - 1).str.rstrip() + "…")
                .where(cut, base))


def lane_of_actors(actors) -> str:
    """The lane of a set of people: the first two named, sorted, "+N" for the rest. Names are escaped:
    Plotly reads a few HTML tags in tick labels and hovers."""
    names = [a for a in str(actors).split("; ") if a and a != "<NA>"]
    if not names:
        return "(nobody named)"
    head = sorted(_plain(n) for n in names[:2])
    return " & ".join(head) + (f" +{len(names) - 2}" if len(names) > 2 else "")


def lanes_of(events: pd.DataFrame, lanes: str) -> pd.Series:
    """Each event's lane: its kind, or its set of people (worked out once per distinct set)."""
    if lanes == "kind":
        return events["kind"].astype(str).astype(object)
    actors = events["actors"].astype(str)
    return actors.map({a: lane_of_actors(a) for a in actors.unique()}).astype(object)


def is_timed(events: pd.DataFrame) -> pd.Series:
    """Events the chart places: a time, or a window of at most DAY_PART (a statement "on Friday" is not)."""
    width = events["start_latest"] - events["start_earliest"]
    return (events["start"].notna() | events["start_earliest"].notna()) & ~(width >= DAY_PART)


def default_range(events: pd.DataFrame, tz: str):
    """The timed events' span in tz, widened by a margin (a tenth of the span, 15 min to 1 h each side)."""
    ev = events[is_timed(events)]
    times = pd.concat([ev[c] for c in ("start", "start_earliest", "start_latest", "end")]).dropna()
    if times.empty:
        return None
    lo, hi = times.min(), times.max()
    margin = min(max((hi - lo) / 10, pd.Timedelta(minutes=15)), pd.Timedelta(hours=1))
    return lo - margin, hi + margin


def _pairs(x0: pd.Series, x1: pd.Series, y: pd.Series) -> tuple[list, list]:
    """Many two-point segments as one trace: x0, x1, None, ... (one trace, not one per event)."""
    xs, ys = [], []
    for a, b, lane in zip(x0, x1, y):
        xs += [a, b, None]
        ys += [lane, lane, None]
    return xs, ys


def _positions(lane: pd.Series, x: pd.Series) -> pd.Series:
    """Labels alternate above and below within a lane, in time order across statuses, so neighbours (a
    plan and what happened) do not overlap."""
    rank = pd.DataFrame({"lane": lane, "x": x}).groupby("lane")["x"].rank(method="first")
    return rank.map(lambda r: "top center" if pd.isna(r) or int(r) % 2 else "bottom center")


def timeline_figure(events: pd.DataFrame, *, tz: str, tz2: str | None = None, lanes: str = "actor",
                    selected: str | None = None, span=None) -> go.Figure:
    """Lanes by actor or kind; each event labelled with its name and time beside its mark; ranges as bars,
    planned hollow/dashed, actual solid, cancelled grey; windows shaded; derived times as diamonds; the
    planned and actual of one slot joined by a thin line. Untimed and day-long items are left out
    (`is_timed`): the page lists them apart. Large tables use WebGL and drop labels until few are in view;
    over AGGREGATE_FROM events, a heatmap of counts per time bin. The cursor is a shape the caller adds (`cursor_line`)."""
    zone = get_zone(tz).zone
    fig = go.Figure()
    ev = events.loc[is_timed(events), [c for c in DRAWN if c in events.columns]]
    wall_of = lambda c: ev[c].dt.tz_convert(zone).dt.tz_localize(None)  # noqa: E731
    start, end, lo, hi = wall_of("start"), wall_of("end"), wall_of("start_earliest"), wall_of("start_latest")
    point = start.fillna(lo + (hi - lo) / 2)
    lane = lanes_of(ev, lanes)
    stats = pd.DataFrame({"lane": lane, "x": point}).groupby("lane")["x"].agg(["count", "min"])
    lanes_order = list(stats.sort_values(["count", "min"], ascending=[False, True]).index)
    if len(ev) > AGGREGATE_FROM:
        return _density_figure(ev, point, lane, lanes_order, zone, span)
    big = len(ev) > WEBGL_FROM
    scatter = go.Scattergl if big else go.Scatter
    shown = ev if span is None else ev[(ev["start"].fillna(ev["start_earliest"]) >= span[0])
                                       & (ev["start"].fillna(ev["start_earliest"]) <= span[1])]
    labelled = len(shown) <= LABELS_UP_TO
    # A large table hovers its label and time only: the full text of 10,000 events is megabytes of spec.
    texts = (hovers(ev, tz, tz2) if not big else (_esc(ev["label"]) + "<br>" + _stamps(
        ev["start"].fillna(ev["start_earliest"]), tz, tz2)).tolist()) if len(ev) else []
    places = _positions(lane, point)
    hover_of = dict(zip(ev.index, texts))
    for status, (symbol, dash, colour) in STATUS_STYLE.items():
        mask = ev["status"] == status
        if not mask.any():
            continue
        w = mask & lo.notna() & hi.notna() & (lo != hi)
        if w.any():
            xs, ys = _pairs(lo[w], hi[w], lane[w])
            fig.add_trace(scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                  line=dict(color=colour, width=10), opacity=0.25))
        b = mask & start.notna() & end.notna()
        if b.any():
            xs, ys = _pairs(start[b], end[b], lane[b])
            fig.add_trace(scatter(x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                                  line=dict(color=colour, width=6, dash=dash if not big else "solid")))
        m = mask & point.notna()
        rows = ev[m]
        derived = (rows["origin"] == "derived") & (status != "cancelled")
        symbols = [("diamond-open" if status == "planned" else "diamond") if d else symbol for d in derived]
        sizes = [16 if e == selected else 11 for e in rows["event_id"]]
        label = (short_labels(rows["label"]) + " " + start[m].dt.strftime("%H:%M").fillna(
            "≈" + point[m].dt.strftime("%H:%M"))).tolist()
        fig.add_trace(scatter(
            x=point[m].tolist(), y=lane[m].tolist(), name=status, customdata=rows["event_id"].tolist(),
            mode="markers+text" if labelled else "markers",
            text=label if labelled else None, textposition=places[m].tolist() if labelled else None,
            textfont=dict(size=11, color="#333"), **({} if big else {"cliponaxis": False}),
            hovertext=[hover_of[i] for i in rows.index],
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(symbol=symbols, size=sizes, color=colour, line=dict(width=2, color=colour))))
    joins = _slot_joins(ev, point, lane)
    if joins[0]:
        fig.add_trace(scatter(x=joins[0], y=joins[1], mode="lines", hoverinfo="skip", name="planned → actual",
                              line=dict(color="#555", width=1.5, dash="dot")))
    return _axes(fig, lanes_order, zone, span, lane_height=90)


def _axes(fig: go.Figure, lanes_order: list, zone: str, span, lane_height: int) -> go.Figure:
    """Lanes top to bottom in order, the x-axis in the zone's wall time, opening on `span` (zoom out or pan
    to reach any other event), the legend above."""
    fig.update_yaxes(categoryorder="array", categoryarray=lanes_order[::-1], title=None)
    fig.update_xaxes(type="date", title=f"time ({zone})")
    if span is not None:
        fig.update_xaxes(range=[wall(span[0], zone), wall(span[1], zone)])
    fig.update_layout(height=max(300, lane_height * len(lanes_order) + 130), margin=dict(l=10, r=70, t=60, b=10),
                      legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), hovermode="closest",
                      dragmode="pan")
    return fig


def cursor_line(cursor, tz: str) -> dict:
    """The cursor as a layout shape: a red vertical line at its wall time in tz."""
    x = wall(cursor, tz)
    return {"type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
            "line": {"color": "#d32f2f", "width": 2}}


def _density_figure(ev, point, lane, lanes_order, zone: str, span) -> go.Figure:
    """Thousands of events as a heatmap of counts per lane and time bin: one image, cheap to draw and
    redraw (thousands of SVG marks took plotly.js ~0.15 ms each), a spec of a few tens of kilobytes
    whatever the table's size. The hover gives the bin's times and its count by status."""
    lo, hi = point.min(), point.max()
    width = max((hi - lo) / BINS, pd.Timedelta(minutes=1)).ceil("min")
    binned = pd.DataFrame({"lane": lane, "status": ev["status"].astype(str), "bin": (point - lo) // width})
    counts = binned.groupby(["lane", "bin", "status"]).size().unstack("status", fill_value=0)
    bins = range(int(binned["bin"].max()) + 1)
    centres = pd.Series([lo + b * width + width / 2 for b in bins])
    edges = (centres - width / 2).dt.strftime("%H:%M") + "–" + (centres + width / 2).dt.strftime("%H:%M")
    total = counts.sum(axis=1)
    statuses = list(counts.columns)
    detail = pd.Series([", ".join(f"{n} {s}" for s, n in zip(statuses, row) if n)
                        for row in counts.itertuples(index=False)], index=counts.index, dtype=object)
    text = (total.astype(str) + " events, " + edges.iloc[counts.index.get_level_values("bin")].to_numpy()
            + "<br>" + detail.map(_plain))
    grid = total.unstack("bin").reindex(index=lanes_order, columns=bins)        # NaN: no event, left blank
    hover = text.unstack("bin").reindex(index=lanes_order, columns=bins).fillna("")
    fig = go.Figure(go.Heatmap(
        x=centres.tolist(), y=list(grid.index), z=grid.to_numpy().tolist(), hovertext=hover.to_numpy().tolist(),
        hovertemplate="%{hovertext}<extra>%{y}</extra>", colorscale="Blues", name="events (counts)",
        colorbar=dict(title=dict(text="events per bin", side="right"), thickness=12)))
    return _axes(fig, lanes_order, zone, span, lane_height=40)


def _slot_joins(ev: pd.DataFrame, point: pd.Series, lane: pd.Series) -> tuple[list, list]:
    """A line from each slot's planned mark to its actual one: the slip reads as a line."""
    first: dict = {}
    for slot, status, x, y in zip(ev["slot"], ev["status"].astype(str), point, lane):
        if isinstance(slot, str) and status in ("planned", "actual") and not pd.isna(x):
            first.setdefault((slot, status), (x, y))
    xs, ys = [], []
    for (slot, status), (x, y) in first.items():
        if status == "planned" and (slot, "actual") in first:
            ax, ay = first[(slot, "actual")]
            xs += [x, ax, None]
            ys += [y, ay, None]
    return xs, ys


def schedule_figure(board: pd.DataFrame, *, tz: str, tz2: str | None = None) -> go.Figure:
    """Dumbbells: planned (hollow) to actual (filled), coloured by verdict; cancelled crossed out."""
    fig = go.Figure()
    rows = []
    for _, r in board.iterrows():
        rows.append((r["item"], r["planned_earliest"], r["planned_latest"], r["planned_start"], r["actual_earliest"],
                     r["actual_latest"], r["actual_start"], r["verdict"], r["actual_origin"]))
        if not pd.isna(r["planned_end_earliest"]) and not pd.isna(r["actual_end_earliest"]):
            # The end of a meeting against its forecast: "talks forecast 6-7 h, over in under 3".
            rows.append((f"{r['item']}: end", r["planned_end_earliest"], r["planned_end_latest"], None,
                         r["actual_end_earliest"], r["actual_end_latest"], r["actual_end"], r["end_verdict"],
                         r["actual_origin"]))

    for item, p_lo, p_hi, p_at, a_lo, a_hi, a_at, verdict, origin in rows:
        p = wall(point_of(p_at, p_lo, p_hi), tz)
        a = wall(point_of(a_at, a_lo, a_hi), tz)
        colour = VERDICT_COLOUR.get(verdict, "#757575")
        # Escaped for Plotly's few HTML tags; in the hover only as data, as "%{...}" in a template is a field.
        label = _plain(str(item))
        if p is not None and a is not None:
            fig.add_trace(go.Scatter(x=[p, a], y=[label, label], mode="lines", line=dict(color=colour, width=4),
                                     hoverinfo="skip", showlegend=False))
        if p is not None:
            fig.add_trace(go.Scatter(x=[p], y=[label], mode="markers", showlegend=False,
                                     marker=dict(symbol="circle-open" if verdict != "cancelled" else "x-thin-open",
                                                 size=14, color=colour, line=dict(width=3)),
                                     customdata=[label],
                                     hovertemplate=f"planned {both(p_at, tz, tz2) if p_at is not None else ''}"
                                                   "<extra>%{customdata}</extra>"))
        if a is not None:
            est = " (estimated)" if origin == "derived" else ""
            fig.add_trace(go.Scatter(x=[a], y=[label], mode="markers", showlegend=False,
                                     marker=dict(symbol="diamond" if est else "circle", size=14, color=colour),
                                     customdata=[label],
                                     hovertemplate=f"actual{est}: {verdict}<extra>%{{customdata}}</extra>"))
    fig.update_xaxes(type="date", title=f"time ({get_zone(tz).zone})")
    fig.update_layout(height=max(260, 55 * len(rows) + 120), margin=dict(l=10, r=10, t=20, b=10))
    return fig
