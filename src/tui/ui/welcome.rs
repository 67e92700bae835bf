//! What an empty guest book shows: how to get guests into it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::text::wrap;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // The keys named are the keymap's: a house may have moved them, or left the demo without one.
    let key = |action: Action| app.keymap.key_for(Mode::Welcome, &action);
    let language = app.language;
    let said = |id: &str| crate::i18n::text(language, id, &[]);
    let mut lines = vec![Line::styled(said("welcome-empty"), theme.name), Line::default()];
    if let Some(demo) = key(Action::LoadDemo) {
        lines.push(Line::from(vec![
            Span::styled(said("welcome-try-demo"), theme.text),
            Span::styled(t!(language, "welcome-press", key = demo), theme.greeting),
        ]));
        lines.push(Line::styled(said("welcome-demo-what"), theme.dim));
        lines.push(Line::default());
    }
    lines.push(Line::styled(said("welcome-bring"), theme.text));
    // The command, then what the file holds, wrapped under itself.
    let width = usize::from(area.width.saturating_sub(2));
    for (command, holds) in [("guests.csv", "welcome-csv"), ("guests.jsonl", "welcome-jsonl")] {
        let command = format!("  regulars import {command:<15}");
        let indent = command.chars().count();
        lines.extend(wrap(
            vec![Span::styled(command, theme.label), Span::styled(said(holds), theme.label)],
            width,
            indent,
        ));
    }
    lines.push(Line::default());
    if let Some(add) = key(Action::NewGuestForm) {
        lines.push(Line::from(vec![Span::styled(said("welcome-add"), theme.text), Span::styled(add, theme.greeting)]));
        lines.push(Line::default());
    }
    lines.push(Line::styled(said("welcome-then"), theme.dim));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(said("welcome-title")).border_style(theme.focus_border))
        .render(area, buf);
}
