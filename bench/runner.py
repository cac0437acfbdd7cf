"""Running one measured subprocess: a time limit, its own peak memory, its output.

Every tool runs in a child process of its own so that the peak resident set size
reported for it is that tool's, not the harness's or another tool's. The figure
comes from `/usr/bin/time -f %M` wrapped around the command: Linux carries a
process's `ru_maxrss` across fork and exec, so a child forked straight from this
(larger) Python process would report at least the harness's own size. Where
/usr/bin/time is missing, `wait4`'s figure for the child is used instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass

TIME = "/usr/bin/time"


@dataclass
class Finished:
    """What one child process did."""
    returncode: int
    timed_out: bool
    wall_seconds: float
    max_rss_kb: int
    stdout: str
    stderr: str


def run_process(cmd: list[str], time_limit: float, cwd: str | None = None) -> Finished:
    """Run cmd with stdin closed; kill its process group after time_limit seconds.

    The child is reaped with `os.wait4`, whose resource usage is the child's own.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = ([TIME, "-f", "%M", "-o", rss.name] + cmd) if os.access(TIME, os.X_OK) else cmd
        t0 = time.monotonic()
        proc = subprocess.Popen(wrapped, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                cwd=cwd, start_new_session=True)
        timed_out = False
        try:
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - t0 > time_limit:
                    timed_out = True
                    os.killpg(proc.pid, signal.SIGKILL)
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.02)
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        max_rss = usage.ru_maxrss
        if wrapped is not cmd:
            lines = [ln for ln in rss.read().splitlines() if ln.strip().isdigit()]
            max_rss = int(lines[-1]) if lines else max_rss
        return Finished(proc.returncode, timed_out, wall, max_rss,
                        out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"))
