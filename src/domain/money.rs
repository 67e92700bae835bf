//! Money as the desk writes it: the house's currency and the local way of writing numbers, for showing costs and
//! for reading the cost someone typed ("1,200", "฿1,200.50", "1 200,50").

use super::text::quoted;
/// How numbers are written: which character groups thousands and which marks the decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NumberStyle {
    /// "1,200.50", as in English, Thai, Chinese, Japanese.
    #[default]
    DecimalPoint,
    /// "1.200,50", as in German, French, Spanish, Italian, Portuguese, Russian, Dutch, Indonesian, Vietnamese,
    /// Turkish and most of Europe.
    DecimalComma,
}

/// Languages that write a decimal comma (ISO 639-1 codes, as a locale name starts).
const DECIMAL_COMMA_LANGUAGES: [&str; 43] = [
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo", "fr", "gl", "hr", "hu",
    "id", "is", "it", "ka", "kk", "lt", "lv", "mk", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq",
    "sr", "sv", "tr", "uk", "vi",
];

/// Places that write a decimal point although their language elsewhere writes a comma: German and Italian in
/// Switzerland and Liechtenstein, Spanish in Mexico, the United States, Central America and the Caribbean.
const DECIMAL_POINT_PLACES: [&str; 12] =
    ["de_CH", "de_LI", "it_CH", "es_MX", "es_US", "es_PR", "es_DO", "es_GT", "es_HN", "es_NI", "es_PA", "es_SV"];

impl NumberStyle {
    /// The style of a locale name as `LC_ALL`, `LC_NUMERIC` or `LANG` hold it: "de_DE.UTF-8" writes a decimal
    /// comma; "en_US.UTF-8", "th_TH.UTF-8", "zh_CN.UTF-8", "C", "POSIX" and an empty or unknown name a decimal
    /// point.
    pub fn from_locale(locale: &str) -> Self {
        // "de_DE.UTF-8@euro": the part before the encoding and modifier is language and place.
        let name = locale.split(['.', '@']).next().unwrap_or_default().replace('-', "_");
        let language = name.split('_').next().unwrap_or_default().to_ascii_lowercase();
        let place = name.split('_').nth(1).map(str::to_ascii_uppercase).unwrap_or_default();
        if DECIMAL_COMMA_LANGUAGES.contains(&language.as_str())
            && !DECIMAL_POINT_PLACES.contains(&format!("{language}_{place}").as_str())
        {
            Self::DecimalComma
        } else {
            Self::DecimalPoint
        }
    }

    /// The character between the whole part and the decimals.
    pub fn decimal_mark(self) -> char {
        match self {
            Self::DecimalPoint => '.',
            Self::DecimalComma => ',',
        }
    }

    /// The character written between groups of thousands.
    pub fn thousands_separator(self) -> char {
        match self {
            Self::DecimalPoint => ',',
            Self::DecimalComma => '.',
        }
    }

    /// "1,200.50" or "1.200,50": an example for messages.
    fn example(self) -> &'static str {
        match self {
            Self::DecimalPoint => "1,200.50",
            Self::DecimalComma => "1.200,50",
        }
    }
}

/// The house's currency: a symbol goes before the number ("฿1,200.50"), a code after it ("1,200.50 THB").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Currency {
    Symbol(String),
    Code(String),
}

impl Currency {
    /// The currency a setting names: three letters are an ISO 4217 code (written in capitals), anything else a
    /// symbol. `None` for an empty setting.
    pub fn from_setting(setting: &str) -> Option<Self> {
        let setting = setting.trim();
        if setting.is_empty() {
            None
        } else if setting.len() == 3 && setting.chars().all(|c| c.is_ascii_alphabetic()) {
            Some(Self::Code(setting.to_ascii_uppercase()))
        } else {
            Some(Self::Symbol(setting.to_owned()))
        }
    }

    fn text(&self) -> &str {
        match self {
            Self::Symbol(text) | Self::Code(text) => text,
        }
    }
}

/// How the desk shows amounts: the currency, if one is set, and the number style. The default is no currency and
/// a decimal point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Money {
    pub currency: Option<Currency>,
    pub style: NumberStyle,
}

/// `value` with `decimals` decimals in `style`, thousands grouped: "1,200.5", "1.200,5". Never a negative zero:
/// what rounds to zero is written "0.00", whatever its sign.
pub fn format_number(value: f64, decimals: usize, style: NumberStyle) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let digits = format!("{:.decimals$}", value.abs());
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let negative = value < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut text = String::with_capacity(digits.len() + whole.len() / 3 + 1);
    if negative {
        text.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            text.push(style.thousands_separator());
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push(style.decimal_mark());
        text.push_str(fraction);
    }
    text
}

/// An amount as the desk shows it: two decimals, thousands grouped, with the currency — "฿1,200.50",
/// "1.200,50 EUR", "1,200.50" with none set. Never "-0.00".
pub fn format_amount(value: f64, money: &Money) -> String {
    let number = format_number(value, 2, money.style);
    match &money.currency {
        None => number,
        Some(Currency::Code(code)) => format!("{number} {code}"),
        Some(Currency::Symbol(symbol)) => match number.strip_prefix('-') {
            Some(magnitude) => format!("-{symbol}{magnitude}"),
            None => format!("{symbol}{number}"),
        },
    }
}

/// Reads an amount someone typed: "1200", "1,200", "1,200.50", "1 200" and, in the decimal-comma style,
/// "1.200,50" or "1 200,50". A currency symbol ("฿", "$", "€", "¥", …) or the house's own currency before or after
/// the number is ignored. Thousands are grouped in threes (so "12,50" in the decimal-point style is refused rather
/// than read as 1250); at most two decimals; no negative amounts. The error is one line naming what was typed:
/// `"12.345.6" is not an amount`.
pub fn parse_amount(text: &str, money: &Money) -> Result<f64, BadAmount> {
    let refuse = |why: AmountWhy| Err(BadAmount { text: text.to_owned(), why });
    let number = strip_currency(text.trim(), money.currency.as_ref());
    if number.starts_with(['-', '−']) {
        return refuse(AmountWhy::BelowZero);
    }
    let style = money.style;
    let mark = style.decimal_mark();
    let (whole, fraction) = match number.split_once(mark) {
        Some((_, rest)) if rest.contains(mark) => return refuse(AmountWhy::NotOne),
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let groups: Vec<&str> = whole.split(|c| c == style.thousands_separator() || is_space(c)).collect();
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|group| all_digits(group)) || !fraction.is_none_or(all_digits) {
        return refuse(AmountWhy::NotOne);
    }
    if groups.len() > 1 && (!(1..=3).contains(&groups[0].len()) || groups[1..].iter().any(|g| g.len() != 3)) {
        return refuse(AmountWhy::Grouping { mark, example: style.example() });
    }
    let whole: String = groups.concat();
    let fraction = fraction.unwrap_or_default();
    if whole.is_empty() && fraction.is_empty() {
        return refuse(AmountWhy::NotOne);
    }
    if fraction.len() > 2 {
        return refuse(AmountWhy::Decimals);
    }
    format!("{}.{fraction}", if whole.is_empty() { "0" } else { &whole })
        .trim_end_matches('.')
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .map_or_else(|| refuse(AmountWhy::NotOne), Ok)
}

/// An amount typed that is not one: what was typed, and why. Display is English; the desk says it in its language
/// (see `i18n::bad_amount`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is not an amount{why}", quoted(text))]
pub struct BadAmount {
    pub text: String,
    pub why: AmountWhy,
}

/// Why an amount is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountWhy {
    /// Not a number as the desk writes them.
    NotOne,
    BelowZero,
    /// Grouped otherwise than in threes with the desk's separator, as `example` writes it.
    Grouping {
        mark: char,
        example: &'static str,
    },
    Decimals,
}

impl std::fmt::Display for AmountWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotOne => Ok(()),
            Self::BelowZero => f.write_str(": it cannot be below zero"),
            Self::Grouping { mark, example } => {
                write!(f, ": the decimal mark is {mark:?} and thousands go in groups of three, as in {example}")
            }
            Self::Decimals => f.write_str(": at most two decimals"),
        }
    }
}

/// Spaces people and programs put between thousands: the plain one, the no-break one, the narrow no-break one.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Currency signs in common use at a till; the Unicode block of currency symbols is covered as a range.
fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '¢' | '£' | '¤' | '¥' | '฿' | '៛' | '﷼' | '＄' | '￠' | '￡' | '￥' | '￦' | '\u{20a0}'..='\u{20cf}'
    )
}

/// `text` without a currency sign or the house's currency at either end, and the spaces beside them.
fn strip_currency<'a>(text: &'a str, house: Option<&Currency>) -> &'a str {
    let mut text = text;
    if let Some(own) = house.map(Currency::text) {
        let len = own.len();
        if text.get(..len).is_some_and(|start| start.eq_ignore_ascii_case(own)) {
            text = text[len..].trim_start_matches(is_space);
        }
        if let Some(start) = text.len().checked_sub(len)
            && text.get(start..).is_some_and(|end| end.eq_ignore_ascii_case(own))
        {
            text = text[..start].trim_end_matches(is_space);
        }
    }
    text.trim_start_matches(is_currency_sign)
        .trim_start_matches(is_space)
        .trim_end_matches(is_currency_sign)
        .trim_end_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(currency: Option<&str>, style: NumberStyle) -> Money {
        Money { currency: currency.and_then(Currency::from_setting), style }
    }

    #[test]
    fn the_locale_chooses_the_style() {
        for locale in ["de_DE.UTF-8", "fr_FR", "es_ES.UTF-8", "it_IT", "pt_BR.UTF-8", "ru_RU.UTF-8", "nl_NL"] {
            assert_eq!(NumberStyle::from_locale(locale), NumberStyle::DecimalComma, "{locale}");
        }
        for locale in ["id_ID.UTF-8", "vi_VN", "tr_TR.UTF-8", "de_DE@euro", "sv-SE"] {
            assert_eq!(NumberStyle::from_locale(locale), NumberStyle::DecimalComma, "{locale}");
        }
        for locale in ["en_US.UTF-8", "th_TH.UTF-8", "zh_CN.UTF-8", "ja_JP.UTF-8", "C", "POSIX", "", "C.UTF-8"] {
            assert_eq!(NumberStyle::from_locale(locale), NumberStyle::DecimalPoint, "{locale}");
        }
        assert_eq!(NumberStyle::from_locale("de_CH.UTF-8"), NumberStyle::DecimalPoint, "Swiss German");
        assert_eq!(NumberStyle::from_locale("es_MX.UTF-8"), NumberStyle::DecimalPoint, "Mexican Spanish");
    }

    #[test]
    fn a_setting_names_a_symbol_or_a_code() {
        assert_eq!(Currency::from_setting("฿"), Some(Currency::Symbol("฿".into())));
        assert_eq!(Currency::from_setting(" thb "), Some(Currency::Code("THB".into())));
        assert_eq!(Currency::from_setting("R$"), Some(Currency::Symbol("R$".into())));
        assert_eq!(Currency::from_setting("  "), None);
    }

    #[test]
    fn amounts_are_shown_in_both_styles_with_the_currency() {
        let point = NumberStyle::DecimalPoint;
        let comma = NumberStyle::DecimalComma;
        assert_eq!(format_amount(1200.5, &money(None, point)), "1,200.50");
        assert_eq!(format_amount(1200.5, &money(Some("฿"), point)), "฿1,200.50");
        assert_eq!(format_amount(1200.5, &money(Some("THB"), point)), "1,200.50 THB");
        assert_eq!(format_amount(1200.5, &money(Some("€"), comma)), "€1.200,50");
        assert_eq!(format_amount(1_234_567.0, &money(Some("eur"), comma)), "1.234.567,00 EUR");
        assert_eq!(format_amount(0.0, &money(Some("¥"), point)), "¥0.00");
        assert_eq!(format_amount(999.999, &money(None, point)), "1,000.00", "rounding carries into the thousands");
        assert_eq!(format_amount(-12.0, &money(Some("$"), point)), "-$12.00");
        assert_eq!(format_number(12.25, 1, comma), "12,2");
        assert_eq!(format_number(12.0, 0, point), "12");
    }

    #[test]
    fn never_a_negative_zero() {
        let plain = Money::default();
        for zero in [-0.0, -0.001, -0.004_999, 0.0] {
            assert_eq!(format_amount(zero, &plain), "0.00", "{zero}");
            assert_eq!(format_number(zero, 1, NumberStyle::DecimalPoint), "0.0", "{zero}");
        }
        let empty: [f64; 0] = [];
        // Rust sums an empty list of floats to -0.0: the tally's total of a category with no costs.
        assert_eq!(format_amount(empty.iter().sum(), &plain), "0.00");
    }

    #[test]
    fn typed_amounts_are_read_in_the_decimal_point_style() {
        let plain = money(None, NumberStyle::DecimalPoint);
        let baht = money(Some("THB"), NumberStyle::DecimalPoint);
        for (typed, value) in [
            ("1200", 1200.0),
            ("1,200", 1200.0),
            ("1,200.50", 1200.5),
            ("1 200", 1200.0),
            ("1\u{a0}200.5", 1200.5),
            (" 12.5 ", 12.5),
            ("0", 0.0),
            (".50", 0.5),
            ("12.", 12.0),
            ("1,234,567.89", 1_234_567.89),
            ("฿1,200", 1200.0),
            ("$ 15", 15.0),
            ("15€", 15.0),
        ] {
            assert_eq!(parse_amount(typed, &plain), Ok(value), "{typed}");
        }
        assert_eq!(parse_amount("1,200 THB", &baht), Ok(1200.0));
        assert_eq!(parse_amount("thb 99", &baht), Ok(99.0));
        assert!(parse_amount("1,200 USD", &baht).is_err(), "another currency's code is not ours to ignore");
    }

    #[test]
    fn typed_amounts_are_read_in_the_decimal_comma_style() {
        let euro = money(Some("€"), NumberStyle::DecimalComma);
        for (typed, value) in
            [("1200", 1200.0), ("1.200", 1200.0), ("1.200,50", 1200.5), ("1 200,50", 1200.5), ("€12,5", 12.5)]
        {
            assert_eq!(parse_amount(typed, &euro), Ok(value), "{typed}");
        }
        let refused = parse_amount("12.50", &euro).unwrap_err().to_string();
        assert!(refused.contains("decimal mark is ','") && refused.contains("1.200,50"), "{refused}");
    }

    #[test]
    fn garbage_negatives_and_fractions_of_a_cent_are_refused() {
        let plain = Money::default();
        assert_eq!(
            parse_amount("12.345.6", &plain).map_err(|e| e.to_string()),
            Err("\"12.345.6\" is not an amount".to_owned())
        );
        assert_eq!(
            parse_amount("-5", &plain).map_err(|e| e.to_string()),
            Err("\"-5\" is not an amount: it cannot be below zero".to_owned())
        );
        assert_eq!(
            parse_amount("12.345", &plain).map_err(|e| e.to_string()),
            Err("\"12.345\" is not an amount: at most two decimals".to_owned())
        );
        let grouped = parse_amount("12,50", &plain).unwrap_err().to_string();
        assert!(grouped.starts_with("\"12,50\" is not an amount: the decimal mark is '.'"), "{grouped}");
        for garbage in ["", "abc", "12a", "1,2,3", "1,,200", "฿", ".", "1e5", "inf", "NaN", "+5", "12 . 5"] {
            assert!(parse_amount(garbage, &plain).is_err(), "{garbage:?} was taken");
        }
    }
}
