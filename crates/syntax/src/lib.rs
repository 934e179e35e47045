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

/// The result of parsing one text.
#[derive(Clone, Debug)]
pub struct Parse {
    pub file: ast::File,
    /// Every token, comments and newlines included (the formatter's input).
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
    let (tokens, mut diags) = lexer::lex(src);
    let balanced = delimiters::check(src, &tokens);
    let delimiter_diags = balanced.diagnostics;
    let input = parser::parser_tokens(&balanced.tokens);
    let eoi = SimpleSpan::from(src.len()..src.len());
    // Valid input (the common case) parses with errors that cost nothing;
    // input with errors is parsed again for the detailed messages.
    let fast = parser::file::<chumsky::error::EmptyErr>(src)
        .parse(input.as_slice().split_token_span(eoi))
        .into_output_errors();
    let (file, errors) = match fast {
        (Some(file), errs) if errs.is_empty() => (Some(file), Vec::new()),
        _ => parser::file::<Rich<'_, TokenKind>>(src)
            .parse(input.as_slice().split_token_span(eoi))
            .into_output_errors(),
    };
    let mut file = file.unwrap_or_default();
    let mut syntax = convert_errors(src, errors, &input);
    // The bracket check explains unbalanced input better than the parser's
    // view of it: drop parser errors at the same places or at the end.
    if !delimiter_diags.is_empty() {
        syntax.retain(|d| {
            d.span.start < src.len()
                && !delimiter_diags.iter().any(|b| b.span.start == d.span.start)
        });
    }
    // After a character the lexer rejected, the rest of its line is noise.
    let lexer_errors: Vec<Span> = diags
        .iter()
        .filter(|d| d.code == Code("E0101"))
        .map(|d| d.span)
        .collect();
    syntax.retain(|d| {
        !lexer_errors.iter().any(|l| {
            l.start <= d.span.start && !src[l.start..d.span.start.min(src.len())].contains('\n')
        })
    });
    diags.extend(delimiter_diags);
    diags.extend(syntax);
    visit::walk_exprs_mut(&mut file, &mut |e| strings::expand(e, src, &mut diags));
    bkp_diagnostics::sort_and_dedup(&mut diags);
    Parse {
        file,
        tokens,
        diagnostics: diags,
    }
}

/// Parses one expression (used for the REPL's input and interpolations).
pub fn parse_expr(src: &str) -> (ast::Expr, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let e = parse_embedded_expr(src, Span::new(0, src.len()), &mut diags);
    bkp_diagnostics::sort_and_dedup(&mut diags);
    (e, diags)
}

/// Parses the expression under `span` of `src`, spans relative to `src`.
pub(crate) fn parse_embedded_expr(src: &str, span: Span, diags: &mut Vec<Diagnostic>) -> ast::Expr {
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
    let input = parser::parser_tokens(&tokens);
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
    strings::expand(&mut e, src, diags);
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
                let mut d = Diagnostic::error(Code(code), span, msg);
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
