//! A one-line text input with a cursor that moves and deletes by grapheme cluster, so a Thai syllable, an accent
//! typed as a separate mark or a family emoji is never cut in two, with the editing keys of a shell's line editor.

use unicode_segmentation::UnicodeSegmentation;

use super::action::Action;

/// The edit an editing key makes, the same on the search line and in every form field; typing and pasting carry
/// text and are handled where they land.
pub fn editing(action: &Action) -> Option<fn(&mut LineInput)> {
    Some(match action {
        Action::DeleteBack => LineInput::delete_back,
        Action::DeleteForward => LineInput::delete_forward,
        Action::DeleteWord => LineInput::delete_word,
        Action::DeleteWordForward => LineInput::delete_word_forward,
        Action::DeleteToEnd => LineInput::delete_to_end,
        Action::ClearQuery => LineInput::clear,
        Action::CursorLeft => LineInput::left,
        Action::CursorRight => LineInput::right,
        Action::WordLeft => LineInput::word_left,
        Action::WordRight => LineInput::word_right,
        Action::LineStart => LineInput::home,
        Action::LineEnd => LineInput::end,
        _ => return None,
    })
}

/// The text being typed, where the cursor is (a byte offset, always between clusters) and how many characters the
/// field holds at most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
    limit: usize,
}

impl Default for LineInput {
    fn default() -> Self {
        Self::with_limit(usize::MAX)
    }
}

/// What an insertion did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    Whole,
    /// Only this many characters fitted under the field's limit; the rest was left out.
    Cut {
        kept: usize,
    },
}

impl LineInput {
    pub fn with_limit(limit: usize) -> Self {
        Self { text: String::new(), cursor: 0, limit }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into `text`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn at_end(&self) -> bool {
        self.cursor == self.text.len()
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The text, with the cursor at its end; not held to the limit (it is what the book already holds).
    pub fn set(&mut self, text: &str) {
        self.text = text.to_owned();
        self.cursor = self.text.len();
    }

    /// Inserts at the cursor as much as the limit leaves room for, cut between clusters; line breaks (from a
    /// paste) become spaces.
    pub fn insert(&mut self, text: &str) -> Inserted {
        let room = self.limit.saturating_sub(self.text.chars().count());
        let mut clean = String::with_capacity(text.len().min(room.saturating_mul(4)));
        let mut kept = 0;
        let mut cut = false;
        for cluster in text.graphemes(true) {
            let n = cluster.chars().count();
            if kept + n > room {
                cut = true;
                break;
            }
            kept += n;
            clean.extend(cluster.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        // A mark typed after a letter joins that letter's cluster: the cursor stays after it.
        self.cursor = self.boundary_at_or_after(self.cursor);
        if cut { Inserted::Cut { kept } } else { Inserted::Whole }
    }

    /// Backspace: the cluster before the cursor, or, where marks are typed one key each (Thai, Lao, the Indic
    /// scripts, Arabic and Hebrew vowel marks), only its last mark, as those keyboards expect.
    pub fn delete_back(&mut self) {
        let start = self.previous_boundary();
        let cluster = &self.text[start..self.cursor];
        let from = match cluster.char_indices().last() {
            Some((i, c)) if i > 0 && typed_as_its_own_key(c) => start + i,
            _ => start,
        };
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    /// Delete and Ctrl-D: the cluster under the cursor.
    pub fn delete_forward(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Ctrl-W and Alt-Backspace: the word before the cursor and the spaces after it.
    pub fn delete_word(&mut self) {
        let start = self.word_start();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Alt-d: the word after the cursor, and the spaces before it.
    pub fn delete_word_forward(&mut self) {
        let end = self.word_end();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Ctrl-K: everything after the cursor.
    pub fn delete_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        self.cursor = self.previous_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub fn word_left(&mut self) {
        self.cursor = self.word_start();
    }

    pub fn word_right(&mut self) {
        self.cursor = self.word_end();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..].graphemes(true).next().map_or(self.cursor, |g| self.cursor + g.len())
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        let mut end = 0;
        for g in self.text.graphemes(true) {
            if end >= at {
                break;
            }
            end += g.len();
        }
        end
    }

    /// Where the word before the cursor starts, passing over the spaces and punctuation before the cursor first.
    fn word_start(&self) -> usize {
        let mut start = self.cursor;
        let mut seen_word = false;
        for (i, g) in self.text[..self.cursor].grapheme_indices(true).rev() {
            let word = is_word(g);
            if seen_word && !word {
                break;
            }
            seen_word |= word;
            start = i;
        }
        start
    }

    /// Where the word after the cursor ends, passing over the spaces and punctuation after the cursor first.
    fn word_end(&self) -> usize {
        let mut end = self.cursor;
        let mut seen_word = false;
        for g in self.text[self.cursor..].graphemes(true) {
            let word = is_word(g);
            if seen_word && !word {
                break;
            }
            seen_word |= word;
            end += g.len();
        }
        end
    }
}

/// Whether a cluster is part of a word: a letter or digit with what rides on it (so "Yu," ends before the comma).
fn is_word(cluster: &str) -> bool {
    cluster.chars().next().is_some_and(char::is_alphanumeric)
}

/// A mark typed with a key of its own on the keyboards of its script, which Backspace takes back alone: Thai, Lao,
/// the Indic scripts from Devanagari to Sinhala, Myanmar and Khmer, Arabic harakat and Hebrew points.
fn typed_as_its_own_key(c: char) -> bool {
    matches!(c,
        '\u{0591}'..='\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0900}'..='\u{0DFF}'
        | '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::default();
        input.insert(text);
        input
    }

    #[test]
    fn edits_at_the_cursor_in_clusters() {
        let mut input = typed("于明");
        input.left();
        input.insert("x");
        assert_eq!((input.text(), input.cursor()), ("于x明", "于x".len()));
        input.delete_back();
        input.delete_back();
        assert_eq!((input.text(), input.cursor()), ("明", 0));
        input.delete_back();
        assert_eq!(input.text(), "明");
        input.right();
        input.right();
        assert!(input.at_end());
    }

    #[test]
    fn accents_and_emoji_go_whole_thai_marks_one_by_one() {
        let mut input = typed("Jose\u{301}");
        input.left();
        assert_eq!(input.cursor(), 3, "the cursor steps over e and its accent at once");
        input.end();
        input.delete_back();
        assert_eq!(input.text(), "Jos");
        let mut input = typed("Ana 👨\u{200d}👩\u{200d}👧");
        input.delete_back();
        assert_eq!(input.text(), "Ana ");
        let mut input = typed("สุ");
        input.delete_back();
        assert_eq!(input.text(), "ส", "a Thai keyboard takes back the vowel mark first");
        let mut input = typed("กำ");
        input.left();
        assert_eq!(input.cursor(), 0, "the cursor never lands inside a cluster");
        input.delete_forward();
        assert_eq!(input.text(), "");
    }

    #[test]
    fn a_mark_typed_after_its_letter_joins_it() {
        let mut input = typed("ส");
        input.insert("\u{e38}");
        assert_eq!((input.text(), input.at_end()), ("สุ", true));
    }

    #[test]
    fn words_move_and_go_like_a_shells_line_editor() {
        let mut input = typed("yu ming  ");
        input.delete_word();
        assert_eq!(input.text(), "yu ");
        input.delete_word();
        assert_eq!(input.text(), "");
        let mut input = typed("sandwich, coffee, egg");
        input.word_left();
        assert_eq!(&input.text()[input.cursor()..], "egg");
        input.word_left();
        assert_eq!(&input.text()[input.cursor()..], "coffee, egg");
        input.delete_word_forward();
        assert_eq!(input.text(), "sandwich, , egg");
        input.word_right();
        assert!(input.at_end());
        input.home();
        input.delete_word_forward();
        assert_eq!(input.text(), ", , egg");
        input.home();
        input.right();
        input.delete_to_end();
        assert_eq!(input.text(), ",");
    }

    #[test]
    fn pasted_line_breaks_become_spaces() {
        assert_eq!(typed("yu\nming\r\n").text(), "yu ming  ");
    }

    #[test]
    fn the_limit_keeps_what_fits_between_clusters() {
        let mut input = LineInput::with_limit(5);
        assert_eq!(input.insert("abcd"), Inserted::Whole);
        assert_eq!(input.insert("e\u{301}f"), Inserted::Cut { kept: 0 }, "é takes two characters, one is left");
        assert_eq!(input.insert("xyz"), Inserted::Cut { kept: 1 });
        assert_eq!(input.text(), "abcdx");
    }
}
