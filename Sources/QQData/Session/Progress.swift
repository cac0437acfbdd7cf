/// Reports progress of long work (loads, metrics). The core only calls it; the shell
/// decides whether to draw a bar (stderr is a terminal) or ignore it.
public protocol ProgressSink: Sendable {
    /// Starts a task of `total` units (nil when unknown), named for the user.
    func begin(_ label: String, total: Int?)
    /// `done` units finished so far.
    func update(_ done: Int)
    func end()
}

/// Ignores everything (scripts, tests).
public struct NoProgress: ProgressSink {
    public init() {}
    public func begin(_ label: String, total: Int?) {}
    public func update(_ done: Int) {}
    public func end() {}
}
