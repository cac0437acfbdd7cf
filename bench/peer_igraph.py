"""Peer harness: python-igraph (C core).

- csv_load: `pandas.read_csv` then `igraph.Graph.DataFrame(..., directed=True)`,
  the documented way to build a named graph from an edge list; names are handles.
- pagerank: `Graph.pagerank(damping=0.85)` with igraph's default PRPACK solver,
  which solves the linear system to its own precision (no tolerance parameter and
  no iteration count); dangling nodes spread uniformly, as NetworkX.
- top100: `Graph.indegree()` then a numpy partial sort.
- kcore: `as_undirected(mode="collapse")` (mutual follows become one edge) then
  `coreness()`; the conversion is part of the timed call.
- clustering: the same undirected copy, `transitivity_local_undirected(mode="zero")`
  (0 for nodes of degree < 2, as NetworkX).
- snapshot_load: `pickle` of the Graph (igraph's own binary formats drop names).
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np

from peer_base import ArrayChecks, filter_top


class _Named:
    """igraph.Graph plus its vertex names as a list (ids are dense)."""

    def __init__(self, g) -> None:
        self.g = g
        self.handles = g.vs["name"]


class IGraphPeer(ArrayChecks):
    supports = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")

    def versions(self) -> dict[str, str]:
        import igraph
        import pandas as pd
        return {"igraph": igraph.__version__, "pandas": pd.__version__}

    def load(self, path: str) -> _Named:
        import igraph
        import pandas as pd
        df = pd.read_csv(path, dtype=object)
        return _Named(igraph.Graph.DataFrame(df, directed=True, use_vids=False))

    def describe(self, g: _Named) -> dict[str, Any]:
        return {"nodes": g.g.vcount(), "edges": g.g.ecount()}

    def pagerank(self, g: _Named, alpha: float, tol: float, max_iter: int):
        return np.asarray(g.g.pagerank(damping=alpha, directed=True)), None

    def top_followers(self, g: _Named, k: int):
        fol = np.asarray(g.g.indegree())
        return self.top_named(g, fol, k), fol

    def kcore(self, g: _Named):
        return g.g.as_undirected(mode="collapse").coreness()

    def clustering(self, g: _Named):
        return g.g.as_undirected(mode="collapse").transitivity_local_undirected(mode="zero")

    def table(self, g: _Named, followers: np.ndarray, pagerank: np.ndarray):
        return followers, pagerank, g.handles

    def filter_top10(self, t, threshold: int):
        return filter_top(t[0], t[1], t[2], threshold)

    def snapshot_save(self, g: _Named, path: str) -> None:
        with open(path, "wb") as f:
            pickle.dump(g.g, f, protocol=pickle.HIGHEST_PROTOCOL)

    def snapshot_load(self, path: str) -> _Named:
        with open(path, "rb") as f:
            return _Named(pickle.load(f))
