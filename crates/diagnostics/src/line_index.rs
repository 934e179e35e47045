/// Maps byte offsets of one text to lines and columns and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    starts: Vec<usize>,
    len: usize,
}

/// A zero-based line and a zero-based column counted in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where `line` starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Byte offset just past the end of `line`'s content (before its newline).
    pub fn line_end(&self, line: usize) -> Option<usize> {
        let start = self.line_start(line)?;
        Some(match self.starts.get(line + 1) {
            Some(next) => (next - 1).max(start),
            None => self.len,
        })
    }

    /// Line and byte column of `offset` (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        LineCol {
            line,
            col: offset - self.starts[line],
        }
    }

    /// One-based line and one-based column in characters, as shown to people.
    pub fn human(&self, text: &str, offset: usize) -> (usize, usize) {
        let lc = self.line_col(offset);
        let start = self.starts[lc.line];
        let end = (start + lc.col).min(text.len());
        (lc.line + 1, char_column(text, start, end) + 1)
    }
}

/// Positions in one text found without an index: each is counted on from
/// the previous one (from the start when it lies before it), so a pass over
/// offsets in order, such as a file's diagnostics, reads the text once.
#[derive(Clone, Copy, Debug, Default)]
pub struct LineCursor {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl LineCursor {
    /// As [`LineIndex::human`]: one-based line and one-based column in
    /// characters of `offset` (clamped to the text).
    pub fn human(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCursor::default();
        }
        let skipped = &text.as_bytes()[self.offset..offset];
        let newline = memchr::arch::all::memchr::One::new(b'\n');
        if let Some(last) = newline.rfind(skipped) {
            self.line += newline.count(skipped);
            self.line_start = self.offset + last + 1;
        }
        self.offset = offset;
        (
            self.line + 1,
            char_column(text, self.line_start, offset) + 1,
        )
    }
}

/// The zero-based column in characters of `offset` on the line starting at
/// `line_start`; in bytes when `offset` is not at a character boundary.
fn char_column(text: &str, line_start: usize, offset: usize) -> usize {
    text.get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_finds_what_the_index_finds_in_any_order() {
        let text = "é = 1\n\nab é x\nlast";
        let idx = LineIndex::new(text);
        let mut cursor = LineCursor::default();
        let x = text.find('x').unwrap();
        for offset in [x, x, text.len(), 3, 7, text.len() + 5, 0, 1, 2] {
            assert_eq!(
                cursor.human(text, offset),
                idx.human(text, offset),
                "{offset}"
            );
        }
        assert_eq!(cursor.human(text, x), (3, 6));
    }

    #[test]
    fn lines_and_columns() {
        let text = "ab\nc\n\néx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(0), LineCol { line: 0, col: 0 });
        assert_eq!(idx.line_col(3), LineCol { line: 1, col: 0 });
        assert_eq!(idx.line_col(6), LineCol { line: 3, col: 0 });
        assert_eq!(idx.human(text, 8), (4, 2));
        assert_eq!(idx.line_end(0), Some(2));
        assert_eq!(idx.line_end(2), Some(5));
        assert_eq!(idx.line_end(3), Some(text.len()));
        assert_eq!(idx.line_col(999), LineCol { line: 3, col: 3 });
    }
}
