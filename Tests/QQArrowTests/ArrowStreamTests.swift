import QQData
import Testing
@testable import QQArrow

/// Bytes of a hex literal.
func hexBytes(_ s: String) -> [UInt8] {
    let u = Array(s.utf8)
    func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
    return stride(from: 0, to: u.count, by: 2).map { nibble(u[$0]) << 4 | nibble(u[$0 + 1]) }
}

func decode(_ hex: String) throws -> (ArrowStreamReader, [Table]) {
    var r = ArrowStreamReader()
    let t = try r.read(hexBytes(hex))
    return (r, t)
}

@Suite struct ArrowStreamTests {
    @Test func everyTypeDecodesToPyarrowsValues() throws {
        let (reader, tables) = try decode(ArrowFixtures.allTypes)
        #expect(tables.count == 1)
        let t = tables[0]
        #expect(t.rowCount == 4)
        #expect(reader.fields?.map(\.name) == ["i8", "i16", "i32", "i64", "u8", "f32", "f64", "b", "s", "ls", "d32", "d64", "ts", "tsn", "nul", "dec"])
        func col(_ n: String) -> [Value] { let c = t.column(n)!; return (0..<c.count).map { c[$0] } }
        #expect(col("i8") == [.int(1), .int(-2), .null, .int(127)])
        #expect(col("i16") == [.int(300), .null, .int(-300), .int(0)])
        #expect(col("i32") == [.int(70000), .int(1), .int(2), .null])
        #expect(col("i64") == [.null, .int(9_007_199_254_740_993), .int(-1), .int(42)])
        #expect(col("u8") == [.int(255), .int(0), .int(1), .int(2)])
        #expect(col("f32") == [.float(1.5), .null, .float(-0.25), .float(3.0)])
        #expect(col("f64") == [.float(0.1), .float(2.5e300), .null, .float(-7.0)])
        #expect(col("b") == [.bool(true), .bool(false), .null, .bool(true)])
        #expect(col("s") == [.string("alice"), .null, .string("zoë"), .string("")])
        #expect(col("ls") == [.string("x"), .string("yy"), .null, .string("ünï")])
        let d = CivilDate(year: 2024, month: 1, day: 31).daysSinceEpoch
        #expect(col("d32") == [.date(d), .null, .date(-1), .date(CivilDate(year: 2000, month: 2, day: 29).daysSinceEpoch)])
        #expect(col("d64") == [.date(d), .date(-1), .null, .date(0)])
        #expect(col("ts") == [.int(Int64(d) * 86_400_000_000 + 12 * 3_600_000_000 + 5), .null, .int(-1_000_000), .int(0)])
        #expect(col("tsn") == [.int(1), .int(-2), .null, .int(0)])
        #expect(col("nul") == [.null, .null, .null, .null])
        #expect(col("dec") == [.float(12.34), .null, .float(-0.05), .float(100)])
        #expect(reader.fields?.first { $0.name == "ts" }?.type == .timestamp(unitsPerSecond: 1_000_000, timezone: "UTC"))
        // Null cells of a string column hold empty text.
        if case .string(let s) = t.column("s")!.storage { #expect(s[1] == "") }
    }

    @Test func batchesConcatenateInOrder() throws {
        let (reader, tables) = try decode(ArrowFixtures.twoBatches)
        #expect(tables.map(\.rowCount) == [2, 1])
        var acc = TableAccumulator()
        for t in tables { try acc.append(t) }
        let t = acc.finish(empty: reader.emptyTable())
        #expect(t.names == ["id", "name"])
        #expect((0..<3).map { t.row($0) } == [[.int(1), .string("a")], [.int(2), .null], [.int(3), .string("c")]])
    }

    @Test func aStreamWithoutRowsStillHasItsSchema() throws {
        for hex in [ArrowFixtures.schemaOnly, ArrowFixtures.emptyBatch] {
            let (reader, tables) = try decode(hex)
            var acc = TableAccumulator()
            for t in tables { try acc.append(t) }
            let t = acc.finish(empty: reader.emptyTable())
            #expect(t.names == ["id", "name"])
            #expect(t.rowCount == 0)
            #expect(t.columns.map(\.type) == [.int, .string])
        }
    }

    @Test func aSecondStreamMustHaveTheSameSchema() throws {
        var r = ArrowStreamReader()
        _ = try r.read(hexBytes(ArrowFixtures.twoBatches))
        #expect(throws: Diagnostic.self) { _ = try r.read(hexBytes(ArrowFixtures.allTypes)) }
        #expect(try r.read(hexBytes(ArrowFixtures.twoBatches)).count == 2)
    }

    @Test func unsupportedTypesAreNamed() {
        var r = ArrowStreamReader()
        do {
            _ = try r.read(hexBytes(ArrowFixtures.listColumn))
            Issue.record("a list column decoded")
        } catch {
            #expect(error.message.contains("'l'") && error.message.contains("list"))
        }
    }

    @Test func everyTruncationIsAnErrorNotACrash() {
        let full = hexBytes(ArrowFixtures.allTypes)
        var failures = 0
        for n in 0..<full.count {
            var r = ArrowStreamReader()
            // A cut at a message boundary is a shorter valid stream; anything else must throw.
            if (try? r.read(Array(full[0..<n]))) == nil { failures += 1 }
        }
        #expect(failures > full.count / 2)
    }

    @Test func corruptedBytesNeverCrash() {
        // Deterministic corruption: every byte of both fixtures set to a few hostile values.
        for hex in [ArrowFixtures.twoBatches, ArrowFixtures.allTypes] {
            let full = hexBytes(hex)
            for i in 0..<full.count {
                for v: UInt8 in [0x00, 0xFF, 0x7F, 0x80] where full[i] != v {
                    var bytes = full
                    bytes[i] = v
                    var r = ArrowStreamReader()
                    if let tables = try? r.read(bytes) {
                        for t in tables { for c in t.columns { #expect(c.count == t.rowCount) } }
                    }
                }
            }
        }
    }

    @Test func garbageIsRejected() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for len in [0, 3, 4, 8, 16, 64, 300] {
            var bytes = [UInt8](repeating: 0, count: len)
            for i in 0..<len {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[i] = UInt8(truncatingIfNeeded: state >> 33)
            }
            var r = ArrowStreamReader()
            if let t = try? r.read(bytes) { #expect(t.isEmpty) }
        }
    }

    @Test func utf8Validation() {
        #expect(UTF8Check.isValid(Array("zoë ünï 😀".utf8)[...]))
        #expect(!UTF8Check.isValid([0xC3][...]))
        #expect(!UTF8Check.isValid([0xC0, 0x80][...]))
        #expect(!UTF8Check.isValid([0xED, 0xA0, 0x80][...]))
        #expect(!UTF8Check.isValid([0xF4, 0x90, 0x80, 0x80][...]))
    }
}
