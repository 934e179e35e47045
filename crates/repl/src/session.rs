//! The REPL's state and the meaning of each input, without any IO: the
//! terminal front end and the script runner only print what a [`Reply`] says.

use crate::describe;
use bkp_diagnostics::render::{RenderOptions, render_all, summary};
use bkp_diagnostics::{Diagnostic, Span};
use bkp_driver::Analysis;
use bkp_syntax::ast::Item;
use bkp_syntax::lexer::{self, TokenKind};

/// The `:commands`, with their argument and what they do.
pub const COMMANDS: &[(&str, &str, &str)] = &[
    (":help", "", "show this help"),
    (":load", "FILE", "add the declarations of a file"),
    (
        ":show",
        "NAME",
        "show the evaluated model of a vault, plan, role or let",
    ),
    (
        ":template",
        "",
        "print the CloudFormation template of the session",
    ),
    (":type", "EXPR", "show the type of an expression"),
    (":check", "", "show every diagnostic of the session program"),
    (":reset", "", "forget every declaration"),
    (":quit", "", "leave the REPL (or press Ctrl-D)"),
];

/// The file name diagnostics of typed input are reported against.
pub const INPUT_PATH: &str = "<input>";
/// The file name diagnostics of the session program are reported against.
pub const SESSION_PATH: &str = "<session>";

/// Reads a file for `:load`: its text, or a one-line reason it cannot.
pub type FileReader = Box<dyn Fn(&str) -> Result<String, String>>;

/// What the front end should print after one input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    /// Results, for standard output.
    pub output: String,
    /// Rendered diagnostics and error messages, for standard error.
    pub errors: String,
    /// Whether the input had an error (and so changed nothing).
    pub failed: bool,
    /// Whether the user asked to leave.
    pub quit: bool,
}

impl Reply {
    fn out(text: impl Into<String>) -> Reply {
        let mut output = text.into();
        if !output.is_empty() && !output.ends_with('\n') {
            output.push('\n');
        }
        Reply {
            output,
            ..Reply::default()
        }
    }

    fn error(text: impl Into<String>) -> Reply {
        let mut errors = text.into();
        if !errors.ends_with('\n') {
            errors.push('\n');
        }
        Reply {
            errors,
            failed: true,
            ..Reply::default()
        }
    }
}

/// One accepted declaration: its source text and the name it defines.
#[derive(Clone, Debug)]
struct Decl {
    /// The name a later declaration replaces it by (`None` for grants).
    key: Option<String>,
    /// The name to mention when it is replaced.
    shown: String,
    text: String,
}

/// The declarations entered so far, and how to answer the next input.
pub struct Session {
    decls: Vec<Decl>,
    render: RenderOptions,
    read_file: FileReader,
}

impl Session {
    /// An empty session rendering diagnostics with `render` and reading
    /// `:load` files with `read_file`.
    pub fn new(render: RenderOptions, read_file: FileReader) -> Session {
        Session {
            decls: Vec::new(),
            render,
            read_file,
        }
    }

    /// The session program: every accepted declaration, in order.
    pub fn program(&self) -> String {
        let mut out = String::new();
        for d in &self.decls {
            out.push_str(&d.text);
            out.push('\n');
        }
        out
    }

    /// The analysis of the session program.
    pub fn analysis(&self) -> Analysis {
        Analysis::new(self.program())
    }

    /// Answers one complete input: a `:command`, declarations, or an expression.
    pub fn input(&mut self, text: &str) -> Reply {
        let trimmed = text.trim();
        if let Some(command) = trimmed.strip_prefix(':') {
            let (name, arg) = command
                .split_once(char::is_whitespace)
                .map_or((command, ""), |(n, a)| (n, a.trim()));
            return self.command(name, arg);
        }
        match first_token(text) {
            None => Reply::default(),
            Some(
                TokenKind::Vault
                | TokenKind::Plan
                | TokenKind::Role
                | TokenKind::Grant
                | TokenKind::Let
                | TokenKind::Stack,
            ) => self.declare(text, INPUT_PATH),
            Some(_) => self.expression(text, false),
        }
    }

    fn command(&mut self, name: &str, arg: &str) -> Reply {
        match name {
            "help" | "h" | "?" => Reply::out(help()),
            "quit" | "q" | "exit" => Reply {
                quit: true,
                ..Reply::default()
            },
            "reset" => {
                self.decls.clear();
                Reply::out("session cleared")
            }
            "load" | "l" if arg.is_empty() => Reply::error("usage: :load FILE"),
            "load" | "l" => match (self.read_file)(arg) {
                Ok(text) => {
                    let mut reply = self.declare(&text, arg);
                    if !reply.failed {
                        reply.output.push_str(&format!("loaded {arg}\n"));
                    }
                    reply
                }
                Err(msg) => Reply::error(msg),
            },
            "show" | "s" if arg.is_empty() => Reply::error("usage: :show NAME"),
            "show" | "s" => self.show(arg),
            "type" | "t" if arg.is_empty() => Reply::error("usage: :type EXPR"),
            "type" | "t" => self.expression(arg, true),
            "template" => self.template(),
            "check" => self.check(),
            _ => {
                let mut msg = format!("unknown command `:{name}`");
                let names = COMMANDS.iter().map(|(c, _, _)| &c[1..]);
                if let Some(s) = bkp_sema::did_you_mean(name, names) {
                    msg.push_str(&format!("; did you mean `:{s}`?"));
                }
                msg.push_str(" (`:help` lists the commands)");
                Reply::error(msg)
            }
        }
    }

    /// Adds the declarations of `text` (reported as `path`), replacing any
    /// earlier one of the same name; rejects the whole text on any error.
    fn declare(&mut self, text: &str, path: &str) -> Reply {
        let parse = bkp_syntax::parse(text);
        if parse.has_errors() {
            return self.rejected(&parse.diagnostics, path, text);
        }
        let new: Vec<Decl> = parse
            .file
            .items
            .iter()
            .map(|item| Decl {
                key: key_of(item),
                shown: shown_of(item),
                text: text[item.span().range()].to_string(),
            })
            .collect();
        let mut replaced = Vec::new();
        let kept: Vec<Decl> = self
            .decls
            .iter()
            .filter(|d| {
                let gone = d.key.is_some() && new.iter().any(|n| n.key == d.key);
                if gone {
                    replaced.push(d.shown.clone());
                }
                !gone
            })
            .cloned()
            .collect();
        let mut candidate: String = kept.iter().map(|d| format!("{}\n", d.text)).collect();
        let base = candidate.len();
        candidate.push_str(text);
        let mut analysis = Analysis::new(candidate);
        analysis.compile();
        let (mine, others): (Vec<Diagnostic>, Vec<Diagnostic>) = analysis
            .diagnostics
            .iter()
            .cloned()
            .partition(|d| d.span.start() >= base);
        let mine: Vec<Diagnostic> = mine.into_iter().map(|d| relocate(d, base)).collect();
        let errors_elsewhere: Vec<Diagnostic> =
            others.into_iter().filter(Diagnostic::is_error).collect();
        let failed = mine.iter().any(Diagnostic::is_error) || !errors_elsewhere.is_empty();
        let mut errors = String::new();
        if !mine.is_empty() {
            errors.push_str(&render_all(&mine, path, text, self.render));
        }
        if !errors_elsewhere.is_empty() {
            errors.push_str(&render_all(
                &errors_elsewhere,
                SESSION_PATH,
                &analysis.text,
                self.render,
            ));
        }
        if failed {
            return Reply {
                errors,
                failed: true,
                ..Reply::default()
            };
        }
        self.decls = kept;
        self.decls.extend(new);
        let output = replaced
            .iter()
            .map(|name| format!("replaced `{name}`\n"))
            .collect();
        Reply {
            output,
            errors,
            ..Reply::default()
        }
    }

    /// Evaluates `text` as one expression in the session's context and
    /// prints its value and type, or only its type.
    fn expression(&self, text: &str, type_only: bool) -> Reply {
        let (expr, diags) = bkp_syntax::parse_expr(text);
        if diags.iter().any(Diagnostic::is_error) {
            return self.rejected(&diags, INPUT_PATH, text);
        }
        let analysis = self.analysis();
        let (value, mut eval_diags) = bkp_sema::evaluate(&analysis.parse.file, &expr);
        eval_diags.extend(diags);
        bkp_diagnostics::sort_and_dedup(&mut eval_diags);
        if eval_diags.iter().any(Diagnostic::is_error) || value.value.is_error() {
            return self.rejected(&eval_diags, INPUT_PATH, text);
        }
        let errors = render_all(&eval_diags, INPUT_PATH, text, self.render);
        let output = if type_only {
            format!("{} : {}\n", text.trim(), value.value.ty())
        } else {
            describe::value(&value.value, &analysis.sema)
        };
        Reply {
            output,
            errors,
            ..Reply::default()
        }
    }

    fn show(&self, name: &str) -> Reply {
        let analysis = self.analysis();
        let sema = &analysis.sema;
        let Some(def) = sema.top_level(name) else {
            let mut msg = format!("no declaration named `{name}`");
            let names = sema.defs.iter().filter(|d| d.parent.is_none());
            if let Some(s) = bkp_sema::did_you_mean(name, names.map(|d| d.name.as_str())) {
                msg.push_str(&format!("; did you mean `{s}`?"));
            }
            return Reply::error(msg);
        };
        let d = &sema.defs[def];
        if d.kind == bkp_sema::DefKind::Let {
            return match sema.let_value(def) {
                Some(v) => Reply::out(format!("let {name} = {}", describe::value(&v.value, sema))),
                None => Reply::error(format!("`{name}` has no value")),
            };
        }
        let mut out = format!("{} {name}\n", d.kind.noun());
        for line in describe::construct(name, d.kind, &sema.model).unwrap_or_default() {
            out.push_str(&format!("  {line}\n"));
        }
        Reply::out(out)
    }

    fn template(&self) -> Reply {
        let mut analysis = self.analysis();
        match analysis.compile() {
            Some(t) => Reply::out(bkp_cfn::to_json(&t)),
            None => Reply::error(render_all(
                &analysis.diagnostics,
                SESSION_PATH,
                &analysis.text,
                self.render,
            )),
        }
    }

    fn check(&self) -> Reply {
        let mut analysis = self.analysis();
        analysis.compile();
        let diags = &analysis.diagnostics;
        if diags.is_empty() {
            return Reply::out("no errors or warnings");
        }
        Reply {
            output: format!("{}\n", summary(diags)),
            errors: render_all(diags, SESSION_PATH, &analysis.text, self.render),
            failed: diags.iter().any(Diagnostic::is_error),
            quit: false,
        }
    }

    fn rejected(&self, diags: &[Diagnostic], path: &str, text: &str) -> Reply {
        Reply {
            errors: render_all(diags, path, text, self.render),
            failed: true,
            ..Reply::default()
        }
    }
}

/// The first token that is not a comment or a newline.
fn first_token(text: &str) -> Option<TokenKind> {
    lexer::lex(text)
        .0
        .into_iter()
        .map(|t| t.kind)
        .find(|k| !matches!(k, TokenKind::Comment | TokenKind::Newline))
}

/// Stacks replace each other whatever their names: a program has one.
const STACK_KEY: &str = "\0stack";

fn key_of(item: &Item) -> Option<String> {
    match item {
        Item::Let(d) => Some(d.name.name.clone()),
        Item::Vault(d) => Some(d.name.name.clone()),
        Item::Role(d) => Some(d.name.name.clone()),
        Item::Stack(_) => Some(STACK_KEY.into()),
        Item::Plan(p) => p.name.as_ref().map(|n| n.name.clone()).or_else(|| {
            let preset = p.preset.as_ref()?;
            bkp_sema::schema::plan_preset(&preset.name).map(|pp| pp.id.to_string())
        }),
        Item::Grant(_) | Item::Error(_) => None,
    }
}

fn shown_of(item: &Item) -> String {
    match item {
        Item::Stack(s) => s.name.name.clone(),
        other => key_of(other).unwrap_or_default(),
    }
}

/// Moves a diagnostic of the candidate program into the input's coordinates
/// (the input starts at `base`), dropping what points before it.
fn relocate(mut d: Diagnostic, base: usize) -> Diagnostic {
    let shift = |s: Span| Span::new(s.start() - base, s.end().max(base) - base);
    d.span = shift(d.span);
    d.related.retain(|r| r.span.start() >= base);
    for r in &mut d.related {
        r.span = shift(r.span);
    }
    d.fixes
        .retain(|f| f.edits.iter().all(|e| e.span.start() >= base));
    for f in &mut d.fixes {
        for e in &mut f.edits {
            e.span = shift(e.span);
        }
    }
    d
}

fn help() -> String {
    let mut out = String::from(
        "Type declarations (vault, plan, role, grant, let, stack) to add them to the session,\n\
         or an expression to evaluate it. Input continues while brackets are open.\n\n",
    );
    for (name, arg, what) in COMMANDS {
        let usage = if arg.is_empty() {
            name.to_string()
        } else {
            format!("{name} {arg}")
        };
        out.push_str(&format!("  {usage:<16} {what}\n"));
    }
    out.push_str("\nCtrl-C cancels the current input; Ctrl-D leaves.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(
            RenderOptions::PLAIN,
            Box::new(|path| match path {
                "v.bkp" => Ok("vault v = import \"otherVault\"\nvault w\n".into()),
                "bad.bkp" => Ok("vault x {".into()),
                _ => Err(format!(
                    "bkp: cannot read {path}: no such file or directory"
                )),
            }),
        )
    }

    fn ok(s: &mut Session, text: &str) -> String {
        let r = s.input(text);
        assert!(!r.failed, "{text}: {}", r.errors);
        r.output
    }

    fn err(s: &mut Session, text: &str) -> String {
        let r = s.input(text);
        assert!(r.failed, "{text} should fail: {}", r.output);
        assert!(r.output.is_empty());
        r.errors
    }

    #[test]
    fn expressions_print_value_and_type() {
        let mut s = session();
        assert_eq!(ok(&mut s, "35d * 3"), "105d : Duration\n");
        assert_eq!(ok(&mut s, "2d + 1d"), "3d : Duration\n");
        assert_eq!(ok(&mut s, "\"a\" + \"b\""), "\"ab\" : String\n");
        assert_eq!(ok(&mut s, ":type 35d * 3"), "35d * 3 : Duration\n");
    }

    #[test]
    fn presets_expand_to_their_rules() {
        let mut s = session();
        let out = ok(&mut s, "daily35");
        assert!(out.starts_with("daily35 : PlanPreset\n"), "{out}");
        assert!(
            out.contains("rule Daily: daily at 05:00 UTC, kept 35 days"),
            "{out}"
        );
        let out = ok(&mut s, "monthly1_year");
        assert!(
            out.contains(
                "monthly on day 1 at 05:00 UTC, cold storage after 30 days, kept 365 days"
            ),
            "{out}"
        );
    }

    #[test]
    fn declarations_accumulate_and_names_evaluate() {
        let mut s = session();
        assert_eq!(ok(&mut s, "vault v = import \"otherVault\""), "");
        ok(
            &mut s,
            "plan P = daily35 -> vault v <\n  rule monthly1_year\n>",
        );
        assert_eq!(s.decls.len(), 2);
        let out = ok(&mut s, "v");
        assert_eq!(out, "v : Vault\n  imported vault named \"otherVault\"\n");
        let out = ok(&mut s, "P");
        assert!(out.contains("rule Monthly1Year:"), "{out}");
        assert!(out.contains("in vault v"), "{out}");
    }

    #[test]
    fn redefinition_replaces_with_a_note() {
        let mut s = session();
        ok(&mut s, "let x = 3d");
        assert_eq!(ok(&mut s, "let x = 4d"), "replaced `x`\n");
        assert_eq!(s.program(), "let x = 4d\n");
        assert_eq!(ok(&mut s, "x * 2"), "8d : Duration\n");
        ok(&mut s, "plan daily35");
        assert_eq!(
            ok(&mut s, "plan daily35_day_retention"),
            "replaced `Daily35`\n"
        );
    }

    #[test]
    fn errors_reject_the_whole_input() {
        let mut s = session();
        ok(&mut s, "vault v");
        let before = s.program();
        let e = err(&mut s, "let y = 1d\nplan Q = no_such_preset");
        assert!(e.contains("error"), "{e}");
        assert!(e.contains("<input>:2:"), "{e}");
        assert_eq!(s.program(), before);
        err(&mut s, "vault v {");
        err(&mut s, "1d + \"x\"");
        err(&mut s, "nope");
        assert_eq!(ok(&mut s, "2d + 1d"), "3d : Duration\n");
    }

    #[test]
    fn breaking_an_earlier_declaration_is_rejected() {
        let mut s = session();
        ok(&mut s, "vault v");
        ok(&mut s, "plan P = daily35 -> vault v");
        let e = err(&mut s, "let v = 3");
        assert!(e.contains("<session>"), "{e}");
        assert!(s.program().contains("vault v"));
    }

    #[test]
    fn template_and_check() {
        let mut s = session();
        ok(&mut s, "vault v = import \"otherVault\"");
        ok(&mut s, "plan P = daily35 -> vault v < rule monthly1_year >");
        let t = ok(&mut s, ":template");
        assert!(t.contains("AWS::Backup::BackupPlan"), "{t}");
        assert!(t.contains("Monthly1Year"), "{t}");
        assert_eq!(ok(&mut s, ":check"), "no errors or warnings\n");
    }

    #[test]
    fn show_describes_declarations() {
        let mut s = session();
        ok(
            &mut s,
            "vault v { backup_vault_name = \"main\" }\nlet keep = 35d",
        );
        let out = ok(&mut s, ":show v");
        assert!(
            out.starts_with("vault v\n  new vault named \"main\""),
            "{out}"
        );
        assert_eq!(ok(&mut s, ":show keep"), "let keep = 35d : Duration\n");
        let e = err(&mut s, ":show kep");
        assert!(e.contains("did you mean `keep`"), "{e}");
    }

    #[test]
    fn load_reset_quit_and_unknown_commands() {
        let mut s = session();
        assert_eq!(ok(&mut s, ":load v.bkp"), "loaded v.bkp\n");
        assert_eq!(s.decls.len(), 2);
        let e = err(&mut s, ":load bad.bkp");
        assert!(e.starts_with("bad.bkp:1:"), "{e}");
        err(&mut s, ":load missing.bkp");
        ok(&mut s, ":reset");
        assert_eq!(s.program(), "");
        assert!(err(&mut s, ":templat").contains("did you mean `:template`"));
        assert!(s.input(":quit").quit);
        assert!(ok(&mut s, ":help").contains(":template"));
    }

    #[test]
    fn blank_and_comment_input_is_nothing() {
        let mut s = session();
        assert_eq!(s.input("  "), Reply::default());
        assert_eq!(s.input("# just a comment"), Reply::default());
    }
}
