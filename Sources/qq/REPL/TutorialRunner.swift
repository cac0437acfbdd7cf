#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

/// `.tutorial`: walks through the lessons one at a time. Each step shows the
/// lesson's idea, runs its query through the session (so the learner sees real
/// output), suggests a variation, and returns to the prompt so the learner can try
/// it. `.tutorial` again moves on; the next lesson is kept in the state folder, so a
/// learner can leave and resume another day.
struct TutorialRunner {
    let lessons: [Lesson]
    /// Holds the number of the next lesson (1-based).
    let progressPath: String
    /// False under `--safe` (no files written): progress is not saved.
    var persists = true

    /// Handles `.tutorial [N|reset]`; `argumentSpan` locates the argument in the
    /// line for the error's caret.
    func command(_ argument: String, argumentSpan: SourceSpan, runner: StatementRunner) throws(Diagnostic) {
        let session = runner.session
        guard !lessons.isEmpty else {
            throw Diagnostic(.internal, "internal error: the tutorial has no lessons in this build")
        }
        switch argument {
        case "":
            show(savedNext(), runner: runner)
        case "reset":
            save(next: 1)
            session.output.err("tutorial reset: '.tutorial' starts again at lesson 1\n")
        default:
            guard let n = Int(argument), n >= 1, n <= lessons.count else {
                throw Diagnostic(.runtime, ".tutorial: expected a lesson number from 1 to \(lessons.count) or 'reset', found '\(argument)'",
                                 span: argumentSpan)
            }
            show(n, runner: runner)
        }
    }

    private func show(_ number: Int, runner: StatementRunner) {
        let session = runner.session
        guard number <= lessons.count else {
            session.output.out("You have finished all \(lessons.count) lessons. "
                               + "'.tutorial N' revisits lesson N; '.tutorial reset' starts over.\n")
            return
        }
        let lesson = lessons[number - 1]
        let out = session.output
        let rule = String(repeating: "─", count: 3)
        out.out("\n\(rule) Lesson \(number) of \(lessons.count): \(lesson.title) \(rule)\n\n")
        out.out(lesson.text.hasSuffix("\n") ? lesson.text : lesson.text + "\n")
        if !session.dataset.isSample {
            out.err("note: the lessons are written for the built-in sample; 'load sample' switches to it\n")
        }
        out.out("\nqq> \(lesson.query)\n")
        runner.run(lesson.query)
        out.out("\nTry this: \(lesson.tryThis)\n")
        out.out(number < lessons.count
                ? "Then type '.tutorial' for lesson \(number + 1).\n\n"
                : "That was the last lesson.\n\n")
        save(next: number + 1)
    }

    /// The lesson `.tutorial` shows next (1 when nothing is saved).
    func savedNext() -> Int {
        guard let text = readTextFile(progressPath),
              let n = Int(text.trimmed), n >= 1 else { return 1 }
        return n
    }

    private func save(next: Int) {
        guard persists else { return }
        if let slash = progressPath.lastIndex(of: "/") { Paths.makeDirectory(String(progressPath[..<slash])) }
        try? AtomicFile.write("\(next)\n", to: progressPath, overwrite: true)
    }
}
