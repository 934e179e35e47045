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
    // Like the analysis, the template lives until the process ends.
    let template = ManuallyDrop::new(template);
    let yaml = match format {
        Format::Json => None,
        Format::Yaml => match bkp_cfn::to_yaml(&template) {
            Ok(y) => Some(ManuallyDrop::new(y)),
            Err(e) => {
                eprintln!("bkp: cannot render YAML: {e}");
                return ExitCode::from(1);
            }
        },
    };
    match out {
        Some(path) => {
            let written = match &yaml {
                Some(yaml) => crate::io::write_atomic(path, yaml.as_bytes()),
                None => crate::io::write_atomic_with(path, |f| bkp_cfn::write_json(&template, f)),
            };
            if let Err(msg) = written {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            let written = match &yaml {
                Some(yaml) => stdout
                    .write_all(yaml.as_bytes())
                    .and_then(|_| stdout.flush()),
                None => bkp_cfn::write_json(&template, &mut stdout),
            };
            // A closed stdout (`bkp compile f | head`) is not worth a message.
            if written.is_err() {
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
