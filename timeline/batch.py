"""python -m timeline batch DIR|GLOB --out OUT: an archive of articles into one event table (DESIGN.md §8).

Inputs: every `.txt`, `.md`, `.html`, `.htm` file under DIR (recursively; hidden folders such as .git are
skipped) or matching GLOB (`**` allowed). Each file is read as `extract` reads it (same decoding, HTML
blanked); its sidecar is `NAME.meta.toml` beside `NAME.EXT`. The flags --date/--tz/--lang/--published are
defaults for files without a sidecar; a file with one takes its values from it alone. Unlike `extract`,
a sidecar that does not parse (bad TOML, unknown zone or language, bad date) fails its file: in a batch
nobody reads per-file warnings, and metadata someone wrote but the engine ignored gives wrong instants.

Outputs (doc = the file's path relative to DIR, or to GLOB's folder part, without its extension, "/"):
- `--out FILE.parquet`: the event table (schema.EVENT_SCHEMA) in FILE.parquet and the mentions (one row
  per mention: doc + the fields of Mention.to_json(), lists as JSON text) in FILE.mentions.parquet,
  both appended a row group (GROUP_SIZE files) at a time in file order: memory holds one group's
  tables, not the archive's. With --dask the results travel back to this process, which writes the files.
- `--dask ADDRESS --out FOLDER`: a partitioned dataset, written by the workers:
  FOLDER/part-00000.parquet ... (events) and FOLDER.mentions/part-00000.parquet ... (mentions), one part
  per group of up to PART_SIZE files, in file order. `pd.read_parquet(FOLDER)` reads it back whole.
  Earlier `part-*.parquet` files in those two folders are removed first.
With Dask the workers open the article paths and the output folder themselves: they need the same paths
(a shared file system) and this package importable in the same versions.

Exit codes: 0 when at least one article was read, 1 when none, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import glob
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .errors import ArticleError, TimelineError
from .pipeline import read
from .schema import make_table
from .text.article import article_from_text, meta_path, read_meta, read_text
from .text.dates import parse_date
from .text.langdata import available
from .text.zones import zone_name

SUFFIXES = (".txt", ".md", ".html", ".htm")
PART_SIZE = 64            # files per part file of a Dask dataset: few, not tiny, files
GROUP_SIZE = 512          # files per row group of a single-file table: what memory holds at a time
MAX_CHUNK = 32            # files per process-pool task: amortises pickling, still balances the load
CONNECT_TIMEOUT = 30      # seconds to reach a Dask scheduler before giving up

# doc, then Mention.to_json() in its order. Fixed dtypes, so every part of a dataset has one schema even
# when a column is all null in it.
MENTION_SCHEMA = {"doc": "string", "start": "Int64", "end": "Int64", "text": "string", "kind": "string",
                  "utc": "string", "local": "string", "tz": "string", "tz_source": "string",
                  "date_source": "string", "modifier": "string", "earliest": "string", "latest": "string",
                  "minutes": "string", "pair": "Int64", "conflict": "string", "flags": "string",
                  "line": "Int64", "rule": "string"}


class BatchError(TimelineError):
    """Nothing to do: the target names no articles, or no article could be read (exit 1)."""


class Outcome(NamedTuple):
    """One file's result; events and mentions are None when it failed, error is None when it did not."""
    path: str
    events: pd.DataFrame | None
    mentions: list[dict] | None       # rows of MENTION_SCHEMA
    error: str | None
    size: int                 # bytes of the file
    n_events: int = 0
    n_mentions: int = 0
    files: int = 1            # more for a group's tables combined on a Dask worker


@dataclass
class Summary:
    articles: int = 0
    events: int = 0
    mentions: int = 0
    failed: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.articles} articles, {self.events} events, {self.failed} failed "
                f"in {self.seconds:.1f} s")


# --- finding and reading ---------------------------------------------------------------------------
def is_glob(target: str) -> bool:
    return glob.has_magic(target)


def root_of(target) -> Path:
    """What docs are relative to: DIR itself, a file's folder, or a glob's folder part before its first
    wildcard ("archive/2024/*/*.txt" -> archive/2024)."""
    target = str(target)
    if not is_glob(target):
        path = Path(target)
        return path if path.is_dir() else path.parent
    fixed = []
    for part in Path(target).parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def find_articles(target) -> list[Path]:
    """The article files of a folder (recursively) or a glob, sorted, so the table's order is stable."""
    target = str(target)
    if is_glob(target):
        found = [Path(p) for p in glob.glob(target, recursive=True)]
    elif Path(target).is_dir():
        root = Path(target)
        found = [p for p in root.rglob("*")
                 if not any(part.startswith(".") for part in p.relative_to(root).parts[:-1])]
    elif Path(target).exists():
        found = [Path(target)]
    else:
        raise BatchError(f"{target}: no such file or folder; give a folder of articles or a glob such as "
                         "'archive/**/*.txt'")
    return sorted(p for p in found if p.suffix.lower() in SUFFIXES and p.is_file())


def doc_of(path: Path, root: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def load_sidecar(sidecar: Path) -> dict:
    """The sidecar's metadata, or ArticleError naming what to fix."""
    meta = read_meta(sidecar)
    try:
        if meta.get("local_tz") is not None:
            zone_name(meta["local_tz"])
        parse_date(meta.get("event_date"))
        parse_date(meta.get("published"))
    except TimelineError as exc:
        raise ArticleError(f"{sidecar.name}: {exc}") from None
    if meta.get("language") not in (None, *available()):
        raise ArticleError(f"{sidecar.name}: language {meta['language']!r} is not one of {available()}")
    return meta


def mention_rows(doc: str, mentions) -> list[dict]:
    rows = []
    for m in mentions:
        row = {"doc": doc, **m.to_json()}
        for key, value in row.items():
            if isinstance(value, (list, dict)):
                row[key] = json.dumps(value, ensure_ascii=False)
        rows.append(row)
    return rows


def mentions_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(MENTION_SCHEMA)).astype(MENTION_SCHEMA)


def read_one(path, root, defaults: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, mentions) of one article file; raises TimelineError (or a bug's exception) when it fails.
    `defaults`: date, tz, lang, published flags for a file without a sidecar."""
    events, rows = read_rows(path, root, defaults)
    return events, mentions_frame(rows)


def read_rows(path, root, defaults: dict) -> tuple[pd.DataFrame, list[dict]]:
    # Mentions as plain rows: one DataFrame per article costs more than reading it (pandas, not the
    # engine, dominates short articles), so the mention table is built once per batch or part.
    path, root = Path(path), Path(root)
    text, warnings = read_text(path)
    sidecar = meta_path(path)
    has_sidecar = sidecar.exists()
    meta = load_sidecar(sidecar) if has_sidecar else {}
    flags = {} if has_sidecar else {k: v for k, v in defaults.items() if v is not None}
    art = article_from_text(text, meta, doc_of(path, root), path=path, warnings=warnings, **flags)
    loaded = read(art)
    return loaded.events, mention_rows(art.doc, loaded.mentions)


def read_safe(path, root, defaults: dict) -> Outcome:
    """read_one that never raises: one bad file (or an engine bug on odd text) must not stop an archive."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    try:
        events, mentions = read_rows(path, root, defaults)
        return Outcome(str(path), events, mentions, None, size, len(events), len(mentions))
    except TimelineError as exc:
        return Outcome(str(path), None, None, reason(exc, path), size)
    except Exception as exc:  # noqa: BLE001 - reported per file, the batch goes on
        return Outcome(str(path), None, None, f"internal error {type(exc).__name__}: {exc}", size)


def read_many(paths: list, root, defaults: dict) -> list[Outcome]:
    return [read_safe(p, root, defaults) for p in paths]


def reason(exc: Exception, path) -> str:
    """The message without the path it may start with: the report puts the path in front itself."""
    text = str(exc)
    for prefix in (str(path), os.path.abspath(path)):
        if text.startswith(prefix):
            return text[len(prefix):].lstrip(": ")
    return text


# --- tables and files ------------------------------------------------------------------------------
def collate(outcomes) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events and mentions of the read files, in file order, with the schemas' dtypes even when empty."""
    events = [o.events for o in outcomes if o.events is not None and len(o.events)]
    ev = pd.concat(events, ignore_index=True) if events else make_table([])
    return ev, mentions_frame([row for o in outcomes if o.mentions for row in o.mentions])


def mentions_path(out: Path) -> Path:
    """FILE.parquet -> FILE.mentions.parquet; FOLDER -> FOLDER.mentions"""
    if out.suffix == ".parquet":
        return out.with_name(out.name[: -len(".parquet")] + ".mentions.parquet")
    return out.with_name(out.name + ".mentions")


def temporary(path: Path) -> Path:
    # Written under a temporary name and renamed when whole: a crash or a reader never sees half a table.
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    tmp = temporary(path)
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


class ParquetSink:
    """FILE.parquet and FILE.mentions.parquet, appended to in file order a row group at a time, so memory
    holds one group of articles, not the archive."""

    def __init__(self, out: Path, group: int | None = None):
        import pyarrow as pa                    # noqa: PLC0415 - only batch needs it; the CLI starts faster
        self.targets = [out, mentions_path(out)]
        self.schemas = [pa.Schema.from_pandas(frame, preserve_index=False)
                        for frame in (make_table([]), mentions_frame([]))]
        self.writers: list = [None, None]
        self.group, self.buffer = group or GROUP_SIZE, []

    def add(self, outcomes) -> None:
        self.buffer += [o for o in outcomes if o.error is None]
        if sum(o.files for o in self.buffer) >= self.group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa                    # noqa: PLC0415
        import pyarrow.parquet as pq            # noqa: PLC0415
        frames, self.buffer = collate(self.buffer), []
        for i, frame in enumerate(frames):
            if self.writers[i] is None:
                self.writers[i] = pq.ParquetWriter(temporary(self.targets[i]), self.schemas[i])
            if len(frame):
                self.writers[i].write_table(pa.Table.from_pandas(frame, schema=self.schemas[i],
                                                                 preserve_index=False))

    def close(self, keep: bool) -> None:
        """Keep: finish both files (an empty table still gets its columns); else leave nothing behind."""
        if keep:
            self.flush()
        for target, writer in zip(self.targets, self.writers):
            if writer is None:
                continue
            writer.close()
            if keep:
                os.replace(writer.where, target)
            else:
                os.remove(writer.where)


def combine(outcomes: list[Outcome]) -> tuple[list[Outcome], Outcome]:
    """A group's outcomes without their tables, and one outcome holding the group's tables (a Dask task
    on a worker): one transfer per group, not one round trip per file."""
    ok = [o for o in outcomes if o.error is None]
    events = [o.events for o in ok if len(o.events)]
    group = Outcome("", pd.concat(events, ignore_index=True) if events else make_table([]),
                    [row for o in ok for row in o.mentions], None, 0, files=len(ok))
    return [slim(o) for o in outcomes], group


def write_part(index: int, width: int, outcomes: list[Outcome], folder: str) -> tuple[list[Outcome], None]:
    """One part of a dataset (a Dask task on a worker); returns the outcomes without their tables, so
    the tables stay on the workers."""
    read_ok = [o for o in outcomes if o.error is None]
    if read_ok:
        events, mentions = collate(read_ok)
        name = f"part-{index:0{width}d}.parquet"
        write_parquet(events, Path(folder) / name)
        write_parquet(mentions, mentions_path(Path(folder)) / name)
    return [slim(o) for o in outcomes], None


def slim(o: Outcome) -> Outcome:
    return o._replace(events=None, mentions=None)


def clear_parts(folder: Path) -> None:
    for old in [*folder.glob("part-*.parquet"), *mentions_path(folder).glob("part-*.parquet")]:
        old.unlink()


# --- running ---------------------------------------------------------------------------------------
class Progress:
    """Counts outcomes and reports each failure as it comes ("error: PATH: message"); on a terminal also
    `[#######.....] 120/5000 articles`, redrawn at most every 0.1 s."""

    def __init__(self, total: int, stream, width: int = 30):
        self.total, self.stream, self.width, self.done, self.last = total, stream, width, 0, 0.0
        self.live = bool(getattr(stream, "isatty", lambda: False)())

    def advance(self, outcomes=(), n: int | None = None) -> None:
        for o in outcomes:
            if o.error:
                self.report(f"error: {o.path}: {o.error}")
        self.done += len(outcomes) if n is None else n
        now = time.monotonic()
        if self.live and (now - self.last >= 0.1 or self.done >= self.total):
            self.last = now
            self.draw()

    def draw(self) -> None:
        filled = self.width * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} articles")
        self.stream.flush()

    def report(self, line: str) -> None:
        if self.live:                   # over the bar, then the bar again below it
            self.stream.write("\r\x1b[K" + line + "\n")
            self.draw()
        else:
            print(line, file=self.stream)

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


class InOrder:
    """Results arrive in any order; `sink` gets them in file order, and only slim outcomes are kept."""

    def __init__(self, count: int, sink):
        self.sink, self.waiting, self.next, self.kept = sink, {}, 0, [None] * count

    def put(self, index: int, outcomes: list[Outcome]) -> None:
        self.waiting[index] = outcomes
        while self.next in self.waiting:
            ready = self.waiting.pop(self.next)
            self.sink(ready)
            self.kept[self.next] = [slim(o) for o in ready]
            self.next += 1

    def outcomes(self) -> list[Outcome]:
        return [o for part in self.kept for o in part]


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def pool_context():
    """forkserver, not fork: the caller may hold threads (a Dask client, Streamlit), and forking a
    threaded process can deadlock the child. The server imports this module once (single-threaded, so
    safe to fork from), and each worker starts with pandas and the engine already loaded."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def run_local(paths, root, defaults, workers: int, progress: Progress, sink) -> list[Outcome]:
    if workers <= 1 or len(paths) <= 1:
        order = InOrder(len(paths), sink)
        for i, p in enumerate(paths):
            outcome = [read_safe(p, root, defaults)]
            progress.advance(outcome)
            order.put(i, outcome)
        return order.outcomes()
    # Small enough chunks that every worker gets several (load balance), large enough to amortise.
    size = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    parts = chunks(paths, size)
    order = InOrder(len(parts), sink)
    with ProcessPoolExecutor(min(workers, len(parts)), mp_context=pool_context()) as pool:
        futures = {pool.submit(read_many, part, root, defaults): i for i, part in enumerate(parts)}
        for fut in as_completed(futures):
            progress.advance(fut.result())
            order.put(futures.pop(fut), fut.result())    # pop: a future holds its result until dropped
    return order.outcomes()


def run_dask(paths, root, defaults, address: str, out: Path, progress: Progress, sink) -> list[Outcome]:
    """With `sink`, the tables come back here in file order; without, the workers write a dataset."""
    from distributed import Client
    from distributed import as_completed as dask_completed

    # Workers may run elsewhere with another working folder: give them absolute paths.
    absolute = [os.path.abspath(p) for p in paths]
    root = os.path.abspath(root)
    shown = dict(zip(absolute, map(str, paths)))        # report paths as the user gave them
    dataset = sink is None

    def as_given(o: Outcome) -> Outcome:
        return o._replace(path=shown.get(o.path, o.path))

    with Client(address, timeout=CONNECT_TIMEOUT) as client:
        # One task per file; pure=False: it reads a file that may change between runs, so never reuse a
        # cached result. Then one task per group of files on the workers: it writes a part of the
        # dataset, or combines the group's tables for this process to append to the single file.
        reads = client.map(read_safe, absolute, root=root, defaults=defaults, pure=False)
        groups = chunks(reads, PART_SIZE)
        del reads                                      # the cluster frees each file's tables once grouped
        if dataset:
            clear_parts(out)
            width = max(5, len(str(len(groups))))
            tasks = [client.submit(write_part, i, width, group, str(out), pure=False)
                     for i, group in enumerate(groups)]
        else:
            tasks = [client.submit(combine, group, pure=False) for group in groups]
        del groups
        index = {task.key: i for i, task in enumerate(tasks)}
        order = InOrder(len(tasks), sink or (lambda _: None))
        files: list = [None] * len(tasks)
        for done in dask_completed(tasks).batches():
            for task, (outcomes, tables) in zip(done, client.gather(done)):
                files[index[task.key]] = [as_given(o) for o in outcomes]
                progress.advance(files[index[task.key]])
                order.put(index[task.key], [] if tables is None else [tables])
                task.release()
    return [o for part in files for o in part]


def check_defaults(defaults: dict) -> None:
    """Bad flag values are bad arguments (exit 2), found before any file is read."""
    if defaults.get("tz") is not None:
        zone_name(defaults["tz"])
    parse_date(defaults.get("date"))
    parse_date(defaults.get("published"))


def run_batch(target, out, *, defaults: dict | None = None, workers: int | None = None,
              dask: str | None = None, stderr=None) -> Summary:
    """Read every article of `target` and write the tables to `out`; failures go to `stderr`, one line
    each. Raises TimelineError for bad flags and BatchError when no article could be read."""
    stderr = stderr or sys.stderr
    defaults = dict(defaults or {})
    check_defaults(defaults)
    out = Path(out)
    started = time.perf_counter()
    paths = find_articles(target)
    if not paths:
        raise BatchError(f"{target}: no articles ({', '.join(SUFFIXES)}) found")
    root = root_of(target)
    progress = Progress(len(paths), stderr)
    dataset = bool(dask) and out.suffix != ".parquet"   # written by the workers, not through a sink
    sink = None if dataset else ParquetSink(out)
    outcomes = []
    try:
        if dask:
            outcomes = run_dask(paths, root, defaults, dask, out, progress, sink and sink.add)
        else:
            outcomes = run_local(paths, root, defaults, workers or os.cpu_count() or 1, progress, sink.add)
    finally:
        progress.close()
        failed = sum(1 for o in outcomes if o.error)
        if sink:
            sink.close(keep=len(outcomes) > failed)
    summary = Summary(articles=len(outcomes) - failed, failed=failed, bytes=sum(o.size for o in outcomes),
                      events=sum(o.n_events for o in outcomes), mentions=sum(o.n_mentions for o in outcomes),
                      seconds=time.perf_counter() - started)
    print(summary.line(), file=stderr)
    if not summary.articles:
        raise BatchError(f"none of the {len(paths)} files could be read; nothing written")
    return summary


# --- command line ----------------------------------------------------------------------------------
def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--workers takes a whole number of processes, 1 or more, not {text!r}")
    return value


def add_parser(sub) -> None:
    p = sub.add_parser("batch", help="every article of a folder or glob into one Parquet event table")
    p.add_argument("target", metavar="DIR|GLOB", help="a folder (read recursively) or a glob such as "
                   "'archive/**/*.txt' (quote it); .txt, .md, .html files with NAME.meta.toml sidecars")
    p.add_argument("--out", required=True, help="FILE.parquet (mentions go to FILE.mentions.parquet); with "
                   "--dask also a FOLDER for a partitioned dataset (mentions in FOLDER.mentions)")
    p.add_argument("--date", help="event date YYYY-MM-DD for files without a sidecar")
    p.add_argument("--published", help="publication date YYYY-MM-DD for files without a sidecar")
    p.add_argument("--tz", help="IANA zone 'local time' means, for files without a sidecar")
    p.add_argument("--lang", choices=available(), help="language of files without a sidecar (else detected)")
    p.add_argument("--workers", type=positive, help="processes (default: all cores); 1 runs in this process")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://scheduler:8786")


def command(args, stderr) -> int:
    if not args.dask and not args.out.endswith(".parquet"):
        print(f"error: --out {args.out!r}: give FILE.parquet (a folder dataset needs --dask) (see --help)",
              file=stderr)
        return 2
    defaults = {"date": args.date, "tz": args.tz, "lang": args.lang, "published": args.published}
    try:
        run_batch(args.target, args.out, defaults=defaults, workers=args.workers, dask=args.dask,
                  stderr=stderr)
    except BatchError as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    except TimelineError as exc:          # a bad --tz, --date or --published
        print(f"error: {exc} (see --help)", file=stderr)
        return 2
    except ImportError as exc:
        print(f"error: --dask needs dask[distributed] ({exc}); pip install -r requirements.txt", file=stderr)
        return 1
    except OSError as exc:                # the scheduler cannot be reached, the output cannot be written
        print(f"error: {exc}", file=stderr)
        return 1
    return 0
