"""Reading an article file and its metadata (data/NAME.txt + data/NAME.meta.toml), safely.

Bad input raises ArticleError with a message that names the problem and the fix; what can be
recovered (a wrong encoding, HTML, missing metadata) is recovered with a warning instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dates import day_of, parse_date
from ..errors import ArticleError, TimelineError
from .langdata import available, load_language, load_toml
from .scan import ASCII_LOWER, detect_language, find, line_number, newline_offsets, non_overlapping
from ..settings import MAX_ARTICLE_BYTES
from .zones import zone_name

HTML_HINT = re.compile(r"<(?:html|body|p|div|span|br|script|article|a\s|h[1-6]|img|style)\b", re.I)
# An opening of markup: a comment, a script or style block (closed by a search), or one plain tag.
# A script or style is found by its name alone and blanked through its closer, so an opening tag with
# "<" in an attribute or longer than any bound cannot leave its body behind.
HTML_OPEN = re.compile(r"<!--|<(?P<block>script|style)\b|<[^<>]{0,2000}>", re.I)


@dataclass
class Article:
    path: Path | None
    doc: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    language: str | None = None
    event_date: date | None = None
    local_tz: str | None = None
    published: date | None = None
    actors: list = field(default_factory=list)       # people the reader wants as lanes (metadata)
    aliases: dict = field(default_factory=dict)      # person -> other names the text uses for them
    warnings: list = field(default_factory=list)


TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def doc_id(path: Path) -> str:
    """data/X.nl.txt (or .md, .html) -> X.nl"""
    for suffix in TEXT_SUFFIXES:
        if path.name.lower().endswith(suffix):
            return path.name[:-len(suffix)]
    return path.stem


def meta_path(path: Path) -> Path:
    """data/X.nl.txt (or .md, .html) -> data/X.nl.meta.toml"""
    return path.with_name(doc_id(path) + ".meta.toml")


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text exactly as `open(path, encoding="utf-8", newline="")` reads it, or a
    cp1252 reading with a warning. Raises ArticleError for what cannot be read as text."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file; check the path (articles live in data/)")
    if path.is_dir():
        raise ArticleError(f"{path} is a directory; give the article's .txt file")
    try:
        size = path.stat().st_size
        raw = None if size > MAX_ARTICLE_BYTES else path.read_bytes()
    except PermissionError:
        raise ArticleError(f"{path}: permission denied; make the file readable") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc}); check the file") from None
    if raw is None:
        raise ArticleError(f"{path} is {size / 1e6:.1f} MB; the limit is {MAX_ARTICLE_BYTES / 1e6:.0f} MB "
                           "for one article: split it into articles")
    return decode(raw, str(path))


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    if not raw.strip():
        raise ArticleError(f"{name} is empty; give a file with the article's text")
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{name} looks binary (it holds NUL bytes); give a plain-text (.txt) article")
    warnings = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
            label = "Windows-1252"
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
            label = "Latin-1"
        warnings.append(f"{name} is not UTF-8 (byte {exc.start}); read it as {label}: check accented "
                        "letters, and save it as UTF-8 to silence this")
    # newline="" semantics: keep \r\n as written, so offsets match the file.
    if HTML_HINT.search(text[:20000]):
        text = blank_html(text)
        warnings.append(f"{name} looks like HTML: tags, scripts and styles were blanked (offsets kept); "
                        "give the article's plain text for best results")
    return text, warnings


def blank_html(text: str) -> str:
    """Markup replaced by spaces of the same length, so offsets still point into the file.

    Linear time: each script, style or comment is closed with one str.find from where it opens; an
    unclosed one blanks only its opening tag.
    """
    out, pos = [], 0
    lowered = text.translate(ASCII_LOWER)   # same length as text, unlike str.lower()
    unclosed: set = set()
    for m in HTML_OPEN.finditer(text):
        if m.start() < pos:
            continue
        end = m.end()
        closer = "-->" if m.group(0) == "<!--" else f"</{m.group('block').lower()}" if m.group("block") else None
        found = -1 if closer is None or closer in unclosed else lowered.find(closer, end)
        if closer is not None and found < 0:
            unclosed.add(closer)            # none later either: never search for it again
            if m.group("block"):            # blank its opening tag at least
                close = text.find(">", end, end + 2000)
                end = close + 1 if close >= 0 else end
        elif found >= 0:
            close = text.find(">", found)
            end = close + 1 if close >= 0 else found + len(closer)
        out.append(text[pos:m.start()])
        out.append(re.sub(r"[^\n]", " ", text[m.start():end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def read_meta(mp: Path) -> dict:
    """A metadata file's table; ArticleError naming the file when it is not readable TOML."""
    try:
        with mp.open("rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{mp}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ArticleError(f"{mp}: cannot read ({exc.strerror or exc})") from None


def load_meta(path: Path) -> tuple[dict, list[str]]:
    """The sidecar of the article at `path`; a broken one is ignored with a warning (batch refuses it)."""
    mp = meta_path(path)
    if not mp.exists():
        return {}, []
    try:
        return read_meta(mp), []
    except ArticleError as exc:
        return {}, [f"{exc}; metadata ignored, fix the file"]


def infer_date(text: str, lang: str) -> tuple[date, int] | None:
    """First full date in the text ("vrijdag 15 augustus 2025"), with its line."""
    language = load_language(lang)
    hits = non_overlapping(find(text, language.rules["date"], [(0, len(text))]))
    nl = newline_offsets(text)
    for h in hits:
        g = h.match.groupdict()
        got = day_of(g, language, None) if g.get("year") else None
        if got:
            return got[0], line_number(nl, h.start)
    return None


def infer_zone(text: str) -> str | None:
    """The zone of the city named first: a report names where it happens in its title or lead, and
    the capitals it talks about later (countries are ignored: they are talked about)."""
    first: dict = {}
    for zone, names in load_toml("places").get("cities", {}).items():
        for name in names:
            hit = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
            if hit:
                first[zone] = min(first.get(zone, hit.start()), hit.start())
    return min(first, key=first.get) if first else None


def people_meta(meta: dict) -> tuple[list, dict, list[str]]:
    """`actors` and `aliases` of the metadata, with a warning for each value of the wrong shape."""
    warnings = []
    actors = meta.get("actors", [])
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        warnings.append("metadata actors: give a list of names, e.g. actors = [\"Name\", \"Other Name\"]; ignored")
        actors = []
    aliases = meta.get("aliases", {})
    ok = isinstance(aliases, dict) and all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                           for v in aliases.values())
    if not ok:
        warnings.append("metadata aliases: give a table of name lists, e.g. aliases = { Name = [\"Spelling\"] };"
                        " ignored")
        aliases = {}
    return actors, aliases, warnings


def load_article(path, *, date=None, tz=None, lang=None, published=None) -> Article:
    """An article with its metadata; flags (date, tz, lang, published) override the sidecar file."""
    path = Path(path)
    text, warnings = read_text(path)
    meta, meta_warn = load_meta(path)
    return article_from_text(text, meta, doc_id(path), path=path, warnings=warnings + meta_warn, date=date,
                             tz=tz, lang=lang, published=published)


def article_from_text(text: str, meta: dict, doc: str, *, path=None, warnings=None, date=None, tz=None,
                      lang=None, published=None) -> Article:
    """An article from text already read (a file, a paste, an upload, a URL, the store) and its metadata;
    flags override the metadata, and what neither gives is inferred with a warning."""
    warnings = list(warnings or [])
    art = Article(path=path, doc=doc, text=text, title=str(meta.get("title", "")),
                  source=str(meta.get("source", "")), url=str(meta.get("url", "")), warnings=warnings)
    art.language = lang or meta.get("language")
    if art.language not in (None, *available()):
        warnings.append(f"language {art.language!r} in metadata is not available; detecting it instead")
        art.language = None
    if art.language is None:
        art.language = detect_language(text, available(), load_language)
        warnings.append(f"language not given; detected {art.language!r}")
    try:
        art.event_date = parse_date(date if date is not None else meta.get("event_date"))
    except TimelineError as exc:
        if date is not None:
            raise
        warnings.append(f"metadata event_date: {exc}")
    art.actors, art.aliases, people_warn = people_meta(meta)
    warnings += people_warn
    try:
        art.published = parse_date(published if published is not None else meta.get("published"))
    except TimelineError as exc:           # optional: never a reason to fail, unless given as a flag
        if published is not None:
            raise
        warnings.append(f"metadata published: {exc}")
    if art.event_date is None:
        found = infer_date(text, art.language)
        if found:
            art.event_date = found[0]
            warnings.append(f"no event date given; assumed {found[0].isoformat()} from line {found[1]}"
                            " (set event_date in the .meta.toml or pass --date)")
        else:
            warnings.append("no event date given or found; times stay unplaced (pass --date)")
    zone = tz if tz is not None else meta.get("local_tz")
    if zone is not None:
        try:
            art.local_tz = zone_name(zone)
        except TimelineError:
            if tz is not None:
                raise
            warnings.append(f"metadata local_tz {zone!r} is unknown; guessing from the text")
    if art.local_tz is None:
        art.local_tz = infer_zone(text)
        if art.local_tz:
            warnings.append(f"no local zone given; assumed {art.local_tz} from the places named "
                            "(set local_tz in the .meta.toml or pass --tz)")
        else:
            warnings.append("no local zone given or found; 'local time' stays unplaced (pass --tz)")
    return art
