import QQData

// Interaction columns — `interactions`, `received(layer)`, `sent(layer)`,
// `engagement`, `dialogue`.
//
// Definitions (interaction layers are directed and weighted: u -> v with weight =
//   how many times u reposted/mentioned/replied to v; duplicate rows add up):
//   received(L)(v) = Σ_u w_L(u, v)       NetworkX `G_L.in_degree(v, weight="weight")`
//   sent(L)(v)     = Σ_u w_L(v, u)       NetworkX `G_L.out_degree(v, weight="weight")`
//   interactions(v) = Σ_L received(L)(v) over every interaction layer (0 without layers)
//   engagement(v)  = interactions(v) / followers(v); null when followers = 0
//   dialogue(v)    = |S ∩ R| / |S ∪ R| where S = accounts v sent to and R = accounts v
//                    received from, in any interaction layer (edges of any weight);
//                    null when S ∪ R is empty. No NetworkX equivalent; the tests
//                    check it against a direct set computation.
// Self-loops: none (the layer builder drops them). Nulls: as stated above.
// Types: float (weights may be fractional).

/// Columns over the interaction layers.
public enum Interaction {
    /// Weighted in-strength of every account in one layer.
    ///
    /// - Complexity: O(n + m).
    public static func received(_ layer: Layer) -> [Double] {
        (0..<layer.nodeCount).map { layer.inn.strength($0) }
    }

    /// Weighted out-strength of every account in one layer.
    ///
    /// - Complexity: O(n + m).
    public static func sent(_ layer: Layer) -> [Double] {
        (0..<layer.nodeCount).map { layer.out.strength($0) }
    }

    /// Total weight received over all `layers` (zeros when there are none).
    ///
    /// - Complexity: O(n·L + m).
    public static func interactions(_ layers: [Layer], accountCount n: Int) -> [Double] {
        var total = [Double](repeating: 0, count: n)
        for l in layers {
            for v in 0..<min(n, l.nodeCount) { total[v] += l.inn.strength(v) }
        }
        return total
    }

    /// interactions / followers as a float column, null where followers = 0.
    ///
    /// - Complexity: O(n).
    public static func engagement(interactions: [Double], followers: [Int64]) -> Column {
        let n = interactions.count
        var values = [Double](repeating: 0, count: n)
        var valid = Bitmap(count: n, value: true)
        var anyNull = false
        for v in 0..<n {
            if followers[v] == 0 { valid[v] = false; anyNull = true } else { values[v] = interactions[v] / Double(followers[v]) }
        }
        return Column(.float(values), valid: anyNull ? valid : nil)
    }

    /// The share of two-way partners among all interaction partners, as a float
    /// column; null for accounts without any interaction.
    ///
    /// Each account marks its partners in a per-worker array (bit 1 = sent to,
    /// bit 2 = received from), then counts marks equal to 3 and marks set at all.
    /// - Complexity: O(n + m) over all layers; O(n) memory per worker.
    public static func dialogue(_ layers: [Layer], accountCount n: Int) throws(Diagnostic) -> Column {
        var values = [Double](repeating: 0, count: n)
        var present = [Bool](repeating: false, count: n)
        let usable = layers.filter { $0.nodeCount >= n }
        if n > 0 && !usable.isEmpty {
            let workers = Parallel.workers
            let marks = Scratch<UInt8>(workers * n, 0)
            let touched = Scratch<UInt32>(workers * n, 0)
            let chunks = Parallel.ranges(count: n, parts: 64)
            let next = Counter()
            let mp = marks.ptr, tp = touched.ptr
            try withLayerPointers(usable) { (rows) throws(Diagnostic) in
                try values.withMutablePtr { (vp) throws(Diagnostic) in
                    try present.withMutablePtr { (pp) throws(Diagnostic) in
                        Parallel.onEach(workers) { worker in
                            let base = worker * n
                            while !Cancellation.isRequested {
                                let r = next.take()
                                if r >= chunks.count { break }
                                for v in chunks[r] {
                                    var count = 0
                                    for (g, bit) in rows {
                                        for k in g.offsets[v]..<g.offsets[v + 1] {
                                            let u = base + Int(g.targets[k])
                                            if mp[u] == 0 { tp[base + count] = g.targets[k]; count += 1 }
                                            mp[u] |= bit
                                        }
                                    }
                                    if count == 0 { continue }
                                    var both = 0
                                    for i in 0..<count {
                                        let u = base + Int(tp[base + i])
                                        if mp[u] == 3 { both += 1 }
                                        mp[u] = 0
                                    }
                                    vp[v] = Double(both) / Double(count)
                                    pp[v] = true
                                }
                            }
                        }
                    }
                }
            }
            try Cancellation.check()
        }
        var valid = Bitmap(count: n, value: true)
        var anyNull = false
        for v in 0..<n where !present[v] { valid[v] = false; anyNull = true }
        return Column(.float(values), valid: anyNull ? valid : nil)
    }

    /// Calls `body` with (row pointers, mark bit) for every layer: out-rows mark 1, in-rows mark 2.
    private static func withLayerPointers(_ layers: [Layer], _ body: ([(CSRPtr, UInt8)]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        var ptrs: [(CSRPtr, UInt8)] = []
        func nest(_ i: Int) throws(Diagnostic) {
            if i == layers.count { try body(ptrs); return }
            try layers[i].out.withPtrs { (o) throws(Diagnostic) in
                try layers[i].inn.withPtrs { (inn) throws(Diagnostic) in
                    ptrs.append((o, 1)); ptrs.append((inn, 2))
                    try nest(i + 1)
                }
            }
        }
        try nest(0)
    }
}
