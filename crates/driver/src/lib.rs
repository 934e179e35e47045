//! The pipeline in one call: source text to syntax tree, semantics, resource
//! model and diagnostics. The CLI, the REPL and the language server all go
//! through [`Analysis::new`], so they agree on every diagnostic.

use bkp_diagnostics::Diagnostic;
use bkp_sema::Semantics;
use bkp_syntax::Parse;

/// Everything known about one source text.
#[derive(Debug)]
pub struct Analysis {
    pub text: String,
    pub parse: Parse,
    pub sema: Semantics,
    /// Every diagnostic of every stage, in source order (moved out of
    /// `parse` and `sema`, whose own lists are left empty).
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Parses and analyzes `text`, keeping its tokens for the IDE engine.
    pub fn new(text: impl Into<String>) -> Analysis {
        let text = text.into();
        let parse = bkp_syntax::parse(&text);
        Analysis::of(text, parse)
    }

    /// As [`Analysis::new`], without the tokens (`parse.tokens` is empty):
    /// for the command line, which only reports and compiles; a large file
    /// then needs markedly less memory.
    pub fn without_tokens(text: impl Into<String>) -> Analysis {
        let text = text.into();
        let parse = bkp_syntax::parse_tree(&text);
        Analysis::of(text, parse)
    }

    fn of(text: String, mut parse: Parse) -> Analysis {
        let mut sema = bkp_sema::analyze(&parse.file);
        // The stages' diagnostics move here: one list, one place to read them
        // (each stage's in order, the shorter put into the longer, which is
        // not copied).
        let mut diagnostics = std::mem::take(&mut parse.diagnostics);
        let mut others = std::mem::take(&mut sema.diagnostics);
        if diagnostics.len() < others.len() {
            std::mem::swap(&mut diagnostics, &mut others);
        }
        bkp_diagnostics::insert_sorted(&mut diagnostics, others);
        Analysis {
            text,
            parse,
            sema,
            diagnostics,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Runs the CloudFormation backend over the model too, as `bkp check`
    /// and `bkp compile` do: its diagnostics (resource limits, logical id
    /// clashes) join the others. The template is returned only when there is
    /// no error anywhere.
    pub fn compile(&mut self) -> Option<bkp_cfn::Json> {
        if self.has_errors() {
            // The model of an erroneous program is incomplete; still report the
            // backend's own limits when they are certain.
            if let Err(diags) = bkp_cfn::template(&self.sema.model) {
                self.extend(
                    diags
                        .into_iter()
                        .filter(|d| d.code == bkp_cfn::TOO_MANY_RESOURCES),
                );
            }
            return None;
        }
        match bkp_cfn::template(&self.sema.model) {
            Ok(t) => Some(t),
            Err(diags) => {
                self.extend(diags);
                None
            }
        }
    }

    fn extend(&mut self, diags: impl IntoIterator<Item = Diagnostic>) {
        bkp_diagnostics::insert_sorted(&mut self.diagnostics, diags.into_iter().collect());
    }
}
