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


def hover(row, tz: str, tz2: str | None) -> str:
    """Hover text; every piece from the article is escaped (Plotly renders a few HTML tags)."""
    esc = lambda s: html.escape(str(s)) if s is not None and not pd.isna(s) else ""  # noqa: E731
    when = both(row["start"], tz, tz2) if not pd.isna(row["start"]) else \
        f"between {both(row['start_earliest'], tz, tz2)} and {both(row['start_latest'], tz, tz2)}"
    lines = [f"<b>{esc(row['label'])}</b>", f"{esc(row['status'])} · {esc(row['modifier'])} · {esc(row['origin'])}"
             + ("" if row["certainty"] == "certain" else f" · {esc(row['certainty'])}"), when]
    if not pd.isna(row["end"]):
        lines.append(f"ends {both(row['end'], tz, tz2)}")
    if not pd.isna(row["start_earliest"]) and not pd.isna(row["start"]) and row["start_earliest"] != row["start_latest"]:
        lines.append(f"window {stamp(row['start_earliest'], tz)} – {stamp(row['start_latest'], tz)}")
    quote = esc(row["quote"])
    lines.append(quote[:160] + ("…" if len(quote) > 160 else ""))
    return "<br>".join(lines)


def lane_of(row, lanes: str) -> str:
    """A lane per kind, or per set of people (the first two named, sorted, "+N" for the rest)."""
    if lanes == "kind":
        return str(row["kind"])
    names = [a for a in str(row["actors"]).split("; ") if a]
    if not names:
        return "(nobody named)"
    head = sorted(names[:2])
    return " & ".join(head) + (f" +{len(names) - 2}" if len(names) > 2 else "")


def timeline_figure(events: pd.DataFrame, *, tz: str, tz2: str | None = None, lanes: str = "actor",
                    cursor=None, selected: str | None = None, span=None) -> go.Figure:
    """Lanes by actor or kind; ranges as bars, moments as markers; planned hollow/dashed, actual solid,
    cancelled grey; windows as shaded whiskers; derived times as diamonds."""
    fig = go.Figure()
    lanes_order = list(dict.fromkeys(lane_of(r, lanes) for _, r in events.iterrows()))
    for status, (symbol, dash, colour) in STATUS_STYLE.items():
        rows = events[events["status"] == status]
        if rows.empty:
            continue
        xs, ys, texts, ids, symbols, sizes = [], [], [], [], [], []
        for _, r in rows.iterrows():
            y = lane_of(r, lanes)
            lo, hi = wall(r["start_earliest"], tz), wall(r["start_latest"], tz)
            if lo is not None and hi is not None and lo != hi:
                fig.add_trace(go.Scatter(x=[lo, hi], y=[y, y], mode="lines", hoverinfo="skip", showlegend=False,
                                         line=dict(color=colour, width=10), opacity=0.25))
            start, end = wall(r["start"], tz), wall(r["end"], tz)
            if start is not None and end is not None:
                fig.add_trace(go.Scatter(x=[start, end], y=[y, y], mode="lines", showlegend=False,
                                         line=dict(color=colour, width=6, dash=dash), hoverinfo="skip"))
            point = start if start is not None else (lo + (hi - lo) / 2 if lo is not None else None)
            if point is None:
                continue
            xs.append(point)
            ys.append(y)
            texts.append(hover(r, tz, tz2))
            ids.append(r["event_id"])
            derived = r["origin"] == "derived"
            # Derived times are diamonds; a cancelled item keeps its cross whatever placed it.
            symbols.append(("diamond-open" if status == "planned" else "diamond") if derived and status != "cancelled"
                           else symbol)
            sizes.append(16 if r["event_id"] == selected else 11)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", name=status, customdata=ids,
                                 hovertext=texts, hovertemplate="%{hovertext}<extra></extra>",
                                 marker=dict(symbol=symbols, size=sizes, color=colour,
                                             line=dict(width=2, color=colour))))
    if cursor is not None:
        fig.add_vline(x=wall(cursor, tz), line=dict(color="#d32f2f", width=2))
    fig.update_yaxes(categoryorder="array", categoryarray=lanes_order[::-1], title=None)
    fig.update_xaxes(type="date", title=f"time ({get_zone(tz).zone})", rangeslider=dict(visible=True))
    if span is not None:          # open on the day; the range slider still reaches every event
        fig.update_xaxes(range=[wall(span[0], tz), wall(span[1], tz)])
    fig.update_layout(height=max(320, 70 * len(lanes_order) + 160), margin=dict(l=10, r=10, t=30, b=10),
                      legend=dict(orientation="h", y=1.08), hovermode="closest", dragmode="pan")
    return fig


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
        label = html.escape(str(item))
        if p is not None and a is not None:
            fig.add_trace(go.Scatter(x=[p, a], y=[label, label], mode="lines", line=dict(color=colour, width=4),
                                     hoverinfo="skip", showlegend=False))
        if p is not None:
            fig.add_trace(go.Scatter(x=[p], y=[label], mode="markers", showlegend=False,
                                     marker=dict(symbol="circle-open" if verdict != "cancelled" else "x-thin-open",
                                                 size=14, color=colour, line=dict(width=3)),
                                     hovertemplate=f"planned {both(p_at, tz, tz2) if p_at is not None else ''}"
                                                   f"<extra>{label}</extra>"))
        if a is not None:
            est = " (estimated)" if origin == "derived" else ""
            fig.add_trace(go.Scatter(x=[a], y=[label], mode="markers", showlegend=False,
                                     marker=dict(symbol="diamond" if est else "circle", size=14, color=colour),
                                     hovertemplate=f"actual{est}: {verdict}<extra>{label}</extra>"))
    fig.update_xaxes(type="date", title=f"time ({get_zone(tz).zone})")
    fig.update_layout(height=max(260, 55 * len(rows) + 120), margin=dict(l=10, r=10, t=20, b=10))
    return fig
