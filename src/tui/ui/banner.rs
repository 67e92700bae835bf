//! The heads-up banner: another desk says a guest is on the way.

use ratatui::text::Span;

use super::text::book;
use crate::domain::text::inert;
use crate::tui::app::App;

/// The newest heads-up for this desk, as one line.
pub fn line(app: &App) -> Option<Vec<Span<'_>>> {
    let heads_up = app.live_heads_ups().next()?;
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
        None => spans.push(Span::styled(" · F5 open · F6 take it", app.theme.dim)),
    }
    Some(spans)
}

/// "just now", "3 min ago".
fn ago_minutes(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    match (now - then).num_minutes() {
        ..=0 => "just now".to_owned(),
        minutes => format!("{minutes} min ago"),
    }
}
