"""What the add form proposes for a new text (timeline.documents.infer_meta), read from the texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.documents import infer_meta

ROOT = Path(__file__).resolve().parents[1]


def test_the_place_named_first_gives_the_zone_not_the_capitals_talked_about():
    text = ("Biden and Xi meet at an estate in Woodside, south of San Francisco\n"
            "Beijing said the talks would be frank. Beijing and Washington disagree on Taiwan; Beijing wants "
            "more. The leaders met at 11 a.m. local time.\n")
    meta, _ = infer_meta(text)
    assert meta["local_tz"] == "America/Los_Angeles"
    assert meta["title"] == "Biden and Xi meet at an estate in Woodside, south of San Francisco"
    assert meta["language"] == "en"


def test_the_seed_is_proposed_its_own_place_day_and_language():
    # Line 4 names Anchorage; the Witte Huis (line 18 on) and the Kremlin, named more often, come later.
    text = (ROOT / "data" / "alaska-summit-2025-08-15.nl.txt").read_text(encoding="utf-8")
    meta, warnings = infer_meta(text)
    assert meta["local_tz"] == "America/Anchorage"
    assert meta["event_date"] == date(2025, 8, 15) and meta["language"] == "nl"
    assert any("assumed" in w for w in warnings)


def test_a_dutch_text_naming_no_known_place_is_offered_the_home_zone_with_a_warning():
    meta, warnings = infer_meta("De raad vergaderde om 20.00 uur in het dorpshuis van Zuidwolde.\n")
    assert meta["local_tz"] == "Europe/Amsterdam"
    assert any("suggesting Europe/Amsterdam" in w for w in warnings)


def test_an_english_text_naming_no_place_has_no_zone_to_propose():
    meta, _ = infer_meta("The committee met at 8 p.m. and adjourned at 10 p.m.\n")
    assert meta["local_tz"] is None
