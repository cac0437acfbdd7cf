import Testing

/// Every error path keeps the REPL usable: one REPL session meets each error class
/// in turn — syntax, unknown name, type, runtime, io, cancelled (Ctrl-C), assert —
/// and after each the next statement answers from the same dataset and bindings.
@Suite(.serialized) struct ReliabilityREPLRecoveryTests {
    /// (error class, statement, what the error says).
    static let failures: [(String, String, String)] = [
        ("syntax", "print 1 +* 2", "expected an expression, found '*'"),
        ("syntax: '=' for '=='", "accounts | where followers = 3", "did you mean '=='?"),
        ("unknown name", "accounts | where folowers > 1 | count", "did you mean 'followers'?"),
        ("type", "let kept = \"a\" - 1", "cannot subtract int from string"),
        ("runtime", "accounts | take -1", "'take' count must be a whole number"),
        ("runtime: memory guard", "generate accounts 1B follows 1000B", "of memory"),
        ("runtime: regex", "print \"aaaa\" matches \"(a{1,100}){1,100}{1,100}\"", "pattern is too large"),
        ("io", "load \"no/such/folder\"", "no such file or folder"),
        ("io: no clobber", "accounts | export \"TAKEN\"", "already exists"),
        ("assert", "assert (accounts | count) == 7, \"seven accounts\"", "assertion failed: seven accounts"),
    ]

    @Test(.timeLimit(.minutes(10))) func everyErrorClassInOneSession() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        dir.write("taken.csv", "old\n")
        let term = try PseudoTerminal(arguments: ["--format", "csv", graph], environment: dir.environment, columns: 200)
        term.expect("qq> ")
        _ = Reliability.answer("let kept = 41", on: term)
        for (kind, template, message) in Self.failures {
            let statement = template.replacing("TAKEN", with: dir.path + "/taken.csv")
            term.type(statement + PseudoTerminal.enter)
            #expect(term.sees(message, within: 60), "\(kind): no '\(message)' after \(statement)")
            term.expect("qq> ", timeout: 60)
            check(term, after: kind)
        }
        // cancelled: Ctrl-C during a long statement.
        let latency = Reliability.cancel("generate accounts 1M follows 20M seed 3", on: term, after: 1.5)
        #expect(latency != nil)
        check(term, after: "cancelled")
        #expect(dir.read("taken.csv") == "old\n")
        term.waitForRawMode()
        term.type(PseudoTerminal.ctrlD)
        #expect(term.waitForExit() == 0)
    }

    /// The dataset (5 accounts, alice with 3 followers) and `kept` are as they were.
    private func check(_ term: PseudoTerminal, after kind: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = Reliability.answer("print str(accounts | count) + \"/\" + str(@alice.followers) + \"/\" + str(kept)", on: term)
        #expect(text.contains("\n5/3/41\n"), "after \(kind): \(text)", sourceLocation: sourceLocation)
    }
}
