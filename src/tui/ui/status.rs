//! The status line: the keys that work now, and the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::{book, fit};
use crate::tui::app::{App, Mode, View};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let keys = match app.mode() {
        Mode::Help => " Esc close help · Ctrl-C quit",
        Mode::Form => " Tab next field · Shift-Tab back · Ctrl-S save · Esc cancel",
        Mode::Reports if app.view == View::Log => {
            " ↑↓ PgUp PgDn scroll · F3 tally · F4 outreach · Esc back to the counter"
        }
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
