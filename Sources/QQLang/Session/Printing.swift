import QQData
import QQOutput

/// Printing results to stdout in the session's format (SPEC §6): tables through the
/// table renderer, a value as its text alone on one line in every format.
extension Session {
    var renderOptions: RenderOptions {
        RenderOptions(format: options.format, width: options.width, maxRows: options.maxRows, color: options.color)
    }

    #if QQLANG_OUTPUT
    func printTable(_ f: Frame) {
        output.out(TableRenderer.render(f.table(), options: renderOptions))
    }

    func printValue(_ v: Value) {
        output.out(ValueText.plain(v) + "\n")
    }
    #else
    func printTable(_ f: Frame) {
        let t = f.table()
        var lines = [t.names.joined(separator: ",")]
        for r in 0..<t.rowCount { lines.append(t.row(r).map(\.description).joined(separator: ",")) }
        output.out(lines.joined(separator: "\n") + "\n")
    }

    func printValue(_ v: Value) {
        output.out((v.isNull ? "null" : v.description) + "\n")
    }
    #endif
}
