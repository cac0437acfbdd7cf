import Foundation
import Testing

/// The labs in `examples/labs/` reproduce papers on the built-in sample; their output
/// is checked as the examples' is: each runs through the built `qq`, and its stdout and
/// stderr must equal `examples/labs/expected/NAME.out` and `.err` (a missing file means
/// empty). Each lab asserts its paper's qualitative claim, so a failed `assert` shows
/// here as a non-zero exit. `QQ_RECORD=1 swift test --filter LabScriptTests` rewrites
/// the expected files.
@Suite struct LabScriptTests {
    static let folder = QQBinary.packageRoot + "/examples/labs"

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".qq") }.sorted()
    }()

    @Test func theCresciLabIsThere() {
        #expect(LabScriptTests.scripts.contains("cresci2015.qq"), "labs in \(LabScriptTests.folder)")
    }

    @Test(arguments: LabScriptTests.scripts)
    func lab(_ name: String) throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([LabScriptTests.folder + "/" + name], in: dir)
        let base = LabScriptTests.folder + "/expected/" + String(name.dropLast(3))
        let err = r.stderr.replacingOccurrences(of: QQBinary.packageRoot + "/examples/", with: "examples/")
        if ProcessInfo.processInfo.environment["QQ_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: LabScriptTests.folder + "/expected", withIntermediateDirectories: true)
            try r.stdout.write(toFile: base + ".out", atomically: true, encoding: .utf8)
            if err.isEmpty { try? FileManager.default.removeItem(atPath: base + ".err") }
            else { try err.write(toFile: base + ".err", atomically: true, encoding: .utf8) }
            return
        }
        #expect(r.status == 0, "\(name) failed (an assert of the paper's claim?): \(r.stderr)")
        let wantOut = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let wantErr = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        #expect(r.stdout == wantOut, "stdout of \(name) differs from \(base).out")
        #expect(err == wantErr, "stderr of \(name) differs from \(base).err")
    }
}
