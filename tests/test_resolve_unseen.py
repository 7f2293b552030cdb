"""Time resolution that once failed on unseen text, in both languages (issue: any live blog).

Each case is phrased as outlets write; the expected instant is worked out in its `why`.
"""

import pytest

from tests.helpers import Case, assert_case, assert_unique, case_id

NY, AMS, LON = "America/New_York", "Europe/Amsterdam", "Europe/London"

NL = [
    # ---- a converted pair where only one side names its zone
    Case("Rond 9.00 uur (15.00 uur Nederlandse tijd) landde het toestel in Washington.",
         [{"text": "Rond 9.00 uur", "utc": "2024-11-05T14:00:00Z", "tz": NY, "modifier": "approx"},
          {"text": "15.00 uur Nederlandse tijd", "utc": "2024-11-05T14:00:00Z", "tz": AMS}],
         "9.00 EST (UTC-5) = 14:00Z agrees with 15.00 CET (UTC+1) = 14:00Z: the article's zone", "2024-11-05", NY),
    Case("Om 9.00 uur (17.00 uur Nederlandse tijd) begon de zitting.",
         [{"text": "9.00 uur", "conflict": "'9.00 uur' and '17.00 uur Nederlandse tijd' differ by 120 min"},
          {"text": "17.00 uur Nederlandse tijd", "utc": "2024-11-05T16:00:00Z"}],
         "no zone makes 9.00 equal to 17.00 CET (16:00Z): EST gives 14:00Z, a conflict", "2024-11-05", NY),
    # ---- a time at a place, and a zone after a weekday
    Case("De top begint om 14.00 uur in Brussel.",
         [{"text": "14.00 uur in Brussel", "utc": "2025-03-20T13:00:00Z", "tz": "Europe/Brussels"}],
         "14.00 CET in Brussels (UTC+1 on 20 March) = 13:00Z", "2025-03-20", NY),
    Case("De persconferentie is om 14:00 (Brussel).",
         [{"text": "14:00 (Brussel)", "utc": "2025-03-20T13:00:00Z", "tz": "Europe/Brussels"}],
         "a place in parentheses after the time is its zone", "2025-03-20", NY),
    Case("Het bestand gaat in om 21.00 uur op zaterdag, Moskou-tijd.",
         [{"text": "21.00 uur op zaterdag, Moskou-tijd", "utc": "2025-03-22T18:00:00Z", "tz": "Europe/Moscow"}],
         "Saturday 22 March (event Thursday 20th), 21.00 MSK (UTC+3) = 18:00Z", "2025-03-20", AMS),
    # ---- a named time at a place in another zone
    Case("In Dixville Notch in New Hampshire ging het stembureau om middernacht open.",
         [{"text": "middernacht", "tz": NY}],
         "'om middernacht' in a sentence about a place in New Hampshire is that place's midnight",
         "2024-11-05", AMS),
    # ---- relative days against the publication date
    Case("Trump begon vannacht om 02.25 uur Nederlandse tijd aan zijn toespraak.",
         [{"text": "02.25 uur Nederlandse tijd", "utc": "2023-04-05T00:25:00Z"}],
         "published 5 April, the morning after: 'vannacht' is the night that ended on the 5th, 02.25 CEST = "
         "00:25Z", "2023-04-04", NY, "2023-04-05"),
    Case("Harris spreekt vanavond om 22.00 uur Nederlandse tijd.",
         [{"text": "22.00 uur Nederlandse tijd", "utc": "2024-11-06T21:00:00Z"}],
         "published 6 November: 'vanavond' is the 6th, 22.00 CET = 21:00Z", "2024-11-05", NY, "2024-11-06"),
    Case("Het stembureau stelt morgen om 9.00 uur de totalen vast.",
         [{"text": "9.00 uur", "utc": "2023-11-23T08:00:00Z"}],
         "published 22 November: 'morgen' is the 23rd, 9.00 CET = 08:00Z", "2023-11-22", AMS, "2023-11-22"),
    Case("De uitspraak volgde gisteravond om 20.15 uur Nederlandse tijd.",
         [{"text": "20.15 uur Nederlandse tijd", "utc": "2023-04-04T18:15:00Z"}],
         "published 5 April: 'gisteravond' is the 4th, 20.15 CEST = 18:15Z", "2023-04-04", NY, "2023-04-05"),
    # ---- page stamps with their dates; list items without 'uur' or a colon
    Case("Bijgewerkt om 07:30 05-04-2023 (Nederlandse tijd)",
         [{"text": "07:30 05-04-2023 (Nederlandse tijd)", "utc": "2023-04-05T05:30:00Z", "tz": AMS}],
         "a stamp: its date and its zone after it, 07:30 CEST on 5 April = 05:30Z", "2023-04-04", NY),
    Case("08:45 12.03.2024",
         [{"text": "08:45", "utc": "2024-03-12T07:45:00Z"}],
         "a stamp with its date: 08:45 CET on 12 March = 07:45Z", "2024-03-11", AMS),
    Case("Alle tijden zijn Nederlandse tijd.\n01.00 uur: Georgia en Virginia\n03.30 Montana.",
         [{"text": "01.00", "utc": "2024-11-06T00:00:00Z", "tz": AMS, "tz_source": "header"},
          {"text": "03.30", "utc": "2024-11-06T02:30:00Z", "tz": AMS, "tz_source": "header"}],
         "the header gives its zone to the list; 01.00 and 03.30 CET on the night of 5-6 Nov", "2024-11-05", NY),
]

EN = [
    Case("Doors open at 8 a.m. (2 p.m. CET) in Washington.",
         [{"text": "8 a.m.", "utc": "2024-11-05T13:00:00Z", "tz": NY},
          {"text": "2 p.m. CET", "utc": "2024-11-05T13:00:00Z"}],
         "8 a.m. EST = 13:00Z agrees with 2 p.m. CET = 13:00Z: the article's zone", "2024-11-05", NY),
    Case("The ceremony began at 8 a.m. (3 p.m. CET).",
         [{"text": "8 a.m.", "conflict": "'8 a.m.' and '3 p.m. CET' differ by 60 min"},
          {"text": "3 p.m. CET", "utc": "2024-11-05T14:00:00Z"}],
         "no zone makes 8 a.m. the same instant as 3 p.m. CET: a conflict", "2024-11-05", NY),
    Case("The vote is due at 9 a.m. in Washington.",
         [{"text": "9 a.m. in Washington", "utc": "2024-07-04T13:00:00Z", "tz": NY}],
         "9 a.m. EDT = 13:00Z", "2024-07-04", LON),
    Case("The truce starts at 9 p.m. on Saturday, Moscow time.",
         [{"text": "9 p.m. on Saturday, Moscow time", "utc": "2025-03-22T18:00:00Z", "tz": "Europe/Moscow"}],
         "the zone after the weekday; Saturday 22 March, 21:00 MSK = 18:00Z", "2025-03-20", AMS),
    Case("The statement came at 14:00 (Brussels).",
         [{"text": "14:00 (Brussels)", "utc": "2025-03-20T13:00:00Z", "tz": "Europe/Brussels"}],
         "14:00 CET = 13:00Z", "2025-03-20", NY),
    Case("Polls closed at 10 p.m. BST last night.",
         [{"text": "10 p.m. BST", "utc": "2024-07-04T21:00:00Z"}],
         "published 5 July: last night is the 4th, 22:00 BST = 21:00Z", "2024-07-04", LON, "2024-07-05"),
    Case("The president will speak tonight at 8 p.m.",
         [{"text": "8 p.m.", "utc": "2024-07-06T00:00:00Z"}],
         "published 5 July: tonight is the 5th, 20:00 EDT = 00:00Z on the 6th", "2024-07-04", NY, "2024-07-05"),
    Case("The count resumes tomorrow at 9 a.m.",
         [{"text": "9 a.m.", "utc": "2024-07-06T08:00:00Z"}],
         "published 5 July: tomorrow is the 6th, 09:00 BST = 08:00Z", "2024-07-04", LON, "2024-07-05"),
    Case("Updated 14:32 CET, 15 Aug 2025",
         [{"text": "14:32 CET", "tz": AMS, "utc": "2025-08-15T12:32:00Z", "flags": ["stamp", "abbrev_mismatch"]}],
         "a page stamp with its date; CET written in summer is read as Amsterdam time and flagged",
         "2025-08-14", NY),
    Case("Time (ET) | Time in Tokyo | Event\n7:10 p.m. Monday | 8:10 a.m. Tuesday | The prime minister lands",
         [{"text": "7:10 p.m.", "utc": "2024-04-08T23:10:00Z", "tz": NY, "tz_source": "header"},
          {"text": "8:10 a.m.", "utc": "2024-04-08T23:10:00Z", "tz": "Asia/Tokyo", "tz_source": "header"}],
         "each column takes its header's zone and the row's two cells are one instant", "2024-04-10", NY),
    Case("Moody's kick with 1:53 left put San Francisco ahead.", [],
         "a game clock is no time of day", "2024-02-11", "America/Los_Angeles"),
]


def test_no_repeats():
    assert_unique(NL)
    assert_unique(EN)


@pytest.mark.parametrize("case", NL, ids=case_id)
def test_nl(case):
    assert_case(case, "nl")


@pytest.mark.parametrize("case", EN, ids=case_id)
def test_en(case):
    assert_case(case, "en")
