"""The first event table: schema, dtypes and provenance."""

import pandas as pd

import timeline
from timeline.article import load_article
from timeline.events import events_from_mentions, table_to_records
from timeline.schema import EVENT_SCHEMA, TIME, make_table

SEED = "data/alaska-summit-2025-08-15.nl.txt"


def seed_table():
    art = load_article(SEED)
    return art, events_from_mentions(art, timeline.extract(art.text, date=art.event_date, tz=art.local_tz,
                                                            lang=art.language))


def test_columns_and_dtypes_follow_the_schema():
    _, table = seed_table()
    assert list(table.columns) == list(EVENT_SCHEMA)
    for column, dtype in EVENT_SCHEMA.items():
        assert str(table[column].dtype) == str(dtype), column
    assert str(table["start"].dtype) == TIME


def test_one_event_per_placed_clock_time_with_provenance():
    art, table = seed_table()
    assert len(table) == 17
    for row in table.itertuples():
        assert art.text[row.span_start:row.span_end] == row.stated_text
        assert row.stated_text in row.quote
        assert row.start_earliest <= row.start <= row.start_latest
        assert pd.isna(row.end)
    # Air Force One, line 121: 10:22 AKDT
    landing = table[table["line"] == 121].iloc[0]
    assert landing["start"] == pd.Timestamp("2025-08-15T18:22:00Z")


def test_ids_are_stable_and_unique():
    _, a = seed_table()
    _, b = seed_table()
    assert a["event_id"].tolist() == b["event_id"].tolist()
    assert a["event_id"].is_unique


def test_empty_table_is_well_formed():
    table = make_table([])
    assert list(table.columns) == list(EVENT_SCHEMA) and len(table) == 0
    assert str(table["start"].dtype) == TIME
    assert table_to_records(table) == []


def test_records_are_json_ready():
    _, table = seed_table()
    rec = table_to_records(table)[0]
    assert rec["start"].endswith("Z") and rec["end"] is None and isinstance(rec["line"], int)
