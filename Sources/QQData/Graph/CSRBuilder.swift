/// Builds a `Layer` from parallel edge arrays.
///
/// Steps (as in the GAP benchmark suite's builder):
/// 1. count out-degrees;  2. prefix sum into offsets;  3. scatter targets (and weights);
/// 4. sort each row and drop self-loops and duplicates (follow layer) or add up the
///    weights of duplicates (weighted layers);  5. derive the reverse CSR the same way
///    from the cleaned forward rows, so both directions hold exactly the same edges.
///
/// - Complexity: O(n + m log d) time, O(n + m) extra memory.
public enum CSRBuilder {
    public static func build(name: String, nodeCount n: Int, src: [UInt32], dst: [UInt32],
                             weights: [Double]? = nil) -> Layer {
        precondition(src.count == dst.count)
        precondition(weights == nil || weights!.count == src.count)
        let weighted = weights != nil
        var selfLoops = 0
        // 1–3: forward scatter, skipping self-loops.
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<src.count where src[i] != dst[i] { offsets[Int(src[i]) + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var targets = [UInt32](repeating: 0, count: offsets[n])
        var w: [Double] = weighted ? [Double](repeating: 0, count: offsets[n]) : []
        for i in 0..<src.count {
            let s = Int(src[i])
            if src[i] == dst[i] { selfLoops += 1; continue }
            let p = cursor[s]; cursor[s] += 1
            targets[p] = dst[i]
            if weighted { w[p] = weights![i] }
        }
        // 4: sort rows, compact duplicates.
        var newOffsets = [Int](repeating: 0, count: n + 1)
        var write = 0
        var duplicates = 0
        var pairs: [(UInt32, Double)] = []
        for v in 0..<n {
            let lo = offsets[v], hi = offsets[v + 1]
            if weighted {
                pairs.removeAll(keepingCapacity: true)
                for k in lo..<hi { pairs.append((targets[k], w[k])) }
                pairs.sort { $0.0 < $1.0 }
                for (t, x) in pairs {
                    if write > newOffsets[v] && targets[write - 1] == t { w[write - 1] += x; duplicates += 1 }
                    else { targets[write] = t; w[write] = x; write += 1 }
                }
            } else {
                targets[lo..<hi].sort()
                for k in lo..<hi {
                    let t = targets[k]
                    if write > newOffsets[v] && targets[write - 1] == t { duplicates += 1; continue }
                    targets[write] = t; write += 1
                }
            }
            newOffsets[v + 1] = write
        }
        targets.removeSubrange(write...)
        if weighted { w.removeSubrange(write...) }
        let out = CSR(offsets: newOffsets, targets: targets, weights: weighted ? w : nil)
        let inn = transpose(out)
        return Layer(name: name, out: out, inn: inn, weighted: weighted,
                     droppedSelfLoops: selfLoops, duplicateRows: duplicates)
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
