//! Thin entry point: parse, run, map the error to a documented exit code.

fn main() -> std::process::ExitCode {
    let cli = match poryadok::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return std::process::ExitCode::from(code),
    };
    let lang = cli.global.lang;
    match poryadok::cli::run(cli) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(err) => {
            eprintln!("{}", err.render(lang));
            std::process::ExitCode::from(err.exit_code())
        }
    }
}
