"""Share link: every query parameter valid and invalid, garbage never raises, and views round-trip."""

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import pytz
from hypothesis import given, settings, strategies as st

from timeline.schema import KINDS, STATUSES
from timeline.views.share import MAX_LEN, PARAMS, VIEWS, View, parse_view, share_url, view_to_params
from timeline.text.zones import zone_name

DOC = "alaska-summit-2025-08-15.nl"
D = View(doc=DOC, tz="America/Anchorage", tz2="Europe/Amsterdam")
ALLOWED = dict(docs=[DOC, "alaska-summit-2025-08-15.en"], actors=["Trump", "Putin", "Zelensky"],
               events=["e1", "e2"])
SHOWING_TZ = "; showing America/Anchorage"


def parse(query: str, defaults: View = D, **allowed):
    """A query string read the way Streamlit reads it (parse_qs, blanks kept), then parse_view."""
    return parse_view(parse_qs(query, keep_blank_values=True), defaults, **(allowed or ALLOWED))


CASES = [
    # query, fields that differ from D, exact notices, why
    ("", {}, [], "empty query: the defaults"),
    ("doc=alaska-summit-2025-08-15.en", {"doc": "alaska-summit-2025-08-15.en"}, [], "a known document"),
    ("doc=nope.nl", {}, [f"doc: unknown document 'nope.nl'; showing {DOC}"], "document not in docs"),
    ("doc=", {}, [f"doc: empty value; showing {DOC}"], "doc cannot be cleared"),
    ("tz=America/New_York", {"tz": "America/New_York"}, [], "an IANA name"),
    ("tz=america/new_york", {"tz": "America/New_York"}, [], "any case, stored canonical"),
    ("tz=Mars/Base", {}, ["tz: unknown zone 'Mars/Base'" + SHOWING_TZ], "unknown zone"),
    ("tz=", {}, ["tz: empty value" + SHOWING_TZ], "tz cannot be cleared"),
    ("tz=%20%20", {}, ["tz: empty value" + SHOWING_TZ], "blank is empty"),
    ("tz=utc&tz=msk", {}, ["tz: expected one value, got 2: 'utc, msk'" + SHOWING_TZ], "repeated single value"),
    ("tz2=msk", {"tz2": "Europe/Moscow"}, [], "alias for the second zone"),
    ("tz2=", {"tz2": None}, [], "an empty value clears the second zone"),
    ("tz2=nowhere", {}, ["tz2: unknown zone 'nowhere'; showing Europe/Amsterdam"], "unknown second zone"),
    ("t=2025-08-15T12:00", {"t": datetime(2025, 8, 15, 12, 0)}, [], "cursor"),
    ("t=2025-08-15t09:05", {"t": datetime(2025, 8, 15, 9, 5)}, [], "lower-case t"),
    ("t=", {}, [], "empty cursor is no cursor"),
    ("t=2025-02-30T12:00", {}, ["t: no such date or time '2025-02-30T12:00'; showing none"], "no 30 February"),
    ("t=2025-08-15T24:00", {}, ["t: no such date or time '2025-08-15T24:00'; showing none"], "no hour 24"),
    ("t=2025-08-15%2012:00", {}, ["t: not YYYY-MM-DDTHH:MM: '2025-08-15 12:00'; showing none"], "space"),
    ("t=2025-08-15T12:00:30", {}, ["t: not YYYY-MM-DDTHH:MM: '2025-08-15T12:00:30'; showing none"], "seconds"),
    ("t=%D9%A2%D9%A0%D9%A2%D9%A5-08-15T12:00", {}, ["t: not YYYY-MM-DDTHH:MM: '٢٠٢٥-08-15T12:00'; showing none"],
     "ASCII digits only"),
    ("kinds=arrival,departure", {"kinds": ("arrival", "departure")}, [], "comma-separated"),
    ("kinds=arrival&kinds=departure", {"kinds": ("arrival", "departure")}, [], "repeated"),
    ("kinds=meeting,arrival&kinds=departure", {"kinds": ("meeting", "arrival", "departure")}, [],
     "both at once, order kept"),
    ("kinds=arrival,ARRIVAL,Departure,arrival", {"kinds": ("arrival", "departure")}, [], "dedup, any case"),
    ("kinds=arrival,,%20meeting%20,", {"kinds": ("arrival", "meeting")}, [], "empty items and spaces skipped"),
    ("kinds=arrival,bogus", {"kinds": ("arrival",)}, ["kinds: ignored 'bogus'"], "bad item dropped"),
    ("kinds=bogus", {}, ["kinds: ignored 'bogus'; showing all"], "nothing usable: the default"),
    ("kinds=a,b,c,d,e", {}, ["kinds: ignored 'a', 'b', 'c' and 2 more; showing all"], "notice stays short"),
    ("kinds=", {}, [], "empty list is all"),
    ("actors=putin,TRUMP", {"actors": ("Putin", "Trump")}, [], "actors spelled as allowed"),
    ("actors=Biden,Putin", {"actors": ("Putin",)}, ["actors: ignored 'Biden'"], "actor not allowed"),
    ("status=planned,Actual", {"status": ("planned", "actual")}, [], "statuses"),
    ("status=done", {}, ["status: ignored 'done'; showing all"], "unknown status"),
    ("ev=e2", {"ev": "e2"}, [], "known event"),
    ("ev=e9", {}, ["ev: unknown event 'e9'; showing none"], "unknown event"),
    ("view=schedule", {"view": "schedule"}, [], "view"),
    ("view=TABLE", {"view": "table"}, [], "view in any case"),
    ("view=map", {}, ["view: unknown view 'map'; showing timeline"], "unknown view"),
    ("foo=bar&TZ=utc&kind=meeting", {}, [], "unknown names ignored silently"),
    ("tz=Mars&view=map&kinds=x", {}, ["tz: unknown zone 'Mars'" + SHOWING_TZ, "kinds: ignored 'x'; showing all",
                                      "view: unknown view 'map'; showing timeline"], "one notice each, field order"),
    ("tz=%3Cscript%3Ealert(1)%3C/script%3E", {},
     [r"tz: unknown zone '\x3cscript\x3ealert(1)\x3c/script\x3e'" + SHOWING_TZ], "HTML escaped in the notice"),
    ("doc=[login](https://evil.example)", {},
     [rf"doc: unknown document '\x5blogin\x5d(https\x3a//evil.example)'; showing {DOC}"], "no Markdown link"),
    ("doc=%00", {}, [rf"doc: control character in '\x00'; showing {DOC}"], "NUL byte"),
    ("doc=%2500", {}, [f"doc: unknown document '%00'; showing {DOC}"], "a literal %00"),
    ("tz=" + "a" * 201, {}, [f"tz: longer than {MAX_LEN} characters: '{'a' * 40}…'" + SHOWING_TZ], "too long"),
    ("tz=" + "a" * 120, {}, [f"tz: unknown zone '{'a' * 40}…'" + SHOWING_TZ], "cut to 40 in notices"),
    ("actors=" + "b" * 201 + ",Putin", {"actors": ("Putin",)}, [f"actors: ignored '{'b' * 40}…'"], "long item"),
]


def test_cases_do_not_repeat():
    queries = [case[0] for case in CASES]
    assert len(queries) == len(set(queries))


@pytest.mark.parametrize("query, want, notices, why", CASES, ids=[c[0][:50] for c in CASES])
def test_parse_view(query, want, notices, why):
    view, got = parse(query)
    assert view == View(**{**D.__dict__, **want}), why
    assert got == notices, why


@pytest.mark.parametrize("alias, zone", [("akdt", "America/Anchorage"), ("ET", "America/New_York"),
                                         ("kyiv", "Europe/Kyiv"), ("ams", "Europe/Amsterdam"), ("UTC", "UTC"),
                                         ("MSK", "Europe/Moscow"), ("kiev", "Europe/Kyiv"), (" akdt ", "America/Anchorage")])
@pytest.mark.parametrize("name", ["tz", "tz2"])
def test_zone_aliases(name, alias, zone):
    view, notices = parse_view({name: alias}, View(doc=DOC, tz="UTC"))
    assert getattr(view, name) == zone and notices == []


TYPE_CASES = [
    # params (not from a query string), fields that differ from D, notices, why
    ({"tz": ["utc"]}, {"tz": "UTC"}, [], "a one-item list is one value"),
    ({"tz": []}, {}, [], "an empty list is absent"),
    ({"tz": None}, {}, [], "None is absent"),
    ({"tz": 5}, {}, ["tz: expected text, got int" + SHOWING_TZ], "not text"),
    ({"view": ("table", "source")}, {}, ["view: expected one value, got 2: 'table, source'; showing timeline"],
     "tuple for a single value"),
    ({"kinds": ["arrival", 3]}, {"kinds": ("arrival",)}, ["kinds: ignored '3'"], "non-text list item"),
    ({"kinds": "meeting"}, {"kinds": ("meeting",)}, [], "a str for a list"),
]


@pytest.mark.parametrize("params, want, notices, why", TYPE_CASES, ids=[c[3] for c in TYPE_CASES])
def test_wrong_types(params, want, notices, why):
    view, got = parse_view(params, D)
    assert (view, got) == (View(**{**D.__dict__, **want}), notices), why


@pytest.mark.parametrize("params", [None, {}])
def test_no_params_gives_defaults(params):
    assert parse_view(params, D) == (D, [])


def test_without_allowed_lists_any_text_is_taken():
    view, notices = parse_view({"doc": "x.en", "actors": "Biden,biden", "ev": "e99"}, D)
    assert (view.doc, view.actors, view.ev, notices) == ("x.en", ("Biden", "biden"), "e99", [])


def test_empty_allowed_list_allows_nothing():
    view, notices = parse_view({"ev": "e1"}, D, events=[])
    assert view.ev is None and notices == ["ev: unknown event 'e1'; showing none"]


def test_list_is_capped():
    names = [f"a{i}" for i in range(150)]
    view, notices = parse_view({"actors": ",".join(names)}, D)
    assert view.actors == tuple(names[:100])
    assert notices == ["actors: ignored 'a100', 'a101', 'a102' and 47 more"]


class StreamlitLikeParams(dict):
    """Like st.query_params: [name] is the last repeat, get_all(name) is every one."""

    def __getitem__(self, name):
        return dict.__getitem__(self, name)[-1]

    def get(self, name, default=None):
        return self[name] if name in self else default

    def get_all(self, name):
        return list(dict.get(self, name, []))


def test_repeats_read_through_get_all():
    params = StreamlitLikeParams(kinds=["arrival", "meeting"], tz=["et"])
    view, notices = parse_view(params, D)
    assert (view.kinds, view.tz, notices) == (("arrival", "meeting"), "America/New_York", [])


GARBAGE = ["<script>alert(1)</script>", "x" * 10_000, "%00", "\x00", "", "   ", "\n", "é" * 300, "a," * 5000,
           "../../etc/passwd", "\u202e", "💥", "[x](javascript:alert(1))", "$x$", ["a", "b"], ["<b>", ""]]


@pytest.mark.parametrize("value", GARBAGE, ids=lambda v: repr(v)[:30])
@pytest.mark.parametrize("name", PARAMS)
def test_garbage_never_raises(name, value):
    view, notices = parse_view({name: value}, D, **ALLOWED)
    assert_valid(view)
    assert len(notices) <= 1
    for notice in notices:
        assert notice.startswith(f"{name}: ")
        assert len(notice) < 200 and notice.isprintable()
        assert not set("<>[]`$") & set(notice)


def assert_valid(view: View):
    assert view.doc in ALLOWED["docs"]
    assert view.tz in pytz.all_timezones and (view.tz2 is None or view.tz2 in pytz.all_timezones)
    assert view.t is None or (view.t.tzinfo is None and view.t.second == 0 and view.t.microsecond == 0)
    assert set(view.kinds) <= set(KINDS) and set(view.status) <= set(STATUSES)
    assert set(view.actors) <= set(ALLOWED["actors"]) and view.ev in (None, *ALLOWED["events"])
    assert view.view in VIEWS
    for items in (view.kinds, view.actors, view.status):
        assert len(items) == len(set(items))


@settings(max_examples=300, deadline=None)
@given(params=st.dictionaries(st.sampled_from(PARAMS + ("foo",)),
                              st.one_of(st.text(max_size=60), st.lists(st.text(max_size=20), max_size=4))))
def test_any_params_give_a_valid_view_and_named_notices(params):
    view, notices = parse_view(params, D, **ALLOWED)
    assert_valid(view)
    assert all(n.split(":")[0] in params for n in notices)


def test_view_to_params_only_differences():
    view = View(doc=DOC, tz="America/New_York", tz2=None, t=datetime(2025, 8, 15, 12, 0),
                kinds=("arrival", "departure"), view="schedule")
    assert view_to_params(view, D) == {"tz": "America/New_York", "tz2": "", "t": "2025-08-15T12:00",
                                       "kinds": "arrival,departure", "view": "schedule"}
    assert view_to_params(D, D) == {}


@pytest.mark.parametrize("base, want", [
    ("https://x.example/app", "https://x.example/app?tz=America/New_York&t=2025-08-15T12:00"
                              "&kinds=arrival,meeting&actors=A%26B%3DC+D"),
    ("https://x.example/app?embed=true&tz=utc#top", "https://x.example/app?embed=true&tz=America/New_York"
                                                    "&t=2025-08-15T12:00&kinds=arrival,meeting&actors=A%26B%3DC+D#top"),
])
def test_share_url(base, want):
    view = View(doc=DOC, tz="America/New_York", tz2="Europe/Amsterdam", t=datetime(2025, 8, 15, 12, 0),
                kinds=("arrival", "meeting"), actors=("A&B=C D",))
    assert share_url(base, view, D) == want


def test_share_url_of_defaults_is_the_base():
    assert share_url("https://x.example/app", D, D) == "https://x.example/app"


# Valid views: what parse_view can return without allowed lists.
CANONICAL_ZONES = sorted(z for z in pytz.all_timezones if zone_name(z) == z)  # not "EST", an alias here
# Printable characters: no control, format, private or unassigned ones, and no separator but the space.
printable = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"),
                          include_characters=" ")
ids = st.text(printable, min_size=1, max_size=MAX_LEN).filter(lambda s: s.isprintable() and s == s.strip())
actor_names = ids.filter(lambda s: "," not in s)
zones = st.sampled_from(CANONICAL_ZONES)
minutes = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)).map(
    lambda d: d.replace(second=0, microsecond=0))
views = st.builds(View, doc=ids, tz=zones, tz2=st.none() | zones, t=st.none() | minutes,
                  kinds=st.lists(st.sampled_from(KINDS), unique=True).map(tuple),
                  actors=st.lists(actor_names, unique=True, max_size=5).map(tuple),
                  status=st.lists(st.sampled_from(STATUSES), unique=True).map(tuple),
                  ev=st.none() | ids, view=st.sampled_from(VIEWS))


@settings(max_examples=300, deadline=None)
@given(view=views, defaults=views)
def test_round_trip(view, defaults):
    assert parse_view(view_to_params(view, defaults), defaults) == (view, [])


@settings(max_examples=200, deadline=None)
@given(view=views, defaults=views)
def test_round_trip_through_url(view, defaults):
    query = urlsplit(share_url("https://x.example/app?embed=true", view, defaults)).query
    assert parse_view(parse_qs(query, keep_blank_values=True), defaults) == (view, [])


def test_far_years_in_the_cursor_fall_back_with_a_notice():
    # 9999-12-31 parses as a date but overflows zone arithmetic: refused, never raised.
    view, notices = parse_view({"t": "9999-12-31T23:59"}, View(doc="d", tz="America/Anchorage"))
    assert view.t is None and notices and notices[0].startswith("t: out of range")


def test_notices_escape_emphasis_and_short_codes_but_read_as_typed():
    # "__x__" would be bold, ":material/warning:" an icon and ":smile:" an emoji in st.warning's Markdown.
    _, (notice,) = parse("actors=__x__ :material/warning: :smile:")
    assert notice.startswith("actors: ")
    shown = notice.split("'")[1]
    assert shown == "\\_\\_x\\_\\_ \\x3amaterial/warning: \\x3asmile:"
    # A colon before a digit starts no code and stays bare; an underscore is backslash-escaped (renders as typed).
    _, (zone,) = parse("tz=America/New_Yrok")
    assert "'America/New\\_Yrok'" in zone
    _, (when,) = parse("t=2025-02-30T12:00")
    assert "'2025-02-30T12:00'" in when


@pytest.mark.parametrize("value", ["http://www.phish.invalid/login", "www.phish.invalid/login",
                                   "reader@phish.invalid", "mailto:reader@phish.invalid"])
def test_notices_make_no_addresses_into_links(value):
    # GitHub-flavoured Markdown links "http://…", "www.…" and e-mail addresses by themselves.
    _, (notice,) = parse(f"kinds={value}")
    shown = notice.split("'")[1]
    assert shown.encode().decode("unicode_escape") == value
    assert not re.search(r"://|www\.|@", shown), shown
