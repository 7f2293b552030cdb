"""Reading a clause for events: kind, role, status, certainty, qualifiers and actors.

Every word comes from the language files ([cues.*] in timeline/lang/XX.toml) and from
timeline/lang/actors.toml; this module only finds them and decides by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LanguageDataError
from ..text.langdata import load_language, load_toml, places

CATEGORIES = ("kind", "role", "status", "certainty", "qualifier", "lasting", "attribution")
ROLE_REACH = 30              # a role word after the time counts only this close ("om 11 uur begon")
STATUS_ORDER = ("cancelled", "planned", "actual")          # the first found wins
CERTAINTY_ORDER = ("unclear", "likely")
ATTRIBUTION_WORDS = re.compile(r"(?:\W+[\w'’-]+){1,2}")
NAME_RUN = re.compile(r"\b[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)+")


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Reading:
    kind: str | None
    role: str | None
    status: str
    certainty: str
    qualifiers: frozenset
    actors: tuple
    lasting: bool


@dataclass(frozen=True)
class Cues:
    patterns: dict            # category -> compiled pattern with one named group per key
    clause_break: re.Pattern
    actor_names: re.Pattern   # one group per alias index
    actor_of: tuple           # alias index -> tuple of canonical actors
    not_people: frozenset


def _group(table: dict, where: str) -> re.Pattern:
    parts = []
    for key, alternatives in table.items():
        if not re.fullmatch(r"[a-z_]+", key):
            raise LanguageDataError(f"{where}: cue name {key!r} must be lower-case letters")
        parts.append(f"(?P<{key}>" + "|".join(alternatives) + ")")
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise LanguageDataError(f"{where}: bad cue pattern: {exc}") from exc


@lru_cache(maxsize=None)
def load_cues(code: str) -> Cues:
    load_language(code)                      # validates the code
    data = load_toml(code).get("cues", {})
    patterns = {c: _group(data.get(c, {}), f"{code}.toml [cues.{c}]") for c in CATEGORIES}
    clause = re.compile(data.get("clause", {}).get("break", r"[;:]"))
    actors = load_toml("actors")
    aliases, owners = [], []
    for domain in actors.values():
        if not isinstance(domain, dict) or "actors" not in domain:
            continue
        for name, forms in domain["actors"].items():
            for form in forms:
                aliases.append(form)
                owners.append((name,))
        for phrase, names in domain.get("groups", {}).items():
            aliases.append(phrase)
            owners.append(tuple(names))
    order = sorted(range(len(aliases)), key=lambda i: -len(aliases[i]))
    source = "|".join("(?P<a%d>%s)" % (i, re.escape(aliases[i]).replace(r"\ ", r"\s+")) for i in order)
    names = re.compile(r"(?<!\w)(?:" + source + r")(?!\w)", re.IGNORECASE)
    stop = frozenset(n.lower() for n in actors.get("not_people", {}).get("names", []))
    return Cues(patterns, clause, names, tuple(owners), stop)


def tags(cues: Cues, category: str, text: str, start: int = 0, end: int | None = None) -> list[Tag]:
    end = len(text) if end is None else end
    return [Tag(m.start(), m.end(), m.lastgroup) for m in cues.patterns[category].finditer(text, start, end)]


def clauses(cues: Cues, text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in cues.clause_break.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def actors_in(cues: Cues, text: str, start: int, end: int, skip=()) -> tuple:
    """Canonical actors named in text[start:end], in order of first mention, outside the `skip` spans."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = list(skip)
    for m in cues.actor_names.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in skip):
            continue
        for name in cues.actor_of[int(m.lastgroup[1:])]:
            found.append((m.start(), name))
        taken.append(m.span())
    known_places = places()
    for m in NAME_RUN.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        words = m.group(0).split()
        while words and words[0].lower() in cues.not_people:     # "Financiën Scott Bessent"
            words = words[1:]
        phrase = " ".join(words).lower()
        if (len(words) < 2 or phrase in cues.not_people or phrase in known_places
                or any(w.lower() in known_places for w in words)):
            continue
        found.append((m.start(), words[-1]))
    seen, out = set(), []
    for _, name in sorted(found, key=lambda x: x[0]):       # stable: a group keeps its own order
        if name not in seen:
            seen.add(name)
            out.append(name)
    return tuple(out)


def nearest(found: list[Tag], a: int, b: int) -> Tag | None:
    """The tag closest to the span a..b."""
    if not found:
        return None
    return min(found, key=lambda t: a - t.end if t.end <= a else t.start - b if t.start >= b else 0)


def role_of(found: list[Tag], a: int, b: int) -> Tag | None:
    """The role word before the time, else one right after it."""
    before = [t for t in found if t.end <= a]
    if before:
        return before[-1]
    after = [t for t in found if t.start >= b and t.start - b <= ROLE_REACH]
    return after[0] if after else None


def read(cues: Cues, text: str, start: int, end: int, at: tuple[int, int] | None = None) -> Reading:
    """What text[start:end] says; `at` is the span of the time it is read for."""
    given = at is not None
    status_tags = tags(cues, "status", text, start, end)
    found_status = {t.key for t in status_tags}
    status = next((s for s in STATUS_ORDER if s in found_status), "unknown")
    if at is None:
        # Read as a whole: the kind that matters is the one nearest the status word ("zonder een geplande lunch").
        decisive = [t for t in status_tags if t.key == status and status != "actual"]
        at = (decisive[0].start, decisive[0].end) if decisive else (start, start)
    a, b = at
    kind = nearest(tags(cues, "kind", text, start, end), a, b)
    roles = tags(cues, "role", text, start, end)
    role = role_of(roles, a, b) if given else (roles[0] if roles else None)
    found_cert = {t.key for t in tags(cues, "certainty", text, start, end)}
    certainty = next((c for c in CERTAINTY_ORDER if c in found_cert), "certain")
    qualifiers = frozenset(t.key for t in tags(cues, "qualifier", text, start, end))
    # Names in "aldus X", "according to X", "volgens het Kremlin" say who reports, not who acts:
    # the source runs from its cue to the next comma, at most a few words.
    skip = []
    for t in tags(cues, "attribution", text, start, end):
        comma = text.find(",", t.end, end)
        stop = comma if comma >= 0 else end
        if not text[start:t.start].strip():          # "Volgens het Kremlin landde ...": a short phrase
            words = ATTRIBUTION_WORDS.match(text, t.end)
            stop = min(stop, words.end() if words else t.end)
        skip.append((t.start, stop))
    return Reading(kind.key if kind else None, role.key if role else None, status, certainty, qualifiers,
                   actors_in(cues, text, start, end, skip), bool(tags(cues, "lasting", text, start, end)))


def classify(text: str, lang: str) -> Reading:
    """One clause or sentence read as a whole (for tests and quick use)."""
    return read(load_cues(lang), text, 0, len(text))
