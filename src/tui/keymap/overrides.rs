//! The settings' `[keys]` table merged over the default keymap, as television merges its keybindings: a key the
//! house binds replaces what that key did in those modes, `"none"` unbinds it, and an action keeps its other keys.
//! The merge refuses what would leave a desk stuck or surprised: a letter bound where letters type, an action's last
//! key taken by a binding that did not mean to, no key to quit or to see the keys.

use std::collections::{BTreeMap, HashMap};

use crossterm::event::{KeyCode, KeyModifiers};
use serde::Deserialize;
use thiserror::Error;

use super::{ACTION_NAMES, Chord, Keymap, action_name, action_named, parse_chord};
use crate::tui::action::Action;
use crate::tui::app::Mode;

/// The `[keys]` table of the settings file: for each group of screens, a key name ("F12", "Ctrl-U") and the
/// action it is to mean there (a name from [`ACTION_NAMES`], or `"none"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeysSettings {
    /// The counter: the search line, an open card and the empty-book page.
    pub counter: BTreeMap<String, String>,
    /// The forms.
    pub form: BTreeMap<String, String>,
    /// The tally, outreach and log screens.
    pub lists: BTreeMap<String, String>,
    /// The help overlay.
    pub help: BTreeMap<String, String>,
}

/// What is wrong with the `[keys]` table, in one line that names the table and the key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeymapError {
    #[error(
        "[keys.{table}] {key:?} is not a key (name keys as the help does: \"F2\", \"Ctrl-A\", \"Alt-B\", \"Enter\", \
         \"Esc\", \"Tab\", \"Up\", \"PgDn\", \"Space\", a single character)"
    )]
    UnknownKey { table: &'static str, key: String },
    #[error("[keys.{table}] {key:?} = {action:?}: there is no action {action:?}; {hint}")]
    UnknownAction { table: &'static str, key: String, action: String, hint: String },
    #[error("[keys.{table}] {first:?} and {second:?} are the same key; give it once")]
    SameKey { table: &'static str, first: String, second: String },
    #[error("[keys.{table}] {key:?}: {why}; bind commands to function keys or Ctrl/Alt chords")]
    Typing { table: &'static str, key: String, why: &'static str },
    #[error(
        "[keys.{table}] {key:?} = {action:?} would leave {stranded} with no key {place}; give {stranded} another \
         key too{or_drop}"
    )]
    Stranded {
        table: &'static str,
        key: String,
        action: String,
        stranded: &'static str,
        place: &'static str,
        /// For an action that had several keys: how to say it is meant to go.
        or_drop: String,
    },
    #[error("[keys.{table}] {key:?} = {action:?} would leave no key to {what} {place}; a desk must always have one")]
    NoWayOut { table: &'static str, key: String, action: String, what: &'static str, place: &'static str },
}

/// A table of `[keys]`: its name, the modes it binds in, and, where unmodified characters type, what they type.
struct Group {
    table: &'static str,
    modes: &'static [Mode],
    typing: Option<&'static str>,
}

const COUNTER: Group = Group {
    table: "counter",
    modes: &[Mode::Search, Mode::Guest, Mode::Welcome],
    typing: Some("letters type the search at the counter"),
};
const FORM: Group = Group { table: "form", modes: &[Mode::Form], typing: Some("letters type into a form's fields") };
const LISTS: Group = Group { table: "lists", modes: &[Mode::Reports], typing: None };
const HELP: Group = Group { table: "help", modes: &[Mode::Help], typing: None };

/// One line of a table, read: the key as written, what it means, and the action as written.
struct Entry<'a> {
    key: &'a str,
    chord: Chord,
    /// `None`: unbound.
    action: Option<Action>,
    written: &'a str,
}

impl Keymap {
    /// The default keymap with the settings' `[keys]` merged over it; the first thing wrong with the table, if any.
    pub fn with_settings(settings: &KeysSettings) -> Result<Self, KeymapError> {
        let defaults = Self::default();
        let mut keymap = defaults.clone();
        let mut read = Vec::new();
        for (group, table) in
            [(&COUNTER, &settings.counter), (&FORM, &settings.form), (&LISTS, &settings.lists), (&HELP, &settings.help)]
        {
            let entries = read_table(group, table)?;
            keymap.merge(group.modes, &entries);
            read.push((group, entries));
        }
        for (group, entries) in &read {
            for &mode in group.modes {
                keymap.check(&defaults, group, mode, entries)?;
            }
        }
        Ok(keymap)
    }

    fn merge(&mut self, modes: &[Mode], entries: &[Entry<'_>]) {
        for &mode in modes {
            // The house's keys come first in the hints and the help, before the defaults still in force.
            for ((m, _), (place, _)) in self.bindings.iter_mut() {
                if *m == mode {
                    *place += entries.len();
                }
            }
            for (place, entry) in entries.iter().enumerate() {
                match &entry.action {
                    Some(action) => self.bindings.insert((mode, entry.chord), (place, action.clone())),
                    None => self.bindings.remove(&(mode, entry.chord)),
                };
            }
        }
    }

    /// Refuses a merge that left an action the defaults gave a key in `mode` with none, unless the house unbound one
    /// of its keys on purpose; quitting and the help keep a key whatever the house wrote.
    fn check(&self, defaults: &Self, group: &Group, mode: Mode, entries: &[Entry<'_>]) -> Result<(), KeymapError> {
        let mut given: Vec<(usize, &Action)> =
            defaults.bindings.iter().filter(|((m, _), _)| *m == mode).map(|(_, (place, a))| (*place, a)).collect();
        given.sort_by_key(|(place, _)| *place);
        for (_, action) in given {
            if !self.chords_for(mode, action).is_empty() {
                continue;
            }
            let old = defaults.chords_for(mode, action);
            let takers: Vec<&Entry<'_>> =
                old.iter().filter_map(|chord| entries.iter().find(|e| e.chord == *chord)).collect();
            let Some(first) = takers.first() else { continue };
            let (key, written) = (first.key.to_owned(), first.written.to_owned());
            let place = place(mode);
            let way_out = match action {
                Action::Quit => Some("quit"),
                Action::ToggleHelp => Some("see the keys (toggle_help)"),
                _ => None,
            };
            if let Some(what) = way_out {
                return Err(KeymapError::NoWayOut { table: group.table, key, action: written, what, place });
            }
            if takers.iter().all(|e| e.action.is_some()) {
                let stranded = action_name(action).unwrap_or("an action");
                let or_drop = match old.len() {
                    1 => String::new(),
                    _ => {
                        let names: Vec<String> = old.iter().map(super::chord_name).collect();
                        format!(", or set one of its keys ({}) to \"none\" to drop it", names.join(", "))
                    }
                };
                let table = group.table;
                return Err(KeymapError::Stranded { table, key, action: written, stranded, place, or_drop });
            }
        }
        Ok(())
    }
}

/// Reads a table's keys and actions, refusing the first that is unknown, given twice, or a letter where letters type.
fn read_table<'a>(group: &Group, table: &'a BTreeMap<String, String>) -> Result<Vec<Entry<'a>>, KeymapError> {
    let mut entries = Vec::with_capacity(table.len());
    let mut seen: HashMap<Chord, &str> = HashMap::new();
    for (key, written) in table {
        let chord = parse_chord(key).ok_or_else(|| KeymapError::UnknownKey { table: group.table, key: key.clone() })?;
        let action = match written.as_str() {
            "none" => None,
            name => Some(action_named(name).cloned().ok_or_else(|| KeymapError::UnknownAction {
                table: group.table,
                key: key.clone(),
                action: written.clone(),
                hint: closest(name),
            })?),
        };
        if let (Some(why), (KeyCode::Char(_), KeyModifiers::NONE)) = (group.typing, chord) {
            return Err(KeymapError::Typing { table: group.table, key: key.clone(), why });
        }
        if let Some(first) = seen.insert(chord, key) {
            return Err(KeymapError::SameKey { table: group.table, first: first.to_owned(), second: key.clone() });
        }
        entries.push(Entry { key, chord, action, written });
    }
    Ok(entries)
}

/// Where `mode` is, for a message.
fn place(mode: Mode) -> &'static str {
    match mode {
        Mode::Search => "on the search line",
        Mode::Guest => "on an open card",
        Mode::Welcome => "on the empty-book page",
        Mode::Form => "in a form",
        Mode::Reports => "on the tally, outreach and log screens",
        Mode::Help => "in the help",
    }
}

/// "did you mean …" with the action name nearest to `name`, or every name when none is near.
fn closest(name: &str) -> String {
    let name = name.to_lowercase();
    let nearest = ACTION_NAMES.iter().map(|(n, _)| (edit_distance(&name, n), *n)).min_by_key(|(d, _)| *d);
    match nearest {
        Some((distance, near)) if distance <= (name.chars().count() / 3).max(2) => format!("did you mean {near:?}?"),
        _ => {
            let names: Vec<&str> = ACTION_NAMES.iter().map(|(n, _)| *n).collect();
            format!("the actions are {} (or \"none\")", names.join(", "))
        }
    }
}

/// Levenshtein distance, over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEvent;

    use super::*;

    /// Settings with one table filled from `(key, action)` pairs.
    fn settings(table: &str, pairs: &[(&str, &str)]) -> KeysSettings {
        let map: BTreeMap<String, String> = pairs.iter().map(|(k, a)| ((*k).to_owned(), (*a).to_owned())).collect();
        let mut settings = KeysSettings::default();
        match table {
            "counter" => settings.counter = map,
            "form" => settings.form = map,
            "lists" => settings.lists = map,
            _ => settings.help = map,
        }
        settings
    }

    fn merged(table: &str, pairs: &[(&str, &str)]) -> Keymap {
        Keymap::with_settings(&settings(table, pairs)).unwrap()
    }

    /// The refusal of these settings, checked to be one line naming the table.
    fn refusal(table: &str, pairs: &[(&str, &str)]) -> String {
        let error = Keymap::with_settings(&settings(table, pairs)).unwrap_err().to_string();
        assert!(!error.contains('\n'), "one line: {error}");
        assert!(error.starts_with(&format!("[keys.{table}] ")), "names the table: {error}");
        error
    }

    fn press(keymap: &Keymap, mode: Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        keymap.key(mode, KeyEvent::new(code, modifiers))
    }

    #[test]
    fn no_settings_is_the_default_keymap() {
        assert_eq!(Keymap::with_settings(&KeysSettings::default()).unwrap(), Keymap::default());
    }

    #[test]
    fn a_binding_adds_a_key_and_the_action_keeps_its_others_named_after_the_houses() {
        let keymap = merged("counter", &[("F12", "log_usual")]);
        for mode in [Mode::Search, Mode::Guest, Mode::Welcome] {
            assert_eq!(press(&keymap, mode, KeyCode::F(12), KeyModifiers::NONE), Some(Action::LogUsual), "{mode:?}");
        }
        assert_eq!(keymap.keys_for(Mode::Guest, &Action::LogUsual), ["F12", "F2"]);
        assert_eq!(keymap.key_for(Mode::Form, &Action::LogUsual), None, "the counter's table binds at the counter");
    }

    #[test]
    fn a_binding_replaces_what_its_key_did_in_those_modes_only() {
        let keymap = merged("counter", &[("Ctrl-U", "log_usual"), ("Ctrl-X", "clear_query")]);
        assert_eq!(press(&keymap, Mode::Search, KeyCode::Char('u'), KeyModifiers::CONTROL), Some(Action::LogUsual));
        assert_eq!(keymap.keys_for(Mode::Search, &Action::ClearQuery), ["Ctrl-X"]);
        assert_eq!(keymap.keys_for(Mode::Form, &Action::ClearQuery), ["Ctrl-U"], "forms keep their own keys");
        let form = merged("form", &[("Ctrl-Enter", "save")]);
        assert_eq!(form.keys_for(Mode::Form, &Action::Save), ["Ctrl-Enter", "Ctrl-S"]);
        let lists = merged("lists", &[("5", "report_days_365"), ("4", "report_days_90")]);
        assert_eq!(lists.keys_for(Mode::Reports, &Action::ReportDays(90)), ["4", "3"]);
        assert_eq!(lists.keys_for(Mode::Reports, &Action::ReportDays(365)), ["5"]);
    }

    #[test]
    fn none_unbinds_a_key_and_the_actions_other_keys_stay() {
        let keymap = merged("counter", &[("F2", "none"), ("Up", "none")]);
        assert_eq!(press(&keymap, Mode::Guest, KeyCode::F(2), KeyModifiers::NONE), None);
        assert_eq!(keymap.key_for(Mode::Guest, &Action::LogUsual), None, "unbound on purpose");
        assert_eq!(keymap.key_for(Mode::Welcome, &Action::LoadDemo), None, "F2 was the demo's key there");
        assert_eq!(keymap.keys_for(Mode::Search, &Action::SelectPrev), ["Ctrl-P"]);
        let help = merged("help", &[("Esc", "none"), ("Enter", "none")]);
        assert_eq!(help.keys_for(Mode::Help, &Action::ToggleHelp), ["F1"]);
    }

    #[test]
    fn an_unknown_action_is_refused_with_the_nearest_name_or_all_of_them() {
        let error = refusal("counter", &[("F12", "log_usal")]);
        assert!(error.contains("\"F12\"") && error.contains("did you mean \"log_usual\"?"), "{error}");
        let error = refusal("lists", &[("F12", "frobnicate")]);
        assert!(error.contains("frobnicate") && error.contains("report_days_365, "), "{error}");
        let error = refusal("form", &[("F12", "Save")]);
        assert!(error.contains("did you mean \"save\"?"), "{error}");
    }

    #[test]
    fn an_unknown_key_is_refused() {
        for key in ["F0", "F25", "F+2", "Hyper-A", "Shift-A", "Ctrl-", "ab", ""] {
            let error = refusal("lists", &[(key, "back")]);
            assert!(error.contains(&format!("{key:?} is not a key")), "{error}");
        }
    }

    #[test]
    fn the_same_key_twice_in_a_table_is_refused() {
        let error = refusal("counter", &[("Ctrl-A", "undo"), ("ctrl-a", "log_usual")]);
        assert!(error.contains("\"Ctrl-A\" and \"ctrl-a\" are the same key"), "{error}");
        let error = refusal("help", &[("Up", "page_up"), ("↑", "none")]);
        assert!(error.contains("are the same key"), "{error}");
    }

    #[test]
    fn letters_are_refused_where_they_type() {
        for key in ["x", "X", "1", "/", "Space", "于"] {
            let error = refusal("counter", &[(key, "log_usual")]);
            assert!(
                error.contains(&format!("{key:?}: letters type the search at the counter; bind commands")),
                "{error}"
            );
        }
        let error = refusal("form", &[("s", "save")]);
        assert!(error.contains("letters type into a form's fields"), "{error}");
        assert_eq!(
            merged("counter", &[("Alt-X", "log_usual")]).key_for(Mode::Guest, &Action::LogUsual).unwrap(),
            "Alt-X"
        );
        assert_eq!(
            merged("lists", &[("t", "show_reports")]).key_for(Mode::Reports, &Action::ShowReports).unwrap(),
            "t"
        );
    }

    #[test]
    fn a_binding_that_takes_an_actions_last_key_is_refused_unless_unbound_on_purpose() {
        let error = refusal("counter", &[("Ctrl-U", "log_usual")]);
        assert!(error.contains("\"Ctrl-U\" = \"log_usual\" would leave clear_query with no key on the search line"));
        let error = refusal("counter", &[("F2", "log_usual")]);
        assert!(error.contains("would leave load_demo with no key on the empty-book page"), "{error}");
        let error = refusal("counter", &[("Up", "open_guest"), ("Ctrl-P", "new_guest_form")]);
        assert!(error.ends_with("another key too, or set one of its keys (↑, Ctrl-P) to \"none\" to drop it"));
        let keymap = merged("counter", &[("Up", "none"), ("Ctrl-P", "new_guest_form")]);
        assert_eq!(keymap.key_for(Mode::Search, &Action::SelectPrev), None, "Up was unbound on purpose");
    }

    #[test]
    fn quitting_and_the_help_always_keep_a_key() {
        let error = refusal("counter", &[("Ctrl-C", "none")]);
        assert!(error.contains("\"Ctrl-C\" = \"none\" would leave no key to quit on the search line"), "{error}");
        let error = refusal("form", &[("F1", "save")]);
        assert!(error.contains("\"F1\" = \"save\" would leave no key to see the keys (toggle_help) in a form"));
        let error = refusal("help", &[("Esc", "none"), ("F1", "none"), ("Enter", "page_down")]);
        assert!(error.contains("no key to see the keys (toggle_help) in the help"), "{error}");
        let moved = merged("counter", &[("Ctrl-Q", "quit"), ("Ctrl-C", "none")]);
        assert_eq!(moved.keys_for(Mode::Guest, &Action::Quit), ["Ctrl-Q"]);
    }
}
