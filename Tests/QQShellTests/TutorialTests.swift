import Testing

/// `.tutorial` through a pseudo-terminal: lessons in order, resumed after a
/// restart from the progress kept in the state folder, `.tutorial N` and `reset`.
@Suite(.serialized) struct TutorialTests {
    @Test func lessonsAdvanceAndResumeAfterRestart() throws {
        let dir = TempDir(); defer { dir.remove() }
        do {
            let term = try PseudoTerminal(environment: dir.environment)
            term.expectPrompt()
            term.typeSlowly(".tutorial")
            term.type(PseudoTerminal.enter)
            term.expect("Lesson 1 of ")
            term.expect("Try this: ")
            term.expectPrompt()
            term.typeSlowly(".tutorial")
            term.type(PseudoTerminal.enter)
            term.expect("Lesson 2 of ")
            term.expectPrompt()
            term.type(PseudoTerminal.ctrlD)
            #expect(term.waitForExit() == 0)
        }
        #expect(dir.read("state/qq/tutorial") == "3\n")
        let term = try PseudoTerminal(environment: dir.environment)
        term.expectPrompt()
        term.typeSlowly(".tutorial")
        term.type(PseudoTerminal.enter)
        term.expect("Lesson 3 of ")
        term.expectPrompt()
        term.typeSlowly(".tutorial 1")
        term.type(PseudoTerminal.enter)
        term.expect("Lesson 1 of ")
        term.expectPrompt()
        term.typeSlowly(".tutorial reset")
        term.type(PseudoTerminal.enter)
        term.expect("tutorial reset")
        term.expectPrompt()
        term.typeSlowly(".tutorial")
        term.type(PseudoTerminal.enter)
        term.expect("Lesson 1 of ")
    }

    @Test func everyLessonRunsWithoutError() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try PseudoTerminal(environment: dir.environment)
        term.expectPrompt()
        var lesson = 1
        while true {
            term.typeSlowly(".tutorial")
            term.type(PseudoTerminal.enter)
            if !term.sees("Lesson \(lesson) of ", within: 20) { break }
            term.expect("Try this: ")
            term.expectPrompt()
            lesson += 1
        }
        #expect(lesson > 6, "expected about eight lessons, saw \(lesson - 1)")
        #expect(!term.transcript.contains("error:"), "transcript:\n\(term.transcript)")
    }
}
