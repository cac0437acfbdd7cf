import QQData
import QQIO
import QQSyntax
import QQSemantic
import QQEngine

/// `load`, `save` and `generate` (SPEC §2). A load either completes or changes
/// nothing: the new dataset is swapped in only when the loader returns, and the
/// metric cache and edge tables follow the dataset's generation.
extension Session {
    package func load(_ target: LoadTarget, lenient: Bool, span: SourceSpan) throws(Diagnostic) {
        let loadOptions = LoadOptions(lenient: lenient, progress: rt.progress)
        let report: LoadReport
        do {
            switch target {
            case .sample:
                replaceDataset(SampleDataset.make())
                confirm("loaded the sample: \(dataset.accountCount) accounts, \(dataset.follows.edgeCount) follows")
                return
            case .path(let p):
                report = try Loader.load(path: readable(p.value), options: loadOptions)
            case .follows(let p):
                report = try Loader.loadFollows(path: readable(p.value), into: dataset, options: loadOptions)
            case .accounts(let p):
                report = try Loader.loadAccounts(path: readable(p.value), into: dataset, options: loadOptions)
            case .layer(let name, let p):
                report = try Loader.loadLayer(name: name.name, path: readable(p.value), into: dataset, options: loadOptions)
            case .layers(let p, let by, let time):
                report = try Loader.loadLayers(path: readable(p.value), columns: EdgeColumns(by: by, time: time),
                                               into: dataset, options: loadOptions)
            }
        } catch {
            throw error.at(span)
        }
        for w in report.warnings {
            var w = rt.relative(w)
            w.severity = .warning
            output.err(DiagnosticRenderer.render(w, source: nil, file: nil, color: options.color))
        }
        replaceDataset(report.dataset)
        confirm(rt.relative(report.summary))
    }

    /// `generate accounts N follows M [seed S]`: a synthetic graph replacing the dataset.
    package func generate(accounts: Expr, follows: Expr, seed: Expr?, times: Bool = false, span: SourceSpan) throws(Diagnostic) {
        let n = try wholeValue(accounts, "the account count")
        let m = try wholeValue(follows, "the follow count")
        let s = try seed.map { (e) throws(Diagnostic) in try wholeValue(e, "the seed") } ?? Int(rt.settings.seed)
        let ds: Dataset
        do {
            var g = try Generator.generate(accounts: n, follows: m, seed: UInt64(s), progress: rt.progress)
            if times { GeneratedTimes.add(to: &g, seed: UInt64(s)) }
            ds = g
        } catch {
            throw error.at(span)
        }
        replaceDataset(ds)
        confirm("generated \(n) accounts, \(ds.follows.edgeCount) follows (seed \(s))")
    }

    /// `save "path" [overwrite]`: the dataset as a CSV folder, .graphml or .qqs snapshot.
    package func save(_ path: StringLiteral, overwrite: Bool) throws(Diagnostic) {
        guard !options.safe else {
            throw Diagnostic(.runtime, "--safe mode does not write files ('save')", span: path.span)
        }
        do { try Saver.save(dataset, to: rt.resolve(path.value), overwrite: overwrite) } catch { throw error.at(path.span) }
        confirm("saved the dataset to \(path.value)")
    }

    /// A path to read: relative to the running script's folder when it exists there,
    /// else as given (relative to the current directory).
    package func readable(_ path: String) -> String {
        let resolved = rt.resolve(path)
        if resolved == path || AtomicFile.exists(resolved) || !AtomicFile.exists(path) { return resolved }
        return path
    }

    /// A whole number ≥ 0 from a value expression (counts and seeds of `generate`).
    package func wholeValue(_ e: Expr, _ what: String) throws(Diagnostic) -> Int {
        let v = try value(of: try binder().bindValue(e))
        guard let d = v.asDouble, d >= 0, d == d.rounded(), d < 9e15 else {
            throw Diagnostic(.runtime, "\(what) must be a whole number of at least 0, found \(v.isNull ? "null" : v.description)", span: e.span)
        }
        return Int(d)
    }

    /// Installs a new dataset: caches keyed on the old one are dropped.
    package func replaceDataset(_ ds: Dataset) {
        rt.dataset = ds
        rt.metrics.removeAll()
        rt.edgeCache = (nil, nil)
    }

    /// `help [topic]`: rendered from the help registry to stdout.
    package func help(_ topic: String?, span: SourceSpan) throws(Diagnostic) {
        do {
            let text = try HelpRegistry.render(topic, width: options.width)
            output.out(text.hasSuffix("\n") ? text : text + "\n")
        } catch {
            // The caret goes under the topic, not under 'help'.
            let topicSpan = topic.map { SourceSpan(max(span.start, span.end - $0.utf8.count), span.end) } ?? span
            throw error.at(topicSpan)
        }
    }
}
