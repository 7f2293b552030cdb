"""From mentions to events: what happened, what was planned, told once or many times.

Sources (timeline.sources) are grouped by kind, qualifier and status into events; the same event told
twice becomes one row whose window covers every telling. Times not written but implied (a take-off from
a landing and the hours in the air) are added as rows with origin "derived".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

import pandas as pd

from ..text.article import Article
from ..text.langdata import load_toml
from .cues import kind_specs
from ..text.mention import Mention
from ..schema import make_table
from .evidence import Reader, Source

SAME_EVENT = timedelta(minutes=10)       # two tellings of one event lie this close
SAME_SLOT = timedelta(hours=12)          # a report and the plan it answers lie this close
CERTAINTY_RANK = {"unclear": 0, "likely": 1, "certain": 2}


@dataclass
class Event:
    kind: str
    status: str
    qualifier: str
    actors: tuple
    starts: list = field(default_factory=list)     # sources that give the start (or the moment)
    ends: list = field(default_factory=list)
    untimed: list = field(default_factory=list)
    durations: list = field(default_factory=list)
    origin: str = "extracted"
    start: object = None
    start_window: tuple = (None, None)
    end: object = None
    end_window: tuple = (None, None)
    modifier: str = "exact"
    plan: "Event | None" = None           # the planned event this report or cancellation answers

    @property
    def slot(self) -> str:
        if self.plan is not None:
            return self.plan.slot
        who = ";".join(sorted(self.actors))
        return ":".join(x for x in (self.kind, who, self.qualifier) if x)

    @property
    def sources(self) -> list[Source]:
        return self.starts + self.ends + self.untimed + self.durations


def compatible(a: tuple, b: tuple) -> bool:
    return not a or not b or bool(set(a) & set(b))


def overlap(a: Source, b: Source) -> bool:
    """Whether two tellings can be of one moment: their windows meet, or they name the same minute
    ("rond 11:27" and "rond 11.30" can; "08.06 uur" and "08.10 uur" are two quakes)."""
    return abs(a.utc - b.utc) < timedelta(minutes=1) or (a.earliest <= b.latest and b.earliest <= a.latest)


def roundness(t) -> int:
    """0 for an odd minute (11:27), up to 3 for a whole hour: round times are more often approximate."""
    return 3 if t.minute == 0 else 2 if t.minute % 15 == 0 else 1 if t.minute % 5 == 0 else 0


def settle(sources: list[Source]):
    """The instant, window and modifier told by several sources of one moment."""
    # The narrowest telling, and among equals the most specific minute ("12:01 p.m." over "noon").
    best = min(sources, key=lambda s: (s.latest - s.earliest, roundness(s.utc), s.utc))
    return best.utc, (min(s.earliest for s in sources), max(s.latest for s in sources)), best.modifier


def group(timed: list[Source], durations: list[Source], untimed: list[Source]) -> list[Event]:
    events: list[Event] = []
    for src in sorted(timed, key=lambda s: s.utc):
        home = None
        for ev in events:
            if (ev.kind, ev.qualifier, ev.status) != (src.kind, src.qualifier, src.status) \
                    or not compatible(ev.actors, src.actors):
                continue
            first = ev.starts[0] if ev.starts else ev.ends[0]
            anchor = first.utc
            if src.role == "end" and not ev.ends and src.utc >= anchor:
                home = ev
            elif src.role != "end" and abs(src.utc - anchor) <= SAME_EVENT and overlap(first, src):
                home = ev
        if home is None:
            home = Event(src.kind, src.status, src.qualifier, src.actors)
            events.append(home)
        (home.ends if src.role == "end" else home.starts).append(src)
        home.actors = tuple(dict.fromkeys(home.actors + src.actors))
    for src in untimed:
        home = untimed_home(events, src)
        if home is None:
            if src.status == "unknown":
                continue             # neither planned nor reported: only evidence for an event told elsewhere
            home = Event(src.kind, src.status, src.qualifier, src.actors)
            events.append(home)
        home.untimed.append(src)
        if not home.starts:          # a timed event keeps the people its times are told with
            home.actors = tuple(dict.fromkeys(home.actors + src.actors))
    for src in durations:
        fits = [ev for ev in events if ev.kind == src.kind and ev.status == src.status
                and compatible(ev.actors, src.actors)]
        if fits:
            # A length belongs to the timed telling of its event nearest in the text.
            min(fits, key=lambda ev: (not ev.starts, abs(ev.sources[0].line - src.line))).durations.append(src)
    adopt_actors(events)
    for ev in events:
        if ev.starts:
            ev.start, ev.start_window, ev.modifier = settle(ev.starts)
        if ev.ends:
            ev.end, ev.end_window, _ = settle(ev.ends)
        dated = [s for s in ev.untimed if s.earliest is not None]
        if not ev.starts and dated:
            ev.start_window = (min(s.earliest for s in dated), max(s.latest for s in dated))
            ev.modifier = "approx"
    return events


def untimed_home(events: list[Event], src: Source) -> Event | None:
    """The event an untimed telling belongs to: a timed one inside its day, or the same scheduled item."""
    for ev in events:
        if ev.kind != src.kind or (ev.status != src.status and src.status != "unknown"):
            continue
        if src.earliest is not None:
            if ev.starts and src.earliest <= ev.starts[0].utc <= src.latest and compatible(ev.actors, src.actors):
                return ev
        elif not ev.starts and (compatible(ev.actors, src.actors) or same_name(ev, src)):
            # Untimed tellings of one kind and name are one scheduled item, whoever each names with it.
            return ev
    if src.status == "unknown":
        return next((ev for ev in events if ev.kind == src.kind and compatible(ev.actors, src.actors)), None)
    if src.earliest is None and src.actors:
        # "Poetin zal in Alaska landen" beside "Poetin landt om 11.00 uur": the one timed item it names
        timed = [ev for ev in events if ev.kind == src.kind and ev.status == src.status and ev.starts
                 and set(src.actors) <= set(ev.actors)]
        if len(timed) == 1:
            return timed[0]
    return None


def same_name(ev: Event, src: Source) -> bool:
    """Whether an untimed telling names what the event's tellings name ("lunch" and "lunch", not "dinner")."""
    named = {s.name for s in ev.sources if s.name}
    return not named or not src.name or src.name in named


def adopt_actors(events: list[Event]) -> None:
    """A telling that names nobody ("The meeting began at 11:30") is of the one scheduled item of its kind
    that names people, when there is exactly one."""
    for ev in events:
        if ev.actors:
            continue
        named = {tuple(sorted(e.actors)) for e in events if e.kind == ev.kind and e.qualifier == ev.qualifier
                 and e.actors}
        if len(named) == 1:
            ev.actors = next(iter(named))


def minutes_of(ev: Event) -> tuple | None:
    """The event's length: a forecast is the union of its forecasts, a report the longest told."""
    if not ev.durations:
        return None
    spans = [s.minutes for s in ev.durations]
    if ev.status == "planned":
        return min(lo for lo, _ in spans), max(hi for _, hi in spans)
    return max(spans, key=lambda m: m[1])


def derive(events: list[Event], durations: list[Source]) -> list[Event]:
    """Times implied by a flight's length: take-off from a landing, arrival from a take-off."""
    out, used = [], set()
    for flight in (d for d in durations if d.kind == "flight"):
        for ev in events:
            # One derived time per told time: the first flight length told beside it.
            if ev.status != "actual" or ev.start is None or ev.starts[0].line != flight.line or id(ev) in used:
                continue
            used.add(id(ev))
            lo, hi = (timedelta(minutes=m) for m in flight.minutes)
            mid = (lo + hi) / 2
            # An exact flight time carries the uncertainty of the time it starts from ("after 16:00").
            modifier = ev.modifier if lo == hi else "approx"
            if ev.kind == "departure":
                made = Event("arrival", "actual", "return" if "return" in flight.qualifiers else "", ev.actors,
                             origin="derived", start=ev.start + mid,
                             start_window=(ev.start_window[0] + lo, ev.start_window[1] + hi), modifier=modifier)
            elif ev.kind == "arrival":
                made = Event("departure", "actual", "outbound", ev.actors, origin="derived", start=ev.start - mid,
                             start_window=(ev.start_window[0] - hi, ev.start_window[1] - lo), modifier=modifier)
            else:
                continue
            made.durations = [flight]
            made.untimed = [ev.starts[0]]
            out.append(made)
    return out


def link_plans(events: list[Event]) -> None:
    """A report or cancellation answers the plan of its kind and people nearest in time (or the one
    untimed plan), so both share a slot on the schedule board."""
    plans = [e for e in events if e.status == "planned" and e.origin == "extracted"]
    for ev in events:
        if ev.status == "planned" or ev.origin == "derived":
            continue
        fits = [p for p in plans if p.kind == ev.kind and p.qualifier == ev.qualifier
                and compatible(p.actors, ev.actors)]
        mine = ev.start if ev.start is not None else ev.start_window[0]
        timed = [p for p in fits if p.start is not None and mine is not None and abs(p.start - mine) <= SAME_SLOT]
        if timed:
            ev.plan = min(timed, key=lambda p: abs(p.start - mine))
        elif len(fits) == 1 and (fits[0].start is None or mine is None):
            ev.plan = fits[0]


def names(actors) -> str:
    """"Biden", "Biden and Xi", "Biden, Xi and Yellen"."""
    joiner = load_toml("kinds")["_format"]["and"]
    actors = list(actors)
    return joiner.join(actors) if len(actors) <= 2 else ", ".join(actors[:-1]) + joiner + actors[-1]


def label_of(ev: Event) -> str:
    """An English label that names what the text names: the kind's term ("Working lunch"), the item's
    own words for a generic kind ("Polls close: Indiana, Kentucky"), and the people."""
    specs = kind_specs()
    spec = specs.get(ev.kind, specs["other"])
    name = next((s.name for s in ev.sources if s.name), None) or spec.get("title", ev.kind)
    what = next((s.what for s in ev.sources if s.what), "")
    who = names(ev.actors)
    key = "label" if who else "label_nobody"
    if ev.origin == "derived" and "label_derived" in spec and who:
        key = "label_derived"
    elif ev.qualifier == "return" and "label_return" in spec and who:
        key = "label_return"
    template = spec.get(key) or spec.get("label", "{name}")
    if "{what}" in template and not what:
        template = "{name}: {actors}" if who else "{name}"
    text = template.format(actors=who, name=name, what=what).strip(" :")
    return (text or name) + (load_toml("kinds")["_format"]["untimed"] if ev.start is None else "")


def certainty_of(ev: Event) -> str:
    """What most tellings of the status support: the median certainty (the lower one of two middles),
    so one hedged report among firm ones neither decides nor vanishes."""
    ranks = sorted(CERTAINTY_RANK[s.certainty] for s in ev.sources if s.status == ev.status) or [2]
    rank = ranks[(len(ranks) - 1) // 2]
    return next(k for k, v in CERTAINTY_RANK.items() if v == rank)


def event_id(doc: str, ev: Event) -> str:
    """Stable: the same text and metadata give the same id."""
    spans = ",".join(str(s.start) for s in ev.sources)
    digest = hashlib.sha1(f"{doc}|{ev.slot}|{ev.status}|{ev.origin}|{spans}".encode()).hexdigest()[:10]
    return f"{doc}:{digest}"


def row(doc: str, ev: Event) -> dict:
    main = ev.starts[0] if ev.starts else ev.ends[0] if ev.ends else ev.sources[0]
    told = [f"L{s.line}: {s.text}" + "".join(f" / {x}" for x in s.also) for s in ev.sources]
    minutes = minutes_of(ev) if ev.origin == "extracted" else None     # a derived row's length is its flight's
    stated = [s for s in ev.starts + ev.ends] if ev.origin == "extracted" else []
    return {
        "event_id": event_id(doc, ev), "label": label_of(ev), "kind": ev.kind,
        "actors": "; ".join(ev.actors), "status": ev.status,
        "start": ev.start, "end": ev.end,
        "start_earliest": ev.start_window[0], "start_latest": ev.start_window[1],
        "end_earliest": ev.end_window[0], "end_latest": ev.end_window[1],
        "modifier": ev.modifier, "stated_tz": stated[0].tz if stated else None,
        "stated_text": " / ".join(s.text for s in stated), "slot": ev.slot, "origin": ev.origin,
        "doc": doc, "line": main.line, "span_start": main.start, "span_end": main.end, "quote": main.quote,
        "certainty": certainty_of(ev), "sources": " | ".join(dict.fromkeys(told)),
        "minutes_low": minutes[0] if minutes else None, "minutes_high": minutes[1] if minutes else None,
    }


def build_events(article: Article, mentions: list[Mention]) -> list[Event]:
    reader = Reader(article, mentions)
    durations = reader.durations(mentions)
    events = group(reader.timed(mentions), durations, reader.untimed(mentions))
    events += derive(events, durations)
    link_plans(events)
    # A reported event with no time and no window cannot be placed, unless it answers a plan (the
    # board says "took place"); a planned or cancelled one still belongs to the schedule.
    return [ev for ev in events if ev.start is not None or ev.start_window != (None, None)
            or ev.status in ("planned", "cancelled") or ev.plan is not None]


def events_from_mentions(article: Article, mentions: list[Mention]) -> pd.DataFrame:
    """The event table (schema.EVENT_SCHEMA), ordered by time; untimed events last."""
    events = build_events(article, mentions)
    table = make_table([row(article.doc, ev) for ev in events])
    order = table["start"].fillna(table["start_earliest"])
    return table.assign(_o=order).sort_values(["_o", "line"], na_position="last").drop(columns="_o") \
        .reset_index(drop=True)
