//! YAML output: snapshots of two templates, and a check that every template
//! (and every awkward string) reads back as the same JSON, keys in order.

mod common;

use bkp_cfn::Json;
use common::*;
use serde_json::{Value, json};

fn round_trip(value: &Json) -> String {
    let yaml = bkp_cfn::to_yaml(value).unwrap();
    let back: Value = serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    assert_eq!(
        bkp_cfn::to_json(&from_value(&back)),
        bkp_cfn::to_json(value),
        "{yaml}"
    );
    yaml
}

#[test]
fn yaml_of_a_plan_with_a_selection() {
    let mut b = B::new();
    let p = b.preset_plan("Plan", "daily_weekly_monthly5_year", None);
    b.select(
        p,
        bkp_model::Selection {
            resources: vec![
                dynamodb_table("myTableName"),
                efs_file_system("fs-0123456789abcdef0"),
            ],
            tags: pairs(&[("stage", "prod")]),
            ..sel("Selection")
        },
    );
    let template = bkp_cfn::template(&b.build()).unwrap();
    insta::assert_snapshot!("seed_add_selection", round_trip(&template));
}

#[test]
fn yaml_of_a_vault_with_every_option() {
    let template = from_value(&expected("vault_all_options"));
    insta::assert_snapshot!("vault_all_options", round_trip(&template));
}

#[test]
fn every_parity_template_reads_back_the_same() {
    let mut seen = 0;
    for entry in std::fs::read_dir(parity_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            round_trip(&from_value(&value));
            seen += 1;
        }
    }
    assert!(seen > 10, "only {seen} parity templates");
}

#[test]
fn awkward_strings_stay_strings() {
    let strings = [
        "",
        " ",
        "true",
        "false",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "null",
        "~",
        "Null",
        "123",
        "0123",
        "-1",
        "1.5",
        "1e3",
        "0x1F",
        "0o17",
        ".inf",
        "-.Inf",
        ".nan",
        "12:30",
        "1:20:30",
        "2012-10-17",
        "2001-12-14t21:59:43.10-05:00",
        "# not a comment",
        "a # b",
        "key: value",
        "- item",
        "[x]",
        "{x}",
        "*alias",
        "&anchor",
        "!tag",
        "%directive",
        "@at",
        "`tick",
        "'single'",
        "\"double\"",
        "a\"b",
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "  leading",
        "trailing  ",
        "ünïcödé",
        "emoji 🎉",
        "---",
        "...",
        "?",
        ":",
        "-",
        "|",
        ">",
        "cron(0 5 ? * SAT *)",
        "arn:aws:ec2:*:*:volume/*",
        "aws:ResourceTag/app",
        "web*",
        "Fn::GetAtt",
        &"long words ".repeat(20),
    ];
    for s in strings {
        round_trip(&from_value(
            &json!({ "Resources": { "R": { "Type": "T", "Properties": { "Value": s, "List": [s], s: 1 } } } }),
        ));
    }
}

#[test]
fn numbers_and_booleans_keep_their_type() {
    round_trip(&from_value(
        &json!({ "a": 0, "b": 36500, "c": true, "d": false, "e": [], "f": {} }),
    ));
}

#[test]
fn json_output_ends_with_a_newline() {
    let s = bkp_cfn::to_json(&from_value(&json!({ "Resources": {} })));
    assert_eq!(s, "{\n  \"Resources\": {}\n}\n");
}

#[test]
fn json_output_is_byte_for_byte_the_cdk_printing() {
    for dir in [parity_dir(), own_cases_dir()] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let value: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(
                    bkp_cfn::to_json(&from_value(&value)),
                    text,
                    "{}",
                    path.display()
                );
            }
        }
    }
}
