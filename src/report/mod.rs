//! Tables for people: `export` of messages (CSV for Excel, XLSX) and their writers.

pub mod export;
pub mod export_writer;
pub mod quarter;
