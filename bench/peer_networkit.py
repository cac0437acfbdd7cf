"""Peer harness: NetworKit (parallel C++ core, OpenMP on both cores).

- csv_load: `graphio.EdgeListReader(',', 0, commentPrefix='src', continuous=False,
  directed=True)` reads handles as tokens; its node map gives id → handle.
- pagerank: `centrality.PageRank(G, damp=0.85, tol=N·tol)` with
  `distributeSinks=DistributeSinks` and `norm=L1_NORM`, which is NetworkX's model
  and stopping rule (‖x − x_last‖₁ < N·tol); `numberOfIterations()` is reported.
- top100: `centrality.DegreeCentrality(G, outDeg=False)` then a numpy partial sort.
- kcore: `graphtools.toUndirected(G)` (mutual follows become one edge) then
  `centrality.CoreDecomposition`; the conversion is part of the timed call.
- clustering: the same undirected copy, `LocalClusteringCoefficient(u)` (default, parallel
  algorithm; turbo mode crashes on graphs made by `toUndirected` in NetworKit 11.3).
- snapshot_load: NetworKit's own binary format (`NetworkitBinaryReader`) plus
  the handles as a numpy file.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from peer_base import ArrayChecks, filter_top


class _Named:
    """networkit.Graph plus an id → handle list."""

    def __init__(self, g, handles) -> None:
        self.g = g
        self.handles = handles


class NetworKitPeer(ArrayChecks):
    supports = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")

    def versions(self) -> dict[str, str]:
        import networkit as nk
        return {"networkit": nk.__version__, "threads": str(nk.getMaxNumberOfThreads())}

    def load(self, path: str) -> _Named:
        import networkit as nk
        r = nk.graphio.EdgeListReader(",", 0, commentPrefix="src", continuous=False, directed=True)
        g = r.read(path)
        handles = [""] * g.upperNodeIdBound()
        for h, i in r.getNodeMap().items():
            handles[i] = h
        return _Named(g, handles)

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
        u = nk.graphtools.toUndirected(g.g)
        return nk.centrality.CoreDecomposition(u).run().scores()

    def clustering(self, g: _Named):
        import networkit as nk
        u = nk.graphtools.toUndirected(g.g)
        return nk.centrality.LocalClusteringCoefficient(u).run().scores()

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
