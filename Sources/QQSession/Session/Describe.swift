import QQData
import QQMetrics
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

/// `describe` (the dataset: counts, layers, what loading dropped, columns and metrics)
/// and `describe accounts` / `describe NAME` (each column: type, nulls, min, median, max).
extension Session {
    package func describe(_ target: Identifier?) throws(Diagnostic) {
        guard let target else { return try describeDataset() }
        switch target.name {
        case "accounts":
            var f = Executor.accountsFrame(rt)
            for d in MetricRegistry.all {
                guard let m = MetricID(d.name), rt.metrics.valid(m, rt) != nil, f.names.firstIndex(of: d.name) == nil else { continue }
                f.set(d.name, .base(try rt.metrics.column(m, rt)))
            }
            try printTable(Frame(table: try columnStats(f)))
        case "follows": try printTable(Frame(table: try columnStats(EdgeTables.follows(rt))))
        case "interactions": try printTable(Frame(table: try columnStats(EdgeTables.interactions(rt))))
        case "layers": try printTable(Frame(table: try columnStats(EdgeTables.layers(rt))))
        default:
            if let f = rt.tables[target.name] { return try printTable(Frame(table: try columnStats(f))) }
            if let v = rt.values[target.name] {
                return try printTable(Frame(table: Table(names: ["name", "type", "value"], columns: [
                    Column.from([.string(target.name)]), Column.from([.string(v.type.rawValue)]),
                    Column.from([.string(v.isNull ? "null" : v.description)])])))
            }
            throw Diagnostic(.name, "unknown table '\(target.name)'", span: target.span,
                             hint: Suggest.hint(for: target.name, among: Keywords.sources + boundNames))
        }
    }

    /// One row per column: type, nulls, and min / median / max as text.
    package func columnStats(_ f: Frame) throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        for (i, name) in f.names.enumerated() {
            let c = f.column(i)
            try Cancellation.check()
            func agg(_ fn: AggregateFunction) throws(Diagnostic) -> Value {
                try Aggregates.fold(fn, argument: c, parameter: nil, rows: nil, count: c.count, type: c.type, span: .none)
            }
            let ordered = c.type != .null
            let lo = ordered ? try agg(.min) : .null
            let hi = ordered ? try agg(.max) : .null
            var median = Value.null
            if c.type.isNumeric {
                median = try Aggregates.fold(.median, argument: c, parameter: nil, rows: nil, count: c.count, type: .float, span: .none)
            } else if c.type == .date, case .date(let d) = c.storage {
                var present: [Int32] = []
                for k in 0..<c.count where !c.isNull(k) { present.append(d[k]) }
                present.sort()
                if !present.isEmpty { median = .date(present[(present.count - 1) / 2]) }
            } else if c.type == .datetime || c.type == .duration {
                let a = c.int64s
                var present: [Int64] = []
                for k in 0..<c.count where !c.isNull(k) { present.append(a[k]) }
                present.sort()
                if !present.isEmpty {
                    let m = present[(present.count - 1) / 2]
                    median = c.type == .datetime ? .datetime(m) : .duration(m)
                }
            }
            rows.append([.string(name), .string(c.type.rawValue), .int(Int64(c.nullCount)),
                         text(lo), text(median), text(hi)])
        }
        let names = ["column", "type", "nulls", "min", "median", "max"]
        let columns = (0..<names.count).map { k in Column.from(rows.map { $0[k] }) }
        return rows.isEmpty ? Table(names: names, columns: names.map { _ in Column(.string(StringStore())) })
            : Table(names: names, columns: columns)
    }

    /// A statistic as text: as a table cell shows it in the table format, exact otherwise.
    private func text(_ v: Value) -> Value {
        v.isNull ? .null : .string(options.format == .table ? ValueText.display(v) : v.description)
    }

    /// `describe`: what the dataset holds.
    package func describeDataset() throws(Diagnostic) {
        let ds = rt.dataset
        var items: [(String, Value)] = [
            ("dataset", .string(ds.isSample ? "sample" : rt.relative(ds.origin))),
            ("accounts", .int(Int64(ds.accountCount))),
            ("accounts from edges only", .int(Int64(ds.createdFromEdges))),
            ("follows", .int(Int64(ds.follows.edgeCount))),
            ("follows: self-loops dropped", .int(Int64(ds.follows.droppedSelfLoops))),
            ("follows: duplicates dropped", .int(Int64(ds.follows.duplicateRows))),
        ]
        // Time (SPEC §8): the window, and the span of each timed layer.
        if !rt.window.isOpen { items.append(("window", .string(rt.window.description))) }
        func span(_ l: Layer) -> Value {
            guard let (lo, hi) = l.timeSpan else { return .string("no times") }
            return .string(DateTime.format(lo) + " … " + DateTime.format(hi))
        }
        if ds.follows.times != nil { items.append(("follows: time span", span(ds.follows))) }
        if let w = ds.follows.followWeights { items.append(("follows: total weight (data; metrics unweighted)", .float(w.reduce(0, +)))) }
        for l in ds.layers {
            items.append(("layer \(l.name)", .int(Int64(l.edgeCount))))
            if let e = l.events {
                items.append(("layer \(l.name): events", .int(Int64(e.count))))
                items.append(("layer \(l.name): time span", span(l)))
            }
            items.append(("layer \(l.name): total weight", .float(l.totalWeight)))
            if l.droppedSelfLoops > 0 { items.append(("layer \(l.name): self-loops dropped", .int(Int64(l.droppedSelfLoops)))) }
            if l.duplicateRows > 0 { items.append(("layer \(l.name): duplicate rows merged", .int(Int64(l.duplicateRows)))) }
        }
        // SPEC §10: say why the interaction metrics are null.
        if let why = MetricRegistry.unmeasuredReason(interactionLayers: ds.layers.count) {
            items.append((MetricRegistry.interactionMetrics.joined(separator: ", "), .string(why)))
        }
        let computed = MetricRegistry.all.compactMap { d in MetricID(d.name).flatMap { rt.metrics.valid($0, rt) }.map { (d.name, $0) } }
        for (name, e) in computed { if let m = e.modularity { items.append(("\(name) modularity", .float(m))) } }
        // Iterative metrics already computed: how many iterations their stopping rule took.
        for (name, e) in computed {
            if let it = e.iterations { items.append(("\(name) iterations", .int(Int64(it)))) }
        }
        let summary = Table(names: ["item", "value"], columns: [
            Column.from(items.map { .string($0.0) }),
            Column.from(items.map { item -> Value in
                if case .int(let i) = item.1 { return .string(NumberText.grouped(i)) }
                return text(item.1)
            })])
        try printTable(Frame(table: summary))
        if options.format == .table { output.out("\n") }
        var names: [Value] = [], types: [Value] = [], kinds: [Value] = []
        for (n, c) in zip(ds.accounts.names, ds.accounts.columns) {
            names.append(.string(n)); types.append(.string(c.type.rawValue)); kinds.append(.string("data"))
        }
        for d in MetricRegistry.all where !ds.accounts.names.contains(d.name) {
            names.append(.string(d.name)); types.append(.string(d.type.rawValue))
            kinds.append(.string(MetricID(d.name).flatMap { rt.metrics.valid($0, rt) } != nil ? "metric (computed)" : "metric"))
        }
        try printTable(Frame(table: Table(names: ["column", "type", "kind"],
                                      columns: [Column.from(names), Column.from(types), Column.from(kinds)])))
    }
}
