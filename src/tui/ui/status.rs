//! The status line: the question waiting for a key, else the last message, else who is at this desk and where.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::text::{book, fit};
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    if let Some(confirm) = &app.confirm {
        buf.set_style(area, app.theme.alert);
        fit(vec![book(&format!(" {}", confirm.prompt), app.theme.alert)], width).render(area, buf);
        return;
    }
    if let Some(status) = &app.status {
        fit(vec![book(&format!(" {}", status.text), app.theme.greeting)], width).render(area, buf);
        return;
    }
    let desk = match &app.station {
        Some(station) => format!("{} · {station} ", app.staff),
        None => format!("{} ", app.staff),
    };
    Line::from(book(&desk, app.theme.dim)).right_aligned().render(area, buf);
}
