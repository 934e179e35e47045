//! Values of evaluated expressions.

use crate::schema::{PlanPreset, RulePreset};
use crate::ty::Ty;
use bkp_diagnostics::Span;
use bkp_model::{Arn, Condition, IndexResourceType, Principal, RemovalPolicy};
use std::fmt;

/// A value with the span of the expression that produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    pub value: Value,
    pub span: Span,
}

impl Spanned {
    /// The value of an erroneous expression at `span` (already diagnosed).
    pub fn error(span: Span) -> Spanned {
        Spanned {
            value: Value::Error,
            span,
        }
    }
}

/// What a resource constructor selects.
#[derive(Clone, Debug, PartialEq)]
pub enum ResourceValue {
    Arn { arn: Arn, kind: ResourceKind },
    Tag { key: String, value: String },
}

/// The kind of resource a constructor names (for continuous-backup support).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceKind {
    Ec2Instance,
    EfsFileSystem,
    RdsInstance,
    RdsCluster,
    RdsServerlessCluster,
    DynamoDbTable,
    Arn,
}

/// One field of a record value.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordField {
    pub key: String,
    pub key_span: Span,
    pub value: Spanned,
}

/// An evaluated value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(u64),
    /// A duration in minutes.
    Duration(u64),
    Bool(bool),
    Str(String),
    List(Vec<Spanned>),
    Record(Vec<RecordField>),
    /// An AWS schedule expression, `cron(...)`.
    Schedule(String),
    Resource(ResourceValue),
    Condition(Condition),
    Principal(Principal),
    Key(String),
    Topic(String),
    /// A vault event by its AWS name.
    Event(&'static str),
    /// A removal policy; `None` is `snapshot`, which vaults reject.
    Removal(Option<RemovalPolicy>),
    Index(IndexResourceType),
    /// `allow { ... }` / `deny { ... }`.
    Statement {
        allow: bool,
        fields: Vec<RecordField>,
    },
    /// A reference to a declaration (by definition index).
    Vault(usize),
    Role(usize),
    Plan(usize),
    PlanPreset(&'static PlanPreset),
    RulePreset(&'static RulePreset),
    /// The value of an erroneous expression (already diagnosed).
    Error,
}

impl Value {
    /// The value's type.
    pub fn ty(&self) -> Ty {
        match self {
            Value::Int(_) => Ty::Int,
            Value::Duration(_) => Ty::Duration,
            Value::Bool(_) => Ty::Bool,
            Value::Str(_) => Ty::String,
            Value::List(items) => {
                let mut tys = items
                    .iter()
                    .map(|i| i.value.ty())
                    .filter(|t| *t != Ty::Error);
                let first = tys.next().unwrap_or(Ty::Error);
                Ty::list(if tys.all(|t| t == first) {
                    first
                } else {
                    Ty::Error
                })
            }
            Value::Record(_) => Ty::Json,
            Value::Schedule(_) => Ty::Schedule,
            Value::Resource(_) => Ty::Resource,
            Value::Condition(_) => Ty::Condition,
            Value::Principal(_) => Ty::Principal,
            Value::Key(_) => Ty::Key,
            Value::Topic(_) => Ty::Topic,
            Value::Event(_) => Ty::Event,
            Value::Removal(_) => Ty::RemovalPolicy,
            Value::Index(_) => Ty::IndexType,
            Value::Statement { .. } => Ty::PolicyStatement,
            Value::Vault(_) => Ty::Vault,
            Value::Role(_) => Ty::Role,
            Value::Plan(_) => Ty::Plan,
            Value::PlanPreset(_) => Ty::PlanPreset,
            Value::RulePreset(_) => Ty::RulePreset,
            Value::Error => Ty::Error,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Value::Error)
    }
}

/// Formats a duration in minutes the way it would be written: `35d`, `90min`.
pub fn format_duration(minutes: u64) -> String {
    const DAY: u64 = 24 * 60;
    if minutes == 0 {
        "0d".into()
    } else if minutes.is_multiple_of(DAY) {
        format!("{}d", minutes / DAY)
    } else if minutes.is_multiple_of(60) {
        format!("{}h", minutes / 60)
    } else {
        format!("{minutes}min")
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Duration(m) => f.write_str(&format_duration(*m)),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", it.value)?;
                }
                f.write_str("]")
            }
            Value::Record(fields) | Value::Statement { fields, .. } => {
                if let Value::Statement { allow, .. } = self {
                    f.write_str(if *allow { "allow " } else { "deny " })?;
                }
                f.write_str("{ ")?;
                for (i, fl) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} = {}", fl.key, fl.value.value)?;
                }
                f.write_str(" }")
            }
            Value::Schedule(s) => f.write_str(s),
            Value::Resource(ResourceValue::Arn { arn, .. }) => write!(f, "{arn}"),
            Value::Resource(ResourceValue::Tag { key, value }) => {
                write!(f, "tag({key:?}, {value:?})")
            }
            Value::Condition(c) => write!(f, "{}({:?}, {:?})", c.kind.aws_name(), c.key, c.value),
            Value::Principal(p) => match p {
                Principal::Any => f.write_str("any_principal"),
                Principal::Account(a) => write!(f, "account_principal({a:?})"),
                Principal::Arn(a) => write!(f, "arn_principal({a:?})"),
                Principal::Service(s) => write!(f, "service_principal({s:?})"),
            },
            Value::Key(a) => write!(f, "kms_key({a:?})"),
            Value::Topic(a) => write!(f, "sns_topic({a:?})"),
            Value::Event(e) => f.write_str(&e.to_ascii_lowercase()),
            Value::Removal(Some(r)) => write!(f, "{r}"),
            Value::Removal(None) => f.write_str("snapshot"),
            Value::Index(i) => f.write_str(&i.aws_name().to_ascii_lowercase()),
            Value::Vault(_) => f.write_str("<vault>"),
            Value::Role(_) => f.write_str("<role>"),
            Value::Plan(_) => f.write_str("<plan>"),
            Value::PlanPreset(p) => f.write_str(p.name),
            Value::RulePreset(p) => f.write_str(p.name),
            Value::Error => f.write_str("<error>"),
        }
    }
}
