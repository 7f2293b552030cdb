"""Accuracy on the test corpus: mention value-F1 and the share of gold event facts found, per article
and in total (formats and scoring: tests/corpus/README.md, timeline/evaluate.py).

    .venv/bin/python benchmarks/accuracy.py [--verbose] [FOLDER]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.evaluate import corpus_articles, score_article  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "corpus"))
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    articles = corpus_articles(Path(args.folder))
    if not articles:
        print(f"no articles with gold files in {args.folder}", file=sys.stderr)
        return 1
    total = dict(gold=0, pred=0, hit=0, events=0, found=0)
    print(f"{'article':44} {'P':>6} {'R':>6} {'F1':>6} {'events':>9} {'share':>6}")
    t0 = time.perf_counter()
    for path in articles:
        s = score_article(path)
        total["gold"] += s.gold_mentions
        total["pred"] += s.predicted_mentions
        total["hit"] += s.matched_mentions
        total["events"] += s.gold_events
        total["found"] += s.found_events
        print(f"{s.doc:44} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
              f"{s.found_events:>4}/{s.gold_events:<4} {s.event_share:6.1%}")
        if args.verbose:
            for line in s.missed_mentions:
                print("    mention missed:", line)
            for line in s.spurious_mentions:
                print("    mention spurious:", line)
            for line in s.missed_events:
                print("    event missed:", line)
    p = total["hit"] / total["pred"] if total["pred"] else 1.0
    r = total["hit"] / total["gold"] if total["gold"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    share = total["found"] / total["events"] if total["events"] else 1.0
    print(f"{'TOTAL (' + str(len(articles)) + ' articles)':44} {p:6.3f} {r:6.3f} {f1:6.3f} "
          f"{total['found']:>4}/{total['events']:<4} {share:6.1%}")
    print(f"scored in {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
