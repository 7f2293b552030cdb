"""Dutch event cues: what one clause says happened, read as a whole by timeline.events.cues.classify.

Each expected value was decided from the sentence's meaning (NOS/NRC/VRT live-blog phrasing
about the Alaska summit and similar events), not from what the code returns:
- kind: the event the sentence is about; with several kinds, the one nearest the decisive
  status word (the cancelled or planned item), else the first named;
- status: cancelled > planned > actual > unknown; "nog niet begonnen" is planned, not cancelled;
- certainty: likely (lijkt, naar verluidt...), unclear (onduidelijk, niet bekend...), else certain;
- actors: canonical names in order of first mention; names after "aldus"/"volgens" are the source.
Only the keys given in a case's expected dict are compared.
"""
from __future__ import annotations

import pytest

from tests.helpers import assert_cue_table, assert_reading

LANG = "nl"
TRUMP, PUTIN = ("Trump",), ("Putin",)
LEADERS = ("Trump", "Putin")

CASES = [
    # ------------------------------------------------------------------ the briefed sentences
    ("Volgens de oorspronkelijke planning van het Witte Huis zou Trump om 17:45 uur vertrekken.",
     {"kind": "departure", "status": "planned", "certainty": "certain", "actors": TRUMP},
     "'volgens de oorspronkelijke planning' + 'zou': a scheduled departure; 'volgens' here introduces "
     "the schedule, so Trump stays the actor and the Witte Huis is no person"),
    ("De bredere lunchbijeenkomst is nog niet begonnen, aldus Dan Scavino.",
     {"kind": "meal", "status": "planned", "qualifiers": frozenset({"expanded"}), "actors": ()},
     "'nog niet begonnen' means it is still to come (planned), not cancelled; Scavino after 'aldus' "
     "is the source; 'bredere' marks the expanded lunch"),
    ("De gesprekken lijken tot een einde te zijn gekomen zonder een geplande lunch.",
     {"kind": "meal", "status": "cancelled", "certainty": "likely", "actors": ()},
     "'zonder een geplande lunch': the lunch fell through (cancelled, the item nearest that phrase); "
     "'lijken' makes it likely"),

    # ------------------------------------------------------------------ arrivals
    ("Het vliegtuig met Poetin landde kort voor 11.00 uur lokale tijd in Anchorage.",
     {"kind": "arrival", "status": "actual", "certainty": "certain", "actors": PUTIN},
     "'landde' is a past landing; 'het vliegtuig met Poetin' is Putin"),
    ("Air Force One landde om 10.22 uur lokale tijd op de militaire basis Elmendorf-Richardson.",
     {"kind": "arrival", "status": "actual", "actors": TRUMP},
     "past landing of the president's plane; Air Force One stands for Trump, the base is no person"),
    ("De Russische leider arriveerde ruim een halfuur later.",
     {"kind": "arrival", "status": "actual", "actors": PUTIN},
     "'arriveerde' past arrival; 'Russische leider' is Putin"),
    ("Poetin zal naar verwachting rond 11.00 uur lokale tijd landen.",
     {"kind": "arrival", "status": "planned", "actors": PUTIN},
     "'zal' + 'naar verwachting': a landing still to come"),
    ("De Oekraïense president Zelensky is aangekomen in het Witte Huis.",
     {"kind": "arrival", "status": "actual", "actors": ("Zelensky",)},
     "perfect tense 'is aangekomen' reports an arrival that happened; both names are Zelensky"),
    ("Volgens het Kremlin landde het vliegtuig met Poetin om 10.55 uur lokale tijd.",
     {"kind": "arrival", "status": "actual", "actors": PUTIN},
     "the source is 'het Kremlin' (right after 'volgens'); Putin's plane is the one that landed, "
     "so Putin is still the actor"),

    # ------------------------------------------------------------------ departures and flights
    ("Trump vertrok kort na de persconferentie naar Washington.",
     {"kind": "departure", "status": "actual", "actors": TRUMP},
     "past departure; the press conference only dates it (actual: the first named kind wins)"),
    ("Poetin is om 22.10 uur Nederlandse tijd vertrokken uit Anchorage.",
     {"kind": "departure", "status": "actual", "actors": PUTIN},
     "perfect tense 'is vertrokken': the departure happened"),
    ("De Amerikaanse president lijkt eerder te vertrekken dan gepland.",
     {"kind": "departure", "status": "planned", "certainty": "likely", "actors": TRUMP},
     "a departure still to come ('te vertrekken', 'gepland'), and only 'lijkt' so: likely; "
     "'Amerikaanse president' is Trump"),
    ("Air Force One is rond 15.40 uur lokale tijd opgestegen.",
     {"kind": "departure", "status": "actual", "actors": TRUMP},
     "perfect tense 'is opgestegen': the plane has taken off"),
    ("Trump vloog na de top terug naar Washington.",
     {"kind": "flight", "status": "actual", "actors": TRUMP},
     "'vloog terug' is a past flight home (named before the summit that only dates it)"),

    # ------------------------------------------------------------------ meetings
    ("De twee leiders ontmoetten elkaar op de rode loper.",
     {"kind": "meeting", "status": "actual", "actors": LEADERS},
     "past meeting; 'de twee leiders' are Trump and Putin"),
    ("De gesprekken in Anchorage begonnen rond 11.30 uur lokale tijd.",
     {"kind": "meeting", "role": "start", "status": "actual", "actors": ()},
     "'begonnen' past: the talks started; Anchorage is a place"),
    ("Na bijna drie uur was de top afgelopen.",
     {"kind": "meeting", "role": "end", "status": "actual"},
     "'was afgelopen': the summit had ended"),
    ("De uitgebreide bijeenkomst met de delegaties van beide landen begon rond 11.30 uur.",
     {"kind": "meeting", "role": "start", "status": "actual", "qualifiers": frozenset({"expanded"})},
     "'begon' marks the start of the expanded meeting, however long the subject before it"),
    ("De ontmoeting tussen Trump en Poetin is begonnen.",
     {"kind": "meeting", "status": "actual", "actors": LEADERS},
     "'is begonnen' (without 'nog niet') reports a start that happened"),
    ("Lavrov en Oesjakov waren ook bij het gesprek aanwezig.",
     {"kind": "meeting", "status": "actual", "actors": ("Lavrov", "Ushakov")},
     "past presence at the talks; Oesjakov is Ushakov"),
    ("Het gesprek in klein formaat, met Rubio, Witkoff, Lavrov en Oesjakov, duurde bijna drie uur.",
     {"kind": "meeting", "status": "actual", "lasting": True,
      "actors": ("Rubio", "Witkoff", "Lavrov", "Ushakov")},
     "'duurde' past and says how long the talks lasted; four actors in order"),
    ("Volgens Peskov begon de ontmoeting om 11.30 uur.",
     {"kind": "meeting", "status": "actual", "actors": ()},
     "Peskov, right after 'volgens', is only the source"),
    ("De gesprekken kunnen volgens het Kremlin zes tot zeven uur duren.",
     {"kind": "meeting", "status": "planned", "lasting": True, "actors": ()},
     "'kunnen ... duren' looks ahead: planned length of the talks"),
    ("Trump zou volgens het programma om 11.00 uur Poetin ontmoeten.",
     {"kind": "meeting", "status": "planned", "actors": LEADERS},
     "'zou' + 'volgens het programma': a scheduled meeting; 'volgens het programma' names the "
     "schedule, not a source person, so Poetin after it is still an actor"),
    ("De onderhandelingen zijn nog altijd aan de gang.",
     {"kind": "meeting", "status": "actual", "lasting": True},
     "'aan de gang' reports talks going on right now: actual (ongoing)"),

    # ------------------------------------------------------------------ press events and statements
    ("Trump en Poetin zouden na afloop een gezamenlijke persconferentie geven.",
     {"kind": "press", "status": "planned", "actors": LEADERS},
     "'zouden': a press conference still to come"),
    ("De persconferentie duurde slechts twaalf minuten.",
     {"kind": "press", "status": "actual", "lasting": True},
     "'duurde': it happened and lasted twelve minutes"),
    ("Er wordt na afloop een korte verklaring voor de pers verwacht.",
     {"kind": "press", "status": "planned"},
     "'wordt ... verwacht': a press statement still to come ('verklaring voor de pers' is press)"),
    ("Daarna staat een persconferentie op het programma.",
     {"kind": "press", "status": "planned"},
     "'staat op het programma' is schedule language: planned"),
    ("Tijdens de persconferentie, die twaalf minuten duurde, konden journalisten geen vragen stellen.",
     {"kind": "press", "status": "actual"},
     "past report: the press conference took place ('duurde'); 'konden' is past ability, "
     "not a schedule"),
    ("Zelensky zei vrijdag dat hij niet was uitgenodigd voor de top.",
     {"kind": "statement", "status": "actual", "actors": ("Zelensky",)},
     "the sentence reports what Zelensky said (first named kind); the summit is its subject"),
    ("Bondskanselier Friedrich Merz gaf na afloop een verklaring.",
     {"kind": "statement", "status": "actual", "actors": ("Merz",),
      "qualifiers": frozenset({"after_talks"})},
     "'gaf een verklaring' past statement; Friedrich Merz is an unlisted person (First Last -> Last)"),
    ("Trump gaat vanavond een interview geven aan Fox News.",
     {"kind": "statement", "status": "planned", "actors": TRUMP},
     "'gaat ... geven' is the Dutch near future: the interview is still to come; Fox News no person"),

    # ------------------------------------------------------------------ meals and cancellations
    ("De gezamenlijke lunch met de delegaties is geschrapt, meldt het Witte Huis.",
     {"kind": "meal", "status": "cancelled", "certainty": "certain", "actors": ()},
     "'geschrapt': the lunch was called off"),
    ("Het geplande diner met de delegaties gaat niet door.",
     {"kind": "meal", "status": "cancelled"},
     "'gaat niet door' cancels the dinner even though it was 'gepland'"),
    ("De geplande werklunch is afgeblazen.",
     {"kind": "meal", "status": "cancelled"},
     "'afgeblazen' = called off: cancelled beats the 'geplande'"),
    ("De persconferentie van de twee presidenten is afgezegd.",
     {"kind": "press", "status": "cancelled", "actors": LEADERS},
     "'afgezegd' = cancelled; 'de twee presidenten' are Trump and Putin"),
    ("De lunch is naar verluidt geschrapt.",
     {"kind": "meal", "status": "cancelled", "certainty": "likely"},
     "'naar verluidt' (reportedly): cancelled, but only on hearsay, so likely"),
    ("Het is nog onduidelijk of de werklunch definitief is geschrapt.",
     {"kind": "meal", "status": "cancelled", "certainty": "unclear"},
     "the claim is a cancellation, and the text says it is unclear"),

    # ------------------------------------------------------------------ certainty
    ("Het is onduidelijk of het diner met de delegaties nog doorgaat.",
     {"kind": "meal", "certainty": "unclear"},
     "'onduidelijk of': whether the dinner happens is unclear"),
    ("Of de persconferentie doorgaat, is niet bekend.",
     {"kind": "press", "certainty": "unclear"},
     "'is niet bekend' = it is not known: unclear"),

    # ------------------------------------------------------------------ actors, no event word
    ("De Russische president wordt rond 11.00 uur lokale tijd verwacht op de luchtmachtbasis.",
     {"status": "planned", "actors": PUTIN},
     "'wordt ... verwacht': still to come; 'Russische president' is Putin"),
    ("Trump en Poetin schudden elkaar de hand en liepen samen over de rode loper.",
     {"kind": None, "status": "actual", "actors": LEADERS},
     "no event word (a handshake and a walk); 'liepen' past"),

    # ------------------------------------------------------------------ qualifiers
    ("Trump zei dat hij na de top naar Washington zou terugkeren.",
     {"kind": "arrival", "status": "planned", "actors": TRUMP,
      "qualifiers": frozenset({"return", "after_talks"})},
     "'zou terugkeren': a planned return (the kind nearest 'zou'), timed 'na de top' = after the talks"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[0][:70] for c in CASES])
def test_reading(text, expected, why):
    assert_reading(text, expected, why, LANG)


def test_table_is_big_and_no_text_repeats():
    assert_cue_table(CASES, minimum=34)
