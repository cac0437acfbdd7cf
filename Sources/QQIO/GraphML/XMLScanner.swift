import QQData

/// One step of an XML document, as GraphML needs it.
enum XMLEvent {
    /// `<name a="v">` (or `<name/>`, followed by an `.end`); `offset` is where `<` is.
    case start(name: String, attributes: [String: String], offset: Int)
    case end(name: String, offset: Int)
    /// Character data (entities decoded, CDATA included).
    case text(String)
}

/// A small pull scanner over XML bytes: elements, attributes, text, the five named
/// entities and numeric character references, CDATA, and skipping of comments,
/// processing instructions and DOCTYPE. Namespace prefixes are dropped from element
/// names (GraphML is one vocabulary). It checks that tags nest; it does not validate.
///
/// It streams: bytes come from a `ByteSource` (plain or gzip) into a window that
/// holds the current token, and what has been scanned is dropped, so a document is
/// never held whole. One token (a tag, a text run, a comment) may be at most
/// `maxTokenBytes`; past it the scan stops with an error (a `/dev/zero` or a file
/// with no `<` cannot grow memory). Offsets are absolute byte offsets in the
/// (decompressed) document; `mark(_:)` turns one into a line and column.
struct XMLScanner {
    let path: String
    private let source: ByteSource?
    /// The window: `buf[0]` is byte `base` of the document.
    private var buf: [UInt8]
    private var base = 0
    /// Scan position in `buf`.
    private var i = 0
    private var atEOF: Bool
    private var stack: [String] = []
    private var pendingEnd: (String, Int)? = nil
    private var started = false
    /// Where the current token starts in `buf` (the window never drops it).
    private var tokenStart = 0
    /// An error met while reading more bytes, reported by `next()`.
    private var readError: Diagnostic? = nil
    /// The largest the window has been, in bytes (tests check that it stays small).
    private(set) var peakWindow = 0
    /// Line and column of absolute offset `lineOffset` (advanced as marks are asked for).
    private var lineOffset = 0, line = 1, column = 1

    /// The largest token (tag, text run, comment, CDATA section) accepted.
    static let maxTokenBytes = 64 << 20
    static let chunk = 1 << 20

    /// A scanner over bytes already in memory (tests, small documents).
    init(bytes: [UInt8], path: String) {
        self.path = path; source = nil; buf = bytes; atEOF = true
    }

    /// A scanner reading `source` as it goes.
    init(source: ByteSource, path: String) {
        self.path = path; self.source = source; buf = []; atEOF = false
    }

    /// Absolute offset of the scan position.
    var pos: Int { base + i }

    /// True when the document has no bytes at all (reads the first block).
    mutating func isEmpty() throws(Diagnostic) -> Bool {
        let has = has(0)
        if let readError { throw readError }
        return !has
    }

    // MARK: the window

    /// True when `buf[k]` exists, reading more of the source when needed.
    @inline(__always) private mutating func has(_ k: Int) -> Bool {
        k < buf.count || fill(k)
    }

    private mutating func fill(_ k: Int) -> Bool {
        guard let source else { return false }
        while k >= buf.count && !atEOF && readError == nil {
            if buf.count - tokenStart >= XMLScanner.maxTokenBytes {
                readError = Diagnostic(.io, "a tag, text or comment longer than \(XMLScanner.maxTokenBytes >> 20) MiB: expected GraphML",
                                       position: position(base + tokenStart),
                                       hint: "qq reads GraphML tokens of at most 64 MiB; is this an XML file?")
                return false
            }
            let old = buf.count
            // A small plain file is read in one block of its size (one more byte sees its end).
            var size = XMLScanner.chunk
            if source.isRegular && !source.isGzip { size = min(size, max(4096, source.fileSize + 1 - (base + old))) }
            buf.append(contentsOf: repeatElement(0, count: size))
            var failure: Diagnostic? = nil
            let n = buf.withUnsafeMutableBytes { raw -> Int in
                do throws(Diagnostic) { return try source.read(into: raw.baseAddress! + old, count: size) } catch {
                    failure = error
                    return 0
                }
            }
            buf.removeLast(size - n)
            if let failure { readError = failure } else if n == 0 { atEOF = true }
            peakWindow = max(peakWindow, buf.count)
        }
        return k < buf.count
    }

    /// Drops the bytes before the current position once there are many.
    private mutating func compact() {
        guard source != nil, i >= XMLScanner.chunk else { return }
        advanceLines(to: base + i)
        buf.removeFirst(i)
        base += i
        i = 0
    }

    // MARK: positions

    /// Moves the line counter forward to absolute `offset` (within the window).
    private mutating func advanceLines(to offset: Int) {
        var k = max(lineOffset, base)
        let end = min(offset, base + buf.count)
        while k < end {
            let c = buf[k - base]
            if c == 10 { line += 1; column = 1 } else if c & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        if end > lineOffset { lineOffset = end }
    }

    /// Line and column of `offset` packed in one Int (for positions kept until the
    /// end of the document, such as a `<data>` whose value is checked last).
    /// Offsets must be asked for in increasing order; an earlier one gives the last
    /// position counted.
    mutating func mark(_ offset: Int) -> Int {
        advanceLines(to: offset)
        return line << 24 | min(column, (1 << 24) - 1)
    }

    func position(mark m: Int) -> FilePosition {
        FilePosition(file: path, line: m >> 24, column: m & ((1 << 24) - 1))
    }

    /// `file:line:column` of a byte offset in the window, for errors.
    func position(_ offset: Int) -> FilePosition {
        var l = line, c = column
        var k = max(lineOffset, base)
        let end = min(offset, base + buf.count)
        while k < end {
            let b = buf[k - base]
            if b == 10 { l += 1; c = 1 } else if b & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return FilePosition(file: path, line: l, column: c)
    }

    func error(_ message: String, at offset: Int, hint: String? = nil) -> Diagnostic {
        Diagnostic(.io, message, position: position(offset), hint: hint)
    }

    // MARK: scanning

    private mutating func starts(_ s: StaticString, at k: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard has(k + n - 1) else { return false }
        let u = s.utf8Start
        for j in 0..<n where buf[k + j] != u[j] { return false }
        return true
    }

    private mutating func find(_ s: StaticString, from k: Int) -> Int? {
        var j = k
        let first = s.utf8Start[0]
        while has(j) {
            if buf[j] == first && starts(s, at: j) { return j }
            j += 1
        }
        return nil
    }

    /// The next event, or nil at the end of the document.
    mutating func next() throws(Diagnostic) -> XMLEvent? {
        do {
            return try scan()
        } catch {
            // A read error (I/O, gzip, size limit) explains an unexpected end better.
            if let readError { throw readError }
            throw error
        }
    }

    private mutating func scan() throws(Diagnostic) -> XMLEvent? {
        if let (name, off) = pendingEnd { pendingEnd = nil; return .end(name: name, offset: off) }
        compact()
        if !started {
            started = true
            if has(2) && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { i = 3 }
        }
        while true {
            // Comments and white space between events are dropped as they go too.
            compact()
            tokenStart = i
            guard has(i) else { break }
            if buf[i] != 60 {
                let startText = i
                if stack.isEmpty {
                    // Outside the document element only white space may stand.
                    while has(i) && buf[i] != 60 {
                        let c = buf[i]
                        guard c == 32 || c == 9 || c == 10 || c == 13 else {
                            throw error("expected '<', found text outside the document element", at: base + i)
                        }
                        i += 1
                        if i - tokenStart > 4096 { compact(); tokenStart = i }
                    }
                    if readError != nil { throw readError! }
                    continue
                }
                while has(i) && buf[i] != 60 { i += 1 }
                if readError != nil { throw readError! }
                return .text(try decode(startText, i))
            }
            let open = i
            if starts("<!--", at: i) {
                guard let e = find("-->", from: i + 4) else { throw error("unterminated comment: expected '-->'", at: base + open) }
                i = e + 3; continue
            }
            if starts("<![CDATA[", at: i) {
                guard let e = find("]]>", from: i + 9) else { throw error("unterminated CDATA section: expected ']]>'", at: base + open) }
                let s = String(decoding: buf[(i + 9)..<e], as: UTF8.self)
                i = e + 3
                return .text(s)
            }
            if starts("<?", at: i) {
                guard let e = find("?>", from: i + 2) else { throw error("unterminated processing instruction: expected '?>'", at: base + open) }
                i = e + 2; continue
            }
            if starts("<!", at: i) {
                guard let e = find(">", from: i + 2) else { throw error("unterminated declaration: expected '>'", at: base + open) }
                i = e + 1; continue
            }
            if starts("</", at: i) {
                i += 2
                let name = localName(scanName())
                skipSpace()
                guard has(i) && buf[i] == 62 else { throw error("expected '>' to close '</\(name)'", at: base + i) }
                i += 1
                guard let top = stack.popLast() else { throw error("unexpected closing tag '</\(name)>'", at: base + open) }
                guard top == name else { throw error("expected '</\(top)>', found '</\(name)>'", at: base + open) }
                return .end(name: name, offset: base + open)
            }
            i += 1
            let name = localName(scanName())
            if name.isEmpty { throw error("expected an element name after '<'", at: base + i) }
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard has(i) else { throw error("unterminated tag '<\(name)': expected '>'", at: base + open) }
                if buf[i] == 62 { i += 1; stack.append(name); break }
                if buf[i] == 47 {
                    guard has(i + 1) && buf[i + 1] == 62 else { throw error("expected '/>'", at: base + i) }
                    i += 2
                    pendingEnd = (name, base + open)
                    break
                }
                let attrAt = i
                let key = scanName()
                if key.isEmpty { throw error("expected an attribute name or '>' in '<\(name)', found '\(RecordScanner.show(buf[i]))'", at: base + i) }
                skipSpace()
                guard has(i) && buf[i] == 61 else { throw error("expected '=' after attribute '\(key)'", at: base + attrAt) }
                i += 1; skipSpace()
                guard has(i), buf[i] == 34 || buf[i] == 39 else { throw error("expected a quoted value for attribute '\(key)'", at: base + i) }
                let q = buf[i]
                let vs = i + 1
                i = vs
                while has(i) && buf[i] != q { i += 1 }
                guard has(i) else { throw error("unterminated value of attribute '\(key)'", at: base + vs - 1) }
                attributes[key] = try decode(vs, i)
                i += 1
            }
            return .start(name: name, attributes: attributes, offset: base + open)
        }
        if let readError { throw readError }
        if let top = stack.last { throw error("expected '</\(top)>' before the end of the file", at: base + buf.count) }
        return nil
    }

    private mutating func skipSpace() {
        while has(i), buf[i] == 32 || buf[i] == 9 || buf[i] == 10 || buf[i] == 13 { i += 1 }
    }

    private mutating func scanName() -> String {
        let s = i
        while has(i) {
            let c = buf[i]
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 62 || c == 47 || c == 61 || c == 60 { break }
            i += 1
        }
        return String(decoding: buf[s..<i], as: UTF8.self)
    }

    private func localName(_ n: String) -> String {
        if let c = n.lastIndex(of: ":") { return String(n[n.index(after: c)...]) }
        return n
    }

    /// Text of `buf[from..<to]` with entities decoded; invalid UTF-8 is an error with its position.
    private func decode(_ from: Int, _ to: Int) throws(Diagnostic) -> String {
        let bad = buf.withUnsafeBufferPointer { RecordScanner.firstInvalidUTF8($0.baseAddress!, from, to) }
        if let bad { throw error("expected UTF-8 text, found byte 0x\(hex(buf[bad]))", at: base + bad) }
        var out = [UInt8]()
        out.reserveCapacity(to - from)
        var k = from
        while k < to {
            let c = buf[k]
            if c != 38 { out.append(c); k += 1; continue }
            var j = k + 1
            while j < to && buf[j] != 59 && j - k < 12 { j += 1 }
            guard j < to && buf[j] == 59 else { throw error("expected ';' to end the entity reference", at: base + k) }
            let name = String(decoding: buf[(k + 1)..<j], as: UTF8.self)
            switch name {
            case "lt": out.append(60)
            case "gt": out.append(62)
            case "amp": out.append(38)
            case "quot": out.append(34)
            case "apos": out.append(39)
            default:
                var scalar: UInt32? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst(), radix: 10) }
                guard let v = scalar, let u = Unicode.Scalar(v) else { throw error("unknown entity '&\(name);'", at: base + k) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            }
            k = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
