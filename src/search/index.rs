//! The in-memory search index over every guest in the book, and the ranked search over it.
//!
//! Scoring is nucleo's fuzzy matcher. What keeps a keystroke within a frame at 200,000 guests: keys prepared when
//! the guest was written; all text in two arenas and the fields every search reads in one compact array; a
//! character-set mask that rejects most guests before scoring; the name scored first and the other fields only when
//! it fails; a query that extends the previous one rescanning only the previous matches; two threads; a bounded
//! top-N selection on keys carried with each match; highlights only for the rows returned.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::RangeInclusive;
use std::thread;

use chrono::{DateTime, Utc};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::key::{email_key, fold, key_with_map};
use super::query::{self, Kind, Term};
use crate::domain::GuestId;
use crate::store::{SearchRow, Store, StoreError};

/// Which field of the guest matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Greeting,
    Phone,
    Email,
    Tag,
    /// No query: guests listed by their last visit.
    Recent,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Greeting => "greeting",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Tag => "tag",
            Field::Recent => "recent",
        }
    }
}

/// One found guest: its place in the index (see [`Index::guest`]), the field that matched, and for a name match
/// the positions (in characters) of the name that matched, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub field: Field,
    pub positions: Vec<usize>,
}

/// The best hits for a query, and how many guests matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Nothing matched as typed: these are close matches, one typo away.
    pub close: bool,
}

/// A guest as the index holds it, for showing in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestView<'a> {
    pub id: GuestId,
    pub name: &'a str,
    pub greeting: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub last_visit: Option<DateTime<Utc>>,
    pub visit_count: u32,
}

/// A phone-digits or email-part match is exact, so it ranks with a strong name match of the same length.
const EXACT_SCORE_PER_CHAR: u32 = 24;
/// A phone number that ends with the digits typed: the caller's "last four".
const ENDING_BONUS: u32 = 32;
/// See `word_bonus`: about what two well-placed letters score in the matcher.
const INITIALS_BONUS: u32 = 64;
const WORD_BONUS: u32 = 48;
const WORD_PREFIX_BONUS: u32 = 24;
/// Below this many candidates a second thread costs more than it saves.
const PARALLEL_FROM: usize = 4096;
/// Bytes of text a guest takes in the arena, near enough to reserve for a whole book at once.
const TEXT_PER_GUEST: usize = 96;
/// Marks a key held as characters (`wide`) rather than ASCII bytes (`text`).
const WIDE: u32 = 1 << 31;

/// A piece of one of the arenas: `start` and `len` in bytes of `text`, or in characters of `wide` when `len` has
/// the WIDE bit. Empty for a key the guest does not have.
#[derive(Debug, Clone, Copy, Default)]
struct Piece {
    start: u32,
    len: u32,
}

impl Piece {
    fn is_empty(self) -> bool {
        self.len & !WIDE == 0
    }
}

/// What every search reads, for every guest: kept small and contiguous.
struct Hot {
    /// Character masks of the name, greeting and email keys.
    masks: [u64; 3],
    /// The ASCII keys of name, greeting and email: for a Chinese name, its pinyin ("wang jian hua"). Every query
    /// typed in Latin letters is matched against these alone, on the matcher's fast ASCII path.
    keys: [Piece; 3],
    /// Tie-breaks: last visit in ms (`i64::MIN` for never), number of visits.
    last_visit: i64,
    visits: u32,
}

/// What only the rows shown, and terms other than Latin-letter ones, read.
struct Cold {
    id: GuestId,
    name: Piece,
    greeting: Piece,
    phone: Piece,
    email: Piece,
    /// The full keys of name and greeting where they are not ASCII: "于 yu 明 ming ", for "于m" or "于明".
    wide_keys: [Piece; 2],
    phone_digits: Piece,
    /// Folded, lower-cased tags, one per line.
    tags: Piece,
}

/// One match, with everything ranking compares carried along so that selecting the best reads nothing else.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Scored {
    rank: (Reverse<u32>, Reverse<i64>, Reverse<u32>, u32),
    field: Field,
    /// Which of the scan's alternative queries matched best (see `Scorer`).
    alternative: usize,
}

impl Scored {
    /// Best first: higher score, then the guest seen most recently, then most often, then the older entry.
    fn new(score: u32, entry: u32, hot: &Hot, field: Field, alternative: usize) -> Self {
        Self { rank: (Reverse(score), Reverse(hot.last_visit), Reverse(hot.visits), entry), field, alternative }
    }

    fn entry(&self) -> u32 {
        self.rank.3
    }
}

impl Ord for Scored {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank.cmp(&other.rank)
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Every guest a scan matched, and the best of them, best first.
#[derive(Default)]
struct Scan {
    matched: Vec<u32>,
    best: Vec<Scored>,
}

/// The last query and every guest it matched, for a query that extends it.
struct Previous {
    query: String,
    kinds: Vec<Kind>,
    matched: Vec<u32>,
}

/// Every guest's searchable fields, prepared once, in guest-id order. Edits append new text and leave the old in
/// the arenas: a few hundred edits a day cost little, and the index is rebuilt whenever the screen starts.
pub struct Index {
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    text: String,
    wide: Vec<char>,
    matchers: [Matcher; 2],
    previous: Option<Previous>,
}

impl Default for Index {
    fn default() -> Self {
        let mut config = Config::DEFAULT;
        config.prefer_prefix = true;
        Self {
            hot: Vec::new(),
            cold: Vec::new(),
            text: String::new(),
            wide: Vec::new(),
            matchers: [Matcher::new(config.clone()), Matcher::new(config)],
            previous: None,
        }
    }
}

impl Index {
    /// Every guest in the book.
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        Self::load_masked(store, 0)
    }

    /// One search of the book, for a command that searches once (`regulars find`): reads only the guests holding
    /// every character the query needs, which skips most of the book; when none of them matches, reads them all
    /// for matches one typo away. Returns the index read, for the hits' details.
    pub fn search_once(store: &Store, query: &str, limit: usize) -> Result<(Self, Found), StoreError> {
        let needs = query::parse(query).iter().fold(0, |needs, term| match term {
            Term::Fuzzy { mask, .. } => needs | mask,
            _ => needs,
        });
        let mut index = Self::load_masked(store, i64::from_ne_bytes(needs.to_ne_bytes()))?;
        let found = index.search(query, limit);
        if found.total > 0 || needs == 0 {
            return Ok((index, found));
        }
        let mut index = Self::load(store)?;
        let found = index.search(query, limit);
        Ok((index, found))
    }

    /// The guests whose search mask holds every bit of `needs`, read in two halves on two threads (reading rows
    /// is most of opening a book).
    fn load_masked(store: &Store, needs: i64) -> Result<Self, StoreError> {
        let Some((low, high)) = store.guest_ids()? else { return Ok(Self::default()) };
        let middle = low + (high - low) / 2;
        let other = store.reopen()?;
        // Ids are nearly dense: reserve for them, so the arenas do not grow by copying. The lower half reserves
        // for the whole book, as the upper half is appended to it.
        let read = |store: &Store, ids: RangeInclusive<i64>, room: i64| {
            let mut part = Self::default();
            let guests = usize::try_from(room).unwrap_or(0);
            part.hot.reserve(guests);
            part.cold.reserve(guests);
            part.text.reserve(guests * TEXT_PER_GUEST);
            store.search_rows(ids, needs, |row| part.upsert(row)).map(|()| part)
        };
        let (lower, upper) = thread::scope(|scope| {
            // The connection moves to the thread: a connection is used by one thread at a time.
            let upper = scope.spawn(move || read(&other, middle + 1..=high, high - middle));
            (read(store, low..=middle, high - low + 1), upper.join().unwrap_or_else(|_| Ok(Self::default())))
        });
        let mut index = Self::joined(lower?, upper?);
        if needs == 0 {
            // The whole book, kept while the screen is open: give back what was reserved and not used.
            index.text.shrink_to_fit();
            index.wide.shrink_to_fit();
            index.hot.shrink_to_fit();
            index.cold.shrink_to_fit();
        }
        Ok(index)
    }

    /// The guests of `lower` and then those of `upper`, in `lower`'s buffers (reserved for a whole half, so
    /// usually without copying `lower`).
    fn joined(mut lower: Self, upper: Self) -> Self {
        let (text, wide) = (to_u32(lower.text.len()), to_u32(lower.wide.len()));
        let moved = |piece: Piece| {
            let base = if piece.len & WIDE == 0 { text } else { wide };
            Piece { start: piece.start + base, len: piece.len }
        };
        lower.text.push_str(&upper.text);
        lower.wide.extend_from_slice(&upper.wide);
        lower.hot.extend(upper.hot.into_iter().map(|hot| Hot { keys: hot.keys.map(moved), ..hot }));
        lower.cold.extend(upper.cold.into_iter().map(|cold| Cold {
            name: moved(cold.name),
            greeting: moved(cold.greeting),
            phone: moved(cold.phone),
            email: moved(cold.email),
            wide_keys: cold.wide_keys.map(moved),
            phone_digits: moved(cold.phone_digits),
            tags: moved(cold.tags),
            ..cold
        }));
        lower
    }

    pub fn len(&self) -> usize {
        self.hot.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hot.is_empty()
    }

    /// The guest at `entry` (from a [`Hit`]).
    pub fn guest(&self, entry: usize) -> GuestView<'_> {
        let (hot, cold) = (&self.hot[entry], &self.cold[entry]);
        GuestView {
            id: cold.id,
            name: text_of(&self.text, cold.name),
            greeting: text_of(&self.text, cold.greeting),
            phone: text_of(&self.text, cold.phone),
            email: text_of(&self.text, cold.email),
            last_visit: (hot.last_visit != i64::MIN).then(|| DateTime::from_timestamp_millis(hot.last_visit)).flatten(),
            visit_count: hot.visits,
        }
    }

    /// Adds a guest, or replaces the one with the same id: new and edited guests are found at once.
    pub fn upsert(&mut self, row: &SearchRow<'_>) {
        let name = self.push(row.name);
        let greeting = self.push(row.greeting);
        let (name_key, name_wide) = self.push_key(row.name_key, row.name, name);
        let (greeting_key, greeting_wide) = self.push_key(row.greeting_key, row.greeting, greeting);
        let phone = self.push(row.phone);
        let email = self.push(row.email);
        let local = row.email.split('@').next().unwrap_or("");
        let email_key = if local.is_ascii() {
            self.push_with(|text| text.extend(local.chars().map(|c| c.to_ascii_lowercase())))
        } else {
            self.push(&email_key(row.email))
        };
        let phone_digits = self.push_with(|text| text.extend(row.phone.chars().filter(char::is_ascii_digit)));
        let tags = self.push_with(|text| {
            for tag in &row.tags {
                text.push_str(&fold(tag).to_lowercase());
                text.push('\n');
            }
        });
        let masks =
            [query::mask(row.name_key), query::mask(row.greeting_key), query::mask(text_of(&self.text, email_key))];
        let cold = Cold {
            id: row.id,
            name,
            greeting,
            phone,
            email,
            wide_keys: [name_wide, greeting_wide],
            phone_digits,
            tags,
        };
        let hot = Hot {
            masks,
            keys: [name_key, greeting_key, email_key],
            last_visit: row.last_visit.map_or(i64::MIN, |t| t.timestamp_millis()),
            visits: row.visit_count,
        };
        // Guests arrive in id order and new guests get higher ids, so the entries stay sorted by id.
        let at = match self.cold.last() {
            Some(last) if last.id < row.id => Err(self.cold.len()),
            None => Err(0),
            Some(_) => self.cold.binary_search_by_key(&row.id, |c| c.id),
        };
        match at {
            Ok(i) => (self.hot[i], self.cold[i]) = (hot, cold),
            Err(i) => {
                self.hot.insert(i, hot);
                self.cold.insert(i, cold);
            }
        }
        self.previous = None;
    }

    /// Appends whatever `write` writes to the text arena, as one piece.
    fn push_with(&mut self, write: impl FnOnce(&mut String)) -> Piece {
        let start = to_u32(self.text.len());
        write(&mut self.text);
        Piece { start, len: to_u32(self.text.len()) - start }
    }

    /// Forgets a guest (merged into another, or erased).
    pub fn remove(&mut self, id: GuestId) {
        if let Ok(i) = self.cold.binary_search_by_key(&id, |c| c.id) {
            self.hot.remove(i);
            self.cold.remove(i);
            self.previous = None;
        }
    }

    fn push(&mut self, text: &str) -> Piece {
        self.push_with(|arena| arena.push_str(text))
    }

    /// The ASCII key (shared with the displayed text when they are the same) and, for a key with other
    /// characters, the full key as characters.
    fn push_key(&mut self, key: &str, shown: &str, shown_piece: Piece) -> (Piece, Piece) {
        if key.is_ascii() {
            let ascii = if key == shown { shown_piece } else { self.push(key) };
            return (ascii, Piece::default());
        }
        let ascii = self.push_with(|text| text.extend(key.chars().filter(char::is_ascii)));
        let start = to_u32(self.wide.len());
        self.wide.extend(key.chars());
        (ascii, Piece { start, len: (to_u32(self.wide.len()) - start) | WIDE })
    }

    /// The best `limit` matches for `query`, best first; an empty query lists the guests seen most recently.
    /// Every space-separated term must match, each in any field. Ranked by match score; the last visit, the number
    /// of visits and the order of entry only break ties, so the same input always gives the same order.
    pub fn search(&mut self, query: &str, limit: usize) -> Found {
        let terms = query::parse(query);
        let kinds: Vec<Kind> = terms.iter().map(Term::kind).collect();
        let narrows = !terms.is_empty()
            && self.previous.as_ref().is_some_and(|p| {
                query.starts_with(&p.query) && kinds.len() >= p.kinds.len() && kinds[..p.kinds.len()] == p.kinds[..]
            });
        let candidates = match self.previous.take() {
            Some(previous) if narrows => previous.matched,
            _ => (0..to_u32(self.hot.len())).collect(),
        };
        let alternatives = [terms];
        let scan = self.scan(&candidates, &alternatives, limit);
        if scan.matched.is_empty() {
            return self.close_matches(query, limit);
        }
        let [terms] = alternatives;
        let total = scan.matched.len();
        let hits = scan.best.iter().map(|s| self.hit(s, &terms)).collect();
        if !terms.is_empty() {
            self.previous = Some(Previous { query: query.to_owned(), kinds, matched: scan.matched });
        }
        Found { total, hits, close: false }
    }

    /// When nothing matches as typed: the guests matching a query one typo away, each scored by its best variant,
    /// all variants in one pass over the book.
    fn close_matches(&mut self, query: &str, limit: usize) -> Found {
        let variants: Vec<Vec<Term>> = query::one_typo_away(query).iter().map(|v| query::parse(v)).collect();
        if variants.is_empty() {
            return Found { total: 0, hits: Vec::new(), close: false };
        }
        let all: Vec<u32> = (0..to_u32(self.hot.len())).collect();
        let scan = self.scan(&all, &variants, limit);
        let hits = scan.best.iter().map(|s| self.hit(s, &variants[s.alternative])).collect();
        Found { total: scan.matched.len(), hits, close: true }
    }

    fn hit(&mut self, scored: &Scored, terms: &[Term]) -> Hit {
        let entry = scored.entry() as usize;
        let positions = if scored.field == Field::Name { self.highlights(entry, terms) } else { Vec::new() };
        Hit { entry, field: scored.field, positions }
    }

    /// Scores `candidates` against alternative queries (a guest matches if any does), on two threads when there
    /// are many.
    fn scan(&mut self, candidates: &[u32], alternatives: &[Vec<Term>], limit: usize) -> Scan {
        let [first, second] = &mut self.matchers;
        let scorer =
            Scorer { hot: &self.hot, cold: &self.cold, text: &self.text, wide: &self.wide, alternatives, limit };
        if candidates.len() < PARALLEL_FROM {
            return scorer.scan(candidates, first);
        }
        let (left, right) = candidates.split_at(candidates.len() / 2);
        let (mut scan, other) = thread::scope(|scope| {
            let other = scope.spawn(|| scorer.scan(right, second));
            // Scoring cannot panic on any input; were it to, that half is dropped, not the screen.
            (scorer.scan(left, first), other.join().unwrap_or_default())
        });
        scan.matched.extend(other.matched);
        scan.best.extend(other.best);
        scan.best.sort_unstable();
        scan.best.truncate(limit);
        scan
    }

    /// Character positions of the name matched by the query's terms.
    fn highlights(&mut self, entry: usize, terms: &[Term]) -> Vec<usize> {
        let cold = &self.cold[entry];
        let name = text_of(&self.text, cold.name);
        let (full_key, map) = key_with_map(name);
        // Positions in the ASCII key count only the ASCII characters of the full key.
        let ascii_map: Vec<usize> = full_key.chars().zip(&map).filter(|(c, _)| c.is_ascii()).map(|(_, &i)| i).collect();
        let mut positions = Vec::new();
        for term in terms {
            let Term::Fuzzy { atom, ascii, .. } = term else { continue };
            let mut in_key = Vec::new();
            if *ascii {
                let key = key_of(&self.text, &self.wide, self.hot[entry].keys[0]);
                atom.indices(key, &mut self.matchers[0], &mut in_key);
                positions.extend(in_key.iter().filter_map(|&k| ascii_map.get(k as usize)));
            } else if !cold.wide_keys[0].is_empty() {
                let key = key_of(&self.text, &self.wide, cold.wide_keys[0]);
                atom.indices(key, &mut self.matchers[0], &mut in_key);
                positions.extend(in_key.iter().filter_map(|&k| map.get(k as usize)));
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

fn text_of(text: &str, piece: Piece) -> &str {
    let start = piece.start as usize;
    text.get(start..start + piece.len as usize).unwrap_or("")
}

fn key_of<'a>(text: &'a str, wide: &'a [char], piece: Piece) -> Utf32Str<'a> {
    let start = piece.start as usize;
    if piece.len & WIDE == 0 {
        Utf32Str::Ascii(text.as_bytes().get(start..start + piece.len as usize).unwrap_or(&[]))
    } else {
        Utf32Str::Unicode(wide.get(start..start + (piece.len & !WIDE) as usize).unwrap_or(&[]))
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The index's parts that scoring reads, shared by both threads, and what to score: one query, or the variants of
/// one a typo away.
struct Scorer<'a> {
    hot: &'a [Hot],
    cold: &'a [Cold],
    text: &'a str,
    wide: &'a [char],
    alternatives: &'a [Vec<Term>],
    limit: usize,
}

impl Scorer<'_> {
    /// Every match among `candidates`, and the best `limit` of them kept in a bounded heap as the scan goes.
    fn scan(&self, candidates: &[u32], matcher: &mut Matcher) -> Scan {
        let mut matched = Vec::new();
        let mut best: BinaryHeap<Scored> = BinaryHeap::with_capacity(self.limit + 1);
        for &i in candidates {
            let found = match self.alternatives {
                [terms] => self.score(i as usize, terms, matcher).map(|(score, field)| (score, field, 0)),
                alternatives => alternatives
                    .iter()
                    .enumerate()
                    .filter_map(|(k, terms)| {
                        self.score(i as usize, terms, matcher).map(|(score, field)| (score, field, k))
                    })
                    .max_by_key(|&(score, _, k)| (score, Reverse(k))),
            };
            let Some((score, field, alternative)) = found else { continue };
            matched.push(i);
            let scored = Scored::new(score, i, &self.hot[i as usize], field, alternative);
            if best.len() < self.limit {
                best.push(scored);
            } else if best.peek().is_some_and(|worst| scored < *worst) {
                best.pop();
                best.push(scored);
            }
        }
        Scan { matched, best: best.into_sorted_vec() }
    }

    /// The guest's score for every term of a query together, and the field to show: the name if any term matched.
    fn score(&self, entry: usize, terms: &[Term], matcher: &mut Matcher) -> Option<(u32, Field)> {
        let hot = &self.hot[entry];
        let mut total = 0;
        let mut shown = None;
        for term in terms {
            let (score, field) = match term {
                Term::Phone(digits) => {
                    let phone = text_of(self.text, self.cold[entry].phone_digits);
                    let ending = if phone.ends_with(digits.as_str()) { ENDING_BONUS } else { 0 };
                    phone
                        .contains(digits.as_str())
                        .then(|| (EXACT_SCORE_PER_CHAR * len(digits) + ending, Field::Phone))?
                }
                Term::Tag(tag) => {
                    let tags = text_of(self.text, self.cold[entry].tags);
                    tags.lines().any(|t| t.starts_with(tag.as_str())).then_some((0, Field::Tag))?
                }
                Term::Email(part) => {
                    let email = text_of(self.text, self.cold[entry].email).to_lowercase();
                    email.contains(part.as_str()).then(|| (EXACT_SCORE_PER_CHAR * len(part), Field::Email))?
                }
                Term::Fuzzy { atom, mask, ascii, lower } => {
                    let cold = &self.cold[entry];
                    let keys = if *ascii { hot.keys } else { [cold.wide_keys[0], cold.wide_keys[1], Piece::default()] };
                    let (score, field) = [Field::Name, Field::Greeting, Field::Email]
                        .into_iter()
                        .zip(keys.into_iter().zip(hot.masks))
                        .find_map(|(field, (key, field_mask))| {
                            if key.is_empty() || mask & !field_mask != 0 {
                                return None;
                            }
                            atom.score(key_of(self.text, self.wide, key), matcher).map(|s| (u32::from(s), field))
                        })?;
                    let bonus = if field == Field::Name && *ascii && lower.len() > 1 {
                        let pinyin = !cold.wide_keys[0].is_empty();
                        word_bonus(text_of(self.text, hot.keys[0]), lower, pinyin)
                    } else {
                        0
                    };
                    (score + bonus, field)
                }
            };
            total += score;
            if shown.is_none() || field == Field::Name {
                shown = Some(field);
            }
        }
        Some((total, shown.unwrap_or(Field::Recent)))
    }
}

/// Extra score for a term that is the initials of a name in pinyin ("wjh" for 王建华), one of the name's words, or
/// the start of one: what staff mean when they type it, over the same letters scattered through a longer name.
/// Initials are how Chinese names are typed; nobody looks up Jon García as "jg".
fn word_bonus(name_key: &str, term: &str, pinyin: bool) -> u32 {
    let words = || name_key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    if pinyin && words().filter_map(|w| w.chars().next()).map(|c| c.to_ascii_lowercase()).eq(term.chars()) {
        return INITIALS_BONUS;
    }
    let mut bonus = 0;
    for word in words() {
        if word.eq_ignore_ascii_case(term) {
            return WORD_BONUS;
        }
        if word.len() > term.len() && word[..term.len()].eq_ignore_ascii_case(term) {
            bonus = WORD_PREFIX_BONUS;
        }
    }
    bonus
}

fn len(text: &str) -> u32 {
    u32::try_from(text.len()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::search_key;
    use chrono::{TimeZone, Utc};

    /// A guest as the store would pass it; `name_key` is leaked so that rows can be built in a line.
    fn row(id: i64, name: &str, phone: &str, last_day: Option<u32>, visits: u32) -> SearchRow<'static> {
        let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        SearchRow {
            id: GuestId(id),
            name: leak(name),
            greeting: "",
            phone: leak(phone),
            email: "",
            tags: vec![],
            name_key: leak(&search_key(name)),
            greeting_key: "",
            last_visit: last_day.map(|d| Utc.with_ymd_and_hms(2025, 1, d, 0, 0, 0).unwrap()),
            visit_count: visits,
        }
    }

    fn named(id: i64, name: &str) -> SearchRow<'static> {
        row(id, name, "", None, 0)
    }

    fn build(rows: impl IntoIterator<Item = SearchRow<'static>>) -> Index {
        let mut index = Index::default();
        for row in rows {
            index.upsert(&row);
        }
        index
    }

    fn names(index: &mut Index, query: &str) -> Vec<String> {
        let hits = index.search(query, 10).hits;
        hits.into_iter().map(|hit| index.guest(hit.entry).name.to_owned()).collect()
    }

    #[test]
    fn pinyin_full_initials_and_mixed_find_a_chinese_name() {
        let mut index = build([named(1, "于明"), named(2, "王建华"), named(3, "Yvonne Miller")]);
        for query in ["yuming", "yu ming", "ym", "于m", "于明", "yum"] {
            assert_eq!(names(&mut index, query).first().map(String::as_str), Some("于明"), "query {query:?}");
        }
        assert_eq!(names(&mut index, "wjh"), ["王建华"]);
        assert_eq!(index.search("ym", 1).hits[0].positions, [0, 1], "highlights point at the characters");
    }

    #[test]
    fn accents_and_full_width_fold_and_case_is_smart() {
        let mut index = build([named(1, "José GARCÍA"), named(2, "emma stone")]);
        assert_eq!(names(&mut index, "jose"), ["José GARCÍA"]);
        assert_eq!(names(&mut index, "garcia"), ["José GARCÍA"]);
        assert_eq!(names(&mut index, "ＥＭＭＡ"), Vec::<String>::new(), "capitals make the search case-sensitive");
        assert_eq!(names(&mut index, "ｅｍｍａ"), ["emma stone"]);
        assert_eq!(names(&mut index, "Jose"), ["José GARCÍA"]);
        assert!(names(&mut index, "JOSE").is_empty());
    }

    #[test]
    fn one_typo_is_forgiven_when_nothing_matches_as_typed() {
        let mut index = build([named(1, "Jon Smith"), named(2, "Emma Stone"), named(3, "Smyth Moss")]);
        for typo in ["smtih", "smiht", "smyth jon", "jon smitth", "emma sotne"] {
            let found = index.search(typo, 10);
            assert!(found.close, "{typo:?} has no exact match");
            let first = found.hits.first().map(|h| index.guest(h.entry).name);
            assert!(matches!(first, Some("Jon Smith" | "Emma Stone")), "{typo:?} found {first:?}");
        }
        let exact = index.search("smyth", 10);
        assert!(!exact.close);
        assert_eq!(exact.total, 1, "an exact match is never padded with close ones");
        assert_eq!(index.search("zzzz", 10).total, 0);
    }

    #[test]
    fn phone_digits_match_anywhere_in_the_number() {
        let mut index = build([row(1, "Yu Ming", "+86 138-0000-0108", None, 0), row(2, "Emma", "555 1234", None, 0)]);
        assert_eq!(names(&mut index, "0108"), ["Yu Ming"]);
        assert_eq!(index.search("0108", 10).hits[0].field, Field::Phone);
        assert_eq!(names(&mut index, "138-0000"), ["Yu Ming"]);
    }

    #[test]
    fn every_term_must_match_in_some_field() {
        let mut guest = row(1, "Emma Stone", "555 0108", None, 0);
        guest.greeting = "Ms. Stone";
        guest.greeting_key = "Ms. Stone";
        guest.tags = vec!["VIP".into()];
        guest.email = "JJ.Boss@example.com";
        let mut index = build([guest, named(2, "Emma Smith")]);
        assert_eq!(names(&mut index, "emma 0108"), ["Emma Stone"]);
        assert_eq!(names(&mut index, "emma #vip"), ["Emma Stone"]);
        assert_eq!(names(&mut index, "#vip").len(), 1);
        assert_eq!(index.search("#vip", 1).hits[0].field, Field::Tag);
        assert_eq!(names(&mut index, "ms."), ["Emma Stone"]);
        assert_eq!(names(&mut index, "boss@ex"), ["Emma Stone"]);
        assert_eq!(names(&mut index, "jjboss"), ["Emma Stone"], "the address's own part matches fuzzily");
        assert_eq!(index.search("jjboss", 1).hits[0].field, Field::Email);
        assert!(names(&mut index, "xmpl").is_empty(), "the domain does not");
        assert_eq!(index.search("ms.", 1).hits[0].field, Field::Greeting);
        assert!(names(&mut index, "emma zed").is_empty());
    }

    #[test]
    fn a_better_match_beats_more_visits_and_a_whole_word_beats_a_scatter() {
        let mut index = build([row(1, "Sam Ismith", "", Some(20), 90), row(2, "Jon Smith", "", Some(1), 1)]);
        assert_eq!(names(&mut index, "smith"), ["Jon Smith", "Sam Ismith"]);
        let mut index = build([row(1, "Sarah Maxwell Ito", "", Some(20), 90), row(2, "Emma Smith", "", None, 0)]);
        assert_eq!(names(&mut index, "smit"), ["Emma Smith", "Sarah Maxwell Ito"]);
    }

    #[test]
    fn equal_matches_go_to_recent_then_frequent_then_older_entries() {
        let rows = vec![
            row(1, "Emma A", "", Some(1), 5),
            row(2, "Emma B", "", Some(9), 1),
            row(3, "Emma C", "", Some(1), 7),
            row(4, "Emma D", "", None, 0),
            row(5, "Emma E", "", None, 0),
        ];
        let mut index = build(rows);
        let expected = ["Emma B", "Emma C", "Emma A", "Emma D", "Emma E"];
        assert_eq!(names(&mut index, "emma"), expected);
        assert_eq!(names(&mut index, ""), expected);
        assert_eq!(names(&mut index, "emma"), expected, "the same input gives the same order");
    }

    #[test]
    fn a_longer_query_narrows_the_previous_matches_with_the_same_answer_as_a_fresh_search() {
        let rows = || (1..=5000).map(|i| named(i, &format!("Guest {i} {}", if i % 2 == 0 { "Even" } else { "Odd" })));
        let mut typed = build(rows());
        for query in ["g", "gu", "gu ", "gu ev", "gu odd", "gu odd 4", "gu odd 49", "gu odd 499", "0", "01", "010"] {
            let narrowed = typed.search(query, 20);
            let fresh = build(rows()).search(query, 20);
            assert_eq!(narrowed, fresh, "query {query:?}");
        }
        assert_eq!(typed.search("gu ev", 3).total, 2500);
    }

    #[test]
    fn a_bounded_search_counts_every_match_and_keeps_the_best() {
        let rows = (1..=20).map(|d| row(d.into(), &format!("Guest {d}"), "", Some(d), 1));
        let mut index = build(rows);
        let found = index.search("guest", 3);
        assert_eq!(found.total, 20);
        let best: Vec<&str> = found.hits.iter().map(|h| index.guest(h.entry).name).collect();
        assert_eq!(best, ["Guest 20", "Guest 19", "Guest 18"]);
    }

    #[test]
    fn upserted_guests_are_found_at_once() {
        let mut index = build([named(1, "Ann")]);
        assert_eq!(names(&mut index, "ann"), ["Ann"]);
        index.upsert(&named(2, "Annie"));
        index.upsert(&named(1, "Anna"));
        assert_eq!(names(&mut index, "ann"), ["Anna", "Annie"]);
        index.remove(GuestId(2));
        assert_eq!(names(&mut index, "ann"), ["Anna"]);
    }

    #[test]
    fn any_query_is_safe() {
        let mut index = build([named(1, "Ann"), named(2, "于明")]);
        for query in ["\u{1b}[2J", "####", "((((", "\u{0}", &"x".repeat(100_000), "  ", "🎉", "\u{202e}"] {
            let _ = index.search(query, 10);
        }
    }
}
