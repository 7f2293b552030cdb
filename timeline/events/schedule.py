"""Planned vs actual, like a flight-status board: one row per scheduled item (slot).

A slot is in the schedule when something was planned or cancelled for it. Differences are in minutes,
actual minus planned, between the middles of the two windows, with bounds from the windows' edges.
Verdicts: early, on time, late (threshold settings.ON_TIME_MINUTES), cancelled, took place (no time was
planned), not yet known (nothing reported yet).
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from ..settings import ON_TIME_MINUTES

COLUMNS = ["slot", "item", "kind", "actors", "certainty", "planned_modifier", "actual_modifier",
           "planned_start", "planned_earliest", "planned_latest", "planned_end_earliest", "planned_end_latest",
           "planned_minutes", "actual_start", "actual_earliest", "actual_latest", "actual_end",
           "actual_end_earliest", "actual_end_latest", "actual_minutes", "actual_origin",
           "diff_min", "diff_low", "diff_high", "verdict", "end_diff_min", "end_diff_low", "end_diff_high",
           "end_verdict"]


def _window(start, lo, hi):
    if pd.isna(lo) or pd.isna(hi):
        return (None, None) if pd.isna(start) else (start, start)
    return lo, hi


def _middle(lo, hi):
    return lo + (hi - lo) / 2


def point_of(point, lo, hi):
    """A time as told, else the middle of its window, else None."""
    if point is not None and not pd.isna(point):
        return point
    if lo is None or pd.isna(lo):
        return None
    return _middle(lo, hi)


def difference(planned: tuple, actual: tuple):
    """(point, low, high) in minutes of actual minus planned, or Nones when either is unknown."""
    if None in planned or None in actual:
        return None, None, None
    mins = lambda d: round(d.total_seconds() / 60)  # noqa: E731
    return (mins(_middle(*actual) - _middle(*planned)), mins(actual[0] - planned[1]), mins(actual[1] - planned[0]))


def verdict_of(point) -> str:
    if point is None:
        return ""
    return "early" if point < -ON_TIME_MINUTES else "late" if point > ON_TIME_MINUTES else "on time"


def _end_window(row) -> tuple:
    """An end as told, or else start + the length told (forecast or reported)."""
    if row is None:
        return None, None
    if not pd.isna(row["end"]):
        return _window(row["end"], row["end_earliest"], row["end_latest"])
    lo_s, hi_s = _window(row["start"], row["start_earliest"], row["start_latest"])
    if lo_s is None or pd.isna(row["minutes_low"]) or pd.isna(row["start"]):
        return None, None
    return lo_s + timedelta(minutes=int(row["minutes_low"])), hi_s + timedelta(minutes=int(row["minutes_high"]))


def _minutes(row) -> str:
    if row is None or pd.isna(row["minutes_low"]):
        return ""
    lo, hi = int(row["minutes_low"]), int(row["minutes_high"])
    return f"{lo}" if lo == hi else f"{lo}-{hi}"


def _pick(rows: pd.DataFrame):
    """The most precise telling: a stated time before a window alone, extracted before derived."""
    if rows.empty:
        return None
    order = rows.assign(_t=rows["start"].isna(), _d=rows["origin"] == "derived").sort_values(["_t", "_d"])
    return order.iloc[0]


def _nearest(rows: pd.DataFrame, planned) -> pd.DataFrame:
    """Of several reports that answer one plan, those told at the time nearest the plan's."""
    if planned is None or pd.isna(planned["start"]) or len(rows) < 2 or rows["start"].isna().all():
        return rows
    gap = (rows["start"] - planned["start"]).abs()
    return rows[gap == gap.min()]


def build_schedule(events: pd.DataFrame) -> pd.DataFrame:
    out = []
    for slot, rows in events.groupby("slot", sort=False, observed=True):
        planned = _pick(rows[rows["status"] == "planned"])
        cancelled = _pick(rows[rows["status"] == "cancelled"])
        actual = _pick(_nearest(rows[rows["status"] == "actual"], planned))
        if planned is None and cancelled is None:
            continue
        main = planned if planned is not None else cancelled
        p_win = _window(main["start"], main["start_earliest"], main["start_latest"]) \
            if not pd.isna(main["start"]) else (None, None)
        a_win = _window(actual["start"], actual["start_earliest"], actual["start_latest"]) \
            if actual is not None else (None, None)
        p_end, a_end = _end_window(planned), _end_window(actual)
        diff, end_diff = difference(p_win, a_win), difference(p_end, a_end)
        if cancelled is not None and actual is None:
            verdict = "cancelled"
        elif actual is None:
            verdict = "not yet known"
        elif diff[0] is None:
            verdict = "took place"
        else:
            verdict = verdict_of(diff[0])
        out.append({
            "slot": slot, "item": main["label"], "kind": main["kind"],
            "actors": main["actors"],
            "certainty": (cancelled if verdict == "cancelled" else actual if actual is not None else main)["certainty"],
            "planned_modifier": str(main["modifier"]),
            "actual_modifier": "" if actual is None else str(actual["modifier"]),
            "planned_start": main["start"] if not pd.isna(main["start"]) else None,
            "planned_earliest": p_win[0], "planned_latest": p_win[1],
            "planned_end_earliest": p_end[0], "planned_end_latest": p_end[1],
            "planned_minutes": _minutes(planned),
            "actual_start": None if actual is None or pd.isna(actual["start"]) else actual["start"],
            "actual_earliest": a_win[0], "actual_latest": a_win[1],
            "actual_end": None if actual is None or pd.isna(actual["end"]) else actual["end"],
            "actual_end_earliest": a_end[0], "actual_end_latest": a_end[1],
            "actual_minutes": _minutes(actual), "actual_origin": "" if actual is None else actual["origin"],
            "diff_min": diff[0], "diff_low": diff[1], "diff_high": diff[2], "verdict": verdict,
            "end_diff_min": end_diff[0], "end_diff_low": end_diff[1], "end_diff_high": end_diff[2],
            "end_verdict": verdict_of(end_diff[0]),
        })
    table = pd.DataFrame(out, columns=COLUMNS)
    for c in [c for c in COLUMNS if c.startswith(("planned_", "actual_"))
              and not c.endswith(("minutes", "origin", "modifier"))]:
        table[c] = pd.to_datetime(table[c], utc=True)
    for c in ("diff_min", "diff_low", "diff_high", "end_diff_min", "end_diff_low", "end_diff_high"):
        table[c] = table[c].astype("Int64")
    order = table["planned_start"].fillna(table["planned_earliest"]).fillna(table["actual_earliest"])
    return table.assign(_o=order).sort_values("_o", na_position="last").drop(columns="_o").reset_index(drop=True)
