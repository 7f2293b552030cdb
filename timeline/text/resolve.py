"""Turns found times into instants: zones, dates, conversions (pairs), rollovers and windows."""

from __future__ import annotations

import re

from bisect import bisect_right
from datetime import date, timedelta

from .dates import DateRef, date_for, read_dates
from .langdata import Language, abbreviations, lookup_number, norm, place_pattern, places
from .mention import Mention
from .layout import Layout, zone_in
from .scan import Hit, line_number, newline_offsets, paren_of, paren_ranges
from ..settings import (CLOCK_WINDOWS, DURATION_APPROX_FRACTION, DURATION_SLACK,
                       PAIR_TOLERANCE)
from .zones import earliest_reading, get_zone, local_day_bounds, localize, offset_minutes

MORNING = {"morning", "night"}
NEWS_DAY_START = timedelta(hours=6)     # in a report of the night before, the local day runs 06:00 to 06:00
STORY_REACH = 3                         # lines over which an undated time keeps the day told before it
ALL_TIMES_LINES = 12                    # lines from the top where "all times are ..." rules the whole article
MIDNIGHT_JUMP = 6 * 60                  # minutes a stamp must fall back to have crossed midnight
STAMP_LINE = 100                        # a page stamp stands on a short line of its own
STORY_DAYS = 2                          # ... when that day lies this close to the event


def clock_parts(hit: Hit, lang: Language) -> tuple[int, int, int, str | None]:
    """(hour, minute, offset minutes, am/pm) as written."""
    g = hit.match.groupdict()
    if g.get("special"):
        key = norm(g["special"])
        table = lang.words["special_time"] if key in lang.words["special_time"] else lang.words["special_time_lead"]
        hh, mm = table[key].split(":")
        return int(hh), int(mm), 0, None
    hour = int(g["hour"]) if g.get("hour") else int(lookup_number(lang, g["hour_word"]))
    offset = int(lang.words["clock_offset"][norm(g["offset"])]) if g.get("offset") else 0
    ampm = lang.words["ampm"][norm(g["ampm"])] if g.get("ampm") else None
    return hour, int(g.get("minute") or 0), offset, ampm


def clock_valid(hit: Hit, lang: Language) -> bool:
    """Digits that cannot be a time of day are no clock: 25.00, 13 p.m., 24:30."""
    hour, minute, _, ampm = clock_parts(hit, lang)
    if ampm is not None:
        return 1 <= hour <= 12
    return hour < 24 or (hour == 24 and minute == 0)


def wall_minutes(hour: int, minute: int, offset: int, ampm: str | None, daypart: str | None) -> int:
    """Minutes after midnight; 24:00 (1440) is midnight at the end of the day.

    "half twaalf" is 11:30: the offset is applied first, then the 12-hour reading of the hour it gives.
    """
    total = hour * 60 + minute + offset
    hour, minute = divmod(total, 60) if total >= 0 else (12, total + 720)
    if offset and hour == 0:
        hour = 12                     # "half een" is half past twelve on a 12-hour clock
    if ampm == "am" and hour == 12:
        hour = 0
    elif ampm == "pm" and hour < 12:
        hour += 12
    elif ampm is None and daypart:
        if daypart in ("afternoon", "evening") and 1 <= hour < 12:
            hour += 12
        elif daypart == "night":
            hour = 0 if hour == 12 else hour + 12 if 6 <= hour <= 11 else hour
    return hour * 60 + minute


def duration_mention(text: str, hit: Hit, lang: Language) -> Mention:
    g = hit.match.groupdict()
    unit = int(lang.words["unit"][norm(g["unit"])])
    slack = DURATION_SLACK.get(unit, 5)
    if g.get("vague"):
        low, high = lang.words["vague_number"][norm(g["vague"])]
        lo, hi, modifier = low * unit, high * unit, "approx"
    elif g.get("low") and g.get("high"):
        lo, hi, modifier = lookup_number(lang, g["low"]) * unit, lookup_number(lang, g["high"]) * unit, "approx"
    else:
        n = lookup_number(lang, g["value"]) if g.get("value") else 1.0
        n = (n + 0.5 if g.get("plus_half") else n) * unit
        dmod = g.get("dmod") or hit.mod_text
        modifier = lang.words["duration_modifier"][norm(dmod)] if dmod else "exact"
        lo, hi = {"before": (n - slack, n), "after": (n, n + slack),
                  "approx": (n * (1 - DURATION_APPROX_FRACTION), n * (1 + DURATION_APPROX_FRACTION)),
                  }.get(modifier, (n, n))
    return Mention(start=hit.start, end=hit.end, text=text[hit.start:hit.end], kind="duration",
                   rule=hit.rule.name, modifier=modifier,
                   minutes=(int(round(max(lo, 0))), int(round(hi))))


class ClockResolver:
    """Resolves the clock times of one text, sentence by sentence."""

    def __init__(self, text: str, lang: Language, event: date | None, tz: str | None, sentences,
                 published: date | None = None, layout: Layout | None = None):
        self.text, self.lang, self.event, self.tz, self.published = text, lang, event, tz, published
        self.layout = layout
        self._header_dates: dict = {}
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.newlines = newline_offsets(text)
        self.next_pair = 1
        self.plain_tz = self.all_times() or tz     # the zone of a time that names none

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def run(self, hits: list[Hit]) -> list[Mention]:
        mentions = [self.base(h) for h in hits]
        groups: dict[int, list[tuple[Mention, Hit]]] = {}
        for m, h in zip(mentions, hits):
            groups.setdefault(self.sentence_of(m.start), []).append((m, h))
        # A date inside a mention's zone words ("2 a.m. on Thursday in Tokyo") is still read as a date.
        taken = [(m.start, h.core_end or m.end) for m, h in zip(mentions, hits)]
        self._taken = taken
        for idx, items in groups.items():
            self.sentence(idx, items, taken)
        self.rollover(mentions)
        self.stamp_days(mentions)
        self.story(mentions)
        for m in mentions:
            self.window(m)
        return mentions

    def dateline(self, start: int, end: int, h: Hit) -> bool:
        """A line of a date and this time only ("Monday 19 September 2022 21.15 BST"): the page's stamp."""
        refs = read_dates(self.text, start, end, self.lang, self.event, [], [(h.start, h.end)], self.published)
        if not refs:
            return False
        rest = self.text[start:h.start] + " " + self.text[h.end:end]
        for r in refs:
            rest = rest.replace(self.text[r.start:r.end], " ")
        return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 1

    def local_for(self, h: Hit) -> str | None:
        """What "local time" means for a time: the article's zone, unless its sentence puts it in a place of
        another zone ("In Moskou reageerde het ministerie rond 19.00 uur plaatselijke tijd")."""
        idx = self.sentence_of(h.start)
        if idx < 0:
            return self.tz
        s_start, _ = self.sentences[idx]
        # Only a place before the time: one after it is a conversion's ("11.00 uur lokale tijd, 12.00 uur
        # in Nederland").
        return next((z for z in self.named_zones(s_start, h.start, where=True) if z != self.tz), self.tz)

    def base(self, h: Hit) -> Mention:
        m = Mention(start=h.start, end=h.end, text=self.text[h.start:h.end], kind="clock",
                    rule=h.rule.name, mod_text=h.mod_text, daypart=h.daypart, zone_text=h.zone_text,
                    line=line_number(self.newlines, h.start))
        line_start = self.text.rfind("\n", 0, h.start) + 1
        line_end = self.text.find("\n", h.start)
        short = (line_end if line_end >= 0 else len(self.text)) - line_start <= STAMP_LINE
        if short and (self.lang.stamp is not None and self.lang.stamp.search(self.text, line_start, h.start)
                      or self.dateline(line_start, line_end if line_end >= 0 else len(self.text), h)):
            m.flags += ("stamp",)             # "Updated 14:32 CET": when the page changed, not an event
        if h.sharp:
            m.modifier = "exact"
        elif h.mod_text:
            m.modifier = self.lang.words["modifier"][norm(h.mod_text)]
        if h.zone:
            m.tz = self.local_for(h) if h.zone == "LOCAL" else h.zone
            m.tz_source = "stated"
        return m

    # ------------------------------------------------------------------ one sentence
    def sentence(self, idx: int, items, taken) -> None:
        s_start, s_end = self.sentences[idx]
        parens = paren_ranges(self.text, s_start, s_end)
        self.header_zones(items)
        pairs = self.find_pairs(items)
        open_pairs = self.find_open_pairs(items, pairs)
        self.carry_zones(items, pairs, s_start, s_end, skip={id(a) for a, _, _ in open_pairs},
                         partners={id(b) for _, _, b in open_pairs})
        refs = read_dates(self.text, s_start, s_end, self.lang, self.event, parens, taken, self.published)
        ref_of = {}
        # A date right after another time ("8 a.m. today") is that time's: the times each date lies in, found
        # once per sentence (a list of the other times for each time is quadratic in a sentence of many).
        inside = [(r, {id(x) for x, _ in items if x.start <= r.start < x.end + 3}) for r in refs]
        for m, h in items:
            mine = [r for r, times in inside if not times - {id(m)}]
            own_cell = self.stamp_cell(m)
            # A live-blog stamp is dated by its own cell, not by "tonight" in the update's words.
            others = [(own_cell[1], s_end)] if own_cell is not None else []
            ref_of[id(m)] = date_for(m.start, paren_of(m.start, parens), mine, m.end, others) \
                or self.header_date(m, taken)
            if m.tz is not None or not any(m is a for a, _, _ in open_pairs):
                self.place(m, h, ref_of[id(m)])
        for a, ha, b in open_pairs:
            self.choose_zone(a, ha, b, ref_of[id(a)], s_start, s_end)
            pairs.append((a, b) if a.start < b.start else (b, a))
        for a, b in pairs:
            self.join(a, b)

    def all_times(self) -> str | None:
        """A zone the article declares for all its times near its top ("Alle tijden in dit overzicht zijn
        Nederlandse tijd"), else None."""
        if self.lang.all_times is None:
            return None
        head_end = self.newlines[ALL_TIMES_LINES - 1] if len(self.newlines) >= ALL_TIMES_LINES else len(self.text)
        headers = {ln.header for ln in self.layout.lines} if self.layout is not None else set()
        for m in self.lang.all_times.finditer(self.text, 0, head_end):
            if line_number(self.newlines, m.start()) in headers:
                continue          # the header of a list speaks for that list only
            line_end = self.text.find("\n", m.end())
            zone = zone_in(self.text, m.start(), line_end if line_end >= 0 else len(self.text), self.lang, self.tz)
            if zone:
                return zone
        return None

    def stamp_cell(self, m: Mention) -> tuple[int, int] | None:
        """The cell of a stamp that leads a live-blog update row ("00:07 | ..."), else None."""
        if self.layout is None:
            return None
        ln = self.layout.line(m.line)
        if not ln.update or m.start > ln.lead_end:
            return None
        return ln.cells[0] if ln.cells else (ln.start, ln.lead_end)

    def stamp_days(self, mentions: list[Mention]) -> None:
        """Live-blog stamps cross midnight: newest first, a stamp earlier in the day than the one below it
        is the next day ("00:07" above "23:58"); oldest first, the same going down."""
        series = [m for m in mentions if m.utc is not None and self.stamp_cell(m) is not None
                  and m.date_source in ("article", "header", "night")]
        if len(series) < 2:
            return
        falls = sum(1 for a, b in zip(series, series[1:]) if b.wall < a.wall)
        newest_first = falls * 2 > len(series) - 1
        order = list(reversed(series)) if newest_first else series
        shift, prev = 0, order[0]
        for m in order[1:]:
            if m.wall < prev.wall - MIDNIGHT_JUMP:
                shift += 1
            if shift:
                self.shift([m], timedelta(days=shift), "sequence")
            prev = m

    def header_zones(self, items) -> None:
        """A time under a header that names a zone ("Alle tijden Nederlandse tijd", a "Time (ET)" column)
        is in that zone unless it names its own."""
        if self.layout is None:
            return
        for m, _ in items:
            if m.tz_source is None:
                zone = self.layout.zone_at(m.line, m.start)
                if zone:
                    m.tz, m.tz_source = zone, "header"

    def header_date(self, m: Mention, taken) -> DateRef | None:
        """The day a list's header names ("Het programma van morgen:") for an item that names none."""
        if self.layout is None:
            return None
        header = self.layout.line(m.line).header
        if header is None:
            return None
        if header not in self._header_dates:
            ln = self.layout.line(header)
            refs = read_dates(self.text, ln.start, ln.end, self.lang, self.event, [], taken, self.published)
            self._header_dates[header] = refs[0] if refs else None
        return self._header_dates[header]

    def find_open_pairs(self, items, pairs) -> list[tuple[Mention, Hit, Mention]]:
        """A time without a zone converted beside one with ("12:01 p.m. (1701 GMT)", "Rond 9.00 uur (15.00 uur
        Nederlandse tijd)"), or cells of one table row: (unzoned, its hit, zoned partner)."""
        out = []
        paired = {id(x) for p in pairs for x in p}
        for (a, ha), (b, hb) in zip(items, items[1:]):
            if id(a) in paired and id(b) in paired:
                continue
            zoned = [x for x in (a, b) if x.tz_source in ("stated", "header")]
            if len(zoned) != 1:
                if len(zoned) == 2 and a.tz != b.tz and self.same_row(a, b):
                    a.pair = b.pair = self.next_pair
                    self.next_pair += 1
                    pairs.append((a, b))
                continue
            between = self.text[a.end:b.start]
            if len(between) > 12 or "\n" in between or not between.strip().endswith("("):
                if not self.same_row(a, b):
                    continue
            loose, hit, other = (a, ha, b) if zoned[0] is b else (b, hb, a)
            if loose.tz_source is not None or id(loose) in paired:
                continue
            # A conversion of a time already converted joins that pair ("3:30 p.m. (11:30 p.m. GMT), or 6:30").
            if other.pair is None:
                other.pair = self.next_pair
                self.next_pair += 1
            loose.pair = other.pair
            out.append((loose, hit, other))
        return out

    def same_row(self, a: Mention, b: Mention) -> bool:
        """Whether two times stand in different columns of one row of a table whose header names zones."""
        if self.layout is None or a.line != b.line:
            return False
        ln = self.layout.line(a.line)
        return bool(ln.cells) and any(ln.cell_zones) and ln.cell_of(a.start) != ln.cell_of(b.start)

    def choose_zone(self, m: Mention, h: Hit, partner: Mention, ref, s_start: int, s_end: int) -> None:
        """The zone that makes a converted time the same instant as its partner: the article's, a place the
        sentence names, or the header's; else the article's, and the pair reports the conflict."""
        candidates = [self.tz] + [zone for _, _, zone in self.place_cues(s_start, s_end)]
        candidates += self.named_zones(s_start, s_end)
        candidates = [z for z in dict.fromkeys(candidates) if z and z != partner.tz]
        for zone in candidates:
            m.tz, m.tz_source = zone, "pair"
            self.place(m, h, ref)
            if m.utc is not None and partner.utc is not None and abs(m.utc - partner.utc) <= PAIR_TOLERANCE:
                return
        m.tz, m.tz_source = (candidates[0] if candidates else self.tz), "article"
        self.place(m, h, ref)

    def named_zones(self, start: int, end: int, where: bool = False) -> list[str]:
        """Zones of the places a sentence names, and of the zones it names, in text order; with `where`,
        only places the sentence puts something in ("in Dixville Notch", not "the White House said")."""
        known = places()
        out = [known[norm(p.group(0))] for p in place_pattern().finditer(self.text, start, end)
               if norm(p.group(0)) in known and (not where or self.lang.locative is None
                                                 or self.lang.locative.search(self.text, start, p.start()))]
        if where:
            return out
        z = zone_in(self.text, start, end, self.lang, self.tz)
        return out + ([z] if z else [])

    def find_pairs(self, items) -> list[tuple[Mention, Mention]]:
        pairs = []
        for (a, ha), (b, hb) in zip(items, items[1:]):
            if a.tz_source != "stated" or b.tz_source != "stated" or a.tz == b.tz or a.pair:
                continue
            between = self.text[a.end:b.start]
            if len(between) > 60 or "\n" in between or not self.lang.pair_connector.search(between):
                continue
            a.pair = b.pair = self.next_pair
            self.next_pair += 1
            pairs.append((a, b))
        return pairs

    def carry_zones(self, items, pairs, s_start: int, s_end: int, skip=frozenset(), partners=frozenset()) -> None:
        primary = {id(b): a for a, b in pairs}
        # The zone of a conversion ("(8:40 a.m. Thursday in Beijing)") is not the sentence's zone.
        zoned = [m for m, _ in items if m.tz_source == "stated" and id(m) not in partners]
        cues = None
        for m, h in items:
            if m.tz_source or id(m) in skip:
                continue
            if "stamp" in m.flags and self.lang.home_zone:
                m.tz, m.tz_source = self.lang.home_zone, "home"     # "laatst bijgewerkt 22.40 uur"
                continue
            before = [z for z in zoned if z.start < m.start]
            after = [z for z in zoned if z.start > m.start]
            source = before[-1] if before else (after[0] if after else None)
            if source is not None:
                source = primary.get(id(source), source)
                m.tz, m.tz_source = source.tz, "sentence"
                continue
            if cues is None:
                cues = self.place_cues(s_start, s_end)
            cue = next((zone for a, b, zone in cues if self.same_clause(m, a, b)), None)
            if cue is None and h.match.groupdict().get("special"):
                # "om middernacht" in a sentence about a place in another zone is that place's midnight
                cue = next((z for z in self.named_zones(s_start, s_end, where=True) if z != self.tz), None)
            if cue:
                m.tz, m.tz_source = cue, "place"
            else:
                m.tz, m.tz_source = self.plain_tz, "article"

    def place_cues(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Arrival phrases in a sentence: (start, end, zone of the place arrived at)."""
        return [(f.start(), f.end(), places()[norm(f.group("place"))])
                for rule in self.lang.rules["place_cue"] for f in rule.regex.finditer(self.text, start, end)]

    def same_clause(self, m: Mention, a: int, b: int) -> bool:
        """Whether a time belongs to the arrival phrase at a..b: inside it or next to it in its clause."""
        if a <= m.start < b:
            return True
        between = self.text[m.end:a] if m.end <= a else self.text[b:m.start]
        return len(between) <= 40 and not (self.lang.clause_break and self.lang.clause_break.search(between))

    def place(self, m: Mention, h: Hit, ref: DateRef | None) -> None:
        """Wall time + date + zone -> instant."""
        hour, minute, offset, ampm = clock_parts(h, self.lang)
        daypart = m.daypart or (ref.daypart if ref else None)
        if daypart is None and ampm is None and h.match.groupdict().get("hour_word") and 1 <= hour <= 6:
            daypart = "afternoon"     # "kwart over twee" in a report is the afternoon, not the small hours
        m.wall = wall_minutes(hour, minute, offset, ampm, daypart)
        if m.daypart is None and ampm == "am":
            m.daypart = "morning"         # "7 a.m." after "9 p.m." is the next morning
        if m.wall >= 1440:
            m.flags += ("midnight",)
        if m.tz is None:
            m.note = "no time zone: give the article's zone (--tz)"
            return
        if ref is not None:
            day = ref.day
            # "vannacht om 02.00", "Friday night at 1 a.m.": the small hours after that day; but "vannacht"
            # in an article published the day after the event is the night that has just ended.
            after_event = (ref.source == "relative" and self.published is not None and self.event is not None
                           and ref.day == self.published and self.published > self.event)
            if ref.daypart == "night" and m.wall < 720 and not after_event:
                day += timedelta(days=1)
            m.date_source = ref.source
        elif self.event is not None:
            day, m.date_source = self.default_day(m), "article"
            if day != self.event and m.tz == self.tz:
                m.date_source = "night"          # the small hours after the event, told the next day
        else:
            m.note = "no date: give the article's event date (--date)"
            return
        self.set_instant(m, day)
        if h.zone_abbr and m.utc is not None:
            want = abbreviations()[h.zone_abbr]["offset"]
            if want is not None and offset_minutes(m.utc, m.tz) != want:
                m.flags += ("abbrev_mismatch",)

    def set_instant(self, m: Mention, day: date) -> None:
        m.day = day
        m.utc, flags, m.candidates = localize(m.tz, day, m.wall)
        m.flags = tuple(f for f in m.flags if f not in ("dst_gap", "dst_fold")) + flags
        m.note = "that wall time does not exist or happens twice (DST)" if flags else None

    def default_day(self, m: Mention) -> date:
        """The event date; in another zone, the date on which the time falls in the local event day. Told
        the day after, the small hours are the night after the event ("2.30 uur 's nachts plaatselijke tijd")."""
        after = self.published is not None and self.event is not None and self.published > self.event
        if self.tz is None or m.tz == self.tz:
            if after and m.wall is not None and m.wall < NEWS_DAY_START.total_seconds() // 60:
                return self.event + timedelta(days=1)
            return self.event
        lo, hi = local_day_bounds(self.tz, self.event)
        if self.published is not None and self.published > self.event:
            # Told the morning after, the day runs into the night: from NEWS_DAY_START to that hour next day.
            lo, hi = lo + NEWS_DAY_START, hi + NEWS_DAY_START
        same = earliest_reading(m.tz, self.event, m.wall)
        behind = offset_minutes(same, self.tz) - offset_minutes(same, m.tz)
        if behind > 0 and lo <= same < hi + timedelta(minutes=behind):
            # A zone behind the article's keeps its own date: "a replay at 7:30 p.m. ET" the same evening.
            return self.event
        for shift in (0, 1, -1):
            day = self.event + timedelta(days=shift)
            if lo <= earliest_reading(m.tz, day, m.wall) < hi:
                return day
        return self.event

    # ------------------------------------------------------------------ conversions
    def join(self, a: Mention, b: Mention) -> None:
        follower, leader = (a, b) if a.date_source == "article" and b.date_source not in (None, "article") else (b, a)
        if follower.date_source == "article" and leader.utc is not None and follower.wall is not None:
            best = min((follower.day + timedelta(days=s) for s in (-1, 0, 1)),
                       key=lambda d: abs(self.probe(follower, d) - leader.utc))
            if best != follower.day:
                self.set_instant(follower, best)
            follower.date_source = "pair"
        for x, y in ((a, b), (b, a)):
            if x.mod_text is None and y.mod_text is not None:
                x.modifier = y.modifier
            if x.utc is None and x.candidates and y.utc is not None:
                # The other half says which reading of a DST-gap or -fold time is meant.
                match = next((c for c in x.candidates if abs(c - y.utc) <= PAIR_TOLERANCE), None)
                if match is not None:
                    x.utc, x.note = match, None
                    x.flags = tuple(f for f in x.flags if f not in ("dst_gap", "dst_fold")) + ("dst_resolved",)
        ta = a.utc if a.utc is not None else (a.candidates[0] if a.candidates else None)
        tb = b.utc if b.utc is not None else (b.candidates[0] if b.candidates else None)
        if ta is not None and tb is not None and (a.utc is None or b.utc is None or abs(ta - tb) > PAIR_TOLERANCE):
            gap = min(int(abs(p - q).total_seconds() // 60) for p in (a.candidates or (ta,))
                      for q in (b.candidates or (tb,)))
            a.conflict = b.conflict = f"{a.text!r} and {b.text!r} differ by {gap} min"

    def probe(self, m: Mention, day: date):
        return earliest_reading(m.tz, day, m.wall)

    # ------------------------------------------------------------------ next morning
    def rollover(self, mentions: list[Mention]) -> None:
        """A morning time told after an evening one on the same line is the next morning."""
        prev_by_line: dict[int, Mention] = {}
        for m in mentions:
            key = m.line
            prev = prev_by_line.get(key)
            if (prev is not None and m.utc is not None and prev.utc is not None
                    and m.date_source == "article" and (m.pair is None or m.pair != prev.pair)
                    and (m.daypart in MORNING or m.wall < 360)
                    and m.utc < prev.utc and prev.local.hour >= 12):
                self.set_instant(m, m.day + timedelta(days=1))
                m.date_source = "rollover"
            if m.utc is not None:
                prev_by_line[key] = m

    def story(self, mentions: list[Mention]) -> None:
        """An undated time keeps the day told just before it, a few lines up ("scheduled to dock at 12:15 p.m.
        on Thursday. ... a backup opportunity at about 1:33 p.m."), unless that day is still to come; and a
        small-hours time told after an evening one there is the next morning. List items and stamps keep
        their own days: a newest-first blog runs backwards."""
        now = self.published or self.event
        last = None
        groups: dict = {}
        for m in mentions:
            if m.pair is not None:
                groups.setdefault(m.pair, []).append(m)
        for m in mentions:
            if m.utc is None or m.tz is None or "stamp" in m.flags:
                continue
            if self.layout is not None and self.layout.line(m.line).item:
                continue
            pair = groups.get(m.pair, [m]) if m.pair is not None else [m]
            undated = all(x.date_source in ("article", "pair") for x in pair) and pair[0] is m
            if last is not None and m.line != last.line and m.line - last.line <= STORY_REACH and undated:
                told = last.utc.astimezone(get_zone(m.tz)).date() if last.date_source not in (None, "article") \
                    else None
                # A date written in between moves the story on ("... this morning"), one still to come does not.
                for ref in self.dates_between(self.newlines[last.line - 1] + 1 if last.line > 0 else 0, m.start):
                    if now is None or ref.day <= now:
                        told = ref.day
                if told is not None and told != m.day and (now is None or told <= now) \
                        and self.event is not None and abs((told - self.event).days) <= STORY_DAYS:
                    self.shift(pair, told - m.day, "story")
                if (m.daypart in MORNING or m.wall < 360) and m.utc < last.utc and last.local.hour >= 18:
                    self.shift(pair, timedelta(days=1), "rollover")
            last = m

    def shift(self, group: list[Mention], days: timedelta, source: str) -> None:
        """Move a time, and the conversions told with it, by whole days."""
        for x in group:
            if x.day is not None and x.wall is not None:
                self.set_instant(x, x.day + days)
                x.date_source = source

    def dates_between(self, start: int, end: int) -> list[DateRef]:
        """Dates written from `start` to `end`, outside the times ("Wednesday's countdown")."""
        return read_dates(self.text, start, end, self.lang, self.event, [], self._taken, self.published)

    def window(self, m: Mention) -> None:
        lo, hi = CLOCK_WINDOWS[m.modifier]
        if m.utc is not None:
            m.earliest, m.latest = m.utc + lo, m.utc + hi
        elif m.candidates:
            m.earliest, m.latest = m.candidates[0] + lo, m.candidates[-1] + hi
