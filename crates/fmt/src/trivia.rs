//! Splits a token stream into the tokens the printer emits and the trivia
//! (comments, newlines, commas) in the gaps between them.
//!
//! Every comment is attached to a token, in the style of Cedar's formatter:
//! a comment on the same line as the token before it *trails* that token;
//! any other comment *leads* the token after it (or the end of the file).

use bkp_diagnostics::Span;
use bkp_syntax::lexer::{Token, TokenKind};

/// A comment, its text without trailing whitespace.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Comment<'a> {
    pub text: &'a str,
    pub span: Span,
    /// Whether a blank line separates it from what comes before it.
    pub blank_before: bool,
}

/// What lies between two consecutive emitted tokens.
#[derive(Default, Debug)]
pub(crate) struct Gap<'a> {
    /// A comment on the line of the token before the gap.
    pub trailing: Option<Comment<'a>>,
    /// Comments on lines of their own, leading the token after the gap.
    pub own: Vec<Comment<'a>>,
    /// Whether a blank line comes right before the token after the gap.
    pub blank_before_next: bool,
    /// Whether the gap holds a newline.
    pub newline: bool,
}

/// The emitted tokens (neither newlines, commas nor comments) and the gaps:
/// `gaps[k]` lies before `tokens[k]`; the last gap is before the end of file.
pub(crate) struct Trivia<'a> {
    pub tokens: Vec<Token>,
    pub gaps: Vec<Gap<'a>>,
}

pub(crate) fn split<'a>(src: &'a str, all: &[Token]) -> Trivia<'a> {
    let mut tokens = Vec::new();
    let mut gaps = vec![Gap::default()];
    let mut after_newline = false;
    let mut blank = false;
    for t in all {
        let gap = gaps.last_mut().expect("there is always a current gap");
        match t.kind {
            TokenKind::Newline => {
                blank |= after_newline;
                after_newline = true;
                gap.newline = true;
            }
            TokenKind::Comma => after_newline = false,
            TokenKind::Comment => {
                let text = src[t.span.range()].trim_end();
                let comment = Comment {
                    text,
                    span: Span::new(t.span.start(), t.span.start() + text.len()),
                    blank_before: blank,
                };
                if gap.newline || tokens.is_empty() {
                    gap.own.push(comment);
                } else {
                    gap.trailing = Some(comment);
                }
                blank = false;
                after_newline = false;
            }
            _ => {
                gap.blank_before_next = blank;
                blank = false;
                after_newline = false;
                tokens.push(*t);
                gaps.push(Gap::default());
            }
        }
    }
    Trivia { tokens, gaps }
}

/// The text a comment is printed with: a `,` or `=` padded with two or more
/// spaces on both sides is tidied to `, ` or ` = ` (other text is kept as
/// written; trailing whitespace is already gone).
pub(crate) fn tidy(text: &str) -> String {
    let b = text.as_bytes();
    let spaces = |from: usize| b[from..].iter().take_while(|&&c| c == b' ').count();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let before = spaces(i);
        if before >= 2 && matches!(b.get(i + before), Some(b',' | b'=')) {
            let mark = i + before;
            let after = spaces(mark + 1);
            if after >= 2 && mark + 1 + after < b.len() {
                out.push_str(&text[copied..i]);
                out.push_str(if b[mark] == b',' { ", " } else { " = " });
                i = mark + 1 + after;
                copied = i;
                continue;
            }
        }
        i += before.max(1);
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_and_own_line_comments() {
        let src = "# head\n\nvault a # t\n\n# own\nvault b\n# end\n";
        let tv = split(src, &bkp_syntax::lexer::lex(src).0);
        assert_eq!(tv.tokens.len(), 4);
        assert_eq!(tv.gaps[0].own[0].text, "# head");
        assert!(tv.gaps[0].blank_before_next);
        assert_eq!(tv.gaps[2].trailing.map(|c| c.text), Some("# t"));
        assert!(tv.gaps[2].own[0].blank_before);
        assert!(!tv.gaps[2].blank_before_next);
        assert_eq!(tv.gaps[4].own[0].text, "# end");
    }

    #[test]
    fn tidies_padded_commas_and_equals_only() {
        assert_eq!(
            tidy("# Daily  ,  weekly, a   =   b"),
            "# Daily, weekly, a = b"
        );
        assert_eq!(tidy("# ünï  ,  x"), "# ünï, x");
        for kept in [
            "# a, b",
            "# a,b",
            "# a  ,b",
            "# a,  b",
            "#   indented, x = 1",
            "# a  ==  b",
        ] {
            assert_eq!(tidy(kept), kept);
        }
        assert_eq!(tidy("# end  ,  "), "# end  ,  ");
    }
}
