//! Fitting text into cells: widths as the terminal gives them (see `domain::cells`), truncation between clusters
//! with an ellipsis, wrapping, a field's scrolled window, inert guest-book text, and drawing it all unit by unit.

use std::borrow::Cow;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::cells;
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
    let total: usize = spans.iter().map(|s| cells::width(&s.content)).sum();
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
        let (cut, used) = cells::cut(&span.content, room);
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
    let mut line = fit(head, width.saturating_sub(cells::width(&tail.content)));
    line.spans.push(tail);
    line
}

/// The spans laid out over as many lines as they need at `width` columns, broken between words (or, for text
/// written without spaces, between characters); lines after the first start with `indent` columns of space, so a
/// labelled fact wraps under its value.
pub fn wrap<'a>(spans: Vec<Span<'a>>, width: usize, indent: usize) -> Vec<Line<'a>> {
    let total: usize = spans.iter().map(|s| cells::width(&s.content)).sum();
    if total <= width || width <= indent + 1 {
        return vec![fit(spans, width)];
    }
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut line: Vec<Span<'a>> = Vec::new();
    let mut used = 0;
    for span in spans {
        for piece in pieces(&span.content) {
            let w = cells::width(piece);
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
                let (head, _) = cells::cut(piece, width - used);
                line.push(Span::styled(head.to_owned(), span.style));
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent)));
                used = indent;
                let rest = &piece[head.len()..];
                line.push(Span::styled(rest.to_owned(), span.style));
                used += cells::width(rest);
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

/// Text in the pieces a line may break between: words with the space after them, and each cluster of text
/// written without spaces (Chinese, Japanese).
fn pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut end = 0;
    let mut clusters = cells::clusters(text).peekable();
    while let Some((cluster, w)) = clusters.next() {
        end += cluster.len();
        let next_is_wide = clusters.peek().is_some_and(|&(_, n)| n > 1);
        if cluster == " " || w > 1 || next_is_wide || end == text.len() {
            pieces.push(&text[start..end]);
            start = end;
        }
    }
    pieces
}

/// What of `text` shows in a field `width` columns wide with the cursor at byte `cursor` (between clusters), and
/// the column the cursor is then at: the whole text when it fits; otherwise a window that keeps the cursor in view,
/// with "…" where text is hidden on either side. The end of the text is seen whenever the cursor is at the end.
pub fn window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let before = text.get(..cursor).unwrap_or(text);
    if cells::width(text) < width {
        return (text.to_owned(), cells::width(before));
    }
    // Room for the text before the cursor: the field less the cursor's own cell and a "…" on the left.
    let room = width.saturating_sub(2);
    let mut start = 0;
    let mut shown_before = cells::width(before);
    if shown_before > width.saturating_sub(1) {
        for (cluster, w) in cells::clusters(before) {
            if shown_before <= room {
                break;
            }
            shown_before -= w;
            start += cluster.len();
        }
    }
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let cursor_column = cells::width(&shown) + shown_before;
    let rest = &text[start..];
    let room_for_rest = width.saturating_sub(cells::width(&shown));
    let (head, _) = cells::cut(rest, room_for_rest);
    if head.len() < rest.len() {
        let (head, _) = cells::cut(rest, room_for_rest.saturating_sub(1));
        shown.push_str(head);
        shown.push('…');
    } else {
        shown.push_str(head);
    }
    (shown, cursor_column)
}

/// Draws `line` into the row `area`, unit by unit as the terminal will (see `domain::cells`), honouring its
/// alignment; what does not fit is left out whole. Every pane draws book text this way rather than through
/// ratatui's own line rendering, whose widths (Unicode's, where a lam-alef takes one cell and a SARA AM shares its
/// consonant's) are not the terminal's, and would leave cells stale or skipped.
pub fn draw(line: &Line<'_>, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let used = width(line).min(usize::from(area.width));
    let room = usize::from(area.width);
    let indent = match line.alignment {
        Some(Alignment::Right) => room - used,
        Some(Alignment::Center) => (room - used) / 2,
        _ => 0,
    };
    // The line's own style on the cells it covers only: a right-aligned tail drawn over a row keeps the row's
    // highlights.
    let covered = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    buf.set_style(Rect { x: area.x + covered(indent), width: covered(used), ..area }, line.style);
    let mut x = usize::from(area.x) + indent;
    let right = usize::from(area.right());
    let y = area.y;
    let mut last: Option<u16> = None;
    for span in &line.spans {
        for unit in cells::units(&span.content) {
            let safe = !unit.text.chars().any(char::is_control);
            if let (true, true, Some(column)) = (unit.lone, safe, last) {
                // A mark at the start of a span (a highlight or a completion that begins inside a cluster) rides on
                // the cell before it, as the terminal would put it.
                let cell = &mut buf[(column, y)];
                let joined = format!("{}{}", cell.symbol(), unit.text);
                cell.set_symbol(&joined);
                continue;
            }
            if x + unit.width > right {
                return;
            }
            let column = u16::try_from(x).unwrap_or(u16::MAX);
            let cell = &mut buf[(column, y)];
            cell.set_style(span.style);
            if !safe {
                // Never reaches here from book text (made inert before); a control written raw would drive the
                // terminal.
                cell.set_symbol("\u{FFFD}");
            } else if unit.lone {
                cell.set_symbol(&format!("\u{25CC}{}", unit.text));
            } else {
                cell.set_symbol(unit.text);
            }
            last = Some(column);
            if usize::from(cell.symbol().cell_width()) != unit.width {
                let forced = NonZeroU16::new(u16::try_from(unit.width).unwrap_or(1)).unwrap_or(NonZeroU16::MIN);
                cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
            }
            for hidden in 1..unit.width {
                buf[(column + u16::try_from(hidden).unwrap_or(0), y)].reset();
            }
            x += unit.width;
        }
    }
}

/// The cells `line` takes on a terminal.
pub fn width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| cells::width(&s.content)).sum()
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
        assert!(chinese.len() > 1 && chinese.iter().all(|l| width(l) <= 14));
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
        assert!(cells::width(&shown) <= 20);
    }

    #[test]
    fn double_width_characters_are_never_split() {
        let line = fit(vec![Span::raw("王建华先生")], 6);
        assert_eq!(shown(&line), "王建…");
        assert!(width(&line) <= 6);
    }
}
