import QQSyntax
import QQSemantic
import QQEngine
/// One lesson of the REPL's `.tutorial` (SPEC §6): a short explanation, the query it
/// runs on the sample, and an invitation to try a variation.
public struct Lesson: Sendable {
    public var title: String
    /// Two or three lines explaining one idea.
    public var text: String
    /// The qq statement the lesson runs (on the built-in sample).
    public var query: String
    /// A suggested variation for the learner to type.
    public var tryThis: String

    public init(title: String, text: String, query: String, tryThis: String) {
        self.title = title; self.text = text; self.query = query; self.tryThis = tryThis
    }
}
