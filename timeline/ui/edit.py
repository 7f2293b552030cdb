"""Correcting a stored document's events: a form for the selected event, one for a missing event, and the
edit history with undo. Shown only to a session holding the document's edit token."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..errors import TimelineError
from ..events.edits import UNMATCHED, row_record
from ..schema import KINDS, MODIFIERS, STATUSES
from ..store import StoreError
from ..text.scan import line_number, newline_offsets
from ..text.zones import earliest_reading, get_zone
from ..views.safe import md_escape

WALL = "%Y-%m-%d %H:%M"


def wall(ts, zone: str) -> str:
    return "" if pd.isna(ts) else pd.Timestamp(ts).tz_convert(zone).strftime(WALL)


def parse_wall(text: str, zone: str):
    """'2025-08-15 10:54' as wall time in zone -> UTC Timestamp, None for empty."""
    text = text.strip().replace("T", " ")
    if not text:
        return None
    try:
        naive = pd.Timestamp(text)
    except ValueError:
        raise TimelineError(f"{text!r} is not a time: write YYYY-MM-DD HH:MM") from None  # escaped where shown
    if naive.tzinfo is not None or pd.isna(naive):
        raise TimelineError(f"{text!r}: write the wall time without a zone, YYYY-MM-DD HH:MM")
    # The zones module's reading of a wall time: in a DST gap or fold, the earlier of the two instants.
    return pd.Timestamp(earliest_reading(get_zone(zone).zone, naive.date(), naive.hour * 60 + naive.minute))


def _fields(prefix: str, row: dict, zone: str, zones: list[str]) -> dict:
    """The editable fields of one event; values start from `row`."""
    kind = str(row.get("kind") or "other")
    status = str(row.get("status") or "actual")
    modifier = str(row.get("modifier") or "exact")
    shown_zones = list(dict.fromkeys([zone, *zones]))
    return {
        "label": st.text_input("Label", row.get("label") or "", key=f"{prefix}_label", max_chars=200),
        "kind": st.selectbox("Kind", KINDS, index=KINDS.index(kind) if kind in KINDS else 0, key=f"{prefix}_kind"),
        "status": st.selectbox("Status", STATUSES, index=STATUSES.index(status), key=f"{prefix}_status"),
        "actors": st.text_input("Actors (separated by ;)", row.get("actors") or "", key=f"{prefix}_actors",
                                max_chars=500),
        "zone": st.selectbox("Times below are wall times in", shown_zones, key=f"{prefix}_zone"),
        "start": st.text_input("Starts (YYYY-MM-DD HH:MM)", wall(row.get("start"), zone), key=f"{prefix}_start",
                               max_chars=40),
        "end": st.text_input("Ends (optional)", wall(row.get("end"), zone), key=f"{prefix}_end", max_chars=40),
        "modifier": st.selectbox("How exact", MODIFIERS, index=MODIFIERS.index(modifier) if modifier in MODIFIERS
                                 else 0, key=f"{prefix}_modifier"),
    }


def _changes(got: dict, row: dict) -> dict:
    """Only what differs from the row, times as ISO UTC."""
    after = {}
    for key in ("label", "kind", "status", "modifier"):
        if got[key] != (str(row.get(key)) if row.get(key) is not None else ""):
            after[key] = got[key]
    actors = "; ".join(a.strip() for a in got["actors"].split(";") if a.strip())
    if actors != (row.get("actors") or ""):
        after["actors"] = actors
    for key in ("start", "end"):
        value = parse_wall(got[key], got["zone"])
        old = row.get(key)
        old = None if old is None or (not isinstance(old, str) and pd.isna(old)) else pd.Timestamp(old)
        if value != old:
            after[key] = None if value is None else value.isoformat()
            after["stated_tz"] = got["zone"]
    return after


def _save(store, doc, token, action, target, before, after) -> None:
    state = st.session_state
    try:
        edit = store.add_edit(doc, token, action, target, before, after, session=state["sid"])
    except StoreError as exc:
        st.error(md_escape(str(exc), 500))
        return
    seen = state.get("seen_start", {}).get(doc, 0)       # the history as this session last showed it
    newer = [e for e in store.edits(doc) if seen < e.id < edit.id and e.session != state["sid"]]
    if newer:
        state["edit_notice"] = ("Another reader edited this document while you had it open. Both edits are "
                                "kept in the history; yours is the later one and is shown.")
    state.setdefault("seen_edit", {})[doc] = edit.id
    st.rerun()


def edit_panel(store, doc: str, token: str, events: pd.DataFrame, text: str, zone: str, zones: list[str],
               report: list) -> None:
    """The correction forms and the history. `events` is the table with edits applied."""
    by_id = events.set_index("event_id", drop=False)
    pick = st.session_state.get("ev") or ""
    if pick in by_id.index:
        row = row_record(by_id.loc[pick])
        with st.form(f"fix_{pick}"):
            st.caption("Correct the selected event")
            got = _fields(f"fix_{pick}", row, zone, zones)
            save = st.form_submit_button("Save correction", type="primary")
            drop = st.form_submit_button("Delete this event")
        if save or drop:
            try:
                after = {} if drop else _changes(got, row)
            except TimelineError as exc:
                st.error(md_escape(str(exc), 500))
                return
            if drop:
                _save(store, doc, token, "delete", pick, row, {})
            elif after:
                _save(store, doc, token, "change", pick, row, after)
            else:
                st.info("Nothing changed.")
    else:
        st.caption("Select an event (chart, table or the box above) to correct it.")
    with st.form("add_event", clear_on_submit=True):
        st.caption("Add a missing event")
        got = _fields("new", {"kind": "other", "status": "actual", "modifier": "exact"}, zone, zones)
        quote = st.text_input("Quote from the article that tells it (optional; ties it to the text)",
                              key="new_quote", max_chars=1000)
        add = st.form_submit_button("Add event")
    if add:
        try:
            after = _changes(got, {})
        except TimelineError as exc:
            st.error(md_escape(str(exc), 500))
            return
        if not after.get("start") and not got["label"].strip():
            st.error("Give the event at least a label and a start.")
            return
        after.update(label=got["label"].strip() or "Event", kind=got["kind"], status=got["status"],
                     modifier=got["modifier"], stated_text=got["start"].strip())
        at = text.find(quote.strip()) if quote.strip() else -1
        if at >= 0:
            after.update(span_start=at, span_end=at + len(quote.strip()), quote=quote.strip(),
                         line=line_number(newline_offsets(text), at))
        elif quote.strip():
            st.session_state["edit_notice"] = "That quote is not in the article; the event was added without it."
        _save(store, doc, token, "add", "", {}, after)
    history(store, doc, token, report, zone)


def _describe(edit, zone: str) -> str:
    before, after = edit.before, edit.after
    name = before.get("label") or after.get("label") or "event"
    if edit.action == "delete":
        return f"deleted “{name}” (line {before.get('line')})"
    if edit.action == "add":
        return f"added “{name}” at {wall(after.get('start'), zone) or 'no time'}"
    parts = []
    for key, value in after.items():
        if key == "stated_tz":
            continue
        old = before.get(key)
        if key in ("start", "end"):
            old, value = wall(old, zone) or "none", wall(value, zone) or "none"
        parts.append(f"{key} {old or '—'} → {value or '—'}")
    return f"changed “{name}”: " + "; ".join(parts)


def history(store, doc: str, token: str, report: list, zone: str) -> None:
    with st.expander(f"Edits ({len(report)})", expanded=bool(report)):
        if not report:
            st.text("No edits yet.")
        for edit, state in reversed(report):
            left, right = st.columns([6, 1])
            when = pd.Timestamp(edit.created).tz_convert(zone).strftime("%d %b %H:%M")
            note = {"undone": " [undone]", UNMATCHED: " [not found in the newer reading]"}.get(state, "")
            left.text(f"#{edit.id} {when} · {_describe(edit, zone)}{note}")
            label = "Redo" if edit.undone else "Undo"
            if right.button(label, key=f"undo_{edit.id}"):
                if store.set_undone(doc, token, edit.id, not edit.undone):
                    st.rerun()
