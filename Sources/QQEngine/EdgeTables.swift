import QQData
import QQMetrics
import QQSyntax
import QQSemantic

/// The edge relations `follows` (src, dst) and `interactions` (src, dst, layer,
/// weight), built from the CSR layers: one row per edge, ordered by source account
/// (load order), then target, then layer. Endpoint ids stay flat `UInt32` arrays; the
/// handle columns are lookups through them, so no string is copied per edge.
/// Built once per dataset generation and kept by the runtime.
package enum EdgeTables {
    package static func follows(_ rt: Runtime) -> Frame {
        rt.noteWindow(over: ["follow"])
        if let f = rt.edgeCache.follows, f.generation == rt.dataset.generation { return f }
        let layer = rt.dataset.follows
        let src = sources(layer.out)
        let handles = rt.dataset.accounts.columns[0]
        var names = ["src", "dst"]
        var refs: [ColumnRef] = [.lookup(handles, ids: src), .lookup(handles, ids: layer.out.targets)]
        if let weights = layer.followWeights {
            names.append("weight"); refs.append(.base(Column(.float(weights))))
        }
        if let times = layer.times {
            names.append("time"); refs.append(.base(timeColumn(times)))
        }
        let f = Frame(names: names, refs: refs,
                      rows: nil, count: src.count, kind: .edges(open: true), src: src, dst: layer.out.targets,
                      generation: rt.dataset.generation)
        rt.edgeCache.follows = f
        return f
    }

    package static func interactions(_ rt: Runtime) -> Frame {
        rt.noteWindow(over: rt.dataset.layers.map(\.name))
        if let f = rt.edgeCache.interactions, f.generation == rt.dataset.generation { return f }
        let layers = rt.dataset.layers
        if layers.contains(where: { $0.events != nil }) { return events(rt) }
        let n = layers.reduce(0) { $0 + $1.edgeCount }
        var src = [UInt32](), dst = [UInt32](), code = [UInt32](), weight = [Double]()
        src.reserveCapacity(n); dst.reserveCapacity(n); code.reserveCapacity(n); weight.reserveCapacity(n)
        // Merge the layers row by row so edges come out by source, then target, then layer.
        let nodes = rt.dataset.accountCount
        var rows: [(UInt32, UInt32, Double)] = []
        for v in 0..<nodes {
            rows.removeAll(keepingCapacity: true)
            for (li, l) in layers.enumerated() where v < l.out.nodeCount {
                for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
                    rows.append((l.out.targets[k], UInt32(li), l.out.weights?[k] ?? 1))
                }
            }
            if layers.count > 1 { rows.sort { ($0.0, $0.1) < ($1.0, $1.1) } }
            for (t, li, w) in rows { src.append(UInt32(v)); dst.append(t); code.append(li); weight.append(w) }
        }
        let handles = rt.dataset.accounts.columns[0]
        let names = Column(.string(StringStore(layers.map(\.name))))
        let f = Frame(names: ["src", "dst", "layer", "weight"],
                      refs: [.lookup(handles, ids: src), .lookup(handles, ids: dst), .lookup(names, ids: code), .base(Column(.float(weight)))],
                      rows: nil, count: src.count, kind: .edges(open: true), src: src, dst: dst,
                      generation: rt.dataset.generation)
        rt.edgeCache.interactions = f
        return f
    }

    /// A datetime column from edge times (`EdgeEvents.untimed` is null).
    package static func timeColumn(_ times: [Int64]) -> Column {
        var valid: Bitmap? = nil
        for (k, t) in times.enumerated() where t == EdgeEvents.untimed {
            if valid == nil { valid = Bitmap(count: times.count, value: true) }
            valid![k] = false
        }
        return Column(.datetime(times.map { $0 == EdgeEvents.untimed ? 0 : $0 }), valid: valid)
    }

    /// `interactions` when a layer has times (SPEC §8): one row per event (src, dst,
    /// layer, weight, time), by time within each layer; layers without times give one
    /// row per edge with a null time.
    static func events(_ rt: Runtime) -> Frame {
        var src = [UInt32](), dst = [UInt32](), code = [UInt32](), weight = [Double](), time = [Int64]()
        for (li, l) in rt.dataset.layers.enumerated() {
            if let e = l.events {
                let order = (0..<e.count).sorted { (e.times[$0], $0) < (e.times[$1], $1) }
                for k in order {
                    src.append(e.src[k]); dst.append(e.dst[k]); code.append(UInt32(li))
                    weight.append(e.weights[k]); time.append(e.times[k])
                }
            } else {
                for v in 0..<l.out.nodeCount {
                    for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
                        src.append(UInt32(v)); dst.append(l.out.targets[k]); code.append(UInt32(li))
                        weight.append(l.out.weights?[k] ?? 1); time.append(EdgeEvents.untimed)
                    }
                }
            }
        }
        let handles = rt.dataset.accounts.columns[0]
        let names = Column(.string(StringStore(rt.dataset.layers.map(\.name))))
        let f = Frame(names: ["src", "dst", "layer", "weight", "time"],
                      refs: [.lookup(handles, ids: src), .lookup(handles, ids: dst), .lookup(names, ids: code),
                             .base(Column(.float(weight))), .base(timeColumn(time))],
                      rows: nil, count: src.count, kind: .edges(open: true), src: src, dst: dst,
                      generation: rt.dataset.generation)
        rt.edgeCache.interactions = f
        return f
    }

    /// `layers`: one row per layer, the follow layer first (SPEC §9), with the time
    /// span of each when the dataset has times.
    package static func layers(_ rt: Runtime) -> Frame {
        let stats = LayerStatistics.all(rt.dataset)
        var times: [Column] = []
        if LayerStatistics.isTimed(rt.dataset) {
            for end in [\LayerStatistics.first, \LayerStatistics.last] {
                times.append(Column(.datetime(stats.map { $0[keyPath: end] ?? 0 }), valid: Bitmap.from(stats.map { $0[keyPath: end] != nil })))
            }
        }
        return Frame(table: Table(names: LayerStatistics.columnNames(rt.dataset), columns: [
            Column.from(stats.map { .string($0.layer) }),
            Column.ints(stats.map { Int64($0.accounts) }),
            Column.ints(stats.map { Int64($0.edges) }),
            Column.floats(stats.map(\.weight)),
            Column.floats(stats.map { $0.reciprocity ?? 0 }, valid: Bitmap.from(stats.map { $0.reciprocity != nil })),
            Column.floats(stats.map(\.density)),
        ] + times))
    }

    /// The source id of every edge of a CSR, in edge order: each node's run of edges
    /// filled with one `initialize(repeating:)`, into memory that is not zeroed first
    /// (the first thing `follows` needs before its first row is printed).
    package static func sources(_ g: CSR) -> [UInt32] {
        let m = g.edgeCount
        return [UInt32](unsafeUninitializedCapacity: m) { o, count in
            g.offsets.withUnsafeBufferPointer { off in
                // CSR offsets start at 0, never decrease and end at m, so the runs
                // cover every edge once; anything outside them is zeroed all the same.
                var filled = 0
                for v in 0..<g.nodeCount {
                    let lo = max(min(off[v], m), filled), hi = min(off[v + 1], m)
                    if lo > filled { UnsafeMutableBufferPointer(rebasing: o[filled..<lo]).initialize(repeating: 0) }
                    if hi > lo { UnsafeMutableBufferPointer(rebasing: o[lo..<hi]).initialize(repeating: UInt32(v)) }
                    filled = max(filled, hi)
                }
                if filled < m { UnsafeMutableBufferPointer(rebasing: o[filled..<m]).initialize(repeating: 0) }
            }
            count = m
        }
    }
}
