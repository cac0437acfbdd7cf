import QQData
import QQSyntax

/// The static typing of qq's operators (SPEC §4). `null` (the type of the `null`
/// literal and of all-null columns) fits anywhere and takes the other side's type.
///
/// - arithmetic: int ∘ int → int; any float → float; `/` always gives float;
///   date ± int → date; date − date → int (days); string + string → string.
/// - comparison: numbers with numbers, strings with strings, dates with dates,
///   bools with bools.
/// - `and`, `or`, `not`: bool. Text operators: string with string, giving bool.
public enum TypeRules {
    /// A type's name as messages show it.
    public static func name(_ t: ValueType) -> String { t.rawValue }

    /// The result type of arithmetic, or nil when the operands do not combine.
    public static func arithmetic(_ op: BinaryOp, _ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == .null && b == .null { return op == .div ? .float : .null }
        if a == .null { return op == .div ? .float : (b == .date && op == .sub ? nil : b) }
        if b == .null { return op == .div ? .float : a }
        switch (a, b) {
        case (.int, .int): return op == .div ? .float : .int
        case (.int, .float), (.float, .int), (.float, .float): return .float
        case (.date, .int) where op == .add || op == .sub: return .date
        case (.int, .date) where op == .add: return .date
        case (.date, .date) where op == .sub: return .int
        case (.string, .string) where op == .add: return .string
        // Time (SPEC §8): a date meeting a datetime or a duration means 00:00 UTC of that day.
        case (.datetime, .duration) where op == .add || op == .sub: return .datetime
        case (.date, .duration) where op == .add || op == .sub: return .datetime
        case (.duration, .datetime) where op == .add: return .datetime
        case (.duration, .date) where op == .add: return .datetime
        case (.datetime, .datetime) where op == .sub: return .duration
        case (.datetime, .date) where op == .sub: return .duration
        case (.date, .datetime) where op == .sub: return .duration
        case (.duration, .duration) where op == .add || op == .sub: return .duration
        case (.duration, .duration) where op == .div: return .float
        case (.duration, .int) where op == .mul: return .duration
        case (.int, .duration) where op == .mul: return .duration
        default: return nil
        }
    }

    /// The common type two values are compared (or merged, as `if` branches are) in.
    public static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return .float }
        if (a == .date && b == .datetime) || (a == .datetime && b == .date) { return .datetime }
        return nil
    }

    /// Whether `<`, `<=`, … order values of this type.
    public static func isOrdered(_ t: ValueType) -> Bool {
        t == .int || t == .float || t == .string || t == .date || t == .bool || t == .null || t == .datetime || t == .duration
    }

    /// The verb used in the message for an arithmetic operator (`cannot add string and int`).
    public static func verb(_ op: BinaryOp) -> String {
        switch op {
        case .add: return "add"
        case .sub: return "subtract"
        case .mul: return "multiply"
        case .div: return "divide"
        case .mod: return "take the remainder of"
        default: return "combine"
        }
    }
}
