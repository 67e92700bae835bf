//! Fitting text into cells: display widths (CJK takes two), truncation with an ellipsis, inert guest-book text.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::text::inert;

/// Guest-book text as a span: made inert first, so it can never drive the terminal.
pub fn book<'a>(text: &'a str, style: Style) -> Span<'a> {
    Span::styled(inert(text), style)
}

/// Guest-book text built on the spot (joined, formatted) as a span, made inert.
pub fn book_owned(text: String, style: Style) -> Span<'static> {
    Span::styled(inert(&text).into_owned(), style)
}

/// The spans cut to `width` columns, ending in "…" when anything was cut. Never wraps.
pub fn fit<'a>(spans: Vec<Span<'a>>, width: usize) -> Line<'a> {
    let total: usize = spans.iter().map(|s| s.width()).sum();
    if total <= width {
        return Line::from(spans);
    }
    let mut room = width.saturating_sub(1);
    let mut out = Vec::new();
    let mut last_style = Style::new();
    for span in spans {
        last_style = span.style;
        if room == 0 {
            break;
        }
        let (cut, used) = cut(&span.content, room);
        room -= used;
        let whole = cut.len() == span.content.len();
        out.push(Span::styled(Cow::Owned(cut.to_owned()), span.style));
        if !whole {
            break;
        }
    }
    if width > 0 {
        out.push(Span::styled("…", last_style));
    }
    Line::from(out)
}

/// Like `fit`, but `tail` is always shown whole: the head is cut to make room for it ("sandwich, co… — 3 of last 4").
pub fn fit_with_tail<'a>(head: Vec<Span<'a>>, tail: Span<'a>, width: usize) -> Line<'a> {
    let mut line = fit(head, width.saturating_sub(tail.width()));
    line.spans.push(tail);
    line
}

/// The spans laid out over as many lines as they need at `width` columns, broken between words (or, for text
/// written without spaces, between characters); lines after the first start with `indent` columns of space, so a
/// labelled fact wraps under its value.
pub fn wrap<'a>(spans: Vec<Span<'a>>, width: usize, indent: usize) -> Vec<Line<'a>> {
    let total: usize = spans.iter().map(|s| s.width()).sum();
    if total <= width || width <= indent + 1 {
        return vec![fit(spans, width)];
    }
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut line: Vec<Span<'a>> = Vec::new();
    let mut used = 0;
    for span in spans {
        for piece in pieces(&span.content) {
            let w = UnicodeWidthStr::width(piece);
            if used + w > width && used > indent {
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent)));
                used = indent;
                if piece.trim().is_empty() {
                    continue;
                }
            }
            if used + w > width {
                // A single word wider than the line: cut it where it must be cut.
                let (head, _) = cut(piece, width - used);
                line.push(Span::styled(head.to_owned(), span.style));
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent)));
                used = indent;
                let rest = &piece[head.len()..];
                line.push(Span::styled(rest.to_owned(), span.style));
                used += UnicodeWidthStr::width(rest);
                continue;
            }
            line.push(Span::styled(piece.to_owned(), span.style));
            used += w;
        }
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// Text in the pieces a line may break between: words with the space after them, and each character of text
/// written without spaces (Chinese, Japanese).
fn pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let end = chars.peek().map_or(text.len(), |&(j, _)| j);
        let next_is_wide = chars.peek().is_some_and(|&(_, n)| n.width().unwrap_or(0) > 1);
        if c == ' ' || c.width().unwrap_or(0) > 1 || next_is_wide || end == text.len() {
            pieces.push(&text[start..end]);
            start = end;
        }
    }
    pieces
}

/// What of `text` shows in a field `width` columns wide with the cursor at character `cursor`, and the column
/// the cursor is then at: the whole text when it fits; otherwise a window that keeps the cursor in view, with
/// "…" where text is hidden on either side. The end of the text is seen whenever the cursor is at the end.
pub fn window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let before: String = text.chars().take(cursor).collect();
    let total = UnicodeWidthStr::width(text);
    if total < width {
        return (text.to_owned(), UnicodeWidthStr::width(before.as_str()));
    }
    // Room for the text before the cursor: the field less the cursor's own cell and a "…" on the left.
    let room = width.saturating_sub(2);
    let mut start = 0;
    let chars: Vec<char> = before.chars().collect();
    let mut shown_before: usize = chars.iter().map(|c| c.width().unwrap_or(0)).sum();
    if shown_before > width.saturating_sub(1) {
        while shown_before > room && start < chars.len() {
            shown_before -= chars[start].width().unwrap_or(0);
            start += 1;
        }
    }
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let cursor_column = UnicodeWidthStr::width(shown.as_str()) + shown_before;
    let rest: String = text.chars().skip(start).collect();
    let room_for_rest = width.saturating_sub(UnicodeWidthStr::width(shown.as_str()));
    let (head, _) = cut(&rest, room_for_rest);
    if head.len() < rest.len() {
        let (head, _) = cut(&rest, room_for_rest.saturating_sub(1));
        shown.push_str(head);
        shown.push('…');
    } else {
        shown.push_str(head);
    }
    (shown, cursor_column)
}

/// The longest prefix of `text` that fits in `width` columns, and the columns it takes.
fn cut(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            return (&text[..i], used);
        }
        used += w;
    }
    (text, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn short_text_is_untouched_and_long_text_ends_in_an_ellipsis() {
        assert_eq!(shown(&fit(vec![Span::raw("Yu Ming")], 10)), "Yu Ming");
        assert_eq!(shown(&fit(vec![Span::raw("Yu "), Span::raw("Ming Hotel")], 8)), "Yu Ming…");
    }

    #[test]
    fn the_tail_survives_truncation() {
        let line = fit_with_tail(vec![Span::raw("club sandwich, croissant")], Span::raw(" — 3 of last 5"), 24);
        assert_eq!(shown(&line), "club sand… — 3 of last 5");
    }

    #[test]
    fn long_facts_wrap_under_their_value() {
        let lines = wrap(vec![Span::raw("ALLERGIES  "), Span::raw("peanuts, shellfish, sesame, gluten")], 25, 11);
        let shown: Vec<String> = lines.iter().map(shown).collect();
        assert_eq!(shown, ["ALLERGIES  peanuts, ", "           shellfish, ", "           sesame, gluten"]);
        let chinese = wrap(vec![Span::raw("备注  "), Span::raw("喜欢靠窗的座位和热豆浆")], 14, 6);
        assert!(chinese.len() > 1 && chinese.iter().all(|l| l.width() <= 14));
    }

    #[test]
    fn a_long_field_scrolls_to_keep_the_cursor_and_the_end_in_view() {
        assert_eq!(window("short", 5, 20), ("short".to_owned(), 5));
        let long = "a".repeat(30) + "END";
        let (shown, column) = window(&long, 33, 20);
        assert!(shown.starts_with('…') && shown.ends_with("END"), "{shown}");
        assert_eq!(column, 19, "the cursor sits after the last character, inside the field");
        let (shown, column) = window(&long, 0, 20);
        assert!(shown.ends_with('…') && column == 0, "{shown}");
        assert!(UnicodeWidthStr::width(shown.as_str()) <= 20);
    }

    #[test]
    fn double_width_characters_are_never_split() {
        let line = fit(vec![Span::raw("王建华先生")], 6);
        assert_eq!(shown(&line), "王建…");
        assert!(line.width() <= 6);
    }
}
