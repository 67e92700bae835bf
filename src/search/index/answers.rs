//! The queries answered since the index last changed, kept: a deletion ("emma stone" back to "emma ston") or a query
//! typed again is answered without a scan, and a query that extends any of them rescans only what that one matched.
//! Every answer is what a scan of the whole index would give, so keeping them changes no ranking; any change to the
//! index forgets them all.

use super::Found;
use crate::search::query::Kind;

/// At most this many answers are kept: a typing session's worth of keystrokes.
const KEPT: usize = 48;
/// At most this many matches among the kept answers (four bytes each, 8 MB): a short query at a million guests
/// matches hundreds of thousands, and the first keys are answered ahead without theirs, so this holds a session.
const KEPT_MATCHES: usize = 2_000_000;

/// One query answered.
struct Answered {
    query: String,
    limit: usize,
    kinds: Vec<Kind>,
    found: Found,
    /// Every guest the query matched, for one that extends it; `None` when a longer query cannot narrow it (no
    /// terms, or matches one typo away).
    matched: Option<Vec<u32>>,
}

/// The first keystrokes answered ahead (see `Index::answer_ahead`): a letter or digit alone matches most of the
/// book, so it is the dearest key to answer when typed.
pub(super) const AHEAD: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

#[derive(Default)]
pub(super) struct Answers {
    kept: Vec<Answered>,
    /// The answers to the keys of `AHEAD` worked out so far, in its order; kept until the index changes, whatever
    /// else is asked. Without their matches: at a million guests those would be a hundred megabytes.
    ahead: Vec<Found>,
    ahead_limit: usize,
    /// Queries likely typed next (a first key's likely second keys), to answer ahead once every first key is: the
    /// likeliest last.
    expected: Vec<String>,
}

impl Answers {
    /// The next key of `AHEAD` to answer for `limit`, if any is left.
    pub(super) fn next_ahead(&self, limit: usize) -> Option<char> {
        if self.ahead_limit != limit && !self.ahead.is_empty() {
            return AHEAD.chars().next();
        }
        AHEAD.chars().nth(self.ahead.len())
    }

    /// The queries likely typed next, the likeliest first, in place of any expected before.
    pub(super) fn expect(&mut self, mut likely: Vec<String>) {
        likely.reverse();
        self.expected = likely;
    }

    /// The likeliest query expected and not yet answered.
    pub(super) fn next_expected(&mut self) -> Option<String> {
        self.expected.pop()
    }

    /// A query `next_expected` gave that was not answered after all: it comes next again.
    pub(super) fn still_expected(&mut self, query: String) {
        self.expected.push(query);
    }

    /// The answer to the key `next_ahead` gave.
    pub(super) fn keep_ahead(&mut self, limit: usize, found: Found) {
        if self.ahead_limit != limit {
            self.ahead.clear();
            self.ahead_limit = limit;
        }
        self.ahead.push(found);
    }

    /// What `query` was answered with for `limit`, if it was asked since the index changed.
    pub(super) fn get(&mut self, query: &str, limit: usize) -> Option<Found> {
        let mut chars = query.chars();
        if let (Some(key), None) = (chars.next(), chars.next())
            && limit == self.ahead_limit
            && let Some(found) = AHEAD.chars().position(|c| c == key).and_then(|at| self.ahead.get(at))
        {
            return Some(found.clone());
        }
        let at = self.kept.iter().position(|a| a.query == query && a.limit == limit)?;
        // The newest last: what is asked again stays longest.
        let answered = self.kept.remove(at);
        let found = answered.found.clone();
        self.kept.push(answered);
        Some(found)
    }

    /// The matches of the longest query kept that `query` (its terms of `kinds`) extends: each of its terms as
    /// typed, the last perhaps longer, and more after them.
    pub(super) fn narrowed(&self, query: &str, kinds: &[Kind]) -> Option<&[u32]> {
        self.kept
            .iter()
            .filter(|a| {
                query.starts_with(&a.query) && kinds.len() >= a.kinds.len() && kinds[..a.kinds.len()] == a.kinds
            })
            .filter_map(|a| a.matched.as_deref().map(|matched| (a.query.len(), matched)))
            .max_by_key(|(len, _)| *len)
            .map(|(_, matched)| matched)
    }

    /// Keeps an answer, letting the oldest go while too many are kept.
    pub(super) fn keep(
        &mut self,
        query: &str,
        limit: usize,
        kinds: Vec<Kind>,
        found: &Found,
        matched: Option<Vec<u32>>,
    ) {
        self.kept.retain(|a| !(a.query == query && a.limit == limit));
        self.kept.push(Answered { query: query.to_owned(), limit, kinds, found: found.clone(), matched });
        let matches = |kept: &[Answered]| kept.iter().map(|a| a.matched.as_ref().map_or(0, Vec::len)).sum::<usize>();
        while self.kept.len() > KEPT || (self.kept.len() > 1 && matches(&self.kept) > KEPT_MATCHES) {
            self.kept.remove(0);
        }
    }

    /// The index changed: no answer holds.
    pub(super) fn forget(&mut self) {
        self.kept.clear();
        self.ahead.clear();
        self.expected.clear();
    }
}
