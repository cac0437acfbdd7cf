/// Builds a `Layer` from parallel edge arrays.
///
/// Steps (as in the GAP benchmark suite's builder): count degrees, prefix sum into
/// offsets, scatter targets (and weights). Unweighted layers then get sorted rows
/// without comparison sorting by transposing twice (see `buildUnweighted`), with
/// self-loops and duplicates dropped; each step runs the two directions on the two
/// cores from the same edge list, so both hold exactly the same edges. Weighted
/// layers sort the forward rows, add up the weights of duplicates, and derive the
/// reverse by transposing, so both carry bit-identical summed weights.
///
/// - Complexity: unweighted O(n + m) time and O(n + m) extra memory; weighted
///   O(n + m log d).
public enum CSRBuilder {
    public static func build(name: String, nodeCount n: Int, src: [UInt32], dst: [UInt32],
                             weights: [Double]? = nil) -> Layer {
        // Never nil: without polling nothing stops the build.
        var s = src, d = dst
        return build(name: name, nodeCount: n, src: &s, dst: &d, weights: weights, poll: false)!
    }

    /// `build` for loads and `generate`: polls `Cancellation` every 64k edges and rows
    /// and throws `cancelled` on Ctrl-C (building tens of millions of edges takes
    /// seconds, too long to wait for).
    public static func buildCancellable(name: String, nodeCount n: Int, src: [UInt32], dst: [UInt32],
                                        weights: [Double]? = nil) throws(Diagnostic) -> Layer {
        var s = src, d = dst
        return try buildCancellable(name: name, nodeCount: n, taking: &s, &d, weights: weights)
    }

    /// `buildCancellable` that empties `src` and `dst` as soon as it no longer needs
    /// them, so that their memory is free for the rest of the build (when the caller
    /// holds no other copy).
    public static func buildCancellable(name: String, nodeCount n: Int, taking src: inout [UInt32], _ dst: inout [UInt32],
                                        weights: [Double]? = nil) throws(Diagnostic) -> Layer {
        guard let layer = build(name: name, nodeCount: n, src: &src, dst: &dst, weights: weights, poll: true) else {
            throw Diagnostic.cancelled()
        }
        return layer
    }

    /// Polls the Ctrl-C flag every 64k steps when `poll`.
    @inline(__always) private static func stop(_ poll: Bool, _ i: Int) -> Bool {
        poll && i & 0xFFFF == 0 && Cancellation.isRequested
    }

    /// The layer, or nil when `poll` is set and Ctrl-C was pressed.
    private static func build(name: String, nodeCount n: Int, src: inout [UInt32], dst: inout [UInt32],
                              weights: [Double]?, poll: Bool) -> Layer? {
        precondition(src.count == dst.count)
        precondition(weights == nil || weights!.count == src.count)
        if let weights {
            guard let (out, loops, dups) = buildWeighted(n: n, src: src, dst: dst, weights: weights, poll: poll),
                  let inn = transpose(out, poll: poll) else { return nil }
            return Layer(name: name, out: out, inn: inn, weighted: true,
                         droppedSelfLoops: loops, duplicateRows: dups)
        }
        precondition(src.count < Int(UInt32.max), "a layer holds fewer than 2^32 edges")
        // Step 1 of `buildUnweighted` reads the edge list; the rest works on its result.
        // One staging area per core, as large as the edge list (8 bytes an edge), used by
        // both steps; only large layers take the staged path.
        let staged = src.count >= Placement.directLimit && n > 2048
        let staging = (0..<2).map { _ in Placement.Staging(capacity: staged ? src.count : 0) }
        let first = src.withUnsafeBufferPointer { s in
            dst.withUnsafeBufferPointer { d -> (Rows, Rows, Bool)? in
                let presorted = strictlyIncreasing(s, d)
                let sides = Parallel.map(2) { k in
                    k == 0 ? scatterRows(n: n, from: s, to: d, staging: staging[0], poll: poll)
                        : scatterRows(n: n, from: d, to: s, staging: staging[1], poll: poll)
                }
                guard let outRows = sides[0], let inRows = sides[1] else { return nil }
                return (outRows, inRows, presorted)
            }
        }
        src = []; dst = []
        guard let (outRows, inRows, presorted) = first,
              let (out, inn, dups) = finishUnweighted(outRows, inRows, presorted: presorted, staging: staging, poll: poll)
        else { return nil }
        return Layer(name: name, out: out, inn: inn, weighted: false, droppedSelfLoops: outRows.selfLoops, duplicateRows: dups)
    }

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

    /// Rows in input order: offsets, targets, self-loops dropped.
    private struct Rows { var offsets: [Int]; var targets: [UInt32]; var selfLoops: Int }

    /// Unweighted layers: both directions with sorted, duplicate-free rows, without
    /// comparison sorting:
    /// 1. one core scatters the out-rows, the other the in-rows, in input order;
    /// 2. each core transposes the other's rows: visiting rows in increasing node order
    ///    appends to every transposed row in increasing order, so rows come out sorted
    ///    (and a repeated pair lands twice, side by side);
    /// 3. each core drops the repeats of its side.
    /// Pairs in strictly increasing order (as `save` writes them) are already sorted and
    /// duplicate-free in both directions after step 1. Step 1 is in `build` (it reads the
    /// edge list, which is released after it); this is steps 2 and 3.
    private static func finishUnweighted(_ outRows: Rows, _ inRows: Rows, presorted: Bool, staging: [Placement.Staging],
                                         poll: Bool) -> (CSR, CSR, Int)? {
        if presorted {
            return (CSR(offsets: outRows.offsets, targets: outRows.targets),
                    CSR(offsets: inRows.offsets, targets: inRows.targets), 0)
        }
        let second = Parallel.map(2) { k in
            k == 0 ? transposeRows(inRows, into: outRows.offsets, staging: staging[0], poll: poll)
                : transposeRows(outRows, into: inRows.offsets, staging: staging[1], poll: poll)
        }
        guard var out = second[0], var inn = second[1] else { return nil }
        let dups = Parallel.map(2) { k in
            k == 0 ? dropRepeats(offsets: &out.offsets, targets: &out.targets) : dropRepeats(offsets: &inn.offsets, targets: &inn.targets)
        }
        assert(dups[0] == dups[1])
        return (out, inn, dups[0])
    }

    /// Count → prefix sum → scatter of `from[i] -> to[i]` (self-loops dropped), rows in
    /// input order; nil when polling saw Ctrl-C.
    private static func scatterRows(n: Int, from a: UnsafeBufferPointer<UInt32>, to b: UnsafeBufferPointer<UInt32>,
                                    staging: Placement.Staging, poll: Bool) -> Rows? {
        var offsets = [Int](repeating: 0, count: n + 1)
        var selfLoops = 0
        var stopped = false
        offsets.withUnsafeMutableBufferPointer { o in
            for i in 0..<a.count {
                if stop(poll, i) { stopped = true; return }
                if a[i] == b[i] { selfLoops += 1 } else { o[Int(a[i]) + 1] += 1 }
            }
            for v in 0..<n { o[v + 1] += o[v] }
        }
        if stopped { return nil }
        var targets: [UInt32]? = nil
        offsets.withUnsafeBufferPointer { o in
            targets = Placement.place(offsets: o, staging: staging, poll: poll) { (emit) -> Bool in
                for i in 0..<a.count where a[i] != b[i] {
                    if stop(poll, i) { return false }
                    emit(a[i], b[i])
                }
                return true
            }
        }
        guard let targets else { return nil }
        return Rows(offsets: offsets, targets: targets, selfLoops: selfLoops)
    }

    /// The reverse of `rows`, whose rows start at `offsets` (the reverse direction's
    /// offsets, known from step 1); every row comes out sorted.
    private static func transposeRows(_ rows: Rows, into offsets: [Int], staging: Placement.Staging, poll: Bool) -> CSR? {
        let n = offsets.count - 1
        var targets: [UInt32]? = nil
        offsets.withUnsafeBufferPointer { o in
            rows.offsets.withUnsafeBufferPointer { ro in
                rows.targets.withUnsafeBufferPointer { rt in
                    targets = Placement.place(offsets: o, staging: staging, poll: poll) { (emit) -> Bool in
                        for v in 0..<n {
                            if stop(poll, v) { return false }
                            let value = UInt32(truncatingIfNeeded: v)
                            for k in ro[v]..<ro[v + 1] { emit(rt[k], value) }
                        }
                        return true
                    }
                }
            }
        }
        guard let targets else { return nil }
        return CSR(offsets: offsets, targets: targets)
    }

    /// Stable placement of a stream of (row, value) pairs into rows whose extents are
    /// `offsets` (every row receives exactly its extent's count). Large inputs go in two
    /// cache-friendly passes instead of one random write per pair: pairs are appended to
    /// the staging run of their bucket (2^shift consecutive rows, at most 2,048 buckets,
    /// whose run mirrors those rows' extent), then each bucket's run is placed into its
    /// rows, so the writes of the second pass stay inside one bucket's extent. When the
    /// staging area holds fewer than all the pairs, this runs in rounds over groups of
    /// buckets (`produce` is called once per round).
    enum Placement {
        /// Working memory for `Placement`, one per core, reused by the steps of a build so
        /// that its pages are made once.
        final class Staging: @unchecked Sendable {
            let pointer: UnsafeMutablePointer<UInt64>
            let capacity: Int
            init(capacity: Int) {
                self.capacity = Swift.max(capacity, 1)
                pointer = .allocate(capacity: self.capacity)
                HugePages.advise(UnsafeMutableRawPointer(pointer), self.capacity * 8)
            }
            deinit { pointer.deallocate() }
        }

        static let directLimit = 1 << 20

        /// The rows' values, or nil when `produce` returned false (Ctrl-C).
        static func place(offsets o: UnsafeBufferPointer<Int>, staging area: Staging, poll: Bool,
                          _ produce: ((UInt32, UInt32) -> Void) -> Bool) -> [UInt32]? {
            let n = o.count - 1, m = o[n]
            var ok = true
            let values = [UInt32](unsafeUninitializedCapacity: m) { buf, count in
                HugePages.advise(UnsafeMutableRawPointer(buf.baseAddress), m * 4)
                if m < directLimit || n <= 2048 {
                    let cursor = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
                    defer { cursor.deallocate() }
                    for v in 0..<n { cursor[v] = o[v] }
                    ok = produce { row, value in
                        let r = Int(row)
                        buf[cursor[r]] = value
                        cursor[r] += 1
                    }
                } else {
                    let shift = Swift.max(0, (Int.bitWidth - (n - 1).leadingZeroBitCount) - 11)
                    let buckets = ((n - 1) >> shift) + 1, width = 1 << shift
                    // Groups of consecutive buckets whose pairs fit the staging area.
                    var groups = [0]
                    var groupStart = 0
                    for k in 0..<buckets {
                        let end = o[Swift.min((k + 1) << shift, n)]
                        if end - o[groupStart << shift] > area.capacity && k > groupStart {
                            groups.append(k); groupStart = k
                        }
                    }
                    groups.append(buckets)
                    for g in 0..<(groups.count - 1) where o[Swift.min(groups[g + 1] << shift, n)] - o[groups[g] << shift] > area.capacity {
                        preconditionFailure("one bucket holds more pairs than the staging area")
                    }
                    let staging = area.pointer
                    let next = UnsafeMutablePointer<Int>.allocate(capacity: buckets)
                    defer { next.deallocate() }
                    let cursor = UnsafeMutablePointer<Int>.allocate(capacity: width)
                    defer { cursor.deallocate() }
                    rounds: for g in 0..<(groups.count - 1) {
                        let kLo = groups[g], kHi = groups[g + 1]
                        let base = o[kLo << shift]
                        for k in kLo..<kHi { next[k] = o[k << shift] - base }
                        ok = produce { row, value in
                            let k = Int(row) >> shift
                            if k >= kLo && k < kHi {
                                staging[next[k]] = UInt64(row) << 32 | UInt64(value)
                                next[k] += 1
                            }
                        }
                        if !ok { break }
                        for k in kLo..<kHi {
                            if stop(poll, k << 5) { ok = false; break rounds }
                            let first = k << shift, last = Swift.min(first + width, n)
                            for v in first..<last { cursor[v - first] = o[v] }
                            for j in o[first]..<o[last] {
                                let pair = staging[j - base]
                                let r = Int(truncatingIfNeeded: pair >> 32) - first
                                buf[cursor[r]] = UInt32(truncatingIfNeeded: pair)
                                cursor[r] += 1
                            }
                        }
                    }
                }
                // Every slot is written unless stopped; then the array is dropped unread.
                count = ok ? m : 0
            }
            return ok ? values : nil
        }
    }

    /// Removes repeated neighbours from sorted rows in place; returns how many.
    private static func dropRepeats(offsets: inout [Int], targets: inout [UInt32]) -> Int {
        let n = offsets.count - 1
        var write = 0
        offsets.withUnsafeMutableBufferPointer { o in
            targets.withUnsafeMutableBufferPointer { t in
                var lo = 0
                for v in 0..<n {
                    let hi = o[v + 1]
                    let start = write
                    for k in lo..<hi {
                        let x = t[k]
                        if write > start && t[write - 1] == x { continue }
                        t[write] = x; write += 1
                    }
                    lo = hi
                    o[v + 1] = write
                }
            }
        }
        let dropped = targets.count - write
        if dropped > 0 { targets.removeLast(dropped) }
        return dropped
    }

    /// Forward rows with duplicate pairs merged; weights are added in input order, so
    /// the result does not depend on how rows were sorted.
    private static func buildWeighted(n: Int, src: [UInt32], dst: [UInt32], weights: [Double],
                                      poll: Bool) -> (CSR, Int, Int)? {
        var offsets = [Int](repeating: 0, count: n + 1)
        var selfLoops = 0
        for i in 0..<src.count {
            if stop(poll, i) { return nil }
            if src[i] == dst[i] { selfLoops += 1 } else { offsets[Int(src[i]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let m = offsets[n]
        var cursor = offsets
        var order = [Int](repeating: 0, count: m)
        for i in 0..<src.count where src[i] != dst[i] {
            if stop(poll, i) { return nil }
            let s = Int(src[i])
            order[cursor[s]] = i; cursor[s] += 1
        }
        var targets = [UInt32](); targets.reserveCapacity(m)
        var w = [Double](); w.reserveCapacity(m)
        var duplicates = 0
        var newOffsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n {
            if stop(poll, v) { return nil }
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
        transpose(g, poll: false)!  // never nil without polling
    }

    /// The reverse graph, or nil when `poll` is set and Ctrl-C was pressed.
    private static func transpose(_ g: CSR, poll: Bool) -> CSR? {
        let n = g.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        for t in g.targets { offsets[Int(t) + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var targets = [UInt32](repeating: 0, count: g.edgeCount)
        var w: [Double]? = g.weights == nil ? nil : [Double](repeating: 0, count: g.edgeCount)
        for v in 0..<n {
            if stop(poll, v) { return nil }
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
