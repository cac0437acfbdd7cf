import QQData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Vose's alias method: O(n) to build, O(1) per draw from a discrete distribution.
struct AliasTable {
    private var probability: [Double]
    private var alias: [UInt32]

    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        probability = [Double](repeating: 1, count: n)
        alias = [UInt32](repeating: 0, count: n)
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            probability[s] = scaled[s]
            alias[s] = UInt32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        for i in small + large { probability[i] = 1; alias[i] = UInt32(i) }
    }

    @inline(__always) func draw(_ rng: inout SplitMix64) -> Int {
        let r = rng.next()
        let i = Int(truncatingIfNeeded: r.multipliedFullWidth(by: UInt64(probability.count)).high)
        let u = Double(r & 0xF_FFFF_FFFF) * 0x1.0p-36
        return u < probability[i] ? i : Int(alias[i])
    }
}
