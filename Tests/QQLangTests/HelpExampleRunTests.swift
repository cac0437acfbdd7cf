import QQData
import Testing
@testable import QQLang

/// Collects what a session writes.
final class CapturedOutput: SessionOutput {
    var stdout = ""
    var stderr = ""
    func out(_ text: String) { stdout += text }
    func err(_ text: String) { stderr += text }
}

/// The reference's examples run as tests (jq tests its manual): each runnable example
/// of every help topic runs on the built-in sample in a fresh session, with no error.
@Suite("Help examples run")
struct HelpExampleRunTests {
    /// True once the interpreter can load the sample and run a pipeline; until then the
    /// examples are only parsed (HelpRegistryTests).
    static let interpreterWorks: Bool = {
        let out = CapturedOutput()
        let s = Session(options: SessionOptions(), output: out)
        return s.run("load sample\naccounts | count") && out.stdout == "2000\n"
    }()

    static let runnable: [(String, String)] = HelpRegistry.topics.flatMap { t in
        t.examples.filter(\.runs).map { ("\(t.category.rawValue) \(t.name)", $0.code) }
    }

    @Test("runnable examples run without error", .enabled(if: interpreterWorks), arguments: runnable)
    func runs(_ topic: String, _ code: String) {
        let out = CapturedOutput()
        let s = Session(options: SessionOptions(), output: out)
        #expect(s.run("load sample"), "\(out.stderr)")
        let ok = s.run(code)
        #expect(ok, "help \(topic): \(code)\n\(out.stderr)")
        #expect(!out.stderr.contains("error"), "help \(topic): \(code)\n\(out.stderr)")
    }
}
