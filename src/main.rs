//! The `regulars` command: parse the command line, open the guest book, run one command.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`regulars export | head`) is not an error.
        Err(error)
            if error.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            // One line: the context chain, joined, made safe for the terminal.
            eprintln!("regulars: {}", regulars::domain::text::inert(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}
