//! Quarterly analysis and its renderers; for now the table writers used by `export`.

// `crate::Error` is large; boxing it belongs to `error.rs` (see `import`).
#![allow(clippy::result_large_err)]

pub mod export_writer;
