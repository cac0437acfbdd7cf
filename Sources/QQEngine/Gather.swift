import QQData
import QQSyntax
import QQSemantic

/// Fast gathers over flat arrays: the executor's one way of moving values, used by
/// every stage that reorders or subsets rows. Indices are trusted (they come from
/// selection vectors the executor built), so the loops use unchecked buffer pointers.
package enum Gather {
    /// `values[rows[k]]` for every k.
    /// - Complexity: O(rows.count).
    @inline(__always)
    package static func array<T>(_ values: [T], _ rows: [UInt32]) -> [T] {
        values.withUnsafeBufferPointer { v in
            rows.withUnsafeBufferPointer { r in
                [T](unsafeUninitializedCapacity: r.count) { out, n in
                    for k in 0..<r.count { (out.baseAddress! + k).initialize(to: v[Int(r[k])]) }
                    n = r.count
                }
            }
        }
    }

    /// The validity bits of `rows`, or nil when every gathered value is present.
    package static func validity(_ valid: Bitmap?, _ rows: [UInt32]) -> Bitmap? {
        guard let valid else { return nil }
        var out = Bitmap(count: rows.count, value: true)
        var missing = 0
        valid.words.withUnsafeBufferPointer { w in
            for (k, r) in rows.enumerated() {
                let i = Int(r)
                if (w[i >> 6] >> UInt64(i & 63)) & 1 == 0 { out[k] = false; missing += 1 }
            }
        }
        return missing == 0 ? nil : out
    }

    /// The strings of `rows`, in that order, as a new store.
    package static func strings(_ s: StringStore, _ rows: [UInt32]) -> StringStore {
        var total = 0
        for r in rows { total += s.offsets[Int(r) + 1] - s.offsets[Int(r)] }
        var bytes = [UInt8]()
        bytes.reserveCapacity(total)
        var offsets = [Int]()
        offsets.reserveCapacity(rows.count + 1)
        offsets.append(0)
        s.bytes.withUnsafeBufferPointer { b in
            for r in rows {
                let lo = s.offsets[Int(r)], hi = s.offsets[Int(r) + 1]
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[lo..<hi]))
                offsets.append(bytes.count)
            }
        }
        return StringStore(bytes: bytes, offsets: offsets)
    }

    /// Rows `rows` of `c`, in that order.
    package static func column(_ c: Column, _ rows: [UInt32]) -> Column {
        let valid = validity(c.valid, rows)
        switch c.storage {
        case .int(let a): return Column(.int(array(a, rows)), valid: valid)
        case .float(let a): return Column(.float(array(a, rows)), valid: valid)
        case .bool(let a): return Column(.bool(array(a, rows)), valid: valid)
        case .date(let a): return Column(.date(array(a, rows)), valid: valid)
        case .datetime(let a): return Column(.datetime(array(a, rows)), valid: valid)
        case .duration(let a): return Column(.duration(array(a, rows)), valid: valid)
        case .string(let s): return Column(.string(strings(s, rows)), valid: valid)
        case .null: return Column(.null(rows.count))
        }
    }

    /// `outer[inner[k]]` (composes two selections).
    package static func compose(_ outer: [UInt32]?, _ inner: [UInt32]) -> [UInt32] {
        guard let outer else { return inner }
        return array(outer, inner)
    }
}
