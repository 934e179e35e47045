//! The canonical formatter of bkp sources (`bkp fmt`, and the language
//! server's document and range formatting). The layout rules are written
//! down in `docs/style.md`.
//!
//! The formatter prints the syntax tree, taking the text of every token and
//! every comment from the token stream, so literals keep their spelling and
//! each comment stays next to the token it was written beside. Output is
//! idempotent and depends only on the tokens and on where the source had
//! newlines, never on its spaces or indentation. Before returning, the
//! output is parsed again and checked to mean the same and keep every
//! comment; a file with syntax errors is not formatted at all.

mod doc;
mod print;
mod trivia;

use bkp_diagnostics::{Code, Diagnostic, Span};
use bkp_syntax::Parse;

/// The line width the formatter fits lines into where it can.
pub const WIDTH: usize = 100;

/// Code of the diagnostic reported if the formatter fails its own output check.
pub const INTERNAL_ERROR: Code = Code("E0901");

/// Formats a whole file. Returns the diagnostics instead when it has syntax errors.
pub fn format(src: &str) -> Result<String, Vec<Diagnostic>> {
    let parse = parse_clean(src)?;
    let out = render(src, &parse)?;
    check_output(src, &parse, &out)?;
    Ok(out)
}

/// Formats the top-level declarations that intersect `range` (a cursor, when
/// empty): one edit per changed declaration, replacing its source text and
/// its own comments with their formatted version, in source order. The text
/// between declarations is left alone.
pub fn format_range(src: &str, range: Span) -> Result<Vec<(Span, String)>, Vec<Diagnostic>> {
    let parse = parse_clean(src)?;
    let out = render(src, &parse)?;
    let out_parse = check_output(src, &parse, &out)?;
    let before = item_regions(src, &parse);
    let after = item_regions(&out, &out_parse);
    let mut edits = Vec::new();
    for (&region, &formatted) in before.iter().zip(&after) {
        let hit = if range.is_empty() {
            region.touches(range.start())
        } else {
            region.start() < range.end() && range.start() < region.end()
        };
        let text = &out[formatted.range()];
        if hit && &src[region.range()] != text {
            edits.push((region, text.to_string()));
        }
    }
    Ok(edits)
}

fn parse_clean(src: &str) -> Result<Parse, Vec<Diagnostic>> {
    let parse = bkp_syntax::parse(src);
    if parse.has_errors() {
        Err(parse.diagnostics)
    } else {
        Ok(parse)
    }
}

fn render(src: &str, parse: &Parse) -> Result<String, Vec<Diagnostic>> {
    let mut printer = print::Printer::new(src, trivia::split(src, &parse.tokens));
    let doc = printer.file(&parse.file);
    if printer.failed || !printer.all_consumed() {
        return Err(vec![internal_error(
            "the syntax tree and the tokens disagree",
        )]);
    }
    let mut out = doc::print(doc, WIDTH);
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

fn internal_error(why: &str) -> Diagnostic {
    Diagnostic::error(
        INTERNAL_ERROR,
        Span::point(0),
        format!("internal formatter error: {why}"),
    )
    .with_note("the file was left unchanged; please report this with the file")
}

/// Parses the output and checks that it means what the input meant and
/// keeps every comment, in order: a formatter bug must never change a file.
fn check_output(src: &str, parse: &Parse, out: &str) -> Result<Parse, Vec<Diagnostic>> {
    let again = bkp_syntax::parse(out);
    if again.has_errors() {
        return Err(vec![internal_error("the formatted text does not parse")]);
    }
    if erase_spans(&parse.file) != erase_spans(&again.file) {
        return Err(vec![internal_error(
            "the formatted text would mean something else",
        )]);
    }
    if comments(src, parse) != comments(out, &again) {
        return Err(vec![internal_error(
            "the formatted text would lose or move a comment",
        )]);
    }
    Ok(again)
}

/// The comments of a file as the formatter prints them.
fn comments(src: &str, parse: &Parse) -> Vec<String> {
    parse
        .tokens
        .iter()
        .filter(|t| t.kind == bkp_syntax::lexer::TokenKind::Comment)
        .map(|t| trivia::tidy(src[t.span.range()].trim_end()))
        .collect()
}

/// The tree's debug form with every span (`12..34`, outside quoted text) erased.
fn erase_spans(file: &bkp_syntax::ast::File) -> String {
    let text = format!("{file:?}");
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(b.len());
                out.push_str(&text[start..i]);
            }
            c if c.is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) => {
                let n = digits(i);
                let after = i + n;
                if b[after..].starts_with(b"..") && digits(after + 2) > 0 {
                    out.push('_');
                    i = after + 2 + digits(after + 2);
                } else {
                    out.push_str(&text[i..after]);
                    i = after;
                }
            }
            _ => {
                let ch = text[i..].chars().next().expect("in bounds");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// The text of each top-level declaration with its own comments: from its
/// first leading comment (or its first token; from the start of that line
/// when only indentation precedes it) to the end of its trailing comment (or
/// its last token).
fn item_regions(src: &str, parse: &Parse) -> Vec<Span> {
    let tv = trivia::split(src, &parse.tokens);
    let index = |offset: usize| tv.tokens.partition_point(|t| t.span.start() < offset);
    parse
        .file
        .items
        .iter()
        .map(|item| {
            let span = item.span();
            let first = index(span.start());
            let last = index(span.end()).saturating_sub(1);
            let mut start = tv.gaps[first]
                .own
                .first()
                .map_or(span.start(), |c| c.span.start());
            let end = tv.gaps[last + 1]
                .trailing
                .map_or(span.end(), |c| c.span.end());
            let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
            if src[line_start..start].trim().is_empty() {
                start = line_start;
            }
            Span::new(start, end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erases_spans_only() {
        let a = erase_spans(&bkp_syntax::parse("let x = [1, \"3..4\"]").file);
        let b = erase_spans(&bkp_syntax::parse("let   x = [ 1 , \"3..4\" ]").file);
        assert_eq!(a, b);
        assert!(a.contains("\"\\\"3..4\\\"\"") || a.contains("3..4"), "{a}");
        assert_ne!(
            a,
            erase_spans(&bkp_syntax::parse("let x = [2, \"3..4\"]").file)
        );
    }

    #[test]
    fn syntax_errors_are_returned() {
        let diags = format("vault {").unwrap_err();
        assert!(diags.iter().any(Diagnostic::is_error));
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(format("").unwrap(), "");
        assert_eq!(format("\n\n").unwrap(), "");
        assert_eq!(format("  # a  \n\n\n# b").unwrap(), "# a\n\n# b\n");
    }

    #[test]
    fn crlf_input() {
        assert_eq!(
            format("vault a { x = 1 }  # c\r\nvault b\r\n").unwrap(),
            "vault a { x = 1 }   # c\nvault b\n"
        );
    }

    #[test]
    fn range_formats_the_touched_declarations() {
        let src = "vault   a\n  # about b\n  vault b {x=1}   # b\nvault c {y=2}\n";
        let edits = format_range(src, Span::point(src.find("b {").unwrap())).unwrap();
        assert_eq!(edits.len(), 1);
        let (span, text) = &edits[0];
        assert_eq!(&src[span.range()], "  # about b\n  vault b {x=1}   # b");
        assert_eq!(text, "# about b\nvault b { x = 1 }   # b");
        let all = format_range(src, Span::new(0, src.len())).unwrap();
        assert_eq!(all.len(), 3);
        let unchanged = format_range("vault a\n", Span::new(0, 7)).unwrap();
        assert!(unchanged.is_empty());
    }
}
