//! `bkp`: the command-line shell over the bkp libraries. Each subcommand is a
//! thin module; the work happens in the library crates.

mod check;
mod fmt;
mod io;

use clap::{Parser, Subcommand};
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
    ///
    /// Exit status: 0 when clean (warnings allowed), 1 when any error, 2 for
    /// usage or I/O errors.
    Check {
        /// The `.bkp` files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Format files in place in the canonical layout (`-` reads stdin, writes stdout).
    Fmt {
        /// The `.bkp` files to format, or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files, deny_warnings } => check::run(&files, deny_warnings),
        Command::Fmt { files, check } => fmt::run(&files, check),
    }
}
