"""Extraction speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/extract_speed.py [--runs 300] [--articles 1000]

1. The seed article, in process: median time of timeline.text.extract (warm: pytz look-ups cached from
   earlier runs, as in a long-running app; cold: those caches cleared before each run).
2. Throughput on a corpus of N articles built from the test phrases (Dutch and English), each a
   shuffle of 40 phrases, language given and not.
3. Peak memory (tracemalloc) of one seed extraction.
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import timeline  # noqa: E402
from timeline.text import zones  # noqa: E402
from timeline.text.article import load_article  # noqa: E402

SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"


def timed(fn, runs: int, before=None, clock=time.perf_counter) -> list[float]:
    out = []
    for _ in range(runs):
        if before:
            before()
        t0 = clock()
        fn()
        out.append(clock() - t0)
    return out


def clear_caches():
    zones.localize.cache_clear()
    zones.local_day_bounds.cache_clear()


def corpus(n: int) -> list[tuple[str, str]]:
    phrases = []
    for code in ("nl", "en"):
        module = importlib.import_module(f"test_extract_{code}")
        phrases += [(code, c.text) for c in module.CASES]
    seed_lines = [("nl", line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(15082025)
    articles = []
    for i in range(n):
        code = "nl" if i % 2 == 0 else "en"
        pool = [p for c, p in phrases if c == code] + ([t for _, t in seed_lines] if code == "nl" else [])
        articles.append((code, "\n".join(rng.choice(pool) for _ in range(40))))
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()

    art = load_article(SEED)
    run = lambda: timeline.text.extract(art.text, date=art.event_date, tz=art.local_tz, lang=art.language)  # noqa: E731
    found = run()
    print(f"seed: {len(art.text):,} characters, {sum(m.kind == 'clock' for m in found)} clock times, "
          f"{sum(m.kind == 'duration' for m in found)} durations")
    timed(run, 20)
    warm = timed(run, args.runs)
    cold = timed(run, args.runs, before=clear_caches)
    detect = timed(lambda: timeline.text.extract(art.text, date=art.event_date, tz=art.local_tz), args.runs)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    cpu = timed(run, args.runs, clock=time.process_time)
    print(f"seed extract, median of {args.runs}: {ms(warm):.2f} ms warm (fastest {min(warm) * 1000:.2f}), "
          f"{ms(cold):.2f} ms cold caches, {ms(detect):.2f} ms with language detection (target < 5 ms)")
    # This VM's speed swings with its neighbours; CPU time given to the process varies less than wall time.
    print(f"  CPU time (process_time), median of {args.runs}: {ms(cpu):.2f} ms warm")

    articles = corpus(args.articles)
    size = sum(len(t) for _, t in articles)
    t0 = time.perf_counter()
    total = sum(len(timeline.text.extract(t, date="2025-08-15", tz="America/Anchorage", lang=c)) for c, t in articles)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, t in articles:
        timeline.text.extract(t, date="2025-08-15", tz="America/Anchorage")
    elapsed_detect = time.perf_counter() - t0
    print(f"corpus: {len(articles)} articles, {size / 1e6:.1f} M characters, {total:,} mentions")
    print(f"  throughput: {len(articles) / elapsed:,.0f} articles/s ({size / elapsed / 1e6:.2f} M chars/s), "
          f"{elapsed / len(articles) * 1000:.2f} ms per article; "
          f"with language detection {len(articles) / elapsed_detect:,.0f} articles/s")

    clear_caches()
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory of one seed extraction (tracemalloc): {peak / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
