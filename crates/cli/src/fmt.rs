//! `bkp fmt`: formats files in place (atomically, and only those that
//! change), or lists them with `--check`; `-` formats stdin to stdout.
//!
//! Exit status: 0 when done (with `--check`: when nothing would change), 1
//! when a file has syntax errors (it is left untouched) or, with `--check`,
//! when a file would change, 2 for I/O errors.

use bkp_diagnostics::render::render_all;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(files: &[PathBuf], check: bool) -> ExitCode {
    let opts = crate::check::render_opts(false);
    let mut status = 0u8;
    for path in files {
        let stdin = path.as_os_str() == "-";
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let read = if stdin {
            crate::io::read_stdin()
        } else {
            crate::io::read_source(path)
        };
        let text = match read {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("{msg}");
                status = 2;
                continue;
            }
        };
        let formatted = match bkp_fmt::format(&text) {
            Ok(f) => f,
            Err(diags) => {
                eprint!("{}", render_all(&diags, &name, &text, opts));
                status = status.max(1);
                continue;
            }
        };
        let changed = formatted != text;
        let result = if check {
            if changed {
                println!("{name}");
                status = status.max(1);
            }
            Ok(())
        } else if stdin {
            write_stdout(&formatted)
        } else if changed {
            crate::io::write_atomic(Path::new(path), formatted.as_bytes())
        } else {
            Ok(())
        };
        if let Err(msg) = result {
            eprintln!("{msg}");
            status = 2;
        }
    }
    ExitCode::from(status)
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| format!("bkp: cannot write stdout: {e}"))
}
