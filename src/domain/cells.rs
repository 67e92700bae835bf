//! How text takes a terminal's cells. Text is cut, highlighted and edited by grapheme cluster (what a reader sees as
//! one character: a Thai consonant with its vowel and tone marks, a letter with a decomposed accent, a family emoji);
//! it is drawn in *units*, each one character that takes room together with the marks, joiners and selectors that
//! ride on it, and each unit's width is the room a terminal gives it.
//!
//! Terminals do not agree on every width, so the model is that of tmux, the reference terminal here, where others
//! agree with it: one unit per character that takes room, so a Thai SARA AM (ำ) and each letter of an Arabic
//! lam-alef take a cell of their own; a character after a zero-width joiner joins the unit before it, as emoji ZWJ
//! sequences do in tmux, kitty, WezTerm and iTerm2; and an emoji chosen by variation selector 16 (❤️) is given two
//! cells, the room terminals that honour the selector give it, while tmux draws it in one and the screen keeps the
//! second blank. Widths never depend on a font, so what the screen means to draw and what the terminal draws agree
//! cell by cell.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';

/// One thing a terminal draws in cells of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit<'a> {
    pub text: &'a str,
    /// The cells it takes: 1 or 2.
    pub width: usize,
    /// A mark with nothing before it to ride on: drawn on a dotted circle (◌), as type specimens show a lone mark.
    pub lone: bool,
}

/// The units `text` is drawn in, in order.
pub fn units(text: &str) -> Units<'_> {
    Units { text, at: 0 }
}

pub struct Units<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        let rest = &self.text[self.at..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let lone = room(first) == 0;
        let mut width = room(first).max(1);
        let mut end = rest.len();
        let mut previous = first;
        for (i, c) in chars {
            let joined = previous == ZWJ && !c.is_ascii();
            if room(c) > 0 && !joined {
                end = i;
                break;
            }
            if c == VS16 {
                width = 2;
            }
            previous = c;
        }
        let text = &rest[..end];
        self.at += end;
        if lone {
            width = 1;
        }
        Some(Unit { text, width, lone })
    }
}

/// The cells a character takes by itself; control characters none (they never reach a screen: see `text::inert`).
fn room(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The cells `text` takes.
pub fn width(text: &str) -> usize {
    units(text).map(|u| u.width).sum()
}

/// `text` and the spaces that bring it to `cells` cells (none when it takes as many or more): a column of labels
/// lines up when a Chinese label's characters take two cells each.
pub fn padded(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}

/// The grapheme clusters of `text`, each with the cells it takes. A cluster never splits a unit: where the two
/// disagree (a joiner between letters of scripts whose clusters it does not join) the cluster takes the whole unit.
pub fn clusters(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut graphemes = text.grapheme_indices(true).peekable();
    let mut units = units(text);
    let mut unit_end = 0;
    std::iter::from_fn(move || {
        let (start, _) = graphemes.next()?;
        let mut end = graphemes.peek().map_or(text.len(), |&(i, _)| i);
        let mut width = 0;
        loop {
            // Take every unit that starts inside the cluster; then, if the last one runs past it, the clusters it
            // runs into as well.
            while unit_end < end {
                let Some(unit) = units.next() else { break };
                unit_end += unit.text.len();
                width += unit.width;
            }
            if unit_end <= end {
                break;
            }
            graphemes.next();
            end = graphemes.peek().map_or(text.len(), |&(i, _)| i);
        }
        Some((&text[start..end], width))
    })
}

/// The longest start of `text` made of whole clusters that fits in `width` cells, and the cells it takes.
pub fn cut(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (cluster, w) in clusters(text) {
        if used + w > width {
            break;
        }
        used += w;
        end += cluster.len();
    }
    (&text[..end], used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, usize)> {
        units(text).map(|u| (u.text, u.width)).collect()
    }

    fn cut_into(text: &str) -> Vec<&str> {
        clusters(text).map(|(c, _)| c).collect()
    }

    #[test]
    fn units_follow_the_reference_terminal() {
        assert_eq!(shown("กำ"), [("ก", 1), ("ำ", 1)], "SARA AM takes its own cell");
        assert_eq!(shown("สุดา"), [("สุ", 1), ("ด", 1), ("า", 1)], "a vowel mark rides on its consonant");
        assert_eq!(shown("لا"), [("ل", 1), ("ا", 1)], "lam-alef is two cells");
        assert_eq!(shown("👨\u{200d}👩\u{200d}👧"), [("👨\u{200d}👩\u{200d}👧", 2)], "a ZWJ sequence is one emoji");
        assert_eq!(shown("❤\u{fe0f}"), [("❤\u{fe0f}", 2)], "emoji presentation gets the room it may take");
        assert_eq!(shown("👍🏽"), [("👍", 2), ("🏽", 2)], "a skin tone takes cells of its own, as in tmux");
        assert_eq!(shown("Jose\u{301}"), [("J", 1), ("o", 1), ("s", 1), ("e\u{301}", 1)]);
        assert_eq!(shown("王a"), [("王", 2), ("a", 1)]);
        assert_eq!(shown("a\u{200d}b"), [("a\u{200d}", 1), ("b", 1)], "tmux joins no ASCII letter");
        assert_eq!(shown("\u{301}x"), [("\u{301}", 1), ("x", 1)]);
        assert!(units("\u{301}").all(|u| u.lone));
    }

    #[test]
    fn widths_add_up_by_unit() {
        assert_eq!(width("محمد الأحمد"), 11);
        assert_eq!(width("คุณกำพล"), 6);
        assert_eq!(width("Ana 👨\u{200d}👩\u{200d}👧"), 6);
        assert_eq!(width("王建华"), 6);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn clusters_are_what_a_reader_sees_as_one_character() {
        assert_eq!(cut_into("กำพล"), ["กำ", "พ", "ล"]);
        assert_eq!(cut_into("ศุภ"), ["ศุ", "ภ"]);
        assert_eq!(cut_into("e\u{301}x"), ["e\u{301}", "x"]);
        assert_eq!(cut_into("👨\u{200d}👩\u{200d}👧!"), ["👨\u{200d}👩\u{200d}👧", "!"]);
        assert_eq!(clusters("กำ").next(), Some(("กำ", 2)));
        assert_eq!(clusters("a\u{200d}b").map(|(_, w)| w).sum::<usize>(), 2);
    }

    #[test]
    fn cutting_never_splits_a_cluster() {
        assert_eq!(cut("สมชาย ใจดี", 9), ("สมชาย ใจดี", 9));
        assert_eq!(cut("สมชาย ใจดี", 8), ("สมชาย ใจ", 8), "ดี goes whole or not at all");
        assert_eq!(cut("กำพล", 1), ("", 0), "ก without its ำ would misspell the name");
        assert_eq!(cut("Jose\u{301}", 4), ("Jose\u{301}", 4));
        assert_eq!(cut("Jose\u{301}", 3), ("Jos", 3));
        assert_eq!(cut("王建华", 5), ("王建", 4));
        assert_eq!(cut("👨\u{200d}👩\u{200d}👧", 1), ("", 0));
    }
}
