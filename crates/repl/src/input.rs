//! What the lexer tells about a piece of input: whether its brackets are
//! still open (so the REPL keeps reading) and how to colour it.

use bkp_syntax::lexer::{self, TokenKind};

/// How many of `{ [ ( <` are still open at the end of `text`. Brackets in
/// strings and comments do not count; a surplus of closers counts as zero.
pub fn open_brackets(text: &str) -> usize {
    let (tokens, _) = lexer::lex(text);
    let mut depth: isize = 0;
    for t in tokens {
        match t.kind {
            TokenKind::LBrace | TokenKind::LBracket | TokenKind::LParen | TokenKind::Lt => {
                depth += 1
            }
            TokenKind::RBrace | TokenKind::RBracket | TokenKind::RParen | TokenKind::Gt => {
                depth -= 1
            }
            _ => {}
        }
    }
    depth.max(0) as usize
}

/// Whether `text` is a whole input: a `:command`, or declarations and
/// expressions whose brackets are all closed.
pub fn is_complete(text: &str) -> bool {
    text.trim_start().starts_with(':') || open_brackets(text) == 0
}

const RESET: &str = "\x1b[0m";

/// `text` with ANSI colours by token kind. Only zero-width escapes are added,
/// so the display width is unchanged.
pub fn highlight(text: &str) -> String {
    if text.trim_start().starts_with(':') {
        return format!("\x1b[1m{text}{RESET}");
    }
    let (tokens, _) = lexer::lex(text);
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for t in tokens {
        let colour = match t.kind {
            k if k.is_keyword() => "\x1b[1;35m",
            TokenKind::Preset => "\x1b[36m",
            TokenKind::Str | TokenKind::SingleQuoted => "\x1b[32m",
            TokenKind::Int | TokenKind::Duration => "\x1b[33m",
            TokenKind::Comment => "\x1b[2m",
            TokenKind::Error | TokenKind::NonAsciiWord => "\x1b[31m",
            _ => continue,
        };
        let (start, end) = (t.span.start().min(text.len()), t.span.end().min(text.len()));
        out.push_str(&text[at..start]);
        out.push_str(colour);
        out.push_str(&text[start..end]);
        out.push_str(RESET);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_brackets() {
        assert_eq!(open_brackets("plan P = daily35 <"), 1);
        assert_eq!(open_brackets("vault v { x = [1, (2"), 3);
        assert_eq!(open_brackets("plan P <\n rule daily\n>"), 0);
        assert!(is_complete("35d * 3"));
        assert!(!is_complete("vault v {"));
    }

    #[test]
    fn ignores_strings_comments_and_arrows() {
        assert_eq!(open_brackets(r#"let s = "{ [ ( <""#), 0);
        assert_eq!(open_brackets("vault v # {"), 0);
        assert_eq!(open_brackets("plan P = daily35 -> vault v"), 0);
        assert_eq!(open_brackets("}}"), 0);
    }

    #[test]
    fn commands_are_always_complete() {
        assert!(is_complete(":type {"));
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let h = highlight(r#"vault v = import "x" # c"#);
        let plain: String = strip_ansi(&h);
        assert_eq!(plain, r#"vault v = import "x" # c"#);
        assert!(h.contains("\x1b[1;35mvault"));
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
