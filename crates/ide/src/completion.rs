//! Completion: what may be written at the cursor, by context.

use crate::context::{self, Ctx, Frame};
use bkp_diagnostics::Span;
use bkp_driver::Analysis;
use bkp_sema::DefKind;
use bkp_sema::schema::{self, BlockKind, BuiltinResult, ConstKind, FieldSchema, FieldTy};
use bkp_sema::ty::Ty;
use bkp_syntax::lexer::TokenKind as K;

/// One completion item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// A one-line summary: the type, the preset's rules, the signature.
    pub detail: String,
    /// Markdown documentation: the CDK meaning and the default.
    pub documentation: String,
    /// Text to insert instead of the label, in snippet syntax (`$1`, `$0`).
    pub insert_text: Option<String>,
    /// The text the item replaces (the word being typed, or empty at the cursor).
    pub replace: Span,
}

/// What a completion item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    Keyword,
    Snippet,
    Field,
    Preset,
    Vault,
    Role,
    Let,
    Plan,
    Function,
    Constant,
    Value,
}

/// The completions at `offset`, in the order they should be shown.
pub fn completions(a: &Analysis, offset: usize) -> Vec<Completion> {
    let ctx = context::at(&a.text, &a.parse.tokens, offset);
    if ctx.in_literal {
        return Vec::new();
    }
    let mut c = Collector {
        a,
        replace: ctx.prefix,
        out: Vec::new(),
    };
    c.run(&ctx);
    let mut seen = std::collections::HashSet::new();
    c.out.retain(|i| seen.insert(i.label.clone()));
    c.out
}

struct Collector<'a> {
    a: &'a Analysis,
    replace: Span,
    out: Vec<Completion>,
}

/// Which values are wanted where an expression goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    /// Anything: bare expressions, `let` values.
    Any,
    /// A value of a field type.
    Field(FieldTy),
    /// One element of a list-typed field.
    Element(FieldTy),
}

impl Collector<'_> {
    fn run(&mut self, ctx: &Ctx) {
        let kinds: Vec<K> = ctx.item.iter().map(|t| t.kind).collect();
        match kinds.as_slice() {
            [.., K::Arrow] => return self.keyword("vault", "`-> vault V`: the vault of the rules"),
            [.., K::Arrow, K::Vault] => return self.vaults(),
            _ => {}
        }
        let key = context::item_key(&self.a.text, &ctx.item);
        match &ctx.frame {
            Frame::Top => self.top(ctx, &kinds),
            Frame::PlanBody => match (kinds.as_slice(), key) {
                ([], _) => {
                    self.fields(BlockKind::Plan, &ctx.keys);
                    self.plan_item_snippets();
                }
                ([K::Rule], _) => {
                    self.rule_presets();
                    self.snippet(
                        "rule { ... }",
                        "a custom rule",
                        "rule ${1:Name} {\n\tschedule = cron(hour = \"${2:5}\", minute = \"0\")\n\tdelete_after = ${3:35d}\n}",
                    );
                }
                (_, Some(k)) => self.value_after_eq(ctx, k),
                _ => {}
            },
            Frame::Block(b) => match (kinds.as_slice(), key) {
                ([], _) => self.fields(*b, &ctx.keys),
                (_, Some(k)) => self.value_after_eq(ctx, k),
                _ => {}
            },
            Frame::Record => {
                if key.is_some() && kinds.len() == 2 {
                    self.values(Want::Any);
                }
            }
            Frame::List(ty) => {
                if kinds.is_empty() {
                    self.values(ty.map_or(Want::Any, Want::Element));
                }
            }
            Frame::Call(name) => {
                if name == "cron" && kinds.is_empty() {
                    for f in schema::CRON_FIELDS {
                        self.push(
                            f,
                            CompletionKind::Field,
                            "String",
                            &format!(
                                "The cron `{f}` field; left out it is `*` (`?` for the day fields)."
                            ),
                            Some(format!("{f} = \"$1\"")),
                        );
                    }
                } else if kinds.is_empty() || kinds.last() == Some(&K::Eq) {
                    self.values(Want::Any);
                }
            }
            Frame::Paren => {
                if kinds.is_empty() {
                    self.values(Want::Any);
                }
            }
        }
    }

    fn value_after_eq(&mut self, ctx: &Ctx, key: &str) {
        // Only right after `=`: a complete value needs no completion.
        if ctx.item.len() != 2 {
            return;
        }
        match context::field_ty(&ctx.frame, key) {
            Some(ty) => self.values(Want::Field(ty)),
            None => self.values(Want::Any),
        }
    }

    fn top(&mut self, ctx: &Ctx, kinds: &[K]) {
        match kinds {
            [] => {
                self.top_keywords();
                self.values(Want::Any);
            }
            [K::Plan] | [K::Plan, K::Eq] | [K::Plan, K::Ident, K::Eq] => self.plan_presets(),
            [K::Plan, ..] => {}
            [K::Vault, K::Ident, K::Eq] | [K::Role, K::Ident, K::Eq] => {
                self.keyword("import", "import an existing resource");
                if kinds[0] == K::Vault {
                    self.snippet(
                        "import arn",
                        "import a vault by ARN",
                        "import arn \"${1:arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME}\"",
                    );
                }
            }
            [K::Vault, K::Ident, K::Eq, K::Import] => self.keyword("arn", "import by ARN"),
            [K::Grant] => self.defs_of(DefKind::Role),
            [K::Grant, K::Ident, K::Str] | [K::Grant, K::Ident, .., K::RBracket] => {
                self.keyword("on", "`grant ROLE ACTIONS on VAULT`")
            }
            [K::Grant, .., K::On] => self.vaults(),
            [K::Let, K::Ident, K::Eq] => self.values(Want::Any),
            _ => {
                let _ = ctx;
            }
        }
    }

    fn push(
        &mut self,
        label: &str,
        kind: CompletionKind,
        detail: &str,
        doc: &str,
        insert: Option<String>,
    ) {
        self.out.push(Completion {
            label: label.to_string(),
            kind,
            detail: detail.to_string(),
            documentation: doc.to_string(),
            insert_text: insert,
            replace: self.replace,
        });
    }

    fn keyword(&mut self, kw: &str, doc: &str) {
        self.push(kw, CompletionKind::Keyword, "keyword", doc, None);
    }

    fn snippet(&mut self, label: &str, doc: &str, body: &str) {
        self.push(
            label,
            CompletionKind::Snippet,
            doc,
            doc,
            Some(body.to_string()),
        );
    }

    fn top_keywords(&mut self) {
        self.snippet(
            "vault { ... }",
            "a new backup vault",
            "vault ${1:main} {\n\t$0\n}",
        );
        self.snippet(
            "vault = import",
            "an existing vault, by name",
            "vault ${1:name} = import \"${2:vaultName}\"",
        );
        self.snippet(
            "plan = preset",
            "a plan from a CDK preset",
            "plan ${1:Name} = ${2|daily35,daily_monthly1_year,daily_weekly_monthly5_year,daily_weekly_monthly7_year|} -> vault ${3:main}",
        );
        self.snippet(
            "plan < ... >",
            "a plan with a custom rule and a selection",
            "plan ${1:Name} -> vault ${2:main} <\n\trule ${3:Nightly} {\n\t\tschedule = cron(hour = \"${4:3}\", minute = \"0\")\n\t\tdelete_after = ${5:35d}\n\t}\n\tselect ${6:Resources} {\n\t\tresources = [$0]\n\t}\n>",
        );
        self.snippet(
            "role { ... }",
            "a new IAM role",
            "role ${1:name} { assumed_by = service_principal(\"${2:backup.amazonaws.com}\") }",
        );
        for (kw, doc) in [
            (
                "vault",
                "`vault NAME { ... }`, `vault NAME = import \"name\"`",
            ),
            (
                "plan",
                "`plan NAME? (= PRESET)? (-> vault V)? (< ITEMS >)?`",
            ),
            (
                "role",
                "`role NAME { assumed_by = ... }` or `role NAME = import \"arn\"`",
            ),
            ("grant", "`grant ROLE ACTIONS on VAULT`"),
            ("let", "`let NAME = EXPR`"),
            (
                "stack",
                "`stack NAME { account = \"...\", region = \"...\" }`",
            ),
        ] {
            self.keyword(kw, doc);
        }
    }

    fn plan_item_snippets(&mut self) {
        self.keyword("rule", "a rule: `rule PRESET` or `rule NAME { ... }`");
        self.keyword("select", "a selection: `select NAME { resources = [...] }`");
        self.snippet(
            "rule { ... }",
            "a custom rule",
            "rule ${1:Name} {\n\tschedule = cron(hour = \"${2:5}\", minute = \"0\")\n\tdelete_after = ${3:35d}\n}",
        );
        self.snippet(
            "select { ... }",
            "a selection of resources",
            "select ${1:Resources} {\n\tresources = [$0]\n}",
        );
    }

    fn fields(&mut self, block: BlockKind, set: &[String]) {
        for f in block.fields() {
            if set.iter().any(|k| k == f.name) {
                continue;
            }
            let insert = match f.ty {
                FieldTy::Block(_) | FieldTy::StringMap | FieldTy::Json => {
                    format!("{} = {{ $0 }}", f.name)
                }
                FieldTy::Blocks(_) => format!("{} = [{{ $0 }}]", f.name),
                FieldTy::Events
                | FieldTy::Statements
                | FieldTy::Resources
                | FieldTy::Conditions
                | FieldTy::Strings
                | FieldTy::IndexTypes
                | FieldTy::Principals => format!("{} = [$0]", f.name),
                FieldTy::String => format!("{} = \"$0\"", f.name),
                _ => format!("{} = $0", f.name),
            };
            let detail = format!(
                "{}{}",
                f.ty.ty(),
                if f.required { " (required)" } else { "" }
            );
            self.push(
                f.name,
                CompletionKind::Field,
                &detail,
                &field_doc(f),
                Some(insert),
            );
        }
    }

    fn plan_presets(&mut self) {
        for p in schema::PLAN_PRESETS {
            let detail = format!("plan preset: rules {}", p.rules.join(", "));
            let doc = format!(
                "{}\n\nThe CDK's `BackupPlan.{}()`; an unnamed plan gets the id `{}`.",
                p.doc,
                camel(p.alias),
                p.id
            );
            self.push(p.name, CompletionKind::Preset, &detail, &doc, None);
        }
    }

    fn rule_presets(&mut self) {
        for p in schema::RULE_PRESETS {
            let doc = format!(
                "{}\n\nThe CDK's `BackupPlanRule.{}()`: schedule `{}`, rule name `{}`.",
                p.doc,
                camel(p.name),
                schema::cron_of(p),
                p.rule_name
            );
            self.push(p.name, CompletionKind::Preset, "rule preset", &doc, None);
        }
    }

    fn vaults(&mut self) {
        self.defs_of(DefKind::Vault);
        self.lets_of(&|t| *t == Ty::Vault);
    }

    fn defs_of(&mut self, kind: DefKind) {
        let sema = &self.a.sema;
        let items: Vec<(String, String)> = sema
            .defs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == kind && d.parent.is_none() && d.written)
            .map(|(i, d)| (d.name.clone(), crate::hover::def_summary(self.a, i)))
            .collect();
        let ck = match kind {
            DefKind::Vault => CompletionKind::Vault,
            DefKind::Role => CompletionKind::Role,
            DefKind::Plan => CompletionKind::Plan,
            _ => CompletionKind::Let,
        };
        for (name, summary) in items {
            self.push(&name, ck, kind.noun(), &summary, None);
        }
    }

    fn lets_of(&mut self, accept: &dyn Fn(&Ty) -> bool) {
        let sema = &self.a.sema;
        let items: Vec<(String, String)> = sema
            .let_values
            .iter()
            .filter(|(_, v)| accept(&v.value.ty()))
            .map(|(d, v)| {
                (
                    sema.defs[*d].name.clone(),
                    format!("{} = {}", v.value.ty(), v.value),
                )
            })
            .collect();
        for (name, detail) in items {
            self.push(
                &name,
                CompletionKind::Let,
                &detail,
                "a `let` of the expected type",
                None,
            );
        }
    }

    fn constants(&mut self, accept: &dyn Fn(&ConstKind) -> bool) {
        for c in schema::EVENTS.iter().chain(schema::OTHER_CONSTANTS) {
            if accept(&c.kind) && !matches!(c.kind, ConstKind::Removal(None)) {
                self.push(
                    c.name,
                    CompletionKind::Constant,
                    &c.kind.ty().to_string(),
                    c.doc,
                    None,
                );
            }
        }
    }

    fn builtins(&mut self, accept: &dyn Fn(&schema::Builtin) -> bool) {
        for b in schema::BUILTINS {
            if !accept(b) {
                continue;
            }
            let insert = if b.name == "cron" {
                "cron(hour = \"${1:5}\", minute = \"${2:0}\")".to_string()
            } else {
                let args: Vec<String> = b
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("\"${{{}:{p}}}\"", i + 1))
                    .collect();
                format!("{}({})", b.name, args.join(", "))
            };
            self.push(
                b.name,
                CompletionKind::Function,
                &signature(b),
                b.doc,
                Some(insert),
            );
        }
    }

    fn bools(&mut self) {
        self.push("true", CompletionKind::Keyword, "Bool", "", None);
        self.push("false", CompletionKind::Keyword, "Bool", "", None);
    }

    fn values(&mut self, want: Want) {
        match want {
            Want::Any => {
                self.defs_of(DefKind::Let);
                self.defs_of(DefKind::Vault);
                self.defs_of(DefKind::Role);
                self.plan_presets();
                self.rule_presets();
                self.builtins(&|_| true);
                self.constants(&|_| true);
                self.bools();
            }
            Want::Field(ty) => self.field_values(ty),
            Want::Element(ty) => self.element_values(ty),
        }
    }

    fn field_values(&mut self, ty: FieldTy) {
        let t = ty.ty();
        match ty {
            FieldTy::Vault => self.vaults(),
            FieldTy::Role => {
                self.defs_of(DefKind::Role);
                self.lets_of(&|x| *x == Ty::Role);
            }
            FieldTy::Bool => {
                self.bools();
                self.lets_of(&|x| *x == Ty::Bool);
            }
            FieldTy::RemovalPolicy => {
                self.constants(&|k| matches!(k, ConstKind::Removal(_)));
                self.lets_of(&|x| *x == Ty::RemovalPolicy);
            }
            FieldTy::Schedule => {
                self.builtins(&|b| b.result == BuiltinResult::Schedule);
                self.lets_of(&|x| *x == Ty::Schedule);
            }
            FieldTy::Key => {
                self.builtins(&|b| b.result == BuiltinResult::Key);
                self.lets_of(&|x| *x == Ty::Key);
            }
            FieldTy::Topic => {
                self.builtins(&|b| b.result == BuiltinResult::Topic);
                self.lets_of(&|x| *x == Ty::Topic);
            }
            FieldTy::Principal => {
                self.builtins(&|b| b.result == BuiltinResult::Principal);
                self.constants(&|k| matches!(k, ConstKind::AnyPrincipal));
                self.lets_of(&|x| *x == Ty::Principal);
            }
            FieldTy::Duration | FieldTy::String => self.lets_of(&|x| *x == t),
            FieldTy::Block(_) | FieldTy::StringMap | FieldTy::Json => {
                self.snippet("{ ... }", "a record", "{ $0 }")
            }
            FieldTy::Blocks(_) => self.snippet("[{ ... }]", "a list of records", "[{ $0 }]"),
            FieldTy::Events
            | FieldTy::Statements
            | FieldTy::Resources
            | FieldTy::Conditions
            | FieldTy::Strings
            | FieldTy::IndexTypes
            | FieldTy::Principals => {
                self.snippet("[ ... ]", "a list", "[$0]");
                self.lets_of(&|x| *x == t);
            }
        }
    }

    fn element_values(&mut self, ty: FieldTy) {
        let elem = match ty.ty() {
            Ty::List(e) => *e,
            other => other,
        };
        let accept_let = move |x: &Ty| *x == elem || matches!(x, Ty::List(e) if **e == elem);
        match ty {
            FieldTy::Events => self.constants(&|k| matches!(k, ConstKind::Event(_))),
            FieldTy::IndexTypes => self.constants(&|k| matches!(k, ConstKind::Index(_))),
            FieldTy::Resources => self.builtins(&|b| b.result == BuiltinResult::Resource),
            FieldTy::Conditions => self.builtins(&|b| b.result == BuiltinResult::Condition),
            FieldTy::Principals => {
                self.builtins(&|b| b.result == BuiltinResult::Principal);
                self.constants(&|k| matches!(k, ConstKind::AnyPrincipal));
            }
            FieldTy::Statements => {
                self.snippet(
                    "deny { ... }",
                    "a Deny statement",
                    "deny {\n\tprincipals = [any_principal]\n\tactions = [\"$1\"]\n\tresources = [\"*\"]\n}",
                );
                self.snippet(
                    "allow { ... }",
                    "an Allow statement",
                    "allow {\n\tprincipals = [$1]\n\tactions = [\"$2\"]\n\tresources = [\"*\"]\n}",
                );
            }
            FieldTy::Blocks(k) => {
                let req: Vec<String> = k
                    .fields()
                    .iter()
                    .filter(|f| f.required)
                    .enumerate()
                    .map(|(i, f)| format!("{} = ${}", f.name, i + 1))
                    .collect();
                self.snippet(
                    "{ ... }",
                    &format!("{} {}", k.noun(), "with its required fields"),
                    &format!("{{ {} }}", req.join(", ")),
                );
            }
            _ => {}
        }
        self.lets_of(&accept_let);
    }
}

pub(crate) fn field_doc(f: &FieldSchema) -> String {
    if f.required {
        format!("{}\n\nRequired.", f.doc)
    } else {
        format!("{}\n\nDefault: {}.", f.doc, f.default)
    }
}

/// `cron(minute, hour, ...) -> Schedule`.
pub(crate) fn signature(b: &schema::Builtin) -> String {
    format!("{}({}) -> {}", b.name, b.params.join(", "), b.result.ty())
}

/// `daily35_day_retention` -> `daily35DayRetention`.
pub(crate) fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}
