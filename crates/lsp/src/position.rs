//! Every conversion between LSP positions and byte offsets. LSP counts
//! columns in the negotiated encoding (UTF-16 code units by default, UTF-8
//! bytes when the client offers it); bkp counts bytes. Positions past the end
//! of a line or of the text are clamped, and a column inside a character
//! (half of a surrogate pair) moves back to the character's start, so a
//! malformed position never panics.

use bkp_diagnostics::{LineIndex, Span};
use tower_lsp_server::ls_types::{Position, Range};

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A text with its line index, converting positions in one encoding.
pub struct Conv<'a> {
    text: &'a str,
    index: LineIndex,
    enc: Encoding,
}

impl<'a> Conv<'a> {
    pub fn new(text: &'a str, enc: Encoding) -> Self {
        Conv {
            text,
            index: LineIndex::new(text),
            enc,
        }
    }

    /// The byte offset of `pos`, clamped to the text.
    pub fn offset(&self, pos: Position) -> usize {
        let line = pos.line as usize;
        let Some(start) = self.index.line_start(line) else {
            return self.text.len();
        };
        let end = self.index.line_end(line).unwrap_or(self.text.len());
        let line_text = &self.text[start..end];
        let want = pos.character as usize;
        match self.enc {
            Encoding::Utf8 => {
                let mut col = want.min(line_text.len());
                while !line_text.is_char_boundary(col) {
                    col -= 1;
                }
                start + col
            }
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, c) in line_text.char_indices() {
                    let next = units + c.len_utf16();
                    if next > want {
                        return start + i;
                    }
                    units = next;
                }
                end
            }
        }
    }

    /// The position of byte `offset` (clamped to the text, and back to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let lc = self.index.line_col(offset);
        let start = offset - lc.col;
        let character = match self.enc {
            Encoding::Utf8 => lc.col,
            Encoding::Utf16 => self.text[start..offset].encode_utf16().count(),
        };
        Position::new(lc.line as u32, character as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start()), self.position(span.end()))
    }

    /// The span of `range`, its ends put in order.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }

    /// The length of `span` in the encoding's units.
    pub fn len(&self, span: Span) -> u32 {
        let s = &self.text[span.range()];
        (match self.enc {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.encode_utf16().count(),
        }) as u32
    }
}

/// Applies one content change to `text` (a whole replacement when `range`
/// is `None`).
pub fn apply_change(text: &mut String, range: Option<Range>, new_text: &str, enc: Encoding) {
    match range {
        None => *text = new_text.to_string(),
        Some(r) => {
            let span = Conv::new(text, enc).span(r);
            text.replace_range(span.range(), new_text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // "😀" is 4 bytes in UTF-8 and 2 units (a surrogate pair) in UTF-16.
    const TEXT: &str = "# 😀 comment\nvault v { backup_vault_name = \"a😀b\" }\n";

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let c = Conv::new(TEXT, Encoding::Utf16);
        // After the emoji in the comment: "# " + 2 units.
        assert_eq!(c.offset(pos(0, 4)), 6);
        assert_eq!(c.position(6), pos(0, 4));
        let b = TEXT.rfind('b').unwrap();
        let p = c.position(b);
        assert_eq!(p, pos(1, 34));
        assert_eq!(c.offset(p), b);
    }

    #[test]
    fn utf8_counts_bytes() {
        let c = Conv::new(TEXT, Encoding::Utf8);
        assert_eq!(c.offset(pos(0, 6)), 6);
        let b = TEXT.rfind('b').unwrap();
        assert_eq!(c.position(b), pos(1, 36));
        assert_eq!(c.offset(pos(1, 36)), b);
    }

    #[test]
    fn inside_a_character_moves_to_its_start() {
        let u16c = Conv::new(TEXT, Encoding::Utf16);
        assert_eq!(u16c.offset(pos(0, 3)), 2);
        let u8c = Conv::new(TEXT, Encoding::Utf8);
        assert_eq!(u8c.offset(pos(0, 4)), 2);
        assert_eq!(u8c.position(3), pos(0, 2));
    }

    #[test]
    fn past_the_end_is_clamped() {
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let c = Conv::new(TEXT, enc);
            assert_eq!(c.offset(pos(0, 999)), TEXT.find('\n').unwrap());
            assert_eq!(c.offset(pos(99, 0)), TEXT.len());
            assert_eq!(c.position(10_000), pos(2, 0));
        }
    }

    #[test]
    fn round_trips_every_boundary() {
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let c = Conv::new(TEXT, enc);
            for (i, _) in TEXT.char_indices() {
                assert_eq!(c.offset(c.position(i)), i, "{enc:?} at {i}");
            }
        }
    }

    #[test]
    fn lengths_and_changes() {
        let c = Conv::new(TEXT, Encoding::Utf16);
        assert_eq!(c.len(Span::new(2, 6)), 2);
        let mut t = TEXT.to_string();
        apply_change(
            &mut t,
            Some(Range::new(pos(0, 2), pos(0, 4))),
            "x",
            Encoding::Utf16,
        );
        assert!(t.starts_with("# x comment"));
        apply_change(
            &mut t,
            Some(Range::new(pos(5, 0), pos(9, 9))),
            "end",
            Encoding::Utf16,
        );
        assert!(t.ends_with("end"));
        apply_change(&mut t, None, "all", Encoding::Utf8);
        assert_eq!(t, "all");
    }
}
