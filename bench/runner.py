"""Running one measured subprocess: a time limit, its own peak memory, its output.

Every tool runs in a child process of its own so that the peak resident set size
reported for it (`ru_maxrss` from `wait4` on that child alone) is that tool's,
not the harness's or another tool's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass


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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
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
        return Finished(proc.returncode, timed_out, wall, usage.ru_maxrss,
                        out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"))
