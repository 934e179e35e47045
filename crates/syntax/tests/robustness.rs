//! Random input never panics the lexer or parser, and parsing stays fast.

use bkp_syntax::parse;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "vault",
    "plan",
    "rule",
    "select",
    "role",
    "grant",
    "let",
    "import",
    "arn",
    "on",
    "stack",
    "true",
    "daily35",
    "weekly",
    "x",
    "main",
    "=",
    "->",
    "<",
    ">",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    "\n",
    "+",
    "*",
    ".",
    "35d",
    "2h",
    "42",
    "\"s\"",
    "\"${x}\"",
    "\"unterminated",
    "# c\n",
    "35 days",
    "é",
    "@",
    "cron(",
    "tag(\"a\", \"b\")",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(src in soup()) {
        let p = parse(&src);
        for d in &p.diagnostics {
            prop_assert!(d.span.end <= src.len() && d.span.start <= d.span.end);
        }
    }

    #[test]
    fn random_text_never_panics(src in "\\PC{0,300}") {
        let _ = parse(&src);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse(&src);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let deep = format!("let x = {}1{}", "[".repeat(2000), "]".repeat(2000));
    let start = std::time::Instant::now();
    let _ = parse(&deep);
    let unbalanced = "(".repeat(5000);
    let _ = parse(&format!("let x = {unbalanced}"));
    assert!(start.elapsed().as_secs() < 30);
}
