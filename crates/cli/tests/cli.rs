//! Integration tests driving the real `bkp` binary: exit codes, messages,
//! atomic output and formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bkp() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bkp"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bkp().args(args).stdin(Stdio::null()).output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bkp-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn help_says_what_each_command_does() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for cmd in ["check", "compile", "fmt"] {
        assert!(help.contains(cmd), "{help}");
    }
    let out = run(&["check", "--help"]);
    assert!(text(&out.stdout).contains("Exit status"));
}

#[test]
fn check_clean_file_exits_zero() {
    let f = repo().join("tests/parity/seed_design_card.bkp");
    let out = run(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty());
}

#[test]
fn check_warnings_exit_zero_unless_denied() {
    let f = repo().join("tests/diagnostics/warn_tag_union.bkp");
    let out = run(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("warning[W0303]"));
    let out = run(&["check", "--deny-warnings", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn repeated_warnings_are_listed_by_their_first_line_after_five() {
    let dir = temp_dir("many");
    let f = dir.join("many.bkp");
    let mut src = String::from("vault v\n");
    for i in 0..25 {
        src.push_str(&format!(
            "plan p{i} = daily35 -> vault v < select s {{ resources = [tag(\"a\", \"b\"), arn(\"arn:aws:ec2:us-east-1:123456789012:volume/vol-{i}\")] }} >\n"
        ));
    }
    std::fs::write(&f, src).unwrap();
    let out = run(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert_eq!(err.matches("warning[W0303]").count(), 25, "{err}");
    assert_eq!(err.matches("[W0303] Warning").count(), 5, "{err}");
    assert!(
        err.contains("20 more listed by their first line (drawn in full: the first 5 of each code, at most 20 errors and 20 warnings); `--full` draws every one"),
        "{err}"
    );
    let out = run(&["check", "--full", f.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(err.matches("[W0303] Warning").count(), 25, "{err}");
    assert!(!err.contains("--full"), "{err}");
}

#[test]
fn check_errors_are_located_and_exit_one() {
    let f = repo().join("tests/malformed/misplaced_closer_in_plan.bkp");
    let out = run(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("misplaced_closer_in_plan.bkp:5:39: error[E0103]"),
        "{err}"
    );
    assert!(
        err.contains("misplaced_closer_in_plan.bkp:6:3: error[E0109]"),
        "{err}"
    );
}

#[test]
fn missing_unreadable_and_non_utf8_files_exit_two_with_one_line() {
    let dir = temp_dir("io");
    let out = run(&["check", dir.join("nope.bkp").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("no such file"));

    let out = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("directory"),
        "{}",
        text(&out.stderr)
    );

    let bad = dir.join("latin1.bkp");
    std::fs::write(&bad, b"vault caf\xe9\n").unwrap();
    let out = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not valid UTF-8"));

    let out = run(&["compile", dir.join("nope.bkp").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn compile_prints_the_cdk_template() {
    let f = repo().join("tests/parity/seed_vault_per_rule.bkp");
    let out = run(&["compile", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(f.with_extension("json")).unwrap()).unwrap();
    assert_eq!(got, want);
}

#[test]
fn compile_yaml_reads_back_as_the_same_template() {
    let f = repo().join("tests/parity/seed_add_selection.bkp");
    let out = run(&["compile", "--format", "yaml", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got: serde_json::Value = serde_saphyr::from_str(&text(&out.stdout)).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(f.with_extension("json")).unwrap()).unwrap();
    assert_eq!(got, want);
}

#[test]
fn compile_to_file_is_atomic_and_skipped_on_error() {
    let dir = temp_dir("out");
    let out_file = dir.join("template.json");
    let good = repo().join("tests/parity/seed_pitr.bkp");
    let out = run(&[
        "compile",
        good.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert!(written.contains("AWS::Backup::BackupPlan"));

    // A failing compile leaves the previous output untouched and writes nothing else.
    let bad = repo().join("tests/parity/err_plan_no_rule.bkp");
    let out = run(&[
        "compile",
        bad.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), written);
    let fresh = dir.join("fresh.json");
    run(&[
        "compile",
        bad.to_str().unwrap(),
        "-o",
        fresh.to_str().unwrap(),
    ]);
    assert!(!fresh.exists());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary files are left behind"
    );
}

/// A template far larger than the pieces it is written in comes out whole,
/// the same on stdout and in a file, as the library prints it.
#[test]
fn a_large_template_is_written_whole() {
    let dir = temp_dir("large");
    let src = dir.join("large.bkp");
    let mut text_src = String::from("vault v { backup_vault_name = \"shared\" }\n");
    for i in 0..120 {
        text_src.push_str(&format!(
            "plan P{i} = daily_weekly_monthly5_year -> vault v <\n  select S{i} {{ resources = [dynamodb_table(\"t{i}\")] }}\n>\n"
        ));
    }
    std::fs::write(&src, &text_src).unwrap();
    let out = run(&["compile", src.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.len() > 200_000, "{} bytes", out.stdout.len());
    let out_file = dir.join("large.json");
    run(&[
        "compile",
        src.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out_file).unwrap(), out.stdout);
    let mut analysis = bkp_driver::Analysis::new(text_src);
    let template = analysis.compile().expect("a template");
    assert_eq!(text(&out.stdout), bkp_cfn::to_json(&template));
}

/// A source too large for the batch commands' arena (past 256 KB) is
/// served by the general allocator from the start, with the same results.
#[test]
fn a_large_source_checks_with_the_general_allocator() {
    let dir = temp_dir("large_source");
    let src = dir.join("many.bkp");
    let mut text_src = String::new();
    for i in 0..2500 {
        text_src.push_str(&format!(
            "vault v{i} {{ backup_vault_name = \"vault-{i}\" }}\nplan P{i} = daily35 -> vault v{i} <\n  select S{i} {{ resources = [dynamodb_table(\"table-{i}\")] }}\n>\n"
        ));
    }
    assert!(text_src.len() > 256 << 10, "{} bytes", text_src.len());
    std::fs::write(&src, &text_src).unwrap();
    let out = run(&["check", src.to_str().unwrap()]);
    // Four resources per plan: past CloudFormation's 500, as the CDK refuses.
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("E0401"), "{stderr}");
    assert!(stderr.contains("1 error"), "{stderr}");
}

/// Input nested past any sensible depth is reported, by every command,
/// instead of exhausting the stack of some pass; nesting up to the limits on
/// every level goes through every stage.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let dir = temp_dir("deep");
    let deep = dir.join("deep.bkp");
    let mut strings = String::from("1");
    for _ in 0..20_000 {
        strings = format!("\"${{{strings}}}\"");
    }
    std::fs::write(
        &deep,
        format!(
            "let a = {}1{}\nlet b = {strings}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let path = deep.to_str().unwrap();
    for args in [
        &["check", path][..],
        &["compile", path],
        &["fmt", "--check", path],
    ] {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stderr).contains("E0112"), "{args:?}");
    }
    // At the limits: 64 brackets inside each of 8 nested interpolations.
    let mut nested = String::from("1");
    for _ in 0..8 {
        nested = format!("\"${{{}{nested}{}}}\"", "[".repeat(63), "]".repeat(63));
    }
    let limit = dir.join("limit.bkp");
    std::fs::write(
        &limit,
        format!("let a = {}{nested}{}\n", "[".repeat(63), "]".repeat(63)),
    )
    .unwrap();
    let out = run(&["check", limit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("E0112"));
}

#[test]
fn compile_rejected_case_prints_no_template() {
    let bad = repo().join("tests/parity/err_grant_wildcard.bkp");
    let out = run(&["compile", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("error[E0312]"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn compile_deny_warnings_fails_without_output() {
    let f = repo().join("tests/diagnostics/warn_tag_union.bkp");
    let out = run(&["compile", "--deny-warnings", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn every_example_checks_clean() {
    for entry in std::fs::read_dir(repo().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bkp") {
            let out = run(&["check", path.to_str().unwrap()]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {}",
                path.display(),
                text(&out.stderr)
            );
        }
    }
}

#[test]
fn readme_tour_compiles_cleanly() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("```bkp\n").expect("a bkp block") + "```bkp\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let dir = temp_dir("tour");
    let f = dir.join("tour.bkp");
    std::fs::write(&f, &readme[start..end]).unwrap();
    let out = run(&["compile", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}
