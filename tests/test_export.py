"""Export → import keeps every field (DESIGN.md §7); iCalendar and HTML exports are well formed."""

import json
import re
from datetime import datetime, timezone

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings, strategies as st
from pandas.testing import assert_frame_equal

from timeline.views.export import (ExportFormatError, figure_html, from_csv, from_json, to_csv, to_ics,
                             to_json)
from timeline.pipeline import load
from timeline.schema import EVENT_SCHEMA, TIME, make_table

SEED = "data/alaska-summit-2025-08-15.nl.txt"
NASTY = ["", " ", ",", ";", '"', '""', "\\", "\n", "\r\n", "\r", "a,b;c", 'say "hi", then\nleave',
         "Поетін — café 🎉", " padded ", "\ufeffbom", "tab\there", "\x00nul", "=1+1", "null", "NaN", "NA"]
ROUNDTRIPS = [(to_csv, from_csv), (to_json, from_json)]


@pytest.fixture(scope="module")
def seed():
    return load(SEED).events


def table(rows: list[dict], extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """make_table, but Int64 columns built exactly: make_table goes through float64 when a column
    mixes ints and NA, which rounds or overflows ints beyond 2**53."""
    ints = [n for n, d in EVENT_SCHEMA.items() if d == "Int64"]
    t = make_table([{k: v for k, v in r.items() if k not in ints} for r in rows])
    for name in ints:
        t[name] = pd.array([r.get(name) for r in rows], dtype="Int64")
    for name in extra:
        t[name] = pd.array([r.get(name) for r in rows], dtype="string")
    return t


def row(event_id="e1", **fields):
    return {"event_id": event_id, "label": "Air Force One lands", "kind": "arrival", "status": "actual",
            "start": pd.Timestamp("2025-08-15T19:22:00Z"), **fields}


# --- hypothesis tables ----------------------------------------------------------------------------
strings = st.one_of(st.none(), st.sampled_from(NASTY), st.text(max_size=30))
times = st.one_of(st.none(), st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                                          timezones=st.just(timezone.utc)).map(pd.Timestamp))
ints = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1))


def value(dtype, strings=strings, times=times, ints=ints):
    """A strategy for one cell of `dtype`, from these strategies (tests/test_fuzz.py passes wider ones)."""
    if dtype == TIME:
        return times
    if dtype == "Int64":
        return ints
    if isinstance(dtype, pd.CategoricalDtype):
        return st.one_of(st.none(), st.sampled_from(list(dtype.categories)))
    return strings


EXTRA = ("reviewer", "notes")  # columns the schema does not (yet) declare
COLUMNS = {**EVENT_SCHEMA, **{e: "string" for e in EXTRA}}
rows_st = st.lists(st.fixed_dictionaries({n: value(d) for n, d in COLUMNS.items()}), max_size=6)
tables = st.builds(table, rows_st, st.sampled_from([(), EXTRA[:1], EXTRA]))


# --- CSV and JSON round trips ---------------------------------------------------------------------
@pytest.mark.parametrize("dump, read", ROUNDTRIPS)
def test_seed_round_trips(seed, dump, read):
    assert len(seed) > 0
    assert_frame_equal(read(dump(seed)), seed)


@pytest.mark.parametrize("dump, read", ROUNDTRIPS)
def test_empty_table_round_trips(dump, read):
    assert_frame_equal(read(dump(make_table([]))), make_table([]))


@pytest.mark.parametrize("dump, read", ROUNDTRIPS)
def test_imported_dtypes_are_the_schemas(seed, dump, read):
    assert read(dump(seed)).dtypes.to_dict() == make_table([]).dtypes.to_dict()


@pytest.mark.parametrize("dump, read", ROUNDTRIPS)
@settings(max_examples=150, deadline=None)
@given(t=tables)
def test_any_table_round_trips(dump, read, t):
    if dump is to_json and t.empty:
        t = t[list(EVENT_SCHEMA)]  # "[]" names no columns: an empty table's extra columns are not kept
    assert_frame_equal(read(dump(t)), t)


@pytest.mark.parametrize("dump, read", ROUNDTRIPS)
def test_every_category_round_trips(dump, read):
    cats = {n: list(d.categories) for n, d in EVENT_SCHEMA.items() if isinstance(d, pd.CategoricalDtype)}
    width = max(map(len, cats.values()))
    t = table([row(f"e{i}", **{n: c[i % len(c)] for n, c in cats.items()}) for i in range(width)])
    assert_frame_equal(read(dump(t)), t)


def test_times_are_iso_utc():
    t = table([row(start=pd.Timestamp("2025-08-15T11:22:00-08:00"), end=None,
                   start_earliest=pd.Timestamp("2025-08-15T19:21:59.5Z"))])
    assert ",2025-08-15T19:22:00Z,," in to_csv(t)
    rec = json.loads(to_json(t))[0]
    assert rec["start"] == "2025-08-15T19:22:00Z" and rec["end"] is None
    assert rec["start_earliest"] == "2025-08-15T19:21:59.500000Z"  # a fraction is kept, not truncated


def test_json_is_the_records(seed):
    from timeline.views.export import records
    assert json.loads(to_json(seed)) == records(seed)


def test_csv_empty_string_differs_from_missing():
    t = table([row(actors=""), row("e2", actors=None)])
    back = from_csv(to_csv(t))
    assert back.loc[0, "actors"] == "" and pd.isna(back.loc[1, "actors"])


def test_extra_columns_come_back_as_strings_after_the_schema():
    t = table([row(reviewer="A. Jansen, desk", notes="checked; twice")], extra=EXTRA)
    for dump, read in ROUNDTRIPS:
        back = read(dump(t))
        assert list(back.columns) == list(EVENT_SCHEMA) + list(EXTRA)
        assert_frame_equal(back, t)


@pytest.mark.parametrize("read, text, match", [
    (from_csv, "", "no header"),
    (from_csv, "label,kind\r\nx,other\r\n", "no header"),
    (from_csv, "event_id,kind\r\ne1,party\r\n", "'kind'.*party"),
    (from_csv, "event_id,line\r\ne1,1.5\r\n", "'line'"),
    (from_csv, "event_id,label\r\ne1\r\n", "record 2 has 1 fields"),
    (from_csv, 'event_id,label\r\ne1,"open\r\n', "unexpected"),
    (from_csv, "event_id,event_id\r\n", "repeated"),
    (from_json, "{}", "list of objects"),
    (from_json, "[1]", "list of objects"),
    (from_json, "[", "JSON"),
    (from_json, '[{"event_id": "e1", "status": "maybe"}]', "'status'.*maybe"),
    (from_json, '[{"event_id": "e1", "line": 2.5}]', "'line'"),
])
def test_bad_imports_raise_a_named_error(read, text, match):
    with pytest.raises(ExportFormatError, match=match):
        read(text)


def test_old_export_without_a_new_column_still_loads(seed):
    text = to_json(seed.drop(columns=["slot"]))
    back = from_json(text)
    assert back["slot"].isna().all()
    assert_frame_equal(back.drop(columns=["slot"]), seed.drop(columns=["slot"]))


# --- iCalendar ------------------------------------------------------------------------------------
def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse_ics(text: str) -> list[dict]:
    """A tiny RFC 5545 reader: check line endings, unfold, then one dict of properties per VEVENT."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    raw = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    events, current = [], None
    for line in lines:
        name, _, val = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"repeated {name}"
            current[name] = val
    return events


def utc_stamp(ts) -> str:
    return pd.Timestamp(ts).tz_convert("UTC").strftime("%Y%m%dT%H%M%SZ")


def test_ics_has_one_event_per_timed_row_at_its_utc_start(seed):
    t = pd.concat([seed, table([row("untimed", start=None)])], ignore_index=True)
    events = parse_ics(to_ics(t, calendar_name="Alaska summit"))
    timed = t[t["start"].notna()]
    assert len(events) == len(timed) < len(t)  # the untimed row has no VEVENT
    for ev, (_, r) in zip(events, timed.iterrows()):
        assert ev["DTSTART"] == utc_stamp(r["start"])
        assert ev["UID"] == r["event_id"] + "@summit-timeline.local"
        assert unescape(ev["SUMMARY"]) == f"{r['label']} [{r['status']}]"
        if pd.isna(r["end"]) or r["end"] <= r["start"]:
            assert ev["DURATION"] == "PT0S" and "DTEND" not in ev  # a moment
        else:
            assert ev["DTEND"] == utc_stamp(r["end"]) and "DURATION" not in ev
        assert re.fullmatch(r"\d{8}T\d{6}Z", ev["DTSTAMP"])
        description = unescape(ev["DESCRIPTION"])
        for field in ("quote", "stated_text", "modifier"):
            assert pd.isna(r[field]) or str(r[field]) in description


def test_ics_dtend_and_status():
    t = table([row(end=pd.Timestamp("2025-08-15T20:00:00Z"), status="planned"),
               row("e2", status="cancelled")])
    first, second = parse_ics(to_ics(t, calendar_name="x"))
    assert (first["DTEND"], first["STATUS"], "DURATION" in first) == ("20250815T200000Z", "TENTATIVE", False)
    assert second["STATUS"] == "CANCELLED"


def test_ics_is_reproducible_or_stamped_with_now(seed):
    assert to_ics(seed, calendar_name="x") == to_ics(seed, calendar_name="x")
    now = datetime(2025, 8, 20, 12, 0, tzinfo=timezone.utc)
    events = parse_ics(to_ics(seed, calendar_name="x", now=now))
    assert events and all(ev["DTSTAMP"] == "20250820T120000Z" for ev in events)


@pytest.mark.parametrize("label", [
    "a,b;c\\d\ne", "Поетін — café 🎉", "Поетін — café 🎉 " * 12, "🎉" * 40, "x" * 74 + "é" * 3,
    "; ,\\n literally", 'quote "in" it',
])
def test_ics_escapes_folds_and_unfolds_back(label):
    text = to_ics(table([row(label=label, status=None)]), calendar_name=label)
    (ev,) = parse_ics(text)
    assert unescape(ev["SUMMARY"]) == label
    if len(label.encode()) > 70:
        assert "\r\n " in text  # it really was folded


def test_ics_escaping_is_exact():
    (ev,) = parse_ics(to_ics(table([row(label="a,b;c\\d\ne", status=None)]), calendar_name="c"))
    assert ev["SUMMARY"] == "a\\,b\\;c\\\\d\\ne"


def test_ics_drops_control_characters():
    (ev,) = parse_ics(to_ics(table([row(label="bell\x07 and\r\nline", status=None)]), calendar_name="c"))
    assert unescape(ev["SUMMARY"]) == "bell and\nline"


@settings(max_examples=100, deadline=None)
@given(t=tables)
def test_ics_of_any_table_parses(t):
    events = parse_ics(to_ics(t, calendar_name="any"))
    starts = t["start"].dropna()
    assert [ev["DTSTART"] for ev in events] == [utc_stamp(s) for s in starts]


# --- Standalone figure ----------------------------------------------------------------------------
def test_figure_html_is_a_full_offline_page():
    html = figure_html(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))
    assert html.lstrip().lower().startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert "<body>" in html and "Plotly.newPlot" in html
    assert re.search(r"plotly\.js v\d", html), "plotly.js is embedded"
    assert not re.search(r"<(script|link)[^>]*(src|href)=", html), "nothing is loaded from elsewhere"
    # The only cdn.plot.ly inside is plotly.js's own default topojsonURL (used by geo maps only).
    topojson_default = 'topojsonURL:{valType:"string",noBlank:!0,dflt:"https://cdn.plot.ly'
    assert html.count("cdn.plot.ly") == html.count(topojson_default)


FORMULAS = ["=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\r=1",
            "'=already quoted", "''+two quotes", "'plain", "a = b", "-"]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_cells_a_spreadsheet_would_run_are_defused_and_come_back(value, monkeypatch):
    """A label from the article such as "=HYPERLINK(...)" is written behind a "'", so a spreadsheet shows
    it as text; from_csv takes the quote off again, so the round trip keeps every value."""
    import timeline.views.export as export

    t = table([row(label=value, quote=value)])
    text = to_csv(t)
    back = from_csv(text)
    assert back.loc[0, "label"] == value and back.loc[0, "quote"] == value
    monkeypatch.setattr(export, "_restored", lambda v: v)     # the raw cells as written
    cells = [c for line in export._parse_csv(text) for c in line if c]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
