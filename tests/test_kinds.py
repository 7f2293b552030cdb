"""The kind vocabulary is data (timeline/lang/kinds.toml): every kind's examples read as that kind, in
both languages, labels name what the text names, and the schema follows the file."""

import tomllib

import pytest

from timeline.events.cues import classify, kind_specs
from timeline.schema import EVENT_SCHEMA, KINDS
from timeline.text.langdata import LANG_DIR, available

REQUIRED = ["arrival", "departure", "meeting", "meal", "press", "speech", "ceremony", "launch", "landing",
            "docking", "polls_open", "polls_close", "result", "broadcast", "flight", "statement", "other"]


def test_vocabulary_has_every_required_kind():
    assert set(REQUIRED) <= set(KINDS)
    assert list(EVENT_SCHEMA["kind"].categories) == KINDS


def test_schema_follows_the_file():
    with (LANG_DIR / "kinds.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert KINDS == [k for k in data if not k.startswith("_")]


EXAMPLES = [(kind, code, spec[f"example_{code}"]) for kind, spec in kind_specs().items() for code in available()
            if f"example_{code}" in spec]


def test_every_kind_but_other_has_examples_in_both_languages():
    have = {(k, c) for k, c, _ in EXAMPLES}
    for kind in KINDS:
        if kind != "other":
            assert all((kind, code) in have for code in available()), kind


@pytest.mark.parametrize("kind, code, example", EXAMPLES, ids=[f"{k}-{c}" for k, c, _ in EXAMPLES])
def test_example_reads_as_its_kind(kind, code, example):
    assert classify(example, code).kind == kind


NAMED = [
    # text, lang, kind, English name the label takes (what the text names)
    ("A working dinner is planned for 6:30 p.m.", "en", "meal", "Working dinner"),
    ("Breakfast with the governors is at 8 a.m.", "en", "meal", "Breakfast"),
    ("Trump took the oath of office at 12:01 p.m.", "en", "ceremony", "Oath of office"),
    ("De koning legde om 11.15 uur een krans bij het monument.", "nl", "ceremony", "Wreath laying"),
    ("Om 20.00 uur begon het staatsbanket in het paleis.", "nl", "meal", "State banquet"),
    ("The exit poll was published at 10 p.m.", "en", "result", "Exit poll"),
    ("De kroningsdienst begon om 11.00 uur.", "nl", "ceremony", "Coronation"),
    ("Reba McEntire sang the national anthem at about 3:20 p.m.", "en", "ceremony", "National anthem"),
]


@pytest.mark.parametrize("text, lang, kind, name", NAMED, ids=[n[0][:40] for n in NAMED])
def test_terms_name_what_the_text_names(text, lang, kind, name):
    r = classify(text, lang)
    assert (r.kind, r.name) == (kind, name)


def test_longest_words_win():
    # "arrival ceremony" is a ceremony, though "arrival" alone is an arrival
    assert classify("The official arrival ceremony begins at 10 a.m.", "en").kind == "ceremony"
    assert classify("Her arrival is expected at 10 a.m.", "en").kind == "arrival"


CUE_EXAMPLES = [(code, key, text) for code in available()
                for key, text in tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
                .get("cues", {}).get("examples", {}).items()]


@pytest.mark.parametrize("code, key, text", CUE_EXAMPLES, ids=[f"{c}-{k}" for c, k, _ in CUE_EXAMPLES])
def test_cue_example(code, key, text):
    """Every worked example of [cues.examples] reads as its cue."""
    r = classify(text, code)
    found = {"start": r.role == "start", "end": r.role == "end", "planned": r.status == "planned",
             "cancelled": r.status == "cancelled", "actual": r.status == "actual", "likely": r.certainty == "likely",
             "unclear": r.certainty == "unclear", "lasting": r.lasting, "attribution": True}
    assert found.get(key, key in r.qualifiers), (key, r)
