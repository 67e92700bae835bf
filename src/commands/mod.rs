//! One file per subcommand. Each opens the guest book, does one thing, and prints the result; errors carry the
//! context a user needs and leave the book as it was. `pick` finds the guest a command is about, and refuses a
//! write whose query does not name one guest clearly.

mod arrivals;
mod backup;
mod briefing;
mod card;
mod category;
mod copy;
mod demo;
mod doctor;
mod drill;
mod export;
mod find;
mod forget;
mod guest;
mod heads_up;
mod import;
mod log;
mod outreach;
mod pick;
mod promises;
mod recovery;
mod report;
mod returns;
mod screen;
mod visit;
mod whole_file;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Local, Utc};
use regulars::config::{Config, numeric_locale};
use regulars::domain::check_len;
use regulars::domain::guest::SHORT_FIELD_MAX;
use regulars::domain::money::Money;
use regulars::domain::text::inert;
use regulars::domain::when::said_time;
use regulars::files::Exposure;
use regulars::i18n::Language;
use regulars::interchange::{Holds, Options};
use regulars::store::{Location, Store, Unreadables};
use regulars::t;

use crate::cli::{BookArgs, Cli, Command, ReadArgs};

/// Runs the command, and says in which language its errors are to be told: the desk's, or where the settings could
/// not be read, the one `--lang` or the locale names.
pub fn run(cli: Cli) -> (Language, Result<()>) {
    match Book::from_args(&cli.book) {
        Ok(book) => (book.language, command(cli, &book)),
        Err(error) => (cli.book.lang.unwrap_or_else(environment_language), Err(error)),
    }
}

/// What went wrong, in `language`: the context each step gave (already in the language), and the book's own error
/// said in it — its account is whole, so the chain stops there.
pub fn said(error: &anyhow::Error, language: Language) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        match said_of(cause) {
            Some(said) => {
                parts.push(said.text(language));
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

/// The error's own account in the desk's words, if it is one of ours.
fn said_of(cause: &(dyn std::error::Error + 'static)) -> Option<regulars::i18n::Said> {
    use regulars::i18n;
    if let Some(error) = cause.downcast_ref::<regulars::store::StoreError>() {
        return Some(i18n::error(error));
    }
    if let Some(error) = cause.downcast_ref::<regulars::domain::ValidationError>() {
        return Some(i18n::validation(error));
    }
    if let Some(bad) = cause.downcast_ref::<regulars::domain::when::BadTime>() {
        return Some(i18n::bad_time(bad));
    }
    if let Some(bad) = cause.downcast_ref::<regulars::domain::promise::BadDue>() {
        return Some(i18n::bad_due(bad));
    }
    if let Some(bad) = cause.downcast_ref::<regulars::domain::guest::BadBirthday>() {
        return Some(i18n::bad_birthday(bad));
    }
    if let Some(error) = cause.downcast_ref::<regulars::config::ConfigError>() {
        return Some(i18n::config_error(error));
    }
    cause.downcast_ref::<regulars::domain::money::BadAmount>().map(i18n::bad_amount)
}

/// The language a command line asks for before clap has read it, for its `--help`: `--lang`, else as the settings and
/// the locale say (see `Book::from_args`); settings that cannot be read are passed over here (the command says why).
pub fn language_of_args(args: &[std::ffi::OsString]) -> Language {
    use clap::ValueEnum;
    let args: Vec<String> = args.iter().map(|arg| arg.to_string_lossy().into_owned()).collect();
    let value = |flag: &str| {
        args.iter().enumerate().find_map(|(i, arg)| match arg.strip_prefix(flag) {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        })
    };
    let given = value("--lang").or_else(|| std::env::var("REGULARS_LANG").ok());
    if let Some(language) = given.and_then(|text| Language::from_str(&text, false).ok()) {
        return language;
    }
    let config =
        value("--config").map(std::path::PathBuf::from).or_else(|| std::env::var_os("REGULARS_CONFIG").map(Into::into));
    let settings = config.or_else(Config::default_path).and_then(|path| Config::load(&path, false).ok());
    settings.and_then(|config| config.language).unwrap_or_else(environment_language)
}

/// How a file is to be read, from what the command line says of it: an encoding it names must be one.
fn read_options(read: ReadArgs, holds: Holds, keep_other_columns: bool, language: Language) -> Result<Options> {
    let encoding = match read.encoding.as_deref() {
        Some(label) => Some(regulars::interchange::encoding(label).ok_or_else(|| {
            anyhow!(t!(language, "cli-not-an-encoding", label = regulars::domain::text::quoted(label)))
        })?),
        None => None,
    };
    let ReadArgs { format, map, date_order, sheet, .. } = read;
    Ok(Options { format, holds, map, keep_other_columns, date_order, encoding, sheet, zone: None })
}

/// The language the environment's locale names (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn environment_language() -> Language {
    let env = |name: &str| std::env::var(name).ok();
    Language::of_environment(env("LC_ALL").as_deref(), env("LC_MESSAGES").as_deref(), env("LANG").as_deref())
}

fn command(cli: Cli, book: &Book) -> Result<()> {
    match cli.command {
        None => screen::run(book, cli.query, cli.phone),
        Some(Command::Find { query, limit, json }) => find::run(book, &query, usize::from(limit), json),
        Some(Command::Card { guest }) => card::run(book, &guest),
        Some(Command::Visit { guest, seat, order, usual, party, note, at, yes }) => {
            visit::run(book, &guest, visit::Given { seat, order, usual, party, note, at, yes })
        }
        Some(Command::Import { file, read, holds, keep_other_columns, dry_run }) => {
            let options = read_options(read, holds, keep_other_columns, book.language)?;
            import::run(book, &file, options, dry_run)
        }
        Some(Command::Export { format, raw, out, id }) => export::run(book, format, raw, out.as_deref(), id),
        Some(Command::Guest { action }) => guest::run(book, action),
        Some(Command::Outreach { birthdays, lapsed, only, csv, raw, json, out, written }) => {
            let output = match (csv, json) {
                (true, _) => outreach::Output::Csv { raw },
                (_, true) => outreach::Output::Json,
                _ => outreach::Output::Text,
            };
            outreach::run(book, outreach::Ask { birthdays, lapsed, only, output, out, written })
        }
        Some(Command::HeadsUp { guest, to, note, yes }) => heads_up::run(book, &guest, to, note, yes),
        Some(Command::Doctor { repair, yes }) => doctor::run(book, repair, yes),
        Some(Command::Backup { file }) => backup::run(book, &file),
        Some(Command::Copy { from, to }) => copy::run(book, from.as_deref(), &to),
        Some(Command::Forget { guest, yes }) => forget::run(book, &guest, yes),
        Some(Command::Log { guest, guest_id, since }) => log::run(book, guest, guest_id, since),
        Some(Command::Arrivals { date, json, action }) => arrivals::run(book, date.as_deref(), json, action),
        Some(Command::Briefing { date, out }) => briefing::run(book, date.as_deref(), &out),
        Some(Command::Drill { date, cards }) => drill::run(book, date.as_deref(), cards),
        Some(Command::Report { returns: true, json, .. }) => returns::run(book, json),
        Some(Command::Report { since, until, owner, json, .. }) => {
            report::run(book, since.as_deref(), until.as_deref(), owner.as_deref(), json)
        }
        Some(Command::Recovery { action }) => recovery::run(book, action),
        Some(Command::Category { action }) => category::run(book, action),
        Some(Command::Promises { overdue, json }) => promises::run(book, overdue, json),
        Some(Command::Demo { guests, seed, history }) => {
            demo::run(book, guests.and_then(|n| usize::try_from(n).ok()), seed, history)
        }
    }
}

/// The time given as `flag`, as the desk says it (see `said_time`: the desk's own time zone), or now. A time in
/// the future is taken only when `future_ok` (`--yes`).
fn time_or_now(flag: &str, text: Option<&str>, future_ok: bool) -> Result<DateTime<Utc>> {
    match text {
        Some(text) => {
            said_time(text, Utc::now(), &Local, future_ok).map_err(|why| anyhow!(why).context(flag.to_owned()))
        }
        None => Ok(Utc::now()),
    }
}

/// "sandwich, coffee, egg" as items.
fn list(text: &str) -> Vec<String> {
    text.split(',').map(str::to_owned).collect()
}

/// Standard output, made inert when it is a terminal: an export or a mail-merge file read on screen cannot drive
/// the terminal, while one written to a file or a pipe keeps the data exactly. `json` keeps JSON exact on screen
/// too (unsafe characters as `\u` escapes).
fn stdout_for_data(json: bool) -> Box<dyn Write> {
    let out = io::stdout();
    if out.is_terminal() {
        Box::new(InertLines { out, line: Vec::new(), json })
    } else {
        Box::new(io::BufWriter::new(out))
    }
}

/// Passes whole lines on, each made inert.
struct InertLines<W: Write> {
    out: W,
    line: Vec<u8>,
    json: bool,
}

impl<W: Write> InertLines<W> {
    fn emit(&mut self) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.line);
        let safe = if self.json { regulars::domain::text::inert_json(&text) } else { inert(&text) };
        self.out.write_all(safe.as_bytes())?;
        self.line.clear();
        Ok(())
    }
}

impl<W: Write> Write for InertLines<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        for &byte in bytes {
            if byte == b'\n' {
                self.emit()?;
                self.out.write_all(b"\n")?;
            } else {
                self.line.push(byte);
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            self.emit()?;
        }
        self.out.flush()
    }
}

/// Where the guest book is, who is writing to it, and the desk's settings.
pub struct Book {
    location: Location,
    staff: String,
    /// Where this desk stands; empty when not said.
    station: String,
    busy_timeout: Duration,
    config: Config,
    /// The language the desk speaks.
    language: Language,
}

/// Demo guests added when nobody says how many.
const DEMO_GUESTS: usize = 1000;

impl Book {
    fn from_args(args: &BookArgs) -> Result<Self> {
        let config = match (&args.config, Config::default_path()) {
            (Some(given), _) => Config::load(given, true)?,
            (None, Some(default)) => Config::load(&default, false)?,
            (None, None) => Config::default(),
        };
        let location = match args.db.as_ref().or(config.book.as_ref()) {
            Some(book) => Location::parse(book)?,
            None => Location::File(
                directories::ProjectDirs::from("", "", "regulars")
                    .map(|dirs| dirs.data_dir().join("guests.db"))
                    .context("cannot find a home folder for the guest book; give --db PATH")?,
            ),
        };
        let staff = args
            .staff
            .clone()
            .or_else(|| config.staff.clone())
            .or_else(|| std::env::var("USER").ok())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "staff".to_owned());
        let station = args.station.clone().or_else(|| config.station.clone()).unwrap_or_default();
        // The same limits wherever the name comes from (an option, the environment, the settings), for every command:
        // a staff name is in every audit row the desk writes.
        for (field, name) in [("staff", &staff), ("station", &station)] {
            check_len(field, name, SHORT_FIELD_MAX)?;
            if name.chars().any(char::is_control) {
                anyhow::bail!("{field}: {} holds control characters", regulars::domain::text::quoted(name));
            }
        }
        let language = args.lang.or(config.language).unwrap_or_else(environment_language);
        Ok(Self { location, staff, station, busy_timeout: Duration::from_millis(args.busy_timeout), config, language })
    }

    fn demo_guests(&self) -> usize {
        self.config.demo_guests.unwrap_or(DEMO_GUESTS)
    }

    /// How amounts are written at this desk: the currency of the settings, the decimal mark of the locale.
    fn money(&self) -> Money {
        self.config.money(&numeric_locale())
    }

    /// The book, its warnings said on standard error; the rows its reads pass over as unreadable are said there
    /// too, once the command is done with it (see `Opened`).
    fn open(&self) -> Result<Opened> {
        let store = self.open_quietly()?;
        for warning in warnings(&store, self.language) {
            eprintln!("regulars: warning: {warning}");
        }
        Ok(Opened(store))
    }

    /// The book, its warnings left for the caller to show (the counter screen shows them on its status line).
    fn open_quietly(&self) -> Result<Store> {
        Store::open_at(&self.location, self.busy_timeout)
            .with_context(|| t!(self.language, "cli-cannot-open", book = self.location.to_string()))
    }
}

/// A book a command has open. What its reads passed over as unreadable (see `Store::unreadable`) is said on
/// standard error when the command is done with it, after what the command printed, whichever way it ends: a list
/// shown without a row never looks whole.
struct Opened(Store);

impl std::ops::Deref for Opened {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0
    }
}

impl std::ops::DerefMut for Opened {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.0
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        say_left_out(&self.0.unreadable());
    }
}

/// Says on standard error each row left out, and how many more were.
fn say_left_out(rows: &Unreadables) {
    for row in &rows.rows {
        let line = format!("{row} cannot be read and was left out; regulars doctor lists every such row");
        eprintln!("regulars: warning: {}", inert(&line));
    }
    if rows.more > 0 {
        eprintln!("regulars: warning: {} more rows cannot be read and were left out", rows.more);
    }
}

/// What about the book's file lets other users at it, each with its fix.
fn warnings(store: &Store, language: Language) -> Vec<String> {
    let Some(path) = store.path() else { return Vec::new() };
    store
        .exposure()
        .into_iter()
        .map(|exposure| match exposure {
            Exposure::Readable { shared } => {
                let (mode, whom) = if shared { ("660", "warning-owner-and-group") } else { ("600", "warning-owner") };
                let fix = match shell_quoted(path) {
                    Some(quoted) => t!(language, "warning-fix-with", mode = mode, path = quoted),
                    None => {
                        let whom = regulars::i18n::text(language, whom, &[]);
                        t!(language, "warning-readable-only-by", path = shown(path), whom = whom, mode = mode)
                    }
                };
                t!(language, "warning-readable", fix = fix)
            }
            Exposure::OpenFolder(folder) => t!(language, "warning-open-folder", folder = shown(&folder)),
        })
        .collect()
}

/// A path as a message shows it: inert, so that a name from outside cannot move the cursor or recolour the screen.
fn shown(path: &Path) -> String {
    inert(&path.display().to_string()).into_owned()
}

/// A path as a shell reads it back, to paste into a command: bare when it holds only characters the shell takes as
/// they are, else in single quotes with each quote closed, escaped and opened again. `None` for a path a shell
/// line cannot carry as typed (control characters, or not UTF-8): a hint then names the file without a command.
fn shell_quoted(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    if text.chars().any(char::is_control) {
        return None;
    }
    let bare = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c);
    if !text.is_empty() && text.chars().all(bare) {
        return Some(text.to_owned());
    }
    Some(format!("'{}'", text.replace('\'', "'\\''")))
}

/// The file's own name: the audit log says which list a change came from without recording where it was kept.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_in_a_hint_pastes_back_as_itself() {
        let quoted = |text: &str| shell_quoted(Path::new(text));
        assert_eq!(quoted("/home/nok/guests.db").as_deref(), Some("/home/nok/guests.db"));
        assert_eq!(quoted("/srv/my book.db").as_deref(), Some("'/srv/my book.db'"));
        assert_eq!(quoted("/tmp/q';touch x;'.db").as_deref(), Some("'/tmp/q'\\'';touch x;'\\''.db'"));
        assert_eq!(quoted("/tmp/\u{1b}[31mred.db"), None);
    }
}
