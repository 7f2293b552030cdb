"""Readers' corrections laid over the engine's event table, and matched again after a re-extraction.

An edit names the event it changed by id and keeps that row's provenance (`before`). When a newer engine
gives the event another id, the edit finds it again by its place in the text (overlapping span, then the
same quote), preferring the same kind and status. An edit that finds nothing is reported, never dropped.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd

from ..schema import EVENT_SCHEMA, TIME, make_table
from ..settings import CLOCK_WINDOWS

EDITABLE = ("label", "kind", "status", "actors", "start", "end", "stated_tz", "modifier")
APPLIED, UNDONE, UNMATCHED = "applied", "undone", "unmatched"


def row_record(row) -> dict:
    """One event row as JSON-ready values (times as ISO UTC), for an edit's `before`."""
    out = {}
    for name in EVENT_SCHEMA:
        value = row[name] if name in row else None
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            out[name] = None
        elif EVENT_SCHEMA[name] == TIME:
            out[name] = pd.Timestamp(value).tz_convert("UTC").isoformat()
        else:
            out[name] = value.item() if hasattr(value, "item") else value
    return out


def _same(value, wanted) -> bool:
    return wanted is not None and not pd.isna(value) and value == wanted


def find_target(table: pd.DataFrame, target: str, before: dict):
    """Index of the row an edit is about: same id, else the best provenance match, else None."""
    same = table.index[table["event_id"] == target]
    if len(same):
        return same[0]
    a, b = before.get("span_start"), before.get("span_end")
    best, score = None, 0.0
    for idx, r in table.iterrows():
        s, e = r["span_start"], r["span_end"]
        # A reader's added row may have no span, quote or slot: missing is no match, never an error.
        overlap = 0 if a is None or b is None or pd.isna(s) or pd.isna(e) else min(b, e) - max(a, s)
        quoted = bool(before.get("quote")) and _same(r["quote"], before["quote"])
        if overlap <= 0 and not quoted:
            continue
        points = (overlap > 0) * 2 + quoted + (str(r["kind"]) == before.get("kind")) \
            + (str(r["status"]) == before.get("status")) + _same(r["slot"], before.get("slot")) * 0.5
        if points > score:
            best, score = idx, points
    return best


def _times(row: dict, after: dict) -> dict:
    """The changed fields with windows that follow a changed time and modifier."""
    out = dict(after)
    modifier = after.get("modifier") or row.get("modifier") or "exact"
    low, high = CLOCK_WINDOWS.get(modifier, CLOCK_WINDOWS["exact"])
    for part in ("start", "end"):
        if part in after or "modifier" in after:
            value = after.get(part, row.get(part))
            t = None if value in (None, "") else pd.Timestamp(value).tz_convert("UTC")
            out[part] = t
            out[f"{part}_earliest"] = None if t is None else t + low
            out[f"{part}_latest"] = None if t is None else t + high
    return out


def added_id(edit) -> str:
    return "edit-" + hashlib.sha1(f"{edit.doc}|{edit.id}".encode()).hexdigest()[:10]


def apply_edits(table: pd.DataFrame, edits, doc: str = "") -> tuple[pd.DataFrame, list[tuple]]:
    """The table with every edit that is not undone applied in order, and (edit, state) for each."""
    if not edits:
        return table, []
    rows = [row_record(r) for _, r in table.iterrows()]
    frame = table.reset_index(drop=True)       # rebuilt after each change: the next edit is matched in it
    report = []
    for edit in edits:
        if edit.undone:
            report.append((edit, UNDONE))
            continue
        if edit.action == "add":
            new = {name: None for name in EVENT_SCHEMA}
            new.update(edit.after, event_id=added_id(edit), origin="edited", doc=doc or edit.doc,
                       engine_said=json.dumps({"added": True}))
            rows.append({**new, **_times(new, {k: edit.after[k] for k in ("start", "end") if k in edit.after})})
        else:
            idx = find_target(frame, edit.target, edit.before)
            if idx is None:
                report.append((edit, UNMATCHED))
                continue
            if edit.action == "delete":
                del rows[idx]
            else:
                row = rows[idx]
                said = json.loads(row["engine_said"]) if row.get("engine_said") else {}
                changed = {k: v for k, v in edit.after.items() if k in EDITABLE}
                for key in changed:
                    said.setdefault(key, row.get(key))       # the engine's value, not an earlier edit's
                row.update(_times(row, changed), origin="edited", engine_said=json.dumps(said, default=str))
        frame = make_table(rows)
        report.append((edit, APPLIED))
    order = frame["start"].fillna(frame["start_earliest"])   # a moved event takes its new place in time
    return frame.assign(_o=order).sort_values(["_o", "line"], na_position="last").drop(columns="_o") \
        .reset_index(drop=True), report
