//! The terminal front end: rustyline with the REPL's prompt, history,
//! completion, highlighting and bracket-aware multi-line input.

use crate::input;
use crate::session::{COMMANDS, Session};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;

/// The prompt for a new input.
pub const PROMPT: &str = "bkp> ";
/// The prompt while brackets are still open.
pub const CONTINUATION: &str = "...> ";

/// What rustyline asks of the REPL while a line is edited.
struct ReplHelper {
    /// The session program, the context of completion.
    program: String,
    /// Lines of the current input already entered (under `...> `).
    pending: String,
    colour: bool,
}

impl ReplHelper {
    /// The text of the current input if `line` were entered now.
    fn input_with(&self, line: &str) -> String {
        if self.pending.is_empty() {
            line.to_string()
        } else {
            format!("{}\n{line}", self.pending)
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let word = before.trim_start();
        if self.pending.is_empty() && word.starts_with(':') && !word.contains(char::is_whitespace) {
            return Ok((pos - word.len(), command_candidates(word)));
        }
        Ok((pos, Vec::new()))
    }
}

/// The `:commands` starting with `word`.
fn command_candidates(word: &str) -> Vec<Pair> {
    COMMANDS
        .iter()
        .filter(|(name, _, _)| name.starts_with(word))
        .map(|(name, _, _)| Pair {
            display: name.to_string(),
            replacement: format!("{name} "),
        })
        .collect()
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.colour {
            Cow::Owned(input::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.colour && kind != CmdKind::MoveCursor
    }
}

impl Validator for ReplHelper {
    /// A line typed and entered ends there (the REPL continues under
    /// `...> `); a buffer that already spans lines (pasted, or recalled from
    /// history) stays open for editing while its brackets are.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let text = ctx.input();
        if text.contains('\n') && !input::is_complete(&self.input_with(text)) {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

impl Helper for ReplHelper {}

/// `$XDG_DATA_HOME/bkp/history` or `~/.local/share/bkp/history`.
fn history_path() -> Option<PathBuf> {
    let dir = dirs::data_dir()?.join("bkp");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the interactive loop until `:quit` or Ctrl-D.
pub fn run(mut session: Session) -> ExitCode {
    let config = Config::builder()
        .auto_add_history(false)
        .max_history_size(1000)
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("bkp: cannot start the line editor: {e}");
            return ExitCode::from(2);
        }
    };
    let colour = std::env::var_os("NO_COLOR").is_none();
    editor.set_helper(Some(ReplHelper {
        program: session.program(),
        pending: String::new(),
        colour,
    }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!("bkp repl: declarations, expressions and :commands (:help lists them; Ctrl-D leaves)");
    let mut pending = String::new();
    loop {
        if let Some(h) = editor.helper_mut() {
            h.pending.clone_from(&pending);
        }
        let prompt = if pending.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C: drop the current input but keep it in history.
                remember(&mut editor, &pending, history.as_ref());
                pending.clear();
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("bkp: {e}");
                break;
            }
        };
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(&line);
        if !input::is_complete(&pending) {
            continue;
        }
        let text = std::mem::take(&mut pending);
        remember(&mut editor, &text, history.as_ref());
        let reply = session.input(&text);
        print!("{}", reply.output);
        eprint!("{}", reply.errors);
        if reply.quit {
            break;
        }
        if let Some(h) = editor.helper_mut() {
            h.program = session.program();
        }
    }
    ExitCode::SUCCESS
}

/// Adds an input to the history and its file; failures to write are ignored.
fn remember(editor: &mut Editor<ReplHelper, DefaultHistory>, text: &str, path: Option<&PathBuf>) {
    if text.trim().is_empty() {
        return;
    }
    let _ = editor.add_history_entry(text);
    if let Some(path) = path {
        let _ = editor.append_history(path);
    }
}
