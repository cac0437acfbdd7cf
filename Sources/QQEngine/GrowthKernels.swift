import QQData
import QQMetrics

/// Time metrics of SPEC §8 for the metric cache (`max_gain`).
package enum GrowthKernels {
    /// `max_gain(d)` on the (window's) follow layer; every value null without follow times.
    package static func maxGain(_ ds: Dataset, width: Int64) -> MetricResult {
        let (values, timed) = MaxGain.compute(ds.follows, width: width)
        return MetricResult(column: Column(.int(values), valid: timed ? nil : Bitmap(count: values.count, value: false)),
                            notes: timed ? [] : ["the follows have no times: max_gain is null"], modularity: nil)
    }
}
