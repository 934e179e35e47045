//! IAM policy documents as `aws-iam`'s `PolicyStatement` and `PolicyDocument`
//! render them (statement merging off, as in an app without the
//! `@aws-cdk/aws-iam:minimizePolicies` flag).

use crate::intrinsics::account_root_arn;
use bkp_model::{Effect, JsonValue, Principal};
use serde_json::{Map, Value};

/// One statement before normalisation.
#[derive(Default)]
pub struct Statement {
    pub actions: Vec<Value>,
    /// `{ Operator: { key: value } }`, already in source order.
    pub conditions: Map<String, Value>,
    pub effect: &'static str,
    /// Principal fragments in the order added: `("AWS", "*")`, `("Service", ...)`.
    pub principals: Vec<(&'static str, Value)>,
    pub resources: Vec<Value>,
}

impl Statement {
    /// `normalizeStatement`: actions and resources are sets in insertion order
    /// and a single value is written bare; principals keep duplicates (each
    /// principal object is its own entry) and group by kind in the order the
    /// kinds first appear; empty parts are left out.
    pub fn render(self) -> Value {
        let mut out = Map::new();
        if let Some(a) = set_or_scalar(self.actions) {
            out.insert("Action".into(), a);
        }
        if !self.conditions.is_empty() {
            out.insert("Condition".into(), Value::Object(self.conditions));
        }
        out.insert("Effect".into(), Value::String(self.effect.into()));
        if !self.principals.is_empty() {
            let mut grouped: Vec<(&str, Vec<Value>)> = Vec::new();
            for (kind, value) in self.principals {
                match grouped.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, values)) => values.push(value),
                    None => grouped.push((kind, vec![value])),
                }
            }
            let principal: Map<String, Value> = grouped
                .into_iter()
                .map(|(k, mut v)| {
                    (
                        k.to_string(),
                        if v.len() == 1 {
                            v.remove(0)
                        } else {
                            Value::Array(v)
                        },
                    )
                })
                .collect();
            out.insert("Principal".into(), Value::Object(principal));
        }
        if let Some(r) = set_or_scalar(self.resources) {
            out.insert("Resource".into(), r);
        }
        Value::Object(out)
    }
}

/// Deduplicates keeping the first occurrence; `None` when empty, the value
/// itself when only one is left.
fn set_or_scalar(values: Vec<Value>) -> Option<Value> {
    let mut unique: Vec<Value> = Vec::new();
    for v in values {
        if !unique.contains(&v) {
            unique.push(v);
        }
    }
    match unique.len() {
        0 => None,
        1 => unique.pop(),
        _ => Some(Value::Array(unique)),
    }
}

/// How a document is rendered: an inline document property of an L2
/// (`toJSON`, statements kept as they are) or a policy resolved as a token
/// (identical statements dropped by the CDK's post-processor).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Inline,
    Resolved,
}

/// `{"Statement": [...], "Version": "2012-10-17"}`, or `None` without statements.
pub fn document(statements: Vec<Value>, rendering: Rendering) -> Option<Value> {
    if statements.is_empty() {
        return None;
    }
    let statements = match rendering {
        Rendering::Inline => statements,
        Rendering::Resolved => {
            let mut unique: Vec<Value> = Vec::new();
            for s in statements {
                if !unique.contains(&s) {
                    unique.push(s);
                }
            }
            unique
        }
    };
    let mut doc = Map::new();
    doc.insert("Statement".into(), Value::Array(statements));
    doc.insert("Version".into(), Value::String("2012-10-17".into()));
    Some(Value::Object(doc))
}

/// The policy fragment of a principal: its kind and value.
pub fn principal(p: &Principal) -> (&'static str, Value) {
    match p {
        Principal::Any => ("AWS", Value::String("*".into())),
        Principal::Account(account) => ("AWS", account_root_arn(account)),
        Principal::Arn(arn) => ("AWS", Value::String(arn.clone())),
        Principal::Service(service) => ("Service", Value::String(service_principal_name(service))),
    }
}

/// `ServicePrincipal`'s standardised name: `lambda`, `lambda.amazonaws.com`
/// and `lambda.amazonaws.com.cn` (and the ISO suffixes) all render as
/// `lambda.amazonaws.com`; anything else is kept as written.
pub fn service_principal_name(service: &str) -> String {
    let base = [
        "amazonaws.com.cn",
        "amazonaws.com",
        "c2s.ic.gov",
        "sc2s.sgov.gov",
    ]
    .iter()
    .find_map(|suffix| {
        service
            .strip_suffix(suffix)
            .and_then(|s| s.strip_suffix('.'))
    })
    .unwrap_or(service);
    if !base.is_empty() && !base.contains('.') {
        format!("{base}.amazonaws.com")
    } else {
        service.to_string()
    }
}

pub fn effect(e: Effect) -> &'static str {
    match e {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    }
}

/// A condition or tag value of the model as JSON.
pub fn json_value(v: &JsonValue) -> Value {
    match v {
        JsonValue::String(s) => Value::String(s.clone()),
        JsonValue::Int(i) => Value::from(*i),
        JsonValue::Bool(b) => Value::Bool(*b),
        JsonValue::List(items) => Value::Array(items.iter().map(json_value).collect()),
        JsonValue::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), json_value(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn service_principals_are_standardised() {
        assert_eq!(service_principal_name("lambda"), "lambda.amazonaws.com");
        assert_eq!(
            service_principal_name("lambda.amazonaws.com"),
            "lambda.amazonaws.com"
        );
        assert_eq!(
            service_principal_name("states.amazonaws.com.cn"),
            "states.amazonaws.com"
        );
        assert_eq!(service_principal_name("foo.example.com"), "foo.example.com");
        assert_eq!(
            service_principal_name("a.b.amazonaws.com"),
            "a.b.amazonaws.com"
        );
    }

    #[test]
    fn statement_normalisation() {
        let s = Statement {
            actions: vec![json!("x:y"), json!("x:y")],
            effect: "Deny",
            principals: vec![
                ("Service", json!("s")),
                ("AWS", json!("*")),
                ("AWS", json!("*")),
            ],
            ..Statement::default()
        };
        assert_eq!(
            serde_json::to_string(&s.render()).unwrap(),
            r#"{"Action":"x:y","Effect":"Deny","Principal":{"Service":"s","AWS":["*","*"]}}"#
        );
    }

    #[test]
    fn only_resolved_documents_drop_duplicate_statements() {
        let st = || json!({"Effect": "Allow"});
        assert_eq!(
            document(vec![st(), st()], Rendering::Inline).unwrap()["Statement"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            document(vec![st(), st()], Rendering::Resolved).unwrap()["Statement"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        assert_eq!(document(vec![], Rendering::Inline), None);
    }
}
