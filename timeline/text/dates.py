"""Dates written near a time: explicit dates, weekdays and relative days, read into calendar days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..errors import BadDate
from .langdata import Language, norm
from .scan import find, non_overlapping, paren_of

NUMERIC_DATE_HINT = re.compile(r"[0-9][./-][0-9]")
FUTURE_WEIGHT = 2            # a date without a year: a day ahead counts as twice as far as a day back
WEEKDAY_REACH = 3            # a weekday names the day with that name within this many days


@dataclass
class DateRef:
    start: int
    end: int
    day: date
    source: str               # explicit | weekday | relative
    daypart: str | None
    paren: tuple | None


def parse_date(value) -> date | None:
    """A date from `date`, `datetime` or YYYY-MM-DD; None stays None."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadDate(f"bad date {value!r}; write it as YYYY-MM-DD, e.g. 2025-08-15") from None


def day_of(groups: dict, lang: Language, event: date | None,
           published: date | None = None) -> tuple[date, str, str | None] | None:
    """(day, source, daypart) of one date match; "tonight" counts from `published` when known, "the next
    day" and weekdays from `event`."""
    daypart = None
    if groups.get("daypart"):
        daypart = lang.words["daypart_suffix"][norm(groups["daypart"])]
    if groups.get("relative"):
        spec = lang.words["relative_day"][norm(groups["relative"])].split()
        story = "story" in spec
        spec = [x for x in spec if x != "story"]
        anchor = event if story or published is None else published
        if anchor is None:
            return None
        return anchor + timedelta(days=int(spec[0])), "relative", spec[1] if len(spec) > 1 else None
    if groups.get("weekday"):
        if event is None:
            return None
        wanted = int(lang.words["weekday"][norm(groups["weekday"])])
        shift = (wanted - event.weekday()) % 7
        shift = shift - 7 if shift > WEEKDAY_REACH else shift
        return event + timedelta(days=shift), "weekday", daypart
    month = (int(groups["month_num"]) if groups.get("month_num")
             else int(lang.words["month"][norm(groups["month"])]))
    year = int(groups["year"]) if groups.get("year") else (event.year if event else None)
    if year is None:
        return None
    try:
        day = date(year, month, int(groups["day"]))
    except ValueError:
        return None
    if not groups.get("year") and event is not None:
        # "15 januari" in a December article is next year's; pick the year closest to the event.
        options = [d for d in (_safe(year - 1, month, day.day), day, _safe(year + 1, month, day.day)) if d]
        # The nearest, but a date months ahead is rarer than one months back ("lifted off on March 3").
        day = min(options, key=lambda d: abs((d - event).days) * (FUTURE_WEIGHT if d > event else 1))
    return day, "explicit", daypart


def _safe(y, m, d):
    try:
        return date(y, m, d)
    except ValueError:
        return None


def read_dates(text: str, start: int, end: int, lang: Language, event: date | None,
               parens, taken, published: date | None = None) -> list[DateRef]:
    # Skip the rules whose words are absent: a cheap look before the costly patterns.
    low = text[start:end].lower()
    kinds = set()
    if any(w in low for w in lang.anchors["date"]):
        kinds.add("date")
    if NUMERIC_DATE_HINT.search(text, start, end):
        kinds.add("numdate")
    rules = [r for r in lang.rules["date"] if r.anchors & kinds]
    hits = non_overlapping(find(text, rules, [(start, end)])) if rules else []
    out = []
    for h in hits:
        if any(not (h.end <= a or h.start >= b) for a, b in taken):
            continue
        got = day_of(h.match.groupdict(), lang, event, published)
        if got:
            out.append(DateRef(h.start, h.end, got[0], got[1], got[2], paren_of(h.start, parens)))
    return out


def date_for(pos: int, paren, refs: list[DateRef], end: int | None = None, others=()) -> DateRef | None:
    """The date written nearest a time at pos..end: inside its own parentheses, else outside any. A date
    inside another time's words ("7:25 p.m., 3:25 a.m. on Monday in London") is that time's alone."""
    end = pos if end is None else end
    refs = [r for r in refs if not any(a <= r.start < b for a, b in others)]
    own = [r for r in refs if paren is not None and r.paren == paren]
    pool = own or [r for r in refs if r.paren is None]
    if not pool:
        return None
    return min(pool, key=lambda r: (r.start - end if r.start >= end else max(0, pos - r.end), r.start > pos))
