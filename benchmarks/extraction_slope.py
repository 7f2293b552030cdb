"""Extraction slope: how time and memory grow with the input's size. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/extraction_slope.py [--quick] [--limit 60] [--kinds seed,digits]

For each kind of input and each size, the time and peak memory of `timeline.text.extract` (mentions only)
and of `timeline.pipeline.load_text` (the whole pipeline: article, mentions, event table), then the
log-log slope between consecutive sizes: ~1.0 is linear, ~2.0 quadratic. A slope above 1.3 is flagged.

Each measurement runs in a forked child (warm caches, inherited from this process), so one that never
ends is stopped after --limit seconds: that size is shown as "> limit" with the slope's lower bound, and
the kind's larger sizes are skipped. A size is skipped too when the one before it took more than 20 s.
Peak memory is the child's peak resident set minus its resident set before the call, after a small
warm-up call (whole-process, so it counts numpy/pandas buffers; noisy below ~1 MB).
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.pipeline import load_text  # noqa: E402
from timeline.text import extract  # noqa: E402

SEED = ROOT / "data" / "alaska-summit-2025-08-15.nl.txt"
META = {"language": "nl", "event_date": "2025-08-15", "local_tz": "America/Anchorage"}
SIZES = [1_000, 10_000, 100_000, 1_000_000, 4_000_000]
QUICK = [1_000, 4_000, 16_000, 64_000]
SKIP_AFTER_S = 20.0
FLAG = 1.3

# Characters a hostile or broken paste carries: controls, bidi marks and overrides, zero-width, combining
# marks, emoji, other scripts; plus plain letters, digits and spaces so some tokens look like words.
NOISE = ([chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\x85", "\u2028", "\u2029"]
         + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\u0308", "\u20dd"]
         + ["🎉", "👍🏽", "🇺🇸", "Путин", "日本", "عربي", "עברית", "ß", "İ"]
         + list("abcdefghijklmnopqrstuvwxyz0123456789 .,:;-()\"'") * 3 + [" "] * 30)
PHRASES = ["om 11.00 uur lokale tijd", "at 3:27 p.m. ET", "rond 16.00 uur", "15 augustus 2025", "10:22",
           "kort na 12.30 uur", "about 4:40 p.m.", "(EDT)"]


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seed(size: int) -> str:
    return repeat_to(SEED.read_text(encoding="utf-8") + "\n\n", size)


def digits(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choices("0123456789", k=size))


def ten_oclock(size: int) -> str:
    return repeat_to("10:00 ", size)


def noise(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choices(NOISE, k=size))


def noise_times(size: int) -> str:
    # Noise with a time phrase every ~300 characters: the resolver and the event reader get work too.
    rng = random.Random(size)
    out, n = [], 0
    while n < size:
        piece = rng.choice(PHRASES) if rng.random() < 0.1 else "".join(rng.choices(NOISE, k=30))
        out.append(piece)
        n += len(piece)
    return "".join(out)[:size]


def one_line(size: int) -> str:
    # The seed article with its line breaks made spaces: one paragraph of any length.
    return seed(size).replace("\r", " ").replace("\n", " ")


KINDS = {"seed": seed, "digits": digits, "10:00 x N": ten_oclock, "noise": noise, "noise+times": noise_times,
         "one line": one_line}
STAGES = {
    "extract": lambda text: extract(text, date=META["event_date"], tz=META["local_tz"], lang=META["language"]),
    "load_text": lambda text: load_text(text, dict(META), "bench"),
}


def rss_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() // 1024


def _child(stage: str, kind: str, size: int, conn) -> None:
    text = KINDS[kind](size)
    STAGES[stage](KINDS[kind](500))    # touch the code and data pages first: only the call's own growth counts
    before = rss_kb()
    t0 = time.perf_counter()
    STAGES[stage](text)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    conn.send((elapsed, max(0, peak - before) / 1024))
    conn.close()


def measure(stage: str, kind: str, size: int, limit: float):
    """(seconds, peak MB); "timeout" when the call did not finish within `limit` seconds; "crash" when the
    child died or raised (its traceback is on stderr)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(stage, kind, size, child))
    proc.start()
    child.close()
    got = "timeout"
    if parent.poll(limit):
        try:
            got = parent.recv()
        except EOFError:            # the child ended without an answer
            got = "crash"
    if got == "timeout":
        proc.kill()
    proc.join()
    return got


def slope(s1: int, t1: float, s2: int, t2: float) -> float:
    return math.log(t2 / t1) / math.log(s2 / s1) if t1 > 0 and t2 > 0 else float("nan")


def run_kind(stage: str, kind: str, sizes: list[int], limit: float) -> list[str]:
    """Prints one table; returns the flags raised for it."""
    print(f"\n{stage} · {kind}")
    print(f"  {'chars':>10}  {'seconds':>9}  {'MB/s':>8}  {'peak MB':>8}  {'slope':>6}")
    flags, prev = [], None
    for i, size in enumerate(sizes):
        if prev is not None and prev[1] > SKIP_AFTER_S:
            print(f"  {size:>10,}  skipped: {prev[0]:,} took {prev[1]:.1f} s (> {SKIP_AFTER_S:.0f} s)")
            break
        got = measure(stage, kind, size, limit)
        if got == "crash":
            print(f"  {size:>10,}  crashed (see stderr)")
            flags.append(f"{stage} · {kind}: crashed at {size:,} chars")
            break
        if got == "timeout":
            bound = slope(prev[0], prev[1], size, limit) if prev else float("nan")
            print(f"  {size:>10,}  {'> ' + format(limit, '.0f'):>9}  {'':>8}  {'':>8}  {'>' + format(bound, '.2f'):>6}"
                  f"  stopped after {limit:.0f} s")
            verdict = ("super-linear" if bound > FLAG else "too slow for the limit, slope not shown to be above "
                       f"{FLAG}") if prev else "too slow for the limit"
            flags.append(f"{stage} · {kind}: {size:,} chars did not finish in {limit:.0f} s"
                         + (f" ({prev[0]:,} chars took {prev[1]:.2f} s; slope > {bound:.2f})" if prev else "")
                         + f": {verdict}")
            for rest in sizes[i + 1:]:
                print(f"  {rest:>10,}  skipped")
            break
        seconds, peak = got
        mb = size / 1e6  # characters, counted as MB of text (1 byte each for ASCII)
        exp = slope(prev[0], prev[1], size, seconds) if prev else float("nan")
        mark = "  <-- super-linear" if exp > FLAG else ""
        print(f"  {size:>10,}  {seconds:>9.3f}  {mb / seconds if seconds else float('inf'):>8.2f}  {peak:>8.1f}"
              f"  {exp:>6.2f}{mark}")
        if exp > FLAG and seconds > 0.05:  # slopes between tiny times are noise
            flags.append(f"{stage} · {kind}: slope {exp:.2f} from {prev[0]:,} chars ({prev[1]:.3f} s) to "
                         f"{size:,} chars ({seconds:.3f} s)")
        prev = (size, seconds)
    return flags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK} instead of {SIZES}")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds one call may take before it is stopped")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: " + ", ".join(KINDS))
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated: " + ", ".join(STAGES))
    args = ap.parse_args()
    sizes = QUICK if args.quick else SIZES

    for fn in STAGES.values():   # load the language data and caches once; the children inherit them
        fn(seed(5_000))
    flags, t0 = [], time.perf_counter()
    for stage in args.stages.split(","):
        for kind in args.kinds.split(","):
            flags += run_kind(stage, kind, sizes, args.limit)
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")
    print("super-linear (slope > %.1f) or stopped:" % FLAG if flags else "no kind above slope %.1f" % FLAG)
    for f in flags:
        print("  " + f)


if __name__ == "__main__":
    main()
