#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The REPL through a pseudo-terminal: libedit line editing, completion, history
/// across restarts, Ctrl-R, Ctrl-C, Ctrl-D, continuation prompts, dot-commands.
/// HOME and the XDG folders live in a temporary folder per test.
@Suite(.serialized) struct REPLTests {
    typealias Keys = PseudoTerminal

    /// Starts qq on the test graph and waits for the first prompt.
    private func start(_ dir: TempDir, _ arguments: [String]? = nil) throws -> PseudoTerminal {
        let term = try PseudoTerminal(arguments: arguments ?? [dir.path + "/graph"], environment: dir.environment)
        term.expect("qq> ")
        return term
    }

    @Test func tabCompletesAStage() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("accounts | whe")
        term.type(Keys.tab)
        usleep(200_000)
        term.typeSlowly(" followers >= 3 | count")
        term.type(Keys.enter)
        term.expect("\n1\n")
    }

    @Test func tabCompletesAHandle() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("print str(followers(@ali")
        term.type(Keys.tab)
        usleep(200_000)
        term.typeSlowly(") | count)")
        term.type(Keys.enter)
        term.expect("\n3\n")
    }

    @Test func tabListsDotCommands() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly(".t")
        term.type(Keys.tab)
        term.expect(".timer")
        term.expect(".tutorial")
    }

    @Test func pastedTabDoesNotComplete() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        // One write, as a terminal delivers a paste: the Tab arrives with more input behind it.
        term.type("print \"whe\tre\"\r")
        term.expect("\nwhe\tre\n")
    }

    @Test func upRecallsHistoryAfterRestart() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        do {
            let term = try start(dir)
            term.typeSlowly("print \"ab\" + \"cd\"")
            term.type(Keys.enter)
            term.expect("\nabcd\n")
            term.expect("qq> ")
            term.type(Keys.ctrlD)
            #expect(term.waitForExit() == 0)
        }
        let history = dir.read("state/qq/history") ?? ""
        #expect(history.hasPrefix("_HiStOrY_V2_\n"), "history file: \(history)")
        let term = try start(dir)
        term.type(Keys.up)
        usleep(200_000)
        term.type(Keys.enter)
        term.expect("\nabcd\n")
    }

    @Test func multiLineStatementIsOneHistoryEntry() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("accounts |")
        term.type(Keys.enter)
        term.expect("|> ")
        term.typeSlowly("count")
        term.type(Keys.enter)
        term.expect("\n5\n")
        term.expect("qq> ")
        term.typeSlowly(".history")
        term.type(Keys.enter)
        term.expect("accounts |\n")
        term.expect("count\n")
    }

    @Test func openBracketShowsContinuationPrompt() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("print str((accounts")
        term.type(Keys.enter)
        term.expect("(> ")
        term.typeSlowly("| count) + 1)")
        term.type(Keys.enter)
        term.expect("\n6\n")
    }

    @Test func ctrlRFindsAnEarlierLine() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("print \"zz\" + \"top\"")
        term.type(Keys.enter)
        term.expect("\nzztop\n")
        term.typeSlowly("print \"other\" + \"line\"")
        term.type(Keys.enter)
        term.expect("\notherline\n")
        term.expect("qq> ")
        term.type(Keys.ctrlR)
        usleep(100_000)
        term.typeSlowly("zz")
        usleep(100_000)
        term.type(Keys.enter)
        term.expect("\nzztop\n")
    }

    @Test func ctrlCAbandonsTheLineBeingEdited() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("print \"aban\" + \"doned\"")
        usleep(100_000)
        term.type(Keys.ctrlC)
        term.expect("qq> ")
        term.typeSlowly("print \"ke\" + \"pt\"")
        term.type(Keys.enter)
        term.expect("\nkept\n")
        #expect(!term.transcript.contains("\nabandoned\n"))
    }

    @Test func ctrlCLeavesSearchWithoutExiting() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("print \"se\" + \"arch\"")
        term.type(Keys.enter)
        term.expect("\nsearch\n")
        term.type(Keys.ctrlR)
        usleep(100_000)
        term.typeSlowly("se")
        usleep(100_000)
        term.type(Keys.ctrlC)
        term.expect("qq> ")
        term.typeSlowly("print \"still\" + \"here\"")
        term.type(Keys.enter)
        term.expect("\nstillhere\n")
    }

    @Test(.timeLimit(.minutes(2))) func ctrlCCancelsALongStatement() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("generate accounts 1M follows 20M seed 1")
        term.type(Keys.enter)
        usleep(1_500_000)
        term.type(Keys.ctrlC)
        term.expect("cancelled", timeout: 30)
        term.expect("qq> ", timeout: 30)
        // The session is intact: the dataset is still the one loaded at start.
        term.typeSlowly("accounts | count")
        term.type(Keys.enter)
        term.expect("\n5\n")
    }

    @Test func ctrlDOnAnEmptyLineExits() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.type(Keys.ctrlD)
        #expect(term.waitForExit() == 0)
    }

    @Test func quitExits() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly(".quit")
        term.type(Keys.enter)
        #expect(term.waitForExit() == 0)
    }

    @Test func unknownDotCommandSuggests() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly(".fromat csv")
        term.type(Keys.enter)
        term.expect("unknown command '.fromat'")
        term.expect("did you mean '.format'?")
    }

    @Test func dotFormatAndRowsChangeOutput() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly(".format csv")
        term.type(Keys.enter)
        term.expect("qq> ")
        term.typeSlowly("accounts | select handle | take 2")
        term.type(Keys.enter)
        term.expect("\nhandle\nalice\nbob\n")
        term.typeSlowly(".rows")
        term.type(Keys.enter)
        term.expect("\n40\n")
    }

    @Test func runAndInitScripts() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        dir.write("config/qq/init.qq", "let greeting = \"init\" + \"-ran\"\nprint greeting\n")
        let script = dir.write("more.qq", "print \"from \" + \"script\"\n")
        let term = try start(dir)
        term.expect("\ninit-ran\n")
        term.typeSlowly(".run \(script)")
        term.type(Keys.enter)
        term.expect("\nfrom script\n")
    }

    @Test func dumbTerminalGetsThePlainReader() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let env = dir.environment.map { $0.hasPrefix("TERM=") ? "TERM=dumb" : $0 }
        let term = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: env)
        term.expect("qq> ")
        term.type("accounts |\r")
        term.expect("|> ")
        term.type("count\r")
        term.expect("\n5\n")
        term.type(Keys.ctrlD)
        #expect(term.waitForExit() == 0)
    }

    @Test func startsOnTheSampleWithoutArguments() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try PseudoTerminal(arguments: [], environment: dir.environment)
        term.expect("built-in sample")
        term.expect("qq> ")
        term.typeSlowly(".schema")
        term.type(Keys.enter)
        term.expect("handle")
    }
}

/// The history file when several REPLs share it, and when it grows long.
@Suite(.serialized) struct HistoryFileTests {
    @Test func twoREPLsAtOnceLoseNoLines() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let a = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        let b = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        a.expect("qq> "); b.expect("qq> ")
        for (i, term) in [a, b, a, b].enumerated() {
            term.typeSlowly("print \"entry\" + \"-\(i)\"")
            term.type(PseudoTerminal.enter)
            term.expect("\nentry-\(i)\n")
        }
        a.type(PseudoTerminal.ctrlD); b.type(PseudoTerminal.ctrlD)
        #expect(a.waitForExit() == 0); #expect(b.waitForExit() == 0)
        let lines = (dir.read("state/qq/history") ?? "").split(separator: "\n").map(String.init)
        #expect(lines.first == "_HiStOrY_V2_")
        for i in 0..<4 {
            #expect(lines.contains("print\\040\"entry\"\\040+\\040\"-\(i)\""), "history: \(lines)")
        }
        // A third REPL sees all of them: Up four times reaches the first.
        let c = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        c.expect("qq> ")
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
        term.expect("qq> ")
        term.type(PseudoTerminal.up)
        usleep(200_000)
        term.type(PseudoTerminal.enter)
        term.expect("\n2499\n")
        term.type(PseudoTerminal.ctrlD)
        #expect(term.waitForExit() == 0)
        let lines = (dir.read("state/qq/history") ?? "").split(separator: "\n")
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 1 + 1000, "kept \(lines.count - 1) entries")
        #expect(lines.dropFirst().first == "print\\0401500")
    }
}
