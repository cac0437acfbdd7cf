"""Benchmark graphs: generated once per size as CSV folders under bench/data/, then reused.

The default generator is qq itself (`generate accounts N follows M seed 7` then
`save "dir"`), so every tool loads the very files qq writes. `--generator python`
uses bench/gen_graph.py instead (same layout), for working on the peers without a
qq binary. A folder is complete when its `.complete` marker names the generator;
a folder made by the other generator is made again.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time

from runner import run_process

SIZES = {"S": (10_000, 100_000), "M": (200_000, 2_000_000), "L": (1_000_000, 20_000_000)}
SEED = 7


def qq_count(n: int) -> str:
    """A count in qq's literal form (10k, 2M)."""
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def ensure(data_root: str, size: str, generator: str, qq: str | None, here: str) -> dict:
    """Make (or reuse) the CSV folder for a size; return its stats (see `stats`)."""
    folder = os.path.join(data_root, size)
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        with open(marker) as f:
            info = json.load(f)
        if info.get("generator") == generator:
            return info
    shutil.rmtree(folder, ignore_errors=True)
    accounts, follows = SIZES[size]
    tmp = os.path.join(data_root, f".{size}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(data_root, exist_ok=True)
    t0 = time.monotonic()
    if generator == "qq":
        stmt = (f"generate accounts {qq_count(accounts)} follows {qq_count(follows)} seed {SEED}; "
                f'save "{tmp}"')
        fin = run_process([qq, "--timer", "-c", stmt], 3600)
        if fin.returncode != 0:
            raise SystemExit(f"qq could not generate the {size} graph: {fin.stderr.strip()}")
    else:
        fin = run_process([sys.executable, os.path.join(here, "gen_graph.py"), "--accounts",
                           str(accounts), "--follows", str(follows), "--seed", str(SEED), tmp], 3600)
        if fin.returncode != 0:
            raise SystemExit(f"gen_graph.py failed: {fin.stderr.strip()}")
    seconds = time.monotonic() - t0
    info = {"generator": generator, "seed": SEED, "accounts": accounts, "follows": follows,
            "generate_seconds": round(seconds, 3)}
    info.update(stats(os.path.join(tmp, "follows.csv")))
    with open(os.path.join(tmp, ".complete"), "w") as f:
        json.dump(info, f, indent=1)
    os.replace(tmp, folder)
    return info


def stats(csv: str) -> dict:
    """Nodes and edges of the follow graph, and Σ d² over total degrees.

    Σ d² measures the wedges a clustering computation walks; it is what the
    NetworkX time estimate scales clustering by (other tasks scale by edges).
    """
    import numpy as np
    import polars as pl
    df = pl.read_csv(csv)
    cat = pl.concat([df["src"], df["dst"]]).cast(pl.Categorical).to_physical().to_numpy()
    deg = np.bincount(cat).astype(np.float64)
    return {"nodes": int(deg.shape[0]), "edges": int(df.height), "sum_deg2": float((deg * deg).sum()),
            "max_in": int(np.bincount(cat[df.height:]).max())}
