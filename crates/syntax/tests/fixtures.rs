//! Data-driven syntax tests: every valid fixture parses with no diagnostic
//! (its tree is snapshotted), every malformed one gets located diagnostics
//! (their rendering is snapshotted).

use bkp_diagnostics::render::{RenderOptions, render_all};

#[test]
fn valid_files_parse_cleanly() {
    insta::glob!("../../../tests/parity", "*.bkp", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let parse = bkp_syntax::parse(&text);
        let rendered = render_all(&parse.diagnostics, "input.bkp", &text, RenderOptions::PLAIN);
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("err_")
        {
            return; // semantic error cases: they parse, but are checked elsewhere
        }
        assert!(
            parse.diagnostics.is_empty(),
            "{}:\n{rendered}",
            path.display()
        );
        insta::assert_debug_snapshot!(parse.file);
    });
}

#[test]
fn malformed_files_report_located_diagnostics() {
    insta::glob!("../../../tests/malformed", "*.bkp", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let parse = bkp_syntax::parse(&text);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let clean = matches!(name.as_str(), "empty_file.bkp" | "only_comments.bkp");
        assert_eq!(parse.diagnostics.is_empty(), clean, "{name}");
        let rendered = render_all(&parse.diagnostics, &name, &text, RenderOptions::PLAIN);
        insta::assert_snapshot!(rendered);
    });
}
