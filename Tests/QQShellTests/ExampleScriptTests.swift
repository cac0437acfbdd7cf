import Foundation
import Testing

/// The scripts in `examples/` are part of the documentation, so their output is
/// checked: each runs through the built `qq` on the built-in sample (as a user would
/// type `qq examples/NAME.qq`), and its stdout and stderr must equal
/// `examples/expected/NAME.out` and `.err` (a missing file means empty).
/// `QQ_RECORD=1 swift test --filter ExampleScriptTests` rewrites the expected files.
@Suite struct ExampleScriptTests {
    static let folder = QQBinary.packageRoot + "/examples"

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".qq") }.sorted()
    }()

    @Test func thereAreAtLeastSixExamples() {
        #expect(ExampleScriptTests.scripts.count >= 6, "examples in \(ExampleScriptTests.folder)")
    }

    @Test(arguments: ExampleScriptTests.scripts)
    func example(_ name: String) throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([ExampleScriptTests.folder + "/" + name], in: dir)
        let base = ExampleScriptTests.folder + "/expected/" + String(name.dropLast(3))
        // The script path in messages depends on the checkout's location.
        let err = r.stderr.replacingOccurrences(of: ExampleScriptTests.folder + "/", with: "examples/")
        if ProcessInfo.processInfo.environment["QQ_RECORD"] == "1" {
            try r.stdout.write(toFile: base + ".out", atomically: true, encoding: .utf8)
            if err.isEmpty { try? FileManager.default.removeItem(atPath: base + ".err") }
            else { try err.write(toFile: base + ".err", atomically: true, encoding: .utf8) }
            return
        }
        #expect(r.status == 0, "\(name) failed: \(r.stderr)")
        let wantOut = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let wantErr = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        #expect(r.stdout == wantOut, "stdout of \(name) differs from \(base).out")
        #expect(err == wantErr, "stderr of \(name) differs from \(base).err")
    }
}
