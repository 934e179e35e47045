//! Quick fixes and inlay hints.

use crate::hover::{duration_text, rule_decls, rules_at};
use crate::walk;
use bkp_diagnostics::{Edit, Span};
use bkp_driver::Analysis;
use bkp_sema::codes;
use bkp_sema::schema::{BlockKind, FieldTy};
use bkp_syntax::ast::Unit;

/// A code action: a titled set of edits, fixing the diagnostic it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Index into `Analysis::diagnostics` of the diagnostic it fixes.
    pub diagnostic: Option<usize>,
}

/// The quick fixes for the diagnostics that meet `range`: the fixes the
/// diagnostics carry, and "add the missing field" for a missing required field.
pub fn code_actions(a: &Analysis, range: Span) -> Vec<Action> {
    let mut out = Vec::new();
    let facts = walk::facts(&a.parse.file);
    for (i, d) in a.diagnostics.iter().enumerate() {
        let meets = d.span.start() <= range.end() && range.start() <= d.span.end();
        if !meets {
            continue;
        }
        for fix in &d.fixes {
            out.push(Action {
                title: fix.title.clone(),
                edits: fix.edits.clone(),
                diagnostic: Some(i),
            });
        }
        if d.code == codes::MISSING_FIELD
            && let Some(field) = backticked(&d.label)
            && let Some(edit) = add_field(a, &facts, d.span, &field)
        {
            out.push(Action {
                title: format!("add `{field}`"),
                edits: vec![edit],
                diagnostic: Some(i),
            });
        }
    }
    out
}

/// The first `name` in backticks of a message.
fn backticked(s: &str) -> Option<String> {
    let mut parts = s.split('`');
    parts.next()?;
    parts.next().map(str::to_string)
}

fn placeholder(a: &Analysis, ty: FieldTy) -> String {
    match ty {
        FieldTy::Duration => "35d".into(),
        FieldTy::Vault => a
            .sema
            .defs
            .iter()
            .find(|d| d.kind == bkp_sema::DefKind::Vault)
            .map_or_else(|| "main".into(), |d| d.name.clone()),
        FieldTy::Principal => "service_principal(\"backup.amazonaws.com\")".into(),
        FieldTy::Schedule => "cron(hour = \"5\", minute = \"0\")".into(),
        FieldTy::IndexTypes => "[ebs]".into(),
        FieldTy::Bool => "false".into(),
        FieldTy::String => "\"\"".into(),
        FieldTy::Block(_) | FieldTy::StringMap | FieldTy::Json => "{}".into(),
        _ => "[]".into(),
    }
}

fn add_field(a: &Analysis, facts: &walk::Facts, at: Span, field: &str) -> Option<Edit> {
    let text = &a.text;
    if let Some(r) = facts.records.iter().find(|r| r.span.start() == at.start()) {
        let ty = r.block.and_then(|b| b.field(field))?.ty;
        let value = placeholder(a, ty);
        return Some(match r.fields.last() {
            None => Edit {
                span: r.span,
                text: format!("{{ {field} = {value} }}"),
            },
            Some((_, last)) => {
                let multiline = text[r.span.start()..last.start()].contains('\n');
                if multiline {
                    let line_start = text[..last.start()].rfind('\n').map_or(0, |i| i + 1);
                    let indent = &text[line_start..last.start()];
                    Edit {
                        span: Span::point(last.end()),
                        text: format!("\n{indent}{field} = {value}"),
                    }
                } else {
                    Edit {
                        span: Span::point(last.end()),
                        text: format!(", {field} = {value}"),
                    }
                }
            }
        });
    }
    // No body at all: `role r`, `select s`.
    let kind = [BlockKind::Role, BlockKind::Select, BlockKind::Rule]
        .into_iter()
        .find(|k| k.field(field).is_some_and(|f| f.required))?;
    let value = placeholder(a, kind.field(field)?.ty);
    Some(Edit {
        span: Span::point(at.end()),
        text: format!(" {{ {field} = {value} }}"),
    })
}

/// A label shown inline at an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
}

/// Hints within `range`: the vault each rule targets when it does not say,
/// the resolved name of unnamed rules, and durations in days where the unit
/// hides them (`2w` is 14 days).
pub fn inlay_hints(a: &Analysis, range: Span) -> Vec<InlayHint> {
    let model = &a.sema.model;
    let inside = |o: usize| range.start() <= o && o <= range.end();
    let mut out = Vec::new();
    for r in rule_decls(a) {
        let Some(rule) = rules_at(model, r.span).into_iter().next() else {
            continue;
        };
        let header_end = r.name.as_ref().map_or(r.keyword.end(), |n| n.span.end());
        if r.name.is_none() && inside(r.keyword.end()) {
            out.push(InlayHint {
                offset: r.keyword.end(),
                label: format!(" {}", rule.name),
            });
        }
        let explicit = r.vault.is_some()
            || r.body
                .as_ref()
                .is_some_and(|b| b.field("backup_vault").is_some());
        if !explicit && inside(header_end) {
            out.push(InlayHint {
                offset: header_end,
                label: format!(" -> vault {}", model.vault(rule.vault).display_name()),
            });
        }
    }
    for (span, amount, unit) in walk::facts(&a.parse.file).durations {
        let hides = match unit {
            Unit::Weeks | Unit::Years => true,
            Unit::Hours => amount * 60 % (24 * 60) == 0 && amount > 0,
            Unit::Minutes | Unit::Days => false,
        };
        if hides && inside(span.end()) {
            out.push(InlayHint {
                offset: span.end(),
                label: format!(" = {}", duration_text(amount, unit)),
            });
        }
    }
    out.sort_by_key(|h| h.offset);
    out
}
