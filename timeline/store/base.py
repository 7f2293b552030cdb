"""What any store backend provides, as an abstract class, and the values it hands out.

A second backend (e.g. PostgreSQL for several app servers) implements `Store` with the same meaning:
one transaction per call, ids from `document_id`, edit tokens kept only as their hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date

from ..errors import TimelineError

META_KEYS = ("title", "source", "url", "language", "event_date", "local_tz", "published", "actors", "aliases")


class StoreError(TimelineError):
    """The store cannot be used (locked, read-only, corrupt, unknown backend); names the place."""


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    meta: dict
    content_hash: str
    engine: str
    created: str
    bundled: bool = False
    events: int = 0

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)


@dataclass(frozen=True)
class Edit:
    """One reader's correction: `before` is what the engine (or the previous edit) said, `after` the change."""
    id: int
    doc: str
    action: str              # change | delete | add
    target: str              # event_id at the time of the edit ("" for add)
    before: dict
    after: dict
    created: str
    session: str = ""
    undone: bool = False


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    docs: tuple[str, ...]
    created: str = ""


@dataclass(frozen=True)
class Summary:
    """A document as the article picker and `list` show it, without its text."""
    id: str
    title: str
    language: str | None
    event_date: str | None
    events: int
    created: str
    bundled: bool = False


def clean_meta(meta: dict) -> dict:
    """Metadata as stored and hashed: known keys only, dates as ISO text, empty values dropped."""
    out = {}
    for key in META_KEYS:
        value = meta.get(key)
        if isinstance(value, date):
            value = value.isoformat()
        if value not in (None, "", [], {}):
            out[key] = value
    return out


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_id(text: str, meta: dict) -> str:
    """A short hash of the text and its metadata: the same reading of the same text is the same document."""
    key = content_hash(text) + json.dumps(clean_meta(meta), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def story_id(title: str, docs) -> str:
    return "s" + hashlib.sha256(json.dumps([title, list(docs)]).encode()).hexdigest()[:11]


def new_token() -> tuple[str, str]:
    """A fresh edit token and the hash that is stored in its place."""
    token = secrets.token_urlsafe(18)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(("summit-timeline-edit:" + token).encode("utf-8", "surrogatepass")).hexdigest()


def token_matches(token: str | None, stored: str | None) -> bool:
    # Constant-time, so a wrong guess tells nothing about how close it was.
    if not token or not stored or not isinstance(token, str) or len(token) > 200:
        return False
    return hmac.compare_digest(token_hash(token), stored)


class Store(ABC):
    """Documents, edits and stories. Every method is one transaction; errors are StoreError."""

    where: str = ""          # the file or URL, for messages

    @abstractmethod
    def add_document(self, text: str, meta: dict, *, engine: str, events: int = 0,
                     bundled_id: str | None = None) -> tuple[str, str | None]:
        """(id, edit token). Adding the same text and metadata again returns its id and no token."""

    @abstractmethod
    def get_document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def list_documents(self, ids=None) -> list[Summary]:
        """Summaries, newest first; `ids` limits them to those documents."""

    @abstractmethod
    def set_event_count(self, doc_id: str, events: int) -> None: ...

    @abstractmethod
    def can_edit(self, doc_id: str, token: str | None) -> bool: ...

    @abstractmethod
    def delete_document(self, doc_id: str, token: str) -> bool:
        """Remove the document and its edits when the token is its edit token."""

    @abstractmethod
    def add_edit(self, doc_id: str, token: str, action: str, target: str, before: dict, after: dict,
                 session: str = "") -> Edit: ...

    @abstractmethod
    def edits(self, doc_id: str) -> list[Edit]:
        """Every edit of the document, oldest first, undone ones included."""

    @abstractmethod
    def set_undone(self, doc_id: str, token: str, edit_id: int, undone: bool = True) -> bool: ...

    @abstractmethod
    def add_story(self, title: str, docs) -> str: ...

    @abstractmethod
    def get_story(self, story: str) -> Story | None: ...
