//! Plain-text descriptions of evaluated values and model constructs, for
//! bare expressions, `:show` and `:type`.

use bkp_model::{Model, Plan, RoleKind, Rule, Vault, VaultKind, days, describe_cron};
use bkp_sema::schema::{self, PlanPreset, RulePreset};
use bkp_sema::{DefKind, Semantics, Value};

/// `VALUE : TYPE`, then what the value stands for, one indented line each.
pub fn value(value: &Value, sema: &Semantics) -> String {
    let ty = value.ty();
    let shown = match value {
        Value::Vault(d) | Value::Role(d) | Value::Plan(d) => sema
            .defs
            .get(*d)
            .map_or_else(|| value.to_string(), |def| def.name.clone()),
        _ => value.to_string(),
    };
    let mut out = format!("{shown} : {ty}\n");
    let details = match value {
        Value::PlanPreset(p) => plan_preset(p),
        Value::RulePreset(p) => vec![rule_preset(p)],
        Value::Vault(d) | Value::Role(d) | Value::Plan(d) => {
            sema.defs.get(*d).map_or_else(Vec::new, |def| {
                construct(&def.name, def.kind, &sema.model).unwrap_or_default()
            })
        }
        _ => Vec::new(),
    };
    for line in details {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// What a plan preset expands to: its doc line and one line per rule.
fn plan_preset(p: &PlanPreset) -> Vec<String> {
    let mut lines = vec![format!("{} (plan id `{}`)", p.doc, p.id)];
    lines.extend(
        p.rules
            .iter()
            .filter_map(|r| schema::rule_preset(r))
            .map(rule_preset),
    );
    lines
}

/// A rule preset in the words of [`Rule::describe`].
fn rule_preset(p: &RulePreset) -> String {
    let mut parts = vec![describe_cron(schema::cron_of(p), None)];
    if let Some(c) = p.move_to_cold_days {
        parts.push(format!("cold storage after {}", days(c)));
    }
    parts.push(format!("kept {}", days(p.delete_after_days)));
    format!("rule {}: {}", p.rule_name, parts.join(", "))
}

/// The lines describing the top-level construct `name` of kind `kind`.
pub fn construct(name: &str, kind: DefKind, model: &Model) -> Option<Vec<String>> {
    match kind {
        DefKind::Vault => model
            .vault_by_path(&[name])
            .map(|id| vault(model.vault(id))),
        DefKind::Plan => model
            .plans
            .iter()
            .find(|p| p.id == name)
            .map(|p| plan(p, model)),
        DefKind::Role => model.roles.iter().find(|r| r.id == name).map(|r| {
            let mut lines = vec![match &r.kind {
                RoleKind::New { assumed_by } => {
                    format!(
                        "new role assumed by {}",
                        Value::Principal(assumed_by.clone())
                    )
                }
                RoleKind::Imported { arn } => format!("imported role {arn:?}"),
            }];
            for g in model
                .grants
                .iter()
                .filter(|g| model.role(g.role).id == r.id)
            {
                lines.push(format!(
                    "granted {} on vault {}",
                    g.actions.join(", "),
                    model.vault(g.vault).display_name()
                ));
            }
            lines
        }),
        DefKind::Stack => Some(vec![match &model.stack.env {
            Some(env) => format!(
                "stack {} in account {} region {}",
                model.stack.name, env.account, env.region
            ),
            None => format!("stack {} (environment-agnostic)", model.stack.name),
        }]),
        _ => None,
    }
}

fn vault(v: &Vault) -> Vec<String> {
    match &v.kind {
        VaultKind::ImportedName { name } => vec![format!("imported vault named {name:?}")],
        VaultKind::ImportedArn { arn, .. } => vec![format!("imported vault {arn:?}")],
        VaultKind::New(n) => {
            let mut lines = vec![match &n.name {
                Some(name) => format!("new vault named {name:?}"),
                None => "new vault with a generated name".to_string(),
            }];
            lines.push(format!("removal policy {}", n.removal_policy));
            if let Some(k) = &n.encryption_key_arn {
                lines.push(format!("encrypted with {k}"));
            }
            if let Some(nt) = &n.notifications {
                lines.push(format!(
                    "notifies {} of {}",
                    nt.topic_arn,
                    nt.events.join(", ")
                ));
            }
            if let Some(l) = &n.lock {
                let mut s = format!("locked: min retention {}", days(l.min_retention_days));
                if let Some(m) = l.max_retention_days {
                    s.push_str(&format!(", max retention {}", days(m)));
                }
                if let Some(c) = l.changeable_for_days {
                    s.push_str(&format!(", changeable for {}", days(c)));
                }
                lines.push(s);
            }
            if n.block_recovery_point_deletion {
                lines.push("recovery point deletion blocked".into());
            }
            if !n.access_policy.is_empty() {
                lines.push(format!(
                    "access policy of {} statement(s)",
                    n.access_policy.len()
                ));
            }
            lines
        }
    }
}

fn plan(p: &Plan, model: &Model) -> Vec<String> {
    let mut lines = vec![format!("backup plan named {:?}", p.name)];
    if p.windows_vss {
        lines.push("Windows VSS enabled".into());
    }
    lines.extend(p.rules.iter().map(|r| rule(r, model)));
    for s in &p.selections {
        let mut what: Vec<String> = s.resources.iter().map(ToString::to_string).collect();
        what.extend(s.tags.iter().map(|(k, v)| format!("tag {k}={v}")));
        lines.push(format!("select {}: {}", s.id, what.join(", ")));
    }
    lines
}

fn rule(r: &Rule, model: &Model) -> String {
    format!("rule {}: {}", r.name, r.describe(model))
}
