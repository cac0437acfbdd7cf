import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine
// Help for time (SPEC §8): datetime functions, durations, max_gain, the time settings
// and `load layers`.
extension HelpRegistry {
    private static func timeFn(_ name: String, _ syntax: String, _ summary: String, _ example: String,
                               details: String? = nil) -> HelpTopic {
        HelpTopic(name, .function, summary: summary, syntax: [syntax], details: details, examples: [HelpExample(example)],
                  seeAlso: ["time"])
    }

    package static let timeTopics: [HelpTopic] = [
        HelpTopic("time", .language,
                  summary: "datetimes, durations, timed edges and windows",
                  syntax: ["datetime(\"2024-01-31T12:00:00Z\")", "days(7)", "t2 - t1", "set since = …", "set until = …"],
                  details: """
                    A datetime is UTC to the microsecond and prints as ISO 8601 (`2024-01-31T12:00:00Z`); \
                    a duration prints as `3d 04:05:06` (`04:05:06` under a day, `-` when negative). Files: \
                    ISO 8601 text (`Z`, `+02:00`, a space for `T`, fractions) reads as datetime; a column of \
                    dates alone stays date; integers in a column named time, timestamp, created_at, date, ts \
                    or *_at are Unix seconds (milliseconds above 1e11). Where a date meets a datetime it means \
                    00:00 UTC of that day, except as `until`, where it means the end of that day. An edge file \
                    with a time column (header time, timestamp, created_at, date or ts) gives `follows` and \
                    `interactions` a `time` column: a follow pair keeps its earliest time; interactions are \
                    events. `set since` / `set until` restrict every timed layer: the follows begun at or \
                    before `until`, the interactions in [since, until]; rows without time always count; every \
                    account stays a node; metrics are computed and cached per window.
                    """,
                  examples: ["print datetime(\"2024-03-01T06:00:00Z\") - datetime(\"2024-01-01T00:00:00Z\")",
                             "print bin(datetime(\"2024-06-30T10:20:00Z\"), weeks(1))"],
                  aliases: ["datetime type", "duration", "window"],
                  seeAlso: ["datetime", "bin"] + MetricRegistry.functions.filter { $0.layer == .duration }.map(\.name)
                    + ["since", "until", "today"]),
        timeFn("datetime", "datetime(x)", "a datetime from ISO text, a date (00:00 UTC) or Unix seconds",
               "print datetime(\"2024-02-01T00:00:00+02:00\")",
               details: "A literal that does not parse is an error; a column's unparsable cells are null."),
        timeFn("today", "today()", "today's date (fixed by `set today`)", "print today()"),
        timeFn("seconds", "seconds(n)", "a duration of n seconds", "print seconds(90)"),
        timeFn("minutes", "minutes(n)", "a duration of n minutes", "print minutes(90)"),
        timeFn("hours", "hours(n)", "a duration of n hours", "print datetime(\"2024-01-01T00:00:00Z\") + hours(36)"),
        timeFn("days", "days(n)", "a duration of n days", "print datetime(\"2024-01-31T12:00:00Z\") - days(7)"),
        timeFn("weeks", "weeks(n)", "a duration of n weeks", "print weeks(2) + days(1.5)"),
        timeFn("as_days", "as_days(d)", "a duration as a number of days", "print as_days(hours(36))"),
        timeFn("as_hours", "as_hours(d)", "a duration as a number of hours", "print as_hours(days(2))"),
        timeFn("year", "year(t)", "the year of a date or datetime (UTC)", "accounts | summarize n = count() by y = year(joined) | sort y"),
        timeFn("month", "month(t)", "the month, 1-12", "print month(date(\"2024-03-01\"))"),
        timeFn("day", "day(t)", "the day of the month, 1-31", "print day(date(\"2024-03-01\"))"),
        timeFn("hour", "hour(t)", "the hour, 0-23 (UTC)", "print hour(datetime(\"2024-03-01T23:59:59Z\"))"),
        timeFn("weekday", "weekday(t)", "the ISO weekday: 1 = Monday … 7 = Sunday", "print weekday(date(\"2024-06-30\"))"),
        timeFn("bin", "bin(t, DURATION) / bin(t, \"month\") / bin(t, \"year\")", "floor a time to a bin",
               "accounts | summarize n = count() by m = bin(joined, \"year\") | sort m",
               details: """
                 A duration bins from 1970-01-01; a whole number of weeks from Monday 1970-01-05 (so \
                 `days(7)` and `weeks(1)` agree). A date stays a date. A growth series: `follows | where \
                 dst == @a | summarize count() by bin(time, days(1))`.
                 """),
        HelpTopic("load layers", .statement,
                  summary: "split one edge file into interaction layers by a column",
                  syntax: ["load layers \"FILE\" by COLUMN", "load layers \"FILE\" by COLUMN time COLUMN"],
                  details: """
                    Each value of the column (lowercased) names a layer. Columns by header name or by \
                    1-based position (a file without a header only by position). SNAP's Higgs activity file \
                    (`src dst unixtime RT|MT|RE`) loads with `by 4 time 3` into layers rt, mt, re.
                    """,
                  examples: [HelpExample("load layers \"higgs-activity_time.txt\" by 4 time 3", runs: false)],
                  seeAlso: ["load", "time"]),
    ]
}
