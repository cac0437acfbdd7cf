import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Replays `Fixtures/fuzz/*` as the FuzzLoad target runs an input
/// (`FuzzInput.load`, which the fuzzer calls too): the first byte picks the file name,
/// hence the format, and its top bit asks for `lenient`; the rest is the file. A load
/// must succeed or throw a diagnostic naming that file, within a time bound. Crashes, hangs and runaway allocations that `scripts/fuzz`
/// finds are copied here from `fuzz-corpus/FuzzLoad/artifacts/`.
@Suite struct ReliabilityFuzzFixtureTests {
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
        let clock = ContinuousClock.now
        let outcome = [UInt8](bytes).withUnsafeBufferPointer { FuzzInput.load($0, in: Fixture.tempDir("qqfuzz")) }
        let (file, failure) = try #require(outcome, "\(name): the input is empty or could not be written")
        if let error = failure {
            #expect(error.kind == .io || error.kind == .runtime, "\(name): \(error.kind) \(error.message)")
            if let p = error.position {
                #expect(p.file.hasSuffix(file), "\(name): the diagnostic names \(p.file)")
                #expect(p.line >= 1 && p.column >= 1, "\(name): at \(p.line):\(p.column)")
            }
            #expect(!error.message.isEmpty)
        }
        let took = ContinuousClock.now - clock
        #expect(took < .seconds(60), "\(name) took \(took)")
    }
}
