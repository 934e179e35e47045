//! `bkp`: the command-line shell over the bkp libraries. Each subcommand is a
//! thin module; the work happens in the library crates.

mod alloc;
mod check;
mod compile;
mod fmt;
mod io;

use clap::{Parser, Subcommand};

/// The pipeline allocates many small values (tree nodes, JSON maps);
/// mimalloc serves them markedly faster than the system allocator, and the
/// batch commands allocate from a bump arena in front of it (see `alloc`).
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "bkp",
    version,
    about = "The bkp language: typed AWS Backup policy compiled to CloudFormation"
)]
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
        /// Draw every diagnostic in full (by default, the first 5 of each code
        /// and at most 20 errors and 20 warnings are drawn, the others are
        /// listed by their first line).
        #[arg(long)]
        full: bool,
    },
    /// Compile a file to the CloudFormation template the AWS CDK would synthesize.
    ///
    /// The template goes to stdout, or atomically to `-o FILE`; nothing is
    /// written when there is any error. Exit status as for `check`.
    Compile {
        /// The `.bkp` file to compile.
        file: PathBuf,
        /// Write the template to this file instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The template's format.
        #[arg(long, value_enum, default_value = "json")]
        format: compile::Format,
        /// Fail (exit 1, no output) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Draw every diagnostic in full (by default, the first 5 of each code
        /// and at most 20 errors and 20 warnings are drawn, the others are
        /// listed by their first line).
        #[arg(long)]
        full: bool,
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
    /// Start the interactive REPL.
    ///
    /// Declarations accumulate, expressions are evaluated, `:help` lists the
    /// commands. With stdin not a terminal, reads it as a script: exit 1 if
    /// any input had an error.
    Repl,
    /// Run the language server over stdio.
    ///
    /// For editors: diagnostics as `bkp check` reports them, completion,
    /// hover, navigation, rename, formatting and quick fixes.
    Lsp,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Repl | Command::Lsp) {
        alloc::disable_arena();
    }
    match cli.command {
        Command::Check {
            files,
            deny_warnings,
            full,
        } => check::run(&files, deny_warnings, full),
        Command::Compile {
            file,
            output,
            format,
            deny_warnings,
            full,
        } => compile::run(&file, output.as_ref(), format, deny_warnings, full),
        Command::Fmt { files, check } => fmt::run(&files, check),
        Command::Repl => bkp_repl::run(),
        Command::Lsp => {
            bkp_lsp::run_stdio();
            ExitCode::SUCCESS
        }
    }
}
