import Foundation
import Testing

/// Golden files: expected output kept in `Tests/QQOutputTests/Golden/`, found via
/// `#filePath` (no SwiftPM resources). With `QQ_RECORD=1` in the environment the
/// files are rewritten from the current output instead of compared.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["QQ_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name`, reporting the first differing line.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot write golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with QQ_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected == actual { return }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        let line = Array(zip(e, a)).firstIndex(where: { $0 != $1 }) ?? min(e.count, a.count)
        let want = line < e.count ? e[line] : "<end of file>"
        let got = line < a.count ? a[line] : "<end of output>"
        Issue.record("""
            golden \(name) differs at line \(line + 1) (QQ_RECORD=1 rewrites it)
              expected: \(want)
              actual:   \(got)
            """, sourceLocation: sourceLocation)
    }
}
