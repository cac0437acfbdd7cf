import QQData
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

/// Printing results to stdout in the session's format (SPEC §6): tables through the
/// table renderer, a value as its text alone on one line in every format.
extension Session {
    package var renderOptions: RenderOptions {
        RenderOptions(format: options.format, width: options.width, maxRows: options.maxRows, color: options.color)
    }

    package func printTable(_ f: Frame) throws(Diagnostic) {
        var t = try f.checkedTable()
        if f.isComparison && options.format == .table { t = ComparisonText.displayTable(t) }
        output.out(TableRenderer.render(t, options: renderOptions))
    }

    package func printValue(_ v: Value) {
        output.out(ValueText.plain(v) + "\n")
    }
}
