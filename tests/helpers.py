"""Shared checks for the table-driven extraction tests."""
from __future__ import annotations

from dataclasses import dataclass, field

import io

import timeline
from timeline.cli import run

EVENT_DATE = "2025-08-15"
LOCAL_TZ = "America/Anchorage"


@dataclass(frozen=True)
class Case:
    """One phrase and every mention expected in it, in text order.

    Each expected dict holds a subset of the mention's JSON fields; the test compares exactly those.
    """

    text: str
    expected: list = field(default_factory=list)
    why: str = ""
    date: str = EVENT_DATE
    tz: str = LOCAL_TZ
    published: str | None = None


def case_id(case: Case) -> str:
    return case.text[:60]


def assert_case(case: Case, lang: str) -> None:
    found = [m.to_json() for m in timeline.text.extract(case.text, date=case.date, tz=case.tz, lang=lang,
                                                        published=case.published)]
    shown = [{k: m.get(k) for k in ("text", "kind", "utc", "modifier", "tz", "tz_source", "minutes", "conflict")}
             for m in found]
    assert len(found) == len(case.expected), f"{case.why}: got {shown}"
    for got, want in zip(found, case.expected):
        sub = {k: got.get(k) for k in want}
        assert sub == want, f"{case.why}: got {sub}, want {want} (all: {shown})"


def assert_unique(cases) -> None:
    texts = [(c.text, c.date, c.tz, c.published) for c in cases]
    dupes = {t for t in texts if texts.count(t) > 1}
    assert not dupes, f"repeated cases: {dupes}"


def cli(*argv):
    """(exit code, stdout, stderr) of timeline.cli.run, in process."""
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(result, code: int, words, ignore_case: bool = False) -> None:
    """A user error: the exit code, nothing on stdout, one stderr line holding `words`, no traceback."""
    got, out, err = result
    assert got == code, f"stderr: {err}"
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"want one line, got {err!r}"
    fold = str.lower if ignore_case else (lambda x: x)
    for word in words:
        assert fold(word) in fold(lines[0]), f"{word!r} not in {lines[0]!r}"


# The summit's people as that article's metadata would name them (actors, aliases): the cue tables'
# clauses are read as sentences of that article, whose people the product does not know.
SUMMIT_ACTORS = ["Trump", "Putin"]
SUMMIT_ALIASES = {
    "Trump": ["Donald Trump", "President Trump", "Air Force One", "Amerikaanse president", "de president",
              "the president", "U.S. president", "US president", "American president", "Mr. Trump", "heer Trump"],
    "Putin": ["Poetin", "Vladimir Poetin", "Vladimir Putin", "Russische president", "Russische leider",
              "Russian president", "Russian leader", "Kremlin leader"],
    "Zelensky": ["Zelenskyy", "Volodymyr Zelensky", "Oekraïense president", "Ukrainian president"],
    "Lavrov": ["Sergej Lavrov", "Sergei Lavrov"], "Ushakov": ["Oesjakov", "Yuri Ushakov"],
    "Peskov": ["Dmitry Peskov"], "Rubio": ["Marco Rubio"], "Witkoff": ["Steve Witkoff"],
    "Hannity": ["Sean Hannity"], "Leavitt": ["Karoline Leavitt"], "Scavino": ["Dan Scavino"],
}


def assert_reading(text: str, expected: dict, why: str, lang: str) -> None:
    """timeline.events.cues.classify on one clause: compare only the keys given."""
    from timeline.events.cues import classify
    from timeline.events.people import People
    reading = classify(text, lang, People(text, SUMMIT_ACTORS, SUMMIT_ALIASES))
    got = {key: getattr(reading, key) for key in expected}
    assert got == expected, f"{why}: got {got}, want {expected}"


def assert_cue_table(cases, minimum: int) -> None:
    assert len(cases) >= minimum
    texts = [text for text, _, _ in cases]
    repeated = {t for t in texts if texts.count(t) > 1}
    assert not repeated, f"repeated cases: {repeated}"


# A launch day written for the tests (line 3 "09:00 local time" = 13:00Z; line 4 "10:52 a.m. EDT" = 14:52Z,
# EDT being UTC-4 in June): the article the dashboard tests paste.
LAUNCH = (
    "Starliner crew launch: live updates\n"
    "Cape Canaveral, Wednesday June 5, 2024\n"
    "NASA astronauts Butch Wilmore and Suni Williams boarded the capsule shortly after 09:00 local time.\n"
    "The Atlas V rocket lifted off at 10:52 a.m. EDT from Space Launch Complex 41.\n"
    "Docking with the space station is scheduled for 12:15 p.m. EDT on Thursday.\n"
)
