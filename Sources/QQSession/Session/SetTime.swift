import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// `set today`, `set since`, `set until` (SPEC §8).
///
/// - `set today = date("2024-06-30")` fixes what `today()` and `days_since` count
///   from; `set today = default` (or `null`) goes back to the real date.
/// - `set since = …` / `set until = …` take a datetime, a date or ISO text. A date as
///   `since` means 00:00 UTC of that day; as `until`, the end of that day (its last
///   microsecond). `null` or `default` clears that end of the window.
extension Session {
    package func setTime(_ name: String, _ value: Expr, isDefault: Bool) throws(Diagnostic) {
        let v: Value = isDefault ? .null : try Evaluator.values(rt).value(try binder().bindValue(value))
        if name == "today" {
            switch v {
            case .null: rt.today = Session.today(SessionOptions())
            case .date(let d): rt.today = d
            case .datetime(let t): rt.today = Int32(clamping: DateTime.day(t))
            case .string(let s):
                guard let t = DateTime.parse(s, dateOnly: true) else { throw notTime(value, s) }
                rt.today = Int32(clamping: DateTime.day(t))
            default:
                throw Diagnostic(.type, "today must be a date, found \(TypeRules.name(v.type))", span: value.span,
                                 hint: "set today = date(\"2024-06-30\")")
            }
            rt.metrics.removeAll()
            return confirm("today = \(CivilDate(daysSinceEpoch: rt.today).iso)")
        }
        let isUntil = name == "until"
        var t: Int64?
        switch v {
        case .null: t = nil
        case .datetime(let x): t = x
        case .date(let d): t = isUntil ? DateTime.micros(day: d) + DateTime.microsPerDay - 1 : DateTime.micros(day: d)
        case .string(let s):
            if let x = DateTime.parse(s) { t = x }
            else if let d = CivilDate.parse(Substring(s)) {
                t = isUntil ? DateTime.micros(day: d.daysSinceEpoch) + DateTime.microsPerDay - 1 : DateTime.micros(day: d.daysSinceEpoch)
            } else { throw notTime(value, s) }
        default:
            throw Diagnostic(.type, "\(name) must be a datetime or a date, found \(TypeRules.name(v.type))", span: value.span,
                             hint: "set \(name) = datetime(\"2024-01-31T12:00:00Z\")")
        }
        var w = rt.window
        if isUntil { w.until = t } else { w.since = t }
        if let s = w.since, let u = w.until, s > u {
            throw Diagnostic(.runtime, "the window would be empty: since \(DateTime.format(s)) is after until \(DateTime.format(u))",
                             span: value.span)
        }
        rt.setWindow(w)
        confirm("\(name) = \(t.map(DateTime.format) ?? "null")" + (w.isOpen ? "" : " (window: \(w))"))
        rt.noteWindow(over: rt.full.untimedLayers)
    }

    private func notTime(_ e: Expr, _ s: String) -> Diagnostic {
        Diagnostic(.type, "'\(s)' is not a date or datetime", span: e.span, hint: "write 2024-01-31 or 2024-01-31T12:00:00Z")
    }
}
