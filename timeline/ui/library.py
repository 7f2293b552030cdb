"""The store and the documents one browser session may pick: the bundled ones, those it added or opened
by link, and its stories; never everyone's."""

from __future__ import annotations

import secrets
from pathlib import Path

import streamlit as st

from ..documents import read_document, seed_store
from ..errors import TimelineError
from ..pipeline import ENGINE_VERSION
from ..store import open_store, store_target


@st.cache_resource(show_spinner=False)
def _store(target: str, data: str):
    # Not cached when it raises: a store that was locked opens on a later run.
    store = open_store(target)
    seed_store(store, Path(data))
    return store


def get_store(data: Path):
    """(store, None) or (None, message naming the file)."""
    try:
        return _store(store_target(), str(data)), None
    except TimelineError as exc:
        return None, str(exc)


@st.cache_data(show_spinner=False, max_entries=32)
def read_doc(doc: str, data: str, engine: str = ENGINE_VERSION):
    """The engine's reading of a document: (meta, text, mention spans, events). A stored id names one
    text and metadata for good, so the id and the engine version are the whole key."""
    store, _ = get_store(Path(data))
    loaded, bundled = read_document(doc, store, Path(data))
    art = loaded.article
    meta = {"title": art.title or doc, "source": art.source, "date": art.event_date, "tz": art.local_tz or "UTC",
            "warnings": art.warnings, "bundled": bundled, "language": art.language}
    return meta, art.text, [(m.start, m.end) for m in loaded.mentions], loaded.events


def session() -> dict:
    """This session's own: documents, stories, edit tokens, id (for the edit history)."""
    state = st.session_state
    state.setdefault("mine", [])
    state.setdefault("my_stories", [])
    state.setdefault("tokens", {})
    state.setdefault("sid", secrets.token_hex(6))
    return state


def remember(doc: str, token: str | None = None, story: bool = False) -> None:
    state = session()
    bucket = state["my_stories"] if story else state["mine"]
    if doc not in bucket:
        bucket.append(doc)
    if token:
        state["tokens"][doc] = token

