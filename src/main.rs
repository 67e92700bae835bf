//! The `regulars` command: parse the command line, open the guest book, run one command.

mod cli;
mod commands;
mod help;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = help::localised(cli::Cli::command(), commands::language_of_args(&args)).get_matches_from(args);
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let (language, result) = commands::run(cli);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`regulars export | head`) is not an error.
        Err(error) if error.chain().any(is_broken_pipe) => ExitCode::SUCCESS,
        Err(error) => {
            // The context chain, joined, made safe for the terminal: one line, but for the candidates a refused
            // write lists on lines of their own.
            let message = commands::said(&error, language);
            for (i, line) in message.lines().enumerate() {
                let safe = regulars::domain::text::inert(line);
                if i == 0 { eprintln!("regulars: {safe}") } else { eprintln!("{safe}") }
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    cause.downcast_ref::<std::io::Error>().is_some_and(broken)
        || cause.downcast_ref::<csv::Error>().is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if broken(io)))
}
