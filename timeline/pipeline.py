"""One call from a file to everything the app and CLI show: article, mentions, event table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .text.article import Article, load_article
from .events.grouping import events_from_mentions
from .text.extract import extract
from .text.mention import Mention


@dataclass
class Loaded:
    article: Article
    mentions: list[Mention]
    events: pd.DataFrame


def load(path, *, date=None, tz=None, lang=None, published=None) -> Loaded:
    art = load_article(path, date=date, tz=tz, lang=lang, published=published)
    mentions = extract(art.text, date=art.event_date, tz=art.local_tz, lang=art.language,
                       published=art.published)
    return Loaded(art, mentions, events_from_mentions(art, mentions))
