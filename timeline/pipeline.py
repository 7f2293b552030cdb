"""One call from a file or a text to everything the app and CLI show: article, mentions, event table."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .text.article import Article, article_from_text, load_article
from .events.grouping import events_from_mentions
from .text.extract import extract
from .text.mention import Mention

VERSION = "0.8.0"


def _engine_version() -> str:
    # The release plus a digest of the code and language data that make the event table: a store notes it
    # per document, and a changed engine re-reads documents (readers' edits are matched again).
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*root.glob("text/*.py"), *root.glob("events/*.py"), *root.glob("lang/*.toml")]):
        digest.update(path.name.encode() + path.read_bytes())
    return f"{VERSION}+{digest.hexdigest()[:8]}"


ENGINE_VERSION = _engine_version()


@dataclass
class Loaded:
    article: Article
    mentions: list[Mention]
    events: pd.DataFrame


def read(art: Article) -> Loaded:
    mentions = extract(art.text, date=art.event_date, tz=art.local_tz, lang=art.language,
                       published=art.published)
    return Loaded(art, mentions, events_from_mentions(art, mentions))


def load(path, *, date=None, tz=None, lang=None, published=None) -> Loaded:
    return read(load_article(path, date=date, tz=tz, lang=lang, published=published))


def load_text(text: str, meta: dict, doc: str, **flags) -> Loaded:
    """A text already in hand (a paste, an upload, a URL, the store) with its metadata."""
    return read(article_from_text(text, meta, doc, **flags))
