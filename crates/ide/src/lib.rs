//! The editor-agnostic engine behind `bkp lsp` and the REPL's completion:
//! every feature takes a [`bkp_driver::Analysis`] and byte offsets and
//! answers in byte [`Span`]s. It knows nothing of any editor protocol; the
//! language server only translates positions and shapes.
//!
//! Completion works on incomplete code: it reads the token stream and the
//! brackets before the cursor ([`context`]) rather than the syntax tree,
//! which may be broken while typing. Everything else reads the tree, the
//! semantic model and the schemas of `bkp_sema::schema`.

mod actions;
mod completion;
mod context;
mod hover;
mod nav;
mod structure;
mod walk;

pub use actions::{Action, InlayHint, code_actions, inlay_hints};
pub use bkp_diagnostics::{Edit, Span};
pub use completion::{Completion, CompletionKind, completions};
pub use hover::{Hover, hover};
pub use nav::{goto_definition, prepare_rename, references, rename};
pub use structure::{
    MOD_DECLARATION, MOD_DEFAULT_LIBRARY, SemanticToken, SemanticTokenKind, Symbol, SymbolKind,
    document_symbols, folding_ranges, semantic_tokens,
};
