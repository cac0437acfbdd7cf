#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The history file is the one file qq writes without being asked: it is only ever
/// appended to (an existing file is never clobbered), trimmed by a rewrite through a
/// temporary file and `rename` (nothing left behind), and under `--safe` read but
/// never written.
@Suite(.serialized) struct ReliabilityHistoryTests {
    typealias Keys = PseudoTerminal

    private func history(_ entries: [String]) -> String {
        (["_HiStOrY_V2_"] + entries).joined(separator: "\n") + "\n"
    }

    /// Starts qq in a terminal, types `statement`, waits for its output, exits.
    private func session(_ dir: TempDir, _ arguments: [String], typing statement: String, expecting output: String) throws {
        let term = try PseudoTerminal(arguments: arguments, environment: dir.environment)
        term.expect("qq> ")
        term.typeSlowly(statement)
        term.type(Keys.enter)
        term.expect(output)
        // The prompt in raw mode: a Ctrl-D that reaches the terminal in cooked mode is an
        // end-of-file libedit never reads.
        term.expectPrompt()
        term.type(Keys.ctrlD)
        #expect(term.waitForExit() == 0)
    }

    @Test func appendsWithoutClobbering() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let old = history(["print\\0401", "accounts\\040|\\040count"])
        dir.write("state/qq/history", old)
        try session(dir, [graph], typing: "print \"new\"", expecting: "\nnew\n")
        let now = dir.read("state/qq/history") ?? ""
        #expect(now == old + "print\\040\"new\"\n")
        #expect(Reliability.listing(dir.path + "/state/qq") == ["history", "history.lock"])
    }

    @Test func trimmingRewritesAtomically() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        dir.write("state/qq/history", history((1...2500).map { "print\\040\($0)" }))
        try session(dir, [graph], typing: "print \"last\"", expecting: "\nlast\n")
        let lines = (dir.read("state/qq/history") ?? "").split(separator: "\n")
        // The newest 1000 entries survive the trim, then the new one is appended.
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 1 + 1000 + 1)
        #expect(lines.dropFirst().first == "print\\0401501")
        #expect(lines.last == "print\\040\"last\"")
        #expect(Reliability.listing(dir.path + "/state/qq") == ["history", "history.lock"], "no temporary file left")
    }

    @Test func safeModeReadsButNeverWritesHistory() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let old = history(["print\\040\"from\\040before\""])
        dir.write("state/qq/history", old)
        let term = try PseudoTerminal(arguments: ["--safe", graph], environment: dir.environment)
        term.expect("qq> ")
        // The old entry is there to recall.
        term.type(Keys.up)
        usleep(200_000)
        term.type(Keys.enter)
        term.expect("\nfrom before\n")
        term.expect("qq> ")
        term.typeSlowly("print \"typed\"")
        term.type(Keys.enter)
        term.expect("\ntyped\n")
        term.expectPrompt()
        term.type(Keys.ctrlD)
        #expect(term.waitForExit() == 0)
        #expect(dir.read("state/qq/history") == old, "--safe leaves the history file as it was")
        #expect(Reliability.listing(dir.path + "/state/qq") == ["history"])
    }

    @Test func safeModeCreatesNoStateFolder() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        try session(dir, ["--safe", graph], typing: "print \"x\"", expecting: "\nx\n")
        #expect(!dir.exists("state/qq"))
    }
}
