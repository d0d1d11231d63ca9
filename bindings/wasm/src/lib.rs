//! JS bindings of cxmetrics (placeholder; being written).
