//! Hover: documentation from the schemas plus the evaluated meaning.

use crate::completion::{camel, field_doc, signature};
use crate::walk;
use bkp_diagnostics::Span;
use bkp_driver::Analysis;
use bkp_model::{Model, Rule, VaultId, VaultKind, days};
use bkp_sema::DefKind;
use bkp_sema::schema::{self, BlockKind};
use bkp_syntax::ast::{Item, PlanItem, RuleDecl, Unit};
use bkp_syntax::lexer::{Token, TokenKind};

/// A hover: the range it is about and Markdown to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: Span,
    pub markdown: String,
}

/// The hover at `offset`, if there is anything to say.
pub fn hover(a: &Analysis, offset: usize) -> Option<Hover> {
    let tok = token_at(&a.parse.tokens, offset)?;
    let range = tok.span;
    let text = &a.text[range.range()];
    let md = |markdown: String| Some(Hover { range, markdown });

    if let Some(r) = rule_decl_at(a, offset)
        && (r.keyword == range || r.name.as_ref().is_some_and(|n| n.span == range))
    {
        return md(rule_hover(a, r));
    }
    if tok.kind == TokenKind::Preset {
        if let Some(p) = schema::plan_preset(text) {
            let mut s = format!(
                "**plan preset `{}`** (the CDK's `BackupPlan.{}()`)\n\n{}",
                p.name,
                camel(p.alias),
                p.doc
            );
            let rules = rules_at(&a.sema.model, range);
            if !rules.is_empty() {
                s.push_str("\n\nHere:");
                for r in rules {
                    s.push_str(&format!("\n- `{}`: {}", r.name, r.describe(&a.sema.model)));
                }
            } else {
                for r in p.rules.iter().filter_map(|r| schema::rule_preset(r)) {
                    s.push_str(&format!("\n- `{}`: {}", r.rule_name, r.doc));
                }
            }
            return md(s);
        }
        if let Some(p) = schema::rule_preset(text) {
            return md(format!("**rule preset `{}`**\n\n{}", p.name, p.doc));
        }
    }
    if let Some(def) = a.sema.def_at(offset)
        && matches!(tok.kind, TokenKind::Ident)
    {
        return md(def_hover(a, def));
    }
    let facts = walk::facts(&a.parse.file);
    if let Some(k) = facts.keys.iter().find(|k| k.span == range) {
        if let Some(f) = k.block.and_then(|b| b.field(&k.name)) {
            let block = k.block.map_or("", BlockKind::type_name);
            return md(format!(
                "**{}**: `{}` — field of {block}\n\n{}",
                f.name,
                f.ty.ty(),
                field_doc(f)
            ));
        }
        return None;
    }
    if let Some((_, callee)) = facts.named_args.iter().find(|(n, _)| n.span == range) {
        return md(format!(
            "**{text}**: argument of `{callee}`{}",
            if callee == "cron" {
                "\n\nA cron field; left out it is `*` (`?` for the day fields)."
            } else {
                ""
            }
        ));
    }
    if facts.calls.iter().any(|c| c.span == range)
        && let Some(b) = schema::builtin(text)
    {
        return md(format!("```\n{}\n```\n{}", signature(b), b.doc));
    }
    if let Some(c) = schema::constant(text)
        && (facts.names.iter().any(|n| n.span == range))
    {
        return md(format!("**{}**: `{}`\n\n{}", c.name, c.kind.ty(), c.doc));
    }
    if let Some(&(span, amount, unit)) = facts.durations.iter().find(|d| d.0 == range) {
        return Some(Hover {
            range: span,
            markdown: duration_text(amount, unit),
        });
    }
    if tok.kind.is_keyword() {
        return md(keyword_doc(text)?.to_string());
    }
    None
}

/// "35 days", "2 hours (120 minutes)".
pub(crate) fn duration_text(amount: u64, unit: Unit) -> String {
    let minutes = amount * unit.minutes();
    if minutes.is_multiple_of(24 * 60) {
        days(minutes / (24 * 60))
    } else if minutes.is_multiple_of(60) {
        format!("{} hours ({} minutes)", minutes / 60, minutes)
    } else {
        format!("{minutes} minutes")
    }
}

fn keyword_doc(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "vault" => {
            "`vault NAME { ... }`: a backup vault (CDK `BackupVault`); `vault NAME = import \"name\"` imports one."
        }
        "plan" => {
            "`plan NAME? (= PRESET)? (-> vault V)? (< ITEMS >)?`: a backup plan (CDK `BackupPlan`)."
        }
        "role" => {
            "`role NAME { assumed_by = ... }`: an IAM role; `role NAME = import \"arn\"` imports one."
        }
        "grant" => "`grant ROLE ACTIONS on VAULT`: the CDK's `vault.grant(role, ...actions)`.",
        "let" => "`let NAME = EXPR`: a named value (order-independent).",
        "select" => {
            "`select NAME { resources = [...] }`: a backup selection (CDK `BackupSelection`)."
        }
        "import" => "Import an existing resource by name (or by ARN with `import arn`).",
        "stack" => "`stack NAME { account, region }`: the stack's name and environment.",
        _ => return None,
    })
}

/// The token under the cursor, preferring a word over punctuation.
pub(crate) fn token_at(tokens: &[Token], offset: usize) -> Option<Token> {
    let touching: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.span.touches(offset) && t.kind != TokenKind::Newline)
        .collect();
    touching
        .iter()
        .find(|t| t.kind == TokenKind::Ident || t.kind == TokenKind::Preset || t.kind.is_keyword())
        .or_else(|| touching.iter().find(|t| t.span.contains(offset)))
        .or(touching.first())
        .map(|t| **t)
}

/// The rule declaration whose header (keyword or name) is at `offset`.
pub(crate) fn rule_decl_at(a: &Analysis, offset: usize) -> Option<&RuleDecl> {
    rule_decls(a).find(|r| {
        r.keyword.touches(offset) || r.name.as_ref().is_some_and(|n| n.span.touches(offset))
    })
}

/// Every rule declaration of the file.
pub(crate) fn rule_decls(a: &Analysis) -> impl Iterator<Item = &RuleDecl> {
    a.parse.file.items.iter().flat_map(|it| match it {
        Item::Plan(p) => p
            .body
            .iter()
            .flat_map(|b| &b.items)
            .filter_map(|i| match i {
                PlanItem::Rule(r) => Some(r),
                _ => None,
            })
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    })
}

/// The model rules produced at `span` (a rule declaration or a plan preset).
pub(crate) fn rules_at(model: &Model, span: Span) -> Vec<&Rule> {
    model
        .plans
        .iter()
        .flat_map(|p| &p.rules)
        .filter(|r| r.span == span)
        .collect()
}

fn rule_hover(a: &Analysis, r: &RuleDecl) -> String {
    let model = &a.sema.model;
    let mut s = String::new();
    if r.is_preset
        && let Some(p) = r.name.as_ref().and_then(|n| schema::rule_preset(&n.name))
    {
        s.push_str(&format!(
            "**rule preset `{}`** (the CDK's `BackupPlanRule.{}()`)\n\n{}\n\n",
            p.name,
            camel(p.name),
            p.doc
        ));
    }
    match rules_at(model, r.span).first() {
        Some(rule) => s.push_str(&format!(
            "**rule `{}`**: {}",
            rule.name,
            rule.describe(model)
        )),
        None => s.push_str("**rule** (not evaluated: see the diagnostics)"),
    }
    s
}

/// The vault a definition names in the model.
pub(crate) fn vault_of(a: &Analysis, def: usize) -> Option<VaultId> {
    a.sema
        .model
        .vault_by_path(&[a.sema.defs[def].name.as_str()])
}

/// A one-paragraph description of a definition (completion documentation).
pub(crate) fn def_summary(a: &Analysis, def: usize) -> String {
    let d = &a.sema.defs[def];
    let model = &a.sema.model;
    match d.kind {
        DefKind::Vault => {
            let Some(v) = vault_of(a, def) else {
                return "a vault".into();
            };
            let mut s = match &model.vault(v).kind {
                VaultKind::ImportedName { name } => format!("imported vault `{name}`"),
                VaultKind::ImportedArn { arn, .. } => format!("imported vault `{arn}`"),
                VaultKind::New(n) => match &n.name {
                    Some(name) => format!("new vault named `{name}`"),
                    None => "new vault with a generated name".into(),
                },
            };
            let mut targets = Vec::new();
            for p in &model.plans {
                for r in &p.rules {
                    if r.vault == v {
                        targets.push(format!("rule `{}/{}`", p.id, r.name));
                    }
                    for c in r.copy_actions.iter().flatten() {
                        if c.destination == v {
                            targets.push(format!("copy action of `{}/{}`", p.id, r.name));
                        }
                    }
                }
            }
            if targets.is_empty() {
                s.push_str("; no rule targets it");
            } else {
                s.push_str(&format!("; targeted by {}", targets.join(", ")));
            }
            s
        }
        DefKind::Role => match model
            .roles
            .iter()
            .find(|r| r.span == d.span)
            .map(|r| &r.kind)
        {
            Some(bkp_model::RoleKind::Imported { arn }) => format!("imported role `{arn}`"),
            Some(bkp_model::RoleKind::New { assumed_by }) => {
                format!("new role assumed by {assumed_by:?}")
            }
            None => "a role".into(),
        },
        DefKind::Let => match a.sema.let_value(def) {
            Some(v) => format!("`{}` = `{}`", v.value.ty(), v.value),
            None => "a let".into(),
        },
        DefKind::Plan => match model.plans.iter().find(|p| p.span == d.span) {
            Some(p) => {
                let mut s = format!("plan `{}` (name `{}`)", p.id, p.name);
                for r in &p.rules {
                    s.push_str(&format!("\n- `{}`: {}", r.name, r.describe(model)));
                }
                s
            }
            None => "a plan".into(),
        },
        DefKind::Rule => match rules_at(model, d.span).first() {
            Some(r) => format!("rule `{}`: {}", r.name, r.describe(model)),
            None => "a rule".into(),
        },
        DefKind::Selection => {
            match model
                .plans
                .iter()
                .flat_map(|p| &p.selections)
                .find(|s| s.span == d.span)
            {
                Some(s) => format!(
                    "selection `{}`: {} resource(s), {} tag(s), {} condition(s)",
                    s.name,
                    s.resources.len(),
                    s.tags.len(),
                    s.conditions.len()
                ),
                None => "a selection".into(),
            }
        }
        DefKind::Stack => format!("stack `{}`", model.stack.name),
    }
}

fn def_hover(a: &Analysis, def: usize) -> String {
    let d = &a.sema.defs[def];
    let ty = a.sema.def_type(def);
    match d.kind {
        DefKind::Rule => {
            if let Some(r) = rule_decls(a).find(|r| r.span == d.span) {
                return rule_hover(a, r);
            }
            format!(
                "**{}** `{}`\n\n{}",
                d.kind.noun(),
                d.name,
                def_summary(a, def)
            )
        }
        DefKind::Let => match a.sema.let_value(def) {
            Some(v) => format!("**let `{}`**: `{ty}` = `{}`", d.name, v.value),
            None => format!("**let `{}`**", d.name),
        },
        _ => format!(
            "**{} `{}`**: `{ty}`\n\n{}",
            d.kind.noun(),
            d.name,
            def_summary(a, def)
        ),
    }
}
