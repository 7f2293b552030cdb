"""English event cues: what one clause says happened, read as a whole by timeline.events.cues.classify.

Each expected value was decided from the sentence's meaning (AP/Reuters/CBS phrasing about
the Alaska summit and similar events), not from what the code returns:
- kind: the event the sentence is about; with several kinds, the one nearest the decisive
  status word (the cancelled or planned item), else the first named;
- status: cancelled > planned > actual > unknown; "has not begun yet" is planned, not cancelled;
- certainty: likely (appears to, apparently...), unclear (unclear whether...), else certain;
- actors: canonical names in order of first mention; names after "according to" (or a
  trailing "..., X said") are the source.
Only the keys given in a case's expected dict are compared.
"""
from __future__ import annotations

import pytest

from tests.helpers import assert_cue_table, assert_reading

LANG = "en"
TRUMP, PUTIN = ("Trump",), ("Putin",)
LEADERS = ("Trump", "Putin")

CASES = [
    # ------------------------------------------------------------------ the briefed sentences
    ("Trump was scheduled to depart at 5:45 p.m.",
     {"kind": "departure", "status": "planned", "certainty": "certain", "actors": TRUMP},
     "'was scheduled to': schedule language beats the past-tense 'was'"),
    ("Putin's plane landed shortly before 11 a.m. local time.",
     {"kind": "arrival", "status": "actual", "certainty": "certain", "actors": PUTIN},
     "past landing; Putin's plane stands for Putin"),
    ("The lunch was scrapped.",
     {"kind": "meal", "status": "cancelled", "certainty": "certain", "actors": ()},
     "'scrapped': cancelled beats the past-tense 'was'"),

    # ------------------------------------------------------------------ arrivals
    ("Air Force One touched down at Joint Base Elmendorf-Richardson at 10:22 a.m.",
     {"kind": "arrival", "status": "actual", "actors": TRUMP},
     "past landing of the president's plane; the base is no person"),
    ("The Russian leader is due to touch down around 11 a.m. local time.",
     {"kind": "arrival", "status": "planned", "actors": PUTIN},
     "'is due to': a landing still to come"),
    ("Putin was to arrive first, followed by Trump.",
     {"kind": "arrival", "status": "planned", "actors": ("Putin", "Trump")},
     "'was to arrive': the plan, not a report; both named, Putin first"),
    ("Trump has arrived in Anchorage.",
     {"kind": "arrival", "status": "actual", "actors": TRUMP},
     "perfect tense: the arrival happened"),
    ("The Ukrainian president arrived at the White House shortly after 1 p.m.",
     {"kind": "arrival", "status": "actual", "actors": ("Zelensky",)},
     "past arrival; 'Ukrainian president' is Zelensky, the White House is no person"),
    ("Trump said he would return to Washington right after the talks.",
     {"kind": "arrival", "status": "planned", "actors": TRUMP,
      "qualifiers": frozenset({"return", "after_talks"})},
     "'would return': a planned return home, the kind nearest 'would'"),
    ("According to Russian state media, Putin left Anchorage shortly after the talks.",
     {"kind": "departure", "status": "actual", "actors": PUTIN},
     "the source is 'Russian state media' (the phrase after 'according to'); Putin is the one "
     "who left"),

    # ------------------------------------------------------------------ departures and flights
    ("Trump had been expected to leave Alaska at 5:45 p.m.",
     {"kind": "departure", "status": "planned", "actors": TRUMP},
     "'had been expected to': the schedule, not a report that he left"),
    ("Trump is set to leave Alaska shortly after 5 p.m.",
     {"kind": "departure", "status": "planned", "actors": TRUMP},
     "'is set to': planned departure"),
    ("Air Force One was wheels up at 3:40 p.m. local time.",
     {"kind": "departure", "status": "actual", "actors": TRUMP},
     "'was wheels up': the plane took off"),
    ("Trump boarded Air Force One for the flight back to Washington.",
     {"kind": "departure", "status": "actual", "actors": TRUMP},
     "'boarded' past; boarding is named before the flight (first named kind)"),
    ("Air Force One left Anchorage at 3:40 p.m., apparently ahead of schedule.",
     {"kind": "departure", "status": "actual", "certainty": "likely", "actors": TRUMP},
     "'left' past; 'apparently' makes it likely"),
    ("Putin's plane has not yet taken off.",
     {"kind": "departure", "status": "planned", "actors": PUTIN},
     "'has not yet taken off': the take-off is still to come (planned, not cancelled)"),
    ("The president is currently in the air on his way back to Washington.",
     {"kind": "flight", "status": "actual", "actors": TRUMP},
     "'currently in the air': an ongoing flight; 'the president' is Trump"),
    ("Zelenskyy will fly to Washington on Monday.",
     {"kind": "flight", "status": "planned", "actors": ("Zelensky",)},
     "'will fly': a planned flight; Zelenskyy is Zelensky"),

    # ------------------------------------------------------------------ meetings
    ("The two leaders met for about three hours at the base.",
     {"kind": "meeting", "status": "actual", "lasting": True, "actors": LEADERS},
     "past meeting that lasted three hours; 'the two leaders' are Trump and Putin"),
    ("The three-on-three talks began at about 11:30 a.m. local time.",
     {"kind": "meeting", "role": "start", "status": "actual", "actors": ()},
     "'began' past: the talks started"),
    ("The expanded meeting with both delegations at the base began at 11:27 a.m.",
     {"kind": "meeting", "role": "start", "status": "actual", "qualifiers": frozenset({"expanded"})},
     "'began' marks the start of the expanded meeting, however long the subject before it"),
    ("The meeting ended shortly before 3 p.m., the Kremlin said.",
     {"kind": "meeting", "role": "end", "status": "actual", "actors": ()},
     "'ended' past: the talks ended; the Kremlin is the source"),
    ("The summit has not begun yet.",
     {"kind": "meeting", "status": "planned"},
     "'has not begun yet' means still to come: planned, not cancelled"),
    ("The meeting has been called off, a White House official said.",
     {"kind": "meeting", "status": "cancelled", "actors": ()},
     "'called off': cancelled; the official is the source"),
    ("The meeting could last six to seven hours.",
     {"kind": "meeting", "status": "planned", "lasting": True},
     "'could last' looks ahead: an expected length, so planned"),
    ("The one-on-one meeting appears to be over.",
     {"kind": "meeting", "role": "end", "status": "actual", "certainty": "likely"},
     "'appears to be over': it has (probably) ended, a report of the past"),
    ("Secretary of State Marco Rubio and special envoy Steve Witkoff also attended the meeting.",
     {"kind": "meeting", "status": "actual", "actors": ("Rubio", "Witkoff")},
     "'attended' past; two actors in order"),

    # ------------------------------------------------------------------ press events and statements
    ("Trump and Putin are expected to hold a joint press conference after the talks.",
     {"kind": "press", "status": "planned", "actors": LEADERS,
      "qualifiers": frozenset({"after_talks"})},
     "'are expected to': the press conference (nearest the status word) is still to come"),
    ("Trump will hold a news conference aboard Air Force One.",
     {"kind": "press", "status": "planned", "actors": TRUMP},
     "'will hold': planned; 'aboard' is no boarding"),
    ("The press conference lasted just 12 minutes, and the two leaders took no questions.",
     {"kind": "press", "status": "actual", "lasting": True, "actors": LEADERS},
     "'lasted': it happened and lasted twelve minutes"),
    ("The joint news conference was canceled.",
     {"kind": "press", "status": "cancelled"},
     "American spelling 'canceled'"),
    ("The press conference is underway.",
     {"kind": "press", "status": "actual", "lasting": True},
     "'is underway': happening now (actual, ongoing)"),
    ("Putin said the talks were constructive.",
     {"kind": "statement", "status": "actual", "actors": PUTIN},
     "a report of what Putin said (first named kind); the talks are its subject"),
    ("German Chancellor Friedrich Merz told reporters the talks had produced no ceasefire.",
     {"kind": "statement", "status": "actual", "actors": ("Merz",)},
     "'told reporters' past statement; Friedrich Merz is an unlisted person (First Last -> Last)"),
    ("Kremlin aide Yuri Ushakov said a return visit to Moscow was possible.",
     {"kind": "statement", "status": "actual", "actors": ("Ushakov",)},
     "'said' past statement by Ushakov"),

    # ------------------------------------------------------------------ meals and cancellations
    ("The talks appeared to wrap up without the planned lunch.",
     {"kind": "meal", "status": "cancelled", "certainty": "likely", "actors": ()},
     "'without the planned lunch': the lunch fell through; 'appeared to': likely"),
    ("The leaders held a joint appearance but the planned lunch was called off.",
     {"kind": "meal", "status": "cancelled", "actors": LEADERS},
     "'called off': the lunch (nearest the status word) was cancelled"),
    ("The joint press conference was dropped from the schedule.",
     {"kind": "press", "status": "cancelled"},
     "'dropped': cancelled"),
    ("The expanded lunch will no longer take place.",
     {"kind": "meal", "status": "cancelled", "qualifiers": frozenset({"expanded"})},
     "'will no longer take place': cancelled beats the future 'will'"),
    ("A working lunch is expected after the talks.",
     {"kind": "meal", "status": "planned"},
     "'is expected': the lunch (nearest the status word) is still to come"),
    ("The leaders skipped the planned lunch.",
     {"kind": "meal", "status": "cancelled", "actors": LEADERS},
     "'skipped the planned lunch': the lunch did not happen, cancelled beats 'planned'"),
    ("The expanded lunch hasn't started yet, according to White House deputy chief of staff Dan Scavino.",
     {"kind": "meal", "status": "planned", "actors": (), "qualifiers": frozenset({"expanded"})},
     "'hasn't started yet' = still to come (planned, not cancelled, not actual); Scavino is the source"),
    ("The broader lunch has not yet begun, Scavino said.",
     {"kind": "meal", "status": "planned", "actors": ()},
     "'has not yet begun': planned; Scavino in a trailing 'X said' is the source, not an actor"),

    # ------------------------------------------------------------------ certainty
    ("It is unclear whether the lunch with the broader delegations will still take place.",
     {"kind": "meal", "status": "planned", "certainty": "unclear"},
     "'unclear whether': a future lunch whose fate is unclear"),
    ("It was not clear whether the expanded lunch had been canceled.",
     {"kind": "meal", "status": "cancelled", "certainty": "unclear"},
     "the claim is a cancellation, and the text says it is not clear"),

    # ------------------------------------------------------------------ actors, no event word
    ("Both leaders walked down the red carpet together.",
     {"kind": None, "status": "actual", "actors": LEADERS},
     "no event word (a walk on the carpet); 'walked' past; 'both leaders' are Trump and Putin"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[0][:70] for c in CASES])
def test_reading(text, expected, why):
    assert_reading(text, expected, why, LANG)


def test_table_is_big_and_no_text_repeats():
    assert_cue_table(CASES, minimum=34)
