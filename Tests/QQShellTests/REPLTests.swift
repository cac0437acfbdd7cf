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
        term.expectPrompt()
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
            term.expectPrompt()
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
        term.expectPrompt("|> ")
        term.typeSlowly("count")
        term.type(Keys.enter)
        term.expect("\n5\n")
        term.expectPrompt()
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
        term.expectPrompt("(> ")
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
        term.expectPrompt()
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
        term.expect("^C\n")
        term.expectPrompt()
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
        term.expect("^C\n")
        term.expectPrompt()
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
        term.expectPrompt()
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
        let term = try PseudoTerminal(arguments: [dir.path + "/graph"], environment: dir.environment)
        term.expect("\ninit-ran\n")
        term.expectPrompt()
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
        term.expect("2000 accounts")
        term.expectPrompt()
        term.typeSlowly(".schema")
        term.type(Keys.enter)
        term.expect("handle")
    }
}
