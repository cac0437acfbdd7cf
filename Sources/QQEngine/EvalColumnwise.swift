import QQData
import QQSyntax
import QQSemantic

extension Evaluator {
    /// `percentile(x)`: 100 × average rank / n among the non-null values of the current
    /// rows (pandas `rank(pct=True) * 100`); `zscore(x)`: (x − mean) / sample standard
    /// deviation (null when it is 0 or there are fewer than two values). Nulls stay null.
    package func columnwise(_ fn: ColumnwiseFunction, _ x: Column) throws(Diagnostic) -> Column {
        if fn == .rank || fn == .rankAscending { return try Rank.column(x, ascending: fn == .rankAscending) }
        let all = x.doubles
        var idx: [Int] = []
        var values: [Double] = []
        idx.reserveCapacity(all.count); values.reserveCapacity(all.count)
        for i in 0..<all.count where !x.isNull(i) && !all[i].isNaN { idx.append(i); values.append(all[i]) }
        var out = [Double](repeating: 0, count: all.count)
        var ok = [Bool](repeating: false, count: all.count)
        switch fn {
        case .percentile:
            let ranks = Statistics.averageRanks(values)
            let n = Double(values.count)
            for (k, i) in idx.enumerated() { out[i] = 100 * ranks[k] / n; ok[i] = true }
        case .rank, .rankAscending:
            break
        case .zscore:
            if let m = Statistics.mean(values), let s = Statistics.sampleStd(values), s > 0 {
                for (k, i) in idx.enumerated() { out[i] = (values[k] - m) / s; ok[i] = true }
            }
        }
        return Column(.float(out), valid: Bitmap.from(ok))
    }
}
