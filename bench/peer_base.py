"""Shared pieces of the peer harnesses that keep node values in numpy arrays.

A harness for an array-based tool (igraph, NetworKit, pandas/polars + scipy.sparse)
keeps a graph object whose nodes are dense ids 0..n-1 and a `handles` sequence that
names them. The helpers here pick top-k rows with qq's tie rule (larger value first,
then lower id, i.e. earlier load order) and summarise answers for the cross-tool
checks, outside the timed region.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def top_k(values: np.ndarray, k: int) -> np.ndarray:
    """Ids of the k largest values, descending, ties by ascending id.

    - Complexity: O(n) partition plus O(k log k) for the final order.
    """
    n = values.shape[0]
    if k >= n:
        cand = np.arange(n)
    else:
        kth = np.partition(values, n - k)[n - k]
        cand = np.flatnonzero(values >= kth)
    order = np.lexsort((cand, -values[cand]))
    return cand[order[:k]]


def filter_top(followers: np.ndarray, pagerank: np.ndarray, handles: Sequence[str],
               threshold: int, k: int = 10) -> list[tuple[str, int, float]]:
    """`where followers > threshold | top k by pagerank | select handle, followers, pagerank`."""
    keep = np.flatnonzero(followers > threshold)
    sub = top_k(pagerank[keep], k)
    ids = keep[sub]
    return [(handles[i], int(followers[i]), float(pagerank[i])) for i in ids]


class ArrayChecks:
    """Check summaries for harnesses whose graphs expose `handles` and dense ids."""

    def check_scores(self, g: Any, scores: np.ndarray, k: int) -> dict[str, Any]:
        ids = top_k(np.asarray(scores, dtype=np.float64), k)
        return {"sum": float(np.sum(scores)),
                "top": [[g.handles[i], float(scores[i])] for i in ids]}

    def check_core(self, core: Any) -> dict[str, Any]:
        a = np.asarray(core)
        return {"sum": int(a.sum()), "max": int(a.max())}

    def check_clustering(self, cc: Any) -> dict[str, Any]:
        a = np.asarray(cc, dtype=np.float64)
        return {"mean": float(np.nan_to_num(a).mean())}

    def top_named(self, g: Any, values: np.ndarray, k: int) -> list[tuple[str, int]]:
        """(handle, value) for the k largest values."""
        return [(g.handles[i], int(values[i])) for i in top_k(values, k)]
