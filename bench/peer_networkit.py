"""Peer harness: NetworKit (parallel C++ core, OpenMP on both cores).

- csv_load: polars `read_csv` with one Categorical for the handles (ids), then
  `networkit.GraphFromCoo(..., directed=True)`. On these graphs this is several
  times faster than NetworKit's own `graphio.EdgeListReader` (non-continuous ids).
- pagerank: `centrality.PageRank(G, damp=0.85, tol=N·tol)` with
  `distributeSinks=DistributeSinks` and `norm=L1_NORM`, which is NetworkX's model
  and stopping rule (‖x − x_last‖₁ < N·tol); `numberOfIterations()` is reported.
- top100: `centrality.DegreeCentrality(G, outDeg=False)` then a numpy partial sort.
- kcore, clustering: the undirected graph (a mutual follow is one edge) is built
  from the edge arrays — numpy `unique` of (min, max) pairs, then `GraphFromCoo` —
  inside the timed call, then `centrality.CoreDecomposition` or
  `LocalClusteringCoefficient(turbo=True)`. NetworKit's `graphtools.toUndirected` is
  not used: it is slower on heavy-tailed graphs, and in NetworKit 11.3 its result
  has a wrong edge count that makes the turbo clustering crash.
- snapshot_load: NetworKit's own binary format (`NetworkitBinaryReader`) plus
  the handles as a numpy file.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from peer_base import ArrayChecks, filter_top
from peer_scipy import polars_codes


class _Named:
    """networkit.Graph plus its edge arrays and id → handle names."""

    def __init__(self, g, handles, src=None, dst=None) -> None:
        self.g = g
        self.handles = handles
        self.src = src
        self.dst = dst


def undirected(g: _Named):
    """The simple undirected graph of g's edges."""
    import networkit as nk
    n = g.g.upperNodeIdBound()
    s = g.src.astype(np.int64)
    d = g.dst.astype(np.int64)
    key = np.unique(np.minimum(s, d) * n + np.maximum(s, d))
    return nk.GraphFromCoo((key // n, key % n), n=n, directed=False)


class NetworKitPeer(ArrayChecks):
    supports = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")

    def versions(self) -> dict[str, str]:
        import networkit as nk
        return {"networkit": nk.__version__, "threads": str(nk.getMaxNumberOfThreads())}

    def load(self, path: str) -> _Named:
        import networkit as nk
        src, dst, handles = polars_codes(path)
        g = nk.GraphFromCoo((src, dst), n=handles.shape[0], directed=True)
        return _Named(g, handles, src, dst)

    def describe(self, g: _Named) -> dict[str, Any]:
        return {"nodes": g.g.numberOfNodes(), "edges": g.g.numberOfEdges()}

    def pagerank(self, g: _Named, alpha: float, tol: float, max_iter: int):
        import networkit as nk
        n = g.g.numberOfNodes()
        pr = nk.centrality.PageRank(g.g, damp=alpha, tol=n * tol,
                                    distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.maxIterations = max_iter
        pr.run()
        return np.asarray(pr.scores()), pr.numberOfIterations()

    def top_followers(self, g: _Named, k: int):
        import networkit as nk
        fol = np.asarray(nk.centrality.DegreeCentrality(g.g, outDeg=False).run().scores(),
                         dtype=np.int64)
        return self.top_named(g, fol, k), fol

    def kcore(self, g: _Named):
        import networkit as nk
        return nk.centrality.CoreDecomposition(undirected(g)).run().scores()

    def clustering(self, g: _Named):
        import networkit as nk
        return nk.centrality.LocalClusteringCoefficient(undirected(g), turbo=True).run().scores()

    def table(self, g: _Named, followers: np.ndarray, pagerank: np.ndarray):
        return followers, pagerank, g.handles

    def filter_top10(self, t, threshold: int):
        return filter_top(t[0], t[1], t[2], threshold)

    def snapshot_save(self, g: _Named, path: str) -> None:
        import networkit as nk
        nk.graphio.NetworkitBinaryWriter().write(g.g, path + ".nkbg")
        with open(path, "wb") as f:
            np.save(f, np.asarray(g.handles, dtype=str))

    def snapshot_load(self, path: str) -> _Named:
        import networkit as nk
        g = nk.graphio.NetworkitBinaryReader().read(path + ".nkbg")
        return _Named(g, np.load(path))
