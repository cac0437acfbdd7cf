"""Measuring qq: a script per round, timed from inside qq by `--timer`.

`qq --timer` prints one line per statement to stderr, `time: 0.012345 s` (also
read: `time: 12.345 ms`), so the
figures below exclude process start-up. Metrics are lazy in qq, so each metric is
timed by the first statement that forces it, in the same order as the peers run
their tasks (PageRank, top-100, core numbers, clustering), all after the load.
The filter query runs last, when pagerank and followers are cached.

Untimed check statements at the end print, in CSV, what the cross-tool checks
compare (their column names start with `chk_`).
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import Any

from runner import Finished, run_process

TIMER = re.compile(r"^time: ([0-9]+(?:\.[0-9]+)?) (s|ms)\s*$")

FILTER_THRESHOLD = 100


def quote(path: str) -> str:
    """A qq string literal for a path."""
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_script(csv: str, snapshot: str | None, damping: float, tol: float,
               max_iter: int) -> list[tuple[str, str]]:
    """(label, statement) pairs for the CSV-load-and-metrics round."""
    st = [
        ("set", f"set damping = {damping}"),
        ("set", f"set tolerance = {tol}"),
        ("set", f"set max_iterations = {max_iter}"),
        ("csv_load", f"load follows {quote(csv)}"),
    ]
    if snapshot:
        st.append(("save_snapshot", f"save {quote(snapshot)}"))
    st += [
        ("pagerank", "accounts | top 10 by pagerank | count"),
        ("top100", "accounts | top 100 by followers | select handle as top_handle, followers as top_followers"),
        ("kcore", "accounts | top 10 by kcore | count"),
        ("clustering", "accounts | top 10 by clustering | count"),
        ("filter_top10", f"accounts | where followers > {FILTER_THRESHOLD} | top 10 by pagerank"
                         " | select handle as f_handle, followers as f_followers, pagerank as f_pagerank"),
        ("check", "accounts | top 10 by pagerank | select handle as chk_handle, pagerank as chk_pagerank"),
        ("check", "accounts | summarize count() as chk_nodes, sum(pagerank) as chk_pr_sum,"
                  " sum(kcore) as chk_core_sum, max(kcore) as chk_core_max,"
                  " avg(clustering) as chk_cc_mean"),
        ("check", "follows | summarize count() as chk_edges"),
        ("check", "describe"),
    ]
    return st


def snapshot_script(snapshot: str) -> list[tuple[str, str]]:
    """(label, statement) pairs for the snapshot-load round."""
    return [("snapshot_load", f"load {quote(snapshot)}")]


def csv_blocks(stdout: str) -> dict[str, list[list[str]]]:
    """CSV tables in qq's output keyed by their header line; rows of other widths are skipped."""
    blocks: dict[str, list[list[str]]] = {}
    header: str | None = None
    width = 0
    for line in stdout.splitlines():
        fields = line.split(",")
        if fields and fields[0] in ("top_handle", "f_handle", "chk_handle", "chk_nodes", "chk_edges", "item"):
            header, width = line, len(fields)
            blocks[header] = []
        elif header is not None and len(fields) == width:
            blocks[header].append(fields)
    return blocks


_startup_lines: dict[str, int] = {}


def timer_lines(stderr: str) -> list[float]:
    """Seconds from each `time:` line, in order."""
    return [float(m.group(1)) / (1000.0 if m.group(2) == "ms" else 1.0)
            for m in map(TIMER.match, stderr.splitlines()) if m]


def startup_lines(qq: str) -> int:
    """Timer lines qq prints before a script's first statement (its start-up `load sample`).

    Measured once per binary by running an empty script.
    """
    if qq not in _startup_lines:
        fin = _run_script(qq, [], 120)
        _startup_lines[qq] = len(timer_lines(fin.stderr))
    return _startup_lines[qq]


def _run_script(qq: str, statements: list[tuple[str, str]], time_limit: float) -> Finished:
    with tempfile.NamedTemporaryFile("w", suffix=".qq", delete=False) as f:
        f.write("".join(s + "\n" for _, s in statements))
        path = f.name
    try:
        return run_process([qq, "--timer", "--format", "csv", path], time_limit)
    finally:
        os.unlink(path)


def run_qq(qq: str, statements: list[tuple[str, str]], time_limit: float) -> tuple[Finished, dict[str, Any]]:
    """Run the statements as one script; return the process and {label: seconds, 'check': ...}."""
    skip = startup_lines(qq)
    fin = _run_script(qq, statements, time_limit)
    times = timer_lines(fin.stderr)[skip:]
    if fin.returncode != 0 and not fin.timed_out and times:
        times.pop()  # the statement that failed still prints its time
    res: dict[str, Any] = {}
    for (label, _), t in zip(statements, times):
        if label not in ("set", "check"):
            res[label] = t
    res["check"] = parse_checks(fin.stdout)
    if fin.returncode != 0 or fin.timed_out:
        err = [ln for ln in fin.stderr.splitlines() if not TIMER.match(ln)]
        res["error"] = "timeout" if fin.timed_out else (err[0] if err else f"exit {fin.returncode}")
        if len(times) < len(statements):
            res["failed"] = statements[len(times)][0]
    return fin, res


def parse_checks(stdout: str) -> dict[str, Any]:
    """The check summaries, in the same shape as the peers' (see peer.py)."""
    b = csv_blocks(stdout)
    out: dict[str, Any] = {}
    for head, rows in b.items():
        if head.startswith("top_handle"):
            out["top100"] = {"followers": [int(r[1]) for r in rows], "handles": [r[0] for r in rows[:10]]}
        elif head.startswith("f_handle"):
            out["filter_top10"] = {"handles": [r[0] for r in rows]}
        elif head.startswith("chk_handle"):
            out["pagerank"] = {"top": [[r[0], float(r[1])] for r in rows]}
        elif head.startswith("chk_nodes") and rows:
            r = dict(zip(head.split(","), rows[0]))
            out["csv_load"] = {"nodes": int(r["chk_nodes"])}
            out.setdefault("pagerank", {})["sum"] = float(r["chk_pr_sum"])
            out["kcore"] = {"sum": int(float(r["chk_core_sum"])), "max": int(float(r["chk_core_max"]))}
            out["clustering"] = {"mean": float(r["chk_cc_mean"])}
        elif head.startswith("chk_edges") and rows:
            out.setdefault("csv_load", {})["edges"] = int(rows[0][0])
        elif head.startswith("item"):
            # `describe` reports the iterations PageRank ran once it is computed.
            for r in rows:
                if r[0] == "pagerank iterations":
                    out["pagerank_iterations"] = int(r[1])
    return out
