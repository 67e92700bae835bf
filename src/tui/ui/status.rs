//! The status line: the question waiting for a key, else the last message, else who is at this desk and where. A
//! long one wraps onto a second row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{book, draw, wrap};
use crate::tui::app::App;

/// The most rows a message takes.
const MOST_ROWS: u16 = 3;

/// The question or message, as shown: text and style.
fn said(app: &App) -> Option<(String, ratatui::style::Style)> {
    match (&app.confirm, &app.status) {
        (Some(confirm), _) => Some((format!(" {}", confirm.prompt.text(app.language)), app.theme.alert)),
        (None, Some(status)) => Some((format!(" {}", status.text.text(app.language)), app.theme.greeting)),
        (None, None) => None,
    }
}

/// How many rows the status needs at `width` columns: one, or two for a long message.
pub fn rows_needed(app: &App, width: u16) -> u16 {
    let Some((text, style)) = said(app) else { return 1 };
    let lines = wrap(vec![Span::styled(text, style)], usize::from(width), 1).len();
    u16::try_from(lines).unwrap_or(MOST_ROWS).clamp(1, MOST_ROWS)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    if let Some((text, style)) = said(app) {
        if app.confirm.is_some() {
            buf.set_style(area, style);
        }
        let lines = wrap(vec![book(&text, style)], width, 1);
        for (y, line) in (area.y..area.bottom()).zip(lines) {
            draw(&line, Rect::new(area.x, y, area.width, 1), buf);
        }
        return;
    }
    let desk = match &app.station {
        Some(station) => format!("{} · {station} ", app.staff),
        None => format!("{} ", app.staff),
    };
    draw(&Line::from(book(&desk, app.theme.dim)).right_aligned(), area, buf);
}
