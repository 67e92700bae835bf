//! A form over the card pane: one line per field, the focused one highlighted and scrolled so the cursor and what
//! is typed always show, errors beside the field at fault, an allergen in the order in the warning colour, and a
//! clash with another desk's save shown side by side.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::{book, book_owned, draw, fit, window, wrap};
use crate::domain::allergen::allergens_in;
use crate::domain::cells::padded;
use crate::i18n::named;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::form::{Form, Purpose};

const LABEL_WIDTH: usize = 14;

pub fn render(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    Clear.render(area, buf);
    let block = Block::bordered().border_style(theme.focus_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    // The title names the guest: drawn as book text, over the top border.
    let language = app.language;
    let title = crate::i18n::text(language, form.title.id, &[("name", form.title.name.as_str().into())]);
    let title = fit(vec![book_owned(format!(" {title} "), theme.name)], width);
    draw(&title, Rect::new(inner.x, area.y, inner.width, 1), buf);
    let room = width.saturating_sub(LABEL_WIDTH);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused { theme.greeting } else { theme.label };
        let mut value_style = if focused { theme.text.add_modifier(Modifier::UNDERLINED) } else { theme.text };
        if matches!(form.purpose, Purpose::Visit { .. }) && field.label == "Order" && holds_allergen(form, i) {
            value_style = theme.warning;
        }
        let cursor = if focused { field.input.cursor() } else { 0 };
        let (shown, column) = window(field.input.text(), cursor, room);
        let label = named(language, "field", field.label);
        let mut spans = vec![Span::styled(padded(&label, LABEL_WIDTH), label_style)];
        spans.push(book_owned(shown, value_style));
        let after = room.saturating_sub(column);
        let completion = field.completion().filter(|_| focused);
        if let Some(rest) = completion {
            spans.push(Span::styled(format!("{rest}{}", t!(language, "form-takes-it")), theme.dim));
        }
        if focused && completion.is_none() && field.input.text().is_empty() && !field.hint.is_empty() && after > 2 {
            spans.push(Span::styled(crate::i18n::text(language, field.hint, &[]), theme.dim));
        }
        lines.push(fit(spans, width));
        if let Some((Some(at), problem)) = &form.error
            && *at == i
        {
            let style = if form.confirm_save { theme.alert } else { theme.warning };
            lines.extend(wrap(
                vec![Span::raw(" ".repeat(LABEL_WIDTH)), book_owned(format!("↑ {}", problem.text(language)), style)],
                width,
                LABEL_WIDTH + 2,
            ));
        }
    }
    lines.push(Line::default());
    if let Some((None, problem)) = &form.error {
        lines.extend(wrap(vec![book_owned(problem.text(language), theme.warning)], width, 2));
    }
    for clash in &form.clashes {
        let label = form
            .fields
            .iter()
            .find(|f| f.label.eq_ignore_ascii_case(clash.field))
            .map_or_else(|| clash.field.to_owned(), |f| named(language, "field", f.label));
        lines.extend(wrap(
            vec![
                Span::styled(padded(&label, LABEL_WIDTH), theme.label),
                Span::styled(t!(language, "form-theirs"), theme.dim),
                book(&clash.theirs, theme.text),
                Span::styled(t!(language, "form-yours"), theme.dim),
                book(&clash.ours, theme.text),
            ],
            width,
            LABEL_WIDTH,
        ));
    }
    lines.extend(wrap(vec![Span::styled(footer(app, form), theme.dim)], width, 0));
    for (row, line) in lines.into_iter().enumerate().take(usize::from(inner.height)) {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        draw(&line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// What the keys do now, named from the keymap in force: "Tab next field · Ctrl-S save · Esc cancel". A key the
/// house unbound is left out.
fn footer(app: &App, form: &Form) -> String {
    let language = app.language;
    if form.saving {
        return t!(language, "form-saving");
    }
    let key = |action: Action| app.keymap.key_for(Mode::Form, &action);
    let (save, back) = (key(Action::Save), key(Action::Back));
    let parts = match (form.clashes.is_empty(), form.confirm_save) {
        (false, _) => vec![
            save.map(|key| t!(language, "form-saves-yours", key = key)),
            back.map(|key| t!(language, "form-keeps-theirs", key = key)),
        ],
        (true, true) => vec![
            save.map(|key| t!(language, "form-saves-anyway", key = key)),
            Some(t!(language, "form-check-again")),
            back.map(|key| t!(language, "form-cancels", key = key)),
        ],
        (true, false) => vec![
            key(Action::NextField).map(|key| format!("{key} {}", t!(language, "hint-next-field"))),
            save.map(|key| format!("{key} {}", t!(language, "hint-save"))),
            back.map(|key| format!("{key} {}", t!(language, "hint-cancel"))),
        ],
    };
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// Whether the field at `index` (a visit's order) holds an item the guest is allergic to.
fn holds_allergen(form: &Form, index: usize) -> bool {
    let items: Vec<String> = form.fields[index].input.text().split(',').map(str::to_owned).collect();
    !allergens_in(&items, &form.allergies).is_empty()
}

/// Where the cursor goes: in the focused field, after the character it is on, inside the field's window.
pub fn cursor(form: &Form, language: crate::i18n::Language, area: Rect) -> Position {
    let inner = Block::bordered().inner(area);
    let width = usize::from(inner.width);
    let errors_above: usize = match &form.error {
        Some((Some(at), problem)) if *at < form.focus => wrap(
            vec![Span::raw(" ".repeat(LABEL_WIDTH)), Span::raw(format!("↑ {}", problem.text(language)))],
            width,
            LABEL_WIDTH + 2,
        )
        .len(),
        _ => 0,
    };
    let input = &form.fields[form.focus].input;
    let (_, column) = window(input.text(), input.cursor(), width.saturating_sub(LABEL_WIDTH));
    let x = inner.x + u16::try_from(LABEL_WIDTH + column).unwrap_or(u16::MAX);
    let y = inner.y + u16::try_from(form.focus + errors_above).unwrap_or(u16::MAX);
    Position::new(x.min(inner.right().saturating_sub(1)), y.min(inner.bottom().saturating_sub(1)))
}
