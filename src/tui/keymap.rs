//! Keys and mouse events become actions here, and nowhere else. Bindings are looked up per mode; on the search line
//! (and on an open card, where it starts the next search) any printable key not bound types itself. Commands on a
//! guest sit on keys that cannot be part of a name — function keys and Ctrl chords — so typing a name never writes.
//! The hint rows and the help overlay are generated from the bindings in force, so they cannot disagree with them.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::Mode;

/// A key as bindings name it: the code and the Ctrl/Alt modifiers (Shift is part of the character typed).
pub type Chord = (KeyCode, KeyModifiers);

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Each binding with its place in the tables, so that hints name a mode's keys in the order they were given.
    bindings: HashMap<(Mode, Chord), (usize, Action)>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The commands on the counter, in the order the hint rows and the help list them, with what each is called there.
pub const COUNTER_COMMANDS: &[(Action, &str, &str)] = &[
    (Action::LogUsual, "usual", "log the usual now: usual seat and order"),
    (Action::VisitForm, "visit", "log a visit (the form starts from the usual)"),
    (Action::RecoveryForm, "recovery", "record a recovery for the guest on screen"),
    (Action::TickFollowUp, "tick", "tick the next open follow-up"),
    (Action::ResolveRecovery, "resolve", "resolve the newest open recovery (asks)"),
    (Action::EditGuestForm, "edit", "edit the guest"),
    (Action::HeadsUpForm, "heads-up", "tell other desks the guest is on the way"),
    (Action::MergeInto, "merge", "merge into another entry for them (asks)"),
    (Action::ToggleHelp, "help", "every key"),
    (Action::NewGuestForm, "new guest", "add a guest, named as typed"),
    (Action::MishapForm, "mishap", "record a recovery with no guest"),
    (Action::Undo, "undo", "take back a write (asks first if for another guest)"),
    (Action::ShowReports, "tally", "the mishap tally"),
    (Action::ShowOutreach, "outreach", "whom to write to"),
    (Action::ShowLog, "log", "who changed what, and when"),
    (Action::Quit, "quit", "quit (asks first when a form holds typing)"),
    (Action::OpenHeadsUp, "heads-up's guest", "open the guest of the newest heads-up"),
    (Action::TakeHeadsUp, "take", "take the newest heads-up: others see who took it"),
];

/// Moving and opening on the counter, for the help overlay.
pub const COUNTER_MOVES: &[(Action, &str)] = &[
    (Action::SelectPrev, "select the previous guest"),
    (Action::SelectNext, "select the next guest"),
    (Action::PageUp, "a page up the list"),
    (Action::PageDown, "a page down the list"),
    (Action::OpenGuest, "open the card; letters then start the next search"),
    (Action::Back, "close the card; on the search line, clear it"),
];

/// Editing keys, the same on the search line and in a form's fields.
pub const EDITING: &[(Action, &str)] = &[
    (Action::DeleteBack, "delete a character"),
    (Action::DeleteWord, "delete the word before the cursor"),
    (Action::ClearQuery, "clear the search or the field"),
    (Action::CursorLeft, "move the cursor"),
    (Action::CursorRight, "move the cursor; at a field's end, take its completion"),
];

/// Keys of a form, in hint order.
pub const FORM_KEYS: &[(Action, &str)] = &[
    (Action::NextField, "next field"),
    (Action::PreviousField, "field before"),
    (Action::Save, "save"),
    (Action::Back, "cancel"),
    (Action::ToggleHelp, "help"),
];

/// Keys of the outreach list only, in hint order.
pub const OUTREACH_KEYS: &[(Action, &str)] =
    &[(Action::NoteWritten, "written to: leave them out till next time"), (Action::NextPage, "birthdays / lapsed")];

/// Keys of the tally, outreach and log screens, in hint order.
pub const LIST_KEYS: &[(Action, &str)] = &[
    (Action::SelectNext, "down"),
    (Action::SelectPrev, "up"),
    (Action::ShowReports, "tally"),
    (Action::ShowOutreach, "outreach"),
    (Action::ShowLog, "log"),
    (Action::Back, "back to the counter"),
    (Action::ToggleHelp, "help"),
];

impl Default for Keymap {
    fn default() -> Self {
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
            ((Char('c'), CTRL), Action::Quit),
        ];
        // Text editing, the same on the search line and in a form's fields.
        let editing = [
            ((Backspace, NONE), Action::DeleteBack),
            ((Char('h'), CTRL), Action::DeleteBack),
            ((Char('w'), CTRL), Action::DeleteWord),
            ((Char('u'), CTRL), Action::ClearQuery),
            ((Left, NONE), Action::CursorLeft),
            ((Right, NONE), Action::CursorRight),
        ];
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
        let mut bindings = HashMap::new();
        for (mode, table) in [
            (Mode::Search, counter_and_editing.clone()),
            (Mode::Guest, counter_and_editing.clone()),
            (Mode::Welcome, welcome.iter().chain(&counter_and_editing).cloned().collect()),
            (Mode::Form, editing.iter().chain(&form).cloned().collect()),
            (Mode::Reports, lists.to_vec()),
            (Mode::Help, help.to_vec()),
        ] {
            for (place, (chord, action)) in table.into_iter().enumerate() {
                // The first binding of a chord in a mode wins: the welcome page's F2 loads the demo.
                bindings.entry((mode, chord)).or_insert((place, action));
            }
        }
        Self { bindings }
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
        let mut chords: Vec<(usize, &Chord)> = self
            .bindings
            .iter()
            .filter(|((m, _), (_, a))| *m == mode && a == action)
            .map(|((_, chord), (place, _))| (*place, chord))
            .collect();
        chords.sort_by_key(|(place, _)| *place);
        chords.into_iter().map(|(_, chord)| chord_name(chord)).collect()
    }

    /// The first key for `action` in `mode`, for a hint; `None` when nothing is bound to it.
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<String> {
        self.keys_for(mode, action).into_iter().next()
    }
}

/// "F2", "Ctrl-A", "Alt-B", "Enter", "↑".
pub fn chord_name((code, modifiers): &Chord) -> String {
    let key = match code {
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) if modifiers.is_empty() => c.to_string(),
        KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
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
        for (action, label, _) in COUNTER_COMMANDS {
            assert!(keymap.key_for(Mode::Guest, action).is_some(), "{label} has no key");
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
}
