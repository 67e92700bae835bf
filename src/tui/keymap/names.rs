//! What each key is called where the screen names it: the commands, moves and editing keys of each mode, in the
//! order the hint rows and the help overlay list them, each with the stem of its messages in the resource files.

use crate::i18n::Language;
use crate::tui::action::Action;

/// The commands on the counter, in the order the hint rows and the help list them, each with the stem of its
/// messages: `hint-STEM` is what the hint rows call it, `help-STEM` what the help says it does.
pub const COUNTER_COMMANDS: &[(Action, &str)] = &[
    (Action::LogUsual, "usual"),
    (Action::VisitForm, "visit"),
    (Action::RecoveryForm, "recovery"),
    (Action::TickFollowUp, "tick"),
    (Action::ResolveRecovery, "resolve"),
    (Action::EditGuestForm, "edit"),
    (Action::HeadsUpForm, "heads-up"),
    (Action::MergeInto, "merge"),
    (Action::ToggleHelp, "help"),
    (Action::NewGuestForm, "new-guest"),
    (Action::MishapForm, "mishap"),
    (Action::Undo, "undo"),
    (Action::ShowReports, "tally"),
    (Action::ShowOutreach, "outreach"),
    (Action::ShowLog, "log"),
    (Action::ShowArrivals, "arrivals"),
    (Action::ShowPromises, "promises"),
    (Action::Quit, "quit"),
    (Action::OpenHeadsUp, "heads-up-guest"),
    (Action::TakeHeadsUp, "take"),
    (Action::SwitchLanguage, "language"),
];

/// Moving and opening on the counter, for the help overlay (`help-STEM`).
pub const COUNTER_MOVES: &[(Action, &str)] = &[
    (Action::SelectPrev, "select-prev"),
    (Action::SelectNext, "select-next"),
    (Action::PageUp, "page-up"),
    (Action::PageDown, "page-down"),
    (Action::OpenGuest, "open-guest"),
    (Action::Back, "back"),
];

/// Editing keys, the same on the search line and in a form's fields (`help-STEM`).
pub const EDITING: &[(Action, &str)] = &[
    (Action::DeleteBack, "delete-back"),
    (Action::DeleteForward, "delete-forward"),
    (Action::DeleteWord, "delete-word"),
    (Action::DeleteWordForward, "delete-word-forward"),
    (Action::DeleteToEnd, "delete-to-end"),
    (Action::ClearQuery, "clear-query"),
    (Action::CursorLeft, "cursor-left"),
    (Action::CursorRight, "cursor-right"),
    (Action::WordLeft, "word-left"),
    (Action::WordRight, "word-right"),
    (Action::LineStart, "line-start"),
    (Action::LineEnd, "line-end"),
];

/// Keys of a form, in hint order (`hint-STEM`, in the hints and the help alike).
pub const FORM_KEYS: &[(Action, &str)] = &[
    (Action::NextField, "next-field"),
    (Action::PreviousField, "previous-field"),
    (Action::Save, "save"),
    (Action::Back, "cancel"),
    (Action::ToggleHelp, "help"),
];

/// Keys of the outreach list only, in hint order (`hint-STEM`).
pub const OUTREACH_KEYS: &[(Action, &str)] = &[(Action::NoteWritten, "written"), (Action::NextPage, "next-page")];

/// Keys of the arrivals screen only, in hint order (`hint-STEM`).
pub const ARRIVALS_KEYS: &[(Action, &str)] = &[
    (Action::NoteWritten, "open-card"),
    (Action::ArrivalForm, "add-arrival"),
    (Action::ShowDrill, "drill"),
    (Action::DayBefore, "day-before"),
    (Action::DayAfter, "day-after"),
    (Action::MarkArrived, "arrived"),
    (Action::MarkNoShow, "no-show"),
    (Action::ArrivalIsNew, "arrival-new"),
    (Action::HeadsUpForm, "heads-up"),
];

/// Keys of the tally only, in hint order (`hint-STEM`).
pub const TALLY_KEYS: &[(Action, &str)] = &[(Action::NextPage, "owner-view"), (Action::CategoryForm, "category-form")];

/// Keys of the promises list only, in hint order (`hint-STEM`).
pub const PROMISES_KEYS: &[(Action, &str)] =
    &[(Action::NoteWritten, "open-card"), (Action::TickPromise, "tick-promise")];

/// Keys of the tally, outreach and log screens, in hint order (`hint-STEM`).
pub const LIST_KEYS: &[(Action, &str)] = &[
    (Action::SelectNext, "down"),
    (Action::SelectPrev, "up"),
    (Action::ShowReports, "tally"),
    (Action::ShowOutreach, "outreach"),
    (Action::ShowLog, "log"),
    (Action::Back, "back-to-counter"),
    (Action::ToggleHelp, "help"),
    (Action::ShowArrivals, "arrivals"),
    (Action::ShowPromises, "promises"),
];

/// What the hint rows call the key of `stem` in `language`.
pub fn hint(language: Language, stem: &str) -> String {
    crate::i18n::named(language, "hint", stem)
}

/// What the help overlay says the key of `stem` does, in `language`.
pub fn help(language: Language, stem: &str) -> String {
    crate::i18n::named(language, "help", stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_named_in_every_language() {
        for language in crate::i18n::LANGUAGES {
            // A message the resources lack comes back as its id.
            let hint_named = |stem: &str| assert_ne!(hint(language, stem), format!("hint-{stem}"), "{language:?}");
            let help_named = |stem: &str| assert_ne!(help(language, stem), format!("help-{stem}"), "{language:?}");
            for (_, stem) in COUNTER_COMMANDS {
                hint_named(stem);
                help_named(stem);
            }
            COUNTER_MOVES.iter().chain(EDITING).for_each(|(_, stem)| help_named(stem));
            let lists = FORM_KEYS
                .iter()
                .chain(OUTREACH_KEYS)
                .chain(ARRIVALS_KEYS)
                .chain(PROMISES_KEYS)
                .chain(TALLY_KEYS)
                .chain(LIST_KEYS);
            lists.for_each(|(_, stem)| hint_named(stem));
        }
    }
}
