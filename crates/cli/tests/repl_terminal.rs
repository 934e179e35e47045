//! `bkp repl` in a pseudo-terminal, as a person uses it: multi-line input,
//! history, completion, errors and recovery, `:template`, Ctrl-C and Ctrl-D;
//! and `bkp repl` reading a script from a pipe.

use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn data_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bkp-repl-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn command(data: &PathBuf) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bkp"));
    c.arg("repl")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("HOME", data)
        .env("XDG_DATA_HOME", data);
    c
}

fn spawn(data: &PathBuf) -> PtySession {
    let options = Options::new()
        .timeout_ms(Some(10_000))
        .strip_ansi_escape_codes(false);
    let mut p = spawn_with_options(command(data), options).unwrap();
    prompt(&mut p);
    p
}

/// Waits for the next fresh prompt, `bkp> ` or `...> ` drawn on a new line
/// (not a redraw of the line just entered), and returns what came before it.
fn prompt(p: &mut PtySession) -> String {
    next_prompt(p).0
}

/// What came before the next prompt, and that prompt.
fn next_prompt(p: &mut PtySession) -> (String, String) {
    p.exp_regex(r"\n[^\n]*(bkp|\.\.\.)> ").unwrap()
}

/// Types `line` and Enter, and checks the REPL asks for more under `...> `.
fn enter_open(p: &mut PtySession, line: &str) {
    p.send_line(line).unwrap();
    let (out, prompt) = next_prompt(p);
    assert!(prompt.ends_with("...> "), "{out}{prompt}");
}

/// Sends `keys`, then waits for the next prompt: what the REPL printed.
fn keys(p: &mut PtySession, keys: &str) -> String {
    p.send(keys).unwrap();
    p.flush().unwrap();
    prompt(p)
}

/// Types `line` and Enter; returns what the REPL printed.
fn enter(p: &mut PtySession, line: &str) -> String {
    keys(p, &format!("{line}\r"))
}

/// Ctrl-D at an empty prompt leaves.
fn quit(mut p: PtySession) {
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn multi_line_declarations_then_template() {
    let data = data_dir("multi");
    let mut p = spawn(&data);
    enter(&mut p, "vault v = import \"otherVault\"");
    enter_open(&mut p, "plan P = daily35 -> vault v <");
    enter_open(&mut p, "  rule monthly1_year # a comment with > in it");
    enter(&mut p, ">");
    let out = enter(&mut p, ":template");
    assert!(out.contains("AWS::Backup::BackupPlan"), "{out}");
    assert!(out.contains("Monthly1Year"), "{out}");
    quit(p);
}

#[test]
fn an_error_is_shown_and_the_session_goes_on() {
    let data = data_dir("error");
    let mut p = spawn(&data);
    let out = enter(&mut p, "35d * 3");
    assert!(out.contains("105d : Duration"), "{out}");
    let out = enter(&mut p, "plan Q = no_such_preset");
    assert!(
        out.contains("unknown plan preset `no_such_preset`"),
        "{out}"
    );
    let out = enter(&mut p, "2d + 1d");
    assert!(out.contains("3d : Duration"), "{out}");
    quit(p);
}

#[test]
fn up_recalls_history_even_across_sessions() {
    let data = data_dir("history");
    let mut p = spawn(&data);
    enter(&mut p, "35d * 3");
    enter(&mut p, "1d + \"oops\"");
    quit(p);
    let saved = std::fs::read_to_string(data.join("bkp/history")).unwrap();
    assert!(saved.contains("35d * 3"), "{saved}");
    assert!(
        saved.contains("oops"),
        "rejected input is kept too: {saved}"
    );

    let mut p = spawn(&data);
    // Up twice: past the rejected input to the expression.
    let out = keys(&mut p, "\x1b[A\x1b[A\r");
    assert!(out.contains("105d : Duration"), "{out}");
    quit(p);
}

#[test]
fn a_multi_line_input_is_recalled_whole() {
    let data = data_dir("recall");
    let mut p = spawn(&data);
    enter_open(&mut p, "let x = [");
    enter_open(&mut p, "  1d,");
    enter(&mut p, "  2d ]");
    let out = keys(&mut p, "\x1b[A\r");
    assert!(out.contains("replaced `x`"), "{out}");
    let out = enter(&mut p, "x");
    assert!(out.contains("[1d, 2d] : List<Duration>"), "{out}");
    quit(p);
}

#[test]
fn tab_completes_commands_presets_and_names() {
    let data = data_dir("tab");
    let mut p = spawn(&data);
    enter(&mut p, "vault v");
    let out = keys(&mut p, ":sh\tv\r");
    assert!(out.contains("new vault with a generated name"), "{out}");
    // Names of the session and presets come from the shared completion engine.
    let out = keys(&mut p, "daily3\t\r");
    assert!(out.contains("daily35 : PlanPreset"), "{out}");
    enter(&mut p, "let keep_for = 35d");
    let out = keys(&mut p, "keep_\t * 2\r");
    assert!(out.contains("70d : Duration"), "{out}");
    quit(p);
}

#[test]
fn ctrl_c_cancels_the_current_input() {
    let data = data_dir("ctrlc");
    let mut p = spawn(&data);
    enter_open(&mut p, "vault v {");
    p.send_control('c').unwrap();
    prompt(&mut p);
    let out = enter(&mut p, ":show v");
    assert!(out.contains("no declaration named `v`"), "{out}");
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn a_piped_script_prints_results_and_fails_on_errors() {
    let data = data_dir("script");
    let run = |script: &str| {
        let mut child = command(&data)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        "vault v = import \"x\"\nplan P = daily35 -> vault v <\n  rule weekly\n>\n:show P\n35d * 3\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("rule Weekly: weekly on SAT"), "{stdout}");
    assert!(stdout.ends_with("105d : Duration\n"), "{stdout}");

    let out = run("plan Q = no_such_preset\n2d + 1d\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3d : Duration\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<input>:1:10: error[E0216]"), "{stderr}");
}
