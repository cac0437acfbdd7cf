import Testing

/// Hostile scripts through the built `qq`: 200,000-deep expressions (by `-c`, by a
/// script file and on standard input), `source` cycles and chains, bytes that are
/// not UTF-8 and impossible `generate` sizes each end in one error and exit status
/// 1 — never a crash (a signal's 128 + n) or a hang.
@Suite struct ReliabilityScriptTests {
    static let depth = 200_000

    static let forms = ["parentheses", "unary minus", "not", "pipelines in parentheses"]

    /// The nesting form `form`, `depth` levels deep.
    static func deep(_ form: String, _ depth: Int) -> String {
        switch form {
        case "parentheses": return "print " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        case "unary minus": return "print " + String(repeating: "-", count: depth) + "1"
        case "not": return "print " + String(repeating: "not ", count: depth) + "true"
        default:
            return "print " + String(repeating: "(accounts | take ", count: depth) + "1"
                + String(repeating: " | count)", count: depth)
        }
    }

    @Test(arguments: forms)
    func deepExpression(_ form: String) throws {
        let text = Self.deep(form, Self.depth)
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let script = dir.write("deep.qq", "print \"start\"\n" + text + "\nprint \"not reached\"\n")
        // Linux caps one argument at 128 KiB, so `-c` gets the form 5,000 deep.
        let runs = [
            ("-c", try qq([graph, "-c", Self.deep(form, 5_000)], in: dir)),
            ("script", try qq(["--data", graph, script], in: dir)),
            ("stdin", try qq([graph], stdin: text + "\n", in: dir)),
        ]
        for (how, r) in runs {
            #expect(r.status == 1, "\(form) by \(how): status \(r.status), stderr: \(r.stderr.prefix(300))")
            #expect(r.stderr.contains("nested too deeply"), "\(form) by \(how): \(r.stderr.prefix(300))")
            #expect(!r.stdout.contains("not reached"))
        }
        #expect(runs[1].1.stderr.hasPrefix("\(script):2:"), "stderr: \(runs[1].1.stderr.prefix(200))")
    }

    @Test func sourceCycle() throws {
        let dir = TempDir(); defer { dir.remove() }
        let a = dir.write("a.qq", "print \"in a\"\nsource \"b.qq\"\n")
        dir.write("b.qq", "print \"in b\"\nsource \"a.qq\"\nprint \"not reached\"\n")
        let r = try qq([a], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "in a\nin b\n")
        #expect(r.stderr.contains("b.qq:2:8: error: 'a.qq' is already being run (a cycle of 'source')"), "stderr: \(r.stderr)")
    }

    @Test func deepSourceChain() throws {
        let dir = TempDir(); defer { dir.remove() }
        for i in 0..<200 { dir.write("chain/s\(i).qq", "source \"s\(i + 1).qq\"\n") }
        dir.write("chain/s200.qq", "print \"bottom\"\n")
        let r = try qq([dir.path + "/chain/s0.qq"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: 'source' nests more than 32 scripts deep"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func scriptThatIsNotUTF8() throws {
        let dir = TempDir(); defer { dir.remove() }
        let path = dir.path + "/latin1.qq"
        // Written byte by byte: "print 1\nprint "caf\xE9"\n".
        let r1 = try ProcessRunner.run("/bin/sh", ["-c", "printf 'print 1\\nprint \"caf\\351\"\\n' > \"$0\"", path],
                                       environment: dir.environment)
        try #require(r1.status == 0)
        let r = try qq([path], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(path):2:11: error: expected UTF-8 text"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty, "nothing of it runs")
    }

    @Test(arguments: [
        ("generate accounts 1B follows 1000B", "of memory"),
        ("generate accounts 100B follows 1000B", "expected between 1 and 2,147,483,648 accounts"),
        ("generate accounts 100B follows 1T", "invalid number '1T'"),
    ])
    func impossibleGenerate(_ statement: String, _ message: String) throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let r = try qq([graph, "-c", statement, "-c", "print \"not reached\""], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let after = try qq([graph, "-c", "accounts | count"], in: dir)
        #expect(after.stdout == "5\n")
    }
}
