//! Whom to write to, a page for each occasion (birthdays coming, regulars away): each guest with why, how to greet
//! them, how to reach them, and what makes the note personal. Enter notes the selected guest as written to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, book_owned, draw, fit};
use crate::domain::outreach::Occasion;
use crate::i18n::{away, days_count};
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, OUTREACH_BIRTHDAYS, OUTREACH_LAPSED};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let language = app.language;
    let title = t!(
        language,
        "outreach-title",
        birthdays = days_count(language, OUTREACH_BIRTHDAYS),
        away = away(language, OUTREACH_LAPSED),
    );
    let block = Block::bordered().title(Span::styled(title, theme.name));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(_) = &app.outreach else {
        draw(&Line::styled(t!(language, "outreach-looking"), theme.dim), inner, buf);
        return;
    };
    let width = usize::from(inner.width);
    let count = |occasion: Occasion| app.outreach_counts[usize::from(occasion == Occasion::Lapsed)];
    let tab = |occasion: Occasion, label: &str| {
        let text = format!(" {} ({}) ", crate::i18n::text(language, label, &[]), count(occasion));
        if app.outreach_page == occasion { Span::styled(text, theme.selected) } else { Span::styled(text, theme.dim) }
    };
    let mut tabs =
        vec![tab(Occasion::Birthday, "outreach-birthdays"), Span::raw(" "), tab(Occasion::Lapsed, "outreach-away")];
    if let Some(key) = app.keymap.key_for(Mode::Reports, &Action::NextPage) {
        tabs.push(Span::styled(t!(language, "outreach-other-page", key = key), theme.dim));
    }
    let mut lines: Vec<Line<'_>> = vec![fit(tabs, width)];
    let rows = app.outreach_page_rows();
    if rows.is_empty() && !app.outreach_more {
        lines.push(Line::default());
        lines.push(Line::styled(t!(language, "outreach-nobody-here"), theme.dim));
    }
    for (i, row) in rows.iter().enumerate().skip(app.list_offset) {
        let selected = i == app.outreach_selected;
        lines.push(Line::default());
        let name_style = if selected { theme.selected } else { theme.name };
        lines.push(fit(
            vec![
                Span::styled(if selected { "▶ " } else { "  " }, theme.greeting),
                book(&row.name, name_style),
                Span::raw("  "),
                book(&row.greeting, theme.greeting),
                Span::raw("  "),
                book(&row.reason, theme.alert),
            ],
            width,
        ));
        let contact =
            [row.phone.as_str(), &row.email].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
        let mut detail = vec![Span::styled("    ", theme.text), book_owned(contact, theme.text)];
        if !row.last_visit.is_empty() {
            detail
                .push(Span::styled(t!(language, "outreach-pane-last-visit", at = row.last_visit.as_str()), theme.dim));
            detail.push(book(&row.last_seat, theme.text));
        }
        lines.push(fit(detail, width));
        let mut personal =
            vec![Span::styled(t!(language, "outreach-pane-the-usual"), theme.label), book(&row.the_usual, theme.text)];
        if !row.recoveries.is_empty() {
            personal.push(Span::styled(t!(language, "outreach-pane-recoveries"), theme.label));
            personal.push(book(&row.recoveries, theme.warning));
        }
        lines.push(fit(personal, width));
    }
    if app.outreach_more {
        let shown = rows.len();
        let text = t!(language, "outreach-reading", shown = shown, count = count(app.outreach_page));
        lines.push(Line::default());
        lines.push(Line::styled(text, theme.dim));
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
