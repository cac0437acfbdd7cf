import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

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

    /// Examples that change the session (settings, the dataset, names, parameters) run in
    /// a session of their own; the others share one, so metrics are computed once. The
    /// shared session samples betweenness (exact betweenness on the sample takes ~20 s
    /// in a debug build); the example runs the same way.
    static func changesSession(_ code: String) -> Bool {
        ["set ", "generate ", "load ", "param ", "let "].contains { code.contains($0) }
    }

    @Test("runnable examples run without error", .enabled(if: interpreterWorks))
    func runs() {
        let shared = CapturedOutput()
        let session = Session(options: SessionOptions(), output: shared)
        #expect(session.run("load sample\nset betweenness_exact_limit = 100\nset betweenness_samples = 16"))
        for (topic, code) in HelpExampleRunTests.runnable {
            var out = shared
            var s = session
            if HelpExampleRunTests.changesSession(code) {
                out = CapturedOutput()
                s = Session(options: SessionOptions(), output: out)
                _ = s.run("load sample")
            }
            out.stderr = ""
            let ok = s.run(code)
            #expect(ok && !out.stderr.contains("error"), "help \(topic): \(code)\n\(out.stderr)")
        }
    }
}
