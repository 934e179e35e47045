//! `bkp`: the command-line shell over the bkp libraries.

use bkp_diagnostics::render::{render_all, RenderOptions};
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "bkp", version, about = "The bkp language: typed AWS Backup policy compiled to CloudFormation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files for errors and warnings, running every stage but emission.
    Check {
        /// The `.bkp` files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files, deny_warnings } => check(&files, deny_warnings),
    }
}

/// Reads a source file, or explains in one line why it cannot.
fn read_source(path: &PathBuf) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("bkp: cannot read {}: {}", path.display(), io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("bkp: {} is not valid UTF-8 (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "it is a directory".into(),
        _ => e.to_string(),
    }
}

fn check(files: &[PathBuf], deny_warnings: bool) -> ExitCode {
    let opts = RenderOptions { color: std::io::stderr().is_terminal(), unicode: std::io::stderr().is_terminal() };
    let mut failed = false;
    for path in files {
        let text = match read_source(path) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
        };
        let parse = bkp_syntax::parse(&text);
        let diags = parse.diagnostics;
        if !diags.is_empty() {
            eprint!("{}", render_all(&diags, &path.display().to_string(), &text, opts));
        }
        if diags.iter().any(|d| d.is_error() || deny_warnings) {
            failed = true;
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
