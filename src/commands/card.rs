//! `regulars card`: a guest's card as plain text.

use std::io::{self, Write};

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local, Utc};
use regulars::domain::cells::padded;
use regulars::domain::regular::{self, Mark};
use regulars::domain::text::{inert, quoted};
use regulars::domain::{Card, TheUsual};
use regulars::i18n::{Language, ago, date_at};
use regulars::promises::Clock;
use regulars::t;

use super::Book;
use super::pick::{Need, pick};
use crate::cli::GuestArg;

const NONE: &str = "—";

pub fn run(book: &Book, which: &GuestArg) -> Result<()> {
    let store = book.open()?;
    let picked = pick(&store, which, Need::Read, book.language)?;
    let mut out = io::stdout().lock();
    let clock = Clock { now: Utc::now(), zone: zone(), grace: book.config.overdue_after(), language: book.language };
    let mark = regular::mark(&picked.history.visits, clock.now, book.config.regular_visits());
    write(&mut out, &picked.history.card(), mark, &clock)?;
    if picked.others > 0 {
        let query = quoted(which.query.as_deref().unwrap_or_default());
        writeln!(out, "{}", t!(book.language, "card-others", count = picked.others, query = query))?;
    }
    Ok(())
}

/// How wide the card's labels are, in terminal cells: the widest label of any language, and a cell more.
const LABEL_CELLS: usize = 13;

/// A card as plain text in `language`; its labels padded by the cells they take, so that Chinese labels (two cells a
/// character) line up as English ones do.
pub fn write(out: &mut impl Write, card: &Card<'_>, mark: Option<Mark>, clock: &Clock) -> io::Result<()> {
    let (now, language) = (clock.now, clock.language);
    let p = &card.guest.profile;
    let ago = |at: DateTime<Utc>| ago(language, at, now, zone());
    let list = |items: &[String]| if items.is_empty() { NONE.to_owned() } else { items.join(", ") };
    let or_none = |text: &str| if text.is_empty() { NONE.to_owned() } else { text.to_owned() };
    match mark {
        Some(mark) => writeln!(out, "{}  ({})", inert(&p.name), regulars::i18n::regular_mark(language, mark))?,
        None => writeln!(out, "{}", inert(&p.name))?,
    }
    let mut line = |label: &str, value: &str| writeln!(out, "  {}{}", padded(label, LABEL_CELLS), inert(value));
    line(&t!(language, "card-greet-as"), &or_none(&regulars::i18n::greeting(language, &p.greeting)))?;
    line(&t!(language, "card-phone"), &or_none(&p.phone))?;
    line(&t!(language, "card-email"), &or_none(&p.email))?;
    let last_seat = card.last_seat.as_ref().map_or_else(
        || NONE.to_owned(),
        |last| format!("{} · {} · {}", last.seat, date(language, last.at), ago(last.at)),
    );
    line(&t!(language, "card-last-seat"), &last_seat)?;
    line(&t!(language, "card-usual-seat"), card.usual_seat.unwrap_or(NONE))?;
    let usual = match &card.the_usual {
        None => NONE.to_owned(),
        Some(TheUsual::Usual { items, times, of_last }) => {
            t!(language, "card-usual-support", items = items.join(", "), times = *times, of = *of_last)
        }
        Some(TheUsual::LastOrder { items, at }) => {
            t!(language, "card-last-order", items = items.join(", "), ago = ago(*at))
        }
    };
    line(&t!(language, "card-the-usual"), &usual)?;
    line(&t!(language, "card-allergies"), &list(&p.allergies))?;
    line(&t!(language, "card-preferences"), &list(&p.preferences))?;
    if !p.other_names.is_empty() {
        line(&t!(language, "card-also-known-as"), &list(&p.other_names))?;
    }
    line(&t!(language, "card-tags"), &list(&p.tags))?;
    line(
        &t!(language, "card-birthday"),
        &p.birthday.map_or_else(|| NONE.to_owned(), |b| regulars::i18n::birthday(language, b)),
    )?;
    let visits = match card.first_visit {
        Some(first) => t!(language, "card-visits-since", count = card.visit_count, first = date(language, first)),
        None => t!(language, "card-no-visits"),
    };
    line(&t!(language, "card-visits"), &visits)?;
    // Notes keep their own line breaks (a merge adds its record on a line of its own); who wrote them goes last.
    let notes: Vec<&str> = p.notes.lines().filter(|l| !l.trim().is_empty()).collect();
    let by =
        card.guest.notes_by.as_ref().map(|n| t!(language, "card-noted-by", staff = n.staff.as_str(), ago = ago(n.at)));
    let notes_label = t!(language, "card-notes");
    for (i, note) in notes.iter().enumerate() {
        let tail = if i + 1 == notes.len() {
            by.as_deref().map(|by| format!(" {by}")).unwrap_or_default()
        } else {
            String::new()
        };
        line(if i == 0 { &notes_label } else { "" }, &format!("{note}{tail}"))?;
    }
    for entry in &card.open_recoveries {
        let r = &entry.recovery;
        let by =
            if r.staff.is_empty() { String::new() } else { t!(language, "card-recovery-by", staff = r.staff.as_str()) };
        let opened = t!(
            language,
            "card-open-recovery",
            id = entry.id.0,
            category = r.category.as_str(),
            opened = date(language, r.opened_at),
            ago = ago(r.opened_at),
            by = by
        );
        writeln!(out, "  {}", inert(&opened))?;
        if !r.what_happened.is_empty() {
            writeln!(out, "    {}", inert(&t!(language, "card-what-happened", text = r.what_happened.as_str())))?;
        }
        if !r.action_taken.is_empty() {
            writeln!(out, "    {}", inert(&t!(language, "card-action-taken", text = r.action_taken.as_str())))?;
        }
        for follow_up in &r.follow_ups {
            let promised = clock.follow_up(follow_up).map(|p| format!(" · {p}")).unwrap_or_default();
            let mark = if follow_up.done { 'x' } else { ' ' };
            writeln!(out, "    [{mark}] {}{}", inert(&follow_up.task), inert(&promised))?;
        }
    }
    for visit in &card.recent_visits {
        let seat = or_dash(visit.seat_and_order());
        writeln!(out, "  {}", inert(&t!(language, "card-visit", date = date(language, visit.at), seat = seat)))?;
    }
    Ok(())
}

/// The text, or a dash where there is none.
pub fn or_dash(text: String) -> String {
    if text.is_empty() { NONE.to_owned() } else { text }
}

/// "2025-06-08 (1 year ago)" in the desk's local time, in `language`.
pub fn when(at: DateTime<Utc>, now: DateTime<Utc>, language: Language) -> String {
    format!("{} ({})", date(language, at), ago(language, at, now, zone()))
}

/// The day of `at` on the desk's clock, as `language` writes it.
fn date(language: Language, at: DateTime<Utc>) -> String {
    date_at(language, at, zone())
}

/// The desk's time zone now.
fn zone() -> FixedOffset {
    *Local::now().offset()
}
