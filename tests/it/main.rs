//! The single integration target: runs the real `poryadok` binary.
//!
//! `common` is the shared harness (a temp dir as current folder, a pinned clock, no
//! colour); each other module covers one command group.

mod common;

mod calendar;
mod export;
mod import;
mod lifecycle;
mod quality;
mod report;
mod storage;
