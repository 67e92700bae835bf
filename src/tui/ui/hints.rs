//! The keys the screen offers now, in two rows at the bottom, generated from the keymap in force: every command,
//! as many as the width holds, the most used first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::app::{App, Mode, View};
use crate::tui::keymap::{COUNTER_COMMANDS, FORM_KEYS, LIST_KEYS, OUTREACH_KEYS};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mode = app.mode();
    let items = hints(app, mode);
    let width = usize::from(area.width);
    let mut rows: Vec<Vec<Span<'_>>> = vec![Vec::new(); usize::from(area.height)];
    let mut used = vec![0; rows.len()];
    let mut row = 0;
    for (key, label) in items {
        let w = key.width() + 1 + label.width() + 2;
        // Each item goes on the first row, from the current one on, with room for it; those that find none are
        // left out (the help overlay lists every key).
        let Some(fits) = (row..rows.len()).find(|&r| used[r] + w <= width + 1) else { continue };
        row = fits;
        if used[row] == 0 {
            rows[row].push(Span::raw(" "));
            used[row] = 1;
        }
        rows[row].push(Span::styled(key, app.theme.selected));
        rows[row].push(Span::styled(format!(" {label}  "), app.theme.dim));
        used[row] += w;
    }
    for (y, spans) in (area.y..area.bottom()).zip(rows) {
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// (key, what it does) for each key the mode offers, in the order they are shown.
fn hints(app: &App, mode: Mode) -> Vec<(String, String)> {
    let keymap = &app.keymap;
    let named = |actions: &mut dyn Iterator<Item = (&Action, &str)>| -> Vec<(String, String)> {
        actions.filter_map(|(action, label)| Some((short(&keymap.key_for(mode, action)?), label.to_owned()))).collect()
    };
    match mode {
        Mode::Search | Mode::Guest => {
            let heads_up = app.live_heads_ups().next().is_some();
            let mut items = named(
                &mut COUNTER_COMMANDS
                    .iter()
                    .filter(|(action, ..)| heads_up || !matches!(action, Action::OpenHeadsUp | Action::TakeHeadsUp))
                    .map(|(action, label, _)| (action, *label)),
            );
            let (action, label) =
                if mode == Mode::Guest { (Action::Back, "close the card") } else { (Action::OpenGuest, "open") };
            items.extend(named(&mut std::iter::once((&action, label))));
            items
        }
        Mode::Welcome => named(
            &mut [
                (&Action::LoadDemo, "load demo guests"),
                (&Action::NewGuestForm, "add a guest"),
                (&Action::ToggleHelp, "help"),
                (&Action::Quit, "quit"),
            ]
            .into_iter(),
        ),
        Mode::Form => named(&mut FORM_KEYS.iter().map(|(action, label)| (action, *label))),
        Mode::Reports => {
            let mut items = Vec::new();
            if matches!(app.view, View::Reports { .. }) {
                items.push(("1 2 3 4".to_owned(), "7, 30, 90, 365 days".to_owned()));
            }
            if app.view == View::Outreach {
                items.extend(named(&mut OUTREACH_KEYS.iter().map(|(action, label)| (action, *label))));
            }
            items.extend(named(&mut LIST_KEYS.iter().map(|(action, label)| (action, *label))));
            items
        }
        Mode::Help => named(&mut [(&Action::ToggleHelp, "close the help"), (&Action::Quit, "quit")].into_iter()),
    }
}

/// "Ctrl-A" as "^A": the short form the hint rows have room for (the help overlay spells it out).
fn short(key: &str) -> String {
    key.strip_prefix("Ctrl-").map_or_else(|| key.to_owned(), |rest| format!("^{rest}"))
}
