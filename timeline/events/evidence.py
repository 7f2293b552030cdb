"""Evidence for events: each time, duration or event clause of the text, read for kind, actors and status.

A Source is one place in the text that tells of an event. timeline.events groups sources into events.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from ..text.article import Article
from .cues import Reading, clauses, kind_tags, load_cues, read, scan
from .people import People
from ..text.dates import date_for, read_dates
from ..text.langdata import load_language
from ..text.mention import Mention
from ..text.layout import BULLET, SEPARATOR, read_layout
from ..text.scan import line_number, newline_offsets, paren_of, paren_ranges, sentence_bounds
from ..text.zones import get_zone, local_day_bounds

KINDS_WITH_ROLES = {"meeting", "press", "meal", "flight", "speech", "ceremony", "hearing", "match"}
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^”“\n]*[”“]')
UNTIMED_KINDS = {"meal", "press"}          # told of without a time, yet part of the day's schedule
STAMP_SLACK = timedelta(minutes=1)         # after its update's stamp, a time is still to come
DATABLE_REACH = 7                          # days around the event date a dated event may lie
DAYPARTS = {"morning": (6, 12), "afternoon": (12, 18), "evening": (18, 24), "night": (0, 6)}


@dataclass
class Source:
    kind: str
    status: str
    certainty: str
    actors: tuple
    qualifiers: frozenset
    role: str | None
    line: int
    start: int
    end: int
    text: str
    quote: str
    utc: datetime | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    modifier: str = "exact"
    tz: str | None = None
    minutes: tuple | None = None
    also: list = field(default_factory=list)      # the other half of a conversion
    name: str | None = None                       # what the text names it, in English ("Working lunch")
    what: str = ""                                # the item's own words (a list item, a table cell)

    @property
    def qualifier(self) -> str:
        # The way back is its own scheduled item: landing in Alaska is not returning to the White House.
        return "return" if "return" in self.qualifiers and self.kind == "arrival" else ""


class Reader:
    """Reads one article's sentences and clauses, with what a clause leaves unsaid taken from context."""

    def __init__(self, article: Article, mentions: list[Mention]):
        self.article = article
        self.text = article.text
        self.cues = load_cues(article.language)
        self.lang = load_language(article.language)
        self.sentences = sentence_bounds(self.text, self.lang, [(m.start, m.end) for m in mentions],
                                         every_line=True)
        self.starts = [a for a, _ in self.sentences]
        self.newlines = newline_offsets(self.text)
        self.people = People(self.text, article.actors, article.aliases)
        clocks = [m for m in mentions if m.kind == "clock"]
        self.clock_starts = [m.start for m in clocks]      # text order
        self.clock_ends = [m.end for m in clocks]
        self.clock_pairs = [m.pair for m in clocks]
        self.layout = read_layout(self.text, self.lang, [m.start for m in clocks], article.local_tz,
                                  [m.end for m in clocks])
        self._readings: dict = {}
        self._scans: dict = {}
        self._clauses: dict = {}
        self._quotes: dict = {}
        self._list_people: dict = {}      # a list's header -> the people its last item named

    def has_clock(self, start: int, end: int, but=None) -> bool:
        """Whether a time stands in text[start:end] (other than those of pair `but`)."""
        i = bisect_left(self.clock_starts, start)
        while i < len(self.clock_starts) and self.clock_starts[i] < end:
            if but is None or self.clock_pairs[i] != but:
                return True
            i += 1
        return False

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect_right(self.starts, pos) - 1)]

    def quote(self, pos: int) -> str:
        a, b = self.sentence_of(pos)
        if (a, b) not in self._quotes:         # once per sentence, not once per time in it
            self._quotes[(a, b)] = " ".join(self.text[a:b].split())
        return self._quotes[(a, b)]

    def clause_of(self, pos: int) -> tuple[int, int]:
        a, b = self.sentence_of(pos)
        if (a, b) not in self._clauses:        # once per sentence: a sentence may hold thousands of times
            self._clauses[(a, b)] = clauses(self.cues, self.text, a, b)
        found = self._clauses[(a, b)]
        i = bisect_right(found, (pos, float("inf"))) - 1
        return found[i] if i >= 0 and found[i][0] <= pos < found[i][1] else (a, b)

    def reading(self, a: int, b: int, at=None) -> Reading:
        key = (a, b, at)
        if key not in self._readings:
            if (a, b) not in self._scans:      # the span's words, found once for all its times
                self._scans[(a, b)] = scan(self.cues, self.text, a, b, self.people)
            self._readings[key] = read(self.cues, self.text, a, b, at, self.people, self._scans[(a, b)])
        return self._readings[key]

    def context(self, pos: int, at=None) -> Reading:
        """The clause's reading, gaps filled from its sentence and then from earlier sentences of its line."""
        ca, cb = self.clause_of(pos)
        r = self.reading(ca, cb, at)
        sa, sb = self.sentence_of(pos)
        whole = self.reading(sa, sb, at)
        kind, name = (r.kind, r.name) if r.kind else (whole.kind, whole.name)
        actors = r.actors
        if not actors and at is not None:
            # "om 12.45 uur vertrekt de stoet, om 13.00 uur begint de troonrede, ... biedt de minister":
            # in a sentence of several times, the people between this time's neighbours.
            i = bisect_right(self.clock_starts, at[0])
            seg_a = max(sa, self.clock_ends[i - 2]) if i >= 2 else sa
            seg_b = min(sb, self.clock_starts[i]) if i < len(self.clock_starts) else sb
            actors = self.reading(seg_a, seg_b).actors if (seg_a, seg_b) != (sa, sb) else whole.actors
        actors = actors or (whole.actors if at is None else ())
        # A clause with its own status word keeps its own certainty; one without takes the sentence's.
        status, certainty = (r.status, r.certainty) if r.status != "unknown" else (whole.status, whole.certainty)
        line_start = self.text.rfind("\n", 0, pos) + 1
        prev = sa
        while (kind is None or not actors) and prev > line_start:
            pa, pb = self.sentence_of(prev - 1)
            earlier = self.reading(pa, pb)
            if kind is None:
                kind, name = earlier.kind, earlier.name
            actors = actors or earlier.actors
            prev = pa
        # "De podiumceremonie begon rond 17.40 uur. Het Wilhelmus klonk, waarna Verstappen ...": the
        # people of the paragraph's next sentence when its earlier ones name none.
        line_end = self.text.find("\n", pos)
        line_end = len(self.text) if line_end < 0 else line_end
        nxt = sb
        while not actors and nxt < line_end:
            na, nb = self.sentence_of(nxt)
            if nb <= nxt or self.has_clock(na, nb):
                break             # a sentence with a time of its own tells of another event
            actors = self.reading(na, nb).actors
            nxt = nb
        return Reading(kind, r.role, status, certainty, r.qualifiers | whole.qualifiers, actors, r.lasting, name)

    def source(self, r: Reading, start: int, end: int) -> Source:
        return Source(kind=r.kind or "other", status=r.status, certainty=r.certainty, actors=r.actors,
                      qualifiers=r.qualifiers, role=r.role if r.kind in KINDS_WITH_ROLES else None,
                      line=line_number(self.newlines, start), start=start, end=end,
                      text=self.text[start:end], quote=self.quote(start), name=r.name)

    def schedule_item(self, r: Reading, ca: int, cb: int) -> Reading | None:
        """A clause without a time that names a meal or a press appearance tells of that item, even
        beside another kind ("de bijeenkomst zou worden gevolgd door een lunch")."""
        if r.kind not in UNTIMED_KINDS:
            tag = next((t for t in kind_tags(self.cues, self.text, ca, cb) if t.key in UNTIMED_KINDS), None)
            if tag is None:
                return None
            r = replace(r, kind=tag.key, name=tag.name)
        c = self.context(ca)
        return replace(c, kind=r.kind, name=r.name)

    # ------------------------------------------------------------------ the three kinds of evidence
    def timed(self, mentions: list[Mention]) -> list[Source]:
        out, by_pair, pair_spans = [], {}, {}
        for m in mentions:
            if m.pair is not None:
                a, b = pair_spans.get(m.pair, (m.start, m.end))
                pair_spans[m.pair] = (min(a, m.start), max(b, m.end))
        for key, (a, b) in pair_spans.items():
            # "om 9.00 uur Japanse tijd, 01.00 uur Nederlandse tijd, komt ...": the comma that closes the
            # conversion belongs to it.
            if self.text[b:b + 1] == "," and "," in self.text[a:b]:
                pair_spans[key] = (a, b + 1)
        for m in mentions:
            if m.kind != "clock":
                continue
            if m.pair is not None and m.pair in by_pair:
                by_pair[m.pair].also.append(m.text)       # the conversion tells the same instant
                continue
            if "stamp" in m.flags:
                continue                  # the page's own "Updated 14:32" is no event
            line = self.layout.line(m.line)
            if line.item and self.leads(m, line):
                reading, what = self.item(m, line)
                if reading is None:
                    continue
                src = self.source(reading, m.start, m.end)
                src.what = what
            else:
                # A time and its conversion are read as one span ("om 9.00 uur Japanse tijd, 01.00 uur
                # Nederlandse tijd, komt het kabinet bijeen").
                at = pair_spans.get(m.pair, (m.start, m.end)) if m.pair is not None else (m.start, m.end)
                src = self.source(self.context(m.start, at), m.start, m.end)
            src.utc, src.earliest, src.latest, src.modifier, src.tz = m.utc, m.earliest, m.latest, m.modifier, m.tz
            if src.utc is None:
                continue
            if src.status == "unknown":
                src.status = self.status_by_time(m, line, mentions)
            out.append(src)
            if m.pair is not None:
                by_pair[m.pair] = src
            if line.update and self.leads(m, line):
                out += self.more_in_update(m, line, src)
        return out

    def more_in_update(self, m: Mention, line, first: Source) -> list[Source]:
        """A stamped update that tells of more than one thing ("Wilders is aangekomen. Hij spreekt nu zijn
        aanhang toe."): each later sentence naming another kind is an event at the stamp's time too."""
        out, seen = [], {first.kind}
        span = self.layout.event_span(m.line, m.start) or (line.lead_end, line.end)
        pos = self.sentence_of(span[0])[1]
        while pos < span[1]:
            sa, sb = self.sentence_of(pos)
            r = self.context(sa)
            if r.kind and r.kind not in seen and r.kind not in ("statement", "other"):
                seen.add(r.kind)
                extra = self.source(replace(r, status=first.status if r.status == "unknown" else r.status), sa, sb)
                extra.utc, extra.earliest, extra.latest = first.utc, first.earliest, first.latest
                extra.modifier, extra.tz, extra.start, extra.end = first.modifier, first.tz, m.start, m.end
                out.append(extra)
            if sb <= pos:
                break
            pos = sb
        return out

    def status_by_time(self, m: Mention, line, mentions: list[Mention]) -> str:
        """A time the text gives no tense for: planned when it lies after the moment of writing (a later
        day than the article's, or after the stamp of its live-blog update), reported when at or before a
        stamp ("23.31 | Yeşilgöz spreekt haar aanhang toe")."""
        stamp = next((x for x in mentions if x.kind == "clock" and x.line == m.line and x.utc is not None
                      and self.leads(x, line)), None) if line.update else None
        if stamp is not None:
            return "planned" if m.utc > stamp.utc + STAMP_SLACK else "actual"
        now = self.article.published or self.article.event_date
        day = m.utc.astimezone(get_zone(m.tz)).date() if m.tz else None
        if now is not None and day is not None and day > now \
                and m.date_source not in ("article", "night", "rollover", "story"):
            return "planned"
        if now is not None and day is not None and day < now and m.date_source in ("explicit", "weekday", "relative"):
            return "actual"       # a day before the article was written has happened
        return "unknown"

    def leads(self, m: Mention, line) -> bool:
        """Whether a time is the one an item or row begins with (or a time cell of a table row)."""
        if line.cells:
            return line.cell_of(m.start) in line.time_cells and self.layout.event_span(m.line, m.start) is not None \
                or m.start <= line.cells[0][1]
        return m.start <= BULLET.match(self.text, line.start).end() + 1

    def item(self, m: Mention, line) -> tuple[Reading | None, str]:
        """A list item or table row read for the event it lists: its own words (the row's event cell, the
        item after its time), with kind and status from its header where it names none. A stamp whose
        update gives a time of its own stands for no event ("22.50 | Timmermans sprak om 22.40 uur")."""
        span = self.layout.event_span(m.line, m.start)
        if span is None:
            sep = SEPARATOR.match(self.text, m.end, line.end)      # "09.30 uur: ...": after the separator
            a = sep.end() if sep else m.end
            while a < line.end and self.text[a] in " \t:|–—-":
                a += 1
            span = (a, line.end)
        if self.has_clock(*span, but=m.pair):
            return None, ""
        # The item's first sentence says what it is; the rest of a long update only fills gaps.
        first = self.sentence_of(span[0])
        head_end = min(first[1], span[1]) if first[0] <= span[0] < first[1] else span[1]
        own = self.reading(span[0], head_end, (m.start, m.end))
        rest = self.reading(span[0], span[1], (m.start, m.end))
        kind, name = (own.kind, own.name) if own.kind else (rest.kind, rest.name)
        status, certainty = own.status, own.certainty
        if not own.actors:
            own = replace(own, actors=rest.actors)
        if line.update:
            # A live-blog update tells what happens at its stamp: "21.00 Aftrap!", "20.57 De spelers komen
            # het veld op" happened then, whatever the tense; it has no header.
            if status in ("planned", "unknown"):
                status = "actual"
        elif line.header is not None:
            # The header, and for a table the line that introduces it ("the following press schedule").
            h = self.layout.line(line.header)
            heads = [self.reading(h.start, h.end)]
            if h.number > 1:
                before = self.layout.line(h.number - 1)
                heads.append(self.reading(before.start, before.end))
            for head in heads:
                if kind is None:
                    kind, name = head.kind, head.name
                if status == "unknown" or (head.status == "planned" and status == "actual"):
                    # a programme lists plans, whatever tense its items take ("parade, moved indoors")
                    status, certainty = head.status, head.certainty
            # A programme's items share its people: "11.15 uur: wandeling via de Hoofdstraat" after
            # "11.00 uur: aankomst van de koninklijke familie"; the first item takes its header's.
            if own.actors:
                self._list_people[line.header] = own.actors
            else:
                own = replace(own, actors=self._list_people.get(line.header, ()) or heads[0].actors)
        what = " ".join(self.text[span[0]:span[1]].split()).rstrip(".")
        reading = Reading(kind, own.role, status, certainty, own.qualifiers, own.actors, own.lasting, name)
        return reading, (what[:57] + "…") if len(what) > 60 else what

    def durations(self, mentions: list[Mention]) -> list[Source]:
        out = []
        for m in mentions:
            if m.kind != "duration":
                continue
            r = self.context(m.start, (m.start, m.end))
            ca, cb = self.clause_of(m.start)
            if not (r.lasting or self.reading(ca, cb).lasting) or r.kind is None:
                continue
            src = self.source(r, m.start, m.end)
            src.minutes = m.minutes
            out.append(src)
        return out

    def untimed(self, mentions: list[Mention]) -> list[Source]:
        """Clauses that tell of a scheduled item without a time, or of an event on a named day.

        Quotations are skipped: "vandaag" in a quote is the speaker's day, not an event of the blog.
        """
        clocks = [(m.start, m.end) for m in mentions if m.kind == "clock"]
        quoted = [m.span() for m in QUOTED.finditer(self.text)]
        out = []
        for sa, sb in self.sentences:
            if self.has_clock(sa, sb):
                continue
            parens = paren_ranges(self.text, sa, sb)
            refs = None
            for ca, cb in clauses(self.cues, self.text, sa, sb):
                if any(qa <= ca and cb <= qb for qa, qb in quoted):
                    continue
                r = self.reading(ca, cb)
                item = self.schedule_item(r, ca, cb)
                if item is None and r.status == "cancelled" and r.kind is not None:
                    item = self.context(ca)       # "the parade was called off": a cancelled item of any kind
                if item is not None:
                    out.append(self.source(item, ca, cb))
                    continue
                if refs is None:
                    refs = [x for x in read_dates(self.text, sa, sb, self.lang, self.article.event_date, parens,
                                                  clocks, self.article.published) if not any(qa <= x.start < qb for qa, qb in quoted)]
                ref = date_for(ca, paren_of(ca, parens), [x for x in refs if ca <= x.start < cb])
                if ref is None or not (self.article.event_date and self.article.local_tz) or \
                        abs((ref.day - self.article.event_date).days) > DATABLE_REACH:
                    continue
                r = self.context(ref.start, (ref.start, ref.end))
                if r.kind is None or not r.actors:
                    continue
                src = self.source(r, ref.start, ref.end)
                lo, hi = local_day_bounds(self.article.local_tz, ref.day)
                if ref.daypart in DAYPARTS:
                    h0, h1 = DAYPARTS[ref.daypart]
                    lo, hi = lo + timedelta(hours=h0), lo + timedelta(hours=h1)
                src.earliest, src.latest, src.modifier = lo, hi, "approx"
                out.append(src)
        return out
