import QQData
import QQOutput

/// Where a session writes: results to `out` (stdout), diagnostics and notices to `err` (stderr).
public protocol SessionOutput: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
}

/// Options fixed by the command line (SPEC §6).
public struct SessionOptions: Sendable {
    public var format: OutputFormat = .table
    public var color: Bool = false
    /// `--safe`: refuse `export`, `save` and plot files.
    public var safe: Bool = false
    /// `--timer` / `.timer on`: print each statement's time on stderr.
    public var timer: Bool = false
    /// True in the REPL (brief confirmations of `let`, `load`, … on stderr).
    public var interactive: Bool = false
    /// Terminal width for tables and charts.
    public var width: Int = 100
    /// Table rows shown before the `… N more rows` footer (`.rows`, `set rows`).
    public var maxRows: Int = 40
    public init() {}
}

/// Whether a piece of source text is a complete statement list or still open.
public enum Completeness: Sendable, Equatable {
    case complete
    /// Still open; `pending` names what is open for the continuation prompt, e.g. `(`, `"`, `|`.
    case incomplete(pending: String)
}

/// Tab-completion answer: replace the text from `start` (UTF-8 offset in the line) with one of `candidates`.
public struct Completions: Sendable, Equatable {
    public var start: Int
    public var candidates: [String]
    public init(start: Int, candidates: [String]) { self.start = start; self.candidates = candidates }
}

/// The interpreter state shared by the REPL and the script runner: the dataset,
/// `let` bindings, settings and metric caches. The shell is a client of this API only.
public final class Session {
    public var options: SessionOptions
    public let output: SessionOutput
    public var progress: ProgressSink
    public internal(set) var dataset: Dataset

    public init(options: SessionOptions, output: SessionOutput, progress: ProgressSink = NoProgress()) {
        self.options = options
        self.output = output
        self.progress = progress
        self.dataset = Dataset.empty()
    }

    /// Runs every statement of `text`. `file` names the script for diagnostics
    /// (`file.qq:LINE:COL: error: …`); nil in the REPL. Stops at the first error and
    /// returns false; the session stays usable.
    @discardableResult
    public func run(_ text: String, file: String? = nil) -> Bool {
        output.err("error: the interpreter is not built yet\n")
        return false
    }

    /// Whether `text` is complete or needs more lines (the REPL's continuation prompt and the script reader both use it).
    public static func completeness(of text: String) -> Completeness { .complete }

    /// Completions for `line` with the cursor at UTF-8 offset `cursor`.
    public func completions(line: String, cursor: Int) -> Completions { Completions(start: cursor, candidates: []) }

    /// Sets script parameters from `name=value` pairs (values read as qq expressions);
    /// unknown names are reported when the script's `param` statements have run.
    public func setParameters(_ params: [(String, String)]) {}
}
