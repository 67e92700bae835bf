//! Tonight's arrivals: one line each that prepares the greeting — the time, how to greet them, party and table or
//! room, who they are to the house, and on a second line the usual, allergies (in the warning colour), an open
//! recovery, a birthday this week and the booking's note. Arrived and no-show are dimmed, so what is still to come
//! stands out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book_owned, draw, fit};
use crate::domain::arrival::Status;
use crate::t;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let language = app.language;
    let count = app.tonight.rows.as_ref().map_or(0, Vec::len);
    let title = t!(language, "arrivals-heading", day = crate::i18n::date(language, app.arrivals_day()), n = count);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(rows) = &app.tonight.rows else {
        draw(&Line::styled(t!(language, "arrivals-reading"), theme.dim), inner, buf);
        return;
    };
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled(t!(language, "arrivals-none-yet"), theme.dim));
    }
    // Two lines an arrival; the selected one kept in view.
    let shown = (usize::from(inner.height) / 2).max(1);
    let first = app.tonight.selected.saturating_sub(shown - 1);
    for (i, row) in rows.iter().enumerate().skip(first).take(shown) {
        let line = crate::tonight::line(row, language);
        let selected = i == app.tonight.selected;
        let done = row.arrival.status != Status::Expected;
        let name_style = if selected {
            theme.selected
        } else if done {
            theme.dim
        } else {
            theme.name
        };
        let mut first_line = vec![
            Span::styled(if selected { "▶ " } else { "  " }, theme.greeting),
            Span::styled(format!("{}  ", line.time), if done { theme.dim } else { theme.text }),
            book_owned(line.greeting, name_style),
        ];
        for part in [line.party_and_place, line.standing].into_iter().filter(|p| !p.is_empty()) {
            first_line.push(Span::styled(" · ", theme.dim));
            first_line.push(book_owned(part, if done { theme.dim } else { theme.text }));
        }
        if let Some(status) = line.status {
            first_line.push(Span::styled(format!(" · {status}"), theme.greeting));
        }
        lines.push(fit(first_line, width));
        let mut second = vec![Span::raw("         ")];
        if let Some(allergies) = line.allergies {
            second.push(book_owned(allergies, theme.warning));
            second.push(Span::raw("  "));
        }
        for part in [line.usual, line.open_recovery, line.birthday, line.note].into_iter().flatten() {
            second.push(book_owned(part, theme.text));
            second.push(Span::raw("  "));
        }
        lines.push(fit(second, width));
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
