"""From mentions to the event table. This first version makes one event per placed clock time;
the events issue (kinds, actors, status, merging) builds on it."""

from __future__ import annotations

import hashlib

import pandas as pd

from .article import Article
from .mention import Mention
from .schema import TIME_COLUMNS, make_table
from .scan import sentence_bounds
from .langdata import load_language


def event_id(doc: str, m: Mention) -> str:
    """Stable: the same text and metadata give the same id."""
    digest = hashlib.sha1(f"{doc}|{m.start}|{m.end}|{m.text}".encode()).hexdigest()[:10]
    return f"{doc}:{digest}"


def quote_of(text: str, sentences, pos: int) -> str:
    for a, b in sentences:
        if a <= pos < b:
            return " ".join(text[a:b].split())
    return ""


def events_from_mentions(article: Article, mentions: list[Mention]) -> pd.DataFrame:
    placed = [m for m in mentions if m.kind == "clock" and m.utc is not None]
    sentences = sentence_bounds(article.text, load_language(article.language),
                                [(m.start, m.end) for m in placed])
    rows = [{
        "event_id": event_id(article.doc, m),
        "label": f"Time mentioned: {m.text}",
        "kind": "other", "actors": "", "status": "unknown",
        "start": m.utc, "end": None,
        "start_earliest": m.earliest, "start_latest": m.latest,
        "end_earliest": None, "end_latest": None,
        "modifier": m.modifier, "stated_tz": m.tz, "stated_text": m.text, "slot": "",
        "origin": "extracted", "doc": article.doc, "line": m.line,
        "span_start": m.start, "span_end": m.end,
        "quote": quote_of(article.text, sentences, m.start),
    } for m in placed]
    return make_table(rows)


def table_to_records(table: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: times as ISO UTC strings, missing values as null."""
    out = []
    for row in table.to_dict("records"):
        rec = {}
        for k, v in row.items():
            if k in TIME_COLUMNS:
                rec[k] = None if pd.isna(v) else v.strftime("%Y-%m-%dT%H:%M:%SZ")
            elif v is None or (not isinstance(v, str) and pd.isna(v)):
                rec[k] = None
            else:
                rec[k] = v.item() if hasattr(v, "item") else v
        out.append(rec)
    return out
