"""Batch throughput: prints figures, asserts nothing.

    .venv/bin/python benchmarks/batch.py [--n 5000] [--workers N]

Builds N short English and Dutch articles (varied templates: clock times, zones, weekdays, durations)
in a temporary folder, 100 a subfolder, some as .md or .html; two thirds with a .meta.toml sidecar, the
rest read with --date/--tz flags as their defaults. Then runs `timeline.batch.run_batch` on it:
--workers 1, all workers, and on a Dask LocalCluster (to one file and to a folder dataset).
Each run is a child process of its own, so its peak memory (ru_maxrss of that process and of its
children: pool workers, Dask workers) is its own; with Dask "self" is the client and the LocalCluster's
scheduler together. Times exclude interpreter and cluster start-up ("setup s").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (city, IANA zone, English zone words a reporter might add, with the zone they name)
PLACES = [("Anchorage", "America/Anchorage"), ("Washington", "America/New_York"), ("Tokyo", "Asia/Tokyo"),
          ("Brussels", "Europe/Brussels"), ("Moscow", "Europe/Moscow"), ("Kyiv", "Europe/Kyiv"),
          ("Paris", "Europe/Paris"), ("London", "Europe/London"), ("Beijing", "Asia/Shanghai"),
          ("Los Angeles", "America/Los_Angeles")]
NL_CITY = {"Brussels": "Brussel", "Moscow": "Moskou", "Paris": "Parijs", "London": "Londen",
           "Beijing": "Peking", "Tokyo": "Tokio"}
PEOPLE = ["the president", "the prime minister", "the delegation", "the foreign minister", "the king",
          "the chancellor", "the secretary-general"]
MENSEN = ["de president", "de premier", "de delegatie", "de minister van Buitenlandse Zaken", "de koning",
          "de bondskanselier", "de secretaris-generaal"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NL_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]

EN = [
    "{Who} arrived in {city} at {h12}:{mm} {ap} local time.",
    "The talks began at {h12}:{mm} {ap} and lasted about {n} hours.",
    "{Who} is scheduled to leave {city} at {hh}:{mm} local time.",
    "The press conference started shortly after {h12}:{mm} {ap} ({hh2}:{mm} GMT).",
    "A working lunch planned for {h12}:30 {ap} was cancelled.",
    "Just before {h12}:{mm} {ap} {who} met reporters outside the venue.",
    "The meeting ended at {hh}:{mm} UTC, almost {n} hours after it began.",
    "{Who} landed at {h12}:{mm} {ap} Eastern Time on {weekday}.",
    "Around {h12} {ap} the motorcade left for the airport.",
    "A statement followed at {hh}:{mm} local time.",
]
NL = [
    "{Who} landde om {hh}:{mm} uur lokale tijd in {stad}.",
    "Het overleg begon rond {hh}.{mm} uur en duurde bijna {n} uur.",
    "De persconferentie is gepland om {hh}:{mm} uur Nederlandse tijd.",
    "Kort na {hh}.{mm} uur vertrok {who} weer uit {stad}.",
    "De lunch van {hh}.30 uur werd afgelast.",
    "Om {hh}:{mm} uur (Nederlandse tijd {hh2}:{mm} uur) sprak {who} de pers toe.",
    "Kort voor {hh}.{mm} uur lokale tijd kwam {who} aan.",
    "Het diner op {weekdag} begon om {hh}:{mm} uur.",
    "Rond {hh} uur 's avonds was het overleg voorbij.",
    "{Who} vertrekt {weekdag} om {hh}.{mm} uur naar huis.",
]


def article(i: int, rng: random.Random) -> tuple[str, dict, str]:
    """(text, metadata, language) of one generated article."""
    lang = "nl" if i % 2 else "en"
    city, zone = rng.choice(PLACES)
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
    if lang == "en":
        lines = [f"{rng.choice(PEOPLE).capitalize()} in {city}",
                 f"{city}, {EN_DAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month - 1]} {day.year}"]
    else:
        lines = [f"{rng.choice(MENSEN).capitalize()} in {NL_CITY.get(city, city)}",
                 f"{NL_CITY.get(city, city)}, {NL_DAYS[day.weekday()]} {day.day} {NL_MONTHS[day.month - 1]} "
                 f"{day.year}"]
    for template in rng.sample(EN if lang == "en" else NL, rng.randint(5, 9)):
        hh, mm = rng.randint(7, 22), rng.choice([0, 5, 10, 15, 20, 22, 30, 40, 45, 55])
        who = rng.choice(PEOPLE if lang == "en" else MENSEN)
        lines.append(template.format(
            Who=who[0].upper() + who[1:], who=who, city=city, stad=NL_CITY.get(city, city),
            hh=f"{hh:02d}", hh2=f"{(hh + 3) % 24:02d}", mm=f"{mm:02d}", h12=(hh - 1) % 12 + 1,
            ap="a.m." if hh < 12 else "p.m.", n=rng.randint(2, 6),
            weekday=EN_DAYS[(day.weekday() + 1) % 7], weekdag=NL_DAYS[(day.weekday() + 1) % 7]))
    meta = {"language": lang, "event_date": day.isoformat(), "local_tz": zone, "published": day.isoformat()}
    return "\n".join(lines) + "\n", meta, lang


def build_corpus(folder: Path, n: int) -> int:
    """n articles in folder; returns their total size in bytes."""
    rng = random.Random(20250815)
    size = 0
    for i in range(n):
        text, meta, lang = article(i, rng)
        sub = folder / f"batch-{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        ext = ".html" if i % 20 == 7 else ".md" if i % 10 == 3 else ".txt"
        if ext == ".html":
            text = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in text.splitlines()) + "</body></html>\n"
        name = f"article-{i:05d}.{lang}"
        (sub / (name + ext)).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        if i % 3:      # a sidecar; the rest rely on the flags (and on the dateline and city in the text)
            (sub / (name + ".meta.toml")).write_text(
                "".join(f'{k} = {v if k in ("event_date", "published") else json.dumps(v)}\n'
                        for k, v in meta.items()), encoding="utf-8")
    return size


# --- one run, in a child process -------------------------------------------------------------------
FLAGS = {"date": "2025-08-15", "tz": "America/Anchorage"}


def child(mode: str, folder: str, out: str, workers: int) -> None:
    import io
    from timeline import batch

    err = io.StringIO()
    setup = 0.0
    if mode.startswith("dask"):
        from distributed import LocalCluster
        t0 = time.perf_counter()
        # No dashboard; the scheduler's bare HTTP server (health checks) on a free loopback port.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1",
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        setup = time.perf_counter() - t0
        try:
            summary = batch.run_batch(folder, out, defaults=FLAGS, dask=cluster.scheduler_address, stderr=err)
        finally:
            cluster.close()
    else:
        summary = batch.run_batch(folder, out, defaults=FLAGS, workers=workers, stderr=err)
        # Pool workers are children of multiprocessing's fork server: stop it (private API, benchmark
        # only) so they are reaped into this process's RUSAGE_CHILDREN.
        from multiprocessing import forkserver
        if getattr(forkserver._forkserver, "_forkserver_pid", None):
            forkserver._forkserver._stop()
    mb = 1024    # ru_maxrss is in KiB on Linux
    print(json.dumps({"articles": summary.articles, "events": summary.events, "failed": summary.failed,
                      "bytes": summary.bytes, "seconds": summary.seconds, "setup": setup,
                      "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / mb,
                      "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / mb,
                      "errors": err.getvalue().count("error: ")}))


def measure(mode: str, folder: Path, out: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--dir", str(folder), "--out", str(out),
                           "--workers", str(workers)], capture_output=True, text=True, timeout=3600)
    if proc.returncode:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="articles to generate (default 5000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the 'all workers' count")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.dir, args.out, args.workers)

    with tempfile.TemporaryDirectory(prefix="timeline-batch-bench-") as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        t0 = time.perf_counter()
        size = build_corpus(folder, args.n)
        print(f"corpus: {args.n} articles, {size / 1e6:.2f} MB, built in {time.perf_counter() - t0:.1f} s; "
              f"{os.cpu_count()} cores; flags for files without a sidecar: {FLAGS}")
        runs = [("workers 1", "local", 1, "one.parquet"),
                (f"workers {args.workers}", "local", args.workers, "all.parquet"),
                (f"dask {args.workers}x1 -> file", "dask", args.workers, "dask.parquet"),
                (f"dask {args.workers}x1 -> folder", "dask-folder", args.workers, "dask-folder")]
        header = f"{'run':<22} {'articles/s':>10} {'MB/s':>7} {'s':>7} {'setup s':>7} {'events':>7} " \
                 f"{'failed':>6} {'self MB':>8} {'child MB':>8}"
        print(header, flush=True)
        for label, mode, workers, out in runs:
            r = measure(mode, folder, Path(tmp) / out, workers)
            print(f"{label:<22} {r['articles'] / r['seconds']:>10.1f} {r['bytes'] / 1e6 / r['seconds']:>7.3f} "
                  f"{r['seconds']:>7.1f} {r['setup']:>7.1f} {r['events']:>7} {r['failed']:>6} "
                  f"{r['self_mb']:>8.0f} {r['children_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
