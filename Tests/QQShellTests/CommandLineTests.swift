import Testing

/// The command line (SPEC §6): options, what an argument is, and exit statuses
/// 0 (success), 1 (a statement failed) and 2 (misuse), run on the built binary.
@Suite struct CommandLineTests {
    @Test func helpAndVersionExitZero() throws {
        let dir = TempDir(); defer { dir.remove() }
        let help = try qq(["--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: qq"))
        #expect(help.stdout.contains("--format"))
        let version = try qq(["--version"], in: dir)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("qq "))
    }

    @Test(arguments: [
        (["--bogus"], "Unknown option '--bogus'"),
        (["--format", "xml"], "'xml' is invalid for '--format"),
        (["--color", "sometimes"], "'sometimes' is invalid"),
        (["missing.qq"], "no such script: 'missing.qq'"),
        (["no-such-folder"], "no such file or folder: 'no-such-folder'"),
        (["--data", "nowhere"], "no such file or folder: 'nowhere'"),
        (["-c"], "Missing value for '-c"),
    ])
    func misuseExitsTwo(arguments: [String], message: String) throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(arguments, in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func twoDatasetsAreMisuse() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let r = try qq([graph, "--data", graph, "-c", "accounts | count"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("one dataset at a time"))
    }

    @Test func scriptsAndCommandsTogetherAreMisuse() throws {
        let dir = TempDir(); defer { dir.remove() }
        let script = dir.write("a.qq", "print \"a\"\n")
        let r = try qq([script, "-c", "print \"b\""], in: dir)
        #expect(r.status == 2)
    }

    @Test func commandPrintsAValue() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph(), "-c", "accounts | count"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "5\n")
    }

    @Test func commandsRunInOrderInOneSession() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["--data", dir.writeGraph(), "-c", "let n = accounts | where followers >= 1 | count",
                        "-c", "print str(n * 10)"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "30\n")
    }

    @Test func misspelledSourceExitsOneWithCaretAndSuggestion() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "acounts | count"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("^"))
        #expect(r.stderr.contains("did you mean 'accounts'?"), "stderr: \(r.stderr)")
    }

    @Test func formatCSV() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph(), "--format", "csv", "-c",
                        "accounts | select handle, posts | take 2"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "handle,posts\nalice,120\nbob,5\n")
    }

    @Test func formatJSONLines() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph(), "--format", "jsonl", "-c",
                        "accounts | select handle | take 1"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("{") == true && r.stdout.contains("\"handle\"") && r.stdout.contains("\"alice\""),
                "stdout: \(r.stdout)")
    }

    @Test func edgeListArgumentIsLoadedAsFollows() throws {
        let dir = TempDir(); defer { dir.remove() }
        let edges = dir.write("edges.txt", "# a SNAP-style edge list\n1 2\n2 3\n3 1\n3 4\n")
        let r = try qq([edges, "-c", "accounts | count"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "4\n")
    }

    @Test func safeRefusesExport() throws {
        let dir = TempDir(); defer { dir.remove() }
        let target = dir.path + "/out.csv"
        let r = try qq(["--safe", dir.writeGraph(), "-c", "accounts | export \"\(target)\""], in: dir)
        #expect(r.status == 1)
        #expect(!dir.exists("out.csv"))
        let allowed = try qq([dir.writeGraph(), "-c", "accounts | export \"\(target)\""], in: dir)
        #expect(allowed.status == 0, "stderr: \(allowed.stderr)")
        #expect(dir.exists("out.csv"))
    }

    @Test func timerReportsOnStderrOnly() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["--timer", dir.writeGraph(), "-c", "accounts | count"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "5\n")
        #expect(!r.stderr.isEmpty)
    }

    @Test func timerLeavesTheImplicitSampleLoadUntimed() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["--timer", "-c", "accounts | count"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "2000\n")
        #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
    }

    @Test func colorAlwaysColoursDiagnostics() throws {
        let dir = TempDir(); defer { dir.remove() }
        let always = try qq(["--color", "always", "-c", "acounts | count"], in: dir)
        #expect(always.status == 1)
        #expect(always.stderr.contains("\u{1B}["))
        let auto = try qq(["-c", "acounts | count"], in: dir)
        #expect(!auto.stderr.contains("\u{1B}["))
    }

    @Test func startsOnTheBuiltInSample() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "accounts | count"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "2000\n")
    }
}
