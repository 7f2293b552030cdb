"""Human-readable times and differences for the schedule (CLI text, dashboard cells)."""

from __future__ import annotations

import pandas as pd

from ..text.zones import get_zone


def clock(ts, tz: str, day=None) -> str:
    """"10:22 AKDT", with the date when it is not `day` (a date in tz)."""
    local = ts.tz_convert(get_zone(tz).zone)
    text = local.strftime("%H:%M %Z")
    return text if day is None or local.date() == day else local.strftime("%a %d %b ") + text


MARK = {"approx": "≈", "after": "after ", "before": "before ", "exact": ""}


def window(point, lo, hi, tz: str, day=None, modifier: str = "approx") -> str:
    """"≈11:27 AKDT (11:12–11:45)", "after 16:00 AKDT (16:00–16:30)", "16:00–16:30 AKDT", or ""."""
    if pd.isna(lo) and pd.isna(point):
        return ""
    if pd.isna(lo) or lo == hi:
        return clock(point if not pd.isna(point) else lo, tz, day)
    first = clock(lo, tz, day)
    zone = get_zone(tz).zone
    # One date for a window within a day ("Sat 16 Aug 00:15–00:45 AKDT"); both across midnight.
    same_day = lo.tz_convert(zone).date() == hi.tz_convert(zone).date()
    last = clock(hi, tz) if same_day else clock(hi, tz, day=lo.tz_convert(zone).date())
    span = f"{first.rsplit(' ', 1)[0]}–{last.rsplit(' ', 1)[0]} {first.rsplit(' ', 1)[1]}"
    if pd.isna(point):
        return span
    return f"{MARK.get(modifier, '≈')}{clock(point, tz, day)} ({lo.tz_convert(zone):%H:%M}–" \
           f"{hi.tz_convert(zone):%H:%M})"


def minutes(value) -> str:
    """"45 min", "6 h", "2 h 30 min"."""
    h, m = divmod(abs(int(value)), 60)
    return f"{h} h {m} min" if h and m else f"{h} h" if h else f"{m} min"


def difference(point, low, high) -> str:
    """"75–105 min early", "≈27 min late (−3 to +60)", "on time"."""
    if pd.isna(point):
        return ""
    low, high = int(low), int(high)
    if high < 0:
        return f"{minutes(-high)}–{minutes(-low)} early" if low != high else f"{minutes(low)} early"
    if low > 0:
        return f"{minutes(low)}–{minutes(high)} late" if low != high else f"{minutes(low)} late"
    word = "early" if point < 0 else "late" if point > 0 else "on time"
    return f"≈{minutes(point)} {word} ({low:+d} to {high:+d} min)" if word != "on time" else \
        f"on time ({low:+d} to {high:+d} min)"


def length(text: str) -> str:
    if not text:
        return ""
    parts = [minutes(int(x)) for x in text.split("-")]
    return parts[0] if len(parts) == 1 else f"{parts[0]}–{parts[1]}"


def format_schedule(table: pd.DataFrame, tz: str, day=None, title: str = "") -> str:
    """The schedule as a fixed-width text board."""
    head = ["item", "planned", "actual", "difference", "verdict"]
    rows = []
    for r in table.itertuples():
        note = " (est.)" if r.actual_origin == "derived" else ""
        rows.append([r.item, window(r.planned_start, r.planned_earliest, r.planned_latest, tz, day,
                                    r.planned_modifier),
                     window(r.actual_start, r.actual_earliest, r.actual_latest, tz, day, r.actual_modifier) + note,
                     difference(r.diff_min, r.diff_low, r.diff_high),
                     r.verdict + ("" if r.certainty == "certain" else f" ({r.certainty})")])
        if not pd.isna(r.planned_end_earliest) or not pd.isna(r.actual_end_earliest):
            told = f"; lasted {length(r.actual_minutes)}" if r.actual_minutes else ""
            rows.append(["  end" + (f" (forecast {length(r.planned_minutes)}{told})" if r.planned_minutes else ""),
                         window(None, r.planned_end_earliest, r.planned_end_latest, tz, day),
                         window(r.actual_end, r.actual_end_earliest, r.actual_end_latest, tz, day),
                         difference(r.end_diff_min, r.end_diff_low, r.end_diff_high), r.end_verdict])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = ([title] if title else []) + [line(head), line(["-" * w for w in widths])] + [line(r) for r in rows]
    if not rows:
        out.append("(nothing planned or cancelled is told in this text)")
    return "\n".join(out) + "\n"
