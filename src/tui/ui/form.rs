//! A form over the card pane: one line per field, the focused one highlighted, errors beside the field at fault.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{book, book_owned, fit};
use crate::tui::app::App;
use crate::tui::form::Form;

const LABEL_WIDTH: usize = 14;

pub fn render(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    Clear.render(area, buf);
    let block =
        Block::bordered().title(Span::styled(format!(" {} ", form.title), theme.name)).border_style(theme.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused { theme.greeting } else { theme.label };
        let value_style = if focused { theme.text.add_modifier(Modifier::UNDERLINED) } else { theme.text };
        let mut spans = vec![Span::styled(format!("{:<LABEL_WIDTH$}", field.label), label_style)];
        spans.push(book(field.input.text(), value_style));
        if let Some(rest) = field.completion().filter(|_| focused) {
            spans.push(Span::styled(format!("{rest}  → takes it"), theme.dim));
        }
        if focused && field.input.text().is_empty() && !field.hint.is_empty() {
            spans.push(Span::styled(field.hint, theme.dim));
        }
        lines.push(fit(spans, width));
        if let Some((Some(at), problem)) = &form.error
            && *at == i
        {
            lines.push(fit(
                vec![Span::raw(" ".repeat(LABEL_WIDTH)), Span::styled(format!("↑ {problem}"), theme.warning)],
                width,
            ));
        }
    }
    lines.push(Line::default());
    if let Some((None, problem)) = &form.error {
        lines.push(fit(vec![book(problem, theme.warning)], width));
    }
    let theirs = form.their_differences();
    if !theirs.is_empty() {
        lines.push(Line::styled("Theirs, where it differs:", theme.label));
        for (label, value) in theirs {
            lines.push(fit(
                vec![Span::styled(format!("{label:<LABEL_WIDTH$}"), theme.dim), book_owned(value, theme.text)],
                width,
            ));
        }
    }
    let footer = match (form.saving, &form.theirs) {
        (true, _) => "Saving…",
        (false, Some(_)) => "Ctrl-S: yours over theirs · Esc Esc: keep theirs",
        (false, None) => "Tab next field · Ctrl-S save · Esc cancel",
    };
    lines.push(Line::styled(footer, theme.dim));
    for (row, line) in lines.into_iter().enumerate().take(usize::from(inner.height)) {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// Where the cursor goes: in the focused field, after the character it is on.
pub fn cursor(form: &Form, area: Rect) -> Position {
    let inner = Block::bordered().inner(area);
    let errors_above = match &form.error {
        Some((Some(at), _)) if *at < form.focus => 1,
        _ => 0,
    };
    let input = &form.fields[form.focus].input;
    let typed: String = input.text().chars().take(input.cursor()).collect();
    let x = inner.x + u16::try_from(LABEL_WIDTH + typed.width()).unwrap_or(u16::MAX);
    let y = inner.y + u16::try_from(form.focus + errors_above).unwrap_or(u16::MAX);
    Position::new(x.min(inner.right().saturating_sub(1)), y.min(inner.bottom().saturating_sub(1)))
}
