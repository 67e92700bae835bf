//! `regulars card`: a guest's card as plain text.

use std::io::{self, Write};

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local, Utc};
use regulars::domain::text::{inert, quoted};
use regulars::domain::when::ago;
use regulars::domain::{Card, TheUsual};

use super::Book;
use super::pick::{Need, pick};
use crate::cli::GuestArg;

const NONE: &str = "—";

pub fn run(book: &Book, which: &GuestArg) -> Result<()> {
    let store = book.open()?;
    let picked = pick(&store, which, Need::Read)?;
    let mut out = io::stdout().lock();
    write(&mut out, &picked.history.card(), Utc::now())?;
    if picked.others > 0 {
        let query = which.query.as_deref().unwrap_or_default();
        let (others, them) = match picked.others {
            1 => ("1 other guest matches".to_owned(), "it"),
            n => (format!("{n} other guests match"), "them"),
        };
        writeln!(out, "({others} {}: regulars find {} lists {them})", quoted(query), quoted(query))?;
    }
    Ok(())
}

pub fn write(out: &mut impl Write, card: &Card<'_>, now: DateTime<Utc>) -> io::Result<()> {
    let p = &card.guest.profile;
    let list = |items: &[String]| if items.is_empty() { NONE.to_owned() } else { items.join(", ") };
    let or_none = |text: &str| if text.is_empty() { NONE.to_owned() } else { text.to_owned() };
    writeln!(out, "{}", inert(&p.name))?;
    let mut line = |label: &str, value: &str| writeln!(out, "  {label:<12} {}", inert(value));
    line("Greet as", &or_none(&p.greeting))?;
    line("Phone", &or_none(&p.phone))?;
    line("Email", &or_none(&p.email))?;
    let last_seat = card.last_seat.as_ref().map_or_else(
        || NONE.to_owned(),
        |last| format!("{} · {} · {}", last.seat, date(last.at), ago(last.at, now, zone())),
    );
    line("Last seat", &last_seat)?;
    line("Usual seat", card.usual_seat.unwrap_or(NONE))?;
    let usual = match &card.the_usual {
        None => NONE.to_owned(),
        Some(TheUsual::Usual { items, times, of_last }) => {
            format!("{} — {times} of last {of_last} visits", items.join(", "))
        }
        Some(TheUsual::LastOrder { items, at }) => {
            format!("{} — last order, {}", items.join(", "), ago(*at, now, zone()))
        }
    };
    line("The usual", &usual)?;
    line("Allergies", &list(&p.allergies))?;
    line("Preferences", &list(&p.preferences))?;
    if !p.other_names.is_empty() {
        line("Also known as", &list(&p.other_names))?;
    }
    line("Tags", &list(&p.tags))?;
    line("Birthday", &p.birthday.map_or_else(|| NONE.to_owned(), |b| b.to_string()))?;
    let visits = match card.first_visit {
        Some(first) => format!("{} since {}", card.visit_count, date(first)),
        None => "none yet".to_owned(),
    };
    line("Visits", &visits)?;
    // Notes keep their own line breaks (a merge adds its record on a line of its own); who wrote them goes last.
    let notes: Vec<&str> = p.notes.lines().filter(|l| !l.trim().is_empty()).collect();
    let by = card.guest.notes_by.as_ref().map(|n| format!(" (noted by {}, {})", n.staff, ago(n.at, now, zone())));
    for (i, note) in notes.iter().enumerate() {
        let tail = if i + 1 == notes.len() { by.as_deref().unwrap_or_default() } else { "" };
        line(if i == 0 { "Notes" } else { "" }, &format!("{note}{tail}"))?;
    }
    for entry in &card.open_recoveries {
        let r = &entry.recovery;
        let by = if r.staff.is_empty() { String::new() } else { format!(" by {}", r.staff) };
        writeln!(
            out,
            "  OPEN RECOVERY #{}: {} · opened {} ({}){}",
            entry.id.0,
            inert(&r.category),
            date(r.opened_at),
            ago(r.opened_at, now, zone()),
            inert(&by)
        )?;
        if !r.what_happened.is_empty() {
            writeln!(out, "    What happened: {}", inert(&r.what_happened))?;
        }
        if !r.action_taken.is_empty() {
            writeln!(out, "    Action taken:  {}", inert(&r.action_taken))?;
        }
        for follow_up in &r.follow_ups {
            writeln!(out, "    [{}] {}", if follow_up.done { 'x' } else { ' ' }, inert(&follow_up.task))?;
        }
    }
    for visit in &card.recent_visits {
        writeln!(out, "  Visit {}: {}", date(visit.at), inert(&or_dash(visit.seat_and_order())))?;
    }
    Ok(())
}

/// The text, or a dash where there is none.
pub fn or_dash(text: String) -> String {
    if text.is_empty() { NONE.to_owned() } else { text }
}

/// "2025-06-08 (1 year ago)" in the desk's local time.
pub fn when(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!("{} ({})", date(at), ago(at, now, zone()))
}

fn date(at: DateTime<Utc>) -> String {
    at.with_timezone(&zone()).format("%Y-%m-%d").to_string()
}

/// The desk's time zone now.
fn zone() -> FixedOffset {
    *Local::now().offset()
}
