// `confusion PREDICTED, ACTUAL`: the 2×2 confusion matrix of a binary classifier.
//
// Definition. Over the rows flowing in, PREDICTED is the rule's verdict and ACTUAL the
// truth. A row where both are true is a true positive (tp), predicted but not actual a
// false positive (fp), actual but not predicted a false negative (fn), neither a true
// negative (tn). A row where either condition is null is not counted (`skipped`).
//
//   precision = tp / (tp + fp)            recall = tp / (tp + fn)
//   f1        = 2·tp / (2·tp + fp + fn)   (the harmonic mean of precision and recall)
//   mcc       = (tp·tn − fp·fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn))
//
// Each score is null when its denominator is 0 (precision when nothing is predicted,
// recall when nothing is actual, f1 when neither is, mcc when any of the four margins
// is empty), as a division by zero is null everywhere in qq. Where both are defined,
// the values agree with scikit-learn's `precision_score`, `recall_score`, `f1_score`
// and `matthews_corrcoef` (which return 0 with a warning where qq returns null).
//
// Reference: B. W. Matthews, "Comparison of the predicted and observed secondary
// structure of T4 phage lysozyme", Biochimica et Biophysica Acta 405 (1975) 442–451;
// C. J. van Rijsbergen, Information Retrieval, 2nd ed. (1979), ch. 7 (F-measure).
import QQData
import QQSemantic

package enum Confusion {
    /// The four counts and the rows left out.
    package struct Counts: Equatable, Sendable {
        package var tp = 0, fp = 0, fn = 0, tn = 0, skipped = 0
        package init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0, skipped: Int = 0) {
            self.tp = tp; self.fp = fp; self.fn = fn; self.tn = tn; self.skipped = skipped
        }

        package var precision: Double? { ratio(tp, tp + fp) }
        package var recall: Double? { ratio(tp, tp + fn) }
        package var f1: Double? { ratio(2 * tp, 2 * tp + fp + fn) }
        package var mcc: Double? {
            let margins = [tp + fp, tp + fn, tn + fp, tn + fn].map(Double.init)
            guard !margins.contains(0) else { return nil }
            let num = Double(tp) * Double(tn) - Double(fp) * Double(fn)
            return num / (margins[0] * margins[1] * margins[2] * margins[3]).squareRoot()
        }

        private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    }

    /// Counts the rows of two boolean columns of equal length.
    package static func count(predicted p: Column, actual a: Column) throws(Diagnostic) -> Counts {
        var c = Counts()
        let pb = bools(p), ab = bools(a)
        for i in 0..<min(p.count, a.count) {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            guard let x = pb?[i], let y = ab?[i], !p.isNull(i), !a.isNull(i) else { c.skipped += 1; continue }
            switch (x, y) {
            case (true, true): c.tp += 1
            case (true, false): c.fp += 1
            case (false, true): c.fn += 1
            case (false, false): c.tn += 1
            }
        }
        return c
    }

    /// One row: tp, fp, fn, tn, skipped, precision, recall, f1, mcc.
    package static func table(_ f: Frame, _ predicted: BoundExpr, _ actual: BoundExpr, _ rt: Runtime) throws(Diagnostic) -> Table {
        let ev = Evaluator(frame: f, rt: rt)
        let c = try count(predicted: try ev.eval(predicted), actual: try ev.eval(actual))
        let scores = [c.precision, c.recall, c.f1, c.mcc]
        let columns = [c.tp, c.fp, c.fn, c.tn, c.skipped].map { Column.ints([Int64($0)]) }
            + scores.map { Column.floats([$0 ?? 0], valid: Bitmap.from([$0 != nil])) }
        return Table(names: ["tp", "fp", "fn", "tn", "skipped", "precision", "recall", "f1", "mcc"], columns: columns)
    }

    /// The values of a bool column; nil for a column of nulls only.
    private static func bools(_ c: Column) -> [Bool]? {
        if case .bool(let b) = c.storage { return b }
        return nil
    }
}
