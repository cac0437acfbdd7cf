import QQData

// Arrow IPC streaming format (https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format):
// a sequence of encapsulated messages, each
//   <0xFFFFFFFF continuation> <int32 metadata size> <flatbuffer Message, padded> <body>
// (streams from before Arrow 0.15 omit the continuation word), ended by a size of 0
// or by the end of the bytes. The first message is the Schema, then RecordBatches.
// Message (Message.fbs): version 0, header_type 1, header 2, bodyLength 3.

/// Decodes Arrow IPC streams into qq tables. One reader may read several streams
/// (Spark Connect sends each batch as a stream of its own): every stream's schema must
/// match the first one's, so the tables can be concatenated.
public struct ArrowStreamReader: Sendable {
    /// The schema of the streams read so far (nil before the first).
    public private(set) var fields: [ArrowField]?

    public init() {}

    /// The record batches of one complete stream, each as a table with the schema's
    /// names. Throws a diagnostic for truncated, malformed or unsupported input.
    public mutating func read(_ bytes: [UInt8]) throws(Diagnostic) -> [Table] {
        var pos = 0
        var schema: [ArrowField]? = nil
        var tables: [Table] = []
        while pos < bytes.count {
            guard bytes.count - pos >= 4 else { throw truncated("message size") }
            var size = Int(Int32(bitPattern: try FlatBytes(bytes: bytes).u32(pos)))
            pos += 4
            if size == -1 {
                guard bytes.count - pos >= 4 else { throw truncated("message size") }
                size = Int(Int32(bitPattern: try FlatBytes(bytes: bytes).u32(pos)))
                pos += 4
            }
            if size == 0 { break }
            guard size > 0, size <= bytes.count - pos else { throw truncated("message header") }
            let meta = FlatBytes(bytes: Array(bytes[pos..<(pos + size)]))
            pos += size
            let message = try meta.root()
            let kind = try message.u8(1)
            let bodyLength = try message.i64(3)
            guard bodyLength >= 0, bodyLength <= Int64(bytes.count - pos) else { throw truncated("message body") }
            let body = pos..<(pos + Int(bodyLength))
            pos += Int(bodyLength)
            guard let header = try message.table(2) else { throw Diagnostic(.io, "arrow: message without a header") }
            switch kind {
            case 1:
                let s = try ArrowStreamReader.readSchema(header)
                if let known = fields, known != s {
                    throw Diagnostic(.io, "arrow: a stream's schema differs from the first stream's")
                }
                fields = s; schema = s
            case 3:
                guard let s = schema else { throw Diagnostic(.io, "arrow: a record batch before the schema") }
                tables.append(try RecordBatchDecoder(bytes: bytes, body: body, fields: s).decode(header))
            case 2: throw Diagnostic(.io, "arrow: dictionary batches are not supported")
            default: throw Diagnostic(.io, "arrow: unexpected message type \(kind)")
            }
        }
        return tables
    }

    static func readSchema(_ t: FlatTable) throws(Diagnostic) -> [ArrowField] {
        if try t.i16(0) != 0 { throw Diagnostic(.io, "arrow: big-endian data is not supported") }
        return try t.tables(1).map { (f) throws(Diagnostic) in try ArrowField.read(f) }
    }

    func truncated(_ what: String) -> Diagnostic { Diagnostic(.io, "arrow: truncated stream (\(what))") }

    /// An empty table with this reader's schema (for results with no batches).
    public func emptyTable() -> Table {
        let fs = fields ?? []
        return Table(names: fs.map(\.name), columns: fs.map { ColumnConcat.empty($0.type.valueType) })
    }
}

/// Appends tables of one schema into one table, column by column.
public struct TableAccumulator: Sendable {
    private var names: [String]? = nil
    private var parts: [[Column]] = []
    public private(set) var rowCount = 0

    public init() {}

    public mutating func append(_ t: Table) throws(Diagnostic) {
        if let n = names {
            guard n == t.names, zip(parts, t.columns).allSatisfy({ $0.0.first?.type == $0.1.type || $0.1.type == .null || $0.0.first?.type == .null })
            else { throw Diagnostic(.io, "arrow: batches of one result differ in their columns") }
            for (k, c) in t.columns.enumerated() { parts[k].append(c) }
        } else {
            names = t.names
            parts = t.columns.map { [$0] }
        }
        rowCount += t.rowCount
    }

    /// The concatenated table; `empty` gives the schema when no batch arrived.
    public func finish(empty: @autoclosure () -> Table) -> Table {
        guard let names else { return empty() }
        return Table(names: names, columns: parts.map { ColumnConcat.concat($0) })
    }
}
