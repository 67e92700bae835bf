//! The heads-up banner: another desk says a guest is on the way.

use ratatui::text::Span;

use super::text::book;
use crate::domain::text::inert;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};

/// The newest heads-up for this desk, as one line; else that the book's server cannot be reached; else the newest
/// heads-up this desk sent that another desk has taken.
pub fn line(app: &App) -> Option<Vec<Span<'_>>> {
    let Some(heads_up) = app.live_heads_ups().next() else { return server_lost(app).or_else(|| taken(app)) };
    let from = if heads_up.from_station.is_empty() { "another desk" } else { heads_up.from_station.as_str() };
    let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
    let mut spans = vec![
        Span::styled(" ▶ ", app.theme.alert),
        book(who, app.theme.alert),
        Span::styled(format!(" ({}) on the way", inert(&heads_up.name)), app.theme.alert),
        Span::styled(format!(" — from {}, {}", inert(from), ago_minutes(heads_up.sent_at, app.now)), app.theme.text),
    ];
    if !heads_up.note.is_empty() {
        spans.push(Span::styled(" · ", app.theme.dim));
        spans.push(book(&heads_up.note, app.theme.text));
    }
    match &heads_up.taken {
        Some(taken) => {
            spans.push(Span::styled(
                format!(" · taken by {} at {}", inert(&taken.by), inert(&taken.station)),
                app.theme.dim,
            ));
        }
        None => {
            let open = app.key(Mode::Search, &Action::OpenHeadsUp);
            let take = app.key(Mode::Search, &Action::TakeHeadsUp);
            spans.push(Span::styled(format!(" · {open} open · {take} take it"), app.theme.dim));
        }
    }
    Some(spans)
}

/// The server is gone: search answers from what was loaded, and nothing can be saved until it is back.
fn server_lost(app: &App) -> Option<Vec<Span<'_>>> {
    let why = app.server_lost.as_ref()?;
    Some(vec![
        Span::styled(" ⚠ The book's server cannot be reached", app.theme.alert),
        Span::styled(
            format!(": search and cards show what was read; saving fails until it is back ({})", inert(why)),
            app.theme.text,
        ),
    ])
}

/// A heads-up this desk sent, taken at another: the loop closed, where and by whom.
fn taken(app: &App) -> Option<Vec<Span<'_>>> {
    let heads_up = app.taken_heads_ups().next()?;
    let taken = heads_up.taken.as_ref()?;
    let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
    let at = if taken.station.is_empty() { "another desk" } else { taken.station.as_str() };
    Some(vec![
        Span::styled(" ✓ ", app.theme.greeting),
        Span::styled("Your heads-up about ", app.theme.text),
        book(who, app.theme.greeting),
        Span::styled(
            format!(" was taken by {} at {}, {}", inert(&taken.by), inert(at), ago_minutes(taken.at, app.now)),
            app.theme.text,
        ),
    ])
}

/// "just now", "3 min ago".
fn ago_minutes(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    match (now - then).num_minutes() {
        ..=0 => "just now".to_owned(),
        minutes => format!("{minutes} min ago"),
    }
}
