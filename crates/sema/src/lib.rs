//! The semantics of bkp: name resolution, type checking against the block
//! schemas, evaluation into the [`bkp_model::Model`] (presets, defaults,
//! vault resolution) and every validation the AWS CDK performs, plus the
//! warnings for what AWS rejects or silently mishandles. Pure: no IO.

pub mod codes;
mod eval;
pub mod schema;
mod suggest;
pub mod ty;
mod value;

pub use eval::cron_expression;
pub use suggest::did_you_mean;
pub use value::{RecordField, ResourceKind, ResourceValue, Spanned, Value, format_duration};

use bkp_diagnostics::{Diagnostic, Span};
use bkp_model::Model;
use bkp_syntax::ast;
use ty::Ty;

/// What kind of thing a definition is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefKind {
    Let,
    Vault,
    Role,
    Plan,
    Stack,
    Rule,
    Selection,
}

impl DefKind {
    pub fn noun(self) -> &'static str {
        match self {
            DefKind::Let => "let",
            DefKind::Vault => "vault",
            DefKind::Role => "role",
            DefKind::Plan => "plan",
            DefKind::Stack => "stack",
            DefKind::Rule => "rule",
            DefKind::Selection => "selection",
        }
    }
}

/// A named definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Def {
    pub name: String,
    pub kind: DefKind,
    /// The span of the name (for an unnamed plan, of its preset).
    pub name_span: Span,
    /// The whole declaration.
    pub span: Span,
    /// The plan a rule or selection belongs to.
    pub parent: Option<usize>,
    /// Whether the name was written (false for ids derived from presets).
    pub written: bool,
}

/// A use of a definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub span: Span,
    pub def: usize,
}

/// Everything the semantic stage knows about one file.
#[derive(Clone, Debug, Default)]
pub struct Semantics {
    pub model: Model,
    pub defs: Vec<Def>,
    pub references: Vec<Reference>,
    /// The evaluated value of each `let`, by definition index.
    pub let_values: Vec<(usize, Spanned)>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Semantics {
    /// The definition whose name is at `offset`, or that is referenced there.
    pub fn def_at(&self, offset: usize) -> Option<usize> {
        self.defs
            .iter()
            .position(|d| d.written && d.name_span.touches(offset))
            .or_else(|| {
                self.references
                    .iter()
                    .find(|r| r.span.touches(offset))
                    .map(|r| r.def)
            })
    }

    /// Every span naming `def`: its definition first, then its references.
    pub fn occurrences(&self, def: usize) -> Vec<Span> {
        let mut out = Vec::new();
        if self.defs[def].written {
            out.push(self.defs[def].name_span);
        }
        out.extend(
            self.references
                .iter()
                .filter(|r| r.def == def)
                .map(|r| r.span),
        );
        out
    }

    /// The top-level definition called `name`.
    pub fn top_level(&self, name: &str) -> Option<usize> {
        self.defs
            .iter()
            .position(|d| d.parent.is_none() && d.name == name)
    }

    /// The value of the `let` with definition index `def`.
    pub fn let_value(&self, def: usize) -> Option<&Spanned> {
        self.let_values
            .iter()
            .find(|(d, _)| *d == def)
            .map(|(_, v)| v)
    }

    /// The type of a definition as the checker sees it.
    pub fn def_type(&self, def: usize) -> Ty {
        match self.defs[def].kind {
            DefKind::Let => self.let_value(def).map_or(Ty::Error, |v| v.value.ty()),
            DefKind::Vault => Ty::Vault,
            DefKind::Role => Ty::Role,
            DefKind::Plan => Ty::Plan,
            DefKind::Stack => Ty::Block(schema::BlockKind::Stack),
            DefKind::Rule => Ty::Block(schema::BlockKind::Rule),
            DefKind::Selection => Ty::Block(schema::BlockKind::Select),
        }
    }
}

/// Resolves, checks and evaluates a parsed file.
pub fn analyze(file: &ast::File) -> Semantics {
    eval::Evaluator::new(file).run()
}

/// Evaluates one expression in the context of `file` (the REPL's bare
/// expressions and `:type`): its value and any diagnostics.
pub fn evaluate(file: &ast::File, expr: &ast::Expr) -> (Spanned, Vec<Diagnostic>) {
    eval::Evaluator::new(file).evaluate_alone(expr)
}
