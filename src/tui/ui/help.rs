//! The help overlay: every key of the keymap in force, in one box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::domain::cells::padded;
use crate::i18n::Language;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{
    ARRIVALS_KEYS, COUNTER_COMMANDS, COUNTER_MOVES, EDITING, FORM_KEYS, Keymap, PROMISES_KEYS, TALLY_KEYS, help, hint,
};

/// Every line of the help in `language`: (keys, what they do), with headings as lines without keys. An action the
/// house's settings left without a key is not listed: there is no key to tell.
pub fn lines(keymap: &Keymap, language: Language) -> Vec<(String, String)> {
    let keyed = |mode: Mode, what: fn(Language, &str) -> String| {
        move |(action, stem): &(Action, &str)| {
            let keys = keymap.keys_for(mode, action);
            (!keys.is_empty()).then(|| (keys.join("  "), what(language, stem)))
        }
    };
    let heading = |id: &str| (String::new(), crate::i18n::text(language, id, &[]));
    let mut lines = vec![heading("help-heading-counter")];
    lines.push((t!(language, "help-typing-keys"), t!(language, "help-typing")));
    lines.push((t!(language, "results-regular", n = "N"), t!(language, "help-regular-mark")));
    lines.extend(COUNTER_COMMANDS.iter().filter_map(keyed(Mode::Guest, help)));
    lines.extend(COUNTER_MOVES.iter().filter_map(keyed(Mode::Search, help)));
    lines.extend(keyed(Mode::Welcome, help)(&(Action::LoadDemo, "load-demo")));
    lines.push(heading("help-heading-editing"));
    lines.extend(EDITING.iter().filter_map(keyed(Mode::Form, help)));
    lines.push(heading("help-heading-form"));
    lines.extend(FORM_KEYS.iter().filter_map(keyed(Mode::Form, hint)));
    lines.push(heading("help-heading-arrivals"));
    lines.extend(ARRIVALS_KEYS.iter().filter_map(keyed(Mode::Reports, hint)));
    lines.push(heading("help-heading-promises"));
    lines.extend(PROMISES_KEYS.iter().filter_map(keyed(Mode::Reports, hint)));
    lines.push(heading("help-heading-tally"));
    lines.extend(TALLY_KEYS.iter().filter_map(keyed(Mode::Reports, hint)));
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let language = app.language;
    let all = lines(&app.keymap, language);
    let all_len = all.len();
    let width = 76.min(area.width);
    let height = (u16::try_from(all.len()).unwrap_or(u16::MAX) + 4).min(area.height);
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    Clear.render(popup, buf);
    let lines: Vec<Line<'_>> = all
        .into_iter()
        .map(|(keys, what)| match keys.is_empty() {
            true => Line::styled(format!(" {what}"), app.theme.name),
            false => Line::from(vec![
                Span::styled(format!(" {} ", padded(&keys, KEYS_CELLS)), app.theme.label),
                Span::raw(what),
            ]),
        })
        .collect();
    let room = usize::from(height.saturating_sub(4));
    let offset = app.help_offset.min(lines.len().saturating_sub(room));
    let mut lines: Vec<Line<'_>> = lines.into_iter().skip(offset).take(room).collect();
    lines.push(Line::default());
    lines.push(Line::styled(footer(&app.keymap, language, offset > 0, offset + room < all_len), app.theme.dim));
    Paragraph::new(lines)
        .block(Block::bordered().title(t!(language, "help-title")).border_style(app.theme.focus_border))
        .render(popup, buf);
}

/// How many cells the keys column takes.
const KEYS_CELLS: usize = 18;

/// "Esc or F1 closes this help · ↓ PgDn more", from the keys the help has in force.
fn footer(keymap: &Keymap, language: Language, back: bool, more: bool) -> String {
    let keys = |actions: &[Action]| -> String {
        actions.iter().filter_map(|action| keymap.key_for(Mode::Help, action)).collect::<Vec<_>>().join(" ")
    };
    // The first two keys that close it: Enter closes it too, but two are enough to say.
    let close: Vec<String> = keymap.keys_for(Mode::Help, &Action::ToggleHelp).into_iter().take(2).collect();
    let scroll = match (more, back) {
        (true, _) => Some((keys(&[Action::SelectNext, Action::PageDown]), "help-more")),
        (false, true) => Some((keys(&[Action::SelectPrev, Action::PageUp]), "help-back-up")),
        (false, false) => None,
    };
    let scroll = scroll
        .filter(|(keys, _)| !keys.is_empty())
        .map(|(keys, way)| format!(" · {keys} {}", crate::i18n::text(language, way, &[])));
    let keys = close.join(&t!(language, "help-or"));
    format!(" {}{}", t!(language, "help-closes", keys = keys), scroll.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone, Utc};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::tui::keymap::KeysSettings;
    use crate::tui::theme::Theme;

    /// The help as drawn on a terminal of 100 × 50, with these `[keys.counter]` and `[keys.help]`, line by line.
    fn shown(counter: &[(&str, &str)], help: &[(&str, &str)]) -> Vec<String> {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let mut app = App::new((100, 50), now, FixedOffset::east_opt(0).unwrap(), Theme::plain(), "Nok");
        let table = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, a)| ((*k).to_owned(), (*a).to_owned())).collect();
        let settings = KeysSettings { counter: table(counter), help: table(help), ..KeysSettings::default() };
        app.keymap = Keymap::with_settings(&settings).unwrap();
        let mut terminal = Terminal::new(TestBackend::new(100, 50)).unwrap();
        terminal.draw(|frame| render(&app, frame.area(), frame.buffer_mut())).unwrap();
        terminal.backend().to_string().lines().map(str::to_owned).collect()
    }

    fn line_of<'a>(lines: &'a [String], what: &str) -> Option<&'a str> {
        lines.iter().find(|l| l.contains(what)).map(String::as_str)
    }

    #[test]
    fn the_help_names_the_key_the_house_gave_an_action_and_not_the_one_it_took() {
        let lines = shown(&[("F12", "log_usual"), ("F2", "none")], &[]);
        let usual = line_of(&lines, "log the usual now").unwrap();
        assert!(usual.contains(" F12 ") && !usual.contains("F2"), "{usual}");
        let demo = line_of(&lines, "load demo guests");
        assert_eq!(demo, None, "F2 was the demo's only key: nothing to tell");
        let visit = line_of(&lines, "log a visit").unwrap();
        assert!(visit.contains(" F3 "), "{visit}");
    }

    #[test]
    fn a_help_with_other_closing_keys_says_so() {
        let lines = shown(&[], &[("q", "toggle_help"), ("Esc", "none")]);
        assert!(line_of(&lines, "q or F1 closes this help").is_some(), "{}", lines.join("\n"));
        let lines = shown(&[], &[]);
        assert!(line_of(&lines, "Esc or F1 closes this help").is_some(), "{}", lines.join("\n"));
    }
}
