import QQData
import QQMetrics
import QQSyntax
import QQSemantic

/// Which group each row belongs to, and the rows of each group (built on demand by a
/// counting sort, so a group's rows keep their order).
package struct GroupIndex {
    /// Group of each row.
    package var ids: [Int32]
    package var groupCount: Int

    /// Every row in one group.
    package static func single(_ n: Int) -> GroupIndex { GroupIndex(ids: [Int32](repeating: 0, count: n), groupCount: 1) }

    /// Offsets and rows: the rows of group g are `rows[offsets[g]..<offsets[g + 1]]`.
    package func members() -> (offsets: [Int], rows: [Int]) {
        var offsets = [Int](repeating: 0, count: groupCount + 1)
        for g in ids { offsets[Int(g) + 1] += 1 }
        for g in 0..<groupCount { offsets[g + 1] += offsets[g] }
        var cursor = offsets
        var rows = [Int](repeating: 0, count: ids.count)
        for (r, g) in ids.enumerated() { rows[cursor[Int(g)]] = r; cursor[Int(g)] += 1 }
        return (offsets, rows)
    }
}

/// The aggregates of SPEC §4. Every aggregate skips nulls; over no values `count` is
/// 0 and the others are null. `stddev` is the sample one (n − 1); `median` and
/// `quantile` interpolate linearly (NumPy's default).
package enum Aggregates {
    /// One value: the aggregate over all `count` rows of `argument`.
    package static func fold(_ fn: AggregateFunction, argument: Column?, parameter: Value?, rows: [UInt32]?, count: Int,
                     type: ValueType, span: SourceSpan) throws(Diagnostic) -> Value {
        let c = try grouped(fn, argument: argument, parameter: parameter, groups: .single(count), type: type, span: span)
        return c.count > 0 ? c[0] : .null
    }

    /// One value per group, as a column of `type`.
    package static func grouped(_ fn: AggregateFunction, argument: Column?, parameter: Value?, groups: GroupIndex,
                        type: ValueType, span: SourceSpan) throws(Diagnostic) -> Column {
        let g = groups.groupCount
        guard let x = argument else {
            var counts = [Int64](repeating: 0, count: g)
            for id in groups.ids { counts[Int(id)] += 1 }
            return Column(.int(counts))
        }
        // NaN counts as null (docs/ENGINE.md, "NaN"): skipped by every aggregate, so
        // min, max, median and the rest never depend on where a NaN sits.
        var nan: [Double]? = nil
        if case .float(let a) = x.storage, a.contains(where: \.isNaN) { nan = a }
        let present = { (i: Int) -> Bool in !x.isNull(i) && !(nan?[i].isNaN ?? false) }
        switch fn {
        case .count:
            var counts = [Int64](repeating: 0, count: g)
            for (i, id) in groups.ids.enumerated() where present(i) { counts[Int(id)] += 1 }
            return Column(.int(counts))
        case .sum where x.type == .int:
            guard case .int(let a) = x.storage else { break }
            var sums = [Int64](repeating: 0, count: g)
            var seen = [Bool](repeating: false, count: g)
            for (i, id) in groups.ids.enumerated() where present(i) {
                let r = sums[Int(id)].addingReportingOverflow(a[i])
                if r.overflow { throw Diagnostic(.runtime, "integer overflow in 'sum'", span: span, hint: "sum a float: sum(1.0 * x)") }
                sums[Int(id)] = r.partialValue
                seen[Int(id)] = true
            }
            return Column(.int(sums), valid: Bitmap.from(seen))
        case .sum, .avg:
            let v = x.doubles
            var sums = [Double](repeating: 0, count: g)
            var counts = [Int](repeating: 0, count: g)
            for (i, id) in groups.ids.enumerated() where present(i) { sums[Int(id)] += v[i]; counts[Int(id)] += 1 }
            if fn == .avg { for k in 0..<g where counts[k] > 0 { sums[k] /= Double(counts[k]) } }
            return Column(.float(sums), valid: Bitmap.from(counts.map { $0 > 0 }))
        case .min, .max:
            var best = [Int](repeating: -1, count: g)
            for (i, id) in groups.ids.enumerated() where present(i) {
                let k = Int(id)
                if best[k] < 0 { best[k] = i; continue }
                let o = compare(x, i, best[k])
                if (fn == .min && o < 0) || (fn == .max && o > 0) { best[k] = i }
            }
            var b = ColumnBuilder(type: type, capacity: g)
            for k in 0..<g { if best[k] < 0 { b.appendNull() } else { b.append(x[best[k]]) } }
            return b.finish()
        case .count_distinct:
            let (offsets, rows) = groups.members()
            var out = [Int64](repeating: 0, count: g)
            for k in 0..<g {
                var seen = Set<Value>()
                for r in rows[offsets[k]..<offsets[k + 1]] where present(r) { seen.insert(x[r]) }
                out[k] = Int64(seen.count)
            }
            return Column(.int(out))
        case .median, .quantile, .stddev:
            let q: Double
            if fn == .quantile {
                guard let p = parameter?.asDouble, (0...1).contains(p) else {
                    throw Diagnostic(.runtime, "quantile's q must be a number between 0 and 1", span: span)
                }
                q = p
            } else { q = 0.5 }
            let v = x.doubles
            let (offsets, rows) = groups.members()
            var out = [Double](repeating: 0, count: g)
            var ok = [Bool](repeating: false, count: g)
            for k in 0..<g {
                var values: [Double] = []
                values.reserveCapacity(offsets[k + 1] - offsets[k])
                for r in rows[offsets[k]..<offsets[k + 1]] where present(r) { values.append(v[r]) }
                let result: Double?
                if fn == .stddev { result = Statistics.sampleStd(values) } else {
                    values.sort()
                    result = Statistics.quantile(sorted: values, q)
                }
                if let result { out[k] = result; ok[k] = true }
                if k & 1023 == 0 { try Cancellation.check() }
            }
            return Column(.float(out), valid: Bitmap.from(ok))
        case .ari, .nmi:
            break
        }
        throw Diagnostic(.internal, "internal error: aggregate '\(fn.rawValue)' on \(x.type.rawValue)", span: span)
    }

    /// `ari(a, b)` / `nmi(a, b)` per group: agreement of the two labelings over the
    /// group's rows where both labels are non-null (null when no row is left).
    package static func agreement(_ fn: AggregateFunction, _ a: Column, _ b: Column, groups: GroupIndex) throws(Diagnostic) -> Column {
        let la = labels(a), lb = labels(b)
        let (offsets, rows) = groups.members()
        var out = [Double](repeating: 0, count: groups.groupCount)
        var ok = [Bool](repeating: false, count: groups.groupCount)
        for k in 0..<groups.groupCount {
            var x: [Int64] = [], y: [Int64] = []
            for r in rows[offsets[k]..<offsets[k + 1]] { if let p = la[r], let q = lb[r] { x.append(p); y.append(q) } }
            try Cancellation.check()
            guard !x.isEmpty else { continue }
            out[k] = fn == .ari ? PartitionAgreement.ari(x, y) : PartitionAgreement.nmi(x, y)
            ok[k] = true
        }
        return Column(.float(out), valid: Bitmap.from(ok))
    }

    /// A column's values as partition labels (ints as they are, other values numbered
    /// by first appearance); nil for null.
    static func labels(_ c: Column) -> [Int64?] {
        if case .int(let v) = c.storage { return (0..<c.count).map { c.isNull($0) ? nil : v[$0] } }
        var codes: [Value: Int64] = [:]
        return (0..<c.count).map { i in
            if c.isNull(i) { return nil }
            let v = c[i]
            if let k = codes[v] { return k }
            let k = Int64(codes.count)
            codes[v] = k
            return k
        }
    }

    /// Orders rows i and j of one column (both non-null).
    package static func compare(_ x: Column, _ i: Int, _ j: Int) -> Int {
        switch x.storage {
        case .int(let a): return a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .float(let a): return a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .date(let a): return a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .datetime(let a), .duration(let a): return a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .bool(let a): return a[i] == a[j] ? 0 : (a[i] ? 1 : -1)
        case .string(let s): return s.compare(i, j)
        case .null: return 0
        }
    }
}
