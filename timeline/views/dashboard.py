"""What the dashboard shows, as pure functions: headline figures, the cursor's moment, tables in a
zone, the highlighted source. app.py only wires these to widgets."""

from __future__ import annotations

import html
from datetime import timedelta

import pandas as pd

from ..events.board import difference, length, minutes, window
from ..events.schedule import point_of
from ..text.zones import get_zone, local_day_bounds


def headlines(board: pd.DataFrame, events: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(title, value, detail) such as ("Talks", "≈2 h 48 min", "vs 6 h–7 h forecast")."""
    out = []
    talks = events[(events["kind"] == "meeting") & (events["status"] == "actual") & events["end"].notna()
                   & events["start"].notna()]
    forecast = board[board["kind"] == "meeting"]["planned_minutes"]
    if not talks.empty:
        t = talks.iloc[0]
        detail = f"vs {length(forecast.iloc[0])} forecast" if not forecast.empty and forecast.iloc[0] else ""
        out.append(("Talks lasted", f"≈{minutes((t['end'] - t['start']).total_seconds() // 60)}", detail))
    for r in board.itertuples():
        if r.kind == "departure" and not pd.isna(r.diff_min):
            value = r.verdict if r.verdict == "on time" else f"≈{minutes(r.diff_min)} {r.verdict}"
            out.append((str(r.item), value, difference(r.diff_min, r.diff_low, r.diff_high)))
        elif r.verdict == "cancelled":
            out.append((str(r.item).replace(" (time not stated)", ""), "dropped",
                        "" if r.certainty == "certain" else f"{r.certainty}, as reported"))
    return out


def middle(row):
    """An event's time: as told, else the middle of its window."""
    return point_of(row["start"], row["start_earliest"], row["start_latest"])


def at_moment(events: pd.DataFrame, t) -> dict:
    """What is under way at t, what just happened, and what is next on the plan."""
    under, past, ahead = [], [], []
    for _, r in events.iterrows():
        start = middle(r)
        # An event placed only to a day says nothing about the moment.
        if start is None or (not pd.isna(r["start_earliest"])
                             and r["start_latest"] - r["start_earliest"] > pd.Timedelta(hours=6)):
            continue
        end = r["end"] if not pd.isna(r["end"]) else None
        if r["status"] == "actual" and end is not None and start <= t <= end:
            under.append(r)
        elif r["status"] == "actual" and start <= t:
            past.append((start, r))
        elif r["status"] == "planned" and start > t:
            ahead.append((start, r))
    return {"under way": under,
            "just happened": [max(past, key=lambda x: x[0])[1]] if past else [],
            "next on the plan": [min(ahead, key=lambda x: x[0])[1]] if ahead else []}


def day_bounds(events: pd.DataFrame, tz: str, day=None):
    """The slider's range in tz: the event day, widened to whole hours to hold every timed event of it
    (a return flight ends the next morning); events placed only to a day do not stretch it."""
    zone = get_zone(tz).zone
    narrow = (events["start_latest"] - events["start_earliest"]).fillna(pd.Timedelta(0)) <= pd.Timedelta(hours=6)
    timed = events[narrow]
    times = pd.concat([timed[c] for c in ("start", "start_earliest", "start_latest", "end")]).dropna()
    if day is not None:
        lo, hi = (pd.Timestamp(x).tz_convert(zone) for x in local_day_bounds(zone, day))   # 23 or 25 h on DST days
        if not times.empty:
            lo = min(lo, times.min().tz_convert(zone).floor("h"))
            hi = max(hi, times.max().tz_convert(zone).ceil("h"))
        return lo, hi
    if times.empty:
        now = pd.Timestamp.now(tz=zone).floor("D")
        return now, now + timedelta(days=1)
    lo, hi = times.min().tz_convert(zone).floor("h"), times.max().tz_convert(zone).ceil("h")
    return lo, max(hi, lo + timedelta(hours=1))


def first_time(events: pd.DataFrame, lo, hi):
    """Where the cursor starts: the first stated time inside the range."""
    starts = events["start"].dropna()
    starts = starts[(starts >= lo) & (starts <= hi)]
    return starts.min().floor("5min") if not starts.empty else lo


def show_table(events: pd.DataFrame, tz: str, tz2: str | None, day=None) -> pd.DataFrame:
    """The event table with times as text in the chosen zone(s)."""
    out = pd.DataFrame({
        "event": events["label"], "status": events["status"], "kind": events["kind"], "actors": events["actors"],
        "when": [window(r.start, r.start_earliest, r.start_latest, tz, day, r.modifier) for r in events.itertuples()],
    })
    if tz2:
        out["when (2nd zone)"] = [window(r.start, r.start_earliest, r.start_latest, tz2, day, r.modifier)
                                  for r in events.itertuples()]
    out["ends"] = [window(r.end, r.end_earliest, r.end_latest, tz, day) for r in events.itertuples()]
    out["how exact"] = events["modifier"].astype(str) + " · " + events["origin"].astype(str)
    out["as written"] = events["stated_text"]
    out["line"] = events["line"]
    out["id"] = events["event_id"]
    return out.reset_index(drop=True)


def show_schedule(board: pd.DataFrame, tz: str, tz2: str | None, day=None) -> pd.DataFrame:
    rows = []
    for r in board.itertuples():
        est = " (estimated)" if r.actual_origin == "derived" else ""
        row = {"item": r.item,
               "planned": window(r.planned_start, r.planned_earliest, r.planned_latest, tz, day, r.planned_modifier),
               "actual": window(r.actual_start, r.actual_earliest, r.actual_latest, tz, day, r.actual_modifier) + est,
               "difference": difference(r.diff_min, r.diff_low, r.diff_high),
               "verdict": r.verdict + ("" if r.certainty == "certain" else f" ({r.certainty})")}
        if tz2:
            row["planned (2nd zone)"] = window(r.planned_start, r.planned_earliest, r.planned_latest, tz2, day,
                                               r.planned_modifier)
            row["actual (2nd zone)"] = window(r.actual_start, r.actual_earliest, r.actual_latest, tz2, day,
                                              r.actual_modifier)
        rows.append(row)
    # Its columns even with no rows (an article with no plan), so styling and tables find them.
    columns = ["item", "planned", "actual", "difference", "verdict"] + (
        ["planned (2nd zone)", "actual (2nd zone)"] if tz2 else [])
    return pd.DataFrame(rows, columns=columns)


def verdict_style(table: pd.DataFrame, colours: dict):
    """The schedule board coloured like a flight-status board (a pandas Styler st.dataframe shows)."""
    def paint(value: str) -> str:
        word = str(value).split(" (")[0]
        colour = colours.get(word)
        return f"color: white; background-color: {colour}; font-weight: 600" if colour else ""
    return table.style.map(paint, subset=["verdict"])


def highlighted(text: str, spans: list[tuple[int, int]], focus: tuple[int, int] | None = None) -> str:
    """The article as escaped HTML with each time mention marked; nothing of the article is markup."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        style = ' style="background:#ffcc80"' if focus and a <= focus[0] < b or focus == (a, b) else ""
        out.append(f"<mark{style}>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "<div style='white-space:pre-wrap;font-family:serif;line-height:1.5'>" + "".join(out) + "</div>"
