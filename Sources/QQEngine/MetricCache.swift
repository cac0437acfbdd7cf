import QQData
import QQMetrics
import QQSyntax
import QQSemantic

/// Metric columns of `accounts`, computed on first use and kept until the dataset or
/// a setting they depend on changes (SPEC §5, issue 5).
///
/// Each entry is stored with a key naming the dataset generation and exactly the
/// settings the metric depends on, directly or through the metrics it is built from
/// (`audience_quality` through `pagerank`; `fake_followers` through `suspicious` and
/// whatever its rule reads). A lookup whose key differs recomputes; so each `set`
/// invalidates only what it affects. A result is stored only once complete: a
/// computation stopped by Ctrl-C (`Cancellation.check()` throws) leaves the cache as
/// it was.
package final class MetricCache {
    package struct Entry {
        package var key: String
        package var column: Column
        package var notes: [String]
        package var modularity: Double?
        package var iterations: Int?
    }

    /// Per metric and time window (SPEC §8: metrics are cached per window).
    private var entries: [WindowedMetric: Entry] = [:]
    private struct WindowedMetric: Hashable { var id: MetricID; var window: TimeWindow }
    /// Metrics being computed right now (a rule that reads itself is a cycle).
    private var inProgress: Set<MetricID> = []

    /// The column of `id`, from the cache when its key still matches.
    package func column(_ id: MetricID, _ rt: Runtime) throws(Diagnostic) -> Column {
        let key = try self.key(id, rt)
        rt.noteWindow(over: [id.layer ?? "follow"])
        if let e = entries[WindowedMetric(id: id, window: rt.window)], e.key == key {
            note(e, rt)
            return e.column
        }
        guard !inProgress.contains(id) else {
            throw Diagnostic(.runtime, "'\(id)' depends on itself (check the suspicious rule)")
        }
        inProgress.insert(id)
        defer { inProgress.remove(id) }
        let result = try compute(id, rt)
        guard result.column.count == rt.dataset.accountCount else {
            throw Diagnostic(.internal, "internal error: metric '\(id)' has \(result.column.count) values for \(rt.dataset.accountCount) accounts")
        }
        let e = Entry(key: key, column: result.column, notes: result.notes, modularity: result.modularity,
                      iterations: result.iterations)
        entries[WindowedMetric(id: id, window: rt.window)] = e
        note(e, rt)
        return e.column
    }

    /// The cached entry of `id` if it is still valid (for `describe`).
    package func valid(_ id: MetricID, _ rt: Runtime) -> Entry? {
        guard let e = entries[WindowedMetric(id: id, window: rt.window)], let k = try? key(id, rt), e.key == k else { return nil }
        return e
    }

    /// Drops everything (a new dataset also changes every key; this frees the memory).
    package func removeAll() { entries.removeAll() }

    private func note(_ e: Entry, _ rt: Runtime) {
        for n in e.notes where !rt.notices.contains(n) { rt.notices.append(n) }
    }

    /// `generation|name|setting=value…|dependency keys…`: exactly what the value depends
    /// on, from the metric's registry entry.
    package func key(_ id: MetricID, _ rt: Runtime) throws(Diagnostic) -> String {
        let s = rt.settings
        let def = id.definition
        var parts = ["g\(rt.dataset.generation)", id.description, "w=\(rt.window)"]
        if let custom = def.keySettings {
            parts += custom(s, rt.dataset.accountCount)
        } else {
            for setting in def.settings where !def.isRule { parts.append(s.keyText(setting)) }
        }
        if def.isRule {
            let rule = suspiciousRule(rt)
            parts.append("rule=\(rule)")
            for m in try ruleMetrics(rule, rt) where m != id { parts.append("(" + (try key(m, rt)) + ")") }
        }
        for dep in def.dependsOn {
            guard let m = MetricID(dep) else { continue }
            parts.append("(" + (try key(m, rt)) + ")")
        }
        return parts.joined(separator: "|")
    }

    /// The rule text in force: the one set, or the default for this dataset.
    package func suspiciousRule(_ rt: Runtime) -> String {
        if let r = rt.settings.suspicious { return r }
        return GraphKernels.defaultSuspiciousRule(hasPosts: hasPosts(rt))
    }

    private func hasPosts(_ rt: Runtime) -> Bool {
        rt.dataset.accounts.column("posts").map { $0.type.isNumeric } ?? false
    }

    /// Binds the rule against `accounts`.
    package func bindRule(_ rule: String, _ rt: Runtime) throws(Diagnostic) -> BoundExpr {
        let expr = try Parser.parseExpression(rule)
        do {
            return try Binder(env: rt.bindEnvironment()).bindAccountPredicate(expr)
        } catch {
            var d = error
            d.message = "in the suspicious rule '\(rule)': " + d.message
            d.span = nil
            throw d
        }
    }

    private func ruleMetrics(_ rule: String, _ rt: Runtime) throws(Diagnostic) -> [MetricID] {
        let b = try bindRule(rule, rt)
        if b.metrics.contains(where: { MetricRegistry.isBuiltFromRule($0.name) }) {
            throw Diagnostic(.runtime, "the suspicious rule cannot use 'suspicious' or 'fake_followers' (they are built from it)")
        }
        return b.metrics
    }

    private func compute(_ id: MetricID, _ rt: Runtime) throws(Diagnostic) -> MetricResult {
        if id.definition.isRule {
            let rule = try bindRule(suspiciousRule(rt), rt)
            let frame = Executor.accountsFrame(rt)
            let c = try Evaluator(frame: frame, rt: rt).eval(rule)
            // null counts as false: only accounts the rule holds for are suspicious.
            var flags = [Bool](repeating: false, count: c.count)
            if case .bool(let a) = c.storage { for i in 0..<c.count where !c.isNull(i) { flags[i] = a[i] } }
            // SPEC §10: the default rule on data it was not designed for says so.
            let caveat = rt.settings.suspicious == nil && !hasPosts(rt) ? [MetricRegistry.defaultRuleCaveat] : []
            return MetricResult(column: Column(.bool(flags)), notes: caveat, modularity: nil)
        }
        return try GraphKernels.metric(id.name, layer: id.layer, duration: id.duration, rt.dataset, rt.settings) { (dep: String) throws(Diagnostic) -> Column in
            guard id.layer == nil, let dm = MetricID(dep) else {
                throw Diagnostic(.internal, "internal error: '\(id)' asked for '\(dep)'")
            }
            return try self.column(dm, rt)
        }
    }
}
