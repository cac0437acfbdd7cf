import QQData
import QQSyntax

/// Finding where a pattern matches, with its groups (`extract`, `replace`): a Pike VM
/// whose threads carry capture slots, kept in priority order so the match found is
/// the leftmost one and, among those, the one a backtracking engine would report
/// (greedy loops prefer more, alternatives prefer the left branch). Linear in the
/// text like `matches`, times the number of slots copied per thread.
extension RegexProgram {
    /// The first match at or after scalar offset `from` in `text`: capture slots in
    /// scalar offsets (slot 0/1 the whole match, 2k/2k+1 group k; -1 when a group did
    /// not take part), or nil when there is none.
    /// The program must be compiled with `captures` for the group slots to be set.
    public func firstMatch(_ text: [Unicode.Scalar], from: Int) throws(Diagnostic) -> [Int]? {
        let slots = 2 * (groupCount + 1)
        var current = CaptureThreads(size: opsCount), next = CaptureThreads(size: opsCount)
        var found: [Int]?
        var work = 0
        var pos = from
        while true {
            let atEnd = pos == text.count
            if found == nil {
                var caps = [Int](repeating: -1, count: slots)
                caps[0] = pos
                addThread(0, caps, &current, pos: pos, atStart: pos == 0, atEnd: atEnd)
            }
            if current.list.isEmpty { return found }
            next.clear(stamp: pos + 2)
            var c: Unicode.Scalar = " "
            if !atEnd { c = foldsCase ? RegexProgram.lowered(text[pos]) : text[pos] }
            for (pc, caps) in current.list {
                var ok = false
                switch op(pc) {
                case .match:
                    var m = caps
                    m[1] = pos
                    found = m
                case .char(let x): ok = !atEnd && x == c
                case .any: ok = !atEnd && c != "\n"
                case .set(let items, let neg):
                    guard !atEnd else { break }
                    var hit = items.contains { $0.contains(c) }
                    if foldsCase && !hit {
                        let up = c.properties.uppercaseMapping.unicodeScalars
                        if up.count == 1 { hit = items.contains { $0.contains(up.first!) } }
                    }
                    ok = hit != neg
                default: break
                }
                if case .match = op(pc) { break }  // lower-priority threads are cut
                if ok { addThread(pc + 1, caps, &next, pos: pos + 1, atStart: false, atEnd: pos + 1 == text.count) }
            }
            swap(&current, &next)
            work += current.list.count + 1
            if work > RegexProgram.maxSteps {
                throw Diagnostic(.runtime, "regular expression is too costly on a text of \(text.count) characters",
                                 hint: "simplify the pattern: large counted repetitions such as {1,100} multiply the work")
            }
            if atEnd { return found }
            pos += 1
            if pos & 4095 == 0 { try Cancellation.check() }
        }
    }

    /// Adds the thread at `pc` and the threads reachable from it without input, in
    /// priority order (a split's first branch first).
    private func addThread(_ pc0: Int, _ caps0: [Int], _ t: inout CaptureThreads, pos: Int, atStart: Bool, atEnd: Bool) {
        var stack = [(pc0, caps0)]
        while let (pc, caps) = stack.popLast() {
            if t.seen[pc] == t.stamp { continue }
            t.seen[pc] = t.stamp
            switch op(pc) {
            case .jump(let x): stack.append((x, caps))
            case .split(let x, let y): stack.append((y, caps)); stack.append((x, caps))
            case .start: if atStart { stack.append((pc + 1, caps)) }
            case .end: if atEnd { stack.append((pc + 1, caps)) }
            case .save(let k):
                var c = caps
                c[k] = pos
                stack.append((pc + 1, c))
            default: t.list.append((pc, caps))
            }
        }
    }
}

/// Live threads with their capture slots, and a per-op stamp of the current step.
private struct CaptureThreads {
    var list: [(Int, [Int])] = []
    var seen: [Int]
    var stamp = 1
    init(size: Int) { seen = [Int](repeating: 0, count: size) }
    mutating func clear(stamp s: Int) { list.removeAll(keepingCapacity: true); stamp = s }
}
