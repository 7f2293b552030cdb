"""The store (DESIGN.md §8): documents, edit tokens, edits, stories, migrations, bad files, a killed writer
and the seed.

Every test keeps its store under `tmp_path`, never in the user's data directory. No timed assertions
except upper bounds that only catch a hang (the locked store must give up within its busy timeout).
"""
from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import timeline.store.sqlite as sqlite_mod
from timeline.documents import bundled_ids, open_document, seed_store
from timeline.events.edits import APPLIED, row_record
from timeline.store import StoreError, default_path, document_id, migrations, open_store
from timeline.store.base import clean_meta, content_hash, new_token, token_hash
from timeline.store.migrations import LATEST, migrate
from timeline.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "alaska-summit-2025-08-15.nl"
META = {"title": "Leaders meet in Anchorage", "language": "en", "event_date": "2025-08-15",
        "local_tz": "America/Anchorage"}
TEXT = "At 10:15 a.m. local time the delegation arrived at the base.\nTalks began at 11:30 a.m.\n"
# Windows line ends, emoji (with a variation selector and a ZWJ sequence), a right-to-left mark, Hebrew,
# and control characters other than NUL: the store must give back exactly what it was given.
TRICKY = ("First line\r\nSecond line\r\n"
          "Summit \U0001F3D4\ufe0f at 10:15 \U0001F468\u200d\U0001F469\u200d\U0001F467 done\r\n"
          "\u200f\u05e9\u05dc\u05d5\u05dd\u200f mixed \u200e LTR\n"
          "vertical\x0btab\tform\x0cfeed\x1funit\x7fdel\u2028line-sep\u00a0nbsp\r\n"
          "no final newline")
ALL_TABLES = {"documents", "edits", "stories", "story_docs"}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db) -> SQLiteStore:
    return SQLiteStore(db)


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, to look at the file without the store's API."""
    return sqlite3.connect(path)


def scalar(path: Path, sql: str, args=()):
    conn = raw(path)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------ 1. documents
def test_add_returns_short_hash_id_and_token(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    assert len(doc) == 12 and all(c in "0123456789abcdef" for c in doc), doc
    assert doc == document_id(TEXT, META)
    assert isinstance(token, str) and len(token) >= 16


def test_adding_the_same_again_returns_same_id_no_token_no_row(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    before = store.list_documents()
    again, token2 = store.add_document(TEXT, dict(META), engine="test", events=99)
    assert again == doc
    assert token2 is None
    after = store.list_documents()
    assert len(after) == len(before) == 1
    assert after == before                      # nothing overwritten either (events stays 0)
    assert store.can_edit(doc, token)           # the first token still works


def test_same_text_other_zone_or_date_is_another_document(store):
    doc, _ = store.add_document(TEXT, META, engine="test")
    other_tz, t1 = store.add_document(TEXT, {**META, "local_tz": "Europe/Amsterdam"}, engine="test")
    other_date, t2 = store.add_document(TEXT, {**META, "event_date": "2025-08-16"}, engine="test")
    assert len({doc, other_tz, other_date}) == 3
    assert t1 and t2
    assert other_tz == document_id(TEXT, {**META, "local_tz": "Europe/Amsterdam"})
    assert len(store.list_documents()) == 3


def test_text_round_trips_exactly(store):
    assert "\x00" not in TRICKY
    doc, _ = store.add_document(TRICKY, META, engine="test")
    assert doc == document_id(TRICKY, META)
    got = store.get_document(doc)
    assert got is not None
    assert got.text == TRICKY
    assert got.text.count("\r\n") == TRICKY.count("\r\n") == 4
    assert "\u200f" in got.text and "\x0b" in got.text and "\U0001F3D4" in got.text
    assert got.meta == clean_meta(META)
    assert got.content_hash == content_hash(TRICKY)
    assert got.engine == "test" and got.bundled is False and got.title == META["title"]
    assert store.get_document("000000000000") is None


def test_list_documents_filters_by_ids(store):
    ids = [store.add_document(f"{TEXT} number {i}", META, engine="test")[0] for i in range(4)]
    picked = store.list_documents(ids=[ids[0], ids[2], "not-a-document"])
    assert {s.id for s in picked} == {ids[0], ids[2]}
    assert store.list_documents(ids=[]) == []
    assert store.list_documents(ids=["nope"]) == []
    assert {s.id for s in store.list_documents(ids=iter(ids[1:2]))} == {ids[1]}   # any iterable


def test_list_documents_newest_first_with_summary_fields(store):
    ids = []
    for i in range(5):
        meta = {**META, "title": f"Title {i}"}
        ids.append(store.add_document(f"{TEXT} copy {i}", meta, engine="test", events=i)[0])
        time.sleep(0.005)           # `created` has millisecond resolution; keep the order unambiguous
    listed = store.list_documents()
    assert [s.id for s in listed] == ids[::-1]
    newest = listed[0]
    assert (newest.title, newest.language, newest.event_date, newest.events, newest.bundled) == \
        ("Title 4", "en", "2025-08-15", 4, False)
    untitled, _ = store.add_document("no title here", {}, engine="test")
    assert store.list_documents([untitled])[0].title == untitled       # the id stands in for a title


# ------------------------------------------------------------------------------------------ 2. tokens
def test_token_is_never_stored_in_clear(store, db):
    doc, token = store.add_document(TEXT, META, engine="test")
    other, other_token = store.add_document(TRICKY, META, engine="test")
    store.add_edit(doc, token, "add", "", {}, {"label": "x"}, session="s1")
    store.add_story("A story", [doc, other])
    conn = raw(db)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert ALL_TABLES <= set(tables)
        seen = 0
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    seen += 1
                    for secret in (token, other_token):
                        if isinstance(value, str):
                            assert secret not in value, (table, row)
                        elif isinstance(value, bytes):
                            assert secret.encode() not in value, (table, row)
        assert seen > 0
        stored = dict(conn.execute("SELECT id, token_hash FROM documents"))
    finally:
        conn.close()
    assert stored[doc] != token and stored[doc] == token_hash(token)
    assert stored[other] == token_hash(other_token)
    # Nor anywhere in the file's bytes (database and write-ahead log).
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            assert token.encode() not in path.read_bytes()


def test_can_edit_only_with_the_right_token(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    other, other_token = store.add_document(TRICKY, META, engine="test")
    assert store.can_edit(doc, token) is True
    assert store.can_edit(other, other_token) is True
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (wrong, "", None, "x" * 10_000, token * 500, other_token, token + "x", " " + token):
        assert store.can_edit(doc, bad) is False, bad if bad is None else bad[:40]
    assert store.can_edit("000000000000", token) is False        # unknown document


def test_delete_with_wrong_token_deletes_nothing(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    store.add_edit(doc, token, "delete", "ev-1", {"label": "a"}, {})
    for bad in ("wrong", "", None, "x" * 10_000):
        assert store.delete_document(doc, bad) is False
    assert store.get_document(doc) is not None
    assert len(store.edits(doc)) == 1


def test_delete_with_right_token_removes_document_edits_and_story_rows(store, db):
    doc, token = store.add_document(TEXT, META, engine="test")
    keep, keep_token = store.add_document(TRICKY, META, engine="test")
    for i in range(3):
        store.add_edit(doc, token, "add", "", {}, {"label": f"e{i}"})
    kept_edit = store.add_edit(keep, keep_token, "add", "", {}, {"label": "stays"})
    sid = store.add_story("Both", [doc, keep])
    assert store.delete_document(doc, token) is True
    assert store.get_document(doc) is None
    assert store.edits(doc) == []
    assert scalar(db, "SELECT count(*) FROM edits WHERE doc = ?", (doc,)) == 0
    assert scalar(db, "SELECT count(*) FROM story_docs WHERE doc = ?", (doc,)) == 0
    assert [s.id for s in store.list_documents()] == [keep]
    assert [e.id for e in store.edits(keep)] == [kept_edit.id]
    assert store.get_story(sid).docs == (keep,)
    assert store.delete_document(doc, token) is False            # gone: nothing left to delete
    assert store.can_edit(doc, token) is False


# ------------------------------------------------------------------------------------------ 3. edits
def test_add_edit_needs_the_token(store, db):
    doc, token = store.add_document(TEXT, META, engine="test")
    _, other_token = store.add_document(TRICKY, META, engine="test")
    for bad in ("wrong", "", None, other_token):
        with pytest.raises(StoreError):
            store.add_edit(doc, bad, "add", "", {}, {"label": "x"})
    with pytest.raises(StoreError):
        store.add_edit("000000000000", token, "add", "", {}, {"label": "x"})
    assert scalar(db, "SELECT count(*) FROM edits") == 0


def test_edits_oldest_first_with_before_and_after_intact(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    specs = [
        ("change", "ev-a", {"label": "Arrival", "start": "2025-08-15T18:15:00+00:00", "actors": ["Trump"],
                            "line": 1, "span_start": 3, "span_end": 14, "quote": "10:15 a.m.",
                            "certainty": 0.75, "end": None},
         {"label": "Arrival of the delegation \u200f\U0001F6EC", "kind": "arrival"}),
        ("delete", "ev-b", {"label": "Talks", "nested": {"a": [1, 2, {"b": None}]}, "flag": True}, {}),
        ("add", "", {}, {"label": "Press conference", "start": "2025-08-15T23:00:00+00:00",
                         "kind": "statement", "actors": ["Trump", "Putin"]}),
    ]
    made = [store.add_edit(doc, token, a, t, b, af, session=f"sess-{i}") for i, (a, t, b, af) in enumerate(specs)]
    got = store.edits(doc)
    assert [e.id for e in got] == sorted(e.id for e in made) == [e.id for e in made]
    for edit, (action, target, before, after) in zip(got, specs):
        assert (edit.doc, edit.action, edit.target, edit.before, edit.after) == (doc, action, target, before,
                                                                                 after)
        assert edit.undone is False
    assert [e.session for e in got] == ["sess-0", "sess-1", "sess-2"]
    assert [e.created for e in got] == [e.created for e in made]
    assert store.edits("000000000000") == []


def test_set_undone_toggles_and_needs_the_token(store):
    doc, token = store.add_document(TEXT, META, engine="test")
    other, other_token = store.add_document(TRICKY, META, engine="test")
    edit = store.add_edit(doc, token, "delete", "ev-1", {"label": "x"}, {})
    foreign = store.add_edit(other, other_token, "delete", "ev-2", {"label": "y"}, {})
    assert store.set_undone(doc, "wrong", edit.id) is False
    assert store.set_undone(doc, None, edit.id) is False
    assert store.set_undone(doc, other_token, edit.id) is False
    assert store.edits(doc)[0].undone is False
    assert store.set_undone(doc, token, edit.id) is True
    assert store.edits(doc)[0].undone is True
    assert store.set_undone(doc, "wrong", edit.id, undone=False) is False
    assert store.edits(doc)[0].undone is True
    assert store.set_undone(doc, token, edit.id, undone=False) is True
    assert store.edits(doc)[0].undone is False
    # The right token of one document does not reach another document's edit.
    assert store.set_undone(doc, token, foreign.id) is False
    assert store.edits(other)[0].undone is False


def test_edit_of_a_real_event_row_applies_after_reopening(store):
    """An edit made from the engine's row (row_record) comes back from the store and applies."""
    text = (ROOT / "data" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    meta = {"title": "seed copy", "language": "nl", "event_date": "2025-08-15", "local_tz": "America/Anchorage"}
    doc, token = store.add_document(text, meta, engine="test")
    opened = open_document(doc, store)
    assert opened.bundled is False and len(opened.events) > 0
    row = opened.events.iloc[0]
    before = row_record(row)
    json.dumps(before)                                         # JSON-ready, as the store keeps it
    store.add_edit(doc, token, "change", row["event_id"], before, {"label": "Changed by a reader"})
    assert store.edits(doc)[0].before == before
    again = open_document(doc, SQLiteStore(store.path))
    assert [state for _, state in again.report] == [APPLIED]
    assert "Changed by a reader" in set(again.events["label"])


# ------------------------------------------------------------------------------------------ 4. stories
def test_stories(store):
    a = store.add_document(TEXT, META, engine="test")[0]
    b = store.add_document(TRICKY, META, engine="test")[0]
    c = store.add_document(TEXT + "more", META, engine="test")[0]
    sid = store.add_story("Summit day", [c, a, b])
    assert sid.startswith("s") and len(sid) > 1
    assert store.add_story("Summit day", [c, a, b]) == sid
    assert store.add_story("Summit day", (d for d in [c, a, b])) == sid          # any iterable
    assert scalar(store.path, "SELECT count(*) FROM stories") == 1
    assert scalar(store.path, "SELECT count(*) FROM story_docs") == 3
    story = store.get_story(sid)
    assert story.title == "Summit day" and story.docs == (c, a, b) and story.created
    other = store.add_story("Summit day", [a, b, c])
    assert other != sid and store.get_story(other).docs == (a, b, c)
    assert store.add_story("Another title", [c, a, b]) not in (sid, other)
    assert store.get_story("s00000000000") is None
    assert store.get_story("") is None


# ------------------------------------------------------------------------------------------ 5. migrations
def user_version(path: Path) -> int:
    return scalar(path, "PRAGMA user_version")


def tables(path: Path) -> set[str]:
    conn = raw(path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_empty_file_is_migrated_to_latest(db):
    db.write_bytes(b"")
    SQLiteStore(db)
    assert user_version(db) == LATEST == max(migrations.MIGRATIONS)
    assert ALL_TABLES <= tables(db)


def test_missing_file_and_folder_are_created(tmp_path):
    path = tmp_path / "new" / "folder" / "store.sqlite3"
    store = SQLiteStore(path)
    assert path.exists() and user_version(path) == LATEST
    assert store.list_documents() == []


def test_version_1_store_is_migrated_and_keeps_its_data(db):
    token, hashed = new_token()
    conn = sqlite3.connect(db)
    try:
        assert migrate(conn, upto=1) == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "session" not in {r[1] for r in conn.execute("PRAGMA table_info(edits)")}
        meta = clean_meta(META)
        doc = document_id(TEXT, meta)
        with conn:
            conn.execute("INSERT INTO documents (id, text, meta, content_hash, engine, token_hash, bundled,"
                         " events, created) VALUES (?, ?, ?, ?, ?, ?, 0, 3, ?)",
                         (doc, TEXT, json.dumps(meta), content_hash(TEXT), "old-engine", hashed,
                          "2025-08-15T20:00:00.000+00:00"))
            conn.execute("INSERT INTO edits (doc, action, target, before, after, created, undone)"
                         " VALUES (?, 'change', 'ev-1', ?, ?, ?, 0)",
                         (doc, json.dumps({"label": "old"}), json.dumps({"label": "new"}),
                          "2025-08-15T20:01:00.000+00:00"))
    finally:
        conn.close()
    assert user_version(db) == 1

    store = SQLiteStore(db)
    assert user_version(db) == LATEST
    assert ALL_TABLES <= tables(db)
    got = store.get_document(doc)
    assert got.text == TEXT and got.meta == meta and got.engine == "old-engine" and got.events == 3
    [summary] = store.list_documents()
    assert (summary.id, summary.title, summary.events) == (doc, META["title"], 3)
    [edit] = store.edits(doc)
    assert (edit.action, edit.target, edit.before, edit.after, edit.session, edit.undone) == \
        ("change", "ev-1", {"label": "old"}, {"label": "new"}, "", False)
    assert store.can_edit(doc, token)
    new = store.add_edit(doc, token, "add", "", {}, {"label": "later"}, session="s2")
    assert [(e.id, e.session) for e in store.edits(doc)] == [(edit.id, ""), (new.id, "s2")]
    sid = store.add_story("Old and new", [doc])
    assert store.get_story(sid).docs == (doc,)


def test_newer_store_than_program_is_refused(db):
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError) as err:
        SQLiteStore(db)
    message = str(err.value)
    assert "update the program" in message
    assert str(db) in message
    assert user_version(db) == LATEST + 1            # left as it was


class RecordingMigrations(dict):
    """MIGRATIONS that notes which migration was run."""
    def __init__(self, *args):
        super().__init__(*args)
        self.used: list[int] = []

    def __getitem__(self, key):
        self.used.append(key)
        return super().__getitem__(key)


def test_opening_again_runs_no_migration(db, monkeypatch):
    first_run = RecordingMigrations(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", first_run)
    store = SQLiteStore(db)
    assert first_run.used == list(range(1, LATEST + 1))
    doc, token = store.add_document(TEXT, META, engine="test")
    edit = store.add_edit(doc, token, "add", "", {}, {"label": "x"})

    second_run = RecordingMigrations(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", second_run)
    again = SQLiteStore(db)
    assert second_run.used == []
    assert user_version(db) == LATEST
    assert again.get_document(doc).text == TEXT
    assert [e.id for e in again.edits(doc)] == [edit.id]
    assert again.can_edit(doc, token)


def test_journal_mode_is_wal(store, db):
    store.add_document(TEXT, META, engine="test")
    assert scalar(db, "PRAGMA journal_mode").lower() == "wal"


# ------------------------------------------------------------------------------------------ 6. bad files
@pytest.mark.parametrize("content", [
    random.Random(20250815).randbytes(8192),
    ("These are my notes, not a database.\n" * 40).encode(),
], ids=["random-bytes", "text-file"])
def test_unreadable_file_is_named(db, content):
    assert not content.startswith(b"SQLite format 3\x00")
    db.write_bytes(content)
    for opener in (lambda: SQLiteStore(db), lambda: open_store(str(db))):
        with pytest.raises(StoreError) as err:
            opener()
        message = str(err.value)
        assert str(db) in message
        assert "not a readable store" in message
    assert db.read_bytes() == content                 # never overwritten


def test_read_only_store_says_so(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: root ignores file permissions, so a read-only store cannot be made")
    folder = tmp_path / "ro"
    path = folder / "store.sqlite3"
    store = SQLiteStore(path)
    doc, _ = store.add_document(TEXT, META, engine="test")
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(StoreError) as err:
            store.add_document(TRICKY, META, engine="test")
        message = str(err.value)
        assert "read-only" in message
        assert str(path) in message
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)
    assert [s.id for s in SQLiteStore(path).list_documents()] == [doc]


def test_locked_store_gives_up_within_busy_timeout(store, db, monkeypatch):
    doc, token = store.add_document(TEXT, META, engine="test")
    monkeypatch.setattr(sqlite_mod, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        for write in (lambda: store.add_document(TRICKY, META, engine="test"),
                      lambda: store.add_edit(doc, token, "add", "", {}, {"label": "x"})):
            started = time.monotonic()
            with pytest.raises(StoreError) as err:
                write()
            elapsed = time.monotonic() - started
            message = str(err.value)
            assert "locked" in message
            assert str(db) in message
            assert elapsed < 3.0, f"took {elapsed:.1f} s with a 0.2 s busy timeout"
    finally:
        other.rollback()
        other.close()
    # Nothing half-written; once released, writes work.
    assert [s.id for s in store.list_documents()] == [doc]
    assert store.edits(doc) == []
    assert store.add_document(TRICKY, META, engine="test")[1]


def test_other_backends_are_not_built():
    with pytest.raises(StoreError) as err:
        open_store("postgresql://u@h/db")
    message = str(err.value)
    assert "only SQLite" in message
    assert "postgresql" in message


@pytest.mark.parametrize("value", ["sqlite://", "sqlite:///", "sqlite:///:memory:", ":memory:"])
def test_store_in_memory_or_without_path_is_refused(value):
    with pytest.raises(StoreError):
        open_store(value)


def test_sqlite_urls_open_the_right_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relative = Path("rel") / "store.sqlite3"
    store = open_store("sqlite:///" + relative.as_posix())
    store.add_document(TEXT, META, engine="test")
    assert (tmp_path / relative).is_file()
    assert user_version(tmp_path / relative) == LATEST
    assert not Path("/rel/store.sqlite3").exists()

    absolute = tmp_path / "abs" / "store.sqlite3"
    assert absolute.is_absolute()
    store = open_store("sqlite:///" + str(absolute))          # sqlite:////tmp/...: four slashes
    store.add_document(TRICKY, META, engine="test")
    assert absolute.is_file() and user_version(absolute) == LATEST
    assert Path(store.where) == absolute

    plain = tmp_path / "plain.sqlite3"
    assert Path(open_store(str(plain)).where) == plain and plain.is_file()


def test_open_store_reads_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "env" / "store.sqlite3"
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(path))
    store = open_store()
    assert Path(store.where) == path and path.is_file()


def test_default_path_is_in_the_user_data_dir_not_the_repo():
    path = default_path()
    assert path.as_posix().endswith("summit-timeline/store.sqlite3")
    assert path.is_absolute()
    resolved = path.resolve()
    assert not resolved.is_relative_to(ROOT.resolve()), path


# ------------------------------------------------------------------------------------------ 7. SIGKILL
WRITER = r"""
import sys, time
from timeline.store import open_store

round_ = sys.argv[1]
store = open_store()
doc, token = store.add_document("Writer round " + round_ + ": at 10:15 a.m. the delegation arrived.",
                                {"title": "writer " + round_}, engine="test")
print("doc", doc, token, flush=True)
deadline = time.monotonic() + 30
for i in range(100_000):
    if time.monotonic() > deadline:
        break
    edit = store.add_edit(doc, token, "add", "", {"n": i}, {"label": "edit %d" % i, "n": i}, session="writer")
    print("edit", edit.id, flush=True)
"""


def _pump(stream, lines: queue.Queue):
    for line in stream:
        lines.put(line)
    lines.put(None)


def test_committed_edits_survive_sigkill(tmp_path):
    path = tmp_path / "killed.sqlite3"
    env = {**os.environ, "SUMMIT_TIMELINE_DB": str(path), "PYTHONPATH": str(ROOT)}
    survivors: dict[str, tuple[str, list[int]]] = {}
    overall = time.monotonic() + 90
    for round_, kill_after in enumerate((10, 30, 60)):
        assert time.monotonic() < overall, "the SIGKILL rounds took too long"
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(round_)], env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
        reader.start()
        doc = token = None
        printed: list[int] = []
        finished = False
        deadline = time.monotonic() + 20
        try:
            while len(printed) < kill_after and time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=0.5)
                except queue.Empty:
                    continue
                if line is None:
                    finished = True
                    break
                kind, *rest = line.split()
                if kind == "doc":
                    doc, token = rest
                elif kind == "edit":
                    printed.append(int(rest[0]))
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            reader.join(timeout=10)
        # Lines printed between reaching the count and the kill were committed too.
        while not finished:
            try:
                line = lines.get_nowait()
            except queue.Empty:
                break
            if line is None:
                break
            if line.startswith("edit "):
                printed.append(int(line.split()[1]))
        errors = proc.stderr.read()
        proc.stderr.close()
        proc.stdout.close()
        assert doc and token, f"round {round_}: the writer printed no document; stderr:\n{errors}"
        assert len(printed) >= kill_after, f"round {round_}: only {len(printed)} edits; stderr:\n{errors}"
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, errors)

        assert scalar(path, "PRAGMA integrity_check") == "ok"
        store = SQLiteStore(path)                                   # fresh, after the kill
        stored = {e.id for e in store.edits(doc)}
        missing = set(printed) - stored
        assert not missing, f"round {round_}: committed edits lost after SIGKILL: {sorted(missing)[:10]}"
        new = store.add_edit(doc, token, "add", "", {}, {"label": "after the kill"})
        assert new.id in {e.id for e in store.edits(doc)} and new.id > max(printed)
        survivors[doc] = (token, printed)
        # Earlier rounds' documents are untouched by later kills.
        for earlier, (_, ids) in survivors.items():
            assert set(ids) <= {e.id for e in store.edits(earlier)}
    assert len(survivors) == 3
    assert scalar(path, "PRAGMA integrity_check") == "ok"


# ------------------------------------------------------------------------------------------ 8. the seed
def test_seed_is_added_once_and_nobody_can_edit_it(store):
    assert SEED_ID in bundled_ids()
    added = seed_store(store)
    assert SEED_ID in added and sorted(added) == bundled_ids()
    [summary] = store.list_documents([SEED_ID])
    assert summary.bundled is True
    assert summary.events > 0
    assert summary.language == "nl" and summary.event_date == "2025-08-15"
    count = len(store.list_documents())

    assert seed_store(store) == []
    assert len(store.list_documents()) == count
    assert store.get_document(SEED_ID).bundled is True

    _, some_token = store.add_document(TEXT, META, engine="test")
    for token in (None, "", "anything", some_token, "x" * 10_000):
        assert store.can_edit(SEED_ID, token) is False
        assert store.delete_document(SEED_ID, token) is False
        assert store.set_undone(SEED_ID, token, 1) is False
        with pytest.raises(StoreError):
            store.add_edit(SEED_ID, token, "add", "", {}, {"label": "x"})
    assert store.get_document(SEED_ID) is not None
    # Adding the bundled document again by its id issues no token.
    doc = store.get_document(SEED_ID)
    assert store.add_document(doc.text, doc.meta, engine="test", bundled_id=SEED_ID) == (SEED_ID, None)


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    """Migrations hold the write lock from their first read: four processes racing on a new file all open it."""
    code = "import sys; from timeline.store.sqlite import SQLiteStore; SQLiteStore(sys.argv[1]).list_documents()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_ in range(5):
        db = tmp_path / f"race{round_}.sqlite3"
        procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], env=env, stderr=subprocess.PIPE)
                 for _ in range(4)]
        errors = [p.stderr.read().decode()[-300:] for p in procs if p.wait(timeout=60) != 0]
        assert errors == []
        assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_text_that_is_not_unicode_is_a_store_error(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    with pytest.raises(StoreError, match="not valid Unicode"):
        store.add_document("lone \udcff surrogate", {"title": "x"}, engine="t")
    assert store.list_documents() == []


def test_a_backend_url_with_a_password_is_not_repeated_in_the_message():
    with pytest.raises(StoreError) as err:
        open_store("postgresql://reader:s3cret@db.invalid/timeline")
    assert "s3cret" not in str(err.value) and "postgresql" in str(err.value)
