"""Regressions found in review: each case failed before its fix, and the expected values come from the text."""

import json
from datetime import date

import pytest

import timeline
from tests.helpers import cli
from timeline.text.article import Article, blank_html, load_article
from timeline.events.grouping import events_from_mentions
from timeline.text.extract import extract


@pytest.mark.parametrize("text, wall", [
    ("De stemming begint om half twaalf 's avonds.", "23:30"),      # half twaalf = 11:30, evening
    ("De stemming begint om kwart voor twaalf 's avonds.", "23:45"),
    ("De stemming begint om half twaalf 's nachts.", "23:30"),       # night, 6-11 -> +12, same day
    ("De lunch begint om half een 's middags.", "12:30"),            # half een = 12:30
])
def test_half_and_quarter_with_day_parts(text, wall):
    found = [m for m in timeline.text.extract(text, date="2025-08-15", tz="Europe/Amsterdam", lang="nl")
             if m.kind == "clock"]
    assert [(m.local.strftime("%H:%M"), m.local.date()) for m in found] == [(wall, date(2025, 8, 15))]


def test_am_after_pm_rolls_to_the_next_morning():
    found = timeline.text.extract("He left at 9 p.m. local time and arrived at 7 a.m. local time.",
                             date="2025-08-15", tz="America/Anchorage", lang="en")
    # 21:00 AKDT on the 15th = 05:00Z on the 16th; 07:00 AKDT on the 16th = 15:00Z
    assert [m.to_json()["utc"] for m in found] == ["2025-08-16T05:00:00Z", "2025-08-16T15:00:00Z"]


def test_sharp_half_of_a_pair_keeps_its_exactness():
    found = timeline.text.extract("Arrival is about 10 a.m. local time, or 2 p.m. sharp ET.",
                             date="2025-08-15", tz="America/Anchorage", lang="en")
    assert [m.modifier for m in found] == ["approx", "exact"]


def test_pair_resolves_a_dst_fold_and_reports_a_mismatch():
    # 02:30 CEST on 27 Oct 2024 is 00:30Z, 02:30 CET 01:30Z: the UTC half picks the reading.
    ok = timeline.text.extract("Hij landde om 02.30 uur Nederlandse tijd (00.30 uur UTC).", date="2024-10-27",
                          tz="Europe/Amsterdam", lang="nl")
    first = ok[0].to_json()
    assert first["utc"] == "2024-10-27T00:30:00Z" and "dst_resolved" in first["flags"]
    assert "dst_fold" not in first["flags"] and first["conflict"] is None
    bad = timeline.text.extract("Hij landde om 02.30 uur Nederlandse tijd (03.30 uur UTC).", date="2024-10-27",
                           tz="Europe/Amsterdam", lang="nl")
    assert bad[0].utc is None and bad[0].conflict and "120 min" in bad[0].conflict   # nearest reading 01:30Z


def test_two_flight_lengths_give_one_derived_time_with_unique_ids():
    text = "Air Force One landed at 10:22 a.m. local time after six hours in the air. The flight lasted seven hours."
    art = Article(path=None, doc="t", text=text, language="en", event_date=date(2025, 8, 15),
                  local_tz="America/Anchorage")
    table = events_from_mentions(art, extract(text, date=art.event_date, tz=art.local_tz, lang="en"))
    assert table["event_id"].is_unique
    assert (table["origin"] == "derived").sum() == 1


def test_unclosed_markup_is_blanked_in_linear_time():
    text = "<script>" * 20000 + "om 10:22 uur"
    out = blank_html(text)
    assert len(out) == len(text) and out.endswith("om 10:22 uur") and "<" not in out


@pytest.mark.parametrize("meta, flags, word", [
    ('local_tz = ["x"]\n', [], "local_tz"),                       # zone guessed from "Anchorage" instead
    ('published = "gisteren"\n', ["--date", "2025-08-15"], "published"),
])
def test_odd_metadata_warns_and_flags_still_work(tmp_path, meta, flags, word):
    (tmp_path / "a.nl.txt").write_text("Het vliegtuig landde om 10:22 uur lokale tijd in Anchorage.",
                                       encoding="utf-8")
    (tmp_path / "a.nl.meta.toml").write_text('event_date = 2025-08-15\n' + meta, encoding="utf-8")
    code, out, err = cli("extract", tmp_path / "a.nl.txt", *flags)
    assert code == 0 and "Traceback" not in err and word in err
    assert json.loads(out)[0]["utc"] == "2025-08-15T18:22:00Z"


def test_meta_file_that_is_a_directory_is_a_warning(tmp_path):
    (tmp_path / "a.nl.txt").write_text("Het vliegtuig landde om 10:22 uur lokale tijd.", encoding="utf-8")
    (tmp_path / "a.nl.meta.toml").mkdir()
    art = load_article(tmp_path / "a.nl.txt", date="2025-08-15", tz="America/Anchorage")
    assert any("metadata ignored" in w for w in art.warnings)
