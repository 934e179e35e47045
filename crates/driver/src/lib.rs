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
    /// Every diagnostic of every stage, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Parses and analyzes `text`.
    pub fn new(text: impl Into<String>) -> Analysis {
        let text = text.into();
        let parse = bkp_syntax::parse(&text);
        let sema = bkp_sema::analyze(&parse.file);
        let mut diagnostics = parse.diagnostics.clone();
        diagnostics.extend(sema.diagnostics.iter().cloned());
        bkp_diagnostics::sort_and_dedup(&mut diagnostics);
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
}
