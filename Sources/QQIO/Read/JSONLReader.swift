import QQData

/// JSON Lines for `read`: one object per line whose values are scalars (string,
/// number, true, false, null). Columns are the keys in order of first appearance; a
/// key missing from a line is null there. Numbers and booleans are typed as in a CSV
/// file (int, float, bool); JSON strings stay text. Blank lines are skipped. Errors
/// name `file:line:column`.
enum JSONLReader {
    static func read(path: String) throws(Diagnostic) -> Table {
        let bytes = try ByteSource(path: path).readAll()
        var p = JSONLParser(bytes: bytes, path: path)
        return try p.table()
    }
}

struct JSONLParser {
    let b: [UInt8]
    let path: String
    var i = 0
    var line = 1
    var lineStart = 0
    var names: [String] = []
    var index: [String: Int] = [:]
    var columns: [RawColumn] = []
    var rows = 0

    init(bytes: [UInt8], path: String) {
        b = bytes; self.path = path
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
    }

    func error(_ message: String, hint: String? = nil) -> Diagnostic {
        var col = 1
        var k = lineStart
        while k < min(i, b.count) { if b[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
        return Diagnostic(.io, message, position: FilePosition(file: path, line: line, column: col), hint: hint)
    }

    mutating func table() throws(Diagnostic) -> Table {
        while i < b.count {
            skipSpaces()
            if i < b.count && (b[i] == 10 || b[i] == 13) { newline(); continue }
            if i >= b.count { break }
            try object()
            skipSpaces()
            if i < b.count && b[i] != 10 && b[i] != 13 { throw error("expected the end of the line after the object") }
            if i < b.count { newline() }
            if rows & 65535 == 0 { try Cancellation.check() }
        }
        if names.isEmpty { throw Diagnostic(.io, "no objects: expected one JSON object per line", position: FilePosition(file: path, line: line, column: 1)) }
        let cols = columns.map { RawColumn.finish([$0], fileQuotesEverything: false) }
        return Table(names: names, columns: cols)
    }

    mutating func newline() {
        if b[i] == 13 && i + 1 < b.count && b[i + 1] == 10 { i += 1 }
        i += 1; line += 1; lineStart = i
    }

    mutating func skipSpaces() { while i < b.count && (b[i] == 32 || b[i] == 9) { i += 1 } }

    /// object := '{' [ string ':' scalar { ',' string ':' scalar } ] '}'
    mutating func object() throws(Diagnostic) {
        guard b[i] == UInt8(ascii: "{") else { throw error("expected a JSON object '{' at the start of the line") }
        i += 1
        var seen = Set<Int>()
        skipSpaces()
        if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; finishRow(seen); return }
        while true {
            skipSpaces()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let key = try string()
            skipSpaces()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            i += 1
            skipSpaces()
            var slot = index[key]
            if slot == nil {
                slot = names.count
                index[key] = slot
                names.append(key)
                var c = RawColumn()
                for _ in 0..<rows { c.appendNull() }
                columns.append(c)
            }
            guard seen.insert(slot!).inserted else { throw error("duplicate key '\(key)' in one object") }
            try scalar(into: slot!)
            skipSpaces()
            guard i < b.count else { throw error("expected ',' or '}'") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; break }
            throw error("expected ',' or '}'")
        }
        finishRow(seen)
    }

    mutating func finishRow(_ seen: Set<Int>) {
        for k in columns.indices where !seen.contains(k) { columns[k].appendNull() }
        rows += 1
    }

    /// scalar := string | number | 'true' | 'false' | 'null'
    mutating func scalar(into slot: Int) throws(Diagnostic) {
        guard i < b.count else { throw error("expected a value") }
        let c = b[i]
        if c == UInt8(ascii: "\"") {
            let s = Array(try string().utf8)
            s.withUnsafeBufferPointer { columns[slot].append($0, quoted: true) }
            return
        }
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
            throw error("expected a number, string, true, false or null", hint: "nested objects and arrays are not read")
        }
        let start = i
        while i < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 32, 9, 10, 13].contains(b[i]) { i += 1 }
        let word = b[start..<i]
        if word.elementsEqual("null".utf8) { columns[slot].appendNull(); return }
        let isNumber = !word.isEmpty && word.allSatisfy { ($0 >= 48 && $0 <= 57) || [43, 45, 46, 69, 101].contains($0) }
        guard isNumber || word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) else {
            i = start
            throw error("expected a number, string, true, false or null")
        }
        Array(word).withUnsafeBufferPointer { columns[slot].append($0, quoted: false) }
    }

    /// A JSON string at `i` (its opening quote), escapes decoded.
    mutating func string() throws(Diagnostic) -> String {
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == 10 || c == 13 { break }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { break }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "u"):
                guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                    throw error("bad \\u escape in string")
                }
                i += 4
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8))
            default: out.append(e)
            }
        }
        throw error("unterminated string")
    }
}
