//! Data-driven tests of the whole pipeline.
//!
//! - `tests/parity/NAME.bkp` compiles to exactly `NAME.json`, the template the
//!   real AWS CDK synthesized for its twin `NAME.mjs`; where the CDK throws
//!   (`{"error": ...}`), compilation fails with located diagnostics, whose
//!   rendering is snapshotted.
//! - `tests/diagnostics/NAME.bkp` gets its rendered diagnostics snapshotted.

use bkp_diagnostics::render::{RenderOptions, render_all};
use bkp_driver::Analysis;
use std::path::Path;

fn rendered(a: &Analysis, path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    render_all(&a.diagnostics, &name, &a.text, RenderOptions::PLAIN)
}

#[test]
fn parity_with_cdk_synth() {
    insta::glob!("../../../tests/parity", "*.bkp", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let mut a = Analysis::new(text);
        let template = a.compile();
        if let Some(cdk_error) = expected.get("error") {
            assert!(
                template.is_none(),
                "{}: the CDK rejects this ({cdk_error}), bkp accepted it",
                path.display()
            );
            assert!(a.has_errors());
            insta::assert_snapshot!(format!(
                "CDK: {}\n\n{}",
                cdk_error.as_str().unwrap_or(""),
                rendered(&a, path)
            ));
        } else {
            let template =
                template.unwrap_or_else(|| panic!("{}:\n{}", path.display(), rendered(&a, path)));
            assert!(
                serde_json::to_value(&template).unwrap() == expected,
                "{}: template differs from cdk synth\n{}",
                path.display(),
                { bkp_cfn::to_json(&template) }
            );
        }
    });
}

#[test]
fn diagnostics() {
    insta::glob!("../../../tests/diagnostics", "*.bkp", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut a = Analysis::new(text);
        a.compile();
        assert!(
            !a.diagnostics.is_empty(),
            "{}: expected diagnostics",
            path.display()
        );
        insta::assert_snapshot!(rendered(&a, path));
    });
}

#[test]
fn every_code_is_documented() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/diagnostics.md"
    ))
    .unwrap();
    for (code, _) in bkp_sema::codes::ALL {
        assert!(
            doc.contains(&format!("`{code}`")),
            "docs/diagnostics.md lacks {code}"
        );
    }
    for code in [bkp_cfn::TOO_MANY_RESOURCES, bkp_cfn::DUPLICATE_LOGICAL_ID] {
        assert!(
            doc.contains(&format!("`{code}`")),
            "docs/diagnostics.md lacks {code}"
        );
    }
}

#[test]
fn analysis_without_tokens_is_the_same_analysis() {
    for dir in ["parity", "diagnostics", "malformed"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests")
            .join(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "bkp") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut with = Analysis::new(text.as_str());
            let mut without = Analysis::without_tokens(text.as_str());
            assert!(!with.parse.tokens.is_empty() || text.is_empty());
            assert!(without.parse.tokens.is_empty());
            assert_eq!(with.parse.file, without.parse.file, "{}", path.display());
            assert_eq!(with.compile(), without.compile(), "{}", path.display());
            assert_eq!(with.diagnostics, without.diagnostics, "{}", path.display());
        }
    }
}
