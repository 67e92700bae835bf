//! One function per subcommand. Each opens the guest book, does one thing, and prints the result; errors carry the
//! context a user needs and leave the book as it was.

mod card;
mod report;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, Local, NaiveDate, Utc};
use regulars::config::Config;
use regulars::domain::outreach::prospects;
use regulars::domain::tally::{REPORT_DAYS, last_days, tally};
use regulars::domain::text::{inert, inert_json};
use regulars::domain::{FollowUp, GuestHistory, GuestId, Profile, Recovery, RecoveryId, Visit};
use regulars::interchange::{self, Format};
use regulars::report::outreach_rows;
use regulars::search::{Field, Index};
use regulars::store::{Store, StoreError};
use regulars::{demo, tui};
use serde::Serialize;

use crate::cli::{BookArgs, Cli, Command, GuestAction, ProfileArgs, RecoveryAction};

pub fn run(cli: Cli) -> Result<()> {
    let book = Book::from_args(&cli.book)?;
    match cli.command {
        None => {
            let query = match (cli.query, cli.phone) {
                (Some(query), _) => query,
                // Caller ID sends numbers with or without country and trunk prefixes; the last 8 digits are what
                // a stored number and a calling number share.
                (None, Some(phone)) => {
                    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
                    digits[digits.len().saturating_sub(8)..].iter().collect()
                }
                (None, None) => String::new(),
            };
            let store = book.open()?;
            let options = tui::Options {
                query,
                staff: book.staff.clone(),
                station: (!book.station.is_empty()).then(|| book.station.clone()),
                demo_guests: book.demo_guests(),
                heads_up_minutes: book.config.heads_up_minutes.unwrap_or(tui::app::HEADS_UP_MINUTES),
                theme: book.config.theme,
            };
            tui::run(store, &options)
        }
        Some(Command::Find { query, limit, json }) => find(&book, &query, limit, json),
        Some(Command::Card { query }) => {
            let store = book.open()?;
            let history = top_match(&store, &query)?;
            let mut out = io::stdout().lock();
            card::write(&mut out, &history.card(), Utc::now())?;
            Ok(())
        }
        Some(Command::Visit { query, seat, order, usual, party, note, at }) => {
            let mut store = book.open()?;
            let history = top_match(&store, &query)?;
            let at = time_or_now("--at", at.as_deref())?;
            let base = if usual {
                history.card().the_usual_visit(at, &book.staff).ok_or_else(|| {
                    anyhow!("{} has no usual yet: give --seat and --order", inert(&history.guest.profile.name))
                })?
            } else {
                Visit {
                    at,
                    seat: String::new(),
                    order: Vec::new(),
                    party_size: None,
                    staff: book.staff.clone(),
                    note: String::new(),
                }
            };
            let visit = Visit {
                seat: seat.unwrap_or(base.seat),
                order: order.map(|o| list(&o)).unwrap_or(base.order),
                party_size: party,
                note: note.unwrap_or_default(),
                ..base
            }
            .validated()?;
            let id =
                store.log_visit(history.guest.id, visit.clone(), &book.staff).context("the visit was not saved")?;
            println!(
                "visit {} logged for {}: {}",
                id.0,
                inert(&history.guest.profile.name),
                inert(&card::or_dash(visit.seat_and_order()))
            );
            Ok(())
        }
        Some(Command::Import { file, format }) => import(&book, &file, format),
        Some(Command::Export { format, out, id }) => {
            let store = book.open()?;
            let guests = match id {
                Some(id) => vec![store.history(GuestId(id))?],
                None => store.histories()?,
            };
            match out {
                Some(path) => {
                    let file = fs::OpenOptions::new()
                        .write(true)
                        .create(true)
                        .truncate(true)
                        .mode(0o600)
                        .open(&path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    interchange::write(format, &guests, BufWriter::new(file))?;
                    eprintln!("exported {} guests to {}", guests.len(), path.display());
                }
                None => interchange::write(format, &guests, BufWriter::new(io::stdout().lock()))?,
            }
            Ok(())
        }
        Some(Command::Guest { action }) => guest(&book, action),
        Some(Command::Outreach { birthdays, lapsed, csv, json }) => {
            let store = book.open()?;
            let (now, zone) = (Utc::now(), *Local::now().offset());
            let today = now.with_timezone(&zone).date_naive();
            let histories = store.outreach(today, birthdays, now - chrono::Duration::days(lapsed))?;
            let rows = outreach_rows(&prospects(&histories, now, today, birthdays, lapsed), zone);
            let mut out = BufWriter::new(io::stdout().lock());
            if json {
                writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&rows)?))?;
            } else if csv {
                // The mail merge reads the data exactly, as an export does.
                let mut writer = ::csv::Writer::from_writer(&mut out);
                for row in &rows {
                    writer.serialize(row)?;
                }
                writer.flush()?;
            } else {
                for row in &rows {
                    writeln!(out, "{} — {} ({})", inert(&row.reason), inert(&row.name), inert(&row.greeting))?;
                    let contact =
                        [row.phone.as_str(), &row.email].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
                    writeln!(out, "  contact: {}", inert(&card::or_dash(contact.join(" · "))))?;
                    writeln!(
                        out,
                        "  last visit: {} at {}",
                        card::or_dash(row.last_visit.clone()),
                        inert(&card::or_dash(row.last_seat.clone()))
                    )?;
                    writeln!(out, "  the usual: {}", inert(&card::or_dash(row.the_usual.clone())))?;
                    if !row.recoveries.is_empty() {
                        writeln!(out, "  recoveries: {}", inert(&row.recoveries))?;
                    }
                }
                if rows.is_empty() {
                    writeln!(
                        out,
                        "Nobody to write to: no birthday in the next {birthdays} days, no regular away {lapsed} days."
                    )?;
                }
            }
            out.flush()?;
            Ok(())
        }
        Some(Command::HeadsUp { query, to, note }) => {
            let mut store = book.open()?;
            let guest = top_match(&store, &query)?.guest;
            store
                .send_heads_up(guest.id, &book.station, to.as_deref(), note.as_deref().unwrap_or(""), &book.staff)
                .context("the heads-up was not sent")?;
            let to = to.map_or_else(|| "every station".to_owned(), |s| inert(&s).into_owned());
            println!("heads-up sent to {to}: {} is on the way", inert(&guest.profile.name));
            Ok(())
        }
        Some(Command::Backup { file }) => {
            let store = book.open()?;
            store.backup(&file).with_context(|| format!("cannot back up to {}", file.display()))?;
            println!("backed up to {}", file.display());
            Ok(())
        }
        Some(Command::Forget { query, id, yes }) => {
            let mut store = book.open()?;
            let guest = match (id, query) {
                (Some(id), _) => store.history(GuestId(id))?.guest,
                (None, Some(query)) => top_match(&store, &query)?.guest,
                (None, None) => bail!("say whom to forget: a query or --id"),
            };
            let who = format!("{} (guest {}, {})", inert(&guest.profile.name), guest.id, inert(&guest.profile.phone));
            if !yes {
                eprint!("Erase {who} and all their visits and notes? This cannot be undone. Type yes: ");
                let mut answer = String::new();
                io::stdin().read_line(&mut answer)?;
                if answer.trim() != "yes" {
                    bail!("nothing was erased");
                }
            }
            store.forget(guest.id, &book.staff).context("the guest was not erased")?;
            println!("guest {} erased", guest.id);
            Ok(())
        }
        Some(Command::Log { guest, since }) => {
            let store = book.open()?;
            let guest = guest.map(|q| top_match(&store, &q)).transpose()?.map(|h| h.guest.id);
            let since = match since {
                Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|_| anyhow!("--since: {text:?} is not a date: use YYYY-MM-DD"))?
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default()
                    .and_utc(),
                None => DateTime::<Utc>::MIN_UTC,
            };
            let mut out = BufWriter::new(io::stdout().lock());
            for entry in store.audit_entries(guest, since)? {
                let who = match (entry.guest, &entry.name) {
                    (Some(id), Some(name)) => format!("guest {id} ({})", inert(name)),
                    (Some(id), None) => format!("guest {id} (no longer in the book)"),
                    (None, _) => "—".to_owned(),
                };
                let at = entry.at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
                writeln!(
                    out,
                    "{at}  {}  {}  {who}  {}",
                    inert(&entry.staff),
                    inert(&entry.action),
                    inert(&entry.detail)
                )?;
            }
            out.flush()?;
            Ok(())
        }
        Some(Command::Report { since, until, json }) => {
            let store = book.open()?;
            let (since, until) = period(since.as_deref(), until.as_deref())?;
            let tally = tally(&store.mishaps()?, since, until);
            let mut out = BufWriter::new(io::stdout().lock());
            if json {
                writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&tally)?))?;
            } else {
                report::write(&mut out, &tally)?;
            }
            out.flush()?;
            Ok(())
        }
        Some(Command::Recovery { action }) => recovery(&book, action),
        Some(Command::Demo { guests, seed }) => {
            let mut store = book.open()?;
            let started = Instant::now();
            let records = demo::guests(guests.unwrap_or_else(|| book.demo_guests()), seed, Local::now().date_naive());
            let summary = store.import(records, &book.staff, &format!("demo seed {seed}"))?;
            println!(
                "demo guests: {} added, {} merged, {} already there ({:.1} s)",
                summary.added,
                summary.merged,
                summary.unchanged,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

fn guest(book: &Book, action: GuestAction) -> Result<()> {
    let mut store = book.open()?;
    match action {
        GuestAction::Add { fields } => {
            if fields.name.is_none() {
                bail!("a new guest needs --name");
            }
            let profile = fields.applied_to(Profile::default())?;
            let name = profile.name.clone();
            let id = store.add_guest(profile, &book.staff).context("the guest was not saved")?;
            println!("guest {id} added: {}", inert(name.trim()));
        }
        GuestAction::Merge { query, into } => {
            let (from, into) = (top_match(&store, &query)?.guest, top_match(&store, &into)?.guest);
            store.merge_guests(from.id, into.id, &book.staff).context("the guests were not merged")?;
            println!("guest {} merged into guest {}: {}", from.id, into.id, inert(&into.profile.name));
        }
        GuestAction::Edit { query, fields } => {
            let guest = top_match(&store, &query)?.guest;
            let profile = fields.applied_to(guest.profile)?;
            store.edit_guest(guest.id, guest.version, profile, &book.staff).context("the guest was not saved")?;
            println!("guest {} updated", guest.id);
        }
    }
    Ok(())
}

impl ProfileArgs {
    /// `profile` with the fields given replaced.
    fn applied_to(self, mut profile: Profile) -> Result<Profile> {
        let text = [
            (self.name, &mut profile.name),
            (self.greeting, &mut profile.greeting),
            (self.phone, &mut profile.phone),
            (self.email, &mut profile.email),
            (self.notes, &mut profile.notes),
        ];
        for (given, field) in text {
            if let Some(value) = given {
                *field = value;
            }
        }
        for (given, field) in [
            (self.tags, &mut profile.tags),
            (self.allergies, &mut profile.allergies),
            (self.preferences, &mut profile.preferences),
        ] {
            if let Some(value) = given {
                *field = list(&value);
            }
        }
        if let Some(birthday) = self.birthday {
            profile.birthday = if birthday.trim().is_empty() {
                None
            } else {
                Some(birthday.trim().parse().map_err(|e| anyhow!("--birthday: {e}"))?)
            };
        }
        Ok(profile)
    }
}

fn recovery(book: &Book, action: RecoveryAction) -> Result<()> {
    let mut store = book.open()?;
    match action {
        RecoveryAction::Add { query, category, what, action, cost, follow_ups, at } => {
            let guest = query.map(|q| top_match(&store, &q)).transpose()?.map(|h| h.guest);
            let recovery = Recovery {
                opened_at: time_or_now("--at", at.as_deref())?,
                category,
                what_happened: what.unwrap_or_default(),
                action_taken: action.unwrap_or_default(),
                cost,
                follow_ups: follow_ups.into_iter().map(|task| FollowUp { task, done: false }).collect(),
                resolved_at: None,
                staff: book.staff.clone(),
            };
            let id = store
                .add_recovery(guest.as_ref().map(|g| g.id), recovery, &book.staff)
                .context("the recovery was not saved")?;
            match guest {
                Some(guest) => println!("recovery {} opened for {}", id.0, inert(&guest.profile.name)),
                None => println!("recovery {} opened (no guest)", id.0),
            }
        }
        RecoveryAction::FollowUp { id, number, undo } => {
            let index = number.checked_sub(1).ok_or_else(|| anyhow!("follow-ups are numbered from 1"))?;
            store.set_follow_up(RecoveryId(id), index, !undo, &book.staff).context("the follow-up was not saved")?;
            println!("follow-up {number} of recovery {id} {}", if undo { "reopened" } else { "done" });
        }
        RecoveryAction::Resolve { id, at } => {
            store
                .resolve_recovery(RecoveryId(id), time_or_now("--at", at.as_deref())?, &book.staff)
                .context("the recovery was not resolved")?;
            println!("recovery {id} resolved");
        }
    }
    Ok(())
}

/// The days counted: `--since` to `--until` inclusive, by default the 90 days up to now.
fn period(since: Option<&str>, until: Option<&str>) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let day = |flag: &str, text: &str| -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| anyhow!("{flag}: {text:?} is not a date: use YYYY-MM-DD"))
    };
    let until = match until {
        Some(text) => day("--until", text)?.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc(),
        None => Utc::now(),
    };
    let since = match since {
        Some(text) => day("--since", text)?.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
        None => last_days(until, REPORT_DAYS),
    };
    if since > until {
        bail!("--since is after --until");
    }
    Ok((since, until))
}

/// An RFC 3339 time given as `flag`, or now.
fn time_or_now(flag: &str, text: Option<&str>) -> Result<DateTime<Utc>> {
    match text {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| anyhow!("{flag}: {text:?} is not an RFC 3339 time such as 2025-06-08T12:30:00+08:00")),
        None => Ok(Utc::now()),
    }
}

/// "sandwich, coffee, egg" as items.
fn list(text: &str) -> Vec<String> {
    text.split(',').map(str::to_owned).collect()
}

/// Where the guest book is, who is writing to it, and the desk's settings.
struct Book {
    path: PathBuf,
    staff: String,
    /// Where this desk stands; empty when not said.
    station: String,
    busy_timeout: Duration,
    config: Config,
}

/// Demo guests added when nobody says how many.
const DEMO_GUESTS: usize = 1000;

impl Book {
    fn from_args(args: &BookArgs) -> Result<Self> {
        let config = match args.config.clone().or_else(Config::default_path) {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        };
        let path = match &args.db {
            Some(path) => path.clone(),
            None => directories::ProjectDirs::from("", "", "regulars")
                .map(|dirs| dirs.data_dir().join("guests.db"))
                .context("cannot find a home folder for the guest book; give --db PATH")?,
        };
        let staff = args
            .staff
            .clone()
            .or_else(|| config.staff.clone())
            .or_else(|| std::env::var("USER").ok())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "staff".to_owned());
        let station = args.station.clone().or_else(|| config.station.clone()).unwrap_or_default();
        Ok(Self { path, staff, station, busy_timeout: Duration::from_millis(args.busy_timeout), config })
    }

    fn demo_guests(&self) -> usize {
        self.config.demo_guests.unwrap_or(DEMO_GUESTS)
    }

    fn open(&self) -> Result<Store> {
        let store = Store::open(&self.path, self.busy_timeout)
            .with_context(|| format!("cannot open the guest book {}", self.path.display()))?;
        if store.readable_by_others() {
            eprintln!(
                "regulars: warning: the guest book can be read by other users; fix it with: chmod 600 '{}'",
                store.path().display()
            );
        }
        Ok(store)
    }
}

fn top_match(store: &Store, query: &str) -> Result<GuestHistory> {
    let (index, found) = Index::search_once(store, query, 1)?;
    let hit = found.hits.into_iter().next();
    let guest = hit.map(|h| index.guest(h.entry)).ok_or_else(|| anyhow!("no guest matches {:?}", inert(query)))?;
    Ok(store.history(guest.id)?)
}

#[derive(Serialize)]
struct FoundGuest<'a> {
    id: i64,
    name: &'a str,
    greeting: &'a str,
    phone: &'a str,
    email: &'a str,
    matched: &'static str,
    last_visit: Option<String>,
    visits: u32,
}

fn find(book: &Book, query: &str, limit: usize, json: bool) -> Result<()> {
    let store = book.open()?;
    let (index, found) = Index::search_once(&store, query, limit)?;
    let hits = found.hits;
    if found.close && !hits.is_empty() {
        eprintln!("regulars: no exact match for {:?}; these are one typo away", inert(query));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let now = Utc::now();
    if json {
        let found: Vec<FoundGuest<'_>> = hits
            .iter()
            .map(|hit| {
                let row = index.guest(hit.entry);
                FoundGuest {
                    id: row.id.0,
                    name: row.name,
                    greeting: row.greeting,
                    phone: row.phone,
                    email: row.email,
                    matched: hit.field.label(),
                    last_visit: row.last_visit.map(|t| t.to_rfc3339()),
                    visits: row.visit_count,
                }
            })
            .collect();
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&found)?))?;
    } else {
        if hits.is_empty() {
            bail!("no guest matches {:?}", inert(query));
        }
        for hit in &hits {
            let row = index.guest(hit.entry);
            let last = row.last_visit.map_or_else(|| "never visited".to_owned(), |t| card::when(t, now));
            let matched = if hit.field == Field::Name { String::new() } else { format!("  [{}]", hit.field.label()) };
            writeln!(
                out,
                "{}  {}  {}  last visit {last}, {} visits{matched}",
                inert(row.name),
                inert(row.greeting),
                inert(row.phone),
                row.visit_count
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

fn import(book: &Book, file: &Path, format: Option<Format>) -> Result<()> {
    let shown = file.display();
    let format = format.or_else(|| Format::from_path(file)).ok_or_else(|| {
        anyhow!("cannot tell the format of {shown} from its name; give --format jsonl or --format csv")
    })?;
    let bytes = fs::read(file).with_context(|| format!("cannot read {shown}"))?;
    let parsed = interchange::parse(format, &bytes).map_err(|e| anyhow!("{shown}: {e}; nothing was imported"))?;
    for warning in &parsed.warnings {
        eprintln!("regulars: warning: {shown}: {}", inert(warning));
    }
    let lines: Vec<u64> = parsed.records.iter().map(|(line, _)| *line).collect();
    let records = parsed.records.into_iter().map(|(_, record)| record).collect();
    let mut store = book.open()?;
    let summary = store.import(records, &book.staff, &format!("import {}", file_name(file))).map_err(|e| match e {
        StoreError::InvalidRecord { index, error } => {
            anyhow!("{shown}: line {}: field `{}`: {}; nothing was imported", lines[index], error.field, error.problem)
        }
        other => anyhow!(other).context(format!("{shown}: nothing was imported")),
    })?;
    println!(
        "imported {shown}: {} added, {} merged, {} already there",
        summary.added, summary.merged, summary.unchanged
    );
    Ok(())
}

/// The file's own name: the audit log says which list a change came from without recording where it was kept.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned())
}
