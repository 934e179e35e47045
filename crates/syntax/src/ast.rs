//! The syntax tree. Every node carries its byte span; nodes that could not be
//! parsed are `Error` variants so later stages see the rest of the file.

use bkp_diagnostics::Span;

/// A name as written, with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A whole `.bkp` file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct File {
    pub items: Vec<Item>,
}

/// A top-level declaration.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Let(LetDecl),
    Vault(VaultDecl),
    Role(RoleDecl),
    Grant(GrantDecl),
    Stack(StackDecl),
    Plan(PlanDecl),
    /// Input that could not be parsed as an item (already diagnosed).
    Error(Span),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Let(d) => d.span,
            Item::Vault(d) => d.span,
            Item::Role(d) => d.span,
            Item::Grant(d) => d.span,
            Item::Stack(d) => d.span,
            Item::Plan(d) => d.span,
            Item::Error(s) => *s,
        }
    }
}

/// `let NAME = EXPR`
#[derive(Clone, Debug, PartialEq)]
pub struct LetDecl {
    pub name: Ident,
    pub value: Expr,
    pub span: Span,
}

/// `vault NAME { ... }`, `vault NAME`, `vault NAME = import "n"`, `vault NAME = import arn "a"`.
#[derive(Clone, Debug, PartialEq)]
pub struct VaultDecl {
    pub name: Ident,
    pub body: DeclBody,
    pub span: Span,
}

/// `role NAME { ... }` or `role NAME = import "arn"`.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleDecl {
    pub name: Ident,
    pub body: DeclBody,
    pub span: Span,
}

/// What follows a vault's or role's name.
#[derive(Clone, Debug, PartialEq)]
pub enum DeclBody {
    /// A new resource, with its properties when a block is given.
    New(Option<Record>),
    /// `= import EXPR` or `= import arn EXPR`.
    Import {
        by_arn: bool,
        value: Expr,
        span: Span,
    },
}

/// `grant ROLE ACTIONS on VAULT`
#[derive(Clone, Debug, PartialEq)]
pub struct GrantDecl {
    pub role: Ident,
    pub actions: Expr,
    pub vault: Ident,
    pub span: Span,
}

/// `stack NAME { account = "...", region = "..." }`
#[derive(Clone, Debug, PartialEq)]
pub struct StackDecl {
    pub name: Ident,
    pub body: Option<Record>,
    pub span: Span,
}

/// `plan NAME? (= PRESET)? (-> vault V)? (< ITEMS >)?`
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDecl {
    pub name: Option<Ident>,
    /// The preset, written either after `=` or in place of the name.
    pub preset: Option<Ident>,
    pub vault: Option<VaultTarget>,
    pub body: Option<PlanBody>,
    pub span: Span,
}

/// `-> vault NAME`
#[derive(Clone, Debug, PartialEq)]
pub struct VaultTarget {
    pub vault: Ident,
    pub span: Span,
}

/// `< ITEMS >`
#[derive(Clone, Debug, PartialEq)]
pub struct PlanBody {
    pub items: Vec<PlanItem>,
    pub span: Span,
}

/// One item of a plan body.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanItem {
    /// A plan property: `backup_plan_name = "x"`.
    Field(Field),
    Rule(RuleDecl),
    Select(SelectDecl),
    Error(Span),
}

impl PlanItem {
    pub fn span(&self) -> Span {
        match self {
            PlanItem::Field(f) => f.span,
            PlanItem::Rule(r) => r.span,
            PlanItem::Select(s) => s.span,
            PlanItem::Error(s) => *s,
        }
    }
}

/// `rule PRESET (-> vault V)? {overrides}?` or `rule NAME? (-> vault V)? { ... }`.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleDecl {
    /// Span of the `rule` keyword.
    pub keyword: Span,
    /// The preset or custom name after `rule`; which one it is the checker decides.
    pub name: Option<Ident>,
    /// Whether `name` was lexed as a reserved preset word.
    pub is_preset: bool,
    pub vault: Option<VaultTarget>,
    pub body: Option<Record>,
    pub span: Span,
}

/// `select NAME { ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct SelectDecl {
    pub keyword: Span,
    pub name: Option<Ident>,
    pub body: Option<Record>,
    pub span: Span,
}

/// `{ key = value, ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `key = value`. A field whose value could not be parsed has an error value.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: Key,
    pub value: Expr,
    pub span: Span,
}

/// A record key: an identifier or a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub quoted: bool,
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Mul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Mul => "*",
        }
    }
}

/// A duration unit as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Years,
}

impl Unit {
    pub fn from_suffix(s: &str) -> Option<Unit> {
        Some(match s {
            "min" => Unit::Minutes,
            "h" => Unit::Hours,
            "d" => Unit::Days,
            "w" => Unit::Weeks,
            "y" => Unit::Years,
            _ => return None,
        })
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Minutes => "min",
            Unit::Hours => "h",
            Unit::Days => "d",
            Unit::Weeks => "w",
            Unit::Years => "y",
        }
    }

    /// Length of one unit in minutes (a year is 365 days, a week 7).
    pub fn minutes(self) -> u64 {
        match self {
            Unit::Minutes => 1,
            Unit::Hours => 60,
            Unit::Days => 60 * 24,
            Unit::Weeks => 60 * 24 * 7,
            Unit::Years => 60 * 24 * 365,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Int(u64),
    Duration {
        amount: u64,
        unit: Unit,
    },
    Bool(bool),
    Str(Vec<StrPart>),
    /// A name: a `let`, a declaration, a builtin constant or a preset.
    Name(Ident),
    List(Vec<Expr>),
    Record(Record),
    /// `f(x, key = y)`
    Call {
        callee: Ident,
        args: Vec<Arg>,
        args_span: Span,
    },
    /// `deny { ... }`: a name applied to a record.
    Tagged {
        tag: Ident,
        record: Record,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Paren(Box<Expr>),
    /// Input that could not be parsed as an expression (already diagnosed).
    Error,
}

/// A piece of a string literal.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    /// Literal text with escapes resolved; the span covers the source text.
    Text(String, Span),
    /// `${expr}`; the span covers `${ ... }`. Boxed: most strings have no
    /// interpolation, and every part is as large as the largest kind.
    Interp(Box<Expr>, Span),
}

/// A call argument, positional or named.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Option<Ident>,
    pub value: Expr,
    pub span: Span,
}

impl Expr {
    pub fn error(span: Span) -> Expr {
        Expr {
            kind: ExprKind::Error,
            span,
        }
    }

    /// The literal text of a string without interpolations.
    pub fn as_plain_str(&self) -> Option<String> {
        match &self.kind {
            ExprKind::Str(parts) => parts
                .iter()
                .map(|p| match p {
                    StrPart::Text(t, _) => Some(t.as_str()),
                    StrPart::Interp(..) => None,
                })
                .collect::<Option<String>>(),
            _ => None,
        }
    }
}

impl Record {
    /// The first field named `key`.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key.name == key)
    }
}
