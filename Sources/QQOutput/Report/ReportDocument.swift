/// A report (SPEC §11 `--report out.html`, `.report FILE`): one self-contained HTML
/// page — inline CSS and SVG, no scripts, no external URL — with every statement as
/// typed and what it showed, then the dataset's description and a fingerprint.
/// It prints well: statements are kept with their output across page breaks where
/// they fit, and wide tables shrink instead of being cut.
public struct ReportDocument: Sendable {
    /// What a statement showed.
    public enum Block: Sendable {
        /// An HTML table from `HTMLTable.render`.
        case table(String)
        /// An inline SVG chart (its XML declaration dropped).
        case chart(String)
        /// Text as the terminal shows it (values, help, charts without SVG).
        case text(String)
        case note(String)
        case error(String)
    }

    public struct Entry: Sendable {
        public var source: String
        public var blocks: [Block] = []
        public init(source: String) { self.source = source }
    }

    public var title: String
    public var entries: [Entry] = []
    /// The dataset's `describe`, as blocks.
    public var description: [Block] = []
    /// Fingerprint lines: (what, value).
    public var fingerprint: [(String, String)] = []

    public init(title: String) { self.title = title }

    static let css = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.4}
        h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
        .stmt{margin:1.2em 0;break-inside:avoid-page;page-break-inside:avoid}
        pre{margin:.3em 0;white-space:pre-wrap;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em}
        pre.src{background:#f3f4f6;border-left:3px solid #4e79a7;padding:.4em .6em}
        pre.src::before{content:"qq> ";color:#888}
        pre.out{padding:0 .6em}
        table{border-collapse:collapse;margin:.4em 0;font-size:.85em}
        th,td{border-bottom:1px solid #e3e3e3;padding:.15em .6em;text-align:left;vertical-align:top}
        th{border-bottom:2px solid #999}.num{text-align:right;font-variant-numeric:tabular-nums}
        td.null{background:#fafafa}p.more{color:#666;font-size:.85em;margin:.2em 0}
        .note{color:#7a5b00;font-size:.85em}.error{color:#b00020;background:#fff0f0;padding:.3em .6em}
        svg{max-width:100%;height:auto}dl.fp{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;font-size:.85em}
        dl.fp dt{color:#666}dl.fp dd{margin:0;font-family:"DejaVu Sans Mono",Menlo,monospace;word-break:break-all}
        @media print{body{margin:0;max-width:none}table{font-size:.75em}a{color:inherit}}
        """

    /// The page.
    public func html() -> String {
        let e = HTMLTable.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"generator\" content=\"qq\">\n<title>\(e(title))</title>\n<style>\n\(ReportDocument.css)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(title))</h1>\n"
        if let date = fingerprint.first(where: { $0.0 == "date" })?.1 { out += "<p class=\"note\">\(e(date))</p>\n" }
        out += "<h2>Statements</h2>\n"
        for (i, entry) in entries.enumerated() {
            out += "<section class=\"stmt\" id=\"s\(i + 1)\">\n<pre class=\"src\">\(e(entry.source))</pre>\n"
            for b in entry.blocks { out += ReportDocument.html(b) }
            out += "</section>\n"
        }
        out += "<h2>Dataset</h2>\n"
        for b in description { out += ReportDocument.html(b) }
        out += "<h2>Fingerprint</h2>\n<dl class=\"fp\">\n"
        for (k, v) in fingerprint { out += "<dt>\(e(k))</dt><dd>\(e(v))</dd>\n" }
        out += "</dl>\n</body>\n</html>\n"
        return out
    }

    static func html(_ b: Block) -> String {
        let e = HTMLTable.escape
        switch b {
        case .table(let t): return t
        case .chart(let svg):
            // Inline SVG needs no XML declaration.
            var s = Substring(svg)
            if s.hasPrefix("<?xml"), let end = s.firstIndex(of: "\n") { s = s[s.index(after: end)...] }
            // HTML puts <svg> in the SVG namespace itself: the page names no URL at all.
            let inline = String(s).replacing(" xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            return "<figure>\n\(inline)</figure>\n"
        case .text(let t): return "<pre class=\"out\">\(e(t))</pre>\n"
        case .note(let t): return "<pre class=\"note\">\(e(t))</pre>\n"
        case .error(let t): return "<pre class=\"error\">\(e(t))</pre>\n"
        }
    }
}
