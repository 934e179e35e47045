//! The lexer: source text to [`Token`]s with byte spans, comments and newlines
//! included (the formatter needs both; the parser uses newlines as separators).

use bkp_diagnostics::{Code, Diagnostic, Fix, Span};
use logos::Logos;
use std::ops::Range;

/// The kind of a token; its text is the source under its span.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(error = LexError)]
pub enum TokenKind {
    #[token("\n")]
    Newline,
    #[regex(r"#[^\n]*", allow_greedy = true)]
    Comment,

    #[token("vault")]
    Vault,
    #[token("plan")]
    Plan,
    #[token("rule")]
    Rule,
    #[token("select")]
    Select,
    #[token("role")]
    Role,
    #[token("grant")]
    Grant,
    #[token("let")]
    Let,
    #[token("import")]
    Import,
    #[token("arn")]
    Arn,
    #[token("on")]
    On,
    #[token("to")]
    To,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("stack")]
    Stack,

    /// A reserved preset name (`daily35`, `weekly`, ...).
    #[token("daily35")]
    #[token("daily35_day_retention")]
    #[token("daily_monthly1_year")]
    #[token("daily_monthly1_year_retention")]
    #[token("daily_weekly_monthly5_year")]
    #[token("daily_weekly_monthly5_year_retention")]
    #[token("daily_weekly_monthly7_year")]
    #[token("daily_weekly_monthly7_year_retention")]
    #[token("daily")]
    #[token("weekly")]
    #[token("monthly1_year")]
    #[token("monthly5_year")]
    #[token("monthly7_year")]
    Preset,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Ident,
    /// A word with non-ASCII letters: not an identifier, diagnosed once.
    #[regex(r"[\p{L}_][\p{L}\p{N}_]*", non_ascii_word, priority = 1)]
    NonAsciiWord,
    #[regex(r"[0-9]+")]
    Int,
    /// An integer with a unit suffix; the unit is checked by the lexer.
    #[regex(r"[0-9]+[A-Za-z_][A-Za-z0-9_]*")]
    Duration,
    /// A string literal, escapes and interpolations included. Strings end at
    /// the end of their line: an unterminated one is diagnosed and still
    /// lexed as a string up to the line's end.
    #[token("\"", lex_string)]
    Str,

    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("=")]
    Eq,
    #[token(",")]
    Comma,
    #[token("->")]
    Arrow,
    #[token(".")]
    Dot,
    #[token("+")]
    Plus,
    #[token("*")]
    Star,

    /// `'...'`: a string in the wrong quotes, diagnosed once.
    #[regex(r"'[^'\n]*'?", single_quoted)]
    SingleQuoted,
    /// Anything that is not a token; already diagnosed by the lexer.
    Error,
}

/// Why the lexer stopped on some input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LexError {
    #[default]
    Unexpected,
    UnterminatedString,
    NonAsciiIdent,
    SingleQuote,
}

/// Scans a string literal after its opening quote, following `${ ... }`
/// nesting (with strings inside) so a `"` inside an interpolation does not end
/// the literal. Stops at a newline.
fn lex_string(lex: &mut logos::Lexer<TokenKind>) -> Result<(), LexError> {
    let rest = lex.remainder().as_bytes();
    match scan_string_body(rest) {
        Ok(n) => {
            lex.bump(n);
            Ok(())
        }
        Err(n) => {
            lex.bump(n);
            Err(LexError::UnterminatedString)
        }
    }
}

/// Returns the length of the body including the closing quote, or the length
/// up to the end of the line when unterminated.
fn scan_string_body(s: &[u8]) -> Result<usize, usize> {
    // Most strings have no interpolation.
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        match c {
            b'"' => return Ok(i + 1),
            b'\n' => return Err(i),
            b'\\' if s.get(i + 1).is_some_and(|&c| c != b'\n') => i += 2,
            b'$' if s.get(i + 1) == Some(&b'{') => return scan_interpolated(s),
            _ => i += 1,
        }
    }
    Err(s.len())
}

/// As [`scan_string_body`], for a string with interpolations: iterative,
/// with the open strings and interpolations on a stack, so that no nesting
/// depth can exhaust the call stack.
fn scan_interpolated(s: &[u8]) -> Result<usize, usize> {
    /// An open string, or an interpolation with its count of open braces.
    enum Open {
        Str,
        Interp(usize),
    }
    let mut open = vec![Open::Str];
    let mut i = 0;
    while let Some(top) = open.last_mut() {
        let Some(&c) = s.get(i) else {
            return Err(s.len());
        };
        if c == b'\n' {
            return Err(i);
        }
        match top {
            Open::Str => match c {
                b'"' => {
                    open.pop();
                }
                b'\\' if s.get(i + 1).is_some_and(|&c| c != b'\n') => i += 1,
                b'$' if s.get(i + 1) == Some(&b'{') => {
                    open.push(Open::Interp(1));
                    i += 1;
                }
                _ => {}
            },
            Open::Interp(braces) => match c {
                b'{' => *braces += 1,
                b'}' => {
                    *braces -= 1;
                    if *braces == 0 {
                        open.pop();
                    }
                }
                b'"' => open.push(Open::Str),
                _ => {}
            },
        }
        i += 1;
    }
    Ok(i)
}

fn single_quoted(_: &mut logos::Lexer<TokenKind>) -> Result<(), LexError> {
    Err(LexError::SingleQuote)
}

fn non_ascii_word(_: &mut logos::Lexer<TokenKind>) -> Result<(), LexError> {
    Err(LexError::NonAsciiIdent)
}

/// One lexed token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl TokenKind {
    /// Whether the token carries no meaning for the parser.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokenKind::Comment)
    }

    /// Whether this is a reserved word (keyword or preset).
    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Vault
                | Plan
                | Rule
                | Select
                | Role
                | Grant
                | Let
                | Import
                | Arn
                | On
                | To
                | True
                | False
                | Stack
        )
    }

    /// How the token is named in messages.
    pub fn describe(self) -> &'static str {
        use TokenKind::*;
        match self {
            Newline => "end of line",
            Comment => "comment",
            Vault => "`vault`",
            Plan => "`plan`",
            Rule => "`rule`",
            Select => "`select`",
            Role => "`role`",
            Grant => "`grant`",
            Let => "`let`",
            Import => "`import`",
            Arn => "`arn`",
            On => "`on`",
            To => "`to`",
            True => "`true`",
            False => "`false`",
            Stack => "`stack`",
            Preset => "preset name",
            Ident => "name",
            Int => "integer",
            Duration => "duration",
            Str => "string",
            LBrace => "`{`",
            RBrace => "`}`",
            LBracket => "`[`",
            RBracket => "`]`",
            LParen => "`(`",
            RParen => "`)`",
            Lt => "`<`",
            Gt => "`>`",
            Eq => "`=`",
            Comma => "`,`",
            Arrow => "`->`",
            Dot => "`.`",
            Plus => "`+`",
            Star => "`*`",
            Error | NonAsciiWord | SingleQuoted => "invalid token",
        }
    }
}

/// Duration units and their length in minutes.
pub const DURATION_UNITS: &[(&str, u64)] = &[
    ("min", 1),
    ("h", 60),
    ("d", 60 * 24),
    ("w", 60 * 24 * 7),
    ("y", 60 * 24 * 365),
];

/// Words people write after a number when they mean a duration, with the unit to use.
pub const UNIT_WORDS: &[(&str, &str)] = &[
    ("m", "min"),
    ("mins", "min"),
    ("minute", "min"),
    ("minutes", "min"),
    ("hr", "h"),
    ("hrs", "h"),
    ("hour", "h"),
    ("hours", "h"),
    ("day", "d"),
    ("days", "d"),
    ("week", "w"),
    ("weeks", "w"),
    ("year", "y"),
    ("years", "y"),
    ("s", "min"),
    ("sec", "min"),
    ("secs", "min"),
    ("second", "min"),
    ("seconds", "min"),
];

/// Splits a duration token's text into its digits and unit.
pub fn split_duration(text: &str) -> (&str, &str) {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    text.split_at(digits)
}

/// Lexes `text` completely. Never fails: what cannot be lexed becomes an
/// [`TokenKind::Error`] token with a diagnostic.
pub fn lex(text: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    lex_range(text, 0..text.len())
}

/// Lexes the bytes `range` of `text`, with spans into the whole `text`.
/// Every line break is a token of its own (no other token spans one), so
/// lexing a text in pieces that meet at line breaks gives the tokens of the
/// whole.
pub(crate) fn lex_range(text: &str, range: Range<usize>) -> (Vec<Token>, Vec<Diagnostic>) {
    let start = range.start;
    let piece = &text[range];
    let mut tokens = Vec::with_capacity(piece.len() / 4);
    let mut diags = Vec::new();
    let mut lexer = TokenKind::lexer(piece);
    while let Some(result) = lexer.next() {
        let span = Span::from(lexer.span()).shift(start);
        let kind = match result {
            Ok(TokenKind::Duration) => {
                check_duration(&text[span.range()], span, &mut diags);
                TokenKind::Duration
            }
            Ok(kind) => kind,
            Err(LexError::UnterminatedString) => {
                diags.push(
                    Diagnostic::error(Code("E0102"), span, "unterminated string")
                        .with_label("this string is not closed before the end of the line")
                        .with_help("add a closing `\"`"),
                );
                TokenKind::Str
            }
            Err(LexError::SingleQuote) => {
                let found = &text[span.range()];
                let inner = found.trim_matches('\'');
                let fixed = format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""));
                diags.push(
                    Diagnostic::error(Code("E0101"), span, "strings use double quotes")
                        .with_fix(Fix::replace(format!("write {fixed}"), span, fixed)),
                );
                TokenKind::Str
            }
            Err(LexError::NonAsciiIdent) => {
                diags.push(
                    Diagnostic::error(
                        Code("E0101"),
                        span,
                        format!(
                            "`{}` is not a valid name: names are ASCII letters, digits and `_`",
                            &text[span.range()]
                        ),
                    )
                    .with_help("non-ASCII text belongs in strings"),
                );
                TokenKind::Error
            }
            Err(LexError::Unexpected) => {
                let found = &text[span.range()];
                diags.push(unexpected_char(found, span));
                TokenKind::Error
            }
        };
        push_merged(&mut tokens, Token { kind, span });
    }
    (tokens, diags)
}

/// Adjacent error tokens are merged so a run of bad characters is one token.
fn push_merged(tokens: &mut Vec<Token>, tok: Token) {
    if tok.kind == TokenKind::Error
        && let Some(last) = tokens.last_mut()
        && last.kind == TokenKind::Error
        && last.span.end() == tok.span.start()
    {
        last.span = last.span.with_end(tok.span.end());
        return;
    }
    tokens.push(tok);
}

fn unexpected_char(found: &str, span: Span) -> Diagnostic {
    let c = found.chars().next().unwrap_or('?');
    let d = Diagnostic::error(Code("E0101"), span, format!("unexpected character `{c}`"));
    match c {
        '\'' => d.with_help("strings use double quotes: `\"...\"`"),
        ';' => d
            .with_help("items are separated by newlines or commas")
            .with_fix(Fix::replace("replace `;` with `,`", span, ",")),
        '-' => d.with_help("`-` only appears in `->`; there are no negative numbers"),
        c if c.is_alphabetic() => d
            .with_label("identifiers are ASCII letters, digits and `_`")
            .with_help("non-ASCII text belongs in strings"),
        _ => d,
    }
}

fn check_duration(text: &str, span: Span, diags: &mut Vec<Diagnostic>) {
    let (digits, unit) = split_duration(text);
    if DURATION_UNITS.iter().any(|(u, _)| *u == unit) {
        return;
    }
    let unit_span = Span::new(span.start() + digits.len(), span.end());
    let mut d = Diagnostic::error(
        Code("E0104"),
        unit_span,
        format!("unknown duration unit `{unit}`"),
    )
    .with_label("units are `min`, `h`, `d`, `w` and `y`");
    if let Some((_, good)) = UNIT_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(unit))
    {
        d = d
            .with_help(format!("write `{digits}{good}`"))
            .with_fix(Fix::replace(
                format!("write `{digits}{good}`"),
                span,
                format!("{digits}{good}"),
            ));
    }
    diags.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<TokenKind> {
        lex(s).0.into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn keywords_presets_idents() {
        use TokenKind::*;
        assert_eq!(
            kinds("plan daily35 dailyx daily"),
            vec![Plan, Preset, Ident, Preset]
        );
        assert_eq!(
            kinds("30min 2h -> # hi\n"),
            vec![Duration, Duration, Arrow, Comment, Newline]
        );
    }

    #[test]
    fn strings_with_interpolation() {
        let (toks, diags) = lex(r#"x = "a${ "b" + c }d" y"#);
        assert!(diags.is_empty());
        assert_eq!(toks[2].kind, TokenKind::Str);
        assert_eq!(toks[3].kind, TokenKind::Ident);
    }

    #[test]
    fn unterminated_string_stops_at_line_end() {
        let (toks, diags) = lex("x = \"abc\ny");
        assert_eq!(diags.len(), 1);
        assert_eq!(
            toks.iter().map(|t| t.kind).collect::<Vec<_>>().last(),
            Some(&TokenKind::Ident)
        );
    }

    #[test]
    fn pieces_meeting_at_line_breaks_lex_as_the_whole() {
        // Unterminated strings and interpolations, a comment, bad characters
        // and a bad duration next to line breaks.
        let text =
            "plan P <\n  x = \"a${ b\n\"c\" 'd\n# e \"\n@@\n35days\n\u{e9}t\u{e9} = \"${\"\n}\n>";
        let whole = lex(text);
        for (at, _) in text.match_indices('\n') {
            let (mut tokens, mut diags) = lex_range(text, 0..at);
            let (rest, rest_diags) = lex_range(text, at..text.len());
            tokens.extend(rest);
            diags.extend(rest_diags);
            assert_eq!(tokens, whole.0, "split at {at}");
            assert_eq!(diags, whole.1, "split at {at}");
        }
    }

    #[test]
    fn bad_duration_unit() {
        let (_, diags) = lex("35days");
        assert_eq!(diags[0].code, Code("E0104"));
        assert_eq!(diags[0].fixes[0].edits[0].text, "35d");
    }
}
