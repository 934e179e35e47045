//! The bracket check: reports unclosed and unmatched `{ [ ( <` pairs at the
//! bracket itself, which says more than "expected `}`" at the end of a file.

use crate::lexer::{Token, TokenKind as T};
use bkp_diagnostics::{Code, Diagnostic, Span};

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

pub(crate) fn check(_src: &str, tokens: &[Token]) -> Vec<Diagnostic> {
    let mut stack: Vec<Token> = Vec::new();
    let mut diags = Vec::new();
    for tok in tokens {
        match tok.kind {
            T::LBrace | T::LBracket | T::LParen | T::Lt => stack.push(*tok),
            T::RBrace | T::RBracket | T::RParen | T::Gt => {
                if let Some(pos) = stack.iter().rposition(|o| closer(o.kind) == Some(tok.kind)) {
                    for open in stack.drain(pos + 1..).rev() {
                        diags.push(unclosed(open, Some(*tok)));
                    }
                    stack.pop();
                } else {
                    let mut d = Diagnostic::error(Code("E0109"), tok.span, format!("unmatched `{}`", text(tok.kind)))
                        .with_label("nothing opened here is closed by this");
                    if let Some(open) = stack.last() {
                        d = d.with_related(open.span, format!("the innermost open bracket is this `{}`", text(open.kind)));
                    }
                    diags.push(d);
                }
            }
            _ => {}
        }
    }
    for open in stack.into_iter().rev() {
        diags.push(unclosed(open, None));
    }
    diags
}

fn unclosed(open: Token, at: Option<Token>) -> Diagnostic {
    let close = closer(open.kind).map_or("?", text);
    let d = Diagnostic::error(Code("E0110"), open.span, format!("unclosed `{}`", text(open.kind)))
        .with_help(format!("add the matching `{close}`"));
    match at {
        Some(t) => d.with_related(Span::point(t.span.start), format!("`{close}` expected before this")),
        None => d.with_label("not closed before the end of the file"),
    }
}
