"""timeline.extract: every clock time and duration in a text, resolved to instants."""

from __future__ import annotations

from .dates import parse_date
from .langdata import available, load_language
from .layout import read_layout
from .mention import Mention
from .resolve import ClockResolver, clock_valid, duration_mention
from .scan import (add_context, add_duration_context, detect_language, find, keep, line_number,
                   non_overlapping, sentence_bounds, windows)
from .zones import zone_name


def extract(text: str, *, date=None, tz: str | None = None, lang: str | None = None,
            published=None) -> list[Mention]:
    """Mentions of clock times and durations in `text`, in text order.

    `date` is the day times without a date refer to, `tz` the zone "local time" means,
    `lang` a language code (detected when None), `published` the day "tonight" and "morgen" count from
    (the event date when None). Raises BadDate, UnknownZone, UnknownLanguage.
    """
    event = parse_date(date)
    published = parse_date(published)
    zone = zone_name(tz) if tz else None
    language = load_language(lang or detect_language(text, available(), load_language))
    spans = windows(text, language)
    hits = non_overlapping(find(text, language.rules["clock"] + language.rules["duration"], spans))
    clocks, durations = [], []
    for h in hits:
        if h.rule.section == "clock":
            add_context(text, h, language)
            clocked = language.not_clock_after is not None and language.not_clock_after.match(text, h.end)
            if keep(h) and clock_valid(h, language) and not clocked:
                clocks.append(h)
        else:
            add_duration_context(text, h, language)
            durations.append(duration_mention(text, h, language))
    sentences = sentence_bounds(text, language, [(h.start, h.end) for h in clocks])
    layout = read_layout(text, language, [h.start for h in clocks], zone, [h.end for h in clocks])
    resolver = ClockResolver(text, language, event, zone, sentences, published, layout)
    mentions = resolver.run(clocks)
    for d in durations:
        d.line = line_number(resolver.newlines, d.start)
    return sorted(mentions + durations, key=lambda m: m.start)
