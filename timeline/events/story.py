"""A story: several reports of one day merged into one timeline, every telling kept.

Two events from different documents are one event when they have the same kind and status, their actors
overlap (an event naming no one joins only on overlapping windows, without slack), and their windows,
widened by MERGE_MINUTES, overlap. The merged row takes the most exact telling's time, never an average;
where the tellings differ, `disagreement` sets them side by side.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import pandas as pd

from ..schema import make_table
from ..settings import MERGE_MINUTES
from .board import window
from .edits import row_record

SLACK = pd.Timedelta(minutes=MERGE_MINUTES)


@dataclass(frozen=True)
class Report:
    """One document of a story: its id, who published it (for "(TASS)"), and its event table."""
    doc: str
    source: str
    events: pd.DataFrame


def _span(r):
    lo = r["start_earliest"] if not pd.isna(r["start_earliest"]) else r["start"]
    hi = r["start_latest"] if not pd.isna(r["start_latest"]) else r["start"]
    return (None, None) if pd.isna(lo) else (lo, hi)


def _point(r):
    if not pd.isna(r["start"]):
        return r["start"]
    lo, hi = _span(r)
    return None if lo is None else lo + (hi - lo) / 2


def _people(r) -> set:
    return {a for a in str(r["actors"] if not pd.isna(r["actors"]) else "").split("; ") if a}


def same_event(a, b) -> bool:
    if str(a["kind"]) != str(b["kind"]) or str(a["status"]) != str(b["status"]):
        return False
    pa, pb = _people(a), _people(b)
    if pa and pb and not pa & pb:
        return False
    (alo, ahi), (blo, bhi) = _span(a), _span(b)
    if alo is None or blo is None:
        return alo is None and blo is None and bool(pa & pb)
    slack = SLACK if pa and pb else pd.Timedelta(0)
    return alo - slack <= bhi and blo - slack <= ahi


def _width(r):
    lo, hi = _span(r)
    return pd.Timedelta.max if lo is None else hi - lo


def _distance(a, b) -> pd.Timedelta:
    p, q = _point(a), _point(b)
    return abs(p - q) if p is not None and q is not None else pd.Timedelta(0)


def merge_reports(reports: list[Report], tz: str, day=None) -> pd.DataFrame:
    """The story's event table: one row per event, with `tellings` (JSON), `told_by` and `disagreement`.

    Closest pairs join first, so a telling at the same minute wins over a near one; a cluster holds at
    most one telling per document, and every two of its tellings must be the same event.
    """
    items = [(rep, r) for rep in reports for _, r in rep.events.iterrows()]
    pairs = sorted((_distance(a[1], b[1]), i, j) for i, a in enumerate(items) for j, b in enumerate(items)
                   if i < j and a[0].doc != b[0].doc and same_event(a[1], b[1]))
    cluster_of = {i: [i] for i in range(len(items))}
    for _, i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci is cj or {items[k][0].doc for k in ci} & {items[k][0].doc for k in cj}:
            continue
        if all(same_event(items[a][1], items[b][1]) for a in ci for b in cj):
            ci.extend(cj)
            for k in cj:
                cluster_of[k] = ci
    clusters = list({id(c): c for c in cluster_of.values()}.values())
    return make_story_table([[items[k] for k in sorted(c)] for c in clusters], tz, day)


def telling(rep: Report, r, tz: str, day) -> dict:
    when = window(r["start"], r["start_earliest"], r["start_latest"], tz, day, str(r["modifier"]))
    return {"doc": rep.doc, "source": rep.source, "when": when or "no time given", "line": int(r["line"])
            if not pd.isna(r["line"]) else None, "quote": str(r["quote"]), "stated_text": str(r["stated_text"])
            if not pd.isna(r["stated_text"]) else "", "event_id": str(r["event_id"])}


def disagreement(cluster, tellings: list[dict]) -> str:
    """"10:54 AKDT (TASS) vs shortly before 11:00 AKDT (CBS News)" when the tellings differ, else ""."""
    timed = [(r, t) for (_, r), t in zip(cluster, tellings) if _point(r) is not None]
    # Different stated instants disagree; "about 11:00" beside "11:00" does not.
    if len({_point(r).floor("min") for r, _ in timed}) < 2:
        return ""
    return " vs ".join(f"{t['when']} ({t['source']})" for _, t in timed)


def make_story_table(clusters, tz: str, day=None) -> pd.DataFrame:
    rows, extra = [], []
    for cluster in clusters:
        rep, best = min(cluster, key=lambda m: _width(m[1]))
        row = row_record(best)
        people = []
        for _, r in cluster:
            people += [p for p in str(r["actors"] if not pd.isna(r["actors"]) else "").split("; ")
                       if p and p not in people]
        tellings = [telling(rp, r, tz, day) for rp, r in cluster]
        row.update(actors="; ".join(people), doc=rep.doc,
                   event_id="story:" + hashlib.sha1("|".join(t["event_id"] for t in tellings).encode())
                   .hexdigest()[:10],
                   sources=" | ".join(f"{t['source']}: {t['when']} “{t['quote']}”" for t in tellings))
        rows.append(row)
        extra.append({"told_by": len({t["doc"] for t in tellings}), "disagreement": disagreement(cluster, tellings),
                      "tellings": json.dumps(tellings, ensure_ascii=False)})
    table = make_table(rows)
    for name in ("told_by", "disagreement", "tellings"):
        table[name] = pd.Series([e[name] for e in extra], dtype="Int64" if name == "told_by" else "string")
    order = table["start"].fillna(table["start_earliest"])
    return table.assign(_o=order).sort_values("_o", na_position="last").drop(columns="_o").reset_index(drop=True)
