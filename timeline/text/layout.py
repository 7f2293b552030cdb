"""The shape of an article's lines: list items, table rows, and the headers that rule them.

A list item or table row begins with a time ("01.00 uur: Georgia", "7:10 p.m. Monday | 8:10 a.m. Tuesday |
The prime minister lands"). A run of such lines takes its zone, date and kind from the line just before it
(the header: "Alle tijden zijn Nederlandse tijd.", "Time (ET) | Time in Tokyo | Event", "Het programma van
morgen:"); a table header gives each column its own zone. Language-free: zones come from the language's
zone words and patterns, dates from its date rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .langdata import Language, abbreviations, norm, places

BULLET = re.compile(r"[ \t]*(?:[-–•*][ \t]+)?")
CELL = re.compile(r"[^|]+")
WORDS = re.compile(r"[^\W\d_]+")
SENTENCE_MARK = re.compile(r"[.!?]")
UPDATE_WORDS = 4          # words after a leading time that make a line a live-blog update
BULLET_ONLY = re.compile(r"[ \t]*[-–•*][ \t]+")
HEADER_MAX = 200          # a header is a short line


@dataclass(slots=True)
class Line:
    number: int               # 1-based
    start: int
    end: int
    item: bool = False        # begins with a time
    cells: list = field(default_factory=list)      # (start, end) of each "|" cell of a table row
    time_cells: set = field(default_factory=set)   # indexes of the cells that hold a time
    update: bool = False      # a live-blog update: a stamp, then prose ("23.58 | Het tellen ...", "21.00 Aftrap!")
    lead_end: int = 0         # where the leading time ends
    header: int | None = None                      # the header line's number, for items
    zone: str | None = None                        # the header's zone for the whole item
    cell_zones: list = field(default_factory=list)  # per cell, from a table header

    def cell_of(self, pos: int) -> int | None:
        return next((i for i, (a, b) in enumerate(self.cells) if a <= pos <= b), None)


class Layout:
    """Lines made on demand: only lines with a time or a bar, and the headers above them, are read."""

    def __init__(self, text: str, starts: list[int]):
        self.text, self.starts, self._lines = text, starts, {}

    @property
    def lines(self) -> list:
        return [self._lines[k] for k in sorted(self._lines)]

    def line(self, number: int) -> Line:
        ln = self._lines.get(number)
        if ln is None:
            end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
            ln = self._lines[number] = Line(number, self.starts[number - 1], end)
        return ln

    def zone_at(self, number: int, pos: int) -> str | None:
        """The zone a header gives a time at `pos` on line `number`, if any."""
        ln = self.line(number)
        if ln.header is None:
            return None
        cell = ln.cell_of(pos)
        if cell is not None and cell < len(ln.cell_zones) and ln.cell_zones[cell]:
            return ln.cell_zones[cell]
        return ln.zone

    def event_span(self, number: int, pos: int) -> tuple[int, int] | None:
        """For a time in a table row: the cells that hold no time (the row's words), else None."""
        ln = self.line(number)
        if not ln.cells or ln.cell_of(pos) is None:
            return None
        rest = [c for i, c in enumerate(ln.cells) if i not in ln.time_cells]
        return (rest[0][0], rest[-1][1]) if rest else None


def zone_in(text: str, start: int, end: int, lang: Language, local: str | None) -> str | None:
    """The first zone named in text[start:end]: zone words, abbreviations, "time in <place>"."""
    best = None
    for m in lang.zone_words.finditer(text, start, end):
        if m.group("zabbr"):
            zone = abbreviations()[m.group("zabbr")]["zone"]
        else:
            zone = lang.words["zone"][norm(m.group("zword"))]
        best = (m.start(), zone)
        break
    for rule in lang.rules["zone_pattern"]:
        if rule.needs == "context":
            continue          # "in <place>" names a zone only right after a time
        m = rule.regex.search(text, start, end)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), places()[norm(m.group("place"))])
    if best is None:
        return None
    return local if best[1] == "LOCAL" else best[1]


SEPARATOR = re.compile(r"[^\n:|–—]{0,8}?[:|–—]")


def read_layout(text: str, lang: Language, clock_starts: list[int], local: str | None,
                clock_ends: list[int] | None = None) -> Layout:
    """Lines with their list, table and header structure. `clock_starts` (and `clock_ends`): where the
    times found stand. Linear in the text; only lines with a time or a bar are looked at closely."""
    end_of = dict(zip(clock_starts, clock_ends or []))
    starts, pos, find = [0], text.find("\n"), text.find
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    layout = Layout(text, starts)
    by_line: dict = {}
    for p in sorted(clock_starts):
        by_line.setdefault(bisect_right(starts, p), []).append(p)
    bars, p = set(), find("|")
    while p >= 0:
        bars.add(bisect_right(starts, p))
        p = find("|", p + 1)
    looked = sorted(set(by_line) | bars)
    for number in looked:
        ln = layout.line(number)
        inside = by_line.get(number, [])
        if inside:
            lead = BULLET.match(text, ln.start).end()
            # An item starts with the time itself ("09.30 uur: ...", "23.58 | ..."), or with a time and a
            # separator ("rond 14.00 uur: Kishida belt"), not a sentence ("Kort voor 15.30 uur verliet Trump").
            ln.item = inside[0] <= lead + 1 and (
                text[inside[0]:inside[0] + 1].isdigit()
                or (inside[0] in end_of and SEPARATOR.match(text, end_of[inside[0]]) is not None))
            if ln.item:
                ln.lead_end = end_of.get(inside[0], inside[0])
                after = text[ln.lead_end:ln.end]
                # Prose after the stamp, not a programme's item: words ending a sentence.
                ln.update = len(WORDS.findall(after)) >= UPDATE_WORDS and bool(SENTENCE_MARK.search(after))
        if number in bars:
            ln.cells = [(m.start(), m.end()) for m in CELL.finditer(text, ln.start, ln.end)]
            ln.time_cells = {ln.cell_of(p) for p in inside}
            ln.item = ln.item or bool(inside)
    header, zones = None, {}
    for number in looked:
        ln = layout.line(number)
        if header is not None and header.cells and len(ln.cells) == len(header.cells) \
                and layout.line(number - 1).item:
            ln.item = True        # a row of the table without a time ("After the address | Farewell ...")
        if not ln.item:
            continue
        prev = layout.line(number - 1) if number > 1 else None
        if prev is not None and not prev.item and prev.end - prev.start <= HEADER_MAX \
                and text[prev.start:prev.end].strip() and not BULLET_ONLY.match(text, prev.start):
            header = prev          # a bulleted line is a point of a summary, not a list's header
        elif prev is None or not prev.item:
            header = None
        if header is None:
            continue
        ln.header = header.number
        if header.number not in zones:
            zones[header.number] = zone_in(text, header.start, header.end, lang, local)
        ln.zone = zones[header.number]
        if ln.zone or text[header.start:header.end].rstrip().endswith(":"):
            ln.update = False     # an item of a list its header introduces ("Alle tijden ...:"), not an update
        if header.cells and ln.cells:
            ln.cell_zones = [zone_in(text, a, b, lang, local) for a, b in header.cells]
            if any(ln.cell_zones):
                ln.update = False     # a row of a timetable, not an update
    return layout
