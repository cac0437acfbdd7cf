// Partition agreement — the aggregates `ari(a, b)` and `nmi(a, b)` (SPEC §9).
//
// Definitions, over the n rows where both labels are present, with the contingency
//   table n_ij (rows labelled i in a and j in b), a_i = Σ_j n_ij, b_j = Σ_i n_ij:
//   ari — adjusted Rand index (Hubert & Arabie 1985) through the pair confusion
//     matrix: tp = Σ n_ij² − n, fp = Σ b_j² − Σ n_ij², fn = Σ a_i² − Σ n_ij²,
//     tn = n² − tp − fp − fn − n (ordered pairs);
//     ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)),
//     and 1 when fn = fp = 0 (identical partitions, including no rows, one row, one
//     cluster on both sides, all singletons on both sides). Counts are exact
//     (128-bit integers); only the final quotient is rounded.
//   nmi — normalized mutual information with the arithmetic mean:
//     MI = Σ_ij (n_ij/n)·(log n_ij − log n) + (n_ij/n)·(log n + log n − log(a_i·b_j)),
//     each term below machine epsilon in magnitude counted as 0, the sum clipped at 0;
//     H(x) = −Σ (x_i/n)(log x_i − log n); NMI = MI / ((H(a) + H(b)) / 2).
//     Special cases as scikit-learn: 1 when both sides have one cluster or no rows;
//     0 when MI = 0 otherwise (e.g. one side a single cluster). Natural logarithms.
// Matches: scikit-learn 1.x `adjusted_rand_score(a, b)` and
//   `normalized_mutual_info_score(a, b)` (average_method='arithmetic') to 1e-12 —
//   the formulas above are theirs, term for term (sklearn/metrics/cluster/_supervised.py).
// Labels: any Int64 values; only equality matters. Nulls: the optional forms skip
//   rows where either label is nil. Unequal lengths: the rows beyond the shorter are
//   ignored.
// References: L. Hubert, P. Arabie, "Comparing partitions", J. Classification 2
//   (1985) 193–218; A. Strehl, J. Ghosh, "Cluster ensembles", JMLR 3 (2002) 583–617;
//   N. X. Vinh, J. Epps, J. Bailey, "Information theoretic measures for clusterings
//   comparison", JMLR 11 (2010) 2837–2854.
//
// API: `PartitionAgreement.ari(a, b)`, `PartitionAgreement.nmi(a, b)` over `[Int64]`
//   or `[Int64?]`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Agreement between two partitions of the same rows.
public enum PartitionAgreement {
    /// Adjusted Rand index of the rows where both labels are present.
    public static func ari(_ a: [Int64?], _ b: [Int64?]) -> Double {
        let (x, y) = present(a, b)
        return ari(x, y)
    }

    /// Normalized mutual information (arithmetic mean) of the rows where both labels are present.
    public static func nmi(_ a: [Int64?], _ b: [Int64?]) -> Double {
        let (x, y) = present(a, b)
        return nmi(x, y)
    }

    /// Adjusted Rand index, as scikit-learn's `adjusted_rand_score`.
    ///
    /// - Complexity: O(n log n) time, O(n) memory.
    public static func ari(_ a: [Int64], _ b: [Int64]) -> Double {
        let t = Contingency(a, b)
        let n = Int128(t.n)
        var squares: Int128 = 0
        for c in t.cells { squares += Int128(c) * Int128(c) }
        var rowSquares: Int128 = 0, colSquares: Int128 = 0
        for r in t.rows { rowSquares += Int128(r) * Int128(r) }
        for c in t.cols { colSquares += Int128(c) * Int128(c) }
        let tp = squares - n
        let fp = colSquares - squares
        let fn = rowSquares - squares
        let tn = n * n - fp - fn - squares
        if fn == 0 && fp == 0 { return 1.0 }
        let numerator = tp * tn - fn * fp
        let denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn)
        return 2.0 * Double(numerator) / Double(denominator)
    }

    /// Normalized mutual information with the arithmetic mean, as scikit-learn's
    /// `normalized_mutual_info_score`.
    ///
    /// - Complexity: O(n log n) time, O(n) memory.
    public static func nmi(_ a: [Int64], _ b: [Int64]) -> Double {
        let t = Contingency(a, b)
        if (t.rows.count == 1 && t.cols.count == 1) || (t.rows.isEmpty && t.cols.isEmpty) { return 1.0 }
        let mi = mutualInformation(t)
        if mi == 0 { return 0.0 }
        let normalizer = (entropy(t.rows) + entropy(t.cols)) / 2
        return mi / normalizer
    }

    /// scikit-learn's `mutual_info_score` on the contingency table.
    static func mutualInformation(_ t: Contingency) -> Double {
        if t.rows.count == 1 || t.cols.count == 1 { return 0 }
        let total = Double(t.n)
        let logTotal = log(total)
        // log(pi.sum()) + log(pj.sum()): both sums are n.
        let logSums = logTotal + logTotal
        let eps = Double.ulpOfOne
        var mi = 0.0
        for k in t.cells.indices {
            let c = Double(t.cells[k])
            let p = c / total
            let ai = t.rows[t.cellRow[k]], bj = t.cols[t.cellCol[k]]
            let (product, overflow) = ai.multipliedReportingOverflow(by: bj)
            let outer = overflow ? Double(ai) * Double(bj) : Double(product)
            let term = p * (log(c) - logTotal) + p * (-log(outer) + logSums)
            if abs(term) >= eps { mi += term }
        }
        return max(mi, 0)
    }

    /// scikit-learn's `_entropy` from cluster sizes (1 without rows, 0 for one cluster).
    static func entropy(_ sizes: [Int]) -> Double {
        if sizes.isEmpty { return 1.0 }
        if sizes.count == 1 { return 0 }
        let total = Double(sizes.reduce(0, +))
        let logTotal = log(total)
        var h = 0.0
        for s in sizes {
            let x = Double(s)
            h += (x / total) * (log(x) - logTotal)
        }
        return -h
    }

    /// The rows where both labels are present.
    static func present(_ a: [Int64?], _ b: [Int64?]) -> ([Int64], [Int64]) {
        var x: [Int64] = [], y: [Int64] = []
        for (p, q) in zip(a, b) {
            if let p, let q { x.append(p); y.append(q) }
        }
        return (x, y)
    }
}

/// The sparse contingency table of two labelings: cluster sizes on each side and the
/// non-zero cells with their row and column.
struct Contingency {
    var n: Int
    /// Size of each cluster of the first labeling (a_i), and of the second (b_j).
    var rows: [Int], cols: [Int]
    /// Non-zero counts n_ij with their i and j.
    var cells: [Int], cellRow: [Int], cellCol: [Int]

    init(_ a: [Int64], _ b: [Int64]) {
        n = min(a.count, b.count)
        let (da, ka) = Contingency.dense(a, n)
        let (db, kb) = Contingency.dense(b, n)
        rows = [Int](repeating: 0, count: ka)
        cols = [Int](repeating: 0, count: kb)
        for k in 0..<n { rows[da[k]] += 1; cols[db[k]] += 1 }
        // Group equal (i, j) pairs by sorting their packed keys.
        var keys = (0..<n).map { UInt64(da[$0]) << 32 | UInt64(db[$0]) }
        keys.sort()
        cells = []; cellRow = []; cellCol = []
        var k = 0
        while k < n {
            var e = k + 1
            while e < n && keys[e] == keys[k] { e += 1 }
            cells.append(e - k)
            cellRow.append(Int(keys[k] >> 32)); cellCol.append(Int(keys[k] & 0xFFFF_FFFF))
            k = e
        }
    }

    /// Labels renumbered 0..<count in order of first appearance.
    static func dense(_ labels: [Int64], _ n: Int) -> ([Int], Int) {
        var map: [Int64: Int] = [:]
        var out = [Int](repeating: 0, count: n)
        for k in 0..<n {
            if let d = map[labels[k]] { out[k] = d } else { let d = map.count; map[labels[k]] = d; out[k] = d }
        }
        return (out, map.count)
    }
}
