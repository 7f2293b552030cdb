"""Loads the language files (timeline/lang/*.toml) into compiled, validated rules.

A pattern may use %name for the alternatives of a word table ([words.name]) or a fragment
([fragments.name]), and %place for every place name in places.toml. Surface forms are matched
case-insensitively with any run of white space and either apostrophe.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LanguageDataError, UnknownLanguage

LANG_DIR = Path(__file__).parent.parent / "lang"
SHARED_FILES = {"zones", "places", "kinds"}

# Named groups the engine reads, per rule section. Anything else is a mistake in the file.
GROUPS = {
    "clock": {"hour", "minute", "second", "hour_word", "ampm", "special", "offset", "lead", "trail"},
    "duration": {"value", "low", "high", "vague", "unit", "dmod", "plus_half", "lead", "trail"},
    "date": {"day", "month", "month_num", "year", "weekday", "daypart", "relative"},
    "zone_pattern": {"place"},
    "place_cue": {"place"},
}
NEEDS = {None, "context", "zone"}
PLACEHOLDER = re.compile(r"%([a-z_]+)")


def norm(surface: str) -> str:
    """The key a matched surface form is looked up by."""
    return " ".join(surface.replace("’", "'").replace("‘", "'").lower().split())


@dataclass(frozen=True)
class Rule:
    name: str
    section: str
    regex: re.Pattern
    example: str
    value: str | None
    needs: str | None = None
    order: int = 0
    anchors: frozenset = frozenset()


@dataclass
class Language:
    code: str
    name: str
    detect: frozenset
    abbreviations: frozenset
    words: dict                      # table name -> {normalized surface: value}
    rules: dict                      # section -> tuple[Rule]
    left: re.Pattern
    pair_connector: re.Pattern
    duration_left: re.Pattern | None
    clause_break: re.Pattern | None
    zone_words: re.Pattern           # language zone names + shared abbreviations
    daypart: re.Pattern | None
    exact_suffix: re.Pattern | None
    zone_lead: re.Pattern | None     # a weekday between a time and its zone ("on Thursday, London time")
    not_clock_after: re.Pattern | None  # words after digits that make them a game clock ("1:53 left")
    stamp: re.Pattern | None         # words before a time that make it the page's stamp ("Updated")
    locative: re.Pattern | None      # words right before a place that put something there ("in", "op")
    home_zone: str | None            # the zone of a page stamp that names none (where such outlets publish)
    all_times: re.Pattern | None     # "all times are ...": the article's own zone for its times
    anchors: dict                    # "unit" / "special" / "date" -> lower-case words that start a window


def _alternation(surfaces) -> str:
    """Regex alternation of surface forms as a trie (fast to try), longest match first.

    Spaces match any white space and an apostrophe either apostrophe.
    """
    END = ""
    root: dict = {}
    for s in set(surfaces):
        node = root
        for ch in s.replace("’", "'"):
            piece = r"\s+" if ch == " " else "['’‘]" if ch == "'" else re.escape(ch)
            node = node.setdefault(piece, {})
        node[END] = {}

    def emit(node) -> str:
        alts = [piece + emit(child) for piece, child in sorted(node.items()) if piece != END]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if END in node:
            return (f"(?:{body})?" if len(alts) == 1 else body + "?")
        return body

    return "(?:" + emit(root) + ")" if root else "(?!)"


def anchor_kinds(section: str, groups) -> frozenset:
    """Which anchors (digit, unit, special) a rule's match must hold, from its groups."""
    if section == "duration":
        return frozenset({"unit"})
    if section == "date":
        return frozenset({"numdate" if "month_num" in groups else "date"})
    kinds = set()
    if "hour" in groups:
        kinds.add("digit")
    if "hour_word" in groups:
        kinds |= {"unit", "special"}
    if "special" in groups or "offset" in groups:
        kinds.add("special")
    return frozenset(kinds or {"digit", "unit", "special"})


@lru_cache(maxsize=None)
def load_toml(stem: str) -> dict:
    path = LANG_DIR / f"{stem}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{path.name}: {exc}") from exc


@lru_cache(maxsize=None)
def places() -> dict:
    """Normalized place name -> IANA zone (cities and regions)."""
    data = load_toml("places")
    out = {}
    for section in ("cities", "regions"):
        for zone, names in data.get(section, {}).items():
            for name in names:
                out[norm(name)] = zone
    return out


@lru_cache(maxsize=None)
def abbreviations() -> dict:
    """Abbreviation (case kept) -> {"zone": IANA, "offset": minutes or None}."""
    return {k: {"zone": v["zone"], "offset": v.get("offset")}
            for k, v in load_toml("zones")["abbreviations"].items()}


def available() -> list[str]:
    return sorted(p.stem for p in LANG_DIR.glob("*.toml") if p.stem not in SHARED_FILES)


def _expand(pattern: str, words: dict, fragments: dict, where: str, depth: int = 0) -> str:
    def sub(match):
        name = match.group(1)
        if name == "place":
            return _alternation(places_surfaces())
        if name in fragments:
            if depth > 3:
                raise LanguageDataError(f"{where}: fragments nest too deep at %{name}")
            return "(?:" + _expand(fragments[name], words, fragments, where, depth + 1) + ")"
        if name in words:
            return _alternation(words[name].keys())
        raise LanguageDataError(f"{where}: unknown placeholder %{name}")
    return PLACEHOLDER.sub(sub, pattern)


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def place_pattern() -> re.Pattern:
    """Every place of the gazetteer as written, as whole words (case kept: "Nice" is a city, "nice" not)."""
    return re.compile(r"(?<!\w)(?:" + _alternation(places_surfaces()) + r")(?!\w)")


def places_surfaces() -> tuple:
    data = load_toml("places")
    return tuple(n for section in ("cities", "regions") for names in data.get(section, {}).values()
                 for n in names)


def _compile(source: str, where: str, ignore_case: bool = True) -> re.Pattern:
    try:
        return re.compile(source, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise LanguageDataError(f"{where}: bad pattern: {exc}") from exc


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    if code not in available():
        raise UnknownLanguage(f"no language file for {code!r}; available: {', '.join(available())}")
    data = load_toml(code)
    fname = f"{code}.toml"
    raw_words = data.get("words", {})
    # Tables are looked up by normalized surface; patterns use the surfaces as written.
    words = {t: {norm(k): v for k, v in table.items()} for t, table in raw_words.items()}
    fragments = data.get("fragments", {})
    meta = data.get("language", {})

    rules, seen = {}, set()
    for section, allowed in GROUPS.items():
        compiled = []
        for i, entry in enumerate(data.get(section, [])):
            name = entry.get("name")
            where = f"{fname} [[{section}]] {name or '#' + str(i + 1)}"
            if not name:
                raise LanguageDataError(f"{where}: rule has no name")
            if name in seen:
                raise LanguageDataError(f"{where}: rule name used twice")
            seen.add(name)
            if "example" not in entry or "pattern" not in entry:
                raise LanguageDataError(f"{where}: rule needs a pattern and an example")
            if entry.get("needs") not in NEEDS:
                raise LanguageDataError(f"{where}: needs must be one of context, zone")
            regex = _compile(_expand(entry["pattern"], raw_words, fragments, where), where,
                             entry.get("ignore_case", True))
            unknown = set(regex.groupindex) - allowed
            if unknown:
                raise LanguageDataError(f"{where}: unknown groups {sorted(unknown)}")
            compiled.append(Rule(name, section, regex, entry["example"], entry.get("value"),
                                 entry.get("needs"), i, anchor_kinds(section, regex.groupindex)))
        rules[section] = tuple(compiled)

    ctx = data.get("context", {})
    for key in ("left", "pair_connector"):
        if key not in ctx:
            raise LanguageDataError(f"{fname} [context]: {key} is missing")
    left = _compile(_expand(ctx["left"], raw_words, fragments, f"{fname} left"), f"{fname} left")
    pair = _compile(_expand(ctx["pair_connector"], raw_words, fragments, f"{fname} pair"),
                    f"{fname} pair_connector")

    def optional(key: str, words: bool = False) -> re.Pattern | None:
        """[context] `key` compiled (its %word references expanded), or None when the file has none."""
        if key not in ctx:
            return None
        source = _expand(ctx[key], raw_words, fragments, f"{fname} {key}") if words else ctx[key]
        return _compile(source, f"{fname} {key}")

    duration_left = optional("duration_left", words=True)
    clause_break = optional("clause_break")
    stamp = optional("stamp")
    locative = optional("locative")
    all_times = optional("all_times")
    not_clock_after = optional("not_clock_after")
    zone_lead = optional("zone_lead", words=True)
    zone_src = "(?P<zword>" + _alternation(raw_words.get("zone", {}).keys()) + ")(?!\\w)"
    abbr_src = "(?-i:(?P<zabbr>" + "|".join(sorted(map(re.escape, abbreviations()), key=len,
                                                       reverse=True)) + "))(?![\\w'’])"
    zone_words = _compile(f"(?:{zone_src}|{abbr_src})", f"{fname} zones")
    daypart = (_compile(r"\s*(?P<daypart>" + _alternation(raw_words["daypart"]) + r")(?!\w)",
                        f"{fname} daypart") if "daypart" in raw_words else None)
    exact_suffix = (_compile(r"\s*(?P<sharp>" + _alternation(raw_words["exact_suffix"]) + r")(?!\w)",
                             f"{fname} exact_suffix") if "exact_suffix" in raw_words else None)
    # Every time or duration holds a digit, a unit, a named time or a clock offset ("half drie").
    anchors = {"unit": _anchor_words(raw_words.get("unit", {})),
               "special": _anchor_words(list(raw_words.get("special_time", {}))
                                        + list(raw_words.get("special_time_lead", {}))
                                        + list(raw_words.get("clock_offset", {}))
                                        + meta.get("anchors", [])),
               "date": _anchor_words([k for t in ("weekday", "month", "relative_day")
                                      for k in raw_words.get(t, {})])}

    return Language(
        code=meta.get("code", code), name=meta.get("name", code),
        detect=frozenset(w.lower() for w in meta.get("detect", [])),
        abbreviations=frozenset(a.lower() for a in meta.get("abbreviations", [])),
        words=words, rules=rules, left=left, pair_connector=pair, duration_left=duration_left,
        clause_break=clause_break,
        zone_words=zone_words,
        daypart=daypart, exact_suffix=exact_suffix, zone_lead=zone_lead,
        not_clock_after=not_clock_after, stamp=stamp,
        locative=locative, home_zone=meta.get("home_zone"), all_times=all_times, anchors=anchors)


def _anchor_words(surfaces) -> tuple:
    """One word per surface form to look for in lower-cased text: itself when it is one word,
    else a word of it that is a surface form too, else its longest word."""
    single = {s.lower() for s in surfaces if len(s.split()) == 1}
    out = set()
    for s in surfaces:
        words = [w for w in s.lower().split() if not w.isdigit()]
        if words:
            known = [w for w in words if w in single]
            out.add(known[0] if known else max(words, key=len))
    return tuple(sorted(out))


def lookup_number(lang: Language, text: str) -> float | None:
    key = norm(text)
    try:
        return float(key.replace(",", "."))
    except ValueError:
        pass
    for table in ("number", "indefinite", "hour_word"):
        if key in lang.words.get(table, {}):
            return float(lang.words[table][key])
    return None
