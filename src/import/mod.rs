//! Readers for monitoring exports (CSV, XLSX): encodings, separators, header aliases.
