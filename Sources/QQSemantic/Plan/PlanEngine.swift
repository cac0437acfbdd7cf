import QQData
import QQMetrics

/// An engine that runs a `LogicalPlan` somewhere other than the local executor — a
/// Spark cluster through Spark Connect (SPEC §12). The session binds statements as
/// usual (against the schemas the engine reports) and hands it the plans.
///
/// An engine never falls back to the local one: what it cannot run is an error that
/// names the construct ("X is not available on the Spark engine").
public protocol PlanEngine: AnyObject, Sendable {
    /// A short name for messages and `describe` (`spark sc://host:port`).
    var description: String { get }

    /// Attaches a dataset: `path` names a folder the engine can read (accounts.csv,
    /// follows.csv, one NAME.csv per interaction layer; or .parquet files of those names).
    /// Returns the schema of `accounts` (its first column is `handle`) and the names
    /// of the interaction layers.
    func load(_ path: String) throws(Diagnostic) -> EngineDataset

    /// Runs a plan with these settings (damping, tolerance, iteration cap). Tables
    /// arrive in batches: `onBatch` sees each one as it arrives (for printing as they
    /// stream); the result holds them all.
    func run(_ plan: LogicalPlan, settings: Settings, onBatch: ((Table) -> Void)?) throws(Diagnostic) -> EngineResult

    /// Closes the connection (the engine cannot be used afterwards).
    func close()
}

extension PlanEngine {
    public func run(_ plan: LogicalPlan, settings: Settings = Settings()) throws(Diagnostic) -> EngineResult {
        try run(plan, settings: settings, onBatch: nil)
    }
}

/// What a load on an engine gave: enough for the binder to bind pipelines against it.
public struct EngineDataset: Sendable, Equatable {
    /// The columns of `accounts`, `handle` first.
    public var accounts: [ColumnInfo]
    /// The interaction layers, in the order `interactions` lists them.
    public var layers: [String]
    public var accountCount: Int
    public var followCount: Int
    public init(accounts: [ColumnInfo], layers: [String], accountCount: Int, followCount: Int) {
        self.accounts = accounts; self.layers = layers; self.accountCount = accountCount; self.followCount = followCount
    }
}

/// What running a plan on an engine gave.
public enum EngineResult: Sendable {
    /// A table (the relation of a pipeline).
    case table(Table)
    /// One value (`count`, a pipeline used as a value).
    case value(Value)
}
