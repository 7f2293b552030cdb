"""The language files themselves: they load, names are unique, and every rule's example works."""

import tomllib
from datetime import date

import pytest

import timeline
from timeline.text.dates import read_dates
from timeline.errors import LanguageDataError, UnknownLanguage
from timeline.text.langdata import LANG_DIR, available, load_language, places
from timeline.text.zones import get_zone

EVENT = date(2025, 8, 15)
TZ = "America/Anchorage"
SECTIONS = ("clock", "duration", "date", "zone_pattern", "place_cue")


def all_rules():
    for code in available():
        for section in SECTIONS:
            for rule in load_language(code).rules[section]:
                yield pytest.param(code, rule, id=f"{code}:{rule.name}")


def test_both_languages_are_there():
    assert {"nl", "en"} <= set(available())


@pytest.mark.parametrize("code", ["nl", "en"])
def test_file_loads_and_names_are_unique(code):
    with (LANG_DIR / f"{code}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    names = [r["name"] for s in SECTIONS for r in data.get(s, [])]
    assert len(names) == len(set(names))
    assert all(name.startswith(code + "_") for name in names)
    lang = load_language(code)
    assert sum(len(lang.rules[s]) for s in SECTIONS) == len(names)


def test_rule_names_unique_across_languages():
    names = [r.name for code in available() for s in SECTIONS for r in load_language(code).rules[s]]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code, rule", list(all_rules()))
def test_every_rule_example(code, rule):
    assert rule.value, f"{rule.name} has no value to check its example against"
    if rule.section == "date":
        refs = read_dates(rule.example, 0, len(rule.example), load_language(code), EVENT, [], [])
        assert [r.day.isoformat() for r in refs] == [rule.value]
        return
    found = timeline.text.extract(rule.example, date=EVENT, tz=TZ, lang=code)
    if rule.section == "duration":
        lo, hi = map(int, rule.value.split("-"))
        assert any(m.rule == rule.name and list(m.minutes) == [lo, hi] for m in found), found
    elif rule.section == "clock":
        mine = [m for m in found if m.rule == rule.name]
        assert mine, f"{rule.name} did not match its example: {found}"
        local = mine[0].local
        if rule.value == "24:00":
            assert (local.hour, local.minute, local.date()) == (0, 0, EVENT.replace(day=EVENT.day + 1))
        else:
            assert local.strftime("%H:%M") == rule.value
    elif rule.section == "zone_pattern":
        assert any(m.tz == rule.value and m.tz_source == "stated" for m in found), found
    else:  # place_cue
        assert any(m.tz == rule.value and m.tz_source == "place" for m in found), found


@pytest.mark.parametrize("code", ["nl", "en"])
def test_zone_names_are_real_zones(code):
    for surface, zone in load_language(code).words["zone"].items():
        assert zone == "LOCAL" or get_zone(zone).zone == zone, surface


def test_gazetteer_zones_are_real_and_names_unique():
    with (LANG_DIR / "places.toml").open("rb") as fh:
        data = tomllib.load(fh)
    names = [n.lower() for section in data.values() for ns in section.values() for n in ns]
    assert len(names) == len(set(names))
    for zone in set(places().values()):
        assert get_zone(zone).zone == zone


def test_share_aliases_resolve():
    for alias in ("akdt", "et", "utc", "msk", "kyiv", "ams"):
        assert get_zone(alias).zone in {"America/Anchorage", "America/New_York", "UTC", "Europe/Moscow",
                                        "Europe/Kyiv", "Europe/Amsterdam"}


def test_unknown_language():
    with pytest.raises(UnknownLanguage, match="available"):
        load_language("xx")


def test_bad_rule_names_file_and_rule(tmp_path, monkeypatch):
    import timeline.text.langdata as ld
    (tmp_path / "zz.toml").write_text(
        '[language]\ncode = "zz"\n[context]\nleft = "$"\npair_connector = "$"\n'
        '[[clock]]\nname = "zz_broken"\npattern = "(?P<hour>\\\\d"\nexample = "1"\nvalue = "01:00"\n',
        encoding="utf-8")
    for name in ("zones", "places"):
        (tmp_path / f"{name}.toml").write_bytes((LANG_DIR / f"{name}.toml").read_bytes())
    monkeypatch.setattr(ld, "LANG_DIR", tmp_path)
    ld.load_toml.cache_clear()
    ld.load_language.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match=r"zz\.toml \[\[clock\]\] zz_broken"):
            ld.load_language("zz")
    finally:
        ld.load_toml.cache_clear()
        ld.load_language.cache_clear()
