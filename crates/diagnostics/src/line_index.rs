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
        let col = text.get(start..end).map_or(lc.col, |s| s.chars().count());
        (lc.line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
