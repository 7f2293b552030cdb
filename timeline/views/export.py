"""Event table out and back in: CSV and JSON (lossless round trips), iCalendar, standalone figure HTML.
Pure functions returning text; the caller decides where it goes (DESIGN.md §7)."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pandas as pd

from ..errors import TimelineError
from ..schema import EVENT_SCHEMA, TIME

ICS_STATUS = {"planned": "TENTATIVE", "actual": "CONFIRMED", "cancelled": "CANCELLED"}


class ExportFormatError(TimelineError, ValueError):
    """Text that is not an event-table export (bad CSV/JSON shape, unknown category, bad value)."""


def _iso(ts) -> str | None:
    # "YYYY-MM-DDTHH:MM:SSZ", plus a fraction of a second only when there is one: nothing is truncated.
    if pd.isna(ts):
        return None
    return ts.tz_convert("UTC").isoformat(timespec="microseconds" if ts.microsecond else "seconds")[:-6] + "Z"


def records(table: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values: times as ISO UTC text, every missing value as None."""
    columns = {}
    for name in table.columns:
        if EVENT_SCHEMA.get(name) == TIME:
            columns[name] = [_iso(v) for v in table[name]]
        else:
            columns[name] = [None if v is None or (not isinstance(v, str) and pd.isna(v))
                             else v.item() if hasattr(v, "item") else v for v in table[name]]
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _column(name: str, values: list) -> pd.Series:
    """One column in its schema dtype; columns the schema does not know are strings."""
    dtype = EVENT_SCHEMA.get(name, "string")
    try:
        if dtype == TIME:
            # format="ISO8601": rows with and without a fraction of a second parse alike.
            return pd.to_datetime(pd.Series(values, dtype=object), utc=True, format="ISO8601").astype(TIME)
        if dtype == "Int64":
            # Straight to Int64, never through float: ids and offsets above 2**53 stay exact.
            if any(isinstance(v, bool) or not isinstance(v, (int, str)) for v in values if v is not None):
                raise ValueError("not an integer")
            return pd.Series(pd.array([None if v is None else int(v) for v in values], dtype="Int64"))
        if isinstance(dtype, pd.CategoricalDtype):
            # astype would silently turn an unknown category into NA: refuse instead.
            unknown = {v for v in values if v is not None} - set(dtype.categories)
            if unknown:
                raise ValueError(f"not one of {list(dtype.categories)}: {sorted(map(str, unknown))}")
            return pd.Series(values, dtype=object).astype(dtype)
        return pd.Series(pd.array([None if v is None else str(v) for v in values], dtype="string"))
    except (ValueError, TypeError, OverflowError) as e:
        raise ExportFormatError(f"column {name!r}: {e}") from e


def _frame(names: list[str], rows: list[list]) -> pd.DataFrame:
    """The schema's columns in schema order (absent ones all NA, so older exports still load), then
    any extra columns in the order they came."""
    given = dict(zip(names, zip(*rows))) if rows else {n: () for n in names}
    order = list(EVENT_SCHEMA) + [n for n in names if n not in EVENT_SCHEMA]
    data = {n: _column(n, list(given.get(n, [None] * len(rows)))) for n in order}
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


# --- CSV -------------------------------------------------------------------------------------------
# Python 3.11's csv module cannot tell "" from a missing value, and the table holds both (actors is ""
# where no one is named, NA where unknown). So: an unquoted empty field is missing, a quoted one is "".
_FIELD, _EOL = re.compile(r'"((?:[^"]|"")*)"|([^,"\r\n]*)'), re.compile(r"\r\n?|\n")


# A cell a spreadsheet would run as a formula starts with one of these: it is written behind a "'" (and so is
# a cell whose leading quotes hide one, so that from_csv can take exactly one quote off and give it back).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _defused(text: str) -> str:
    return "'" + text if text.lstrip("'").startswith(_FORMULA) else text


def _restored(text: str | None) -> str | None:
    return text[1:] if text and text.startswith("'") and text.lstrip("'").startswith(_FORMULA) else text


def _csv_field(value) -> str:
    text = "" if value is None else _defused(str(value))
    quote = value is not None and (text == "" or any(c in text for c in ',"\r\n'))
    return '"' + text.replace('"', '""') + '"' if quote else text


def to_csv(table: pd.DataFrame) -> str:
    """RFC 4180 CSV with a header row; times as ISO UTC; missing values as empty unquoted fields; cells
    that a spreadsheet would run as formulas behind a "'" (from_csv removes it)."""
    lines = [",".join(_csv_field(n) for n in table.columns)]
    lines += [",".join(_csv_field(v) for v in rec.values()) for rec in records(table)]
    return "\r\n".join(lines) + "\r\n"


def _parse_csv(text: str) -> list[list[str | None]]:
    rows, pos, n = [], 0, len(text)
    while pos < n:
        row = []
        while True:
            m = _FIELD.match(text, pos)
            quoted, bare = m.group(1), m.group(2)
            row.append(_restored(quoted.replace('""', '"') if quoted is not None else (bare or None)))
            pos = m.end()
            if not text.startswith(",", pos):
                break
            pos += 1
        if eol := _EOL.match(text, pos):
            pos = eol.end()
        elif pos < n:
            raise ExportFormatError(f"CSV: unexpected {text[pos]!r} at offset {pos} (record {len(rows) + 1})")
        if row != [None]:  # a blank line
            rows.append(row)
    return rows


def from_csv(text: str) -> pd.DataFrame:
    """The table that to_csv wrote, with the schema's dtypes (extra columns come back as strings)."""
    rows = _parse_csv(text.removeprefix("\ufeff"))  # a BOM, if a spreadsheet added one
    if not rows or "event_id" not in rows[0]:
        raise ExportFormatError("CSV: no header row with an event_id column")
    header, body = rows[0], rows[1:]
    if None in header or len(set(header)) != len(header):
        raise ExportFormatError(f"CSV: empty or repeated column names in the header: {header}")
    for i, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise ExportFormatError(f"CSV: record {i} has {len(row)} fields, the header {len(header)}")
    return _frame(header, body)


# --- JSON ------------------------------------------------------------------------------------------
def to_json(table: pd.DataFrame) -> str:
    """A JSON list with one object per row; missing is null."""
    return json.dumps(records(table), ensure_ascii=False, indent=1)


def from_json(text: str) -> pd.DataFrame:
    """The table that to_json wrote; a key absent from an object counts as null."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as e:
        raise ExportFormatError(f"JSON: {e}") from e
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ExportFormatError("JSON: expected a list of objects, one per event")
    names = list(dict.fromkeys(k for r in records for k in r))
    return _frame(names, [[r.get(n) for n in names] for r in records])


# --- iCalendar (RFC 5545) --------------------------------------------------------------------------
_CTL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _ics_text(value) -> str:
    """Escape a TEXT value; RFC 5545 allows no control characters in it but HTAB."""
    s = "" if value is None or pd.isna(value) else str(value)
    s = s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CTL.sub("", s)


def _ics_time(ts) -> str:
    ts = pd.Timestamp(ts).tz_convert("UTC")  # DATE-TIME has whole seconds: the fraction is dropped
    return f"{ts.year:04d}{ts.month:02d}{ts.day:02d}T{ts.hour:02d}{ts.minute:02d}{ts.second:02d}Z"


def _fold(line: str) -> str:
    """Fold at 75 octets, counting UTF-8 bytes and never splitting a character; the leading space of
    a continuation line counts toward its 75."""
    parts, current, size = [], [], 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += n
    parts.append("".join(current))
    return "\r\n".join(parts)


def _description(rec: dict) -> str:
    zone = f" ({rec['stated_tz']})" if rec.get("stated_tz") else ""
    stated = rec.get("stated_text") and rec["stated_text"] + zone
    lo, hi = rec.get("start_earliest"), rec.get("start_latest")
    parts = [rec.get("quote") and f"Quote: {rec['quote']}", stated and f"Stated: {stated}",
             rec.get("modifier") and f"Modifier: {rec['modifier']}", lo and hi and f"Window: {lo} to {hi}"]
    return "\n".join(p for p in parts if p)


def _vevent(rec: dict, stamp: str, uid_domain: str) -> list[str]:
    start, end, status = _ics_time(rec["start"]), rec.get("end") and _ics_time(rec["end"]), rec.get("status")
    summary = (rec.get("label") or "") + (f" [{status}]" if status else "")
    return ["BEGIN:VEVENT", f"UID:{_ics_text(rec['event_id'])}@{uid_domain}", f"DTSTAMP:{stamp}",
            f"DTSTART:{start}",
            # DTEND must be later than DTSTART (RFC 5545 3.8.2.2): a moment is a zero DURATION instead.
            f"DTEND:{end}" if end and end > start else "DURATION:PT0S",
            f"SUMMARY:{_ics_text(summary)}", f"DESCRIPTION:{_ics_text(_description(rec))}",
            *([f"STATUS:{ICS_STATUS[status]}"] if status in ICS_STATUS else []),
            *([f"CATEGORIES:{_ics_text(rec['kind'])}"] if rec.get("kind") else []), "END:VEVENT"]


def to_ics(table: pd.DataFrame, *, calendar_name: str, now: datetime | None = None,
           uid_domain: str = "summit-timeline.local") -> str:
    """One VEVENT per row that has a start. DTSTAMP is `now` (aware), or else the latest start, so
    the same table always gives the same file."""
    timed = table[table["start"].notna()]
    stamp = _ics_time(now if now is not None else timed["start"].max()) if len(timed) else ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Summit Timeline//Export//EN", "CALSCALE:GREGORIAN",
             f"NAME:{_ics_text(calendar_name)}", f"X-WR-CALNAME:{_ics_text(calendar_name)}"]
    for rec in records(timed):
        lines += _vevent(rec, stamp, uid_domain)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


# --- Figure ----------------------------------------------------------------------------------------
def figure_html(fig) -> str:
    """A whole HTML page with plotly.js inside (~4.8 MB): "cdn" would open blank without internet. `fig` is
    a Figure or the dict of one plotly built (not validated again: that costs as much as building it)."""
    import plotly.io as pio      # noqa: PLC0415 - only when a page is made
    return pio.to_html(fig, include_plotlyjs=True, full_html=True, validate=False)
