//! What an empty guest book shows: how to get guests into it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

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
    lines.extend([
        Line::styled(said("welcome-bring"), theme.text),
        Line::styled("  regulars import guests.csv     columns name, greeting, phone, email,", theme.label),
        Line::styled("                                 birthday, tags, allergies, preferences,", theme.label),
        Line::styled("                                 notes, other_names", theme.label),
        Line::styled("  regulars import guests.jsonl   one guest a line, with visits (see README)", theme.label),
        Line::default(),
    ]);
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
