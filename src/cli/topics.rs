//! `poryadok topics`: the appendix topics with their deadlines (п. 3.16).

use serde_json::json;

use crate::context::Context;
use crate::error::Result;
use crate::output;
use crate::rules::topics;

pub fn run(ctx: &Context) -> Result<u8> {
    let all = topics::all();
    if ctx.json {
        let arr: Vec<_> = all
            .iter()
            .map(|t| json!({"id": t.id, "name": t.name, "days": t.days}))
            .collect();
        output::print_json(&serde_json::Value::Array(arr));
        return Ok(0);
    }
    let mut t = output::table(vec![
        "№",
        ctx.t("тема (приложение к Порядку)", "topic (appendix)"),
        ctx.t("срок, рабочих дней", "deadline, working days"),
    ]);
    for topic in all {
        t.add_row(vec![topic.id.to_string(), topic.name.clone(), topic.days.to_string()]);
    }
    output::emit(&t);
    Ok(0)
}
