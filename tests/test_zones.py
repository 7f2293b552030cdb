"""Zones: aliases, unknown names, and DST gaps and folds never silently shifted."""

from datetime import date, datetime

import pytest
import pytz

from timeline.errors import UnknownZone
from timeline.text.zones import get_zone, local_day_bounds, localize

CASES = [
    # zone, day, wall "HH:MM", expected UTC or flag, why
    ("Europe/Amsterdam", date(2024, 3, 31), "02:30", "dst_gap", "clocks jump 02:00 CET -> 03:00 CEST"),
    ("Europe/Amsterdam", date(2024, 10, 27), "02:30", "dst_fold", "02:00-03:00 happens twice"),
    ("Europe/Amsterdam", date(2024, 3, 31), "03:30", "2024-03-31T01:30Z", "CEST (+2) just after the gap"),
    ("Europe/Amsterdam", date(2024, 10, 27), "03:30", "2024-10-27T02:30Z", "CET (+1) just after the fold"),
    ("America/New_York", date(2025, 3, 9), "02:30", "dst_gap", "US spring forward"),
    ("America/New_York", date(2025, 11, 2), "01:30", "dst_fold", "US fall back"),
    ("America/Anchorage", date(2025, 8, 15), "10:22", "2025-08-15T18:22Z", "AKDT is UTC-8"),
    ("America/Anchorage", date(2025, 1, 15), "10:22", "2025-01-15T19:22Z", "AKST is UTC-9"),
    ("Asia/Kathmandu", date(2025, 8, 15), "12:00", "2025-08-15T06:15Z", "UTC+5:45"),
]


@pytest.mark.parametrize("zone, day, wall, want, why", CASES)
def test_localize(zone, day, wall, want, why):
    hh, mm = map(int, wall.split(":"))
    inst, flags, readings = localize(zone, day, hh * 60 + mm)
    if want.startswith("dst_"):
        assert inst is None and flags == (want,), why
        assert len(readings) == 2 and (readings[1] - readings[0]).total_seconds() == 3600, why
    else:
        assert inst.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%MZ") == want, why
        assert flags == ()


def test_midnight_at_end_of_day_is_next_day():
    inst, _, _ = localize("America/Anchorage", date(2025, 8, 15), 24 * 60)
    assert inst.isoformat() == "2025-08-16T00:00:00-08:00"


def test_no_lmt_offsets():
    # pytz's tzinfo= trap gives Anchorage +14:00 LMT; localize must give -08:00.
    inst, _, _ = localize("America/Anchorage", date(2025, 8, 15), 600)
    assert inst.utcoffset().total_seconds() == -8 * 3600


@pytest.mark.parametrize("alias, zone", [("akdt", "America/Anchorage"), ("ET", "America/New_York"),
                                         ("utc", "UTC"), ("msk", "Europe/Moscow"), ("kyiv", "Europe/Kyiv"),
                                         ("ams", "Europe/Amsterdam"), ("europe/amsterdam", "Europe/Amsterdam")])
def test_aliases(alias, zone):
    assert get_zone(alias).zone == zone


@pytest.mark.parametrize("bad", ["Mars/Base", "", "   ", "Europe/Amsterdm"])
def test_unknown_zone(bad):
    with pytest.raises(UnknownZone):
        get_zone(bad)


def test_unknown_zone_suggests():
    with pytest.raises(UnknownZone, match="Europe/Amsterdam"):
        get_zone("Europe/Amsterdm")


def test_day_bounds_over_dst():
    lo, hi = local_day_bounds("Europe/Amsterdam", date(2024, 3, 31))
    assert (hi - lo).total_seconds() == 23 * 3600
    assert lo == datetime(2024, 3, 30, 23, 0, tzinfo=pytz.utc)
