import Foundation
import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Replays every input under `FuzzRegressions/` the way the FuzzLang target runs
/// one (Sources/FuzzLang/FuzzLang.swift): a fresh `--safe` session on a tiny
/// generated graph runs the input as a script; it may fail, but it must not crash
/// or hang, and the session must still answer afterwards. Inputs are raw bytes
/// (bytes that are not UTF-8 are an error, as the target runs them). A crash, hang
/// or runaway allocation that `scripts/fuzz` finds gets its input copied here.
@Suite struct ReliabilityFuzzReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions").path

    static let inputs: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }()

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 5, "inputs under \(Self.folder)")
    }

    @Test(arguments: inputs)
    func replay(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        var options = SessionOptions()
        options.safe = true
        options.width = 80
        options.today = CivilDate(year: 2024, month: 1, day: 31)
        let out = EngineOutput()
        let session = Session(options: options, output: out)
        #expect(session.run("generate accounts 40 follows 160 seed 3"))
        let clock = ContinuousClock.now
        _ = session.run(utf8: Array(bytes), file: "fuzz.qq")
        let took = ContinuousClock.now - clock
        #expect(took < .seconds(120), "\(name) took \(took)")
        #expect(!out.stderr.contains("internal error"), "\(name): \(out.stderr.prefix(400))")
        out.stdout = ""
        #expect(session.run("accounts | count"))
        #expect(out.stdout.hasSuffix("40\n"), "\(name): the session still answers")
    }
}
