"""Peer harnesses: a CSV reader (pandas or polars) feeding a scipy.sparse CSR matrix.

This is what an analyst writes when the graph libraries are too slow: read the
edge list with a data-frame library, turn handles into dense ids, build a CSR
adjacency matrix (row = follower, column = followed), and compute with numpy.

- csv_load: read follows.csv, map handles to ids, build the CSR matrix.
  pandas: `read_csv` + `pd.factorize` (ids in order of first appearance, as qq's).
  polars: multi-threaded `read_csv`, handles cast to one Categorical (codes are ids).
- pagerank: power iteration in numpy with NetworkX's rule (the body of
  `networkx.pagerank`'s scipy path): x ← α(x·D⁻¹A + Σx[dangling]/N) + (1−α)/N,
  stop when ‖x − x_last‖₁ < N·tol; the iteration count is reported.
- top100: in-degree by `np.bincount` over the column indices, then a partial sort.
- kcore, clustering: no library routine here; not measured.
- filter_top10: a data frame of (handle, followers, pagerank) queried by the library.
- snapshot_load: `np.load` of the CSR arrays and handles saved with `np.savez`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from peer_base import ArrayChecks


@dataclass
class CsrGraph:
    """A directed graph as CSR (row = src) plus the handle of each id."""
    adj: sp.csr_array
    handles: Any


def polars_codes(path: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(src ids, dst ids, handle of each id) read with polars; one Categorical gives the ids."""
    import polars as pl
    df = pl.read_csv(path)
    m = df.height
    cat = pl.concat([df["src"], df["dst"]]).cast(pl.Categorical)
    codes = cat.to_physical().to_numpy()
    return codes[:m], codes[m:], cat.dtype.categories.to_series().to_numpy()


def build_csr(src: np.ndarray, dst: np.ndarray, n: int) -> sp.csr_array:
    """Unit-weight CSR from id arrays; duplicate edges are summed (none expected)."""
    data = np.ones(src.shape[0], dtype=np.float64)
    return sp.csr_array((data, (src, dst)), shape=(n, n))


def pagerank_nx_rule(adj: sp.csr_array, alpha: float, tol: float,
                     max_iter: int) -> tuple[np.ndarray, int]:
    """NetworkX's PageRank power iteration with an iteration counter.

    - Complexity: O(m) per iteration.
    """
    n = adj.shape[0]
    out = np.asarray(adj.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        q = 1.0 / out
    q[~np.isfinite(q)] = 0.0
    m = (sp.diags_array(q) @ adj).tocsr()
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for it in range(1, max_iter + 1):
        xlast = x
        x = alpha * (xlast @ m + xlast[dangling].sum() / n) + (1.0 - alpha) / n
        if np.abs(x - xlast).sum() < n * tol:
            return x, it
    raise RuntimeError(f"pagerank did not converge in {max_iter} iterations")


class _ScipyPeer(ArrayChecks):
    """Metrics shared by both readers."""

    supports = ("pagerank", "top100", "filter_top10", "snapshot_load")

    def describe(self, g: CsrGraph) -> dict[str, Any]:
        return {"nodes": int(g.adj.shape[0]), "edges": int(g.adj.nnz)}

    def pagerank(self, g: CsrGraph, alpha: float, tol: float, max_iter: int):
        return pagerank_nx_rule(g.adj, alpha, tol, max_iter)

    def top_followers(self, g: CsrGraph, k: int):
        fol = np.bincount(g.adj.indices, minlength=g.adj.shape[0])
        return self.top_named(g, fol, k), fol

    def snapshot_save(self, g: CsrGraph, path: str) -> None:
        with open(path, "wb") as f:
            np.savez(f, indptr=g.adj.indptr, indices=g.adj.indices,
                     handles=np.asarray(g.handles, dtype=str))

    def snapshot_load(self, path: str) -> CsrGraph:
        z = np.load(path)
        indptr, indices = z["indptr"], z["indices"]
        n = indptr.shape[0] - 1
        data = np.ones(indices.shape[0], dtype=np.float64)
        return CsrGraph(sp.csr_array((data, indices, indptr), shape=(n, n)), z["handles"])


class PandasScipyPeer(_ScipyPeer):
    """pandas.read_csv + pd.factorize + scipy.sparse."""

    def versions(self) -> dict[str, str]:
        import pandas as pd
        import scipy
        return {"pandas": pd.__version__, "scipy": scipy.__version__, "numpy": np.__version__}

    def load(self, path: str) -> CsrGraph:
        import pandas as pd
        df = pd.read_csv(path, dtype=object)
        m = len(df)
        codes, uniq = pd.factorize(np.concatenate([df["src"].to_numpy(), df["dst"].to_numpy()]))
        return CsrGraph(build_csr(codes[:m], codes[m:], len(uniq)), uniq)

    def table(self, g: CsrGraph, followers: np.ndarray, pagerank: np.ndarray):
        import pandas as pd
        return pd.DataFrame({"handle": g.handles, "followers": followers, "pagerank": pagerank})

    def filter_top10(self, df, threshold: int):
        r = df[df["followers"] > threshold].nlargest(10, "pagerank")[["handle", "followers", "pagerank"]]
        return list(r.itertuples(index=False, name=None))


class PolarsScipyPeer(_ScipyPeer):
    """polars.read_csv (multi-threaded) + Categorical codes + scipy.sparse."""

    def versions(self) -> dict[str, str]:
        import polars as pl
        import scipy
        return {"polars": pl.__version__, "scipy": scipy.__version__, "numpy": np.__version__}

    def load(self, path: str) -> CsrGraph:
        src, dst, handles = polars_codes(path)
        return CsrGraph(build_csr(src, dst, handles.shape[0]), handles)

    def table(self, g: CsrGraph, followers: np.ndarray, pagerank: np.ndarray):
        import polars as pl
        return pl.DataFrame({"handle": g.handles, "followers": followers, "pagerank": pagerank})

    def filter_top10(self, df, threshold: int):
        import polars as pl
        r = (df.filter(pl.col("followers") > threshold)
             .top_k(10, by="pagerank").select("handle", "followers", "pagerank"))
        return list(r.iter_rows())
