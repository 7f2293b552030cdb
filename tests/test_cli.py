"""The command line (DESIGN.md §4, §5): argument errors, output contract, help and README commands.

Exit codes: 0 ok; 2 bad arguments (unknown zone, bad date, unknown command or language);
1 unreadable input (tests/test_article.py). User errors print one line that names the problem and
the fix, never a traceback.

Expected instants are worked out by hand: event date Friday 2025-08-15, America/Anchorage = AKDT =
UTC-8 in August.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import assert_one_line_error, cli
from timeline.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"
AK = "America/Anchorage"
PINNED = ["--date", "2025-08-15", "--tz", AK]

MENTION_KEYS = {"start", "end", "text", "kind", "utc", "local", "tz", "tz_source", "date_source",
                "modifier", "earliest", "latest", "minutes", "pair", "conflict", "flags", "line", "rule"}

# DESIGN.md §5, in table order.
EVENT_COLUMNS = ["event_id", "label", "kind", "actors", "status", "start", "end", "start_earliest",
                 "start_latest", "end_earliest", "end_latest", "modifier", "stated_tz", "stated_text",
                 "slot", "origin", "doc", "line", "span_start", "span_end", "quote"]
# The table's own additions after the DESIGN.md §5 columns (docs/events.md).
EVENT_COLUMNS = EVENT_COLUMNS + ["certainty", "sources", "minutes_low", "minutes_high", "engine_said"]

# Line 1: a clock time and a duration. 10:22 AKDT = 18:22Z; "bijna drie uur" = before, [180-30, 180].
TWO_MENTIONS = ("Het vliegtuig landde om 10:22 uur lokale tijd in Anchorage.\n"
                "De gesprekken duurden bijna drie uur, zei de woordvoerder.\n")
NO_TIMES = "De top in Alaska eindigde zonder akkoord over een staakt-het-vuren.\n"


def module(*argv, timeout=120):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def article(tmp_path):
    def make(text, name="story.nl.txt"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8", newline="")
        return p
    return make


# --------------------------------------------------------------------------- bad arguments

BAD_ARGS = [
    # (id, argv after the article path (None: replaces the whole argv), exit, words in the message)
    ("unknown zone", ["--tz", "Mars/Olympus_Mons", "--date", "2025-08-15"], 2,
     ["unknown time zone", "Mars/Olympus_Mons"]),
    ("near-miss zone", ["--tz", "europe/amsterdm", "--date", "2025-08-15"], 2,
     ["unknown time zone", "europe/amsterdm", "Europe/Amsterdam"]),
    ("empty zone", ["--tz", "", "--date", "2025-08-15"], 2, ["zone"]),
    ("month 13", ["--date", "2025-13-01", "--tz", AK], 2, ["2025-13-01", "YYYY-MM-DD"]),
    ("day 31 of a 30-day month", ["--date", "2025-09-31", "--tz", AK], 2, ["YYYY-MM-DD"]),
    ("word date", ["--date", "yesterday", "--tz", AK], 2, ["yesterday", "YYYY-MM-DD"]),
    ("dutch date order", ["--date", "15-08-2025", "--tz", AK], 2, ["YYYY-MM-DD"]),
    ("unknown language", ["--lang", "de", *PINNED], 2, ["'de'", "nl"]),
    ("unknown format", ["--format", "xml", *PINNED], 2, ["'xml'", "json"]),
    ("unknown option", ["--zone", AK], 2, ["--zone"]),
]


@pytest.mark.parametrize("command", ["extract", "events"])
@pytest.mark.parametrize("extra, code, words", [b[1:] for b in BAD_ARGS], ids=[b[0] for b in BAD_ARGS])
def test_bad_arguments_exit_2_one_line(article, command, extra, code, words):
    assert_one_line_error(cli(command, article(TWO_MENTIONS), *extra), code, words)


COMMAND_ERRORS = [
    # (id, argv, words)
    ("unknown command", ["frobnicate", "x.txt"], ["frobnicate", "extract"]),
    ("no command", [], ["COMMAND"]),
    ("no path", ["extract"], ["PATH"]),
]


@pytest.mark.parametrize("argv, words", [c[1:] for c in COMMAND_ERRORS], ids=[c[0] for c in COMMAND_ERRORS])
def test_command_errors_exit_2_one_line(argv, words):
    code, out, err = cli(*argv)
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"


def test_bad_arguments_end_to_end(article):
    path = article(TWO_MENTIONS)
    for argv, word in ((["extract", path, "--tz", "europe/amsterdm"], "Europe/Amsterdam"),
                       (["events", path, "--date", "2025-13-01"], "YYYY-MM-DD"),
                       (["frobnicate", path], "frobnicate")):
        proc = module(*argv)
        assert proc.returncode == 2, (argv, proc.stderr)
        assert proc.stdout == ""
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert word in proc.stderr


# --------------------------------------------------------------------------- output contract

def test_extract_json_objects_have_exactly_the_contract_keys(article):
    path = article(TWO_MENTIONS)
    code, out, err = cli("extract", path, "--lang", "nl", *PINNED, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list)
    assert [r["text"] for r in rows] == ["10:22 uur lokale tijd", "bijna drie uur"]
    for r in rows:
        assert set(r) == MENTION_KEYS, sorted(set(r) ^ MENTION_KEYS)
        assert TWO_MENTIONS[r["start"]:r["end"]] == r["text"]
        assert r["line"] == TWO_MENTIONS.count("\n", 0, r["start"]) + 1
    clock, duration = rows
    assert clock["kind"] == "clock"
    assert clock["utc"] == "2025-08-15T18:22:00Z"
    assert clock["local"] == "2025-08-15T10:22:00-08:00"
    assert clock["earliest"] == clock["latest"] == "2025-08-15T18:22:00Z"
    assert clock["minutes"] is None
    assert clock["flags"] == []
    assert duration["kind"] == "duration"
    assert duration["utc"] is None
    assert duration["modifier"] == "before"
    assert duration["minutes"] == [150, 180]


def test_extract_json_default_format_is_json(article):
    path = article(TWO_MENTIONS)
    code, out, err = cli("extract", path, "--lang", "nl", *PINNED)
    assert code == 0, err
    assert len(json.loads(out)) == 2


def test_extract_csv_header_and_one_row_per_mention(article):
    path = article(TWO_MENTIONS)
    code, out, err = cli("extract", path, "--lang", "nl", *PINNED, "--format", "csv")
    assert code == 0, err
    reader = csv.DictReader(io.StringIO(out))
    assert set(reader.fieldnames) == MENTION_KEYS
    rows = list(reader)
    assert [r["text"] for r in rows] == ["10:22 uur lokale tijd", "bijna drie uur"]
    assert rows[0]["utc"] == "2025-08-15T18:22:00Z"
    for r in rows:
        assert TWO_MENTIONS[int(r["start"]):int(r["end"])] == r["text"]


def test_events_csv_header_is_the_design_columns_in_order(article):
    path = article(TWO_MENTIONS)
    code, out, err = cli("events", path, "--lang", "nl", *PINNED, "--format", "csv")
    assert code == 0, err
    reader = csv.reader(io.StringIO(out))
    assert next(reader) == EVENT_COLUMNS
    rows = list(reader)
    assert len(rows) >= 1
    assert all(len(r) == len(EVENT_COLUMNS) for r in rows)


def test_events_default_format_is_csv(article):
    path = article(TWO_MENTIONS)
    code, out, err = cli("events", path, "--lang", "nl", *PINNED)
    assert code == 0, err
    assert out.splitlines()[0].split(",") == EVENT_COLUMNS


def test_events_json_is_a_list_of_rows_with_the_design_columns(article):
    path = article(TWO_MENTIONS, name="story.nl.txt")
    code, out, err = cli("events", path, "--lang", "nl", *PINNED, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list) and rows
    for r in rows:
        assert set(r) == set(EVENT_COLUMNS)
    landing = [r for r in rows if r["stated_text"] == "10:22 uur lokale tijd"]
    assert len(landing) == 1
    r = landing[0]
    assert r["start"] == "2025-08-15T18:22:00Z"
    assert r["stated_tz"] == AK
    assert r["doc"] == "story.nl"
    assert r["line"] == 1
    assert TWO_MENTIONS[r["span_start"]:r["span_end"]] == "10:22 uur lokale tijd"
    assert "10:22 uur lokale tijd" in r["quote"]
    # the same number of rows as the CSV
    _, csv_out, _ = cli("events", path, "--lang", "nl", *PINNED, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(csv_out)))) == len(rows)


def test_event_ids_are_stable(article):
    path = article(TWO_MENTIONS)
    ids = [[r["event_id"] for r in json.loads(cli("events", path, "--lang", "nl", *PINNED,
                                                   "--format", "json")[1])] for _ in range(2)]
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == len(ids[0])


NO_TIME_OUTPUTS = [
    # (command, format, parse stdout -> what it must equal)
    ("extract", "json", lambda s: json.loads(s), []),
    ("extract", "csv", lambda s: len(s.strip().splitlines()), 1),
    ("events", "json", lambda s: json.loads(s), []),
    ("events", "csv", lambda s: s.strip().splitlines(), [",".join(EVENT_COLUMNS)]),
]


@pytest.mark.parametrize("command, fmt, parse, want", NO_TIME_OUTPUTS,
                         ids=[f"{c[0]}-{c[1]}" for c in NO_TIME_OUTPUTS])
def test_text_without_times_gives_empty_output(article, command, fmt, parse, want):
    path = article(NO_TIMES)
    code, out, err = cli(command, path, "--lang", "nl", *PINNED, "--format", fmt)
    assert code == 0, err
    assert "Traceback" not in err
    assert parse(out) == want, out
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(out)))
        assert header and all(header)


def test_seed_article_end_to_end():
    """The real article: valid JSON, every span points at its text in the file, lines right."""
    proc = module("extract", SEED, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = json.loads(proc.stdout)
    assert rows
    with open(SEED, encoding="utf-8", newline="") as fh:
        text = fh.read()
    for r in rows:
        assert set(r) == MENTION_KEYS
        assert text[r["start"]:r["end"]] == r["text"], r
        assert r["line"] == text.count("\n", 0, r["start"]) + 1, r
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)   # text order


def test_seed_events_csv_end_to_end():
    proc = module("events", SEED)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    header = next(csv.reader(io.StringIO(proc.stdout)))
    assert header == EVENT_COLUMNS


# --------------------------------------------------------------------------- help and README

def test_help_lists_the_commands():
    proc = module("--help")
    assert proc.returncode == 0, proc.stderr
    for command in ("extract", "events"):
        assert re.search(rf"\b{command}\b", proc.stdout), proc.stdout


@pytest.mark.parametrize("command", ["extract", "events"])
def test_command_help(command):
    proc = module(command, "--help")
    assert proc.returncode == 0, proc.stderr
    for option in ("--date", "--tz", "--lang", "--format"):
        assert option in proc.stdout


def readme_commands() -> list[str]:
    readme = ROOT / "README.md"
    if not readme.exists():
        return []
    blocks = re.findall(r"^(```|~~~)[^\n]*\n(.*?)^\1", readme.read_text(encoding="utf-8"), re.M | re.S)
    lines = []
    for _, body in blocks:
        for line in body.splitlines():
            line = re.sub(r"^\s*(?:\$|>)\s*", "", line.strip())
            line = re.sub(r"^(?:\.venv/bin/)?python3?\s", "python ", line)
            if line.startswith("python -m timeline"):
                lines.append(line)
    return lines


def test_readme_commands_exist():
    if not (ROOT / "README.md").exists():
        pytest.skip("README.md does not exist yet")
    commands = readme_commands()
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    known = set(sub.choices)
    for line in commands:
        words = line.split()[3:]
        name = next((w for w in words if not w.startswith("-")), None)
        assert name is None or name in known, f"README runs unknown command {name!r}: {line}"
