import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `where EXPR`: the rows whose predicate is true.
    package func filter(_ f: Frame, _ predicate: BoundExpr) throws(Diagnostic) -> Frame {
        f.select(try Filter.positions(try Evaluator(frame: f, rt: rt).eval(predicate)))
    }
}

/// `where`: the positions whose predicate is true (null and false drop the row).
package enum Filter {
    /// Works 64 rows at a time: the bools (and the validity word) become one bit mask
    /// whose set bits are then enumerated, so the cost follows the kept rows and no
    /// branch depends on a random predicate.
    /// - Complexity: O(n / 64 + kept rows) after one pass building the masks.
    package static func positions(_ c: Column) throws(Diagnostic) -> [UInt32] {
        guard case .bool(let a) = c.storage else { return [] }
        let words = c.valid?.words ?? []
        return a.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: UInt8.self) { b in
                words.withUnsafeBufferPointer { w in
                    [UInt32](unsafeUninitializedCapacity: b.count) { out, n in
                        var k = 0, base = 0
                        while base < b.count {
                            let width = min(64, b.count - base)
                            var mask: UInt64 = 0
                            for j in 0..<width { mask |= UInt64(b[base + j] & 1) << UInt64(j) }
                            if !w.isEmpty { mask &= w[base >> 6] }
                            while mask != 0 {
                                out[k] = UInt32(truncatingIfNeeded: base + mask.trailingZeroBitCount)
                                k += 1
                                mask &= mask &- 1
                            }
                            base += 64
                        }
                        n = k
                    }
                }
            }
        }
    }
}
