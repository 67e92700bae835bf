//! What a guest's stored keys must hold for a query to match them: how a command that searches once (`regulars
//! find`) reads only the few guests it can match, the book checking each row's stored bits before reading the rest.
//! Necessary, never sufficient: a guest passing may still not match, a guest failing never does.

use super::query::{self, Term};
use super::short_forms;
use super::starts::term_start;

/// Above this many name-like terms in one reading of a query, the rest are not checked: fewer checks only let more
/// guests through, and a pasted paragraph must not become a statement of thousands of parameters.
const MOST_TERMS: usize = 8;

/// The readings of a query a guest may match (as typed, and with each short form's full names: "bill" is William),
/// each a list of what its name-like terms need. A guest passes if every term of one reading is satisfied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs {
    readings: Vec<Vec<TermNeeds>>,
}

/// What one name-like term needs of a guest, as the book stores a guest's bits (see `SearchKeys`): every bit of
/// `mask` in their keys' mask and every bit of `repeated` in their keys' repeated letters (the term matched in the
/// name, greeting or email), or every bit of `starts` in their spellings' word starts (the term matched from the
/// start of a word of one of their other spellings; 0 when it is never looked for there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermNeeds {
    pub mask: i64,
    pub repeated: i64,
    pub starts: i64,
}

impl Needs {
    pub fn of(query: &str) -> Self {
        let expanded = short_forms::expanded(query);
        let readings = std::iter::once(query)
            .chain(expanded.iter().map(String::as_str))
            .map(|reading| {
                let terms = query::parse(reading);
                let needs = terms.iter().filter_map(|term| match term {
                    Term::Fuzzy { mask, lower, ascii, .. } => Some(TermNeeds {
                        mask: signed(*mask),
                        repeated: signed(query::repeated(lower)),
                        starts: if *ascii { signed(term_start(lower)) } else { 0 },
                    }),
                    _ => None,
                });
                needs.take(MOST_TERMS).collect()
            })
            .collect();
        Self { readings }
    }

    /// What every guest has: for reading the whole book.
    pub fn any_guest() -> Self {
        Self { readings: vec![Vec::new()] }
    }

    /// Whether every guest may match: a reading with no name-like term (a phone number, a tag, nothing typed).
    pub fn everyone(&self) -> bool {
        self.readings.iter().any(Vec::is_empty)
    }

    /// The readings, each a list of its terms' needs; see [`Needs`].
    pub fn readings(&self) -> &[Vec<TermNeeds>] {
        &self.readings
    }
}

/// A mask as the book stores it: SQLite's integers are signed.
pub(super) fn signed(mask: u64) -> i64 {
    i64::from_ne_bytes(mask.to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchKeys;

    /// Whether a guest with `keys` passes `needs`, as the book checks it.
    fn passes(needs: &Needs, keys: &SearchKeys) -> bool {
        let holds = |bits: i64, need: i64| bits & need == need;
        needs.everyone()
            || needs.readings().iter().any(|terms| {
                terms.iter().all(|t| {
                    (holds(keys.mask, t.mask) && holds(keys.repeated, t.repeated))
                        || (t.starts != 0 && holds(keys.spelling_starts, t.starts))
                })
            })
    }

    #[test]
    fn a_guest_passes_by_name_by_spelling_or_by_what_a_short_form_stands_for() {
        let emma = SearchKeys::of("Emma Stone", "", "", &[]);
        let emily = SearchKeys::of("Emily Ward", "", "", &[]);
        let lau = SearchKeys::of("劉德華", "", "", &[]);
        let william = SearchKeys::of("William Smith", "", "", &[]);
        assert!(passes(&Needs::of("emma"), &emma));
        assert!(!passes(&Needs::of("emma"), &emily), "one m: it cannot hold emma");
        assert!(passes(&Needs::of("lau tak wah"), &lau), "by its Cantonese spelling: no t or k in liu de hua");
        assert!(!passes(&Needs::of("akwah"), &lau), "spellings are typed from the start of a word");
        assert!(passes(&Needs::of("bill smith"), &william), "bill is William");
        assert!(!passes(&Needs::of("jon smith"), &william));
        assert!(Needs::any_guest().everyone());
        assert!(Needs::of("0108").everyone() && Needs::of("#vip").everyone() && Needs::of("").everyone());
    }
}
