//! What staff type, taken apart: space-separated terms that must all match, each in any field.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};

use super::key::fold;

/// One term of a query.
pub(super) enum Term {
    /// Matched fuzzily against name (with pinyin), greeting and the part of the email before the `@`. Smart case: capitals make it case-sensitive.
    /// An `ascii` term is matched against the ASCII keys only (Chinese names by their pinyin); one with other
    /// characters against the full keys ("于m" against "于 yu 明 ming ").
    /// `lower` is the term lower-cased, for the whole-word and initials bonuses; `any_case` the term matched with
    /// case ignored, against the other spellings of a name (stored lower-case: "TAN, Wei Ming" is typed any way);
    /// `capitals` whether the term has any (without, `atom` ignores case already).
    Fuzzy { atom: Atom, any_case: Atom, mask: u64, ascii: bool, lower: String, capitals: bool },
    /// Three or more digits (punctuation ignored): found anywhere in the phone number's digits.
    Phone(String),
    /// `#vip`: the guest has a tag starting with this.
    Tag(String),
    /// Anything with an `@`: part of an email address, as typed ("jon@", "@example.com").
    Email(String),
}

/// Which kind of term, to know whether a longer query can rescan only the previous matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Fuzzy,
    Phone,
    Tag,
    Email,
}

impl Term {
    pub(super) fn kind(&self) -> Kind {
        match self {
            Term::Fuzzy { .. } => Kind::Fuzzy,
            Term::Phone(_) => Kind::Phone,
            Term::Tag(_) => Kind::Tag,
            Term::Email(_) => Kind::Email,
        }
    }
}

/// Fewest digits that make a term a phone search: "0108" is a phone ending, "7" could be anything.
const PHONE_DIGITS: usize = 3;

pub(super) fn parse(query: &str) -> Vec<Term> {
    // A whole phone number as written, spaces and all ("+86 138 0000 0108"), is one number.
    if query.split_whitespace().count() > 1 && is_phone(query) {
        return vec![Term::Phone(query.chars().filter(char::is_ascii_digit).collect())];
    }
    query.split_whitespace().map(term).collect()
}

/// Digits with the punctuation phone numbers are written with, and at least `PHONE_DIGITS` of them.
fn is_phone(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= PHONE_DIGITS
        && text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-().".contains(c))
}

/// Lengths of a fuzzy term that is forgiven a typo: shorter ones match too much once a letter is dropped, and no
/// name is longer than the longest.
const FORGIVEN: std::ops::RangeInclusive<usize> = 4..=32;

/// At most this many typo variants are tried, so that no query, however long, costs more than a few frames.
const MOST_VARIANTS: usize = 48;

/// Queries one typo away from `query`: each with one letter left out of one Latin-letter term of four or more
/// letters. Leaving a letter out forgives a wrong letter ("smyth" → "smth", found in "smith"), two letters swapped
/// ("smtih" → "smih") and one letter too many ("smitth" → "smith"), since terms match as subsequences.
pub(super) fn one_typo_away(query: &str) -> Vec<String> {
    let tokens: Vec<&str> = query.split_whitespace().collect();
    let mut variants = Vec::new();
    'tokens: for (i, token) in tokens.iter().enumerate() {
        let forgiven = FORGIVEN.contains(&token.chars().count())
            && token.chars().all(|c| c.is_alphabetic())
            && matches!(term(token), Term::Fuzzy { ascii: true, .. });
        if !forgiven {
            continue;
        }
        for skip in 0..token.chars().count() {
            let shorter: String = token.chars().enumerate().filter(|&(j, _)| j != skip).map(|(_, c)| c).collect();
            let mut variant = tokens.clone();
            variant[i] = &shorter;
            variants.push(variant.join(" "));
            if variants.len() == MOST_VARIANTS {
                break 'tokens;
            }
        }
    }
    variants.sort_unstable();
    variants.dedup();
    variants
}

fn term(text: &str) -> Term {
    if let Some(tag) = text.strip_prefix('#').filter(|t| !t.is_empty()) {
        return Term::Tag(fold(tag).to_lowercase());
    }
    if text.contains('@') {
        return Term::Email(fold(text).to_lowercase());
    }
    if is_phone(text) {
        return Term::Phone(text.chars().filter(char::is_ascii_digit).collect());
    }
    // "Somchai J.": the full stop after an initial is not part of the name typed. (A title keeps its own: "Mr."
    // is in the greeting keys as written.)
    let text = match text.strip_suffix('.') {
        Some(initial) if initial.chars().count() == 1 && initial.chars().all(char::is_alphabetic) => initial,
        _ => text,
    };
    // "TAN, Wei Ming": the comma after a surname written first is not part of it. "Hsiao-ming", "O'Brien": the
    // hyphen and apostrophe are optional, as they are in the keys' spellings (terms match as subsequences).
    let text = text.strip_suffix(',').filter(|t| !t.is_empty()).unwrap_or(text);
    let text: String = if text.chars().any(char::is_alphabetic) {
        text.chars().filter(|c| !matches!(c, '-' | '\'' | '’')).collect()
    } else {
        text.to_owned()
    };
    let folded = fold(&text);
    Term::Fuzzy {
        atom: Atom::new(&folded, CaseMatching::Smart, Normalization::Never, AtomKind::Fuzzy, false),
        any_case: Atom::new(&folded, CaseMatching::Ignore, Normalization::Never, AtomKind::Fuzzy, false),
        mask: mask(&folded),
        ascii: folded.is_ascii(),
        capitals: folded.chars().any(char::is_uppercase),
        lower: folded.to_lowercase(),
    }
}

/// A 64-bit summary of which characters a text contains, case ignored. A haystack whose mask lacks a bit of the
/// needle's cannot match it, which rejects most guests before any scoring.
pub(super) fn mask(text: &str) -> u64 {
    if text.is_ascii() {
        // Most keys: a table lookup a byte, which opening a book does for every key of every guest.
        return text.bytes().fold(0, |mask, b| mask | ASCII_BITS[usize::from(b & 0x7f)]);
    }
    text.chars().fold(0, |mask, c| mask | bit(c))
}

/// The Latin letters and digits a text holds more than once, as `mask` bits: "emma" needs two m's, which most keys
/// holding an e, an m and an a do not have.
pub(super) fn repeated(text: &str) -> u64 {
    let (mut seen, mut again) = (0, 0);
    for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
        let bit = ASCII_BITS[usize::from(b)];
        again |= seen & bit;
        seen |= bit;
    }
    again
}

fn bit(c: char) -> u64 {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ASCII_BITS[usize::from(b)],
        _ if c.is_whitespace() => 0,
        // Everything else shares the remaining 28 bits: a coarse filter, never a wrong rejection.
        _ => 1 << (36 + c as u32 % 28),
    }
}

/// The mask bit of each ASCII character: letters (either case) and digits their own, whitespace none, the rest
/// shared as every other character's are.
static ASCII_BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase();
        bits[b] = match c {
            b'a'..=b'z' => 1 << (c - b'a'),
            b'0'..=b'9' => 1 << (26 + c - b'0'),
            b'\t'..=b'\r' | b' ' => 0,
            _ => 1 << (36 + c as u32 % 28),
        };
        b += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_fuzzy_phone_or_tag() {
        let kinds: Vec<Kind> = parse("yu  0108 #vip 01 +86 # jon@").iter().map(Term::kind).collect();
        assert_eq!(kinds, [Kind::Fuzzy, Kind::Phone, Kind::Tag, Kind::Fuzzy, Kind::Fuzzy, Kind::Fuzzy, Kind::Email]);
        assert!(matches!(&parse("(138)-0108")[0], Term::Phone(d) if d == "1380108"));
        assert!(matches!(&parse("#VIP")[0], Term::Tag(t) if t == "vip"));
        assert!(matches!(&parse("+86 138 0000 0108")[..], [Term::Phone(d)] if d == "8613800000108"));
        assert_eq!(parse("emma 0108").len(), 2, "a name and digits stay two terms");
    }

    #[test]
    fn a_full_stop_after_an_initial_or_a_title_is_not_typed_into_the_name() {
        assert!(matches!(&parse("J.")[0], Term::Fuzzy { lower, .. } if lower == "j"));
        assert!(matches!(&parse("Mr.")[0], Term::Fuzzy { lower, .. } if lower == "mr."));
        assert!(matches!(&parse("..")[0], Term::Fuzzy { lower, .. } if lower == ".."));
    }

    #[test]
    fn typos_are_forgiven_in_long_latin_terms_only() {
        assert_eq!(one_typo_away("yu smth"), ["yu mth", "yu smh", "yu smt", "yu sth"]);
        assert!(one_typo_away(&"x".repeat(100)).is_empty());
        assert_eq!(one_typo_away(&"abcdefgh ".repeat(1000)).len(), MOST_VARIANTS);
        assert!(one_typo_away("jon").is_empty());
        assert!(one_typo_away("0108 #vip 王建华 jon@x").is_empty());
        assert_eq!(one_typo_away("aaaa"), ["aaa"]);
    }

    #[test]
    fn masks_ignore_case_and_never_reject_a_real_match() {
        assert_eq!(mask("Emma"), mask("emma"));
        assert_eq!(mask("me") & !mask("Emma"), 0);
        assert_ne!(mask("x") & !mask("Emma"), 0);
        assert_eq!(mask("于m") & !mask("于 yu 明 ming "), 0);
        assert_eq!(repeated("Emma"), mask("m"));
        assert_eq!(repeated("于 yu 于 Yu"), mask("yu"));
        assert_eq!(repeated("Jon Smith"), 0);
    }

    #[test]
    fn every_ascii_character_keeps_the_bit_books_store() {
        // Books store each guest's mask: the table must give what the rule it was made from gives.
        for c in (0..128u8).map(char::from) {
            let expected = match c.to_ascii_lowercase() {
                c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
                c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
                c if c.is_whitespace() => 0,
                c => 1 << (36 + c as u32 % 28),
            };
            assert_eq!(mask(&c.to_string()), expected, "{c:?}");
            assert_eq!(mask(&format!("{c}é")), expected | mask("é"), "{c:?} beside a character outside ASCII");
        }
    }
}
