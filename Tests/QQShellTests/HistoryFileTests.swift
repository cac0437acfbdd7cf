#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The history file when several REPLs share it, and when it grows long.
@Suite(.serialized) struct HistoryFileTests {
    @Test func twoREPLsAtOnceLoseNoLines() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let a = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        let b = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        a.expectPrompt()
        b.expectPrompt()
        for (i, term) in [a, b, a, b].enumerated() {
            term.typeSlowly("print \"entry\" + \"-\(i)\"")
            term.type(PseudoTerminal.enter)
            term.expect("\nentry-\(i)\n")
        }
        // Ctrl-D only once the prompt is up: typed while a statement runs, the terminal is
        // in cooked mode and turns it into an end-of-file that libedit never sees.
        a.expectPrompt(); b.expectPrompt()
        a.type(PseudoTerminal.ctrlD); b.type(PseudoTerminal.ctrlD)
        #expect(a.waitForExit() == 0); #expect(b.waitForExit() == 0)
        let lines = (dir.read("state/qq/history") ?? "").split(separator: "\n").map(String.init)
        #expect(lines.first == "_HiStOrY_V2_")
        for i in 0..<4 {
            #expect(lines.contains("print\\040\"entry\"\\040+\\040\"-\(i)\""), "history: \(lines)")
        }
        // A third REPL sees all of them: Up four times reaches the first.
        let c = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        c.expectPrompt()
        for _ in 0..<4 { c.type(PseudoTerminal.up); usleep(100_000) }
        c.type(PseudoTerminal.enter)
        c.expect("\nentry-0\n")
    }

    @Test func longHistoryIsTrimmedToTheNewestEntries() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        var text = "_HiStOrY_V2_\n"
        for i in 0..<2500 { text += "print\\040\(i)\n" }
        dir.write("state/qq/history", text)
        let term = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        term.expectPrompt()
        term.type(PseudoTerminal.up)
        usleep(200_000)
        term.type(PseudoTerminal.enter)
        term.expect("\n2499\n")
        term.expectPrompt()
        term.type(PseudoTerminal.ctrlD)
        #expect(term.waitForExit() == 0)
        let lines = (dir.read("state/qq/history") ?? "").split(separator: "\n")
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 1 + 1000, "kept \(lines.count - 1) entries")
        #expect(lines.dropFirst().first == "print\\0401500")
    }
}
