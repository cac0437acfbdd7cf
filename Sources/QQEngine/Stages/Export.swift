import QQData
import QQOutput
import QQSyntax
import QQSemantic


extension Executor {
    /// `export "file.ext" [overwrite]`: writes the rows in the format the extension
    /// names, atomically (temp file + rename), refusing an existing file unless
    /// `overwrite`, and refusing any file under `--safe`.
    package func export(_ f: Frame, path: String, overwrite: Bool, span: SourceSpan) throws(Diagnostic) -> String {
        guard !rt.safe else {
            throw Diagnostic(.runtime, "--safe mode does not write files ('export')", span: span)
        }
        guard let format = ExportFormat.forPath(path) else {
            let ext = ExportFormat.extensions.map { "." + $0 }
            throw Diagnostic(.runtime, "cannot tell the format of '\(path)' from its name", span: span,
                             hint: "end it with " + ext.dropLast().joined(separator: ", ") + " or " + (ext.last ?? ""))
        }
        let target = rt.resolve(path)
        do { try AtomicFile.checkTarget(target, overwrite: overwrite) } catch { throw error.at(span) }
        // A compare in markdown reads as the terminal shows it: each row formatted on its own.
        let table = f.isComparison && format == .markdown ? ComparisonText.displayTable(try f.checkedTable()) : try f.checkedTable()
        let bytes = TableRenderer.renderUTF8(table, options: RenderOptions(format: format, maxRows: 0))
        do { try AtomicFile.write(bytes, to: target, overwrite: overwrite) } catch { throw error.at(span) }
        return "wrote \(f.count) row\(f.count == 1 ? "" : "s") to \(path)"
    }
}

extension Diagnostic {
    /// The same diagnostic pointing at `span` when it had no place yet.
    package func at(_ span: SourceSpan) -> Diagnostic {
        var d = self
        if d.span == nil && d.position == nil { d.span = span }
        return d
    }
}
