import QQData

/// How a load behaves: `lenient` skips bad rows (reporting how many and the first
/// few) instead of failing; `progress` hears about long reads (the shell decides
/// whether to draw a bar).
public struct LoadOptions: Sendable {
    public var lenient: Bool
    public var progress: any ProgressSink

    public init(lenient: Bool = false, progress: any ProgressSink = NoProgress()) {
        self.lenient = lenient; self.progress = progress
    }
}

/// The result of a load: the new dataset (the caller swaps it in), warnings such as
/// skipped rows in lenient mode, and a one-line summary for the REPL to confirm with.
public struct LoadReport: Sendable {
    public var dataset: Dataset
    public var warnings: [Diagnostic]
    public var summary: String

    public init(dataset: Dataset, warnings: [Diagnostic], summary: String) {
        self.dataset = dataset; self.warnings = warnings; self.summary = summary
    }
}
