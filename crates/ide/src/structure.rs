//! The file's structure: outline symbols, semantic tokens and folding ranges.

use crate::walk;
use bkp_diagnostics::Span;
use bkp_driver::Analysis;
use bkp_sema::{DefKind, schema};
use bkp_syntax::ast::{DeclBody, Item};
use bkp_syntax::lexer::TokenKind;

/// What an outline symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Vault,
    Role,
    Let,
    Plan,
    Rule,
    Selection,
    Stack,
}

/// One symbol of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    /// A short description (the type, or the preset).
    pub detail: String,
    /// The whole declaration.
    pub range: Span,
    /// The name (or the preset of an unnamed plan).
    pub selection_range: Span,
    pub children: Vec<Symbol>,
}

fn symbol_kind(k: DefKind) -> SymbolKind {
    match k {
        DefKind::Let => SymbolKind::Let,
        DefKind::Vault => SymbolKind::Vault,
        DefKind::Role => SymbolKind::Role,
        DefKind::Plan => SymbolKind::Plan,
        DefKind::Stack => SymbolKind::Stack,
        DefKind::Rule => SymbolKind::Rule,
        DefKind::Selection => SymbolKind::Selection,
    }
}

/// The outline: top-level declarations, with a plan's rules and selections
/// as its children, in source order.
pub fn document_symbols(a: &Analysis) -> Vec<Symbol> {
    let defs = &a.sema.defs;
    let make = |i: usize| {
        let d = &defs[i];
        Symbol {
            name: d.name.clone(),
            kind: symbol_kind(d.kind),
            detail: a.sema.def_type(i).to_string(),
            range: d.span,
            selection_range: d.name_span,
            children: Vec::new(),
        }
    };
    let mut out: Vec<Symbol> = Vec::new();
    for (i, d) in defs.iter().enumerate() {
        if d.parent.is_none() {
            let mut s = make(i);
            s.children = defs
                .iter()
                .enumerate()
                .filter(|(_, c)| c.parent == Some(i))
                .map(|(j, _)| make(j))
                .collect();
            s.children.sort_by_key(|c| c.range);
            out.push(s);
        }
    }
    out.sort_by_key(|s| s.range);
    out
}

/// The kind of a semantic token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SemanticTokenKind {
    Keyword,
    Preset,
    Vault,
    Role,
    Let,
    Plan,
    Rule,
    Selection,
    Stack,
    Field,
    Builtin,
    Constant,
    String,
    Number,
    Comment,
    Operator,
}

/// Modifier bit: the token declares its name.
pub const MOD_DECLARATION: u32 = 1;
/// Modifier bit: the token names something of the language (builtin, constant, preset).
pub const MOD_DEFAULT_LIBRARY: u32 = 2;

/// A classified token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SemanticToken {
    pub span: Span,
    pub kind: SemanticTokenKind,
    /// A set of `MOD_*` bits.
    pub modifiers: u32,
}

fn def_token_kind(k: DefKind) -> SemanticTokenKind {
    match k {
        DefKind::Let => SemanticTokenKind::Let,
        DefKind::Vault => SemanticTokenKind::Vault,
        DefKind::Role => SemanticTokenKind::Role,
        DefKind::Plan => SemanticTokenKind::Plan,
        DefKind::Stack => SemanticTokenKind::Stack,
        DefKind::Rule => SemanticTokenKind::Rule,
        DefKind::Selection => SemanticTokenKind::Selection,
    }
}

/// Every meaningful token of the file, classified, in source order.
pub fn semantic_tokens(a: &Analysis) -> Vec<SemanticToken> {
    use SemanticTokenKind as S;
    let sema = &a.sema;
    let facts = walk::facts(&a.parse.file);
    let decls: std::collections::HashMap<Span, DefKind> = sema
        .defs
        .iter()
        .filter(|d| d.written)
        .map(|d| (d.name_span, d.kind))
        .collect();
    let refs: std::collections::HashMap<Span, DefKind> = sema
        .references
        .iter()
        .map(|r| (r.span, sema.defs[r.def].kind))
        .collect();
    let keys: std::collections::HashSet<Span> = facts
        .keys
        .iter()
        .map(|k| k.span)
        .chain(facts.named_args.iter().map(|(n, _)| n.span))
        .collect();
    let calls: std::collections::HashSet<Span> = facts
        .calls
        .iter()
        .chain(&facts.tags)
        .map(|c| c.span)
        .collect();
    let mut out = Vec::new();
    for t in &a.parse.tokens {
        let text = &a.text[t.span.range()];
        let (kind, modifiers) = match t.kind {
            TokenKind::Comment => (S::Comment, 0),
            TokenKind::Str | TokenKind::SingleQuoted => (S::String, 0),
            TokenKind::Int | TokenKind::Duration => (S::Number, 0),
            TokenKind::True | TokenKind::False => (S::Constant, MOD_DEFAULT_LIBRARY),
            TokenKind::Preset => (S::Preset, MOD_DEFAULT_LIBRARY),
            TokenKind::Eq | TokenKind::Arrow | TokenKind::Plus | TokenKind::Star => {
                (S::Operator, 0)
            }
            k if k.is_keyword() => (S::Keyword, 0),
            TokenKind::Ident => {
                if let Some(k) = decls.get(&t.span) {
                    (def_token_kind(*k), MOD_DECLARATION)
                } else if let Some(k) = refs.get(&t.span) {
                    (def_token_kind(*k), 0)
                } else if keys.contains(&t.span) {
                    (S::Field, 0)
                } else if calls.contains(&t.span) {
                    (S::Builtin, MOD_DEFAULT_LIBRARY)
                } else if schema::constant(text).is_some() {
                    (S::Constant, MOD_DEFAULT_LIBRARY)
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        out.push(SemanticToken {
            span: t.span,
            kind,
            modifiers,
        });
    }
    out
}

/// Ranges that fold: multi-line declarations, blocks and plan bodies, and
/// runs of two or more comment lines.
pub fn folding_ranges(a: &Analysis) -> Vec<Span> {
    let text = &a.text;
    let multiline = |s: Span| text.get(s.range()).is_some_and(|t| t.contains('\n'));
    let mut out: Vec<Span> = Vec::new();
    for item in &a.parse.file.items {
        match item {
            Item::Plan(p) => {
                if let Some(b) = &p.body {
                    out.push(b.span);
                }
            }
            Item::Vault(v) => {
                if let DeclBody::New(Some(r)) = &v.body {
                    out.push(r.span);
                }
            }
            Item::Role(v) => {
                if let DeclBody::New(Some(r)) = &v.body {
                    out.push(r.span);
                }
            }
            _ => out.push(item.span()),
        }
    }
    out.extend(walk::facts(&a.parse.file).records.iter().map(|r| r.span));
    // Comment runs.
    let comments: Vec<Span> = a
        .parse
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Comment)
        .map(|t| t.span)
        .collect();
    let mut i = 0;
    while i < comments.len() {
        let mut j = i;
        while j + 1 < comments.len()
            && text[comments[j].end()..comments[j + 1].start()]
                .trim()
                .is_empty()
            && text[comments[j].end()..comments[j + 1].start()]
                .matches('\n')
                .count()
                == 1
        {
            j += 1;
        }
        if j > i {
            out.push(comments[i].cover(comments[j]));
        }
        i = j + 1;
    }
    out.retain(|s| multiline(*s));
    out.sort();
    out.dedup();
    out
}
