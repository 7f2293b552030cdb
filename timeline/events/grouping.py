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
from ..text.mention import Mention
from ..schema import make_table
from .evidence import Reader, Source

SAME_EVENT = timedelta(minutes=60)       # two tellings of one event lie this close
SHARED_KINDS = {"meal"}                  # one per article and status, whoever is named with it
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

    @property
    def slot(self) -> str:
        # A meal is one scheduled item whoever is named with it; other items are told apart by actors.
        who = "" if self.kind in SHARED_KINDS else ";".join(sorted(self.actors))
        return ":".join(x for x in (self.kind, who, self.qualifier) if x)

    @property
    def sources(self) -> list[Source]:
        return self.starts + self.ends + self.untimed + self.durations


def compatible(a: tuple, b: tuple) -> bool:
    return not a or not b or bool(set(a) & set(b))


def settle(sources: list[Source]):
    """The instant, window and modifier told by several sources of one moment."""
    best = min(sources, key=lambda s: (s.latest - s.earliest, s.utc))
    return best.utc, (min(s.earliest for s in sources), max(s.latest for s in sources)), best.modifier


def group(timed: list[Source], durations: list[Source], untimed: list[Source]) -> list[Event]:
    events: list[Event] = []
    for src in sorted(timed, key=lambda s: s.utc):
        home = None
        for ev in events:
            if (ev.kind, ev.qualifier, ev.status) != (src.kind, src.qualifier, src.status) \
                    or not compatible(ev.actors, src.actors):
                continue
            anchor = ev.starts[0].utc if ev.starts else ev.ends[0].utc
            if src.role == "end" and not ev.ends and src.utc >= anchor:
                home = ev
            elif src.role != "end" and abs(src.utc - anchor) <= SAME_EVENT:
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
    """The event an untimed telling belongs to: a timed one inside its day, or the same scheduled item.

    Meals and press appearances are one per article and status, whoever the text names with them.
    """
    for ev in events:
        if ev.kind != src.kind or (ev.status != src.status and src.status != "unknown"):
            continue
        if src.earliest is not None:
            if ev.starts and src.earliest <= ev.starts[0].utc <= src.latest and compatible(ev.actors, src.actors):
                return ev
        elif not ev.starts and (src.kind in SHARED_KINDS or compatible(ev.actors, src.actors)):
            return ev
    if src.status == "unknown":
        return next((ev for ev in events if ev.kind == src.kind and compatible(ev.actors, src.actors)), None)
    return None


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


def place_untimed(events: list[Event]) -> None:
    """An item told without a time (the joint press appearance) lies between the end of the talks and
    the departure of the same people, when both are known."""
    talks = [e for e in events if e.kind == "meeting" and e.status == "actual" and e.end is not None]
    leaving = [e for e in events if e.kind == "departure" and e.status == "actual" and e.start is not None
               and e.origin == "extracted"]
    for ev in events:
        if ev.starts or ev.start_window != (None, None) or ev.kind not in ("press", "meal", "meeting"):
            continue
        t = next((x for x in talks if compatible(x.actors, ev.actors)), None)
        d = next((x for x in leaving if compatible(x.actors, ev.actors)), None)
        if t is not None and d is not None and t.end_window[0] < d.start_window[1]:
            ev.start_window = (t.end_window[0], d.start_window[1])
            ev.modifier, ev.origin = "approx", "derived"


def label_of(ev: Event) -> str:
    labels = load_toml("labels")["labels"]
    names = list(ev.actors)
    who = " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
    key = ev.kind
    qualifier = "expanded" if any("expanded" in s.qualifiers for s in ev.sources) else ev.qualifier
    if qualifier in ("return", "expanded") and f"{key}_{qualifier}" in labels:
        key = f"{key}_{qualifier}"
    if ev.origin == "derived" and f"{ev.kind}_derived" in labels:
        key = f"{ev.kind}_derived"
    text = labels.get(key, labels["other"]).format(actors=who or labels["nobody"])
    return text + (labels["untimed"] if ev.start is None else "")


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
    place_untimed(events)
    # A reported event with no time and no window cannot be placed; a planned or cancelled one still
    # belongs to the schedule.
    return [ev for ev in events if ev.start is not None or ev.start_window != (None, None)
            or ev.status in ("planned", "cancelled")]


def events_from_mentions(article: Article, mentions: list[Mention]) -> pd.DataFrame:
    """The event table (schema.EVENT_SCHEMA), ordered by time; untimed events last."""
    events = build_events(article, mentions)
    table = make_table([row(article.doc, ev) for ev in events])
    order = table["start"].fillna(table["start_earliest"])
    return table.assign(_o=order).sort_values(["_o", "line"], na_position="last").drop(columns="_o") \
        .reset_index(drop=True)
