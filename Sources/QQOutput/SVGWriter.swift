/// A small SVG builder: elements appended as text, coordinates rounded to 0.1 px
/// (deterministic and compact), every piece of user text escaped for XML.
///
/// Styling is by presentation attributes on groups (not CSS), which every SVG
/// consumer understands: browsers, librsvg, Inkscape, image viewers.
struct SVGWriter {
    let width: Double
    let height: Double
    private(set) var body = ""

    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    static let ink = "#222222"
    static let muted = "#666666"
    static let grid = "#e6e6e6"
    static let axis = "#4d4d4d"
    static let mark = "#4c78a8"

    init(width: Double, height: Double) {
        self.width = width; self.height = height
    }

    /// `v` with at most one decimal, no trailing `.0` (`12.5`, `300`, `-0.2`).
    static func num(_ v: Double) -> String {
        // Coordinates stay within ±1e12 px (a NaN is drawn at 0): Int(Double) traps outside Int's range.
        let tenths = clampedInt((v * 10).rounded(), -1 << 40, 1 << 40)
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return m % 10 == 0 ? sign + String(m / 10) : sign + String(m / 10) + "." + String(m % 10)
    }

    /// Text escaped for XML character data and attribute values; control
    /// characters (which XML 1.0 forbids) are written as visible escapes first.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in DisplayWidth.visible(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }

    mutating func raw(_ s: String) { body += s }

    mutating func open(_ tag: String, _ attributes: String) { body += "<\(tag) \(attributes)>\n" }

    mutating func close(_ tag: String) { body += "</\(tag)>\n" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        body += "<line x1=\"\(SVGWriter.num(x1))\" y1=\"\(SVGWriter.num(y1))\" x2=\"\(SVGWriter.num(x2))\" y2=\"\(SVGWriter.num(y2))\"/>\n"
    }

    /// A rectangle, with an optional tooltip (`<title>`), shown on hover in browsers.
    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, tooltip: String? = nil) {
        let r = "<rect x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(y))\" width=\"\(SVGWriter.num(max(w, 0)))\" height=\"\(SVGWriter.num(max(h, 0)))\""
        if let t = tooltip { body += r + "><title>\(SVGWriter.escape(t))</title></rect>\n" } else { body += r + "/>\n" }
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double) {
        body += "<circle cx=\"\(SVGWriter.num(x))\" cy=\"\(SVGWriter.num(y))\" r=\"\(SVGWriter.num(r))\"/>\n"
    }

    /// A text element; `extra` holds further attributes (anchor, transform, …).
    mutating func text(_ x: Double, _ y: Double, _ s: String, _ extra: String = "") {
        let more = extra.isEmpty ? "" : " " + extra
        body += "<text x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(y))\"\(more)>\(SVGWriter.escape(s))</text>\n"
    }

    /// The whole document: XML declaration, `<svg>` with its size and viewBox, an
    /// accessible `<title>`, a white background, then the body.
    func document(title: String, description: String) -> String {
        let w = SVGWriter.num(width), h = SVGWriter.num(height)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="\(SVGWriter.fontFamily)" role="img">
            <title>\(SVGWriter.escape(title))</title>
            <desc>\(SVGWriter.escape(description))</desc>
            <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>

            """ + body + "</svg>\n"
    }

    /// Rough width in px of `s` at `size` px (0.6 em per column), for margins.
    static func textWidth(_ s: String, size: Double) -> Double {
        Double(DisplayWidth.of(s)) * size * 0.6
    }
}
