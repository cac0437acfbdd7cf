import QQData
import QQSyntax
import QQSemantic
import QQEngine
/// One lesson of the REPL's `.tutorial` (SPEC §6): a short explanation, the query it
/// runs, an invitation to try a variation, and a question whose answer qq checks.
public struct Lesson: Sendable {
    public var title: String
    /// Two or three lines explaining one idea.
    public var text: String
    /// The qq statement(s) the lesson runs, one per line.
    public var query: String
    /// A suggested variation for the learner to type.
    public var tryThis: String
    /// The question that ends the lesson.
    public var question: Question
    /// What the data must have for the lesson to make sense.
    public var needs: [Need]

    public init(title: String, text: String, query: String, tryThis: String, question: Question, needs: [Need] = []) {
        self.title = title; self.text = text; self.query = query; self.tryThis = tryThis
        self.question = question; self.needs = needs
    }

    /// What a lesson needs from the loaded dataset.
    public enum Need: Sendable, Equatable {
        /// At least one interaction layer (engagement, reposts, mentions).
        case interactions
        /// A column of `accounts` with this name.
        case column(String)

        public var description: String {
            switch self {
            case .interactions: return "interaction layers"
            case .column(let c): return "a '\(c)' column"
            }
        }
    }

    /// The needs `dataset` does not meet (empty when the lesson applies).
    public func missing(in dataset: Dataset) -> [Need] {
        needs.filter { need in
            switch need {
            case .interactions: return dataset.layers.isEmpty
            case .column(let c): return !dataset.accounts.names.contains(c)
            }
        }
    }
}

/// The question that ends a lesson. The expected answer is not written down: it is
/// the value of `expected`, a qq query run on the loaded data when the learner
/// answers, so the lesson stays right when the data changes.
public struct Question: Sendable {
    /// How an answer is compared with the expected value.
    public enum Kind: Sendable, Equatable {
        /// An account: `answer @handle`, or a query whose first row is the account.
        case account
        /// A whole number, equal.
        case count
        /// A number, within `tolerance` of the expected value.
        case number(tolerance: Double)
    }

    /// The question as the learner reads it, saying how to answer.
    public var ask: String
    public var kind: Kind
    /// A qq query whose value is the right answer.
    public var expected: String
    /// Shown after a wrong answer.
    public var hint: String
    /// Shown after a right answer (the tutorial says where to go next).
    public var then: String?

    public init(_ ask: String, _ kind: Kind, expected: String, hint: String, then: String? = nil) {
        self.ask = ask; self.kind = kind; self.expected = expected; self.hint = hint; self.then = then
    }
}
