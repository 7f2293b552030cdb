"""Documents by id: the bundled files in data/ (their file names are their ids) and the store's.

Bundled files are read from data/ even when the store cannot be opened, so the app always has the seed.
The store also holds a copy of each (loaded into an empty store on first start) so that the command line
lists and exports them like any other document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import TimelineError
from .events.edits import apply_edits
from .pipeline import ENGINE_VERSION, Loaded, load, load_text, read
from .store import Store
from .store.base import clean_meta, document_id
from .text.article import article_from_text, load_meta
from .text.langdata import load_language

DATA = Path(__file__).resolve().parent.parent / "data"
TITLE_MAX = 160


class UnknownDocument(TimelineError, KeyError):
    """No bundled file and no stored document has this id."""


@dataclass
class Opened:
    """A document read by the engine, with readers' edits laid over its event table."""
    id: str
    loaded: Loaded
    events: pd.DataFrame                   # after edits
    report: list = field(default_factory=list)   # (edit, state) per edit
    bundled: bool = False


def bundled_ids(data: Path = DATA) -> list[str]:
    return sorted(p.name[:-4] for p in data.glob("*.txt"))


def seed_store(store: Store, data: Path = DATA) -> list[str]:
    """Copy bundled documents missing from the store into it; returns the ids added."""
    have = {s.id for s in store.list_documents(bundled_ids(data))}
    added = []
    for doc in bundled_ids(data):
        if doc not in have:
            loaded = load(data / f"{doc}.txt")
            meta, _ = load_meta(data / f"{doc}.txt")
            store.add_document(loaded.article.text, meta, engine=ENGINE_VERSION, events=len(loaded.events),
                               bundled_id=doc)
            added.append(doc)
    return added


def read_document(doc: str, store: Store | None, data: Path = DATA) -> tuple[Loaded, bool]:
    """The engine's reading of a document and whether it is bundled. Raises UnknownDocument."""
    if doc in bundled_ids(data):
        return load(data / f"{doc}.txt"), True
    stored = store.get_document(doc) if store is not None else None
    if stored is None:
        raise UnknownDocument(doc)
    return load_text(stored.text, stored.meta, stored.id), stored.bundled


def open_document(doc: str, store: Store | None, data: Path = DATA) -> Opened:
    loaded, bundled = read_document(doc, store, data)
    edits = store.edits(doc) if store is not None and not bundled else []
    events, report = apply_edits(loaded.events, edits, doc)
    return Opened(doc, loaded, events, report, bundled)


def infer_meta(text: str, lang: str | None = None) -> tuple[dict, list[str]]:
    """Metadata for a new text as the loader would infer it (language, dates, zone), plus a title taken
    from its first line; the reader confirms or changes it before it is stored."""
    art = article_from_text(text, {}, "new", lang=lang)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    zone = art.local_tz
    home = load_language(art.language).home_zone if art.language else None
    if zone is None and home:
        zone = home
        art.warnings.append(f"no place with a known zone named; suggesting {home}, where such outlets publish")
    meta = {"title": first[:TITLE_MAX], "language": art.language, "event_date": art.event_date,
            "published": art.published or art.event_date, "local_tz": zone}
    return meta, art.warnings


def add_document(store: Store, text: str, meta: dict, **flags) -> tuple[str, str | None, Loaded]:
    """Store a text with its metadata (flags as in the CLI override it); (id, edit token or None, reading)."""
    art = article_from_text(text, meta, "new", **flags)
    final = clean_meta({**meta, "language": art.language, "event_date": art.event_date,
                        "local_tz": art.local_tz, "published": art.published})
    art.doc = document_id(text, final)      # read once: the stored metadata is what `art` was read with
    loaded = read(art)
    doc, token = store.add_document(text, final, engine=ENGINE_VERSION, events=len(loaded.events))
    return doc, token, loaded
