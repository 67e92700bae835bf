//! `regulars log`: who changed what, and when.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, anyhow};
use chrono::{DateTime, Local, NaiveTime, Utc};
use regulars::domain::GuestId;
use regulars::domain::text::inert;
use regulars::domain::when::said_day;
use regulars::i18n::{audit_action, date_time};
use regulars::t;

use super::Book;
use super::pick::{Need, pick_query};

pub fn run(book: &Book, guest: Option<String>, guest_id: Option<i64>, since: Option<String>) -> Result<()> {
    let store = book.open()?;
    // A log is read, but of one guest: the query must name them clearly, or the log shown is someone else's.
    let guest = match (guest, guest_id) {
        (_, Some(id)) => Some(GuestId(id)),
        (Some(query), None) => Some(pick_query(&store, &query, Need::Write, book.language)?.history.guest.id),
        (None, None) => None,
    };
    let since = match since {
        Some(text) => {
            said_day(&text).map_err(|why| anyhow!(why).context("--since"))?.and_time(NaiveTime::MIN).and_utc()
        }
        None => DateTime::<Utc>::MIN_UTC,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for entry in store.audit_entries(guest, since)? {
        let language = book.language;
        let who = match (entry.guest, &entry.name) {
            (Some(id), Some(name)) => t!(language, "log-guest", id = id.0, name = inert(name)).trim_start().to_owned(),
            (Some(id), None) => t!(language, "log-guest-gone", id = id.0).trim_start().to_owned(),
            (None, _) => "—".to_owned(),
        };
        let at = date_time(language, entry.at, *entry.at.with_timezone(&Local).offset());
        let action = audit_action(language, &entry.action);
        writeln!(out, "{at}  {}  {}  {who}  {}", inert(&entry.staff), inert(&action), inert(&entry.detail))?;
    }
    out.flush()?;
    Ok(())
}
