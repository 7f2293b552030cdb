"""python -m timeline extract|events PATH: the command line (DESIGN.md §4).

Exit codes: 0 ok; 1 unreadable input; 2 bad arguments. User errors print one line, no traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from .text.article import load_article
from .errors import ArticleError, TimelineError
from .events.grouping import events_from_mentions
from .views.export import records, to_csv
from .text.extract import extract
from .text.langdata import available
from .events.board import format_schedule
from .events.schedule import build_schedule
from .text.zones import zone_name
from .cli_store import COMMANDS, add_parsers, run_store
from . import batch
from .documents import UnknownDocument
from .store import StoreError
from .text.fetch import FetchError

MENTION_COLUMNS = ["start", "end", "line", "kind", "text", "utc", "local", "tz", "tz_source",
                   "date_source", "modifier", "earliest", "latest", "minutes", "pair", "conflict",
                   "flags", "rule"]


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m timeline",
                    description="Find clock times and durations in a news text and resolve them to instants.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def common(p):
        p.add_argument("path", metavar="PATH", help="article text file (UTF-8); metadata from PATH's .meta.toml")
        p.add_argument("--date", help="event date YYYY-MM-DD: the day times without a date refer to")
        p.add_argument("--published", help="publication date YYYY-MM-DD: the day 'tonight', 'vannacht' and "
                       "'morgen' count from (default: the metadata's, else the event date)")
        p.add_argument("--tz", help="IANA zone that 'local time' means, e.g. America/Anchorage")
        p.add_argument("--lang", choices=available(), help="language of the text (detected when omitted)")

    p = sub.add_parser("extract", help="every clock time and duration, as JSON or CSV")
    common(p)
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p = sub.add_parser("events", help="the event table (planned, actual, cancelled), as CSV or JSON")
    common(p)
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p = sub.add_parser("schedule", help="planned vs actual, readably, in a chosen display zone")
    common(p)
    p.add_argument("--tz-display", help="IANA zone or alias to show times in (default: the article's zone)")
    add_parsers(sub)
    batch.add_parser(sub)
    return parser


def mentions_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MENTION_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["minutes"] = "-".join(map(str, row["minutes"])) if row["minutes"] else ""
        flat["flags"] = ";".join(row["flags"])
        writer.writerow(flat)
    return out.getvalue()


def json_lines(rows: list[dict]) -> str:
    """A JSON list with one object a line: valid JSON that still reads and greps well."""
    if not rows:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n"


def run(argv, stdout, stderr) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command in COMMANDS:
            return run_store(args, stdout, stderr)
        if args.command == "batch":
            return batch.command(args, stderr)
        art = load_article(args.path, date=args.date, tz=args.tz, lang=args.lang, published=args.published)
        display = zone_name(args.tz_display) if getattr(args, "tz_display", None) else None
        mentions = extract(art.text, date=art.event_date, tz=art.local_tz, lang=art.language,
                       published=art.published)
    except UsageError as exc:
        print(f"error: {exc} (see --help)", file=stderr)
        return 2
    except UnknownDocument as exc:
        print(f"error: unknown document id {exc.args[0]!r}; see `python -m timeline list`", file=stderr)
        return 2
    except (ArticleError, StoreError, FetchError) as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    except TimelineError as exc:          # unknown zone, bad date, unknown language
        print(f"error: {exc}", file=stderr)
        return 2
    for warning in art.warnings:
        print(f"warning: {warning}", file=stderr)
    for m in mentions:
        if m.kind == "clock" and m.utc is None:
            print(f"note: line {m.line}: {m.text!r} not placed: {m.note or 'no date or zone'}", file=stderr)
    if args.command == "extract":
        rows = [m.to_json() for m in mentions]
        stdout.write(json_lines(rows) if args.format == "json" else mentions_csv(rows))
    elif args.command == "schedule":
        zone = display or art.local_tz or "UTC"
        board = build_schedule(events_from_mentions(art, mentions))
        day = art.event_date
        title = f"{art.title or art.doc}: planned vs actual, times in {zone}"
        stdout.write(format_schedule(board, zone, day, title))
    else:
        table = events_from_mentions(art, mentions)
        if args.format == "csv":
            stdout.write(to_csv(table))
        else:
            stdout.write(json_lines(records(table)))
    return 0


def main(argv=None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)
    except BrokenPipeError:               # `... | head` closed the pipe: not an error
        return 0
