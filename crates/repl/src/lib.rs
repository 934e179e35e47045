//! `bkp repl`: an interactive session over the bkp front end. Declarations
//! accumulate into a session program, bare expressions are evaluated in its
//! context, and `:commands` inspect it. The logic lives in the IO-free
//! [`Session`]; this crate's front ends read input (a terminal through
//! rustyline, or a script on stdin) and print its replies.

mod describe;
mod editor;
pub mod input;
mod session;

pub use session::{COMMANDS, FileReader, Reply, Session};

use bkp_diagnostics::render::RenderOptions;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// Runs the REPL: interactive on a terminal, otherwise reading stdin as a
/// script. Exits 1 when any script input had an error.
pub fn run() -> ExitCode {
    if std::io::stdin().is_terminal() {
        editor::run(new_session(colour(std::io::stdout().is_terminal())))
    } else {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("bkp: cannot read stdin: {e}");
            return ExitCode::from(2);
        }
        let mut session = new_session(colour(std::io::stderr().is_terminal()));
        let failed = run_script(
            &mut session,
            &text,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
        if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Feeds `script` to `session` input by input (a line, or lines until their
/// brackets close), writing replies to `out` and `err`. Returns whether any
/// input failed. Stops at `:quit`.
pub fn run_script(
    session: &mut Session,
    script: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> bool {
    let mut failed = false;
    let mut pending = String::new();
    let lines = script.lines().chain(std::iter::once(""));
    for line in lines {
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(line);
        if !input::is_complete(&pending) {
            continue;
        }
        let reply = session.input(&pending);
        pending.clear();
        let _ = out.write_all(reply.output.as_bytes());
        let _ = err.write_all(reply.errors.as_bytes());
        failed |= reply.failed;
        if reply.quit {
            return failed;
        }
    }
    if !pending.trim().is_empty() {
        // Brackets still open at the end: let the checker explain.
        let reply = session.input(&pending);
        let _ = out.write_all(reply.output.as_bytes());
        let _ = err.write_all(reply.errors.as_bytes());
        failed |= reply.failed;
    }
    failed
}

fn colour(tty: bool) -> RenderOptions {
    let on = tty && std::env::var_os("NO_COLOR").is_none();
    RenderOptions {
        color: on,
        unicode: on,
        full: usize::MAX,
        per_code: usize::MAX,
    }
}

fn new_session(render: RenderOptions) -> Session {
    Session::new(render, Box::new(read_file))
}

fn read_file(path: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("bkp: cannot read {path}: {}", reason(&e)))?;
    String::from_utf8(bytes).map_err(|_| format!("bkp: {path} is not valid UTF-8"))
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_join_lines_while_brackets_are_open() {
        let mut s = new_session(RenderOptions::PLAIN);
        let script = "vault v = import \"x\"\nplan P = daily35 -> vault v <\n  rule weekly\n>\n:show P\nplan Q = nope\n35d * 3\n";
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert!(run_script(&mut s, script, &mut out, &mut err));
        let out = String::from_utf8(out).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(out.contains("rule Weekly:"), "{out}");
        assert!(out.ends_with("105d : Duration\n"), "{out}");
        assert!(err.contains("<input>:1:"), "{err}");
    }

    #[test]
    fn clean_scripts_succeed_and_quit_stops() {
        let mut s = new_session(RenderOptions::PLAIN);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert!(!run_script(&mut s, "1d\n:quit\nnope\n", &mut out, &mut err));
        assert_eq!(String::from_utf8(out).unwrap(), "1d : Duration\n");
    }
}
