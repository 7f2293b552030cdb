"""Stories (DESIGN.md §8, timeline/events/story.py): several reports of one day merged into one timeline.

Two parts:
- the three Anchorage reports (the seed plus tests/stories/), checked against `tests/stories/story.gold.csv`,
  which was written by reading the articles: expectations come from the gold file, not from the engine;
- merge_reports on small hand-made event tables, one rule per test.

Instants are worked out by hand: 2025-08-15, America/Anchorage = AKDT = UTC-8.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from timeline.events.story import Report, merge_reports
from timeline.pipeline import load
from timeline.schema import make_table

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "stories"
AK = "America/Anchorage"
SEED = "alaska-summit-2025-08-15.nl"
CHRONOLOGY = "alaska-chronology-2025-08-15.en"
SCHEDULE = "alaska-schedule-2025-08-15.en"
PATHS = {SEED: ROOT / "data" / f"{SEED}.txt",
         CHRONOLOGY: STORIES / f"{CHRONOLOGY}.txt",
         SCHEDULE: STORIES / f"{SCHEDULE}.txt"}


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(tmp_path / "store.sqlite3"))


# --------------------------------------------------------------------------- the three Anchorage reports

def read_gold() -> list[dict]:
    with open(STORIES / "story.gold.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def timed_shared_events() -> list[tuple]:
    """(event, kind, status, {doc: {lines}}) for every gold event and status that two or more documents
    tell with a time; the lines are those tellings' gold lines."""
    groups = defaultdict(lambda: defaultdict(set))
    kinds = {}
    for row in read_gold():
        key = (row["event"], row["status"])
        kinds.setdefault(key, set()).add(row["kind"])
        if row["start_utc"].strip():
            groups[key][row["doc"]].add(int(row["line"]))
    out = []
    for (event, status), docs in groups.items():
        if len(docs) >= 2:
            (kind,) = kinds[(event, status)]       # one kind per gold event and status
            out.append((event, kind, status, {d: frozenset(lines) for d, lines in docs.items()}))
    return out


# Gold events the engine does not (yet) merge: event -> why. Each becomes a strict xfail, so the day the
# engine gets it right the test says so.
NOT_MERGED = {
    ("talks-end", "actual"): (
        "the engine has no event for the end of the talks: seed line 47 'eindigde ... rond 14.15 uur' and "
        "chronology line 11 'About 2:15 p.m. — The talks ended' are folded into the talks row (kind meeting, "
        "status actual, seed line 64 / chronology line 9) as that row's `end` (22:15Z), so no merged row "
        "has tellings on the gold lines 47 and 11; the end time itself is merged, as the talks' end"),
}


def shared_cases():
    cases = []
    for event, kind, status, docs in timed_shared_events():
        reason = NOT_MERGED.get((event, status))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(kind, status, docs, marks=marks, id=f"{event}-{status}"))
    return cases


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    out = []
    for doc, path in PATHS.items():
        loaded = load(path)
        assert loaded.article.doc == doc
        assert loaded.article.source, f"{path}: metadata names no source"
        out.append(Report(doc, loaded.article.source, loaded.events))
    return out


@pytest.fixture(scope="module")
def story(reports) -> pd.DataFrame:
    return merge_reports(reports, AK)


def tellings(row) -> list[dict]:
    return json.loads(row["tellings"])


def engine_row(reports, doc: str, event_id: str):
    """The row of the document's own event table that a telling stands for."""
    rep = next(r for r in reports if r.doc == doc)
    rows = rep.events[rep.events["event_id"] == event_id]
    assert len(rows) == 1, (doc, event_id)
    return rows.iloc[0]


def test_gold_has_timed_shared_events():
    """The parametrization below is not empty, and covers the events the README names."""
    names = {(e, s) for e, _, s, _ in timed_shared_events()}
    assert ("putin-arrives", "actual") in names
    assert ("trump-departs", "planned") in names
    assert len(names) >= 8


def test_story_table_has_the_story_columns(story):
    for column in ("told_by", "disagreement", "tellings"):
        assert column in story.columns
    assert len(story)
    for _, row in story.iterrows():
        told = tellings(row)
        assert told, row["event_id"]
        assert row["told_by"] == len({t["doc"] for t in told})


@pytest.mark.parametrize("kind, status, docs", shared_cases())
def test_gold_shared_event_is_one_merged_row(story, kind, status, docs):
    """Some merged row has the gold kind and status and a telling from each document that gives a time,
    each on one of that document's gold lines."""
    def matches(row) -> bool:
        if str(row["kind"]) != kind or str(row["status"]) != status:
            return False
        told = tellings(row)
        return all(any(t["doc"] == doc and t["line"] in lines for t in told) for doc, lines in docs.items())

    found = [row for _, row in story.iterrows() if matches(row)]
    if not found:
        near = [(str(r["kind"]), str(r["status"]), [(t["doc"], t["line"]) for t in tellings(r)])
                for _, r in story.iterrows() if str(r["kind"]) == kind]
        pytest.fail(f"no merged {kind}/{status} row told by {dict(docs)}; rows of that kind: {near}")
    assert len(found) == 1, "one event, one merged row"


def test_talks_end_is_the_end_of_the_merged_talks_row(story):
    """Where the engine keeps the end of the talks (see NOT_MERGED): the merged talks row ends at the gold
    talks-end instant, which both documents state."""
    gold = read_gold()
    (end,) = {g["start_utc"] for g in gold if g["event"] == "talks-end" and g["start_utc"]}
    talks = defaultdict(set)
    for g in gold:
        if g["event"] == "talks" and g["status"] == "actual" and g["start_utc"]:
            talks[g["doc"]].add(int(g["line"]))
    rows = [r for _, r in story.iterrows() if str(r["kind"]) == "meeting" and str(r["status"]) == "actual"
            and all(any(t["doc"] == d and t["line"] in n for t in tellings(r)) for d, n in talks.items())]
    assert len(rows) == 1
    assert rows[0]["end"] == pd.Timestamp(end)


def putin_actual_arrival(story):
    rows = [r for _, r in story.iterrows()
            if str(r["kind"]) == "arrival" and str(r["status"]) == "actual"
            and {t["doc"] for t in tellings(r)} >= {SEED, CHRONOLOGY}
            and any(t["doc"] == CHRONOLOGY and t["line"] == 5 for t in tellings(r))]
    assert len(rows) == 1, "gold: Putin's landing, seed line 103 and chronology line 5, is one merged row"
    return rows[0]


def test_putin_arrival_disagreement_names_both_tellings_with_sources(story, reports):
    row = putin_actual_arrival(story)
    source = {r.doc: r.source for r in reports}
    parts = row["disagreement"].split(" vs ")
    assert len(parts) == 2, row["disagreement"]
    chron = [p for p in parts if p.endswith(f"({source[CHRONOLOGY]})")]
    seed = [p for p in parts if p.endswith(f"({source[SEED]})")]
    assert len(chron) == 1 and len(seed) == 1, row["disagreement"]
    assert "10:54" in chron[0], row["disagreement"]
    assert "before 11:00" in seed[0], row["disagreement"]


def test_putin_arrival_start_is_a_stated_instant_not_an_average(story, reports):
    row = putin_actual_arrival(story)
    instants = {engine_row(reports, t["doc"], t["event_id"])["start"] for t in tellings(row)}
    # gold: 10:54 AKDT (chronology) and the stated 11:00 AKDT of "kort voor 11.00 uur" (seed)
    assert instants == {pd.Timestamp("2025-08-15T18:54Z"), pd.Timestamp("2025-08-15T19:00Z")}
    assert row["start"] in instants
    assert row["start"] != pd.Timestamp("2025-08-15T18:57Z"), "the midpoint of the two tellings"


def test_planned_and_actual_are_never_one_row(story, reports):
    assert len(story)
    for _, row in story.iterrows():
        statuses = {str(engine_row(reports, t["doc"], t["event_id"])["status"]) for t in tellings(row)}
        assert statuses == {str(row["status"])}, (row["label"], statuses)


def test_a_merged_row_holds_at_most_one_telling_per_document(story):
    for _, row in story.iterrows():
        docs = [t["doc"] for t in tellings(row)]
        assert len(docs) == len(set(docs)), row["label"]


def test_gold_planned_and_actual_lines_are_not_mixed(story):
    """No merged row has a gold planned telling and a gold actual telling of the same event."""
    status_at = defaultdict(set)
    for g in read_gold():
        if g["start_utc"].strip():
            status_at[(g["doc"], int(g["line"]), g["kind"])].add(g["status"])
    for _, row in story.iterrows():
        seen = set()
        for t in tellings(row):
            gold = status_at.get((t["doc"], t["line"], str(row["kind"])), set())
            if len(gold) == 1:
                seen |= gold
        assert len(seen) <= 1, (row["label"], seen)


# --------------------------------------------------------------------------- merge_reports, by hand

def at(hhmm: str) -> pd.Timestamp:
    """A wall time on 2025-08-15 in Anchorage (AKDT) as UTC."""
    return pd.Timestamp(f"2025-08-15T{hhmm}", tz=AK).tz_convert("UTC")


WINDOWS = {"exact": (0, 0), "approx": (-15, 15), "after": (0, 30), "before": (-30, 0)}
_serial = iter(range(1, 10_000))


def event(doc: str, hhmm: str | None, *, kind="arrival", actors="Putin", status="actual", modifier="exact",
          label=None) -> dict:
    n = next(_serial)
    start = at(hhmm) if hhmm else None
    low, high = WINDOWS[modifier]
    return {"event_id": f"{doc}:e{n}", "label": label or f"{kind} {actors} {hhmm}", "kind": kind,
            "actors": actors, "status": status, "start": start,
            "start_earliest": start + pd.Timedelta(minutes=low) if start is not None else None,
            "start_latest": start + pd.Timedelta(minutes=high) if start is not None else None,
            "modifier": modifier, "doc": doc, "line": n, "quote": f"quote {n}",
            "stated_text": hhmm or "", "span_start": 10 * n, "span_end": 10 * n + 5}


def report(doc: str, *events: dict) -> Report:
    return Report(doc, f"Source {doc}", make_table(list(events)))


def merged(*reports: Report) -> pd.DataFrame:
    return merge_reports(list(reports), AK)


def ids(row) -> set:
    return {t["event_id"] for t in tellings(row)}


def test_same_kind_status_actors_within_15_minutes_is_one_row():
    a, b = event("A", "11:00"), event("B", "11:10")
    out = merged(report("A", a), report("B", b))
    assert len(out) == 1
    assert out.loc[0, "told_by"] == 2
    assert ids(out.loc[0]) == {a["event_id"], b["event_id"]}


def test_exactly_15_minutes_apart_still_merges():
    out = merged(report("A", event("A", "11:00")), report("B", event("B", "11:15")))
    assert list(out["told_by"]) == [2]


def test_40_minutes_apart_is_two_rows():
    out = merged(report("A", event("A", "11:00")), report("B", event("B", "11:40")))
    assert len(out) == 2
    assert list(out["told_by"]) == [1, 1]


@pytest.mark.parametrize("field, a, b", [
    ("kind", "arrival", "departure"),
    ("status", "planned", "actual"),
    ("actors", "Trump", "Putin"),
])
def test_a_different_kind_status_or_people_is_two_rows(field, a, b):
    out = merged(report("A", event("A", "11:00", **{field: a})), report("B", event("B", "11:00", **{field: b})))
    assert len(out) == 2
    assert sorted(map(str, out[field])) == sorted([a, b])


def test_overlapping_actors_merge_and_join_their_names():
    out = merged(report("A", event("A", "11:00", actors="Trump; Putin")),
                 report("B", event("B", "11:05", actors="Putin; Lavrov")))
    assert len(out) == 1
    assert set(out.loc[0, "actors"].split("; ")) == {"Trump", "Putin", "Lavrov"}


def test_two_events_of_the_same_document_are_never_one_row():
    a1, a2 = event("A", "11:00"), event("A", "11:05")
    alone = merged(report("A", a1, a2))
    assert len(alone) == 2
    b = event("B", "11:02")
    out = merged(report("A", event("A", "11:00"), event("A", "11:05")), report("B", b))
    assert len(out) == 2
    for _, row in out.iterrows():
        docs = [t["doc"] for t in tellings(row)]
        assert len(docs) == len(set(docs)), docs
    assert sorted(out["told_by"]) == [1, 2]


def test_the_closer_pair_wins_over_a_nearer_first_one():
    """A at about 11:27 could join B's 11:10 (listed first, windows overlap with the slack) or B's 11:27:
    it joins 11:27, and C's 11:25 joins them; B's 11:10 stays on its own."""
    a = event("A", "11:27", modifier="approx")
    b10, b27 = event("B", "11:10"), event("B", "11:27")
    c = event("C", "11:25")
    out = merged(report("A", a), report("B", b10, b27), report("C", c))
    assert len(out) == 2
    rows = {int(r["told_by"]): r for _, r in out.iterrows()}
    assert ids(rows[3]) == {a["event_id"], b27["event_id"], c["event_id"]}
    assert ids(rows[1]) == {b10["event_id"]}


def test_the_closer_pair_wins_with_two_documents():
    a = event("A", "11:27", modifier="approx")
    b10, b27 = event("B", "11:10"), event("B", "11:27")
    out = merged(report("A", a), report("B", b10, b27))
    pair = out[out["told_by"] == 2]
    assert len(pair) == 1
    assert ids(pair.iloc[0]) == {a["event_id"], b27["event_id"]}


def test_merged_start_is_the_most_exact_telling_never_an_average():
    a = event("A", "11:00", modifier="before")     # 10:30-11:00
    b = event("B", "10:54")
    out = merged(report("A", a), report("B", b))
    assert len(out) == 1
    assert out.loc[0, "start"] == at("10:54")
    assert out.loc[0, "start"] != at("10:57")


def test_identical_instants_have_no_disagreement():
    out = merged(report("A", event("A", "11:00")), report("B", event("B", "11:00")))
    assert len(out) == 1
    assert out.loc[0, "disagreement"] == ""


def test_about_11_beside_exact_11_is_no_disagreement():
    out = merged(report("A", event("A", "11:00", modifier="approx")), report("B", event("B", "11:00")))
    assert len(out) == 1
    assert out.loc[0, "disagreement"] == ""


def test_different_instants_disagree_with_both_sources():
    out = merged(report("A", event("A", "11:00")), report("B", event("B", "10:54")))
    assert len(out) == 1
    text = out.loc[0, "disagreement"]
    assert "10:54" in text and "11:00" in text, text
    assert "(Source A)" in text and "(Source B)" in text, text


def test_untimed_events_merge_with_untimed_of_same_kind_status_and_overlapping_actors():
    a = event("A", None, kind="press", actors="Trump; Putin")
    b = event("B", None, kind="press", actors="Putin")
    out = merged(report("A", a), report("B", b))
    assert len(out) == 1
    assert out.loc[0, "told_by"] == 2


@pytest.mark.parametrize("other", [
    pytest.param(dict(hhmm="11:00", kind="press", actors="Putin"), id="timed"),
    pytest.param(dict(hhmm=None, kind="meal", actors="Putin"), id="other-kind"),
    pytest.param(dict(hhmm=None, kind="press", actors="Putin", status="planned"), id="other-status"),
    pytest.param(dict(hhmm=None, kind="press", actors="Lavrov"), id="disjoint-actors"),
    pytest.param(dict(hhmm=None, kind="press", actors=""), id="no-actors"),
])
def test_untimed_events_merge_only_with_their_own(other):
    a = event("A", None, kind="press", actors="Trump; Putin")
    out = merged(report("A", a), report("B", event("B", **other)))
    assert len(out) == 2


def test_events_naming_no_one_join_only_on_overlapping_windows_without_slack():
    apart = merged(report("A", event("A", "11:00", actors="")), report("B", event("B", "11:10", actors="")))
    assert len(apart) == 2
    overlapping = merged(report("A", event("A", "11:00", actors="", modifier="approx")),
                         report("B", event("B", "11:10", actors="")))
    assert len(overlapping) == 1
