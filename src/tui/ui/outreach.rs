//! Whom to write to: each guest with why, how to greet them, how to reach them, and what makes the note personal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, book_owned, fit};
use crate::domain::when::{counted, in_words};
use crate::tui::app::{App, OUTREACH_BIRTHDAYS, OUTREACH_LAPSED};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = format!(
        " Outreach · birthdays in {} · regulars away {} ",
        counted(OUTREACH_BIRTHDAYS, "day", "days"),
        in_words(OUTREACH_LAPSED)
    );
    let block = Block::bordered().title(Span::styled(title, theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(rows) = &app.outreach else {
        Line::styled("Looking…", theme.dim).render(inner, buf);
        return;
    };
    let width = usize::from(inner.width);
    let heading = format!("{} to write to · ↑↓ PgUp PgDn scroll", counted(rows.len(), "guest", "guests"));
    let mut lines: Vec<Line<'_>> = vec![fit(vec![Span::styled(heading, theme.dim)], width)];
    for row in rows.iter().skip(app.list_offset) {
        lines.push(Line::default());
        lines.push(fit(
            vec![
                book(&row.reason, theme.alert),
                Span::raw("  "),
                book(&row.name, theme.name),
                Span::raw("  "),
                book(&row.greeting, theme.greeting),
            ],
            width,
        ));
        let contact =
            [row.phone.as_str(), &row.email].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
        let mut detail = vec![Span::styled("  ", theme.text), book_owned(contact, theme.text)];
        if !row.last_visit.is_empty() {
            detail.push(Span::styled(format!("  · last visit {} at ", row.last_visit), theme.dim));
            detail.push(book(&row.last_seat, theme.text));
        }
        lines.push(fit(detail, width));
        if !row.the_usual.is_empty() || !row.recoveries.is_empty() {
            let mut personal = vec![Span::styled("  the usual: ", theme.label), book(&row.the_usual, theme.text)];
            if !row.recoveries.is_empty() {
                personal.push(Span::styled("  · recoveries: ", theme.label));
                personal.push(book(&row.recoveries, theme.warning));
            }
            lines.push(fit(personal, width));
        }
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
