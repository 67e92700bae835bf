//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};
use regulars::i18n::Language;
use regulars::interchange::{DateOrder, Format, Holds, Output};

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
    /// The guest book: a file, or a PostgreSQL database (`postgresql://user@host/dbname`) [default: `book` in the
    /// settings, else guests.db in the platform data folder].
    #[arg(long, global = true, env = "REGULARS_DB", value_name = "PATH|URL")]
    pub db: Option<String>,

    /// Who is at the counter; recorded with every change [default: staff in the settings, else the login name].
    #[arg(long, global = true, env = "REGULARS_STAFF", value_name = "NAME")]
    pub staff: Option<String>,

    /// Where this desk stands ("lobby", "restaurant") [default: station in the settings].
    #[arg(long, global = true, env = "REGULARS_STATION", value_name = "NAME")]
    pub station: Option<String>,

    /// The desk's language: en, zh-Hans or zh-Hant [default: language in the settings, else the locale's (LC_ALL,
    /// LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, env = "REGULARS_LANG", value_name = "LANGUAGE")]
    pub lang: Option<Language>,

    /// The settings file [default: config.toml in the platform config folder].
    #[arg(long, global = true, env = "REGULARS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// How long a write waits for another desk before giving up, in milliseconds (up to an hour).
    #[arg(
        long,
        global = true,
        env = "REGULARS_BUSY_TIMEOUT",
        value_name = "MS",
        default_value_t = 5000,
        value_parser = clap::value_parser!(u64).range(0..=3_600_000)
    )]
    pub busy_timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guests that match QUERY, best first.
    Find {
        /// A name or part of one, phone digits, an email.
        query: String,
        /// How many guests to list at most (up to 10,000).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=10_000))]
        limit: u16,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the best match's card: greeting, last seat, the usual, allergies, open recoveries.
    Card {
        #[command(flatten)]
        guest: GuestArg,
    },
    /// Log a visit for the guest; prints the visit's id once it is saved. A query must name one guest clearly.
    Visit {
        #[command(flatten)]
        guest: GuestArg,
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
        /// When the visit was, in the desk's time: 2026-06-08T07:42, 2026-06-08, 07:42 (today), or RFC 3339 with an
        /// offset [default: now].
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Log it even though the order holds one of the guest's allergies, or --at is in the future.
        #[arg(long)]
        yes: bool,
    },
    /// Bring a guest list in (all or nothing); guests already in the book are merged, not duplicated.
    Import {
        /// The list: .jsonl, .csv (or .tsv, .txt: comma, semicolon or tab separated), .vcf, .xlsx.
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// What a table's rows are: guests, or items sold (a till's sales export, made into visits).
        #[arg(long = "as", value_name = "WHAT", default_value = "guests")]
        holds: Holds,
        /// Keep the columns regulars does not know in the notes, as "Header: value".
        #[arg(long)]
        keep_other_columns: bool,
        /// Say how the file is read and what it would do, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the whole guest book out.
    Export {
        #[arg(long, default_value = "jsonl")]
        format: Output,
        /// CSV cells exactly as stored, for machines: else a cell a spreadsheet would run as a formula (=, +, -, @)
        /// is written with a leading ' (an import takes it off again).
        #[arg(long)]
        raw: bool,
        /// Only this guest's full record (a subject-access request).
        #[arg(long, value_name = "ID")]
        id: Option<i64>,
        /// Write to this file (created readable by you only) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Add a guest, or change one.
    Guest {
        #[command(subcommand)]
        action: GuestAction,
    },
    /// Record a mishap and how it is being put right; tick its follow-ups; resolve it.
    Recovery {
        #[command(subcommand)]
        action: RecoveryAction,
    },
    /// Who answers for a kind of mishap and its goal; what the team changed about it.
    Category {
        #[command(subcommand)]
        action: CategoryAction,
    },
    /// The mishap tally: per category, how often, what it cost, how fast it was put right; worst first.
    Report {
        /// The first day counted, YYYY-MM-DD [default: 90 days before --until].
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// The last day counted, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// The return rate instead: per year, how many guests came back the year after; per month, the share of
        /// visits by returning guests; whether outreach letters brought guests back.
        #[arg(long, conflicts_with_all = ["since", "until", "owner"])]
        returns: bool,
        /// Only the categories this station or department answers for (see `regulars category set`).
        #[arg(long, value_name = "DEPT")]
        owner: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every open follow-up in the book, this station's own first (--station), then soonest due; overdue ones
    /// marked.
    Promises {
        /// Only those overdue (past their time and the grace after it): for a printer or a hook run from cron.
        #[arg(long)]
        overdue: bool,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Guests to write to: birthdays coming up, regulars who have not been back; with what a personal note needs.
    Outreach {
        /// Birthdays in this many days from today (up to a year).
        #[arg(long, value_name = "DAYS", default_value_t = 14, value_parser = clap::value_parser!(i64).range(0..=366))]
        birthdays: i64,
        /// Regulars (two visits or more) with no visit in this many days (up to a hundred years).
        #[arg(long, value_name = "DAYS", default_value_t = 365, value_parser = clap::value_parser!(i64).range(0..=36_500))]
        lapsed: i64,
        /// Only this page of the list: birthdays, or regulars away.
        #[arg(long, value_enum)]
        only: Option<OutreachPage>,
        /// Print CSV for a mail merge (cells a spreadsheet would run as a formula start with ', unless --raw).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// CSV cells exactly as stored, for machines.
        #[arg(long, requires = "csv")]
        raw: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Write the list to FILE (private, whole or not at all) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "written")]
        out: Option<std::path::PathBuf>,
        /// Note that the guest with this id has been written to, for the occasion they are listed for (with
        /// --only, that one): they are left out until the next.
        #[arg(long, value_name = "ID", conflicts_with_all = ["csv", "json"])]
        written: Option<i64>,
    },
    /// Tell other desks a guest is on the way: shown on their screens within a second.
    HeadsUp {
        #[command(flatten)]
        guest: GuestArg,
        /// The station to tell [default: every station].
        #[arg(long, value_name = "STATION")]
        to: Option<String>,
        /// A word for them: "took the lift down".
        #[arg(long)]
        note: Option<String>,
        /// Send it to --to even though no desk has opened the book as that station yet.
        #[arg(long)]
        yes: bool,
    },
    /// Check the guest book: its schema is regulars' own, and every row can be read. Lists what is not; exits 1
    /// when anything is.
    Doctor {
        /// Set a changed schema right: drop what was added, make regulars' own indexes, triggers and views again
        /// (a copy of the book as it is kept beside it first).
        #[arg(long)]
        repair: bool,
        /// Do not ask before repairing: for scripts.
        #[arg(long, requires = "repair")]
        yes: bool,
    },
    /// Copy the guest book to FILE, consistently, while desks keep working.
    Backup {
        /// A new file (created readable by you only).
        file: PathBuf,
    },
    /// Copy the whole guest book into a new one — a file to a PostgreSQL database or back — with every id,
    /// version, time and the audit log kept exactly; all of it, or nothing.
    Copy {
        /// The book to copy: a file, or a PostgreSQL database [default: the book of --db].
        #[arg(long, value_name = "PATH|URL")]
        from: Option<String>,
        /// The new book: a file not there yet, or an empty database.
        #[arg(long, value_name = "PATH|URL")]
        to: String,
    },
    /// Erase a guest at their request: the guest, visits, notes and heads-ups; recoveries stay, without them.
    Forget {
        #[command(flatten)]
        guest: GuestArg,
        /// Do not ask: for scripts.
        #[arg(long)]
        yes: bool,
    },
    /// Tonight's guests: the day's reservations or room arrivals, each with how to greet them and what they need.
    Arrivals {
        /// The day, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE", global = false)]
        date: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<ArrivalsAction>,
    },
    /// The pre-shift briefing: tonight's arrivals on one printable page (HTML), grouped as the shift needs them.
    Briefing {
        /// The day, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// The page to write.
        #[arg(long, value_name = "FILE.html")]
        out: std::path::PathBuf,
    },
    /// The name drill: tonight's guests (or the regulars most likely to come) as flashcards, answered with the name
    /// or the greeting on standard input; cards missed come back sooner.
    Drill {
        /// The night, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// At most this many cards, the least known first [default: all].
        #[arg(long, value_name = "N")]
        cards: Option<usize>,
    },
    /// Who changed what, and when, from the audit log.
    Log {
        /// Only changes to this guest (a query that names one guest clearly).
        #[arg(long, value_name = "QUERY", conflicts_with = "guest_id")]
        guest: Option<String>,
        /// Only changes to the guest with this id.
        #[arg(long, value_name = "ID")]
        guest_id: Option<i64>,
        /// From this day on, YYYY-MM-DD [default: everything].
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    /// Fill the guest book with realistic synthetic guests.
    Demo {
        /// How many guests to add, up to ten million [default: demo_guests in the settings, else 1000].
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
        guests: Option<u32>,
        /// The same seed gives the same guests.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How long the guests' histories are: `decade` is ten years as uneven as a house's (about ten visits a
        /// guest, a few hundred with hundreds, one with twenty thousand), for trying a book of many years.
        #[arg(long, value_enum, default_value_t)]
        history: regulars::demo::History,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuestAction {
    /// Add a guest (--name is required).
    #[command(group = ArgGroup::new("new_guest").required(true).args(["name"]))]
    Add {
        #[command(flatten)]
        fields: ProfileArgs,
        /// Add them even though a guest with the same phone number or email is in the book.
        #[arg(long)]
        yes: bool,
    },
    /// Merge one entry into another for the same person: visits, recoveries, tags and notes move; details that
    /// differ are kept in the notes. Each must be named clearly (a query or an id).
    Merge {
        #[command(flatten)]
        guest: GuestArg,
        /// The entry to keep: a query that names one guest clearly.
        #[arg(long, value_name = "QUERY", required_unless_present = "into_id", conflicts_with = "into_id")]
        into: Option<String>,
        /// The entry to keep, by id.
        #[arg(long, value_name = "ID")]
        into_id: Option<i64>,
    },
    /// Change a guest's details: only the fields given change. A query must name one guest clearly.
    Edit {
        #[command(flatten)]
        guest: GuestArg,
        #[command(flatten)]
        fields: ProfileArgs,
    },
}

/// A page of the outreach list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutreachPage {
    Birthdays,
    Lapsed,
}

/// Which guest: a query, or an id.
#[derive(Debug, Args)]
pub struct GuestArg {
    /// A name or part of one, phone digits, an email (or give --id).
    #[arg(required_unless_present = "id", conflicts_with = "id")]
    pub query: Option<String>,
    /// The guest's id, as `find --json` and `log` show it.
    #[arg(long)]
    pub id: Option<i64>,
}

/// A guest's details; list fields take items separated by commas.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[arg(long)]
    pub name: Option<String>,
    /// How staff address the guest: "于先生", "Mr. Yu".
    #[arg(long)]
    pub greeting: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    /// YYYY-MM-DD, or --MM-DD without the year.
    #[arg(long, allow_hyphen_values = true)]
    pub birthday: Option<String>,
    #[arg(long)]
    pub tags: Option<String>,
    #[arg(long)]
    pub allergies: Option<String>,
    #[arg(long)]
    pub preferences: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// A name the guest also goes by (an English name, the passport spelling); repeat for more. On `edit`, the
    /// names given replace the guest's; `--other-name ''` clears them.
    #[arg(long = "other-name", value_name = "NAME")]
    pub other_names: Vec<String>,
}

/// How a file to import is read: what `import` and `arrivals import` both take.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The file's format [default: from its extension].
    #[arg(long)]
    pub format: Option<Format>,
    /// Which column holds a field, over the guess from its header: --map phone="Mobile 2" (again for more).
    #[arg(long, value_name = "FIELD=HEADER")]
    pub map: Vec<String>,
    /// Which comes first in a date like 06/08/1990: the day (dmy) or the month (mdy).
    #[arg(long, value_name = "ORDER")]
    pub date_order: Option<DateOrder>,
    /// The file's encoding: utf-8, utf-16le, gbk, gb18030, big5, … [default: told from the file].
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// The workbook's sheet [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ArrivalsAction {
    /// Bring in the day's bookings as a booking system exports them (CSV, Excel or JSON Lines): each is matched to
    /// a guest of the book; all or nothing; a file imported again adds only what it did not have.
    Import {
        /// The file.
        file: std::path::PathBuf,
        /// The day of a row that gives none, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        read: ReadArgs,
        /// Show what would be imported and whom each booking is matched to; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The guest came: mark the arrival arrived and log their visit at the reserved table or room.
    Arrived {
        /// The arrival's id, as `regulars arrivals` shows it.
        id: i64,
    },
    /// Say whom an arrival that is not certain is for: a guest, or someone new.
    Choose {
        /// The arrival's id.
        id: i64,
        /// The guest's id, as `find --json` shows it.
        #[arg(long, value_name = "ID", conflicts_with = "new", required_unless_present = "new")]
        guest_id: Option<i64>,
        /// Someone the book does not know yet: they are added as a new guest.
        #[arg(long)]
        new: bool,
    },
    /// The guest did not come.
    NoShow {
        /// The arrival's id.
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum CategoryAction {
    /// Name the station or department that answers for a category, and its goal; what is not given is kept.
    Set {
        /// The category, as the tally counts it: "room upgrade".
        name: String,
        /// Who answers for it: "housekeeping", "restaurant"; "" names nobody.
        #[arg(long, value_name = "DEPT")]
        owner: Option<String>,
        /// At most this many: N/day or N/week ("1/day"); "none" clears it.
        #[arg(long, value_name = "N/day|N/week")]
        goal: Option<String>,
    },
    /// Record what the team changed about a category (a suggestion acted on), dated, by whom.
    Note {
        /// The category.
        name: String,
        /// What was changed: "fans stocked on every floor".
        text: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecoveryAction {
    /// Open a recovery for a guest (a query that names one clearly, or --id), or for nobody in particular.
    Add {
        /// A name or part of one, phone digits, an email.
        #[arg(conflicts_with = "id")]
        query: Option<String>,
        /// The guest's id.
        #[arg(long)]
        id: Option<i64>,
        /// The kind of mishap, as counted in the tally: "room upgrade", "late order".
        #[arg(long)]
        category: String,
        /// What happened.
        #[arg(long)]
        what: Option<String>,
        /// What was done about it.
        #[arg(long)]
        action: Option<String>,
        /// What it cost: "1,200.50" (thousands separators and the decimal mark as the locale writes them).
        #[arg(long)]
        cost: Option<String>,
        /// A follow-up task; give it once per task. `@OWNER` in it names the station or department that keeps it,
        /// `due:WHEN` when: 06:30 (the next 06:30), +30m, +2h, +1d, 2026-06-08 (by the end of the day) or
        /// 2026-06-08T06:30, in the desk's time: "early breakfast ready @restaurant due:06:30".
        #[arg(long = "follow-up", value_name = "TASK")]
        follow_ups: Vec<String>,
        /// When it happened, in the desk's time: 2026-06-08T07:42, 2026-06-08, 07:42 (today), or RFC 3339 with an
        /// offset [default: now].
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Take an --at in the future as given.
        #[arg(long)]
        yes: bool,
    },
    /// Tick follow-up NUMBER (1 for the first) of recovery ID.
    FollowUp {
        id: i64,
        number: usize,
        /// Untick it instead.
        #[arg(long)]
        undo: bool,
    },
    /// Mark recovery ID resolved.
    Resolve {
        id: i64,
        /// When it was resolved, in the desk's time: 2026-06-08T07:42, 2026-06-08, 07:42 (today), or RFC 3339 with
        /// an offset [default: now].
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Take an --at in the future as given.
        #[arg(long)]
        yes: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use proptest::prelude::*;

    /// Every subcommand, option and flag the command line knows, by name.
    fn words() -> Vec<String> {
        fn add(command: &clap::Command, words: &mut Vec<String>) {
            words.push(command.get_name().to_owned());
            words.extend(command.get_arguments().filter_map(|arg| arg.get_long()).map(|long| format!("--{long}")));
            for sub in command.get_subcommands() {
                add(sub, words);
            }
        }
        let mut words = Vec::new();
        add(&Cli::command(), &mut words);
        words
    }

    /// Values as people mistype them: huge and negative numbers, fractions, exponents, empty, any text.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "-?[0-9]{1,25}",
            "-?[0-9]{1,5}\\.[0-9]{1,5}(e[+-]?[0-9]{1,4})?",
            Just(String::new()),
            Just(i64::MIN.to_string()),
            Just(u64::MAX.to_string()),
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Any sequence of the command line's own words and values is parsed or refused with clap's usage error:
        /// never a panic (a range too wide for its type, a value for a flag, a flag with a missing value).
        #[test]
        fn any_command_line_is_parsed_or_refused(
            picks in proptest::collection::vec((0usize..1000, value(), any::<bool>()), 0..8)
        ) {
            let words = words();
            let mut args = vec!["regulars".to_owned()];
            for (pick, value, word) in picks {
                args.push(if word { words[pick % words.len()].clone() } else { value });
            }
            let _ = Cli::try_parse_from(args);
        }
    }
}
