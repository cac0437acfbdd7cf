"""qq against NetworkX, igraph, NetworKit, pandas+scipy and polars+scipy, side by side.

Started by scripts/bench (which prepares the Python environment). For each size:

1. make or reuse the graph (datasets.py) and each tool's binary snapshot of it;
2. plan NetworkX: tasks whose estimated time (scaled from a smaller size) exceeds
   the limit are skipped, and the table says so;
3. run `--repeat` rounds; in each round every tool runs once in its own process
   (qq: one process for CSV load + metrics, one for the snapshot load), the order
   rotating from round to round so that no tool always runs first or last;
4. print the table of medians with qq's ratio to the fastest peer, check that the
   tools' answers agree, and write the raw results to bench/results/.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import signal
import sys
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import datasets  # noqa: E402
import docs  # noqa: E402
import qqrun  # noqa: E402
import report  # noqa: E402
from runner import run_process  # noqa: E402

PEER_TASKS = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")
# NetworkX tasks whose time grows with Σ degree² on heavy-tailed graphs: clustering
# intersects neighbour sets, and core_number removes from neighbour lists (list.remove).
QUADRATIC = ("kcore", "clustering")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    """nproc, CPU model, memory and OS, as the docs page shows them."""
    cpu = "unknown"
    mem_kb = 0
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
        with open("/proc/meminfo") as f:
            mem_kb = int(next(ln.split()[1] for ln in f if ln.startswith("MemTotal")))
    except (OSError, StopIteration):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_kb / 1048576, 1),
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version()}


def peer_cmd(tool: str, csv: str, tasks: list[str], snapshot: str, a: argparse.Namespace) -> list[str]:
    return [sys.executable, os.path.join(HERE, "peer.py"), "--tool", tool, "--csv", csv,
            "--tasks", ",".join(tasks), "--snapshot", snapshot, "--damping", str(a.damping),
            "--tol", str(a.tol), "--max-iter", str(a.max_iter)]


def parse_peer(stdout: str) -> list[dict[str, Any]]:
    out = []
    for line in stdout.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return out


def latest_result(results_dir: str, size: str) -> dict[str, Any] | None:
    files = sorted(glob.glob(os.path.join(results_dir, f"*-{size}.json")))
    for path in reversed(files):
        with open(path) as f:
            return json.load(f)
    return None


def nx_plan(size: str, info: dict, history: dict[str, dict], a: argparse.Namespace,
            probe) -> tuple[list[str], dict[str, str], dict[str, float]]:
    """NetworkX tasks to run at this size, the skipped ones with reasons, and the estimates."""
    order = list(datasets.SIZES)
    smaller = order[:order.index(size)]
    if not smaller:
        return list(PEER_TASKS), {}, {}
    est: dict[str, float] = {}
    for task in ("csv_load",) + PEER_TASKS:
        for ref_size in reversed(smaller):
            ref = history.get(ref_size) or {}
            nx = ref.get("tools", {}).get("networkx", {}).get("tasks", {}).get(task, {})
            runs = nx.get("seconds", [])
            if not runs:
                continue
            g = ref["graph"]
            k = (info["sum_deg2"] / g["sum_deg2"]) if task in QUADRATIC else info["edges"] / g["edges"]
            est[task] = report.median(runs) * k
            break
    if "csv_load" not in est and probe is not None:
        history[smaller[0]] = probe(smaller[0])
        return nx_plan(size, info, history, a, None)
    # A NetworkX process gets at most --nx-limit: the load, then tasks cheapest first
    # while the estimated total stays within it (the filter query needs PageRank and
    # top-100 first).
    total = est.get("csv_load", 0.0)
    if total > a.nx_limit:
        why = f"load est. {report.fmt_seconds(total)}"
        return [], {t: why for t in ("csv_load",) + PEER_TASKS}, est
    keep: set[str] = set()
    skipped: dict[str, str] = {}
    for task in sorted(PEER_TASKS, key=lambda x: (x == "filter_top10", est.get(x, 0.0))):
        if task == "filter_top10" and not {"pagerank", "top100"} <= keep:
            skipped[task] = "needs PageRank"
        elif total + est.get(task, 0.0) <= a.nx_limit:
            keep.add(task)
            total += est.get(task, 0.0)
        else:
            skipped[task] = f"est. {report.fmt_seconds(est.get(task, 0.0))}"
    return [t for t in PEER_TASKS if t in keep], skipped, est


def new_tool_result() -> dict[str, Any]:
    return {"tasks": {}, "peak_rss_kb": [], "wall_seconds": [], "skipped": {}, "errors": []}


def record(tr: dict[str, Any], task: str, seconds: float | None, check: Any = None,
           iterations: Any = None, error: str | None = None) -> None:
    slot = tr["tasks"].setdefault(task, {"seconds": []})
    if seconds is not None:
        slot["seconds"].append(seconds)
    if check is not None:
        slot["check"] = check
    if iterations is not None:
        slot["iterations"] = iterations
    if error and seconds is None:
        slot["error"] = error


def run_size(size: str, a: argparse.Namespace, history: dict[str, dict], qq: str | None) -> dict[str, Any]:
    """All rounds for one size; returns the result document."""
    t_start = time.monotonic()
    info = datasets.ensure(a.data, size, a.generator, qq, HERE)
    # NetworkX's rule stops when the L1 change < N·tol: tol = l1 / N stops at L1 < l1.
    a = argparse.Namespace(**vars(a))
    a.l1_rule = a.tol is None
    if a.tol is None:
        a.tol = a.l1 / info["nodes"]
    folder = os.path.join(a.data, size)
    csv = os.path.join(folder, "follows.csv")
    snapdir = os.path.join(folder, "snap")
    os.makedirs(snapdir, exist_ok=True)
    tools = [t for t in report.TOOLS if t in a.tools]
    res: dict[str, Any] = {
        "size": size, "timestamp": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": machine(), "versions": {},
        "settings": {"repeat": a.repeat, "damping": a.damping, "tol": a.tol, "max_iter": a.max_iter,
                     "l1": a.l1 if a.l1_rule else None,
                     "time_limit": a.time_limit, "nx_limit": a.nx_limit},
        "graph": {"nodes": info["nodes"], "edges": info["edges"], "sum_deg2": info["sum_deg2"],
                  "generator": info["generator"] + f" (seed {info['seed']})", "folder": folder},
        "tools": {t: new_tool_result() for t in tools}, "notes": [],
    }
    res["machine"]["loadavg_before"] = os.getloadavg()[0]
    plan = {t: list(PEER_TASKS) for t in tools if t != "qq"}
    if "networkx" in plan:
        def probe(psize: str) -> dict[str, Any]:
            log(f"[{size}] NetworkX probe on {psize} for the time estimate")
            pinfo = datasets.ensure(a.data, psize, a.generator, qq, HERE)
            pres = {"graph": pinfo, "tools": {"networkx": new_tool_result()}}
            fin = run_process(peer_cmd("networkx", os.path.join(a.data, psize, "follows.csv"),
                                       [t for t in PEER_TASKS if t != "snapshot_load"], "", a),
                              a.time_limit)
            for ev in parse_peer(fin.stdout):
                if "seconds" in ev:
                    record(pres["tools"]["networkx"], ev["task"], ev["seconds"])
            return pres
        tasks, skipped, est = nx_plan(size, info, history, a, probe)
        plan["networkx"] = tasks
        if est:
            res["settings"]["nx_time_limit"] = min(a.time_limit, 60 + 3 * sum(
                v for k, v in est.items() if k in tasks or k == "csv_load"))
        res["tools"]["networkx"]["skipped"] = skipped
        res["nx_estimates"] = est
    prepare_snapshots(size, a, res, plan, csv, snapdir, qq)
    # NetworkX is never the fastest peer, so its figures do not enter the ratio column;
    # when a round of it is estimated above --nx-single it runs one round, not --repeat.
    est = res.get("nx_estimates", {})
    nx_round = sum(v for k, v in est.items() if k == "csv_load" or k in plan.get("networkx", []))
    nx_single = a.repeat > 1 and bool(plan.get("networkx")) and nx_round > a.nx_single
    if nx_single:
        res["notes"].append(f"NetworkX ran one round (estimated {report.fmt_seconds(nx_round)} a round, "
                            f"over {report.fmt_seconds(a.nx_single)}).")
    for r in range(a.repeat):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for tool in order:
            if tool == "qq":
                run_qq_round(size, r, a, res, csv, snapdir, qq)
            elif plan.get(tool) and not (tool == "networkx" and r > 0 and nx_single):
                run_peer_round(size, r, tool, a, res, csv, snapdir, plan[tool])
    res["machine"]["loadavg_after"] = os.getloadavg()[0]
    res["wall_seconds"] = round(time.monotonic() - t_start, 1)
    add_notes(res)
    return res


def peer_snapshot(snapdir: str, tool: str) -> str:
    """Where a peer keeps its snapshot; the scipy peers' is a folder of .npy files."""
    return os.path.join(snapdir, tool + ("-npy" if tool in ("pandas", "polars") else ""))


def prepare_snapshots(size, a, res, plan, csv, snapdir, qq) -> None:
    """Write each tool's binary snapshot once (untimed, outside the measured processes)."""
    if "qq" in res["tools"] and not os.path.exists(os.path.join(snapdir, "qq.qqs")):
        log(f"[{size}] qq: writing the snapshot")
        fin = run_process([qq, "-c", f'load follows {qqrun.quote(csv)}; '
                                     f'save {qqrun.quote(os.path.join(snapdir, "qq.qqs"))}'],
                          a.time_limit)
        if fin.returncode != 0:
            res["tools"]["qq"]["errors"].append("snapshot save: " + fin.stderr.strip()[:200])
    for tool, tasks in plan.items():
        snap = peer_snapshot(snapdir, tool)
        if "snapshot_load" in tasks and not os.path.exists(snap + ".ok"):
            log(f"[{size}] {tool}: writing the snapshot")
            fin = run_process(peer_cmd(tool, csv, ["snapshot_save"], snap, a), a.time_limit)
            if fin.returncode != 0:
                tasks.remove("snapshot_load")
                res["tools"][tool]["skipped"]["snapshot_load"] = "save failed"


def run_qq_round(size, r, a, res, csv, snapdir, qq) -> None:
    tr = res["tools"]["qq"]
    fin, out = qqrun.run_qq(qq, qqrun.csv_script(csv, None, a.damping, a.tol, a.max_iter), a.time_limit)
    tr["peak_rss_kb"].append(fin.max_rss_kb)
    tr["wall_seconds"].append(round(fin.wall_seconds, 3))
    checks = out.get("check", {})
    failed = out.get("failed")
    reached = True
    for task in ("csv_load", "pagerank", "top100", "kcore", "clustering", "filter_top10"):
        reached = reached and task != failed
        why = None if out.get(task) is not None else ("failed" if task == failed else
                                                      "not reached" if not reached else out.get("error"))
        record(tr, task, out.get(task), checks.get(task), error=why,
               iterations=checks.get("pagerank_iterations") if task == "pagerank" else None)
    if out.get("error"):
        tr["errors"].append(out["error"])
        if out["error"] not in res["notes"]:
            res["notes"].append(f"qq stopped: {out['error']}")
    snap = os.path.join(snapdir, "qq.qqs")
    if os.path.exists(snap):
        fin2, out2 = qqrun.run_qq(qq, qqrun.snapshot_script(snap), a.time_limit)
        record(tr, "snapshot_load", out2.get("snapshot_load"), error=out2.get("error"))
    log(f"[{size}] round {r + 1}/{a.repeat} qq: {fin.wall_seconds:.1f} s wall, "
        f"{fin.max_rss_kb / 1024:.0f} MB" + (f" ({out['error']})" if out.get("error") else ""))


def run_peer_round(size, r, tool, a, res, csv, snapdir, tasks) -> None:
    tr = res["tools"][tool]
    limit = res["settings"].get("nx_time_limit", a.time_limit) if tool == "networkx" else a.time_limit
    fin = run_process(peer_cmd(tool, csv, tasks, peer_snapshot(snapdir, tool), a), limit)
    events = parse_peer(fin.stdout)
    for ev in events:
        if ev.get("event") == "versions":
            res["versions"][tool] = ev["versions"]
        elif "skipped" in ev:
            tr["skipped"][ev["task"]] = ev["skipped"]
        elif "task" in ev and "seconds" in ev:
            record(tr, ev["task"], ev["seconds"], ev.get("check"), ev.get("iterations"))
    done = {ev.get("task") for ev in events}
    if fin.timed_out or fin.returncode != 0:
        why = "timeout" if fin.timed_out else (fin.stderr.strip().splitlines() or [f"exit {fin.returncode}"])[-1]
        tr["errors"].append(why)
        for task in ["csv_load"] + tasks:
            if task not in done:
                record(tr, task, None, error=why[:60])
                break
    else:
        tr["peak_rss_kb"].append(fin.max_rss_kb)
    tr["wall_seconds"].append(round(fin.wall_seconds, 3))
    log(f"[{size}] round {r + 1}/{a.repeat} {tool}: {fin.wall_seconds:.1f} s wall, "
        f"{fin.max_rss_kb / 1024:.0f} MB" + (f" ({tr['errors'][-1]})" if fin.returncode else ""))


def infer_qq_iterations(res: dict[str, Any]) -> None:
    """qq does not report its PageRank iteration count; when its top-10 scores equal an
    NX-rule peer's to 1e-12 (one iteration more or less changes them by far more),
    it ran the same number of iterations, and the table says so."""
    q = res["tools"].get("qq", {}).get("tasks", {}).get("pagerank", {})
    qtop = q.get("check", {}).get("top")
    if not qtop or q.get("iterations"):
        return
    for peer in ("pandas", "polars", "networkit"):
        p = res["tools"].get(peer, {}).get("tasks", {}).get("pagerank", {})
        ptop, it = p.get("check", {}).get("top"), p.get("iterations")
        if ptop and it and [h for h, _ in ptop] == [h for h, _ in qtop] and \
                max(abs(a[1] - b[1]) for a, b in zip(ptop, qtop)) < 1e-12:
            q["iterations"] = it
            q["iterations_inferred_from"] = peer
            return


def add_notes(res: dict[str, Any]) -> None:
    """Facts the notes under the table are drawn from (report.derived_notes writes them)."""
    infer_qq_iterations(res)
    tasks = {t: res["tools"][t]["tasks"].get("pagerank", {}) for t in res["tools"]}
    its = {v["iterations"] for t, v in tasks.items() if v.get("iterations") and t != "igraph"}
    if len(its) == 1 and tasks.get("networkx", {}).get("seconds"):
        tasks["networkx"]["iterations"] = its.pop()
        tasks["networkx"]["iterations_inferred_from"] = "scipy"


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _terminate)
    p = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    p.add_argument("--size", default="M", choices=["S", "M", "L", "all"])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--tools", default=",".join(report.TOOLS))
    p.add_argument("--generator", default="qq", choices=["qq", "python"])
    p.add_argument("--qq", default=os.path.join(ROOT, ".build", "release", "qq"))
    p.add_argument("--time-limit", type=float, default=900.0, help="seconds per measured process")
    p.add_argument("--nx-limit", type=float, default=300.0, help="estimated seconds a NetworkX round may take; tasks beyond are skipped")
    p.add_argument("--nx-single", type=float, default=60.0,
                   help="run NetworkX one round when its round is estimated above this")
    p.add_argument("--damping", type=float, default=0.85)
    p.add_argument("--l1", type=float, default=1e-6,
                   help="PageRank runs until its L1 change is below this (each tool gets tol = l1 / N)")
    p.add_argument("--tol", type=float, default=None,
                   help="NetworkX's tol instead (stop when the L1 change < N·tol)")
    p.add_argument("--max-iter", type=int, default=100)
    p.add_argument("--data", default=os.path.join(ROOT, "bench", "data"))
    p.add_argument("--results", default=os.path.join(ROOT, "bench", "results"))
    p.add_argument("--write-docs", action="store_true")
    p.add_argument("--docs-only", action="store_true", help="rewrite docs from the latest results; run nothing")
    a = p.parse_args(argv)
    if a.docs_only:
        write_docs(a.results)
        return 0
    a.tools = [t for t in a.tools.split(",") if t]
    bad = [t for t in a.tools if t not in report.TOOLS]
    if bad:
        p.error(f"unknown tool(s): {', '.join(bad)}")
    qq = a.qq if ("qq" in a.tools or a.generator == "qq") else None
    if qq and not os.access(qq, os.X_OK):
        p.error(f"no qq binary at {qq} (swift build -c release), or use --tools without qq "
                "and --generator python")
    sizes = list(datasets.SIZES) if a.size == "all" else [a.size]
    os.makedirs(a.results, exist_ok=True)
    history: dict[str, dict] = {s: r for s in datasets.SIZES if (r := latest_result(a.results, s))}
    for size in sizes:
        res = run_size(size, a, history, qq)
        res["qq_binary"] = docs.binary_info(qq, ROOT) if qq else None
        history[size] = res
        path = os.path.join(a.results, time.strftime("%Y%m%d-%H%M%S") + f"-{size}.json")
        with open(path, "w") as f:
            json.dump(res, f, indent=1)
        print(report.section(res))
        print(f"raw results: {os.path.relpath(path, ROOT)} · {res['wall_seconds']} s for this size\n")
    if a.write_docs:
        write_docs(a.results)
    return 0


def write_docs(results_dir: str) -> None:
    """docs/BENCHMARKS.md from the latest result of each size."""
    latest = [r for s in datasets.SIZES if (r := latest_result(results_dir, s))]
    out = os.path.join(ROOT, "docs", "BENCHMARKS.md")
    with open(out, "w") as f:
        f.write(docs.page(latest))
    print(f"wrote {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
