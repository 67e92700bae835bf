//! Search keys: guest-book text as staff type it. Accents and full-width forms are folded ("José" → "Jose",
//! "ＡＢＣ" → "ABC"), Traditional characters are folded to Simplified ("黃" → "黄", so either script finds the
//! other), and every Chinese character is followed by its pinyin ("于明" → "于 yu 明 ming "), so one fuzzy match
//! finds a name by its characters, its full pinyin, its initials or a mix of them ("于m").

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::needs::signed;

/// The rules the stored keys were computed by. A book whose keys say another version has them computed again when
/// it is opened (2: Chinese titles keyed in English too; 3: Traditional folded to Simplified, surnames read as
/// surnames, the other spellings of a Chinese name; 4: the mask without the spellings' letters, the
/// letters held twice, the spellings' word starts, a given name's other common readings; 5: a greeting's surname
/// read as a surname and said as one word, "Mrs. Ouyang").
pub const KEYS_VERSION: &str = "5";

/// What the guest book stores with a guest for search, computed when the guest is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKeys {
    pub name: String,
    pub greeting: String,
    /// The name's other spellings (Wade-Giles, Cantonese, dialect surnames, another reading), as stored (see
    /// `spell::stored`).
    pub spellings: String,
    /// Which characters the name and greeting keys and the email's own part hold (see `query::mask`), and which
    /// letters they hold more than once (`query::repeated`); how the words of the spellings start
    /// (`starts::word_starts`). All as SQLite stores them: a command that searches once skips a guest whose bits
    /// cannot hold a term typed (see `Needs`), without reading the rest of the row.
    pub mask: i64,
    pub repeated: i64,
    pub spelling_starts: i64,
}

impl SearchKeys {
    /// The keys of a guest by name, greeting, email and the names they also go by.
    pub fn of(name: &str, greeting: &str, email: &str, other_names: &[String]) -> Self {
        let mut spellings = super::spell::derived(name);
        // An other name in a script with no Latin reading has no spelling to store (it is not searched yet).
        let others = other_names.iter().map(|other| super::spell::other_name_key(other)).filter(|key| !key.is_empty());
        spellings.extend(others.map(|key| (super::spell::Spelling::OtherName, key)));
        let key = search_key(name);
        let greeting = greeting_key(greeting);
        let email = email_key(email);
        let mask = super::query::mask(&key) | super::query::mask(&greeting) | super::query::mask(&email);
        // A term is matched within one key, so a letter it holds twice is twice in one of them: in all of them.
        let repeated = super::query::repeated(&format!("{key} {greeting} {email}"));
        // As the index reads them: a spelling not in Latin letters is not searched.
        let latin = spellings.iter().filter(|(_, spelled)| spelled.is_ascii());
        let starts = latin.fold(0, |starts, (_, spelled)| starts | super::starts::word_starts(spelled));
        Self {
            name: key,
            greeting,
            spellings: super::spell::stored(&spellings),
            mask: signed(mask),
            repeated: signed(repeated),
            spelling_starts: signed(starts),
        }
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

/// The key a greeting is searched by: folded, without pinyin — a greeting's surname is in the name already, and the
/// pinyin of its titles ("先生", "xian sheng") would match initials typed for a name — but with a Chinese title
/// also in English, so that "Mr. Yu" finds 于先生 as it finds Mr. Yu: "于先生" → "于先生 Mr. Yu".
pub fn greeting_key(text: &str) -> String {
    let folded = fold(text);
    match super::greeting::romanised(text) {
        Some(english) => format!("{folded} {english}"),
        None => folded,
    }
}

/// The key, and for each of its characters the index of the character of `text` it stands for (for highlights).
/// A Chinese name's surname is read as a surname ("曾" as zeng, "尉迟" as yu chi).
pub fn key_with_map(text: &str) -> (String, Vec<usize>) {
    let mut key = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let surname = super::spell::surname(text).map_or(&[][..], |(_, readings)| readings);
    for (i, c) in text.chars().enumerate() {
        let mut push = |c: char| {
            key.push(c);
            map.push(i);
        };
        let c = simplified(c);
        let reading = surname.get(i).copied().or_else(|| c.to_pinyin().map(|p| p.plain()));
        match reading {
            Some(reading) => {
                push(c);
                push(' ');
                // "lü" is typed "lu": the pinyin is folded like everything else.
                reading.chars().flat_map(fold_char).for_each(&mut push);
                push(' ');
            }
            None => fold_char(c).for_each(push),
        }
    }
    (key, map)
}

/// Whether `typed` is the whole of `name`, as staff would type it: letters and digits compared with case,
/// accents, spaces and punctuation aside, against the name itself or (for a Chinese name) its pinyin —
/// "yu ming", "Yuming" and "于明" are each the whole of 于明; "yu" and "yuminghui" are not.
pub fn same_name(name: &str, typed: &str) -> bool {
    let typed = letters(typed);
    if typed.is_empty() {
        return false;
    }
    let pinyin = key_letters(&search_key(name));
    letters(name) == typed
        || pinyin == typed
        || super::spell::derived(name).iter().any(|(_, spelled)| letters(spelled) == typed)
}

/// A name's letters and digits, folded and lowercased, nothing else: "Yu-Ming" and "yu ming" are "yuming".
pub(super) fn letters(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A search key's Latin letters and digits run together, lowercased: "于 yu 明 ming " → "yuming".
pub(super) fn key_letters(key: &str) -> String {
    key.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Text with accents and widths folded, case kept: how queries and emails are compared with keys.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.chars().flat_map(fold_char).collect()
}

/// Compatibility decomposition without the combining marks, Traditional characters as Simplified: "é" → "e",
/// "Ｅ" → "E", "ﬁ" → "fi", "黃" → "黄".
fn fold_char(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c).nfkd().filter(|&d| !is_combining_mark(d)).map(simplified)
}

/// OpenCC's Traditional → Simplified characters (assets/chinese, see the README): each pair, in the file's order.
fn script_pairs() -> impl Iterator<Item = (char, char)> {
    include_str!("../../assets/chinese/traditional-to-simplified.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut chars = line.chars();
            let traditional = chars.next()?;
            let simplified = chars.nth(1)?;
            Some((traditional, simplified))
        })
}

/// A character in Simplified script (itself when it is not Traditional), from a table read once.
pub(super) fn simplified(c: char) -> char {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    if c.is_ascii() {
        return c;
    }
    TABLE.get_or_init(|| script_pairs().collect()).get(&c).copied().unwrap_or(c)
}

/// Text in Simplified script, character by character.
pub fn simplified_text(text: &str) -> String {
    text.chars().map(simplified).collect()
}

/// Text in Traditional script, character by character (the first Traditional form of each Simplified one): for
/// demo guests who write so.
pub fn traditional(text: &str) -> String {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (traditional, simplified) in script_pairs() {
            table.entry(simplified).or_insert(traditional);
        }
        table
    });
    text.chars().map(|c| table.get(&c).copied().unwrap_or(c)).collect()
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
    fn chinese_titles_are_also_keyed_in_english() {
        assert_eq!(greeting_key("于先生"), "于先生 Mr. Yu");
        assert_eq!(greeting_key("王女士"), "王女士 Ms. Wang");
        assert_eq!(greeting_key("欧阳太太"), "欧阳太太 Mrs. Ouyang");
        assert_eq!(greeting_key("Mr. Smith"), "Mr. Smith");
        assert_eq!(greeting_key("先生"), "先生 Mr.");
    }

    #[test]
    fn the_whole_name_is_known_however_it_is_typed() {
        for typed in ["yuming", "Yu Ming", "于明", "YU-MING"] {
            assert!(same_name("于明", typed), "{typed}");
        }
        assert!(!same_name("余明辉", "yuming"));
        assert!(!same_name("于明", "yu"));
        assert!(same_name("José García", "jose garcia"));
        assert!(!same_name("Jose Garcia", ""));
    }

    #[test]
    fn traditional_and_simplified_fold_to_one_key() {
        assert_eq!(search_key("黃薇"), search_key("黄薇"));
        assert_eq!(search_key("陳小明"), "陈 chen 小 xiao 明 ming ");
        assert_eq!(fold("張偉"), "张伟");
        assert!(same_name("陳小明", "陈小明") && same_name("黄薇", "黃薇"));
        let (_, map) = key_with_map("黃");
        assert_eq!(map, [0; 8], "highlights fall on the character as stored");
    }

    #[test]
    fn accents_and_widths_fold_but_case_stays() {
        assert_eq!(search_key("José GARCÍA"), "Jose GARCIA");
        assert_eq!(fold("ＥＭＭＡ ０１０８"), "EMMA 0108");
        assert_eq!(fold("Zoë Müller"), "Zoe Muller");
    }
}
