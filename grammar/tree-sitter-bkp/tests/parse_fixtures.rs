//! Every valid `.bkp` file the project has must parse with no ERROR or
//! MISSING node: the project's own fixtures under `tests/` (but those that are
//! invalid on purpose) and this crate's samples.

use std::path::{Path, PathBuf};

/// Fixture files named `err_*` and folders named like this hold programs that
/// are invalid on purpose.
const INVALID_DIRS: &[&str] = &["malformed", "broken"];
/// Folders that never hold fixtures.
const SKIPPED_DIRS: &[&str] = &["node_modules", "target"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn project_root() -> PathBuf {
    crate_dir().join("../..")
}

fn collect_bkp(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if !INVALID_DIRS.contains(&name) && !SKIPPED_DIRS.contains(&name) {
                collect_bkp(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "bkp") && !name.starts_with("err_") {
            out.push(path);
        }
    }
}

/// The first few ERROR or MISSING nodes of a tree, as `line:column kind`.
fn problems(node: tree_sitter::Node, out: &mut Vec<String>) {
    if out.len() >= 5 {
        return;
    }
    if node.is_error() || node.is_missing() {
        let p = node.start_position();
        let what = if node.is_missing() {
            format!("MISSING {}", node.kind())
        } else {
            "ERROR".to_string()
        };
        out.push(format!("{}:{} {what}", p.row + 1, p.column + 1));
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        if child.has_error() || child.is_missing() {
            problems(child, out);
        }
    }
}

fn parse_all(files: &[PathBuf]) -> Vec<String> {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_bkp::LANGUAGE.into())
        .expect("load bkp grammar");
    let mut failures = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
        let tree = parser.parse(&source, None).expect("parse returns a tree");
        let root = tree.root_node();
        if root.has_error() {
            let mut found = Vec::new();
            problems(root, &mut found);
            failures.push(format!("{}: {}", file.display(), found.join(", ")));
        }
    }
    failures
}

#[test]
fn project_fixtures_and_samples_parse_without_errors() {
    let mut files = Vec::new();
    collect_bkp(&project_root().join("tests"), &mut files);
    // Editor fixtures may be incomplete on purpose (a cursor after `-> vault`):
    // what the project's own parser rejects is not expected to parse here.
    files.retain(|f| {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        !bkp_syntax::parse(&text).has_errors()
    });
    let fixtures = files.len();
    collect_bkp(&crate_dir().join("samples"), &mut files);
    assert!(
        files.len() > fixtures,
        "the crate's samples/ folder has no .bkp file"
    );

    let failures = parse_all(&files);
    assert!(
        failures.is_empty(),
        "{} of {} files have ERROR or MISSING nodes:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    println!(
        "parsed {} files ({fixtures} project fixtures) with no error",
        files.len()
    );
}

/// The walk above must notice a broken file, or it proves nothing.
#[test]
fn a_broken_program_is_reported() {
    let dir = std::env::temp_dir().join(format!("tree-sitter-bkp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.bkp");
    std::fs::write(&bad, "plan P <\n  rule weekly -> vault\n>\n").unwrap();
    let failures = parse_all(std::slice::from_ref(&bad));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains("bad.bkp: ") && failures[0].contains("MISSING"),
        "{failures:?}"
    );
}

#[test]
fn invalid_fixtures_are_skipped() {
    let dir = std::env::temp_dir().join(format!("tree-sitter-bkp-skip-{}", std::process::id()));
    for sub in ["ok", "malformed", "broken"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("ok/good.bkp"), "vault v\n").unwrap();
    std::fs::write(dir.join("ok/err_bad.bkp"), "vault\n").unwrap();
    std::fs::write(dir.join("malformed/x.bkp"), "vault\n").unwrap();
    std::fs::write(dir.join("broken/y.bkp"), "vault\n").unwrap();
    let mut files = Vec::new();
    collect_bkp(&dir, &mut files);
    std::fs::remove_dir_all(&dir).ok();
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["good.bkp"]);
}
