/// Time on edges (SPEC §8): the events of a timed interaction layer, the window that
/// restricts a dataset to a span of time, and the filtering that builds a window's
/// graphs from the full ones (never by reloading).
///
/// Times are microseconds since 1970-01-01T00:00:00Z, as `Value.datetime` holds them.
public struct EdgeEvents: Sendable, Equatable {
    /// The time of a row that had none: such rows count in every window.
    public static let untimed = Int64.min

    public var src: [UInt32]
    public var dst: [UInt32]
    public var times: [Int64]
    public var weights: [Double]

    public init(src: [UInt32], dst: [UInt32], times: [Int64], weights: [Double]) {
        self.src = src; self.dst = dst; self.times = times; self.weights = weights
    }

    public var count: Int { src.count }

    /// The earliest and latest time of timed events (nil when none is timed).
    public var span: (Int64, Int64)? { TimeSpan.of(times) }
}

public enum TimeSpan {
    /// The least and greatest timed value of `times`.
    public static func of(_ times: [Int64]) -> (Int64, Int64)? {
        var lo = Int64.max, hi = Int64.min
        var any = false
        for t in times where t != EdgeEvents.untimed {
            any = true
            if t < lo { lo = t }
            if t > hi { hi = t }
        }
        return any ? (lo, hi) : nil
    }
}

/// `set since` / `set until`: both ends inclusive; nil is unbounded.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    public var since: Int64?
    public var until: Int64?

    public init(since: Int64? = nil, until: Int64? = nil) { self.since = since; self.until = until }

    public var isOpen: Bool { since == nil && until == nil }

    /// `since 2024-01-01T00:00:00Z until 2024-02-01T00:00:00Z` (or `all time`).
    public var description: String {
        if isOpen { return "all time" }
        var parts: [String] = []
        if let s = since { parts.append("since " + DateTime.format(s)) }
        if let u = until { parts.append("until " + DateTime.format(u)) }
        return parts.joined(separator: " ")
    }

    @inline(__always) public func contains(_ t: Int64) -> Bool {
        if t == EdgeEvents.untimed { return true }
        if let s = since, t < s { return false }
        if let u = until, t > u { return false }
        return true
    }
}

extension Layer {
    /// True when the layer carries times (follow times or interaction events).
    public var isTimed: Bool { times != nil || events != nil }

    /// The earliest and latest time on the layer.
    public var timeSpan: (Int64, Int64)? {
        if let t = times { return TimeSpan.of(t) }
        return events?.span
    }

    /// The follow layer as of `until`: the follows begun at or before it (untimed rows
    /// always count). Filters the time array in CSR order and transposes for the
    /// reverse direction: O(n + m), no sorting.
    public func followsUntil(_ until: Int64) -> Layer {
        guard let times else { return self }
        let n = out.nodeCount, m = out.edgeCount
        var kept = 0
        // `untimed` is Int64.min, so untimed rows pass `<= until` too.
        times.withUnsafeBufferPointer { tm in for k in 0..<m where tm[k] <= until { kept += 1 } }
        var offsets = [Int](repeating: 0, count: n + 1)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        var keptTimes = [Int64](repeating: 0, count: kept)
        var targets = [UInt32](repeating: 0, count: kept)
        out.offsets.withUnsafeBufferPointer { o in
            out.targets.withUnsafeBufferPointer { tg in
                times.withUnsafeBufferPointer { tm in
                    offsets.withUnsafeMutableBufferPointer { off in
                        inOffsets.withUnsafeMutableBufferPointer { deg in
                            targets.withUnsafeMutableBufferPointer { tb in
                                keptTimes.withUnsafeMutableBufferPointer { kb in
                                    var j = 0
                                    for v in 0..<n {
                                        var k = o[v]
                                        let e = o[v + 1]
                                        while k < e {
                                            if tm[k] <= until {
                                                let t = tg[k]
                                                tb[j] = t; kb[j] = tm[k]; j += 1
                                                deg[Int(t) + 1] += 1
                                            }
                                            k += 1
                                        }
                                        off[v + 1] = j
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let o = CSR(offsets: offsets, targets: targets)
        var l = Layer(name: name, out: o, inn: Layer.reverse(o, inOffsets: &inOffsets), weighted: false,
                      droppedSelfLoops: droppedSelfLoops, duplicateRows: duplicateRows)
        l.times = keptTimes
        if let w = followWeights {
            var kept: [Double] = []
            kept.reserveCapacity(keptTimes.count)
            for k in 0..<m where times[k] <= until { kept.append(w[k]) }
            l.followWeights = kept
        }
        return l
    }

    /// The reverse of an unweighted CSR whose in-degrees are in `inOffsets[1...]`
    /// (rows come out sorted, since sources are visited in order).
    static func reverse(_ g: CSR, inOffsets: inout [Int]) -> CSR {
        let n = g.nodeCount
        var sources = [UInt32](repeating: 0, count: g.edgeCount)
        inOffsets.withUnsafeMutableBufferPointer { io in
            for v in 0..<n { io[v + 1] += io[v] }
        }
        var cursor = inOffsets
        g.offsets.withUnsafeBufferPointer { o in
            g.targets.withUnsafeBufferPointer { tg in
                cursor.withUnsafeMutableBufferPointer { c in
                    sources.withUnsafeMutableBufferPointer { s in
                        for v in 0..<n {
                            for k in o[v]..<o[v + 1] {
                                let t = Int(tg[k])
                                s[c[t]] = UInt32(v); c[t] += 1
                            }
                        }
                    }
                }
            }
        }
        return CSR(offsets: inOffsets, targets: sources)
    }

    /// An interaction layer restricted to the events inside `w`, summed per pair.
    public func interactions(in w: TimeWindow) -> Layer {
        guard let events else { return self }
        var src = [UInt32](), dst = [UInt32](), ws = [Double](), ts = [Int64]()
        for k in 0..<events.count where w.contains(events.times[k]) {
            src.append(events.src[k]); dst.append(events.dst[k]); ws.append(events.weights[k]); ts.append(events.times[k])
        }
        var l = CSRBuilder.build(name: name, nodeCount: nodeCount, src: src, dst: dst, weights: ws)
        l.events = EdgeEvents(src: src, dst: dst, times: ts, weights: ws)
        return l
    }

    /// The earliest time of each out-CSR edge from timed rows (`untimed` wins over
    /// everything: a pair that appears without a time always counts).
    public static func followTimes(_ out: CSR, src: [UInt32], dst: [UInt32], times: [Int64]) -> [Int64] {
        firstMatch(out, src: src, dst: dst, values: times, initial: Int64.max) { $0 < $1 }
    }

    /// The weight of each out-CSR edge: the first row's of a repeated pair (SPEC §9).
    public static func followWeights(_ out: CSR, src: [UInt32], dst: [UInt32], weights: [Double]) -> [Double] {
        var seen = [Bool](repeating: false, count: out.edgeCount)
        var result = [Double](repeating: 1, count: out.edgeCount)
        for k in 0..<src.count where src[k] != dst[k] {
            guard let e = edgeIndex(out, src[k], dst[k]), !seen[e] else { continue }
            seen[e] = true; result[e] = weights[k]
        }
        return result
    }

    /// The position of edge v → u in `out`, if present (rows are sorted).
    static func edgeIndex(_ out: CSR, _ src: UInt32, _ u: UInt32) -> Int? {
        let v = Int(src)
        guard v < out.nodeCount else { return nil }
        var lo = out.offsets[v], hi = out.offsets[v + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if out.targets[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo < out.offsets[v + 1] && out.targets[lo] == u ? lo : nil
    }

    /// Per out-CSR edge, the best of the rows' values by `better`.
    static func firstMatch<T>(_ out: CSR, src: [UInt32], dst: [UInt32], values: [T], initial: T,
                              _ better: (T, T) -> Bool) -> [T] {
        var result = [T](repeating: initial, count: out.edgeCount)
        for k in 0..<src.count where src[k] != dst[k] {
            if let e = edgeIndex(out, src[k], dst[k]), better(values[k], result[e]) { result[e] = values[k] }
        }
        return result
    }
}

extension Dataset {
    /// The dataset as seen through a window: the follow layer as of `until`, each timed
    /// interaction layer restricted to [since, until]; accounts unchanged (every
    /// account stays a node). A new generation, so cached edge tables and metrics of the
    /// full dataset are not reused for it.
    public func windowed(_ w: TimeWindow) -> Dataset {
        if w.isOpen { return self }
        var d = self
        if let u = w.until { d.follows = follows.followsUntil(u) }
        d.layers = layers.map { $0.interactions(in: w) }
        d.touch()
        return d
    }

    /// Names of layers without times (the follow layer as `follow`).
    public var untimedLayers: [String] {
        (follows.edgeCount > 0 && follows.times == nil ? ["follow"] : []) + layers.filter { $0.events == nil }.map(\.name)
    }
}
