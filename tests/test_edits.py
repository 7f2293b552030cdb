"""Readers' edits laid over a real event table (timeline/events/edits.py, DESIGN.md §8).

The table is the engine's reading of tests/corpus/biden-xi-woodside-2023-11-15.en.txt (15 November 2023,
America/Los_Angeles = PST = UTC-8). Rows are found by what the article says (line, kind, status), and the
instants are worked out by hand from the article:
- line 20 "sat down ... shortly after 11:20 a.m., and the talks began": talks, actual, 19:20Z, after;
- line 24 "At about 3:15 p.m. Biden and Xi left the house for a stroll": a walk, not a departure (kind);
- line 25 "the Chinese motorcade left the estate at about 3:40 p.m.": Xi's departure only (actors);
- line 16 "No joint news conference was planned ... for Xi": no press conference of Xi's (status);
- line 22 "In Beijing it was 3:30 a.m. on Thursday": the time of day in Beijing, no event of its own (delete);
- line 12 "11:00 a.m. ... President Biden arrives at Filoli": planned, exact, 19:00Z.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from timeline.events.edits import apply_edits, find_target, row_record
from timeline.pipeline import load
from timeline.schema import EVENT_SCHEMA
from timeline.store.base import Edit

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "corpus" / "biden-xi-woodside-2023-11-15.en.txt"
DOC = "biden-xi-woodside-2023-11-15.en"
CREATED = "2025-01-01T00:00:00+00:00"


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(tmp_path / "store.sqlite3"))


@pytest.fixture(scope="module")
def engine() -> pd.DataFrame:
    return load(ARTICLE).events


@pytest.fixture
def table(engine) -> pd.DataFrame:
    return engine.copy()


def row_at(table: pd.DataFrame, line: int, kind: str | None = None, status: str | None = None) -> pd.Series:
    rows = table[table["line"] == line]
    if kind:
        rows = rows[rows["kind"].astype(str) == kind]
    if status:
        rows = rows[rows["status"].astype(str) == status]
    assert len(rows) == 1, (line, kind, status, rows[["label", "kind", "status"]])
    return rows.iloc[0]


_ids = iter(range(1, 10_000))


def change(row, after: dict, **kw) -> Edit:
    return Edit(next(_ids), DOC, "change", str(row["event_id"]), row_record(row), after, CREATED, **kw)


def delete(row, **kw) -> Edit:
    return Edit(next(_ids), DOC, "delete", str(row["event_id"]), row_record(row), {}, CREATED, **kw)


def add(after: dict, **kw) -> Edit:
    return Edit(next(_ids), DOC, "add", "", {}, after, CREATED, **kw)


def one(table: pd.DataFrame, event_id: str) -> pd.Series:
    rows = table[table["event_id"] == event_id]
    assert len(rows) == 1, event_id
    return rows.iloc[0]


def same_rows(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """The same rows with the same values, whatever their order (apply_edits may sort by time)."""
    def by_id(t):
        return t.sort_values("event_id").reset_index(drop=True)
    assert_frame_equal(by_id(got), by_id(want))


def said(row) -> dict:
    return json.loads(row["engine_said"])


def assert_schema(table: pd.DataFrame) -> None:
    assert list(table.columns) == list(EVENT_SCHEMA)
    for column, dtype in EVENT_SCHEMA.items():
        assert table[column].dtype == dtype, (column, table[column].dtype, dtype)


UTC = pd.Timestamp


# --------------------------------------------------------------------------- the engine's rows we edit

def test_the_rows_the_tests_edit_are_what_the_article_says(engine):
    talks = row_at(engine, 20, "meeting", "actual")
    assert talks["start"] == UTC("2023-11-15T19:20Z") and str(talks["modifier"]) == "after"
    assert row_at(engine, 12, "arrival", "planned")["start"] == UTC("2023-11-15T19:00Z")
    assert str(row_at(engine, 12, "arrival", "planned")["modifier"]) == "exact"
    assert row_at(engine, 24)["start"] == UTC("2023-11-15T23:15Z")
    assert row_at(engine, 25)["start"] == UTC("2023-11-15T23:40Z")
    assert len(engine[engine["line"] == 22]) == 1
    assert len(engine[engine["line"] == 16]) == 1
    assert engine["event_id"].is_unique
    assert engine["engine_said"].isna().all()
    assert set(engine["origin"].astype(str)) <= {"extracted", "derived"}


# --------------------------------------------------------------------------- change

def test_change_start_on_an_exact_row(table):
    arrival = row_at(table, 12, "arrival", "planned")
    out, report = apply_edits(table, [change(arrival, {"start": "2023-11-15T19:05:00Z"})], DOC)
    assert [state for _, state in report] == ["applied"]
    row = one(out, arrival["event_id"])
    assert str(row["origin"]) == "edited"
    assert row["start"] == row["start_earliest"] == row["start_latest"] == UTC("2023-11-15T19:05Z")
    assert UTC(said(row)["start"]) == UTC("2023-11-15T19:00Z")
    assert len(out) == len(table)


def test_change_start_keeps_the_modifier_window(table):
    """The talks began "shortly after 11:20 a.m." (after: +0 to +30 min); a reader moves the start to 11:25."""
    talks = row_at(table, 20, "meeting", "actual")
    out, report = apply_edits(table, [change(talks, {"start": "2023-11-15T19:25:00Z"})], DOC)
    assert [state for _, state in report] == ["applied"]
    row = one(out, talks["event_id"])
    assert str(row["origin"]) == "edited"
    assert row["start"] == UTC("2023-11-15T19:25Z")
    assert row["start_earliest"] == UTC("2023-11-15T19:25Z")
    assert row["start_latest"] == UTC("2023-11-15T19:55Z")
    assert str(row["modifier"]) == "after"
    assert UTC(said(row)["start"]) == UTC("2023-11-15T19:20Z")


def test_change_start_and_modifier_exact_collapses_the_window(table):
    talks = row_at(table, 20, "meeting", "actual")
    out, _ = apply_edits(table, [change(talks, {"start": "2023-11-15T19:22:00Z", "modifier": "exact"})], DOC)
    row = one(out, talks["event_id"])
    assert row["start"] == row["start_earliest"] == row["start_latest"] == UTC("2023-11-15T19:22Z")
    assert str(row["modifier"]) == "exact"
    assert said(row)["modifier"] == "after"
    assert UTC(said(row)["start"]) == UTC("2023-11-15T19:20Z")


def test_change_start_given_in_another_offset_is_stored_as_utc(table):
    talks = row_at(table, 20, "meeting", "actual")
    out, _ = apply_edits(table, [change(talks, {"start": "2023-11-15T11:25:00-08:00"})], DOC)
    assert one(out, talks["event_id"])["start"] == UTC("2023-11-15T19:25Z")


def test_change_label_kind_status_actors(table):
    stroll = row_at(table, 24)
    motorcade = row_at(table, 25)
    press = row_at(table, 16)
    edits = [
        change(stroll, {"label": "Biden and Xi stroll through the gardens", "kind": "other"}),
        change(motorcade, {"actors": "Xi", "label": "Xi's motorcade leaves Filoli"}),
        change(press, {"status": "cancelled"}),
    ]
    out, report = apply_edits(table, edits, DOC)
    assert [state for _, state in report] == ["applied"] * 3
    row = one(out, stroll["event_id"])
    assert (row["label"], str(row["kind"])) == ("Biden and Xi stroll through the gardens", "other")
    assert said(row) == {"label": stroll["label"], "kind": str(stroll["kind"])}
    assert row["start"] == stroll["start"], "a change of kind leaves the time alone"
    row = one(out, motorcade["event_id"])
    assert (row["actors"], row["label"]) == ("Xi", "Xi's motorcade leaves Filoli")
    assert said(row) == {"actors": motorcade["actors"], "label": motorcade["label"]}
    row = one(out, press["event_id"])
    assert str(row["status"]) == "cancelled"
    assert said(row) == {"status": str(press["status"])}
    for r in (stroll, motorcade, press):
        assert str(one(out, r["event_id"])["origin"]) == "edited"
    untouched = out[~out["event_id"].isin([stroll["event_id"], motorcade["event_id"], press["event_id"]])]
    assert untouched["engine_said"].isna().all()
    assert (untouched["origin"].astype(str) != "edited").all()


def test_a_second_change_of_a_field_keeps_the_engines_value(table):
    talks = row_at(table, 20, "meeting", "actual")
    first = change(talks, {"start": "2023-11-15T19:25:00Z"})
    once, _ = apply_edits(table, [first], DOC)
    second = change(one(once, talks["event_id"]), {"start": "2023-11-15T19:24:00Z"})
    out, report = apply_edits(table, [first, second], DOC)
    assert [state for _, state in report] == ["applied", "applied"]
    row = one(out, talks["event_id"])
    assert row["start"] == UTC("2023-11-15T19:24Z")
    assert UTC(said(row)["start"]) == UTC("2023-11-15T19:20Z"), "the engine's, not the first edit's 19:25"


def test_a_field_not_editable_is_ignored(table):
    talks = row_at(table, 20, "meeting", "actual")
    out, _ = apply_edits(table, [change(talks, {"quote": "made up", "line": 1, "label": "Talks"})], DOC)
    row = one(out, talks["event_id"])
    assert row["quote"] == talks["quote"] and row["line"] == talks["line"]
    assert row["label"] == "Talks"
    assert set(said(row)) == {"label"}


# --------------------------------------------------------------------------- delete and add

def test_delete_removes_exactly_that_row(table):
    beijing = row_at(table, 22)
    out, report = apply_edits(table, [delete(beijing)], DOC)
    assert [state for _, state in report] == ["applied"]
    assert len(out) == len(table) - 1
    assert sorted(out["event_id"]) == sorted(i for i in table["event_id"] if i != beijing["event_id"])
    same_rows(out, table[table["event_id"] != beijing["event_id"]])


def test_add_appends_an_edited_row():
    """The garden walk (line 24) as its own event, added by a reader."""
    text = ARTICLE.read_text(encoding="utf-8")
    quote = "At about 3:15 p.m. Biden and Xi left the house for a stroll through the formal gardens"
    start = text.index(quote)
    table = load(ARTICLE).events
    after = {"label": "Garden walk: Biden and Xi", "kind": "other", "status": "actual", "actors": "Biden; Xi",
             "start": "2023-11-15T23:15:00Z", "modifier": "approx", "line": 24, "span_start": start,
             "span_end": start + len(quote), "quote": quote}
    edit = add(after)
    out, report = apply_edits(table, [edit], DOC)
    assert [state for _, state in report] == ["applied"]
    assert len(out) == len(table) + 1
    new = out[~out["event_id"].isin(table["event_id"])]
    assert len(new) == 1
    same_rows(out[out["event_id"].isin(table["event_id"])], table)
    row = new.iloc[0]
    assert row["event_id"].startswith("edit-")
    assert str(row["origin"]) == "edited"
    assert row["doc"] == DOC
    assert (row["label"], str(row["kind"]), str(row["status"]), row["actors"]) == \
        ("Garden walk: Biden and Xi", "other", "actual", "Biden; Xi")
    assert row["start"] == UTC("2023-11-15T23:15Z")
    assert (row["start_earliest"], row["start_latest"]) == (UTC("2023-11-15T23:00Z"), UTC("2023-11-15T23:30Z"))
    assert (row["span_start"], row["span_end"], row["quote"]) == (start, start + len(quote), quote)
    assert row["line"] == 24
    assert_schema(out)
    # the same edit gives the same id: a share link to the added event keeps working
    again, _ = apply_edits(table, [edit], DOC)
    assert row["event_id"] in set(again["event_id"])


def test_add_without_time_or_span(table):
    out, report = apply_edits(table, [add({"label": "Xi's dinner speech ends", "kind": "speech",
                                           "status": "actual", "actors": "Xi"})], DOC)
    assert [state for _, state in report] == ["applied"]
    new = out[~out["event_id"].isin(table["event_id"])]
    assert len(new) == 1 and len(out) == len(table) + 1
    row = new.iloc[0]
    assert pd.isna(row["start"]) and pd.isna(row["start_earliest"]) and pd.isna(row["span_start"])
    assert row["doc"] == DOC and row["event_id"].startswith("edit-")


# --------------------------------------------------------------------------- undo and order

def test_undone_edits_are_skipped(table):
    talks = row_at(table, 20, "meeting", "actual")
    beijing = row_at(table, 22)
    edits = [change(talks, {"start": "2023-11-15T19:25:00Z"}, undone=True), delete(beijing, undone=True),
             add({"label": "x", "kind": "other", "status": "actual"}, undone=True)]
    out, report = apply_edits(table, edits, DOC)
    assert [state for _, state in report] == ["undone"] * 3
    assert [e for e, _ in report] == edits
    same_rows(out, table)


def test_an_undone_edit_among_applied_ones(table):
    talks = row_at(table, 20, "meeting", "actual")
    edits = [change(talks, {"start": "2023-11-15T19:25:00Z"}),
             change(talks, {"start": "2023-11-15T19:40:00Z"}, undone=True)]
    out, report = apply_edits(table, edits, DOC)
    assert [state for _, state in report] == ["applied", "undone"]
    assert one(out, talks["event_id"])["start"] == UTC("2023-11-15T19:25Z")


def test_change_then_delete_removes_the_row(table):
    talks = row_at(table, 20, "meeting", "actual")
    out, report = apply_edits(table, [change(talks, {"label": "Talks"}), delete(talks)], DOC)
    assert [state for _, state in report] == ["applied", "applied"]
    assert talks["event_id"] not in set(out["event_id"])
    assert len(out) == len(table) - 1


def test_delete_then_change_finds_nothing_to_change(table):
    talks = row_at(table, 20, "meeting", "actual")
    out, report = apply_edits(table, [delete(talks), change(talks, {"label": "Talks"})], DOC)
    assert [state for _, state in report] == ["applied", "unmatched"]
    assert talks["event_id"] not in set(out["event_id"])
    assert (out["label"] != "Talks").all()


# --------------------------------------------------------------------------- a newer engine

def reextracted(engine: pd.DataFrame, shift: int = 0) -> pd.DataFrame:
    """The engine table as a newer engine might give it: other event ids, spans moved by `shift`."""
    out = engine.copy()
    out["event_id"] = ("v2-" + out["event_id"].str.split(":").str[-1].str[::-1]).astype("string")
    out["span_start"] = (out["span_start"] + shift).astype("Int64")
    out["span_end"] = (out["span_end"] + shift).astype("Int64")
    return out


def reader_edits(engine: pd.DataFrame) -> list[tuple[Edit, int]]:
    """Edits made on the old table, each with the line of the row it is about."""
    return [(change(row_at(engine, 20, "meeting", "actual"), {"start": "2023-11-15T19:25:00Z"}), 20),
            (change(row_at(engine, 24), {"kind": "other", "label": "Garden walk"}), 24),
            (change(row_at(engine, 25), {"actors": "Xi"}), 25),
            (change(row_at(engine, 16), {"status": "cancelled"}), 16)]


@pytest.mark.parametrize("shift", [0, 3], ids=["same-spans", "spans-moved-by-3"])
def test_edits_follow_their_event_to_a_new_id(engine, shift):
    newer = reextracted(engine, shift)
    assert not set(newer["event_id"]) & set(engine["event_id"])
    for edit, line in reader_edits(engine):
        want = row_at(newer, line)
        assert find_target(newer, edit.target, edit.before) == want.name, line
        out, report = apply_edits(newer, [edit], DOC)
        assert [state for _, state in report] == ["applied"], line
        changed = out[out["origin"].astype(str) == "edited"]
        assert list(changed["event_id"]) == [want["event_id"]], line
        row = changed.iloc[0]
        for key, value in edit.after.items():
            if key == "start":
                assert row["start"] == UTC(value)
            else:
                assert str(row[key]) == value, key
        assert len(out) == len(newer)


def test_edits_follow_their_event_by_quote_when_spans_moved_far(engine):
    newer = reextracted(engine, shift=10_000)
    edit, line = reader_edits(engine)[0]
    out, report = apply_edits(newer, [edit], DOC)
    assert [state for _, state in report] == ["applied"]
    row = out[out["origin"].astype(str) == "edited"]
    assert list(row["line"]) == [line]


def test_an_edit_whose_span_and_quote_are_nowhere_is_unmatched(engine):
    newer = reextracted(engine, 0)
    talks = row_at(engine, 20, "meeting", "actual")
    before = {**row_record(talks), "span_start": 100_000, "span_end": 100_024,
              "quote": "Nothing like this sentence is in the article."}
    edit = Edit(next(_ids), DOC, "change", str(talks["event_id"]), before, {"label": "Talks"}, CREATED)
    out, report = apply_edits(newer, [edit], DOC)
    assert report == [(edit, "unmatched")]
    same_rows(out, newer)
    gone = Edit(next(_ids), DOC, "delete", str(talks["event_id"]), before, {}, CREATED)
    out, report = apply_edits(newer, [gone], DOC)
    assert report == [(gone, "unmatched")]
    same_rows(out, newer)


# --------------------------------------------------------------------------- schema

def test_table_after_edits_keeps_the_schema(table):
    talks = row_at(table, 20, "meeting", "actual")
    edits = [change(talks, {"start": "2023-11-15T19:25:00Z", "label": "Talks"}), delete(row_at(table, 22)),
             add({"label": "Garden walk", "kind": "other", "status": "actual", "start": "2023-11-15T23:15:00Z"})]
    out, _ = apply_edits(table, edits, DOC)
    assert_schema(out)
    assert out["event_id"].is_unique


def test_no_edits_returns_the_table_as_is(table):
    out, report = apply_edits(table, [], DOC)
    assert report == []
    assert_frame_equal(out, table)
    assert_schema(out)


# --------------------------------------------------------------------------- a reader's added row

# A row a reader added has no slot and maybe no quote: matching again must treat missing as no match.
@pytest.mark.parametrize("added", [
    pytest.param({"label": "A reader's event", "kind": "other", "status": "actual"}, id="added-without-quote"),
    pytest.param("same-sentence", id="added-on-same-sentence"),
])
def test_rematching_after_a_new_engine_with_a_readers_added_row(engine, added):
    """A reader added an event, then changed one of the engine's; a newer engine gives new ids."""
    talks = row_at(engine, 20, "meeting", "actual")
    if added == "same-sentence":
        added = {"label": "Delegations sit down", "kind": "meeting", "status": "actual", "quote": talks["quote"],
                 "span_start": int(talks["span_start"]), "span_end": int(talks["span_end"])}
    edits = [add(added), change(talks, {"label": "Talks begin"})]
    newer = reextracted(engine, 0)
    out, report = apply_edits(newer, edits, DOC)
    assert [state for _, state in report] == ["applied", "applied"]
    assert one(out, row_at(newer, 20, "meeting", "actual")["event_id"])["label"] == "Talks begin"
