//! The resource model: the evaluated meaning of a bkp program as plain typed
//! data (vaults, plans, rules, selections, roles, grants). It is the output of
//! evaluation and the input of every backend, the REPL's `:show` and the
//! editor's hovers. Construct ids and paths are the AWS CDK's, so backends can
//! derive the CDK's logical ids and generated names from them.

use bkp_diagnostics::Span;
use std::borrow::Cow;
use std::fmt;

/// Index of a vault in [`Model::vaults`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VaultId(pub usize);

/// Index of a role in [`Model::roles`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleId(pub usize);

/// The whole program's meaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub stack: Stack,
    pub vaults: Vec<Vault>,
    pub roles: Vec<Role>,
    pub plans: Vec<Plan>,
    pub grants: Vec<Grant>,
    /// The order in which top-level constructs were declared.
    pub order: Vec<Construct>,
}

/// A top-level construct, for ordering output like the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Construct {
    Vault(VaultId),
    Role(RoleId),
    Plan(usize),
}

/// The stack the template is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stack {
    pub name: String,
    /// Concrete account and region; `None` is environment-agnostic.
    pub env: Option<Env>,
}

impl Default for Stack {
    fn default() -> Self {
        Stack {
            name: "Stack".into(),
            env: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    pub account: String,
    pub region: String,
}

/// A construct path below the stack, e.g. `["Plan", "Vault"]`.
pub type Path = Vec<String>;

/// A backup vault: created here or imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Vault {
    /// The construct path (the declaration's name, or `Plan/Vault`).
    pub path: Path,
    /// Where it is declared (the plan's span for a vault a plan creates).
    pub span: Span,
    pub kind: VaultKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VaultKind {
    /// `vault v = import "name"`
    ImportedName {
        name: String,
    },
    /// `vault v = import arn "arn:..."`; `name` is the ARN's resource name.
    ImportedArn {
        arn: String,
        name: String,
    },
    New(NewVault),
}

/// The properties of a vault created by the template.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewVault {
    /// `backup_vault_name`; `None` means a generated name.
    pub name: Option<String>,
    pub encryption_key_arn: Option<String>,
    pub notifications: Option<Notifications>,
    pub removal_policy: RemovalPolicy,
    pub block_recovery_point_deletion: bool,
    pub access_policy: Vec<PolicyStatement>,
    pub lock: Option<Lock>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notifications {
    pub topic_arn: String,
    /// The events as AWS names them (`BACKUP_JOB_FAILED`).
    pub events: Vec<String>,
}

/// `lock_configuration`, in whole days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    pub min_retention_days: u64,
    pub max_retention_days: Option<u64>,
    pub changeable_for_days: Option<u64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RemovalPolicy {
    #[default]
    Retain,
    Destroy,
    RetainOnUpdateOrDelete,
}

/// An IAM policy statement in a vault's access policy.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyStatement {
    pub effect: Effect,
    pub principals: Vec<Principal>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    /// `{ Operator = { key = value } }`, in source order.
    pub conditions: Vec<(String, Vec<(String, JsonValue)>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// `any_principal`: `{"AWS": "*"}`.
    Any,
    /// `account_principal("123456789012")`.
    Account(String),
    /// `arn_principal("arn:...")`.
    Arn(String),
    /// `service_principal("backup.amazonaws.com")`.
    Service(String),
}

/// A plain JSON-like value (condition values, tags).
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    String(String),
    Int(u64),
    Bool(bool),
    List(Vec<JsonValue>),
    Object(Vec<(String, JsonValue)>),
}

/// A backup plan with its rules and selections.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The construct id.
    pub id: String,
    pub span: Span,
    /// `backup_plan_name`, defaulting to the id.
    pub name: String,
    pub windows_vss: bool,
    pub rules: Vec<Rule>,
    pub selections: Vec<Selection>,
}

/// One rule of a plan, with every default applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The rule name; a preset's is static text, shared by every rule made from it.
    pub name: Cow<'static, str>,
    pub span: Span,
    /// The preset it came from, if any (`daily`, ...).
    pub preset: Option<&'static str>,
    pub vault: VaultId,
    /// The AWS schedule expression, `cron(...)` (static text for a preset).
    pub schedule: Option<Cow<'static, str>>,
    pub schedule_timezone: Option<String>,
    pub start_window_minutes: Option<u64>,
    pub completion_window_minutes: Option<u64>,
    pub delete_after_days: Option<u64>,
    pub move_to_cold_storage_after_days: Option<u64>,
    /// `None` when not given; an empty list is rendered as given.
    pub recovery_point_tags: Option<Vec<(String, String)>>,
    pub copy_actions: Option<Vec<CopyAction>>,
    pub index_actions: Option<Vec<Vec<IndexResourceType>>>,
    pub continuous_backup: Option<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CopyAction {
    pub destination: VaultId,
    pub delete_after_days: Option<u64>,
    pub move_to_cold_storage_after_days: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexResourceType {
    Ebs,
    S3,
}

impl IndexResourceType {
    pub fn aws_name(self) -> &'static str {
        match self {
            IndexResourceType::Ebs => "EBS",
            IndexResourceType::S3 => "S3",
        }
    }
}

/// A backup selection of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// The construct id (under the plan).
    pub id: String,
    pub span: Span,
    /// `backup_selection_name`, defaulting to the id.
    pub name: String,
    /// ARN-selected resources, in source order.
    pub resources: Vec<Arn>,
    /// `tag(key, value)` entries of `resources` (`ListOfTags`).
    pub tags: Vec<(String, String)>,
    pub conditions: Vec<Condition>,
    pub not_resources: Vec<Arn>,
    /// The role: an explicit one, or `None` for a role created for the selection.
    pub role: Option<RoleId>,
    pub allow_restores: bool,
    pub disable_default_backup_policy: bool,
}

/// A tag condition of a selection's `conditions`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub key: String,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConditionKind {
    StringEquals,
    StringLike,
    StringNotEquals,
    StringNotLike,
}

impl ConditionKind {
    pub fn aws_name(self) -> &'static str {
        match self {
            ConditionKind::StringEquals => "StringEquals",
            ConditionKind::StringLike => "StringLike",
            ConditionKind::StringNotEquals => "StringNotEquals",
            ConditionKind::StringNotLike => "StringNotLike",
        }
    }
}

/// An ARN: written out, or formatted from parts for the stack's environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arn {
    Literal(String),
    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE{sep}NAME`; the service
    /// and resource type come from the language's resource constructors.
    Formatted {
        service: &'static str,
        resource: &'static str,
        sep: char,
        name: String,
    },
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arn::Literal(s) => f.write_str(s),
            Arn::Formatted {
                service,
                resource,
                sep,
                name,
            } => {
                write!(
                    f,
                    "arn:${{Partition}}:{service}:${{Region}}:${{Account}}:{resource}{sep}{name}"
                )
            }
        }
    }
}

/// An IAM role: created here (with its grants) or imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// The construct id.
    pub id: String,
    pub span: Span,
    pub kind: RoleKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RoleKind {
    New { assumed_by: Principal },
    Imported { arn: String },
}

/// `grant ROLE ACTIONS on VAULT`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    pub role: RoleId,
    pub actions: Vec<String>,
    pub vault: VaultId,
    pub span: Span,
}

impl Model {
    pub fn vault(&self, id: VaultId) -> &Vault {
        &self.vaults[id.0]
    }

    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.0]
    }

    /// The vault declared (or created) at `path`.
    pub fn vault_by_path(&self, path: &[&str]) -> Option<VaultId> {
        self.vaults
            .iter()
            .position(|v| v.path.iter().map(String::as_str).eq(path.iter().copied()))
            .map(VaultId)
    }
}

impl Vault {
    /// The vault's id as people name it: the path joined with `/`.
    pub fn display_name(&self) -> String {
        self.path.join("/")
    }
}

impl Rule {
    /// A one-line description: "daily at 05:00 UTC, kept 35 days".
    pub fn describe(&self, model: &Model) -> String {
        let mut parts = Vec::new();
        match &self.schedule {
            Some(s) => parts.push(describe_cron(s, self.schedule_timezone.as_deref())),
            None if self.continuous_backup == Some(true) => parts.push("continuous backup".into()),
            None => parts.push("no schedule".into()),
        }
        if self.continuous_backup == Some(true) && self.schedule.is_some() {
            parts.push("with continuous backup".into());
        }
        if let Some(c) = self.move_to_cold_storage_after_days {
            parts.push(format!("cold storage after {}", days(c)));
        }
        match self.delete_after_days {
            Some(d) => parts.push(format!("kept {}", days(d))),
            None => parts.push("kept forever".into()),
        }
        parts.push(format!(
            "in vault {}",
            model.vault(self.vault).display_name()
        ));
        parts.join(", ")
    }
}

/// "1 day" / "35 days".
pub fn days(n: u64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// Describes `cron(m h dom mon dow y)` in words where it is a common shape.
pub fn describe_cron(expr: &str, tz: Option<&str>) -> String {
    let tz = tz.unwrap_or("UTC");
    let inner = expr
        .strip_prefix("cron(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(expr);
    let f: Vec<&str> = inner.split_whitespace().collect();
    if let [min, hour, dom, mon, dow, year] = f[..] {
        let numeric = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if numeric(min) && numeric(hour) && mon == "*" && year == "*" {
            let at = format!("at {:0>2}:{:0>2} {tz}", hour, min);
            let day_word = match (dom, dow) {
                ("*", "?") | ("?", "*") => Some("daily".to_string()),
                ("?", d) if d.chars().all(|c| c.is_ascii_alphabetic()) => {
                    Some(format!("weekly on {d}"))
                }
                (d, "?") if numeric(d) => Some(format!("monthly on day {d}")),
                _ => None,
            };
            if let Some(w) = day_word {
                return format!("{w} {at}");
            }
        }
    }
    format!("on schedule {expr} ({tz})")
}

impl fmt::Display for RemovalPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RemovalPolicy::Retain => "retain",
            RemovalPolicy::Destroy => "destroy",
            RemovalPolicy::RetainOnUpdateOrDelete => "retain_on_update_or_delete",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cron_descriptions() {
        assert_eq!(
            describe_cron("cron(0 5 * * ? *)", None),
            "daily at 05:00 UTC"
        );
        assert_eq!(
            describe_cron("cron(0 5 ? * SAT *)", None),
            "weekly on SAT at 05:00 UTC"
        );
        assert_eq!(
            describe_cron("cron(30 3 15 * ? *)", Some("Europe/Paris")),
            "monthly on day 15 at 03:30 Europe/Paris"
        );
        assert_eq!(
            describe_cron("cron(0/5 * * * ? *)", None),
            "on schedule cron(0/5 * * * ? *) (UTC)"
        );
    }
}
