import QQData

/// Placeholder; the metric registry lives here.
public enum QQMetricsModule {}
