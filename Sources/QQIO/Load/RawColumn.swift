import QQData

/// One column's cells as text while a file is read, with what each type could still be.
/// Type inference (SPEC §1, §8): the narrowest of int, float, bool, date, datetime that every non-null
/// value parses as, else string. An unquoted empty field is null; a column whose every
/// value was quoted stays text (so `"01234"` keeps its zero), unless the file quotes
/// every field, in which case quotes say nothing.
struct RawColumn: Sendable {
    var store = StringStore()
    var valid = Bitmap(count: 0, value: true)
    var nonNull = 0
    var quoted = 0
    var maybe: UInt8 = RawColumn.all

    static let int: UInt8 = 1, float: UInt8 = 2, bool: UInt8 = 4, date: UInt8 = 8, datetime: UInt8 = 16, all: UInt8 = 31

    @inline(__always) mutating func appendNull() {
        store.appendEmpty(); valid.append(false)
    }

    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>, quoted q: Bool) {
        store.appendBytes(b); valid.append(true)
        nonNull += 1
        if q { quoted += 1 }
        if maybe == 0 { return }
        if maybe & RawColumn.int != 0 && FieldParsing.int(b) == nil {
            maybe &= ~RawColumn.int
            if maybe & RawColumn.float != 0 && FieldParsing.double(b) == nil { maybe &= ~RawColumn.float }
        } else if maybe & (RawColumn.int | RawColumn.float) == RawColumn.float && FieldParsing.double(b) == nil {
            maybe &= ~RawColumn.float
        }
        if maybe & RawColumn.bool != 0 && FieldParsing.bool(b) == nil { maybe &= ~RawColumn.bool }
        if maybe & RawColumn.date != 0 && FieldParsing.date(b) == nil { maybe &= ~RawColumn.date }
        if maybe & RawColumn.datetime != 0 && DateTime.parse(b, dateOnly: true) == nil { maybe &= ~RawColumn.datetime }
    }

    /// Keeps the rows where `keep` is true (lenient removal of duplicate accounts).
    func filtered(_ keep: [Bool]) -> RawColumn {
        var out = RawColumn()
        out.maybe = maybe
        store.bytes.withUnsafeBufferPointer { b in
            for i in 0..<store.count where keep[i] {
                if !valid[i] { out.appendNull(); continue }
                out.store.appendBytes(UnsafeBufferPointer(rebasing: b[store.range(i)]))
                out.valid.append(true); out.nonNull += 1
            }
        }
        out.quoted = min(quoted, out.nonNull)
        return out
    }

    /// The typed column for the cells of `chunks` (one column read in several chunks).
    static func finish(_ chunks: [RawColumn], fileQuotesEverything: Bool) -> Column {
        let nonNull = chunks.reduce(0) { $0 + $1.nonNull }
        let rows = chunks.reduce(0) { $0 + $1.store.count }
        if nonNull == 0 { return Column(.null(rows)) }
        let quoted = chunks.reduce(0) { $0 + $1.quoted }
        var maybe = chunks.reduce(RawColumn.all) { $0 & ($1.nonNull > 0 ? $1.maybe : RawColumn.all) }
        if quoted == nonNull && !fileQuotesEverything { maybe = 0 }
        var valid = Bitmap(count: rows, value: true)
        var row = 0
        for c in chunks { for i in 0..<c.store.count { if !c.valid[i] { valid[row] = false }; row += 1 } }
        let mask: Bitmap? = nonNull == rows ? nil : valid
        func each<T>(_ zero: T, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> [T] {
            var out = [T](); out.reserveCapacity(rows)
            for c in chunks {
                c.store.bytes.withUnsafeBufferPointer { b in
                    for i in 0..<c.store.count {
                        out.append(c.valid[i] ? (parse(UnsafeBufferPointer(rebasing: b[c.store.range(i)])) ?? zero) : zero)
                    }
                }
            }
            return out
        }
        if maybe & RawColumn.int != 0 { return Column(.int(each(0, FieldParsing.int)), valid: mask) }
        if maybe & RawColumn.float != 0 {
            // NaN read from a file is null (docs/ENGINE.md, "NaN"): stored as 0, not valid.
            var values = each(0, FieldParsing.double)
            guard values.contains(where: \.isNaN) else { return Column(.float(values), valid: mask) }
            for i in values.indices where values[i].isNaN { values[i] = 0; valid[i] = false }
            return Column(.float(values), valid: valid)
        }
        if maybe & RawColumn.bool != 0 { return Column(.bool(each(false, FieldParsing.bool)), valid: mask) }
        if maybe & RawColumn.date != 0 { return Column(.date(each(0, FieldParsing.date)), valid: mask) }
        if maybe & RawColumn.datetime != 0 {
            return Column(.datetime(each(0, { DateTime.parse($0, dateOnly: true) })), valid: mask)
        }
        if chunks.count == 1 { return Column(.string(chunks[0].store), valid: mask) }
        var store = StringStore()
        store.bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.store.bytes.count })
        store.offsets.reserveCapacity(rows + 1)
        for c in chunks {
            let shift = store.bytes.count
            store.bytes.append(contentsOf: c.store.bytes)
            if c.store.count > 0 { for i in 1...c.store.count { store.offsets.append(c.store.offsets[i] + shift) } }
        }
        return Column(.string(store), valid: mask)
    }
}

extension StringStore {
    /// Appends one string's bytes (a concrete, specialised path for the readers' loops).
    @inline(__always) mutating func appendBytes(_ b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        offsets.append(bytes.count)
    }
}

/// Columns named like a time (SPEC §8): their integers are Unix seconds
/// (milliseconds when above 1e11).
package enum TimeColumnName {
    package static let exact: Set<String> = ["time", "timestamp", "created_at", "date", "ts"]

    package static func matches(_ name: String) -> Bool {
        let n = name.lowercased()
        return exact.contains(n) || n.hasSuffix("_at")
    }

    /// An int column as datetimes when its name says time; nil when a value does not fit.
    package static func unixColumn(_ c: Column) -> Column? {
        guard case .int(let a) = c.storage else { return nil }
        var out = [Int64](repeating: 0, count: a.count)
        for i in 0..<a.count where !c.isNull(i) {
            guard let t = DateTime.fromUnix(a[i]) else { return nil }
            out[i] = t
        }
        return Column(.datetime(out), valid: c.valid)
    }
}
