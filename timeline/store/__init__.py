"""The store (DESIGN.md §8): documents, readers' edits and stories, kept between runs.

`open_store()` reads SUMMIT_TIMELINE_DB: a file path or `sqlite:///path` is SQLite (the one backend built);
other URLs name a backend that would implement `Store` (see README, "Sharing one store").
"""

from .base import Document, Edit, Store, StoreError, Story, document_id
from .location import default_path, open_store, store_target

__all__ = ["Document", "Edit", "Store", "StoreError", "Story", "document_id", "default_path", "open_store",
           "store_target"]
