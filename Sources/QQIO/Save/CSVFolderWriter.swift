#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Writes a dataset as the CSV folder that `load "dir"` reads back identically:
/// `accounts.csv` (handle first, then the columns), `follows.csv` (`src,dst`) and one
/// `NAME.csv` per interaction layer (`src,dst,weight`). Edges go out in id order.
///
/// Quoting keeps types: a string column with any value that would read back as a
/// number, bool or date has all its values quoted (the reader keeps fully quoted
/// columns as text); an empty string is `""`, a null is an empty field.
enum CSVFolderWriter {
    static func write(_ d: Dataset, into dir: String) throws(Diagnostic) {
        let handles = encodedHandles(d.handles.handles)
        try writeAccounts(d, handles: handles, to: dir + "/accounts.csv")
        try writeLayer(d.follows, handles: handles, weighted: false, to: dir + "/follows.csv")
        for l in d.layers {
            try writeLayer(l, handles: handles, weighted: true, to: dir + "/\(l.name).csv")
        }
    }

    /// Every handle already in CSV form (quoted when it must be), for fast edge output.
    static func encodedHandles(_ s: StringStore) -> StringStore {
        var out = StringStore()
        out.bytes.reserveCapacity(s.bytes.count + s.count / 8)
        out.offsets.reserveCapacity(s.count + 1)
        s.bytes.withUnsafeBufferPointer { b in
            for i in 0..<s.count {
                let field = UnsafeBufferPointer(rebasing: b[s.range(i)])
                if needsQuotes(field) { appendQuoted(field, to: &out.bytes) } else { out.bytes.append(contentsOf: field) }
                out.offsets.append(out.bytes.count)
            }
        }
        return out
    }

    @inline(__always) static func needsQuotes(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        if f.isEmpty { return true }
        if f[0] == 35 || f[0] == 32 || f[f.count - 1] == 32 { return true }
        for c in f where c == 44 || c == 34 || c == 10 || c == 13 || c == 9 { return true }
        return false
    }

    static func appendQuoted(_ f: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(34)
        for c in f { out.append(c); if c == 34 { out.append(34) } }
        out.append(34)
    }

    private static func writeAccounts(_ d: Dataset, handles: StringStore, to path: String) throws(Diagnostic) {
        let out = try OutputFile(creating: path)
        var header: [UInt8] = []
        for (i, name) in d.accounts.names.enumerated() {
            if i > 0 { header.append(44) }
            var n = name
            n.withUTF8 { needsQuotes($0) ? appendQuoted($0, to: &header) : header.append(contentsOf: $0) }
        }
        header.append(10)
        header.withUnsafeBufferPointer { out.append($0) }
        let columns = Array(d.accounts.columns.dropFirst())
        let forceQuote = columns.map(stringLooksTyped)
        var cell: [UInt8] = []
        var cancelled = false
        handles.bytes.withUnsafeBufferPointer { hb in
            for row in 0..<d.accountCount {
                // Ctrl-C: stop here; `Saver` removes the unfinished folder.
                if row & 0xFFFF == 0 && Cancellation.isRequested { cancelled = true; return }
                out.append(UnsafeBufferPointer(rebasing: hb[handles.range(row)]))
                for (c, col) in columns.enumerated() {
                    out.append(44)
                    if col.isNull(row) { continue }
                    switch col.storage {
                    case .int(let a): out.appendInt(a[row])
                    case .float(let a): out.append(Value.formatFloat(a[row]))
                    case .bool(let a): out.append(a[row] ? "true" : "false")
                    case .date(let a): out.append(CivilDate(daysSinceEpoch: a[row]).iso)
                    case .datetime(let a): out.append(DateTime.format(a[row]))
                    case .duration(let a): out.append(DateTime.formatDuration(a[row]))
                    case .string(let s):
                        s.bytes.withUnsafeBufferPointer { sb in
                            let f = UnsafeBufferPointer(rebasing: sb[s.range(row)])
                            if forceQuote[c] || needsQuotes(f) {
                                cell.removeAll(keepingCapacity: true)
                                appendQuoted(f, to: &cell)
                                cell.withUnsafeBufferPointer { out.append($0) }
                            } else {
                                out.append(f)
                            }
                        }
                    case .null: break
                    }
                }
                out.append(10)
            }
        }
        if cancelled { throw Diagnostic.cancelled() }
        try out.close()
    }

    /// True for a string column with a value that would read back as another type.
    static func stringLooksTyped(_ col: Column) -> Bool {
        guard case .string(let s) = col.storage else { return false }
        return s.bytes.withUnsafeBufferPointer { b in
            for i in 0..<s.count where !col.isNull(i) {
                let f = UnsafeBufferPointer(rebasing: b[s.range(i)])
                if FieldParsing.double(f) != nil || FieldParsing.bool(f) != nil || FieldParsing.date(f) != nil
                    || DateTime.parse(f) != nil { return true }
            }
            return false
        }
    }

    /// A timed interaction layer (SPEC §8): one row per event, `src,dst,weight,time`.
    private static func writeEvents(_ e: EdgeEvents, handles: StringStore, to path: String) throws(Diagnostic) {
        let out = try OutputFile(creating: path)
        out.append("src,dst,weight,time\n")
        handles.bytes.withUnsafeBufferPointer { hb in
            for k in 0..<e.count {
                out.append(UnsafeBufferPointer(rebasing: hb[handles.range(Int(e.src[k]))]))
                out.append(44)
                out.append(UnsafeBufferPointer(rebasing: hb[handles.range(Int(e.dst[k]))]))
                out.append(44)
                let w = e.weights[k]
                if w == w.rounded() && abs(w) < 9e15 { out.appendInt(Int64(w)) } else { out.append(Value.formatFloat(w)) }
                out.append(44)
                if e.times[k] != EdgeEvents.untimed { out.append(DateTime.format(e.times[k])) }
                out.append(10)
            }
        }
        try out.close()
    }

    private static func writeLayer(_ l: Layer, handles: StringStore, weighted: Bool, to path: String) throws(Diagnostic) {
        if let e = l.events { return try writeEvents(e, handles: handles, to: path) }
        let out = try OutputFile(creating: path)
        let times = l.times
        // The follow layer's weight column (SPEC §9) is written as data.
        let weights = weighted ? l.out.weights : l.followWeights
        let hasWeights = weighted || weights != nil
        out.append("src,dst" + (hasWeights ? ",weight" : "") + (times != nil ? ",time" : "") + "\n")
        var cancelled = false
        handles.bytes.withUnsafeBufferPointer { hb in
            handles.offsets.withUnsafeBufferPointer { ho in
                l.out.offsets.withUnsafeBufferPointer { o in
                    l.out.targets.withUnsafeBufferPointer { t in
                        guard let h = hb.baseAddress else { return }
                        for v in 0..<l.nodeCount {
                            if v & 0x3FFF == 0 && Cancellation.isRequested { cancelled = true; return }
                            if o[v] == o[v + 1] { continue }
                            let s = UnsafeBufferPointer(start: h + ho[v], count: ho[v + 1] - ho[v])
                            for k in o[v]..<o[v + 1] {
                                let d = Int(t[k])
                                out.append(s)
                                out.append(44)
                                out.append(UnsafeBufferPointer(start: h + ho[d], count: ho[d + 1] - ho[d]))
                                if hasWeights {
                                    out.append(44)
                                    let w = weights?[k] ?? 1
                                    if w == w.rounded() && abs(w) < 9e15 { out.appendInt(Int64(w)) } else { out.append(Value.formatFloat(w)) }
                                }
                                if let times {
                                    out.append(44)
                                    if times[k] != EdgeEvents.untimed { out.append(DateTime.format(times[k])) }
                                }
                                out.append(10)
                            }
                        }
                    }
                }
            }
        }
        if cancelled { throw Diagnostic.cancelled() }
        try out.close()
    }
}
