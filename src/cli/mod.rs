//! Command-line interface: clap structs, one file per subcommand (`Args` + `run`).

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::calendar::{OutOfRange, ShortenedDays};
use crate::context::{Context, ContextInput};
use crate::error::Result;
use crate::text::Lang;
use crate::workflow::Step;
use steps::StepArgs;

pub mod calendar;
pub mod export;
pub mod import;
pub mod lint;
pub mod report;
pub mod show;
pub mod status;
pub mod steps;
pub mod topics;

#[derive(Parser, Debug)]
#[command(
    name = "poryadok",
    version,
    about = "Порядок работы с сообщениями в соцсетях: сроки в рабочих часах, история, отчёты",
    infer_subcommands = false
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options every command shares; they work before or after the subcommand.
#[derive(clap::Args, Debug)]
pub struct GlobalArgs {
    /// Pin the clock: local time (2026-12-04T10:00) or RFC 3339
    #[arg(long, global = true, env = "PORYADOK_NOW", value_name = "TIME")]
    pub now: Option<String>,
    /// Interface language
    #[arg(long, global = true, value_enum, default_value = "ru", env = "PORYADOK_LANG")]
    pub lang: Lang,
    /// Machine-readable JSON on stdout (a documented, stable contract)
    #[arg(long, global = true)]
    pub json: bool,
    /// Colour: auto (only on a terminal, honours NO_COLOR), always, never
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// SQLite database file
    #[arg(long, global = true, env = "PORYADOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Production calendar file (TOML, see calendar/README.md); default: bundled
    #[arg(long, global = true, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// Bundled calendar region: ru-ta (Tatarstan, default) or ru (federal)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Shortened pre-holiday days: literal (п. 1.3, 09:00–17:00) or honor (end early)
    #[arg(long, global = true, value_enum)]
    pub shortened_days: Option<ShortenedDays>,
    /// Outside the calendar's years: error (default) or fallback (Mon–Fri, with warning)
    #[arg(long, global = true, value_enum)]
    pub out_of_calendar: Option<OutOfRange>,
    /// Settings file (default: poryadok.toml in the current folder, if any)
    #[arg(long, global = true, env = "PORYADOK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Production calendar: check files, add and measure working time, import xmlcalendar
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Import the monitoring export (CSV or XLSX), all-or-nothing
    Import(import::ImportArgs),
    /// Export messages with states, deadlines and outcomes (CSV for Excel or XLSX)
    Export(export::ExportArgs),
    /// What is due: open messages, next step, deadline, working time left
    Status(status::StatusArgs),
    /// The message card and its full history
    Show(show::ShowArgs),
    /// Quarterly analysis for the head of the district (п. 1.7)
    Report(report::ReportArgs),
    /// The appendix topics with their deadlines (п. 3.16)
    Topics,
    /// п. 3.3: pass the message to the responsible
    Assign(steps::AssignArgs),
    /// п. 2.3: return to the curator as not our competence (with justification)
    Decline(steps::ReasonArgs),
    /// п. 1.4: not to be considered (with reason)
    Reject(steps::ReasonArgs),
    /// п. 3.4, 3.9, 3.10: record a draft (answer, interim answer, clarifying question)
    Draft(steps::DraftArgs),
    /// п. 3.5: the head of the body or a deputy agreed the draft
    Agree(steps::AgreeArgs),
    /// п. 3.6, 3.9, 3.10: submit the draft to the curator
    Submit(steps::SubmitArgs),
    /// п. 3.7: the curator approved the draft
    Approve(steps::StepArgs),
    /// п. 3.7, 3.8: the curator returned the draft for rework (with reasons)
    Rework(steps::ReasonArgs),
    /// п. 3.2, 3.15: the answer is published, with its «Итог»
    Close(steps::CloseArgs),
    /// п. 3.15: the curator corrects «Итог» (kept in history)
    Outcome(steps::OutcomeArgs),
    /// Check a draft answer before submitting it (п. 1.5, 3.9, 3.11, 3.12): exit 1 on errors
    Lint(lint::LintArgs),
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    }
}

/// Runs the parsed command; returns the process exit code on success.
pub fn run(cli: Cli) -> Result<u8> {
    let g = cli.global;
    let ctx = Context::build(ContextInput {
        now: g.now.as_deref(),
        lang: g.lang,
        json: g.json,
        color: use_color(g.color),
        calendar_file: g.calendar,
        region: g.region,
        shortened_days: g.shortened_days,
        out_of_calendar: g.out_of_calendar,
        config: g.config,
        db: g.db,
    })?;
    match cli.command {
        Command::Calendar(c) => calendar::run(&ctx, c),
        Command::Import(a) => import::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Status(a) => status::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Report(a) => report::run(&ctx, a),
        Command::Topics => topics::run(&ctx),
        Command::Assign(a) => steps::run_step(
            &ctx,
            &a.step,
            Step::Assign {
                responsible: a.responsible,
            },
        ),
        Command::Decline(a) => steps::run_step(&ctx, &a.step, Step::Decline { reason: a.reason }),
        Command::Reject(a) => steps::run_step(&ctx, &a.step, Step::Reject { reason: a.reason }),
        Command::Draft(a) => {
            let step_args = StepArgs {
                id: a.step.id.clone(),
                at: a.step.at.clone(),
            };
            let step = steps::draft_step(&ctx, a)?;
            steps::run_step(&ctx, &step_args, step)
        }
        Command::Agree(a) => steps::run_step(&ctx, &a.step, Step::Agree { by: a.by }),
        Command::Submit(a) => steps::submit(&ctx, a),
        Command::Approve(a) => steps::run_step(&ctx, &a, Step::Approve),
        Command::Rework(a) => steps::run_step(&ctx, &a.step, Step::Rework { reason: a.reason }),
        Command::Close(a) => steps::run_step(&ctx, &a.step, Step::Close { outcome: a.outcome }),
        Command::Outcome(a) => steps::run_step(
            &ctx,
            &a.step,
            Step::SetOutcome {
                outcome: a.set,
                reason: a.reason,
            },
        ),
        Command::Lint(args) => lint::run(&ctx, args, None),
    }
}
