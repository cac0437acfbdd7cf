import QQLang

extension REPL {
    /// The tutorial's lessons (`Tutorial.lessons` from the language's help module).
    static var lessons: [Lesson] { [] }
}
