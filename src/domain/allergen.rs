//! Which items of an order name one of a guest's allergies, so that whoever logs "the usual" with one key is
//! warned when a guest allergic to "eggs" is about to get "scrambled eggs".
//!
//! The match is on words as staff write them, not on ingredients: "shellfish" does not know that a prawn is a
//! shellfish, and "lactose" does not know that a latte holds milk. See [`allergens_in`] for the rule.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// An order item that names one of the guest's allergies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllergenHit<'a> {
    /// The order item, as written in the order.
    pub item: &'a str,
    /// The guest's allergy the item names, as written on the guest.
    pub allergy: &'a str,
}

/// The items of `items` that name one of `allergies`: one hit for each item and each allergy it names, in the
/// order of the items and, within an item, of the allergies. An empty list means no warning.
///
/// The rule, for an allergy to be named by an item:
/// - **Words, folded.** Both are compared as words: case ignored, accents dropped ("Crème" is "creme"), full-width
///   forms folded; white space and punctuation separate words ("Egg-fried rice" holds the word "egg").
/// - **Simple English plurals fold both ways**: "egg" and "eggs", "peanuts" and "peanut butter", "berries" and
///   "berry", "tomatoes" and "tomato", "peaches" and "peach".
/// - **A whole word, never part of one**: compound words are not split, so "nut" names neither "nutmeg" nor
///   "coconut" nor "hazelnut", "egg" not "eggplant", "milk" not "milkshake", "gluten" not "glutinous rice".
/// - **Several words in a row**: an allergy of more than one word ("tree nuts", "soy sauce") is named when its
///   words stand consecutively in the item ("dark soy sauce"; not "soy milk with sauce").
/// - **Scripts written without spaces** (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) and Korean, whose compounds
///   and particles join the word: an allergy in them is named by an item holding its characters in sequence
///   anywhere ("花生" in "花生酱", "虾" in "虾饺"); a space or punctuation still breaks the sequence.
/// - **Empty text names nothing**: an allergy or item without a letter or digit never matches.
///
/// It matches words, not ingredients: "shellfish" does not name "prawn", nor "tree nuts" "walnut cake". An allergy
/// with a note in it ("peanuts (severe)") is a phrase of two words and is named only where both stand in a row.
pub fn allergens_in<'a>(items: &'a [String], allergies: &'a [String]) -> Vec<AllergenHit<'a>> {
    // Each allergy is split once, not once per item.
    let wanted: Vec<(&str, Vec<Word>)> = allergies.iter().map(|allergy| (allergy.as_str(), words(allergy))).collect();
    let mut hits = Vec::new();
    for item in items {
        let item_words = words(item);
        for (allergy, allergy_words) in &wanted {
            if holds_phrase(&item_words, allergy_words) {
                hits.push(AllergenHit { item, allergy });
            }
        }
    }
    hits
}

/// Whether `item` names `allergy`, by the rule of [`allergens_in`]: for checking one item as it is typed.
pub fn names_allergy(item: &str, allergy: &str) -> bool {
    holds_phrase(&words(item), &words(allergy))
}

/// One word of a text, folded.
#[derive(Debug)]
enum Word {
    /// A word of a script that puts spaces between words, with the forms it takes as singular or plural.
    Spaced(Vec<String>),
    /// A run of characters of a script that writes words without spaces between them.
    Unspaced(String),
}

/// Whether the words of `phrase` stand consecutively in `text`.
fn holds_phrase(text: &[Word], phrase: &[Word]) -> bool {
    let n = phrase.len();
    n > 0
        && n <= text.len()
        && text.windows(n).any(|window| {
            window
                .iter()
                .zip(phrase)
                .enumerate()
                .all(|(i, (got, wanted))| word_matches(got, wanted, i == 0, i == n - 1))
        })
}

/// Whether the word `got` of an item stands for the word `wanted` of an allergy, the allergy's `first` and `last`
/// word included: a run without spaces may carry more characters before the allergy's first word and after its
/// last, as "花生" stands in "烤花生酱", but the words between must be whole.
fn word_matches(got: &Word, wanted: &Word, first: bool, last: bool) -> bool {
    match (got, wanted) {
        (Word::Spaced(got), Word::Spaced(wanted)) => got.iter().any(|form| wanted.contains(form)),
        (Word::Unspaced(got), Word::Unspaced(wanted)) => match (first, last) {
            (true, true) => got.contains(wanted.as_str()),
            (true, false) => got.ends_with(wanted.as_str()),
            (false, true) => got.starts_with(wanted.as_str()),
            (false, false) => got == wanted,
        },
        _ => false,
    }
}

/// The words of `text`, folded. Letters, digits and marks make words; anything else separates them, and so does a
/// change between a spaced and an unspaced script ("花生butter" is "花生" and "butter").
fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut current_unspaced = false;
    let mut finish = |current: &mut String, unspaced: bool| {
        if current.is_empty() {
            return;
        }
        let word = std::mem::take(current);
        words.push(if unspaced { Word::Unspaced(word) } else { Word::Spaced(forms(word)) });
    };
    for c in fold(text).chars() {
        let mark = is_combining_mark(c);
        if !(c.is_alphanumeric() || mark) {
            finish(&mut current, current_unspaced);
            continue;
        }
        // A mark belongs to the letter before it, whatever block it comes from.
        let unspaced = if mark && !current.is_empty() { current_unspaced } else { is_unspaced(c) };
        if unspaced != current_unspaced {
            finish(&mut current, current_unspaced);
        }
        current_unspaced = unspaced;
        current.push(c);
    }
    finish(&mut current, current_unspaced);
    words
}

/// The forms a word takes singular or plural, by the simple English rules, ending with the word itself: "berries"
/// → berry, "tomatoes" → tomato, "peaches" → peach, "eggs" → egg. Two words match when they share a form, so the
/// rule works both ways ("egg" matches "eggs" and "eggs" matches "egg"). Words ending in "ss", "us" and "is"
/// ("swiss", "hummus", "asparagus") are not plurals; words of three letters are left alone ("gas").
fn forms(word: String) -> Vec<String> {
    let mut forms = Vec::with_capacity(4);
    let letters = word.chars().count();
    if let Some(stem) = word.strip_suffix("ies")
        && letters > 4
    {
        forms.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es")
        && ["s", "x", "z", "ch", "sh", "o"].iter().any(|end| stem.ends_with(end))
    {
        forms.push(stem.to_owned());
    }
    if let Some(stem) = word.strip_suffix('s')
        && letters >= 4
        && !["s", "u", "i"].iter().any(|end| stem.ends_with(end))
    {
        forms.push(stem.to_owned());
    }
    forms.push(word);
    forms
}

/// Lower case, compatibility forms folded ("Ｅ" → "e", "ﬁ" → "fi") and accents dropped from Latin, Greek and
/// Cyrillic letters ("é" → "e"), as staff type them on a plain keyboard; the rest is composed again. Unlike the
/// search keys' fold, marks on other scripts stay: ご is not こ (ごま, sesame, must not match こまつな, a leafy
/// green), and a Hindi vowel sign makes another word.
fn fold(text: &str) -> String {
    // Everything below U+0530 is Latin, IPA, Greek or Cyrillic: the letters whose accents staff leave out.
    let mut after_accented_script = false;
    text.to_lowercase()
        .nfkd()
        .filter(|&c| {
            if is_combining_mark(c) {
                return !after_accented_script;
            }
            after_accented_script = u32::from(c) < 0x0530;
            true
        })
        .nfc()
        .collect()
}

/// Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar), and Hangul, whose
/// compounds and particles join the word: in them an allergy is found as a sequence of characters.
fn is_unspaced(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
            | 0x1000..=0x109F // Myanmar
            | 0x1100..=0x11FF // Hangul jamo
            | 0x1780..=0x17FF // Khmer
            | 0x2E80..=0x2FDF // CJK and Kangxi radicals
            | 0x3005..=0x3007 // 々 〆 〇
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x3130..=0x318F // Hangul compatibility jamo
            | 0x31F0..=0x31FF // Katakana phonetic extensions
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xA960..=0xA97F // Hangul jamo extended A
            | 0xAC00..=0xD7FF // Hangul syllables, jamo extended B
            | 0xF900..=0xFAFF // CJK compatibility ideographs
            | 0x20000..=0x3FFFF // CJK extensions B and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(item: &str, allergy: &str) -> bool {
        names_allergy(item, allergy)
    }

    #[test]
    fn case_accents_and_widths_fold() {
        assert!(names("Scrambled EGGS", "eggs"));
        assert!(names("Crème brûlée", "creme"));
        assert!(names("creme brulee", "Crème"));
        assert!(names("sesame bagel", "Sésame"));
        assert!(names("ＥＧＧ ｔｏａｓｔ", "egg"));
        assert!(names("Café AU LAIT", "cafe au lait"));
        assert!(names("Γάλα καρύδας", "γαλα"));
        assert!(names("ｺﾞﾏ ドレッシング", "ゴマ"), "half-width kana fold, their voiced mark kept");
    }

    #[test]
    fn white_space_and_punctuation_separate_words() {
        for item in ["scrambled eggs", "eggs benedict", "Egg-fried rice", "toast/egg", "egg, bacon & beans", "(egg)"] {
            assert!(names(item, "egg"), "{item}");
            assert!(names(item, "eggs"), "{item}");
        }
        assert!(names("high-calcium milk", "milk"));
    }

    #[test]
    fn simple_plurals_fold_both_ways() {
        assert!(names("poached eggs", "egg"));
        assert!(names("egg", "eggs"));
        assert!(names("peanut butter toast", "peanuts"));
        assert!(names("salted peanuts", "peanut"));
        assert!(names("mixed berries", "berry"));
        assert!(names("berry smoothie", "berries"));
        assert!(names("grilled tomatoes", "tomato"));
        assert!(names("tomato soup", "tomatoes"));
        assert!(names("peach melba", "peaches"));
        assert!(names("chocolate chip cookie", "cookies"));
        assert!(names("steamed mussels", "mussel"));
        assert!(names("pine nuts", "nut"));
    }

    #[test]
    fn plural_folding_does_not_reach_further() {
        assert!(!names("hummus", "hummu"));
        assert!(!names("swiss roll", "swis"));
        assert!(!names("gas", "ga"));
        assert!(!names("glutinous rice", "glutinou"));
    }

    #[test]
    fn a_word_is_never_part_of_another() {
        assert!(!names("glutinous rice", "gluten"));
        assert!(!names("nutmeg latte", "nut"));
        assert!(!names("coconut water", "nut"));
        assert!(!names("hazelnut latte", "nuts"));
        assert!(!names("grilled eggplant", "egg"));
        assert!(!names("milkshake", "milk"));
        assert!(!names("buttermilk pancakes", "milk"));
        assert!(!names("peanuts", "nuts"));
    }

    #[test]
    fn a_phrase_needs_its_words_in_a_row() {
        assert!(names("dark soy sauce", "soy sauce"));
        assert!(names("Tree-nuts praline", "tree nuts"));
        assert!(names("tree nut mix", "tree nuts"));
        assert!(!names("soy milk with sauce", "soy sauce"));
        assert!(!names("sauce soy", "soy sauce"));
        assert!(!names("mixed nuts", "tree nuts"));
        assert!(!names("soy", "soy sauce"));
    }

    #[test]
    fn cjk_allergies_match_a_character_sequence_anywhere() {
        assert!(names("花生酱", "花生"));
        assert!(names("烤花生酱吐司", "花生"));
        assert!(names("鸡蛋饼", "鸡蛋"));
        assert!(names("虾饺", "虾"));
        assert!(names("大虾炒饭", "虾"));
        assert!(names("花生butter toast", "花生"));
        assert!(names("peanut花生", "peanut"));
        assert!(names("ピーナッツバター", "ピーナッツ"));
        assert!(names("땅콩버터", "땅콩"));
        assert!(!names("鸡肉饭", "鸡蛋"));
        assert!(!names("花卷 生菜", "花生"));
        assert!(!names("豆浆", "花生"));
        // The voiced mark stays: ごま (sesame) is not こま.
        assert!(!names("こまつな", "ごま"));
        assert!(names("ごまだれ", "ごま"));
        assert!(!names("花生酱", "peanut"), "words, not translations");
    }

    #[test]
    fn empty_text_names_nothing() {
        for (item, allergy) in [("", "egg"), ("egg", ""), ("egg", "   "), ("egg", " - "), ("", ""), ("!!", "!!")] {
            assert!(!names(item, allergy), "{item:?} {allergy:?}");
        }
        assert_eq!(allergens_in(&[], &["egg".to_owned()]), []);
        assert_eq!(allergens_in(&["egg".to_owned()], &[]), []);
    }

    #[test]
    fn words_not_ingredients() {
        assert!(!names("garlic prawns", "shellfish"));
        assert!(!names("latte", "lactose"));
        assert!(!names("walnut cake", "tree nuts"));
    }

    #[test]
    fn common_menu_items_raise_no_false_alarm() {
        let items: Vec<String> = [
            "coffee",
            "flat white",
            "cappuccino",
            "oat latte",
            "green tea",
            "orange juice",
            "croissant",
            "toast",
            "porridge",
            "fruit plate",
            "avocado toast",
            "pancakes",
            "soup of the day",
            "fish and chips",
            "steak",
            "risotto",
            "congee",
            "豆浆",
            "油条",
            "白粥",
            "牛肉面",
            "eggplant parmigiana",
            "milkshake",
            "coconut curry",
            "nutmeg latte",
            "glutinous rice",
            "soy milk",
        ]
        .map(str::to_owned)
        .to_vec();
        let allergies: Vec<String> =
            ["eggs", "milk", "nut", "gluten", "shellfish", "花生", "soy sauce"].map(str::to_owned).to_vec();
        let hits = allergens_in(&items, &allergies);
        let pairs: Vec<(&str, &str)> = hits.iter().map(|hit| (hit.item, hit.allergy)).collect();
        assert_eq!(pairs, [("soy milk", "milk")]);
    }

    #[test]
    fn hits_follow_the_items_then_the_allergies() {
        let items: Vec<String> =
            ["coffee", "Peanut & sesame noodles", "scrambled eggs", "sesame bagel"].map(str::to_owned).to_vec();
        let allergies: Vec<String> = ["sesame", "eggs", "peanuts"].map(str::to_owned).to_vec();
        let hits = allergens_in(&items, &allergies);
        let pairs: Vec<(&str, &str)> = hits.iter().map(|hit| (hit.item, hit.allergy)).collect();
        assert_eq!(
            pairs,
            [
                ("Peanut & sesame noodles", "sesame"),
                ("Peanut & sesame noodles", "peanuts"),
                ("scrambled eggs", "eggs"),
                ("sesame bagel", "sesame"),
            ]
        );
    }
}
