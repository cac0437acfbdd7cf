import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Replays `Fixtures/fuzz/*` as the FuzzLoad target runs an input
/// (Sources/FuzzLoad/FuzzLoad.swift): the first byte picks the file name, hence the
/// format (its value mod 6 indexes `kinds`), and its top bit asks for `lenient`; the
/// rest is the file. A load must succeed or throw a diagnostic naming that file,
/// within a time bound. Crashes, hangs and runaway allocations that `scripts/fuzz`
/// finds are copied here from `fuzz-corpus/FuzzLoad/artifacts/`.
@Suite struct ReliabilityFuzzFixtureTests {
    /// The same table as FuzzLoad's, in the same order.
    static let kinds: [(name: String, asAccounts: Bool)] = [
        ("follows.csv", false), ("accounts.csv", true), ("edges.tsv", false),
        ("edges.txt", false), ("graph.graphml", false), ("follows.csv.gz", false),
    ]

    static let folder = Fixture.path("fuzz")

    static let inputs: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 10, "inputs under \(Self.folder)")
    }

    @Test(arguments: inputs)
    func replay(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let first = try #require(bytes.first)
        let kind = Self.kinds[Int(first) % Self.kinds.count]
        let path = Fixture.write(bytes: Array(bytes.dropFirst()), Fixture.tempDir("qqfuzz"), kind.name)
        let options = LoadOptions(lenient: first & 0x80 != 0)
        let clock = ContinuousClock.now
        do {
            if kind.asAccounts {
                _ = try Loader.loadAccounts(path: path, into: Dataset.empty(), options: options)
            } else {
                _ = try Loader.load(path: path, options: options)
            }
        } catch {
            #expect(error.kind == .io || error.kind == .runtime, "\(name): \(error.kind) \(error.message)")
            if let p = error.position {
                #expect(p.file.hasSuffix(kind.name), "\(name): the diagnostic names \(p.file)")
                #expect(p.line >= 1 && p.column >= 1, "\(name): at \(p.line):\(p.column)")
            }
            #expect(!error.message.isEmpty)
        }
        let took = ContinuousClock.now - clock
        #expect(took < .seconds(60), "\(name) took \(took)")
    }
}
