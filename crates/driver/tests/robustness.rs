//! Random programs never panic any stage, and every diagnostic's span lies
//! in the text.

use bkp_driver::Analysis;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "vault v",
    "vault w = import \"x\"",
    "vault a = import arn \"arn:aws:backup:r:1:backup-vault:n\"",
    "plan P",
    "plan daily35",
    "= daily35",
    "= weekly",
    "-> vault v",
    "-> vault",
    "<",
    ">",
    "rule",
    "rule daily",
    "rule X",
    "select S",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    "\n",
    "delete_after = 35d",
    "move_to_cold_storage_after = 400d",
    "enable_continuous_backup = true",
    "schedule = cron(hour = \"3\")",
    "resources = [tag(\"a\", \"b\"), dynamodb_table(\"t\")]",
    "role = r",
    "role r { assumed_by = any_principal }",
    "grant r \"backup:*\" on v",
    "let x = 1d + 2",
    "let y = x",
    "x",
    "y * 3",
    "lock_configuration = { min_retention = 0d }",
    "copy_actions = [{ destination_backup_vault = v, delete_after = 1d, move_to_cold_storage_after = 5d }]",
    "stack S { account = \"123456789012\" }",
    "\"${x}\"",
    "35 days",
    "backup_vault = v",
    "conditions = [tag_like(\"a\")]",
];

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_programs_never_panic(src in program()) {
        let mut a = Analysis::new(src.clone());
        a.compile();
        for d in &a.diagnostics {
            prop_assert!(d.span.start() <= d.span.end() && d.span.end() <= src.len(), "{:?}", d);
            for r in &d.related {
                prop_assert!(r.span.end() <= src.len());
            }
        }
    }
}

/// The deepest expressions the syntax lets through (groups whose brackets
/// and following operators add up to the nesting limit, a full chain of
/// operators inside) and lets naming lets in a long chain go through every
/// stage without running out of stack, on a test thread's stack; deeper
/// ones, and values that lets nest or copy past their limits, are cut with
/// a diagnostic.
#[test]
fn deepest_programs_pass_every_stage() {
    let chain = format!("1{}", " + 1".repeat(bkp_syntax::MAX_CHAIN));
    let mut e = chain.clone();
    for _ in 0..bkp_syntax::MAX_NESTING / 2 - 1 {
        e = format!("({e}) + 1");
    }
    let mut a = Analysis::new(format!("let x = {e}\nlet y = [{e}]\n"));
    a.compile();
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics.first());
    let mut e = chain.clone();
    for _ in 0..bkp_syntax::MAX_NESTING - 1 {
        e = format!("({e}){}", " + 1".repeat(bkp_syntax::MAX_CHAIN));
    }
    let mut a = Analysis::new(format!("let x = {e}\n"));
    a.compile();
    let codes: Vec<_> = a.diagnostics.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0112"]);
    let mut lets = String::from("let a0 = 1d\n");
    for i in 1..20_000 {
        lets.push_str(&format!("let a{i} = a{}\n", i - 1));
    }
    lets.push_str("vault v { lock_configuration = { min_retention = a19999 } }\n");
    let mut a = Analysis::new(lets);
    assert!(a.compile().is_some(), "{:?}", a.diagnostics.first());
    // Lets nesting lists in each other, and lets doubling each other, are
    // cut with one diagnostic each.
    let mut nested = String::from("let a0 = 1\n");
    let mut doubled = String::from("let b0 = 1\n");
    for i in 1..20_000 {
        nested.push_str(&format!("let a{i} = [a{}]\n", i - 1));
    }
    for i in 1..60 {
        doubled.push_str(&format!("let b{i} = [b{0}, b{0}]\n", i - 1));
    }
    let mut strings = String::from("let text0 = \"ab\"\n");
    for i in 1..60 {
        strings.push_str(&format!(
            "let text{i} = \"${{text{0}}}${{text{0}}}\"\n",
            i - 1
        ));
    }
    for (src, code) in [(nested, "E0222"), (doubled, "E0223"), (strings, "E0224")] {
        let mut a = Analysis::new(src);
        a.compile();
        let codes: Vec<_> = a.diagnostics.iter().map(|d| d.code.0).collect();
        assert_eq!(codes, [code]);
    }
}
