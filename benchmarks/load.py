"""Load at the server: N simulated browser sessions speaking Streamlit's own websocket protocol.

    .venv/bin/python benchmarks/load.py [--sessions 1 10 50 100] [--arrival 30] [--gap 2] [--servers 1]

Prints figures, asserts nothing. For each N a fresh `streamlit run app.py` is started on a loopback port
(with a store of its own) and warmed by one session; then N sessions arrive evenly over --arrival seconds.
Each one, like a browser:
  1. opens its own share link (`rerun_script` with the link's query string) and, when the page asks for
     the rest after its chart (timeline/ui/later.py), answers with the component's trigger;
  2. makes three changes with --gap seconds between them: the display zone (sidebar select box), the
     cursor (the slider, three steps on), the view (to the table);
  3. asks for two of the table's downloads, the CSV and the offline chart (the deferred-file request a
     browser sends when a download button is pressed), and fetches them over HTTP;
  4. stays connected and idle until every session is done, then disconnects.
A change's time runs from sending it to the server's `script_finished`. An error is a closed socket, an
exception element, a run that does not finish successfully within --timeout, a share link that does not
show the change, or a failed download.

Server figures come from /proc of the server process: CPU seconds (user+system) from the warm-up's end
to the last session's end, divided by N; RSS before the sessions, at its peak, 3 s after the last
downloads (their files are still kept for the browser's GET, timeline/ui/downloads.py), with all N
sessions idle once those files are gone, and 5 s after the sessions disconnected. Streamlit is pinned (requirements.txt), so its
internal protocol (streamlit.proto) is fixed for this script.

One Streamlit process runs every session's script in threads of one interpreter, so it uses about one core
however many the machine has. --servers K starts K processes on one store and sends session i to server
i mod K, as a load balancer with sticky sessions would; the figures are then the sum over the processes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import ExitStack
from pathlib import Path

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import running_app  # noqa: E402
from timeline.ui.downloads import GRACE_S  # noqa: E402

# Share links the sessions open, one per session in turn; zones and cursors differ so caches keyed on
# (document, zone) are exercised as a crowd of readers would.
LINK_ZONES = ["America/Anchorage", "America/New_York", "Europe/Amsterdam", "UTC", "Asia/Tokyo",
              "Europe/Moscow", "America/Los_Angeles", "Australia/Sydney", "Asia/Kolkata", "Europe/London"]
LINK_VIEWS = ["timeline", "schedule", "timeline", "source"]
DOWNLOADS = ("CSV", "Chart (HTML)")
OK = ForwardMsg.FINISHED_SUCCESSFULLY


def share_link(i: int) -> str:
    minutes = 9 * 60 + (i * 25) % (8 * 60)          # 09:00 to 16:55 local, in 5-minute steps
    parts = [f"tz={LINK_ZONES[i % len(LINK_ZONES)]}", f"t=2025-08-15T{minutes // 60:02d}:{minutes % 60:02d}",
             f"view={LINK_VIEWS[i % len(LINK_VIEWS)]}"]
    if i % 3 == 1:
        parts.append(f"tz2={LINK_ZONES[(i + 3) % len(LINK_ZONES)]}")
    return "&".join(parts)


# ----------------------------------------------------------------------------- the server's process

def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")     # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ----------------------------------------------------------------------------- one simulated browser

class Failed(Exception):
    pass


class Session:
    """One browser tab: a websocket, the widgets of the last run by key, the last query string."""

    def __init__(self, base: str, link: str, timeout: float):
        self.base, self.query, self.timeout = base, link, timeout
        self.widgets: dict[str, tuple[str, object]] = {}       # user key -> (widget type, its proto)
        self.session_id = ""
        self.ws = None

    async def __aenter__(self):
        host = self.base.split("//", 1)[1]
        self.ws = await connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                                open_timeout=self.timeout, additional_headers={"Origin": self.base})
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def _next(self, deadline: float) -> ForwardMsg:
        try:
            data = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.monotonic()))
        except TimeoutError:
            raise Failed("timed out waiting for the server") from None
        msg = ForwardMsg()
        msg.ParseFromString(data)
        return msg

    async def run(self, states: dict[str, object] | None = None) -> float:
        """Sends one rerun with these widget values; returns seconds until its script finished."""
        back = BackMsg()
        back.rerun_script.query_string = self.query
        for wid, value in (states or {}).items():
            w = back.rerun_script.widget_states.widgets.add()
            w.id = wid
            kind, v = value
            if kind == "double_array_value":
                w.double_array_value.data.extend(v)
            else:
                setattr(w, kind, v)
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        deadline, widgets = time.monotonic() + self.timeout, {}
        while True:
            msg = await self._next(deadline)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "exception":
                    raise Failed(f"exception on the page: {element.exception.message[:200]}")
                proto = getattr(element, etype)
                wid = getattr(proto, "id", "")
                if etype == "download_button":
                    widgets[f"download:{proto.label}"] = (etype, proto)
                elif wid.startswith("$$ID-"):                  # "$$ID-<hash>-<user key>"
                    widgets[wid.split("-", 2)[2]] = (etype, proto)
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if msg.script_finished != OK:
                    raise Failed(f"script finished with status {msg.script_finished}")
                self.widgets = widgets
                return time.perf_counter() - t0

    def widget(self, key: str):
        if key not in self.widgets:
            raise Failed(f"no widget {key!r} on the page (have {sorted(self.widgets)[:12]})")
        return self.widgets[key][1]

    def slider(self):
        keys = [k for k, (kind, _) in self.widgets.items() if kind == "slider" and k.startswith("t_")]
        if len(keys) != 1:
            raise Failed(f"expected one cursor slider, found {keys}")
        return self.widget(keys[0])

    def shared(self) -> str:
        box = self.widget("share")
        return box.value if box.HasField("value") else box.default

    async def download(self, label: str) -> int:
        """The deferred-file request a pressed download button sends, then the file's GET; returns bytes."""
        file_id = self.widget(f"download:{label}").deferred_file_id
        back = BackMsg()
        req = back.backend_operation_request
        req.request_id, req.session_id = str(uuid.uuid4()), self.session_id
        req.deferred_file.file_id = file_id
        await self.ws.send(back.SerializeToString())
        deadline = time.monotonic() + self.timeout
        while True:
            msg = await self._next(deadline)
            if msg.WhichOneof("type") != "backend_operation_response":
                continue
            resp = msg.backend_operation_response
            if resp.request_id != req.request_id:
                continue
            if resp.error_msg:
                raise Failed(f"download {label!r}: {resp.error_msg}")
            url = resp.deferred_file.url
            break
        url = url if url.startswith("http") else self.base + url
        data = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=self.timeout).read())
        if not data:
            raise Failed(f"download {label!r} is empty")
        return len(data)


async def one_session(base: str, i: int, start_at: float, gap: float, timeout: float, all_done: asyncio.Event,
                      out: dict) -> None:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    link = share_link(i)
    try:
        async with Session(base, link, timeout) as s:
            out["open"] = await s.run()
            if "after_chart" in s.widgets:
                aggregator = _make_trigger_id(s.widget("after_chart").id, "events")
                out["open"] += await s.run({aggregator: ("json_trigger_value",
                                                         json.dumps([{"event": "drawn", "value": True}]))})
            changes = []
            # 1. zone: the next choice in the sidebar's list
            await asyncio.sleep(gap)
            box = s.widget("tz")
            now = box.raw_value if box.HasField("raw_value") else box.options[box.default]
            pick = box.options[(list(box.options).index(now) + 1) % len(box.options)]
            before = s.shared()
            changes.append(("zone", await s.run({box.id: ("string_value", pick)})))
            if s.shared() == before:
                raise Failed(f"the share link did not change with the zone ({now} to {pick}): {before}")
            # 2. cursor: three steps on (or back, at the day's end)
            await asyncio.sleep(gap)
            slider = s.slider()
            now = list(slider.value if slider.set_value else slider.default)[0]
            later = now + 3 * slider.step if now + 3 * slider.step <= slider.max else now - 3 * slider.step
            before = s.shared()
            changes.append(("cursor", await s.run({slider.id: ("double_array_value", [later])})))
            if s.shared() == before:
                raise Failed("the share link did not change with the cursor")
            # 3. view: to the table, where the downloads are
            await asyncio.sleep(gap)
            radio = s.widget("view")
            changes.append(("view", await s.run({radio.id: ("string_value", "table")})))
            if "view=table" not in s.shared():
                raise Failed(f"the share link does not show the table view: {s.shared()}")
            out["changes"] = changes
            out["downloaded"] = [await s.download(label) for label in DOWNLOADS]
            out["done"] = time.monotonic()
            out["idle"] = True
            await all_done.wait()
    except Failed as exc:
        out["error"] = str(exc)
    except Exception as exc:  # a dropped socket, a refused connection: counted, named
        out["error"] = f"{type(exc).__name__}: {exc}"
    out.setdefault("done", time.monotonic())


# ----------------------------------------------------------------------------- one N

def cpu_all(pids: list[int]) -> float:
    return sum(cpu_seconds(p) for p in pids)


def rss_all(pids: list[int]) -> float:
    return sum(rss_mb(p) for p in pids)


async def sample_rss(pids: list[int], peak: list, stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_all(pids))
        await asyncio.sleep(0.25)


async def crowd(bases: list[str], pids: list[int], n: int, arrival: float, gap: float, timeout: float) -> dict:
    """N sessions over the servers at `bases` (session i to server i mod k: a sticky balancer's spread)."""
    warm: dict = {}
    for base in bases:
        await one_session(base, 10_000, time.monotonic(), 0.0, timeout, _set_event(), warm)
    await asyncio.sleep(2)
    rss0, cpu0 = rss_all(pids), cpu_all(pids)
    all_done, stop, peak = asyncio.Event(), asyncio.Event(), [rss0]
    sampler = asyncio.create_task(sample_rss(pids, peak, stop))
    t0 = time.monotonic()
    outs = [{} for _ in range(n)]
    tasks = [asyncio.create_task(one_session(bases[i % len(bases)], i, t0 + arrival * i / n, gap, timeout,
                                             all_done, outs[i])) for i in range(n)]
    while not all("done" in o for o in outs):
        await asyncio.sleep(0.2)
    cpu = cpu_all(pids) - cpu0
    await asyncio.sleep(3)
    rss_held = rss_all(pids)                            # the last downloads' files still held
    # Made files are kept GRACE_S for the browser's GET, then go at the second clean-up pass, which
    # follows a script run: an observer's two runs after the grace, then what the idle sessions hold.
    await asyncio.sleep(GRACE_S + 2)
    for base in bases:
        async with Session(base, "view=source", timeout) as observer:
            await observer.run()
            await observer.run()
    await asyncio.sleep(2)
    rss_idle = rss_all(pids)
    all_done.set()
    await asyncio.gather(*tasks)
    await asyncio.sleep(5)
    stop.set()
    await sampler
    return {"outs": outs, "warm_error": warm.get("error"), "rss0": rss0, "peak": peak[0], "held": rss_held,
            "idle": rss_idle, "after": rss_all(pids), "cpu": cpu}


def _set_event() -> asyncio.Event:
    e = asyncio.Event()
    e.set()
    return e


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def report(n: int, r: dict) -> str:
    outs = r["outs"]
    errors = [o["error"] for o in outs if "error" in o]
    changes = [t for o in outs for _, t in o.get("changes", [])]
    opens = [o["open"] for o in outs if "open" in o]
    completed = sum(1 for o in outs if o.get("idle"))
    per_idle = (r["idle"] - r["rss0"]) / completed if completed else float("nan")
    line = (f"{n:>4} {completed:>9} {len(errors):>6} {statistics.median(changes) if changes else float('nan'):>8.3f}"
            f" {pct(changes, 0.95):>8.3f} {max(changes, default=float('nan')):>8.3f}"
            f" {statistics.median(opens) if opens else float('nan'):>8.3f} {pct(opens, 0.95):>8.3f}"
            f" {r['cpu'] / n:>9.2f} {r['rss0']:>8.0f} {r['peak']:>8.0f} {r['held']:>8.0f} {r['idle']:>8.0f}"
            f" {per_idle:>9.2f}"
            f" {r['after']:>8.0f}")
    if r["warm_error"]:
        line += f"\n     warm-up session failed: {r['warm_error']}"
    for e in sorted(set(errors))[:5]:
        line += f"\n     error x{errors.count(e)}: {e}"
    return line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50, 100])
    ap.add_argument("--arrival", type=float, default=30.0, help="seconds over which the sessions arrive")
    ap.add_argument("--gap", type=float, default=2.0, help="seconds between a session's changes")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a step may take before it fails")
    ap.add_argument("--servers", type=int, default=1,
                    help="server processes sharing one store, sessions spread over them as a sticky balancer would")
    args = ap.parse_args()
    import streamlit
    print(f"Load at the server: streamlit {streamlit.__version__}, {os.cpu_count()} cores, {args.servers} server "
          f"process(es), sessions arriving over {args.arrival:.0f} s, {args.gap:.0f} s between changes; "
          "times in s, memory in MB (all server processes)")
    print(f"{'N':>4} {'completed':>9} {'errors':>6} {'p50':>8} {'p95':>8} {'max':>8} {'open p50':>8}"
          f" {'open p95':>8} {'CPU s/ses':>9} {'RSS 0':>8} {'peak':>8} {'held':>8} {'idle':>8} {'MB/idle':>9}"
          f" {'after':>8}")
    idle = {}
    for n in args.sessions:
        with ExitStack() as stack:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="summit-load-")))
            procs: list = []
            bases = [stack.enter_context(running_app(ROOT / "app.py", folder / f"server{k}.log", procs=procs,
                                                     env={"SUMMIT_TIMELINE_DB": str(folder / "store.sqlite3")}))
                     for k in range(args.servers)]
            result = asyncio.run(crowd(bases, [p.pid for p in procs], n, args.arrival, args.gap, args.timeout))
            print(report(n, result), flush=True)
            idle[n] = result["idle"]
    ns = sorted(idle)
    for a, b in zip(ns, ns[1:]):
        print(f"marginal memory per idle session, N={a} to N={b}: {(idle[b] - idle[a]) / (b - a):.2f} MB")
    print("p50/p95/max: a change (zone, cursor, view) to the script's finish; open: the link's first page plus "
          "the rest after the chart.\nheld: RSS 3 s after the last session's downloads (their files still kept "
          f"for the browser's GET); idle: after the {GRACE_S:.0f} s grace and two clean-up passes, every session "
          "still connected; MB/idle: (idle - RSS 0) / completed sessions; after: 5 s after all disconnected")


if __name__ == "__main__":
    main()
