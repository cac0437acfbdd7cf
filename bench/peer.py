"""Runs one peer tool over one graph and reports each measured task as a JSON line.

Usage (normally started by bench/bench.py, one subprocess per tool and round, so that
the process's peak resident memory belongs to that tool alone):

    python bench/peer.py --tool igraph --csv bench/data/M/follows.csv \
        --tasks pagerank,top100,kcore,clustering,filter_top10 [--snapshot FILE]

The process loads follows.csv into the tool's own directed graph (timed as
`csv_load`), then runs each task from that loaded graph, timing only the call that
does the work. Each task's answer is summarised (untimed) into a `check` object so
that the orchestrator can confirm that every tool computed the same thing:

- pagerank: iterations run, sum of scores, the top-10 handles with their scores;
- top100: the 100 follower counts in order, and the first ten handles;
- kcore: sum and maximum of core numbers;
- clustering: mean local clustering coefficient over all nodes (zeros included);
- filter_top10: the handles of the result rows.

`snapshot_save` (untimed, run once in a preparation process) writes the tool's
binary form of the graph; `snapshot_load` then times reading it back.

Every result line is flushed as soon as it is known, so a run cut short by the time
limit still reports what it finished.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

TASKS = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")


def emit(obj: dict[str, Any]) -> None:
    """Write one JSON result line and flush it."""
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Run fn once and return (result, seconds by the monotonic clock)."""
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def make_tool(name: str):
    """The harness object for a tool name (see the peer_* modules)."""
    if name == "networkx":
        from peer_networkx import NetworkXPeer
        return NetworkXPeer()
    if name == "igraph":
        from peer_igraph import IGraphPeer
        return IGraphPeer()
    if name == "networkit":
        from peer_networkit import NetworKitPeer
        return NetworKitPeer()
    if name == "pandas":
        from peer_scipy import PandasScipyPeer
        return PandasScipyPeer()
    if name == "polars":
        from peer_scipy import PolarsScipyPeer
        return PolarsScipyPeer()
    raise SystemExit(f"unknown tool {name!r}")


def run(args: argparse.Namespace) -> None:
    """Load the graph, then run each requested task once, emitting one line per task."""
    tool = make_tool(args.tool)
    emit({"event": "versions", "versions": tool.versions()})
    g, t = timed(lambda: tool.load(args.csv))
    emit({"task": "csv_load", "seconds": t, "check": tool.describe(g)})
    tasks = [x for x in args.tasks.split(",") if x]
    pr = fol = None
    for task in tasks:
        gc.collect()
        if task not in tool.supports and task != "snapshot_save":
            emit({"task": task, "skipped": "no library routine"})
        elif task == "pagerank":
            (pr, iters), t = timed(lambda: tool.pagerank(g, args.damping, args.tol, args.max_iter))
            emit({"task": task, "seconds": t, "iterations": iters,
                  "check": tool.check_scores(g, pr, 10)})
        elif task == "top100":
            (top, fol), t = timed(lambda: tool.top_followers(g, 100))
            emit({"task": task, "seconds": t,
                  "check": {"followers": [c for _, c in top], "handles": [h for h, _ in top[:10]]}})
        elif task == "kcore":
            core, t = timed(lambda: tool.kcore(g))
            emit({"task": task, "seconds": t, "check": tool.check_core(core)})
        elif task == "clustering":
            cc, t = timed(lambda: tool.clustering(g))
            emit({"task": task, "seconds": t, "check": tool.check_clustering(cc)})
        elif task == "filter_top10":
            if pr is None or fol is None:
                raise SystemExit("filter_top10 needs pagerank and top100 first")
            table = tool.table(g, fol, pr)
            rows, t = timed(lambda: tool.filter_top10(table, 100))
            emit({"task": task, "seconds": t, "check": {"handles": [r[0] for r in rows]}})
        elif task == "snapshot_save":
            tool.snapshot_save(g, args.snapshot)
            open(args.snapshot + ".ok", "w").close()
            emit({"task": task})
        elif task == "snapshot_load":
            if not os.path.exists(args.snapshot + ".ok"):
                raise SystemExit(f"no snapshot at {args.snapshot}: run the snapshot_save task first")
            del g
            gc.collect()
            g, t = timed(lambda: tool.snapshot_load(args.snapshot))
            emit({"task": task, "seconds": t, "check": tool.describe(g)})
        else:
            raise SystemExit(f"unknown task {task!r}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description="Run one benchmark peer.")
    p.add_argument("--tool", required=True)
    p.add_argument("--csv", required=True)
    p.add_argument("--tasks", default=",".join(TASKS[:-1]))
    p.add_argument("--snapshot", default="")
    p.add_argument("--damping", type=float, default=0.85)
    p.add_argument("--tol", type=float, default=1e-6)
    p.add_argument("--max-iter", type=int, default=100)
    run(p.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
