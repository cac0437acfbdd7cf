import QQData

/// Placeholder entry point; the loaders live beside this file.
public enum QQIOModule {}
