//! String literals: escapes and `${...}` interpolation. The lexer keeps a
//! literal as one token; this module splits it into parts, re-lexing and
//! parsing each interpolation with spans into the original text.

use crate::ast::{Expr, ExprKind, StrPart};
use bkp_diagnostics::{Code, Diagnostic, Span};

/// Resolves escapes, keeping unknown ones verbatim (for keys, where errors are
/// reported by [`split`] anyway).
pub(crate) fn unescape_lossy(s: &str) -> String {
    let mut out = String::new();
    let mut diags = Vec::new();
    unescape_into(s, 0, &mut out, &mut diags);
    out
}

/// Appends `s` (raw literal text starting at byte `base`) to `out` with escapes resolved.
fn unescape_into(s: &str, base: usize, out: &mut String, diags: &mut Vec<Diagnostic>) {
    // Text before the first escape, most often all of it, is copied as is.
    let first = memchr::arch::all::memchr::One::new(b'\\')
        .find(s.as_bytes())
        .unwrap_or(s.len());
    out.push_str(&s[..first]);
    let mut chars = s[first..]
        .char_indices()
        .map(|(i, c)| (first + i, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((j, e)) = chars.next() else {
            diags.push(Diagnostic::error(
                Code("E0107"),
                Span::new(base + i, base + i + 1),
                "unfinished escape `\\`",
            ));
            break;
        };
        match e {
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            '$' => out.push('$'),
            'u' => {
                let rest = &s[j + 1..];
                let close = rest.find('}');
                let ok = rest.starts_with('{') && close.is_some();
                let hex = if ok { &rest[1..close.unwrap_or(1)] } else { "" };
                let code = u32::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| (1..=6).contains(&hex.len()));
                match code.and_then(char::from_u32) {
                    Some(ch) if ok => {
                        out.push(ch);
                        let skip = close.unwrap_or(0) + 1;
                        while chars.peek().is_some_and(|(k, _)| *k <= j + skip) {
                            chars.next();
                        }
                    }
                    _ => {
                        let end = if ok {
                            j + 1 + close.unwrap_or(0) + 1
                        } else {
                            j + e.len_utf8()
                        };
                        diags.push(
                            Diagnostic::error(Code("E0107"), Span::new(base + i, base + end), "invalid unicode escape")
                                .with_help("write `\\u{XXXX}` with 1 to 6 hex digits of a Unicode scalar value"),
                        );
                    }
                }
            }
            other => {
                let span = Span::new(base + i, base + j + other.len_utf8());
                diags.push(
                    Diagnostic::error(Code("E0107"), span, format!("unknown escape `\\{other}`"))
                        .with_help(
                            "escapes are `\\\"`, `\\\\`, `\\n`, `\\t`, `\\$` and `\\u{...}`",
                        ),
                );
                out.push(other);
            }
        }
    }
}

/// How deep interpolations may nest (`"${"${x}"}"` is two deep): deeper is
/// never needed, and with brackets limited to [`MAX_NESTING`] on each level
/// it bounds the depth of any expression tree.
///
/// [`MAX_NESTING`]: crate::delimiters::MAX_NESTING
pub const MAX_INTERPOLATION_NESTING: usize = 8;

/// The parts of the string literal at `span`, which lies `depth`
/// interpolations deep.
pub(crate) fn split(
    src: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
    depth: usize,
) -> Vec<StrPart> {
    let text = &src[span.range()];
    let closed =
        text.len() >= 2 && text.ends_with('"') && !ends_in_escape(&text[1..text.len() - 1]);
    let body_start = span.start() + 1;
    let body = if closed {
        &text[1..text.len() - 1]
    } else {
        &text[1..]
    };
    let bytes = body.as_bytes();
    // Most literals are one piece of text.
    let mut parts = Vec::with_capacity(1);
    let mut lit_start = 0;
    let mut i = 0;
    let push_text =
        |from: usize, to: usize, parts: &mut Vec<StrPart>, diags: &mut Vec<Diagnostic>| {
            if from < to {
                let mut out = String::with_capacity(to - from);
                unescape_into(&body[from..to], body_start + from, &mut out, diags);
                parts.push(StrPart::Text(
                    out,
                    Span::new(body_start + from, body_start + to),
                ));
            }
        };
    let stops = memchr::arch::all::memchr::Two::new(b'\\', b'$');
    while i < bytes.len() {
        // Only escapes and interpolations interrupt the text.
        match stops.find(&bytes[i..]) {
            Some(skip) => i += skip,
            None => {
                i = bytes.len();
                break;
            }
        }
        match bytes[i] {
            b'\\' => i += 2,
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                push_text(lit_start, i, &mut parts, diags);
                let inner_start = i + 2;
                let end = matching_brace(bytes, inner_start);
                let interp_span = Span::new(
                    body_start + i,
                    body_start + end.map_or(bytes.len(), |e| e + 1),
                );
                let inner = Span::new(
                    body_start + inner_start,
                    body_start + end.unwrap_or(bytes.len()),
                );
                let expr = if end.is_none() {
                    diags.push(
                        Diagnostic::error(
                            Code("E0108"),
                            interp_span,
                            "unclosed interpolation `${`",
                        )
                        .with_help("close it with `}`"),
                    );
                    Expr::error(inner)
                } else if depth == MAX_INTERPOLATION_NESTING {
                    diags.push(
                        Diagnostic::error(
                            Code("E0112"),
                            Span::new(interp_span.start(), interp_span.start() + 2),
                            format!(
                                "interpolations nested more than {MAX_INTERPOLATION_NESTING} deep"
                            ),
                        )
                        .with_label(format!(
                            "this `${{` opens level {}",
                            MAX_INTERPOLATION_NESTING + 1
                        ))
                        .with_help(
                            "give the inner strings names with `let` and use the names here",
                        ),
                    );
                    Expr::error(inner)
                } else {
                    crate::parse_embedded_expr(src, inner, diags, depth + 1)
                };
                parts.push(StrPart::Interp(Box::new(expr), interp_span));
                i = end.map_or(bytes.len(), |e| e + 1);
                lit_start = i;
            }
            _ => i += 1,
        }
    }
    push_text(lit_start, bytes.len().min(i), &mut parts, diags);
    parts
}

fn ends_in_escape(body: &str) -> bool {
    body.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// Index of the `}` closing an interpolation whose contents start at `from`.
fn matching_brace(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Fills in the parts of every string literal in an expression tree.
pub(crate) fn expand(expr: &mut Expr, src: &str, diags: &mut Vec<Diagnostic>) {
    expand_at(expr, src, diags, 0);
}

/// As [`expand`], for a tree `depth` interpolations deep.
pub(crate) fn expand_at(expr: &mut Expr, src: &str, diags: &mut Vec<Diagnostic>, depth: usize) {
    let expand = |e: &mut Expr, diags: &mut Vec<Diagnostic>| expand_at(e, src, diags, depth);
    match &mut expr.kind {
        ExprKind::Str(parts) => *parts = split(src, expr.span, diags, depth),
        ExprKind::List(items) => items.iter_mut().for_each(|e| expand(e, diags)),
        ExprKind::Record(r) | ExprKind::Tagged { record: r, .. } => r
            .fields
            .iter_mut()
            .for_each(|f| expand(&mut f.value, diags)),
        ExprKind::Call { args, .. } => args.iter_mut().for_each(|a| expand(&mut a.value, diags)),
        ExprKind::Binary { lhs, rhs, .. } => {
            expand(lhs, diags);
            expand(rhs, diags);
        }
        ExprKind::Paren(e) => expand(e, diags),
        ExprKind::Int(_)
        | ExprKind::Duration { .. }
        | ExprKind::Bool(_)
        | ExprKind::Name(_)
        | ExprKind::Error => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(literal: &str) -> (Vec<String>, Vec<(String, Span)>) {
        let mut diags = Vec::new();
        let parts = split(literal, Span::new(0, literal.len()), &mut diags, 0);
        let parts = parts
            .iter()
            .map(|p| match p {
                StrPart::Text(t, span) => format!("text {t:?} {span:?}"),
                StrPart::Interp(_, span) => format!("interp {span:?}"),
            })
            .collect();
        let diags = diags
            .into_iter()
            .map(|d| (d.message.into(), d.span))
            .collect();
        (parts, diags)
    }

    #[test]
    fn text_escapes_and_interpolations_keep_their_places() {
        let (p, d) = parts(r#""a\n${x}b\u{e9}c$d $""#);
        assert_eq!(
            p,
            [
                format!("text {:?} {:?}", "a\n", Span::new(1, 4)),
                format!("interp {:?}", Span::new(4, 8)),
                format!("text {:?} {:?}", "béc$d $", Span::new(8, 20)),
            ]
        );
        assert!(d.is_empty(), "{d:?}");
        let (p, _) = parts(r#""plain text""#);
        assert_eq!(
            p,
            [format!("text {:?} {:?}", "plain text", Span::new(1, 11))]
        );
    }

    #[test]
    fn a_bad_escape_is_reported_where_it_is() {
        let (p, d) = parts(r#""abc\q${y}\z""#);
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(
            d,
            [
                ("unknown escape `\\q`".to_string(), Span::new(4, 6)),
                ("unknown escape `\\z`".to_string(), Span::new(10, 12)),
            ]
        );
    }
}
