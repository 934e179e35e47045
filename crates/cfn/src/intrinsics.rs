//! CloudFormation intrinsic functions as the CDK renders them, and strings
//! that mix literal text with pseudo-parameters (`Fn::Join` with `""`).

use crate::json::{Json, Str, obj};
use bkp_model::{Arn, Env};

/// `{"Ref": name}`.
pub fn reference(name: impl Into<Str>) -> Json {
    obj! { "Ref" => Json::Str(name.into()) }
}

/// `{"Fn::GetAtt": [logical_id, attribute]}`.
pub fn get_att(logical_id: impl Into<Str>, attribute: &'static str) -> Json {
    obj! { "Fn::GetAtt" => vec![Json::Str(logical_id.into()), Json::from(attribute)] }
}

/// A string made of literal text and tokens, resolved as the CDK resolves a
/// concatenation: adjacent literals merge, a string with no token stays a
/// plain string, anything else is `{"Fn::Join": ["", [...]]}`.
#[derive(Default)]
pub struct Concat {
    parts: Vec<Json>,
}

impl Concat {
    pub fn new() -> Self {
        Concat::default()
    }

    /// Appends literal text.
    pub fn lit(mut self, text: &str) -> Self {
        if text.is_empty() {
            return self;
        }
        if let Some(Json::Str(last)) = self.parts.last_mut() {
            last.to_mut().push_str(text);
        } else {
            self.parts.push(Json::from(text.to_string()));
        }
        self
    }

    /// Appends a token (an intrinsic function).
    pub fn token(mut self, token: Json) -> Self {
        self.parts.push(token);
        self
    }

    pub fn build(mut self) -> Json {
        match self.parts.as_slice() {
            [] => Json::from(""),
            [Json::Str(_)] => self.parts.pop().expect("one part"),
            _ => obj! { "Fn::Join" => vec![Json::from(""), Json::Arr(self.parts)] },
        }
    }
}

/// `arn:${AWS::Partition}:` — the partition stays a `Ref` even in a stack
/// with a concrete region.
fn arn_prefix() -> Concat {
    Concat::new().lit("arn:").token(reference("AWS::Partition"))
}

/// `Stack.formatArn` for `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE{sep}NAME`:
/// the region and account are the stack's (pseudo-parameters when the stack
/// is environment-agnostic).
pub fn format_arn(env: Option<&Env>, service: &str, resource: &str, sep: char, name: &str) -> Json {
    let c = arn_prefix().lit(&format!(":{service}:"));
    let c = match env {
        Some(env) => c.lit(&format!("{}:{}", env.region, env.account)),
        None => c
            .token(reference("AWS::Region"))
            .lit(":")
            .token(reference("AWS::AccountId")),
    };
    c.lit(&format!(":{resource}{sep}{name}")).build()
}

/// An ARN of the model: verbatim, or formatted for the stack's environment.
pub fn arn(env: Option<&Env>, arn: &Arn) -> Json {
    match arn {
        Arn::Literal(s) => Json::from(s.clone()),
        Arn::Formatted {
            service,
            resource,
            sep,
            name,
        } => format_arn(env, service, resource, *sep, name),
    }
}

/// The ARN of an AWS managed policy, `ManagedPolicy.fromAwsManagedPolicyName`.
pub fn aws_managed_policy_arn(name: &str) -> Json {
    arn_prefix()
        .lit(&format!(":iam::aws:policy/{name}"))
        .build()
}

/// The ARN of an account's root principal, `AccountPrincipal`.
pub fn account_root_arn(account: &str) -> Json {
    arn_prefix().lit(&format!(":iam::{account}:root")).build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn value(j: Json) -> serde_json::Value {
        serde_json::to_value(j).unwrap()
    }

    #[test]
    fn concatenation() {
        assert_eq!(value(Concat::new().lit("a").lit("b").build()), json!("ab"));
        assert_eq!(
            value(
                Concat::new()
                    .lit("a")
                    .token(reference("X"))
                    .lit("b")
                    .lit("c")
                    .build()
            ),
            json!({"Fn::Join": ["", ["a", {"Ref": "X"}, "bc"]]})
        );
    }

    #[test]
    fn formatted_arns() {
        assert_eq!(
            value(format_arn(None, "backup", "backup-vault", ':', "v")),
            json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":backup:", {"Ref": "AWS::Region"}, ":",
                {"Ref": "AWS::AccountId"}, ":backup-vault:v"]]})
        );
        let env = Env {
            account: "123456789012".into(),
            region: "eu-west-1".into(),
        };
        assert_eq!(
            value(format_arn(Some(&env), "ec2", "instance", '/', "i-1")),
            json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":ec2:eu-west-1:123456789012:instance/i-1"]]})
        );
    }
}
