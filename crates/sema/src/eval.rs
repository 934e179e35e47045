//! The evaluator: resolves names, checks every value against the schema of
//! its field and builds the resource model, applying presets and the CDK's
//! defaults, then validates the result.

use crate::codes::*;
use crate::schema::{self, BlockKind};
use crate::suggest::did_you_mean;
use crate::value::{RecordField, ResourceKind, ResourceValue, Spanned, Value, format_duration};
use crate::{Def, DefKind, Reference, Semantics};
use bkp_diagnostics::{Diagnostic, Fix, Span};
use bkp_model::*;
use bkp_syntax::ast::{self, DeclBody, ExprKind, Item, PlanItem, StrPart};
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

const DAY: u64 = 24 * 60;

#[derive(Clone)]
enum LetState {
    Evaluating,
    /// The value, and how many values it holds (itself included).
    Done(Spanned, usize),
}

/// How deep a value may nest: as deep as brackets may
/// ([`bkp_syntax::MAX_NESTING`]), also when lets put lists or records into
/// each other, so that every pass over a value stays far from the end of its
/// stack.
const MAX_VALUE_DEPTH: usize = bkp_syntax::MAX_NESTING;

/// How many values the uses of lets may copy in all: a let that lists
/// another twice doubles it, and forty such lets would not fit in memory.
const MAX_LET_COPIES: usize = 1_000_000;

/// The longest string `+` and interpolation may build: a template holds at
/// most a megabyte, and strings doubled through lets grow exponentially.
const MAX_STRING_BYTES: usize = 1_000_000;

/// How many values `v` holds (itself included, a string counting one per 64
/// bytes) and how deep they nest.
/// The recursion is bounded: a let's value nests at most
/// [`MAX_VALUE_DEPTH`] deep, and the expression around it as deep as
/// brackets may.
fn extent(v: &Value) -> (usize, usize) {
    fn around<'v>(children: impl Iterator<Item = &'v Value>) -> (usize, usize) {
        children.fold((1, 1), |(n, d), c| {
            let (inner_n, inner_d) = extent(c);
            (n + inner_n, d.max(inner_d + 1))
        })
    }
    match v {
        Value::List(items) => around(items.iter().map(|i| &i.value)),
        Value::Record(fs) | Value::Statement { fields: fs, .. } => {
            around(fs.iter().map(|f| &f.value.value))
        }
        Value::Str(s) => (1 + s.len() / 64, 1),
        _ => (1, 1),
    }
}

/// How many unknown names of a file get suggestions from the program's own
/// names (each costs a pass over all of them); later ones from builtins only.
const SUGGEST_FROM_PROGRAM: usize = 200;

/// When less stack than this is left on entering a let, evaluation goes on
/// on a new stack segment of [`LET_STACK_GROWTH`] bytes (one let and the
/// expression it names take far less than the red zone).
const LET_RED_ZONE: usize = 128 * 1024;
const LET_STACK_GROWTH: usize = 2 * 1024 * 1024;

/// From this many plans on, the plans of a file are evaluated as two halves
/// on two threads (see [`Evaluator::eval_plans`]).
const PARALLEL_MIN_PLANS: usize = 2_000;

pub(crate) struct Evaluator<'a> {
    file: &'a ast::File,
    defs: Vec<Def>,
    refs: Vec<Reference>,
    diags: Vec<Diagnostic>,
    /// Top-level names to definition indices (names borrowed from the
    /// tree or the schema, so that a fork copies no string).
    names: HashMap<&'a str, usize>,
    /// Unknown names met so far (see [`SUGGEST_FROM_PROGRAM`]).
    unknown_names: usize,
    /// Whether this is a fork evaluating the second half of the plans: its
    /// suggestions weigh the builtins only, and those that should weigh the
    /// program's names too are made when it joins.
    forked: bool,
    /// In a fork, its unknown names among the first [`SUGGEST_FROM_PROGRAM`]
    /// of the file: the index of their diagnostic, the name and its span.
    first_unknown: Vec<(usize, String, Span)>,
    /// Spans of the errors found before plans are evaluated, by start.
    early_errors: Vec<Span>,
    lets: HashMap<usize, &'a ast::Expr>,
    let_state: HashMap<usize, LetState>,
    /// How many values the uses of lets have copied so far.
    let_copies: usize,
    /// Whether a let's value was cut for nesting too deep.
    cut_deep_let: bool,
    vault_ids: HashMap<usize, VaultId>,
    role_ids: HashMap<usize, RoleId>,
    /// The first plan definition of each plan declaration, by its span.
    plan_defs: HashMap<Span, usize>,
    model: Model,
}

/// How many items the plan bodies of `file` have.
fn plan_items(file: &ast::File) -> usize {
    file.items
        .iter()
        .map(|i| match i {
            Item::Plan(p) => p.body.as_ref().map_or(0, |b| b.items.len()),
            _ => 0,
        })
        .sum()
}

/// Whether the plans of a file are evaluated on two threads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// From [`PARALLEL_MIN_PLANS`] plans on, on a machine with several cores.
    Auto,
    /// Always on one thread.
    #[cfg_attr(not(test), allow(dead_code))]
    Never,
    /// On two threads from two plans on.
    #[cfg_attr(not(test), allow(dead_code))]
    Always,
}

/// The sizes of an evaluator's lists when it was forked.
struct Base {
    defs: usize,
    vaults: usize,
    plans: usize,
    lets: usize,
    unknown_names: usize,
}

impl Base {
    fn of(ev: &Evaluator<'_>) -> Base {
        Base {
            defs: ev.defs.len(),
            vaults: ev.model.vaults.len(),
            plans: ev.model.plans.len(),
            lets: ev.let_state.len(),
            unknown_names: ev.unknown_names,
        }
    }
}

/// A record checked against a schema: its fields by name.
struct Checked {
    fields: Vec<RecordField>,
    span: Span,
}

impl Checked {
    fn get(&self, name: &str) -> Option<&Spanned> {
        self.fields.iter().find(|f| f.key == name).map(|f| &f.value)
    }

    /// Moves the value of field `name` out (leaving an error value behind),
    /// for values used once: lists of resources need no copy.
    fn take(&mut self, name: &str) -> Option<Spanned> {
        self.fields.iter_mut().find(|f| f.key == name).map(|f| {
            let span = f.value.span;
            std::mem::replace(
                &mut f.value,
                Spanned {
                    value: Value::Error,
                    span,
                },
            )
        })
    }

    fn key_span(&self, name: &str) -> Option<Span> {
        self.fields
            .iter()
            .find(|f| f.key == name)
            .map(|f| f.key_span)
    }
}

/// Rule properties while a rule is being built.
#[derive(Clone, Debug, Default)]
struct RuleProps {
    name: Option<Cow<'static, str>>,
    schedule: Option<Cow<'static, str>>,
    timezone: Option<String>,
    start_window: Option<u64>,
    completion_window: Option<u64>,
    cold_days: Option<(u64, Span)>,
    delete_days: Option<(u64, Span)>,
    tags: Option<Vec<(String, String)>>,
    copy_actions: Option<Vec<CopyAction>>,
    index_actions: Option<Vec<Vec<IndexResourceType>>>,
    continuous: Option<(bool, Span)>,
    vault: Option<VaultId>,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(file: &'a ast::File) -> Self {
        let mut ev = Evaluator {
            file,
            // A definition per declaration, and at most one per rule or
            // selection of a plan.
            defs: Vec::with_capacity(file.items.len() + plan_items(file)),
            refs: Vec::new(),
            diags: Vec::new(),
            names: HashMap::with_capacity(file.items.len()),
            unknown_names: 0,
            forked: false,
            first_unknown: Vec::new(),
            early_errors: Vec::new(),
            lets: HashMap::new(),
            let_state: HashMap::new(),
            let_copies: 0,
            cut_deep_let: false,
            vault_ids: HashMap::new(),
            role_ids: HashMap::new(),
            plan_defs: HashMap::with_capacity(file.items.len()),
            model: Model::default(),
        };
        ev.collect();
        ev.check_default_child();
        ev
    }

    // ----- name collection -------------------------------------------------

    fn define(
        &mut self,
        name: &'a str,
        kind: DefKind,
        name_span: Span,
        span: Span,
        written: bool,
    ) -> usize {
        let idx = self.defs.len();
        self.defs.push(Def {
            name: name.to_string(),
            kind,
            name_span,
            span,
            parent: None,
            written,
        });
        if let Some(&first) = self.names.get(name) {
            let prev = &self.defs[first];
            let what = if prev.kind == kind {
                String::new()
            } else {
                format!(" (a {})", prev.kind.noun())
            };
            let mut d = Diagnostic::error(
                DUPLICATE_NAME,
                name_span,
                format!("`{name}` is defined twice"),
            )
            .with_label(format!(
                "this {} reuses the name of an earlier declaration{what}",
                kind.noun()
            ))
            .with_related(prev.name_span, "first defined here");
            if !written {
                d = d.with_note(format!(
                    "an unnamed plan takes its id `{name}` from its preset; name one of them"
                ));
            }
            self.diags.push(d);
        } else {
            self.names.insert(name, idx);
            if written && (schema::builtin(name).is_some() || schema::constant(name).is_some()) {
                self.diags.push(
                    Diagnostic::warning(
                        SHADOWED_BUILTIN,
                        name_span,
                        format!("`{name}` hides the builtin of the same name"),
                    )
                    .with_help("choose another name"),
                );
            }
        }
        idx
    }

    fn collect(&mut self) {
        for item in &self.file.items {
            match item {
                Item::Let(d) => {
                    let idx = self.define(&d.name.name, DefKind::Let, d.name.span, d.span, true);
                    self.lets.entry(idx).or_insert(&d.value);
                }
                Item::Vault(d) => {
                    self.define(&d.name.name, DefKind::Vault, d.name.span, d.span, true);
                }
                Item::Role(d) => {
                    self.define(&d.name.name, DefKind::Role, d.name.span, d.span, true);
                }
                Item::Stack(d) => {
                    self.define(&d.name.name, DefKind::Stack, d.name.span, d.span, true);
                }
                Item::Plan(p) => {
                    if let Some((id, span, written)) = plan_id(p) {
                        let idx = self.define(id, DefKind::Plan, span, p.span, written);
                        self.plan_defs.entry(p.span).or_insert(idx);
                    }
                }
                Item::Grant(_) | Item::Error(_) => {}
            }
        }
    }

    /// The CDK cannot pick the stack's default child when both `Default`
    /// and `Resource` are top-level ids.
    fn check_default_child(&mut self) {
        let find = |n: &str| {
            self.names
                .get(n)
                .map(|&d| (self.defs[d].name_span, self.defs[d].kind))
        };
        if let (Some((d, dk)), Some((r, rk))) = (find("Default"), find("Resource"))
            && dk != DefKind::Let
            && rk != DefKind::Let
        {
            self.diags.push(
                    Diagnostic::error(DUPLICATE_CONSTRUCT, r, "declarations named both `Resource` and `Default` confuse the CDK")
                        .with_related(d, "`Default` is declared here")
                        .with_note("the CDK cannot tell which one is the stack's default child; rename one of them"),
                );
        }
    }

    /// The definition index of the plan declared by `p`.
    fn plan_def(&self, p: &ast::PlanDecl) -> Option<usize> {
        self.plan_defs.get(&p.span).copied()
    }

    // ----- running ---------------------------------------------------------

    pub(crate) fn run(self) -> Semantics {
        self.run_split(Split::Auto)
    }

    pub(crate) fn run_split(mut self, split: Split) -> Semantics {
        let file = self.file;
        let stacks: Vec<&ast::StackDecl> = file
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Stack(s) = i {
                    Some(s)
                } else {
                    None
                }
            })
            .collect();
        if let Some(s) = stacks.first() {
            self.eval_stack(s);
        }
        for s in stacks.iter().skip(1) {
            self.diags.push(
                Diagnostic::error(DUPLICATE_NAME, s.name.span, "a file declares one stack")
                    .with_related(stacks[0].name.span, "the stack is declared here"),
            );
        }
        // Vaults and roles first: plans and grants refer to them.
        for item in &file.items {
            match item {
                Item::Vault(v) => self.eval_vault(v),
                Item::Role(r) => self.eval_role(r),
                _ => {}
            }
        }
        // Errors found so far, by position, for `has_errors_in`.
        self.early_errors = self
            .diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.span)
            .collect();
        self.early_errors.sort_by_key(|s| s.start());
        // Every `let` is evaluated before the plans, in declaration order, so
        // that evaluating a plan only reads the lets' values.
        let mut lets: Vec<usize> = self.lets.keys().copied().collect();
        lets.sort_unstable();
        for def in lets {
            self.let_value(def, self.defs[def].name_span);
        }
        let plans: Vec<&ast::PlanDecl> = file
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Plan(p) => Some(p),
                _ => None,
            })
            .collect();
        self.eval_plans(&plans, split);
        for item in &file.items {
            if let Item::Grant(g) = item {
                self.eval_grant(g);
            }
        }
        self.model.order = self.construct_order();
        let mut let_values: Vec<(usize, Spanned)> = self
            .let_state
            .drain()
            .filter_map(|(d, s)| {
                if let LetState::Done(v, _) = s {
                    Some((d, v))
                } else {
                    None
                }
            })
            .collect();
        let_values.sort_by_key(|(d, _)| *d);
        let mut diagnostics = self.diags;
        bkp_diagnostics::sort_and_dedup(&mut diagnostics);
        Semantics {
            model: self.model,
            defs: self.defs,
            references: self.refs,
            let_values,
            diagnostics,
        }
    }

    /// Evaluates the plans in source order, with the same result as one
    /// `eval_plan` after another. Many plans are evaluated as two halves on
    /// two threads: a plan reads what the declarations before plans defined
    /// and adds only its own plan, rule and selection definitions, the vaults
    /// it creates, references and diagnostics. The second half runs on a
    /// copy of the evaluator ([`Evaluator::fork`]) whose additions are then
    /// appended, renumbered, after the first half's ([`Evaluator::join`]).
    fn eval_plans(&mut self, plans: &[&'a ast::PlanDecl], split: Split) {
        let parallel = match split {
            Split::Auto => {
                plans.len() >= PARALLEL_MIN_PLANS
                    && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
            }
            Split::Never => false,
            Split::Always => plans.len() >= 2,
        };
        if !parallel {
            self.reserve_for(plans);
            for p in plans {
                self.eval_plan(p);
            }
            return;
        }
        let (first, second) = plans.split_at(plans.len() / 2);
        self.reserve_for(plans);
        let mut worker = self.fork();
        worker.reserve_for(second);
        let base = Base::of(self);
        let worker = std::thread::scope(|s| {
            // The main thread's stack size: evaluation recurses with the nesting.
            let handle = std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(s, move || {
                    for p in second {
                        worker.eval_plan(p);
                    }
                    worker
                });
            for p in first {
                self.eval_plan(p);
            }
            handle.map(|h| h.join())
        });
        let joined = match worker {
            Ok(Ok(worker)) => self.join(worker, &base),
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had: the second half is evaluated here.
            Err(_) => false,
        };
        if !joined {
            for p in second {
                self.eval_plan(p);
            }
        }
    }

    /// Makes room for what evaluating `plans` adds to the largest lists: a
    /// plan each, and at most a definition per rule or selection.
    fn reserve_for(&mut self, plans: &[&ast::PlanDecl]) {
        let items: usize = plans
            .iter()
            .map(|p| p.body.as_ref().map_or(0, |b| b.items.len()))
            .sum();
        self.defs.reserve(items);
        self.model.plans.reserve(plans.len());
        self.refs.reserve(plans.len());
    }

    /// A copy of the evaluator that shares nothing mutable with it, with no
    /// references or diagnostics yet.
    fn fork(&self) -> Evaluator<'a> {
        // As much room as ours: what the fork adds then never moves the copy.
        let mut defs = Vec::with_capacity(self.defs.capacity());
        defs.extend_from_slice(&self.defs);
        Evaluator {
            file: self.file,
            defs,
            refs: Vec::new(),
            diags: Vec::new(),
            names: self.names.clone(),
            unknown_names: self.unknown_names,
            forked: true,
            first_unknown: Vec::new(),
            early_errors: self.early_errors.clone(),
            lets: self.lets.clone(),
            let_state: self.let_state.clone(),
            let_copies: self.let_copies,
            cut_deep_let: self.cut_deep_let,
            vault_ids: self.vault_ids.clone(),
            role_ids: self.role_ids.clone(),
            plan_defs: self.plan_defs.clone(),
            model: self.model.clone(),
        }
    }

    /// Appends what `worker`, forked at `base`, added to the evaluator, as
    /// if this evaluator had evaluated the worker's plans after its own.
    /// Returns false, changing nothing, when the worker met a `let` not yet
    /// evaluated (lets are evaluated before plans, so it does not).
    fn join(&mut self, worker: Evaluator<'a>, base: &Base) -> bool {
        if worker.let_state.len() != base.lets {
            return false;
        }
        let Evaluator {
            defs,
            mut refs,
            mut diags,
            unknown_names,
            first_unknown,
            model,
            ..
        } = worker;
        // The worker's k-th unknown name comes after ours: it is among the
        // first of the file, and weighs the program's names, when
        // `self.unknown_names + k` is within the limit.
        let room = SUGGEST_FROM_PROGRAM.saturating_sub(self.unknown_names);
        for (at, name, span) in first_unknown.into_iter().take(room) {
            diags[at] = self.unknown_name(&name, span, true);
        }
        self.unknown_names += unknown_names - base.unknown_names;
        self.defs.extend(defs.into_iter().skip(base.defs));
        self.refs.append(&mut refs);
        self.diags.append(&mut diags);
        // The worker's vaults (those its plans created) come after ours.
        let shift = self.model.vaults.len() - base.vaults;
        let renumber = |v: &mut VaultId| {
            if v.0 >= base.vaults {
                v.0 += shift;
            }
        };
        let Model { vaults, plans, .. } = model;
        self.model
            .vaults
            .extend(vaults.into_iter().skip(base.vaults));
        let plans = plans.into_iter().skip(base.plans);
        if shift == 0 {
            // No vault created by our plans: the worker's numbers hold.
            self.model.plans.extend(plans);
            return true;
        }
        for mut plan in plans {
            for rule in &mut plan.rules {
                renumber(&mut rule.vault);
                for c in rule.copy_actions.iter_mut().flatten() {
                    renumber(&mut c.destination);
                }
            }
            self.model.plans.push(plan);
        }
        true
    }

    pub(crate) fn evaluate_alone(mut self, expr: &ast::Expr) -> (Spanned, Vec<Diagnostic>) {
        self.diags.clear();
        let v = self.eval(expr);
        let mut diags = self.diags;
        bkp_diagnostics::sort_and_dedup(&mut diags);
        (v, diags)
    }

    fn construct_order(&self) -> Vec<Construct> {
        let mut out = Vec::new();
        let mut plan_idx = 0;
        for item in &self.file.items {
            match item {
                Item::Vault(v) => {
                    if let Some(id) = self
                        .names
                        .get(v.name.name.as_str())
                        .and_then(|d| self.vault_ids.get(d))
                        && self.defs[*self.names.get(v.name.name.as_str()).unwrap_or(&0)].span
                            == v.span
                    {
                        out.push(Construct::Vault(*id));
                    }
                }
                Item::Role(r) => {
                    if let Some(id) = self
                        .names
                        .get(r.name.name.as_str())
                        .and_then(|d| self.role_ids.get(d))
                    {
                        out.push(Construct::Role(*id));
                    }
                }
                Item::Plan(p)
                    if self
                        .model
                        .plans
                        .get(plan_idx)
                        .is_some_and(|mp| mp.span == p.span) =>
                {
                    out.push(Construct::Plan(plan_idx));
                    plan_idx += 1;
                }
                _ => {}
            }
        }
        out
    }

    // ----- expressions -----------------------------------------------------

    fn error(&mut self, d: Diagnostic) -> Value {
        self.diags.push(d);
        Value::Error
    }

    fn eval(&mut self, expr: &ast::Expr) -> Spanned {
        let value = self.eval_kind(expr);
        Spanned {
            value,
            span: expr.span,
        }
    }

    fn eval_kind(&mut self, expr: &ast::Expr) -> Value {
        match &expr.kind {
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Duration { amount, unit } => match amount.checked_mul(unit.minutes()) {
                Some(m) => Value::Duration(m),
                None => self.error(Diagnostic::error(
                    BAD_VALUE,
                    expr.span,
                    "duration is too long",
                )),
            },
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Str(parts) => self.eval_string(parts, expr.span),
            ExprKind::Name(id) => self.eval_name(id),
            ExprKind::List(items) => Value::List(items.iter().map(|e| self.eval(e)).collect()),
            ExprKind::Record(r) => Value::Record(self.eval_record(r)),
            ExprKind::Call {
                callee,
                args,
                args_span,
            } => self.eval_call(callee, args, *args_span, expr.span),
            ExprKind::Tagged { tag, record } => match tag.name.as_str() {
                "allow" | "deny" => {
                    let fields = self.eval_record(record);
                    Value::Statement {
                        allow: tag.name == "allow",
                        fields,
                    }
                }
                other => {
                    let mut d = Diagnostic::error(
                        UNKNOWN_FUNCTION,
                        tag.span,
                        format!("unknown statement kind `{other}`"),
                    )
                    .with_help("policy statements are `allow { ... }` or `deny { ... }`");
                    if let Some(s) = did_you_mean(other, ["allow", "deny"]) {
                        d = d.with_fix(Fix::replace(format!("change to `{s}`"), tag.span, s));
                    }
                    self.error(d)
                }
            },
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.eval(lhs);
                let r = self.eval(rhs);
                self.binary(*op, l, r, expr.span)
            }
            ExprKind::Paren(e) => self.eval(e).value,
            ExprKind::Error => Value::Error,
        }
    }

    fn eval_string(&mut self, parts: &[StrPart], span: Span) -> Value {
        let mut out = String::new();
        for p in parts {
            match p {
                StrPart::Text(t, _) => out.push_str(t),
                StrPart::Interp(e, _) => {
                    let v = self.eval(e);
                    match v.value {
                        Value::Str(s) => {
                            if out.len() + s.len() > MAX_STRING_BYTES {
                                return self.string_too_long(out.len() + s.len(), span);
                            }
                            out.push_str(&s)
                        }
                        Value::Int(i) => out.push_str(&i.to_string()),
                        Value::Bool(b) => out.push_str(&b.to_string()),
                        Value::Error => return Value::Error,
                        other => {
                            return self.error(
                                Diagnostic::error(
                                    TYPE_MISMATCH,
                                    v.span,
                                    format!("cannot interpolate a {} into a string", other.ty()),
                                )
                                .with_label(format!(
                                    "expected String, Int or Bool, found {}",
                                    other.ty()
                                )),
                            );
                        }
                    }
                }
            }
        }
        Value::Str(out)
    }

    /// The error for a string of `len` bytes built at `span`.
    fn string_too_long(&mut self, len: usize, span: Span) -> Value {
        self.error(
            Diagnostic::error(
                STRING_TOO_LONG,
                span,
                format!("this string would be {len} bytes long, more than {MAX_STRING_BYTES}"),
            )
            .with_help("a template holds at most a megabyte; build shorter strings"),
        )
    }

    fn eval_name(&mut self, id: &ast::Ident) -> Value {
        if id.name.is_empty() {
            return Value::Error; // a name the parser found missing
        }
        if let Some(&def) = self.names.get(id.name.as_str()) {
            self.refs.push(Reference { span: id.span, def });
            return match self.defs[def].kind {
                DefKind::Let => self.let_value(def, id.span).value,
                DefKind::Vault => Value::Vault(def),
                DefKind::Role => Value::Role(def),
                DefKind::Plan => Value::Plan(def),
                DefKind::Stack | DefKind::Rule | DefKind::Selection => {
                    self.error(Diagnostic::error(
                        WRONG_KIND,
                        id.span,
                        format!(
                            "`{}` is a {} and has no value",
                            id.name,
                            self.defs[def].kind.noun()
                        ),
                    ))
                }
            };
        }
        if let Some(c) = schema::constant(&id.name) {
            return match c.kind {
                schema::ConstKind::AnyPrincipal => Value::Principal(Principal::Any),
                schema::ConstKind::Removal(r) => Value::Removal(r),
                schema::ConstKind::Event(e) => Value::Event(e),
                schema::ConstKind::Index(i) => Value::Index(i),
            };
        }
        if let Some(p) = schema::plan_preset(&id.name) {
            return Value::PlanPreset(p);
        }
        if let Some(p) = schema::rule_preset(&id.name) {
            return Value::RulePreset(p);
        }
        if schema::builtin(&id.name).is_some() {
            return self.error(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    id.span,
                    format!("`{}` is a function", id.name),
                )
                .with_help(format!("call it: `{}(...)`", id.name)),
            );
        }
        // Suggestions weigh every name of the program: past the first
        // unknown names only builtins are considered, so that a file of
        // thousands of them stays linear.
        self.unknown_names += 1;
        let among_first = self.unknown_names <= SUGGEST_FROM_PROGRAM;
        if among_first && self.forked {
            self.first_unknown
                .push((self.diags.len(), id.name.clone(), id.span));
        }
        let d = self.unknown_name(&id.name, id.span, among_first && !self.forked);
        self.error(d)
    }

    /// The error for an unknown name, with a suggestion among the builtins
    /// and, when `from_program`, the program's own names.
    fn unknown_name(&self, name: &str, span: Span, from_program: bool) -> Diagnostic {
        let declared = from_program
            .then(|| self.names.keys().copied())
            .into_iter()
            .flatten();
        let builtins = schema::EVENTS
            .iter()
            .chain(schema::OTHER_CONSTANTS)
            .map(|c| c.name);
        let suggestion = did_you_mean(name, declared.chain(builtins)).map(str::to_string);
        let mut d = Diagnostic::error(UNKNOWN_NAME, span, format!("unknown name `{name}`"))
            .with_label("not a let, a declaration or a builtin");
        if let Some(s) = suggestion {
            d = d
                .with_help(format!("did you mean `{s}`?"))
                .with_fix(Fix::replace(format!("change to `{s}`"), span, s));
        }
        d
    }

    /// The value of let `def`, evaluated at its first use.
    fn let_value(&mut self, def: usize, use_span: Span) -> Spanned {
        // A copy is counted before it is made: past the limit, none is.
        if let Some(&LetState::Done(_, size)) = self.let_state.get(&def)
            && !self.copy_let(def, size, use_span)
        {
            return Spanned::error(use_span);
        }
        match self.let_state.get(&def) {
            Some(LetState::Done(v, _)) => return v.clone(),
            Some(LetState::Evaluating) => {
                let d = &self.defs[def];
                let diag = Diagnostic::error(
                    CYCLE,
                    d.name_span,
                    format!("`{}` depends on itself", d.name),
                )
                .with_related(use_span, "used here while computing it");
                self.diags.push(diag);
                let err = Spanned::error(use_span);
                self.let_state.insert(def, LetState::Done(err.clone(), 1));
                return err;
            }
            None => {}
        }
        let Some(expr) = self.lets.get(&def).copied() else {
            return Spanned::error(use_span);
        };
        self.let_state.insert(def, LetState::Evaluating);
        // Lets may name lets in a chain as long as the program: the stack
        // grows on the heap rather than overflow.
        let v = stacker::maybe_grow(LET_RED_ZONE, LET_STACK_GROWTH, || self.eval(expr));
        // A cycle found while evaluating keeps its error value.
        if let Some(LetState::Done(existing, _)) = self.let_state.get(&def) {
            return existing.clone();
        }
        let (size, depth) = extent(&v.value);
        let (v, size) = if depth > MAX_VALUE_DEPTH {
            // Lets built on a cut one grow again from its error value: only
            // the first cut is reported.
            if !self.cut_deep_let {
                self.cut_deep_let = true;
                self.report_deep_let(def, depth, v.span);
            }
            (Spanned::error(v.span), 1)
        } else {
            (v, size)
        };
        self.let_state.insert(def, LetState::Done(v.clone(), size));
        v
    }

    /// Counts a copy of let `def`'s value of `size` values at `use_span`;
    /// false past [`MAX_LET_COPIES`] in all, reported at the use that
    /// passes it.
    fn copy_let(&mut self, def: usize, size: usize, use_span: Span) -> bool {
        let before = self.let_copies;
        self.let_copies = before.saturating_add(size);
        if before <= MAX_LET_COPIES && self.let_copies > MAX_LET_COPIES {
            let d = &self.defs[def];
            let diag = Diagnostic::error(
                VALUE_TOO_LARGE,
                use_span,
                format!("the uses of lets copy more than {MAX_LET_COPIES} values in all"),
            )
            .with_label(format!("`{}` holds {size} values", d.name))
            .with_help(
                "list the values once, or use `tag(...)` or `conditions` to select many resources",
            );
            self.diags.push(diag);
        }
        self.let_copies <= MAX_LET_COPIES
    }

    /// Reports that the value of let `def` nests `depth` deep.
    fn report_deep_let(&mut self, def: usize, depth: usize, value: Span) {
        let d = &self.defs[def];
        let diag = Diagnostic::error(
            VALUE_TOO_DEEP,
            d.name_span,
            format!(
                "the value of `{}` nests {depth} deep, more than {MAX_VALUE_DEPTH}",
                d.name
            ),
        )
        .with_related(value, "this value holds lists or records of other lets")
        .with_help("build the value with fewer levels");
        self.diags.push(diag);
    }

    fn eval_record(&mut self, r: &ast::Record) -> Vec<RecordField> {
        let mut out: Vec<RecordField> = Vec::new();
        for f in &r.fields {
            if f.key.name.is_empty() {
                continue; // a field the parser could not read
            }
            let value = self.eval(&f.value);
            if let Some(prev) = out.iter().find(|p| p.key == f.key.name) {
                let d = Diagnostic::error(
                    DUPLICATE_FIELD,
                    f.key.span,
                    format!("`{}` is set twice", f.key.name),
                )
                .with_related(prev.key_span, "first set here")
                .with_fix(Fix::replace("remove this field", f.span, ""));
                self.diags.push(d);
                continue;
            }
            out.push(RecordField {
                key: f.key.name.clone(),
                key_span: f.key.span,
                value,
            });
        }
        out
    }

    fn binary(&mut self, op: ast::BinOp, l: Spanned, r: Spanned, span: Span) -> Value {
        use ast::BinOp::*;
        let overflow = |s: &mut Self| {
            s.error(Diagnostic::error(
                BAD_VALUE,
                span,
                "the result is too large",
            ))
        };
        match (op, &l.value, &r.value) {
            (_, Value::Error, _) | (_, _, Value::Error) => Value::Error,
            (Add, Value::Int(a), Value::Int(b)) => {
                a.checked_add(*b).map_or_else(|| overflow(self), Value::Int)
            }
            (Add, Value::Duration(a), Value::Duration(b)) => a
                .checked_add(*b)
                .map_or_else(|| overflow(self), Value::Duration),
            (Add, Value::Str(a), Value::Str(b)) => {
                if a.len() + b.len() > MAX_STRING_BYTES {
                    self.string_too_long(a.len() + b.len(), span)
                } else {
                    Value::Str(format!("{a}{b}"))
                }
            }
            (Mul, Value::Int(a), Value::Int(b)) => {
                a.checked_mul(*b).map_or_else(|| overflow(self), Value::Int)
            }
            (Mul, Value::Duration(a), Value::Int(b)) => a
                .checked_mul(*b)
                .map_or_else(|| overflow(self), Value::Duration),
            (Mul, Value::Int(_), Value::Duration(_)) => self.error(
                Diagnostic::error(
                    BAD_OPERATION,
                    span,
                    "write the duration first: `Duration * Int`",
                )
                .with_label(format!("`{}` is an Int, `{}` a Duration", l.value, r.value)),
            ),
            (op, a, b) => {
                let (ta, tb) = (a.ty(), b.ty());
                let verb = if op == Add { "add" } else { "multiply" };
                self.error(
                    Diagnostic::error(BAD_OPERATION, span, format!("cannot {verb} {ta} and {tb}"))
                        .with_related(l.span, format!("this is {ta}"))
                        .with_related(r.span, format!("this is {tb}")),
                )
            }
        }
    }

    fn eval_call(
        &mut self,
        callee: &ast::Ident,
        args: &[ast::Arg],
        args_span: Span,
        span: Span,
    ) -> Value {
        let Some(builtin) = schema::builtin(&callee.name) else {
            let mut d = Diagnostic::error(
                UNKNOWN_FUNCTION,
                callee.span,
                format!("unknown function `{}`", callee.name),
            );
            if callee.name == "rate" {
                d = d
                    .with_label("AWS Backup only supports cron schedules")
                    .with_help("write the schedule with `cron(...)`, e.g. `cron(hour = \"3\", minute = \"0\")`");
            } else if let Some(s) =
                did_you_mean(&callee.name, schema::BUILTINS.iter().map(|b| b.name))
            {
                d = d
                    .with_help(format!("did you mean `{s}`?"))
                    .with_fix(Fix::replace(format!("change to `{s}`"), callee.span, s));
            }
            for a in args {
                self.eval(&a.value);
            }
            return self.error(d);
        };
        if builtin.name == "cron" {
            return self.eval_cron(args, args_span);
        }
        // Every other builtin takes positional strings.
        let mut values = Vec::new();
        for a in args {
            if let Some(n) = &a.name
                && !builtin.params.contains(&n.name.as_str())
            {
                self.diags.push(Diagnostic::error(
                    BAD_ARGUMENTS,
                    n.span,
                    format!("`{}` has no parameter `{}`", builtin.name, n.name),
                ));
            }
            let v = self.eval(&a.value);
            values.push(v);
        }
        if values.len() != builtin.params.len() {
            let want = builtin.params.join(", ");
            return self.error(
                Diagnostic::error(
                    BAD_ARGUMENTS,
                    args_span,
                    format!(
                        "`{}` takes {} argument{} ({want}), found {}",
                        builtin.name,
                        builtin.params.len(),
                        if builtin.params.len() == 1 { "" } else { "s" },
                        values.len()
                    ),
                )
                .with_label(format!("write `{}({want})`", builtin.name)),
            );
        }
        let first_span = values.first().map_or(args_span, |v| v.span);
        let mut strs = Vec::with_capacity(values.len());
        for v in values {
            match v.value {
                Value::Str(s) => strs.push(s),
                Value::Error => return Value::Error,
                other => {
                    return self.error(
                        Diagnostic::error(
                            TYPE_MISMATCH,
                            v.span,
                            format!("expected String, found {}", other.ty()),
                        )
                        .with_label(format!("`{}` takes strings", builtin.name)),
                    );
                }
            }
        }
        let mut strs = strs.into_iter();
        let arg0 = strs.next().unwrap_or_default();
        let arg1 = strs.next().unwrap_or_default();
        let formatted =
            |service: &'static str, resource: &'static str, sep: char, kind, name: String| {
                Value::Resource(ResourceValue::Arn {
                    arn: Arn::Formatted {
                        service,
                        resource,
                        sep,
                        name,
                    },
                    kind,
                })
            };
        match builtin.name {
            "kms_key" => Value::Key(arg0),
            "sns_topic" => Value::Topic(arg0),
            "service_principal" => Value::Principal(Principal::Service(arg0)),
            "account_principal" => Value::Principal(Principal::Account(arg0)),
            "arn_principal" => Value::Principal(Principal::Arn(arg0)),
            "ec2_instance" => formatted("ec2", "instance", '/', ResourceKind::Ec2Instance, arg0),
            "efs_file_system" => formatted(
                "elasticfilesystem",
                "file-system",
                '/',
                ResourceKind::EfsFileSystem,
                arg0,
            ),
            "rds_instance" => formatted("rds", "db", ':', ResourceKind::RdsInstance, arg0),
            "rds_cluster" => formatted("rds", "cluster", ':', ResourceKind::RdsCluster, arg0),
            "rds_serverless_cluster" => formatted(
                "rds",
                "cluster",
                ':',
                ResourceKind::RdsServerlessCluster,
                arg0,
            ),
            "dynamodb_table" => {
                formatted("dynamodb", "table", '/', ResourceKind::DynamoDbTable, arg0)
            }
            "arn" => {
                if !arg0.starts_with("arn:") {
                    self.diags.push(
                        Diagnostic::error(BAD_VALUE, first_span, format!("`{arg0}` is not an ARN"))
                            .with_help("ARNs start with `arn:`"),
                    );
                }
                Value::Resource(ResourceValue::Arn {
                    arn: Arn::Literal(arg0),
                    kind: ResourceKind::Arn,
                })
            }
            "tag" => Value::Resource(ResourceValue::Tag {
                key: arg0,
                value: arg1,
            }),
            kind @ ("tag_equals" | "tag_like" | "tag_not_equals" | "tag_not_like") => {
                let kind = match kind {
                    "tag_equals" => ConditionKind::StringEquals,
                    "tag_like" => ConditionKind::StringLike,
                    "tag_not_equals" => ConditionKind::StringNotEquals,
                    _ => ConditionKind::StringNotLike,
                };
                Value::Condition(Condition {
                    kind,
                    key: arg0,
                    value: arg1,
                })
            }
            _ => self.error(Diagnostic::error(
                UNKNOWN_FUNCTION,
                span,
                format!("`{}` cannot be called here", builtin.name),
            )),
        }
    }

    fn eval_cron(&mut self, args: &[ast::Arg], args_span: Span) -> Value {
        let positional: Vec<&ast::Arg> = args.iter().filter(|a| a.name.is_none()).collect();
        if !positional.is_empty() {
            if positional.len() > 1 || args.len() > 1 {
                return self.error(
                    Diagnostic::error(
                        BAD_ARGUMENTS,
                        args_span,
                        "`cron` takes one string or named fields",
                    )
                    .with_help(
                        "write `cron(\"0 5 * * ? *\")` or `cron(hour = \"5\", minute = \"0\")`",
                    ),
                );
            }
            let v = self.eval(&positional[0].value);
            let s = match v.value {
                Value::Str(s) => s,
                Value::Error => return Value::Error,
                other => {
                    return self.error(Diagnostic::error(
                        TYPE_MISMATCH,
                        v.span,
                        format!("expected String, found {}", other.ty()),
                    ));
                }
            };
            let trimmed = s.trim();
            if trimmed.starts_with("rate(") {
                return self.error(
                    Diagnostic::error(
                        NOT_CRON,
                        v.span,
                        format!("`{trimmed}` is a rate expression"),
                    )
                    .with_label("AWS Backup only supports cron schedules")
                    .with_help("write the six cron fields, e.g. `cron(\"0 5 * * ? *\")`"),
                );
            }
            if let Some(inner) = trimmed
                .strip_prefix("cron(")
                .and_then(|t| t.strip_suffix(')'))
            {
                return self.error(
                    Diagnostic::error(
                        NOT_CRON,
                        v.span,
                        "write the cron fields without the `cron( )` wrapper",
                    )
                    .with_fix(Fix::replace(
                        "remove the wrapper",
                        v.span,
                        format!("{:?}", inner.trim()),
                    )),
                );
            }
            let fields: Vec<&str> = trimmed.split_whitespace().collect();
            if fields.len() != 6 {
                return self.error(
                    Diagnostic::error(
                        NOT_CRON,
                        v.span,
                        format!("a cron expression has 6 fields (minute hour day month week-day year), found {}", fields.len()),
                    )
                    .with_help("for example `cron(\"0 5 * * ? *\")` runs daily at 05:00 UTC"),
                );
            }
            if fields[2] != "?" && fields[4] != "?" {
                return self.error(
                    Diagnostic::error(CRON_DAY_AND_WEEKDAY, v.span, "one of the day-of-month and day-of-week fields must be `?`")
                        .with_help("AWS cron expressions cannot give both a day of the month and a day of the week"),
                );
            }
            return Value::Schedule(format!("cron({})", fields.join(" ")));
        }
        let mut named: Vec<(&'static str, String)> = Vec::new();
        let mut spans: HashMap<&str, Span> = HashMap::new();
        for a in args {
            let Some(n) = &a.name else { continue };
            let v = self.eval(&a.value);
            let Some(field) = schema::CRON_FIELDS.iter().find(|f| **f == n.name) else {
                let mut d = Diagnostic::error(
                    BAD_ARGUMENTS,
                    n.span,
                    format!("`cron` has no field `{}`", n.name),
                )
                .with_label(format!("fields are {}", schema::CRON_FIELDS.join(", ")));
                if let Some(s) = did_you_mean(&n.name, schema::CRON_FIELDS.iter().copied()) {
                    d = d.with_fix(Fix::replace(format!("change to `{s}`"), n.span, s));
                }
                self.diags.push(d);
                continue;
            };
            if spans.contains_key(field) {
                self.diags.push(Diagnostic::error(
                    DUPLICATE_FIELD,
                    n.span,
                    format!("`{field}` is given twice"),
                ));
                continue;
            }
            spans.insert(field, n.span);
            match v.value {
                Value::Str(s) => named.push((field, s)),
                Value::Int(i) => {
                    self.diags.push(
                        Diagnostic::error(TYPE_MISMATCH, v.span, "expected String, found Int")
                            .with_label("cron fields are strings, as in the CDK")
                            .with_fix(Fix::replace("quote it", v.span, format!("\"{i}\""))),
                    );
                }
                Value::Error => {}
                other => self.diags.push(Diagnostic::error(
                    TYPE_MISMATCH,
                    v.span,
                    format!("expected String, found {}", other.ty()),
                )),
            }
        }
        let get = |k: &str| named.iter().find(|(f, _)| *f == k).map(|(_, v)| v.as_str());
        if get("day").is_some() && get("week_day").is_some() {
            let d = Diagnostic::error(
                CRON_DAY_AND_WEEKDAY,
                spans["week_day"],
                "cannot give both `day` and `week_day`",
            )
            .with_related(spans["day"], "`day` is given here");
            return self.error(d);
        }
        let pairs: Vec<(&str, &str)> = ["minute", "hour", "month", "year"]
            .iter()
            .filter_map(|k| get(k).map(|v| (*k, v)))
            .collect();
        Value::Schedule(cron_expression(&pairs, get("day"), get("week_day")))
    }

    // ----- expected types ----------------------------------------------------

    fn mismatch(&mut self, v: &Spanned, want: &str) {
        if v.value.is_error() {
            return;
        }
        let found = v.value.ty();
        let mut d = Diagnostic::error(
            TYPE_MISMATCH,
            v.span,
            format!("expected {want}, found {found}"),
        );
        match (&v.value, want) {
            (Value::Str(s), "Schedule") => {
                d = d.with_help(if s.trim_start().starts_with("rate(") {
                    "AWS Backup only supports cron schedules: write `cron(...)`".to_string()
                } else {
                    format!("write `cron({s:?})`")
                });
            }
            (Value::Int(i), "Duration") => {
                d = d
                    .with_help(format!("durations have a unit: `{i}d`, `{i}h`, `{i}min`"))
                    .with_fix(Fix::replace(
                        format!("write `{i}d`"),
                        v.span,
                        format!("{i}d"),
                    ));
            }
            (Value::Str(s), "Vault") | (Value::Str(s), "Role") => {
                d = d.with_help(format!(
                    "refer to a declared {} by name, without quotes (not {s:?})",
                    want.to_lowercase()
                ));
            }
            (Value::Str(s), "Key") => d = d.with_help(format!("write `kms_key({s:?})`")),
            (Value::Str(s), "Topic") => d = d.with_help(format!("write `sns_topic({s:?})`")),
            (Value::Str(s), "Principal") => {
                d = d.with_help(format!("write `service_principal({s:?})`"))
            }
            _ => {}
        }
        self.diags.push(d);
    }

    /// The value projected by `f`, or a type mismatch naming `want`.
    fn want<T>(&mut self, v: &Spanned, want: &str, f: impl Fn(&Value) -> Option<T>) -> Option<T> {
        let got = f(&v.value);
        if got.is_none() {
            self.mismatch(v, want);
        }
        got
    }

    fn want_str(&mut self, v: &Spanned) -> Option<String> {
        self.want(v, "String", |x| {
            if let Value::Str(s) = x {
                Some(s.clone())
            } else {
                None
            }
        })
    }

    fn want_bool(&mut self, v: &Spanned) -> Option<bool> {
        self.want(v, "Bool", |x| {
            if let Value::Bool(b) = x {
                Some(*b)
            } else {
                None
            }
        })
    }

    fn want_duration(&mut self, v: &Spanned) -> Option<u64> {
        self.want(v, "Duration", |x| {
            if let Value::Duration(m) = x {
                Some(*m)
            } else {
                None
            }
        })
    }

    /// A duration in whole days (lifecycle and lock fields).
    fn want_days(&mut self, v: &Spanned, field: &str) -> Option<u64> {
        let m = self.want_duration(v)?;
        if m % DAY != 0 {
            let d = Diagnostic::error(
                NOT_WHOLE_DAYS,
                v.span,
                format!(
                    "`{field}` must be a whole number of days, found {}",
                    format_duration(m)
                ),
            )
            .with_label(format!(
                "{} is {:.2} days",
                format_duration(m),
                m as f64 / DAY as f64
            ));
            self.diags.push(d);
            return None;
        }
        Some(m / DAY)
    }

    fn want_vault(&mut self, v: &Spanned) -> Option<VaultId> {
        match &v.value {
            Value::Vault(def) => self.vault_ids.get(def).copied(),
            _ => {
                self.mismatch(v, "Vault");
                None
            }
        }
    }

    fn want_role(&mut self, v: &Spanned) -> Option<RoleId> {
        match &v.value {
            Value::Role(def) => self.role_ids.get(def).copied(),
            _ => {
                self.mismatch(v, "Role");
                None
            }
        }
    }

    fn want_list(&mut self, v: &Spanned, elem: &str) -> Vec<Spanned> {
        match &v.value {
            Value::List(items) => items.clone(),
            Value::Error => Vec::new(),
            _ => {
                self.mismatch(v, &format!("List<{elem}>"));
                Vec::new()
            }
        }
    }

    /// [`Self::want_list`] of a value used once: its items are moved out.
    fn take_list(&mut self, v: Spanned, elem: &str) -> Vec<Spanned> {
        match v.value {
            Value::List(items) => items,
            _ => self.want_list(&v, elem),
        }
    }

    /// Flattens nested lists (let-bound lists of resources contribute their items).
    fn flatten(items: Vec<Spanned>) -> Vec<Spanned> {
        let mut out = Vec::new();
        for it in items {
            match it.value {
                Value::List(inner) => out.extend(Self::flatten(inner)),
                _ => out.push(it),
            }
        }
        out
    }

    /// Checks a record value against a block schema.
    fn want_block(&mut self, v: &Spanned, kind: BlockKind) -> Option<Checked> {
        match &v.value {
            Value::Record(fields) => Some(self.check_fields(fields.clone(), v.span, kind)),
            _ => {
                self.mismatch(v, kind.type_name());
                None
            }
        }
    }

    fn check_fields(&mut self, fields: Vec<RecordField>, span: Span, kind: BlockKind) -> Checked {
        let mut kept = Vec::new();
        for f in fields {
            if kind.field(&f.key).is_some() {
                kept.push(f);
                continue;
            }
            let mut d = Diagnostic::error(
                UNKNOWN_FIELD,
                f.key_span,
                format!("{} has no field `{}`", capitalize(kind.noun()), f.key),
            );
            let other = other_block_with(&f.key, kind);
            if let Some(s) = did_you_mean(&f.key, kind.fields().iter().map(|x| x.name)) {
                d = d
                    .with_help(format!("did you mean `{s}`?"))
                    .with_fix(Fix::replace(format!("change to `{s}`"), f.key_span, s));
            } else if let Some(o) = other {
                d = d.with_note(format!("`{}` is a field of {}", f.key, o.noun()));
            } else {
                let names: Vec<&str> = kind.fields().iter().map(|x| x.name).collect();
                d = d.with_note(format!("fields of {}: {}", kind.noun(), names.join(", ")));
            }
            self.diags.push(d);
        }
        for fs in kind.fields().iter().filter(|f| f.required) {
            if !kept.iter().any(|f| f.key == fs.name) {
                let d = Diagnostic::error(
                    MISSING_FIELD,
                    Span::new(span.start(), (span.start() + 1).min(span.end())),
                    format!("{} needs `{}`", capitalize(kind.noun()), fs.name),
                )
                .with_label(format!("`{}` is missing here", fs.name))
                .with_note(fs.doc);
                self.diags.push(d);
            }
        }
        Checked { fields: kept, span }
    }

    /// Checks the block written as `record` (or an empty one).
    fn block(&mut self, record: Option<&ast::Record>, span: Span, kind: BlockKind) -> Checked {
        let (fields, span) = match record {
            Some(r) => (self.eval_record(r), r.span),
            None => (Vec::new(), span),
        };
        self.check_fields(fields, span, kind)
    }

    // ----- declarations ------------------------------------------------------

    fn eval_stack(&mut self, s: &ast::StackDecl) {
        let c = self.block(s.body.as_ref(), s.name.span, BlockKind::Stack);
        let account = c.get("account").cloned().and_then(|v| self.want_str(&v));
        let region = c.get("region").cloned().and_then(|v| self.want_str(&v));
        if let Some(a) = &account
            && !(a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
        {
            let span = c.get("account").map_or(s.span, |v| v.span);
            self.diags.push(
                Diagnostic::error(BAD_VALUE, span, format!("`{a}` is not an AWS account id"))
                    .with_label("account ids are 12 digits"),
            );
        }
        let env = match (account, region) {
            (Some(account), Some(region)) => Some(Env { account, region }),
            (None, None) => None,
            (a, _) => {
                let missing = if a.is_none() { "account" } else { "region" };
                self.diags.push(
                    Diagnostic::error(MISSING_FIELD, s.name.span, format!("a stack with an environment needs `{missing}` too"))
                        .with_note("give both `account` and `region`, or neither for an environment-agnostic stack"),
                );
                None
            }
        };
        let name = &s.name.name;
        let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid {
            self.diags.push(
                Diagnostic::error(
                    BAD_VALUE,
                    s.name.span,
                    format!("invalid stack name `{name}`"),
                )
                .with_label("stack names are letters, digits and `-`, starting with a letter")
                .with_fix(Fix::replace(
                    "remove the underscores",
                    s.name.span,
                    name.replace('_', ""),
                )),
            );
        }
        self.model.stack = Stack {
            name: s.name.name.clone(),
            env,
        };
    }

    fn eval_vault(&mut self, v: &ast::VaultDecl) {
        let Some(&def) = self.names.get(v.name.name.as_str()) else {
            return;
        };
        if self.defs[def].span != v.span {
            return; // a duplicate, already reported
        }
        let kind = match &v.body {
            DeclBody::Import { by_arn, value, .. } => {
                let val = self.eval(value);
                let Some(s) = self.want_str(&val) else {
                    return self.push_vault(
                        def,
                        v,
                        VaultKind::ImportedName {
                            name: String::new(),
                        },
                    );
                };
                if *by_arn {
                    match vault_name_from_arn(&s) {
                        Ok(name) => {
                            let parts: Vec<&str> = s.split(':').collect();
                            if parts[2] != "backup" || parts[5] != "backup-vault" {
                                self.diags.push(
                                    Diagnostic::warning(VAULT_ARN, val.span, format!("`{s}` does not look like a backup vault ARN"))
                                        .with_label(format!("service `{}`, resource type `{}`", parts[2], parts[5]))
                                        .with_help("backup vault ARNs are `arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME`"),
                                );
                            }
                            VaultKind::ImportedArn { arn: s, name }
                        }
                        Err(why) => {
                            self.diags.push(
                                Diagnostic::error(
                                    VAULT_ARN,
                                    val.span,
                                    format!("`{s}` is not a backup vault ARN: {why}"),
                                )
                                .with_help(
                                    "write `arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME`",
                                ),
                            );
                            VaultKind::ImportedArn {
                                arn: s,
                                name: String::new(),
                            }
                        }
                    }
                } else {
                    if s.starts_with("arn:") {
                        self.diags.push(
                            Diagnostic::error(
                                BAD_VALUE,
                                val.span,
                                "this imports a vault by name, but the value is an ARN",
                            )
                            .with_fix(Fix::replace(
                                "import by ARN",
                                Span::new(value.span.start(), value.span.start()),
                                "arn ",
                            )),
                        );
                    }
                    VaultKind::ImportedName { name: s }
                }
            }
            DeclBody::New(record) => {
                let c = self.block(record.as_ref(), v.name.span, BlockKind::Vault);
                VaultKind::New(self.new_vault(&c))
            }
        };
        self.push_vault(def, v, kind);
    }

    fn push_vault(&mut self, def: usize, v: &ast::VaultDecl, kind: VaultKind) {
        let id = VaultId(self.model.vaults.len());
        self.model.vaults.push(Vault {
            path: vec![v.name.name.clone()],
            span: v.span,
            kind,
        });
        self.vault_ids.insert(def, id);
    }

    fn new_vault(&mut self, c: &Checked) -> NewVault {
        let mut nv = NewVault::default();
        if let Some(v) = c.get("backup_vault_name").cloned()
            && let Some(name) = self.want_str(&v)
        {
            let ok = (2..=50).contains(&name.len())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                self.diags.push(
                    Diagnostic::error(VAULT_NAME, v.span, format!("invalid vault name `{name}`"))
                        .with_label("vault names are 2 to 50 letters, digits, `-` or `_`")
                        .with_note("the CDK requires `^[a-zA-Z0-9\\-_]{2,50}$`"),
                );
            }
            nv.name = Some(name);
        }
        if let Some(v) = c.get("encryption_key").cloned() {
            match &v.value {
                Value::Key(arn) => nv.encryption_key_arn = Some(arn.clone()),
                _ => self.mismatch(&v, "Key"),
            }
        }
        let topic = c
            .get("notification_topic")
            .cloned()
            .and_then(|v| match &v.value {
                Value::Topic(arn) => Some(arn.clone()),
                _ => {
                    self.mismatch(&v, "Topic");
                    None
                }
            });
        let events = c.get("notification_events").cloned().map(|v| {
            let items = self.want_list(&v, "Event");
            items
                .iter()
                .filter_map(|it| match it.value {
                    Value::Event(e) => Some(e.to_string()),
                    _ => {
                        self.mismatch(it, "Event");
                        None
                    }
                })
                .collect::<Vec<_>>()
        });
        match (topic, events) {
            (Some(topic_arn), events) => {
                let events = events.unwrap_or_else(|| {
                    schema::EVENTS
                        .iter()
                        .filter_map(|e| match e.kind {
                            schema::ConstKind::Event(a) => Some(a.to_string()),
                            _ => None,
                        })
                        .collect()
                });
                nv.notifications = Some(Notifications { topic_arn, events });
            }
            (None, Some(_)) => {
                let span = c.key_span("notification_events").unwrap_or(c.span);
                self.diags.push(
                    Diagnostic::error(
                        MISSING_FIELD,
                        span,
                        "`notification_events` needs a `notification_topic`",
                    )
                    .with_help("add `notification_topic = sns_topic(\"arn:...\")`"),
                );
            }
            (None, None) => {}
        }
        if let Some(v) = c.get("removal_policy").cloned() {
            match v.value {
                Value::Removal(Some(r)) => nv.removal_policy = r,
                Value::Removal(None) => self.diags.push(
                    Diagnostic::error(
                        SNAPSHOT_REMOVAL,
                        v.span,
                        "vaults cannot use the `snapshot` removal policy",
                    )
                    .with_label("CloudFormation rejects `Snapshot` on AWS::Backup::BackupVault")
                    .with_help("use `retain`, `destroy` or `retain_on_update_or_delete`")
                    .with_fix(Fix::replace("use `retain`", v.span, "retain")),
                ),
                _ => self.mismatch(&v, "RemovalPolicy"),
            }
        }
        if let Some(v) = c.get("block_recovery_point_deletion").cloned() {
            nv.block_recovery_point_deletion = self.want_bool(&v).unwrap_or(false);
        }
        if let Some(v) = c.get("access_policy").cloned() {
            for st in self.want_list(&v, "PolicyStatement") {
                if let Some(s) = self.statement(&st) {
                    nv.access_policy.push(s);
                }
            }
        }
        if let Some(v) = c.get("lock_configuration").cloned() {
            nv.lock = self.lock(&v);
        }
        nv
    }

    fn statement(&mut self, v: &Spanned) -> Option<PolicyStatement> {
        let Value::Statement { allow, fields } = &v.value else {
            self.mismatch(v, "PolicyStatement");
            return None;
        };
        let c = self.check_fields(fields.clone(), v.span, BlockKind::Statement);
        let strings = |ev: &mut Self, name: &str| -> Vec<String> {
            c.get(name)
                .cloned()
                .map(|lv| {
                    let items = match &lv.value {
                        Value::Str(s) => return vec![s.clone()],
                        _ => ev.want_list(&lv, "String"),
                    };
                    items.iter().filter_map(|i| ev.want_str(i)).collect()
                })
                .unwrap_or_default()
        };
        let actions = strings(self, "actions");
        let resources = strings(self, "resources");
        let mut principals = Vec::new();
        if let Some(pv) = c.get("principals").cloned() {
            for p in self.want_list(&pv, "Principal") {
                match &p.value {
                    Value::Principal(pr) => principals.push(pr.clone()),
                    _ => self.mismatch(&p, "Principal"),
                }
            }
        }
        let mut conditions = Vec::new();
        if let Some(cv) = c.get("conditions").cloned() {
            match &cv.value {
                Value::Record(ops) => {
                    for op in ops {
                        match &op.value.value {
                            Value::Record(entries) => {
                                let mut kv = Vec::new();
                                for e in entries {
                                    if let Some(j) = self.json(&e.value) {
                                        kv.push((e.key.clone(), j));
                                    }
                                }
                                conditions.push((op.key.clone(), kv));
                            }
                            _ => self.mismatch(&op.value, "Record"),
                        }
                    }
                }
                _ => self.mismatch(&cv, "Record"),
            }
        }
        Some(PolicyStatement {
            effect: if *allow { Effect::Allow } else { Effect::Deny },
            principals,
            actions,
            resources,
            conditions,
        })
    }

    fn json(&mut self, v: &Spanned) -> Option<JsonValue> {
        Some(match &v.value {
            Value::Str(s) => JsonValue::String(s.clone()),
            Value::Int(i) => JsonValue::Int(*i),
            Value::Bool(b) => JsonValue::Bool(*b),
            Value::List(items) => {
                JsonValue::List(items.iter().filter_map(|i| self.json(i)).collect())
            }
            Value::Record(fields) => JsonValue::Object(
                fields
                    .iter()
                    .filter_map(|f| Some((f.key.clone(), self.json(&f.value)?)))
                    .collect(),
            ),
            Value::Error => return None,
            _ => {
                self.mismatch(v, "String, Int, Bool, List or Record");
                return None;
            }
        })
    }

    fn lock(&mut self, v: &Spanned) -> Option<Lock> {
        let c = self.want_block(v, BlockKind::LockConfiguration)?;
        let min_v = c.get("min_retention").cloned();
        let min_minutes = min_v.as_ref().and_then(|m| self.want_duration(m));
        if let (Some(m), Some(mv)) = (min_minutes, &min_v)
            && m < DAY
        {
            self.diags.push(
                Diagnostic::error(
                    LOCK_MIN,
                    mv.span,
                    format!(
                        "`min_retention` must be at least 1 day, found {}",
                        format_duration(m)
                    ),
                )
                .with_fix(Fix::replace("use 1 day", mv.span, "1d")),
            );
            return None;
        }
        let min = min_v.as_ref().and_then(|m| {
            if min_minutes.is_some() {
                self.want_days(m, "min_retention")
            } else {
                None
            }
        })?;
        let max_v = c.get("max_retention").cloned();
        let max = match &max_v {
            Some(mv) => Some(self.want_days(mv, "max_retention")?),
            None => None,
        };
        if let (Some(max), Some(mv)) = (max, &max_v) {
            if max > 36500 {
                self.diags.push(Diagnostic::error(
                    LOCK_MAX,
                    mv.span,
                    format!("`max_retention` must be at most 36500 days, found {max} days"),
                ));
                return None;
            }
            if max <= min {
                let d = Diagnostic::error(
                    LOCK_ORDER,
                    mv.span,
                    format!(
                        "`max_retention` ({max} days) must be greater than `min_retention` ({min} days)"
                    ),
                );
                let d = match &min_v {
                    Some(m) => d.with_related(m.span, format!("`min_retention` is {min} days")),
                    None => d,
                };
                self.diags.push(d);
                return None;
            }
        }
        let ch_v = c.get("changeable_for").cloned();
        let changeable = match &ch_v {
            Some(cv) => {
                let m = self.want_duration(cv)?;
                if m < 72 * 60 {
                    self.diags.push(
                        Diagnostic::error(
                            LOCK_COOLING,
                            cv.span,
                            format!("`changeable_for` must be at least 72 hours, found {} hours", m / 60),
                        )
                        .with_note("AWS Backup enforces a 72-hour cooling-off period before Vault Lock becomes immutable")
                        .with_fix(Fix::replace("use 3 days", cv.span, "3d")),
                    );
                    return None;
                }
                Some(self.want_days(cv, "changeable_for")?)
            }
            None => None,
        };
        Some(Lock {
            min_retention_days: min,
            max_retention_days: max,
            changeable_for_days: changeable,
        })
    }

    fn eval_role(&mut self, r: &ast::RoleDecl) {
        let Some(&def) = self.names.get(r.name.name.as_str()) else {
            return;
        };
        if self.defs[def].span != r.span {
            return;
        }
        let kind = match &r.body {
            DeclBody::Import {
                by_arn,
                value,
                span,
            } => {
                let v = self.eval(value);
                let arn = self.want_str(&v).unwrap_or_default();
                if *by_arn {
                    self.diags.push(
                        Diagnostic::error(
                            BAD_VALUE,
                            *span,
                            "roles are imported by ARN already: write `= import \"arn:...\"`",
                        )
                        .with_label("remove `arn`"),
                    );
                }
                let is_role_arn =
                    arn.starts_with("arn:") && arn.contains(":iam::") && arn.contains(":role/");
                if !arn.is_empty() && !is_role_arn {
                    self.diags.push(
                        Diagnostic::error(
                            BAD_VALUE,
                            v.span,
                            format!("`{arn}` is not an IAM role ARN"),
                        )
                        .with_help("write `arn:aws:iam::ACCOUNT:role/NAME`"),
                    );
                }
                RoleKind::Imported { arn }
            }
            DeclBody::New(record) => {
                let c = self.block(record.as_ref(), r.name.span, BlockKind::Role);
                let principal = c.get("assumed_by").cloned().and_then(|v| match &v.value {
                    Value::Principal(p) => Some(p.clone()),
                    _ => {
                        self.mismatch(&v, "Principal");
                        None
                    }
                });
                RoleKind::New {
                    assumed_by: principal.unwrap_or(Principal::Any),
                }
            }
        };
        let id = RoleId(self.model.roles.len());
        self.model.roles.push(Role {
            id: r.name.name.clone(),
            span: r.span,
            kind,
        });
        self.role_ids.insert(def, id);
    }

    fn eval_grant(&mut self, g: &ast::GrantDecl) {
        let role = self.eval_name(&g.role);
        let role = self.want_role(&Spanned {
            value: role,
            span: g.role.span,
        });
        let vault = self.eval_name(&g.vault);
        let vault = self.want_vault(&Spanned {
            value: vault,
            span: g.vault.span,
        });
        let actions_v = self.eval(&g.actions);
        let items = match &actions_v.value {
            Value::Str(_) => vec![actions_v.clone()],
            _ => self.want_list(&actions_v, "String"),
        };
        let mut actions = Vec::new();
        for it in &items {
            if let Some(a) = self.want_str(it) {
                if a.contains('*') {
                    self.diags.push(
                        Diagnostic::error(
                            GRANT_WILDCARD,
                            it.span,
                            format!("`{a}` contains a wildcard"),
                        )
                        .with_label("AWS Backup grants take explicit actions")
                        .with_help("list the actions, e.g. \"backup:StartBackupJob\""),
                    );
                    return;
                }
                actions.push(a);
            }
        }
        if items.is_empty() && !actions_v.value.is_error() {
            self.diags.push(Diagnostic::error(
                BAD_VALUE,
                actions_v.span,
                "a grant needs at least one action",
            ));
            return;
        }
        if let (Some(role), Some(vault)) = (role, vault) {
            if let RoleKind::Imported { arn } = &self.model.role(role).kind {
                // The CDK attaches a policy to an imported role, except when the
                // role belongs to another account than the stack's: then nothing.
                let role_account = arn.split(':').nth(4).unwrap_or("");
                if let Some(env) = &self.model.stack.env
                    && !role_account.is_empty()
                    && role_account != env.account
                {
                    self.diags.push(
                            Diagnostic::warning(
                                GRANT_IGNORED,
                                g.role.span,
                                format!(
                                    "granting to `{}` changes nothing: the role belongs to account {role_account}, the stack to {}",
                                    g.role.name, env.account
                                ),
                            )
                            .with_note("the CDK cannot attach policies to a role of another account"),
                        );
                }
            }
            self.model.grants.push(Grant {
                role,
                actions,
                vault,
                span: g.span,
            });
        }
    }

    fn resolve_vault_ident(&mut self, id: &ast::Ident) -> Option<VaultId> {
        let v = self.eval_name(id);
        match v {
            Value::Vault(def) => self.vault_ids.get(&def).copied(),
            Value::Error => None,
            other => {
                let what = match other {
                    Value::Role(_) => "a role".to_string(),
                    Value::Plan(_) => "a plan".to_string(),
                    o => format!("a {}", o.ty()),
                };
                self.diags.push(Diagnostic::error(
                    WRONG_KIND,
                    id.span,
                    format!("`{}` is {what}, not a vault", id.name),
                ));
                None
            }
        }
    }

    // ----- plans ---------------------------------------------------------------

    fn eval_plan(&mut self, p: &ast::PlanDecl) {
        let first_diag = self.diags.len();
        let preset = match &p.preset {
            Some(pr) => match schema::plan_preset(&pr.name) {
                Some(x) => Some(x),
                None => {
                    let mut d = Diagnostic::error(
                        UNKNOWN_PRESET,
                        pr.span,
                        format!("unknown plan preset `{}`", pr.name),
                    );
                    if schema::rule_preset(&pr.name).is_some() {
                        d = d
                            .with_label(format!("`{}` is a rule preset", pr.name))
                            .with_help(format!(
                                "write `plan ... < rule {} >`, or use a plan preset: {}",
                                pr.name,
                                plan_preset_list()
                            ));
                    } else if let Some(s) = did_you_mean(
                        &pr.name,
                        schema::PLAN_PRESETS.iter().flat_map(|x| [x.name, x.alias]),
                    ) {
                        d = d
                            .with_help(format!("did you mean `{s}`?"))
                            .with_fix(Fix::replace(format!("change to `{s}`"), pr.span, s));
                    } else {
                        d = d.with_note(format!("plan presets are {}", plan_preset_list()));
                    }
                    self.diags.push(d);
                    None
                }
            },
            None => None,
        };
        let Some((id, id_span, _)) = plan_id(p) else {
            self.diags.push(
                Diagnostic::error(
                    PLAN_NEEDS_NAME,
                    Span::new(p.span.start(), p.span.start() + 4),
                    "this plan has no name",
                )
                .with_help(
                    "name it (`plan Nightly < ... >`) or start from a preset (`plan daily35`)",
                ),
            );
            return;
        };
        let Some(def) = self.plan_def(p) else { return };
        if self.names.get(id) != Some(&def) {
            return; // a duplicate, already reported
        }
        let mut plan = Plan {
            id: id.to_string(),
            span: p.span,
            name: id.to_string(),
            windows_vss: false,
            rules: Vec::new(),
            selections: Vec::new(),
        };
        let mut plan_vault = match &p.vault {
            Some(t) => self.resolve_vault_ident(&t.vault),
            None => None,
        };
        let items: &[PlanItem] = p.body.as_ref().map_or(&[], |b| &b.items);
        // Exactly as many as written: a policy may hold thousands of plans.
        let written = |f: fn(&PlanItem) -> bool| items.iter().filter(|i| f(i)).count();
        plan.rules.reserve_exact(
            preset.map_or(0, |p| p.rules.len()) + written(|i| matches!(i, PlanItem::Rule(_))),
        );
        plan.selections
            .reserve_exact(written(|i| matches!(i, PlanItem::Select(_))));

        // Plan properties are the BackupPlan's props: they apply before any rule.
        let prop_fields: Vec<RecordField> = {
            let mut fields = Vec::new();
            for it in items {
                if let PlanItem::Field(f) = it {
                    let value = self.eval(&f.value);
                    if let Some(prev) = fields.iter().find(|x: &&RecordField| x.key == f.key.name) {
                        self.diags.push(
                            Diagnostic::error(
                                DUPLICATE_FIELD,
                                f.key.span,
                                format!("`{}` is set twice", f.key.name),
                            )
                            .with_related(prev.key_span, "first set here"),
                        );
                        continue;
                    }
                    fields.push(RecordField {
                        key: f.key.name.clone(),
                        key_span: f.key.span,
                        value,
                    });
                }
            }
            fields
        };
        let body_span = p.body.as_ref().map_or(p.span, |b| b.span);
        let props = self.check_fields(prop_fields, body_span, BlockKind::Plan);
        if let Some(v) = props.get("backup_plan_name").cloned()
            && let Some(n) = self.want_str(&v)
        {
            plan.name = n;
        }
        if let Some(v) = props.get("windows_vss").cloned() {
            plan.windows_vss = self.want_bool(&v).unwrap_or(false);
        }
        if let Some(v) = props.get("backup_vault").cloned() {
            let vid = self.want_vault(&v);
            if p.vault.is_some() {
                self.diags.push(
                    Diagnostic::error(CONFLICT, v.span, "the plan's vault is given twice")
                        .with_related(
                            p.vault.as_ref().map_or(p.span, |t| t.span),
                            "`-> vault` gives it here",
                        ),
                );
            } else {
                plan_vault = vid;
            }
        }

        let mut ctx = PlanCtx {
            id,
            def,
            vault: plan_vault,
            created_vault: None,
        };
        if let Some(pr) = preset {
            for rule_name in pr.rules {
                let rp = schema::rule_preset(rule_name).expect("plan presets name rule presets");
                let span = p.preset.as_ref().map_or(id_span, |x| x.span);
                let props = preset_props(rp, span);
                self.finish_rule(&mut plan, &mut ctx, props, span, Some(rp.name));
            }
        }
        let mut select_ids: Vec<(String, Span)> = Vec::new();
        // The kind of each resource the plan's selections list by ARN.
        let mut resource_kinds: Vec<(ResourceKind, Span)> = Vec::new();
        for it in items {
            match it {
                PlanItem::Rule(r) => self.eval_rule(&mut plan, &mut ctx, r),
                PlanItem::Select(s) => {
                    if let Some(sel) =
                        self.eval_select(&ctx, s, &mut select_ids, &mut resource_kinds)
                    {
                        plan.selections.push(sel);
                    }
                }
                PlanItem::Field(_) | PlanItem::Error(_) => {}
            }
        }
        if let Some(vault_span) = ctx.created_vault
            && let Some((_, s)) = select_ids.iter().find(|(n, _)| n == "Vault")
        {
            self.diags.push(
                Diagnostic::error(
                    DUPLICATE_CONSTRUCT,
                    *s,
                    "a selection named `Vault` clashes with the vault this plan creates",
                )
                .with_related(
                    vault_span,
                    "the plan creates its vault `Vault` for this rule",
                )
                .with_help("rename the selection, or give the plan a vault with `-> vault V`"),
            );
        }
        if plan.rules.is_empty() && !self.has_errors_in(p.span, first_diag) {
            let span = p.name.as_ref().map_or(id_span, |n| n.span);
            self.diags.push(
                Diagnostic::error(EMPTY_PLAN, span, format!("plan `{id}` has no rules"))
                    .with_label("a backup plan must have at least 1 rule")
                    .with_help(
                        "add a rule, e.g. `rule daily`, or start from a preset: `plan P = daily35`",
                    ),
            );
        }
        // Duplicate rule names: AWS rejects the plan.
        for (i, r) in plan.rules.iter().enumerate() {
            if let Some(prev) = plan.rules[..i].iter().find(|x| x.name == r.name) {
                self.diags.push(
                    Diagnostic::warning(
                        DUPLICATE_RULE_NAME,
                        r.span,
                        format!("plan `{id}` has two rules named `{}`", r.name),
                    )
                    .with_related(prev.span, "the first one")
                    .with_help(
                        "rule names must be unique in a plan; AWS rejects the plan otherwise",
                    ),
                );
            }
        }
        self.continuous_warnings(&plan, &resource_kinds);
        self.model.plans.push(plan);
    }

    /// Whether an error lies within `span` of a plan whose evaluation added
    /// the diagnostics from index `first` on: the errors inside a plan are
    /// those found before plans are evaluated and its own.
    fn has_errors_in(&self, span: Span, first: usize) -> bool {
        let inside = |s: Span| span.start() <= s.start() && s.end() <= span.end();
        let from = self
            .early_errors
            .partition_point(|s| s.start() < span.start());
        self.early_errors[from..]
            .iter()
            .take_while(|s| s.start() <= span.end())
            .any(|s| inside(*s))
            || self.diags[first..]
                .iter()
                .any(|d| d.is_error() && inside(d.span))
    }

    fn eval_rule(&mut self, plan: &mut Plan, ctx: &mut PlanCtx, r: &ast::RuleDecl) {
        let name = r.name.as_ref();
        let mut preset_used = None;
        let mut props = RuleProps::default();
        match name {
            Some(n) if r.is_preset => match schema::rule_preset(&n.name) {
                Some(rp) => {
                    props = preset_props(rp, r.span);
                    preset_used = Some(rp.name);
                }
                None => {
                    self.diags.push(
                        Diagnostic::error(
                            UNKNOWN_PRESET,
                            n.span,
                            format!("`{}` is a plan preset, not a rule preset", n.name),
                        )
                        .with_help(format!("rule presets are {}", rule_preset_list())),
                    );
                    return;
                }
            },
            Some(n) => {
                if r.body.is_none() {
                    let mut d = Diagnostic::error(
                        UNKNOWN_PRESET,
                        n.span,
                        format!("unknown rule preset `{}`", n.name),
                    );
                    if let Some(s) =
                        did_you_mean(&n.name, schema::RULE_PRESETS.iter().map(|x| x.name))
                    {
                        d = d
                            .with_help(format!("did you mean `{s}`?"))
                            .with_fix(Fix::replace(format!("change to `{s}`"), n.span, s));
                    } else {
                        d = d.with_help(format!(
                            "rule presets are {}; a custom rule needs a body: `rule {} {{ ... }}`",
                            rule_preset_list(),
                            n.name
                        ));
                    }
                    self.diags.push(d);
                    return;
                }
                props.name = Some(Cow::Owned(n.name.clone()));
                self.defs.push(Def {
                    name: n.name.clone(),
                    kind: DefKind::Rule,
                    name_span: n.span,
                    span: r.span,
                    parent: Some(ctx.def),
                    written: true,
                });
            }
            None => {
                if r.body.is_none() {
                    self.diags.push(
                        Diagnostic::error(
                            MISSING_FIELD,
                            r.keyword,
                            "a rule needs a preset or a body",
                        )
                        .with_help(format!(
                            "write `rule daily` (presets: {}) or `rule {{ ... }}`",
                            rule_preset_list()
                        )),
                    );
                    return;
                }
            }
        }
        if let Some(t) = &r.vault {
            props.vault = self.resolve_vault_ident(&t.vault);
        }
        let c = self.block(r.body.as_ref(), r.keyword, BlockKind::Rule);
        self.apply_rule_fields(&mut props, &c, r);
        self.finish_rule(plan, ctx, props, r.span, preset_used);
    }

    fn apply_rule_fields(&mut self, props: &mut RuleProps, c: &Checked, r: &ast::RuleDecl) {
        let get = |n: &str| c.get(n).cloned();
        if let Some(v) = get("rule_name")
            && let Some(n) = self.want_str(&v)
        {
            if r.name.is_some() && !r.is_preset {
                self.diags.push(
                    Diagnostic::error(CONFLICT, v.span, "the rule's name is given twice")
                        .with_related(
                            r.name.as_ref().map_or(r.span, |n| n.span),
                            "the name after `rule` sets it already",
                        ),
                );
            } else {
                props.name = Some(Cow::Owned(n));
            }
        }
        if let Some(v) = get("backup_vault") {
            let vid = self.want_vault(&v);
            if let Some(t) = &r.vault {
                self.diags.push(
                    Diagnostic::error(CONFLICT, v.span, "the rule's vault is given twice")
                        .with_related(t.span, "`-> vault` gives it here"),
                );
            } else if vid.is_some() {
                props.vault = vid;
            }
        }
        if let Some(v) = get("schedule") {
            match &v.value {
                Value::Schedule(s) => props.schedule = Some(Cow::Owned(s.clone())),
                _ => self.mismatch(&v, "Schedule"),
            }
        }
        if let Some(v) = get("schedule_expression_timezone") {
            props.timezone = self.want_str(&v);
        }
        if let Some(v) = get("start_window") {
            props.start_window = self.want_duration(&v);
            if let Some(m) = props.start_window
                && m < 60
            {
                self.diags.push(
                    Diagnostic::warning(
                        START_WINDOW,
                        v.span,
                        format!("a start window of {} is too short", format_duration(m)),
                    )
                    .with_label("AWS Backup requires at least 60 minutes")
                    .with_fix(Fix::replace("use 1 hour", v.span, "1h")),
                );
            }
        }
        if let Some(v) = get("completion_window") {
            props.completion_window = self.want_duration(&v);
        }
        if let Some(v) = get("move_to_cold_storage_after") {
            props.cold_days = self
                .want_days(&v, "move_to_cold_storage_after")
                .map(|d| (d, v.span));
        }
        if let Some(v) = get("delete_after") {
            props.delete_days = self.want_days(&v, "delete_after").map(|d| (d, v.span));
        }
        if let Some(v) = get("recovery_point_tags") {
            match &v.value {
                Value::Record(fields) => {
                    props.tags = Some(
                        fields
                            .iter()
                            .filter_map(|f| Some((f.key.clone(), self.want_str(&f.value)?)))
                            .collect(),
                    );
                }
                _ => self.mismatch(&v, "Record<String>"),
            }
        }
        if let Some(v) = get("copy_actions") {
            let items = self.want_list(&v, "CopyAction");
            props.copy_actions = Some(
                items
                    .iter()
                    .filter_map(|item| self.copy_action(item))
                    .collect(),
            );
        }
        if let Some(v) = get("index_actions") {
            let mut actions = Vec::new();
            for item in self.want_list(&v, "IndexAction") {
                let Some(ic) = self.want_block(&item, BlockKind::IndexAction) else {
                    continue;
                };
                let Some(rt) = ic.get("resource_types").cloned() else {
                    continue;
                };
                let types: Vec<IndexResourceType> = self
                    .want_list(&rt, "IndexType")
                    .iter()
                    .filter_map(|t| match t.value {
                        Value::Index(i) => Some(i),
                        _ => {
                            self.mismatch(t, "IndexType");
                            None
                        }
                    })
                    .collect();
                actions.push(types);
            }
            props.index_actions = Some(actions);
        }
        if let Some(v) = get("enable_continuous_backup") {
            props.continuous = self.want_bool(&v).map(|b| (b, v.span));
        }
    }

    fn copy_action(&mut self, v: &Spanned) -> Option<CopyAction> {
        let c = self.want_block(v, BlockKind::CopyAction)?;
        let dest = c
            .get("destination_backup_vault")
            .cloned()
            .and_then(|d| self.want_vault(&d));
        let del = c.get("delete_after").cloned();
        let cold = c.get("move_to_cold_storage_after").cloned();
        let delete_days = del.as_ref().and_then(|d| self.want_days(d, "delete_after"));
        let cold_days = cold
            .as_ref()
            .and_then(|d| self.want_days(d, "move_to_cold_storage_after"));
        if let (Some(d), Some(cd), Some(dv), Some(cv)) = (delete_days, cold_days, &del, &cold)
            && d < cd + 90
        {
            self.diags.push(
                    Diagnostic::error(
                        COPY_LIFECYCLE,
                        dv.span,
                        format!("a copy's `delete_after` ({d} days) must be at least 90 days after its `move_to_cold_storage_after` ({cd} days)"),
                    )
                    .with_related(cv.span, format!("cold storage starts after {cd} days"))
                    .with_fix(Fix::replace(format!("keep it {} days", cd + 90), dv.span, format!("{}d", cd + 90))),
                );
            return None;
        }
        Some(CopyAction {
            destination: dest?,
            delete_after_days: delete_days,
            move_to_cold_storage_after_days: cold_days,
        })
    }

    /// Validates the rule's properties as the CDK's `BackupPlanRule` does,
    /// resolves its vault and name, and adds it to the plan.
    fn finish_rule(
        &mut self,
        plan: &mut Plan,
        ctx: &mut PlanCtx,
        mut props: RuleProps,
        span: Span,
        preset: Option<&'static str>,
    ) {
        let continuous = props.continuous.is_some_and(|(b, _)| b);
        if let (Some((d, ds)), Some((c, cs))) = (props.delete_days, props.cold_days) {
            if d < c {
                self.diags.push(
                    Diagnostic::error(DELETE_BEFORE_COLD, ds, format!("`delete_after` ({d} days) is before `move_to_cold_storage_after` ({c} days)"))
                        .with_related(cs, format!("cold storage starts after {c} days"))
                        .with_fix(Fix::replace(format!("keep it {} days", c + 90), ds, format!("{}d", c + 90))),
                );
                return;
            } else if d < c + 90 {
                self.diags.push(
                    Diagnostic::warning(COLD_MINIMUM, ds, format!("`delete_after` ({d} days) is less than 90 days after `move_to_cold_storage_after` ({c} days)"))
                        .with_related(cs, format!("cold storage starts after {c} days"))
                        .with_note("recovery points must stay in cold storage for at least 90 days; AWS rejects the rule")
                        .with_fix(Fix::replace(format!("raise to {} days", c + 90), ds, format!("{}d", c + 90))),
                );
            }
        }
        if continuous {
            if let Some((_, cs)) = props.cold_days {
                let d = Diagnostic::error(
                    CONTINUOUS_COLD,
                    cs,
                    "continuous backups cannot move to cold storage",
                )
                .with_related(
                    props.continuous.map_or(span, |(_, s)| s),
                    "continuous backup is enabled here",
                )
                .with_help("remove `move_to_cold_storage_after`");
                self.diags.push(d);
                return;
            }
            match props.delete_days {
                Some((d, ds)) if !(1..=35).contains(&d) => {
                    self.diags.push(
                        Diagnostic::error(
                            CONTINUOUS_RETENTION,
                            ds,
                            format!("continuous backups are kept 1 to 35 days, found {d} days"),
                        )
                        .with_related(
                            props.continuous.map_or(span, |(_, s)| s),
                            "continuous backup is enabled here",
                        )
                        .with_fix(Fix::replace(
                            "keep them 35 days",
                            ds,
                            "35d",
                        )),
                    );
                    return;
                }
                Some(_) => {}
                None => props.delete_days = Some((35, span)),
            }
        }
        let vault = match props.vault.or(ctx.vault) {
            Some(v) => v,
            None => {
                let id = VaultId(self.model.vaults.len());
                self.model.vaults.push(Vault {
                    path: vec![ctx.id.to_string(), "Vault".into()],
                    span,
                    kind: VaultKind::New(NewVault::default()),
                });
                ctx.vault = Some(id);
                ctx.created_vault = Some(span);
                id
            }
        };
        // Retention against the vault's lock.
        if let VaultKind::New(NewVault {
            lock: Some(lock), ..
        }) = &self.model.vault(vault).kind
        {
            let lock = lock.clone();
            let retention = props.delete_days.map(|(d, _)| d);
            let at = props.delete_days.map_or(span, |(_, s)| s);
            let vault_span = self.model.vault(vault).span;
            let vname = self.model.vault(vault).display_name();
            let problem = match retention {
                Some(d) if d < lock.min_retention_days => Some(format!(
                    "{d} days is less than the lock's minimum of {} days",
                    lock.min_retention_days
                )),
                Some(d) if lock.max_retention_days.is_some_and(|m| d > m) => Some(format!(
                    "{d} days is more than the lock's maximum of {} days",
                    lock.max_retention_days.unwrap_or(0)
                )),
                None if lock.max_retention_days.is_some() => Some(format!(
                    "it keeps recovery points forever, beyond the lock's maximum of {} days",
                    lock.max_retention_days.unwrap_or(0)
                )),
                _ => None,
            };
            if let Some(p) = problem {
                self.diags.push(
                    Diagnostic::warning(LOCK_RANGE, at, format!("this rule's retention is outside the lock range of vault `{vname}`: {p}"))
                        .with_related(vault_span, "the vault and its lock")
                        .with_note("every backup job of this rule into the locked vault will fail"),
                );
            }
        }
        let name = props
            .name
            .unwrap_or_else(|| format!("{}Rule{}", ctx.id, plan.rules.len()).into());
        plan.rules.push(Rule {
            name,
            span,
            preset,
            vault,
            schedule: props.schedule,
            schedule_timezone: props.timezone,
            start_window_minutes: props.start_window,
            completion_window_minutes: props.completion_window,
            delete_after_days: props.delete_days.map(|(d, _)| d),
            move_to_cold_storage_after_days: props.cold_days.map(|(d, _)| d),
            recovery_point_tags: props.tags,
            copy_actions: props.copy_actions,
            index_actions: props.index_actions,
            continuous_backup: props.continuous.map(|(b, _)| b),
        });
    }

    fn eval_select(
        &mut self,
        ctx: &PlanCtx,
        s: &ast::SelectDecl,
        ids: &mut Vec<(String, Span)>,
        kinds: &mut Vec<(ResourceKind, Span)>,
    ) -> Option<Selection> {
        let Some(name) = &s.name else {
            self.diags.push(
                Diagnostic::error(PLAN_NEEDS_NAME, s.keyword, "a selection needs a name")
                    .with_help("write `select Name { resources = [...] }`"),
            );
            return None;
        };
        if let Some((_, prev)) = ids.iter().find(|(n, _)| *n == name.name) {
            self.diags.push(
                Diagnostic::error(
                    DUPLICATE_CONSTRUCT,
                    name.span,
                    format!("plan `{}` has two selections named `{}`", ctx.id, name.name),
                )
                .with_related(*prev, "first defined here"),
            );
            return None;
        }
        if name.name == "Resource" {
            self.diags.push(
                Diagnostic::error(
                    DUPLICATE_CONSTRUCT,
                    name.span,
                    "a selection cannot be named `Resource`",
                )
                .with_label(format!(
                    "plan `{}` already has a child `Resource`: its AWS::Backup::BackupPlan",
                    ctx.id
                ))
                .with_help("choose another name"),
            );
            return None;
        }
        ids.push((name.name.clone(), name.span));
        self.defs.push(Def {
            name: name.name.clone(),
            kind: DefKind::Selection,
            name_span: name.span,
            span: s.span,
            parent: Some(ctx.def),
            written: true,
        });
        let mut c = self.block(s.body.as_ref(), name.span, BlockKind::Select);
        let mut sel = Selection {
            id: name.name.clone(),
            span: s.span,
            name: name.name.clone(),
            resources: Vec::new(),
            tags: Vec::new(),
            conditions: Vec::new(),
            not_resources: Vec::new(),
            role: None,
            allow_restores: false,
            disable_default_backup_policy: false,
        };
        let mut first_tag: Option<Span> = None;
        let mut first_arn: Option<Span> = None;
        if let Some(v) = c.take("resources") {
            let v_span = v.span;
            let was_error = v.value.is_error();
            let items = Self::flatten(self.take_list(v, "Resource"));
            if items.is_empty() && !was_error {
                self.diags.push(
                    Diagnostic::error(BAD_VALUE, v_span, "a selection needs at least one resource")
                        .with_help("add `tag(\"key\", \"value\")` or a resource such as `dynamodb_table(\"name\")`"),
                );
            }
            let tags = items
                .iter()
                .filter(|it| matches!(it.value, Value::Resource(ResourceValue::Tag { .. })))
                .count();
            sel.tags.reserve_exact(tags);
            sel.resources.reserve_exact(items.len() - tags);
            for it in items {
                match it.value {
                    Value::Resource(ResourceValue::Arn { arn, kind }) => {
                        first_arn.get_or_insert(it.span);
                        kinds.push((kind, it.span));
                        sel.resources.push(arn);
                    }
                    Value::Resource(ResourceValue::Tag { key, value }) => {
                        first_tag.get_or_insert(it.span);
                        sel.tags.push((key, value));
                    }
                    _ => self.mismatch(&it, "Resource"),
                }
            }
        }
        if let (Some(t), Some(a)) = (first_tag, first_arn) {
            self.diags.push(
                Diagnostic::warning(TAG_UNION, t, "this selection backs up resources with this tag OR listed by ARN, not only tagged ones among them")
                    .with_related(a, "a resource listed by ARN")
                    .with_help("to require the tag on the listed resources, use `conditions = [tag_equals(...)]`"),
            );
        }
        if let Some(v) = c.take("conditions") {
            for it in Self::flatten(self.take_list(v, "Condition")) {
                match it.value {
                    Value::Condition(cond) => sel.conditions.push(cond),
                    _ => self.mismatch(&it, "Condition"),
                }
            }
        }
        if let Some(v) = c.take("not_resources") {
            for it in Self::flatten(self.take_list(v, "Resource")) {
                match it.value {
                    Value::Resource(ResourceValue::Arn { arn, .. }) => sel.not_resources.push(arn),
                    Value::Resource(ResourceValue::Tag { .. }) => self.diags.push(
                        Diagnostic::error(TYPE_MISMATCH, it.span, "`not_resources` takes resources, not tags")
                            .with_help("exclude by tag with `conditions = [tag_not_equals(\"key\", \"value\")]`"),
                    ),
                    _ => self.mismatch(&it, "Resource"),
                }
            }
        }
        if let Some(v) = c.get("role").cloned() {
            sel.role = self.want_role(&v);
        }
        if let Some(v) = c.get("allow_restores").cloned() {
            sel.allow_restores = self.want_bool(&v).unwrap_or(false);
        }
        if let Some(v) = c.get("disable_default_backup_policy").cloned() {
            sel.disable_default_backup_policy = self.want_bool(&v).unwrap_or(false);
        }
        if let Some(v) = c.get("backup_selection_name").cloned()
            && let Some(n) = self.want_str(&v)
        {
            sel.name = n;
        }
        Some(sel)
    }

    /// Resources of the plan's selections that continuous backup, enabled
    /// by one of its rules, does not cover.
    fn continuous_warnings(&mut self, plan: &Plan, resource_kinds: &[(ResourceKind, Span)]) {
        let Some(rule) = plan
            .rules
            .iter()
            .find(|r| r.continuous_backup == Some(true))
        else {
            return;
        };
        for &(kind, span) in resource_kinds {
            let what = match kind {
                ResourceKind::Ec2Instance => "EC2 instances",
                ResourceKind::EfsFileSystem => "EFS file systems",
                ResourceKind::DynamoDbTable => "DynamoDB tables",
                _ => continue,
            };
            self.diags.push(
                Diagnostic::warning(CONTINUOUS_UNSUPPORTED, span, format!("continuous backup does not support {what}"))
                    .with_related(rule.span, "this rule enables continuous backup")
                    .with_note("AWS Backup takes snapshot backups of them instead; point-in-time restore covers RDS, Aurora and S3"),
            );
        }
    }
}

/// Per-plan state while its items are evaluated.
struct PlanCtx<'a> {
    id: &'a str,
    def: usize,
    vault: Option<VaultId>,
    /// Where the plan's own vault was created, if it was.
    created_vault: Option<Span>,
}

fn preset_props(rp: &schema::RulePreset, span: Span) -> RuleProps {
    RuleProps {
        name: Some(Cow::Borrowed(rp.rule_name)),
        schedule: Some(Cow::Borrowed(schema::cron_of(rp))),
        delete_days: Some((rp.delete_after_days, span)),
        cold_days: rp.move_to_cold_days.map(|d| (d, span)),
        ..RuleProps::default()
    }
}

/// The construct id of a plan, where its name is, and whether it was written.
pub(crate) fn plan_id(p: &ast::PlanDecl) -> Option<(&str, Span, bool)> {
    if let Some(n) = &p.name {
        return Some((&n.name, n.span, true));
    }
    let pr = p.preset.as_ref()?;
    let preset = schema::plan_preset(&pr.name)?;
    Some((preset.id, pr.span, false))
}

fn plan_preset_list() -> String {
    schema::PLAN_PRESETS
        .iter()
        .map(|p| format!("`{}`", p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn rule_preset_list() -> String {
    schema::RULE_PRESETS
        .iter()
        .map(|p| format!("`{}`", p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Another block kind that has a field called `name` (for "`x` is a field of a vault").
fn other_block_with(name: &str, not: BlockKind) -> Option<BlockKind> {
    use BlockKind::*;
    [
        Vault,
        Role,
        Stack,
        Plan,
        Rule,
        Select,
        LockConfiguration,
        CopyAction,
        IndexAction,
    ]
    .into_iter()
    .find(|k| *k != not && k.field(name).is_some())
}

/// The name in a backup vault ARN, or why it is not one, checking the shape
/// the CDK checks (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE:NAME`).
fn vault_name_from_arn(arn: &str) -> Result<String, String> {
    let parts: Vec<&str> = arn.split(':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return Err("ARNs start with `arn:` and have at least 6 components".into());
    }
    for (i, what) in [(1, "partition"), (2, "service"), (5, "resource")] {
        if parts[i].is_empty() {
            return Err(format!("its {what} component is empty"));
        }
    }
    if parts[5].contains('/') || parts.len() < 7 {
        return Err("expected `arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME`".into());
    }
    let name = parts[6..].join(":");
    if name.is_empty() {
        return Err("it has no vault name".into());
    }
    Ok(name)
}

/// Renders `cron(...)` as the CDK's `Schedule.cron` does: missing fields
/// are `*`, the day of month is `?` when a week day is given, and the week
/// day is `?` otherwise.
pub fn cron_expression(
    fields: &[(&str, &str)],
    day: Option<&str>,
    week_day: Option<&str>,
) -> String {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| *f == k)
            .map_or("*", |(_, v)| *v)
    };
    let day = day.unwrap_or(if week_day.is_some() { "?" } else { "*" });
    let week_day = week_day.unwrap_or("?");
    format!(
        "cron({} {} {} {} {} {})",
        get("minute"),
        get("hour"),
        day,
        get("month"),
        week_day,
        get("year")
    )
}

#[cfg(test)]
mod tests {
    use super::{Evaluator, SUGGEST_FROM_PROGRAM, Split};
    use std::fmt::Write;

    /// The semantics of `src` evaluated with `split`, printed in full.
    fn analyzed(src: &str, split: Split) -> String {
        let parse = bkp_syntax::parse(src);
        let s = Evaluator::new(&parse.file).run_split(split);
        format!(
            "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}",
            s.model, s.defs, s.references, s.let_values, s.diagnostics
        )
    }

    /// A program exercising what plans add: definitions of rules and
    /// selections, vaults of their own, copy actions, lets, references,
    /// errors and warnings; `unknown` plans in each half use an unknown name.
    fn program(plans: usize, unknown: usize) -> String {
        let mut src = String::from(
            "let days = 35d\nlet unused = 1 + \"a\"\nlet a = b\nlet b = a\n\
             vault shared { backup_vault_name = \"shared\" }\nvault far = import \"far\"\n\
             role r = new_role(assumed_by = \"backup.amazonaws.com\")\n",
        );
        for i in 0..plans {
            let half = if i < plans / 2 { i } else { i - plans / 2 };
            if half < unknown {
                // Suggested from the program's names: `P{i}`.
                writeln!(
                    src,
                    "plan P{i} < rule U{i} {{ schedule = cron(hour = \"3\"), delete_after = P{i}x }} >"
                )
                .unwrap();
                continue;
            }
            match i % 4 {
                0 => writeln!(
                    src,
                    "plan P{i} = daily35 -> vault shared <\n  select S{i} {{ resources = [tag(\"app\", \"a{i}\"), dynamodb_table(\"t{i}\")] }}\n>"
                ),
                1 => writeln!(
                    src,
                    "plan P{i} <\n  rule R{i} {{ schedule = cron(hour = \"3\"), delete_after = days, copy_to = [copy(vault = far)] }}\n  select S{i} {{ resources = [dynamodb_table(\"t{i}\")], role = r }}\n>"
                ),
                2 => writeln!(src, "plan P{i} = weekly5_year\nplan P{i} = daily35"),
                _ => writeln!(src, "plan P{i} < rule daily >\nlet l{i} = P{i}"),
            }
            .unwrap();
        }
        src
    }

    #[test]
    fn two_threads_evaluate_plans_as_one_does() {
        for (plans, unknown) in [(2, 0), (3, 0), (41, 3), (400, 20)] {
            let src = program(plans, unknown);
            assert_eq!(
                analyzed(&src, Split::Never),
                analyzed(&src, Split::Always),
                "{plans} plans"
            );
        }
    }

    #[test]
    fn unknown_names_past_the_suggestion_limit_give_the_same_result() {
        // Both halves use unknown names, together more than the limit: the
        // second half's first ones get suggestions from the program's names
        // when the halves join, as many as the first half leaves room for.
        let src = program(8 * SUGGEST_FROM_PROGRAM, SUGGEST_FROM_PROGRAM / 2 + 1);
        assert_eq!(analyzed(&src, Split::Never), analyzed(&src, Split::Always));
    }
}
