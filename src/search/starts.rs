//! How the words of a guest's other spellings start, as bits: what lets a search rule out most guests, and most of a
//! guest's spellings, before any spelling's text is read. A term is looked for in a spelling only from the start of
//! one of its words (see `score::runs_from_a_word`), so a spelling can hold it only if a word starts with its first
//! letter and its first two letters.

/// Bits 0–25: the first letters (a–z) of the words of a lower-case spelling; the rest: its words' first two letters
/// (passing over what is not a letter or digit, as `runs_from_a_word` does), hashed. A term can run from the start of
/// one of the words only if its own `term_start` bit is among these.
pub(super) fn word_starts(spelling: &str) -> u64 {
    let mut bits = 0;
    // The first letter of the word last begun, until its second letter comes (in the next word, for a word of one
    // letter: "i ming").
    let mut first = None;
    let mut in_word = false;
    for b in spelling.bytes() {
        let letter = b.is_ascii_alphanumeric();
        if letter {
            if let Some(first) = first.take() {
                bits |= pair_bit(first, Some(b));
            }
            if !in_word {
                bits |= letter_bit(Some(b));
                first = Some(b);
            }
        }
        in_word = letter;
    }
    bits
}

/// The bits of `word_starts` a term needs all of: its first letter's and its first two letters'. 0 for a term that
/// does not start with a letter, which no spelling is searched for.
pub(super) fn term_start(term: &str) -> u64 {
    let mut letters = term.bytes().filter(u8::is_ascii_alphanumeric);
    let Some(first) = letters.next().filter(u8::is_ascii_lowercase) else { return 0 };
    letter_bit(Some(first)) | pair_bit(first, letters.next())
}

/// Whether a guest whose spellings' words start as `starts` says could hold a term needing `needs`.
pub(super) fn could_hold(starts: u64, needs: u64) -> bool {
    needs != 0 && starts & needs == needs
}

/// The bits of `word_starts` that are first letters.
pub(super) const LETTERS: u64 = (1 << 26) - 1;

fn letter_bit(letter: Option<u8>) -> u64 {
    letter.filter(u8::is_ascii_lowercase).map_or(0, |b| 1 << (b - b'a'))
}

/// Two letters hashed into bits 26–63.
fn pair_bit(first: u8, second: Option<u8>) -> u64 {
    // Fibonacci hashing: spreads pairs that differ by a letter, as "ch" and "co" do, over different bits.
    second.map_or(0, |second| {
        let pair = (u64::from(first) << 8 | u64::from(second)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        1 << (26 + (pair >> 32) % 38)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_from_the_start_of_a_word_always_passes() {
        let spelling = "chan tai-man";
        let starts = word_starts(spelling);
        for term in ["c", "ch", "chan", "chantai", "t", "tai", "taiman", "m", "man"] {
            assert!(could_hold(starts, term_start(term)), "{term:?} may be in {spelling:?}");
        }
        assert_eq!(starts & LETTERS, 1 << 2 | 1 << 19 | 1 << 12, "first letters c, t and m");
        assert!(!could_hold(starts, term_start("x")));
        assert!(!could_hold(starts, term_start("a")), "no word starts with a");
        assert!(!could_hold(starts, term_start("0108")), "digits are never looked for in spellings");
    }

    #[test]
    fn pairs_a_letter_apart_take_different_bits() {
        let pairs = ["ch", "ci", "co", "cu", "jo", "ju", "wa", "wo", "ya", "yu"];
        let bits: Vec<u64> = pairs.iter().map(|p| term_start(p) & !LETTERS).collect();
        let distinct: std::collections::HashSet<_> = bits.iter().collect();
        assert!(distinct.len() >= pairs.len() - 2, "{pairs:?} over {} bits", distinct.len());
    }
}
