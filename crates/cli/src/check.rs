//! `bkp check`.

use bkp_diagnostics::Diagnostic;
use bkp_diagnostics::render::{RenderOptions, brief_count, render_all, summary};
use std::io::IsTerminal;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

/// Colours and box drawing when stderr is a terminal, plain text otherwise;
/// with `all_full`, every report drawn in full.
pub fn render_opts(all_full: bool) -> RenderOptions {
    let tty = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (full, per_code) = if all_full {
        (usize::MAX, usize::MAX)
    } else {
        (
            RenderOptions::FULL_PER_SEVERITY,
            RenderOptions::FULL_PER_CODE,
        )
    };
    RenderOptions {
        color: tty,
        unicode: tty,
        full,
        per_code,
    }
}

/// Prints the diagnostics of one file to stderr, saying how many were
/// listed by their first line only.
pub fn print_diagnostics(path: &str, text: &str, diags: &[Diagnostic], opts: RenderOptions) {
    if diags.is_empty() {
        return;
    }
    let mut out = render_all(diags, path, text, opts);
    let brief = brief_count(diags, opts);
    if brief > 0 {
        out.push_str(&format!(
            "{path}: {brief} more listed by their first line (drawn in full: the first {} of each code, at most {} errors and {} warnings); `--full` draws every one\n",
            opts.per_code, opts.full, opts.full
        ));
    }
    eprint!("{out}");
}

pub fn run(files: &[PathBuf], deny_warnings: bool, all_full: bool) -> ExitCode {
    let mut failed = false;
    let mut io_error = false;
    for (i, path) in files.iter().enumerate() {
        let text = match crate::io::read_source(path) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("{msg}");
                io_error = true;
                continue;
            }
        };
        let mut analysis = ManuallyDrop::new(bkp_driver::Analysis::without_tokens(text));
        analysis.compile();
        let diags = &analysis.diagnostics;
        if !diags.is_empty() {
            let name = path.display().to_string();
            print_diagnostics(&name, &analysis.text, diags, render_opts(all_full));
            eprintln!("{name}: {}", summary(diags));
        }
        if diags.iter().any(|d| d.is_error() || deny_warnings) {
            failed = true;
        }
        // The last analysis is left to the end of the process, which returns
        // its memory at once instead of freeing a large tree node by node.
        if i + 1 < files.len() {
            drop(ManuallyDrop::into_inner(analysis));
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
