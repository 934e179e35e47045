//! Helpers shared by the formatter's integration tests.

#![allow(dead_code)]

use bkp_syntax::lexer::{TokenKind, lex};
use std::path::{Path, PathBuf};

/// The syntax tree of `src` in debug form with every span erased, so two
/// trees compare equal when they differ only in positions.
pub fn ast_without_spans(src: &str) -> String {
    let parse = bkp_syntax::parse(src);
    assert!(
        !parse.has_errors(),
        "does not parse cleanly:\n{src}\n{:?}",
        parse.diagnostics
    );
    strip_spans(&format!("{:#?}", parse.file))
}

/// Replaces each `START..END` outside quoted text with `_`.
pub fn strip_spans(debug: &str) -> String {
    let chars: Vec<char> = debug.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let number_at = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            out.push(c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            if i < chars.len() {
                out.push('"');
                i += 1;
            }
            continue;
        }
        let n = if c.is_ascii_digit() { number_at(i) } else { 0 };
        if n > 0 && chars.get(i + n) == Some(&'.') && chars.get(i + n + 1) == Some(&'.') {
            let m = number_at(i + n + 2);
            if m > 0 {
                out.push('_');
                i += n + 2 + m;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The text of every comment, in order, as the formatter prints it: without
/// trailing whitespace, and with `,` and `=` padded by two or more spaces on
/// both sides tidied (see docs/style.md).
pub fn comments(src: &str) -> Vec<String> {
    lex(src)
        .0
        .iter()
        .filter(|t| t.kind == TokenKind::Comment)
        .map(|t| tidy(src[t.span.range()].trim_end()))
        .collect()
}

fn tidy(comment: &str) -> String {
    let mut s = comment.to_string();
    for (mark, with) in [(",", ", "), ("=", " = ")] {
        let padded = format!("  {mark}  ");
        while let Some(at) = s.find(&padded) {
            let start = s[..at].trim_end_matches(' ').len();
            let after = at + padded.len();
            let end = after + (s[after..].len() - s[after..].trim_start_matches(' ').len());
            s.replace_range(start..end, with);
        }
    }
    s
}

/// Formats `src` and checks the formatter's promises: the output parses to
/// the same tree, keeps every comment in order, and formats to itself.
pub fn check_formatting(name: &str, src: &str) -> String {
    let out = bkp_fmt::format(src).unwrap_or_else(|d| panic!("{name}: not formatted: {d:#?}"));
    assert_eq!(
        ast_without_spans(src),
        ast_without_spans(&out),
        "{name}: meaning changed; output:\n{out}"
    );
    assert_eq!(
        comments(src),
        comments(&out),
        "{name}: comments differ; output:\n{out}"
    );
    let again =
        bkp_fmt::format(&out).unwrap_or_else(|d| panic!("{name}: output not formatted: {d:#?}"));
    assert_eq!(out, again, "{name}: not idempotent");
    assert!(
        out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")),
        "{name}: bad ending"
    );
    assert!(
        !out.lines().any(|l| l.ends_with(' ') || l.ends_with('\t')),
        "{name}: trailing whitespace"
    );
    out
}

/// `src` with the spaces between tokens changed (more of them, tabs, other
/// indentation) but the same tokens, comments and newlines: its formatting
/// must be the same.
pub fn respace(src: &str, seed: u64) -> String {
    let (tokens, _) = lex(src);
    let mut rng = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut out = String::new();
    let mut prev: Option<TokenKind> = None;
    for t in &tokens {
        match prev {
            Some(TokenKind::Newline) | None if t.kind != TokenKind::Newline => {
                out.push_str(&" \t  "[..(next() % 4) as usize]);
            }
            Some(_) if t.kind != TokenKind::Newline => {
                out.push_str(["  ", " ", "\t", "   "][(next() % 4) as usize])
            }
            _ => {}
        }
        out.push_str(&src[t.span.range()]);
        prev = Some(t.kind);
    }
    out
}

/// The workspace root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.bkp` file under `dir`, skipping build output and dependencies.
pub fn bkp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                if !matches!(name.as_str(), "target" | "node_modules" | ".git") {
                    todo.push(path);
                }
            } else if name.ends_with(".bkp") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The formatter's own fixtures.
pub fn fixtures() -> Vec<PathBuf> {
    bkp_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
}
