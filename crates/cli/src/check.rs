//! `bkp check`.

use bkp_diagnostics::render::{render_all, RenderOptions};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf], deny_warnings: bool) -> ExitCode {
    let tty = std::io::stderr().is_terminal();
    let opts = RenderOptions { color: tty, unicode: tty };
    let mut failed = false;
    for path in files {
        let text = match crate::io::read_source(path) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
        };
        let diags = bkp_driver::Analysis::new(text.clone()).diagnostics;
        if !diags.is_empty() {
            eprint!("{}", render_all(&diags, &path.display().to_string(), &text, opts));
        }
        if diags.iter().any(|d| d.is_error() || deny_warnings) {
            failed = true;
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
