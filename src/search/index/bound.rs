//! The most a guest could score for a query, worked out without the matcher. Once the best kept so far all score
//! more than that, the guest is only counted, not scored: at a million guests a short query matches hundreds of
//! thousands, and the matcher was most of the time spent on them, for guests who could never be shown.
//!
//! The bound follows nucleo-matcher 0.3's scoring (`score.rs`, `fuzzy_optimal.rs`): each character matched scores
//! 16 and a bonus of at most 10 (the boundary after a space), the first character's bonus counts twice, and the
//! prefix bonus is 8 for a match starting the key and at most 7 otherwise. A first character matched where no word
//! starts has a bonus of at most 5 (camelCase, or a digit after a letter). Our own bonuses are worked out exactly:
//! they read no more than the bound does. A test compares answers with and without the bound on a demo book.

use super::super::query::Term;
use super::super::starts::could_hold;
use super::cold::Cold;
use super::score::{Prepared, SPELLED_PENALTY, Scorer, Spelt, in_order, runs_from_a_word, word_bonus};
use super::text_of;

/// What a character matched scores, and the most bonus any character gets (nucleo's `SCORE_MATCH` and
/// `bonus_boundary_white`).
const MATCH: u32 = 16;
const MOST_BONUS: u32 = 10;
/// The bonus of a first character matched where no word starts: camelCase or a digit after a letter
/// (`BONUS_CAMEL123`); elsewhere in a word, none.
const INSIDE_BONUS: u32 = 5;
/// The prefix bonus for a match starting the key, and the most for one starting later.
const PREFIX_AT_START: u32 = 8;
const PREFIX_LATER: u32 = 7;

/// Whether a guest can be passed over, counted or not, or must be scored.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// It does not match.
    Nothing,
    /// It matches and scores less than what is needed: counted, not scored.
    Below,
    /// It may score what is needed, or the bound does not know: scored.
    Maybe,
}

/// What one alternative query could score, at most.
enum Ceiling {
    NoMatch,
    /// A term the bound does not follow (phone digits, a tag, an email, capitals, characters): score it.
    Unknown,
    At(u32),
}

/// The most nucleo scores `term` matched in `key` (both ASCII, the term lower-case), by where its first character
/// can be matched: at the start of the key, at the start of a word, or inside one.
fn most(key: &[u8], term: &[u8]) -> u32 {
    let Some(&first) = term.first() else { return 0 };
    let rest = (len(term) - 1) * (MATCH + MOST_BONUS);
    let at = |bonus: u32, prefix: u32| MATCH + 2 * bonus + prefix + rest;
    if !first.is_ascii_alphanumeric() || key.first().is_some_and(|k| k.eq_ignore_ascii_case(&first)) {
        return at(MOST_BONUS, PREFIX_AT_START);
    }
    if key.windows(2).any(|w| w[1].eq_ignore_ascii_case(&first) && !w[0].is_ascii_alphanumeric()) {
        at(MOST_BONUS, PREFIX_LATER)
    } else {
        at(INSIDE_BONUS, PREFIX_LATER)
    }
}

impl Scorer<'_> {
    /// Whether the guest at `entry` matches any of the scan's alternatives, and whether it could score `needed`.
    pub(super) fn reach(&self, entry: usize, needed: u32) -> Reach {
        let hot = &self.hot[entry];
        let mut reach = Reach::Nothing;
        for (terms, prepared) in self.alternatives.iter().zip(self.prepared) {
            if !prepared.may_match(hot) {
                continue;
            }
            match self.most_of(entry, terms, prepared) {
                Ceiling::NoMatch => {}
                Ceiling::At(most) if most < needed => reach = Reach::Below,
                Ceiling::At(_) | Ceiling::Unknown => return Reach::Maybe,
            }
        }
        reach
    }

    /// The most the guest scores for one alternative: its terms' and the whole-name bonus (any alternative after
    /// the first scores less than this, see `Scorer::later_penalty`).
    fn most_of(&self, entry: usize, terms: &[Term], prepared: &Prepared) -> Ceiling {
        let mut total = 0;
        for (term, &spelt) in terms.iter().zip(&prepared.terms) {
            let Term::Fuzzy { ascii: true, capitals: false, lower, mask, .. } = term else { return Ceiling::Unknown };
            match self.term_most(entry, lower, *mask, spelt) {
                Some(most) => total += most,
                None => return Ceiling::NoMatch,
            }
        }
        Ceiling::At(total + prepared.whole.as_ref().map_or(0, |whole| self.whole_bonus(entry, whole)))
    }

    /// The most a lower-case term in Latin letters scores in the guest's keys or spellings, as `Scorer::score`
    /// would look for it there; `None` when it matches in neither.
    fn term_most(&self, entry: usize, lower: &str, mask: u64, spelt: Spelt) -> Option<u32> {
        let hot = &self.hot[entry];
        let term = lower.as_bytes();
        // The first key holding the term's letters in order is the one the matcher scores (`in_order` is all a term
        // without capitals needs to match an ASCII key).
        let direct = (0..3).find_map(|field| {
            let key = hot.key(field);
            if key.is_empty() || mask & !hot.masks[field] != 0 {
                return None;
            }
            let key = text_of(self.text, key);
            in_order(key.as_bytes(), term).then(|| {
                let bonus = if field == 0 && term.len() > 1 { word_bonus(key, lower, hot.pinyin) } else { 0 };
                (most(key.as_bytes(), term) + bonus, bonus)
            })
        });
        let worth_it = match direct {
            None => true,
            Some((_, bonus)) => bonus == 0 && term.len() > 1,
        };
        let spelled = (could_hold(hot.spelled, spelt.needs) && worth_it)
            .then(|| self.spelled_most(&self.cold[entry], lower, mask, spelt))
            .flatten();
        match (direct, spelled) {
            (None, None) => None,
            (direct, spelled) => Some(direct.map_or(0, |(most, _)| most).max(spelled.unwrap_or(0))),
        }
    }

    /// The most a term scores in the name's other spellings (see `Scorer::spelled`).
    fn spelled_most(&self, cold: &Cold, lower: &str, mask: u64, spelt: Spelt) -> Option<u32> {
        let mut holding = self.aliases_of(cold).filter(|(alias, _)| u64::from(alias.initials()) & spelt.needs != 0);
        if let Some(score) = spelt.letter {
            return holding.next().map(|_| score.saturating_sub(SPELLED_PENALTY));
        }
        let term = lower.as_bytes();
        holding
            .filter(|(alias, key)| {
                mask & !alias.mask == 0 && runs_from_a_word(key, lower) && in_order(key.as_bytes(), term)
            })
            .map(|(_, key)| {
                let bonus = if term.len() > 1 { word_bonus(key, lower, false) } else { 0 };
                (most(key.as_bytes(), term) + bonus).saturating_sub(SPELLED_PENALTY)
            })
            .max()
    }
}

fn len(bytes: &[u8]) -> u32 {
    u32::try_from(bytes.len()).unwrap_or(u32::MAX)
}
