//! `regulars` with no subcommand: the counter screen.

use anyhow::Result;
use regulars::tui;

use super::Book;

pub fn run(book: &Book, query: Option<String>, phone: Option<String>) -> Result<()> {
    let query = match (query, phone) {
        (Some(query), _) => query,
        // Caller ID sends numbers with or without country and trunk prefixes; the last 8 digits are what a stored
        // number and a calling number share.
        (None, Some(phone)) => {
            let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
            digits[digits.len().saturating_sub(8)..].iter().collect()
        }
        (None, None) => String::new(),
    };
    // Said on the status line, where the desk sees it, rather than on a terminal the screen is about to cover.
    let store = book.open_quietly()?;
    let warning = super::warnings(&store, book.language).into_iter().next();
    let options = tui::Options {
        warning,
        language: book.language,
        query,
        staff: book.staff.clone(),
        station: (!book.station.is_empty()).then(|| book.station.clone()),
        demo_guests: book.demo_guests(),
        heads_up_minutes: book.config.heads_up_minutes.unwrap_or(tui::app::HEADS_UP_MINUTES),
        overdue_after: book.config.overdue_after(),
        regular_visits: book.config.regular_visits(),
        theme: book.config.theme,
        money: book.money(),
        keymap: book.config.keymap()?,
    };
    tui::run(store, &options)
}
