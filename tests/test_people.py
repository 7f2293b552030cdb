"""People found in the article itself (timeline/events/people.py), in both languages.

Each case is a short text in news phrasing; the expected people were decided by reading it: who is a
person, by which key (the last name the article uses alone, else the first), and who a role phrase or
group word stands for.
"""

import pytest

from timeline.events.people import People

FOUND = [
    # text, people expected (exactly), why
    ("President Joe Biden met Chinese President Xi Jinping. Xi said the talks were candid. Biden smiled.",
     {"Biden", "Xi"}, "titles before both; Xi is the name the text uses alone, so the key is Xi, not Jinping"),
    ("Xi Jinping's motorcade reached the estate at 11:15 a.m.; Xi greeted the press.",
     {"Xi"}, "a possessive on a full name makes a person, and ends the name"),
    ("De Russische president Vladimir Poetin landde in Anchorage. Poetin werd begroet door Trump.",
     {"Poetin"}, "a title with its adjective before the name; Trump has no cue and is named once"),
    ("Geert Wilders stond bovenaan. Later sprak Wilders zijn aanhang toe in Scheveningen.",
     {"Wilders"}, "a first and last name whose last name the text also writes alone"),
    ("De PVV van Geert Wilders won. Wilders was blij.", {"Wilders"},
     "the party acronym and 'van' are no part of the name"),
    ("Keir Starmer's Labour Party won a landslide. Starmer thanked voters.", {"Starmer"},
     "the possessive ends the name: the party is no person"),
    ("NASA astronaut Suni Williams and Commander Butch Wilmore boarded Starliner.", {"Williams", "Wilmore"},
     "a role and a title before the names; NASA is an organisation"),
    ("The service at St. John's Episcopal Church began at 8:30 a.m. Chief Justice John Roberts arrived.",
     {"Roberts"}, "St. John's is a place; the Chief Justice is Roberts, keyed by his last name"),
    ("King Charles III and Queen Camilla left Buckingham Palace at 10:20.", {"Charles", "Camilla"},
     "regnal numbers are no last names; the palace is a place"),
    ("Verder zei hij dat de gesprekken goed waren. Bijgewerkt om 07:30.", set(),
     "'Verder zei hij': with the speaker after the verb, 'Verder' is none"),
    ("The White House said the talks went well, Fox News reported.", set(), "organisations only"),
    ("JD Vance took the vice-presidential oath. Vance then stood aside.", {"Vance"}, "initials before a name"),
]


@pytest.mark.parametrize("text, want, why", FOUND, ids=[c[0][:50] for c in FOUND])
def test_people_found(text, want, why):
    assert set(People(text).persons) == want, why


NAMED = [
    # text, the stretch to read (substring), people it names, why
    ("Japan's prime minister, Fumio Kishida, flew in on Monday. The prime minister lands at 7:10 p.m.",
     "The prime minister lands", ("Kishida",), "a title held by one person stands for him"),
    ("De Franse president Emmanuel Macron kwam aan. Later sprak de Franse president in Den Haag.",
     "Later sprak de Franse president", ("Macron",), "a role phrase the text tied to a name"),
    ("President Trump and Russian President Vladimir Putin met in Anchorage. Both leaders spoke to reporters "
     "at 2:15 p.m.",
     "Both leaders spoke", ("Putin", "Trump"), "a group word means the people the article is about there"),
    ("Koning Charles III en koningin Camilla werden gekroond. Charles en Camilla groetten. "
     "Om 14.15 uur verscheen het koningspaar op het balkon.",
     "verscheen het koningspaar", ("Charles", "Camilla"), "a couple: the holders of its titles the text pairs"),
    ("Rond 13.00 uur vertrokken koning Charles en zijn vrouw Camilla. Rond 13.30 uur waren ze terug op het paleis.",
     "waren ze terug", ("Camilla", "Charles"), "a plural pronoun with no one named before it in the clause"),
]


@pytest.mark.parametrize("text, part, want, why", NAMED, ids=[c[1] for c in NAMED])
def test_named_in(text, part, want, why):
    p = People(text)
    a = text.index(part)
    assert set(p.named_in(a, a + len(part))) == set(want), why


def test_metadata_names_people_the_text_does_not_mark():
    text = "Air Force One landed at 10:22 a.m. Poetin landde kort voor 11.00 uur."
    p = People(text, actors=["Trump", "Putin"], aliases={"Trump": ["Air Force One"], "Putin": ["Poetin"]})
    assert p.named_in(0, 34) == ("Trump",)
    assert p.named_in(35, len(text)) == ("Putin",)


def test_no_people_no_error():
    p = People("Het regende de hele dag in Amsterdam.")
    assert p.persons == {} and p.named_in(0, 10) == ()


@pytest.mark.parametrize("code", ["nl", "en"])
def test_language_file_example(code):
    from timeline.text.langdata import load_toml
    data = load_toml(code)["people"]
    assert set(People(data["example"]).persons) == set(data["example_people"])
