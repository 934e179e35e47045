//! CloudFormation intrinsic functions as the CDK renders them, and strings
//! that mix literal text with pseudo-parameters (`Fn::Join` with `""`).

use bkp_model::{Arn, Env};
use serde_json::{Value, json};

/// `{"Ref": name}`.
pub fn reference(name: &str) -> Value {
    json!({ "Ref": name })
}

/// `{"Fn::GetAtt": [logical_id, attribute]}`.
pub fn get_att(logical_id: &str, attribute: &str) -> Value {
    json!({ "Fn::GetAtt": [logical_id, attribute] })
}

/// A string made of literal text and tokens, resolved as the CDK resolves a
/// concatenation: adjacent literals merge, a string with no token stays a
/// plain string, anything else is `{"Fn::Join": ["", [...]]}`.
#[derive(Default)]
pub struct Concat {
    parts: Vec<Value>,
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
        if let Some(Value::String(last)) = self.parts.last_mut() {
            last.push_str(text);
        } else {
            self.parts.push(Value::String(text.to_string()));
        }
        self
    }

    /// Appends a token (an intrinsic function).
    pub fn token(mut self, token: Value) -> Self {
        self.parts.push(token);
        self
    }

    pub fn build(self) -> Value {
        match self.parts.as_slice() {
            [] => Value::String(String::new()),
            [Value::String(s)] => Value::String(s.clone()),
            _ => json!({ "Fn::Join": ["", self.parts] }),
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
pub fn format_arn(
    env: Option<&Env>,
    service: &str,
    resource: &str,
    sep: char,
    name: &str,
) -> Value {
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
pub fn arn(env: Option<&Env>, arn: &Arn) -> Value {
    match arn {
        Arn::Literal(s) => Value::String(s.clone()),
        Arn::Formatted {
            service,
            resource,
            sep,
            name,
        } => format_arn(env, service, resource, *sep, name),
    }
}

/// The ARN of an AWS managed policy, `ManagedPolicy.fromAwsManagedPolicyName`.
pub fn aws_managed_policy_arn(name: &str) -> Value {
    arn_prefix()
        .lit(&format!(":iam::aws:policy/{name}"))
        .build()
}

/// The ARN of an account's root principal, `AccountPrincipal`.
pub fn account_root_arn(account: &str) -> Value {
    arn_prefix().lit(&format!(":iam::{account}:root")).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenation() {
        assert_eq!(Concat::new().lit("a").lit("b").build(), json!("ab"));
        assert_eq!(
            Concat::new()
                .lit("a")
                .token(reference("X"))
                .lit("b")
                .lit("c")
                .build(),
            json!({"Fn::Join": ["", ["a", {"Ref": "X"}, "bc"]]})
        );
    }

    #[test]
    fn formatted_arns() {
        assert_eq!(
            format_arn(None, "backup", "backup-vault", ':', "v"),
            json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":backup:", {"Ref": "AWS::Region"}, ":",
                {"Ref": "AWS::AccountId"}, ":backup-vault:v"]]})
        );
        let env = Env {
            account: "123456789012".into(),
            region: "eu-west-1".into(),
        };
        assert_eq!(
            format_arn(Some(&env), "ec2", "instance", '/', "i-1"),
            json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":ec2:eu-west-1:123456789012:instance/i-1"]]})
        );
    }
}
