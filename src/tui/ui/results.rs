//! The ranked list of matches: name with the matched characters highlighted, greeting, how long since the last visit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{book, fit};
use crate::domain::text::inert;
use crate::domain::when::ago_short;
use crate::search::{Field, FoundGuest};
use crate::tui::app::{App, Focus};

const AGE_WIDTH: usize = 6;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let border = if app.focus == Focus::Search { app.theme.focus_border } else { app.theme.border };
    let block = Block::bordered().title(" Guests ").border_style(border);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.results.is_some() && app.found().is_empty() {
        Line::styled(" No guest matches.", app.theme.dim).render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    for (row, (i, guest)) in app.found().iter().enumerate().skip(app.offset).take(usize::from(inner.height)).enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        let selected = i == app.selected;
        let mut spans = name_spans(app, guest);
        if !matches!(guest.field, Field::Name | Field::Recent) {
            spans.push(Span::styled(format!(" [{}]", guest.field.label()), app.theme.label));
        }
        spans.push(Span::raw("  "));
        spans.push(book(&guest.greeting, app.theme.dim));
        let age = guest.last_visit.map_or_else(|| "new".to_owned(), |at| ago_short(at, app.now, app.zone));
        let line = fit(spans, width.saturating_sub(AGE_WIDTH + 1));
        let style = if selected { app.theme.selected } else { app.theme.text };
        buf.set_style(line_area, style);
        line.render(line_area, buf);
        Line::styled(format!("{age:>AGE_WIDTH$}"), app.theme.dim).right_aligned().render(line_area, buf);
    }
}

/// The name, one span per run of matched or unmatched characters.
fn name_spans<'a>(app: &App, guest: &'a FoundGuest) -> Vec<Span<'a>> {
    let name = inert(&guest.name);
    if guest.positions.is_empty() {
        return vec![Span::styled(name, app.theme.name)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in name.chars().enumerate() {
        let matched = guest.positions.binary_search(&i).is_ok();
        if matched != run_matched && !run.is_empty() {
            let style = if run_matched { app.theme.matched } else { app.theme.name };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = matched;
        run.push(c);
    }
    let style = if run_matched { app.theme.matched } else { app.theme.name };
    spans.push(Span::styled(run, style));
    spans
}
