"""The event table: schema, dtypes, provenance, stable ids, and empty inputs."""

from datetime import date

import pandas as pd
import pytest

from timeline.text.article import Article
from timeline.events.grouping import events_from_mentions
from timeline.views.export import records
from timeline.text.extract import extract
from timeline.pipeline import load
from timeline.events.schedule import build_schedule
from timeline.schema import EVENT_SCHEMA, TIME, make_table

SEED = "data/alaska-summit-2025-08-15.nl.txt"


def table_for(text, lang="nl"):
    # These snippets name the leaders without titles, as a blog does after its opening lines: the
    # people come from the metadata, as they would for such an article.
    art = Article(path=None, doc="t", text=text, language=lang, event_date=date(2025, 8, 15),
                  local_tz="America/Anchorage", actors=["Trump", "Putin"], aliases={"Trump": ["Air Force One"]})
    return events_from_mentions(art, extract(text, date=art.event_date, tz=art.local_tz, lang=lang))


def test_columns_and_dtypes_follow_the_schema():
    table = load(SEED).events
    assert list(table.columns) == list(EVENT_SCHEMA)
    for column, dtype in EVENT_SCHEMA.items():
        assert str(table[column].dtype) == str(dtype), column


def test_stated_times_point_at_their_text():
    loaded = load(SEED)
    for row in loaded.events.itertuples():
        if row.origin == "extracted" and not pd.isna(row.start):
            told = loaded.article.text[row.span_start:row.span_end]
            assert told in row.stated_text and told in row.sources
        if not pd.isna(row.start):
            assert row.start_earliest <= row.start <= row.start_latest


def test_ids_are_stable_and_unique():
    a, b = load(SEED).events, load(SEED).events
    assert a["event_id"].tolist() == b["event_id"].tolist()
    assert a["event_id"].is_unique


def test_empty_table_is_well_formed():
    table = make_table([])
    assert list(table.columns) == list(EVENT_SCHEMA) and len(table) == 0
    assert str(table["start"].dtype) == TIME
    assert records(table) == []


@pytest.mark.parametrize("text, lang", [
    ("Het weer in Anchorage was vrijdag zonnig en er stond weinig wind.", "nl"),
    ("Analysts expect little from the talks, which most observers call symbolic.", "en"),
    ("", "en"),
])
def test_text_without_times_gives_empty_tables(text, lang):
    table = table_for(text, lang)
    assert list(table.columns) == list(EVENT_SCHEMA) and len(table) == 0
    board = build_schedule(table)
    assert len(board) == 0 and "verdict" in board.columns


def test_reports_without_plans_give_events_but_no_schedule():
    table = table_for("Air Force One landed at 10:22 a.m. local time. The talks began at 11:30 a.m. "
                      "and ended at 2:15 p.m.", "en")
    assert set(table["status"]) == {"actual"}
    assert {"arrival", "meeting"} <= set(table["kind"])
    assert len(build_schedule(table)) == 0


def test_english_planned_vs_actual():
    text = ("Trump was scheduled to depart at 5:45 p.m. local time.\n"
            "Trump left Anchorage shortly after 4 p.m. local time.\n")
    board = build_schedule(table_for(text, "en")).set_index("slot")
    row = board.loc["departure:Trump"]
    # 17:45 planned; 16:00-16:30 actual: between 75 and 105 min early
    assert (row["verdict"], int(row["diff_low"]), int(row["diff_high"])) == ("early", -105, -75)


def test_records_are_json_ready():
    rec = records(load(SEED).events)
    timed = next(r for r in rec if r["start"] is not None)
    assert timed["start"].endswith("Z") and isinstance(timed["line"], int)
    assert any(r["start"] is None and r["start_earliest"] is not None for r in rec)


ENGLISH_BLOG = """Trump-Putin summit live updates
Air Force One touched down at Joint Base Elmendorf-Richardson at 10:22 a.m. local time (2:22 p.m. ET), after just over six hours in the air.
Putin's plane landed shortly before 11 a.m. local time. Putin had been expected to land at 11 a.m.
The leaders were expected to meet at about 11 a.m. local time, or 3 p.m. ET. The Kremlin said the talks could last six to seven hours.
The meeting began at around 11:30 a.m. local time and ended at about 2:15 p.m., according to the Kremlin.
The expanded lunch with more officials appears to have been scrapped.
Trump was scheduled to depart at 5:45 p.m. local time. He left shortly after 4 p.m. local time for the seven-hour flight back to Washington.
"""

ENGLISH_BOARD = [
    # slot, verdict, point, low, high, why (minutes, actual minus planned)
    ("arrival:Putin", "early", -15, -30, 0, "expected 11:00; landed shortly before 11 (10:30-11:00)"),
    ("meeting:Putin;Trump", "late", 30, 0, 60, "expected about 11 (10:45-11:15); began around 11:30 (11:15-11:45)"),
    ("departure:Trump", "early", -90, -105, -75, "scheduled 17:45; left shortly after 16:00 (16:00-16:30)"),
    ("meal", "cancelled", None, None, None, "the expanded lunch appears to have been scrapped"),
]


@pytest.mark.parametrize("slot, verdict, point, low, high, why", ENGLISH_BOARD)
def test_english_live_blog_schedule(slot, verdict, point, low, high, why):
    board = build_schedule(table_for(ENGLISH_BLOG, "en")).set_index("slot")
    row = board.loc[slot]
    assert row["verdict"] == verdict, why
    assert [None if pd.isna(row[c]) else int(row[c]) for c in ("diff_min", "diff_low", "diff_high")] == \
        [point, low, high], why


def test_english_live_blog_derived_times():
    table = table_for(ENGLISH_BLOG, "en").set_index("slot")
    # landed 18:22Z after 6 h to 6 h 30 in the air: took off 11:52Z-12:22Z
    takeoff = table.loc["departure:Trump:outbound"]
    assert (takeoff["start_earliest"], takeoff["start_latest"]) == (pd.Timestamp("2025-08-15T11:52Z"),
                                                                    pd.Timestamp("2025-08-15T12:22Z"))
    # left 16:00-16:30 AKDT (00:00-00:30Z) for seven hours: back 07:00-07:30Z
    back = table.loc["arrival:Trump:return"]
    assert back["origin"] == "derived" and back["start_earliest"] == pd.Timestamp("2025-08-16T07:00Z")
