"""Reading a clause for events: kind, role, status, certainty, qualifiers and actors.

Every word comes from the language files ([cues.*] in timeline/lang/XX.toml) and the kind vocabulary
(timeline/lang/kinds.toml); people come from the article (timeline.events.people). This module only
finds them and decides by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LanguageDataError
from ..text.langdata import load_language, load_toml
from .people import People

CATEGORIES = ("role", "status", "certainty", "qualifier", "lasting", "attribution", "reporting")
ROLE_REACH = 30              # a role word after the time counts only this close ("om 11 uur begon")
STATUS_ORDER = ("cancelled", "planned", "actual")          # the first found wins
CERTAINTY_ORDER = ("unclear", "likely")
ATTRIBUTION_WORDS = re.compile(r"(?:\W+[\w'’-]+){1,2}")


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    key: str
    name: str | None = None       # what a kind's term names ("Working lunch")


@dataclass(frozen=True)
class Reading:
    kind: str | None
    role: str | None
    status: str
    certainty: str
    qualifiers: frozenset
    actors: tuple
    lasting: bool
    name: str | None = None       # the kind's term as named in English ("Oath of office")


@dataclass(frozen=True)
class Cues:
    patterns: dict            # category -> compiled pattern with one named group per key
    clause_break: re.Pattern
    statuses: dict            # status -> its own pattern (statuses may overlap)
    joins: re.Pattern | None  # words that start the next predicate ("and", "en", a comma)
    of_link: re.Pattern | None  # "of the", "van de": joins a head word to its complement
    kinds: tuple              # a pattern per kind word list or term
    kind_of: tuple            # pattern index -> (kind, term name or None)


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
def kind_specs() -> dict:
    """kinds.toml without its format tables: kind -> its spec, in the file's order."""
    return {k: v for k, v in load_toml("kinds").items() if not k.startswith("_")}


def kind_pattern(code: str) -> tuple[tuple, tuple]:
    """A pattern per kind term or word list in `code` (terms first), and its (kind, English name)."""
    patterns, owners = [], []
    for kind, spec in kind_specs().items():
        entries = [(t.get("name"), t.get(code, [])) for t in spec.get("term", [])] + [(None, spec.get(code, []))]
        for name, words in entries:
            if not words:
                continue
            # A word written '*dienst' also ends a compound ("kroningsdienst", "nieuwjaarsgroet").
            words = [r"\w*" + w[1:] if w.startswith("*") else w for w in words]
            try:
                patterns.append(re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE))
            except re.error as exc:
                raise LanguageDataError(f"kinds.toml [{kind}] ({code}): bad pattern: {exc}") from exc
            owners.append((kind, name))
    return tuple(patterns), tuple(owners)


@lru_cache(maxsize=None)
def load_cues(code: str) -> Cues:
    load_language(code)                      # validates the code
    data = load_toml(code).get("cues", {})
    patterns = {c: _group(data.get(c, {}), f"{code}.toml [cues.{c}]") for c in CATEGORIES}
    clause = re.compile(data.get("clause", {}).get("break", r"[;:]"))
    kinds, kind_of = kind_pattern(code)
    statuses = {k: _group({k: v}, f"{code}.toml [cues.status]") for k, v in data.get("status", {}).items()}
    link = data.get("of_link", {}).get("pattern")
    return Cues(patterns, clause, statuses, load_language(code).clause_break,
                re.compile(link, re.IGNORECASE) if link else None, kinds, kind_of)


def kind_tags(cues: Cues, text: str, start: int, end: int) -> list[Tag]:
    """Kind words in text[start:end]; where a term and a plain word overlap, the longer wins."""
    found = []
    for i, pattern in enumerate(cues.kinds):
        for m in pattern.finditer(text, start, end):
            found.append((m.start(), -(m.end() - m.start()), i, m.end()))
    # Where words overlap the longest wins ("arrival ceremony" over "arrival"), then the file's order.
    out, last_end = [], -1
    for a, neg, i, b in sorted(found):
        if a < last_end:
            continue
        kind, name = cues.kind_of[i]
        out.append(Tag(a, b, kind, name))
        last_end = b
    # "the live broadcast of the return": the head word names the event, not its complement.
    if cues.of_link is not None:
        out = [t for k, t in enumerate(out)
               if not (k and cues.of_link.fullmatch(text, out[k - 1].end, t.start))]
    return out


def tags(cues: Cues, category: str, text: str, start: int = 0, end: int | None = None) -> list[Tag]:
    end = len(text) if end is None else end
    if category == "status":
        # Each status on its own, so "is geschrapt" is both a perfect tense and a cancellation.
        return sorted((Tag(m.start(), m.end(), key) for key, pattern in cues.statuses.items()
                       for m in pattern.finditer(text, start, end)), key=lambda t: t.start)
    return [Tag(m.start(), m.end(), m.lastgroup) for m in cues.patterns[category].finditer(text, start, end)]


def clauses(cues: Cues, text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in cues.clause_break.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


CLAUSE_PENALTY = 80          # a word after the time past a comma belongs to the next clause ("..., where")


def nearest(found: list[Tag], a: int, b: int, text: str | None = None, joins: re.Pattern | None = None) -> Tag | None:
    """The tag closest to the span a..b; with `text` and `joins`, one after a comma or "and" (the next
    predicate: "arrived at 9:54 a.m. and were greeted") counts as farther."""
    if not found:
        return None

    def distance(t: Tag) -> int:
        if t.end <= a:
            return a - t.end
        if t.start >= b:
            joined = text is not None and joins is not None and joins.search(text, b, t.start)
            return t.start - b + (CLAUSE_PENALTY if joined else 0)
        return 0
    return min(found, key=distance)


def role_of(found: list[Tag], a: int, b: int) -> Tag | None:
    """The role word before the time, else one right after it."""
    before = [t for t in found if t.end <= a]
    if before:
        return before[-1]
    after = [t for t in found if t.start >= b and t.start - b <= ROLE_REACH]
    return after[0] if after else None


@dataclass(frozen=True)
class Scan:
    """What text[start:end] holds, whatever time it is read for: found once per clause or sentence, then
    read for each of its times (a sentence of many times is not scanned again for each)."""
    status_tags: list
    kinds: list
    saying: frozenset
    roles: list
    certainty: str
    qualifiers: frozenset
    actors: tuple
    lasting: bool


def scan(cues: Cues, text: str, start: int, end: int, people: People | None = None) -> Scan:
    found_cert = {t.key for t in tags(cues, "certainty", text, start, end)}
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
    return Scan(tags(cues, "status", text, start, end), kind_tags(cues, text, start, end),
                frozenset((t.start, t.end) for t in tags(cues, "reporting", text, start, end)),
                tags(cues, "role", text, start, end),
                next((c for c in CERTAINTY_ORDER if c in found_cert), "certain"),
                frozenset(t.key for t in tags(cues, "qualifier", text, start, end)),
                people.named_in(start, end, skip) if people is not None else (),
                bool(tags(cues, "lasting", text, start, end)))


def read(cues: Cues, text: str, start: int, end: int, at: tuple[int, int] | None = None,
         people: People | None = None, scanned: Scan | None = None) -> Reading:
    """What text[start:end] says; `at` is the span of the time it is read for; `people` of the article;
    `scanned`, the span's scan if already made."""
    sc = scanned or scan(cues, text, start, end, people)
    given = at is not None
    status_tags = sc.status_tags
    found_status = {t.key for t in status_tags}
    status = next((s for s in STATUS_ORDER if s in found_status), "unknown")
    if at is None:
        # Read as a whole: the kind that matters is the one nearest the status word ("zonder een geplande lunch").
        decisive = [t for t in status_tags if t.key == status and status != "actual"]
        at = (decisive[0].start, decisive[0].end) if decisive else (start, start)
    a, b = at
    kind = nearest(sc.kinds, a, b, text, cues.joins)
    saying = sc.saying
    if given and status != "cancelled" and len(found_status) > 1:
        # "listed for 4:15 p.m., began at about 4:40 p.m.": each time takes the status word nearest it;
        # "said its 7 p.m. curfew would be in force": a verb of saying tells of the saying, not the event
        # (unless the event is that statement).
        said = set() if kind is not None and kind.key == "statement" else saying
        told = [t for t in status_tags if (t.start, t.end) not in said] or status_tags
        status = nearest(told, *at, text, cues.joins).key
    if kind is not None and kind.key == "statement" and status != "planned" and saying:
        status = "actual"     # "the EBU says Klein will not compete": the saying happened; its content is not this
    roles = sc.roles
    role = role_of(roles, a, b) if given else (roles[0] if roles else None)
    return Reading(kind.key if kind else None, role.key if role else None, status, sc.certainty, sc.qualifiers,
                   sc.actors, sc.lasting, kind.name if kind else None)


def classify(text: str, lang: str, people: People | None = None) -> Reading:
    """One clause or sentence read as a whole (for tests and quick use); people from the text itself
    unless given."""
    return read(load_cues(lang), text, 0, len(text), people=people if people is not None else People(text))
