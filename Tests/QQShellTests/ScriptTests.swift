import Testing

/// Scripts through files and pipes: one session for all scripts, the first error
/// stops with exit 1 and `file:line:col: error:` on stderr, parameters, shebang.
@Suite struct ScriptTests {
    @Test func standardInputIsAScript() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([], stdin: "accounts | count\n", in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "2000\n")
    }

    @Test func standardInputOnAGivenDataset() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph()], stdin: "accounts |\n  where followers >= 1 |\n  count\n", in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "3\n")
    }

    @Test func scriptsShareOneSession() throws {
        let dir = TempDir(); defer { dir.remove() }
        let a = dir.write("a.qq", "# binds n\nlet n = accounts | count\n")
        let b = dir.write("b.qq", "print \"accounts: \" + str(n)\n")
        let r = try qq([dir.writeGraph(), a, b], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "accounts: 5\n")
    }

    @Test func firstErrorStopsWithFileLineColumn() throws {
        let dir = TempDir(); defer { dir.remove() }
        let bad = dir.write("bad.qq", """
            # a comment
            print "before"
            accounts | where folowers > 1
            print "after"

            """)
        let later = dir.write("later.qq", "print \"never\"\n")
        let r = try qq([dir.writeGraph(), bad, later], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.contains("bad.qq:3:18: error:"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("did you mean 'followers'?"))
    }

    @Test func errorFromStandardInputNamesTheLine() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph()], stdin: "print \"x\"\nacounts | count\n", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "x\n")
        #expect(r.stderr.contains(":2:1: error:"), "stderr: \(r.stderr)")
    }

    @Test func parametersOverrideDefaults() throws {
        let dir = TempDir(); defer { dir.remove() }
        let report = dir.write("report.qq", """
            param who = @alice
            param n = 2
            print str(n * 10)
            print str(followers(who) | count)

            """)
        let defaults = try qq([dir.writeGraph(), report], in: dir)
        #expect(defaults.status == 0, "stderr: \(defaults.stderr)")
        #expect(defaults.stdout == "20\n3\n")
        let given = try qq([dir.writeGraph(), report, "who=@bob", "n=5"], in: dir)
        #expect(given.status == 0, "stderr: \(given.stderr)")
        #expect(given.stdout == "50\n1\n")
    }

    @Test func unknownParameterIsAnError() throws {
        let dir = TempDir(); defer { dir.remove() }
        let report = dir.write("report.qq", "param n = 2\nprint str(n)\n")
        let r = try qq([dir.writeGraph(), report, "m=3"], in: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("'m'"), "stderr: \(r.stderr)")
    }

    @Test func shebangScriptRunsDirectly() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let script = dir.write("count-them", "#!/usr/bin/env qq\naccounts | count\n", executable: true)
        let binDir = String(QQBinary.path.dropLast(3))
        let env = dir.environment.map { $0.hasPrefix("PATH=") ? "PATH=\(binDir):/usr/bin:/bin" : $0 }
        let direct = try ProcessRunner.run(script, ["--data", graph], environment: env)
        #expect(direct.status == 0, "stderr: \(direct.stderr)")
        #expect(direct.stdout == "5\n")
        // Without the .qq extension, the #! line marks it as a script, not data.
        let named = try qq([graph, script], in: dir)
        #expect(named.status == 0, "stderr: \(named.stderr)")
        #expect(named.stdout == "5\n")
    }

    @Test func semicolonsAndCommentsSeparateStatements() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph()], stdin: "print \"a\"; print \"b\"  # two\n# only a comment\n", in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "a\nb\n")
    }

    @Test func letAndSetWriteNothingToStdout() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph()], stdin: "let bigs = accounts | where followers >= 1\nset damping = 0.9\n", in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
