//! Text rules shared by the whole app: how order items compare, and how guest-book text is made safe to print.

use std::borrow::Cow;

/// An order item or seat as compared for "the usual": trimmed, case-folded, inner white space collapsed.
pub fn normalise(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    for word in item.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Guest-book text made inert for a terminal: control characters, escape sequences, bidirectional overrides and
/// zero-width characters become visible symbols, so stored text can never move the cursor, recolour the screen,
/// set a window title or write the clipboard.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(visible).collect())
}

/// JSON text made inert for a terminal: characters that `inert` would replace are written as `\uXXXX` escapes, which
/// keeps the data exact for a JSON reader. Only valid on JSON text, where such characters can only be in strings.
pub fn inert_json(json: &str) -> Cow<'_, str> {
    // JSON's own white space between values stays; inside strings it is already escaped.
    let unsafe_in_json = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\r' | '\t');
    if !json.chars().any(unsafe_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_in_json(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Bidirectional controls and zero-width characters: harmless bytes that still change what a reader sees.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn visible(c: char) -> char {
    match c {
        // C0 controls have their own printable pictures (U+2400 block): ESC shows as ␛, newline as ␊.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_trims_folds_case_and_collapses_spaces() {
        assert_eq!(normalise("  Flat   White "), "flat white");
        assert_eq!(normalise("EGG"), "egg");
        assert_eq!(normalise("豆浆\t油条"), "豆浆 油条");
        assert_eq!(normalise("   "), "");
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(inert("于先生 · Window 2"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_controls_become_visible_symbols() {
        assert_eq!(inert("\u{1b}[31mred\u{7}"), "␛[31mred␇");
        assert_eq!(inert("a\nb\tc\u{7f}"), "a␊b␉c␡");
        assert_eq!(inert("\u{9b}2J"), "\u{FFFD}2J");
        assert_eq!(inert("abc\u{202E}fed\u{200B}"), "abc\u{FFFD}fed\u{FFFD}");
        assert!(!inert("\u{1b}]52;c;aGk=\u{7}").contains('\u{1b}'));
    }

    #[test]
    fn json_keeps_its_data_but_loses_its_teeth() {
        let json = serde_json::to_string_pretty(&["a\u{9b}b\u{202e}c\u{7f}"]).unwrap();
        let safe = inert_json(&json);
        assert_eq!(safe, "[\n  \"a\\u009bb\\u202ec\\u007f\"\n]");
        assert_eq!(serde_json::from_str::<Vec<String>>(&safe).unwrap(), ["a\u{9b}b\u{202e}c\u{7f}"]);
    }
}
