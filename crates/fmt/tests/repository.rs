//! Every `.bkp` file of the repository that parses cleanly (examples,
//! parity cases, grammar samples, fixtures of every crate) formats to a file
//! that means the same, keeps its comments, is a fixed point, and does not
//! depend on how the original was spaced or indented.

mod common;

#[test]
fn every_bkp_file_in_the_repository() {
    let files = common::bkp_files(&common::repo_root());
    assert!(!files.is_empty(), "no .bkp files found");
    let mut checked = 0;
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        // Files that do not parse cleanly are not formatted (a parser crash
        // on a malformed sample is for the parser's own tests to catch).
        let clean = std::panic::catch_unwind(|| !bkp_syntax::parse(&src).has_errors());
        if !matches!(clean, Ok(true)) {
            continue;
        }
        let name = path.display().to_string();
        let out = common::check_formatting(&name, &src);
        for seed in 0..4 {
            let respaced = common::respace(&src, seed);
            assert_eq!(
                out,
                bkp_fmt::format(&respaced).expect("respaced file formats"),
                "{name}: not canonical"
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no .bkp file parsed cleanly");
}
