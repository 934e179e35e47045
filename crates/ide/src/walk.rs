//! One pass over the syntax tree collecting what the features look up by
//! position: record keys with the block they belong to, names, calls,
//! durations and records.

use bkp_diagnostics::Span;
use bkp_sema::schema::{BlockKind, FieldTy};
use bkp_syntax::ast::{self, DeclBody, ExprKind, Item, PlanItem, StrPart, Unit};

/// A record key and the block whose schema it belongs to.
#[derive(Clone, Debug)]
pub(crate) struct KeyFact {
    pub name: String,
    pub span: Span,
    pub block: Option<BlockKind>,
}

/// A record, with its block kind when it is checked against a schema.
#[derive(Clone, Debug)]
pub(crate) struct RecordFact {
    pub span: Span,
    pub block: Option<BlockKind>,
    pub fields: Vec<(String, Span)>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub keys: Vec<KeyFact>,
    pub records: Vec<RecordFact>,
    /// Names used as values (lets, declarations, constants, presets).
    pub names: Vec<ast::Ident>,
    /// Callees of calls.
    pub calls: Vec<ast::Ident>,
    /// Named arguments of calls, with the callee.
    pub named_args: Vec<(ast::Ident, String)>,
    /// Tags of `deny { }` / `allow { }`.
    pub tags: Vec<ast::Ident>,
    /// Duration literals: span, amount, unit.
    pub durations: Vec<(Span, u64, Unit)>,
}

/// Collects the facts of a whole file.
pub(crate) fn facts(file: &ast::File) -> Facts {
    let mut f = Facts::default();
    for item in &file.items {
        match item {
            Item::Let(d) => f.expr(&d.value, None),
            Item::Vault(d) => f.body(&d.body, BlockKind::Vault),
            Item::Role(d) => f.body(&d.body, BlockKind::Role),
            Item::Grant(d) => f.expr(&d.actions, None),
            Item::Stack(d) => {
                if let Some(r) = &d.body {
                    f.record(r, Some(BlockKind::Stack));
                }
            }
            Item::Plan(p) => {
                for it in p.body.iter().flat_map(|b| &b.items) {
                    match it {
                        PlanItem::Field(fl) => f.field(fl, Some(BlockKind::Plan)),
                        PlanItem::Rule(r) => {
                            if let Some(b) = &r.body {
                                f.record(b, Some(BlockKind::Rule));
                            }
                        }
                        PlanItem::Select(s) => {
                            if let Some(b) = &s.body {
                                f.record(b, Some(BlockKind::Select));
                            }
                        }
                        PlanItem::Error(_) => {}
                    }
                }
            }
            Item::Error(_) => {}
        }
    }
    f
}

impl Facts {
    fn body(&mut self, b: &DeclBody, kind: BlockKind) {
        match b {
            DeclBody::New(Some(r)) => self.record(r, Some(kind)),
            DeclBody::New(None) => {}
            DeclBody::Import { value, .. } => self.expr(value, None),
        }
    }

    fn record(&mut self, r: &ast::Record, block: Option<BlockKind>) {
        self.records.push(RecordFact {
            span: r.span,
            block,
            fields: r
                .fields
                .iter()
                .map(|f| (f.key.name.clone(), f.span))
                .collect(),
        });
        for fl in &r.fields {
            self.field(fl, block);
        }
    }

    fn field(&mut self, fl: &ast::Field, block: Option<BlockKind>) {
        self.keys.push(KeyFact {
            name: fl.key.name.clone(),
            span: fl.key.span,
            block,
        });
        let ty = block.and_then(|b| b.field(&fl.key.name)).map(|s| s.ty);
        self.expr(&fl.value, ty);
    }

    fn expr(&mut self, e: &ast::Expr, ty: Option<FieldTy>) {
        match &e.kind {
            ExprKind::Duration { amount, unit } => self.durations.push((e.span, *amount, *unit)),
            ExprKind::Str(parts) => {
                for p in parts {
                    if let StrPart::Interp(x, _) = p {
                        self.expr(x, None);
                    }
                }
            }
            ExprKind::Name(id) => self.names.push(id.clone()),
            ExprKind::List(items) => {
                let inner = match ty {
                    Some(FieldTy::Blocks(k)) => Some(FieldTy::Block(k)),
                    _ => None,
                };
                for x in items {
                    self.expr(x, inner);
                }
            }
            ExprKind::Record(r) => {
                let block = match ty {
                    Some(FieldTy::Block(k)) => Some(k),
                    _ => None,
                };
                self.record(r, block);
            }
            ExprKind::Call { callee, args, .. } => {
                self.calls.push(callee.clone());
                for a in args {
                    if let Some(n) = &a.name {
                        self.named_args.push((n.clone(), callee.name.clone()));
                    }
                    self.expr(&a.value, None);
                }
            }
            ExprKind::Tagged { tag, record } => {
                self.tags.push(tag.clone());
                self.record(record, Some(BlockKind::Statement));
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs, ty);
                self.expr(rhs, ty);
            }
            ExprKind::Paren(x) => self.expr(x, ty),
            ExprKind::Int(_) | ExprKind::Bool(_) | ExprKind::Error => {}
        }
    }
}
