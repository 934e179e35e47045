//! The syntax of bkp: [`lexer`] (logos), [`ast`] and an error-recovering
//! [`parse`] (chumsky). Parsing never fails: it always returns a tree, with
//! `Error` nodes where the input was bad, and the diagnostics that explain
//! them. This crate knows nothing of what names mean.

pub mod ast;
mod delimiters;
pub mod lexer;
mod parser;
mod strings;
pub mod visit;

pub use delimiters::MAX_NESTING;
pub use parser::MAX_CHAIN;

use bkp_diagnostics::{Code, Diagnostic, Fix, Span};
use chumsky::error::{RichPattern, RichReason};
use chumsky::prelude::*;
use lexer::{Token, TokenKind};
use parser::{PSpan, ps, sp};
use std::collections::HashSet;

/// The result of parsing one text.
#[derive(Clone, Debug)]
pub struct Parse {
    pub file: ast::File,
    /// Every token, comments and newlines included (the formatter's input);
    /// empty from [`parse_tree`].
    pub tokens: Vec<Token>,
    /// Lexical and syntax diagnostics, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parse {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses a whole file.
pub fn parse(src: &str) -> Parse {
    parse_keeping(src, true)
}

/// Parses a whole file for its tree and diagnostics only: [`Parse::tokens`]
/// is left empty, and the lexer's list of tokens becomes the parser's input
/// in place, so a large file needs one token list instead of three.
pub fn parse_tree(src: &str) -> Parse {
    parse_keeping(src, false)
}

fn parse_keeping(src: &str, keep_tokens: bool) -> Parse {
    if let Some(parse) = parse_in_pieces(src, keep_tokens) {
        return parse;
    }
    parse_whole(src, keep_tokens)
}

/// Parses `src` in one piece.
fn parse_whole(src: &str, keep_tokens: bool) -> Parse {
    let (tokens, mut diags, balanced) = lex_and_balance(src, 0..src.len(), keep_tokens);
    let delimiter_diags = balanced.diagnostics;
    let input = parser::into_parser_tokens(balanced.tokens);
    let eoi = ps(Span::point(src.len()));
    // Valid input (the common case) parses with errors that cost nothing;
    // input with errors is parsed again for the detailed messages.
    if let Some((file, strings)) = parse_valid(src, &input, src.len()) {
        diags.extend(delimiter_diags);
        diags.extend(strings);
        bkp_diagnostics::sort_and_dedup(&mut diags);
        return Parse {
            file,
            tokens,
            diagnostics: diags,
        };
    }
    let (file, errors) = parser::file::<Rich<'_, TokenKind, PSpan>>(src)
        .parse(input.as_slice().split_token_span(eoi))
        .into_output_errors();
    let mut file = file.unwrap_or_default();
    let mut syntax = convert_errors(src, errors, &input);
    // The bracket check explains unbalanced input better than the parser's
    // view of it: drop parser errors at the same places or at the end.
    if !delimiter_diags.is_empty() {
        let at_brackets: HashSet<usize> = delimiter_diags.iter().map(|b| b.span.start()).collect();
        syntax.retain(|d| d.span.start() < src.len() && !at_brackets.contains(&d.span.start()));
    }
    // After a character the lexer rejected, the rest of its line is noise:
    // an error goes when the nearest rejected character before it is on its line.
    let mut rejected: Vec<usize> = diags
        .iter()
        .filter(|d| d.code == Code("E0101"))
        .map(|d| d.span.start())
        .collect();
    rejected.sort_unstable();
    syntax.retain(|d| {
        let before = rejected.partition_point(|&l| l <= d.span.start());
        before == 0 || src[rejected[before - 1]..d.span.start().min(src.len())].contains('\n')
    });
    diags.extend(delimiter_diags);
    diags.extend(syntax);
    diags.extend(expand_strings(&mut file, src));
    bkp_diagnostics::sort_and_dedup(&mut diags);
    Parse {
        file,
        tokens,
        diagnostics: diags,
    }
}

/// The bytes `range` of `src` lexed, with the lexer's diagnostics, and
/// bracket-checked; the tokens are returned only with `keep_tokens`
/// (else the lexer's list becomes the parser's in place).
fn lex_and_balance(
    src: &str,
    range: std::ops::Range<usize>,
    keep_tokens: bool,
) -> (Vec<Token>, Vec<Diagnostic>, delimiters::Balanced) {
    let (lexed, diags) = lexer::lex_range(src, range);
    if keep_tokens {
        let balanced = delimiters::check(src, lexed.clone());
        (lexed, diags, balanced)
    } else {
        (Vec::new(), diags, delimiters::check(src, lexed))
    }
}

/// Below this many bytes a file is parsed in one piece.
const SPLIT_MIN_BYTES: usize = 1 << 20;

/// Splits the string literals of `file` into their parts, returning the
/// diagnostics of bad escapes and interpolations.
fn expand_strings(file: &mut ast::File, src: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    visit::walk_exprs_mut(file, &mut |e| strings::expand(e, src, &mut diags));
    diags
}

/// The tree of `tokens`, the input up to byte `end` of `src`, its strings
/// expanded, with the diagnostics of its string literals, if the tokens
/// parse without any error; else `None`.
fn parse_valid(
    src: &str,
    tokens: &[(TokenKind, PSpan)],
    end: usize,
) -> Option<(ast::File, Vec<Diagnostic>)> {
    let (file, errors) = parser::file::<chumsky::error::EmptyErr>(src)
        .parse(tokens.split_token_span(ps(Span::point(end))))
        .into_output_errors();
    let mut file = file.filter(|_| errors.is_empty())?;
    let strings = expand_strings(&mut file, src);
    Some((file, strings))
}

/// One piece of a file, lexed and parsed on its own.
struct Piece {
    file: ast::File,
    tokens: Vec<Token>,
    diagnostics: Vec<Diagnostic>,
}

/// About how many bytes a piece of a large file has.
const PIECE_BYTES: usize = 512 << 10;

/// The most pieces a file is parsed in.
const MAX_PIECES: usize = 8;

/// A large file lexed and parsed in pieces on all cores, if every piece is
/// valid; else `None`, and the whole file goes the way of a small one.
///
/// Pieces meet at line breaks followed by a declaration keyword
/// ([`declaration_boundary`]). A line break is a token of its own, so each
/// piece lexes to its part of the whole file's tokens; when every piece's
/// brackets balance, none is open where two meet, so a declaration ends
/// there and the next begins, and the items of pieces that parse without
/// error are exactly those of the whole file. There are more pieces than
/// threads, taken in turn, so that threads finish together.
fn parse_in_pieces(src: &str, keep_tokens: bool) -> Option<Parse> {
    // Asking for the cores costs system calls: only for a file worth splitting.
    if src.len() < SPLIT_MIN_BYTES {
        return None;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 {
        return None;
    }
    let bounds = piece_bounds(src, (src.len() / PIECE_BYTES).clamp(2, MAX_PIECES));
    parse_pieces(src, &bounds, cores, keep_tokens)
}

/// Where `src` is cut into at most `pieces` pieces of about equal size: the
/// start of each piece, then the end of the text.
fn piece_bounds(src: &str, pieces: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    for i in 1..pieces {
        let from = (src.len() / pieces * i).max(bounds[bounds.len() - 1] + 1);
        match declaration_boundary(src, from.min(src.len())) {
            Some(at) => bounds.push(at),
            None => break,
        }
    }
    bounds.push(src.len());
    bounds
}

/// The pieces of `src` between `bounds` parsed on up to `threads` threads
/// and joined in order, if each parses without error.
fn parse_pieces(src: &str, bounds: &[usize], threads: usize, keep_tokens: bool) -> Option<Parse> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let count = bounds.len() - 1;
    let next = AtomicUsize::new(0);
    // Takes pieces in turn; after a failed one, no thread takes another.
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            let piece = parse_piece(src, bounds[i]..bounds[i + 1], keep_tokens);
            if piece.is_none() {
                next.store(count, Ordering::Relaxed);
            }
            done.push((i, piece));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(count)).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            done.extend(helper.join().ok()?);
        }
        Some(done)
    })?;
    if done.len() < count {
        return None;
    }
    done.sort_unstable_by_key(|(i, _)| *i);
    let pieces: Vec<Piece> = done.into_iter().map(|(_, p)| p).collect::<Option<_>>()?;
    // One list of each, sized once, each piece's moved in.
    let mut items = Vec::with_capacity(pieces.iter().map(|p| p.file.items.len()).sum());
    let mut tokens = Vec::with_capacity(pieces.iter().map(|p| p.tokens.len()).sum());
    let mut diagnostics = Vec::new();
    for piece in pieces {
        items.extend(piece.file.items);
        tokens.extend(piece.tokens);
        diagnostics.extend(piece.diagnostics);
    }
    bkp_diagnostics::sort_and_dedup(&mut diagnostics);
    Some(Parse {
        file: ast::File { items },
        tokens,
        diagnostics,
    })
}

/// The bytes `range` of `src` lexed and parsed, if their brackets balance
/// and they parse without error.
fn parse_piece(src: &str, range: std::ops::Range<usize>, keep_tokens: bool) -> Option<Piece> {
    let end = range.end;
    let (tokens, mut diagnostics, balanced) = lex_and_balance(src, range, keep_tokens);
    if !balanced.diagnostics.is_empty() {
        return None;
    }
    let input = parser::into_parser_tokens(balanced.tokens);
    let (file, strings) = parse_valid(src, &input, end)?;
    diagnostics.extend(strings);
    Some(Piece {
        file,
        tokens,
        diagnostics,
    })
}

/// The first line break at or after byte `from` of `src` that is followed
/// by a declaration keyword (after indentation), where a large file is
/// split.
fn declaration_boundary(src: &str, from: usize) -> Option<usize> {
    const KEYWORDS: [&[u8]; 6] = [b"let", b"vault", b"role", b"grant", b"stack", b"plan"];
    let bytes = src.as_bytes();
    let mut at = from;
    let newlines = memchr::arch::all::memchr::One::new(b'\n');
    while let Some(i) = newlines.find(&bytes[at..]) {
        let newline = at + i;
        let line = &bytes[newline + 1..];
        let indent = line
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let line = &line[indent..];
        let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii();
        if KEYWORDS
            .iter()
            .any(|k| line.starts_with(k) && line.get(k.len()).is_none_or(|&b| !is_word_byte(b)))
        {
            return Some(newline);
        }
        at = newline + 1;
    }
    None
}

/// Parses one expression (used for the REPL's input and interpolations).
pub fn parse_expr(src: &str) -> (ast::Expr, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let e = parse_embedded_expr(src, Span::new(0, src.len()), &mut diags, 0);
    bkp_diagnostics::sort_and_dedup(&mut diags);
    (e, diags)
}

/// Parses the expression under `span` of `src`, spans relative to `src`,
/// `depth` interpolations deep.
pub(crate) fn parse_embedded_expr(
    src: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
    depth: usize,
) -> ast::Expr {
    let (tokens, lex_diags) = lexer::lex_range(src, span.range());
    diags.extend(lex_diags);
    let tokens = delimiters::limit_nesting(tokens, diags);
    let input = parser::into_parser_tokens(tokens);
    let eoi = ps(Span::point(span.end()));
    let nl = just(TokenKind::Newline).repeated();
    let p = nl
        .ignore_then(parser::expr(src))
        .then_ignore(nl)
        .then_ignore(end());
    let (e, errors) = p
        .parse(input.as_slice().split_token_span(eoi))
        .into_output_errors();
    diags.extend(convert_errors(src, errors, &input));
    let mut e = e.unwrap_or_else(|| ast::Expr::error(span));
    strings::expand_at(&mut e, src, diags, depth);
    e
}

fn describe_found(found: Option<TokenKind>, src: &str, span: Span) -> String {
    match found {
        None => "end of file".to_string(),
        Some(TokenKind::Newline) => "end of line".to_string(),
        Some(TokenKind::Preset) => format!("preset name `{}`", &src[span.range()]),
        Some(TokenKind::Ident) => format!("name `{}`", &src[span.range()]),
        Some(k @ (TokenKind::Int | TokenKind::Duration)) => {
            format!("{} `{}`", k.describe(), &src[span.range()])
        }
        Some(k) => k.describe().to_string(),
    }
}

fn describe_pattern(p: &RichPattern<'_, TokenKind>) -> Option<String> {
    Some(match p {
        RichPattern::Token(t) => t.describe().to_string(),
        RichPattern::Label(l) => l.to_string(),
        RichPattern::Identifier(s) => format!("`{s}`"),
        RichPattern::EndOfInput => "end of file".to_string(),
        _ => return None,
    })
}

/// Turns chumsky's errors into short, specific diagnostics.
fn convert_errors(
    src: &str,
    errors: Vec<Rich<'_, TokenKind, PSpan>>,
    input: &[(TokenKind, PSpan)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for err in errors {
        let span = sp(*err.span());
        match err.reason() {
            RichReason::Custom(msg) => {
                let (code, msg) = msg
                    .split_once(parser::CODED)
                    .unwrap_or(("E0103", msg.as_str()));
                let code = match code {
                    "E0105" => "E0105",
                    "E0106" => "E0106",
                    "E0111" => "E0111",
                    "E0112" => "E0112",
                    _ => "E0103",
                };
                let mut d = Diagnostic::error(Code(code), span, msg.to_string());
                if code == "E0112" {
                    d = d.with_help(
                        "give parts of the expression names with `let` and use the names here",
                    );
                }
                if code == "E0105"
                    && let Some(fixed) = msg.rsplit('`').nth(1)
                {
                    d = d.with_fix(Fix::replace(format!("write `{fixed}`"), span, fixed));
                }
                out.push(d);
            }
            RichReason::ExpectedFound { expected, found } => {
                let found = found.as_ref().map(|t| **t);
                if found == Some(TokenKind::Error) {
                    continue; // already reported by the lexer
                }
                let mut wanted: Vec<String> = Vec::new();
                let labelled = expected.iter().any(|p| matches!(p, RichPattern::Label(_)));
                for p in expected {
                    if labelled && matches!(p, RichPattern::Token(t) if **t == TokenKind::Comma) {
                        continue;
                    }
                    // Operators that could continue an expression are noise here.
                    if matches!(p, RichPattern::Token(t) if matches!(**t, TokenKind::Plus | TokenKind::Star | TokenKind::Newline))
                    {
                        continue;
                    }
                    if let Some(s) = describe_pattern(p)
                        && !wanted.contains(&s)
                    {
                        wanted.push(s);
                    }
                }
                let found_text = describe_found(found, src, span);
                let message = match wanted.len() {
                    0 => format!("unexpected {found_text}"),
                    1..=3 => format!("expected {}, found {found_text}", join_or(&wanted)),
                    _ => format!("unexpected {found_text}"),
                };
                let span = if found.is_none() {
                    // At the end of input, point just past the last token.
                    let end = input.last().map_or(0, |(_, s)| s.end as usize);
                    Span::point(end)
                } else {
                    span
                };
                let mut d = Diagnostic::error(Code("E0103"), span, message);
                if found == Some(TokenKind::Preset) {
                    d = d.with_help(format!(
                        "`{}` is a reserved preset name",
                        &src[span.range()]
                    ));
                } else if found.is_some_and(|k| k.is_keyword())
                    && wanted.iter().any(|w| w == "name")
                {
                    d = d.with_help(format!(
                        "`{}` is a keyword and cannot be used as a name",
                        &src[span.range()]
                    ));
                }
                out.push(d);
            }
        }
    }
    out
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every valid parity program of the repository, repeated past the size
    /// at which files are parsed in two halves.
    fn large_program() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/parity");
        let mut sources: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "bkp"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .filter(|s| !parse_whole(s, false).has_errors())
            .collect();
        sources.sort();
        let one = sources.join("\n");
        let mut src = String::new();
        while src.len() < SPLIT_MIN_BYTES + 10_000 {
            src.push_str(&one);
            src.push('\n');
        }
        src
    }

    fn assert_same(a: &Parse, b: &Parse) {
        assert_eq!(a.file, b.file);
        assert_eq!(a.tokens, b.tokens);
        assert_eq!(a.diagnostics, b.diagnostics);
    }

    #[test]
    fn a_file_parsed_in_pieces_is_the_file_parsed_whole() {
        let src = large_program();
        let at = declaration_boundary(&src, src.len() / 2).expect("a boundary");
        assert!(at >= src.len() / 2);
        // Split explicitly, so that the pieces are compared on any machine.
        let many = piece_bounds(&src, 7);
        assert_eq!(many.len(), 8, "{many:?}");
        assert!(many.is_sorted());
        for keep_tokens in [true, false] {
            let whole = parse_whole(&src, keep_tokens);
            assert!(!whole.has_errors(), "{:?}", &whole.diagnostics[..1]);
            for (bounds, threads) in [(&[0, at, src.len()][..], 2), (&many, 1), (&many, 3)] {
                let pieces =
                    parse_pieces(&src, bounds, threads, keep_tokens).expect("valid pieces");
                assert_same(&pieces, &whole);
            }
        }
        // `parse` itself agrees.
        assert_same(&parse(&src), &parse_whole(&src, true));
    }

    #[test]
    fn an_error_in_any_piece_gets_the_whole_file_diagnosis() {
        let src = large_program();
        let middle = src.len() / 2;
        let line = middle + src[middle..].find('\n').unwrap() + 1;
        for (at, bad_text) in [
            (0, "plan = = \n"),
            (line, "plan = = \n"),
            (line, "vault v {\n"),
        ] {
            for at in [at, src.len()] {
                let mut bad = src.clone();
                bad.insert_str(at, bad_text);
                // Any piece failing fails the split parse...
                for pieces in [2, 5] {
                    let bounds = piece_bounds(&bad, pieces);
                    assert!(parse_pieces(&bad, &bounds, 2, false).is_none(), "{at}");
                }
                // ...and the detailed parse reports the error where it is.
                let parse = parse(&bad);
                let errors: Vec<_> = parse.diagnostics.iter().filter(|d| d.is_error()).collect();
                assert!(!errors.is_empty(), "{at}");
                assert!(
                    errors
                        .iter()
                        .all(|d| d.span.start() >= at && d.span.start() <= at + 10),
                    "{errors:?}"
                );
                assert_same(&parse, &parse_whole(&bad, true));
            }
        }
    }

    #[test]
    fn pieces_never_meet_inside_brackets() {
        // The first line break before a keyword is inside `<...>`: the first
        // piece does not balance, so the file is not split there.
        let src = "plan P <\nplan\n>\nvault v\nplan Q = daily35\n";
        assert_eq!(declaration_boundary(src, 0), Some(8));
        assert!(parse_pieces(src, &[0, 8, src.len()], 2, false).is_none());
        let at = declaration_boundary(src, 9).unwrap();
        assert_eq!(&src[at + 1..at + 6], "vault");
    }

    #[test]
    fn a_boundary_is_a_whole_keyword_after_indentation() {
        let src = "x\nplanet = 1\nvaults\n \tgrant g\n";
        let at = declaration_boundary(src, 0).unwrap();
        assert_eq!(&src[at..], "\n \tgrant g\n");
        assert_eq!(declaration_boundary("a\nplan\u{e9}\n", 0), None);
        assert_eq!(declaration_boundary("a\nplan", 0), Some(1));
    }
}
