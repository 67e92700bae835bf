//! Search keys: guest-book text as staff type it. Accents and full-width forms are folded ("José" → "Jose",
//! "ＡＢＣ" → "ABC") and every Chinese character is followed by its pinyin ("于明" → "于 yu 明 ming "), so one
//! fuzzy match finds a name by its characters, its full pinyin, its initials or a mix of them ("于m").

use pinyin::ToPinyin;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What the guest book stores with a guest for search, computed when the guest is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKeys {
    pub name: String,
    pub greeting: String,
    /// Which characters the keys and the email's own part hold (see `query::mask`), as SQLite stores it: a scan
    /// skips a guest whose mask lacks a character typed, without reading the rest of the row.
    pub mask: i64,
}

impl SearchKeys {
    pub fn of(name: &str, greeting: &str, email: &str) -> Self {
        let name = search_key(name);
        let greeting = greeting_key(greeting);
        let mask = super::query::mask(&name) | super::query::mask(&greeting) | super::query::mask(&email_key(email));
        Self { name, greeting, mask: i64::from_ne_bytes(mask.to_ne_bytes()) }
    }
}

/// The part of an email address fuzzy terms look at: its own part, lower-cased. Every "@example.com" would match
/// half the queries typed.
pub(super) fn email_key(email: &str) -> String {
    fold(email.split('@').next().unwrap_or("")).to_lowercase()
}

/// The key a name is searched by. Computed when the guest is written and stored with it, so that opening a book
/// of 200,000 guests computes no pinyin.
pub fn search_key(text: &str) -> String {
    key_with_map(text).0
}

/// The key a greeting is searched by: folded, without pinyin. A greeting's surname is in the name already, and the
/// pinyin of its titles ("先生", "xian sheng") would match initials typed for a name.
pub fn greeting_key(text: &str) -> String {
    fold(text)
}

/// The key, and for each of its characters the index of the character of `text` it stands for (for highlights).
pub fn key_with_map(text: &str) -> (String, Vec<usize>) {
    let mut key = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let mut push = |c: char| {
            key.push(c);
            map.push(i);
        };
        match c.to_pinyin() {
            Some(pinyin) => {
                push(c);
                push(' ');
                // "lü" is typed "lu": the pinyin is folded like everything else.
                pinyin.plain().chars().flat_map(fold_char).for_each(&mut push);
                push(' ');
            }
            None => fold_char(c).for_each(push),
        }
    }
    (key, map)
}

/// Text with accents and widths folded, case kept: how queries and emails are compared with keys.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.chars().flat_map(fold_char).collect()
}

/// Compatibility decomposition without the combining marks: "é" → "e", "Ｅ" → "E", "ﬁ" → "fi".
fn fold_char(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c).nfkd().filter(|&d| !is_combining_mark(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_carry_their_pinyin() {
        assert_eq!(search_key("于明"), "于 yu 明 ming ");
        assert_eq!(search_key("王建华"), "王 wang 建 jian 华 hua ");
        assert_eq!(search_key("吕"), "吕 lu ");
        let (key, map) = key_with_map("Li 于");
        assert_eq!(key, "Li 于 yu ");
        assert_eq!(map, [0, 1, 2, 3, 3, 3, 3, 3]);
    }

    #[test]
    fn accents_and_widths_fold_but_case_stays() {
        assert_eq!(search_key("José GARCÍA"), "Jose GARCIA");
        assert_eq!(fold("ＥＭＭＡ ０１０８"), "EMMA 0108");
        assert_eq!(fold("Zoë Müller"), "Zoe Muller");
    }
}
