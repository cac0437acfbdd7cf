#if Spark
import Dispatch
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import QQArrow
import QQData

/// One Spark Connect session over gRPC (plaintext HTTP/2): SQL queries whose rows
/// come back as Arrow batches, SQL statements, and local checkpoints kept as views.
///
/// The shell is synchronous, gRPC is async: each call runs on a task of its own serial
/// executor (not the cooperative pool, which a blocked caller might be holding) and the
/// caller waits for it.
final class SparkConnection: SQLRunner, @unchecked Sendable {
    let address: SparkAddress
    private let client: GRPCClient<HTTP2ClientTransport.Posix>
    private let service: Spark_Connect_SparkConnectService.Client<HTTP2ClientTransport.Posix>
    private let sessionID = UUID().uuidString.lowercased()
    private let executor = SerialTaskExecutor(label: "qq.spark")
    /// Checkpointed relations by view name, released when a view is replaced.
    private var cached: [String: String] = [:]
    private let lock = NSLock()

    init(_ address: SparkAddress) throws(Diagnostic) {
        self.address = address
        do {
            let transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: address.host, port: address.port), transportSecurity: .plaintext)
            client = GRPCClient(transport: transport)
        } catch {
            throw Diagnostic(.io, "cannot reach Spark at \(address): \(error)")
        }
        service = Spark_Connect_SparkConnectService.Client(wrapping: client)
        let c = client
        Task(executorPreference: executor) { try? await c.runConnections() }
        // The session runs in UTC and resolves names case-sensitively (qq's names are).
        try execute("SET spark.sql.session.timeZone = UTC")
        try execute("SET spark.sql.caseSensitive = true")
    }

    func close() {
        client.beginGracefulShutdown()
    }

    // MARK: SQLRunner

    func query(_ sql: String, onBatch: ((Table) -> Void)?) throws(Diagnostic) -> Table {
        var plan = Spark_Connect_Plan()
        plan.root = relation(sql)
        var reader = ArrowStreamReader()
        var acc = TableAccumulator()
        var failure: Diagnostic? = nil
        try execute(plan) { response in
            guard failure == nil, case .arrowBatch(let batch)? = response.responseType else { return }
            do throws(Diagnostic) {
                for t in try reader.read([UInt8](batch.data)) {
                    onBatch?(t)
                    try acc.append(t)
                }
            } catch { failure = error }
        }
        if let failure { throw failure }
        return acc.finish(empty: reader.emptyTable())
    }

    func execute(_ sql: String) throws(Diagnostic) {
        var command = Spark_Connect_Command()
        var s = Spark_Connect_SqlCommand()
        s.input = relation(sql)
        command.sqlCommand = s
        var plan = Spark_Connect_Plan()
        plan.command = command
        try execute(plan) { _ in }
    }

    func materialize(_ sql: String, as view: String) throws(Diagnostic) {
        var checkpoint = Spark_Connect_CheckpointCommand()
        checkpoint.relation = relation(sql)
        checkpoint.local = true
        checkpoint.eager = true
        var command = Spark_Connect_Command()
        command.checkpointCommand = checkpoint
        var plan = Spark_Connect_Plan()
        plan.command = command
        var id: String? = nil
        try execute(plan) { response in
            if case .checkpointCommandResult(let r)? = response.responseType { id = r.relation.relationID }
        }
        guard let id else { throw Diagnostic(.io, "Spark did not return the checkpoint of '\(view)'") }
        var create = Spark_Connect_CreateDataFrameViewCommand()
        var input = Spark_Connect_Relation()
        var remote = Spark_Connect_CachedRemoteRelation()
        remote.relationID = id
        input.cachedRemoteRelation = remote
        create.input = input
        create.name = view
        create.isGlobal = false
        create.replace = true
        var viewCommand = Spark_Connect_Command()
        viewCommand.createDataframeView = create
        var viewPlan = Spark_Connect_Plan()
        viewPlan.command = viewCommand
        try execute(viewPlan) { _ in }
        let old: String? = lock.withLock { let o = cached[view]; cached[view] = id; return o }
        if let old { try? release(old) }
    }

    private func release(_ id: String) throws(Diagnostic) {
        var remove = Spark_Connect_RemoveCachedRemoteRelationCommand()
        var remote = Spark_Connect_CachedRemoteRelation()
        remote.relationID = id
        remove.relation = remote
        var command = Spark_Connect_Command()
        command.removeCachedRemoteRelationCommand = remove
        var plan = Spark_Connect_Plan()
        plan.command = command
        try execute(plan) { _ in }
    }

    // MARK: gRPC

    private func relation(_ sql: String) -> Spark_Connect_Relation {
        var q = Spark_Connect_SQL()
        q.query = sql
        var r = Spark_Connect_Relation()
        r.sql = q
        return r
    }

    /// Runs one ExecutePlan call, handing each response to `handle` in order.
    private func execute(_ plan: Spark_Connect_Plan, _ handle: @escaping (Spark_Connect_ExecutePlanResponse) -> Void) throws(Diagnostic) {
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        var user = Spark_Connect_UserContext()
        user.userID = "qq"
        user.userName = "qq"
        request.userContext = user
        request.clientType = "qq"
        request.plan = plan
        var options = CallOptions.defaults
        options.maxResponseMessageBytes = 512 << 20
        let service = self.service
        let box = UncheckedBox(handle)
        let message = request, callOptions = options
        let result: Result<Void, any Error> = executor.wait {
            try await service.executePlan(message, options: callOptions) { response in
                for try await message in response.messages { box.value(message) }
            }
        }
        if case .failure(let error) = result { throw SparkConnection.diagnostic(error, address) }
    }

    /// A gRPC failure as qq reports it: the cluster's own message for its errors.
    static func diagnostic(_ error: any Error, _ address: SparkAddress) -> Diagnostic {
        if let rpc = error as? RPCError {
            switch rpc.code {
            case .unavailable:
                return Diagnostic(.io, "cannot reach Spark at \(address): \(rpc.message)",
                                  hint: "is the server running? (scripts/spark-server start)")
            default:
                let text = rpc.message.split(separator: "\n", omittingEmptySubsequences: true).prefix(6).joined(separator: "\n")
                return Diagnostic(.runtime, "Spark: \(text)")
            }
        }
        if let d = error as? Diagnostic { return d }
        return Diagnostic(.io, "Spark at \(address): \(error)")
    }
}

/// A closure carried into the executor's task; only that task calls it, while the
/// caller waits.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A task executor on one serial dispatch queue, and a way to wait for a task on it
/// from synchronous code.
final class SerialTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue
    init(label: String) { queue = DispatchQueue(label: label) }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let me = self.asUnownedTaskExecutor()
        queue.async { unowned.runSynchronously(on: me) }
    }

    /// Runs `body` as a task preferring this executor and blocks until it finishes.
    func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let done = DispatchSemaphore(value: 0)
        let slot = ResultSlot<T>()
        Task(executorPreference: self) {
            do { slot.result = .success(try await body()) } catch { slot.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return slot.result ?? .failure(Diagnostic(.internal, "internal error: a Spark call ended without a result"))
    }
}

private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
#endif
