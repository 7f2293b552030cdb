"""Table-driven tests for English time extraction (contract: docs/extraction.md).

Every expected value below was worked out by hand from the text and the contract; the arithmetic is
in each case's `why`. Default article metadata (tests/helpers.py): event date Friday 2025-08-15,
zone America/Anchorage, which is AKDT = UTC-8 in August. Other offsets used in August 2025:
EDT UTC-4, PDT UTC-7, HST UTC-10, CEST UTC+2, BST UTC+1, EEST (Kyiv) UTC+3, MSK UTC+3,
SGT UTC+8, JST UTC+9.

"The article's local event day" for Aug. 15 in Anchorage runs 2025-08-15T08:00Z .. 2025-08-16T08:00Z;
an undated time in another zone takes the calendar date that puts it inside that day.
"""
from __future__ import annotations

import pytest

import timeline
from tests.helpers import Case, assert_case, assert_unique, case_id

AK = "America/Anchorage"
NY = "America/New_York"


def clock(utc, **more):
    return {"kind": "clock", "utc": utc, **more}


def dur(low, high, **more):
    return {"kind": "duration", "minutes": [low, high], **more}


CASES = [
    # ------------------------------------------------------------------ clock forms, article zone
    Case(
        "Trump is scheduled to arrive in Anchorage at 11 a.m. local time on Friday, the White House said.",
        [clock("2025-08-15T19:00:00Z", text="11 a.m. local time", modifier="exact", tz=AK,
               tz_source="stated", date_source="weekday")],
        "11 a.m. AKDT Fri Aug 15 = 19:00Z; 'local time' is the article zone, written next to the time",
    ),
    Case(
        "The two leaders are expected to meet at about 11am local time, according to the Kremlin.",
        [clock("2025-08-15T19:00:00Z", text="about 11am local time", modifier="approx", tz=AK,
               tz_source="stated", earliest="2025-08-15T18:45:00Z", latest="2025-08-15T19:15:00Z")],
        "about 11am AKDT = 19:00Z, approx window ±15 min",
    ),
    Case(
        "Air Force One touched down at Joint Base Elmendorf-Richardson at 10:22 a.m. local time. "
        "Putin's plane landed about 40 minutes later.",
        [clock("2025-08-15T18:22:00Z", text="10:22 a.m. local time", tz=AK),
         dur(30, 50, text="about 40 minutes", modifier="approx")],
        "10:22 AKDT = 18:22Z; about 40 min = 40 ± 25% = [30, 50]; 'One' is not a number of anything",
    ),
    Case(
        "According to the White House press pool, the talks began at 3:27 p.m. EDT.",
        [clock("2025-08-15T19:27:00Z", text="3:27 p.m. EDT", tz=NY, tz_source="stated")],
        "3:27 p.m. EDT = 15:27 + 4 = 19:27Z on Aug 15 (inside the article day)",
    ),
    Case(
        "Trump is due to speak to reporters aboard Air Force One at 3 PM ET.",
        [clock("2025-08-15T19:00:00Z", text="3 PM ET", tz=NY, tz_source="stated")],
        "3 PM ET = 15:00 EDT = 19:00Z",
    ),
    Case(
        "The ceremony on the tarmac starts at 3 PM local time, an official said.",
        [clock("2025-08-15T23:00:00Z", text="3 PM local time", tz=AK)],
        "3 PM AKDT = 15:00 + 8 = 23:00Z",
    ),
    Case(
        "The news conference was originally set for 11:00 local time but was pushed back.",
        [clock("2025-08-15T19:00:00Z", text="11:00 local time", tz=AK, tz_source="stated")],
        "11:00 AKDT = 19:00Z",
    ),
    Case(
        "A curfew will be in force in downtown Anchorage from 22:00, city officials said.",
        [clock("2025-08-16T06:00:00Z", text="22:00", tz=AK, tz_source="article",
               date_source="article")],
        "22:00 AKDT Aug 15 = 06:00Z Aug 16; no zone written -> article zone",
    ),
    Case(
        "The talks ended at 2:45 p.m., and neither leader took questions.",
        [clock("2025-08-15T22:45:00Z", text="2:45 p.m.", tz=AK, tz_source="article",
               modifier="exact", flags=[])],
        "2:45 p.m. AKDT = 22:45Z; no zone -> article",
    ),
    Case(
        "Residents began lining the road to the base at 6:30 in the morning.",
        [clock("2025-08-15T14:30:00Z", text="6:30 in the morning", tz=AK, tz_source="article")],
        "6:30 in the morning AKDT = 14:30Z; the day part is part of the span",
    ),
    Case(
        "Trump said he would hold a news conference at noon.",
        [clock("2025-08-15T20:00:00Z", text="noon", tz=AK, tz_source="article")],
        "noon = 12:00 AKDT = 20:00Z",
    ),
    Case(
        "Senate Majority Leader John Thune said the chamber would reconvene around noon ET.",
        [clock("2025-08-15T16:00:00Z", text="around noon ET", modifier="approx", tz=NY,
               earliest="2025-08-15T15:45:00Z", latest="2025-08-15T16:15:00Z")],
        "noon EDT = 16:00Z, approx ±15",
    ),
    Case(
        "Trump's motorcade left the hotel at noon on Saturday.",
        [clock("2025-08-16T20:00:00Z", text="noon", date_source="weekday")],
        "Saturday = Aug 16; noon AKDT = 20:00Z",
    ),
    Case(
        "Alaska's governor said the base would remain closed to the public until midnight.",
        [clock("2025-08-16T08:00:00Z", text="midnight", flags=["midnight"])],
        "midnight = 00:00 at the end of Aug 15 = Aug 16 00:00 AKDT = 08:00Z Aug 16",
    ),
    Case(
        "The White House released a readout of the call just before midnight.",
        [clock("2025-08-16T08:00:00Z", text="just before midnight", modifier="before",
               flags=["midnight"], earliest="2025-08-16T07:30:00Z", latest="2025-08-16T08:00:00Z")],
        "midnight at end of Aug 15 AKDT = 08:00Z Aug 16; 'just before' = -30..0",
    ),
    Case(
        "The ceasefire deadline expires at midnight ET on Friday.",
        [clock("2025-08-16T04:00:00Z", text="midnight ET", tz=NY, flags=["midnight"])],
        "end of Friday Aug 15 in ET = Aug 16 00:00 EDT = 04:00Z",
    ),
    Case(
        "The president signed the first batch of executive orders at 7:49 p.m. EST in the Oval Office.",
        [clock("2025-01-21T00:49:00Z", text="7:49 p.m. EST", tz=NY, tz_source="stated", flags=[])],
        "winter: 19:49 EST (UTC-5) Jan 20 = 00:49Z Jan 21",
        date="2025-01-20", tz=NY,
    ),
    Case(
        "The Secret Service said the motorcade reached the Capitol at 7:49 p.m. EST.",
        [clock("2025-12-06T00:49:00Z", text="7:49 p.m. EST", tz=NY)],
        "article Dec 5 in Anchorage (AKST, UTC-9) runs 09:00Z Dec 5 .. 09:00Z Dec 6; "
        "19:49 EST Dec 5 = 00:49Z Dec 6 falls inside it",
        date="2025-12-05",
    ),
    Case(
        "The Kremlin's readout of the meeting was published at 00:49 UTC.",
        [clock("2025-08-16T00:49:00Z", text="00:49 UTC", tz_source="stated")],
        "article day = 08:00Z Aug 15 .. 08:00Z Aug 16, so 00:49 UTC is Aug 16",
    ),
    Case(
        "The agency's first bulletin on the summit moved at 11:00 UTC.",
        [clock("2025-08-15T11:00:00Z", text="11:00 UTC")],
        "11:00 UTC Aug 15 lies inside 08:00Z Aug 15 .. 08:00Z Aug 16",
    ),
    Case(
        "Putin's Il-96 took off from Anchorage at about 0100 GMT on Saturday, flight-tracking data showed.",
        [clock("2025-08-16T01:00:00Z", text="about 0100 GMT", modifier="approx",
               earliest="2025-08-16T00:45:00Z", latest="2025-08-16T01:15:00Z")],
        "Saturday Aug 16 01:00 GMT = 01:00Z",
    ),
    Case(
        "Brent crude futures were up 42 cents at $66.26 a barrel at 1900 GMT.",
        [clock("2025-08-15T19:00:00Z", text="1900 GMT")],
        "1900 GMT = 19:00Z Aug 15 (inside article day); $66.26 is a price",
    ),
    Case(
        "U.S. stock index futures were little changed at 22:00 GMT.",
        [clock("2025-08-15T22:00:00Z", text="22:00 GMT")],
        "22:00 GMT Aug 15 is inside the article day",
    ),
    Case(
        "Flight-tracking data showed the Russian presidential jet airborne at 18:22Z.",
        [clock("2025-08-15T18:22:00Z", text="18:22Z", tz_source="stated")],
        "Z = UTC; 18:22Z Aug 15 is inside the article day",
    ),
    # ------------------------------------------------------------------ zones
    Case(
        "The summit is set to begin at 11:30 a.m. AKDT.",
        [clock("2025-08-15T19:30:00Z", text="11:30 a.m. AKDT", tz=AK, tz_source="stated")],
        "11:30 AKDT = 19:30Z",
    ),
    Case(
        "The first lady's office said she would watch the arrival at 11 a.m. Alaska time.",
        [clock("2025-08-15T19:00:00Z", text="11 a.m. Alaska time", tz=AK, tz_source="stated")],
        "11:00 AKDT = 19:00Z",
    ),
    Case(
        "House Speaker Mike Johnson will hold a briefing at 3 p.m. Eastern Time.",
        [clock("2025-08-15T19:00:00Z", text="3 p.m. Eastern Time", tz=NY, tz_source="stated")],
        "15:00 EDT = 19:00Z",
    ),
    Case(
        "The Senate is expected to vote at 11am ET on the nomination.",
        [clock("2025-08-15T15:00:00Z", text="11am ET", tz=NY)],
        "11:00 EDT = 15:00Z",
    ),
    Case(
        "Zelenskyy said he would address the nation at 9 p.m. Kyiv time.",
        [clock("2025-08-15T18:00:00Z", text="9 p.m. Kyiv time", tz="Europe/Kyiv",
               tz_source="stated")],
        "21:00 EEST (UTC+3) Aug 15 = 18:00Z; Kyiv article-day window 11:00 Aug 15 .. 11:00 Aug 16",
    ),
    Case(
        "Ukraine's air force said the attack began at around 10 p.m. Kiev time.",
        [clock("2025-08-15T19:00:00Z", text="around 10 p.m. Kiev time", modifier="approx")],
        "22:00 EEST Aug 15 = 19:00Z",
    ),
    Case(
        "The Kremlin said Putin would hold talks with his Security Council at 4 p.m. Moscow time.",
        [clock("2025-08-15T13:00:00Z", text="4 p.m. Moscow time", tz="Europe/Moscow",
               tz_source="stated")],
        "16:00 MSK (UTC+3) Aug 15 = 13:00Z; MSK article-day window 11:00 Aug 15 .. 11:00 Aug 16",
    ),
    Case(
        "Russian state television began its live broadcast at 10 a.m. MSK on Saturday.",
        [clock("2025-08-16T07:00:00Z", text="10 a.m. MSK", tz="Europe/Moscow",
               date_source="weekday")],
        "Saturday Aug 16 10:00 MSK = 07:00Z Aug 16",
    ),
    Case(
        "The European leaders' video call with Zelenskyy is set for 9 p.m. CEST.",
        [clock("2025-08-15T19:00:00Z", text="9 p.m. CEST", tz_source="stated")],
        "21:00 CEST (UTC+2) Aug 15 = 19:00Z",
    ),
    Case(
        "Vice President JD Vance is due to speak at the Munich Security Conference at 2:30 p.m. CET on Friday.",
        [clock("2025-02-14T13:30:00Z", text="2:30 p.m. CET", tz_source="stated")],
        "Feb 14 2025 is a Friday; 14:30 CET (UTC+1) = 13:30Z",
        date="2025-02-14", tz="Europe/Berlin",
    ),
    Case(
        "Apple will stream the event from its Cupertino campus at 10 a.m. PDT.",
        [clock("2025-08-15T17:00:00Z", text="10 a.m. PDT", tz="America/Los_Angeles",
               tz_source="stated")],
        "10:00 PDT (UTC-7) = 17:00Z",
    ),
    Case(
        "The Los Angeles Fire Department said the Palisades fire was reported at 10:30 a.m. PST on Tuesday.",
        [clock("2025-01-07T18:30:00Z", text="10:30 a.m. PST", tz="America/Los_Angeles",
               date_source="weekday")],
        "Jan 7 2025 is a Tuesday (the event date); 10:30 PST (UTC-8) = 18:30Z",
        date="2025-01-07", tz="America/Los_Angeles",
    ),
    Case(
        "The tsunami watch for Hawaii was lifted at 10 a.m. HST, the Pacific Tsunami Warning Center said.",
        [clock("2025-08-15T20:00:00Z", text="10 a.m. HST", tz_source="stated")],
        "10:00 HST (UTC-10) Aug 15 = 20:00Z; HST article-day window 22:00 Aug 14 .. 22:00 Aug 15",
    ),
    Case(
        "The Monetary Authority of Singapore will publish its review at 9 p.m. SGT.",
        [clock("2025-08-15T13:00:00Z", text="9 p.m. SGT", tz="Asia/Singapore")],
        "21:00 SGT (UTC+8) Aug 15 = 13:00Z; SGT window 16:00 Aug 15 .. 16:00 Aug 16",
    ),
    Case(
        "Japan's prime minister is expected to comment on the summit at 8 a.m. Tokyo time.",
        [clock("2025-08-15T23:00:00Z", text="8 a.m. Tokyo time", tz="Asia/Tokyo",
               tz_source="stated")],
        "JST window for the article day is 17:00 Aug 15 .. 17:00 Aug 16, so 08:00 JST is Aug 16 "
        "= 23:00Z Aug 15",
    ),
    Case(
        "The BBC will carry the news conference live from 8 p.m. London time.",
        [clock("2025-08-15T19:00:00Z", text="8 p.m. London time", tz="Europe/London")],
        "20:00 BST (UTC+1) Aug 15 = 19:00Z",
    ),
    Case(
        "The White House said Trump would depart Joint Base Andrews at 6:45 a.m. ET and hold a call "
        "with European leaders at 8 a.m.",
        [clock("2025-08-15T10:45:00Z", text="6:45 a.m. ET", tz=NY, tz_source="stated"),
         clock("2025-08-15T12:00:00Z", text="8 a.m.", tz=NY, tz_source="sentence")],
        "06:45 EDT = 10:45Z; 8 a.m. takes ET from the same sentence: 08:00 EDT = 12:00Z",
    ),
    Case(
        "The Kremlin said Putin would meet the governor at 1 p.m. and address the media at 5 p.m. Moscow time.",
        [clock("2025-08-15T10:00:00Z", text="1 p.m.", tz="Europe/Moscow", tz_source="sentence"),
         clock("2025-08-15T14:00:00Z", text="5 p.m. Moscow time", tz="Europe/Moscow",
               tz_source="stated")],
        "no preceding zoned time, so 1 p.m. takes Moscow time from the following one: 13:00 MSK = 10:00Z; "
        "17:00 MSK = 14:00Z",
    ),
    Case(
        "The White House briefing is set for 1 p.m. ET. Putin is expected to speak at 4 p.m.",
        [clock("2025-08-15T17:00:00Z", text="1 p.m. ET", tz=NY),
         clock("2025-08-16T00:00:00Z", text="4 p.m.", tz=AK, tz_source="article")],
        "13:00 EDT = 17:00Z; ET does not carry into the next sentence, so 4 p.m. AKDT = 00:00Z Aug 16",
    ),
    Case(
        "Putin's plane is due to leave Anchorage at 5:45 p.m. (4:45 a.m. Kyiv time on Saturday) local time.",
        [clock("2025-08-16T01:45:00Z", text="5:45 p.m.", tz=AK, conflict=None),
         clock("2025-08-16T01:45:00Z", text="4:45 a.m. Kyiv time", tz="Europe/Kyiv",
               tz_source="stated", conflict=None)],
        "zone after the parenthesis: 17:45 AKDT Fri = 01:45Z Sat; 04:45 EEST Sat Aug 16 = 01:45Z: "
        "a consistent pair",
    ),
    # ------------------------------------------------------------------ pairs
    Case(
        "Trump is scheduled to land at 10 a.m. Alaska time (2 p.m. ET).",
        [clock("2025-08-15T18:00:00Z", text="10 a.m. Alaska time", tz=AK, conflict=None),
         clock("2025-08-15T18:00:00Z", text="2 p.m. ET", tz=NY, tz_source="stated", conflict=None)],
        "10:00 AKDT = 18:00Z = 14:00 EDT",
    ),
    Case(
        "The talks began at 11:30 a.m. local time (3:30 p.m. ET) at Joint Base Elmendorf-Richardson.",
        [clock("2025-08-15T19:30:00Z", text="11:30 a.m. local time", tz=AK),
         clock("2025-08-15T19:30:00Z", text="3:30 p.m. ET", tz=NY, conflict=None)],
        "11:30 AKDT = 19:30Z = 15:30 EDT",
    ),
    Case(
        "Trump and Putin will hold a joint news conference at 4 p.m. local time, or 8 p.m. ET.",
        [clock("2025-08-16T00:00:00Z", text="4 p.m. local time", tz=AK),
         clock("2025-08-16T00:00:00Z", text="8 p.m. ET", tz=NY, conflict=None)],
        "16:00 AKDT = 00:00Z Aug 16 = 20:00 EDT Aug 15",
    ),
    Case(
        "The two presidents shook hands on the red carpet at about 11:08 a.m. local time, or 3:08 p.m. ET.",
        [clock("2025-08-15T19:08:00Z", text="about 11:08 a.m. local time", modifier="approx"),
         clock("2025-08-15T19:08:00Z", text="3:08 p.m. ET", modifier="approx",
               earliest="2025-08-15T18:53:00Z", latest="2025-08-15T19:23:00Z")],
        "11:08 AKDT = 19:08Z = 15:08 EDT; the second half takes 'about' from the first",
    ),
    Case(
        "The talks began at 11:30 a.m. local time (1930 GMT), Reuters witnesses said.",
        [clock("2025-08-15T19:30:00Z", text="11:30 a.m. local time"),
         clock("2025-08-15T19:30:00Z", text="1930 GMT", conflict=None)],
        "11:30 AKDT = 19:30Z",
    ),
    Case(
        "The Senate hearing will be livestreamed at 1 p.m. PT, or 4 p.m. ET.",
        [clock("2025-08-15T20:00:00Z", text="1 p.m. PT", tz="America/Los_Angeles"),
         clock("2025-08-15T20:00:00Z", text="4 p.m. ET", tz=NY, conflict=None)],
        "13:00 PDT = 20:00Z = 16:00 EDT",
    ),
    Case(
        "Gates open to the press at 10:00 AKDT/14:00 EDT.",
        [clock("2025-08-15T18:00:00Z", text="10:00 AKDT", tz=AK),
         clock("2025-08-15T18:00:00Z", text="14:00 EDT", tz=NY, conflict=None)],
        "10:00 AKDT = 18:00Z = 14:00 EDT; '/' joins a pair",
    ),
    Case(
        "The first orders were signed at 7:49 p.m. EST (00:49 UTC).",
        [clock("2025-01-21T00:49:00Z", text="7:49 p.m. EST", tz=NY),
         clock("2025-01-21T00:49:00Z", text="00:49 UTC", date_source="pair", conflict=None)],
        "19:49 EST Jan 20 = 00:49Z Jan 21; the UTC half takes the date closest to the first",
        date="2025-01-20", tz=NY,
    ),
    Case(
        "The meeting is set to start at 11 a.m. local time (4 p.m. ET).",
        [clock("2025-08-15T19:00:00Z", text="11 a.m. local time", tz=AK),
         clock("2025-08-15T20:00:00Z", text="4 p.m. ET", tz=NY)],
        "disagreeing pair, both kept: 11:00 AKDT = 19:00Z, 16:00 EDT = 20:00Z (1 h apart)",
    ),
    # ------------------------------------------------------------------ dates
    Case(
        "Zelenskyy will meet Trump at the White House on Monday at 1:15 p.m. ET, the Ukrainian leader said.",
        [clock("2025-08-18T17:15:00Z", text="1:15 p.m. ET", tz=NY, date_source="weekday")],
        "Monday within three days of Fri Aug 15 = Aug 18; 13:15 EDT = 17:15Z",
    ),
    Case(
        "The Kremlin announced the summit venue on Thursday at 8 p.m. Moscow time.",
        [clock("2025-08-14T17:00:00Z", text="8 p.m. Moscow time", date_source="weekday")],
        "Thursday = Aug 14; 20:00 MSK = 17:00Z Aug 14",
    ),
    Case(
        "Trump told reporters Thursday at 4 p.m. that there was a 25% chance the meeting would fail.",
        [clock("2025-08-15T00:00:00Z", text="4 p.m.", date_source="weekday")],
        "Thursday = Aug 14; 16:00 AKDT Aug 14 = 00:00Z Aug 15; 25% is not a time",
    ),
    Case(
        "Talks between the delegations are expected to resume at 10 a.m. local time on Saturday.",
        [clock("2025-08-16T18:00:00Z", text="10 a.m. local time", date_source="weekday")],
        "Saturday = Aug 16; 10:00 AKDT = 18:00Z Aug 16",
    ),
    Case(
        "Putin's plane left Anchorage shortly after 5 p.m. on Friday evening.",
        [clock("2025-08-16T01:00:00Z", text="shortly after 5 p.m.", modifier="after",
               date_source="weekday", earliest="2025-08-16T01:00:00Z",
               latest="2025-08-16T01:30:00Z")],
        "Friday = Aug 15; 17:00 AKDT = 01:00Z Aug 16; after = +0..+30",
    ),
    Case(
        "The leaders are due to meet again on Aug. 22 at 9 a.m. local time, the Kremlin said.",
        [clock("2025-08-22T17:00:00Z", text="9 a.m. local time", date_source="explicit")],
        "Aug. 22 09:00 AKDT = 17:00Z Aug 22",
    ),
    Case(
        "Negotiators will reconvene at 2 p.m. ET on August 16, 2025, a State Department spokesperson said.",
        [clock("2025-08-16T18:00:00Z", text="2 p.m. ET", date_source="explicit")],
        "Aug 16 14:00 EDT = 18:00Z",
    ),
    Case(
        "Vance arrives in Anchorage on Friday and leaves the following day at 9 a.m.",
        [clock("2025-08-16T17:00:00Z", text="9 a.m.", date_source="relative")],
        "the following day = Aug 16; 09:00 AKDT = 17:00Z",
    ),
    Case(
        "The Kremlin said Putin would brief Russia's Security Council tomorrow at 9 a.m. Moscow time.",
        [clock("2025-08-16T06:00:00Z", text="9 a.m. Moscow time", date_source="relative")],
        "tomorrow = Aug 16, read in Moscow: 09:00 MSK = 06:00Z Aug 16",
    ),
    Case(
        "Yesterday at 3 p.m., Trump told reporters he expected a constructive meeting.",
        [clock("2025-08-14T23:00:00Z", text="3 p.m.", date_source="relative")],
        "yesterday = Aug 14; 15:00 AKDT = 23:00Z Aug 14",
    ),
    Case(
        "He is scheduled to leave at 5:45 p.m. and would arrive back at the White House around 4:30 a.m.",
        [clock("2025-08-16T01:45:00Z", text="5:45 p.m.", tz=AK, tz_source="article"),
         clock("2025-08-16T08:30:00Z", text="around 4:30 a.m.", modifier="approx", tz=NY,
               tz_source="place", date_source="rollover")],
        "17:45 AKDT = 01:45Z Aug 16; 4:30 a.m. is Eastern (White House), Aug 15 04:30 EDT = 08:30Z Aug 15 "
        "would come before the evening time, so rollover to Aug 16 04:30 EDT = 08:30Z Aug 16",
    ),
    Case(
        "The vigil outside the base began at 9 p.m. and ended at 2:15 a.m.",
        [clock("2025-08-16T05:00:00Z", text="9 p.m."),
         clock("2025-08-16T10:15:00Z", text="2:15 a.m.", date_source="rollover")],
        "21:00 AKDT = 05:00Z Aug 16; 2:15 a.m. rolls to Aug 16: 02:15 AKDT = 10:15Z Aug 16",
    ),
    Case(
        "Negotiators worked until 23:30 and resumed at 05:30, a Russian official said.",
        [clock("2025-08-16T07:30:00Z", text="23:30"),
         clock("2025-08-16T13:30:00Z", text="05:30", date_source="rollover")],
        "23:30 AKDT = 07:30Z Aug 16; 05:30 is before 06:00 and after an evening time: "
        "Aug 16 05:30 AKDT = 13:30Z",
    ),
    # ------------------------------------------------------------------ modifiers
    Case(
        "Trump arrived at the base at roughly 10:30 a.m., with Putin landing soon after.",
        [clock("2025-08-15T18:30:00Z", text="roughly 10:30 a.m.", modifier="approx",
               earliest="2025-08-15T18:15:00Z", latest="2025-08-15T18:45:00Z")],
        "10:30 AKDT = 18:30Z, ±15",
    ),
    Case(
        "The Russian delegation arrived at approximately 10:50 a.m. local time.",
        [clock("2025-08-15T18:50:00Z", text="approximately 10:50 a.m. local time", modifier="approx")],
        "10:50 AKDT = 18:50Z",
    ),
    Case(
        "Shortly after 11 a.m., the two presidents walked down the red carpet together.",
        [clock("2025-08-15T19:00:00Z", text="Shortly after 11 a.m.", modifier="after",
               earliest="2025-08-15T19:00:00Z", latest="2025-08-15T19:30:00Z")],
        "11:00 AKDT = 19:00Z; after = +0..+30",
    ),
    Case(
        "The talks ended just after 2:30 p.m. local time, without a ceasefire agreement.",
        [clock("2025-08-15T22:30:00Z", text="just after 2:30 p.m. local time", modifier="after")],
        "14:30 AKDT = 22:30Z",
    ),
    Case(
        "Putin's plane landed at Elmendorf shortly before 11 a.m.",
        [clock("2025-08-15T19:00:00Z", text="shortly before 11 a.m.", modifier="before",
               earliest="2025-08-15T18:30:00Z", latest="2025-08-15T19:00:00Z")],
        "11:00 AKDT = 19:00Z; before = -30..0",
    ),
    Case(
        "The talks began at 11 a.m. sharp, a Kremlin aide said.",
        [clock("2025-08-15T19:00:00Z", modifier="exact", earliest="2025-08-15T19:00:00Z",
               latest="2025-08-15T19:00:00Z")],
        "11:00 AKDT = 19:00Z; 'sharp' -> exact, window is the instant",
    ),
    Case(
        "At precisely 11:31 a.m., Trump and Putin stepped onto the tarmac.",
        [clock("2025-08-15T19:31:00Z", text="precisely 11:31 a.m.", modifier="exact")],
        "11:31 AKDT = 19:31Z",
    ),
    # ------------------------------------------------------------------ durations
    Case(
        "The two leaders met for almost three hours at the base.",
        [dur(150, 180, text="almost three hours", modifier="before")],
        "almost = before: [180 - 30, 180]",
    ),
    Case(
        "Trump spent more than eight hours aboard Air Force One on the round trip.",
        [dur(480, 510, text="more than eight hours", modifier="after")],
        "more than = after: [480, 480 + 30]",
    ),
    Case(
        "Putin spoke for 20 minutes before Trump took the podium.",
        [dur(20, 20, text="20 minutes", modifier="exact")],
        "20 minutes exact",
    ),
    Case(
        "The flight from Vladivostok to Anchorage takes six to seven hours.",
        [dur(360, 420, text="six to seven hours", modifier="approx")],
        "range [6h, 7h] = [360, 420], approx",
    ),
    Case(
        "Officials said the meeting could last six or seven hours.",
        [dur(360, 420, text="six or seven hours")],
        "'six or seven hours' is a range like 'six to seven hours': [360, 420]",
    ),
    Case(
        "In all, Trump spent just over six hours on the ground in Alaska.",
        [dur(360, 390, text="just over six hours", modifier="after")],
        "just over = after: [360, 390]",
    ),
    Case(
        "The one-on-one session with only interpreters present lasted an hour and a half.",
        [dur(90, 90, text="an hour and a half")],
        "an hour and a half = 90 min exact; 'one-on-one' is not a duration",
    ),
    Case(
        "The expanded meeting with aides ran for 90 minutes.",
        [dur(90, 90, text="90 minutes")],
        "90 min exact",
    ),
    Case(
        "Lavrov told reporters the delegations met for about an hour.",
        [dur(45, 75, text="about an hour", modifier="approx")],
        "about 60 min ± 25% = [45, 75]",
    ),
    Case(
        "The summit lasted two and a half hours, shorter than aides had planned.",
        [dur(150, 150, text="two and a half hours")],
        "2.5 h = 150 min",
    ),
    Case(
        "Putin spoke for about eight minutes; Trump followed with remarks of his own.",
        [dur(6, 10, text="about eight minutes", modifier="approx")],
        "8 ± 25% = [6, 10]",
    ),
    Case(
        "The joint appearance lasted 12 minutes, and neither leader took questions.",
        [dur(12, 12, text="12 minutes")],
        "12 min exact",
    ),
    Case(
        "Trump said he would know in the first two minutes whether a deal was possible.",
        [dur(2, 2, text="two minutes")],
        "two minutes, exact",
    ),
    Case(
        "The Russian delegation stayed in Anchorage for more than 24 hours.",
        [dur(1440, 1470, text="more than 24 hours", modifier="after")],
        "24 h = 1440 min, +30 min slack",
    ),
    Case(
        "The expanded talks with aides lasted under two hours.",
        [dur(90, 120, text="under two hours", modifier="before")],
        "under = before: [120 - 30, 120]",
    ),
    Case(
        "Ukraine will have two weeks to respond to the proposal, a U.S. official said.",
        [dur(20160, 20160, text="two weeks")],
        "2 weeks = 2 * 7 * 1440 = 20160 min",
    ),
    Case(
        "Negotiations could drag on for more than two days, diplomats warned.",
        [dur(2880, 3600, text="more than two days", modifier="after")],
        "2 days = 2880 min, +12 h slack = 3600",
    ),
    Case(
        "The Ukrainian president spoke for about 20 minutes, starting at 9 p.m. Kyiv time.",
        [dur(15, 25, text="about 20 minutes"),
         clock("2025-08-15T18:00:00Z", text="9 p.m. Kyiv time")],
        "20 ± 25% = [15, 25]; 21:00 EEST = 18:00Z",
    ),
    Case(
        "Trump's motorcade left at 9:10 a.m. and the trip to the base took 45 minutes.",
        [clock("2025-08-15T17:10:00Z", text="9:10 a.m."), dur(45, 45, text="45 minutes")],
        "09:10 AKDT = 17:10Z; 45 min exact",
    ),
    # ------------------------------------------------------------------ numbers that are not times
    Case(
        "More than 8,000 participants signed up for the rally in Anchorage, organizers said.",
        [], "a count, not a time",
    ),
    Case(
        "Ukrainian officials say Russia launched nearly 20,000 drones at the country this summer.",
        [], "20,000 is a count",
    ),
    Case(
        "SpaceX launched a Falcon 9 rocket carrying 24 Starlink satellites from Cape Canaveral.",
        [], "rocket name and a count",
    ),
    Case(
        "A B-2 stealth bomber and four F-35 fighter jets flew over the red carpet as the leaders shook hands.",
        [], "aircraft designations",
    ),
    Case(
        "Asked to rate the meeting, Trump told Fox News it was a 10 out of 10.",
        [], "a rating",
    ),
    Case(
        "It was the first visit by a Russian leader to Alaska since the territory was sold to the U.S. in 1867, "
        "and the first Trump-Putin meeting since 2019.",
        [], "years",
    ),
    Case(
        "Chelsea won 2-0 at home, while Arsenal came from behind to beat Leeds 3-1.",
        [], "scores",
    ),
    Case(
        "Shares rose to $11.30, and the deal is valued at $7.2 million.",
        [], "prices",
    ),
    Case(
        "The Dow Jones Industrial Average fell 34.86 points, or 0.08%, to 44,911.26.",
        [], "index levels with decimals",
    ),
    Case(
        "The summit took place on Aug. 15 at Joint Base Elmendorf-Richardson.",
        [], "a date alone is not a clock mention",
    ),
    Case(
        "Protests were held at 11 locations across the state, police said.",
        [], "'at 11 locations' is a count",
    ),
    Case(
        "Putin had not set foot in the United States in 10 years, and the war is now in its fourth year.",
        [], "years and months are not durations",
    ),
    Case(
        "Zelenskyy first presented his 10-point peace plan to G20 leaders in Bali in November 2022.",
        [], "list count, group name, year",
    ),
    # ------------------------------------------------------------------ lines
    Case(
        "LIVE UPDATES\nTrump lands in Anchorage at 10:22 a.m. local time ahead of Putin summit",
        [clock("2025-08-15T18:22:00Z", text="10:22 a.m. local time", line=2, start=41, end=62)],
        "second line; 10:22 AKDT = 18:22Z; 'LIVE UPDATES\\n' is 13 chars + 28 before the time = 41, "
        "span is 21 chars",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_extract_en(case: Case) -> None:
    assert_case(case, "en")


def test_cases_unique() -> None:
    assert_unique(CASES)


def _extract(text, date="2025-08-15", tz=AK):
    return [m.to_json() for m in timeline.text.extract(text, date=date, tz=tz, lang="en")]


def test_dst_gap_spring_forward() -> None:
    # 2025-03-09 02:00 EST jumps to 03:00 EDT: 2:30 a.m. never happens.
    # EST reading 02:30-05:00 = 07:30Z, EDT reading 02:30-04:00 = 06:30Z.
    found = _extract("Police said the crash happened at 2:30 a.m. on the Brooklyn-Queens Expressway.",
                     date="2025-03-09", tz=NY)
    assert len(found) == 1
    m = found[0]
    assert m["kind"] == "clock"
    assert m["utc"] is None
    assert "dst_gap" in m["flags"]
    assert m["earliest"] == "2025-03-09T06:30:00Z"
    assert m["latest"] == "2025-03-09T07:30:00Z"


def test_dst_fold_fall_back() -> None:
    # 2025-11-02 02:00 EDT falls back to 01:00 EST: 1:30 a.m. happens twice.
    # EDT reading 01:30+04:00 = 05:30Z, EST reading 01:30+05:00 = 06:30Z.
    found = _extract("Firefighters were called to the building at 1:30 a.m., officials said.",
                     date="2025-11-02", tz=NY)
    assert len(found) == 1
    m = found[0]
    assert m["utc"] is None
    assert "dst_fold" in m["flags"]
    assert m["earliest"] == "2025-11-02T05:30:00Z"
    assert m["latest"] == "2025-11-02T06:30:00Z"


def test_est_written_in_summer_is_flagged() -> None:
    found = _extract("The hearing is scheduled for 3 p.m. EST on Capitol Hill.")
    assert len(found) == 1
    assert "abbrev_mismatch" in found[0]["flags"]


def test_disagreeing_pair_keeps_both_and_reports_conflict() -> None:
    # 11 a.m. AKDT = 19:00Z but 4 p.m. EDT = 20:00Z: the halves disagree by an hour.
    found = _extract("The meeting is set to start at 11 a.m. local time (4 p.m. ET).")
    assert [m["utc"] for m in found] == ["2025-08-15T19:00:00Z", "2025-08-15T20:00:00Z"]
    assert found[0]["pair"] is not None and found[0]["pair"] == found[1]["pair"]
    assert any(m["conflict"] is not None for m in found)


def test_consistent_pair_shares_pair_id_without_conflict() -> None:
    found = _extract("Trump and Putin will hold a joint news conference at 4 p.m. local time, or 8 p.m. ET.")
    assert len(found) == 2
    assert found[0]["pair"] is not None and found[0]["pair"] == found[1]["pair"]
    assert found[0]["conflict"] is None and found[1]["conflict"] is None


def test_unpaired_time_has_no_pair() -> None:
    found = _extract("The talks ended at 2:45 p.m. local time.")
    assert len(found) == 1
    assert found[0]["pair"] is None
    assert found[0]["conflict"] is None
