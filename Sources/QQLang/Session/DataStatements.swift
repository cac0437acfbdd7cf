import QQData
import QQIO

/// `load`, `save`, `generate` (SPEC §2) and `help`. A load either completes or changes
/// nothing: the new dataset is swapped in only when the loader returns, and the
/// metric cache and edge tables follow the dataset's generation.
extension Session {
    #if QQLANG_IO
    #else
    func load(_ target: LoadTarget, lenient: Bool, span: SourceSpan) throws(Diagnostic) {
        throw Diagnostic(.internal, "internal error: loading is not linked into this build", span: span)
    }

    func generate(accounts: Expr, follows: Expr, seed: Expr?, span: SourceSpan) throws(Diagnostic) {
        throw Diagnostic(.internal, "internal error: the generator is not linked into this build", span: span)
    }

    func save(_ path: StringLiteral, overwrite: Bool) throws(Diagnostic) {
        throw Diagnostic(.internal, "internal error: saving is not linked into this build", span: path.span)
    }
    #endif

    func help(_ topic: String?, span: SourceSpan) throws(Diagnostic) {
        throw Diagnostic(.internal, "internal error: help is not linked into this build", span: span)
    }

    /// Installs a new dataset: caches keyed on the old one are dropped.
    func replaceDataset(_ ds: Dataset) {
        rt.dataset = ds
        rt.metrics.removeAll()
        rt.edgeCache = (nil, nil)
    }
}
