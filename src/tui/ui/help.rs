//! The help overlay: every key of the keymap in force, in one box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{COUNTER_COMMANDS, COUNTER_MOVES, EDITING, FORM_KEYS, Keymap};

/// Every line of the help: (keys, what they do), with headings as lines without keys.
pub fn lines(keymap: &Keymap) -> Vec<(String, String)> {
    let keys = |mode: Mode, action: &Action| keymap.keys_for(mode, action).join("  ");
    let mut lines = vec![(String::new(), "On the counter: typing always searches; commands are on keys".to_owned())];
    lines.push(("letters, digits".to_owned(), "find by name, pinyin, phone digits, email, #tag".to_owned()));
    lines.extend(COUNTER_COMMANDS.iter().map(|(action, _, what)| (keys(Mode::Guest, action), (*what).to_owned())));
    lines.extend(COUNTER_MOVES.iter().map(|(action, what)| (keys(Mode::Search, action), (*what).to_owned())));
    lines.push((keys(Mode::Welcome, &Action::LoadDemo), "on an empty book: load demo guests".to_owned()));
    lines.push((String::new(), "Editing, on the search line and in forms:".to_owned()));
    lines.extend(EDITING.iter().map(|(action, what)| (keys(Mode::Form, action), (*what).to_owned())));
    lines.push((String::new(), "In a form:".to_owned()));
    lines.extend(FORM_KEYS.iter().map(|(action, what)| (keys(Mode::Form, action), (*what).to_owned())));
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let all = lines(&app.keymap);
    let all_len = all.len();
    let width = 76.min(area.width);
    let height = (u16::try_from(all.len()).unwrap_or(u16::MAX) + 4).min(area.height);
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    Clear.render(popup, buf);
    let lines: Vec<Line<'_>> = all
        .into_iter()
        .map(|(keys, what)| match keys.is_empty() {
            true => Line::styled(format!(" {what}"), app.theme.name),
            false => Line::from(vec![Span::styled(format!(" {keys:<18} "), app.theme.label), Span::raw(what)]),
        })
        .collect();
    let room = usize::from(height.saturating_sub(4));
    let offset = app.help_offset.min(lines.len().saturating_sub(room));
    let mut lines: Vec<Line<'_>> = lines.into_iter().skip(offset).take(room).collect();
    lines.push(Line::default());
    let more = if offset + room < all_len {
        " · ↓ PgDn more"
    } else if offset > 0 {
        " · ↑ PgUp back"
    } else {
        ""
    };
    lines.push(Line::styled(format!(" Esc or F1 closes this help{more}"), app.theme.dim));
    Paragraph::new(lines)
        .block(Block::bordered().title(" Keys ").border_style(app.theme.focus_border))
        .render(popup, buf);
}
