import QQData
import QQSyntax

/// A compiled `matches` pattern: a Thompson NFA run by simulating every thread at
/// once (Pike/Thompson), so matching is O(text length × program size) for any
/// pattern — no backtracking, no runaway. Case-insensitive patterns compare
/// lowercased scalars.
///
/// - Complexity: compile O(pattern); `matches` O(n·m) time, O(m) memory.
public struct RegexProgram: Sendable {
    package enum Op: Sendable {
        case char(Unicode.Scalar)
        case any
        case set([ClassItem], negated: Bool)
        case split(Int, Int)
        case jump(Int)
        case start, end
        case match
        /// Records the position in capture slot n (2·group for its start, 2·group + 1 for its end).
        case save(Int)
    }

    private var ops: [Op] = []
    private let caseInsensitive: Bool
    /// The number of capturing groups (`extract`'s groups are 1 through this).
    public let groupCount: Int
    /// Whether groups emit `save` ops (see `init(pattern:captures:)`).
    private let captures: Bool
    /// Programs larger than this are refused (they come from big `{m,n}` counts).
    package static let maxOps = 20_000
    /// Thread steps one `matches` call may take. Matching is linear in the text, but
    /// the factor is the number of live threads, which a pattern of big counted
    /// repetitions (`a{1000}{10}`) makes thousands: on a 64 KB text that is minutes of
    /// work. Past this budget (about a tenth of a second in a release build) the
    /// match is refused with an error instead.
    package static let maxSteps = 10_000_000

    /// Compiles `pattern`; with `captures`, groups record where they matched
    /// (`firstMatch`), which `matches` does not need (and which makes programs larger).
    public init(pattern: String, captures: Bool = false) throws(RegexError) {
        self.captures = captures
        var parser = RegexSyntax(pattern)
        let tree = try parser.parse()
        caseInsensitive = parser.caseInsensitive
        groupCount = parser.groups
        try emit(caseInsensitive ? RegexProgram.fold(tree) : tree)
        ops.append(.match)
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let m = c.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : c
    }

    /// Lowercases literal characters (classes test both cases at run time).
    private static func fold(_ n: RegexNode) -> RegexNode {
        switch n {
        case .char(let c): return .char(lower(c))
        case .concat(let a): return .concat(a.map(fold))
        case .alt(let a): return .alt(a.map(fold))
        case .loop(let x, let lo, let hi): return .loop(fold(x), min: lo, max: hi)
        case .group(let k, let x): return .group(k, fold(x))
        default: return n
        }
    }

    private mutating func add(_ op: Op) throws(RegexError) -> Int {
        guard ops.count < RegexProgram.maxOps else { throw RegexError(message: "pattern is too large") }
        ops.append(op)
        return ops.count - 1
    }

    private mutating func emit(_ n: RegexNode) throws(RegexError) {
        switch n {
        case .empty: break
        case .char(let c): _ = try add(.char(c))
        case .any: _ = try add(.any)
        case .set(let items, let neg): _ = try add(.set(items, negated: neg))
        case .start: _ = try add(.start)
        case .end: _ = try add(.end)
        case .concat(let items): for x in items { try emit(x) }
        case .group(let k, let x):
            guard captures else { try emit(x); return }
            _ = try add(.save(2 * k))
            try emit(x)
            _ = try add(.save(2 * k + 1))
        case .alt(let branches):
            var jumps: [Int] = []
            for (k, b) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = try add(.split(0, 0))
                    try emit(b)
                    jumps.append(try add(.jump(0)))
                    ops[split] = .split(split + 1, ops.count)
                } else {
                    try emit(b)
                }
            }
            for j in jumps { ops[j] = .jump(ops.count) }
        case .loop(let x, let lo, let hi):
            for _ in 0..<lo { try emit(x) }
            if let hi {
                var splits: [Int] = []
                for _ in lo..<hi {
                    splits.append(try add(.split(0, 0)))
                    try emit(x)
                }
                for s in splits { ops[s] = .split(s + 1, ops.count) }
            } else {
                let split = try add(.split(0, 0))
                try emit(x)
                _ = try add(.jump(split))
                ops[split] = .split(split + 1, ops.count)
            }
        }
    }

    /// True when the pattern matches somewhere in `text`. Long texts poll Ctrl-C.
    public func matches(_ text: Substring.UnicodeScalarView) throws(Diagnostic) -> Bool {
        var current = Threads(size: ops.count), next = Threads(size: ops.count)
        var step = 0
        var work = 0
        var index = text.startIndex
        var atStart = true
        while true {
            let atEnd = index == text.endIndex
            // A new thread may start at every position (unanchored search).
            if add(0, &current, atStart: atStart, atEnd: atEnd, step: step) { return true }
            if atEnd { return false }
            var c = text[index]
            if caseInsensitive { c = RegexProgram.lower(c) }
            index = text.index(after: index)
            step += 1
            atStart = false
            let nextAtEnd = index == text.endIndex
            next.clear(step)
            for k in 0..<current.count {
                let pc = current.list[k]
                var ok = false
                switch ops[pc] {
                case .char(let x): ok = x == c
                case .any: ok = c != "\n"
                case .set(let items, let neg):
                    var hit = items.contains { $0.contains(c) }
                    if caseInsensitive && !hit {
                        let up = c.properties.uppercaseMapping.unicodeScalars
                        if up.count == 1 { hit = items.contains { $0.contains(up.first!) } }
                    }
                    ok = hit != neg
                default: ok = false
                }
                if ok && add(pc + 1, &next, atStart: false, atEnd: nextAtEnd, step: step) { return true }
            }
            swap(&current, &next)
            work += current.count + 1
            if work > RegexProgram.maxSteps {
                throw Diagnostic(.runtime, "regular expression is too costly on a text of \(text.count) characters "
                                 + "(more than \(RegexProgram.maxSteps / 1_000_000) million steps)",
                                 hint: "simplify the pattern: large counted repetitions such as {1,100} multiply the work")
            }
            if step & 4095 == 0 { try Cancellation.check() }
        }
    }

    public func matches(_ text: String) throws(Diagnostic) -> Bool {
        try matches(Substring(text).unicodeScalars)
    }

    /// Adds the thread at `pc` and every thread reachable from it without input;
    /// returns true when one of them is `match`.
    private func add(_ pc0: Int, _ t: inout Threads, atStart: Bool, atEnd: Bool, step: Int) -> Bool {
        var stack = [pc0]
        while let pc = stack.popLast() {
            if t.seen[pc] == step + 1 { continue }
            t.seen[pc] = step + 1
            switch ops[pc] {
            case .match: return true
            case .jump(let x): stack.append(x)
            case .split(let x, let y): stack.append(y); stack.append(x)
            case .start: if atStart { stack.append(pc + 1) }
            case .end: if atEnd { stack.append(pc + 1) }
            case .save: stack.append(pc + 1)
            default: t.list[t.count] = pc; t.count += 1
            }
        }
        return false
    }

    package var opsCount: Int { ops.count }
    package func op(_ pc: Int) -> Op { ops[pc] }
    package var foldsCase: Bool { caseInsensitive }
    package static func lowered(_ c: Unicode.Scalar) -> Unicode.Scalar { lower(c) }

    /// The set of live threads at one position: a list plus a per-op stamp.
    private struct Threads {
        package var list: [Int]
        package var seen: [Int]
        package var count = 0
        package init(size: Int) { list = [Int](repeating: 0, count: size); seen = [Int](repeating: 0, count: size) }
        package mutating func clear(_ step: Int) { count = 0 }
    }
}
