//! Fitting text into cells: display widths (CJK takes two), truncation with an ellipsis, inert guest-book text.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

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
    fn double_width_characters_are_never_split() {
        let line = fit(vec![Span::raw("王建华先生")], 6);
        assert_eq!(shown(&line), "王建…");
        assert!(line.width() <= 6);
    }
}
