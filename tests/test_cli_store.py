"""The store commands (DESIGN.md §8): python -m timeline add|list|export|story|delete.

Every test uses a store file of its own under tmp_path (SUMMIT_TIMELINE_DB), never the user's. Most run
the CLI in process (timeline.cli.run); the output contract of `add` and the URL refusal also run as
`python -m timeline` subprocesses.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli
from timeline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
ARTICLE = "biden-xi-woodside-2023-11-15.en"
SEED = "alaska-summit-2025-08-15.nl"
FETCH_ALLOW = "SUMMIT_TIMELINE_FETCH_ALLOW"
DOC_ID = re.compile(r"^[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A store holding only the bundled seed, made once: each test starts from a copy of its own
    (copying saves reading the seed into every new store)."""
    path = tmp_path_factory.mktemp("seeded") / "store.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUMMIT_TIMELINE_DB", str(path))
        code, _, err = cli("list")
    assert code == 0, err
    return path


@pytest.fixture
def db(tmp_path, monkeypatch, seeded) -> Path:
    path = tmp_path / "store" / "store.sqlite3"
    path.parent.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if seeded.with_name(seeded.name + suffix).exists():
            shutil.copyfile(seeded.with_name(seeded.name + suffix), path.with_name(path.name + suffix))
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(path))
    monkeypatch.delenv(FETCH_ALLOW, raising=False)
    return path


@pytest.fixture
def article(tmp_path) -> Path:
    """A copy of a corpus article with its metadata sidecar."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for suffix in (".txt", ".meta.toml"):
        shutil.copyfile(CORPUS / f"{ARTICLE}{suffix}", folder / f"{ARTICLE}{suffix}")
    return folder / f"{ARTICLE}.txt"


def module(*argv, db: Path, timeout=180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != FETCH_ALLOW}
    env["SUMMIT_TIMELINE_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, argv)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def added(*argv) -> tuple[str, str | None]:
    """(id, edit token) of an in-process `add`."""
    code, out, err = cli("add", *argv)
    assert code == 0, err
    lines = out.strip().splitlines()
    token = None
    if len(lines) == 2:
        token = lines[0].rsplit(" ", 1)[-1]
    else:
        assert len(lines) == 1, out
    return lines[-1], token


def listed() -> list[dict]:
    code, out, err = cli("list", "--format", "json")
    assert code == 0, err
    return json.loads(out)


def assert_user_error(result, code: int, *words) -> None:
    got, out, err = result
    assert got == code, (got, out, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert err.startswith("error: "), err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"


# --------------------------------------------------------------------------- add

def test_add_prints_token_then_id_last_and_again_the_same_id_without_token(db, article):
    first = module("add", article, db=db)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == 2, first.stdout
    assert "edit token" in lines[0]
    token = lines[0].rsplit(" ", 1)[-1]
    assert len(token) >= 16 and token not in lines[1]
    doc = lines[-1]
    assert DOC_ID.match(doc), doc
    assert "Traceback" not in first.stderr

    again = module("add", article, db=db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [doc], "same id, no new edit token"
    assert "token" not in again.stdout
    assert token not in again.stdout + again.stderr


def test_add_in_process_same_contract(db, article):
    doc, token = added(article)
    assert DOC_ID.match(doc) and token
    assert added(article) == (doc, None)
    assert [d["id"] for d in listed()].count(doc) == 1


@pytest.mark.parametrize("flags", [["--tz", "America/New_York"], ["--date", "2023-11-16"]], ids=["tz", "date"])
def test_another_zone_or_date_is_another_reading(db, article, flags):
    doc, _ = added(article)
    other, token = added(article, *flags)
    assert other != doc
    assert DOC_ID.match(other) and token, "a new document, so a new edit token"
    assert {doc, other} <= {d["id"] for d in listed()}


# --------------------------------------------------------------------------- list and export

def test_list_json_has_the_contract_keys_and_the_bundled_seed(db, article):
    doc, _ = added(article)
    rows = listed()
    assert isinstance(rows, list)
    for row in rows:
        assert {"id", "title", "language", "event_date", "events"} <= set(row), row
    by_id = {r["id"]: r for r in rows}
    seed = by_id[SEED]
    assert seed["bundled"] is True
    assert (seed["language"], seed["event_date"]) == ("nl", "2025-08-15")
    assert seed["events"] > 0
    mine = by_id[doc]
    assert mine["bundled"] is False
    assert mine["title"].startswith("Biden and Xi agree to reopen military channels")
    assert (mine["language"], mine["event_date"]) == ("en", "2023-11-15")
    assert isinstance(mine["events"], int) and mine["events"] > 0


def test_list_text_names_the_documents(db, article):
    doc, _ = added(article)
    code, out, err = cli("list")
    assert code == 0, err
    assert doc in out and SEED in out


def test_export_every_format(db, article):
    doc, _ = added(article)
    count = {r["id"]: r["events"] for r in listed()}[doc]

    code, out, err = cli("export", doc, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list) and len(rows) == count
    assert all(r["doc"] == doc for r in rows)

    code, out, err = cli("export", doc, "--format", "csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == count
    assert {"event_id", "kind", "status", "start", "quote"} <= set(table[0])

    code, out, err = cli("export", doc, "--format", "ics")
    assert code == 0, err
    assert out.startswith("BEGIN:VCALENDAR")
    assert "END:VCALENDAR" in out

    code, out, err = cli("export", doc, "--format", "html")
    assert code == 0, err
    assert "plotly" in out.lower()
    assert out.lstrip().lower().startswith(("<html", "<!doctype html"))


def test_export_default_format_is_csv(db, article):
    doc, _ = added(article)
    code, out, err = cli("export", doc)
    assert code == 0, err
    assert out.splitlines()[0].startswith("event_id,")


@pytest.mark.parametrize("fmt", ["csv", "json", "ics"])
def test_export_of_the_bundled_seed(db, fmt):
    code, out, err = cli("export", SEED, "--format", fmt)
    assert code == 0, err
    assert out
    if fmt == "json":
        count = {r["id"]: r["events"] for r in listed()}[SEED]
        assert len(json.loads(out)) == count


def test_export_of_an_unknown_id_exits_2(db):
    assert_user_error(cli("export", "0123456789ab", "--format", "json"), 2, "unknown document", "0123456789ab")


# --------------------------------------------------------------------------- story

def test_story_prints_its_id_last(db, article):
    doc, _ = added(article)
    code, out, err = cli("story", SEED, doc, "--title", "Two summits")
    assert code == 0, err
    story = out.strip().splitlines()[-1]
    assert story.startswith("s") and len(story) > 1
    assert open_store().get_story(story).docs == (SEED, doc)


def test_story_of_an_unknown_document_exits_2(db):
    result = cli("story", SEED, "nosuchdoc", "--title", "T")
    assert_user_error(result, 2, "unknown document", "nosuchdoc")
    assert result[1] == ""


def test_story_needs_a_title(db):
    code, out, err = cli("story", SEED)
    assert code == 2 and "--title" in err


# --------------------------------------------------------------------------- delete

def test_delete_with_a_wrong_token_keeps_the_document(db, article):
    doc, token = added(article)
    result = cli("delete", doc, "--edit", "WRONG" + token[5:])
    assert result[0] == 2
    assert "Traceback" not in result[2]
    assert doc in {d["id"] for d in listed()}
    assert cli("export", doc, "--format", "json")[0] == 0


def test_delete_with_the_token_removes_the_document(db, article):
    doc, token = added(article)
    code, out, err = cli("delete", doc, "--edit", token)
    assert code == 0, err
    assert doc not in {d["id"] for d in listed()}
    assert_user_error(cli("export", doc, "--format", "csv"), 2, "unknown document")
    # added again: a new document with a new token
    again, new_token = added(article)
    assert again == doc and new_token and new_token != token


def test_the_bundled_seed_cannot_be_deleted_with_a_made_up_token(db):
    assert cli("delete", SEED, "--edit", "anything")[0] == 2
    assert SEED in {d["id"] for d in listed()}


# --------------------------------------------------------------------------- bad input

def test_add_missing_file(db, tmp_path):
    missing = tmp_path / "nope.txt"
    assert_user_error(cli("add", missing), 1, str(missing), "no such file")


def test_add_empty_file(db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_user_error(cli("add", empty), 1, str(empty), "empty")


def test_add_blank_file(db, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\r\n\t\n")
    assert_user_error(cli("add", blank), 1, "empty")


def test_add_binary_file(db, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_user_error(cli("add", binary), 1, str(binary), "binary")


def test_add_a_directory(db, tmp_path):
    assert_user_error(cli("add", tmp_path), 1, "directory")


def test_nothing_stored_after_bad_input(db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cli("add", empty)
    assert [d["id"] for d in listed()] == [SEED]


def test_add_a_loopback_url_is_refused(db):
    assert FETCH_ALLOW not in os.environ
    proc = module("add", "http://127.0.0.1:1/", db=db)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "refusing" in proc.stderr and "127.0.0.1" in proc.stderr
    assert "loopback" in proc.stderr


def test_add_a_loopback_url_in_process(db):
    assert FETCH_ALLOW not in os.environ
    assert_user_error(cli("add", "http://localhost:1/article"), 1, "refusing")


def test_add_a_non_web_url_scheme_reads_no_file(db):
    # "ftp://..." is not a URL the fetcher takes; it is read as a (missing) path: still a clean error
    code, out, err = cli("add", "ftp://127.0.0.1/x.txt")
    assert code == 1 and "Traceback" not in err and out == ""


def test_an_unknown_store_backend_is_named(monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", "postgresql://x/y")
    for argv in (["list"], ["export", SEED], ["add", "whatever.txt"]):
        assert_user_error(cli(*argv), 1, "postgresql")


def test_a_corrupt_store_file_is_named(tmp_path, monkeypatch):
    store = tmp_path / "corrupt.sqlite3"
    store.write_bytes(b"this is not an SQLite database, just some bytes\n" * 200)
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(store))
    assert_user_error(cli("list"), 1, str(store))
    assert_user_error(cli("list", "--format", "json"), 1, str(store))


# --------------------------------------------------------------------------- an HTML article

HTML = """<!DOCTYPE html>
<html><head><title>Trump lands in Anchorage</title>
<script>alert('head script')</script>
<style>p { color: red }</style>
<script type="text/javascript">
  document.write("<b>injected</b>"); alert("second script");
</script>
</head>
<body>
<h1>Trump lands in Anchorage</h1>
<p>Air Force One landed at 10:22 a.m. local time at Joint Base Elmendorf-Richardson.<script>alert(1)</script></p>
<p onclick="alert('click')">Putin's plane landed at 10:54 a.m. local time <img src=x onerror="alert('img')">in Anchorage.</p>
<p>A reader wrote &lt;script&gt;alert('escaped')&lt;/script&gt; at 11:07 a.m. local time as Trump walked down the steps.</p>
<SCRIPT>alert('upper')</SCRIPT>
</body></html>
"""


def test_an_html_file_is_stored_as_blanked_text_and_exported_without_its_scripts(db, tmp_path):
    page = tmp_path / "anchorage.html"
    page.write_text(HTML, encoding="utf-8", newline="")
    code, out, err = cli("add", page, "--lang", "en", "--date", "2025-08-15", "--tz", "America/Anchorage",
                         "--title", "Anchorage (HTML)")
    assert code == 0, err
    assert "HTML" in err, "the reader is told the tags were blanked"
    doc = out.strip().splitlines()[-1]

    text = open_store().get_document(doc).text
    assert len(text) == len(HTML), "tags blanked in place: offsets keep pointing into the file"
    assert "Air Force One landed at 10:22 a.m. local time at Joint Base Elmendorf-Richardson." in text
    assert "Putin's plane landed at 10:54 a.m. local time" in text
    lowered = text.lower()
    for gone in ("<script", "</script", "onerror", "onclick", "<img", "<p", "document.write", "second script",
                 "alert('head script')", "alert(1)", "alert('click')", "alert('img')", "alert('upper')"):
        assert gone not in lowered, gone
    # text that only shows a tag, with entities, is the article's own text and stays as written
    assert "&lt;script&gt;alert('escaped')&lt;/script&gt; at 11:07 a.m." in text

    code, out, err = cli("export", doc, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    starts = {r["start"] for r in rows}
    assert "2025-08-15T18:22:00Z" in starts, "10:22 AKDT read from the HTML text"
    assert "2025-08-15T18:54:00Z" in starts

    for fmt in ("csv", "html", "json", "ics"):
        code, out, err = cli("export", doc, "--format", fmt)
        assert code == 0, err
        assert "<script>alert" not in out.lower(), fmt
        for gone in ("alert(1)", "alert('img')", "alert('click')", "alert('upper')", "alert('head script')"):
            assert gone not in out, (fmt, gone)
    code, out, _ = cli("export", doc, "--format", "csv")
    assert "<script" not in out.lower() and "alert(1)" not in out and "alert('img')" not in out


# Legal HTML whose opening tag a bounded tag pattern would miss: the script body must be blanked anyway.
@pytest.mark.parametrize("tag", [
    pytest.param('<script data-x="a<b">', id="lt-in-attribute"),
    pytest.param('<script data-x="a>b">', id="gt-in-attribute"),
    pytest.param('<script src="data:text/javascript,' + "x" * 2100 + '">', id="long-opening-tag"),
    pytest.param('<script\ntype="module">', id="newline-in-tag"),
])
def test_scripts_with_unusual_opening_tags_are_blanked_too(db, tmp_path, tag):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>Air Force One landed at 10:22 a.m. local time.</p>\n"
                    f"{tag}alert('evil')</script>\n</body></html>\n", encoding="utf-8", newline="")
    code, out, err = cli("add", page, "--lang", "en", "--date", "2025-08-15", "--tz", "America/Anchorage")
    assert code == 0, err
    text = open_store().get_document(out.strip().splitlines()[-1]).text.lower()
    assert "<script" not in text and "alert(" not in text, text[:300]
