"""Versioned schema: migration N takes a store from version N-1 to N; `PRAGMA user_version` holds N.

Never edit a released migration; add the next one. Version 1 is the first released schema (documents and
edits); version 2 added stories and the session that made an edit.
"""

MIGRATIONS = {
    1: """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            meta TEXT NOT NULL,              -- JSON, base.clean_meta
            content_hash TEXT NOT NULL,
            engine TEXT NOT NULL,
            token_hash TEXT,                 -- NULL: nobody may edit (bundled documents)
            bundled INTEGER NOT NULL DEFAULT 0,
            events INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL
        );
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('change', 'delete', 'add')),
            target TEXT NOT NULL,
            before TEXT NOT NULL,            -- JSON
            after TEXT NOT NULL,             -- JSON
            created TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX edits_doc ON edits(doc, id);
    """,
    2: """
        ALTER TABLE edits ADD COLUMN session TEXT NOT NULL DEFAULT '';
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE story_docs (
            story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            doc TEXT NOT NULL,
            PRIMARY KEY (story, position)
        );
        CREATE INDEX documents_created ON documents(created);
    """,
}
LATEST = max(MIGRATIONS)


def migrate(conn, upto: int = LATEST) -> int:
    """Run the missing migrations in one transaction that holds the write lock from the start, so two
    processes opening a new store at once cannot both migrate it; returns the version reached."""
    level = conn.isolation_level
    conn.isolation_level = None                  # explicit BEGIN/COMMIT (executescript would commit early)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise RuntimeError(f"schema version {version} is newer than this program's {LATEST}; "
                                   "update the program")
            for n in range(version + 1, upto + 1):
                for statement in MIGRATIONS[n].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {n}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.isolation_level = level
    return max(version, upto)
