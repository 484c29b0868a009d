//! Thin entry point: parse, run, map the error to a documented exit code.
use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = poryadok::cli::Cli::parse();
    let lang = cli.global.lang;
    match poryadok::cli::run(cli) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(err) => {
            eprintln!("{}", err.render(lang));
            std::process::ExitCode::from(err.exit_code())
        }
    }
}
