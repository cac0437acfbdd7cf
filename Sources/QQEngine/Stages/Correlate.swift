import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `correlate EXPR, … [method …] [long]`: the pairwise coefficients with their n.
    package func correlate(_ f: Frame, _ items: [NamedExpr], _ method: CorrelationMethod, long: Bool) throws(Diagnostic) -> Frame {
        Frame(table: try Correlation.table(f, items, method, long: long, rt))
    }
}

/// `correlate`: the matrix of pairwise coefficients. Each coefficient uses the rows
/// where both expressions are non-null (SciPy's `spearmanr`, `pearsonr`, `kendalltau`
/// with tau-b); a constant input gives null. Rows and columns are the expressions,
/// then `n_X` columns give the number of rows behind each coefficient (SPEC §10); with
/// `long`, one row per pair (x before y in the order written).
package enum Correlation {
    package static func table(_ f: Frame, _ items: [NamedExpr], _ method: CorrelationMethod, long: Bool = false,
                              _ rt: Runtime) throws(Diagnostic) -> Table {
        let ev = Evaluator(frame: f, rt: rt)
        var data: [[Double]] = []
        var present: [[Bool]] = []
        for item in items {
            let c = try ev.eval(item.expr)
            let d = c.doubles
            data.append(d)
            present.append((0..<c.count).map { !c.isNull($0) && !d[$0].isNaN })
        }
        let k = items.count
        var r = [[Double?]](repeating: [Double?](repeating: nil, count: k), count: k)
        var n = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in i..<k {
                var x: [Double] = [], y: [Double] = []
                for row in 0..<f.count where present[i][row] && present[j][row] {
                    x.append(data[i][row]); y.append(data[j][row])
                }
                try Cancellation.check()
                let v: Double?
                switch method {
                case .pearson: v = Statistics.pearson(x, y)
                case .spearman: v = Statistics.spearman(x, y)
                case .kendall: v = KendallTau.tauB(x, y)
                }
                // A variable with itself is exactly 1 (when it varies at all).
                let exact = i == j ? v.map { _ in 1.0 } : v
                r[i][j] = exact; r[j][i] = exact
                n[i][j] = x.count; n[j][i] = x.count
            }
        }
        let names = method.resultColumns(items.map(\.name), long: long).map(\.0)
        if long {
            let pairs = (0..<k).flatMap { i in ((i + 1)..<k).map { (i, $0) } }
            return Table(names: names, columns: [
                Column.from(pairs.map { .string(items[$0.0].name) }),
                Column.from(pairs.map { .string(items[$0.1].name) }),
                Column.floats(pairs.map { r[$0.0][$0.1] ?? 0 }, valid: Bitmap.from(pairs.map { r[$0.0][$0.1] != nil })),
                Column.ints(pairs.map { Int64(n[$0.0][$0.1]) }),
            ])
        }
        var columns: [Column] = [Column.from(items.map { .string($0.name) })]
        for j in 0..<k {
            columns.append(Column.floats((0..<k).map { r[$0][j] ?? 0 }, valid: Bitmap.from((0..<k).map { r[$0][j] != nil })))
        }
        for j in 0..<k { columns.append(Column.ints((0..<k).map { Int64(n[$0][j]) })) }
        return Table(names: names, columns: columns)
    }
}
