//! Keys and mouse events become actions here, and nowhere else. Bindings are looked up per mode; on the search line
//! (and on an open card, where it starts the next search) any printable key not bound types itself. Commands on a
//! guest sit on keys that cannot be part of a name — function keys and Ctrl chords — so typing a name never writes.
//! The hint rows and the help overlay are generated from the bindings in force, so they cannot disagree with them.
//! A house may remap keys in its settings file (`overrides`); keys are named there as the hints name them.

mod names;
mod overrides;

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::Mode;

pub use names::{
    ARRIVALS_KEYS, COUNTER_COMMANDS, COUNTER_MOVES, EDITING, FORM_KEYS, LIST_KEYS, OUTREACH_KEYS, PROMISES_KEYS,
    TALLY_KEYS, help, hint,
};
pub use overrides::{KeymapError, KeysSettings};

/// A key as bindings name it: the code and the Ctrl/Alt modifiers (Shift is part of the character typed).
pub type Chord = (KeyCode, KeyModifiers);

/// What each key means in each mode: the defaults, with the settings' `[keys]` merged over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Each binding with its place in the tables, so that hints name a mode's keys in the order they were given.
    bindings: HashMap<(Mode, Chord), (usize, Action)>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

/// Every action a key can be given in the settings' `[keys]` table, by the name used there; `"none"` unbinds a key.
/// Typing, pasting and clicking carry what was typed or where, so no key is bound to them.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("delete_back", Action::DeleteBack),
    ("delete_forward", Action::DeleteForward),
    ("delete_word", Action::DeleteWord),
    ("delete_word_forward", Action::DeleteWordForward),
    ("delete_to_end", Action::DeleteToEnd),
    ("clear_query", Action::ClearQuery),
    ("cursor_left", Action::CursorLeft),
    ("cursor_right", Action::CursorRight),
    ("word_left", Action::WordLeft),
    ("word_right", Action::WordRight),
    ("line_start", Action::LineStart),
    ("line_end", Action::LineEnd),
    ("select_prev", Action::SelectPrev),
    ("select_next", Action::SelectNext),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("select_first", Action::SelectFirst),
    ("select_last", Action::SelectLast),
    ("open_guest", Action::OpenGuest),
    ("back", Action::Back),
    ("toggle_help", Action::ToggleHelp),
    ("load_demo", Action::LoadDemo),
    ("log_usual", Action::LogUsual),
    ("tick_follow_up", Action::TickFollowUp),
    ("resolve_recovery", Action::ResolveRecovery),
    ("undo", Action::Undo),
    ("visit_form", Action::VisitForm),
    ("new_guest_form", Action::NewGuestForm),
    ("edit_guest_form", Action::EditGuestForm),
    ("recovery_form", Action::RecoveryForm),
    ("mishap_form", Action::MishapForm),
    ("merge_into", Action::MergeInto),
    ("show_reports", Action::ShowReports),
    ("report_days_7", Action::ReportDays(7)),
    ("report_days_30", Action::ReportDays(30)),
    ("report_days_90", Action::ReportDays(90)),
    ("report_days_365", Action::ReportDays(365)),
    ("show_outreach", Action::ShowOutreach),
    ("show_log", Action::ShowLog),
    ("show_arrivals", Action::ShowArrivals),
    ("show_promises", Action::ShowPromises),
    ("tick_promise", Action::TickPromise),
    ("category_form", Action::CategoryForm),
    ("mark_arrived", Action::MarkArrived),
    ("mark_no_show", Action::MarkNoShow),
    ("arrival_is_new", Action::ArrivalIsNew),
    ("arrival_form", Action::ArrivalForm),
    ("show_drill", Action::ShowDrill),
    ("day_before", Action::DayBefore),
    ("day_after", Action::DayAfter),
    ("switch_language", Action::SwitchLanguage),
    ("heads_up_form", Action::HeadsUpForm),
    ("open_heads_up", Action::OpenHeadsUp),
    ("take_heads_up", Action::TakeHeadsUp),
    ("next_field", Action::NextField),
    ("previous_field", Action::PreviousField),
    ("next_page", Action::NextPage),
    ("note_written", Action::NoteWritten),
    ("save", Action::Save),
    ("quit", Action::Quit),
];

/// The action the settings call `name`.
fn action_named(name: &str) -> Option<&'static Action> {
    ACTION_NAMES.iter().find(|(n, _)| *n == name).map(|(_, action)| action)
}

/// The name the settings give `action`; `None` for those no key is bound to.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTION_NAMES.iter().find(|(_, a)| a == action).map(|(name, _)| *name)
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = HashMap::new();
        for (mode, table) in default_tables() {
            for (place, (chord, action)) in table.into_iter().enumerate() {
                // The first binding of a chord in a mode wins: the welcome page's F2 loads the demo.
                bindings.entry((mode, chord)).or_insert((place, action));
            }
        }
        Self { bindings }
    }
}

/// The keys of each mode as shipped, in the order the hints name them.
fn default_tables() -> [(Mode, Vec<(Chord, Action)>); 6] {
    {
        use KeyCode::*;
        // Anywhere on the counter, whether typing on the search line or looking at an open card.
        let counter = [
            ((Up, NONE), Action::SelectPrev),
            ((Down, NONE), Action::SelectNext),
            ((Char('p'), CTRL), Action::SelectPrev),
            ((Char('n'), CTRL), Action::SelectNext),
            ((PageUp, NONE), Action::PageUp),
            ((PageDown, NONE), Action::PageDown),
            ((Home, NONE), Action::SelectFirst),
            ((End, NONE), Action::SelectLast),
            ((Enter, NONE), Action::OpenGuest),
            ((Esc, NONE), Action::Back),
            ((F(1), NONE), Action::ToggleHelp),
            ((F(2), NONE), Action::LogUsual),
            ((F(3), NONE), Action::VisitForm),
            ((F(4), NONE), Action::RecoveryForm),
            ((F(5), NONE), Action::TickFollowUp),
            ((F(6), NONE), Action::ResolveRecovery),
            ((F(7), NONE), Action::EditGuestForm),
            ((F(8), NONE), Action::HeadsUpForm),
            ((F(9), NONE), Action::MergeInto),
            ((Char('a'), CTRL), Action::NewGuestForm),
            ((Char('r'), CTRL), Action::MishapForm),
            ((Char('z'), CTRL), Action::Undo),
            ((Char('g'), CTRL), Action::OpenHeadsUp),
            ((Char('y'), CTRL), Action::TakeHeadsUp),
            ((Char('t'), CTRL), Action::ShowReports),
            ((Char('o'), CTRL), Action::ShowOutreach),
            ((Char('l'), CTRL), Action::ShowLog),
            ((F(10), NONE), Action::ShowArrivals),
            // F12 and Alt-P: a drop-down terminal (Guake, Yakuake) may take F12 for itself.
            ((F(12), NONE), Action::ShowPromises),
            ((Char('p'), ALT), Action::ShowPromises),
            // F11 (a terminal may take it for full screen: Alt-L then).
            ((F(11), NONE), Action::SwitchLanguage),
            ((Char('l'), ALT), Action::SwitchLanguage),
            ((Char('c'), CTRL), Action::Quit),
        ];
        // Text editing, the same on the search line and in a form's fields, as a shell's line editor has them.
        let editing = [
            ((Backspace, NONE), Action::DeleteBack),
            ((Char('h'), CTRL), Action::DeleteBack),
            ((Delete, NONE), Action::DeleteForward),
            ((Char('d'), CTRL), Action::DeleteForward),
            ((Char('w'), CTRL), Action::DeleteWord),
            ((Backspace, ALT), Action::DeleteWord),
            ((Char('d'), ALT), Action::DeleteWordForward),
            ((Char('k'), CTRL), Action::DeleteToEnd),
            ((Char('u'), CTRL), Action::ClearQuery),
            ((Left, NONE), Action::CursorLeft),
            ((Right, NONE), Action::CursorRight),
            ((Left, CTRL), Action::WordLeft),
            ((Char('b'), ALT), Action::WordLeft),
            ((Right, CTRL), Action::WordRight),
            ((Char('f'), ALT), Action::WordRight),
            ((Home, CTRL), Action::LineStart),
            ((Char('e'), CTRL), Action::LineEnd),
            ((End, CTRL), Action::LineEnd),
        ];
        // In a form's fields Home, End and Ctrl-A go to the ends too; on the counter they move in the list and add a
        // guest.
        let field_ends =
            [((Home, NONE), Action::LineStart), ((End, NONE), Action::LineEnd), ((Char('a'), CTRL), Action::LineStart)];
        let form = [
            ((Tab, NONE), Action::NextField),
            ((Down, NONE), Action::NextField),
            ((Enter, NONE), Action::NextField),
            ((BackTab, NONE), Action::PreviousField),
            ((Up, NONE), Action::PreviousField),
            ((Char('s'), CTRL), Action::Save),
            ((Esc, NONE), Action::Back),
            ((F(1), NONE), Action::ToggleHelp),
            ((Char('c'), CTRL), Action::Quit),
        ];
        let lists = [
            ((Esc, NONE), Action::Back),
            ((Char('t'), CTRL), Action::ShowReports),
            ((Char('o'), CTRL), Action::ShowOutreach),
            ((Char('l'), CTRL), Action::ShowLog),
            ((F(10), NONE), Action::ShowArrivals),
            ((F(12), NONE), Action::ShowPromises),
            ((Char('p'), ALT), Action::ShowPromises),
            ((F(11), NONE), Action::SwitchLanguage),
            ((Char('l'), ALT), Action::SwitchLanguage),
            ((F(2), NONE), Action::MarkArrived),
            ((Char('x'), NONE), Action::TickPromise),
            ((Char('o'), NONE), Action::CategoryForm),
            ((F(5), NONE), Action::MarkNoShow),
            ((F(8), NONE), Action::HeadsUpForm),
            ((F(4), NONE), Action::ArrivalIsNew),
            ((Char('a'), NONE), Action::ArrivalForm),
            ((Char('d'), NONE), Action::ShowDrill),
            ((Left, NONE), Action::DayBefore),
            ((Right, NONE), Action::DayAfter),
            ((Char('1'), NONE), Action::ReportDays(7)),
            ((Char('2'), NONE), Action::ReportDays(30)),
            ((Char('3'), NONE), Action::ReportDays(90)),
            ((Char('4'), NONE), Action::ReportDays(365)),
            ((Up, NONE), Action::SelectPrev),
            ((Down, NONE), Action::SelectNext),
            ((PageUp, NONE), Action::PageUp),
            ((PageDown, NONE), Action::PageDown),
            ((Tab, NONE), Action::NextPage),
            ((Enter, NONE), Action::NoteWritten),
            ((Char('z'), CTRL), Action::Undo),
            ((F(1), NONE), Action::ToggleHelp),
            ((Char('c'), CTRL), Action::Quit),
        ];
        let help = [
            ((Esc, NONE), Action::ToggleHelp),
            ((F(1), NONE), Action::ToggleHelp),
            ((Enter, NONE), Action::ToggleHelp),
            ((Up, NONE), Action::SelectPrev),
            ((Down, NONE), Action::SelectNext),
            ((PageUp, NONE), Action::PageUp),
            ((PageDown, NONE), Action::PageDown),
            ((Char('c'), CTRL), Action::Quit),
        ];
        let welcome = [((F(2), NONE), Action::LoadDemo), ((F(1), NONE), Action::ToggleHelp)];
        let counter_and_editing: Vec<(Chord, Action)> = counter.iter().chain(&editing).cloned().collect();
        [
            (Mode::Search, counter_and_editing.clone()),
            (Mode::Guest, counter_and_editing.clone()),
            (Mode::Welcome, welcome.iter().chain(&counter_and_editing).cloned().collect()),
            (Mode::Form, editing.iter().chain(&field_ends).chain(&form).cloned().collect()),
            (Mode::Reports, lists.to_vec()),
            (Mode::Help, help.to_vec()),
        ]
    }
}

impl Keymap {
    /// The action a key press means in `mode`, if any.
    pub fn key(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let modifiers = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let Some((_, action)) = self.bindings.get(&(mode, (key.code, modifiers))) {
            return Some(action.clone());
        }
        match (mode, key.code) {
            (Mode::Search | Mode::Guest | Mode::Welcome | Mode::Form, KeyCode::Char(c)) if modifiers.is_empty() => {
                Some(Action::Insert(c))
            }
            _ => None,
        }
    }

    /// The action a mouse event means, given where the result list is on screen.
    pub fn mouse(&self, mode: Mode, event: MouseEvent, list: Rect) -> Option<Action> {
        if !matches!(mode, Mode::Search | Mode::Guest) {
            return None;
        }
        match event.kind {
            MouseEventKind::ScrollUp => Some(Action::SelectPrev),
            MouseEventKind::ScrollDown => Some(Action::SelectNext),
            MouseEventKind::Down(MouseButton::Left) if list.contains(Position::new(event.column, event.row)) => {
                Some(Action::Click(usize::from(event.row - list.y)))
            }
            _ => None,
        }
    }

    /// The keys that mean `action` in `mode`, as people read them ("F2", "Ctrl-A"), in the order the bindings
    /// give them.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<String> {
        self.chords_for(mode, action).iter().map(chord_name).collect()
    }

    /// The keys bound to `action` in `mode`, in the order the bindings give them.
    fn chords_for(&self, mode: Mode, action: &Action) -> Vec<Chord> {
        let mut chords: Vec<(usize, Chord)> = self
            .bindings
            .iter()
            .filter(|((m, _), (_, a))| *m == mode && a == action)
            .map(|((_, chord), (place, _))| (*place, *chord))
            .collect();
        chords.sort_by_key(|(place, _)| *place);
        chords.into_iter().map(|(_, chord)| chord).collect()
    }

    /// The first key for `action` in `mode`, for a hint; `None` when nothing is bound to it.
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<String> {
        self.keys_for(mode, action).into_iter().next()
    }
}

/// The keys with names: the first is how the hints and the help print it, any of them is how the settings may
/// spell it (in any case).
const KEY_NAMES: &[(KeyCode, &[&str])] = &[
    (KeyCode::Enter, &["Enter", "Return"]),
    (KeyCode::Esc, &["Esc", "Escape"]),
    (KeyCode::Tab, &["Tab"]),
    (KeyCode::BackTab, &["Shift-Tab", "BackTab"]),
    (KeyCode::Backspace, &["Backspace"]),
    (KeyCode::Delete, &["Delete", "Del"]),
    (KeyCode::Insert, &["Insert"]),
    (KeyCode::Up, &["↑", "Up"]),
    (KeyCode::Down, &["↓", "Down"]),
    (KeyCode::Left, &["←", "Left"]),
    (KeyCode::Right, &["→", "Right"]),
    (KeyCode::Home, &["Home"]),
    (KeyCode::End, &["End"]),
    (KeyCode::PageUp, &["PgUp", "PageUp"]),
    (KeyCode::PageDown, &["PgDn", "PageDown"]),
    // A space as a bare " " would be invisible in the help and easy to lose in the settings.
    (KeyCode::Char(' '), &["Space"]),
];

/// The highest function key taken; terminals send F13 to F24 for Shift with F1 to F12, if at all.
const F_KEYS: u8 = 24;

/// "F2", "Ctrl-A", "Alt-B", "Enter", "↑".
pub fn chord_name((code, modifiers): &Chord) -> String {
    let key = match (KEY_NAMES.iter().find(|(named, _)| named == code), code) {
        (Some((_, names)), _) => names[0].to_owned(),
        (None, KeyCode::F(n)) => format!("F{n}"),
        (None, KeyCode::Char(c)) if modifiers.is_empty() => c.to_string(),
        (None, KeyCode::Char(c)) => c.to_ascii_uppercase().to_string(),
        (None, other) => format!("{other:?}"),
    };
    let mut name = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        name.push_str("Alt-");
    }
    name.push_str(&key);
    name
}

/// The key a name means, as `chord_name` prints it: "F2", "Ctrl-A", "Alt-B", "Enter", "↑" or "Up", "a". Modifiers
/// and named keys are read in any case ("ctrl-pgdn"); a single character keeps its case ("a" is not "A"), except
/// after Ctrl or Alt, where letters are read as the terminal sends them, lower case.
pub fn parse_chord(name: &str) -> Option<Chord> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    loop {
        if let Some(after) = strip_prefix_any_case(rest, "ctrl-") {
            modifiers |= CTRL;
            rest = after;
        } else if let Some(after) = strip_prefix_any_case(rest, "alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = after;
        } else {
            break;
        }
    }
    if let Some((code, _)) = KEY_NAMES.iter().find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(rest))) {
        return Some((*code, modifiers));
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_control() => return None,
        (Some(c), None) if modifiers.is_empty() => KeyCode::Char(c),
        (Some(c), None) => KeyCode::Char(c.to_ascii_lowercase()),
        (Some('f' | 'F'), Some(_)) => {
            // Digits only: `parse` alone would also take "F+2".
            let digits = &rest[1..];
            match digits.parse() {
                Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) && (1..=F_KEYS).contains(&n) => KeyCode::F(n),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some((code, modifiers))
}

/// `text` without `prefix`, matched in any case; `get` so that a name starting with a wide character is not cut.
fn strip_prefix_any_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_printable_key_types_on_the_counter_and_never_runs_a_command() {
        let keymap = Keymap::default();
        for mode in [Mode::Search, Mode::Guest, Mode::Welcome] {
            for c in ('a'..='z').chain('A'..='Z').chain('0'..='9').chain("/?.-+#@ 于明ส".chars()) {
                assert_eq!(keymap.key(mode, key(KeyCode::Char(c), NONE)), Some(Action::Insert(c)), "{c:?} in {mode:?}");
            }
        }
    }

    #[test]
    fn commands_sit_on_function_keys_and_chords() {
        let keymap = Keymap::default();
        assert_eq!(keymap.key(Mode::Guest, key(KeyCode::F(2), NONE)), Some(Action::LogUsual));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::F(2), NONE)), Some(Action::LogUsual));
        assert_eq!(keymap.key(Mode::Welcome, key(KeyCode::F(2), NONE)), Some(Action::LoadDemo));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('w'), CTRL)), Some(Action::DeleteWord));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('n'), CTRL)), Some(Action::SelectNext));
        for mode in [Mode::Search, Mode::Guest, Mode::Form, Mode::Reports, Mode::Help] {
            assert_eq!(keymap.key(mode, key(KeyCode::Char('c'), CTRL)), Some(Action::Quit));
        }
        assert_eq!(keymap.key(Mode::Help, key(KeyCode::Char('x'), NONE)), None);
    }

    #[test]
    fn every_counter_command_has_a_key_and_a_name_people_read() {
        let keymap = Keymap::default();
        for (action, stem) in COUNTER_COMMANDS {
            assert!(keymap.key_for(Mode::Guest, action).is_some(), "{stem} has no key");
        }
        assert_eq!(keymap.key_for(Mode::Guest, &Action::LogUsual).as_deref(), Some("F2"));
        assert_eq!(keymap.key_for(Mode::Search, &Action::NewGuestForm).as_deref(), Some("Ctrl-A"));
        assert_eq!(keymap.keys_for(Mode::Form, &Action::NextField), ["Tab", "↓", "Enter"]);
    }

    #[test]
    fn clicks_select_rows_of_the_list_only() {
        let keymap = Keymap::default();
        let list = Rect::new(1, 2, 30, 10);
        let click =
            |column, row| MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column, row, modifiers: NONE };
        assert_eq!(keymap.mouse(Mode::Search, click(5, 4), list), Some(Action::Click(2)));
        assert_eq!(keymap.mouse(Mode::Search, click(50, 4), list), None);
    }

    #[test]
    fn every_default_key_reads_back_from_the_name_the_help_prints() {
        let keymap = Keymap::default();
        for (_, chord) in keymap.bindings.keys() {
            assert_eq!(parse_chord(&chord_name(chord)), Some(*chord), "{}", chord_name(chord));
        }
        for (code, names) in KEY_NAMES {
            assert_eq!(parse_chord(&chord_name(&(*code, CTRL))), Some((*code, CTRL)), "{names:?}");
        }
        for n in 1..=F_KEYS {
            assert_eq!(
                parse_chord(&chord_name(&(KeyCode::F(n), KeyModifiers::ALT))),
                Some((KeyCode::F(n), KeyModifiers::ALT))
            );
        }
    }

    #[test]
    fn key_names_are_read_in_any_case_but_a_single_character_keeps_its_own() {
        for name in ["Ctrl-A", "ctrl-a", "CTRL-A", "Ctrl-a"] {
            assert_eq!(parse_chord(name), Some((KeyCode::Char('a'), CTRL)), "{name}");
        }
        let alt_ctrl = CTRL | KeyModifiers::ALT;
        assert_eq!(parse_chord("alt-ctrl-pgdn"), Some((KeyCode::PageDown, alt_ctrl)));
        assert_eq!(chord_name(&(KeyCode::PageDown, alt_ctrl)), "Ctrl-Alt-PgDn");
        for (name, code) in [("up", KeyCode::Up), ("UP", KeyCode::Up), ("↑", KeyCode::Up), ("f12", KeyCode::F(12))] {
            assert_eq!(parse_chord(name), Some((code, NONE)), "{name}");
        }
        assert_eq!(parse_chord("shift-tab"), Some((KeyCode::BackTab, NONE)));
        assert_eq!(parse_chord("A"), Some((KeyCode::Char('A'), NONE)));
        assert_eq!(parse_chord("a"), Some((KeyCode::Char('a'), NONE)));
        assert_eq!(parse_chord("Ctrl--"), Some((KeyCode::Char('-'), CTRL)));
        assert_eq!(parse_chord("于"), Some((KeyCode::Char('于'), NONE)));
        for bad in ["", "\t", "Ctrl-", "Shift-A", "F0", "F25", "F+2", "Fx", "Enterr", "ab"] {
            assert_eq!(parse_chord(bad), None, "{bad:?}");
        }
    }

    /// No wildcard: a new `Action` variant does not compile here until it is given a name in `ACTION_NAMES` (and
    /// listed here) or excluded with the reason.
    fn takes_a_key(action: &Action) -> bool {
        use Action::*;
        match action {
            // What was typed, pasted or clicked travels with these.
            Insert(_) | Paste(_) | Click(_) => false,
            DeleteBack | DeleteForward | DeleteWord | DeleteWordForward | DeleteToEnd | ClearQuery | CursorLeft
            | CursorRight | WordLeft | WordRight | LineStart | LineEnd | SelectPrev | SelectNext | PageUp
            | PageDown | SelectFirst | SelectLast | OpenGuest | Back | ToggleHelp | LoadDemo | LogUsual
            | TickFollowUp | ResolveRecovery | Undo | VisitForm | NewGuestForm | EditGuestForm | RecoveryForm
            | MishapForm | MergeInto | ShowReports | ReportDays(_) | ShowOutreach | ShowLog | HeadsUpForm
            | OpenHeadsUp | TakeHeadsUp | NextField | PreviousField | NextPage | NoteWritten | Save | Quit
            | SwitchLanguage | ShowArrivals | MarkArrived | MarkNoShow | ArrivalIsNew | ArrivalForm | DayBefore
            | DayAfter | ShowDrill | ShowPromises | TickPromise | CategoryForm => true,
        }
    }

    #[test]
    fn no_key_shipped_is_shadowed_by_another_in_its_mode() {
        for (mode, table) in default_tables() {
            for (i, (chord, action)) in table.iter().enumerate() {
                // A chord given twice for the same action is harmless; for another, the second is never reached —
                // but for the welcome page's own F2 (load the demo), which stands before the counter's on purpose.
                let earlier = table[..i].iter().find(|(c, a)| c == chord && a != action);
                let meant = mode == Mode::Welcome && *action == Action::LogUsual;
                assert!(earlier.is_none() || meant, "{mode:?}: {chord:?} for {action:?} is shadowed by {earlier:?}");
            }
        }
    }

    #[test]
    fn every_action_a_key_can_mean_has_one_snake_case_name() {
        // 55 unit variants and the four periods of the tally.
        assert_eq!(ACTION_NAMES.len(), 60);
        for (i, (name, action)) in ACTION_NAMES.iter().enumerate() {
            assert!(takes_a_key(action), "{name}");
            assert!(ACTION_NAMES[..i].iter().all(|(n, a)| n != name && a != action), "{name} twice");
            assert_eq!(action_named(name), Some(action));
            assert_eq!(action_name(action), Some(*name));
            // The name is the variant's in snake case (serde writes a unit variant as its name), the days after it.
            let snake = |variant: &str| {
                variant.chars().enumerate().fold(String::new(), |mut snake, (i, c)| {
                    if i > 0 && c.is_ascii_uppercase() {
                        snake.push('_');
                    }
                    snake.push(c.to_ascii_lowercase());
                    snake
                })
            };
            let variant = match serde_json::to_value(action).unwrap() {
                serde_json::Value::String(variant) => snake(&variant),
                serde_json::Value::Object(map) => {
                    map.iter().map(|(variant, days)| format!("{}_{days}", snake(variant))).collect()
                }
                other => panic!("{other}"),
            };
            assert_eq!(variant, *name);
        }
        let keymap = Keymap::default();
        for (_, action) in keymap.bindings.values() {
            assert!(action_name(action).is_some(), "{action:?} is bound by default and has no name");
        }
        assert_eq!(action_named("none"), None, "\"none\" unbinds; it is no action");
    }
}
