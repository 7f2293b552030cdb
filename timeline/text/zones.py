"""Time zones through pytz: names and aliases, localizing wall times without silent DST shifts."""

from __future__ import annotations

import difflib
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import pytz

from ..errors import UnknownZone
from .langdata import load_toml

UTC = pytz.utc


@lru_cache(maxsize=None)
def aliases() -> dict:
    return dict(load_toml("zones").get("aliases", {}))


@lru_cache(maxsize=512)
def get_zone(name: str):
    """A pytz zone for an IANA name or a short alias ("akdt", "et", "kyiv")."""
    if not isinstance(name, str) or not name.strip():
        raise UnknownZone("empty time zone name; give an IANA name such as America/Anchorage")
    key = name.strip()
    key = aliases().get(key.lower(), key)
    try:
        return pytz.timezone(key)
    except pytz.UnknownTimeZoneError:
        pass
    # IANA names are case-sensitive in pytz; accept any case.
    lowered = {z.lower(): z for z in pytz.all_timezones}
    if key.lower() in lowered:
        return pytz.timezone(lowered[key.lower()])
    close = difflib.get_close_matches(key, pytz.all_timezones, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; use an IANA name such as Europe/Amsterdam"
    raise UnknownZone(f"unknown time zone {name!r}{hint}")


def zone_name(name) -> str:
    if not isinstance(name, str):          # a TOML list or number: say so before the cache hashes it
        raise UnknownZone(f"time zone must be a name such as America/Anchorage, not {name!r}")
    return get_zone(name).zone


@lru_cache(maxsize=4096)
def localize(zone_name_: str, day: date, minutes: int) -> tuple[datetime | None, tuple, tuple]:
    """The instant of a wall time `minutes` after midnight of `day` in a zone.

    Returns (aware datetime or None, flags, candidate instants). A wall time that does not exist or
    happens twice gives None, a flag and both readings, never a silent choice.
    """
    zone = get_zone(zone_name_)
    day = day + timedelta(days=minutes // 1440)
    minutes %= 1440
    naive = datetime.combine(day, time(minutes // 60, minutes % 60))
    try:
        return zone.localize(naive, is_dst=None), (), ()
    except pytz.NonExistentTimeError:
        flag = "dst_gap"
    except pytz.AmbiguousTimeError:
        flag = "dst_fold"
    readings = sorted({zone.localize(naive, is_dst=True).astimezone(UTC),
                       zone.localize(naive, is_dst=False).astimezone(UTC)})
    return None, (flag,), tuple(readings)


@lru_cache(maxsize=1024)
def local_day_bounds(zone_name_: str, day: date) -> tuple[datetime, datetime]:
    """UTC start and end of a calendar day in a zone (DST-safe)."""
    return earliest_reading(zone_name_, day, 0), earliest_reading(zone_name_, day + timedelta(days=1), 0)


def earliest_reading(zone_name_: str, day: date, minutes: int) -> datetime:
    """The instant of a wall time, or its earlier reading where DST makes it missing or double
    (a zone whose clocks skip midnight starts its day there): for bounds and comparisons only."""
    inst, _, readings = localize(zone_name_, day, minutes)
    return inst.astimezone(UTC) if inst is not None else readings[0]


def offset_minutes(instant: datetime, zone_name_: str) -> int:
    return int(instant.astimezone(get_zone(zone_name_)).utcoffset().total_seconds() // 60)
