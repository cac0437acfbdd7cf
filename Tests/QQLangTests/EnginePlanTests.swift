import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// The logical plan's shape, independent of the executor: one `Metric` node right
/// above the source naming every metric the stages read, schemas per node, and
/// binding errors before anything runs.
@Suite struct EnginePlanTests {
    static func plan(_ text: String) throws(Diagnostic) -> LogicalPlan {
        let parsed = Parser.parse(text)
        guard case .expression(let e)? = parsed.statements.first?.kind else { throw Diagnostic(.syntax, "no expression") }
        let b = Binder(env: BindEnvironment(dataset: EngineFixture.people(), scope: [:]))
        guard case .relation(let p, _) = try b.bindStatementExpression(e) else { throw Diagnostic(.type, "not a relation") }
        return p
    }

    /// Node kinds from the top of the plan down to its source.
    static func shape(_ p: LogicalPlan) -> [String] {
        var out: [String] = []
        var cur: LogicalPlan? = p
        while let n = cur {
            switch n.node {
            case .scan: out.append("scan"); cur = nil
            case .neighbourhood: out.append("neighbourhood"); cur = nil
            case .accountList: out.append("accounts"); cur = nil
            case .metric(let i, let m): out.append("metric(" + m.map(\.description).joined(separator: ",") + ")"); cur = i
            case .filter(let i, _): out.append("filter"); cur = i
            case .project(let i, _): out.append("project"); cur = i
            case .extend(let i, _): out.append("extend"); cur = i
            case .sort(let i, _): out.append("sort"); cur = i
            case .topN(let i, _, _): out.append("topN"); cur = i
            case .topPer(let i, _, _, _): out.append("topPer"); cur = i
            case .join(let i, _): out.append("join"); cur = i
            case .limit(let i, _, _): out.append("limit"); cur = i
            case .aggregate(let i, _, _, _): out.append("aggregate"); cur = i
            case .distinct(let i, _): out.append("distinct"); cur = i
            case .count(let i): out.append("count"); cur = i
            case .sample(let i, _, _): out.append("sample"); cur = i
            case .compare(let i, _): out.append("compare"); cur = i
            case .correlate(let i, _, _, _): out.append("correlate"); cur = i
            case .export(let i, _, _, _): out.append("export"); cur = i
            case .plot(let i, _): out.append("plot"); cur = i
            }
        }
        return out
    }

    @Test func metricsAreGatheredAboveTheSource() throws {
        let p = try Self.plan("accounts | where followers > 1 | top 3 by pagerank | select handle, followers, pagerank")
        #expect(Self.shape(p) == ["project", "topN", "filter", "metric(followers,pagerank)", "scan"])
        #expect(p.schema.names == ["handle", "followers", "pagerank"])
        #expect(p.schema.rows == .accounts(open: false))
    }

    @Test func openAccountResultsShowTheMetricsTheyRead() throws {
        let p = try Self.plan("accounts | where followers > 1 | top 3 by pagerank")
        #expect(Self.shape(p).first == "project")
        #expect(p.schema.names == ["handle", "followers", "pagerank", "age", "city", "score", "joined"])
        #expect(p.schema.rows == .accounts(open: true))
    }

    @Test func edgeEndpointsAndLayerFunctions() throws {
        let p = try Self.plan("follows | where src.followers > dst.age | select src, dst")
        #expect(Self.shape(p) == ["project", "filter", "metric(followers)", "scan"])
        let q = try Self.plan("accounts | select handle, r = received(repost), s = sent(reply)")
        #expect(Self.shape(q) == ["project", "metric(received(repost),sent(reply))", "scan"])
    }

    @Test func summarizeSplitsAggregatesFromOutputs() throws {
        let p = try Self.plan("accounts | summarize share = sum(age) / count(), n = count() by city")
        guard case .aggregate(_, let keys, let aggregates, let outputs) = p.node else { Issue.record("not an aggregate"); return }
        #expect(keys.map(\.name) == ["city"])
        #expect(aggregates.count == 3)
        #expect(outputs.map(\.name) == ["share", "n"])
        #expect(p.schema.names == ["city", "share", "n"])
        #expect(p.schema.columns.map(\.type) == [.string, .float, .int])
    }

    @Test func typesFollowTheRules() throws {
        let p = try Self.plan("accounts | select a = age + 1, b = age / 2, c = joined + 1, d = joined - joined, e = str(age) + \"!\"")
        #expect(p.schema.columns.map(\.type) == [.int, .float, .date, .int, .string])
    }

    @Test(arguments: [
        ("accounts | where nosuch > 1", Diagnostic.Kind.name, "unknown column 'nosuch'"),
        ("accounts | where city > 1", .type, "cannot compare string with int"),
        ("accounts | select handle | where age > 1", .name, "unknown column 'age'"),
        ("follows | where age > 1", .name, "unknown column 'age'"),
        ("accounts | summarize age", .type, "'age' is not an aggregate"),
        ("accounts | count | take 1", .type, "'count' gives a value; no stage can follow it"),
        ("followers(@nobody)", .name, "unknown account '@nobody'"),
        ("accounts | select received(nolayer)", .name, "unknown layer 'nolayer'"),
    ])
    func bindingErrors(text: String, kind: Diagnostic.Kind, message: String) {
        do {
            _ = try Self.plan(text)
            Issue.record("\(text) bound")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message == message)
            #expect(error.span != nil)
        }
    }
}
