//! The bracket check: reports unclosed and unmatched `{ [ ( <` at the
//! bracket itself, which says more than "expected `}`" at the end of a file,
//! and repairs the parser's token stream (unmatched closers dropped, missing
//! closers inserted) so that one bracket mistake stays one local error.

use crate::lexer::{Token, TokenKind as T};
use bkp_diagnostics::{Code, Diagnostic, LineIndex, Span};

fn closer(open: T) -> Option<T> {
    Some(match open {
        T::LBrace => T::RBrace,
        T::LBracket => T::RBracket,
        T::LParen => T::RParen,
        T::Lt => T::Gt,
        _ => return None,
    })
}

fn text(kind: T) -> &'static str {
    match kind {
        T::LBrace => "{",
        T::RBrace => "}",
        T::LBracket => "[",
        T::RBracket => "]",
        T::LParen => "(",
        T::RParen => ")",
        T::Lt => "<",
        T::Gt => ">",
        _ => "?",
    }
}

/// The outcome of the bracket check.
pub(crate) struct Balanced {
    pub diagnostics: Vec<Diagnostic>,
    /// The parser's tokens: comments dropped, brackets balanced.
    pub tokens: Vec<Token>,
}

/// How deep brackets may nest. Real policies nest a few levels; the limit
/// keeps every recursive pass (parser, checker, evaluator, formatter, the
/// IDE engine) far from the end of its thread's stack on any input.
///
/// An operator also makes a level of the tree (`(x) + 1 + 1` is
/// `((x) + 1) + 1`, `x` two levels below the sum), so a group's level
/// counts the `+` and `*` after it in the chains around it as well as the
/// brackets around it ([`too_deep_groups`]); a chain itself is limited by the
/// parser ([`MAX_CHAIN`](crate::parser::MAX_CHAIN)).
pub const MAX_NESTING: usize = 64;

/// Checks the brackets of `tokens` (comments included) from `src`: balances
/// them, then cuts what nests deeper than [`MAX_NESTING`]. The list becomes
/// the parser's when the brackets need no repair.
pub(crate) fn check(src: &str, mut tokens: Vec<Token>) -> Balanced {
    tokens.retain(|t| !t.kind.is_trivia());
    let mut balanced = balance(src, tokens);
    balanced.tokens = limit_nesting(balanced.tokens, &mut balanced.diagnostics);
    balanced
}

fn opens(k: T) -> bool {
    closer(k).is_some()
}

fn closes(k: T) -> bool {
    matches!(k, T::RBrace | T::RBracket | T::RParen | T::Gt)
}

fn is_operator(k: T) -> bool {
    matches!(k, T::Plus | T::Star)
}

/// The opening brackets of `tokens` (balanced) whose group's level in the
/// tree is past [`MAX_NESTING`], first ones first: the index, the bracket
/// depth and the level, which counts the brackets around the group plus the
/// operators that follow the groups around it, and it, in their chains.
///
/// The scan runs from the end, where the operators after a group are met
/// before the group. A chain ends at `,`, `=`, and a line break that does
/// not follow an operator; counting an operator that in fact belongs to a
/// tighter `*` chain only makes the level higher than it is.
fn too_deep_groups(tokens: &[Token]) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    // Per open group, innermost last: the operators after the current
    // position in its current chain. The first entry is the top level.
    let mut after: Vec<usize> = vec![0];
    let mut sum = 0usize;
    for (i, t) in tokens.iter().enumerate().rev() {
        let k = t.kind;
        if closes(k) {
            after.push(0);
        } else if opens(k) {
            if after.len() > 1 {
                sum -= after.pop().unwrap_or(0);
            }
            if after.len() + sum > MAX_NESTING {
                found.push((i, after.len(), after.len() + sum));
            }
        } else if let Some(last) = after.last_mut() {
            if is_operator(k) {
                *last += 1;
                sum += 1;
            } else if matches!(k, T::Comma | T::Eq)
                || (k == T::Newline && !(i > 0 && is_operator(tokens[i - 1].kind)))
            {
                sum -= *last;
                *last = 0;
            }
        }
    }
    found.reverse();
    found
}

/// Replaces each bracketed group whose level ([`too_deep_groups`]) is deeper
/// than [`MAX_NESTING`] by one error token spanning it (the parser reads
/// that as an expression already diagnosed), with one diagnostic at its
/// opening bracket.
pub(crate) fn limit_nesting(tokens: Vec<Token>, diags: &mut Vec<Diagnostic>) -> Vec<Token> {
    // Most often the brackets and all operators together stay in the limit.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut operators = 0usize;
    for t in &tokens {
        if opens(t.kind) {
            depth += 1;
            deepest = deepest.max(depth);
        } else if closes(t.kind) {
            depth = depth.saturating_sub(1);
        } else if is_operator(t.kind) {
            operators += 1;
        }
    }
    if deepest + operators <= MAX_NESTING {
        return tokens;
    }
    let cut = too_deep_groups(&tokens);
    if cut.is_empty() {
        return tokens;
    }
    let mut cut = cut.into_iter().peekable();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        while cut.next_if(|&(at, ..)| at < i).is_some() {}
        let t = tokens[i];
        let Some((_, depth, level)) = cut.next_if(|&(at, ..)| at == i) else {
            out.push(t);
            i += 1;
            continue;
        };
        // Skip to the bracket that closes this one (or to the end).
        let mut inner = 0usize;
        let mut j = i;
        while j < tokens.len() {
            if opens(tokens[j].kind) {
                inner += 1;
            } else if closes(tokens[j].kind) {
                inner -= 1;
                if inner == 0 {
                    break;
                }
            }
            j += 1;
        }
        let last = tokens[j.min(tokens.len() - 1)];
        let bracket = text(t.kind);
        let (message, label) = if depth > MAX_NESTING {
            (
                format!("brackets nested more than {MAX_NESTING} deep"),
                format!("this `{bracket}` opens level {}", MAX_NESTING + 1),
            )
        } else {
            (
                format!("expression nested more than {MAX_NESTING} deep"),
                format!(
                    "this `{bracket}` opens level {level}, counting the `+` and `*` after the groups around it"
                ),
            )
        };
        diags.push(
            Diagnostic::error(Code("E0112"), t.span, message)
                .with_label(label)
                .with_help("give the inner values names with `let` and use the names here"),
        );
        out.push(Token {
            kind: T::Error,
            span: t.span.cover(last.span),
        });
        i = j + 1;
    }
    out
}

/// Balances the brackets of `toks` (comments dropped) from `src`.
fn balance(src: &str, toks: Vec<Token>) -> Balanced {
    let mut diags = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Insertions: (index in `toks` before which to insert, token).
    let mut inserts: Vec<(usize, Token)> = Vec::new();
    // Indices of the unmatched closers, in order (rare: no list per token).
    let mut dropped: Vec<usize> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind {
            T::LBrace | T::LBracket | T::LParen | T::Lt => stack.push(i),
            T::RBrace | T::RBracket | T::RParen | T::Gt => {
                if let Some(pos) = stack
                    .iter()
                    .rposition(|&o| closer(toks[o].kind) == Some(tok.kind))
                {
                    for open in stack.drain(pos + 1..).rev() {
                        diags.push(unclosed(toks[open], Some(*tok)));
                        let at = virtual_closer_before(&toks, i, toks[open]);
                        inserts.push((i, at));
                    }
                    stack.pop();
                } else {
                    let mut d = Diagnostic::error(
                        Code("E0109"),
                        tok.span,
                        format!("unmatched `{}`", text(tok.kind)),
                    )
                    .with_label("nothing open here is closed by this");
                    if let Some(&open) = stack.last() {
                        d = d.with_related(
                            toks[open].span,
                            format!(
                                "the innermost open bracket is this `{}`",
                                text(toks[open].kind)
                            ),
                        );
                    }
                    diags.push(d);
                    dropped.push(i);
                }
            }
            _ => {}
        }
    }
    // Brackets still open at the end close before the first later line that
    // is indented no deeper than the opener's line, or at the end.
    // Built only when a bracket is left open, and once: the scan below
    // asks for the line of many tokens.
    let lines = (!stack.is_empty()).then(|| LineIndex::new(src));
    let line_of = |offset: usize| lines.as_ref().map_or(0, |l| l.line_col(offset).line);
    let indent_of = |offset: usize| {
        let line = line_of(offset);
        let start = lines.as_ref().and_then(|l| l.line_start(line)).unwrap_or(0);
        src[start.min(src.len())..]
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count()
    };
    for &open in stack.iter().rev() {
        diags.push(unclosed(toks[open], None));
        let open_line = line_of(toks[open].span.start());
        let open_indent = indent_of(toks[open].span.start());
        let mut at = toks.len();
        for j in open + 1..toks.len() {
            let t = toks[j];
            let first_on_line = j == 0 || toks[j - 1].kind == T::Newline;
            if first_on_line
                && t.kind != T::Newline
                && line_of(t.span.start()) > open_line
                && indent_of(t.span.start()) <= open_indent
                && closer(t.kind).is_none()
                && !matches!(t.kind, T::RBrace | T::RBracket | T::RParen | T::Gt)
            {
                // Close at the end of the last line with content before it.
                let mut k = j;
                while k > open + 1 && toks[k - 1].kind == T::Newline {
                    k -= 1;
                }
                at = k;
                break;
            }
        }
        let pos = if at < toks.len() {
            toks[at].span.start()
        } else {
            src.len()
        };
        let kind = closer(toks[open].kind).unwrap_or(T::RBrace);
        inserts.push((
            at,
            Token {
                kind,
                span: Span::point(pos),
            },
        ));
    }
    if inserts.is_empty() && diags.is_empty() {
        // Balanced already (the common case): nothing to repair.
        return Balanced {
            diagnostics: diags,
            tokens: toks,
        };
    }
    inserts.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(toks.len() + inserts.len());
    let mut ins = inserts.into_iter().peekable();
    let mut dropped = dropped.into_iter().peekable();
    for (i, t) in toks.iter().enumerate() {
        while let Some((_, v)) = ins.next_if(|(at, _)| *at == i) {
            out.push(v);
        }
        if dropped.next_if_eq(&i).is_none() {
            out.push(*t);
        }
    }
    out.extend(ins.map(|(_, v)| v));
    Balanced {
        diagnostics: diags,
        tokens: out,
    }
}

fn virtual_closer_before(toks: &[Token], i: usize, open: Token) -> Token {
    let kind = closer(open.kind).unwrap_or(T::RBrace);
    Token {
        kind,
        span: Span::point(toks[i].span.start()),
    }
}

fn unclosed(open: Token, at: Option<Token>) -> Diagnostic {
    let close = closer(open.kind).map_or("?", text);
    let d = Diagnostic::error(
        Code("E0110"),
        open.span,
        format!("unclosed `{}`", text(open.kind)),
    )
    .with_help(format!("add the matching `{close}`"));
    match at {
        Some(t) => d
            .with_label(format!("this `{}` is not closed", text(open.kind)))
            .with_related(
                Span::point(t.span.start()),
                format!("`{close}` expected before this"),
            ),
        None => d.with_label("not closed before the end of the file"),
    }
}
