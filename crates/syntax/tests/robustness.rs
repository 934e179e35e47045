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
            prop_assert!(d.span.end() <= src.len() && d.span.start() <= d.span.end());
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

/// Nesting past the limits (brackets, interpolations, chains of operators)
/// is cut at the limit with one diagnostic, so that no later pass recurses
/// deeper than that on any input.
#[test]
fn deep_nesting_is_cut_at_the_limit() {
    let brackets = format!("let x = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let cut = parse(&brackets);
    let codes: Vec<_> = cut.diagnostics.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0112"]);
    let mut interpolations = String::from("1");
    for _ in 0..20_000 {
        interpolations = format!("\"${{{interpolations}}}\"");
    }
    let cut = parse(&format!("let x = {interpolations}"));
    let codes: Vec<_> = cut.diagnostics.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0112"]);
    let chain = format!("let x = 1{}", " + 1".repeat(100_000));
    let cut = parse(&chain);
    let codes: Vec<_> = cut.diagnostics.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0112"]);
    // At the 65th `+`, where the chain passes the limit.
    assert_eq!(
        cut.diagnostics[0].span.start(),
        "let x = 1".len() + 64 * 4 + 1
    );
    let products = format!("let x = 2{}", " * 2".repeat(100_000));
    assert_eq!(
        parse(&products)
            .diagnostics
            .iter()
            .map(|d| d.code.0)
            .collect::<Vec<_>>(),
        ["E0112"]
    );
    let at_limit = format!(
        "let x = 1{}\nlet y = 2{}",
        " + 1".repeat(64),
        " * 2".repeat(64)
    );
    assert!(parse(&at_limit).diagnostics.is_empty());
    let unbalanced = "(".repeat(5000);
    assert!(
        !parse(&format!("let x = {unbalanced}"))
            .diagnostics
            .is_empty()
    );
}
