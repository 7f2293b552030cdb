"""python -m timeline add|list|export|story|delete: documents in the store (DESIGN.md §8).

The store is the one SUMMIT_TIMELINE_DB names. `add` prints the document's id as its last line, and the
edit token once, on the line before, when the document is new.
"""

from __future__ import annotations

import json
from pathlib import Path

from .documents import UnknownDocument, add_document, bundled_ids, open_document, seed_store
from .store import open_store
from .text.article import load_meta, read_text
from .text.langdata import available
from .views.export import figure_html, records, to_csv, to_ics
from .views.figures import timeline_figure

COMMANDS = ("add", "list", "export", "story", "delete")


def add_parsers(sub) -> None:
    p = sub.add_parser("add", help="store an article (file or http(s) URL) and print its id last")
    p.add_argument("source", metavar="PATH|URL")
    p.add_argument("--title")
    p.add_argument("--lang", choices=available())
    p.add_argument("--date", help="event date YYYY-MM-DD")
    p.add_argument("--published", help="publication date YYYY-MM-DD")
    p.add_argument("--tz", help="IANA zone that 'local time' means")
    p = sub.add_parser("list", help="the documents in the store")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = sub.add_parser("export", help="a stored document's event table, readers' edits applied")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=["csv", "json", "ics", "html"], default="csv")
    p = sub.add_parser("story", help="combine documents into a story and print its id last")
    p.add_argument("ids", metavar="ID", nargs="+")
    p.add_argument("--title", required=True)
    p = sub.add_parser("delete", help="remove a stored document and its edits (needs its edit token)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--edit", required=True, metavar="TOKEN")


def _read_source(source: str) -> tuple[str, dict, list[str]]:
    if source.lower().startswith(("http://", "https://")):
        from .text.fetch import fetch_article      # noqa: PLC0415 - trafilatura loads slowly; only for URLs
        got = fetch_article(source)
        return got.text, {"title": got.title, "url": got.url, "published": got.published}, got.warnings
    path = Path(source)
    text, warnings = read_text(path)
    meta, more = load_meta(path)
    return text, meta, warnings + more


def run_store(args, stdout, stderr) -> int:
    """One store command; TimelineError (store, fetch, bad file) propagates to the caller's handler."""
    store = open_store()
    seed_store(store)
    if args.command == "add":
        text, meta, warnings = _read_source(args.source)
        if args.title:
            meta["title"] = args.title
        doc, token, loaded = add_document(store, text, meta, date=args.date, tz=args.tz, lang=args.lang,
                                          published=args.published)
        for warning in warnings + loaded.article.warnings:
            print(f"warning: {warning}", file=stderr)
        print(f"{len(loaded.events)} events; stored in {store.where}", file=stderr)
        if token:
            print(f"edit token (shown once; needed to edit or delete): {token}", file=stdout)
        else:
            print("already stored: same id, no new edit token", file=stderr)
        print(doc, file=stdout)
    elif args.command == "list":
        rows = [{"id": s.id, "title": s.title, "language": s.language, "event_date": s.event_date,
                 "events": s.events, "bundled": s.bundled, "created": s.created} for s in store.list_documents()]
        if args.format == "json":
            stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        else:
            for r in rows:
                print(f"{r['id']}\t{r['event_date'] or '?'}\t{r['language'] or '?'}\t{r['events']} events\t"
                      f"{r['title']}", file=stdout)
    elif args.command == "export":
        opened = open_document(args.id, store)
        events, art = opened.events, opened.loaded.article
        if args.format == "csv":
            stdout.write(to_csv(events))
        elif args.format == "json":
            from .cli import json_lines               # noqa: PLC0415 - one JSON layout for every command
            stdout.write(json_lines(records(events)))
        elif args.format == "ics":
            stdout.write(to_ics(events, calendar_name=art.title or args.id))
        else:
            stdout.write(figure_html(timeline_figure(events, tz=art.local_tz or "UTC")))
    elif args.command == "story":
        known = set(bundled_ids())
        missing = [d for d in args.ids if d not in known and store.get_document(d) is None]
        if missing:
            raise UnknownDocument(", ".join(missing))
        print(store.add_story(args.title, list(dict.fromkeys(args.ids))), file=stdout)
    elif args.command == "delete":
        if not store.delete_document(args.id, args.edit):
            print("error: not deleted: unknown document or wrong edit token", file=stderr)
            return 2
        print(f"deleted {args.id}", file=stdout)
    return 0

