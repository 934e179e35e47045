//! `bkp compile`.

use crate::check::render_opts;
use bkp_diagnostics::render::render_all;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `bkp compile`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Json,
    Yaml,
}

pub fn run(file: &Path, out: Option<&PathBuf>, format: Format, deny_warnings: bool) -> ExitCode {
    let text = match crate::io::read_source(file) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let mut analysis = bkp_driver::Analysis::new(text);
    let template = analysis.compile();
    if !analysis.diagnostics.is_empty() {
        eprint!(
            "{}",
            render_all(
                &analysis.diagnostics,
                &file.display().to_string(),
                &analysis.text,
                render_opts()
            )
        );
    }
    let warned = deny_warnings && !analysis.diagnostics.is_empty();
    let Some(template) = template.filter(|_| !warned) else {
        return ExitCode::from(1);
    };
    let rendered = match format {
        Format::Json => bkp_cfn::to_json(&template),
        Format::Yaml => match bkp_cfn::to_yaml(&template) {
            Ok(y) => y,
            Err(e) => {
                eprintln!("bkp: cannot render YAML: {e}");
                return ExitCode::from(1);
            }
        },
    };
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
