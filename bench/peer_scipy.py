"""Peer harnesses: a CSV reader (pandas or polars) feeding scipy.sparse CSR arrays.

This is what an analyst writes when the graph libraries are too slow, written the
way a careful numpy user would: read the edge list with a data-frame library, turn
handles into dense ids, keep the graph as CSR arrays in both directions (as qq's
loader does), and compute with numpy/scipy.

- csv_load: read follows.csv, map handles to ids, build the out- and in-CSR.
  pandas: `read_csv` + `pd.factorize` (ids in order of first appearance, as qq's).
  polars: multi-threaded `read_csv`, handles cast to one Categorical (codes are ids).
- pagerank: NetworkX's rule (the body of `networkx.pagerank`'s scipy path),
  x ← α(Wx + Σx[dangling]/N) + (1−α)/N, as a plain scipy CSR mat-vec in float64:
  W is the in-CSR with weight 1/outdeg(src), built once per call; dangling nodes
  spread their mass uniformly; stop when ‖x − x_last‖₁ < N·tol (the same L1 rule
  as every tool); the iteration count is reported.
- top100: in-degree = `np.diff` of the in-CSR's row pointer, then a partial sort.
- kcore, clustering: no library routine here; not measured.
- filter_top10: a data frame of (handle, followers, pagerank) queried by the library.
- snapshot_load: raw `np.load` of five `.npy` files: indptr and indices of both
  directions and the handles as one fixed-width byte-string array.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from peer_base import ArrayChecks

SNAPSHOT_ARRAYS = ("out_indptr", "out_indices", "in_indptr", "in_indices", "handles")


@dataclass
class CsrGraph:
    """A directed graph as CSR arrays in both directions plus the handle of each id.

    out: row = follower (src), indices = followed; inn: row = followed (dst),
    indices = followers. Duplicate edges are merged (none expected).
    """
    out_indptr: np.ndarray
    out_indices: np.ndarray
    in_indptr: np.ndarray
    in_indices: np.ndarray
    handles: Any

    @property
    def n(self) -> int:
        return int(self.out_indptr.shape[0] - 1)


def polars_codes(path: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(src ids, dst ids, handle of each id) read with polars; one Categorical gives the ids."""
    import polars as pl
    df = pl.read_csv(path)
    m = df.height
    cat = pl.concat([df["src"], df["dst"]]).cast(pl.Categorical)
    codes = cat.to_physical().to_numpy()
    return codes[:m], codes[m:], cat.dtype.categories.to_series().to_numpy()


def csr_arrays(rows: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(indptr, indices) of the pattern (rows, cols): scipy's O(m) COO→CSR, duplicates merged."""
    data = np.ones(rows.shape[0], dtype=np.int8)
    a = sp.coo_array((data, (rows, cols)), shape=(n, n)).tocsr()
    return a.indptr, a.indices


def build_graph(src: np.ndarray, dst: np.ndarray, handles: Any) -> CsrGraph:
    n = len(handles)
    op, oi = csr_arrays(src, dst, n)
    ip, ii = csr_arrays(dst, src, n)
    return CsrGraph(op, oi, ip, ii, handles)


def pagerank_nx_rule(g: CsrGraph, alpha: float, tol: float,
                     max_iter: int) -> tuple[np.ndarray, int]:
    """NetworkX's PageRank power iteration as a CSR mat-vec, with an iteration counter.

    - Complexity: O(m) per iteration.
    """
    n = g.n
    outdeg = np.diff(g.out_indptr)
    dangling = outdeg == 0
    q = np.zeros(n, dtype=np.float64)
    np.divide(1.0, outdeg, out=q, where=~dangling)
    w = sp.csr_array((q[g.in_indices], g.in_indices, g.in_indptr), shape=(n, n))
    x = np.full(n, 1.0 / n)
    for it in range(1, max_iter + 1):
        xlast = x
        x = alpha * (w @ xlast + xlast[dangling].sum() / n) + (1.0 - alpha) / n
        if np.abs(x - xlast).sum() < n * tol:
            return x, it
    raise RuntimeError(f"pagerank did not converge in {max_iter} iterations")


class _ScipyPeer(ArrayChecks):
    """Metrics shared by both readers."""

    supports = ("pagerank", "top100", "filter_top10", "snapshot_load")

    def describe(self, g: CsrGraph) -> dict[str, Any]:
        return {"nodes": g.n, "edges": int(g.out_indices.shape[0])}

    def pagerank(self, g: CsrGraph, alpha: float, tol: float, max_iter: int):
        return pagerank_nx_rule(g, alpha, tol, max_iter)

    def top_followers(self, g: CsrGraph, k: int):
        fol = np.diff(g.in_indptr)
        return self.top_named(g, fol, k), fol

    def snapshot_save(self, g: CsrGraph, path: str) -> None:
        os.makedirs(path, exist_ok=True)
        handles = np.asarray(g.handles, dtype=str)
        try:
            handles = handles.astype("S")  # ASCII handles: one byte a character
        except UnicodeEncodeError:
            pass
        arrays = dict(zip(SNAPSHOT_ARRAYS, (g.out_indptr, g.out_indices, g.in_indptr, g.in_indices, handles)))
        for name, a in arrays.items():
            np.save(os.path.join(path, name + ".npy"), np.ascontiguousarray(a))

    def snapshot_load(self, path: str) -> CsrGraph:
        a = [np.load(os.path.join(path, name + ".npy")) for name in SNAPSHOT_ARRAYS]
        return CsrGraph(*a)


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
        return build_graph(codes[:m], codes[m:], uniq)

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
        return build_graph(src, dst, handles)

    def table(self, g: CsrGraph, followers: np.ndarray, pagerank: np.ndarray):
        import polars as pl
        return pl.DataFrame({"handle": g.handles, "followers": followers, "pagerank": pagerank})

    def filter_top10(self, df, threshold: int):
        import polars as pl
        r = (df.filter(pl.col("followers") > threshold)
             .top_k(10, by="pagerank").select("handle", "followers", "pagerank"))
        return list(r.iter_rows())
