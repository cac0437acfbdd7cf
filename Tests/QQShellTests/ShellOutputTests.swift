import Testing

/// Output that is not a terminal (SPEC §6): every column and every row in full; the
/// `line` format; `-c` values that look like options; small error messages.
@Suite struct ShellOutputTests {
    static let twelve = "accounts | top 2 by followers | select handle, bio, name, followers, following, posts, "
        + "pagerank, hub, authority, clustering, ratio, kcore"

    @Test func twelveColumnsToAFileAreWrittenInFull() throws {
        let dir = TempDir(); defer { dir.remove() }
        // ProcessRunner sends stdout to a file.
        let r = try qq(["-c", ShellOutputTests.twelve], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let header = r.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        for name in ["handle", "bio", "name", "followers", "following", "posts", "pagerank", "hub", "authority",
                     "clustering", "ratio", "kcore"] {
            #expect(header.contains(" \(name) "), "header: \(header)")
        }
        #expect(!r.stdout.contains("…"), "nothing is cut:\n\(r.stdout)")
        #expect(!r.stdout.contains("more column"))
        // The widest line is wider than any terminal default.
        #expect((r.stdout.split(separator: "\n").map(\.count).max() ?? 0) > 150)
    }

    @Test func everyRowToAFile() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "accounts | select handle"], in: dir)
        #expect(r.status == 0)
        // 2000 rows, a header and four rules; no '… N more rows'.
        #expect(r.stdout.split(separator: "\n").count == 2004)
        #expect(!r.stdout.contains("more rows"))
    }

    @Test func lineFormat() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq([dir.writeGraph(), "--format", "line", "-c", "accounts | select handle, posts | take 2"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "handle = alice\n posts = 120\n\nhandle = bob\n posts = 5\n")
        let set = try qq([dir.writeGraph(), "-c", "set format = line", "-c", "accounts | select handle | take 1"], in: dir)
        #expect(set.stdout == "handle = alice\n")
    }

    @Test func commandValueMayStartWithADash() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "-1 + 2"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "1\n")
    }

    @Test func topWithoutACount() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "accounts | top by pagerank"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("expected a count after 'top'"), "stderr: \(r.stderr)")
    }

    @Test func helpUnderlinesTheTopic() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "help wher"], in: dir)
        #expect(r.stderr.contains("  help wher\n       ^~~~\n"), "stderr: \(r.stderr)")
    }

    @Test func describeShowsShortNumbers() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "describe accounts"], in: dir)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("00000000"), "\(r.stdout)")
    }

    @Test func badParameterNamesTheParameter() throws {
        let dir = TempDir(); defer { dir.remove() }
        let script = dir.write("top.qq", "param n = 10\naccounts | top n by followers | count\n")
        let r = try qq([script, "n=abc"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("parameter 'n=abc'"), "stderr: \(r.stderr)")
    }

    @Test func trailingOperatorContinuesInAScript() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["-c", "print 1 +\n  2"], in: dir)
        #expect(r.stdout == "3\n", "stderr: \(r.stderr)")
    }
}
