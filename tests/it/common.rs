//! Shared harness: runs the real `poryadok` binary in a fresh temporary folder with the
//! clock pinned (`PORYADOK_NOW`), `NO_COLOR=1`, and no settings leaking in from the
//! environment of the developer or CI.
//!
//! ```ignore
//! let env = Env::new();                       // clock pinned at DEFAULT_NOW
//! env.write("poryadok.toml", "...");          // files in the temp folder
//! let out = env.run(&["calendar", "add", "2026-12-04T16:30", "8h"]).success();
//! assert_eq!(out.stdout, "2026-12-07 16:30\n");
//! let bad = env.run(&["calendar", "check", &fixture("calendar/bad-date.toml")]);
//! assert_eq!(bad.code, 3);
//! ```

#![allow(dead_code)] // each test module uses a different part of the harness

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The clock every run sees unless a test pins another: Friday 4 December 2026, 10:00
/// Moscow time.
pub const DEFAULT_NOW: &str = "2026-12-04T10:00:00+03:00";

/// Environment variables of the binary that must not leak in from outside.
const ISOLATED: &[&str] = &[
    "PORYADOK_NOW",
    "PORYADOK_LANG",
    "PORYADOK_DB",
    "PORYADOK_CONFIG",
    "NO_COLOR",
    "CLICOLOR_FORCE",
];

/// What one run of the binary printed and returned.
#[derive(Debug, Clone)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// Exit status (−1 if killed by a signal).
    pub code: i32,
}

impl Output {
    /// Asserts exit status 0 (showing stderr otherwise) and returns `self`.
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success; stderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        self
    }

    /// Asserts the exit status `code` and returns `self`.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit status; stderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Asserts stderr contains every one of `parts`.
    #[track_caller]
    pub fn stderr_has(self, parts: &[&str]) -> Self {
        for p in parts {
            assert!(self.stderr.contains(p), "stderr lacks «{p}»:\n{}", self.stderr);
        }
        self
    }
}

/// A temporary working folder in which the binary runs; removed when dropped.
pub struct Env {
    dir: TempDir,
    now: Option<String>,
    vars: Vec<(String, String)>,
}

impl Default for Env {
    fn default() -> Self {
        Self::new()
    }
}

impl Env {
    /// A fresh empty folder with the clock pinned at [`DEFAULT_NOW`].
    pub fn new() -> Env {
        Env {
            dir: tempfile::Builder::new()
                .prefix("poryadok-it-")
                .tempdir()
                .expect("temp dir"),
            now: Some(DEFAULT_NOW.to_string()),
            vars: Vec::new(),
        }
    }

    /// Pins the clock to `now` (local time such as `2026-12-04T16:30`, or RFC 3339) for
    /// later runs; `None` leaves `PORYADOK_NOW` unset.
    pub fn set_now(&mut self, now: Option<&str>) -> &mut Self {
        self.now = now.map(str::to_string);
        self
    }

    /// Sets an extra environment variable for later runs.
    pub fn set_var(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// The temporary folder (the current folder of every run).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `name` (relative to the folder, parents created).
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent folder");
        }
        std::fs::write(&p, contents).expect("write test file");
        p
    }

    /// Reads `name` (relative to the folder) as UTF-8.
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).expect("read test file")
    }

    /// Copies a fixture (path under `tests/fixtures/`) into the folder as `name`.
    pub fn copy_fixture(&self, fixture_path: &str, name: &str) -> PathBuf {
        let text = std::fs::read(fixture(fixture_path)).expect("read fixture");
        self.write(name, text)
    }

    /// A folder with the clock at `now` whose database holds `rows` (lines of a CSV
    /// export under `header`, written to `export.csv` and imported).
    pub fn with_export(now: &str, header: &str, rows: &[&str]) -> Env {
        let mut env = Env::new();
        env.set_now(Some(now));
        let mut csv = format!("{}\n", header.trim_end());
        for r in rows {
            csv.push_str(r);
            csv.push('\n');
        }
        env.write("export.csv", csv);
        env.run(&["import", "export.csv"]).success();
        env
    }

    /// Runs `poryadok ARGS…` in the folder and collects its output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, "")
    }

    /// Runs `poryadok ARGS…` with `stdin` as standard input.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = Command::cargo_bin("poryadok").expect("binary built");
        cmd.current_dir(self.dir.path()).args(args).write_stdin(stdin);
        for k in ISOLATED {
            cmd.env_remove(k);
        }
        cmd.env("NO_COLOR", "1");
        if let Some(now) = &self.now {
            cmd.env("PORYADOK_NOW", now);
        }
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run poryadok");
        Output {
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
            code: out.status.code().unwrap_or(-1),
        }
    }
}

/// One-off run in a fresh [`Env`] with the default clock.
pub fn run(args: &[&str]) -> Output {
    Env::new().run(args)
}

/// Absolute path of a fixture under `tests/fixtures/`, as a string for `args`.
pub fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// Every row of every table except those in `skip`, in a stable order (a logical dump;
/// the same idea as in `storage.rs`).
pub fn dump_without(dir: &Path, skip: &[&str]) -> String {
    let conn = rusqlite::Connection::open(dir.join("poryadok.db")).unwrap();
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables.iter().filter(|t| !skip.contains(&t.as_str())) {
        out.push_str(&format!("== {t}\n"));
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let vals: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
            out.push_str(&vals.join("|"));
            out.push('\n');
        }
    }
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    out.push_str(&format!("user_version {v}\n"));
    out
}

pub fn dump(env: &Env) -> String {
    dump_without(env.path(), &[])
}
