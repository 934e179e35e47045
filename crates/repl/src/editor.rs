//! The terminal front end: rustyline with the REPL's prompt, history,
//! completion, highlighting and bracket-aware multi-line input.

use crate::input;
use crate::session::{COMMANDS, Session};
use bkp_ide::CompletionKind;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{CompletionType, Config, Context, Editor, Helper};
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
        if self.pending.is_empty() && word.starts_with(':') {
            if word.contains(char::is_whitespace) {
                return Ok((pos, Vec::new()));
            }
            return Ok((pos - word.len(), command_candidates(word)));
        }
        Ok(complete_code(&self.program, &self.pending, before))
    }
}

/// Completions from the shared engine at the end of `before`, with the
/// session program and the earlier lines of the input as context: the start
/// of the replaced text in the current line, and the candidates that start
/// with what is typed there. Snippets
/// (multi-line editor templates) are left out; placeholders become plain text.
pub fn complete_code(program: &str, pending: &str, before: &str) -> (usize, Vec<Pair>) {
    let mut text = program.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !pending.is_empty() {
        text.push_str(pending);
        text.push('\n');
    }
    let base = text.len();
    text.push_str(before);
    let analysis = bkp_driver::Analysis::new(text);
    let items = bkp_ide::completions(&analysis, analysis.text.len());
    let start = items
        .iter()
        .map(|c| c.replace.start())
        .find(|&s| s >= base)
        .unwrap_or(analysis.text.len());
    // The engine leaves filtering to the editor; rustyline does not filter.
    let typed = &analysis.text[start..];
    let pairs = items
        .into_iter()
        .filter(|c| c.kind != CompletionKind::Snippet && c.replace.start() == start)
        .filter(|c| c.label.starts_with(typed))
        .map(|c| Pair {
            replacement: c
                .insert_text
                .as_deref()
                .map_or_else(|| c.label.clone(), plain),
            display: c.label,
        })
        .collect();
    (start - base, pairs)
}

/// Snippet syntax as plain text: `${1:x}` and `${1|x,y|}` become `x`, tab
/// stops `$1` disappear.
fn plain(snippet: &str) -> String {
    let mut out = String::new();
    let mut rest = snippet;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if let Some(inner) = rest.strip_prefix('{') {
            let end = inner.find('}').unwrap_or(inner.len());
            let body = &inner[..end];
            let body = body.trim_start_matches(|c: char| c.is_ascii_digit());
            let value = match body.strip_prefix(':') {
                Some(v) => v,
                None => body
                    .strip_prefix('|')
                    .and_then(|b| b.split([',', '|']).next())
                    .unwrap_or(""),
            };
            out.push_str(value);
            rest = &inner[(end + 1).min(inner.len())..];
        } else {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    out.push_str(rest);
    out
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
        .completion_type(CompletionType::List)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(program: &str, pending: &str, before: &str) -> (usize, Vec<String>) {
        let (start, pairs) = complete_code(program, pending, before);
        (start, pairs.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn snippets_become_plain_text() {
        assert_eq!(
            plain("backup_vault_name = \"$0\""),
            "backup_vault_name = \"\""
        );
        assert_eq!(plain("vault ${1:main} {\n\t$0\n}"), "vault main {\n\t\n}");
        assert_eq!(plain("= ${2|daily35,weekly|} x"), "= daily35 x");
    }

    #[test]
    fn presets_fields_and_session_names_complete() {
        let (start, got) = labels("", "", "plan P = daily3");
        assert_eq!(start, 9);
        assert_eq!(got, ["daily35"]);
        let (start, got) = labels("let keep = 35d\n", "", "ke");
        assert_eq!((start, got), (0, vec!["keep".to_string()]));
        let (_, got) = labels("vault main\n", "plan P = daily35 -> vault ", "");
        assert!(got.iter().any(|l| l == "main"), "{got:?}");
        let (start, got) = labels("", "vault v {", "  backup_va");
        assert_eq!(start, 2);
        assert!(
            got.iter().any(|l| l.starts_with("backup_vault_name")),
            "{got:?}"
        );
    }

    #[test]
    fn commands_complete() {
        let names: Vec<String> = command_candidates(":t")
            .into_iter()
            .map(|p| p.display)
            .collect();
        assert_eq!(names, [":template", ":type"]);
    }
}
