"""`streamlit run` on a free loopback port, for the browser tests and the dashboard benchmark."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


class ServerDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(app: Path, log: Path, timeout: float = 60, env: dict | None = None, port: int | None = None,
                procs: list | None = None):
    """Start the app (with `env` added to the environment, on `port` or a free one), wait for
    /_stcore/health, yield its URL, stop it afterwards. `procs`, if given, receives the server's Popen
    (the load benchmark reads its CPU and memory)."""
    port = port or free_port()
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    # The project's app runs on its own .streamlit/config.toml, so the browser tests' guard against outside
    # requests checks its settings too; a copy in a test folder gets the same privacy setting by flag.
    private = [] if (app.parent / ".streamlit" / "config.toml").exists() else ["--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        proc = subprocess.Popen([streamlit, "run", str(app), "--server.headless", "true",
                                 "--server.port", str(port), "--server.address", "127.0.0.1", *private],
                                cwd=app.parent, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
    if procs is not None:
        procs.append(proc)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise ServerDidNotStart(log.read_text()[-2000:])
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
