//! `bkp compile`.

use crate::check::{print_diagnostics, render_opts};
use std::io::Write;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `bkp compile`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Json,
    Yaml,
}

pub fn run(
    file: &Path,
    out: Option<&PathBuf>,
    format: Format,
    deny_warnings: bool,
    all_full: bool,
) -> ExitCode {
    let text = match crate::io::read_source(file) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    // Left to the end of the process, as in `check`.
    let mut analysis = ManuallyDrop::new(bkp_driver::Analysis::without_tokens(text));
    let template = analysis.compile();
    print_diagnostics(
        &file.display().to_string(),
        &analysis.text,
        &analysis.diagnostics,
        render_opts(all_full),
    );
    let warned = deny_warnings && !analysis.diagnostics.is_empty();
    let Some(template) = template.filter(|_| !warned) else {
        return ExitCode::from(1);
    };
    // Like the analysis, the template and its text live until the process ends.
    let template = ManuallyDrop::new(template);
    let rendered = ManuallyDrop::new(match format {
        Format::Json => bkp_cfn::to_json(&template),
        Format::Yaml => match bkp_cfn::to_yaml(&template) {
            Ok(y) => y,
            Err(e) => {
                eprintln!("bkp: cannot render YAML: {e}");
                return ExitCode::from(1);
            }
        },
    });
    match out {
        Some(path) => {
            if let Err(msg) = crate::io::write_atomic(path, rendered.as_bytes()) {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(rendered.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
