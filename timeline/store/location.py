"""Where the store lives: SUMMIT_TIMELINE_DB, else a file under the user's data directory (never the repo)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .base import Store, StoreError

ENV = "SUMMIT_TIMELINE_DB"
FILE = "store.sqlite3"


def default_path() -> Path:
    """The platform's per-user data directory, as other desktop tools use it."""
    if sys.platform == "win32":
        root = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "summit-timeline" / FILE


def store_target(value: str | None = None) -> str:
    """What SUMMIT_TIMELINE_DB (or `value`) names, for messages: a path or a URL."""
    value = value if value is not None else os.environ.get(ENV, "")
    return value.strip() or str(default_path())


def open_store(value: str | None = None) -> Store:
    """The store that `value` (default: SUMMIT_TIMELINE_DB) names. Raises StoreError with the place named."""
    target = store_target(value)
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    if scheme in ("", "sqlite"):
        path = target.split("://", 1)[1] if scheme else target
        if scheme and path.startswith("/"):
            path = path[1:]                 # SQLAlchemy's form: sqlite:///relative, sqlite:////absolute
        if not path or path == ":memory:":
            raise StoreError(f"store {target!r}: give a file path (a store in memory is gone at exit)")
        from .sqlite import SQLiteStore     # noqa: PLC0415 - the only backend, imported when asked for
        return SQLiteStore(path)
    shown = re.sub(r"//[^/@]*@", "//***@", target)          # no password in a message
    raise StoreError(f"store {shown!r}: the {scheme} backend is not built; only SQLite is (a file path or "
                     "sqlite:///path). See README, 'Sharing one store between servers'.")
