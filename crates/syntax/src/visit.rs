//! Walks over the expressions of a tree.

use crate::ast::*;

/// Calls `f` on every top-level expression position of `file` (field values,
/// let values, imports, grant actions); `f` recurses itself if it needs to.
pub fn walk_exprs_mut(file: &mut File, f: &mut impl FnMut(&mut Expr)) {
    let record = |r: &mut Record, f: &mut dyn FnMut(&mut Expr)| {
        r.fields.iter_mut().for_each(|fl| f(&mut fl.value))
    };
    for item in &mut file.items {
        match item {
            Item::Let(d) => f(&mut d.value),
            Item::Vault(VaultDecl { body, .. }) | Item::Role(RoleDecl { body, .. }) => match body {
                DeclBody::New(Some(r)) => record(r, f),
                DeclBody::New(None) => {}
                DeclBody::Import { value, .. } => f(value),
            },
            Item::Grant(g) => f(&mut g.actions),
            Item::Stack(s) => {
                if let Some(r) = &mut s.body {
                    record(r, f)
                }
            }
            Item::Plan(p) => {
                for it in p.body.iter_mut().flat_map(|b| b.items.iter_mut()) {
                    match it {
                        PlanItem::Field(fl) => f(&mut fl.value),
                        PlanItem::Rule(RuleDecl { body: Some(r), .. })
                        | PlanItem::Select(SelectDecl { body: Some(r), .. }) => record(r, f),
                        _ => {}
                    }
                }
            }
            Item::Error(_) => {}
        }
    }
}

/// Calls `f` on `expr` and every expression nested in it, parents first.
pub fn walk_expr<'a>(expr: &'a Expr, f: &mut impl FnMut(&'a Expr)) {
    f(expr);
    match &expr.kind {
        ExprKind::Str(parts) => {
            for p in parts {
                if let StrPart::Interp(e, _) = p {
                    walk_expr(e, f);
                }
            }
        }
        ExprKind::List(items) => items.iter().for_each(|e| walk_expr(e, f)),
        ExprKind::Record(r) | ExprKind::Tagged { record: r, .. } => {
            r.fields.iter().for_each(|fl| walk_expr(&fl.value, f))
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| walk_expr(&a.value, f)),
        ExprKind::Binary { lhs, rhs, .. } => {
            walk_expr(lhs, f);
            walk_expr(rhs, f);
        }
        ExprKind::Paren(e) => walk_expr(e, f),
        ExprKind::Int(_)
        | ExprKind::Duration { .. }
        | ExprKind::Bool(_)
        | ExprKind::Name(_)
        | ExprKind::Error => {}
    }
}
