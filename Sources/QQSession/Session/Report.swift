#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQOutput
import QQEngine
import QQSyntax

/// Passes everything to the real output and, while a report is being written, keeps
/// a copy for it: stdout text as the statement's output, stderr text as its notes or
/// error. Tables and charts are recorded structured instead (`suppressed` while they
/// stream), see `Session.printTable` and `Session.show`.
package final class RecordingOutput: SessionOutput {
    private(set) var inner: SessionOutput
    package var report: ReportRecorder?
    package var suppressed = false

    init(_ inner: SessionOutput) { self.inner = inner }

    func swapInner(_ o: SessionOutput) { inner = o }

    package func out(_ text: String) {
        inner.out(text)
        if !suppressed { report?.add(.text(text)) }
    }

    package func err(_ text: String) {
        inner.err(text)
        guard let report else { return }
        if text.contains("error:") { report.add(.error(text)) } else { report.add(.note(text)) }
    }
}

/// A report being collected (SPEC §11): where it goes and what it holds so far.
package final class ReportRecorder {
    package let path: String
    package let overwrite: Bool
    package let version: String
    package var document: ReportDocument

    init(path: String, overwrite: Bool, version: String, title: String) {
        self.path = path; self.overwrite = overwrite; self.version = version
        document = ReportDocument(title: title)
    }

    /// A new statement.
    func begin(_ source: String) { document.entries.append(.init(source: source)) }

    /// Output of the current statement; consecutive text pieces join into one block.
    func add(_ b: ReportDocument.Block) {
        if document.entries.isEmpty { document.entries.append(.init(source: "")) }
        let i = document.entries.count - 1
        if case .text(let t) = b, case .text(let before)? = document.entries[i].blocks.last {
            document.entries[i].blocks[document.entries[i].blocks.count - 1] = .text(before + t)
        } else if case .note(let t) = b, case .note(let before)? = document.entries[i].blocks.last {
            document.entries[i].blocks[document.entries[i].blocks.count - 1] = .note(before + t)
        } else {
            document.entries[i].blocks.append(b)
        }
    }
}

extension Session {
    /// `--report FILE` / `.report FILE [overwrite]`: starts collecting a report. Refused
    /// under `--safe`, and for an existing file without `overwrite` (checked now, so the
    /// user learns before the analysis runs).
    package func startReport(path: String, overwrite: Bool, version: String, title: String? = nil) throws(Diagnostic) {
        guard !options.safe else { throw Diagnostic(.runtime, "--safe mode does not write files ('report')") }
        if recording.report != nil { try finishReport() }
        let target = rt.resolve(path)
        try AtomicFile.checkTarget(target, overwrite: overwrite)
        recording.report = ReportRecorder(path: target, overwrite: overwrite, version: version,
                                          title: title ?? "qq report")
        rt.wantsChartSVG = true
    }

    /// Whether a report is being collected.
    package var isReporting: Bool { recording.report != nil }

    /// Writes the report (describe and fingerprint added now) and stops collecting.
    package func finishReport() throws(Diagnostic) {
        guard let r = recording.report else { return }
        recording.report = nil
        rt.wantsChartSVG = false
        var doc = r.document
        doc.description = describeBlocks()
        doc.fingerprint = fingerprint(version: r.version)
        try AtomicFile.write(doc.html(), to: r.path, overwrite: r.overwrite)
    }

    /// Records the start of a statement: its text exactly as typed.
    package func reportStatement(_ text: String) {
        recording.report?.begin(text)
        rt.chartSVG = nil
    }

    /// A table for the report: the rows the terminal would show (`.rows`), with the count.
    package func reportTable(_ t: Table, total: Int) {
        guard let r = recording.report else { return }
        r.add(.table(HTMLTable.render(t, shown: options.maxRows > 0 ? options.maxRows : t.rowCount, total: total)))
    }

    /// The dataset's `describe`, captured as the terminal shows it.
    func describeBlocks() -> [ReportDocument.Block] {
        let saved = options
        let report = ReportRecorder(path: "", overwrite: false, version: "", title: "")
        report.begin("describe")
        recording.report = report
        options.format = .table
        let quiet = recording.suppressed
        defer { recording.report = nil; options = saved; recording.suppressed = quiet }
        // Only the report sees it: the real output is bypassed.
        let inner = recording.inner
        let sink = DiscardOutput()
        recording.swapInner(sink)
        defer { recording.swapInner(inner) }
        do { try describe(nil) } catch { report.add(.error(error.message)) }
        return report.document.entries.first?.blocks ?? []
    }

    /// qq's version, the date, the loaded files' hash and the settings in force.
    func fingerprint(version: String) -> [(String, String)] {
        let s = rt.settings
        var settings = "damping \(Value.formatFloat(s.damping)), max_iterations \(s.maxIterations), "
            + "tolerance \(Value.formatFloat(s.tolerance)), seed \(s.seed), "
            + "betweenness_exact_limit \(s.betweennessExactLimit), betweenness_samples \(s.betweennessSamples)"
        if let rule = s.suspicious { settings += ", suspicious \(rule)" }
        settings += ", today \(CivilDate(daysSinceEpoch: rt.today).iso)"
        if !rt.window.isOpen { settings += ", window \(rt.window)" }
        return [
            ("qq", version),
            ("date", Report.now()),
            ("dataset", rt.full.origin),
            ("files (FNV-1a 64)", Report.hash(origin: rt.full.origin, isSample: rt.full.isSample)),
            ("settings", settings),
        ]
    }
}

/// An output that drops everything (describe's text goes to the report only).
final class DiscardOutput: SessionOutput {
    func out(_ text: String) {}
    func err(_ text: String) {}
}

enum Report {
    /// The current UTC time, ISO 8601.
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A hash of the files the dataset came from: FNV-1a (64 bits) over each file's
    /// name and bytes — a folder's regular files in name order — so a changed or
    /// swapped file changes it. The built-in sample is generated, not read.
    static func hash(origin: String, isSample: Bool) -> String {
        if isSample { return "built-in sample (generated)" }
        var files: [String] = []
        var st = stat()
        guard stat(origin, &st) == 0 else { return "not a file (\(origin))" }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            guard let dir = opendir(origin) else { return "unreadable" }
            while let e = readdir(dir) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if !name.hasPrefix(".") { files.append(origin + "/" + name) }
            }
            closedir(dir)
            files.sort()
        } else {
            files = [origin]
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: UnsafeRawBufferPointer) {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for f in files {
            var fs = stat()
            guard stat(f, &fs) == 0, (fs.st_mode & S_IFMT) == S_IFREG else { continue }
            Array(f.split(separator: "/").last ?? "").withUnsafeBytes(mix)
            let fd = open(f, O_RDONLY)
            guard fd >= 0 else { continue }
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                buffer.withUnsafeBytes { mix(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            }
            close(fd)
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + " (\(files.count) file\(files.count == 1 ? "" : "s"))"
    }
}

extension Report {
    /// A statement's text exactly as typed (its span of the script).
    static func source(of span: SourceSpan, in text: String) -> String {
        let bytes = Array(text.utf8)
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The line holding byte offset `at` (a statement that did not parse).
    static func line(at: Int?, in text: String) -> String {
        let bytes = Array(text.utf8)
        guard let at, at <= bytes.count else { return "" }
        var lo = min(at, bytes.count), hi = lo
        while lo > 0 && bytes[lo - 1] != 10 { lo -= 1 }
        while hi < bytes.count && bytes[hi] != 10 { hi += 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
