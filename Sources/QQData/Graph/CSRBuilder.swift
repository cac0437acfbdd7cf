/// Builds a `Layer` from parallel edge arrays.
///
/// Steps (as in the GAP benchmark suite's builder):
/// 1. count out-degrees;  2. prefix sum into offsets;  3. scatter targets (and weights);
/// 4. sort each row and drop self-loops and duplicates (follow layer) or add up the
///    weights of duplicates (weighted layers).
/// Unweighted layers build both directions at once, one per core, from the same edge
/// list (so both hold exactly the same edges); weighted layers build the forward rows
/// and derive the reverse by transposing, so both carry bit-identical summed weights.
///
/// - Complexity: O(n + m log d) time, O(n + m) extra memory.
public enum CSRBuilder {
    public static func build(name: String, nodeCount n: Int, src: [UInt32], dst: [UInt32],
                             weights: [Double]? = nil) -> Layer {
        precondition(src.count == dst.count)
        precondition(weights == nil || weights!.count == src.count)
        if let weights {
            let (out, loops, dups) = buildWeighted(n: n, src: src, dst: dst, weights: weights)
            return Layer(name: name, out: out, inn: transpose(out), weighted: true,
                         droppedSelfLoops: loops, duplicateRows: dups)
        }
        let sides = src.withUnsafeBufferPointer { s in
            dst.withUnsafeBufferPointer { d in
                // Pairs in strictly increasing order (as `save` writes them) give sorted,
                // duplicate-free rows in both directions: no sorting needed.
                let presorted = strictlyIncreasing(s, d)
                return Parallel.map(2) { k in
                    k == 0 ? buildSide(n: n, from: s, to: d, presorted: presorted)
                        : buildSide(n: n, from: d, to: s, presorted: presorted)
                }
            }
        }
        let out = sides[0], inn = sides[1]
        assert(out.csr.edgeCount == inn.csr.edgeCount)
        return Layer(name: name, out: out.csr, inn: inn.csr, weighted: false,
                     droppedSelfLoops: out.selfLoops, duplicateRows: out.duplicates)
    }

    private struct Side { var csr: CSR; var selfLoops: Int; var duplicates: Int }

    /// Rows of `from[i] -> to[i]`, sorted, without self-loops or duplicates.
    /// True when the pairs `(s[i], d[i])` increase strictly (lexicographically).
    static func strictlyIncreasing(_ s: UnsafeBufferPointer<UInt32>, _ d: UnsafeBufferPointer<UInt32>) -> Bool {
        if s.count < 2 { return true }
        var prev = UInt64(s[0]) << 32 | UInt64(d[0])
        for i in 1..<s.count {
            let key = UInt64(s[i]) << 32 | UInt64(d[i])
            if key <= prev { return false }
            prev = key
        }
        return true
    }

    private static func buildSide(n: Int, from a: UnsafeBufferPointer<UInt32>, to b: UnsafeBufferPointer<UInt32>,
                                  presorted: Bool) -> Side {
        var offsets = [Int](repeating: 0, count: n + 1)
        var selfLoops = 0
        offsets.withUnsafeMutableBufferPointer { o in
            for i in 0..<a.count {
                if a[i] == b[i] { selfLoops += 1 } else { o[Int(a[i]) + 1] += 1 }
            }
            for v in 0..<n { o[v + 1] += o[v] }
        }
        let m = offsets[n]
        var targets = [UInt32](unsafeUninitializedCapacity: m) { buf, count in
            HugePages.advise(UnsafeMutableRawPointer(buf.baseAddress), m * 4)
            var cursor = offsets
            cursor.withUnsafeMutableBufferPointer { c in
                for i in 0..<a.count where a[i] != b[i] {
                    let s = Int(a[i])
                    buf[c[s]] = b[i]
                    c[s] += 1
                }
            }
            count = m
        }
        var duplicates = 0
        if presorted {
            return Side(csr: CSR(offsets: offsets, targets: targets), selfLoops: selfLoops, duplicates: 0)
        }
        offsets.withUnsafeMutableBufferPointer { o in
            targets.withUnsafeMutableBufferPointer { t in
                var write = 0
                var lo = 0
                for v in 0..<n {
                    let hi = o[v + 1]
                    let row = UnsafeMutableBufferPointer(rebasing: t[lo..<hi])
                    sortRow(row)
                    let start = write
                    for k in lo..<hi {
                        let x = t[k]
                        if write > start && t[write - 1] == x { duplicates += 1; continue }
                        t[write] = x; write += 1
                    }
                    lo = hi
                    o[v + 1] = write
                }
            }
        }
        if duplicates > 0 { targets.removeLast(duplicates) }
        return Side(csr: CSR(offsets: offsets, targets: targets), selfLoops: selfLoops, duplicates: duplicates)
    }

    /// Insertion sort for short rows, the standard library's sort for long ones.
    @inline(__always) static func sortRow(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        var row = buffer
        let c = row.count
        if c < 2 { return }
        if c > 24 { row.sort(); return }
        for i in 1..<c {
            let x = row[i]
            var j = i
            while j > 0 && row[j - 1] > x { row[j] = row[j - 1]; j -= 1 }
            row[j] = x
        }
    }

    /// Forward rows with duplicate pairs merged; weights are added in input order, so
    /// the result does not depend on how rows were sorted.
    private static func buildWeighted(n: Int, src: [UInt32], dst: [UInt32], weights: [Double]) -> (CSR, Int, Int) {
        var offsets = [Int](repeating: 0, count: n + 1)
        var selfLoops = 0
        for i in 0..<src.count {
            if src[i] == dst[i] { selfLoops += 1 } else { offsets[Int(src[i]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let m = offsets[n]
        var cursor = offsets
        var order = [Int](repeating: 0, count: m)
        for i in 0..<src.count where src[i] != dst[i] {
            let s = Int(src[i])
            order[cursor[s]] = i; cursor[s] += 1
        }
        var targets = [UInt32](); targets.reserveCapacity(m)
        var w = [Double](); w.reserveCapacity(m)
        var duplicates = 0
        var newOffsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n {
            let lo = offsets[v], hi = offsets[v + 1]
            // Stable: equal targets keep input order, so sums are in input order.
            order[lo..<hi].sort { dst[$0] != dst[$1] ? dst[$0] < dst[$1] : $0 < $1 }
            let start = targets.count
            for k in lo..<hi {
                let i = order[k]
                if targets.count > start && targets[targets.count - 1] == dst[i] {
                    w[w.count - 1] += weights[i]; duplicates += 1
                } else {
                    targets.append(dst[i]); w.append(weights[i])
                }
            }
            newOffsets[v + 1] = targets.count
        }
        return (CSR(offsets: newOffsets, targets: targets, weights: w), selfLoops, duplicates)
    }

    /// The reverse graph. Scattering sources in increasing order leaves every row sorted.
    public static func transpose(_ g: CSR) -> CSR {
        let n = g.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        for t in g.targets { offsets[Int(t) + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var targets = [UInt32](repeating: 0, count: g.edgeCount)
        var w: [Double]? = g.weights == nil ? nil : [Double](repeating: 0, count: g.edgeCount)
        for v in 0..<n {
            for k in g.offsets[v]..<g.offsets[v + 1] {
                let t = Int(g.targets[k])
                let p = cursor[t]; cursor[t] += 1
                targets[p] = UInt32(v)
                if let gw = g.weights { w![p] = gw[k] }
            }
        }
        return CSR(offsets: offsets, targets: targets, weights: w)
    }
}
