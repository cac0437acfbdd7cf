import QQData
import QQMetrics
import QQSemantic
import QQSyntax

/// A dataset folder on the cluster as Spark views (SPEC §2 and §12):
///   qq_accounts(_qq_id, _a0 = handle, _a1…): the accounts file's rows, then accounts
///     first seen in the follows file, in order of appearance; `_qq_id` is that load
///     order, 0-based, so ties sort as qq sorts them.
///   qq_follows(_qq_src, _qq_dst, _qq_ord): follows without self-follows and
///     duplicates, ordered as qq lists them (by source, then target, in load order).
/// Column types are Spark's inference mapped onto qq's (int, float, bool, date,
/// string); the key column keeps its text. Files are read by the cluster.
struct SparkDataset {
    var path: String
    var accountColumns: [ColumnInfo] = []
    var accountCount = 0
    var followCount = 0

    static let keyNames = ["handle", "id", "username", "screen_name", "user_id"]
    static let edgePairs = [("src", "dst"), ("source", "target"), ("follower", "followee"), ("from", "to")]

    /// Reads the folder into the views; errors the cluster raises are reported as its own.
    static func load(_ path: String, on spark: SQLRunner) throws(Diagnostic) -> SparkDataset {
        var ds = SparkDataset(path: path)
        let dir = path.hasSuffix("/") ? String(path.dropLast()) : path
        // Accounts: header names first (every column as text), then the inferred types.
        let accountsFile = try source(dir, "accounts", spark)
        try spark.execute("CREATE OR REPLACE TEMPORARY VIEW qq_raw_accounts USING \(accountsFile.format) OPTIONS (\(accountsFile.options(infer: false)))")
        try spark.execute("CREATE OR REPLACE TEMPORARY VIEW qq_typed_accounts USING \(accountsFile.format) OPTIONS (\(accountsFile.options(infer: true)))")
        let rawNames = try spark.query("SELECT * FROM qq_raw_accounts LIMIT 0").names
        let typed = try spark.query("SELECT * FROM qq_typed_accounts LIMIT 0")
        guard !rawNames.isEmpty else { throw Diagnostic(.io, "\(accountsFile.path): no columns") }
        let key = rawNames.firstIndex { keyNames.contains($0.lowercased()) } ?? 0
        var order = [key] + rawNames.indices.filter { $0 != key }
        var columns: [ColumnInfo] = [ColumnInfo(name: "handle", type: .string)]
        var select = ["CAST(r.\(SQLText.quote(rawNames[key])) AS STRING) AS _a0"]
        order.removeFirst()
        for (k, i) in order.enumerated() {
            let name = rawNames[i]
            let type: ValueType = i < typed.columnCount ? typed.columns[i].type : .string
            columns.append(ColumnInfo(name: name, type: type == .null ? .string : type))
            // Typed values come from the inferring read; rows line up by position in the file.
            select.append("\(SQLText.cast("t.\(SQLText.quote(typed.names[i]))", type == .null ? .string : type)) AS _a\(k + 1)")
        }
        ds.accountColumns = columns
        // Both reads see the same file in the same order: join them on the row position.
        try spark.materialize("""
            SELECT \(select.joined(separator: ", ")), r._qq_pos AS _qq_pos FROM
              (SELECT *, monotonically_increasing_id() AS _qq_pos FROM qq_raw_accounts) r
              JOIN (SELECT *, monotonically_increasing_id() AS _qq_pos FROM qq_typed_accounts) t ON r._qq_pos = t._qq_pos
            """, as: "qq_account_file")

        // Follows: text endpoints, with their position in the file.
        let followsFile = try source(dir, "follows", spark)
        try spark.execute("CREATE OR REPLACE TEMPORARY VIEW qq_raw_follows USING \(followsFile.format) OPTIONS (\(followsFile.options(infer: false)))")
        let edgeNames = try spark.query("SELECT * FROM qq_raw_follows LIMIT 0").names
        let lower = edgeNames.map { $0.lowercased() }
        var s = 0, d = 1
        for (a, b) in edgePairs {
            if let i = lower.firstIndex(of: a), let j = lower.firstIndex(of: b) { s = i; d = j; break }
        }
        guard edgeNames.count >= 2 else { throw Diagnostic(.io, "\(followsFile.path): an edge list needs two columns") }
        try spark.materialize("""
            SELECT CAST(\(SQLText.quote(edgeNames[s])) AS STRING) AS src, CAST(\(SQLText.quote(edgeNames[d])) AS STRING) AS dst,
                   monotonically_increasing_id() AS _qq_pos FROM qq_raw_follows
            """, as: "qq_follow_file")
        let blank = try spark.scalar("SELECT count(*) FROM qq_follow_file WHERE src IS NULL OR dst IS NULL")
        if case .int(let n) = blank, n > 0 {
            throw Diagnostic(.io, "\(followsFile.path): \(n) rows without a source or target")
        }

        let extraNulls = columns.dropFirst().enumerated().map { "CAST(NULL AS \(SQLText.type($0.element.type))) AS _a\($0.offset + 1)" }
        let attrs = (0..<columns.count).map { "_a\($0)" }
        try spark.materialize("""
            SELECT CAST(row_number() OVER (ORDER BY _grp, _k) - 1 AS BIGINT) AS _qq_id, \(attrs.joined(separator: ", ")) FROM (
              SELECT \(attrs.joined(separator: ", ")), 0 AS _grp, _qq_pos AS _k FROM qq_account_file
              UNION ALL
              SELECT h AS _a0\(extraNulls.isEmpty ? "" : ", " + extraNulls.joined(separator: ", ")), 1 AS _grp, k AS _k FROM (
                SELECT h, min(k) AS k FROM (
                  SELECT src AS h, _qq_pos * 2 AS k FROM qq_follow_file
                  UNION ALL SELECT dst AS h, _qq_pos * 2 + 1 AS k FROM qq_follow_file) GROUP BY h) e
              LEFT ANTI JOIN qq_account_file f ON e.h = f._a0)
            """, as: "qq_accounts")
        try spark.materialize("""
            SELECT s._qq_id AS _qq_src, d._qq_id AS _qq_dst, s._qq_id * 4294967296 + d._qq_id AS _qq_ord
            FROM (SELECT DISTINCT src, dst FROM qq_follow_file WHERE src <> dst) e
            JOIN qq_accounts s ON s._a0 = e.src JOIN qq_accounts d ON d._a0 = e.dst
            """, as: "qq_follows")
        ds.accountCount = Int(try spark.scalar("SELECT count(*) FROM qq_accounts").asDouble ?? 0)
        ds.followCount = Int(try spark.scalar("SELECT count(*) FROM qq_follows").asDouble ?? 0)
        return ds
    }

    /// One file of the folder: NAME.csv, else NAME.parquet.
    struct File {
        var path: String
        var format: String
        func options(infer: Bool) -> String {
            var o = ["path \(SQLText.string(path))"]
            if format == "csv" {
                o += ["header 'true'", "inferSchema '\(infer)'", "mode 'FAILFAST'", "multiLine 'true'", "escape '\"'"]
            }
            return o.joined(separator: ", ")
        }
    }

    static func source(_ dir: String, _ name: String, _ spark: SQLRunner) throws(Diagnostic) -> File {
        for (ext, format) in [("csv", "csv"), ("csv.gz", "csv"), ("parquet", "parquet")] {
            let f = File(path: "\(dir)/\(name).\(ext)", format: format)
            do {
                _ = try spark.query("SELECT * FROM \(format).\(SQLText.quote(f.path)) LIMIT 0")
                return f
            } catch let e where e.message.contains("PATH_NOT_FOUND") || e.message.contains("does not exist") {
                continue
            }
        }
        throw Diagnostic(.io, "\(dir): no \(name).csv or \(name).parquet the cluster can read")
    }
}
