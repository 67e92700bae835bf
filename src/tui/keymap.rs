//! Keys and mouse events become actions here, and nowhere else. Bindings are looked up per mode; on the search line
//! any printable key not bound types itself.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::Mode;

/// A key as bindings name it: the code and the Ctrl/Alt modifiers (Shift is part of the character typed).
type Chord = (KeyCode, KeyModifiers);

pub struct Keymap {
    bindings: HashMap<(Mode, Chord), Action>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let moving = [
            ((Up, NONE), Action::SelectPrev),
            ((Down, NONE), Action::SelectNext),
            ((Char('p'), CTRL), Action::SelectPrev),
            ((Char('n'), CTRL), Action::SelectNext),
            ((PageUp, NONE), Action::PageUp),
            ((PageDown, NONE), Action::PageDown),
            ((Home, NONE), Action::SelectFirst),
            ((End, NONE), Action::SelectLast),
            ((F(1), NONE), Action::ToggleHelp),
            ((Char('c'), CTRL), Action::Quit),
            ((Char('z'), CTRL), Action::Undo),
            ((F(3), NONE), Action::ShowReports),
            ((F(4), NONE), Action::ShowOutreach),
            ((F(5), NONE), Action::OpenHeadsUp),
            ((F(6), NONE), Action::TakeHeadsUp),
            ((F(7), NONE), Action::ShowLog),
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
        let search = [
            ((Enter, NONE), Action::OpenGuest),
            ((Esc, NONE), Action::Back),
            ((F(2), NONE), Action::LoadDemo),
            ((Char('a'), CTRL), Action::NewGuestForm),
            ((Char('r'), CTRL), Action::RecoveryForm),
        ];
        let guest = [
            ((Esc, NONE), Action::Back),
            ((Char('/'), NONE), Action::FocusSearch),
            ((Char('?'), NONE), Action::ToggleHelp),
            ((Char('u'), NONE), Action::LogUsual),
            ((Char('f'), NONE), Action::TickFollowUp),
            ((Char('x'), NONE), Action::ResolveRecovery),
            ((Char('v'), NONE), Action::VisitForm),
            ((Char('e'), NONE), Action::EditGuestForm),
            ((Char('r'), NONE), Action::RecoveryForm),
            ((Char('n'), NONE), Action::NewGuestForm),
            ((Char('m'), NONE), Action::MergeInto),
            ((Char('h'), NONE), Action::HeadsUpForm),
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
        let reports = [
            ((Esc, NONE), Action::Back),
            ((F(3), NONE), Action::ShowReports),
            ((F(4), NONE), Action::ShowOutreach),
            ((F(7), NONE), Action::ShowLog),
            ((Char('1'), NONE), Action::ReportDays(7)),
            ((Char('2'), NONE), Action::ReportDays(30)),
            ((Char('3'), NONE), Action::ReportDays(90)),
            ((Char('4'), NONE), Action::ReportDays(365)),
            ((Up, NONE), Action::SelectPrev),
            ((Down, NONE), Action::SelectNext),
            ((PageUp, NONE), Action::PageUp),
            ((PageDown, NONE), Action::PageDown),
            ((F(1), NONE), Action::ToggleHelp),
            ((Char('c'), CTRL), Action::Quit),
        ];
        let help = [
            ((Esc, NONE), Action::ToggleHelp),
            ((F(1), NONE), Action::ToggleHelp),
            ((Char('?'), NONE), Action::ToggleHelp),
            ((Char('q'), NONE), Action::ToggleHelp),
            ((Enter, NONE), Action::ToggleHelp),
            ((Char('c'), CTRL), Action::Quit),
        ];
        let mut bindings = HashMap::new();
        for (mode, table) in [
            (Mode::Search, moving.iter().chain(&editing).chain(&search).cloned().collect::<Vec<_>>()),
            (Mode::Guest, moving.iter().chain(&guest).cloned().collect()),
            (Mode::Form, editing.iter().chain(&form).cloned().collect()),
            (Mode::Reports, reports.to_vec()),
            (Mode::Help, help.to_vec()),
        ] {
            bindings.extend(table.into_iter().map(|(chord, action)| ((mode, chord), action)));
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
        if let Some(action) = self.bindings.get(&(mode, (key.code, modifiers))) {
            return Some(action.clone());
        }
        match (mode, key.code) {
            (Mode::Search | Mode::Form, KeyCode::Char(c)) if modifiers.is_empty() => Some(Action::Insert(c)),
            (Mode::Guest, KeyCode::Char(c)) if modifiers.is_empty() => Some(Action::Unbound(c)),
            _ => None,
        }
    }

    /// The action a mouse event means, given where the result list is on screen.
    pub fn mouse(&self, mode: Mode, event: MouseEvent, list: Rect) -> Option<Action> {
        if matches!(mode, Mode::Help | Mode::Form | Mode::Reports) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn printable_keys_type_on_the_search_line_and_are_commands_in_guest_mode() {
        let keymap = Keymap::default();
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('Y'), KeyModifiers::SHIFT)), Some(Action::Insert('Y')));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('于'), NONE)), Some(Action::Insert('于')));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('/'), NONE)), Some(Action::Insert('/')));
        assert_eq!(keymap.key(Mode::Guest, key(KeyCode::Char('/'), NONE)), Some(Action::FocusSearch));
        assert_eq!(keymap.key(Mode::Guest, key(KeyCode::Char('k'), NONE)), Some(Action::Unbound('k')));
    }

    #[test]
    fn control_keys_edit_move_and_quit_everywhere() {
        let keymap = Keymap::default();
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('w'), CTRL)), Some(Action::DeleteWord));
        assert_eq!(keymap.key(Mode::Search, key(KeyCode::Char('n'), CTRL)), Some(Action::SelectNext));
        assert_eq!(keymap.key(Mode::Guest, key(KeyCode::Down, NONE)), Some(Action::SelectNext));
        for mode in [Mode::Search, Mode::Guest, Mode::Help] {
            assert_eq!(keymap.key(mode, key(KeyCode::Char('c'), CTRL)), Some(Action::Quit));
        }
        assert_eq!(keymap.key(Mode::Help, key(KeyCode::Char('x'), NONE)), None);
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
