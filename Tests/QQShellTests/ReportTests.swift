import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `--report FILE` (SPEC §11) on the example script `examples/sharing-report.qq`: one
/// self-contained page with every statement as typed, inline SVG that parses as XML,
/// no external URL, the dataset's description and a fingerprint.
@Suite struct ReportTests {
    static let example = QQBinary.packageRoot + "/examples/sharing-report.qq"

    /// The example's statements: its non-blank, non-comment lines (one statement each).
    static var statements: [String] {
        let text = (try? String(contentsOfFile: example, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func exampleReportIsSelfContainedAndComplete() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([ReportTests.example, "--report", dir.path + "/report.html"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let html = try String(contentsOfFile: dir.path + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<style>") && html.contains("@media print"))
        // Nothing is fetched: no URL, no script, no external reference of any kind.
        for banned in ["http://", "https://", "<script", "<link", " src=", " href=", "url(http", "@import"] {
            #expect(!html.contains(banned), "the report contains '\(banned)'")
        }
        // Every statement as typed, in order, one section each.
        let statements = ReportTests.statements
        #expect(statements.count == 5)
        let sources = html.components(separatedBy: "<pre class=\"src\">").dropFirst().map { $0.components(separatedBy: "</pre>")[0] }
        #expect(sources == statements.map(ReportTests.escaped))
        #expect(html.components(separatedBy: "<section class=\"stmt\"").count - 1 == statements.count)
        // Tables: display text as the terminal shows it, the exact value kept.
        #expect(html.contains("<td class=\"num\">317</td>"))
        #expect(html.contains("data-value=\"0.3722397476340694\""))
        // Two charts (the scatter and the graph), each well-formed XML.
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg xmlns=\"http://www.w3.org/2000/svg\" " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 2)
        for svg in svgs {
            #expect(throws: Never.self) { _ = try XMLDocument(data: Data(svg.utf8)) }
        }
        #expect(html.contains("<circle"))
        // The dataset's describe and the fingerprint.
        #expect(html.contains("<h2>Dataset</h2>") && html.contains("<td>follows</td>"))
        #expect(html.contains("<dt>qq</dt><dd>0.1.0</dd>"))
        #expect(html.contains("<dt>files (FNV-1a 64)</dt><dd>built-in sample (generated)</dd>"))
        #expect(html.contains("<dt>settings</dt><dd>damping 0.85, max_iterations 100"))
    }

    @Test func aScriptThatStopsStillWritesItsReportEndingWithTheError() throws {
        let dir = TempDir(); defer { dir.remove() }
        let script = dir.write("stops.qq", "accounts | count\naccounts | where folowers > 1\naccounts | count\n")
        dir.write("data/accounts.csv", "handle,posts\na,1\nb,2\n")
        dir.write("data/follows.csv", "src,dst\na,b\n")
        let r = try qq([script, "--data", dir.path + "/data", "--report", dir.path + "/r.html"], in: dir)
        #expect(r.status == 1)
        let html = try String(contentsOfFile: dir.path + "/r.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<section class=\"stmt\"").count - 1 == 2)
        let last = html.components(separatedBy: "<section class=\"stmt\"").last!
        #expect(last.contains("<pre class=\"error\">") && last.contains("unknown column 'folowers'"))
        // Files hash over the folder's two files.
        #expect(html.contains("(2 files)"))
    }

    @Test func refusedUnderSafeAndKeepsAnExistingFile() throws {
        let dir = TempDir(); defer { dir.remove() }
        let safe = try qq(["--safe", "--report", dir.path + "/r.html", "-c", "accounts | count"], in: dir)
        #expect(safe.status == 1 && safe.stderr.contains("--safe"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/r.html"))
        let kept = dir.write("old.html", "mine\n")
        let r = try qq(["--report", kept, "-c", "accounts | count"], in: dir)
        #expect(r.status == 1)
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "mine\n")
        let again = try qq(["--report", kept, "--report-overwrite", "-c", "accounts | count"], in: dir)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: kept, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }
}
