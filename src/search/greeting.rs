//! A name said aloud: the greeting proposed for a new guest from the name and a title, and a Chinese greeting as
//! a desk that cannot read the characters says it ("于先生" → "Mr. Yu"). The surname is read as a surname (曾 is
//! Zeng, 欧阳 is Ouyang), from the same table search reads names by.

use pinyin::ToPinyin;

/// How a guest is addressed, as a booking or the person at the desk gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    Mr,
    Ms,
    Mrs,
    Miss,
    Dr,
}

/// Each title as English writes it before a surname and as Chinese writes it after one; then the other ways it is
/// typed (Simplified and Traditional write all of these the same).
const TITLES: [(Title, &str, &str, &[&str]); 5] = [
    (Title::Mr, "Mr.", "先生", &["mr", "mister", "m"]),
    (Title::Ms, "Ms.", "女士", &["ms", "f"]),
    (Title::Mrs, "Mrs.", "太太", &["mrs", "夫人"]),
    (Title::Miss, "Miss", "小姐", &["miss"]),
    (Title::Dr, "Dr.", "博士", &["dr", "doctor", "医生", "醫生"]),
];

impl Title {
    /// The title `text` names ("Mr", "mr.", "先生", "Ms", "女士"), if it is one of the table's.
    pub fn parse(text: &str) -> Option<Self> {
        let typed = text.trim().trim_end_matches('.').to_lowercase();
        TITLES.iter().find_map(|(title, english, chinese, others)| {
            let named = typed == english.trim_end_matches('.').to_lowercase()
                || typed == *chinese
                || others.contains(&typed.as_str());
            named.then_some(*title)
        })
    }

    fn english(self) -> &'static str {
        TITLES.iter().find(|(title, ..)| *title == self).map_or("", |(_, english, ..)| english)
    }

    fn chinese(self) -> &'static str {
        TITLES.iter().find(|(title, ..)| *title == self).map_or("", |(_, _, chinese, _)| chinese)
    }
}

/// The greeting to propose for a guest named `name`, given how they are addressed (`title`), if there is one to
/// propose: a Chinese name's surname with the title after it ("于先生", "欧阳女士"); a Latin name's title and surname
/// ("Mr. Smith"; "Smith, John" is a Smith too); a Thai name "คุณ" and the given name, as Thai addresses everyone,
/// title or not. Without a title nothing is proposed for the others: a desk does not guess who is Mr. and who Ms.
pub fn suggest(name: &str, title: Option<Title>) -> Option<String> {
    let name = name.trim();
    if name.chars().any(is_thai) {
        return name.split_whitespace().next().map(|given| format!("คุณ{given}"));
    }
    let title = title?;
    let surname = if name.chars().next().is_some_and(is_han) {
        chinese_surname(name)?
    } else {
        match name.split_once(',') {
            Some((family, _)) => family.trim().to_owned(),
            None => name.split_whitespace().last()?.to_owned(),
        }
    };
    Some(titled(title, &surname))
}

/// A title with a surname, in the surname's own order: "于先生", "Mr. Smith".
pub fn titled(title: Title, surname: &str) -> String {
    let surname = surname.trim();
    match surname.chars().next().is_some_and(is_han) {
        true => format!("{surname}{}", title.chinese()),
        false => format!("{} {surname}", title.english()),
    }
}

/// A greeting written as a Chinese surname and title, said in English: "于先生" → "Mr. Yu", "欧阳女士" →
/// "Ms. Ouyang", "曾先生" → "Mr. Zeng"; a title alone is said alone ("先生" → "Mr."). None for any other greeting:
/// one already in Latin letters needs nothing, and a given name is not romanised by guesswork.
pub fn romanised(greeting: &str) -> Option<String> {
    let greeting = greeting.trim();
    TITLES.iter().find_map(|(_, english, chinese, others)| {
        let mut words = std::iter::once(*chinese).chain(others.iter().copied().filter(|w| w.chars().all(is_han)));
        let surname = words.find_map(|word| greeting.strip_suffix(word))?;
        if surname.is_empty() {
            return Some((*english).to_owned());
        }
        let read = surname_reading(surname)?;
        Some(format!("{english} {read}"))
    })
}

/// The surname of a Chinese name: two characters for a compound surname of the table (欧阳, 司马, 诸葛, 上官),
/// else one.
fn chinese_surname(name: &str) -> Option<String> {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let taken = super::spell::surname(&name).map_or(1, |(taken, _)| taken);
    let surname: String = name.chars().take(taken).collect();
    (!surname.is_empty()).then_some(surname)
}

/// "于" → "Yu", "欧阳" → "Ouyang", "曾" → "Zeng": a surname of one or two characters read as a surname, as one word.
fn surname_reading(surname: &str) -> Option<String> {
    let count = surname.chars().count();
    if !(1..=2).contains(&count) || !surname.chars().all(is_han) {
        return None;
    }
    let readings = super::spell::surname(surname).filter(|(taken, _)| *taken == count).map(|(_, readings)| readings);
    let syllables: Option<Vec<String>> = surname
        .chars()
        .enumerate()
        .map(|(i, c)| match readings.and_then(|r| r.get(i)) {
            Some(reading) => Some((*reading).to_owned()),
            None => super::key::simplified(c).to_pinyin().map(|p| p.plain().replace('ü', "u")),
        })
        .collect();
    let word = syllables?.concat();
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect())
}

/// Whether `c` is a Chinese character (the unified ideographs, extension A and B, and the compatibility ones).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2a6df}' | '\u{f900}'..='\u{faff}')
}

fn is_thai(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0e7f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_surname_takes_the_title_after_it() {
        assert_eq!(suggest("于文华", Some(Title::Mr)).as_deref(), Some("于先生"));
        assert_eq!(suggest("王建华", Title::parse("女士")).as_deref(), Some("王女士"));
        assert_eq!(suggest("黃美玲", Title::parse("Miss")).as_deref(), Some("黃小姐"));
        assert_eq!(suggest("于文华", None), None, "without a title nobody is guessed a Mr. or a Ms.");
    }

    #[test]
    fn compound_surnames_are_kept_whole() {
        for (name, greeting) in [
            ("欧阳修", "欧阳先生"),
            ("司马光", "司马先生"),
            ("诸葛亮", "诸葛先生"),
            ("上官婉儿", "上官先生"),
            ("歐陽娜娜", "歐陽先生"),
        ] {
            assert_eq!(suggest(name, Some(Title::Mr)).as_deref(), Some(greeting), "{name}");
        }
        assert_eq!(suggest("上官婉儿", Some(Title::Ms)).as_deref(), Some("上官女士"));
        // A name that starts with a compound surname's first character alone is not taken for it.
        assert_eq!(suggest("欧文", Some(Title::Mr)).as_deref(), Some("欧先生"));
    }

    #[test]
    fn a_latin_name_takes_the_title_before_its_surname() {
        assert_eq!(suggest("John Smith", Title::parse("mr")).as_deref(), Some("Mr. Smith"));
        assert_eq!(suggest("Smith, Jane", Title::parse("Ms.")).as_deref(), Some("Ms. Smith"));
        assert_eq!(suggest("Ana María García", Title::parse("Dr")).as_deref(), Some("Dr. García"));
        assert_eq!(suggest("Madonna", Title::parse("先生")).as_deref(), Some("Mr. Madonna"));
        assert_eq!(suggest("  ", Some(Title::Mr)), None);
        assert_eq!(Title::parse("Sir"), None);
    }

    #[test]
    fn a_thai_name_is_addressed_by_khun_and_the_given_name() {
        assert_eq!(suggest("สมชาย ใจดี", None).as_deref(), Some("คุณสมชาย"));
        assert_eq!(suggest("สมหญิง", Some(Title::Ms)).as_deref(), Some("คุณสมหญิง"));
    }

    #[test]
    fn a_chinese_greeting_is_said_in_english() {
        assert_eq!(romanised("于先生").as_deref(), Some("Mr. Yu"));
        assert_eq!(romanised("王女士").as_deref(), Some("Ms. Wang"));
        assert_eq!(romanised("欧阳太太").as_deref(), Some("Mrs. Ouyang"));
        assert_eq!(romanised("歐陽夫人").as_deref(), Some("Mrs. Ouyang"));
        assert_eq!(romanised("曾先生").as_deref(), Some("Mr. Zeng"), "曾 is read as a surname");
        assert_eq!(romanised("吕小姐").as_deref(), Some("Miss Lu"));
        assert_eq!(romanised("先生").as_deref(), Some("Mr."));
        assert_eq!(romanised("Mr. Smith"), None);
        assert_eq!(romanised("老王"), None);
    }
}
