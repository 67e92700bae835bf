//! The promises list: every open follow-up in the book, two lines each — when it is due and where it stands (the
//! warning colour once overdue, the alert colour when due), whose it is and the task; then the guest, the kind of
//! mishap and the recovery. This station's own come first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, book_owned, draw, fit};
use crate::domain::promise::Standing;
use crate::t;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let language = app.language;
    let clock = app.clock();
    let open = &app.promises.open;
    let overdue = open.iter().filter(|p| matches!(clock.standing(p.due), Standing::Overdue(_))).count();
    let title = t!(language, "promises-heading", n = open.len(), overdue = overdue);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if open.is_empty() {
        lines.push(Line::styled(t!(language, "promises-none"), theme.dim));
    }
    let station = app.station.as_deref().unwrap_or_default();
    // Two lines a promise; the selected one kept in view.
    let shown = (usize::from(inner.height) / 2).max(1);
    let first = app.promises.selected.saturating_sub(shown - 1);
    for (i, promise) in open.iter().enumerate().skip(first).take(shown) {
        let selected = i == app.promises.selected;
        let standing = clock.standing(promise.due);
        let when_style = match standing {
            Standing::Overdue(_) => theme.warning,
            Standing::Due(_) => theme.alert,
            Standing::Ahead(_) | Standing::Untimed => theme.text,
        };
        let when = clock.due(promise.due).unwrap_or_else(|| t!(language, "promise-untimed"));
        let mut top = vec![
            Span::styled(if selected { "▶ " } else { "  " }, theme.greeting),
            Span::styled(when, when_style),
            Span::styled("  ", theme.dim),
        ];
        if let Some(owner) = &promise.owner {
            let mine = promise.is_for(station);
            top.push(book_owned(format!("@{owner}"), if mine { theme.greeting } else { theme.label }));
            top.push(Span::styled("  ", theme.dim));
        }
        top.push(book(&promise.task, if selected { theme.selected } else { theme.name }));
        lines.push(fit(top, width));
        let guest = promise.name.clone().unwrap_or_else(|| t!(language, "promise-no-guest"));
        let about = t!(
            language,
            "promises-about",
            category = promise.category.as_str(),
            id = promise.recovery.0,
            n = promise.position
        );
        lines.push(fit(
            vec![Span::raw("    "), book_owned(guest, theme.text), Span::styled(format!(" · {about}"), theme.dim)],
            width,
        ));
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
