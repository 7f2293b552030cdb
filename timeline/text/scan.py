"""Finds where times, durations and dates are written, and the words around them.

Language-free: every word and pattern comes from a `Language` (langdata.py). Rules run only in
windows around anchors (digits, unit and number words) so a long article costs little.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass

from .langdata import Language, Rule, abbreviations, norm, places

LEFT_REACH = 32              # characters before a time searched for a modifier ("ergens rond", "om ongeveer")
PAREN_AFTER = re.compile(r"[ \t]*\((?P<inner>[^()\n]{1,80})\)")
SPACE = re.compile(r"[ \t]*")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*[ \t]+(?=[\"“‘(\[]?[A-ZÀ-ÖØ-ÞĲ])")


@dataclass
class Hit:
    rule: Rule
    match: re.Match
    start: int               # span, without lead/trail
    end: int
    outer_start: int         # what the rule consumed, for overlap decisions
    outer_end: int
    mod_text: str | None = None
    prep: bool = False
    daypart: str | None = None
    sharp: bool = False
    zone: str | None = None          # IANA name or "LOCAL"
    zone_text: str | None = None
    zone_abbr: str | None = None
    zone_place: bool = False         # the zone is a place ("in Houston"), not a zone's name
    core_end: int | None = None      # where the time ends before its zone words (a weekday there is a date)


# Characters around an anchor where a match may lie, per kind: (before, after).
REACH = {"digit": (12, 16), "unit": (28, 16), "special": (24, 24)}


def occurrences(text: str, chars: str) -> list[int]:
    """Offsets of each of `chars` in text: str.find per character beats a regex scan tenfold."""
    out = []
    find = text.find
    for c in chars:
        i = find(c)
        while i >= 0:
            out.append(i)
            i = find(c, i + 1)
    return out


def windows(text: str, lang: Language) -> dict[str, list[tuple[int, int]]]:
    """Merged ranges of text around anchors, per anchor kind."""
    # A generator: a text of digits would otherwise hold a tuple per character (~130 bytes each).
    found = {"digit": ((i, i + 1) for i in sorted(occurrences(text, "0123456789")))}
    lowered = text.lower()
    if len(lowered) != len(text):         # "İ" lowers to two characters: keep offsets aligned
        lowered = text.translate(ASCII_LOWER)
    for kind, words in lang.anchors.items():
        if kind not in REACH:
            continue
        spots = []
        whole = set(words)
        for w in prefixes(words):
            i = lowered.find(w)
            while i >= 0:
                j = i + len(w)
                # Whole words only: "dag" in "vrijdag" is no anchor, "dagen" is.
                if i == 0 or not lowered[i - 1].isalpha():
                    while j < len(lowered) and lowered[j].isalpha():
                        j += 1
                    if lowered[i:j] in whole:
                        spots.append((i, j))
                i = lowered.find(w, j)
        found[kind] = sorted(spots)
    out = {}
    for kind, spots in found.items():
        before, after = REACH[kind]
        merged: list[list[int]] = []
        for a, b in spots:
            lo, hi = max(0, a - before), min(len(text), b + after)
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        out[kind] = [(a, b) for a, b in merged]
    return out


@lru_cache(maxsize=64)
def prefixes(words: tuple) -> list[str]:
    """The words that are not an extension of another ("dag" covers "dagen")."""
    ordered = sorted(words)
    return [w for i, w in enumerate(ordered) if not any(w.startswith(p) for p in ordered[:i])]


def find(text: str, rules, spans) -> list[Hit]:
    """Every match of every rule; `spans` is a list of ranges or windows() per anchor kind."""
    hits = []
    by_kinds: dict = {}
    for rule in rules:
        if isinstance(spans, dict):
            if rule.anchors not in by_kinds:
                by_kinds[rule.anchors] = sorted(r for kind in rule.anchors for r in spans.get(kind, ()))
            ranges = by_kinds[rule.anchors]
        else:
            ranges = spans
        last_end = -1
        for lo, hi in ranges:
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() == m.start() or m.start() < last_end:
                    continue
                last_end = m.end()
                start = m.end("lead") if "lead" in rule.regex.groupindex and m.group("lead") else m.start()
                end = m.start("trail") if "trail" in rule.regex.groupindex and m.group("trail") else m.end()
                hits.append(Hit(rule, m, start, end, m.start(), m.end()))
    return hits


def non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Longest first; among equals the earlier section and rule. Result in text order."""
    order = {"clock": 0, "duration": 1, "date": 2}
    if not hits:
        return []
    lo = min(h.outer_start for h in hits)
    used = bytearray(max(h.outer_end for h in hits) - lo)
    taken: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.outer_end - h.outer_start), order.get(h.rule.section, 3),
                                         h.rule.order, h.outer_start)):
        a, b = h.outer_start - lo, h.outer_end - lo
        if not any(used[a:b]):
            used[a:b] = b"\x01" * (b - a)
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


def match_zone(text: str, pos: int, lang: Language) -> tuple[str, str, str | None, int, bool] | None:
    """A zone written at `pos` (after spaces, maybe in parentheses, maybe after a weekday): (zone, text,
    abbr, end, whether it is a place rather than a zone name)."""
    found = _match_zone(text, pos, lang)
    if found is None and lang.zone_lead is not None:
        lead = lang.zone_lead.match(text, SPACE.match(text, pos).end())
        if lead:
            found = _match_zone(text, lead.end(), lang)
    return found


def _match_zone(text: str, pos: int, lang: Language) -> tuple[str, str, str | None, int, bool] | None:
    p = SPACE.match(text, pos).end()
    opened = p < len(text) and text[p] == "("
    q = SPACE.match(text, p + 1).end() if opened else p
    best = None
    m = lang.zone_words.match(text, q)
    if m:
        if m.group("zabbr"):
            best = (abbreviations()[m.group("zabbr")]["zone"], m.group(0), m.group("zabbr"), m.end(), False)
        else:
            best = (lang.words["zone"][norm(m.group("zword"))], m.group(0), None, m.end(), False)
    for rule in lang.rules["zone_pattern"]:
        m = rule.regex.match(text, q)
        if m and (best is None or m.end() > best[3]):
            best = (places()[norm(m.group("place"))], m.group(0), None, m.end(), True)
    if best is None:
        return None
    if opened:
        close = SPACE.match(text, best[3]).end()
        if close >= len(text) or text[close] != ")":
            return None
        best = (best[0], best[1], best[2], close + 1, best[4])
    return best


def add_context(text: str, hit: Hit, lang: Language) -> None:
    """Modifier and preposition before the time; day part, 'sharp' and zone after it."""
    left = text[max(0, hit.start - LEFT_REACH):hit.start]
    m = lang.left.search(left)
    if m:
        if m.group("mod"):
            hit.mod_text = m.group("mod")
            hit.start -= len(left) - m.start("mod")
        hit.prep = m.end() > m.start()      # some preposition or modifier stands right before
    if "lead" in hit.rule.regex.groupindex and hit.match.group("lead"):
        hit.prep = True
    pos = hit.end
    if lang.daypart is not None:
        d = lang.daypart.match(text, pos)
        if d:
            hit.daypart = lang.words["daypart"][norm(d.group("daypart"))]
            pos = hit.end = d.end()
    if lang.exact_suffix is not None:
        s = lang.exact_suffix.match(text, pos)
        if s:
            hit.sharp = True
            hit.mod_text = s.group("sharp")   # a word that says how exact: a pair must not override it
            pos = hit.end = s.end()
    hit.core_end = pos
    z = match_zone(text, pos, lang)
    if z:
        hit.zone, hit.zone_text, hit.zone_abbr, hit.end, hit.zone_place = z
        return
    # "5:45 p.m. (4:45 a.m. Kyiv time on Saturday) local time": the zone after the parenthesis.
    p = PAREN_AFTER.match(text, pos)
    if p and any(c.isdigit() for c in p.group("inner")):
        z = match_zone(text, p.end(), lang)
        if z:
            hit.zone, hit.zone_text, hit.zone_abbr, hit.zone_place = z[0], z[1], z[2], z[4]


def add_duration_context(text: str, hit: Hit, lang: Language) -> None:
    """A modifier right before a duration ("bijna drie uur") joins its span."""
    if lang.duration_left is None or ("dmod" in hit.match.re.groupindex and hit.match.group("dmod")):
        return
    left = text[max(0, hit.start - LEFT_REACH):hit.start]
    m = lang.duration_left.search(left)
    if m:
        hit.mod_text = m.group("dmod")
        hit.start -= len(left) - m.start("dmod")


def keep(hit: Hit) -> bool:
    needs = hit.rule.needs
    if needs == "zone":
        # "1452 GMT" is a time, "1917 in Woodside" a year: only a zone's own name makes digits a time.
        return hit.zone is not None and not hit.zone_place
    if needs == "context":
        return hit.zone is not None or hit.prep or hit.daypart is not None
    return True


def sentence_bounds(text: str, lang: Language, protected: list[tuple[int, int]],
                    every_line: bool = False) -> list[tuple[int, int]]:
    """Sentences of the lines that hold a protected span (or of every line), as (start, end), in order.

    A line break always ends a sentence; no split falls inside a protected span (a time with its zone).
    """
    out = []
    done_lines = set()
    starts = sorted(a for a, _ in protected)
    ends = {a: b for a, b in protected}
    seeds = [(m.start(), 0) for m in re.finditer(r"(?m)^", text)] if every_line else protected
    for p_start, _ in seeds:
        line_start = text.rfind("\n", 0, p_start) + 1
        if line_start in done_lines:
            continue
        done_lines.add(line_start)
        line_end = text.find("\n", p_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        cuts = [line_start]
        for m in SENTENCE_END.finditer(text, line_start, line_end):
            word = re.search(r"([\w.]+)[.!?…]*$", text[max(line_start, m.start() - 24):m.start() + 1])
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in lang.abbreviations or (len(token) == 1 and token.isalpha()):
                continue
            k = bisect_left(starts, m.start() + 1) - 1      # the last span starting at or before it
            if k >= 0 and m.start() < ends[starts[k]]:
                continue
            cuts.append(m.end())
        cuts.append(line_end)
        out.extend((a, b) for a, b in zip(cuts, cuts[1:]) if a < b)
    return sorted(out)


def paren_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of parentheses inside a sentence."""
    out, stack = [], []
    if text.find("(", start, end) < 0:
        return out
    for i in range(start, end):
        c = text[i]
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i))
    out.extend((o, end) for o in stack)
    return out


def paren_of(pos: int, ranges) -> tuple[int, int] | None:
    inner = [r for r in ranges if r[0] < pos <= r[1]]
    return max(inner) if inner else None


def detect_language(text: str, codes, loader) -> str:
    words = re.findall(r"[^\W\d_]+", text[:4000].lower())
    scores = {}
    for code in codes:
        vocab = loader(code).detect
        scores[code] = sum(1 for w in words if w in vocab)
    return max(sorted(scores), key=lambda c: scores[c]) if scores else "en"


def newline_offsets(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def line_number(newlines: list[int], pos: int) -> int:
    """1-based line of a character offset."""
    return bisect_left(newlines, pos) + 1
