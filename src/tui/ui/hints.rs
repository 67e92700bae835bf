//! The keys the screen offers now, in two rows at the bottom, generated from the keymap in force: every command,
//! as many as the width holds, the most used first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::draw;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, View};
use crate::tui::keymap::{
    ARRIVALS_KEYS, COUNTER_COMMANDS, FORM_KEYS, LIST_KEYS, OUTREACH_KEYS, PROMISES_KEYS, TALLY_KEYS, hint,
};

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
        draw(&Line::from(spans), Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// (key, what it does) for each key the mode offers, in the order they are shown, in the screen's language.
fn hints(app: &App, mode: Mode) -> Vec<(String, String)> {
    let keymap = &app.keymap;
    let language = app.language;
    let named = |keys: &[(Action, &str)]| -> Vec<(String, String)> {
        keys.iter()
            .filter_map(|(action, stem)| Some((short(&keymap.key_for(mode, action)?), hint(language, stem))))
            .collect()
    };
    match mode {
        // The drill reads the search line's keys its own way: Enter checks the answer, Esc goes back.
        Mode::Search if app.view == View::Drill => named(&[
            (Action::OpenGuest, "check-answer"),
            (Action::Back, "back-to-arrivals"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ]),
        Mode::Search | Mode::Guest => {
            let heads_up = app.live_heads_ups().next().is_some();
            let offered: Vec<(Action, &str)> = COUNTER_COMMANDS
                .iter()
                .filter(|(action, _)| heads_up || !matches!(action, Action::OpenHeadsUp | Action::TakeHeadsUp))
                .cloned()
                .collect();
            let mut items = named(&offered);
            let last = if mode == Mode::Guest { (Action::Back, "close-card") } else { (Action::OpenGuest, "open") };
            items.extend(named(&[last]));
            items
        }
        Mode::Welcome => named(&[
            (Action::LoadDemo, "load-demo"),
            (Action::NewGuestForm, "add-guest"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ]),
        Mode::Form => named(FORM_KEYS),
        Mode::Reports => {
            let mut items = Vec::new();
            if matches!(app.view, View::Reports { .. }) {
                let periods: Vec<String> =
                    PERIODS.iter().filter_map(|days| keymap.key_for(mode, &Action::ReportDays(*days))).collect();
                if !periods.is_empty() {
                    items.push((periods.join(" "), t!(language, "hint-periods")));
                }
                items.extend(named(TALLY_KEYS));
            }
            if app.view == View::Outreach {
                items.extend(named(OUTREACH_KEYS));
            }
            if app.view == View::Promises {
                items.extend(named(PROMISES_KEYS));
            }
            if app.view == View::Arrivals {
                // The night's own keys first, and the way back: the other lists are in the help.
                items.extend(named(ARRIVALS_KEYS));
                items.extend(named(&[(Action::Back, "back-to-counter"), (Action::ToggleHelp, "help")]));
                return items;
            }
            items.extend(named(LIST_KEYS));
            items
        }
        Mode::Help => named(&[(Action::ToggleHelp, "close-help"), (Action::Quit, "quit")]),
    }
}

/// The periods the tally offers a key for, in days.
const PERIODS: [i64; 4] = [7, 30, 90, 365];

/// "Ctrl-A" as "^A": the short form the hint rows have room for (the help overlay spells it out).
fn short(key: &str) -> String {
    key.strip_prefix("Ctrl-").map_or_else(|| key.to_owned(), |rest| format!("^{rest}"))
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone, Utc};

    use super::*;
    use crate::tui::keymap::{Keymap, KeysSettings};
    use crate::tui::theme::Theme;

    #[test]
    fn the_hints_name_the_key_the_house_gave_a_command() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let mut app = App::new((100, 30), now, FixedOffset::east_opt(0).unwrap(), Theme::plain(), "Nok");
        let mut settings = KeysSettings::default();
        settings.counter.insert("Alt-U".into(), "log_usual".into());
        settings.counter.insert("F2".into(), "none".into());
        settings.lists.insert("5".into(), "report_days_7".into());
        settings.lists.insert("1".into(), "none".into());
        app.keymap = Keymap::with_settings(&settings).unwrap();
        let counter = hints(&app, Mode::Search);
        assert_eq!(counter.first(), Some(&("Alt-U".to_owned(), "usual".to_owned())), "{counter:?}");
        assert!(counter.iter().all(|(key, _)| key != "F2"), "{counter:?}");
        app.view = View::Reports { days: 90 };
        let tally = hints(&app, Mode::Reports);
        assert_eq!(tally.first(), Some(&("5 2 3 4".to_owned(), "7, 30, 90, 365 days".to_owned())), "{tally:?}");
    }
}
