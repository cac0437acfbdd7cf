/// A span of source text: UTF-8 byte offsets into one statement's or file's text.
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = max(start, end) }
    public static let none = SourceSpan(0, 0)
    /// The smallest span covering both.
    public func union(_ o: SourceSpan) -> SourceSpan { SourceSpan(min(start, o.start), max(end, o.end)) }
}

/// A position in a file that is not qq source (a data file): line and column are 1-based,
/// the column counted in characters.
public struct FilePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
}

/// An error or warning as a value (swift-syntax style): what went wrong and where.
/// One renderer (`DiagnosticRenderer`) draws it for the REPL, scripts and loaders.
///
/// Messages are lowercase, name things in single quotes and follow fixed shapes:
/// `expected X, found Y`, `unknown column 'x'`.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// The text does not parse.
        case syntax
        /// A name that is not in scope (column, table, function, handle, setting).
        case name
        /// Operands of the wrong type.
        case type
        /// Something failed while running (bad argument, assertion, overflow guard).
        case runtime
        /// A file could not be read, parsed or written.
        case io
        /// Ctrl-C stopped the statement.
        case cancelled
        /// A bug in qq: reported, never a crash.
        case `internal`
        /// A failure already shown to the user (a script run by `source` stopped on its
        /// own error): callers only stop, nothing more is printed.
        case alreadyReported
    }

    public enum Severity: String, Sendable { case error, warning, note }

    public var kind: Kind
    public var severity: Severity
    public var message: String
    /// Where in the statement's source text, when the problem is in qq source.
    public var span: SourceSpan?
    /// Where in a data file, when the problem is in loaded data.
    public var position: FilePosition?
    /// A one-line suggestion, such as `did you mean 'followers'?`.
    public var hint: String?
    /// Further lines, such as `(to close '(' at 3:5)` or the first skipped rows.
    public var notes: [String]

    public init(_ kind: Kind, _ message: String, span: SourceSpan? = nil, position: FilePosition? = nil,
                hint: String? = nil, notes: [String] = [], severity: Severity = .error) {
        self.kind = kind; self.message = message; self.span = span; self.position = position
        self.hint = hint; self.notes = notes; self.severity = severity
    }

    public static func cancelled() -> Diagnostic { Diagnostic(.cancelled, "cancelled") }
}
