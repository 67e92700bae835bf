//! The status line: the keys that work now, and the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::{book, fit};
use crate::domain::text::inert;
use crate::tui::app::{App, Mode, View};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // A heads-up from another desk takes the whole line: the guest is walking up now.
    if let Some(heads_up) = app.live_heads_ups().next() {
        let from = if heads_up.from_station.is_empty() { "another desk" } else { heads_up.from_station.as_str() };
        let who = if heads_up.greeting.is_empty() { &heads_up.name } else { &heads_up.greeting };
        let mut spans = vec![
            Span::styled(" ▶ ", app.theme.alert),
            book(who, app.theme.alert),
            Span::styled(format!(" ({}) on the way", inert(&heads_up.name)), app.theme.alert),
            Span::styled(
                format!(" — from {}, {}", inert(from), ago_minutes(heads_up.sent_at, app.now)),
                app.theme.text,
            ),
        ];
        if !heads_up.note.is_empty() {
            spans.push(Span::styled(" · ", app.theme.dim));
            spans.push(book(&heads_up.note, app.theme.text));
        }
        match &heads_up.taken {
            Some(taken) => spans.push(Span::styled(
                format!(" · taken by {} at {}", inert(&taken.by), inert(&taken.station)),
                app.theme.dim,
            )),
            None => spans.push(Span::styled(" · F5 open · F6 take it", app.theme.dim)),
        }
        fit(spans, usize::from(area.width)).render(area, buf);
        return;
    }
    let keys = match app.mode() {
        Mode::Help => " Esc close help · Ctrl-C quit",
        Mode::Form => " Tab next field · Shift-Tab back · Ctrl-S save · Esc cancel",
        Mode::Reports if app.view == View::Outreach => {
            " F3 mishap tally · Esc back to the counter · regulars outreach --csv for a mail merge"
        }
        Mode::Reports => " 1 7 days · 2 30 days · 3 90 days · 4 a year · F4 outreach · Esc back to the counter",
        Mode::Guest => " u usual · v visit · e edit · r recovery · f follow-up · x resolve · Ctrl-Z undo · Esc back",
        Mode::Search if app.guests == Some(0) => " F2 load demo guests · F1 help · Ctrl-C quit",
        Mode::Search => " type to find · ↑↓ select · Enter open · F3 tally · F1 help · Ctrl-C quit",
    };
    // With nothing to report, the line says who is at this desk, and where.
    let desk = match &app.station {
        Some(station) => format!("{} · {station} ", app.staff),
        None => format!("{} ", app.staff),
    };
    let message = app.status.as_deref().unwrap_or(&desk);
    let width = usize::from(area.width);
    // The message wins the space: it says what just happened.
    let message_width = message.width().min(width.saturating_sub(2));
    let message_line = fit(vec![book(message, app.theme.greeting)], message_width);
    let keys_room = width.saturating_sub(message_line.width() + 2);
    fit(vec![Span::styled(keys, app.theme.dim)], keys_room).render(area, buf);
    Line::from(message_line.spans).right_aligned().render(area, buf);
}

/// "just now", "3 min ago".
fn ago_minutes(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    match (now - then).num_minutes() {
        ..=0 => "just now".to_owned(),
        minutes => format!("{minutes} min ago"),
    }
}
