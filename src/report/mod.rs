//! Quarterly analysis and its renderers; for now the table writers used by `export`.

// `crate::Error` is large; boxing it belongs to `error.rs` (see `import`).

pub mod export_writer;
