/// Compressed sparse rows: the neighbours of node `v` are
/// `targets[offsets[v] ..< offsets[v + 1]]`, sorted ascending, without duplicates.
/// Node ids are dense `UInt32` account ids (load order).
///
/// `weights`, when present, runs parallel to `targets` (interaction layers).
public struct CSR: Sendable, Equatable {
    public var offsets: [Int]
    public var targets: [UInt32]
    public var weights: [Double]?

    public init(offsets: [Int], targets: [UInt32], weights: [Double]? = nil) {
        self.offsets = offsets; self.targets = targets; self.weights = weights
    }

    /// An edgeless graph on `nodeCount` nodes.
    public init(nodeCount: Int) {
        offsets = [Int](repeating: 0, count: nodeCount + 1); targets = []; weights = nil
    }

    public var nodeCount: Int { offsets.count - 1 }
    public var edgeCount: Int { targets.count }

    @inline(__always) public func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }

    @inline(__always) public func neighbors(_ v: Int) -> ArraySlice<UInt32> { targets[offsets[v]..<offsets[v + 1]] }

    /// Sum of weights on `v`'s edges (its degree when unweighted).
    public func strength(_ v: Int) -> Double {
        guard let w = weights else { return Double(degree(v)) }
        var s = 0.0
        for k in offsets[v]..<offsets[v + 1] { s += w[k] }
        return s
    }

    /// True when `v -> u` is an edge (binary search in the sorted row).
    public func hasEdge(_ v: Int, _ u: UInt32) -> Bool {
        var lo = offsets[v], hi = offsets[v + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            let t = targets[mid]
            if t == u { return true }
            if t < u { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The same graph with `extra` more isolated nodes at the end.
    public func padded(to nodeCount: Int) -> CSR {
        guard nodeCount > self.nodeCount else { return self }
        var o = offsets
        o.append(contentsOf: repeatElement(offsets.last ?? 0, count: nodeCount - self.nodeCount))
        return CSR(offsets: o, targets: targets, weights: weights)
    }
}
