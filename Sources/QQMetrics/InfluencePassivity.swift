import QQData

// Influence and passivity — `influence(L)` / `passivity(L)` (SPEC §9).
//
// Definition (Romero, Galuba, Asur, Huberman 2011, §3, with L the interaction layer
//   that plays the paper's "retweet"):
//   Graph: edge i → j when j follows i (influence flows from the followed to the
//     follower); all accounts are nodes.
//   S_ij = weight of j's L-interactions towards i (L's edge j → i; 0 without one).
//   Q_i  = i's `posts` when it is a positive number, else max_k S_ik over i's
//     followers k (so i's most engaged follower has w = 1). The rule is per account:
//     accounts without a positive `posts` value (0, null, no column) use the maximum.
//   w_ij = min(1, S_ij / Q_i), clamped to [0, 1]; 0 when Q_i ≤ 0.
//   Acceptance  u_ij = w_ij / Σ_{k: k → j} w_kj       (0 when j accepted nothing)
//   Rejection   v_ij = (1 − w_ij) / Σ_{k: i → k} (1 − w_ik)   (0 on a zero denominator)
//   Iteration: I = P = 1 for every account; each round
//     P_j ← Σ_{i: i → j} v_ij I_i, normalised to sum 1;
//     I_i ← Σ_{j: i → j} u_ij P_j, normalised to sum 1
//   (a vector summing to 0 stays 0); stop after the first round where
//   Σ|I − I_last| + Σ|P − P_last| < N × tolerance (N = accounts), or after
//   `maxIterations` rounds with `converged = false` (as PageRank reports it).
// Matches: no library ships it. SPEC §9's six-account reference table is the first
//   test (to 1e-6); scripts/metric-reference carries a numpy version of the same
//   definition that the tests match to 1e-9 on generated graphs.
// Implementation: both half-steps pull (P_j over j's column of edges, I_i over i's
//   row), parallel over node ranges balanced by edges; sums are kept per range and
//   added in order, so results do not depend on the core count.
// Reading of the table: it is reproduced only by the per-account Q rule (a global
//   rule — posts for everyone once any account has posts — gives a different table).
// Self-loops: none (dropped at load). Nulls: none; every account gets a score
//   (0 for accounts outside the follow graph).
// Reference: D. M. Romero, W. Galuba, S. Asur, B. A. Huberman, "Influence and
//   passivity in social media", ECML PKDD 2011, LNCS 6913, 18–33; arXiv:1008.1253.
//
// API: `InfluencePassivity.compute(follows:layer:posts:accountCount:tolerance:maxIterations:)`
//   → `InfluencePassivityResult` (influence, passivity, iterations, converged);
//   `InfluencePassivity.output(.influence | .passivity, …, settings:)` → `MetricOutput`.

/// Influence and passivity scores with the iteration count.
public struct InfluencePassivityResult: Sendable, Equatable {
    /// I_i per account, summing to 1 (all 0 without any acceptance).
    public var influence: [Double]
    /// P_i per account, summing to 1 (all 0 without any rejection).
    public var passivity: [Double]
    public var iterations: Int
    public var converged: Bool
}

/// The Influence–Passivity algorithm of Romero et al. (2011).
public enum InfluencePassivity {
    /// The two scores of one run.
    public enum Score: Sendable { case influence, passivity }

    /// `influence` or `passivity` of interaction layer `layer` as a float column over
    /// `accountCount` accounts, with a note when the iteration did not converge: what
    /// the engine caches for `influence(L)` / `passivity(L)` (both come from one run,
    /// so a caller wanting both may call `compute` once instead).
    ///
    /// - Throws: what `compute` throws.
    public static func output(_ score: Score, follows: Layer, layer: Layer, posts: Column?, accountCount: Int,
                              settings s: Settings) throws(Diagnostic) -> MetricOutput {
        let r = try compute(follows: follows, layer: layer, posts: posts, accountCount: accountCount,
                            tolerance: s.tolerance, maxIterations: s.maxIterations)
        let notes = r.converged ? [] : [
            "influence-passivity on layer '\(layer.name)' did not converge to tolerance \(Value.formatFloat(s.tolerance)) in \(r.iterations) iterations (set max_iterations to run longer); values are the last iterate",
        ]
        return MetricOutput(column: .floats(score == .influence ? r.influence : r.passivity), notes: notes,
                            iterations: r.iterations)
    }

    /// IP scores over `accountCount` accounts from the follow layer (u → v: u follows
    /// v) and interaction layer `layer` (weights summed per pair; an unweighted layer
    /// counts 1 per edge). `posts`, when given, is a numeric column with one row per
    /// account; a non-numeric column counts as absent. Layers with fewer nodes than
    /// accounts are read as padded; nodes beyond `accountCount` are ignored.
    ///
    /// - Throws: `runtime` for tolerance ≤ 0 or `maxIterations` < 1; `cancelled`.
    /// - Complexity: O(n + m log d) to set up, O(iterations · (n + m)) time, O(n + m) memory.
    public static func compute(follows: Layer, layer: Layer, posts: Column? = nil, accountCount: Int,
                               tolerance: Double = 1e-6, maxIterations: Int = 100) throws(Diagnostic) -> InfluencePassivityResult {
        guard tolerance > 0 else { throw Diagnostic(.runtime, "tolerance must be positive, found \(tolerance)") }
        guard maxIterations >= 1 else { throw Diagnostic(.runtime, "max_iterations must be at least 1, found \(maxIterations)") }
        let n = max(accountCount, 0)
        if n == 0 { return InfluencePassivityResult(influence: [], passivity: [], iterations: 0, converged: true) }
        let f = follows.padded(to: n), l = layer.padded(to: n)
        // IP edges grouped by source i: row i of f.inn lists i's followers j.
        // Edge e = (i, j) in that order; `dst[e]` = j.
        var rowStart = [Int](repeating: 0, count: n + 1)
        var dst: [UInt32] = []
        var s: [Double] = []
        dst.reserveCapacity(f.inn.edgeCount); s.reserveCapacity(f.inn.edgeCount)
        for i in 0..<n {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            // Merge i's followers with L's senders to i (both rows sorted).
            var k = l.inn.offsets[i]
            let kEnd = l.inn.offsets[i + 1]
            for e in f.inn.offsets[i]..<f.inn.offsets[i + 1] {
                let j = f.inn.targets[e]
                guard Int(j) < n else { continue }
                while k < kEnd && l.inn.targets[k] < j { k += 1 }
                let w = k < kEnd && l.inn.targets[k] == j ? (l.inn.weights?[k] ?? 1) : 0
                dst.append(j); s.append(w)
            }
            rowStart[i + 1] = dst.count
        }
        let m = dst.count
        // w_ij = min(1, S_ij / Q_i), per account Q.
        var w = [Double](repeating: 0, count: m)
        for i in 0..<n {
            let lo = rowStart[i], hi = rowStart[i + 1]
            if lo == hi { continue }
            var q = posts.flatMap { i < $0.count ? $0.double(i) : nil } ?? 0
            if !(q > 0) {
                q = 0
                for e in lo..<hi where s[e] > q { q = s[e] }
            }
            guard q > 0 else { continue }
            for e in lo..<hi {
                let x = s[e] / q
                w[e] = x >= 1 ? 1 : (x > 0 ? x : 0)  // NaN → 0
            }
        }
        // Denominators: accepted by j (Σ_k w_kj) and rejected from i (Σ_k (1 − w_ik)).
        var accepted = [Double](repeating: 0, count: n)
        var rejected = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for e in rowStart[i]..<rowStart[i + 1] {
                accepted[Int(dst[e])] += w[e]
                rejected[i] += 1 - w[e]
            }
        }
        // Acceptance along rows (pulled by I_i), rejection along columns (pulled by
        // P_j): the same edges grouped by j, sources increasing (a counting sort).
        var u = [Double](repeating: 0, count: m)
        var colStart = [Int](repeating: 0, count: n + 1)
        for e in 0..<m { colStart[Int(dst[e]) + 1] += 1 }
        for j in 0..<n { colStart[j + 1] += colStart[j] }
        var cursor = colStart
        var colSrc = [UInt32](repeating: 0, count: m), vCol = [Double](repeating: 0, count: m)
        for i in 0..<n {
            for e in rowStart[i]..<rowStart[i + 1] {
                let j = Int(dst[e]), a = accepted[j], r = rejected[i]
                if a != 0 { u[e] = w[e] / a }
                let c = cursor[j]; cursor[j] += 1
                colSrc[c] = UInt32(i)
                if r != 0 { vCol[c] = (1 - w[e]) / r }
            }
        }
        let rowParts = Parallel.ranges(offsets: rowStart, parts: 32)
        let colParts = Parallel.ranges(offsets: colStart, parts: 32)
        var influence = Scratch<Double>(n, 1), passivity = Scratch<Double>(n, 1)
        var nextI = Scratch<Double>(n, 0), nextP = Scratch<Double>(n, 0)
        let sumPart = Scratch<Double>(32, 0)
        var iterations = 0
        while iterations < maxIterations {
            try Cancellation.check()
            iterations += 1
            let (il, pl, inext, pnext, sp) = (influence.ptr, passivity.ptr, nextI.ptr, nextP.ptr, sumPart.ptr)
            // P_j = Σ_i v_ij I_i, then I_i = Σ_j u_ij P_j, each normalised.
            try pull(colStart, colSrc, vCol, from: il, into: pnext, parts: colParts, partial: sp)
            scale(nextP, n, by: sumPart, colParts.count)
            try pull(rowStart, dst, u, from: pnext, into: inext, parts: rowParts, partial: sp)
            scale(nextI, n, by: sumPart, rowParts.count)
            var change = 0.0
            for k in 0..<n { change += abs(inext[k] - il[k]) + abs(pnext[k] - pl[k]) }
            swap(&influence, &nextI)
            swap(&passivity, &nextP)
            if change < Double(n) * tolerance {
                return InfluencePassivityResult(influence: influence.array(n), passivity: passivity.array(n),
                                                iterations: iterations, converged: true)
            }
        }
        return InfluencePassivityResult(influence: influence.array(n), passivity: passivity.array(n),
                                        iterations: iterations, converged: false)
    }

    /// One half-step: `into[v] = Σ_e weight[e] · from[target[e]]` over v's edges in a
    /// CSR (`offsets`, `targets`), rows split by `parts`; each part's total goes to
    /// `partial[part]` for `scale`.
    static func pull(_ offsets: [Int], _ targets: [UInt32], _ weight: [Double], from: Ptr<Double>, into: Ptr<Double>,
                     parts: [Range<Int>], partial: Ptr<Double>) throws(Diagnostic) {
        try offsets.withPtr { (o) throws(Diagnostic) in
            try targets.withPtr { (t) throws(Diagnostic) in
                try weight.withPtr { (x) throws(Diagnostic) in
                    try Parallel.forEach(parts.count) { r in
                        var total = 0.0
                        for v in parts[r] {
                            var acc = 0.0
                            for e in o[v]..<o[v + 1] { acc += x[e] * from[Int(t[e])] }
                            into[v] = acc; total += acc
                        }
                        partial[r] = total
                    }
                }
            }
        }
    }

    /// Scales the first `n` values to sum 1 (multiplying by 1/sum), the sum being the
    /// first `parts` partial sums added in order; a vector summing to 0 is left as is.
    static func scale(_ x: Scratch<Double>, _ n: Int, by partial: Scratch<Double>, _ parts: Int) {
        var total = 0.0
        for r in 0..<parts { total += partial.buffer[r] }
        guard total > 0 else { return }
        let factor = 1 / total, xp = x.ptr
        for k in 0..<n { xp[k] *= factor }
    }
}
