import QQData
import QQMetrics
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

/// `set NAME = VALUE` (SPEC §6): each value is checked before it is stored, and a
/// change only invalidates the metrics that depend on that setting (the metric cache
/// keys on them). `set NAME = default` restores the default.
/// One `set` setting: its help and how a value is checked and stored. The one list of
/// settings: `set`, `help`, Tab completion and did-you-mean all read `SettingRegistry.all`.
package struct SettingDefinition: Sendable {
    package var name: String
    package var summary: String
    /// The default as `help` shows it.
    package var defaultText: String
    package var example: String
    package var details: String?
    /// Related topics besides the metrics that read the setting (those come from the metric registry).
    package var seeAlso: [String]
    /// False when the example needs more than the session has (a Spark server): `help`
    /// shows it, the example tests only parse it.
    package var exampleRuns: Bool = true
    /// Stores the value of the expression (`default` restores the default) and returns
    /// the confirmation the REPL shows (nil when the setting has confirmed it itself,
    /// followed by its notes).
    package var apply: @Sendable (Session, _ value: Expr, _ isDefault: Bool, Script) throws(Diagnostic) -> String?
}

package enum SettingRegistry {
    package static let all: [SettingDefinition] = [
        SettingDefinition(name: "damping", summary: "PageRank damping factor", defaultText: "0.85",
                          example: "set damping = 0.9", details: "Between 0 and 1.", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            let d = isDefault ? Settings().damping : try s.number(v)
            guard d > 0 && d < 1 else { throw s.bad(v, "damping must be greater than 0 and less than 1", d) }
            s.rt.settings.damping = d
            return "damping = \(Value.formatFloat(d))"
        },
        SettingDefinition(name: "max_iterations", summary: "iteration cap for pagerank, authority and hub", defaultText: "100",
                          example: "set max_iterations = 200", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            s.rt.settings.maxIterations = isDefault ? Settings().maxIterations : try s.whole(v, "max_iterations", 1...10_000_000)
            return "max_iterations = \(s.rt.settings.maxIterations)"
        },
        SettingDefinition(name: "tolerance", summary: "convergence tolerance for pagerank, authority and hub",
                          defaultText: "1e-6 (as NetworkX)", example: "set tolerance = 1e-10",
                          details: "A tight tolerance gives the converged values.", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            let t = isDefault ? Settings().tolerance : try s.number(v)
            guard t > 0 && t.isFinite else { throw s.bad(v, "tolerance must be greater than 0", t) }
            s.rt.settings.tolerance = t
            return "tolerance = \(Value.formatFloat(t))"
        },
        SettingDefinition(name: "suspicious", summary: "the rule that marks an account suspicious",
                          defaultText: HelpRegistry.suspiciousDefault, example: "set suspicious = ratio < 0.05 and posts < 5",
                          details: "The expression is kept and evaluated per account; fake_followers follows it.",
                          seeAlso: []) { (s, v, isDefault, script) throws(Diagnostic) in
            if isDefault { s.rt.settings.suspicious = nil; return "suspicious = default rule" }
            let rule = SourceText(script.text).slice(v.span)
            let bound = try s.binder().bindAccountPredicate(v)
            if bound.metrics.contains(where: { MetricRegistry.isBuiltFromRule($0.name) }) {
                throw Diagnostic(.type, "the suspicious rule cannot use 'suspicious' or 'fake_followers'", span: v.span,
                                 hint: "they are computed from the rule")
            }
            s.rt.settings.suspicious = rule
            return "suspicious = \(rule)"
        },
        SettingDefinition(name: "betweenness_exact_limit", summary: "largest graph for exact betweenness", defaultText: "5000",
                          example: "set betweenness_exact_limit = 10000", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            s.rt.settings.betweennessExactLimit = isDefault ? Settings().betweennessExactLimit
                : try s.whole(v, "betweenness_exact_limit", 0...Int(Int32.max))
            return "betweenness_exact_limit = \(s.rt.settings.betweennessExactLimit)"
        },
        SettingDefinition(name: "betweenness_samples", summary: "sampled sources for approximate betweenness", defaultText: "256",
                          example: "set betweenness_samples = 512", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            s.rt.settings.betweennessSamples = isDefault ? Settings().betweennessSamples
                : try s.whole(v, "betweenness_samples", 1...Int(Int32.max))
            return "betweenness_samples = \(s.rt.settings.betweennessSamples)"
        },
        SettingDefinition(name: "seed", summary: "seed for sampling, Louvain and approximate betweenness",
                          defaultText: String(Settings().seed), example: "set seed = 7", seeAlso: []) { (s, v, isDefault, _) throws(Diagnostic) in
            s.rt.settings.seed = isDefault ? Settings().seed : Int64(try s.whole(v, "seed", 0...Int.max))
            return "seed = \(s.rt.settings.seed)"
        },
        SettingDefinition(name: "rows", summary: "table rows shown before the '… N more rows' footer", defaultText: "40",
                          example: "set rows = 10", seeAlso: [".rows"]) { (s, v, isDefault, _) throws(Diagnostic) in
            s.options.maxRows = isDefault ? SessionOptions().maxRows : try s.whole(v, "rows", 0...100_000_000)
            return "rows = \(s.options.maxRows)"
        },
        SettingDefinition(name: "format", summary: "how results are printed", defaultText: "table", example: "set format = csv",
                          details: "One of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                          seeAlso: [".format"]) { (s, v, isDefault, _) throws(Diagnostic) in
            if isDefault { s.options.format = .table; return "format = table" }
            let text: String
            switch v.kind {
            case .name(let n): text = n
            case .literal(.string(let t)): text = t
            default: throw Diagnostic(.type, "expected a format name", span: v.span, hint: s.formatHint)
            }
            guard let f = OutputFormat(name: text) else {
                throw Diagnostic(.name, "unknown format '\(text)'", span: v.span,
                                 hint: Suggest.hint(for: text, among: OutputFormat.allCases.map(\.rawValue)) ?? s.formatHint)
            }
            s.options.format = f
            return "format = \(f.rawValue)"
        },
        timeSetting("today", "what today() and days_since count from", defaultText: "the real date",
                    example: "set today = date(\"2024-06-30\")",
                    details: "A class gets the same numbers every term. `null` goes back to the real date."),
        timeSetting("since", "the window's start: interactions before it are left out", defaultText: "null (no start)",
                    example: "set since = date(\"2024-01-01\")",
                    details: "A datetime, a date (00:00 UTC) or ISO text. Follows accumulate, so `since` does not remove follows."),
        timeSetting("until", "the window's end: later follows and interactions are left out", defaultText: "null (no end)",
                    example: "set until = date(\"2024-06-30\")",
                    details: "A date means the end of that day. `describe` shows the window."),
        SettingDefinition(name: "engine", summary: "where pipelines run: local, or Apache Spark through Spark Connect",
                          defaultText: "local", example: "set engine = \"sc://127.0.0.1:15002\"",
                          details: "\"sc://HOST:PORT\" runs pipelines on a Spark cluster (qq --engine does the same at start): "
                            + "there is no dataset until 'load \"folder\"' names files the cluster reads (CSV, Parquet); "
                            + "the stages, degree metrics and pagerank run there, and what cannot is an error saying so. "
                            + "Needs a qq built with 'swift build --traits Spark' (docs/SPARK.md). \"local\" switches back "
                            + "to the dataset the session had before.",
                          seeAlso: ["load"], exampleRuns: false) { (s, v, isDefault, _) throws(Diagnostic) -> String? in
            if isDefault { return try s.switchEngine(to: "local") }
            let text: String
            switch v.kind {
            case .name(let n): text = n
            case .literal(.string(let t)): text = t
            default: throw Diagnostic(.type, "expected \"local\" or an address \"sc://HOST:PORT\"", span: v.span)
            }
            do throws(Diagnostic) { return try s.switchEngine(to: text) } catch { throw error.at(v.span) }
        },
    ]

    /// `today`, `since`, `until` (SPEC §8): `null` or `default` clears them.
    private static func timeSetting(_ name: String, _ summary: String, defaultText: String, example: String,
                                    details: String) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary, defaultText: defaultText, example: example, details: details,
                          seeAlso: ["time"]) { (s, v, isDefault, _) throws(Diagnostic) -> String? in
            try s.setTime(name, v, isDefault: isDefault)
            return nil
        }
    }

    package static var names: [String] { all.map(\.name) }
}

/// `set NAME = VALUE` (SPEC §6): each value is checked before it is stored, and a
/// change only invalidates the metrics that depend on that setting (the metric cache
/// keys on them). `set NAME = default` restores the default.
extension Session {
    package func set(_ name: Identifier, _ value: Expr, _ s: Script) throws(Diagnostic) {
        let isDefault: Bool = { if case .name("default") = value.kind { return true } else { return false } }()
        guard let setting = SettingRegistry.all.first(where: { $0.name == name.name }) else {
            let names = SettingRegistry.names
            throw Diagnostic(.name, "unknown setting '\(name.name)'", span: name.span,
                             hint: Suggest.hint(for: name.name, among: names) ?? "settings: " + names.joined(separator: ", "))
        }
        if let text = try setting.apply(self, value, isDefault, s) { confirm(text) }
    }

    fileprivate var formatHint: String { "formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The value of a setting's expression.
    fileprivate func settingValue(_ e: Expr) throws(Diagnostic) -> Value {
        try value(of: try binder().bindValue(e))
    }

    fileprivate func number(_ e: Expr) throws(Diagnostic) -> Double {
        let v = try settingValue(e)
        guard let d = v.asDouble else {
            throw Diagnostic(.type, "expected a number, found \(v.isNull ? "null" : TypeRules.name(v.type))", span: e.span)
        }
        return d
    }

    fileprivate func whole(_ e: Expr, _ name: String, _ range: ClosedRange<Int>) throws(Diagnostic) -> Int {
        let d = try number(e)
        guard d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            let bound = range.upperBound >= Int(Int32.max) ? "a whole number of at least \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw Diagnostic(.runtime, "\(name) must be \(bound), found \(Value.formatFloat(d))", span: e.span)
        }
        return Int(d)
    }

    fileprivate func bad(_ e: Expr, _ message: String, _ d: Double) -> Diagnostic {
        Diagnostic(.runtime, "\(message), found \(Value.formatFloat(d))", span: e.span)
    }
}
