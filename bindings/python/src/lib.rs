//! Python bindings of cxmetrics (placeholder; being written).
