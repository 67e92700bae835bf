//! The other spellings a Chinese name reaches the desk in, each derived from its characters, none typed in by hand:
//! the surname read as a surname (曾 Zeng, 单 Shan, 尉迟 Yuchi) with the common reading kept as another spelling,
//! Wade-Giles as on Taiwan passports ("Chang Hsiao-ming"), Hong Kong's Cantonese romanisation ("Chan Tai Man", from
//! Unihan's Jyutping readings), and the Hokkien, Teochew, Hakka and Cantonese surnames of Singapore, Malaysia and
//! Thailand before a pinyin given name ("Tan Wei Ming"). Spellings are lower-case words, one per syllable, with no
//! hyphens, apostrophes or umlauts: typed with or without them, they match.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;

/// Which spelling of a name matched, as the result list says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spelling {
    /// The characters read otherwise: the common reading of a surname read as a surname.
    Reading,
    WadeGiles,
    Cantonese,
    /// A dialect surname before the pinyin given name.
    Dialect,
    /// A name the guest also goes by, kept with the guest.
    OtherName,
}

impl Spelling {
    /// The letter a spelling is stored under (see `stored`).
    fn code(self) -> char {
        match self {
            Spelling::Reading => 'r',
            Spelling::WadeGiles => 'w',
            Spelling::Cantonese => 'c',
            Spelling::Dialect => 'd',
            Spelling::OtherName => 'o',
        }
    }

    fn from_code(code: char) -> Option<Self> {
        Some(match code {
            'r' => Spelling::Reading,
            'w' => Spelling::WadeGiles,
            'c' => Spelling::Cantonese,
            'd' => Spelling::Dialect,
            'o' => Spelling::OtherName,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Spelling::Reading => "another reading",
            Spelling::WadeGiles => "Wade-Giles",
            Spelling::Cantonese => "Cantonese",
            Spelling::Dialect => "dialect surname",
            Spelling::OtherName => "other name",
        }
    }
}

/// Surnames read otherwise than their characters' common reading (the polyphonic surnames of the 百家姓), and the
/// compound surnames, with their readings as surnames.
pub(super) const SURNAMES: &[(&str, &[&str])] = &[
    ("曾", &["zeng"]),
    ("单", &["shan"]),
    ("解", &["xie"]),
    ("仇", &["qiu"]),
    ("覃", &["qin"]),
    ("查", &["zha"]),
    ("翟", &["zhai"]),
    ("朴", &["piao"]),
    ("区", &["ou"]),
    ("缪", &["miao"]),
    ("盖", &["ge"]),
    ("乐", &["yue"]),
    ("尉", &["wei"]),
    ("召", &["shao"]),
    ("宓", &["mi"]),
    ("种", &["chong"]),
    ("秘", &["bi"]),
    ("折", &["she"]),
    ("黑", &["he"]),
    ("繁", &["po"]),
    ("员", &["yun"]),
    ("祭", &["zhai"]),
    ("句", &["gou"]),
    ("长", &["chang"]),
    ("重", &["chong"]),
    ("能", &["nai"]),
    ("藏", &["zang"]),
    ("沈", &["shen"]),
    ("柏", &["bai"]),
    ("贲", &["ben"]),
    ("隗", &["wei"]),
    ("阚", &["kan"]),
    ("便", &["pian"]),
    ("都", &["du"]),
    ("适", &["kuo"]),
    ("尉迟", &["yu", "chi"]),
    ("万俟", &["mo", "qi"]),
    ("单于", &["chan", "yu"]),
    ("长孙", &["zhang", "sun"]),
    ("澹台", &["tan", "tai"]),
    ("乐正", &["yue", "zheng"]),
    ("欧阳", &["ou", "yang"]),
    ("司马", &["si", "ma"]),
    ("诸葛", &["zhu", "ge"]),
    ("上官", &["shang", "guan"]),
    ("令狐", &["ling", "hu"]),
    ("皇甫", &["huang", "fu"]),
    ("东方", &["dong", "fang"]),
    ("公孙", &["gong", "sun"]),
    ("慕容", &["mu", "rong"]),
    ("宇文", &["yu", "wen"]),
    ("夏侯", &["xia", "hou"]),
    ("司徒", &["si", "tu"]),
    ("端木", &["duan", "mu"]),
    ("轩辕", &["xuan", "yuan"]),
    ("呼延", &["hu", "yan"]),
    ("淳于", &["chun", "yu"]),
    ("钟离", &["zhong", "li"]),
];

/// Surnames as Singapore, Malaysia and Thailand spell them after Hokkien, Teochew, Hakka or Cantonese (and the
/// Hong Kong spellings most used there), by the Simplified surname.
const DIALECT_SURNAMES: &[(&str, &[&str])] = &[
    ("陈", &["tan", "chan", "chin"]),
    ("林", &["lim", "lam"]),
    ("黄", &["ng", "wong", "ooi", "wee"]),
    ("吴", &["goh", "ng"]),
    ("王", &["ong", "heng", "wong"]),
    ("张", &["teo", "chong", "cheong"]),
    ("李", &["lee"]),
    ("刘", &["lau", "low", "liew"]),
    ("杨", &["yeo", "yeoh", "yong"]),
    ("郑", &["tay", "teh", "cheng"]),
    ("蔡", &["chua", "choy", "chai"]),
    ("许", &["koh", "khor", "hui"]),
    ("高", &["koh", "kho"]),
    ("郭", &["quek", "kwek", "kok"]),
    ("邱", &["khoo", "khew"]),
    ("丘", &["khoo"]),
    ("何", &["ho", "hoe"]),
    ("谢", &["chia", "seah", "tse"]),
    ("洪", &["ang", "hung"]),
    ("翁", &["ang", "ung"]),
    ("周", &["chew", "chiew", "chow"]),
    ("朱", &["choo", "chu"]),
    ("徐", &["chee", "ser", "tsui"]),
    ("曾", &["chan", "tsang"]),
    ("罗", &["law", "loh"]),
    ("梁", &["leong", "neo"]),
    ("胡", &["oh", "woo"]),
    ("萧", &["seow", "siew"]),
    ("苏", &["soh"]),
    ("卢", &["loo", "loh"]),
    ("马", &["beh"]),
    ("孙", &["sng", "soon"]),
    ("颜", &["gan", "ngan"]),
    ("庄", &["chng", "chong"]),
    ("方", &["png", "fong"]),
    ("汤", &["tng", "thong"]),
    ("钟", &["chung"]),
    ("彭", &["peh", "phang"]),
    ("傅", &["poh", "foo"]),
    ("潘", &["phua", "poon"]),
    ("戴", &["tay", "tai"]),
    ("叶", &["yap", "yeap", "yip"]),
    ("魏", &["gui", "ngui"]),
    ("沈", &["sim", "shum"]),
    ("姚", &["yew"]),
    ("江", &["kang", "kong"]),
    ("廖", &["leow", "liew"]),
    ("温", &["woon"]),
    ("欧", &["au", "ow"]),
    ("赖", &["lai", "nai"]),
    ("余", &["ee", "yee"]),
    ("杜", &["toh", "too"]),
    ("侯", &["kow", "hau"]),
    ("邓", &["teng", "tang"]),
    ("卓", &["toh"]),
    ("柯", &["kua"]),
    ("詹", &["chiam"]),
    ("石", &["chioh"]),
];

/// The surname of a Chinese name (one character, or two for a compound surname of the table) read as a surname:
/// how many characters it takes, and a reading for each.
pub fn surname(name: &str) -> Option<(usize, &'static [&'static str])> {
    let mut chars = name.chars().map(super::key::simplified);
    let first = chars.next()?;
    let second = chars.next();
    let mut found = None;
    for (surname, readings) in SURNAMES {
        let mut own = surname.chars();
        match (own.next(), own.next()) {
            (Some(a), Some(b)) if a == first && Some(b) == second => return Some((2, readings)),
            (Some(a), None) if a == first => found = Some((1, *readings)),
            _ => {}
        }
    }
    found
}

/// The spellings of `name` other than its pinyin as the key has it, each with what it is: for a name written
/// wholly in Chinese characters, two to four of them.
pub fn derived(name: &str) -> Vec<(Spelling, String)> {
    let chars: Vec<char> = name.trim().chars().map(super::key::simplified).collect();
    if !(2..=4).contains(&chars.len()) || chars.iter().any(|c| c.to_pinyin().is_none()) {
        return Vec::new();
    }
    let common: Vec<&str> = chars.iter().filter_map(|c| c.to_pinyin().map(|p| p.plain())).collect();
    let (taken, readings) = surname(name).unwrap_or((1, &[]));
    let mut read: Vec<String> = common.iter().map(|s| s.replace('ü', "u")).collect();
    for (i, reading) in readings.iter().enumerate() {
        read[i] = (*reading).to_owned();
    }
    let given = &read[taken..];
    let mut spellings = Vec::new();
    let common_words: Vec<String> = common.iter().map(|s| s.replace('ü', "u")).collect();
    if common_words != read {
        spellings.push((Spelling::Reading, common_words.join(" ")));
    }
    spellings.push((Spelling::WadeGiles, read.iter().map(|s| wade_giles(s)).collect::<Vec<_>>().join(" ")));
    if let Some(cantonese) = chars.iter().map(|&c| cantonese(c)).collect::<Option<Vec<String>>>() {
        spellings.push((Spelling::Cantonese, cantonese.join(" ")));
    }
    let surname: String = chars[..taken].iter().collect();
    if let Some((_, dialect)) = DIALECT_SURNAMES.iter().find(|(s, _)| *s == surname) {
        for spelled in *dialect {
            spellings.push((Spelling::Dialect, format!("{spelled} {}", given.join(" "))));
        }
    }
    // A character of the given name read more than one way (乐 le or yue, 行 xing or hang): its next most used
    // reading in its turn, then all of them at once, so that the name is found however it was said.
    let mut all = read.clone();
    for (i, c) in chars.iter().enumerate().skip(taken) {
        if let Some(other) = common_readings(*c).iter().find(|other| **other != read[i]) {
            let mut one = read.clone();
            one[i] = (*other).to_owned();
            spellings.push((Spelling::Reading, one.join(" ")));
            all[i] = (*other).to_owned();
        }
    }
    spellings.push((Spelling::Reading, all.join(" ")));
    let pinyin = read.join(" ");
    let mut seen = vec![pinyin];
    spellings.retain(|(_, spelled)| {
        let new = !seen.contains(spelled);
        seen.push(spelled.clone());
        new
    });
    spellings
}

/// The common readings of a character read more than one way, most used first (from Unihan's kHanyuPinlu, see
/// the README); none for a character read one way.
fn common_readings(c: char) -> &'static [&'static str] {
    static TABLE: OnceLock<HashMap<char, Vec<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("../../assets/chinese/readings.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (c, readings) = line.split_once('\t')?;
                Some((c.chars().next()?, readings.split(' ').collect()))
            })
            .collect()
    });
    table.get(&c).map_or(&[], Vec::as_slice)
}

/// An other name as its spelling is matched: folded, lower-case, in Latin letters (a name in characters by its
/// pinyin; one in a script with no Latin reading is found by its characters only as the name is).
pub fn other_name_key(name: &str) -> String {
    let key = super::key::search_key(name);
    let latin: String = if key.is_ascii() { key } else { key.chars().filter(char::is_ascii).collect() };
    latin.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Spellings as the book stores them with a guest: a line each, its kind's letter, a tab, the spelling.
pub fn stored(spellings: &[(Spelling, String)]) -> String {
    spellings.iter().map(|(kind, spelled)| format!("{}\t{spelled}\n", kind.code())).collect()
}

/// The spellings stored with a guest, as `stored` wrote them; lines it did not write are passed over.
pub fn read_stored(text: &str) -> impl Iterator<Item = (Spelling, &str)> {
    text.lines().filter_map(|line| {
        let (code, spelled) = line.split_once('\t')?;
        let mut code = code.chars();
        let kind = Spelling::from_code(code.next()?)?;
        code.next().is_none().then_some((kind, spelled))
    })
}

/// A pinyin syllable (tone-less, "ü" as "u" or "ü") in Wade-Giles as passports write it, without the apostrophes
/// and umlauts nobody types: "zhang" → "chang", "xiao" → "hsiao", "zi" → "tzu", "guo" → "kuo".
pub fn wade_giles(syllable: &str) -> String {
    let s = syllable.replace('ü', "v");
    let whole = match s.as_str() {
        "zi" => Some("tzu"),
        "ci" => Some("tzu"),
        "si" => Some("ssu"),
        "zhi" => Some("chih"),
        "chi" => Some("chih"),
        "shi" => Some("shih"),
        "ri" => Some("jih"),
        "er" => Some("erh"),
        "yi" => Some("i"),
        "you" => Some("yu"),
        "yan" => Some("yen"),
        "ye" => Some("yeh"),
        "yong" => Some("yung"),
        "yu" | "yv" => Some("yu"),
        "yue" | "yve" => Some("yueh"),
        "yuan" | "yvan" => Some("yuan"),
        "yun" | "yvn" => Some("yun"),
        "e" => Some("o"),
        _ => None,
    };
    if let Some(whole) = whole {
        return whole.to_owned();
    }
    let (initial, rest) = [
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s",
        "w", "y",
    ]
    .iter()
    .find_map(|i| s.strip_prefix(i).map(|rest| (*i, rest)))
    .unwrap_or(("", s.as_str()));
    // After j, q and x a "u" is "ü".
    let palatal = matches!(initial, "j" | "q" | "x");
    let rest = if palatal && rest.starts_with('u') { format!("v{}", &rest[1..]) } else { rest.to_owned() };
    let initial = match initial {
        "b" => "p",
        "d" => "t",
        "g" => "k",
        "z" => "ts",
        "c" => "ts",
        "zh" | "ch" | "j" | "q" => "ch",
        "x" => "hs",
        "r" => "j",
        other => other,
    };
    let rest = match rest.as_str() {
        "e" if matches!(initial, "k" | "h") => "o".to_owned(),
        "ie" => "ieh".to_owned(),
        "ve" | "ue" => "ueh".to_owned(),
        "ian" => "ien".to_owned(),
        "ong" => "ung".to_owned(),
        "iong" => "iung".to_owned(),
        "uo" if !matches!(initial, "k" | "h" | "sh") => "o".to_owned(),
        other => other.to_owned(),
    };
    format!("{initial}{}", rest.replace('v', "u"))
}

/// A character's Cantonese reading in Hong Kong's Government romanisation (the spelling of Hong Kong identity
/// cards), from its first Jyutping reading in Unihan: 陈 can4 → "chan", 大 daai6 → "tai", 华 waa4 → "wah".
pub fn cantonese(c: char) -> Option<String> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("../../assets/chinese/cantonese.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (c, reading) = line.split_once('\t')?;
                Some((c.chars().next()?, reading))
            })
            .collect()
    });
    let jyutping = table.get(&c)?.trim_end_matches(|c: char| c.is_ascii_digit());
    Some(hong_kong(jyutping))
}

/// A Jyutping syllable (no tone) as Hong Kong's Government romanisation writes it.
fn hong_kong(jyutping: &str) -> String {
    let (initial, rest) =
        ["gw", "kw", "ng", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "z", "c", "s", "j", "w"]
            .iter()
            .find_map(|i| jyutping.strip_prefix(i).map(|rest| (*i, rest)))
            .unwrap_or(("", jyutping));
    let initial = match initial {
        "b" => "p",
        "d" => "t",
        "g" => "k",
        "gw" => "kw",
        "z" | "c" => "ch",
        "j" => "y",
        other => other,
    };
    let rest = match rest {
        "i" if initial == "s" => "ze".to_owned(),
        "aa" if initial == "w" => "ah".to_owned(),
        "ou" => "o".to_owned(),
        "eoi" => "ui".to_owned(),
        "yu" => "u".to_owned(),
        "yun" => "uen".to_owned(),
        "yut" => "uet".to_owned(),
        "un" if initial == "p" || initial == "m" => "oon".to_owned(),
        other => other.replace("eon", "un").replace("eot", "ut").replace("oe", "eu").replace("aa", "a"),
    };
    format!("{initial}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(name: &str, kind: Spelling) -> Vec<String> {
        derived(name).into_iter().filter(|(k, _)| *k == kind).map(|(_, s)| s).collect()
    }

    #[test]
    fn surnames_are_read_as_surnames() {
        assert_eq!(surname("曾伟"), Some((1, &["zeng"][..])));
        assert_eq!(surname("尉迟恭"), Some((2, &["yu", "chi"][..])));
        assert_eq!(surname("單于"), Some((2, &["chan", "yu"][..])), "in either script");
        assert_eq!(surname("王伟"), None);
        assert_eq!(spelled("单伟", Spelling::Reading), ["dan wei"], "the common reading kept as another spelling");
    }

    #[test]
    fn a_given_name_read_more_than_one_way_is_spelled_each_way() {
        assert_eq!(spelled("王乐", Spelling::Reading), ["wang yue"]);
        assert_eq!(spelled("李行乐", Spelling::Reading), ["li hang le", "li xing yue", "li hang yue"]);
        // The surname read as a surname (yue), its common reading kept; the given name read either way.
        assert_eq!(spelled("乐乐", Spelling::Reading), ["le le", "yue yue"]);
        assert!(spelled("王明", Spelling::Reading).is_empty());
    }

    #[test]
    fn wade_giles_as_on_taiwan_passports() {
        assert_eq!(spelled("張小明", Spelling::WadeGiles), ["chang hsiao ming"]);
        let cases = [
            ("zhang", "chang"),
            ("xiao", "hsiao"),
            ("zi", "tzu"),
            ("si", "ssu"),
            ("shi", "shih"),
            ("guo", "kuo"),
            ("duo", "to"),
            ("ge", "ko"),
            ("jian", "chien"),
            ("xue", "hsueh"),
            ("qu", "chu"),
            ("rong", "jung"),
            ("cai", "tsai"),
            ("li", "li"),
            ("yi", "i"),
            ("lian", "lien"),
            ("xiong", "hsiung"),
            ("zhe", "che"),
            ("huang", "huang"),
            ("liu", "liu"),
            ("er", "erh"),
            ("bei", "pei"),
            ("de", "te"),
        ];
        for (pinyin, wade_giles_spelling) in cases {
            assert_eq!(wade_giles(pinyin), wade_giles_spelling, "{pinyin}");
        }
    }

    #[test]
    fn cantonese_as_hong_kong_spells_it() {
        assert_eq!(spelled("陳大文", Spelling::Cantonese), ["chan tai man"]);
        assert_eq!(spelled("劉德華", Spelling::Cantonese), ["lau tak wah"]);
        for (c, spelling) in [('张', "cheung"), ('黄', "wong"), ('梁', "leung"), ('许', "hui"), ('潘', "poon")] {
            assert_eq!(cantonese(c).as_deref(), Some(spelling), "{c}");
        }
    }

    #[test]
    fn dialect_surnames_before_the_pinyin_given_name() {
        assert!(spelled("陈伟明", Spelling::Dialect).contains(&"tan wei ming".to_owned()));
        assert!(spelled("黄美玲", Spelling::Dialect).contains(&"ng mei ling".to_owned()));
        assert!(spelled("林俊杰", Spelling::Dialect).contains(&"lim jun jie".to_owned()));
    }

    #[test]
    fn spellings_are_stored_and_read_back() {
        let spellings = derived("陈伟明");
        let back: Vec<(Spelling, String)> = read_stored(&stored(&spellings)).map(|(k, s)| (k, s.to_owned())).collect();
        assert_eq!(back, spellings);
        assert!(derived("Jon Smith").is_empty() && derived("陈").is_empty());
    }
}
