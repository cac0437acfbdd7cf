#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

/// `.tutorial`: walks through the lessons one at a time. Each step shows the
/// lesson's idea, runs its query through the session (so the learner sees real
/// output), suggests a variation, asks the lesson's question (the session's `answer`
/// checks it) and returns to the prompt. `.tutorial` again moves on; the pack and the
/// next lesson are kept in the state folder (`N`, or `PACK N` for a pack other than the
/// first), so a learner can leave and resume another day.
///
/// On data that is not the pack's own, it says which lessons apply (each lesson
/// declares what it needs) and skips the others, and it offers the real-network pack.
struct TutorialRunner {
    let packs: [TutorialPack]
    /// Holds the pack and the number of the next lesson (1-based).
    let progressPath: String
    /// False under `--safe` (no files written): progress is not saved.
    var persists = true

    /// Handles `.tutorial [N|reset|PACK]`; `argumentSpan` locates the argument in the
    /// line for the error's caret.
    func command(_ argument: String, argumentSpan: SourceSpan, runner: StatementRunner) throws(Diagnostic) {
        guard let first = packs.first, !first.lessons.isEmpty else {
            throw Diagnostic(.internal, "internal error: the tutorial has no lessons in this build")
        }
        let (pack, next) = saved()
        switch argument {
        case "":
            show(pack, next, runner: runner)
        case "reset":
            save(first, next: 1)
            runner.session.question = nil
            runner.session.output.err("tutorial reset: '.tutorial' starts again at lesson 1\n")
        default:
            if let other = packs.first(where: { $0.name == argument }) {
                show(other, 1, runner: runner)
                return
            }
            guard let n = Int(argument), n >= 1, n <= pack.lessons.count else {
                let names = packs.map { "'\($0.name)'" }.joined(separator: ", ")
                throw Diagnostic(.runtime, ".tutorial: expected a lesson number from 1 to \(pack.lessons.count), "
                                 + "a pack (\(names)) or 'reset', found '\(argument)'", span: argumentSpan)
            }
            show(pack, n, runner: runner)
        }
    }

    private func show(_ pack: TutorialPack, _ number: Int, runner: StatementRunner) {
        let session = runner.session
        let out = session.output
        guard number <= pack.lessons.count else {
            out.out("You have finished all \(pack.lessons.count) lessons of \(pack.title). "
                    + "'.tutorial N' revisits lesson N; '.tutorial reset' starts over."
                    + (pack.name == packs[0].name && packs.count > 1 ? " '.tutorial \(packs[1].name)' continues on \(packs[1].title).\n" : "\n"))
            return
        }
        let lesson = pack.lessons[number - 1]
        let rule = String(repeating: "─", count: 3)
        out.out("\n\(rule) Lesson \(number) of \(pack.lessons.count): \(lesson.title) \(rule)\n\n")
        let onOwnData = number == 1 && pack.name != packs[0].name || onPackData(pack, session.dataset)
        if !onOwnData {
            out.out(applicability(pack, session.dataset))
        }
        let missing = onOwnData ? [] : lesson.missing(in: session.dataset)
        guard missing.isEmpty else {
            out.out("This lesson needs \(missing.map(\.description).joined(separator: " and ")), "
                    + "which the loaded data does not have; '.tutorial' moves on.\n\n")
            session.question = nil
            save(pack, next: number + 1)
            return
        }
        out.out(lesson.text.hasSuffix("\n") ? lesson.text : lesson.text + "\n")
        for line in lesson.query.split(separator: "\n") {
            out.out("\nqq> \(line)\n")
            if runner.run(String(line)) != .ok { break }
        }
        out.out("\nTry this: \(lesson.tryThis)\n")
        out.out("\nQuestion: \(lesson.question.ask)\n\n")
        var question = lesson.question
        question.then = number < pack.lessons.count
            ? "Type '.tutorial' for lesson \(number + 1)."
            : "That was the last lesson of \(pack.title)."
        session.question = question
        save(pack, next: number + 1)
    }

    /// Whether the loaded data is the pack's own dataset.
    private func onPackData(_ pack: TutorialPack, _ dataset: Dataset) -> Bool {
        guard dataset.isSample else { return false }
        return pack.name == packs[0].name ? dataset.origin == "sample" : dataset.origin == "sample \"\(pack.name)\""
    }

    /// Which of the pack's lessons apply to `dataset`, and how to get the pack's data.
    private func applicability(_ pack: TutorialPack, _ dataset: Dataset) -> String {
        var apply: [Int] = [], skip: [String] = []
        for (i, l) in pack.lessons.enumerated() {
            let missing = l.missing(in: dataset)
            if missing.isEmpty { apply.append(i + 1) }
            else { skip.append("\(i + 1) needs \(missing.map(\.description).joined(separator: " and "))") }
        }
        var text = "note: these lessons are written for \(pack.title) ('\(pack.load)'). On the loaded data "
        text += apply.isEmpty ? "none of them apply" : "lesson\(apply.count == 1 ? "" : "s") "
            + apply.map(String.init).joined(separator: ", ") + (apply.count == 1 ? " applies" : " apply")
        text += skip.isEmpty ? ".\n" : " (" + skip.joined(separator: "; ") + ").\n"
        for other in packs where other.name != pack.name {
            text += "'.tutorial \(other.name)' starts the lessons on \(other.title).\n"
        }
        return TutorialRunner.wrap(text) + "\n"
    }

    /// `text` with its lines broken between words before `width` characters.
    static func wrap(_ text: String, width: Int = 80) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty && current.count + 1 + word.count > width {
                    out += current + "\n"
                    current = ""
                }
                current += current.isEmpty ? String(word) : " " + word
            }
            out += current + "\n"
        }
        return String(out.dropLast())
    }

    /// The pack and lesson `.tutorial` shows next (the first pack's lesson 1 when nothing is saved).
    func saved() -> (TutorialPack, Int) {
        let first = packs[0]
        guard let text = readTextFile(progressPath) else { return (first, 1) }
        let words = text.trimmed.split(separator: " ")
        if words.count == 2, let pack = packs.first(where: { $0.name == words[0] }), let n = Int(words[1]), n >= 1 {
            return (pack, n)
        }
        guard words.count == 1, let n = Int(words[0]), n >= 1 else { return (first, 1) }
        return (first, n)
    }

    private func save(_ pack: TutorialPack, next: Int) {
        guard persists else { return }
        if let slash = progressPath.lastIndex(of: "/") { Paths.makeDirectory(String(progressPath[..<slash])) }
        let text = pack.name == packs[0].name ? "\(next)\n" : "\(pack.name) \(next)\n"
        try? AtomicFile.write(text, to: progressPath, overwrite: true)
    }
}
