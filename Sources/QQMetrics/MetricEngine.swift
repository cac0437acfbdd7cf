import QQData

/// Computes a metric column by name: the one entry point the language engine needs.
/// It never caches; the engine caches `MetricOutput`s keyed by the dataset generation
/// and the settings listed in `MetricRegistry`.
public enum MetricEngine {
    /// Computes metric `name` (a `MetricRegistry` entry; `layer` names the layer for the
    /// function forms) over `dataset`.
    ///
    /// `dependency` supplies columns this metric is built from, so the engine can serve
    /// them from its cache (the rule metric's flags, which only the engine can evaluate,
    /// and `pagerank` for `audience_quality`). It is called only for names in the
    /// metric's `dependsOn`.
    ///
    /// - Throws: `name` for an unknown metric or layer, or a layer argument the metric
    ///   does not take; what the kernels throw (bad settings, `cancelled`); `internal`
    ///   for the rule metric itself.
    public static func compute(_ name: String, layer: String? = nil, duration: Int64? = nil, dataset: Dataset, settings: Settings,
                               dependency: (String) throws(Diagnostic) -> Column) throws(Diagnostic) -> MetricOutput {
        guard let def = MetricRegistry.definition(name) else { throw Diagnostic(.name, "unknown metric '\(name)'") }
        let n = dataset.accountCount
        let layers = dataset.layers.map { $0.padded(to: n) }
        var chosen: Layer? = nil
        if let layerName = layer {
            guard def.layer != .none else { throw Diagnostic(.name, "'\(name)' takes no layer argument") }
            guard let l = layers.first(where: { $0.name == layerName }) else {
                let known = layers.map { "'\($0.name)'" }.joined(separator: ", ")
                throw Diagnostic(.name, "unknown layer '\(layerName)'",
                                 hint: known.isEmpty ? "the dataset has no interaction layers" : "layers: \(known)")
            }
            chosen = l
        } else if def.layer == .required {
            throw Diagnostic(.name, "'\(name)' needs a layer argument")
        }
        guard (def.layer == .duration) == (duration != nil) else {
            throw Diagnostic(.name, def.layer == .duration ? "'\(name)' needs a duration argument" : "'\(name)' takes no duration")
        }
        return try withoutActuallyEscaping(dependency) { (dep) throws(Diagnostic) -> MetricOutput in
            let input = MetricInput(dataset: dataset, follows: dataset.follows.padded(to: n), layers: layers,
                                    layer: chosen, duration: duration, settings: settings, dependency: dep)
            return try def.compute(input)
        }
    }
}
