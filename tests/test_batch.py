"""python -m timeline batch (DESIGN.md §8): a folder or glob of articles into one Parquet event table.

The batch must give, file by file, what `events` and `extract` give for that file; in process, in a
process pool and on a Dask cluster alike. Dask runs on a LocalCluster bound to 127.0.0.1; every wait is
bounded (SIGALRM), so a stuck cluster fails the test instead of hanging it.
"""
from __future__ import annotations

import io
import json
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.helpers import cli
from timeline import batch
from timeline.pipeline import load
from timeline.schema import EVENT_SCHEMA
from timeline.views.export import records

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
G20 = CORPUS / "g20-bali-2022-11-14.en"          # + .txt / .meta.toml
EN = "Air Force One landed at 10:22 a.m. local time. The talks began at 11:30 a.m. and ended at 2:45 p.m.\n"


@contextmanager
def deadline(seconds: int):
    def expired(signum, frame):
        raise TimeoutError(f"no result within {seconds} s")
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(*argv, timeout=180):
    with deadline(timeout):
        return cli("batch", *argv)


def tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(out), pd.read_parquet(batch.mentions_path(out))


def corpus_paths() -> list[Path]:
    return batch.find_articles(CORPUS)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The whole test corpus, in process: (events, mentions, stderr)."""
    out = tmp_path_factory.mktemp("plain") / "corpus.parquet"
    code, stdout, err = run(CORPUS, "--out", out, "--workers", 1)
    assert code == 0, err
    assert stdout == ""
    return (*tables(out), err)


def test_finds_every_article_of_the_corpus():
    names = {p.name for p in corpus_paths()}
    assert {p.name for p in CORPUS.glob("*.txt")} <= names
    assert not any(n.endswith((".csv", ".toml")) for n in names)


# --------------------------------------------------------------------------- (1) events equal per file

def test_batch_events_equal_per_file_events(plain):
    events, _, _ = plain
    assert list(events.columns) == list(EVENT_SCHEMA)
    seen = []
    for path in corpus_paths():
        expected = load(path).events        # a sidecar's values, no flags: as `events PATH` reads it
        got = events[events["doc"] == batch.doc_of(path, CORPUS)].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, check_dtype=True, check_categorical=True, obj=path.name)
        seen.append(len(expected))
    assert sum(seen) == len(events) and sum(seen) > 100


def test_read_one_gives_the_events_and_mentions_of_one_file():
    events, mentions = batch.read_one(f"{G20}.txt", CORPUS, {})
    loaded = load(f"{G20}.txt")
    pd.testing.assert_frame_equal(events, loaded.events)
    assert list(mentions["start"]) == [m.start for m in loaded.mentions]
    assert set(mentions["doc"]) == {G20.name}
    with pytest.raises(batch.ArticleError, match="no such file"):
        batch.read_one(CORPUS / "missing.txt", CORPUS, {})


def test_batch_events_equal_the_events_command_json(plain):
    events, _, _ = plain
    code, out, err = cli("events", f"{G20}.txt", "--format", "json")
    assert code == 0, err
    mine = events[events["doc"] == G20.name]
    assert records(mine.reset_index(drop=True)) == json.loads(out)


def test_rows_keep_file_order(plain):
    events, _, _ = plain
    docs = list(dict.fromkeys(events["doc"]))
    assert docs == sorted(docs)


# --------------------------------------------------------------------------- (2) mentions

def test_mentions_one_row_per_mention_of_extract(plain):
    _, mentions, _ = plain
    assert list(mentions.columns) == list(batch.MENTION_SCHEMA)
    total = 0
    for path in corpus_paths():
        code, out, err = cli("extract", path)
        assert code == 0, err
        want = [{"doc": batch.doc_of(path, CORPUS), **{k: json.dumps(v) if isinstance(v, list) else v
                                                       for k, v in row.items()}} for row in json.loads(out)]
        rows = mentions[mentions["doc"] == batch.doc_of(path, CORPUS)]
        got = [{k: None if pd.isna(v) else v for k, v in r.items()} for r in rows.to_dict("records")]
        assert got == want, path.name
        total += len(want)
    assert total == len(mentions) > 100


# --------------------------------------------------------------------------- (3) bad files

@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "archive"
    (folder / "good").mkdir(parents=True)
    shutil.copy(f"{G20}.txt", folder / "good" / "g20.en.txt")
    shutil.copy(f"{G20}.meta.toml", folder / "good" / "g20.en.meta.toml")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "zone.en.txt").write_text(EN, encoding="utf-8")
    (folder / "zone.en.meta.toml").write_text('event_date = 2025-08-15\nlocal_tz = "Mars/Olympus_Mons"\n')
    (folder / "toml.en.txt").write_text(EN, encoding="utf-8")
    (folder / "toml.en.meta.toml").write_text('event_date = "2025-08-15\n')
    return folder


def test_bad_files_are_reported_and_skipped(mixed, tmp_path):
    out = tmp_path / "out.parquet"
    code, _, err = run(mixed, "--out", out, "--workers", 1)
    assert code == 0, err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4, err
    for name, words in [("binary.txt", "binary"), ("empty.txt", "empty"), ("zone.en.txt", "Mars/Olympus_Mons"),
                        ("toml.en.txt", "TOML")]:
        line = next(e for e in errors if e.startswith(f"error: {mixed / name}: "))
        assert words in line
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("1 articles, ") and " 4 failed in " in err
    events, mentions = tables(out)
    assert set(events["doc"]) == set(mentions["doc"]) == {"good/g20.en"}


def test_all_bad_exits_1_and_writes_nothing(mixed, tmp_path):
    shutil.rmtree(mixed / "good")
    out = tmp_path / "out.parquet"
    code, _, err = run(mixed, "--out", out, "--workers", 1)
    assert code == 1
    assert "0 articles, 0 events, 4 failed" in err and "nothing written" in err
    assert not out.exists() and not batch.mentions_path(out).exists()
    assert list(tmp_path.iterdir()) == [mixed]            # no temporary file left behind either


@pytest.mark.parametrize("target", ["empty-folder", "missing", "empty-folder/*.txt"])
def test_nothing_to_read_exits_1(tmp_path, target):
    (tmp_path / "empty-folder").mkdir()
    code, _, err = run(tmp_path / target, "--out", tmp_path / "o.parquet")
    assert code == 1 and err.startswith("error: ") and len(err.splitlines()) == 1, err


@pytest.mark.parametrize("argv, words", [
    (["--tz", "Mars/Olympus_Mons"], "Mars/Olympus_Mons"),
    (["--date", "2025-13-01"], "YYYY-MM-DD"),
    (["--lang", "de"], "'de'"),
    (["--workers", "0"], "--workers"),
    (["--workers", "many"], "--workers"),
], ids=["zone", "date", "lang", "workers 0", "workers word"])
def test_bad_arguments_exit_2(tmp_path, argv, words):
    code, out, err = run(CORPUS, "--out", tmp_path / "o.parquet", *argv)
    assert code == 2 and out == "" and words in err and len(err.splitlines()) == 1, err
    assert not (tmp_path / "o.parquet").exists()


def test_a_folder_out_needs_dask(tmp_path):
    code, _, err = run(CORPUS, "--out", tmp_path / "dataset")
    assert code == 2 and "--dask" in err


def test_flags_are_defaults_for_files_without_a_sidecar(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "plain.en.txt").write_text(EN, encoding="utf-8")
    shutil.copy(f"{G20}.txt", tmp_path / f"{G20.name}.txt")
    shutil.copy(f"{G20}.meta.toml", tmp_path / f"{G20.name}.meta.toml")
    flags = ["--date", "2025-08-15", "--tz", "America/Anchorage", "--lang", "en"]
    code, _, err = run(tmp_path, "--out", tmp_path / "o.parquet", "--workers", 1, *flags)
    assert code == 0, err
    events, _ = tables(tmp_path / "o.parquet")
    plain = events[events["doc"] == "a/plain.en"].reset_index(drop=True)
    want = load(tmp_path / "a" / "plain.en.txt", date="2025-08-15", tz="America/Anchorage", lang="en").events
    cols = [c for c in want.columns if c not in ("doc", "event_id")]   # doc "a/plain.en" names its folder
    pd.testing.assert_frame_equal(plain[cols], want[cols])
    assert (plain["stated_tz"] == "America/Anchorage").any()
    # The sidecar wins for its file: the flags do not move Bali's times to Anchorage.
    g20 = events[events["doc"] == G20.name].reset_index(drop=True)
    pd.testing.assert_frame_equal(g20, load(f"{G20}.txt").events)


def test_a_glob_reads_the_matching_files_with_docs_from_its_folder(tmp_path):
    out = tmp_path / "nl.parquet"
    code, _, err = run(f"{CORPUS}/*.nl.txt", "--out", out, "--workers", 1)
    assert code == 0, err
    events, _ = tables(out)
    want = {p.name[:-4] for p in CORPUS.glob("*.nl.txt")}
    assert set(events["doc"]) == want and len(want) >= 5


def test_progress_bar_on_a_terminal_summary_always(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    files = [CORPUS / "g20-bali-2022-11-14.en.txt", CORPUS / "koningsdag-2024-04-27.nl.txt"]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
        shutil.copy(f.with_name(f.name[:-4] + ".meta.toml"), tmp_path / (f.name[:-4] + ".meta.toml"))
    term = Terminal()
    batch.run_batch(tmp_path, tmp_path / "o.parquet", workers=1, stderr=term)
    shown = term.getvalue()
    assert "\r[" in shown and "] 2/2 articles" in shown
    assert shown.splitlines()[-1].startswith("2 articles, ")
    plain = io.StringIO()
    batch.run_batch(tmp_path, tmp_path / "o.parquet", workers=1, stderr=plain)
    assert "\r" not in plain.getvalue() and plain.getvalue().startswith("2 articles, ")


def test_articles_without_times_give_an_empty_table_with_its_columns(tmp_path):
    (tmp_path / "quiet.en.txt").write_text("The summit ended without an agreement.\n", encoding="utf-8")
    code, _, err = run(tmp_path, "--out", tmp_path / "o.parquet", "--workers", 1, "--tz", "UTC", "--date",
                       "2025-08-15")
    assert code == 0 and err.startswith("1 articles, 0 events, 0 failed"), err
    events, mentions = tables(tmp_path / "o.parquet")
    assert list(events.columns) == list(EVENT_SCHEMA) and len(events) == 0
    assert list(mentions.columns) == list(batch.MENTION_SCHEMA) and len(mentions) == 0


# --------------------------------------------------------------------------- (4) process pool

def test_two_workers_give_the_same_tables(plain, tmp_path):
    out = tmp_path / "w2.parquet"
    code, _, err = run(CORPUS, "--out", out, "--workers", 2)
    assert code == 0, err
    events, mentions = tables(out)
    pd.testing.assert_frame_equal(events, plain[0])
    pd.testing.assert_frame_equal(mentions, plain[1])


@pytest.mark.parametrize("workers", [1, 2])
def test_row_groups_stream_in_file_order(plain, tmp_path, monkeypatch, workers):
    monkeypatch.setattr(batch, "GROUP_SIZE", 3)          # memory holds 3 articles' tables at a time
    out = tmp_path / "groups.parquet"
    code, _, err = run(CORPUS, "--out", out, "--workers", workers)
    assert code == 0, err
    assert pq.ParquetFile(out).metadata.num_row_groups > 3
    events, mentions = tables(out)
    pd.testing.assert_frame_equal(events, plain[0])
    pd.testing.assert_frame_equal(mentions, plain[1])


def test_two_workers_report_bad_files_too(mixed, tmp_path):
    code, _, err = run(mixed, "--out", tmp_path / "o.parquet", "--workers", 2)
    assert code == 0 and err.count("error: ") == 4, err


# --------------------------------------------------------------------------- (6) .md and .html

def test_md_and_html_are_read_with_their_sidecars(tmp_path):
    text = Path(f"{G20}.txt").read_text(encoding="utf-8")
    (tmp_path / "web").mkdir()
    (tmp_path / "notes.en.md").write_text(text, encoding="utf-8")
    shutil.copy(f"{G20}.meta.toml", tmp_path / "notes.en.meta.toml")
    # HTML around each line, on the same line: blanking keeps offsets and line numbers.
    html = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in text.split("\n")) + "</body></html>\n"
    (tmp_path / "web" / "page.en.html").write_text(html, encoding="utf-8")
    shutil.copy(f"{G20}.meta.toml", tmp_path / "web" / "page.en.meta.toml")
    out = tmp_path / "o.parquet"
    code, _, err = run(tmp_path, "--out", out, "--workers", 1)
    assert code == 0 and " 0 failed " in err, err
    events, mentions = tables(out)
    assert set(events["doc"]) == {"notes.en", "web/page.en"}
    want = load(f"{G20}.txt").events
    cols = [c for c in want.columns if c not in ("doc", "event_id", "quote", "sources", "span_start", "span_end")]
    for doc in ("notes.en", "web/page.en"):
        got = events[events["doc"] == doc].reset_index(drop=True)
        # Times in Bali's zone come from the sidecar (a .md's sidecar is NAME.meta.toml, not NAME.md.meta.toml).
        pd.testing.assert_frame_equal(got[cols], want[cols], obj=doc)
    md = events[events["doc"] == "notes.en"].reset_index(drop=True)
    pd.testing.assert_frame_equal(md.drop(columns=["doc", "event_id"]), want.drop(columns=["doc", "event_id"]))
    assert (mentions["doc"] == "web/page.en").sum() == (mentions["doc"] == "notes.en").sum() > 10


# --------------------------------------------------------------------------- (5) Dask

@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with deadline(120):
        # No dashboard; the scheduler's bare HTTP server (health checks) on a free loopback port, not 8787.
        local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                         dashboard_address=None, host="127.0.0.1",
                                         scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    try:
        yield local.scheduler_address
    finally:
        with deadline(60):
            local.close()


def test_dask_to_one_file_gives_the_plain_rows(cluster, plain, tmp_path):
    out = tmp_path / "dask.parquet"
    code, _, err = run(CORPUS, "--out", out, "--dask", cluster)
    assert code == 0, err
    events, mentions = tables(out)
    pd.testing.assert_frame_equal(events, plain[0])
    pd.testing.assert_frame_equal(mentions, plain[1])


def test_dask_to_a_folder_writes_a_partitioned_dataset(cluster, plain, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "PART_SIZE", 5)          # several parts from a small corpus
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "part-99999.parquet").write_text("stale part of an earlier run")
    code, _, err = run(CORPUS, "--out", out, "--dask", cluster)
    assert code == 0, err
    parts = sorted(p.name for p in out.iterdir())
    assert parts == [f"part-{i:05d}.parquet" for i in range(-(-len(corpus_paths()) // 5))]
    assert sorted(p.name for p in batch.mentions_path(out).iterdir()) == parts
    events, mentions = tables(out)
    pd.testing.assert_frame_equal(events, plain[0])
    pd.testing.assert_frame_equal(mentions, plain[1])


@pytest.mark.parametrize("name", ["ds", "ds.parquet"])
def test_dask_reports_bad_files(cluster, mixed, tmp_path, name):
    code, _, err = run(mixed, "--out", tmp_path / name, "--dask", cluster)
    assert code == 0, err
    assert err.count("error: ") == 4 and f"error: {mixed / 'binary.txt'}: " in err, err
    events, _ = tables(tmp_path / name)
    assert set(events["doc"]) == {"good/g20.en"}


def test_unreachable_scheduler_exits_1(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", 3)
    code, _, err = run(CORPUS, "--out", tmp_path / "o.parquet", "--dask", "tcp://127.0.0.1:9", timeout=120)
    assert code == 1 and err.startswith("error: "), err


def test_on_a_terminal_errors_print_above_the_bar(mixed, tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    term = Terminal()
    batch.run_batch(mixed, tmp_path / "o.parquet", workers=1, stderr=term)
    lines = term.getvalue().split("\n")
    errors = [line for line in lines if "error: " in line]
    # What the terminal shows of each: the bar line cleared ("\r\x1b[K"), then the error.
    assert len(errors) == 4 and all(e.split("\r\x1b[K")[-1].startswith("error: ") for e in errors)
    assert lines[-2].startswith("1 articles, ") and "] 5/5 articles" in lines[-3]
