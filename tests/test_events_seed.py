"""The seed's events and its planned-vs-actual table against the gold file, field by field."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from timeline.pipeline import load
from timeline.events.schedule import build_schedule

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"
GOLD = ROOT / "tests" / "gold" / "alaska-summit-2025-08-15.nl.events.csv"
TIMES = ["start", "start_earliest", "start_latest", "end"]


@pytest.fixture(scope="module")
def events():
    return load(SEED).events


@pytest.fixture(scope="module")
def gold():
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def iso(value):
    return "" if pd.isna(value) else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def key(slot, status, origin, line):
    return slot, status, origin, int(line)


def test_same_events_as_gold(events, gold):
    got = sorted(key(r.slot, r.status, r.origin, r.line) for r in events.itertuples())
    want = sorted(key(g["slot"], g["status"], g["origin"], g["line"]) for g in gold)
    assert got == want


@pytest.mark.parametrize("field", TIMES + ["minutes_low", "minutes_high", "certainty", "actors"])
def test_gold_fields(events, gold, field):
    table = {key(r["slot"], r["status"], r["origin"], r["line"]): r for r in events.to_dict("records")}
    for g in gold:
        row = table[key(g["slot"], g["status"], g["origin"], g["line"])]
        if field in TIMES:
            assert iso(row[field]) == g[field], (g["slot"], g["status"], g["why"])
        elif field == "actors":
            want = set(filter(None, g["actors"].split(";")))
            assert want <= set(filter(None, row["actors"].split("; "))), (g["slot"], row["actors"])
        elif field.startswith("minutes"):
            assert ("" if pd.isna(row[field]) else str(row[field])) == g[field], g["slot"]
        else:
            assert row[field] == g[field], (g["slot"], g["status"])


def test_every_event_keeps_its_sources(events):
    merged = events[(events["slot"] == "meeting:Putin;Trump") & (events["status"] == "actual")].iloc[0]
    for told in ("L64: rond 11:27 uur lokale tijd", "L47: rond 11.30 uur lokale tijd", "L47: rond 14.15 uur"):
        assert told in merged["sources"]
    assert "15:27 uur EDT" in merged["sources"]              # the conversion is kept with its half


def test_derived_never_claims_a_stated_time(events):
    derived = events[events["origin"] == "derived"]
    assert len(derived) >= 4
    assert (derived["stated_text"] == "").all()


SCHEDULE = [
    # slot, verdict, diff point, low, high (minutes, actual minus planned), why
    ("arrival:Putin", "early", -15, -30, 0, "planned 11:00, landed 'kort voor 11.00' (10:30-11:00)"),
    ("meeting:Putin;Trump", "late", 28, -3, 60, "planned ~11:00 (10:45-11:15), began 11:27/11:30 (11:12-11:45)"),
    ("departure:Trump", "early", -90, -105, -75, "planned 17:45, left 'kort na 16.00' (16:00-16:30)"),
    ("arrival:Trump:return", "early", -75, -105, -45, "planned ~04:30 EDT (08:15-08:45Z), estimate 07:00-07:30Z"),
    ("meal", "cancelled", None, None, None, "planned lunch, reported as apparently dropped"),
    ("press:Putin;Trump", "took place", None, None, None, "planned without a time, held between talks and departure"),
]


@pytest.mark.parametrize("slot, verdict, point, low, high, why", SCHEDULE)
def test_schedule_rows(events, slot, verdict, point, low, high, why):
    board = build_schedule(events).set_index("slot")
    row = board.loc[slot]
    assert row["verdict"] == verdict, why
    got = [None if pd.isna(row[c]) else int(row[c]) for c in ("diff_min", "diff_low", "diff_high")]
    assert got == [point, low, high], why


def test_talks_end_forecast_against_actual(events):
    row = build_schedule(events).set_index("slot").loc["meeting:Putin;Trump"]
    assert (row["planned_minutes"], row["actual_minutes"]) == ("360-420", "150-180")
    # forecast end: start window 10:45-11:15 + 6 to 7 h; actual end 14:15 +-15 min
    assert iso(row["planned_end_earliest"]) == "2025-08-16T00:45:00Z"
    assert iso(row["planned_end_latest"]) == "2025-08-16T02:15:00Z"
    assert row["end_verdict"] == "early"
    assert row["end_diff_high"] < -120


def test_lunch_cancellation_keeps_its_uncertainty(events):
    row = build_schedule(events).set_index("slot").loc["meal"]
    assert row["certainty"] == "likely"
