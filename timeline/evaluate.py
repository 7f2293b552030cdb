"""Scoring against gold files written by reading an article (formats in tests/corpus/README.md).

Mentions: a predicted clock mention counts when its span overlaps the gold text on the gold line and its
UTC instant equals the gold one (one prediction per gold row); value-F1 over all clock mentions.
Events: a gold fact holds when some predicted event has its kind and status, a start within the
tolerance, and includes its actors (by name or by one word of the predicted name).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from .pipeline import load


@dataclass
class Score:
    doc: str
    gold_mentions: int = 0
    predicted_mentions: int = 0
    matched_mentions: int = 0
    gold_events: int = 0
    found_events: int = 0
    missed_mentions: list = field(default_factory=list)
    spurious_mentions: list = field(default_factory=list)
    missed_events: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_mentions / self.predicted_mentions if self.predicted_mentions else 1.0

    @property
    def recall(self) -> float:
        return self.matched_mentions / self.gold_mentions if self.gold_mentions else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def event_share(self) -> float:
        return self.found_events / self.gold_events if self.gold_events else 1.0


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


def gold_span(text: str, starts: list[int], line: int, words: str) -> tuple[int, int]:
    """Offsets of `words` on 1-based `line`; ValueError when it is not there exactly once."""
    a = starts[line - 1]
    b = starts[line] if line < len(starts) else len(text)
    seg = text[a:b]
    i = seg.find(words)
    if i < 0 or seg.find(words, i + 1) >= 0:
        raise ValueError(f"line {line}: {words!r} must occur exactly once")
    return a + i, a + i + len(words)


def parse_utc(value: str) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def fold(name: str) -> str:
    """Case and accents folded: "Yeşilgöz" and "Yesilgoz" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


def actor_found(want: str, predicted: list[str]) -> bool:
    w = fold(want)
    # "Fuente" for "De la Fuente", "Xi" for "Xi Jinping": one of the name's words
    return any(w == fold(p) or w in fold(p).replace("-", " ").split() or w.split()[-1] == fold(p)
               for p in predicted)


def event_holds(gold: dict, events: pd.DataFrame) -> bool:
    start = parse_utc(gold["start_utc"])
    tolerance = timedelta(minutes=int(gold.get("tolerance_min") or 0))
    actors = [a for a in (gold.get("actors") or "").split(";") if a.strip()]
    for ev in events.itertuples():
        if ev.kind != gold["kind"] or ev.status != gold["status"]:
            continue
        if start is not None:
            told = ev.start if not pd.isna(ev.start) else ev.start_earliest
            if pd.isna(told) or abs(told.to_pydatetime() - start) > tolerance + timedelta(seconds=59):
                continue
        have = [a.strip() for a in (ev.actors or "").split(";") if a.strip()]
        if all(actor_found(a.strip(), have) for a in actors):
            return True
    return False


def score_article(path: Path, gold_dir: Path | None = None) -> Score:
    """Score one article `path` (NAME.txt) against NAME.mentions.csv and NAME.events.csv beside it."""
    gold_dir = gold_dir or path.parent
    stem = path.name[:-4]
    loaded = load(path)
    text = loaded.article.text
    starts = line_starts(text)
    score = Score(stem)
    clocks = [m for m in loaded.mentions if m.kind == "clock"]
    used: set[int] = set()
    mentions_file = gold_dir / f"{stem}.mentions.csv"
    gold_rows = read_gold(mentions_file) if mentions_file.exists() else []
    score.gold_mentions, score.predicted_mentions = len(gold_rows), len(clocks)
    for g in gold_rows:
        a, b = gold_span(text, starts, int(g["line"]), g["text"])
        want = parse_utc(g["utc"])
        hit = next((i for i, m in enumerate(clocks) if i not in used and m.start < b and a < m.end
                    and (m.utc == want if want is not None else m.utc is None)), None)
        if hit is None:
            got = [f"{m.text}={m.utc.astimezone(timezone.utc):%Y-%m-%dT%H:%MZ}" if m.utc else f"{m.text}=?" for m in clocks
                   if m.start < b and a < m.end]
            score.missed_mentions.append(f"L{g['line']} {g['text']!r} want {g['utc'] or 'unplaced'}"
                                         f" got {', '.join(got) or 'nothing'}")
        else:
            used.add(hit)
            score.matched_mentions += 1
    score.spurious_mentions = [f"L{m.line} {m.text!r}" for i, m in enumerate(clocks) if i not in used]
    events_file = gold_dir / f"{stem}.events.csv"
    for g in read_gold(events_file) if events_file.exists() else []:
        score.gold_events += 1
        if event_holds(g, loaded.events):
            score.found_events += 1
        else:
            score.missed_events.append(f"L{g['line']} {g['kind']}/{g['status']} {g['start_utc'] or '-'} "
                                       f"[{g['actors']}] {g['quote'][:60]!r}")
    return score


def corpus_articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if (folder / (p.name[:-4] + ".mentions.csv")).exists())
