//! The in-memory search index over every guest in the book, and the ranked search over it.
//!
//! Scoring is nucleo's fuzzy matcher. What keeps a keystroke within a frame at 200,000 guests: keys prepared when
//! the guest was written; all text in two arenas and the fields every search reads in one compact array; a
//! character-set mask that rejects most guests before scoring; the name scored first and the other fields only when
//! it fails; a query that extends one answered before rescanning only its matches, and a query asked again (a
//! deletion) answered from those kept (see `answers`); two threads; a bounded top-N selection on keys carried with
//! each match; highlights only for the rows returned.

use std::thread;

use chrono::{DateTime, Utc};
use nucleo_matcher::{Config, Matcher, Utf32Str};

mod alias;
mod answers;
mod bound;
mod cold;
mod score;

use super::SearchRow;
use super::key::{email_key, fold, key_with_map};
use super::query::{self, Kind, Term};
use super::short_forms;
use super::spell::{Spelling, read_stored};
use super::starts::word_starts;
use crate::domain::GuestId;
use alias::Alias;
use answers::Answers;
use cold::{Cold, Shown};
use score::{Prepared, Scan, Scored, Scorer};

/// Which field of the guest matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Greeting,
    Phone,
    Email,
    Tag,
    /// Another spelling of the name: Wade-Giles, Cantonese, a dialect surname, another reading, an other name.
    Spelled(Spelling),
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
            Field::Spelled(spelling) => spelling.label(),
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

/// What a match through a short form's full name ("bob" as Robert) costs against the same match as typed.
const SHORT_FORM_PENALTY: u32 = 24;
/// How many second keys are answered ahead after a first one typed: the likeliest, while the next key is typed.
const LIKELY_NEXT: usize = 8;
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

/// What every search reads, for every guest: kept small and contiguous, one cache line each (aligned to it, so
/// that reading a guest's tie-breaks after their keys never touches a second line).
#[repr(align(64))]
struct Hot {
    /// Character masks of the name, greeting and email keys.
    masks: [u64; 3],
    /// Where the ASCII keys of name, greeting and email are in the text arena: for a Chinese name, its pinyin
    /// ("wang jian hua"). Every query typed in Latin letters is matched against these alone, on the matcher's fast
    /// ASCII path. (Starts and lengths apart, to fit the line.)
    starts: [u32; 3],
    lens: [u16; 3],
    /// How the words of all the name's other spellings start (see `word_starts`; 0 for none): a term is looked for
    /// in a spelling only from the start of one of its words, so most guests are ruled out here, before their
    /// spellings are read.
    spelled: u64,
    /// Tie-breaks: last visit in ms (`i64::MIN` for never), number of visits.
    last_visit: i64,
    visits: u32,
    /// Whether the name is in characters with a pinyin key (its wide key is in the cold part): the word bonus asks
    /// of every name a term matches, and reading the cold line for it took a third of a second keystroke.
    pinyin: bool,
}

impl Hot {
    /// The ASCII key of the name (0), greeting (1) or email (2).
    fn key(&self, field: usize) -> Piece {
        Piece { start: self.starts[field], len: u32::from(self.lens[field]) }
    }
}

/// Every guest's searchable fields, prepared once, in guest-id order. Edits append new text and leave the old in
/// the arenas: a few hundred edits a day cost little, and the index is rebuilt whenever the screen starts.
pub struct Index {
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    text: String,
    /// The full keys that are not ASCII, in UTF-8: a quarter of the room characters take, made characters again
    /// only for the guests a query in characters is scored against.
    wide: String,
    aliases: Vec<Alias>,
    /// The aliases' keys, apart from `text`: the keys every search reads stay as close together as they were before
    /// guests had spellings.
    spelled: String,
    matchers: [Matcher; 2],
    answers: Answers,
    /// See `Scorer::bounded`.
    bounded: bool,
}

impl Default for Index {
    fn default() -> Self {
        let mut config = Config::DEFAULT;
        config.prefer_prefix = true;
        Self {
            hot: Vec::new(),
            cold: Vec::new(),
            text: String::new(),
            wide: String::new(),
            aliases: Vec::new(),
            spelled: String::new(),
            matchers: [Matcher::new(config.clone()), Matcher::new(config)],
            answers: Answers::default(),
            bounded: true,
        }
    }
}

impl Index {
    /// An empty index with room reserved for `guests`, so that filling it from the book does not grow the arenas by
    /// copying.
    pub fn with_room(guests: usize) -> Self {
        let mut index = Self::default();
        index.hot.reserve(guests);
        index.cold.reserve(guests);
        index.text.reserve(guests * TEXT_PER_GUEST);
        index
    }

    /// Room for the other spellings of `guests` guests, as `with_room` for their names.
    pub fn reserve_spellings(&mut self, guests: usize) {
        // Two in five demo guests have Chinese names, with three or four other spellings of a dozen letters each:
        // room for a little more, as growing would copy them all.
        self.aliases.reserve(guests * 3 / 2);
        self.spelled.reserve(guests * 24);
    }

    /// The guests of `other` after this index's own (their ids all higher), in this index's buffers: how two halves
    /// of a book read side by side become one index.
    pub fn append(&mut self, other: Self) {
        let (text, wide) = (self.text.len(), self.wide.len());
        let (aliases, spelled) = (self.aliases.len(), to_u32(self.spelled.len()));
        self.text.push_str(&other.text);
        self.wide.push_str(&other.wide);
        self.spelled.push_str(&other.spelled);
        self.aliases.extend(other.aliases.into_iter().map(|alias| alias.moved(spelled)));
        let keys = to_u32(text);
        self.hot.extend(other.hot.into_iter().map(|hot| Hot { starts: hot.starts.map(|start| start + keys), ..hot }));
        self.cold.extend(other.cold.into_iter().map(|cold| cold.moved(text, wide, aliases)));
        self.answers.forget();
    }

    /// Gives back what was reserved and not used: for an index kept while the screen is open.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.wide.shrink_to_fit();
        self.hot.shrink_to_fit();
        self.cold.shrink_to_fit();
        self.aliases.shrink_to_fit();
        self.spelled.shrink_to_fit();
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
            name: text_of(&self.text, cold.piece(Shown::Name)),
            greeting: text_of(&self.text, cold.piece(Shown::Greeting)),
            phone: text_of(&self.text, cold.piece(Shown::Phone)),
            email: text_of(&self.text, cold.piece(Shown::Email)),
            last_visit: (hot.last_visit != i64::MIN).then(|| DateTime::from_timestamp_millis(hot.last_visit)).flatten(),
            visit_count: hot.visits,
        }
    }

    /// Adds a guest, or replaces the one with the same id: new and edited guests are found at once.
    pub fn upsert(&mut self, row: &SearchRow<'_>) {
        // The shown text first, one field after another (see `Cold`), then the keys.
        let name = self.push(row.name);
        let greeting = self.push(row.greeting);
        let phone = self.push(row.phone);
        let email = self.push(row.email);
        let phone_digits = self.push_with(|text| text.extend(row.phone.chars().filter(char::is_ascii_digit)));
        let tags = self.push_with(|text| {
            for tag in &row.tags {
                text.push_str(&fold(tag).to_lowercase());
                text.push('\n');
            }
        });
        let (name_key, name_wide) = self.push_key(row.name_key, row.name, name);
        let (greeting_key, greeting_wide) = self.push_key(row.greeting_key, row.greeting, greeting);
        let local = row.email.split('@').next().unwrap_or("");
        let email_key = if local.is_ascii() && !local.bytes().any(|b| b.is_ascii_uppercase()) {
            // Most addresses are written in lower case: the key is the start of the address as shown.
            Piece { start: email.start, len: to_u32(local.len()) }
        } else if local.is_ascii() {
            self.push_with(|text| text.extend(local.chars().map(|c| c.to_ascii_lowercase())))
        } else {
            self.push(&email_key(row.email))
        };
        let masks =
            [query::mask(row.name_key), query::mask(row.greeting_key), query::mask(text_of(&self.text, email_key))];
        let (aliases, starts) = self.push_aliases(row.spellings);
        let shown = [name, greeting, phone, email, phone_digits, tags];
        let cold = Cold::new(row.id, shown, [name_wide, greeting_wide], aliases);
        let hot = Hot {
            masks,
            starts: [name_key, greeting_key, email_key].map(|key| key.start),
            lens: [name_key, greeting_key, email_key].map(|key| u16::try_from(key.len).unwrap_or(u16::MAX)),
            spelled: starts,
            last_visit: row.last_visit.map_or(i64::MIN, |t| t.timestamp_millis()),
            visits: row.visit_count,
            pinyin: !name_wide.is_empty(),
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
        self.answers.forget();
    }

    /// The other spellings of a guest already in the index (from `Store::spelling_rows`), in place of any they had:
    /// how the screen's first results come before every spelling is read.
    pub fn spell(&mut self, id: GuestId, spellings: &str) {
        let Ok(i) = self.cold.binary_search_by_key(&id, |c| c.id) else { return };
        let (aliases, starts) = self.push_aliases(spellings);
        self.cold[i].aliases = aliases;
        self.hot[i].spelled = starts;
        self.answers.forget();
    }

    /// A guest's other spellings, as stored, appended to the aliases: their run, and how their words start.
    fn push_aliases(&mut self, spellings: &str) -> (Piece, u64) {
        let first = to_u32(self.aliases.len());
        let mut starts = 0;
        for (spelling, spelled) in read_stored(spellings).filter(|(_, spelled)| spelled.is_ascii()) {
            let start = to_u32(self.spelled.len());
            self.spelled.push_str(spelled);
            let own = word_starts(spelled);
            starts |= own;
            self.aliases.push(Alias::new(spelling, own, start, query::mask(spelled)));
        }
        (Piece { start: first, len: to_u32(self.aliases.len()) - first }, starts)
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
            self.answers.forget();
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
        self.wide.push_str(key);
        (ascii, Piece { start, len: (to_u32(self.wide.len()) - start) | WIDE })
    }

    /// Answers the next first keystroke not yet answered since the index changed (a letter or a digit alone, the
    /// dearest keys: they match most of the book), for `limit` hits; false when every one is. For an idle moment,
    /// which ends when `stop` says so: the scan gives way at once, and the key is answered later.
    pub fn answer_ahead(&mut self, limit: usize, stop: &(dyn Fn() -> bool + Sync)) -> bool {
        let Some(key) = self.answers.next_ahead(limit) else {
            // Then the second keys likely after the first one typed, kept with their matches for the third.
            let Some(query) = self.answers.next_expected() else { return false };
            if self.search_until(&query, limit, stop).is_none() {
                self.answers.still_expected(query);
            }
            return true;
        };
        // Answered on an empty cache put aside, so as not to keep its matches among the session's.
        let answers = std::mem::take(&mut self.answers);
        let found = self.search_until(key.encode_utf8(&mut [0; 4]), limit, stop);
        self.answers = answers;
        if let Some(found) = found {
            self.answers.keep_ahead(limit, found);
        }
        true
    }

    /// The best `limit` matches for `query`, best first; an empty query lists the guests seen most recently.
    /// Every space-separated term must match, each in any field. Ranked by match score; the last visit, the number
    /// of visits and the order of entry only break ties, so the same input always gives the same order.
    pub fn search(&mut self, query: &str, limit: usize) -> Found {
        let found = self.search_until(query, limit, &|| false).unwrap_or_default();
        let likely = self.likely_next(query, &found);
        self.answers.expect(likely);
        found
    }

    /// After a first key typed, the second keys most likely to follow it: the letters after it at the start of a
    /// word of the names it found first, the most frequent first (after "e": "em" for the Emmas and Emilys).
    fn likely_next(&self, query: &str, found: &Found) -> Vec<String> {
        let mut chars = query.chars();
        let (Some(first), None) = (chars.next(), chars.next()) else { return Vec::new() };
        if !first.is_ascii_lowercase() {
            return Vec::new();
        }
        let mut counts = [0usize; 36];
        for hit in &found.hits {
            let key = text_of(&self.text, self.hot[hit.entry].key(0)).as_bytes();
            let follows = key.windows(2).enumerate().filter(|&(i, pair)| {
                pair[0].eq_ignore_ascii_case(&(first as u8)) && (i == 0 || !key[i - 1].is_ascii_alphanumeric())
            });
            for (_, pair) in follows {
                if let Some(at) = answers::AHEAD.bytes().position(|b| b == pair[1].to_ascii_lowercase()) {
                    counts[at] += 1;
                }
            }
        }
        let mut likely: Vec<(usize, char)> =
            answers::AHEAD.chars().zip(counts).filter(|&(_, n)| n > 0).map(|(c, n)| (n, c)).collect();
        likely.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        likely.into_iter().take(LIKELY_NEXT).map(|(_, c)| format!("{first}{c}")).collect()
    }

    /// As `search`, unless `stop` says so before the scan is done.
    fn search_until(&mut self, query: &str, limit: usize, stop: &(dyn Fn() -> bool + Sync)) -> Option<Found> {
        if let Some(found) = self.answers.get(query, limit) {
            return Some(found);
        }
        let terms = query::parse(query);
        let kinds: Vec<Kind> = terms.iter().map(Term::kind).collect();
        // Taken out while the scan borrows the index, and put back with this answer.
        let mut answers = std::mem::take(&mut self.answers);
        let all: Vec<u32>;
        let candidates = match answers.narrowed(query, &kinds).filter(|_| !terms.is_empty()) {
            Some(matched) => matched,
            None => {
                all = (0..to_u32(self.hot.len())).collect();
                &all
            }
        };
        // A short form ("bob") also finds the full names it stands for ("robert"), below the short form itself.
        let mut alternatives = vec![terms];
        let expanded = short_forms::expanded(query);
        alternatives.extend(expanded.iter().map(|other| query::parse(other)));
        let lengths: Vec<u32> = std::iter::once(query)
            .chain(expanded.iter().map(String::as_str))
            .map(|q| to_u32(q.chars().count()))
            .collect();
        let scan = self.scan(candidates, &alternatives, limit, (SHORT_FORM_PENALTY, &lengths), (true, stop));
        if scan.stopped {
            self.answers = answers;
            return None;
        }
        let found = if scan.matched.is_empty() {
            let found = self.close_matches(query, limit);
            answers.keep(query, limit, kinds, &found, None);
            found
        } else {
            let total = scan.matched.len();
            let hits = scan.best.iter().map(|s| self.hit(s, &alternatives[s.alternative])).collect();
            let found = Found { total, hits, close: false };
            let matched = (!alternatives[0].is_empty()).then_some(scan.matched);
            answers.keep(query, limit, kinds, &found, matched);
            found
        };
        self.answers = answers;
        Some(found)
    }

    /// When nothing matches as typed: the guests matching a query one typo away, each scored by its best variant,
    /// all variants in one pass over the book.
    fn close_matches(&mut self, query: &str, limit: usize) -> Found {
        let variants: Vec<Vec<Term>> = query::one_typo_away(query).iter().map(|v| query::parse(v)).collect();
        if variants.is_empty() {
            return Found { total: 0, hits: Vec::new(), close: false };
        }
        let all: Vec<u32> = (0..to_u32(self.hot.len())).collect();
        // Every variant is as long as the others, give or take the letter left out.
        let scan = self.scan(&all, &variants, limit, (0, &[]), (false, &|| false));
        let hits = scan.best.iter().map(|s| self.hit(s, &variants[s.alternative])).collect();
        Found { total: scan.matched.len(), hits, close: true }
    }

    fn hit(&mut self, scored: &Scored, terms: &[Term]) -> Hit {
        let entry = scored.entry() as usize;
        let positions = if scored.field == Field::Name { self.highlights(entry, terms) } else { Vec::new() };
        Hit { entry, field: scored.field, positions }
    }

    /// Scores `candidates` against alternative queries (a guest matches if any does; every alternative after the
    /// first scores less by `later`: a penalty, and the alternatives' lengths to scale by, none to leave alone),
    /// looking in the names' other spellings when `spelled`, on two threads when there are many; given up when
    /// `stop` says so.
    fn scan(
        &mut self,
        candidates: &[u32],
        alternatives: &[Vec<Term>],
        limit: usize,
        later: (u32, &[u32]),
        (spelled, stop): (bool, &(dyn Fn() -> bool + Sync)),
    ) -> Scan {
        let [first, second] = &mut self.matchers;
        let prepared: Vec<Prepared> = alternatives.iter().map(|terms| Prepared::new(terms, spelled, first)).collect();
        let scorer = Scorer {
            hot: &self.hot,
            cold: &self.cold,
            text: &self.text,
            wide: &self.wide,
            aliases: &self.aliases,
            spelled: &self.spelled,
            alternatives,
            prepared: &prepared,
            later_penalty: later.0,
            lengths: later.1,
            limit,
            stop,
            bounded: self.bounded,
        };
        if candidates.len() < PARALLEL_FROM {
            return scorer.scan(candidates, first);
        }
        let (left, right) = candidates.split_at(candidates.len() / 2);
        let (mut scan, other) = thread::scope(|scope| {
            let other = scope.spawn(|| scorer.scan(right, second));
            // Scoring cannot panic on any input; were it to, the panic goes on to whoever searched (the desk says
            // so), rather than half the guests being dropped without a word.
            (scorer.scan(left, first), other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        scan.stopped |= other.stopped;
        scan.matched.extend(other.matched);
        scan.best.extend(other.best);
        scan.best.sort_unstable();
        scan.best.truncate(limit);
        scan
    }

    /// Character positions of the name matched by the query's terms.
    fn highlights(&mut self, entry: usize, terms: &[Term]) -> Vec<usize> {
        let cold = &self.cold[entry];
        let name = text_of(&self.text, cold.piece(Shown::Name));
        let (full_key, map) = key_with_map(name);
        // Positions in the ASCII key count only the ASCII characters of the full key.
        let ascii_map: Vec<usize> = full_key.chars().zip(&map).filter(|(c, _)| c.is_ascii()).map(|(_, &i)| i).collect();
        let (mut positions, mut chars) = (Vec::new(), Vec::new());
        for term in terms {
            let Term::Fuzzy { atom, ascii, .. } = term else { continue };
            let mut in_key = Vec::new();
            if *ascii {
                let key = key_of(&self.text, &self.wide, self.hot[entry].key(0), &mut chars);
                atom.indices(key, &mut self.matchers[0], &mut in_key);
                positions.extend(in_key.iter().filter_map(|&k| ascii_map.get(k as usize)));
            } else if !cold.wide_key(0).is_empty() {
                let key = key_of(&self.text, &self.wide, cold.wide_key(0), &mut chars);
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

/// A key as the matcher takes it: an ASCII key as it is, a wide one made characters in `chars` (every character,
/// marks included, so that a Thai vowel is matched where it is written).
fn key_of<'a>(text: &'a str, wide: &'a str, piece: Piece, chars: &'a mut Vec<char>) -> Utf32Str<'a> {
    let start = piece.start as usize;
    if piece.len & WIDE == 0 {
        Utf32Str::Ascii(text.as_bytes().get(start..start + piece.len as usize).unwrap_or(&[]))
    } else {
        chars.clear();
        chars.extend(wide.get(start..start + (piece.len & !WIDE) as usize).unwrap_or("").chars());
        Utf32Str::Unicode(chars)
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
