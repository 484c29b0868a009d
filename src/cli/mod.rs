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
    /// Зафиксировать текущее время: местное (2026-12-04T10:00) или RFC 3339
    #[arg(long, global = true, env = "PORYADOK_NOW", value_name = "TIME")]
    pub now: Option<String>,
    /// Язык интерфейса
    #[arg(long, global = true, value_enum, default_value = "ru", env = "PORYADOK_LANG")]
    pub lang: Lang,
    /// JSON для программ на stdout (документированный, стабильный формат)
    #[arg(long, global = true)]
    pub json: bool,
    /// Цвет: auto (только в терминале, учитывает NO_COLOR), always, never
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Файл базы данных SQLite
    #[arg(long, global = true, env = "PORYADOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Файл производственного календаря (TOML, см. calendar/README.md); по умолчанию встроенный
    #[arg(long, global = true, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// Встроенный календарь: ru-ta (Татарстан, по умолчанию) или ru (федеральный)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Сокращённые предпраздничные дни: literal — по п. 1.3 до 17:00, honor — до сокращённого конца
    #[arg(long, global = true, value_enum)]
    pub shortened_days: Option<ShortenedDays>,
    /// Дата вне лет календаря: error — отказ (по умолчанию) или fallback — пн–пт с предупреждением
    #[arg(long, global = true, value_enum)]
    pub out_of_calendar: Option<OutOfRange>,
    /// Файл настроек (по умолчанию poryadok.toml в текущей папке, если есть)
    #[arg(long, global = true, env = "PORYADOK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Производственный календарь: проверка, расчёт рабочего времени, импорт xmlcalendar
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Загрузить выгрузку системы мониторинга (CSV или XLSX): всё или ничего
    Import(import::ImportArgs),
    /// Выгрузить сообщения с состояниями, сроками и «Итогом» (CSV для Excel или XLSX)
    Export(export::ExportArgs),
    /// Что на очереди: открытые сообщения, следующий шаг, срок, сколько рабочего времени осталось
    Status(status::StatusArgs),
    /// Карточка сообщения и вся его история
    Show(show::ShowArgs),
    /// Квартальный анализ для главы района (п. 1.6, 1.7)
    Report(report::ReportArgs),
    /// Темы приложения к Порядку и их сроки (п. 3.16)
    Topics,
    /// п. 3.3: передать сообщение ответственному
    Assign(steps::AssignArgs),
    /// п. 2.3: вернуть куратору как не относящееся к компетенции (с обоснованием)
    Decline(steps::ReasonArgs),
    /// п. 1.4: не рассматривается (с причиной)
    Reject(steps::ReasonArgs),
    /// п. 3.4, 3.9, 3.10: записать проект (ответ, промежуточный ответ, уточняющий вопрос)
    Draft(steps::DraftArgs),
    /// п. 3.5: руководитель органа или заместитель согласовал проект
    Agree(steps::AgreeArgs),
    /// п. 3.6, 3.9, 3.10: направить проект куратору (с проверкой текста)
    Submit(steps::SubmitArgs),
    /// п. 3.7: куратор согласовал проект
    Approve(steps::StepArgs),
    /// п. 3.7, 3.8: куратор вернул проект на доработку (с обоснованием)
    Rework(steps::ReasonArgs),
    /// п. 3.2, 3.15: ответ опубликован, с «Итогом»
    Close(steps::CloseArgs),
    /// п. 3.15: куратор исправляет «Итог» (сохраняется в истории)
    Outcome(steps::OutcomeArgs),
    /// Проверить проект ответа до направления куратору (п. 1.5, 3.9, 3.11, 3.12, 3.14); код 1 при ошибках
    Lint(lint::LintArgs),
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    }
}

/// Parses the command line. Help and version go to stdout with exit 0; a mistake gets a
/// line in the user's language before clap's own explanation, and exit code 2.
pub fn parse() -> std::result::Result<Cli, u8> {
    use clap::error::ErrorKind;
    let e = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return Err(0);
    }
    let args: Vec<String> = std::env::args().collect();
    let english = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en")
        || std::env::var("PORYADOK_LANG").is_ok_and(|l| l == "en");
    if !english {
        let what = match e.kind() {
            ErrorKind::UnknownArgument => "неизвестный параметр",
            ErrorKind::InvalidSubcommand => "неизвестная команда",
            ErrorKind::MissingRequiredArgument => "не хватает обязательного параметра",
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "не указана команда",
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => "недопустимое значение параметра",
            ErrorKind::ArgumentConflict => "эти параметры нельзя указывать вместе",
            ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => "неверное число значений",
            _ => "ошибка в командной строке",
        };
        eprintln!("ошибка: {what} (подробности ниже; справка: poryadok --help)");
    }
    let _ = e.print();
    Err(2)
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
