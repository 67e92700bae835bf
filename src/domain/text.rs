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
/// isolates and invisible characters become visible symbols, so stored text can never move the cursor, recolour
/// the screen, set a window title, write the clipboard or reorder what a reader sees. What is part of writing
/// stays: combining marks, variation selectors, and the joiners ZWJ and ZWNJ inside a word (a family emoji, a
/// Persian word, an Indic conjunct).
pub fn inert(text: &str) -> Cow<'_, str> {
    if !neutralised(text).any(|(_, bad)| bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(neutralised(text).map(|(c, bad)| if bad { visible(c) } else { c }).collect())
}

/// JSON text made inert for a terminal: characters that `inert` would replace are written as `\uXXXX` escapes, which
/// keeps the data exact for a JSON reader. Only valid on JSON text, where such characters can only be in strings.
pub fn inert_json(json: &str) -> Cow<'_, str> {
    // JSON's own white space between values stays; inside strings it is already escaped.
    let in_json = |(c, bad): (char, bool)| (c, bad && !matches!(c, '\n' | '\r' | '\t'));
    if !neutralised(json).map(in_json).any(|(_, bad)| bad) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for (c, bad) in neutralised(json).map(in_json) {
        if bad {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Each character of `text`, and whether it must be neutralised there: a joiner is part of writing only after a
/// character it can join (not at the start, after a space or after another neutralised character).
fn neutralised(text: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let mut joinable = false;
    text.chars().map(move |c| {
        let bad = match c {
            '\u{200C}' | '\u{200D}' => !joinable,
            c => c.is_control() || is_invisible_format(c),
        };
        joinable = !bad && !c.is_whitespace();
        (c, bad)
    })
}

/// Bidirectional controls and invisible characters: harmless bytes that still change what a reader sees.
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
        _ => '\u{FFFD}',
    }
}

/// The user's text quoted for a message: inert, readable as written (a Thai or Arabic name is shown, not escaped),
/// with any quote or backslash in it escaped so the quotes stay unambiguous.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in inert(text).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
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
    fn writing_is_kept_whole() {
        for written in
            ["👨\u{200d}👩\u{200d}👧", "❤\u{fe0f}", "Jose\u{301}", "می\u{200c}خواهم", "क्\u{200d}ष", "ข้าวมันไก่"]
        {
            assert!(matches!(inert(written), Cow::Borrowed(_)), "{written}");
        }
        assert_eq!(inert("\u{200d}a \u{200c}b"), "\u{FFFD}a \u{FFFD}b", "a joiner with nothing to join is shown");
        assert_eq!(inert("a\u{202e}\u{200d}b"), "a\u{FFFD}\u{FFFD}b");
    }

    #[test]
    fn quoted_text_is_readable_and_unambiguous() {
        assert_eq!(quoted("ข้าวมันไก่"), "\"ข้าวมันไก่\"");
        assert_eq!(quoted("a\"b\\\u{1b}[2J"), "\"a\\\"b\\\\␛[2J\"");
    }

    #[test]
    fn json_keeps_its_data_but_loses_its_teeth() {
        let json = serde_json::to_string_pretty(&["a\u{9b}b\u{202e}c\u{7f}"]).unwrap();
        let safe = inert_json(&json);
        assert_eq!(safe, "[\n  \"a\\u009bb\\u202ec\\u007f\"\n]");
        assert_eq!(serde_json::from_str::<Vec<String>>(&safe).unwrap(), ["a\u{9b}b\u{202e}c\u{7f}"]);
    }
}
