//! Property test: random well-formed programs, generated from the grammar
//! and written out with random layout (one-line or multi-line blocks, commas
//! or newlines, comments wherever a line may end, blank lines, odd spacing),
//! format to a program with the same tree and comments, which is a fixed
//! point and does not depend on the original spacing.

mod common;

use proptest::prelude::*;

#[derive(Clone, Debug)]
enum E {
    Atom(&'static str),
    List(Vec<E>),
    Record(Vec<(&'static str, E)>),
    Call(&'static str, Vec<(Option<&'static str>, E)>),
    Tagged(&'static str, Vec<(&'static str, E)>),
    Binary(Box<E>, &'static str, Box<E>),
    Paren(Box<E>),
}

type Fields = Vec<(&'static str, E)>;

#[derive(Clone, Debug)]
enum Body {
    None,
    Record(Fields),
    Import(bool, E),
}

#[derive(Clone, Debug)]
enum PlanItem {
    Field(&'static str, E),
    Rule(Option<&'static str>, Option<&'static str>, Option<Fields>),
    Select(Option<&'static str>, Option<Fields>),
}

#[derive(Clone, Debug)]
enum Item {
    Let(&'static str, E),
    Vault(&'static str, Body),
    Role(&'static str, Body),
    Grant(&'static str, E, &'static str),
    Stack(&'static str, Option<Fields>),
    Plan(
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<Vec<PlanItem>>,
    ),
}

const ATOMS: &[&str] = &[
    "0",
    "42",
    "30min",
    "2h",
    "35d",
    "2w",
    "5y",
    "true",
    "false",
    "\"s\"",
    "\"a # not a comment\"",
    "\"${x}-y\"",
    "\"q\\\"uote\"",
    "\"\"",
    "x",
    "my_table",
    "retain",
    "daily",
    "a_rather_long_name_to_push_lines_past_the_width_limit",
];
const KEYS: &[&str] = &["a", "b", "key", "\"quoted key\"", "weekly", "schedule"];
const ARG_NAMES: &[&str] = &["a", "minute", "key"];
const NAMES: &[&str] = &["main", "other", "x", "ops"];
const CALLEES: &[&str] = &["f", "cron", "tag", "dynamodb_table"];
const TAGS: &[&str] = &["deny", "allow"];
const PLAN_PRESETS: &[&str] = &["daily35", "daily_weekly_monthly5_year_retention"];
const RULE_NAMES: &[&str] = &["daily", "monthly1_year", "Nightly", "custom"];

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> + Clone {
    proptest::sample::select(pool)
}

fn expr() -> impl Strategy<Value = E> {
    pick(ATOMS)
        .prop_map(E::Atom)
        .prop_recursive(4, 40, 5, |inner| {
            let fields = prop::collection::vec((pick(KEYS), inner.clone()), 0..4);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(E::List),
                fields.clone().prop_map(E::Record),
                (
                    pick(CALLEES),
                    prop::collection::vec((prop::option::of(pick(ARG_NAMES)), inner.clone()), 0..4)
                )
                    .prop_map(|(c, a)| E::Call(c, a)),
                (pick(TAGS), fields).prop_map(|(t, f)| E::Tagged(t, f)),
                (
                    inner.clone(),
                    prop_oneof![Just("+"), Just("*")],
                    inner.clone()
                )
                    .prop_map(|(l, op, r)| E::Binary(Box::new(l), op, Box::new(r))),
                inner.prop_map(|e| E::Paren(Box::new(e))),
            ]
        })
}

fn fields() -> impl Strategy<Value = Fields> {
    prop::collection::vec((pick(KEYS), expr()), 0..4)
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        Just(Body::None),
        fields().prop_map(Body::Record),
        (any::<bool>(), expr()).prop_map(|(arn, e)| Body::Import(arn, e)),
    ]
}

fn plan_item() -> impl Strategy<Value = PlanItem> {
    prop_oneof![
        (pick(KEYS), expr()).prop_map(|(k, e)| PlanItem::Field(k, e)),
        (
            prop::option::of(pick(RULE_NAMES)),
            prop::option::of(pick(NAMES)),
            prop::option::of(fields())
        )
            .prop_map(|(n, v, b)| PlanItem::Rule(n, v, b)),
        (prop::option::of(pick(NAMES)), prop::option::of(fields()))
            .prop_map(|(n, b)| PlanItem::Select(n, b)),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        (pick(NAMES), expr()).prop_map(|(n, e)| Item::Let(n, e)),
        (pick(NAMES), body()).prop_map(|(n, b)| Item::Vault(n, b)),
        (pick(NAMES), body()).prop_map(|(n, b)| Item::Role(n, b)),
        (pick(NAMES), expr(), pick(NAMES)).prop_map(|(r, e, v)| Item::Grant(r, e, v)),
        (pick(NAMES), prop::option::of(fields())).prop_map(|(n, b)| Item::Stack(n, b)),
        (
            prop::option::of(pick(NAMES)),
            prop::option::of(pick(PLAN_PRESETS)),
            prop::option::of(pick(NAMES)),
            prop::option::of(prop::collection::vec(plan_item(), 0..5)),
        )
            .prop_map(|(n, p, v, b)| Item::Plan(n, p, v, b)),
    ]
}

/// Writes a program out, taking layout decisions from a seeded generator.
struct Writer {
    out: String,
    rng: u64,
    comments: usize,
    indent: usize,
}

impl Writer {
    fn chance(&mut self, percent: u64) -> bool {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng % 100 < percent
    }

    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Ends the line, maybe with a comment, and maybe adds comment lines.
    fn newline(&mut self) {
        if self.chance(25) {
            self.comments += 1;
            let c = format!(" # c{}", self.comments);
            self.w(&c);
        }
        self.w("\n");
        if self.chance(10) {
            self.w("\n");
        }
        while self.chance(15) {
            self.comments += 1;
            let c = format!("{}# own {}\n", " ".repeat(self.indent), self.comments);
            self.w(&c);
        }
        let pad = " ".repeat(self.indent);
        self.w(&pad);
    }

    fn block<T>(
        &mut self,
        open: &str,
        close: &str,
        items: &[T],
        list_like: bool,
        mut each: impl FnMut(&mut Self, &T),
    ) {
        self.w(open);
        if items.is_empty() || !self.chance(40) {
            let spaced = !list_like && self.chance(70);
            if spaced {
                self.w(" ");
            }
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    self.w(", ");
                }
                each(self, it);
            }
            if spaced && !items.is_empty() {
                self.w(" ");
            }
            self.w(close);
            return;
        }
        self.indent += 2;
        self.newline();
        for (i, it) in items.iter().enumerate() {
            each(self, it);
            if (i + 1 < items.len() || self.chance(50)) && self.chance(60) {
                self.w(",");
            }
            if i + 1 < items.len() {
                self.newline();
            }
        }
        self.indent -= 2;
        self.newline();
        self.w(close);
    }

    fn expr(&mut self, e: &E) {
        match e {
            E::Atom(a) => self.w(a),
            E::List(items) => self.block("[", "]", items, true, |w, e| w.expr(e)),
            E::Record(fields) => self.record(fields),
            E::Call(callee, args) => {
                self.w(callee);
                self.block("(", ")", args, true, |w, (name, value)| {
                    if let Some(n) = name {
                        w.w(n);
                        w.w(" =");
                        if w.chance(10) {
                            w.newline();
                        } else {
                            w.w(" ");
                        }
                    }
                    w.expr(value);
                });
            }
            E::Tagged(tag, fields) => {
                self.w(tag);
                self.w(" ");
                self.record(fields);
            }
            E::Binary(l, op, r) => {
                // Parenthesize operands so the written tree is the generated one.
                let wrap = |e: &E| matches!(e, E::Binary(..));
                if wrap(l) {
                    self.w("(");
                }
                self.expr(l);
                if wrap(l) {
                    self.w(")");
                }
                self.w(" ");
                self.w(op);
                if self.chance(15) {
                    self.newline();
                } else {
                    self.w(" ");
                }
                if wrap(r) {
                    self.w("(");
                }
                self.expr(r);
                if wrap(r) {
                    self.w(")");
                }
            }
            E::Paren(inner) => {
                self.w("(");
                if self.chance(10) {
                    self.newline();
                }
                self.expr(inner);
                if self.chance(10) {
                    self.newline();
                }
                self.w(")");
            }
        }
    }

    fn record(&mut self, fields: &[(&'static str, E)]) {
        self.block("{", "}", fields, false, |w, (k, v)| {
            w.w(k);
            w.w(" = ");
            w.expr(v);
        });
    }

    fn body(&mut self, b: &Body) {
        match b {
            Body::None => {}
            Body::Record(f) => {
                self.w(" ");
                self.record(f);
            }
            Body::Import(arn, e) => {
                self.w(if *arn { " = import arn " } else { " = import " });
                self.expr(e);
            }
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Let(n, e) => {
                self.w(&format!("let {n} = "));
                self.expr(e);
            }
            Item::Vault(n, b) => {
                self.w(&format!("vault {n}"));
                self.body(b);
            }
            Item::Role(n, b) => {
                self.w(&format!("role {n}"));
                self.body(b);
            }
            Item::Grant(r, e, v) => {
                self.w(&format!("grant {r} "));
                self.expr(e);
                self.w(&format!(" on {v}"));
            }
            Item::Stack(n, b) => {
                self.w(&format!("stack {n}"));
                if let Some(f) = b {
                    self.w(" ");
                    self.record(f);
                }
            }
            Item::Plan(name, preset, vault, body) => {
                self.w("plan");
                match (name, preset) {
                    (Some(n), Some(p)) => self.w(&format!(" {n} = {p}")),
                    (Some(n), None) => self.w(&format!(" {n}")),
                    (None, Some(p)) => self.w(&format!(" {p}")),
                    (None, None) => {}
                }
                if let Some(v) = vault {
                    self.w(&format!(" -> vault {v}"));
                }
                if let Some(items) = body {
                    self.w(" ");
                    self.block("<", ">", items, false, |w, it| w.plan_item(it));
                }
            }
        }
    }

    fn plan_item(&mut self, it: &PlanItem) {
        match it {
            PlanItem::Field(k, e) => {
                self.w(&format!("{k} = "));
                self.expr(e);
            }
            PlanItem::Rule(name, vault, body) => {
                self.w("rule");
                if let Some(n) = name {
                    self.w(&format!(" {n}"));
                }
                if let Some(v) = vault {
                    self.w(&format!(" -> vault {v}"));
                }
                if let Some(f) = body {
                    self.w(" ");
                    self.record(f);
                }
            }
            PlanItem::Select(name, body) => {
                self.w("select");
                if let Some(n) = name {
                    self.w(&format!(" {n}"));
                }
                if let Some(f) = body {
                    self.w(" ");
                    self.record(f);
                }
            }
        }
    }
}

fn write_program(items: &[Item], seed: u64) -> String {
    let mut w = Writer {
        out: String::new(),
        rng: seed | 1,
        comments: 0,
        indent: 0,
    };
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            if w.chance(10) {
                w.w(", ");
            } else {
                w.newline();
            }
        }
        w.item(it);
    }
    if w.chance(50) {
        w.newline();
    }
    w.out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn formatting_keeps_meaning_and_is_idempotent(items in prop::collection::vec(item(), 0..6), seed in any::<u64>()) {
        let src = write_program(&items, seed);
        let parse = bkp_syntax::parse(&src);
        prop_assert!(!parse.has_errors(), "generated an invalid program:\n{}\n{:?}", src, parse.diagnostics);
        let out = common::check_formatting("generated", &src);
        prop_assert_eq!(&out, &bkp_fmt::format(&common::respace(&src, seed)).expect("respaced program formats"));
    }
}
