"""Store speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/store.py [--n 1000] [--db PATH] [--runs 20]

1. Add N generated articles through `timeline.documents.add_document` (extraction, then one store
   transaction each): what `python -m timeline add` and the dashboard's add page do.
2. Add another N through the store alone (`store.add_document`, no extraction).
3. `store.list_documents()` (what the article picker and `list` call): median of --runs calls with N and
   with 2N documents in the store. Target: list under 100 ms.
4. The size of the store file (with its write-ahead log) at each point.

Each article is a different short English text (about 1-2 KB) with a few clock times, and metadata
title/language/event_date/local_tz. Without --db the store is a temporary file, removed afterwards; with
--db an existing store is used as it is (its documents count in the list figures).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.documents import add_document
from timeline.store.sqlite import SQLiteStore

ZONES = ["America/Anchorage", "Europe/Amsterdam", "Asia/Tokyo", "America/New_York", "Europe/London",
         "Australia/Sydney", "Africa/Nairobi", "America/Sao_Paulo"]
CITIES = ["Anchorage", "Amsterdam", "Tokyo", "New York", "London", "Sydney", "Nairobi", "Sao Paulo"]
GROUPS = ["the delegation", "the trade ministers", "the negotiators", "the prime minister's party",
          "the visiting president", "the envoys", "the mediators", "the foreign secretary"]
ARRIVE = ["arrived at the base", "landed at the airport", "reached the conference centre",
          "came to the palace", "drove up to the venue", "stepped off the plane"]
DO = ["talks began", "the first session opened", "a working lunch started", "the leaders met in private",
      "a joint press conference was held", "the signing ceremony took place", "the talks broke off"]
END = ["left for the airport", "departed the venue", "flew home", "returned to the embassy",
       "ended the visit", "headed back to the hotel"]
FILLER = ["Officials said the agenda covered trade, security and energy.",
          "Reporters waited outside in the rain for most of the afternoon.",
          "Protesters gathered near the entrance but the police kept them back.",
          "Neither side gave details of what was agreed behind closed doors.",
          "A spokesperson described the atmosphere as constructive and frank.",
          "Analysts cautioned against expecting a breakthrough at this meeting.",
          "The schedule had been kept secret until the night before.",
          "Security was tight, with roads closed around the venue since dawn.",
          "Local businesses said the visit had disrupted deliveries all week.",
          "Both governments promised a written statement later in the week."]


def clock(rng: random.Random, hour_low: int, hour_high: int) -> tuple[int, int, str]:
    hour, minute = rng.randint(hour_low, hour_high), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    h12 = hour % 12 or 12
    return hour, minute, f"{h12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"


def article(i: int, rng: random.Random, tag: str) -> tuple[str, dict]:
    """A unique ~1-2 KB English text with a few clock times, and its metadata."""
    k = rng.randrange(len(ZONES))
    city, group = CITIES[k], rng.choice(GROUPS)
    _, _, t1 = clock(rng, 7, 10)
    _, _, t2 = clock(rng, 11, 13)
    _, _, t3 = clock(rng, 14, 16)
    _, _, t4 = clock(rng, 17, 21)
    lines = [f"{group.capitalize()} visits {city} ({tag} report {i})",
             f"At {t1} local time {group} {rng.choice(ARRIVE)} in {city}.",
             rng.choice(FILLER),
             f"Shortly after {t2}, {rng.choice(DO)}, about forty minutes later than planned.",
             rng.choice(FILLER),
             f"By {t3} {rng.choice(DO)}, according to two people in the room.",
             rng.choice(FILLER),
             f"{group.capitalize()} {rng.choice(END)} at {t4}.",
             rng.choice(FILLER)]
    while sum(len(line) + 1 for line in lines) < rng.randint(1000, 1900):
        lines.append(rng.choice(FILLER))
    day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
    meta = {"title": lines[0], "language": "en", "event_date": day.isoformat(), "local_tz": ZONES[k]}
    return "\n".join(lines) + "\n", meta


def file_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def list_median(store, runs: int) -> tuple[float, int]:
    count = len(store.list_documents())          # one warm-up call
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        store.list_documents()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles per phase (default 1000)")
    ap.add_argument("--db", type=Path, help="store file (default: a temporary file, removed afterwards)")
    ap.add_argument("--runs", type=int, default=20, help="list_documents calls to take the median of")
    args = ap.parse_args()

    folder = None
    if args.db is None:
        folder = Path(tempfile.mkdtemp(prefix="summit-timeline-bench-"))
        db = folder / "store.sqlite3"
    else:
        db = args.db
    try:
        store = SQLiteStore(db)
        already = len(store.list_documents())
        stamp = f"{time.time_ns():x}"             # texts differ from any earlier run's in the same store
        rng = random.Random(15082025)
        first = [article(i, rng, f"{stamp}-a") for i in range(args.n)]
        second = [article(i, rng, f"{stamp}-b") for i in range(args.n)]
        size_chars = sum(len(t) for t, _ in first) / len(first) if first else 0
        print(f"store: {db}  ({already} documents before)")
        print(f"articles: 2 x {args.n}, {size_chars:,.0f} characters on average")

        t0 = time.perf_counter()
        events = repeats = 0
        for text, meta in first:
            _, token, loaded = add_document(store, text, meta)
            events += len(loaded.events)
            repeats += token is None                 # 0 unless the generator repeated a text
        with_extract = time.perf_counter() - t0
        list_n, count_n = list_median(store, args.runs)
        size_n = file_size(db)

        t0 = time.perf_counter()
        for text, meta in second:
            store.add_document(text, meta, engine="bench", events=0)
        store_only = time.perf_counter() - t0
        list_2n, count_2n = list_median(store, args.runs)
        size_2n = file_size(db)

        n = max(args.n, 1)
        rows = [
            ("add via documents.add_document (extract + store)", f"{with_extract:8.2f} s",
             f"{with_extract / n * 1000:7.2f} ms/doc", f"{events / n:.1f} events/doc"),
            ("add via store.add_document (store only)", f"{store_only:8.2f} s",
             f"{store_only / n * 1000:7.2f} ms/doc", ""),
            (f"list_documents() with {count_n} docs, median of {args.runs}", f"{list_n * 1000:8.2f} ms",
             "", "target < 100 ms"),
            (f"list_documents() with {count_2n} docs, median of {args.runs}", f"{list_2n * 1000:8.2f} ms",
             "", "target < 100 ms"),
            (f"file size with {count_n} docs", f"{size_n / 1e6:8.2f} MB", f"{size_n / max(count_n, 1):7.0f} B/doc",
             ""),
            (f"file size with {count_2n} docs", f"{size_2n / 1e6:8.2f} MB",
             f"{size_2n / max(count_2n, 1):7.0f} B/doc", ""),
        ]
        width = max(len(r[0]) for r in rows)
        if repeats:
            print(f"note: {repeats} generated articles were already stored")
        print()
        for name, a, b, c in rows:
            print(f"{name:<{width}}  {a}  {b:>15}  {c}".rstrip())
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
