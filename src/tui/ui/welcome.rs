//! What an empty guest book shows: how to get guests into it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::action::Action;
use crate::tui::app::{App, Mode};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // The keys named are the keymap's: a house may have moved them, or left the demo without one.
    let key = |action: Action| app.keymap.key_for(Mode::Welcome, &action);
    let mut lines = vec![Line::styled("Welcome to regulars. This guest book is empty.", theme.name), Line::default()];
    if let Some(demo) = key(Action::LoadDemo) {
        lines.push(Line::from(vec![
            Span::styled("Try it with demo guests: ", theme.text),
            Span::styled(format!("press {demo}"), theme.greeting),
        ]));
        lines
            .push(Line::styled("  (1,000 realistic guests with visits, usual orders and a few recoveries)", theme.dim));
        lines.push(Line::default());
    }
    lines.extend([
        Line::styled("Bring your guest list in, from a shell:", theme.text),
        Line::styled("  regulars import guests.csv     columns name, greeting, phone, email,", theme.label),
        Line::styled("                                 birthday, tags, allergies, preferences,", theme.label),
        Line::styled("                                 notes, other_names", theme.label),
        Line::styled("  regulars import guests.jsonl   one guest a line, with visits (see README)", theme.label),
        Line::default(),
    ]);
    if let Some(add) = key(Action::NewGuestForm) {
        lines.push(Line::from(vec![
            Span::styled("Add a guest now: type their name, then ", theme.text),
            Span::styled(add, theme.greeting),
        ]));
        lines.push(Line::default());
    }
    lines.push(Line::styled("Then type a name, phone digits or an email to find a guest.", theme.dim));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(" Welcome ").border_style(theme.focus_border))
        .render(area, buf);
}
