"""Peer harness: NetworkX (pure Python; the reference qq's metrics are defined by).

- csv_load: read follows.csv line by line and `DiGraph.add_edges_from` the pairs
  (handles are the node keys).
- pagerank: `nx.pagerank(G, alpha=0.85, tol=tol, max_iter=max_iter)`. NetworkX does
  not report its iteration count; its scipy path is the same iteration as the
  pandas/polars peers' kernel, so it runs the same number of iterations.
- top100: `heapq.nlargest` over `G.in_degree()` (stable: ties keep node order).
- kcore: `nx.core_number(G.to_undirected())`, conversion included.
- clustering: `nx.clustering(G.to_undirected())`, conversion included.
- snapshot_load: `pickle` of the DiGraph.
"""

from __future__ import annotations

import heapq
import pickle
from operator import itemgetter
from typing import Any


class NetworkXPeer:
    supports = ("pagerank", "top100", "kcore", "clustering", "filter_top10", "snapshot_load")

    def versions(self) -> dict[str, str]:
        import networkx as nx
        import scipy
        return {"networkx": nx.__version__, "scipy": scipy.__version__}

    def load(self, path: str):
        import networkx as nx
        g = nx.DiGraph()
        with open(path, encoding="utf-8") as f:
            next(f)
            g.add_edges_from(line.rstrip("\r\n").split(",", 1) for line in f)
        return g

    def describe(self, g) -> dict[str, Any]:
        return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}

    def pagerank(self, g, alpha: float, tol: float, max_iter: int):
        import networkx as nx
        return nx.pagerank(g, alpha=alpha, tol=tol, max_iter=max_iter), None

    def top_followers(self, g, k: int):
        fol = dict(g.in_degree())
        return heapq.nlargest(k, fol.items(), key=itemgetter(1)), fol

    def kcore(self, g):
        import networkx as nx
        return nx.core_number(g.to_undirected())

    def clustering(self, g):
        import networkx as nx
        return nx.clustering(g.to_undirected())

    def table(self, g, followers: dict, pagerank: dict):
        return followers, pagerank

    def filter_top10(self, t, threshold: int):
        fol, pr = t
        keep = (h for h, c in fol.items() if c > threshold)
        return [(h, fol[h], pr[h]) for h in heapq.nlargest(10, keep, key=pr.__getitem__)]

    def snapshot_save(self, g, path: str) -> None:
        with open(path, "wb") as f:
            pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)

    def snapshot_load(self, path: str):
        with open(path, "rb") as f:
            return pickle.load(f)

    def check_scores(self, g, scores: dict, k: int) -> dict[str, Any]:
        top = heapq.nlargest(k, scores.items(), key=itemgetter(1))
        return {"sum": float(sum(scores.values())), "top": [[h, float(v)] for h, v in top]}

    def check_core(self, core: dict) -> dict[str, Any]:
        return {"sum": int(sum(core.values())), "max": int(max(core.values()))}

    def check_clustering(self, cc: dict) -> dict[str, Any]:
        return {"mean": float(sum(cc.values()) / len(cc))}
