//! Comment insertion, in the style of Cedar's formatter fuzzer: a unique
//! comment is put at every place one may legally go (at the end of each
//! line, and on a line of its own after each line), all at once and one at
//! a time, and each must come out exactly once, in the same order, without
//! changing the meaning.

mod common;

use bkp_syntax::lexer::{TokenKind, lex};

/// Byte offsets and texts of the comments that can be inserted into `src`.
fn insertion_points(src: &str) -> Vec<(usize, &'static str)> {
    let (tokens, _) = lex(src);
    let mut points = vec![(0, "own")];
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Newline {
            continue;
        }
        if i == 0 || tokens[i - 1].kind != TokenKind::Comment {
            points.push((t.span.start(), "eol"));
        }
        points.push((t.span.end(), "own"));
    }
    points
}

fn insert(src: &str, points: &[(usize, &str)], first: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (n, &(offset, kind)) in points.iter().enumerate() {
        out.push_str(&src[at..offset]);
        match kind {
            "eol" => out.push_str(&format!(" # c{}", first + n)),
            _ => out.push_str(&format!("# c{}\n", first + n)),
        }
        at = offset;
    }
    out.push_str(&src[at..]);
    out
}

fn check(name: &str, src: &str) {
    let out = common::check_formatting(name, src);
    for c in common::comments(src)
        .iter()
        .filter(|c| c.starts_with("# c"))
    {
        let needle = format!("{c}\n");
        assert_eq!(
            out.matches(needle.as_str()).count(),
            1,
            "{name}: `{c}` not exactly once in:\n{out}"
        );
    }
}

fn sources() -> Vec<(String, String)> {
    common::fixtures()
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("fixture is readable"),
            )
        })
        .collect()
}

#[test]
fn a_comment_at_every_place_at_once() {
    for (name, src) in sources() {
        let points = insertion_points(&src);
        check(&name, &insert(&src, &points, 0));
    }
}

#[test]
fn a_comment_at_each_place_alone() {
    for (name, src) in sources() {
        for (n, point) in insertion_points(&src).into_iter().enumerate() {
            let with = insert(&src, &[point], n);
            check(&format!("{name} (comment {n} at {})", point.0), &with);
        }
    }
}
