import QQData

/// A Spark Connect address, `sc://HOST[:PORT][/;param=value…]` (Spark's connection
/// string; the port defaults to 15002). Parameters are accepted and ignored, except
/// that `use_ssl=true` is refused: qq speaks plaintext gRPC only.
public struct SparkAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) { self.host = host; self.port = port }

    public init(parsing text: String) throws(Diagnostic) {
        guard text.hasPrefix("sc://") else {
            throw Diagnostic(.runtime, "a Spark address starts with sc://, found '\(text)'", hint: "e.g. sc://127.0.0.1:15002")
        }
        var rest = Substring(text.dropFirst(5))
        var params = Substring("")
        if let slash = rest.firstIndex(of: "/") { params = rest[slash...]; rest = rest[..<slash] }
        if params.lowercased().contains("use_ssl=true") {
            throw Diagnostic(.runtime, "qq connects to Spark without TLS; use_ssl is not supported")
        }
        var host = rest, port = 15002
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw Diagnostic(.runtime, "bad Spark address '\(text)'") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else { throw Diagnostic(.runtime, "bad port in Spark address '\(text)'") }
                port = p
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else {
                throw Diagnostic(.runtime, "bad port in Spark address '\(text)'")
            }
            port = p
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-_:".contains($0) }) else {
            throw Diagnostic(.runtime, "bad host in Spark address '\(text)'")
        }
        self.host = String(host); self.port = port
    }

    public var description: String { "sc://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
