"""The SQLite store: one file, WAL, versioned migrations, one transaction per call.

A connection per call keeps threads (Streamlit runs each session in its own) and processes apart; SQLite
serialises writers. A committed edit survives its writer being killed in any mode; `synchronous=FULL`
also keeps it through a power loss or an OS crash, at a few ms per write.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .base import (Document, Edit, Store, StoreError, Story, Summary, clean_meta, content_hash, document_id,
                   new_token, story_id, token_matches)
from .migrations import migrate

BUSY_TIMEOUT_S = 5.0
LOCKED = "it is locked by another program (wait, or close the program holding it)"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _problem(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return LOCKED
    if "readonly" in text or "read-only" in text:
        return "it is read-only (make the file and its folder writable, or set SUMMIT_TIMELINE_DB elsewhere)"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ("it is not a readable store (corrupt or another kind of file); restore it from a backup or "
                "point SUMMIT_TIMELINE_DB at a new file")
    if "unable to open" in text:
        return "it cannot be opened (check that its folder exists and is writable)"
    return text


def _to_wal(conn: sqlite3.Connection) -> None:
    """WAL mode, waiting as long as any other lock. Switching needs the file to itself, and when another
    process is switching the same new file SQLite answers "locked" at once instead of calling the busy
    handler (seen: 1 open in ~500 with 12 processes racing), so the wait is done here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            if _problem(exc) != LOCKED or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class SQLiteStore(Store):
    def __init__(self, path):
        self.path = Path(path).expanduser()
        self.where = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"store {self.where}: cannot create its folder ({exc.strerror or exc})") from None
        with self._connect() as conn:
            try:
                _to_wal(conn)
                migrate(conn)
            except RuntimeError as exc:
                raise StoreError(f"store {self.where}: {exc}") from None

    @contextmanager
    def _connect(self):
        """A connection for one call; sqlite3 errors become StoreError naming the file."""
        conn = None
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            yield conn
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.where}: {_problem(exc)}") from None
        except UnicodeEncodeError:          # a lone surrogate: Python text that is no UTF-8
            raise StoreError(f"store {self.where}: the text holds characters that are not valid Unicode "
                             "(lone surrogates); save it as UTF-8 and add it again") from None
        finally:
            if conn is not None:
                conn.close()

    # ---------------------------------------------------------------- documents
    def add_document(self, text, meta, *, engine, events=0, bundled_id=None):
        meta = clean_meta(meta)
        doc = bundled_id or document_id(text, meta)
        token, hashed = (None, None) if bundled_id else new_token()
        with self._connect() as conn, conn:
            added = conn.execute(
                "INSERT OR IGNORE INTO documents (id, text, meta, content_hash, engine, token_hash, bundled,"
                " events, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, text, json.dumps(meta, ensure_ascii=False), content_hash(text), engine, hashed,
                 int(bool(bundled_id)), events, _now())).rowcount
        return doc, (token if added else None)

    def get_document(self, doc_id):
        with self._connect() as conn:
            row = conn.execute("SELECT id, text, meta, content_hash, engine, created, bundled, events"
                               " FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5], bool(row[6]), row[7])

    def list_documents(self, ids=None):
        query = ("SELECT id, json_extract(meta, '$.title'), json_extract(meta, '$.language'),"
                 " json_extract(meta, '$.event_date'), events, created, bundled FROM documents")
        args: tuple = ()
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
            query += f" WHERE id IN ({','.join('?' * len(ids))})"
            args = tuple(ids)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY created DESC, rowid DESC", args).fetchall()
        return [Summary(r[0], r[1] or r[0], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def set_event_count(self, doc_id, events):
        with self._connect() as conn, conn:
            conn.execute("UPDATE documents SET events = ? WHERE id = ?", (int(events), doc_id))

    def _token_hash(self, conn, doc_id):
        row = conn.execute("SELECT token_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def can_edit(self, doc_id, token):
        with self._connect() as conn:
            return token_matches(token, self._token_hash(conn, doc_id))

    def delete_document(self, doc_id, token):
        with self._connect() as conn, conn:
            if not token_matches(token, self._token_hash(conn, doc_id)):
                return False
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            conn.execute("DELETE FROM story_docs WHERE doc = ?", (doc_id,))
            return True

    # ---------------------------------------------------------------- edits
    def add_edit(self, doc_id, token, action, target, before, after, session=""):
        created = _now()
        with self._connect() as conn, conn:
            if not token_matches(token, self._token_hash(conn, doc_id)):
                raise StoreError("this document cannot be edited without its edit link")
            cur = conn.execute("INSERT INTO edits (doc, action, target, before, after, created, session)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (doc_id, action, target, json.dumps(before, ensure_ascii=False),
                                json.dumps(after, ensure_ascii=False), created, session))
        return Edit(cur.lastrowid, doc_id, action, target, before, after, created, session)

    def edits(self, doc_id):
        with self._connect() as conn:
            rows = conn.execute("SELECT id, doc, action, target, before, after, created, session, undone"
                                " FROM edits WHERE doc = ? ORDER BY id", (doc_id,)).fetchall()
        return [Edit(r[0], r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5]), r[6], r[7], bool(r[8]))
                for r in rows]

    def set_undone(self, doc_id, token, edit_id, undone=True):
        with self._connect() as conn, conn:
            if not token_matches(token, self._token_hash(conn, doc_id)):
                return False
            return conn.execute("UPDATE edits SET undone = ? WHERE id = ? AND doc = ?",
                                (int(undone), int(edit_id), doc_id)).rowcount == 1

    # ---------------------------------------------------------------- stories
    def add_story(self, title, docs):
        docs = list(docs)
        sid = story_id(title, docs)
        with self._connect() as conn, conn:
            if conn.execute("INSERT OR IGNORE INTO stories (id, title, created) VALUES (?, ?, ?)",
                            (sid, title, _now())).rowcount:
                conn.executemany("INSERT INTO story_docs (story, position, doc) VALUES (?, ?, ?)",
                                 [(sid, i, d) for i, d in enumerate(docs)])
        return sid

    def get_story(self, story):
        with self._connect() as conn:
            row = conn.execute("SELECT id, title, created FROM stories WHERE id = ?", (story,)).fetchone()
            if row is None:
                return None
            docs = [d for (d,) in conn.execute("SELECT doc FROM story_docs WHERE story = ? ORDER BY position",
                                                (story,))]
        return Story(row[0], row[1], tuple(docs), row[2])
