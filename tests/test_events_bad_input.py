"""Bad input for the event layer: well-formed empty or flagged results, never an exception."""

from datetime import date

import pytest

from timeline.events.grouping import events_from_mentions
from timeline.events.schedule import build_schedule
from timeline.schema import EVENT_SCHEMA
from timeline.text.article import Article
from timeline.text.extract import extract
from timeline.views.figures import timeline_figure


def run(text, lang, tz="Europe/Amsterdam", day=date(2024, 11, 5), published=None):
    art = Article(path=None, doc="t", text=text, language=lang, event_date=day, local_tz=tz, published=published)
    mentions = extract(text, date=day, tz=tz, lang=lang, published=published)
    table = events_from_mentions(art, mentions)
    assert list(table.columns) == list(EVENT_SCHEMA)
    build_schedule(table)
    timeline_figure(table, tz=tz)
    return mentions, table


CASES = [
    ("Het regende de hele dag in Amsterdam en niemand ging naar buiten.", "nl", "no people, no times"),
    ("The talks lasted almost three hours and the flight took seven hours.", "en", "only durations"),
    ("Time (ET) | Time in Tokyo | Event\n", "en", "a table with a header and no rows"),
    ("Alle tijden zijn Nederlandse tijd.\n", "nl", "a list header and no items"),
    ("| | |\n|||\n", "en", "empty cells"),
    ("Om 25.00 uur en om 99:99 gebeurde er niets.", "nl", "digits that are no times"),
    ("\u202eOm 14.00 uur\u202c landde hij.\x00\x07", "nl", "control and direction marks"),
    ("Xi Jinping's Xi's Xi' Xi's", "en", "possessives without a sentence"),
    ("De twee leiders en ze en beide leiders spraken.", "nl", "group words with nobody named"),
]


@pytest.mark.parametrize("text, lang, why", CASES, ids=[c[2] for c in CASES])
def test_well_formed(text, lang, why):
    run(text, lang)


def test_pair_that_cannot_agree_is_flagged_not_fatal():
    mentions, table = run("The ceremony began at 8 a.m. (3 p.m. CET).", "en", tz="America/New_York")
    assert all(m.conflict for m in mentions if m.kind == "clock")
    assert len(table) == 1 and table.iloc[0]["kind"] == "ceremony"


def test_no_times_no_events_but_cancellation_kept():
    _, table = run("Het geplande staatsbanket is afgelast.", "nl")
    assert list(table["status"]) == ["cancelled"] and list(table["kind"]) == ["meal"]


def test_a_long_list_of_items_stays_linear():
    rows = "\n".join(f"{h:02d}.{m:02d} uur: stembureaus sluiten in staat {h}{m}" for h in range(24)
                     for m in (0, 30))
    mentions, table = run("Alle tijden zijn Nederlandse tijd.\n" + rows, "nl")
    assert len([m for m in mentions if m.kind == "clock"]) == 48
    assert set(table["kind"]) == {"polls_close"}
