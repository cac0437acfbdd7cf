import QQData
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

/// `set NAME = VALUE` (SPEC §6): each value is checked before it is stored, and a
/// change only invalidates the metrics that depend on that setting (the metric cache
/// keys on them). `set NAME = default` restores the default.
extension Session {
    package func set(_ name: Identifier, _ value: Expr, _ s: Script) throws(Diagnostic) {
        let isDefault: Bool = { if case .name("default") = value.kind { return true } else { return false } }()
        let defaults = Settings()
        switch name.name {
        case "format":
            if isDefault { options.format = .table; return confirm("format = table") }
            let text: String
            switch value.kind {
            case .name(let n): text = n
            case .literal(.string(let t)): text = t
            default: throw Diagnostic(.type, "expected a format name", span: value.span, hint: formatHint)
            }
            guard let f = OutputFormat(name: text) else {
                throw Diagnostic(.name, "unknown format '\(text)'", span: value.span,
                                 hint: Suggest.hint(for: text, among: OutputFormat.allCases.map(\.rawValue)) ?? formatHint)
            }
            options.format = f
            confirm("format = \(f.rawValue)")
        case "suspicious":
            if isDefault { rt.settings.suspicious = nil; return confirm("suspicious = default rule") }
            let rule = SourceText(s.text).slice(value.span)
            let bound = try binder().bindAccountPredicate(value)
            if bound.metrics.contains(.named(.suspicious)) || bound.metrics.contains(.named(.fake_followers)) {
                throw Diagnostic(.type, "the suspicious rule cannot use 'suspicious' or 'fake_followers'", span: value.span,
                                 hint: "they are computed from the rule")
            }
            rt.settings.suspicious = rule
            confirm("suspicious = \(rule)")
        case "damping":
            let d = isDefault ? defaults.damping : try number(value)
            guard d > 0 && d < 1 else { throw bad(value, "damping must be greater than 0 and less than 1", d) }
            rt.settings.damping = d
            confirm("damping = \(Value.formatFloat(d))")
        case "tolerance":
            let t = isDefault ? defaults.tolerance : try number(value)
            guard t > 0 && t.isFinite else { throw bad(value, "tolerance must be greater than 0", t) }
            rt.settings.tolerance = t
            confirm("tolerance = \(Value.formatFloat(t))")
        case "max_iterations":
            rt.settings.maxIterations = isDefault ? defaults.maxIterations : try whole(value, "max_iterations", 1...10_000_000)
            confirm("max_iterations = \(rt.settings.maxIterations)")
        case "betweenness_exact_limit":
            rt.settings.betweennessExactLimit = isDefault ? defaults.betweennessExactLimit
                : try whole(value, "betweenness_exact_limit", 0...Int(Int32.max))
            confirm("betweenness_exact_limit = \(rt.settings.betweennessExactLimit)")
        case "betweenness_samples":
            rt.settings.betweennessSamples = isDefault ? defaults.betweennessSamples
                : try whole(value, "betweenness_samples", 1...Int(Int32.max))
            confirm("betweenness_samples = \(rt.settings.betweennessSamples)")
        case "seed":
            rt.settings.seed = isDefault ? defaults.seed : Int64(try whole(value, "seed", 0...Int.max))
            confirm("seed = \(rt.settings.seed)")
        case "today", "since", "until":
            try setTime(name.name, value, isDefault: isDefault)
        case "rows":
            options.maxRows = isDefault ? SessionOptions().maxRows : try whole(value, "rows", 0...100_000_000)
            confirm("rows = \(options.maxRows)")
        default:
            throw Diagnostic(.name, "unknown setting '\(name.name)'", span: name.span,
                             hint: Suggest.hint(for: name.name, among: Settings.names) ?? "settings: " + Settings.names.joined(separator: ", "))
        }
    }

    private var formatHint: String { "formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The value of a setting's expression.
    private func settingValue(_ e: Expr) throws(Diagnostic) -> Value {
        try Evaluator.values(rt).value(try binder().bindValue(e))
    }

    private func number(_ e: Expr) throws(Diagnostic) -> Double {
        let v = try settingValue(e)
        guard let d = v.asDouble else {
            throw Diagnostic(.type, "expected a number, found \(v.isNull ? "null" : TypeRules.name(v.type))", span: e.span)
        }
        return d
    }

    private func whole(_ e: Expr, _ name: String, _ range: ClosedRange<Int>) throws(Diagnostic) -> Int {
        let d = try number(e)
        guard d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            let bound = range.upperBound >= Int(Int32.max) ? "a whole number of at least \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw Diagnostic(.runtime, "\(name) must be \(bound), found \(Value.formatFloat(d))", span: e.span)
        }
        return Int(d)
    }

    private func bad(_ e: Expr, _ message: String, _ d: Double) -> Diagnostic {
        Diagnostic(.runtime, "\(message), found \(Value.formatFloat(d))", span: e.span)
    }
}
