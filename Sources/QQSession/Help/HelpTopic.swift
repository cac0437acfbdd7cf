import QQSyntax
import QQSemantic
import QQEngine
/// One entry of the help registry: a statement, stage, source, operator, function,
/// aggregate, graph function, metric, setting or dot-command. Help is data (SQLite's
/// shell, swift-format): the same entries feed `help`, Tab completion and
/// docs/REFERENCE.md, whose examples run as tests.
public struct HelpTopic: Sendable {
    /// The groups `help` lists topics in, in this order.
    public enum Category: String, Sendable, CaseIterable {
        case statement, stage, source, language, function, aggregate
        case graphFunction = "graph function"
        case metric, setting
        case dotCommand = "dot-command"

        /// The heading of the group in `help` and in the reference.
        public var title: String {
            switch self {
            case .statement: return "Statements"
            case .stage: return "Stages"
            case .source: return "Sources"
            case .language: return "Language"
            case .function: return "Functions"
            case .aggregate: return "Aggregates"
            case .graphFunction: return "Graph functions"
            case .metric: return "Metrics"
            case .setting: return "Settings"
            case .dotCommand: return "Dot-commands"
            }
        }
    }

    /// What users type after `help`: `where`, `pagerank`, `.rows`.
    public var name: String
    /// Which group `help` lists it in.
    public var category: Category
    /// One line: what it does.
    public var summary: String
    /// The forms it is written in, one per line (`top N by EXPR [asc|desc]`).
    public var syntax: [String]
    /// Further explanation: definitions, defaults, edge cases.
    public var details: String?
    /// Statements showing it in use; runnable ones run on the built-in sample in the tests.
    public var examples: [HelpExample]
    /// Other words that find this topic (`==` finds `comparison`).
    public var aliases: [String]
    /// Related topics.
    public var seeAlso: [String]

    /// A topic; `examples` may be plain strings (runnable) or `HelpExample(…, runs: false)`.
    public init(_ name: String, _ category: Category, summary: String, syntax: [String], details: String? = nil,
                examples: [HelpExample], aliases: [String] = [], seeAlso: [String] = []) {
        self.name = name; self.category = category; self.summary = summary; self.syntax = syntax
        self.details = details; self.examples = examples; self.aliases = aliases; self.seeAlso = seeAlso
    }
}

/// An example of a help topic: one or more qq statements (lines separated by `\n`).
///
/// Examples run on the built-in sample, each in a fresh session, in the reference
/// tests; one that needs files or writes them (`load "dir"`, `export`) or is a
/// dot-command is marked `runs: false` and is only parsed.
public struct HelpExample: Sendable, ExpressibleByStringLiteral {
    /// The statements, one per line.
    public var code: String
    /// False when the example needs or writes files, or is not a qq statement.
    public var runs: Bool

    /// An example; `runs: false` for one that needs files or is a dot-command.
    public init(_ code: String, runs: Bool = true) { self.code = code; self.runs = runs }
    /// A runnable example written as a string literal.
    public init(stringLiteral value: String) { self.init(value) }
}
