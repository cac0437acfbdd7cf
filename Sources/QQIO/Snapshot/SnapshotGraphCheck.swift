import QQData

/// Checks one layer's two CSR directions as read from a snapshot, so that every graph
/// kernel's assumptions hold: offsets from 0, never decreasing, ending at the edge
/// count; in each row the ids strictly increasing (sorted, no duplicates), below the
/// account count and not the row itself (no self-loops); weights finite and not
/// negative; and the in-direction the exact transpose of the out-direction.
///
/// The transpose is checked without building it (that would cost more than the load)
/// by multiset fingerprints: both directions must give the same product
/// ∏ (x − code(src, dst, weight)) over their edges in GF(2⁶¹ − 1), where `code` is
/// injective as a polynomial and x (and the code's other coefficients) are drawn at
/// random at every load. Two different edge sets agree with probability at most
/// 3m / (2⁶¹ − 1) (Schwartz–Zippel; m edges), below 10⁻¹⁰ at 20 million edges, and a
/// file cannot be crafted against keys it never sees. Rows are checked on both cores.
struct SnapshotGraphCheck {
    static let p: UInt64 = (1 << 61) - 1

    let n: Int
    private let x: UInt64, y: UInt64, y2: UInt64, y3: UInt64
    /// Codes are `src·n + dst` when that stays below p, else `src·y + dst` mod p.
    private let small: Bool

    init(nodes n: Int) {
        self.n = n
        var g = SystemRandomNumberGenerator()
        func key() -> UInt64 { UInt64.random(in: 2..<(SnapshotGraphCheck.p - 1), using: &g) }
        x = key(); y = key(); y2 = key(); y3 = key()
        small = n <= 1 << 30
    }

    @inline(__always) static func reduce(_ v: UInt64) -> UInt64 { v >= p ? v - p : v }

    /// a·b mod p for a, b ≤ p (the result is at most p, which stands for 0).
    @inline(__always) static func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        let r = (lo & p) &+ ((lo >> 61) | (hi << 3))
        return r >= p ? r - p : r
    }

    /// One direction: the rows `rows` of `offsets`/`targets`/`weights`.
    struct Direction {
        var offsets: UnsafeBufferPointer<Int>
        var targets: UnsafeBufferPointer<UInt32>
        var weights: UnsafeBufferPointer<Double>?
        /// True for the in-direction: a row is the edge's target, its entries sources.
        var inbound: Bool
    }

    enum Verdict { case valid, bad(String), cancelled }

    enum Outcome {
        case product(UInt64)
        case bad(row: Int, why: String)
        case cancelled
    }

    /// Checks rows `lo..<hi` of `d` (whose offsets are already known to be valid) and
    /// returns the product of their edges' fingerprint terms, or the first bad row.
    func rows(_ d: Direction, _ lo: Int, _ hi: Int) -> Outcome {
        let o = d.offsets, t = d.targets
        let n = self.n, x = self.x, y = self.y, small = self.small, inbound = d.inbound
        var a0: UInt64 = 1, a1: UInt64 = 1, a2: UInt64 = 1, a3: UInt64 = 1
        var row = lo
        while row < hi {
            if row & 0xFFFF == 0 && Cancellation.isRequested { return .cancelled }
            let s = o[row], e = o[row + 1]
            // Code of an edge from this row's account (outbound) or to it (inbound).
            let rowPart: UInt64 = inbound ? UInt64(row) : (small ? UInt64(row) &* UInt64(n) : SnapshotGraphCheck.mul(UInt64(row), y))
            let scale: UInt64 = small ? UInt64(n) : y
            @inline(__always) func term(_ v: UInt32) -> UInt64 {
                let code: UInt64
                if inbound {
                    code = small ? UInt64(v) &* scale &+ rowPart : SnapshotGraphCheck.reduce(SnapshotGraphCheck.mul(UInt64(v), scale) &+ rowPart)
                } else {
                    code = small ? rowPart &+ UInt64(v) : SnapshotGraphCheck.reduce(rowPart &+ UInt64(v))
                }
                return SnapshotGraphCheck.reduce(x &+ SnapshotGraphCheck.p &- code)
            }
            var prev = -1
            var bad = false
            if let w = d.weights {
                for k in s..<e {
                    let v = Int(t[k])
                    bad = bad || v <= prev || v >= n || v == row
                    let wt = w[k]
                    bad = bad || !(wt >= 0 && wt < .infinity)
                    prev = v
                    let bits = wt.bitPattern
                    let extra = SnapshotGraphCheck.mul(y2, bits & 0xFFFF_FFFF) &+ SnapshotGraphCheck.mul(y3, bits >> 32)
                    // x − (code + extra) = term(v) − extra.
                    let f = SnapshotGraphCheck.reduce(term(t[k]) &+ SnapshotGraphCheck.p &- SnapshotGraphCheck.reduce(extra))
                    a0 = SnapshotGraphCheck.mul(a0, f)
                }
            } else {
                var k = s
                while k + 4 <= e {
                    let v0 = t[k], v1 = t[k + 1], v2 = t[k + 2], v3 = t[k + 3]
                    let ok = Int(v0) > prev && v0 < v1 && v1 < v2 && v2 < v3 && Int(v3) < n
                        && Int(v0) != row && Int(v1) != row && Int(v2) != row && Int(v3) != row
                    bad = bad || !ok
                    prev = Int(v3)
                    a0 = SnapshotGraphCheck.mul(a0, term(v0))
                    a1 = SnapshotGraphCheck.mul(a1, term(v1))
                    a2 = SnapshotGraphCheck.mul(a2, term(v2))
                    a3 = SnapshotGraphCheck.mul(a3, term(v3))
                    k += 4
                }
                while k < e {
                    let v = Int(t[k])
                    bad = bad || v <= prev || v >= n || v == row
                    prev = v
                    a0 = SnapshotGraphCheck.mul(a0, term(t[k]))
                    k += 1
                }
            }
            if bad { return .bad(row: row, why: why(d, s, e, row)) }
            row += 1
        }
        return .product(SnapshotGraphCheck.mul(SnapshotGraphCheck.mul(a0, a1), SnapshotGraphCheck.mul(a2, a3)))
    }

    /// What is wrong with a row found bad (the slow path, for the message).
    private func why(_ d: Direction, _ s: Int, _ e: Int, _ row: Int) -> String {
        var prev = -1
        for k in s..<e {
            let v = Int(d.targets[k])
            if v >= n { return "an edge points to account \(v) of \(n)" }
            if v == row { return "an edge from an account to itself" }
            if v <= prev { return "ids not increasing" }
            prev = v
            if let w = d.weights, !(w[k] >= 0 && w[k] < .infinity) { return "weight \(w[k]) is not a finite, non-negative number" }
        }
        return "a bad edge"
    }

    /// Checks both directions of a layer on both cores: valid when they are valid and
    /// transposes of each other, else what is wrong.
    func check(out: Direction, inn: Direction) -> Verdict {
        // Split each direction where half its edges lie (offsets are already valid).
        func middle(_ o: UnsafeBufferPointer<Int>) -> Int {
            let half = o[n] / 2
            var lo = 0, hi = n
            while lo < hi { let mid = (lo + hi) / 2; if o[mid] < half { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let mo = middle(out.offsets), mi = middle(inn.offsets)
        let jobs: [(Direction, Int, Int)] = [(out, 0, mo), (out, mo, n), (inn, 0, mi), (inn, mi, n)]
        // Small layers stay on this thread: waking the other core costs more than it saves.
        let results = out.offsets[n] < 1 << 16 ? jobs.map { rows($0.0, $0.1, $0.2) }
            : Parallel.map(jobs.count) { i in rows(jobs[i].0, jobs[i].1, jobs[i].2) }
        var products: [UInt64] = []
        for (i, r) in results.enumerated() {
            switch r {
            case .cancelled: return .cancelled
            case .bad(let row, let why): return .bad("\(i < 2 ? "out" : "in") row \(row): \(why)")
            case .product(let v): products.append(v)
            }
        }
        let forward = SnapshotGraphCheck.reduce(SnapshotGraphCheck.mul(products[0], products[1]))
        let backward = SnapshotGraphCheck.reduce(SnapshotGraphCheck.mul(products[2], products[3]))
        return forward == backward ? .valid : .bad("its in-edges are not the out-edges reversed")
    }
}
