import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic

/// The cached order prefix (`OrderPrefix.swift`) and the threshold top (`Sorting`)
/// give exactly the rows the general path gives: `top N by C` equals `sort C | take N`,
/// with and without a filter, before and after the prefix is cached, across settings
/// that change the column.
@Suite struct EngineOrderPrefixTests {
    /// The threshold top equals the first k rows of the stable sort, on values with many
    /// ties and NaN, in both directions, for ints and doubles.
    @Test(arguments: [64, 100, 1000, 5000])
    func thresholdTopIsPrefixOfStableSort(k: Int) throws {
        var rng = SplitMix64(seed: UInt64(k))
        let n = 200_000
        var doubles = [Double](repeating: 0, count: n)
        var ints = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            doubles[i] = rng.next() % 11 == 0 ? .nan : Double(rng.next() % 5000) / 7
            ints[i] = Int64(rng.next() % 300)
        }
        for desc in [false, true] {
            for column in [Column(.float(doubles)), Column(.int(ints))] {
                let key = SortColumn(column, descending: desc)
                let sorted = try Sorting.order([key], count: n)
                #expect(try Sorting.top(k, [key], count: n) == Array(sorted.prefix(k)))
            }
        }
    }

    /// Heavy ties at the threshold (most values equal) fall back to the heap, same answer.
    @Test func thresholdTopWithHeavyTies() throws {
        let n = 100_000
        let values = (0..<n).map { Int64($0 % 97 == 0 ? $0 : 1) }
        let key = SortColumn(Column(.int(values)), descending: true)
        #expect(try Sorting.top(2000, [key], count: n) == Array(try Sorting.order([key], count: n).prefix(2000)))
    }

    /// Each query runs three times (the later runs read the cached prefix) and once in a
    /// form the prefix never serves (`sort … | take N`); all four print the same rows.
    @Test func prefixAnswersEqualFullSort() {
        let (s, out) = EngineFixture.session()
        #expect(s.run("generate accounts 3000 follows 30000 seed 5"))
        let queries: [(String, String, String)] = [
            // (filter or "", sort key with direction, N)
            ("", "pagerank desc", "10"),
            ("", "followers desc", "100"),
            ("", "posts asc", "7"),
            ("where followers > 5", "pagerank desc", "10"),
            ("where followers > 40", "pagerank desc", "50"),
            ("where followers > 100000", "pagerank desc", "10"),
            ("where verified and lang == \"es\"", "followers desc", "20"),
            ("where lang in (\"ja\", \"en\") or posts between 10 and 20", "kcore desc", "30"),
            ("where not (posts < 500) and joined is not null", "clustering asc", "15"),
            ("where posts > 900", "posts desc", "200"),
            ("where followers >= 3", "following asc", "1"),
            ("where followers > 10", "pagerank desc", "0"),
        ]
        for setting in ["set damping = 0.85", "set damping = 0.5"] {
            #expect(s.run(setting))
            for (filter, key, n) in queries {
                let stage = filter.isEmpty ? "" : " | \(filter)"
                let parts = key.split(separator: " ")
                let top = "accounts\(stage) | top \(n) by \(parts[0])\(parts[1] == "asc" ? " asc" : "") | select handle, \(parts[0])"
                let sorted = "accounts\(stage) | sort \(key) | take \(n) | select handle, \(parts[0])"
                var outputs: [String] = []
                for q in [top, top, sorted, top] {
                    out.stdout = ""
                    #expect(s.run(q), "\(q): \(out.stderr)")
                    outputs.append(out.stdout)
                }
                #expect(Set(outputs).count == 1, "\(top)")
            }
        }
    }
}
