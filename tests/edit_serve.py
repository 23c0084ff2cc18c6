"""`make edit` for tests: `properdocs serve` with the editor's back end mounted (KIN_EDIT=1), on a
copy of the data, and a Chromium whose host-resolver rules send test host names to 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import ENGINE, ROOT
from zygote import start_python

WAIT = 300  # seconds for the first build on a busy 2-core machine; never a speed assertion
NAMES = ("kin.test", "evil.test", "rebind.test")  # each mapped to 127.0.0.1 by the browser below
HOST_RULES = "--host-resolver-rules=" + ", ".join(
    [*(f"MAP {name} 127.0.0.1" for name in NAMES), "MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1"]
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except OSError:
        return None


class EditServer:
    """`KIN_EDIT=1 properdocs serve` on 127.0.0.1 (as `make edit`), logging to a file."""

    def __init__(self, data: Path, log: Path, allowed_hosts: str = "") -> None:
        self.port = free_port()
        self.data, self.log = data, log
        env = {**os.environ, "KIN_DATA_DIR": str(data), "KIN_EDIT": "1", "KIN_EDIT_ALLOWED_HOSTS": allowed_hosts}
        args = ["-m", ENGINE, "serve", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"]
        self.proc = start_python(args, log, cwd=ROOT, env=env)  # forked from tests/zygote.py
        self.url = f"http://127.0.0.1:{self.port}/kin/"

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + WAIT
        while _status(self.url + "admin/local-backend.json") != 200:
            assert self.proc.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, f"the site was not served; log:\n{self.log.read_text()}"
            time.sleep(0.5)

    def stop(self) -> None:
        stop(self.proc)


def stop(proc) -> None:
    """Stop a `serve` as its user does, with Ctrl-C: it then removes the temp folder it built into.
    (Windows has no Ctrl-C for another process; one that does not stop is ended.)"""
    if os.name != "nt":
        proc.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=30)
            return
    proc.kill()
    proc.wait(timeout=30)


def start(data: Path, log: Path, allowed_hosts: str = "") -> EditServer:
    server = EditServer(data, log, allowed_hosts)
    try:
        server.wait_until_ready()
    except BaseException:
        server.stop()
        raise
    return server


def named_hosts_launch_args(launch_args: dict) -> dict:
    """The session's launch arguments with host-resolver rules that also resolve ``NAMES``."""
    args = [a for a in launch_args.get("args", []) if not a.startswith("--host-resolver-rules=")]
    return {**launch_args, "args": [*args, HOST_RULES]}
