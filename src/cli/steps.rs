//! The step commands: `assign`, `decline`, `reject`, `draft`, `agree`, `submit`,
//! `approve`, `rework`, `close`, `outcome`. Each takes the message ID and `--at`
//! (when it happened; default `--now`), and is checked against its rule.

use std::path::PathBuf;

use serde_json::json;

use crate::calendar::time_input;
use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::output;
use crate::rules::{AnswerKind, Outcome};
use crate::store::Store;
use crate::tr;
use crate::workflow::perform::{perform, submit_checked, Submitted};
use crate::workflow::step::action_name;
use crate::workflow::{Applied, Step};

/// Options every step shares.
#[derive(clap::Args, Debug)]
pub struct StepArgs {
    /// ID сообщения (из системы мониторинга)
    pub id: String,
    /// Когда это произошло (местное время или RFC 3339); по умолчанию — сейчас
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct AssignArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Ответственный (п. 3.3)
    #[arg(long)]
    pub responsible: String,
}

#[derive(clap::Args, Debug)]
pub struct ReasonArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Обоснование (обязательно)
    #[arg(long)]
    pub reason: String,
}

#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Текст проекта
    #[arg(long, conflicts_with = "file", required_unless_present = "file")]
    pub text: Option<String>,
    /// Прочитать текст из файла (UTF-8)
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// answer — ответ (п. 3.2), interim — промежуточный (п. 3.9), clarify — уточняющий вопрос (п. 3.10)
    #[arg(long, value_enum, default_value = "answer")]
    pub kind: AnswerKind,
    /// Промежуточный ответ: срок итогового ответа (не более 20 рабочих дней, п. 3.9)
    #[arg(long, value_name = "DATE")]
    pub final_due: Option<String>,
    /// Промежуточный ответ: обоснование, почему нужно больше времени (п. 3.9)
    #[arg(long)]
    pub justification: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct AgreeArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Руководитель органа или заместитель, согласовавший проект (п. 3.5)
    #[arg(long)]
    pub by: String,
}

#[derive(clap::Args, Debug)]
pub struct SubmitArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Направить, несмотря на ошибки в тексте (нужна --reason; сохраняется в истории)
    #[arg(long, requires = "reason")]
    pub force: bool,
    #[arg(long)]
    pub reason: Option<String>,
    /// Почему ответ на русском, хотя сообщение на татарском (п. 1.5)
    #[arg(long, value_name = "REASON")]
    pub language_fallback: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct CloseArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// «Итог» (п. 3.15): решено|не-решено|разъяснено|отложено|не-выбрано
    /// (resolved|unresolved|explained|postponed|clarify)
    #[arg(long, value_parser = parse_outcome)]
    pub outcome: Option<Outcome>,
}

#[derive(clap::Args, Debug)]
pub struct OutcomeArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// Исправленный «Итог» (п. 3.15)
    #[arg(long = "set", value_parser = parse_outcome)]
    pub set: Outcome,
    #[arg(long)]
    pub reason: String,
}

fn parse_outcome(s: &str) -> std::result::Result<Outcome, String> {
    s.parse()
}

/// Runs a step and reports it (a late step is recorded and said at once).
pub fn run_step(ctx: &Context, args: &StepArgs, step: Step) -> Result<u8> {
    let at = match &args.at {
        Some(s) => ctx.time_arg("--at", s)?,
        None => ctx.now,
    };
    let mut store = Store::open(&ctx.db_path)?;
    let applied = perform(&mut store, &ctx.calendar, &args.id, &step, at, ctx.now)?;
    report(ctx, &args.id, &applied);
    Ok(0)
}

fn report(ctx: &Context, id: &str, a: &Applied) {
    let cal = &ctx.calendar;
    let warnings = a.caveat.warnings(cal);
    let ev = &a.event;
    if ctx.json {
        let t = ev.timing;
        output::print_json(&json!({
            "id": id,
            "action": ev.action,
            "at": output::rfc3339(cal, ev.at),
            "state": a.message.state.as_str(),
            "rule": t.map(|t| t.rule.clause()),
            "due_at": t.map(|t| output::rfc3339(cal, t.due_at)),
            "on_time": t.map(|t| t.on_time),
            "overrun_minutes": t.map(|t| t.overrun.minutes_ceil()),
            "warnings": warnings.iter().map(|w| w.get(ctx.lang)).collect::<Vec<_>>(),
        }));
    } else {
        output::warn(ctx.lang, &warnings);
        let mut line = format!(
            "{id}: {}; {} «{}»",
            action_name(ev.action, ctx.lang),
            ctx.t("теперь", "now"),
            a.message.state.name(ctx.lang)
        );
        if let Some(t) = ev.timing {
            if t.on_time {
                line.push_str(&format!(
                    " ({} {}: {}, {})",
                    ctx.t("срок по п.", "deadline of clause"),
                    t.rule.clause(),
                    output::local_ru(cal, t.due_at),
                    ctx.t("вовремя", "on time")
                ));
            }
        }
        output::emit(&line);
        if let Some(t) = ev.timing.filter(|t| !t.on_time) {
            let msg = tr!(
                "ПРОСРОЧКА по п. {}: {} позже срока {} на {}",
                "LATE by clause {}: {} after the deadline {} by {}",
                t.rule.clause(),
                action_name(ev.action, ctx.lang),
                output::local_ru(cal, t.due_at),
                crate::calendar::WorkingDuration::from_minutes(t.overrun.minutes_ceil()).human(ctx.lang)
            );
            eprintln!("{}", output::red(ctx.color, msg.get(ctx.lang)));
        }
    }
}

/// Reads the draft text from `--text` or `--file`.
pub fn draft_text(text: Option<String>, file: Option<PathBuf>) -> Result<String> {
    match (text, file) {
        (Some(t), _) => Ok(t),
        (None, Some(f)) => std::fs::read_to_string(&f).map_err(|e| {
            Error::bad_input(
                Location::file(f.display().to_string()),
                tr!(
                    "не удалось прочитать текст (нужен UTF-8): {e}",
                    "cannot read the text (UTF-8 expected): {e}"
                ),
            )
        }),
        (None, None) => Err(Error::Usage(tr!(
            "нужен --text или --file",
            "--text or --file is required"
        ))),
    }
}

pub fn draft_step(ctx: &Context, a: DraftArgs) -> Result<Step> {
    let final_due = match &a.final_due {
        Some(s) => Some(
            time_input::parse_instant(&ctx.calendar, s, ctx.calendar.resolved().work_end).ok_or_else(|| {
                Error::Usage(tr!(
                    "--final-due: не понимаю дату «{s}»; ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (конец рабочего дня) или дата со временем",
                    "--final-due: cannot read the date «{s}»; expected YYYY-MM-DD or DD.MM.YYYY (end of the working day) or a date with time"
                ))
            })?,
        ),
        None => None,
    };
    Ok(Step::Draft {
        kind: a.kind,
        text: draft_text(a.text, a.file)?,
        final_due,
        justification: a.justification,
    })
}

/// `submit`: the draft goes to the curator (п. 3.6, 3.9, 3.10) after the answer checks
/// (п. 1.5, 3.11, 3.12, 3.14); error-level findings refuse it unless `--force --reason`.
pub fn submit(ctx: &Context, a: SubmitArgs) -> Result<u8> {
    let at = match &a.step.at {
        Some(s) => ctx.time_arg("--at", s)?,
        None => ctx.now,
    };
    let book = crate::cli::lint::phrase_book(ctx)?;
    let force = if a.force {
        a.reason.clone().filter(|r| !r.trim().is_empty())
    } else {
        None
    };
    if a.force && force.is_none() {
        return Err(Error::Usage(tr!(
            "--force требует непустой --reason",
            "--force needs a non-empty --reason"
        )));
    }
    let mut store = Store::open(&ctx.db_path)?;
    let outcome = submit_checked(
        &mut store,
        &ctx.calendar,
        &book,
        &a.step.id,
        at,
        ctx.now,
        force,
        a.language_fallback.as_deref(),
    )?;
    let show = |findings: &[crate::rules::lint::Finding]| {
        for f in findings {
            eprintln!("{}", crate::cli::lint::render_finding(ctx.lang, ctx.color, f));
        }
    };
    match outcome {
        Submitted::Refused(findings) => {
            show(&findings);
            let errors = findings
                .iter()
                .filter(|f| f.severity == crate::rules::lint::Severity::Error)
                .count();
            let clause = findings
                .iter()
                .find(|f| f.severity == crate::rules::lint::Severity::Error)
                .map(|f| f.clause)
                .unwrap_or("3.11");
            Err(Error::Refused {
                clause,
                problem: tr!(
                    "в проекте ответа ошибок: {errors}; куратор его вернёт",
                    "the draft has {errors} errors; the curator would return it"
                ),
                hint: Some(tr!(
                    "исправьте текст (poryadok draft {} --file …) или направьте всё равно: --force --reason «…» (причина останется в истории)",
                    "fix the text (poryadok draft {} --file …) or submit anyway: --force --reason \"…\" (kept in history)",
                    a.step.id
                )),
            })
        }
        Submitted::Done(applied, findings) => {
            if !ctx.json {
                show(&findings);
            }
            report(ctx, &a.step.id, &applied);
            Ok(0)
        }
    }
}
