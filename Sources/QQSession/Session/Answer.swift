import QQData
import QQSyntax
import QQEngine
import QQOutput

/// `answer [EXPR]`: checks the learner's answer to the tutorial's open question
/// (`Session.question`, set by the shell's `.tutorial`). The expected value is computed
/// now, by the question's own query on the loaded data, never written into the lesson.
///
/// What counts as the answer: the value of EXPR (`answer @handle`, `answer 0.72`,
/// `answer (accounts | count)`), or without EXPR the result of the last query typed. A
/// table answers with its first row: its `handle` when it has one, else its first
/// column. The verdict is a result (stdout); a wrong answer is not an error.
extension Session {
    package func answer(_ e: Expr?, span: SourceSpan) throws(Diagnostic) {
        guard let q = question else {
            throw Diagnostic(.runtime, "no question is open", span: span,
                             hint: "'.tutorial' shows a lesson and asks its question")
        }
        let given: Value
        if let e {
            guard let v = Session.answerValue(try evaluate(e)) else {
                throw Diagnostic(.type, "this gives no value to answer with", span: e.span,
                                 hint: "answer with an account, a number, or a query that returns a row")
            }
            given = v
        } else {
            guard let v = lastAnswer else {
                throw Diagnostic(.runtime, "there is no query result to answer with yet", span: span,
                                 hint: "type a query first, or answer with a value: answer @handle, answer 0.72")
            }
            given = v
        }
        let expected = try expectedValue(q)
        if Session.matches(given, expected, q.kind) {
            output.out("right: \(Session.show(expected, q.kind))\n")
            if let then = q.then { output.out(then + "\n") }
        } else {
            output.out("not quite: you answered \(Session.show(given, q.kind))\n")
            output.out("hint: \(q.hint)\n")
        }
    }

    /// The question's right answer on the loaded data.
    package func expectedValue(_ q: Question) throws(Diagnostic) -> Value {
        let parsed = Parser.parse(q.expected)
        guard parsed.firstError == nil, parsed.statements.count == 1,
              case .expression(let e) = parsed.statements[0].kind else {
            throw Diagnostic(.internal, "internal error: the question's query does not parse: \(q.expected)")
        }
        let r: Executor.Result
        do {
            r = try evaluate(e)
        } catch {
            if error.kind == .cancelled { throw error }
            throw Diagnostic(.runtime, "this question cannot be checked on the loaded data: \(error.message)",
                             hint: "'.tutorial' lists the lessons that apply to this dataset")
        }
        guard let v = Session.answerValue(r), !v.isNull else {
            throw Diagnostic(.runtime, "this question has no answer on the loaded data",
                             hint: "'.tutorial' lists the lessons that apply to this dataset")
        }
        return v
    }

    /// What a result answers with: a value itself; a table's first row (its handle, or
    /// its first column); nil for an empty table, a chart or a side effect.
    package static func answerValue(_ r: Executor.Result) -> Value? {
        switch r {
        case .value(let v): return v
        case .frame(let f):
            guard f.count > 0, !f.refs.isEmpty else { return nil }
            let i = f.names.firstIndex(of: "handle") ?? 0
            return f.column(i)[0]
        case .chart, .done: return nil
        }
    }

    static func matches(_ given: Value, _ expected: Value, _ kind: Question.Kind) -> Bool {
        switch kind {
        case .account:
            guard case .string(let a) = given, case .string(let b) = expected else { return false }
            let bare = a.hasPrefix("@") ? String(a.dropFirst()) : a
            return bare == b
        case .count:
            guard let a = given.asDouble, let b = expected.asDouble else { return false }
            return a == b
        case .number(let tolerance):
            guard let a = given.asDouble, let b = expected.asDouble else { return false }
            return abs(a - b) <= tolerance
        }
    }

    /// An answer as the verdict shows it: `@handle`, or the number.
    static func show(_ v: Value, _ kind: Question.Kind) -> String {
        switch (kind, v) {
        case (.account, .string(let s)): return HandleSyntax.written(s)
        case (.number(let t), _):
            guard let d = v.asDouble else { return v.isNull ? "null" : v.description }
            let digits = t >= 0.05 ? 1 : t >= 0.005 ? 2 : t >= 0.0005 ? 3 : 4
            return ComparisonText.fixed(d, digits)
        default: return v.isNull ? "null" : v.description
        }
    }
}
