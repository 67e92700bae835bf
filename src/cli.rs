//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use regulars::interchange::Format;

/// Greet returning guests by name, with the usual ready and every open recovery in view.
#[derive(Debug, Parser)]
#[command(name = "regulars", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub book: BookArgs,

    /// Open the counter screen with this search already run.
    #[arg(long, value_name = "TEXT", conflicts_with = "phone")]
    pub query: Option<String>,

    /// Open the counter screen on the guest with this phone number (a caller-ID hook).
    #[arg(long, value_name = "NUMBER")]
    pub phone: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which guest book, and who is writing to it.
#[derive(Debug, Args)]
pub struct BookArgs {
    /// The guest book file [default: guests.db in the platform data folder].
    #[arg(long, global = true, env = "REGULARS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Who is at the counter; recorded with every change [default: the login name].
    #[arg(long, global = true, env = "REGULARS_STAFF", value_name = "NAME")]
    pub staff: Option<String>,

    /// How long a write waits for another desk before giving up, in milliseconds.
    #[arg(long, global = true, env = "REGULARS_BUSY_TIMEOUT", value_name = "MS", default_value_t = 5000)]
    pub busy_timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guests that match QUERY, best first.
    Find {
        /// A name or part of one, phone digits, an email.
        query: String,
        /// How many guests to list at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the best match's card: greeting, last seat, the usual, allergies, open recoveries.
    Card {
        /// A name or part of one, phone digits, an email.
        query: String,
    },
    /// Log a visit for the best match; prints the visit's id once it is saved.
    Visit {
        /// A name or part of one, phone digits, an email.
        query: String,
        /// Where the guest sat.
        #[arg(long)]
        seat: Option<String>,
        /// What the guest ordered, items separated by commas: "sandwich, coffee, egg".
        #[arg(long)]
        order: Option<String>,
        /// The usual seat and order (--seat and --order override either).
        #[arg(long)]
        usual: bool,
        /// How many people came.
        #[arg(long)]
        party: Option<u32>,
        /// A note on the visit.
        #[arg(long)]
        note: Option<String>,
        /// When the visit was, as an RFC 3339 time [default: now].
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Bring a guest list in (all or nothing); guests already in the book are merged, not duplicated.
    Import {
        /// A .jsonl or .csv file.
        file: PathBuf,
        /// The file's format [default: from its extension].
        #[arg(long)]
        format: Option<Format>,
    },
    /// Write the whole guest book out.
    Export {
        #[arg(long, default_value = "jsonl")]
        format: Format,
        /// Write to this file (created readable by you only) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Fill the guest book with realistic synthetic guests.
    Demo {
        /// How many guests to add.
        #[arg(long, default_value_t = 1000)]
        guests: usize,
        /// The same seed gives the same guests.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}
