"""How often the add form's proposals (timeline.documents.infer_meta) match the metadata written for each
test article: local zone and event date. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/metadata_inference.py
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.documents import infer_meta  # noqa: E402


def main() -> None:
    paths = sorted([*ROOT.glob("tests/corpus/*.txt"), *ROOT.glob("tests/unseen/*.txt"),
                    *ROOT.glob("tests/stories/*.txt"), *ROOT.glob("data/*.txt")])
    zone_ok = date_ok = 0
    for path in paths:
        meta = tomllib.loads(path.with_name(path.name[:-4] + ".meta.toml").read_text(encoding="utf-8"))
        got, _ = infer_meta(path.read_text(encoding="utf-8"))
        zone_ok += got["local_tz"] == meta.get("local_tz")
        date_ok += got["event_date"] == meta.get("event_date")
        if got["local_tz"] != meta.get("local_tz") or got["event_date"] != meta.get("event_date"):
            print(f"  {path.name:<48} zone {got['local_tz']} (written {meta.get('local_tz')}), "
                  f"date {got['event_date']} (written {meta.get('event_date')})")
    print(f"local zone proposed right: {zone_ok}/{len(paths)}; event date: {date_ok}/{len(paths)}")


if __name__ == "__main__":
    main()
