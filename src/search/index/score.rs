//! Scoring one guest against a query, and keeping the best: nucleo's fuzzy score, the bonuses for what staff mean
//! (initials, whole words, whole names), and the tie-breaks carried with each match.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use nucleo_matcher::pattern::Atom;
use nucleo_matcher::{Matcher, Utf32Str};

use super::super::query::Term;
use super::super::starts::{could_hold, term_start};
use super::alias::{Alias, keyed};
use super::bound::Reach;
use super::cold::Shown;
use super::{Cold, Field, Hot, Piece, key_of, text_of};

/// What a match on another spelling of the name costs against the same match on the name as written: a guest
/// called Chan comes before 陳大文 for "chan", and both are listed.
pub(super) const SPELLED_PENALTY: u32 = 8;
/// A phone-digits or email-part match is exact, so it ranks with a strong name match of the same length.
const EXACT_SCORE_PER_CHAR: u32 = 24;
/// A phone number that ends with the digits typed: the caller's "last four".
const ENDING_BONUS: u32 = 32;
/// See `word_bonus`: about what two well-placed letters score in the matcher.
const INITIALS_BONUS: u32 = 64;
/// A query that is a guest's whole name (or its whole pinyin), or their whole greeting: "yuming" is 于明 before
/// 余明辉, "Mr. Yu" is 于先生 before Mr. Yusuf. Worth more than any word bonus, so an exact name always wins.
const WHOLE_NAME_BONUS: u32 = 96;
const WHOLE_GREETING_BONUS: u32 = 64;
const WORD_BONUS: u32 = 48;
const WORD_PREFIX_BONUS: u32 = 24;
/// How many candidates a scan scores between asking whether to stop: a few hundred microseconds' worth.
const STOP_EVERY: usize = 4096;

/// One match, with everything ranking compares carried along so that selecting the best reads nothing else.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Scored {
    rank: (Reverse<u32>, Reverse<i64>, Reverse<u32>, u32),
    pub(super) field: Field,
    /// Which of the scan's alternative queries matched best (see `Scorer`).
    pub(super) alternative: usize,
}

impl Scored {
    /// Best first: higher score, then the guest seen most recently, then most often, then the older entry.
    fn new(score: u32, entry: u32, hot: &Hot, field: Field, alternative: usize) -> Self {
        Self { rank: (Reverse(score), Reverse(hot.last_visit), Reverse(hot.visits), entry), field, alternative }
    }

    pub(super) fn entry(&self) -> u32 {
        self.rank.3
    }

    fn score(&self) -> u32 {
        self.rank.0.0
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
pub(super) struct Scan {
    pub(super) matched: Vec<u32>,
    pub(super) best: Vec<Scored>,
    /// Given up before every candidate was scored (see `Scorer::stop`): nothing of it holds.
    pub(super) stopped: bool,
}

/// The index's parts that scoring reads, shared by both threads, and what to score: one query, or the variants of
/// one a typo away.
pub(super) struct Scorer<'a> {
    pub(super) hot: &'a [Hot],
    pub(super) cold: &'a [Cold],
    pub(super) text: &'a str,
    pub(super) wide: &'a str,
    pub(super) aliases: &'a [Alias],
    /// The aliases' keys.
    pub(super) spelled: &'a str,
    pub(super) alternatives: &'a [Vec<Term>],
    /// What each alternative needs worked out once, not for every guest.
    pub(super) prepared: &'a [Prepared],
    /// What a match on any alternative but the first costs; its score is also scaled by the first alternative's
    /// length over its own (`lengths`, in characters), so that a longer query standing for the one typed ("robert"
    /// for "bob") does not score more for being longer.
    pub(super) later_penalty: u32,
    pub(super) lengths: &'a [u32],
    pub(super) limit: usize,
    /// Asked every few thousand candidates: true gives the scan up (an answer ahead giving way to a key typed).
    pub(super) stop: &'a (dyn Fn() -> bool + Sync),
    /// Whether a guest who cannot score as much as the best kept so far is only counted (see `bound`): always, but
    /// in the test that compares answers with and without.
    pub(super) bounded: bool,
}

/// A query's letters run together, as a whole name or greeting would be, with the character mask a key must have
/// to be one and the word starts a spelling must have to be one (`needs`, 0 when spellings are not looked in): most
/// guests are ruled out by comparing those, before any text is read.
pub(super) struct Whole {
    letters: String,
    ascii: bool,
    mask: u64,
    needs: u64,
}

/// One alternative query, worked out for scoring: its whole name, what each term needs of a spelling, and the
/// character mask and spelling word starts of each term in letters (`screen`): a guest whose hot line holds neither
/// for one of them cannot match, and is passed over without being scored.
pub(super) struct Prepared {
    pub(super) whole: Option<Whole>,
    pub(super) terms: Vec<Spelt>,
    screen: Vec<(u64, u64)>,
}

/// What a term needs of a guest's spellings: the word starts a spelling must have to hold it (see `term_start`; 0
/// for a term not looked for in spellings), and for a single letter the score it has at the start of a word, the
/// same in every spelling that has such a word (so no spelling's text need be read for it).
#[derive(Clone, Copy)]
pub(super) struct Spelt {
    pub(super) needs: u64,
    pub(super) letter: Option<u32>,
}

impl Prepared {
    /// `spelled`: whether terms are looked for in the names' other spellings (not for the variants of a query one
    /// typo away: a typo in a romanisation is not worth a frame).
    pub(super) fn new(terms: &[Term], spelled: bool, matcher: &mut Matcher) -> Self {
        let spelt: Vec<Spelt> = terms
            .iter()
            .map(|term| match term {
                Term::Fuzzy { ascii: true, lower, any_case, .. } if spelled => Spelt {
                    needs: term_start(lower),
                    letter: (lower.len() == 1)
                        .then(|| any_case.score(Utf32Str::Ascii(lower.as_bytes()), matcher))
                        .flatten()
                        .map(u32::from),
                },
                _ => Spelt { needs: 0, letter: None },
            })
            .collect();
        let screen = terms
            .iter()
            .zip(&spelt)
            .filter_map(|(term, spelt)| match term {
                Term::Fuzzy { mask, .. } => Some((*mask, spelt.needs)),
                _ => None,
            })
            .collect();
        let whole = whole_of(terms).map(|whole| Whole { needs: if spelled { whole.needs } else { 0 }, ..whole });
        Self { whole, terms: spelt, screen }
    }

    /// Whether the guest could match: each term in letters fits one of the name's, greeting's or email's masks (the
    /// test `score` makes of each key), or could start a word of a spelling. Most guests a short query reaches are
    /// ruled out here, at the cost of a few comparisons on the line the scan reads anyway.
    pub(super) fn may_match(&self, hot: &Hot) -> bool {
        self.screen
            .iter()
            .all(|&(mask, needs)| hot.masks.iter().any(|&field| mask & !field == 0) || could_hold(hot.spelled, needs))
    }
}

/// The bits of a mask that Latin letters and digits set (see `query::mask`).
const LATIN: u64 = (1 << 36) - 1;

impl Whole {
    /// Whether a key with this mask could be the whole query: the same Latin letters (a pinyin key's characters
    /// aside), or, for a query in characters, the same characters.
    fn fits(&self, mask: u64) -> bool {
        if self.ascii { mask & LATIN == self.mask & LATIN } else { mask & !LATIN == self.mask & !LATIN }
    }
}

/// The letters of a query made of name-like terms only, lower-cased and run together ("Yu Ming" → "yuming"); `None`
/// when a term is phone digits, a tag or an email.
fn whole_of(terms: &[Term]) -> Option<Whole> {
    let mut letters = String::new();
    for term in terms {
        let Term::Fuzzy { lower, .. } = term else { return None };
        letters.extend(lower.chars().filter(|c| c.is_alphanumeric()));
    }
    let mask = super::super::query::mask(&letters);
    let ascii = letters.is_ascii();
    let needs = if ascii { term_start(&letters) } else { 0 };
    (!letters.is_empty()).then_some(Whole { ascii, letters, mask, needs })
}

/// Whether `text`'s letters, lower-cased, are exactly `letters`.
fn letters_are(text: &str, letters: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).eq(letters.chars())
}

impl Scorer<'_> {
    /// Every match among `candidates`, and the best `limit` of them kept in a bounded heap as the scan goes.
    pub(super) fn scan(&self, candidates: &[u32], matcher: &mut Matcher) -> Scan {
        let mut matched = Vec::new();
        let mut best: BinaryHeap<Scored> = BinaryHeap::with_capacity(self.limit + 1);
        let mut chars = Vec::new();
        for (n, &i) in candidates.iter().enumerate() {
            if n % STOP_EVERY == 0 && n > 0 && (self.stop)() {
                return Scan { stopped: true, ..Scan::default() };
            }
            let hot = &self.hot[i as usize];
            if self.bounded
                && best.len() >= self.limit
                && let Some(worst) = best.peek()
            {
                match self.reach(i as usize, worst.score()) {
                    Reach::Nothing => continue,
                    Reach::Below => {
                        matched.push(i);
                        continue;
                    }
                    Reach::Maybe => {}
                }
            }
            let found = match self.alternatives {
                [terms] => {
                    let prepared = &self.prepared[0];
                    if !prepared.may_match(hot) {
                        continue;
                    }
                    self.score(i as usize, terms, prepared, (matcher, &mut chars))
                        .map(|(score, field)| (score, field, 0))
                }
                alternatives => alternatives
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| self.prepared[k].may_match(hot))
                    .filter_map(|(k, terms)| {
                        self.score(i as usize, terms, &self.prepared[k], (&mut *matcher, &mut chars)).map(
                            |(score, field)| {
                                if k == 0 {
                                    return (score, field, k);
                                }
                                let length = |k: usize| self.lengths.get(k).copied().unwrap_or(1).max(1);
                                let (typed, own) = (length(0), length(k));
                                let scaled = u64::from(score) * u64::from(typed) / u64::from(own.max(typed));
                                (u32::try_from(scaled).unwrap_or(score).saturating_sub(self.later_penalty), field, k)
                            },
                        )
                    })
                    .max_by_key(|&(score, _, k)| (score, Reverse(k))),
            };
            let Some((score, field, alternative)) = found else { continue };
            matched.push(i);
            let scored = Scored::new(score, i, hot, field, alternative);
            if best.len() < self.limit {
                best.push(scored);
            } else if best.peek().is_some_and(|worst| scored < *worst) {
                best.pop();
                best.push(scored);
            }
        }
        Scan { matched, best: best.into_sorted_vec(), stopped: false }
    }

    /// The guest's score for every term of a query together, and the field to show: the name if any term matched.
    /// (`chars`: room for a wide key made characters.)
    fn score(
        &self,
        entry: usize,
        terms: &[Term],
        prepared: &Prepared,
        (matcher, chars): (&mut Matcher, &mut Vec<char>),
    ) -> Option<(u32, Field)> {
        let hot = &self.hot[entry];
        let mut total = 0;
        let mut shown = None;
        for (term, &spelt) in terms.iter().zip(&prepared.terms) {
            let (score, field) = match term {
                Term::Phone(digits) => {
                    let phone = text_of(self.text, self.cold[entry].piece(Shown::PhoneDigits));
                    let ending = if phone.ends_with(digits.as_str()) { ENDING_BONUS } else { 0 };
                    phone
                        .contains(digits.as_str())
                        .then(|| (EXACT_SCORE_PER_CHAR * len(digits) + ending, Field::Phone))?
                }
                Term::Tag(tag) => {
                    let tags = text_of(self.text, self.cold[entry].piece(Shown::Tags));
                    tags.lines().any(|t| t.starts_with(tag.as_str())).then_some((0, Field::Tag))?
                }
                Term::Email(part) => {
                    let email = text_of(self.text, self.cold[entry].piece(Shown::Email)).to_lowercase();
                    email.contains(part.as_str()).then(|| (EXACT_SCORE_PER_CHAR * len(part), Field::Email))?
                }
                Term::Fuzzy { atom, any_case, mask, ascii, lower, capitals } => {
                    let cold = &self.cold[entry];
                    let keys = if *ascii {
                        [0, 1, 2].map(|k| hot.key(k))
                    } else {
                        [cold.wide_key(0), cold.wide_key(1), Piece::default()]
                    };
                    let direct = [Field::Name, Field::Greeting, Field::Email]
                        .into_iter()
                        .zip(keys.into_iter().zip(hot.masks))
                        .find_map(|(field, (key, field_mask))| {
                            if key.is_empty() || mask & !field_mask != 0 {
                                return None;
                            }
                            // Most keys holding a short term's letters hold them in another order ("Ms. Walker" for
                            // "em"): ruled out here at a fraction of what the matcher takes to say so.
                            if *ascii && !in_order(text_of(self.text, key).as_bytes(), lower.as_bytes()) {
                                return None;
                            }
                            // A Chinese name's pinyin is typed in any case ("Wang", "TAN, W."): it was never written.
                            // (Only a term with capitals needs to know, which keeps the guest's cold part unread.)
                            let pinyin = *capitals && field == Field::Name && *ascii && hot.pinyin;
                            let atom = if pinyin { any_case } else { atom };
                            atom.score(key_of(self.text, self.wide, key, chars), matcher).map(|s| (u32::from(s), field))
                        })
                        .map(|(score, field)| {
                            let bonus = if field == Field::Name && *ascii && lower.len() > 1 {
                                let pinyin = hot.pinyin;
                                word_bonus(text_of(self.text, hot.key(0)), lower, pinyin)
                            } else {
                                0
                            };
                            (score + bonus, field, bonus)
                        });
                    // The name's other spellings, for a term in Latin letters they could hold (a word of one starts
                    // with its first two letters): the better match wins. A single letter the name matched is not
                    // looked for in them (most guests' spellings have a word starting with it, and looking would cost
                    // the first keystroke most of its frame), nor a term the name matched as a word, the start of one
                    // or its initials: no spelling matches it better. Either way the guest matches, so a longer query
                    // still matches a subset.
                    let worth_it = || match direct {
                        None => true,
                        Some((_, _, bonus)) => bonus == 0 && lower.len() > 1,
                    };
                    let spelled = (could_hold(hot.spelled, spelt.needs) && worth_it())
                        .then(|| self.spelled(cold, any_case, (*mask, spelt), lower, matcher))
                        .flatten();
                    let direct = direct.map(|(score, field, _)| (score, field));
                    match (direct, spelled) {
                        (Some(direct), Some(spelled)) if spelled.0 > direct.0 => spelled,
                        (Some(direct), _) => direct,
                        (None, Some(spelled)) => spelled,
                        (None, None) => return None,
                    }
                }
            };
            total += score;
            // The list says why a guest is there: another spelling if any term matched one, else the name.
            let spelled = matches!(shown, Some(Field::Spelled(_)));
            if shown.is_none() || matches!(field, Field::Spelled(_)) || (field == Field::Name && !spelled) {
                shown = Some(field);
            }
        }
        total += prepared.whole.as_ref().map_or(0, |whole| self.whole_bonus(entry, whole));
        Some((total, shown.unwrap_or(Field::Recent)))
    }
}

impl Scorer<'_> {
    /// The bonus for a query that is the guest's whole name, in any of its spellings, or their whole greeting.
    pub(super) fn whole_bonus(&self, entry: usize, whole: &Whole) -> u32 {
        let (hot, cold) = (&self.hot[entry], &self.cold[entry]);
        let letters = whole.letters.as_str();
        let as_written = whole.fits(hot.masks[0])
            && (letters_are(text_of(self.text, hot.key(0)), letters)
                || letters_are(text_of(self.text, cold.piece(Shown::Name)), letters));
        // "Chan Tai Man" is the whole of 陳大文 in Cantonese, as "chendawen" is in pinyin.
        let spelled = || {
            could_hold(hot.spelled, whole.needs)
                && self.aliases_of(cold).any(|(a, key)| whole.fits(a.mask) && letters_are(key, letters))
        };
        if as_written || spelled() {
            WHOLE_NAME_BONUS
        } else if whole.fits(hot.masks[1]) && letters_are(text_of(self.text, hot.key(1)), letters) {
            WHOLE_GREETING_BONUS
        } else {
            0
        }
    }

    pub(super) fn aliases_of(&self, cold: &Cold) -> impl Iterator<Item = (&Alias, &str)> {
        keyed(self.aliases, self.spelled, cold.aliases)
    }

    /// The best of the name's other spellings for a term, with the word bonus a name gets, and which it was.
    fn spelled(
        &self,
        cold: &Cold,
        atom: &Atom,
        (mask, spelt): (u64, Spelt),
        lower: &str,
        matcher: &mut Matcher,
    ) -> Option<(u32, Field)> {
        let mut holding = self.aliases_of(cold).filter(|(alias, _)| u64::from(alias.initials()) & spelt.needs != 0);
        if let Some(score) = spelt.letter {
            return holding
                .next()
                .map(|(alias, _)| (score.saturating_sub(SPELLED_PENALTY), Field::Spelled(alias.spelling())));
        }
        // Of equal scores the first spelling wins: they are stored in the order the guest most likely carries them.
        holding
            .enumerate()
            .filter(|(_, (alias, _))| mask & !alias.mask == 0)
            .filter_map(|(i, (alias, key))| {
                if !runs_from_a_word(key, lower) {
                    return None;
                }
                let score = u32::from(atom.score(Utf32Str::Ascii(key.as_bytes()), matcher)?);
                let bonus = if lower.len() > 1 { word_bonus(key, lower, false) } else { 0 };
                Some(((score + bonus).saturating_sub(SPELLED_PENALTY), Reverse(i), Field::Spelled(alias.spelling())))
            })
            .max_by_key(|&(score, first, _)| (score, first))
            .map(|(score, _, field)| (score, field))
    }
}

/// Whether `needle`'s bytes are in `key` in order, case ignored: what the matcher's fuzzy match needs at least.
pub(super) fn in_order(key: &[u8], needle: &[u8]) -> bool {
    let mut rest = needle.iter();
    let mut next = rest.next();
    for b in key {
        match next {
            None => return true,
            Some(n) if b.eq_ignore_ascii_case(n) => next = rest.next(),
            Some(_) => {}
        }
    }
    next.is_none()
}

/// Whether a term's letters run on from the start of one of a spelling's words, spaces and punctuation passed over:
/// "chan", "taiman" and "chantaiman" in "chan tai man", "hsiaoming" in "chang hsiao ming". How a spelling is typed: a
/// spelling is somebody's name as they say it, so letters picked out of it here and there ("cn" in "chan") are not
/// it, and looking for them in every spelling would cost the first keystrokes their frame.
pub(super) fn runs_from_a_word(spelling: &str, term: &str) -> bool {
    let bytes = spelling.as_bytes();
    let letters = || term.bytes().filter(u8::is_ascii_alphanumeric);
    let mut previous = b' ';
    bytes.iter().enumerate().any(|(i, &b)| {
        let starts = b.is_ascii_alphanumeric() && !previous.is_ascii_alphanumeric();
        previous = b;
        starts && {
            let mut rest = bytes[i..].iter().copied().filter(u8::is_ascii_alphanumeric);
            letters().all(|t| rest.next() == Some(t))
        }
    })
}

/// Extra score for a term that is the initials of a name in pinyin ("wjh" for 王建华), one of the name's words, or
/// the start of one: what staff mean when they type it, over the same letters scattered through a longer name.
/// Initials are how Chinese names are typed; nobody looks up Jon García as "jg".
pub(super) fn word_bonus(name_key: &str, term: &str, pinyin: bool) -> u32 {
    // One pass over the bytes: this runs for most guests a term of two letters or more matches.
    let (key, term) = (name_key.as_bytes(), term.as_bytes());
    let Some(&first) = term.first() else { return 0 };
    let (mut initials, mut initials_match) = (0, pinyin);
    let (mut word, mut prefix) = (false, false);
    let mut i = 0;
    while i < key.len() {
        if !key[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < key.len() && key[i].is_ascii_alphanumeric() {
            i += 1;
        }
        initials_match &= term.get(initials).is_some_and(|t| key[start].eq_ignore_ascii_case(t));
        initials += 1;
        if key[start].eq_ignore_ascii_case(&first) {
            let w = &key[start..i];
            word |= w.eq_ignore_ascii_case(term);
            prefix |= w.len() > term.len() && w[..term.len()].eq_ignore_ascii_case(term);
        }
    }
    if initials_match && initials == term.len() {
        INITIALS_BONUS
    } else if word {
        WORD_BONUS
    } else if prefix {
        WORD_PREFIX_BONUS
    } else {
        0
    }
}

fn len(text: &str) -> u32 {
    u32::try_from(text.len()).unwrap_or(u32::MAX)
}
