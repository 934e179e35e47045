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

use bkp_diagnostics::{Code, Diagnostic, Fix, Span};
use chumsky::error::{RichPattern, RichReason};
use chumsky::prelude::*;
use lexer::{Token, TokenKind};
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
    let (lexed, mut diags) = lexer::lex(src);
    // Without the tokens to keep, their list becomes the parser's.
    let (tokens, balanced) = if keep_tokens {
        let balanced = delimiters::check(src, lexed.clone());
        (lexed, balanced)
    } else {
        (Vec::new(), delimiters::check(src, lexed))
    };
    let delimiter_diags = balanced.diagnostics;
    let input = parser::into_parser_tokens(balanced.tokens);
    let eoi = SimpleSpan::from(src.len()..src.len());
    // Valid input (the common case) parses with errors that cost nothing;
    // input with errors is parsed again for the detailed messages.
    let split = split_point(&input, delimiter_diags.is_empty());
    if let Some((file, strings)) = parse_valid(src, &input, split) {
        diags.extend(delimiter_diags);
        diags.extend(strings);
        bkp_diagnostics::sort_and_dedup(&mut diags);
        return Parse {
            file,
            tokens,
            diagnostics: diags,
        };
    }
    let (file, errors) = parser::file::<Rich<'_, TokenKind>>(src)
        .parse(input.as_slice().split_token_span(eoi))
        .into_output_errors();
    let mut file = file.unwrap_or_default();
    let mut syntax = convert_errors(src, errors, &input);
    // The bracket check explains unbalanced input better than the parser's
    // view of it: drop parser errors at the same places or at the end.
    if !delimiter_diags.is_empty() {
        let at_brackets: HashSet<usize> = delimiter_diags.iter().map(|b| b.span.start).collect();
        syntax.retain(|d| d.span.start < src.len() && !at_brackets.contains(&d.span.start));
    }
    // After a character the lexer rejected, the rest of its line is noise:
    // an error goes when the nearest rejected character before it is on its line.
    let mut rejected: Vec<usize> = diags
        .iter()
        .filter(|d| d.code == Code("E0101"))
        .map(|d| d.span.start)
        .collect();
    rejected.sort_unstable();
    syntax.retain(|d| {
        let before = rejected.partition_point(|&l| l <= d.span.start);
        before == 0 || src[rejected[before - 1]..d.span.start.min(src.len())].contains('\n')
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

/// Below this many tokens a file is parsed in one piece.
const SPLIT_MIN_TOKENS: usize = 200_000;

/// Splits the string literals of `file` into their parts, returning the
/// diagnostics of bad escapes and interpolations.
fn expand_strings(file: &mut ast::File, src: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    visit::walk_exprs_mut(file, &mut |e| strings::expand(e, src, &mut diags));
    diags
}

/// The tree of `tokens`, its strings expanded, with the diagnostics of its
/// string literals, if the tokens parse without any error; else `None`.
///
/// A large file with balanced brackets is parsed as two halves on two
/// threads. The halves meet at a line break outside any bracket that is
/// followed by a declaration keyword: there a declaration necessarily ends
/// and the next begins, so when both halves parse without error their items
/// are exactly those of the whole file. Any error sends the whole file to
/// the detailed parse, as for a file parsed in one piece.
fn parse_valid(
    src: &str,
    tokens: &[(TokenKind, SimpleSpan)],
    split: Option<usize>,
) -> Option<(ast::File, Vec<Diagnostic>)> {
    // `end`: where the piece ends in the text.
    let whole = |tokens: &[(TokenKind, SimpleSpan)], end: usize| {
        let (file, errors) = parser::file::<chumsky::error::EmptyErr>(src)
            .parse(tokens.split_token_span(SimpleSpan::from(end..end)))
            .into_output_errors();
        let mut file = file.filter(|_| errors.is_empty())?;
        let strings = expand_strings(&mut file, src);
        Some((file, strings))
    };
    let Some(at) = split else {
        return whole(tokens, src.len());
    };
    let (first, second) = tokens.split_at(at);
    let middle = second[0].1.start;
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| whole(second, src.len()));
        let first = whole(first, middle);
        (first, second.join().ok().flatten())
    });
    let (mut file, mut strings) = first?;
    let (rest, rest_strings) = second?;
    file.items.reserve_exact(rest.items.len());
    file.items.extend(rest.items);
    strings.extend(rest_strings);
    Some((file, strings))
}

/// Where [`parse_valid`] splits `tokens`: only a large file with balanced
/// brackets, on a machine with more than one core.
fn split_point(tokens: &[(TokenKind, SimpleSpan)], balanced: bool) -> Option<usize> {
    // Asking for the cores costs system calls: only for a file worth splitting.
    let parallel = || std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if balanced && tokens.len() >= SPLIT_MIN_TOKENS && parallel() {
        declaration_boundary(tokens, tokens.len() / 2)
    } else {
        None
    }
}

/// The index of the first line break at or after `from`, outside brackets,
/// that is followed by a declaration keyword.
fn declaration_boundary(tokens: &[(TokenKind, SimpleSpan)], from: usize) -> Option<usize> {
    use TokenKind as T;
    let mut depth = 0usize;
    for (i, (kind, _)) in tokens.iter().enumerate() {
        match kind {
            T::LBrace | T::LBracket | T::LParen | T::Lt => depth += 1,
            T::RBrace | T::RBracket | T::RParen | T::Gt => depth = depth.saturating_sub(1),
            T::Newline
                if i >= from
                    && depth == 0
                    && tokens.get(i + 1).is_some_and(|(next, _)| {
                        matches!(
                            next,
                            T::Let | T::Vault | T::Role | T::Grant | T::Stack | T::Plan
                        )
                    }) =>
            {
                return Some(i);
            }
            _ => {}
        }
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
    let (mut tokens, lex_diags) = lexer::lex(&src[span.range()]);
    for t in &mut tokens {
        t.span = t.span.shift(span.start);
    }
    diags.extend(lex_diags.into_iter().map(|mut d| {
        d.span = d.span.shift(span.start);
        for f in &mut d.fixes {
            for e in &mut f.edits {
                e.span = e.span.shift(span.start);
            }
        }
        d
    }));
    let tokens = delimiters::limit_nesting(tokens, diags);
    let input = parser::into_parser_tokens(tokens);
    let eoi = SimpleSpan::from(span.end..span.end);
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
    errors: Vec<Rich<'_, TokenKind>>,
    input: &[(TokenKind, SimpleSpan)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for err in errors {
        let span = Span::new(err.span().start, err.span().end);
        match err.reason() {
            RichReason::Custom(msg) => {
                let (code, msg) = msg
                    .split_once(parser::CODED)
                    .unwrap_or(("E0103", msg.as_str()));
                let code = match code {
                    "E0105" => "E0105",
                    "E0106" => "E0106",
                    "E0111" => "E0111",
                    _ => "E0103",
                };
                let mut d = Diagnostic::error(Code(code), span, msg.to_string());
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
                    let end = input.last().map_or(0, |(_, s)| s.end);
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

    fn tokens(src: &str) -> Vec<(TokenKind, SimpleSpan)> {
        let (tokens, _) = lexer::lex(src);
        parser::into_parser_tokens(delimiters::check(src, tokens).tokens)
    }

    /// Every valid parity program of the repository, repeated past the size
    /// at which files are parsed in two halves.
    fn large_program() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/parity");
        let mut sources: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "bkp"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .filter(|s| !parse(s).has_errors())
            .collect();
        sources.sort();
        let one = sources.join("\n");
        let mut src = String::new();
        while tokens(&src).len() < SPLIT_MIN_TOKENS + 1000 {
            src.push_str(&one);
            src.push('\n');
        }
        src
    }

    #[test]
    fn a_file_parsed_in_halves_is_the_file_parsed_whole() {
        let src = large_program();
        let input = tokens(&src);
        let at = declaration_boundary(&input, input.len() / 2).expect("a boundary");
        assert!(at >= input.len() / 2);
        // Split explicitly, so that the halves are compared on any machine.
        let halves = parse_valid(&src, &input, Some(at)).expect("valid halves");
        let whole = parse_valid(&src, &input, None).expect("valid");
        assert_eq!(halves, whole);
        // `parse` itself agrees with both.
        let parsed = parse(&src);
        assert!(!parsed.has_errors(), "{:?}", &parsed.diagnostics[..1]);
        assert_eq!(parsed.file, whole.0);
    }

    #[test]
    fn an_error_in_either_half_gets_the_whole_file_diagnosis() {
        let src = large_program();
        let middle = src.len() / 2;
        let line = middle + src[middle..].find('\n').unwrap() + 1;
        for at in [0, line, src.len()] {
            let mut bad = src.clone();
            bad.insert_str(at, "plan = = \n");
            // Either half failing fails the split parse...
            let input = tokens(&bad);
            let split = declaration_boundary(&input, input.len() / 2);
            assert!(parse_valid(&bad, &input, split).is_none(), "{at}");
            // ...and the detailed parse reports the error where it is.
            let parse = parse(&bad);
            let errors: Vec<_> = parse.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(!errors.is_empty(), "{at}");
            assert!(
                errors
                    .iter()
                    .all(|d| d.span.start >= at && d.span.start <= at + 10),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn halves_never_meet_inside_brackets() {
        let src = "plan P <\nplan\n>\nvault v\nplan Q = daily35\n";
        let input = tokens(src);
        let at = declaration_boundary(&input, 0).unwrap();
        assert_eq!(&src[input[at + 1].1.start..input[at + 1].1.end], "vault");
    }
}
