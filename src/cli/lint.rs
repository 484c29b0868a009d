//! `poryadok lint`: checks a draft before `submit` (п. 1.5, 3.9, 3.11, 3.12).
//!
//! Exit status: 0 when there is no error-level finding, 1 when there is one. With `--json`
//! stdout is an array of `{ "clause", "severity", "message", "span" }` (message in the
//! interface language, `span` the quoted words or null).

use std::io::Read;
use std::path::PathBuf;

use serde_json::json;

use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::output;
use crate::rules::lint::{self, Finding, LintRequest, PhraseBook, Severity};
use crate::rules::AnswerKind;
use crate::text::Lang;
use crate::tr;

#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Текст проекта ответа
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Файл с проектом (UTF-8); `-` — стандартный ввод
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Сообщение, на которое отвечаем (ID): проверяются язык и обращение по имени
    #[arg(long, value_name = "ID")]
    pub message: Option<String>,
    /// Вид текста: answer — ответ (п. 3.2), interim — промежуточный (п. 3.9), clarify — уточняющий вопрос (п. 3.10)
    #[arg(long, value_enum, default_value = "answer")]
    pub kind: AnswerKind,
    /// Имя пользователя: проверить обращение по имени
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Почему ответ на русском, хотя сообщение на татарском (п. 1.5)
    #[arg(long, value_name = "REASON")]
    pub language_fallback: Option<String>,
}

/// The message a draft answers, looked up by the caller from `--message`.
#[derive(Clone, Debug, Default)]
pub struct MessageContext {
    pub text: String,
    pub author: Option<String>,
}

pub fn run(ctx: &Context, args: LintArgs, message: Option<MessageContext>) -> Result<u8> {
    let text = read_draft(&args)?;
    let book = phrase_book(ctx)?;
    // With --message: the message's text and author, and п. 3.14 against its thread.
    let mut identical = None;
    let message = match (&args.message, message) {
        (_, Some(m)) => Some(m),
        (Some(id), None) => {
            let store = crate::store::Store::open(&ctx.db_path)?;
            let m = crate::store::messages::get(&store.conn, id)?;
            identical =
                crate::workflow::perform::identical_answer_finding(&store.conn, &ctx.calendar, &m, &text, ctx.now)?;
            Some(MessageContext {
                text: m.text,
                author: m.author,
            })
        }
        (None, None) => None,
    };
    let author = args
        .author
        .as_deref()
        .or(message.as_ref().and_then(|m| m.author.as_deref()));
    let mut findings = lint::lint(
        &LintRequest {
            text: &text,
            kind: args.kind,
            message_text: message.as_ref().map(|m| m.text.as_str()),
            author,
            language_fallback: args.language_fallback.as_deref(),
        },
        &book,
    );
    findings.extend(identical);
    print_findings(ctx, &findings);
    if !ctx.json {
        eprintln!("{}", summary(ctx.lang, &findings));
    }
    Ok(u8::from(lint::has_errors(&findings)))
}

/// The bundled phrase lists plus the `[lint]` table of the settings file.
pub fn phrase_book(ctx: &Context) -> Result<PhraseBook> {
    if ctx.settings.lint.is_empty() {
        Ok(PhraseBook::bundled())
    } else {
        PhraseBook::with_extra(&ctx.settings.lint)
    }
}

/// Findings on stdout: a JSON array with `--json`, otherwise one line each
/// («п. 3.12 ошибка: канцелярит «…» — напишите «сообщаем»»).
pub fn print_findings(ctx: &Context, findings: &[Finding]) {
    if ctx.json {
        output::print_json(&findings_json(ctx.lang, findings));
    } else {
        for f in findings {
            output::emit(render_finding(ctx.lang, ctx.color, f));
        }
    }
}

/// One finding as a line for people.
pub fn render_finding(lang: Lang, color: bool, f: &Finding) -> String {
    let severity = f.severity.text();
    let severity = match f.severity {
        Severity::Error => output::red(color, severity.get(lang)),
        Severity::Warning => output::yellow(color, severity.get(lang)),
    };
    format!(
        "{} {} {severity}: {}",
        lang.pick("п.", "cl."),
        f.clause,
        f.message.get(lang)
    )
}

/// The `--json` contract: `[{ "clause", "severity", "message", "span" }]`.
pub fn findings_json(lang: Lang, findings: &[Finding]) -> serde_json::Value {
    findings
        .iter()
        .map(|f| {
            json!({
                "clause": f.clause,
                "severity": f.severity.as_str(),
                "message": f.message.get(lang),
                "span": f.span,
            })
        })
        .collect()
}

fn summary(lang: Lang, findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    if findings.is_empty() {
        lang.pick("замечаний нет", "no findings").to_string()
    } else {
        tr!(
            "ошибок: {errors}, предупреждений: {warnings}",
            "errors: {errors}, warnings: {warnings}"
        )
        .get(lang)
        .to_string()
    }
}

fn read_draft(args: &LintArgs) -> Result<String> {
    let text = match (&args.text, &args.file) {
        (Some(t), None) => t.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| {
                Error::bad_input(
                    Location::file("-"),
                    tr!(
                        "не удалось прочитать стандартный ввод: {e}",
                        "cannot read standard input: {e}"
                    ),
                )
            })?;
            s
        }
        (None, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
            Error::bad_input(
                Location::file(path.display().to_string()),
                tr!("не удалось прочитать текст ответа: {e}", "cannot read the draft: {e}"),
            )
        })?,
        _ => {
            return Err(Error::Usage(tr!(
                "укажите текст ответа ровно одним способом: --text «…» или --file ФАЙЛ",
                "give the draft exactly one way: --text \"…\" or --file FILE"
            )))
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Usage(tr!("текст ответа пуст", "the draft is empty")));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn finding() -> Finding {
        Finding {
            clause: "3.12",
            severity: Severity::Error,
            message: Text::new(
                "канцелярит «доводим до Вашего сведения» — напишите «сообщаем»",
                "officialese «доводим до Вашего сведения» — write “we inform you”",
            ),
            span: Some("доводим до Вашего сведения".into()),
        }
    }

    #[test]
    fn human_line_names_clause_and_severity_p_3_12() {
        assert_eq!(
            render_finding(Lang::Ru, false, &finding()),
            "п. 3.12 ошибка: канцелярит «доводим до Вашего сведения» — напишите «сообщаем»"
        );
        assert!(render_finding(Lang::En, false, &finding()).starts_with("cl. 3.12 error: officialese"));
        assert!(render_finding(Lang::Ru, true, &finding()).contains("\x1b[31mошибка\x1b[0m"));
    }

    #[test]
    fn json_contract_p_3_12() {
        let v = findings_json(Lang::Ru, &[finding()]);
        assert_eq!(
            v,
            json!([{
                "clause": "3.12",
                "severity": "error",
                "message": "канцелярит «доводим до Вашего сведения» — напишите «сообщаем»",
                "span": "доводим до Вашего сведения",
            }])
        );
        assert_eq!(findings_json(Lang::Ru, &[]), json!([]));
    }

    fn args(text: Option<&str>, file: Option<&str>) -> LintArgs {
        LintArgs {
            text: text.map(str::to_string),
            file: file.map(PathBuf::from),
            message: None,
            kind: AnswerKind::Answer,
            author: None,
            language_fallback: None,
        }
    }

    #[test]
    fn draft_comes_from_exactly_one_source() {
        assert_eq!(read_draft(&args(Some("Здравствуйте!"), None)).unwrap(), "Здравствуйте!");
        for bad in [args(None, None), args(Some("a"), Some("b.txt")), args(Some("  "), None)] {
            let err = read_draft(&bad).unwrap_err();
            assert_eq!(err.exit_code(), 2);
        }
        assert_eq!(
            read_draft(&args(None, Some("/nonexistent/draft.txt")))
                .unwrap_err()
                .exit_code(),
            3
        );
    }
}
