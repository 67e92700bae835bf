//! Taking back this session's writes, so that it cannot surprise: Ctrl-Z takes back the newest write for the guest
//! on screen, names them, and asks first before touching a write for anyone else.

use super::{App, Then, View};
use crate::said;
use crate::tui::action::{Action, Effect, Undo, Who, Write};

/// How many of the session's writes can still be taken back.
const UNDO_DEPTH: usize = 30;

/// One write of this session that can be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoEntry {
    pub id: u64,
    pub who: Who,
    pub undo: Undo,
}

impl App {
    /// Keeps a write for Ctrl-Z.
    pub(super) fn remember(&mut self, who: Who, undo: Undo) {
        self.undo.push(UndoEntry { id: self.next_undo, who, undo });
        self.next_undo += 1;
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Ctrl-Z: the newest write for the guest on screen goes at once; a write for another guest (or for no guest)
    /// is named and needs Ctrl-Z again.
    pub(super) fn undo(&mut self) -> Vec<Effect> {
        let (key, back) = (self.key(self.mode(), &Action::Undo), self.key(self.mode(), &Action::Back));
        // On the outreach list, what is on screen is the list: a note of who was written to, just made there.
        if self.view == View::Outreach
            && let Some(entry) = self.undo.last().filter(|e| matches!(e.undo, Undo::Written(_)))
        {
            return self.take_back(entry.id);
        }
        let shown = self.selected_card().map(|c| c.guest.id);
        if let Some(entry) = self.undo.iter().rev().find(|e| shown.is_some() && e.who.guest == shown) {
            return self.take_back(entry.id);
        }
        let Some(last) = self.undo.last() else {
            self.say(said!("status-nothing-to-undo"), None);
            return Vec::new();
        };
        let prompt = match last.who.guest {
            Some(_) => {
                said!("confirm-undo-other", what = last.undo.what(), name = &last.who.name, key = key, back = back)
            }
            None => said!("confirm-undo-no-guest", what = last.undo.what(), key = key, back = back),
        };
        let id = last.id;
        self.ask(prompt.clone(), Action::Undo, Then::TakeBack(id), Vec::new());
        self.say(prompt, None);
        Vec::new()
    }

    /// The write with this id, taken back.
    pub(super) fn take_back(&mut self, id: u64) -> Vec<Effect> {
        let Some(at) = self.undo.iter().position(|e| e.id == id) else { return Vec::new() };
        let entry = self.undo.remove(at);
        vec![Effect::Write { who: entry.who, write: Write::Undo(entry.undo) }]
    }
}
