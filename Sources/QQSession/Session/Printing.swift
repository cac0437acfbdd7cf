import QQData
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

/// Printing results to stdout in the session's format (SPEC §6): tables through the
/// table renderer, a value as its text alone on one line in every format.
///
/// A result is printed as it is read, a block of rows at a time (`RowSource`): the
/// frame's columns are gathered only for the rows being written, so csv of 20
/// million edges shows its first row at once, and Ctrl-C stops the output between
/// blocks. When stdout is not a terminal (`fitsTerminal` false), tables are never
/// cut: every column and every row at full width.
extension Session {
    package var renderOptions: RenderOptions {
        let fit = options.fitsTerminal
        return RenderOptions(format: options.format, width: fit ? options.width : 0,
                             maxRows: fit ? options.maxRows : 0, color: options.color)
    }

    package func printTable(_ f: Frame) throws(Diagnostic) {
        if isReporting {
            // The report gets the table itself (exact values kept); the text is not copied.
            let shown = options.maxRows > 0 ? min(options.maxRows, f.count) : f.count
            let head = try f.select((0..<shown).map { UInt32($0) }).checkedTable()
            reportTable(f.isComparison ? ComparisonText.displayTable(head) : head, total: f.count)
            recording.suppressed = true
        }
        defer { recording.suppressed = false }
        if f.isComparison && (options.format == .table || options.format == .markdown) {
            let t = ComparisonText.displayTable(try f.checkedTable())
            return try TableRenderer.stream(RowSource(t), options: renderOptions) { (s: String) throws(Diagnostic) in output.out(s) }
        }
        let rows = RowSource(names: f.names, count: f.count) { (r: Range<Int>) throws(Diagnostic) -> Table in
            if r == 0..<f.count { return try f.checkedTable() }
            return try f.select((r.lowerBound..<r.upperBound).map { UInt32($0) }).checkedTable()
        }
        try printRows(rows)
    }

    /// Prints rows read a block at a time, polling Ctrl-C after each block.
    package func printRows(_ rows: RowSource) throws(Diagnostic) {
        try TableRenderer.stream(rows, options: renderOptions) { (s: String) throws(Diagnostic) in
            output.out(s)
            try Cancellation.check()
        }
    }

    /// `follows` (src, dst) read from the follow graph's CSR for just the rows asked
    /// for: the source of an edge is found by a binary search over the offsets, so no
    /// array of 20 million source ids is built before the first row.
    package func followsRows() -> RowSource {
        let out = rt.dataset.follows.out
        let handles = rt.dataset.accounts.columns[0]
        return RowSource(names: ["src", "dst"], count: out.edgeCount) { (r: Range<Int>) throws(Diagnostic) -> Table in
            let offsets = out.offsets, n = out.nodeCount
            // The last node whose edges start at or before r.lowerBound.
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if offsets[mid] <= r.lowerBound { lo = mid } else { hi = mid - 1 }
            }
            var v = min(lo, max(n - 1, 0))
            var src: [UInt32] = []
            src.reserveCapacity(r.count)
            for k in r {
                while v + 1 < n, offsets[v + 1] <= k { v += 1 }
                src.append(UInt32(v))
            }
            let dst = Array(out.targets[r])
            return Table(names: ["src", "dst"], columns: [Gather.column(handles, src), Gather.column(handles, dst)])
        }
    }

    package func printValue(_ v: Value) {
        output.out(ValueText.plain(v) + "\n")
    }
}
