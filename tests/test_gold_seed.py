"""The seed article against its gold file (tests/gold/*.mentions.csv, written by reading the article)."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"
GOLD = ROOT / "tests" / "gold" / "alaska-summit-2025-08-15.nl.mentions.csv"


@pytest.fixture(scope="module")
def gold():
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def printed():
    """What the documented command prints."""
    out = subprocess.run([sys.executable, "-m", "timeline", "extract", str(SEED), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def key(row):
    return int(row["line"]), row["text"]


def test_gold_cites_real_lines(gold):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for row in gold:
        assert row["text"] in lines[int(row["line"]) - 1], row


def test_all_17_clock_times_and_nothing_else(gold, printed):
    want = {key(r): r for r in gold if r["kind"] == "clock"}
    got = {key(m): m for m in printed if m["kind"] == "clock"}
    assert len(want) == 17
    assert sorted(got) == sorted(want)
    for k, row in want.items():
        m = got[k]
        assert (m["utc"], m["modifier"], m["tz"]) == (row["utc"], row["modifier"], row["tz"]), k


def test_clock_windows_hold_the_instant(printed):
    for m in printed:
        if m["kind"] == "clock":
            assert m["earliest"] <= m["utc"] <= m["latest"], m


def test_durations(gold, printed):
    want = {key(r): r for r in gold if r["kind"] == "duration"}
    got = {key(m): m for m in printed if m["kind"] == "duration"}
    assert sorted(got) == sorted(want)
    for k, row in want.items():
        lo, hi = map(int, row["minutes"].split("-"))
        assert got[k]["minutes"] == [lo, hi], k
        assert got[k]["modifier"] == row["modifier"], k
        assert got[k]["utc"] is None


def test_offsets_point_into_the_file(printed):
    text = SEED.open(encoding="utf-8", newline="").read()
    for m in printed:
        assert text[m["start"]:m["end"]] == m["text"]


def test_seed_is_the_shared_seed_copied_exactly():
    shared = ROOT.parent / "shared" / "seed" / "000_1756a104c309ffd5.txt"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()
