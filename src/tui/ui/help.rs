//! The help overlay: every key, in one box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::app::App;

/// Keys and what they do, as the README lists them.
pub const KEYS: &[(&str, &str)] = &[
    ("letters, digits", "find a guest by name, phone digits, email"),
    ("Backspace  Ctrl-W", "delete a character, a word"),
    ("Ctrl-U  Esc", "clear the search"),
    ("← →", "move the cursor in the search"),
    ("↑ ↓  Ctrl-P Ctrl-N", "select the previous, next guest"),
    ("PgUp PgDn  Home End", "page through the list, first, last"),
    ("mouse", "wheel scrolls, a click selects"),
    ("Enter", "open the guest: letters become commands"),
    ("u  v", "guest mode: log the usual now; log a visit"),
    ("e  r  n", "guest mode: edit; record a recovery; new guest"),
    ("f  x x  m  h", "guest mode: tick; resolve; merge; heads-up"),
    ("F5  F6", "open, take the newest heads-up"),
    ("Ctrl-A  Ctrl-R", "search line: new guest; recovery, no guest"),
    ("Ctrl-S  Tab  Esc", "in a form: save; next field; cancel"),
    ("Ctrl-Z", "take back the last write of this session"),
    ("Esc  /", "back to the search line (guest mode)"),
    ("?  F1", "this help (? in guest mode)"),
    ("F2 F3 F4 F7", "demo guests; mishap tally; outreach; audit log"),
    ("Ctrl-C", "quit"),
];

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let width = 70.min(area.width);
    let height = (u16::try_from(KEYS.len()).unwrap_or(u16::MAX) + 4).min(area.height);
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    Clear.render(popup, buf);
    let mut lines: Vec<Line<'_>> = KEYS
        .iter()
        .map(|(keys, what)| Line::from(vec![Span::styled(format!(" {keys:<21}"), app.theme.label), Span::raw(*what)]))
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(" Esc, F1 or ? closes this help", app.theme.dim));
    Paragraph::new(lines)
        .block(Block::bordered().title(" Keys ").border_style(app.theme.focus_border))
        .render(popup, buf);
}
