//! The formatted output of every fixture (`tests/fixtures/*.bkp`, ugly
//! inputs covering each construct), as reviewed insta snapshots.

mod common;

#[test]
fn fixtures_format_as_snapshotted() {
    insta::glob!("fixtures/*.bkp", |path| {
        let src = std::fs::read_to_string(path).expect("fixture is readable");
        let name = path.display().to_string();
        let out = common::check_formatting(&name, &src);
        insta::assert_snapshot!(out);
    });
}

#[test]
fn fixtures_format_the_same_however_spaced() {
    for path in common::fixtures() {
        let src = std::fs::read_to_string(&path).expect("fixture is readable");
        let expected = bkp_fmt::format(&src).expect("fixture formats");
        for seed in 0..8 {
            let respaced = common::respace(&src, seed);
            let out = bkp_fmt::format(&respaced).expect("respaced fixture formats");
            assert_eq!(
                expected,
                out,
                "{}: spacing changed the output (seed {seed}):\n{respaced}",
                path.display()
            );
        }
    }
}

#[test]
fn syntax_errors_are_not_formatted() {
    for src in [
        "vault {",
        "plan P < rule daily",
        "let x = [1, 2",
        "let = 3",
        "vault v { a = }",
    ] {
        let diags = bkp_fmt::format(src).expect_err(src);
        assert!(diags.iter().any(|d| d.is_error()), "{src}");
    }
}

#[test]
fn spans_are_erased_outside_quoted_text() {
    assert_eq!(
        common::strip_spans(r#"Ident { name: "1..2\"3..4", span: 10..20 }"#),
        r#"Ident { name: "1..2\"3..4", span: _ }"#
    );
}
