import QQData

/// The undirected simple view of a directed layer, as NetworkX's `G.to_undirected()`:
/// `u — v` whenever `u -> v` or `v -> u`; a mutual pair is one edge. Weights are
/// dropped. Layers never hold self-loops or duplicates (the builder drops them), so
/// the result has neither.
///
/// Row `v` is the sorted union of `out.neighbors(v)` and `inn.neighbors(v)`, built
/// by merging the two sorted rows: one pass to count, a prefix sum, one pass to fill,
/// both parallel over node ranges.
public enum Undirected {
    /// The symmetric CSR of the undirected view of `layer` (each edge in both rows).
    ///
    /// - Complexity: O(n + m) time and memory.
    public static func csr(of layer: Layer) throws(Diagnostic) -> CSR {
        let n = layer.nodeCount
        if n == 0 { return CSR(nodeCount: 0) }
        let parts = Parallel.ranges(offsets: layer.out.offsets, parts: 64)
        var offsets = [Int](repeating: 0, count: n + 1)
        try layer.out.withPtrs { (o) throws(Diagnostic) in
            try layer.inn.withPtrs { (i) throws(Diagnostic) in
                try offsets.withMutablePtr { (d) throws(Diagnostic) in
                    try Parallel.forEach(parts.count) { p in
                        for v in parts[p] { d[v + 1] = mergeCount(o, i, v) }
                    }
                }
            }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var targets = [UInt32](repeating: 0, count: offsets[n])
        try layer.out.withPtrs { (o) throws(Diagnostic) in
            try layer.inn.withPtrs { (i) throws(Diagnostic) in
                try offsets.withPtr { (off) throws(Diagnostic) in
                    try targets.withMutablePtr { (t) throws(Diagnostic) in
                        try Parallel.forEach(parts.count) { p in
                            for v in parts[p] { mergeFill(o, i, v, into: t, at: off[v]) }
                        }
                    }
                }
            }
        }
        return CSR(offsets: offsets, targets: targets)
    }

    /// Size of the union of row `v` of `a` and row `v` of `b` (sorted, duplicate-free).
    @inline(__always)
    static func mergeCount(_ a: CSRPtr, _ b: CSRPtr, _ v: Int) -> Int {
        var i = a.offsets[v], j = b.offsets[v], c = 0
        let a1 = a.offsets[v + 1], b1 = b.offsets[v + 1]
        while i < a1 && j < b1 {
            let x = a.targets[i], y = b.targets[j]
            if x <= y { i += 1 }
            if y <= x { j += 1 }
            c += 1
        }
        return c + (a1 - i) + (b1 - j)
    }

    /// Writes the sorted union of row `v` of `a` and of `b` into `t` from `start`.
    @inline(__always)
    static func mergeFill(_ a: CSRPtr, _ b: CSRPtr, _ v: Int, into t: Ptr<UInt32>, at start: Int) {
        var i = a.offsets[v], j = b.offsets[v], w = start
        let a1 = a.offsets[v + 1], b1 = b.offsets[v + 1]
        while i < a1 && j < b1 {
            let x = a.targets[i], y = b.targets[j]
            t[w] = x <= y ? x : y
            if x <= y { i += 1 }
            if y <= x { j += 1 }
            w += 1
        }
        while i < a1 { t[w] = a.targets[i]; i += 1; w += 1 }
        while j < b1 { t[w] = b.targets[j]; j += 1; w += 1 }
    }
}
