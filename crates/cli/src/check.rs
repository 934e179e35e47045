//! `bkp check`.

use bkp_diagnostics::render::{RenderOptions, render_all, summary};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Colours and box drawing when stderr is a terminal, plain text otherwise.
pub fn render_opts() -> RenderOptions {
    let tty = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    RenderOptions {
        color: tty,
        unicode: tty,
    }
}

pub fn run(files: &[PathBuf], deny_warnings: bool) -> ExitCode {
    let mut failed = false;
    let mut io_error = false;
    for path in files {
        let text = match crate::io::read_source(path) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("{msg}");
                io_error = true;
                continue;
            }
        };
        let mut analysis = bkp_driver::Analysis::new(text);
        analysis.compile();
        let diags = &analysis.diagnostics;
        if !diags.is_empty() {
            eprint!(
                "{}",
                render_all(
                    diags,
                    &path.display().to_string(),
                    &analysis.text,
                    render_opts()
                )
            );
            eprintln!("{}: {}", path.display(), summary(diags));
        }
        if diags.iter().any(|d| d.is_error() || deny_warnings) {
            failed = true;
        }
    }
    if io_error {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
