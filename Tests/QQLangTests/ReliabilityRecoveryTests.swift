import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Every error path keeps the session usable: one session runs a statement of each
/// error class in turn, and after each the next statements see the same dataset,
/// bindings and settings, and the failed statement changed nothing. (Ctrl-C, the
/// `cancelled` class, needs a terminal: `ReliabilityREPLRecoveryTests` in
/// QQShellTests runs this table and Ctrl-C through the REPL.)
@Suite struct ReliabilityRecoveryTests {
    /// (error class, statement, what the error says).
    static let failures: [(String, String, String)] = [
        ("syntax", "print 1 +* 2", "expected an expression, found '*'"),
        ("syntax: unclosed", "print (1 + 2", "expected ')'"),
        ("syntax: too deep", "print " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
         "nested too deeply"),
        ("unknown name", "accounts | where agee > 1 | count", "unknown column 'agee'"),
        ("unknown account", "print @nobody.followers", "unknown account '@nobody.followers'"),
        ("type", "let kept = \"a\" - 1", "cannot subtract int from string"),
        ("runtime", "accounts | take -1", "'take' count must be a whole number"),
        ("runtime: overflow", "let kept = 9223372036854775807 + 1", "integer overflow"),
        ("runtime: setting", "set damping = 7", "damping must be greater than 0"),
        ("runtime: memory guard", "generate accounts 1B follows 1000B", "of memory"),
        ("runtime: --safe", "accounts | export \"never.csv\"", "--safe mode does not write files"),
        ("io", "load \"/no/such/folder\"", "cannot open '/no/such/folder'"),
        ("io: source", "source \"/no/such/script.qq\"", "cannot read '/no/such/script.qq'"),
        ("assert", "assert (accounts | count) == 7, \"seven accounts\"", "assertion failed: seven accounts"),
        ("assert: null", "assert null", "the condition is null"),
    ]

    @Test func everyErrorClassLeavesTheSessionUsable() {
        var options = SessionOptions()
        options.format = .csv
        options.safe = true
        let out = EngineOutput()
        let session = Session(options: options, output: out)
        session.dataset = EngineFixture.people()
        #expect(session.run("let kept = 41\nset damping = 0.9\nlet young = accounts | where age < 30"))
        for (kind, statement, message) in Self.failures {
            out.stdout = ""; out.stderr = ""
            #expect(!session.run(statement), "\(kind) should fail")
            #expect(out.stderr.contains("error: " + message) || out.stderr.contains(message),
                    "\(kind): stderr: \(out.stderr.prefix(400))")
            #expect(out.stdout.isEmpty, "\(kind): stdout: \(out.stdout.prefix(200))")
            // The next statements work and see everything as it was.
            out.stdout = ""; out.stderr = ""
            #expect(session.run("print accounts | count\nprint kept\nprint young | count"), "after \(kind): \(out.stderr)")
            #expect(out.stdout == "6\n41\n3\n", "after \(kind): \(out.stdout)")
            #expect(session.settings.damping == 0.9, "after \(kind)")
            #expect(session.sourceStack.isEmpty, "after \(kind)")
        }
        // And the metric caches still compute.
        out.stdout = ""
        #expect(session.run("accounts | top 1 by pagerank | select handle"))
        #expect(out.stdout == "handle\nann\n", "stdout: \(out.stdout)")
    }
}
