//! A one-line text input with a cursor, counted in characters so that CJK and accented text edit correctly.

/// The text being typed and where the cursor is (a character index, 0 ..= length).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_owned();
        self.cursor = self.text.chars().count();
    }

    /// Inserts at the cursor; line breaks (from a paste) become spaces.
    pub fn insert(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        let clean: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    pub fn delete_back(&mut self) {
        if self.cursor > 0 {
            let at = self.byte_at(self.cursor - 1);
            self.text.remove(at);
            self.cursor -= 1;
        }
    }

    /// Deletes the word before the cursor and the spaces after it, as Ctrl-W does in a shell.
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text.char_indices().nth(char_index).map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_in_characters() {
        let mut input = LineInput::default();
        input.insert("于明");
        input.left();
        input.insert("x");
        assert_eq!((input.text(), input.cursor()), ("于x明", 2));
        input.delete_back();
        input.delete_back();
        assert_eq!((input.text(), input.cursor()), ("明", 0));
        input.delete_back();
        assert_eq!(input.text(), "明");
        input.right();
        input.right();
        assert_eq!(input.cursor(), 1);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut input = LineInput::default();
        input.set("yu ming  ");
        input.delete_word();
        assert_eq!(input.text(), "yu ");
        input.delete_word();
        assert_eq!(input.text(), "");
    }

    #[test]
    fn pasted_line_breaks_become_spaces() {
        let mut input = LineInput::default();
        input.insert("yu\nming\r\n");
        assert_eq!(input.text(), "yu ming  ");
    }
}
