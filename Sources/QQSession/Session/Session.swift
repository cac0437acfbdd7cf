import QQData
import QQMetrics
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

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
    /// Whether results go to a terminal: tables are fitted to `width` and cut at
    /// `maxRows`. False when stdout is a file or a pipe: every column and every row
    /// in full (SPEC §6).
    public var fitsTerminal: Bool = true
    /// Table rows shown before the `… N more rows` footer (`.rows`, `set rows`); 0 = every row.
    public var maxRows: Int = 40
    /// The folder relative paths are resolved against when no script is running
    /// (nil: the current directory). A script's own paths resolve against its folder.
    public var directory: String? = nil
    /// Today's date for `days_since` (nil: the system clock); tests pin it.
    public var today: CivilDate? = nil
    /// How `set engine = "sc://…"` connects; nil in a build without the Spark engine
    /// (the executable sets it when built with `--traits Spark`).
    public var connectEngine: EngineConnector? = nil
    public init() {}
}

/// Tab-completion answer: replace the text from `start` (UTF-8 offset in the line) with one of `candidates`.
public struct Completions: Sendable, Equatable {
    public var start: Int
    public var candidates: [String]
    /// How many more candidates there are than listed (handles are capped): the
    /// shell says "… N more" instead of cutting the list silently.
    public var more: Int
    public init(start: Int, candidates: [String], more: Int = 0) {
        self.start = start; self.candidates = candidates; self.more = more
    }
}

/// The interpreter state shared by the REPL and the script runner: the dataset,
/// `let` bindings, settings and metric caches. The shell is a client of this API only.
public final class Session {
    public var options: SessionOptions
    public let output: SessionOutput
    public var progress: ProgressSink {
        get { rt.progress }
        set { rt.progress = newValue }
    }
    /// The dataset (`load`, `generate` and `load sample` replace it).
    public internal(set) var dataset: Dataset {
        get { rt.dataset }
        set { rt.dataset = newValue }
    }
    /// The current `set` values.
    public var settings: Settings { rt.settings }

    package let rt: Runtime
    /// What goes to `output` also goes to a report being written (SPEC §11).
    package let recording: RecordingOutput
    /// Script parameters given on the command line, as source text, not yet used.
    package var parameters: [(name: String, text: String)] = []
    /// Parameters some script's `param` has taken.
    package var usedParameters: Set<String> = []
    /// Files being run by `source`, innermost last (for cycle detection).
    package var sourceStack: [String] = []
    /// The engine pipelines run on when it is not the local one (SPEC §12).
    package var remote: RemoteEngine?
    /// The tutorial's open question, which `answer` checks; the shell's `.tutorial` sets it.
    public var question: Question?
    /// What `answer` alone submits: the last query's result (see `answerValue`).
    package var lastAnswer: Value?

    public init(options: SessionOptions, output: SessionOutput, progress: ProgressSink = NoProgress()) {
        self.options = options
        self.recording = RecordingOutput(output)
        self.output = recording
        self.rt = Runtime(dataset: Dataset.empty(), today: Session.today(options), progress: progress)
    }

    /// Runs every statement of `text`. `file` names the script for diagnostics
    /// (`file.qq:LINE:COL: error: …`) and its folder anchors relative paths; nil in the
    /// REPL. Stops at the first error and returns false; the session stays usable.
    /// A `String` is valid Unicode: a U+FFFD in it is that character, not a sign of bad bytes.
    @discardableResult
    public func run(_ text: String, file: String? = nil) -> Bool {
        run(text, file: file, invalidUTF8: nil)
    }

    /// Runs the bytes of a script, `-c` text or standard input: bytes that are not
    /// UTF-8 are an error pointing at the first of them, and nothing runs.
    @discardableResult
    public func run(utf8 bytes: [UInt8], file: String? = nil) -> Bool {
        run(String(decoding: bytes, as: UTF8.self), file: file, invalidUTF8: FileText.firstInvalidUTF8(bytes))
    }

    private func run(_ text: String, file: String?, invalidUTF8: Int?) -> Bool {
        Cancellation.reset()
        rt.today = Session.today(options)
        let directory = file.map { Session.folder(of: $0, in: options.directory) } ?? options.directory
        let script = Script(text: text, file: file, directory: directory, invalidUTF8: invalidUTF8)
        if file != nil || !parameters.isEmpty, !checkParameters(script) { return false }
        // The script itself counts for `source` cycles: a.qq → b.qq → a.qq stops at b.qq.
        if let file {
            let path = file.hasPrefix("/") || options.directory == nil ? file : options.directory! + "/" + file
            sourceStack.append(FileText.canonical(path))
        }
        defer { if file != nil { sourceStack.removeLast() } }
        return runScript(script)
    }

    /// Whether `text` is complete or needs more lines (the REPL's continuation prompt and the script reader both use it).
    public static func completeness(of text: String) -> Completeness { Parser.completeness(of: text) }

    /// Completions for `line` with the cursor at UTF-8 offset `cursor`.
    public func completions(line: String, cursor: Int) -> Completions {
        Completer.complete(line: line, cursor: cursor, context: CompletionContext(environment: rt.bindEnvironment(), names: boundNames))
    }

    /// Sets script parameters from `name=value` pairs (values read as qq expressions);
    /// a name that the script run next does not declare with `param` is an error.
    public func setParameters(_ params: [(String, String)]) {
        parameters = params.map { (name: $0.0, text: $0.1) }
    }

    /// The names bound by `let` and `param` (for completion and `.schema`), sorted.
    public var boundNames: [String] { (Array(rt.values.keys) + Array(rt.tables.keys)).sorted() }

    package static func today(_ o: SessionOptions) -> Int32 {
        if let d = o.today { return d.daysSinceEpoch }
        return FileText.today()
    }

    /// The folder of `file` (relative files are taken from `base`, or the current directory).
    package static func folder(of file: String, in base: String?) -> String? {
        var dir: String
        if let slash = file.lastIndex(of: "/") { dir = String(file[..<slash]); if dir.isEmpty { dir = "/" } } else { dir = "" }
        if dir.hasPrefix("/") { return dir }
        guard let base, !base.isEmpty else { return dir.isEmpty ? nil : dir }
        return dir.isEmpty ? base : (base.hasSuffix("/") ? base + dir : base + "/" + dir)
    }
}

/// One text being run: its source (for rendering diagnostics), its file name, and the
/// folder its relative paths are resolved against.
package struct Script {
    package var text: String
    package var file: String?
    package var directory: String?
    /// UTF-8 offset of the first byte that was not UTF-8 (shown as U+FFFD in `text`).
    package var invalidUTF8: Int? = nil
}
