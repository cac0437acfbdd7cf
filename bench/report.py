"""Turning raw benchmark results into the ratio table, the cross-tool checks and the docs page.

A result document (one per size, written as JSON under bench/results/) holds, per
tool and task, the list of measured seconds and the check summaries. The table
shows the median of each, and qq's ratio to the fastest peer: `0.31×` means qq
takes 31 % of that peer's time (below 1 is faster).
"""

from __future__ import annotations

import statistics
from typing import Any

TOOLS = ("qq", "networkx", "igraph", "networkit", "pandas", "polars")
TOOL_TITLES = {"qq": "qq", "networkx": "NetworkX", "igraph": "igraph", "networkit": "NetworKit",
               "pandas": "pandas+scipy", "polars": "polars+scipy"}
TASKS = ("csv_load", "snapshot_load", "pagerank", "top100", "kcore", "clustering",
         "filter_top10", "peak_rss")
TASK_TITLES = {
    "csv_load": "CSV load (follows.csv → graph)",
    "snapshot_load": "binary snapshot load",
    "pagerank": "PageRank (iterations)",
    "top100": "top-100 by followers",
    "kcore": "core numbers (undirected)",
    "clustering": "local clustering (undirected)",
    "filter_top10": "filter + top-10, metrics cached",
    "peak_rss": "peak resident memory",
}


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def fmt_seconds(s: float) -> str:
    """Seconds in a unit that keeps three significant figures."""
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1.0:
        return f"{s * 1e3:.3g} ms"
    if s < 100:
        return f"{s:.3g} s"
    return f"{s:.0f} s"


def fmt_mb(kb: float) -> str:
    return f"{kb / 1024:,.0f} MB"


def cell(res: dict[str, Any], tool: str, task: str) -> tuple[str, float | None]:
    """The table text and the median value (None when there is no figure)."""
    t = res["tools"].get(tool)
    if t is None:
        return "not run", None
    skip = t.get("skipped", {}).get(task)
    if skip:
        return f"skipped ({skip})", None
    if task == "peak_rss":
        v = median(t.get("peak_rss_kb", []))
        return (fmt_mb(v), v) if v is not None else ("—", None)
    runs = t.get("tasks", {}).get(task, {}).get("seconds", [])
    err = t.get("tasks", {}).get(task, {}).get("error")
    v = median(runs)
    if v is None:
        return (err or "—"), None
    text = fmt_seconds(v)
    if task == "pagerank":
        it = t["tasks"][task].get("iterations")
        text += f" ({it} it)" if it else " (own solver)"
    if len(runs) < res["settings"]["repeat"]:
        text += f" [{len(runs)} run{'s' if len(runs) != 1 else ''}]"
    return text, v


def ratio(res: dict[str, Any], task: str) -> str:
    """qq's median over the fastest peer's, naming the peer."""
    q = cell(res, "qq", task)[1]
    peers = [(cell(res, t, task)[1], t) for t in TOOLS[1:] if t in res["tools"]]
    peers = [(v, t) for v, t in peers if v is not None]
    if q is None or not peers:
        return "—"
    best, who = min(peers)
    return f"{q / best:.2f}× ({TOOL_TITLES[who]})" if best > 0 else "—"


def table(res: dict[str, Any]) -> str:
    """A Markdown table: rows = tasks, columns = tools, plus qq's ratio to the fastest peer."""
    tools = [t for t in TOOLS if t in res["tools"]]
    head = ["task"] + [TOOL_TITLES[t] for t in tools] + ["qq ÷ fastest peer"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for task in TASKS:
        row = [TASK_TITLES[task]] + [cell(res, t, task)[0] for t in tools] + [ratio(res, task)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def checks(res: dict[str, Any]) -> list[str]:
    """Disagreements between tools on the same task's answer (empty when all agree)."""
    ref_order = ("pandas", "polars", "networkx", "networkit", "igraph", "qq")
    problems: list[str] = []
    def chk(tool: str, task: str) -> dict[str, Any] | None:
        return res["tools"].get(tool, {}).get("tasks", {}).get(task, {}).get("check")
    for task, same in (("csv_load", ("nodes", "edges")), ("top100", ("followers",)),
                       ("kcore", ("sum", "max")), ("filter_top10", ("handles",))):
        have = [(t, chk(t, task)) for t in ref_order if chk(t, task)]
        if not have:
            continue
        ref_tool, ref = have[0]
        for t, c in have[1:]:
            for key in same:
                if key in c and key in ref and c[key] != ref[key]:
                    problems.append(f"{task}: {TOOL_TITLES[t]} {key} differs from {TOOL_TITLES[ref_tool]}")
    have = [(t, chk(t, "clustering")) for t in ref_order if chk(t, "clustering")]
    for t, c in have[1:]:
        if abs(c["mean"] - have[0][1]["mean"]) > 1e-6:
            problems.append(f"clustering: {TOOL_TITLES[t]} mean {c['mean']:.9f} vs "
                            f"{TOOL_TITLES[have[0][0]]} {have[0][1]['mean']:.9f}")
    have = [(t, chk(t, "pagerank")) for t in ref_order if chk(t, "pagerank") and t != "igraph"]
    if have:
        ref = dict((h, v) for h, v in have[0][1].get("top", []))
        for t, c in have[1:]:
            top = c.get("top", [])
            if [h for h, _ in top] != list(ref):
                problems.append(f"pagerank: {TOOL_TITLES[t]} top-10 order differs from {TOOL_TITLES[have[0][0]]}")
                continue
            diff = max((abs(v - ref[h]) for h, v in top), default=0.0)
            if diff > 1e-6:
                problems.append(f"pagerank: {TOOL_TITLES[t]} top-10 scores differ by up to {diff:.2e}")
    return problems


def derived_notes(res: dict[str, Any]) -> list[str]:
    """Notes on NetworkX's skipped tasks and on PageRank, drawn from the result's facts."""
    notes = []
    absent = [TOOL_TITLES[t] for t in TOOLS if t not in res["tools"]]
    if absent:
        why = (" NetworkX is never the fastest peer, so the ratio column does not depend on it."
               if "NetworkX" in absent else "")
        notes.append(f"Not run at this size (left out with `--tools`): {', '.join(absent)}.{why}")
    nx = res["tools"].get("networkx", {})
    skipped = {t: v for t, v in nx.get("skipped", {}).items()}
    limit = fmt_seconds(res["settings"].get("nx_limit", 300))
    if skipped.get("csv_load"):
        notes.append(f"NetworkX skipped: its CSV load alone is estimated at "
                     f"{skipped['csv_load'].split('est. ')[-1]}, over its {limit} a round.")
    elif skipped:
        notes.append(f"NetworkX runs its load and then the tasks that fit in an estimated {limit} a "
                     "round, cheapest first (estimates scaled from the smaller size: by edges, core "
                     "numbers and clustering by Σ degree²); skipped: " +
                     ", ".join(f"{TASK_TITLES[t]} ({v})" for t, v in skipped.items()) + ".")
    s = res["settings"]
    pr = {t: v["tasks"].get("pagerank", {}) for t, v in res["tools"].items()}
    rule = (f"until the L1 change is below {s['l1']:g} (NetworkX's rule L1 change < N·tol with "
            f"tol = {s['l1']:g}/N = {s['tol']:g})" if s.get("l1") else
            f"NetworkX's stopping rule (L1 change < N·tol, tol {s['tol']:g})")
    note = (f"PageRank: damping {s['damping']}, dangling mass spread uniformly, run {rule} for every "
            "tool but igraph, whose PRPACK solver has no tolerance setting and solves to its own, "
            "tighter precision (so it is left out of the PageRank check).")
    its = {v.get("iterations") for t, v in pr.items() if v.get("iterations") and t != "igraph"}
    if len(its) == 1:
        it = its.pop()
        note += f" {it} iteration{'s' if it != 1 else ''} on this graph."
        if pr.get("networkx", {}).get("seconds"):
            note += " NetworkX does not report its count; it runs the scipy kernel's iteration, so as many."
        src = pr.get("qq", {}).get("iterations_inferred_from")
        if src:
            note += (f" qq does not print its count; its top-10 scores equal {TOOL_TITLES[src]}'s "
                     "to 1e-12, so it ran as many.")
    notes.append(note)
    return notes


def section(res: dict[str, Any]) -> str:
    """One size's results as Markdown: graph, table, notes, checks."""
    g = res["graph"]
    out = [f"### {res['size']}: {g['nodes']:,} accounts, {g['edges']:,} follows",
           "",
           f"Run {res['timestamp']} · median of {res['settings']['repeat']} · "
           f"load average {res['machine']['loadavg_before']:.2f} before, "
           f"{res['machine']['loadavg_after']:.2f} after · graph made by {g['generator']}",
           "", table(res), ""]
    kept = [n for n in res.get("notes", []) if not n.startswith(("NetworkX runs", "PageRank:"))]
    for note in derived_notes(res) + kept:
        out.append(f"- {note}")
    probs = checks(res)
    out.append("- checks: " + ("every tool's answers agree (node and edge counts, the 100 follower "
                               "counts, core-number sum and maximum, mean clustering to 1e-6, PageRank "
                               "top-10 order and scores to 1e-6, the filter query's rows)." if not probs
                               else "; ".join(probs)))
    return "\n".join(out) + "\n"
