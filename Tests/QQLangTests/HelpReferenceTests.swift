import Foundation
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// docs/REFERENCE.md is generated from the help registry; this test keeps them equal.
/// Re-record with `QQ_RECORD=1 swift test --filter HelpReferenceTests`.
@Suite("Help reference")
struct HelpReferenceTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/REFERENCE.md").path

    @Test("docs/REFERENCE.md matches the registry")
    func reference() throws {
        let generated = HelpRegistry.referenceMarkdown()
        if ProcessInfo.processInfo.environment["QQ_RECORD"] == "1" {
            try generated.write(toFile: HelpReferenceTests.path, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOfFile: HelpReferenceTests.path, encoding: .utf8)
        #expect(onDisk == generated, "docs/REFERENCE.md is stale: run QQ_RECORD=1 swift test --filter HelpReferenceTests")
    }

    @Test("the reference has a section per category and an entry per topic")
    func shape() {
        let md = HelpRegistry.referenceMarkdown()
        for c in HelpTopic.Category.allCases { #expect(md.contains("\n## \(c.title)\n")) }
        for t in HelpRegistry.topics { #expect(md.contains("\n### \(t.name)\n")) }
    }
}
