//! Shapes of `bkp_ide` and `bkp_diagnostics` as LSP types. Positions go
//! through [`crate::position::Conv`].

use crate::position::Conv;
use bkp_diagnostics::{Diagnostic, Severity};
use bkp_ide::{CompletionKind, SemanticTokenKind};
use tower_lsp_server::ls_types as lsp;

/// An LSP diagnostic: the message with its help and notes, the code, the
/// related spans, and the rule the code enforces in `data.explanation`.
pub fn diagnostic(d: &Diagnostic, conv: &Conv, uri: &lsp::Uri) -> lsp::Diagnostic {
    let mut message = d.message.to_string();
    if !d.label.is_empty() && d.label != d.message {
        message.push_str(&format!(" ({})", d.label));
    }
    if let Some(h) = &d.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    for n in &d.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), conv.range(r.span)),
            message: r.message.to_string(),
        })
        .collect();
    let explanation = bkp_sema::codes::explain(d.code);
    lsp::Diagnostic {
        range: conv.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(d.code.0.to_string())),
        code_description: None,
        source: Some("bkp".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: explanation.map(|e| serde_json::json!({ "code": d.code.0, "explanation": e })),
    }
}

pub fn completion_kind(k: CompletionKind) -> lsp::CompletionItemKind {
    use lsp::CompletionItemKind as C;
    match k {
        CompletionKind::Keyword => C::KEYWORD,
        CompletionKind::Snippet => C::SNIPPET,
        CompletionKind::Field => C::FIELD,
        CompletionKind::Preset => C::ENUM_MEMBER,
        CompletionKind::Vault => C::CLASS,
        CompletionKind::Role => C::INTERFACE,
        CompletionKind::Let => C::VARIABLE,
        CompletionKind::Plan => C::MODULE,
        CompletionKind::Function => C::FUNCTION,
        CompletionKind::Constant => C::CONSTANT,
        CompletionKind::Value => C::VALUE,
    }
}

/// A snippet body as plain text, for clients without snippet support:
/// placeholders keep their default text, tab stops vanish.
pub fn strip_snippet(s: &str) -> String {
    let mut out = String::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'$' && i + 1 < b.len() {
            if b[i + 1].is_ascii_digit() {
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
            if b[i + 1] == b'{' {
                let close = s[i..].find('}').map_or(s.len(), |j| i + j);
                let inner = &s[i + 2..close];
                let body = inner.trim_start_matches(|c: char| c.is_ascii_digit());
                let text = if let Some(d) = body.strip_prefix(':') {
                    d.to_string()
                } else if let Some(choices) = body.strip_prefix('|') {
                    choices.split([',', '|']).next().unwrap_or("").to_string()
                } else {
                    String::new()
                };
                out.push_str(&text);
                i = close + 1;
                continue;
            }
        }
        let c = s[i..].chars().next().expect("in bounds");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The semantic token types, in legend order.
pub const TOKEN_TYPES: &[lsp::SemanticTokenType] = &[
    lsp::SemanticTokenType::KEYWORD,
    lsp::SemanticTokenType::ENUM_MEMBER,
    lsp::SemanticTokenType::CLASS,
    lsp::SemanticTokenType::INTERFACE,
    lsp::SemanticTokenType::VARIABLE,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::METHOD,
    lsp::SemanticTokenType::STRUCT,
    lsp::SemanticTokenType::PROPERTY,
    lsp::SemanticTokenType::FUNCTION,
    lsp::SemanticTokenType::STRING,
    lsp::SemanticTokenType::NUMBER,
    lsp::SemanticTokenType::COMMENT,
    lsp::SemanticTokenType::OPERATOR,
    lsp::SemanticTokenType::MACRO,
];

/// The semantic token modifiers, in the bit order of `bkp_ide::MOD_*`.
pub const TOKEN_MODIFIERS: &[lsp::SemanticTokenModifier] = &[
    lsp::SemanticTokenModifier::DECLARATION,
    lsp::SemanticTokenModifier::DEFAULT_LIBRARY,
];

pub fn token_type(k: SemanticTokenKind) -> u32 {
    use SemanticTokenKind as S;
    match k {
        S::Keyword => 0,
        S::Constant => 1,
        S::Vault => 2,
        S::Role => 3,
        S::Let => 4,
        S::Plan | S::Stack => 5,
        S::Rule => 6,
        S::Selection => 7,
        S::Field => 8,
        S::Builtin => 9,
        S::String => 10,
        S::Number => 11,
        S::Comment => 12,
        S::Operator => 13,
        S::Preset => 14,
    }
}

pub fn symbol_kind(k: bkp_ide::SymbolKind) -> lsp::SymbolKind {
    use bkp_ide::SymbolKind as S;
    match k {
        S::Vault => lsp::SymbolKind::CLASS,
        S::Role => lsp::SymbolKind::INTERFACE,
        S::Let => lsp::SymbolKind::VARIABLE,
        S::Plan => lsp::SymbolKind::MODULE,
        S::Rule => lsp::SymbolKind::METHOD,
        S::Selection => lsp::SymbolKind::STRUCT,
        S::Stack => lsp::SymbolKind::NAMESPACE,
    }
}

#[allow(deprecated)]
pub fn symbol(s: &bkp_ide::Symbol, conv: &Conv) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: s.name.clone(),
        detail: Some(s.detail.clone()),
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: conv.range(s.range),
        selection_range: conv.range(s.selection_range),
        children: Some(s.children.iter().map(|c| symbol(c, conv)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::strip_snippet;

    #[test]
    fn snippets_to_plain_text() {
        assert_eq!(
            strip_snippet("vault ${1:main} {\n\t$0\n}"),
            "vault main {\n\t\n}"
        );
        assert_eq!(
            strip_snippet("plan = ${2|daily35,weekly|}"),
            "plan = daily35"
        );
        assert_eq!(strip_snippet("f(\"$1\")"), "f(\"\")");
        assert_eq!(strip_snippet("a 😀 $"), "a 😀 $");
    }
}
