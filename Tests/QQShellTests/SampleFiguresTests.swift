import Foundation
import Testing

/// docs/SAMPLE.md's "Figures" section is the output of scripts/sample-figures.qq run
/// by qq on the built-in sample (scripts/sample-figures writes it), so the doc cannot
/// drift from the data: this test runs the script and compares.
@Suite struct SampleFiguresTests {
    @Test func docFiguresMatchQQ() throws {
        let root = QQBinary.packageRoot
        let doc = try String(contentsOfFile: root + "/docs/SAMPLE.md", encoding: .utf8)
        guard let begin = doc.range(of: "<!-- figures:begin -->\n"), let end = doc.range(of: "<!-- figures:end -->") else {
            Issue.record("docs/SAMPLE.md lacks the figures markers"); return
        }
        let section = String(doc[begin.upperBound..<end.lowerBound])
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([root + "/scripts/sample-figures.qq"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(section == "```text\n" + r.stdout + "```\n", "docs/SAMPLE.md figures drifted: run scripts/sample-figures")
    }
}
