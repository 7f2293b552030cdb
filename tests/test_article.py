"""Reading articles through the command line: bad files, encodings, HTML, CRLF and metadata.

Contracts: DESIGN.md §3 (metadata sidecar, inference with a notice), §4 (offsets into the text as
`open(PATH, encoding="utf-8", newline="").read()` returns it; exit 1 for unreadable input, one-line
message naming the problem and the fix, no traceback) and docs/extraction.md (fields, spans).

Expected instants are worked out by hand. Event date Friday 2025-08-15 unless a row says otherwise.
August offsets: America/Anchorage AKDT = UTC-8, Europe/Amsterdam CEST = UTC+2.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import assert_one_line_error, cli
from timeline.settings import MAX_ARTICLE_BYTES

ROOT = Path(__file__).resolve().parents[1]
AK = "America/Anchorage"

# 10:22 AKDT (UTC-8) on Fri 2025-08-15 = 18:22Z.
NL_SENTENCE = ("Het vliegtuig landde om 10:22 uur lokale tijd in Anchorage, "
               "zei de woordvoerder van het ministerie.")
NL_SPAN = "10:22 uur lokale tijd"
EN_SENTENCE = "Air Force One touched down at 10:22 a.m. local time, the White House said."
EN_SPAN = "10:22 a.m. local time"
UTC_1022 = "2025-08-15T18:22:00Z"
LOCAL_1022 = "2025-08-15T10:22:00-08:00"

PINNED = ["--date", "2025-08-15", "--tz", AK]


def extract_json(*argv):
    code, out, err = cli("extract", *argv, "--format", "json")
    assert code == 0, f"exit {code}; stderr: {err}"
    assert "Traceback" not in err
    return json.loads(out), err


def file_text(path: Path) -> str:
    """The reference text offsets index into (DESIGN.md §4)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def only(mentions, span_text):
    hits = [m for m in mentions if m["text"] == span_text]
    assert len(hits) == 1, f"want one {span_text!r}, got {[m['text'] for m in mentions]}"
    return hits[0]


# --------------------------------------------------------------------------- unreadable input

def _missing(tmp_path):
    return tmp_path / "nowhere.nl.txt"


def _directory(tmp_path):
    d = tmp_path / "articles.nl.txt"
    d.mkdir()
    return d


def _binary(tmp_path):
    p = tmp_path / "picture.nl.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + b"om 10:22 uur" + b"\x00" * 64)
    return p


def _empty(tmp_path):
    p = tmp_path / "empty.nl.txt"
    p.write_bytes(b"")
    return p


def _blank(tmp_path):
    p = tmp_path / "blank.nl.txt"
    p.write_bytes(b"  \n\t\r\n   \n")
    return p


def _too_large(tmp_path):
    p = tmp_path / "huge.en.txt"
    line = b"The talks went on. " * 50 + b"\n"
    reps = MAX_ARTICLE_BYTES // len(line) + 1
    data = (line * reps)[: MAX_ARTICLE_BYTES + 1]
    assert len(data) == MAX_ARTICLE_BYTES + 1
    p.write_bytes(data)
    return p


BAD_FILES = [
    # (id, make the path, exit code, words the one-line message must hold)
    ("missing", _missing, 1, ["no such file", "nowhere.nl.txt"]),
    ("directory", _directory, 1, ["directory"]),
    ("binary", _binary, 1, ["binary"]),
    ("empty", _empty, 1, ["empty"]),
    ("whitespace-only", _blank, 1, ["empty"]),
    ("over the size limit", _too_large, 1, ["MB"]),
]


@pytest.mark.parametrize("command", ["extract", "events"])
@pytest.mark.parametrize("make, code, words", [r[1:] for r in BAD_FILES], ids=[r[0] for r in BAD_FILES])
def test_unreadable_input_is_one_line_exit_1(tmp_path, command, make, code, words):
    assert_one_line_error(cli(command, make(tmp_path), *PINNED), code, words, ignore_case=True)


def test_size_limit_message_names_the_limit(tmp_path):
    path = _too_large(tmp_path)
    _, _, err = cli("extract", path)
    limit_mb = f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB"      # "5 MB"
    assert limit_mb in err, err


def test_missing_file_end_to_end(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", str(tmp_path / "nope.txt")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "no such file" in proc.stderr.lower()


def test_binary_file_end_to_end(tmp_path):
    path = _binary(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "timeline", "events", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "binary" in proc.stderr


# --------------------------------------------------------------------------- legacy encodings

LEGACY = [
    # (id, encoding, heading line): one accented line, then the sentence with the time on line 2.
    ("cp1252 with curly quotes", "cp1252", "\u201cOekraïne\u201d: één top, geen akkoord"),
    ("latin-1", "latin-1", "Oekraïne: één top, geen akkoord"),
]


@pytest.mark.parametrize("encoding, heading", [r[1:] for r in LEGACY], ids=[r[0] for r in LEGACY])
def test_legacy_encoding_is_read_with_a_warning(tmp_path, encoding, heading):
    source = heading + "\n" + NL_SENTENCE + "\n"
    raw = source.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")                       # the test file really is not UTF-8
    path = tmp_path / "legacy.nl.txt"
    path.write_bytes(raw)

    mentions, err = extract_json(path, "--lang", "nl", *PINNED)

    warn = [ln for ln in err.splitlines() if "UTF-8" in ln]
    assert warn, f"no encoding warning in: {err!r}"
    assert any(name in warn[0] for name in ("1252", "Latin-1", "latin-1", "ISO-8859")), warn[0]
    assert "Traceback" not in err

    m = only(mentions, NL_SPAN)
    start = source.index(NL_SPAN)
    assert (m["start"], m["end"]) == (start, start + len(NL_SPAN))
    assert m["line"] == 2
    assert m["kind"] == "clock"
    assert m["utc"] == UTC_1022                 # 10:22 AKDT = 18:22Z
    assert m["local"] == LOCAL_1022
    assert m["tz"] == AK
    assert m["tz_source"] == "stated"
    assert m["modifier"] == "exact"
    assert len(mentions) == 1, [x["text"] for x in mentions]


def test_legacy_encoding_end_to_end(tmp_path):
    path = tmp_path / "legacy.nl.txt"
    path.write_bytes(("Oekraïne: één top\n" + NL_SENTENCE + "\n").encode("cp1252"))
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", str(path), "--lang", "nl",
                           *PINNED], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "UTF-8" in proc.stderr
    got = json.loads(proc.stdout)
    assert [m["utc"] for m in got if m["text"] == NL_SPAN] == [UTC_1022]


# --------------------------------------------------------------------------- HTML

HTML = (
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head><title>Top in Oekraïne-oorlog</title>\n"
    "<script>\n"
    "  var t = '12:00';\n"
    "  var u = \"om 13:30 uur lokale tijd\";\n"
    "</script>\n"
    "<style>p:after { content: '14:45'; }</style>\n"
    "</head>\n"
    "<body>\n"
    "<!-- bijgewerkt om 15:10 uur -->\n"
    "<p>Het vliegtuig landde om <b>10:22 uur lokale tijd</b> in Anchorage, zei de woordvoerder.</p>\n"
    "</body>\n"
    "</html>\n"
)


def test_html_markup_is_blanked_and_offsets_point_into_the_file(tmp_path):
    path = tmp_path / "page.nl.txt"
    path.write_text(HTML, encoding="utf-8", newline="")
    text = file_text(path)
    assert text == HTML

    mentions, err = extract_json(path, "--lang", "nl", *PINNED)

    assert "HTML" in err, err
    for hidden in ("12:00", "13:30", "14:45", "15:10"):      # script, style, comment
        assert not any(hidden in m["text"] for m in mentions), f"{hidden} reported: {mentions}"
    m = only(mentions, NL_SPAN)
    start = HTML.index(NL_SPAN)                          # after the non-ASCII 'ï': chars, not bytes
    assert (m["start"], m["end"]) == (start, start + len(NL_SPAN))
    assert text[m["start"]:m["end"]] == NL_SPAN
    assert m["line"] == line_of(HTML, start) == 12
    assert m["utc"] == UTC_1022
    assert len(mentions) == 1, [x["text"] for x in mentions]


def test_html_events_quote_and_span(tmp_path):
    path = tmp_path / "page.nl.txt"
    path.write_text(HTML, encoding="utf-8", newline="")
    code, out, err = cli("events", path, "--lang", "nl", *PINNED, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 1
    start = HTML.index(NL_SPAN)
    assert (rows[0]["span_start"], rows[0]["span_end"]) == (start, start + len(NL_SPAN))
    assert rows[0]["start"] == UTC_1022
    assert "<" not in rows[0]["quote"] and "var t" not in rows[0]["quote"]


# --------------------------------------------------------------------------- CRLF

CRLF_CASES = [
    # (id, lang, lines, [(span text, line, utc)])
    ("nl", "nl",
     ["Trump-Poetin-top in Alaska", "",
      "Het vliegtuig landde om 10:22 uur lokale tijd in Anchorage.",
      "Poetin kwam rond 11.00 uur lokale tijd aan."],
     [(NL_SPAN, 3, UTC_1022),
      ("rond 11.00 uur lokale tijd", 4, "2025-08-15T19:00:00Z")]),   # 11:00 AKDT = 19:00Z
    ("en", "en",
     ["Trump-Putin summit in Alaska", "",
      "Air Force One touched down at 10:22 a.m. local time.",
      "",
      "The talks began at 3:27 p.m. EDT."],
     [(EN_SPAN, 3, UTC_1022),
      ("3:27 p.m. EDT", 5, "2025-08-15T19:27:00Z")]),                # 15:27 EDT (UTC-4) = 19:27Z
]


@pytest.mark.parametrize("lang, lines, want", [c[1:] for c in CRLF_CASES], ids=[c[0] for c in CRLF_CASES])
def test_crlf_offsets_and_lines(tmp_path, lang, lines, want):
    source = "\r\n".join(lines) + "\r\n"
    path = tmp_path / f"crlf.{lang}.txt"
    path.write_bytes(source.encode("utf-8"))
    text = file_text(path)
    assert "\r\n" in text

    mentions, _ = extract_json(path, "--lang", lang, *PINNED)

    assert [m["text"] for m in mentions] == [w[0] for w in want]
    for m, (span, line, utc) in zip(mentions, want):
        start = text.index(span)
        assert (m["start"], m["end"]) == (start, start + len(span)), span
        assert text[m["start"]:m["end"]] == span
        assert m["line"] == line == line_of(text, start), span
        assert m["utc"] == utc, span


def test_crlf_csv_offsets(tmp_path):
    source = "Titel\r\n\r\nHet vliegtuig landde om 10:22 uur lokale tijd in Anchorage.\r\n"
    path = tmp_path / "crlf.nl.txt"
    path.write_bytes(source.encode("utf-8"))
    code, out, err = cli("extract", path, "--lang", "nl", *PINNED, "--format", "csv")
    assert code == 0, err
    import csv
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    start = source.index(NL_SPAN)
    assert (int(rows[0]["start"]), int(rows[0]["end"]), int(rows[0]["line"])) == (start, start + len(NL_SPAN), 3)


# --------------------------------------------------------------------------- metadata sidecar

# No date and no place in the text: only metadata or flags can place the time.
BARE_EN = "The plane landed at 10:22 a.m. local time, officials said.\n"
GOOD_META = 'language = "en"\nevent_date = 2025-08-15\nlocal_tz = "America/Anchorage"\n'


def write_article(tmp_path, name, text, meta=None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    if meta is not None:
        stem = name[:-4]                             # X.en.txt -> X.en.meta.toml
        (tmp_path / f"{stem}.meta.toml").write_text(meta, encoding="utf-8")
    return path


def test_sidecar_supplies_date_zone_and_language(tmp_path):
    path = write_article(tmp_path, "summit.en.txt", BARE_EN, GOOD_META)
    mentions, err = extract_json(path)
    m = only(mentions, EN_SPAN)
    assert m["utc"] == UTC_1022
    assert m["tz"] == AK
    assert m["local"] == LOCAL_1022
    assert "assumed" not in err and "detected" not in err and "not given" not in err, err


def test_sidecar_name_is_data_name_with_meta_toml(tmp_path):
    """X.en.txt reads X.en.meta.toml, not X.meta.toml."""
    path = write_article(tmp_path, "summit.en.txt", BARE_EN)
    (tmp_path / "summit.meta.toml").write_text(GOOD_META, encoding="utf-8")
    mentions, err = extract_json(path)
    assert only(mentions, EN_SPAN)["utc"] is None        # no date, no zone: unplaced
    assert "--date" in err


FLAG_OVERRIDES = [
    # (flags, utc, tz)
    ([], UTC_1022, AK),
    (["--date", "2025-08-16"], "2025-08-16T18:22:00Z", AK),                   # AKDT, next day
    (["--tz", "Europe/Amsterdam"], "2025-08-15T08:22:00Z", "Europe/Amsterdam"),  # 10:22 CEST = 08:22Z
    (["--date", "2025-08-16", "--tz", "Europe/Amsterdam"], "2025-08-16T08:22:00Z", "Europe/Amsterdam"),
    (["--tz", "europe/amsterdam"], "2025-08-15T08:22:00Z", "Europe/Amsterdam"),  # any case accepted
]


@pytest.mark.parametrize("flags, utc, tz", FLAG_OVERRIDES, ids=[" ".join(f[0]) or "none" for f in FLAG_OVERRIDES])
def test_flags_override_sidecar(tmp_path, flags, utc, tz):
    path = write_article(tmp_path, "summit.en.txt", BARE_EN, GOOD_META)
    mentions, _ = extract_json(path, *flags)
    m = only(mentions, EN_SPAN)
    assert (m["utc"], m["tz"]) == (utc, tz)


def test_lang_flag_overrides_sidecar_language(tmp_path):
    meta = 'language = "nl"\nevent_date = 2025-08-15\nlocal_tz = "America/Anchorage"\n'
    path = write_article(tmp_path, "summit.en.txt", BARE_EN, meta)
    mentions, _ = extract_json(path, "--lang", "en")
    m = only(mentions, EN_SPAN)                          # "a.m. local time" is English grammar
    assert m["utc"] == UTC_1022


# The fallback text names its date and place, so inference can replace the broken metadata.
DATELINED_EN = ("ANCHORAGE, Alaska - Friday, Aug. 15, 2025\n\n"
                "Air Force One touched down in Anchorage at 10:22 a.m. local time.\n")

BROKEN_META = [
    ("not TOML", 'event_date = 2025-08-16\nlocal_tz = "Europe/Amsterdam\n', ["meta.toml", "TOML"]),
    ("bad bytes", b'local_tz = "Europe/Amsterdam"\ntitle = "\xff\xfe"\n', ["meta.toml"]),
    ("event_date not a date", 'event_date = "16-08-2025"\nlocal_tz = "America/Anchorage"\n', ["16-08-2025"]),
    ("unknown local_tz", 'event_date = 2025-08-15\nlocal_tz = "Mars/Olympus_Mons"\n', ["Mars/Olympus_Mons"]),
    ("unknown language", 'language = "xx"\nevent_date = 2025-08-15\nlocal_tz = "America/Anchorage"\n', ["'xx'"]),
]


@pytest.mark.parametrize("meta, words", [b[1:] for b in BROKEN_META], ids=[b[0] for b in BROKEN_META])
def test_broken_sidecar_warns_and_falls_back(tmp_path, meta, words):
    path = tmp_path / "summit.en.txt"
    path.write_text(DATELINED_EN, encoding="utf-8", newline="")
    mp = tmp_path / "summit.en.meta.toml"
    if isinstance(meta, bytes):
        mp.write_bytes(meta)
    else:
        mp.write_text(meta, encoding="utf-8")

    for command in ("extract", "events"):
        code, out, err = cli(command, path, "--format", "json")
        assert code == 0, f"{command}: exit {code}; {err}"
        assert "Traceback" not in err
        warnings = [ln for ln in err.splitlines() if ln.startswith("warning")]
        assert any(all(w in ln for w in words) for ln in warnings), f"no warning naming {words}: {err}"

    mentions, _ = extract_json(path)
    m = only(mentions, EN_SPAN)
    assert m["utc"] == UTC_1022                          # dateline Aug. 15 + Anchorage: 18:22Z
    assert m["tz"] == AK


INFERRED = [
    # (id, file name, text, assumed date, utc of the span, span)
    ("en Friday dateline", "wire.en.txt",
     "ANCHORAGE, Alaska - Friday, Aug. 15, 2025\n\n"
     "Air Force One touched down in Anchorage at 10:22 a.m. local time.\n",
     "2025-08-15", UTC_1022, EN_SPAN),
    ("en Saturday dateline", "wire.en.txt",
     "ANCHORAGE, Alaska - Saturday, Aug. 16, 2025\n\n"
     "The delegation left Anchorage at 10:22 a.m. local time.\n",
     "2025-08-16", "2025-08-16T18:22:00Z", EN_SPAN),
    ("nl vrijdag dateline", "live.nl.txt",
     "Anchorage, vrijdag 15 augustus 2025\n\n" + NL_SENTENCE + "\n",
     "2025-08-15", UTC_1022, NL_SPAN),
    ("nl zaterdag dateline", "live.nl.txt",
     "Anchorage, zaterdag 16 augustus 2025\n\n"
     "De delegatie vertrok om 10:22 uur lokale tijd uit Anchorage, zei de woordvoerder.\n",
     "2025-08-16", "2025-08-16T18:22:00Z", NL_SPAN),
]


@pytest.mark.parametrize("name, text, day, utc, span", [c[1:] for c in INFERRED], ids=[c[0] for c in INFERRED])
def test_no_metadata_infers_date_and_zone_and_says_so(tmp_path, name, text, day, utc, span):
    path = write_article(tmp_path, name, text)
    mentions, err = extract_json(path)
    assert day in err and "assum" in err, f"stderr does not say the date was assumed: {err}"
    assert AK in err, f"stderr does not say the zone was assumed: {err}"
    lang = name.split(".")[-2]
    assert any("language" in ln and repr(lang) in ln for ln in err.splitlines()), err
    m = only(mentions, span)
    assert m["utc"] == utc
    assert m["tz"] == AK


def test_no_metadata_no_dateline_leaves_time_unplaced_and_says_why(tmp_path):
    path = write_article(tmp_path, "bare.en.txt", BARE_EN)
    mentions, err = extract_json(path)
    m = only(mentions, EN_SPAN)
    assert m["utc"] is None                      # no date and no zone anywhere
    assert "--date" in err and "--tz" in err, err
    assert any(ln.startswith("note") and "10:22" in ln for ln in err.splitlines()), err


def test_bad_sidecar_date_with_good_flag_uses_flag(tmp_path):
    """A broken event_date in metadata is not an error when --date is given."""
    path = write_article(tmp_path, "summit.en.txt", BARE_EN,
                         'event_date = "soon"\nlocal_tz = "America/Anchorage"\n')
    mentions, err = extract_json(path, "--date", "2025-08-15")
    assert only(mentions, EN_SPAN)["utc"] == UTC_1022


def test_markdown_and_html_articles_find_their_sidecar(tmp_path):
    """X.md and X.html read X.meta.toml, as X.txt does (not X.md.meta.toml)."""
    from timeline.text.article import load_article, meta_path

    for suffix in (".md", ".html", ".HTM"):
        path = tmp_path / f"launch.en{suffix}"
        path.write_text("Liftoff came at 10:52 a.m. local time.\n", encoding="utf-8")
        assert meta_path(path) == tmp_path / "launch.en.meta.toml"
    (tmp_path / "launch.en.meta.toml").write_text('local_tz = "America/New_York"\nevent_date = 2024-06-05\n')
    art = load_article(tmp_path / "launch.en.md")
    assert art.local_tz == "America/New_York" and str(art.event_date) == "2024-06-05" and art.doc == "launch.en"
