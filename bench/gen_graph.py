"""Fallback graph generator for the benchmark: a heavy-tailed directed follow graph.

The benchmark's default generator is qq's own `generate accounts N follows M seed S`
followed by `save "dir"`. This module writes the same CSV folder layout
(accounts.csv with a `handle` column, follows.csv with a `src,dst` header, handles
like u000123) without qq, so the peer harnesses can be exercised and cross-checked
on a machine where qq is not built (`scripts/bench --generator python`).

Model: every account gets an "activity" weight (out-degree propensity) and an
independent "popularity" weight (in-degree propensity), both Pareto-distributed;
directed edges are drawn src ~ activity, dst ~ popularity, and about a fifth of them
are followed back (reciprocity about 30 %). Self-loops and duplicates are removed
and the edge list is cut to exactly `follows` rows. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np
import polars as pl


def _weights(rng: np.random.Generator, n: int, alpha: float) -> np.ndarray:
    """Pareto(alpha) weights normalised to a cumulative distribution."""
    w = rng.pareto(alpha, n) + 1.0
    c = np.cumsum(w)
    return c / c[-1]


def generate(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (src, dst) int64 arrays of exactly m distinct non-loop edges over n ids."""
    rng = np.random.default_rng(seed)
    act = _weights(rng, n, 1.6)
    pop = _weights(rng, n, 1.2)
    parts_s, parts_d = [], []
    have = 0
    keys = np.empty(0, dtype=np.int64)
    while have < m:
        k = int((m - have) * 1.15) + 1000
        s = np.searchsorted(act, rng.random(k)).astype(np.int64)
        d = np.searchsorted(pop, rng.random(k)).astype(np.int64)
        back = rng.random(k) < 0.18
        # each edge is followed (in list order) by its follow-back, when there is one
        s2 = np.stack([s, d], axis=1).ravel()
        d2 = np.stack([d, s], axis=1).ravel()
        keep = np.stack([np.ones(k, dtype=bool), back], axis=1).ravel() & (s2 != d2)
        s2, d2 = s2[keep], d2[keep]
        new = s2 * n + d2
        allk = np.concatenate([keys, new])
        _, first = np.unique(allk, return_index=True)
        first.sort()
        keys = allk[first]
        have = keys.size
        parts_s, parts_d = [keys // n], [keys % n]
    src, dst = parts_s[0][:m], parts_d[0][:m]
    return src, dst


def handles(ids: pl.Expr, width: int) -> pl.Expr:
    """u + zero-padded id, e.g. u000123."""
    return pl.lit("u") + ids.cast(pl.Utf8).str.zfill(width)


def write_folder(out: str, n: int, m: int, seed: int) -> None:
    """Write accounts.csv and follows.csv for a generated graph into folder `out`."""
    os.makedirs(out, exist_ok=True)
    width = max(6, len(str(n - 1)))
    src, dst = generate(n, m, seed)
    pl.DataFrame({"id": np.arange(n)}).select(handle=handles(pl.col("id"), width)).write_csv(
        os.path.join(out, "accounts.csv"))
    pl.DataFrame({"s": src, "d": dst}).select(
        src=handles(pl.col("s"), width), dst=handles(pl.col("d"), width)
    ).write_csv(os.path.join(out, "follows.csv"))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--accounts", type=int, required=True)
    p.add_argument("--follows", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("out")
    a = p.parse_args(argv)
    write_folder(a.out, a.accounts, a.follows, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
