//! Who changed what, and when: the audit log, newest first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, book_owned, draw, fit};
use crate::i18n::date_time;
use crate::t;
use crate::tui::app::{App, LOG_SHOWN};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let language = app.language;
    let block = Block::bordered().title(Span::styled(t!(language, "log-title"), theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(entries) = &app.log else {
        draw(&Line::styled(t!(language, "log-reading"), theme.dim), inner, buf);
        return;
    };
    let width = usize::from(inner.width);
    let mut rows = inner.y..inner.bottom();
    for (y, entry) in rows.by_ref().zip(entries.iter().skip(app.list_offset)) {
        let at = format!("{}  ", date_time(language, entry.at, app.zone));
        let who = match (entry.guest, &entry.name) {
            (Some(id), Some(name)) => t!(language, "log-guest", id = id.0, name = name.as_str()),
            (Some(id), None) => t!(language, "log-guest-gone", id = id.0),
            (None, _) => String::new(),
        };
        let line = vec![
            Span::styled(at, theme.dim),
            book(&entry.staff, theme.label),
            Span::raw("  "),
            book_owned(crate::i18n::audit_action(language, &entry.action), theme.text),
            book_owned(who, theme.text),
            Span::raw("  "),
            book(&entry.detail, theme.dim),
        ];
        draw(&fit(line, width), Rect::new(inner.x, y, inner.width, 1), buf);
    }
    if entries.len() >= LOG_SHOWN
        && let Some(y) = rows.next()
    {
        let older = t!(language, "log-older", count = LOG_SHOWN);
        draw(&Line::styled(older, theme.dim), Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
