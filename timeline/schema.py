"""The event table's one declaration (DESIGN.md §5): columns, dtypes and an empty table."""

from __future__ import annotations

import pandas as pd

from .text.langdata import load_toml

# The open kind vocabulary of timeline/lang/kinds.toml: adding a kind there adds it here.
KINDS = [k for k in load_toml("kinds") if not k.startswith("_")]
STATUSES = ["planned", "actual", "cancelled", "unknown"]
MODIFIERS = ["exact", "approx", "after", "before"]
ORIGINS = ["extracted", "derived", "edited"]
CERTAINTIES = ["certain", "likely", "unclear"]
TIME = "datetime64[us, UTC]"

# column -> dtype, in table order
EVENT_SCHEMA = {
    "event_id": "string",
    "label": "string",
    "kind": pd.CategoricalDtype(KINDS),
    "actors": "string",
    "status": pd.CategoricalDtype(STATUSES),
    "start": TIME,
    "end": TIME,
    "start_earliest": TIME,
    "start_latest": TIME,
    "end_earliest": TIME,
    "end_latest": TIME,
    "modifier": pd.CategoricalDtype(MODIFIERS),
    "stated_tz": "string",
    "stated_text": "string",
    "slot": "string",
    "origin": pd.CategoricalDtype(ORIGINS),
    "doc": "string",
    "line": "Int64",
    "span_start": "Int64",
    "span_end": "Int64",
    "quote": "string",
    # Beyond DESIGN.md §5: how sure the text is, every place that tells of the event, and its length.
    "certainty": pd.CategoricalDtype(CERTAINTIES),
    "sources": "string",
    "minutes_low": "Int64",
    "minutes_high": "Int64",
    # A reader's correction: what the engine said of the fields the reader changed (JSON), else NA.
    "engine_said": "string",
}
TIME_COLUMNS = [c for c, t in EVENT_SCHEMA.items() if t == TIME]


def make_table(rows: list[dict]) -> pd.DataFrame:
    """A DataFrame in the schema's column order and dtypes (missing values become NA/NaT)."""
    frame = pd.DataFrame(rows, columns=list(EVENT_SCHEMA))
    for column, dtype in EVENT_SCHEMA.items():
        if dtype == TIME:
            frame[column] = pd.to_datetime(frame[column], utc=True).astype(TIME)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
