"""Properties over any text: no exception, every instant aware and inside its window."""

from datetime import date

from hypothesis import given, settings, strategies as st

import timeline

# Fragments that make the engine work hard when glued together at random.
PIECES = ["om", "rond", "kort na", "11.30", "uur", "lokale tijd", "(", ")", "EDT", "of", "15:27", "'s ochtends",
          "vannacht", "zaterdag", "15 augustus 2025", "bijna", "drie", "zes tot zeven", "middernacht", "at",
          "about", "3:27", "p.m.", "a.m.", "ET", "local time", "Kyiv time", "on Saturday", "noon", "hours",
          "minutes", "24:00", "0100", "GMT", "half", "twee", "en", ",", ".", "\n", " ", "Z", "02.00:", "-",
          "the following day", "tijd in Tokio", "Moskou-tijd", "naar het Witte Huis", "terugkeren", "13u30"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
zones = st.sampled_from(["America/Anchorage", "Europe/Amsterdam", "America/New_York", "UTC", "Australia/Lord_Howe",
                         "America/Santiago", "Asia/Kathmandu"])
days = st.dates(min_value=date(1970, 1, 2), max_value=date(2099, 12, 30))


@settings(max_examples=400, deadline=None)
@given(text=texts, lang=st.sampled_from(["nl", "en", None]), tz=zones, day=days)
def test_any_text_resolves_sanely(text, lang, tz, day):
    mentions = timeline.text.extract(text, date=day, tz=tz, lang=lang)
    last = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last or m.kind == "duration"
        last = m.start
        assert m.kind in ("clock", "duration")
        assert m.modifier in ("exact", "approx", "after", "before")
        if m.kind == "duration":
            lo, hi = m.minutes
            assert 0 <= lo <= hi
            assert m.utc is None
            continue
        for value in (m.utc, m.earliest, m.latest):
            assert value is None or value.tzinfo is not None
        if m.utc is not None:
            assert m.earliest <= m.utc <= m.latest
            assert m.local.utcoffset() is not None
        m.to_json()
