//! IAM policy documents as `aws-iam`'s `PolicyStatement` and `PolicyDocument`
//! render them (statement merging off, as in an app without the
//! `@aws-cdk/aws-iam:minimizePolicies` flag).

use crate::intrinsics::account_root_arn;
use crate::json::{Json, Object, Str, obj};
use bkp_model::{Effect, JsonValue, Principal};

/// One statement before normalisation.
#[derive(Default)]
pub struct Statement {
    pub actions: Vec<Json>,
    /// `{ Operator: { key: value } }`, already in source order.
    pub conditions: Object,
    pub effect: &'static str,
    /// Principal fragments in the order added: `("AWS", "*")`, `("Service", ...)`.
    pub principals: Vec<(&'static str, Json)>,
    pub resources: Vec<Json>,
}

impl Statement {
    /// `normalizeStatement`: actions and resources are sets in insertion order
    /// and a single value is written bare; principals keep duplicates (each
    /// principal object is its own entry) and group by kind in the order the
    /// kinds first appear; empty parts are left out.
    pub fn render(self) -> Json {
        let mut out = Object::with_capacity(5);
        if let Some(a) = set_or_scalar(self.actions) {
            out.push("Action", a);
        }
        if !self.conditions.is_empty() {
            out.push("Condition", self.conditions);
        }
        out.push("Effect", self.effect);
        if !self.principals.is_empty() {
            let mut grouped: Vec<(&'static str, Vec<Json>)> = Vec::new();
            for (kind, value) in self.principals {
                match grouped.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, values)) => values.push(value),
                    None => grouped.push((kind, vec![value])),
                }
            }
            let mut principal = Object::with_capacity(grouped.len());
            for (k, mut v) in grouped {
                let value = if v.len() == 1 {
                    v.remove(0)
                } else {
                    Json::Arr(v)
                };
                principal.push(k, value);
            }
            out.push("Principal", principal);
        }
        if let Some(r) = set_or_scalar(self.resources) {
            out.push("Resource", r);
        }
        Json::Obj(out)
    }
}

/// Deduplicates keeping the first occurrence; `None` when empty, the value
/// itself when only one is left.
fn set_or_scalar(values: Vec<Json>) -> Option<Json> {
    let mut unique: Vec<Json> = Vec::new();
    for v in values {
        if !unique.contains(&v) {
            unique.push(v);
        }
    }
    match unique.len() {
        0 => None,
        1 => unique.pop(),
        _ => Some(Json::Arr(unique)),
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
pub fn document(statements: Vec<Json>, rendering: Rendering) -> Option<Json> {
    if statements.is_empty() {
        return None;
    }
    let statements = match rendering {
        Rendering::Inline => statements,
        Rendering::Resolved => {
            let mut unique: Vec<Json> = Vec::new();
            for s in statements {
                if !unique.contains(&s) {
                    unique.push(s);
                }
            }
            unique
        }
    };
    Some(obj! { "Statement" => statements, "Version" => "2012-10-17" })
}

/// The policy fragment of a principal: its kind and value.
pub fn principal(p: &Principal) -> (&'static str, Json) {
    match p {
        Principal::Any => ("AWS", Json::from("*")),
        Principal::Account(account) => ("AWS", account_root_arn(account)),
        Principal::Arn(arn) => ("AWS", Json::from(arn.clone())),
        Principal::Service(service) => ("Service", Json::from(service_principal_name(service))),
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
pub fn json_value(v: &JsonValue) -> Json {
    match v {
        JsonValue::String(s) => Json::from(s.clone()),
        JsonValue::Int(i) => Json::Num(*i),
        JsonValue::Bool(b) => Json::Bool(*b),
        JsonValue::List(items) => items.iter().map(json_value).collect(),
        JsonValue::Object(fields) => Json::Obj(
            fields
                .iter()
                .map(|(k, v)| (Str::from(k.clone()), json_value(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            actions: vec![Json::from("x:y"), Json::from("x:y")],
            effect: "Deny",
            principals: vec![
                ("Service", Json::from("s")),
                ("AWS", Json::from("*")),
                ("AWS", Json::from("*")),
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
        let st = || obj! { "Effect" => "Allow" };
        let statements = |d: Option<Json>| match d.unwrap().get("Statement") {
            Some(Json::Arr(s)) => s.len(),
            other => panic!("{other:?}"),
        };
        assert_eq!(statements(document(vec![st(), st()], Rendering::Inline)), 2);
        assert_eq!(
            statements(document(vec![st(), st()], Rendering::Resolved)),
            1
        );
        assert_eq!(document(vec![], Rendering::Inline), None);
    }
}
