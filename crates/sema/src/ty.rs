//! The types the checker knows.

use std::fmt;

/// A type of the language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    String,
    Int,
    Bool,
    Duration,
    Schedule,
    Vault,
    Role,
    Plan,
    Resource,
    Condition,
    Principal,
    Key,
    Topic,
    Event,
    RemovalPolicy,
    IndexType,
    PolicyStatement,
    PlanPreset,
    RulePreset,
    List(Box<Ty>),
    /// A record checked against a block schema.
    Block(crate::schema::BlockKind),
    /// A record with free keys whose values have this type.
    Map(Box<Ty>),
    /// A free-form JSON-like record (policy conditions).
    Json,
    /// The type of an erroneous expression: compatible with everything, so
    /// one error is reported once.
    Error,
}

impl Ty {
    pub fn list(inner: Ty) -> Ty {
        Ty::List(Box::new(inner))
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::String => f.write_str("String"),
            Ty::Int => f.write_str("Int"),
            Ty::Bool => f.write_str("Bool"),
            Ty::Duration => f.write_str("Duration"),
            Ty::Schedule => f.write_str("Schedule"),
            Ty::Vault => f.write_str("Vault"),
            Ty::Role => f.write_str("Role"),
            Ty::Plan => f.write_str("Plan"),
            Ty::Resource => f.write_str("Resource"),
            Ty::Condition => f.write_str("Condition"),
            Ty::Principal => f.write_str("Principal"),
            Ty::Key => f.write_str("Key"),
            Ty::Topic => f.write_str("Topic"),
            Ty::Event => f.write_str("Event"),
            Ty::RemovalPolicy => f.write_str("RemovalPolicy"),
            Ty::IndexType => f.write_str("IndexType"),
            Ty::PolicyStatement => f.write_str("PolicyStatement"),
            Ty::PlanPreset => f.write_str("PlanPreset"),
            Ty::RulePreset => f.write_str("RulePreset"),
            Ty::List(t) => write!(f, "List<{t}>"),
            Ty::Block(k) => write!(f, "{}", k.type_name()),
            Ty::Map(t) => write!(f, "Record<{t}>"),
            Ty::Json => f.write_str("Record"),
            Ty::Error => f.write_str("?"),
        }
    }
}
