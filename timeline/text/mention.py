"""The language-free mention: what extraction returns and what the CLI prints as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .zones import UTC, get_zone


def iso_utc(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str                         # clock | duration
    rule: str
    line: int = 0
    utc: datetime | None = None
    tz: str | None = None
    tz_source: str | None = None
    date_source: str | None = None
    modifier: str = "exact"
    earliest: datetime | None = None
    latest: datetime | None = None
    minutes: tuple | None = None
    pair: int | None = None
    conflict: str | None = None
    flags: tuple = ()
    # Working state of the resolver, not part of the JSON contract.
    wall: int | None = field(default=None, repr=False)          # minutes after midnight
    daypart: str | None = field(default=None, repr=False)
    zone_text: str | None = field(default=None, repr=False)
    mod_text: str | None = field(default=None, repr=False)
    candidates: tuple = field(default=(), repr=False)
    day: object = field(default=None, repr=False)             # calendar day in `tz`
    note: str | None = field(default=None, repr=False)        # why `utc` is null

    @property
    def local(self) -> datetime | None:
        if self.utc is None or self.tz is None:
            return None
        return self.utc.astimezone(get_zone(self.tz))

    def to_json(self) -> dict:
        local = self.local
        return {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "utc": iso_utc(self.utc),
            "local": local.isoformat() if local is not None else None,
            "tz": self.tz, "tz_source": self.tz_source, "date_source": self.date_source,
            "modifier": self.modifier,
            "earliest": iso_utc(self.earliest), "latest": iso_utc(self.latest),
            "minutes": list(self.minutes) if self.minutes is not None else None,
            "pair": self.pair, "conflict": self.conflict, "flags": list(self.flags),
            "line": self.line, "rule": self.rule,
        }
