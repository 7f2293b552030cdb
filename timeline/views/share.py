"""The share link (DESIGN.md §6): view state <-> URL query parameters, so a copied URL reproduces the view.

Pure functions; app.py does the wiring (`parse_view(st.query_params, ...)`, then shows the notices). A URL is
user input: no value raises. A bad value falls back to its default and gives one notice naming the parameter.
Streamlit's convention holds: an empty value (`?tz2=`) means cleared, i.e. None or "all" for a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import UnknownZone
from ..schema import KINDS, STATUSES
from ..text.zones import get_zone

__all__ = ["View", "VIEWS", "BadParam", "parse_view", "view_to_params", "share_url"]

VIEWS = ("timeline", "schedule", "source", "table")
MAX_LEN = 200  # longest value or list item taken; ids and zone names are far shorter
MAX_ITEMS = 100  # most items one list parameter keeps
SHOWN = 40  # a bad value is cut to this many characters in a notice
_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")
# Markup that st.warning's Markdown would act on (links, HTML, code, LaTeX, strike); escaped in notices.
_MARKUP = set("\\`*[]<>&$~")
# Markdown also acts on emphasis ("__x__"), on the colon that opens an icon, emoji or colour code
# (":material/warning:", ":smile:", ":red[x]") and on what it turns into links by itself ("http://",
# "www.", e-mail addresses): underscores are backslash-escaped; those colons, the dot of "www." and the @
# are shown as \xNN like the markup above (a backslash does not stop GFM's autolinks).
_EMPHASIS = "_"
_CODES = re.compile(r":(?=[A-Za-z/])|(?<=[wW]{3})\.|@")


@dataclass(frozen=True)
class View:
    """Everything the URL carries. Empty filter tuples mean "all"; t is naive wall time in tz."""
    doc: str
    tz: str
    tz2: str | None = None
    t: datetime | None = None
    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    ev: str | None = None
    view: str = "timeline"
    story: str | None = None
    range: tuple[datetime, datetime] | None = None    # visible x-range, naive wall times in tz


PARAMS = tuple(f.name for f in fields(View))
LISTS = ("kinds", "actors", "status")
SECRET = ("edit",)  # the edit token: never copied into a share link
OPTIONAL = ("tz2", "t", "ev", "story", "range")  # may be None; an empty value clears them


class BadParam(ValueError):
    """One unusable query-parameter value; parse_view turns it into a notice, never lets it out."""

    def __init__(self, problem: str, value: str | None = None):
        super().__init__(problem)
        self.problem, self.value = problem, value


def _show(value: str) -> str:
    """A value fit for a notice: quoted, cut to SHOWN characters, control and markup characters escaped."""
    cut = value[:SHOWN]
    codes = {m.start() for m in _CODES.finditer(cut)}

    def esc(i: int, c: str) -> str:
        if c == _EMPHASIS:
            return "\\" + c
        if c.isprintable() and c not in _MARKUP and i not in codes:
            return c
        n = ord(c)
        return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"
    return "'" + "".join(esc(i, c) for i, c in enumerate(cut)) + ("…" if len(value) > SHOWN else "") + "'"


def _describe(value) -> str:
    # How a default reads in "...; showing <default>": None is "none", an empty filter "all".
    if isinstance(value, tuple):
        return ", ".join(map(_format, value)) or "all"
    return "none" if value is None else _format(value)


def _format(value) -> str:
    # One field as URL text; the inverse of the parsers below.
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ",".join(_format(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value


def _raw(params, name: str) -> list:
    # st.query_params returns only the last repeat from [name]; get_all() has them all.
    if hasattr(params, "get_all"):
        return list(params.get_all(name))
    value = params.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _text(value) -> str:
    """One raw value checked for type, length and control characters, then stripped."""
    if not isinstance(value, str):
        raise BadParam(f"expected text, got {type(value).__name__}")
    if len(value) > MAX_LEN:
        raise BadParam(f"longer than {MAX_LEN} characters:", value)
    if not value.isprintable():
        raise BadParam("control character in", value)
    return value.strip()


def parse_zone(text: str) -> str:
    """The canonical IANA name for a name or alias, any case."""
    try:
        return get_zone(text).zone
    except (UnknownZone, ValueError):
        raise BadParam("unknown zone", text) from None


def parse_time(text: str) -> datetime:
    """A minute-precision wall time written YYYY-MM-DDTHH:MM."""
    match = _TIME.fullmatch(text.upper())
    if not match:
        raise BadParam("not YYYY-MM-DDTHH:MM:", text)
    try:
        value = datetime(*map(int, match.groups()))
    except ValueError:
        raise BadParam("no such date or time", text) from None
    if not 1900 <= value.year <= 2100:      # far years overflow time-zone arithmetic downstream
        raise BadParam("out of range", text)
    return value


def parse_range(text: str) -> tuple[datetime, datetime]:
    """Two wall times "A,B" with A before B."""
    parts = text.split(",")
    if len(parts) != 2:
        raise BadParam("not two times A,B:", text)
    lo, hi = parse_time(parts[0].strip()), parse_time(parts[1].strip())
    if not lo < hi:
        raise BadParam("the first time is not before the second:", text)
    return lo, hi


def _member(text: str, allowed, what: str, fold: bool = False) -> str:
    """`text` if it is one of `allowed` (None: anything); with fold, any case, returned as allowed spells it."""
    if allowed is None:
        return text
    key = str.casefold if fold else str
    spelled = {key(a): a for a in allowed}
    if key(text) in spelled:
        return spelled[key(text)]
    raise BadParam(f"unknown {what}", text)


def _single(name: str, values: list, check):
    """The value of a one-value parameter; raises BadParam."""
    if len(values) > 1:
        raise BadParam(f"expected one value, got {len(values)}:", ", ".join(map(str, values)))
    text = _text(values[0])
    if not text:
        if name in OPTIONAL:
            return None
        raise BadParam("empty value")
    return check(text)


def _items(values: list, check) -> tuple[tuple[str, ...], list[str]]:
    """Comma-split, checked, deduplicated items in first-seen order (at most MAX_ITEMS), and the failures."""
    kept, bad = [], []
    for value in values:
        if not isinstance(value, str):
            bad.append(str(value))
            continue
        for part in value.split(",", MAX_ITEMS * 2):  # bounded split: a huge value cannot cost much
            try:
                item = _text(part)
                if item:
                    kept.append(check(item))
            except BadParam:
                bad.append(part)
    unique = tuple(dict.fromkeys(kept))
    bad.extend(unique[MAX_ITEMS:])
    return unique[:MAX_ITEMS], bad


def parse_view(params, defaults: View, *, docs=None, actors=None, events=None,
               stories=None) -> tuple[View, list[str]]:
    """The View a query string asks for, and one notice per parameter that could not be used as given.

    `params` is st.query_params or any mapping of name to str or list of str. `docs`, `actors`, `events`
    and `stories`, when given, are the allowed values. Unknown parameter names are ignored.
    """
    checks = {
        "doc": lambda s: _member(s, docs, "document"),
        "tz": parse_zone,
        "tz2": parse_zone,
        "t": parse_time,
        "kinds": lambda s: _member(s.lower(), KINDS, "kind"),
        "actors": lambda s: _member(s, actors, "actor", fold=True),
        "status": lambda s: _member(s.lower(), STATUSES, "status"),
        "ev": lambda s: _member(s, events, "event"),
        "view": lambda s: _member(s.lower(), VIEWS, "view"),
        "story": lambda s: _member(s, stories, "story"),
        "range": parse_range,
    }
    got, notices = {}, []
    for name in PARAMS:
        values = _raw(params or {}, name)
        if not values:
            continue
        default = getattr(defaults, name)
        if name in LISTS:
            items, bad = _items(values, checks[name])
            if bad:
                shown = ", ".join(_show(b) for b in bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
                fallback = not items  # nothing usable was asked for: the default, not "all"
                notices.append(f"{name}: ignored {shown}" + (f"; showing {_describe(default)}" if fallback else ""))
                items = default if fallback else items
            got[name] = items
            continue
        try:
            got[name] = _single(name, values, checks[name])
        except BadParam as bad:
            what = bad.problem if bad.value is None else f"{bad.problem} {_show(bad.value)}"
            notices.append(f"{name}: {what}; showing {_describe(default)}")
    return replace(defaults, **got), notices


def view_to_params(view: View, defaults: View) -> dict[str, str]:
    """Only the fields that differ from the defaults, as URL text, in View field order."""
    return {name: _format(getattr(view, name)) for name in PARAMS
            if getattr(view, name) != getattr(defaults, name)}


def share_url(base_url: str, view: View, defaults: View) -> str:
    """base_url with the view's parameters; other parameters already on it (e.g. embed) are kept, except
    the edit token."""
    parts = urlsplit(base_url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k not in PARAMS and k not in SECRET]
    pairs = kept + list(view_to_params(view, defaults).items())
    # "/", ":" and "," are legal in a query string; leaving them makes the link readable.
    return urlunsplit(parts._replace(path=parts.path or "/", query=urlencode(pairs, safe="/:,")))
