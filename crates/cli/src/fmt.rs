//! `bkp fmt`.

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_files: &[PathBuf], _check: bool) -> ExitCode {
    eprintln!("bkp: fmt is not available in this build");
    ExitCode::from(2)
}
