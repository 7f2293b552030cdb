"""The seed's events against facts read from the article, and its planned-vs-actual board.

The gold (tests/gold/alaska-summit-2025-08-15.nl.events.csv) records what the article states, one fact a
row with the line it cites; the code's bookkeeping (slots, origins, ids) is not part of it.
"""

import csv
from pathlib import Path

import pandas as pd
import pytest

from timeline.evaluate import event_holds
from timeline.events.schedule import build_schedule
from timeline.pipeline import load

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"
GOLD = ROOT / "tests" / "gold" / "alaska-summit-2025-08-15.nl.events.csv"

with GOLD.open(encoding="utf-8", newline="") as fh:
    FACTS = list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def events():
    return load(SEED).events


@pytest.fixture(scope="module")
def board(events):
    return build_schedule(events)


def iso(value):
    return "" if pd.isna(value) else value.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("fact", FACTS, ids=[f"L{f['line']}-{f['kind']}-{f['status']}" for f in FACTS])
def test_fact_from_the_article(events, fact):
    assert event_holds(fact, events), fact["quote"]


def row_of(board, kind, actor=None):
    rows = board[(board["kind"] == kind) & board["actors"].fillna("").str.contains(actor or "")]
    assert len(rows) == 1, (kind, actor, board[["item", "kind", "actors"]].to_string())
    return rows.iloc[0]


SCHEDULE = [
    # kind, actor, verdict, diff point, low, high (minutes, actual minus planned), why
    ("arrival", "Putin", "early", -15, -30, 0, "planned 11:00 (L150), landed 'kort voor 11.00' (L103: 10:30-11:00)"),
    ("meeting", "Trump", "late", 28, -3, 60,
     "planned 'rond 15.00 uur EDT' = 11:00 AKDT (L161: 10:45-11:15), began ~11:27/11:30 (L64, L47: 11:12-11:45)"),
    ("departure", "Trump", "early", -90, -105, -75, "planned 17:45 (L18), left 'kort na 16.00' (L17: 16:00-16:30)"),
    ("meal", None, "cancelled", None, None, None, "L48 lunch planned, L19 'zonder een geplande lunch'"),
    ("press", "Trump", "took place", None, None, None, "L49 planned without a time; L29 they left the podium"),
]


@pytest.mark.parametrize("kind, actor, verdict, point, low, high, why", SCHEDULE)
def test_schedule_rows(board, kind, actor, verdict, point, low, high, why):
    row = row_of(board, kind, actor)
    assert row["verdict"] == verdict, why
    got = [None if pd.isna(row[c]) else int(row[c]) for c in ("diff_min", "diff_low", "diff_high")]
    assert got == [point, low, high], why


def test_return_planned_against_its_estimate(board):
    # L80: back at the White House 'rond 4:30 uur' EDT (08:15-08:45Z); L17: left 16:00-16:30 AKDT for a
    # seven-hour flight, so back 07:00-07:30Z: 45 to 105 minutes early.
    row = board[(board["kind"] == "arrival") & (board["planned_start"] == pd.Timestamp("2025-08-16T08:30Z"))]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["verdict"], row["actual_origin"]) == ("early", "derived")
    assert (int(row["diff_low"]), int(row["diff_high"])) == (-105, -45)


def test_talks_end_forecast_against_actual(board):
    row = row_of(board, "meeting", "Trump")
    # L78/L152 'zes tot zeven uur' forecast; L4/L47 'bijna drie uur' lasted
    assert (row["planned_minutes"], row["actual_minutes"]) == ("360-420", "150-180")
    # forecast end: start window 10:45-11:15 + 6 to 7 h; actual end L47 'rond 14.15 uur' +-15 min
    assert iso(row["planned_end_earliest"]) == "2025-08-16T00:45:00Z"
    assert iso(row["planned_end_latest"]) == "2025-08-16T02:15:00Z"
    assert iso(row["actual_end"]) == "2025-08-15T22:15:00Z"
    assert row["end_verdict"] == "early"
    assert row["end_diff_high"] < -120


def test_merged_talks_keep_every_telling(events):
    talks = events[(events["kind"] == "meeting") & (events["status"] == "actual")]
    assert len(talks) == 1
    sources = talks.iloc[0]["sources"]
    for told in ("L64: rond 11:27 uur lokale tijd", "L47: rond 11.30 uur lokale tijd", "L47: rond 14.15 uur",
                 "15:27 uur EDT"):
        assert told in sources


def test_derived_never_claims_a_stated_time(events):
    derived = events[events["origin"] == "derived"]
    # L121 landing after 'iets meer dan zes uur in de lucht'; L17 departure for a 'zeven uur durende vlucht'
    assert len(derived) == 2
    assert (derived["stated_text"] == "").all()


def test_people_come_from_the_text_and_metadata(events):
    people = {a for cell in events["actors"].dropna() for a in cell.split("; ") if a}
    assert {"Trump", "Putin"} <= people
    assert "Poetin" not in people          # the metadata's alias names him Putin
