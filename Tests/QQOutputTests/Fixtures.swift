import QQData

/// Small tables that exercise the renderers: typed columns, nulls, wide characters,
/// long text, huge and negative numbers.
enum Fixtures {
    static func date(_ s: String) -> Value { .date(CivilDate.parse(Substring(s))!.daysSinceEpoch) }

    /// A few accounts, with every column type and a null in most columns.
    static var accounts: Table {
        Table(names: ["handle", "followers", "following", "ratio", "pagerank", "verified", "created", "bio"], columns: [
            Column.from([.string("alice"), .string("bob"), .string("carol_the_longest_handle_here"), .string("dave"),
                         .string("émile"), .string("山田太郎")]),
            Column.from([.int(1_250_000), .int(980), .int(0), .int(45_210), .null, .int(7)]),
            Column.from([.int(312), .int(1_020), .int(15), .null, .int(3), .int(0)]),
            Column.from([.float(4006.410256410256), .float(0.9607843137254902), .float(0), .null,
                         .float(2.5), .float(7)]),
            Column.from([.float(0.0123456789), .float(0.000421), .float(0.00015), .float(0.002), .null,
                         .float(0.0001)]),
            Column.from([.bool(true), .bool(false), .bool(false), .null, .bool(true), .bool(false)]),
            Column.from([date("2009-03-21"), date("2015-11-02"), .null, date("2020-01-31"), date("2012-07-04"),
                         date("2023-12-25")]),
            Column.from([.string("Writes about graphs, \"influence\" and | pipes"), .string(""), .null,
                         .string("line one\nline two"), .string("Ça va? 🙂 très bien"), .string("東京のエンジニア")]),
        ])
    }

    /// Awkward numbers: huge ints, negatives, NaN and infinities, tiny floats.
    static var numbers: Table {
        Table(names: ["id", "big", "neg", "x", "tiny", "huge"], columns: [
            Column.from([.int(1), .int(2), .int(3), .int(4)]),
            Column.from([.int(Int64.max), .int(Int64.min), .int(1_000), .int(-999)]),
            Column.from([.int(-5), .int(-1_234_567), .int(0), .int(42)]),
            Column.from([.float(.nan), .float(.infinity), .float(-.infinity), .float(-0.5)]),
            Column.from([.float(1.5e-7), .float(2e-9), .float(-3.25e-5), .null]),
            Column.from([.float(6.02e23), .float(1e15), .float(-1.5e20), .float(0)]),
        ])
    }

    static var empty: Table {
        Table(names: ["handle", "followers"], columns: [Column.from([Value]()), Column(.int([]))])
    }

    static var oneCell: Table { Table(names: ["count"], columns: [Column.ints([2000])]) }

    /// 14 columns: more than fit in 80 terminal columns.
    static var wide: Table {
        let names = (1...14).map { "metric_\($0)" }
        return Table(names: names, columns: names.indices.map { c in
            Column.floats((0..<3).map { Double($0 * 1000 + c) + 0.125 })
        })
    }

    /// `n` rows of a handle and a count.
    static func many(_ n: Int) -> Table {
        Table(names: ["handle", "n"], columns: [
            Column(.string(StringStore((0..<n).map { "user\($0)" }))),
            Column.ints((0..<n).map { Int64($0 * $0) }),
        ])
    }

    /// Everything null, in columns of unknown and known type.
    static var nulls: Table {
        Table(names: ["nothing", "maybe"], columns: [Column(.null(2)), Column.from([.null, .float(1.5)])])
    }
}
