//! The schemas of every block, builtin function, constant and preset, as
//! data. The checker validates against them; the IDE completes and documents
//! from them.

use crate::ty::Ty;
use std::sync::OnceLock;

/// The kinds of record the language checks against a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Vault,
    Role,
    Stack,
    /// Plan properties inside `< >`.
    Plan,
    Rule,
    Select,
    LockConfiguration,
    CopyAction,
    IndexAction,
    Statement,
}

impl BlockKind {
    pub fn type_name(self) -> &'static str {
        match self {
            BlockKind::Vault => "VaultProps",
            BlockKind::Role => "RoleProps",
            BlockKind::Stack => "StackProps",
            BlockKind::Plan => "PlanProps",
            BlockKind::Rule => "RuleProps",
            BlockKind::Select => "SelectionProps",
            BlockKind::LockConfiguration => "LockConfiguration",
            BlockKind::CopyAction => "CopyAction",
            BlockKind::IndexAction => "IndexAction",
            BlockKind::Statement => "PolicyStatement",
        }
    }

    /// How the block is named in messages: "a rule", "a vault".
    pub fn noun(self) -> &'static str {
        match self {
            BlockKind::Vault => "a vault",
            BlockKind::Role => "a role",
            BlockKind::Stack => "a stack",
            BlockKind::Plan => "a plan",
            BlockKind::Rule => "a rule",
            BlockKind::Select => "a selection",
            BlockKind::LockConfiguration => "a lock configuration",
            BlockKind::CopyAction => "a copy action",
            BlockKind::IndexAction => "an index action",
            BlockKind::Statement => "a policy statement",
        }
    }

    pub fn fields(self) -> &'static [FieldSchema] {
        match self {
            BlockKind::Vault => VAULT_FIELDS,
            BlockKind::Role => ROLE_FIELDS,
            BlockKind::Stack => STACK_FIELDS,
            BlockKind::Plan => PLAN_FIELDS,
            BlockKind::Rule => RULE_FIELDS,
            BlockKind::Select => SELECT_FIELDS,
            BlockKind::LockConfiguration => LOCK_FIELDS,
            BlockKind::CopyAction => COPY_FIELDS,
            BlockKind::IndexAction => INDEX_FIELDS,
            BlockKind::Statement => STATEMENT_FIELDS,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static FieldSchema> {
        self.fields().iter().find(|f| f.name == name)
    }
}

/// The type of a field, as a constructor (types are not `const`-buildable
/// when they nest).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldTy {
    String,
    Bool,
    Duration,
    Schedule,
    Vault,
    Role,
    Key,
    Topic,
    Principal,
    RemovalPolicy,
    Events,
    Statements,
    Resources,
    Conditions,
    Strings,
    StringMap,
    Json,
    Block(BlockKind),
    Blocks(BlockKind),
    IndexTypes,
    Principals,
}

impl FieldTy {
    pub fn ty(self) -> Ty {
        match self {
            FieldTy::String => Ty::String,
            FieldTy::Bool => Ty::Bool,
            FieldTy::Duration => Ty::Duration,
            FieldTy::Schedule => Ty::Schedule,
            FieldTy::Vault => Ty::Vault,
            FieldTy::Role => Ty::Role,
            FieldTy::Key => Ty::Key,
            FieldTy::Topic => Ty::Topic,
            FieldTy::Principal => Ty::Principal,
            FieldTy::RemovalPolicy => Ty::RemovalPolicy,
            FieldTy::Events => Ty::list(Ty::Event),
            FieldTy::Statements => Ty::list(Ty::PolicyStatement),
            FieldTy::Resources => Ty::list(Ty::Resource),
            FieldTy::Conditions => Ty::list(Ty::Condition),
            FieldTy::Strings => Ty::list(Ty::String),
            FieldTy::StringMap => Ty::Map(Box::new(Ty::String)),
            FieldTy::Json => Ty::Json,
            FieldTy::Block(k) => Ty::Block(k),
            FieldTy::Blocks(k) => Ty::list(Ty::Block(k)),
            FieldTy::IndexTypes => Ty::list(Ty::IndexType),
            FieldTy::Principals => Ty::list(Ty::Principal),
        }
    }
}

/// One field of a block.
#[derive(Clone, Copy, Debug)]
pub struct FieldSchema {
    pub name: &'static str,
    pub ty: FieldTy,
    pub required: bool,
    /// What it means, in the CDK's terms.
    pub doc: &'static str,
    /// What applies when it is left out.
    pub default: &'static str,
}

const fn f(
    name: &'static str,
    ty: FieldTy,
    doc: &'static str,
    default: &'static str,
) -> FieldSchema {
    FieldSchema {
        name,
        ty,
        required: false,
        doc,
        default,
    }
}

const fn req(name: &'static str, ty: FieldTy, doc: &'static str) -> FieldSchema {
    FieldSchema {
        name,
        ty,
        required: true,
        doc,
        default: "required",
    }
}

pub const VAULT_FIELDS: &[FieldSchema] = &[
    f(
        "backup_vault_name",
        FieldTy::String,
        "The name of the vault: 2 to 50 letters, digits, `-` or `_`.",
        "a unique name generated from the stack and construct path",
    ),
    f(
        "encryption_key",
        FieldTy::Key,
        "The KMS key that encrypts recovery points: `kms_key(\"arn:...\")`.",
        "an AWS managed key for AWS Backup",
    ),
    f(
        "notification_topic",
        FieldTy::Topic,
        "The SNS topic that receives vault events: `sns_topic(\"arn:...\")`.",
        "no notifications",
    ),
    f(
        "notification_events",
        FieldTy::Events,
        "The vault events sent to `notification_topic`.",
        "all events",
    ),
    f(
        "removal_policy",
        FieldTy::RemovalPolicy,
        "What happens to the vault when it leaves the stack: `retain`, `destroy` or `retain_on_update_or_delete`.",
        "retain",
    ),
    f(
        "access_policy",
        FieldTy::Statements,
        "Resource policy statements of the vault: `[deny { ... }, allow { ... }]`.",
        "no access policy",
    ),
    f(
        "block_recovery_point_deletion",
        FieldTy::Bool,
        "Deny deleting recovery points and changing their lifecycle to everyone, in the access policy.",
        "false",
    ),
    f(
        "lock_configuration",
        FieldTy::Block(BlockKind::LockConfiguration),
        "AWS Backup Vault Lock: `{ min_retention = 7d, max_retention = 10y, changeable_for = 3d }`.",
        "no vault lock",
    ),
];

pub const ROLE_FIELDS: &[FieldSchema] = &[req(
    "assumed_by",
    FieldTy::Principal,
    "Who may assume the role: `service_principal(\"lambda.amazonaws.com\")`.",
)];

pub const STACK_FIELDS: &[FieldSchema] = &[
    f(
        "account",
        FieldTy::String,
        "The AWS account id of the stack; makes ARNs concrete.",
        "environment-agnostic",
    ),
    f(
        "region",
        FieldTy::String,
        "The AWS region of the stack; makes ARNs concrete.",
        "environment-agnostic",
    ),
];

pub const PLAN_FIELDS: &[FieldSchema] = &[
    f(
        "backup_plan_name",
        FieldTy::String,
        "The display name of the backup plan.",
        "the plan's id",
    ),
    f(
        "windows_vss",
        FieldTy::Bool,
        "Enable Windows VSS (application-consistent) backups of EC2 instances.",
        "false",
    ),
    f(
        "backup_vault",
        FieldTy::Vault,
        "The vault of the plan's rules; same as `-> vault V` after the plan's name.",
        "a new vault created for the plan",
    ),
];

pub const RULE_FIELDS: &[FieldSchema] = &[
    f(
        "rule_name",
        FieldTy::String,
        "The rule's name; a custom rule's name after `rule` sets it too.",
        "the preset's name, or `<PlanId>Rule<N>`",
    ),
    f(
        "schedule",
        FieldTy::Schedule,
        "When backups start: `cron(hour = \"3\", minute = \"0\")` or `cron(\"0 3 * * ? *\")`.",
        "no schedule",
    ),
    f(
        "schedule_expression_timezone",
        FieldTy::String,
        "The IANA time zone of the schedule, e.g. \"Europe/Paris\".",
        "UTC",
    ),
    f(
        "start_window",
        FieldTy::Duration,
        "How long after the scheduled time a job may start before it is canceled.",
        "8 hours (AWS default)",
    ),
    f(
        "completion_window",
        FieldTy::Duration,
        "How long a job may run before AWS Backup cancels it.",
        "7 days (AWS default)",
    ),
    f(
        "move_to_cold_storage_after",
        FieldTy::Duration,
        "When recovery points move to cold storage (whole days).",
        "never",
    ),
    f(
        "delete_after",
        FieldTy::Duration,
        "When recovery points are deleted (whole days).",
        "never (35 days with continuous backup)",
    ),
    f(
        "recovery_point_tags",
        FieldTy::StringMap,
        "Tags added to the recovery points: `{ team = \"data\" }`.",
        "no tags",
    ),
    f(
        "copy_actions",
        FieldTy::Blocks(BlockKind::CopyAction),
        "Copies of each recovery point to other vaults: `[{ destination_backup_vault = v, delete_after = 365d }]`.",
        "no copies",
    ),
    f(
        "index_actions",
        FieldTy::Blocks(BlockKind::IndexAction),
        "Backup indexes to create: `[{ resource_types = [ebs, s3] }]`.",
        "no indexes",
    ),
    f(
        "enable_continuous_backup",
        FieldTy::Bool,
        "Continuous backup for point-in-time restore (1 to 35 days of retention).",
        "false",
    ),
    f(
        "backup_vault",
        FieldTy::Vault,
        "The vault of this rule; same as `-> vault V` after the rule.",
        "the plan's vault",
    ),
];

pub const SELECT_FIELDS: &[FieldSchema] = &[
    req(
        "resources",
        FieldTy::Resources,
        "What to back up: `dynamodb_table(\"t\")`, `ec2_instance(\"i-..\")`, `arn(\"...\")`, `tag(\"k\", \"v\")`, ...",
    ),
    f(
        "allow_restores",
        FieldTy::Bool,
        "Also attach `AWSBackupServiceRolePolicyForRestores` to the selection's role.",
        "false",
    ),
    f(
        "disable_default_backup_policy",
        FieldTy::Bool,
        "Don't attach `AWSBackupServiceRolePolicyForBackup` to the selection's role.",
        "false",
    ),
    f(
        "role",
        FieldTy::Role,
        "The IAM role AWS Backup uses for this selection.",
        "a new role assumed by backup.amazonaws.com",
    ),
    f(
        "backup_selection_name",
        FieldTy::String,
        "The name of the selection.",
        "the selection's id",
    ),
    f(
        "conditions",
        FieldTy::Conditions,
        "Tag conditions that every selected resource must meet (AND): `tag_equals`, `tag_like`, `tag_not_equals`, `tag_not_like`.",
        "none",
    ),
    f(
        "not_resources",
        FieldTy::Resources,
        "Resources excluded from the selection (no `tag`).",
        "none",
    ),
];

pub const LOCK_FIELDS: &[FieldSchema] = &[
    req(
        "min_retention",
        FieldTy::Duration,
        "The shortest retention a recovery point in the vault may have (at least 1 day).",
    ),
    f(
        "max_retention",
        FieldTy::Duration,
        "The longest retention a recovery point in the vault may have (at most 36500 days).",
        "no maximum",
    ),
    f(
        "changeable_for",
        FieldTy::Duration,
        "The cooling-off time before the lock becomes immutable (at least 72 hours).",
        "the lock stays in governance mode",
    ),
];

pub const COPY_FIELDS: &[FieldSchema] = &[
    req(
        "destination_backup_vault",
        FieldTy::Vault,
        "The vault that receives the copy.",
    ),
    f(
        "delete_after",
        FieldTy::Duration,
        "When the copy is deleted (whole days).",
        "never",
    ),
    f(
        "move_to_cold_storage_after",
        FieldTy::Duration,
        "When the copy moves to cold storage (whole days).",
        "never",
    ),
];

pub const INDEX_FIELDS: &[FieldSchema] = &[req(
    "resource_types",
    FieldTy::IndexTypes,
    "The resource types whose backups are indexed: `ebs`, `s3`.",
)];

pub const STATEMENT_FIELDS: &[FieldSchema] = &[
    f(
        "principals",
        FieldTy::Principals,
        "Who the statement applies to: `any_principal`, `account_principal(\"...\")`, `arn_principal(\"...\")`, `service_principal(\"...\")`.",
        "none",
    ),
    f(
        "actions",
        FieldTy::Strings,
        "The actions, e.g. `[\"backup:DeleteRecoveryPoint\"]`.",
        "none",
    ),
    f(
        "resources",
        FieldTy::Strings,
        "The resources, e.g. `[\"*\"]`.",
        "none",
    ),
    f(
        "conditions",
        FieldTy::Json,
        "IAM conditions: `{ StringNotLike = { \"aws:userId\" = [\"user1\"] } }`.",
        "none",
    ),
];

/// A builtin function.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    pub name: &'static str,
    /// Parameter names, in order.
    pub params: &'static [&'static str],
    pub result: BuiltinResult,
    pub doc: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinResult {
    Schedule,
    Key,
    Topic,
    Principal,
    Resource,
    Condition,
}

impl BuiltinResult {
    pub fn ty(self) -> Ty {
        match self {
            BuiltinResult::Schedule => Ty::Schedule,
            BuiltinResult::Key => Ty::Key,
            BuiltinResult::Topic => Ty::Topic,
            BuiltinResult::Principal => Ty::Principal,
            BuiltinResult::Resource => Ty::Resource,
            BuiltinResult::Condition => Ty::Condition,
        }
    }
}

pub const CRON_FIELDS: &[&str] = &["minute", "hour", "day", "month", "week_day", "year"];

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "cron",
        params: CRON_FIELDS,
        result: BuiltinResult::Schedule,
        doc: "A cron schedule: `cron(hour = \"3\", minute = \"0\")` (missing fields default as in the CDK: `*`, or `?` for the day fields) or `cron(\"0 3 * * ? *\")` with the six AWS fields.",
    },
    Builtin {
        name: "kms_key",
        params: &["arn"],
        result: BuiltinResult::Key,
        doc: "An existing KMS key, by ARN.",
    },
    Builtin {
        name: "sns_topic",
        params: &["arn"],
        result: BuiltinResult::Topic,
        doc: "An existing SNS topic, by ARN.",
    },
    Builtin {
        name: "service_principal",
        params: &["service"],
        result: BuiltinResult::Principal,
        doc: "An AWS service principal, e.g. `service_principal(\"backup.amazonaws.com\")`.",
    },
    Builtin {
        name: "account_principal",
        params: &["account"],
        result: BuiltinResult::Principal,
        doc: "The principals of an AWS account.",
    },
    Builtin {
        name: "arn_principal",
        params: &["arn"],
        result: BuiltinResult::Principal,
        doc: "An IAM principal by ARN.",
    },
    Builtin {
        name: "ec2_instance",
        params: &["instance_id"],
        result: BuiltinResult::Resource,
        doc: "An EC2 instance by id (`i-...`), as the ARN `arn:...:ec2:REGION:ACCOUNT:instance/ID`.",
    },
    Builtin {
        name: "efs_file_system",
        params: &["file_system_id"],
        result: BuiltinResult::Resource,
        doc: "An EFS file system by id (`fs-...`), as the ARN `arn:...:elasticfilesystem:REGION:ACCOUNT:file-system/ID`.",
    },
    Builtin {
        name: "rds_instance",
        params: &["instance_id"],
        result: BuiltinResult::Resource,
        doc: "An RDS database instance by identifier, as the ARN `arn:...:rds:REGION:ACCOUNT:db:ID`.",
    },
    Builtin {
        name: "rds_cluster",
        params: &["cluster_id"],
        result: BuiltinResult::Resource,
        doc: "An RDS (Aurora) database cluster by identifier, as the ARN `arn:...:rds:REGION:ACCOUNT:cluster:ID`.",
    },
    Builtin {
        name: "rds_serverless_cluster",
        params: &["cluster_id"],
        result: BuiltinResult::Resource,
        doc: "An Aurora Serverless cluster by identifier, as the ARN `arn:...:rds:REGION:ACCOUNT:cluster:ID`.",
    },
    Builtin {
        name: "dynamodb_table",
        params: &["table_name"],
        result: BuiltinResult::Resource,
        doc: "A DynamoDB table by name, as the ARN `arn:...:dynamodb:REGION:ACCOUNT:table/NAME`.",
    },
    Builtin {
        name: "arn",
        params: &["arn"],
        result: BuiltinResult::Resource,
        doc: "Any resource by its ARN, verbatim.",
    },
    Builtin {
        name: "tag",
        params: &["key", "value"],
        result: BuiltinResult::Resource,
        doc: "Every resource tagged `key = value` (ListOfTags). With ARNs in the same `resources`, a resource matching either is selected.",
    },
    Builtin {
        name: "tag_equals",
        params: &["key", "value"],
        result: BuiltinResult::Condition,
        doc: "Condition: the resource's tag `key` equals `value`.",
    },
    Builtin {
        name: "tag_like",
        params: &["key", "value"],
        result: BuiltinResult::Condition,
        doc: "Condition: the resource's tag `key` matches the pattern `value` (`*` wildcards).",
    },
    Builtin {
        name: "tag_not_equals",
        params: &["key", "value"],
        result: BuiltinResult::Condition,
        doc: "Condition: the resource's tag `key` is not `value`.",
    },
    Builtin {
        name: "tag_not_like",
        params: &["key", "value"],
        result: BuiltinResult::Condition,
        doc: "Condition: the resource's tag `key` does not match the pattern `value`.",
    },
];

pub fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// A builtin constant.
#[derive(Clone, Copy, Debug)]
pub struct Constant {
    pub name: &'static str,
    pub kind: ConstKind,
    pub doc: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstKind {
    AnyPrincipal,
    Removal(Option<bkp_model::RemovalPolicy>),
    /// A vault event with its AWS name.
    Event(&'static str),
    Index(bkp_model::IndexResourceType),
}

impl ConstKind {
    pub fn ty(self) -> Ty {
        match self {
            ConstKind::AnyPrincipal => Ty::Principal,
            ConstKind::Removal(_) => Ty::RemovalPolicy,
            ConstKind::Event(_) => Ty::Event,
            ConstKind::Index(_) => Ty::IndexType,
        }
    }
}

macro_rules! events {
    ($($name:literal => $aws:literal),* $(,)?) => {
        &[$(Constant { name: $name, kind: ConstKind::Event($aws), doc: concat!("The vault event `", $aws, "`.") }),*]
    };
}

/// Vault events, in the order the CDK lists them (its default is all of them).
pub const EVENTS: &[Constant] = events! {
    "backup_job_started" => "BACKUP_JOB_STARTED",
    "backup_job_completed" => "BACKUP_JOB_COMPLETED",
    "backup_job_successful" => "BACKUP_JOB_SUCCESSFUL",
    "backup_job_failed" => "BACKUP_JOB_FAILED",
    "backup_job_expired" => "BACKUP_JOB_EXPIRED",
    "restore_job_started" => "RESTORE_JOB_STARTED",
    "restore_job_completed" => "RESTORE_JOB_COMPLETED",
    "restore_job_successful" => "RESTORE_JOB_SUCCESSFUL",
    "restore_job_failed" => "RESTORE_JOB_FAILED",
    "copy_job_started" => "COPY_JOB_STARTED",
    "copy_job_successful" => "COPY_JOB_SUCCESSFUL",
    "copy_job_failed" => "COPY_JOB_FAILED",
    "recovery_point_modified" => "RECOVERY_POINT_MODIFIED",
    "backup_plan_created" => "BACKUP_PLAN_CREATED",
    "backup_plan_modified" => "BACKUP_PLAN_MODIFIED",
    "s3_backup_object_failed" => "S3_BACKUP_OBJECT_FAILED",
    "s3_restore_object_failed" => "S3_RESTORE_OBJECT_FAILED",
};

pub const OTHER_CONSTANTS: &[Constant] = &[
    Constant {
        name: "any_principal",
        kind: ConstKind::AnyPrincipal,
        doc: "Every principal (`\"AWS\": \"*\"`).",
    },
    Constant {
        name: "retain",
        kind: ConstKind::Removal(Some(bkp_model::RemovalPolicy::Retain)),
        doc: "Keep the vault when it leaves the stack or is replaced (the default).",
    },
    Constant {
        name: "destroy",
        kind: ConstKind::Removal(Some(bkp_model::RemovalPolicy::Destroy)),
        doc: "Delete the vault when it leaves the stack (it must be empty).",
    },
    Constant {
        name: "retain_on_update_or_delete",
        kind: ConstKind::Removal(Some(bkp_model::RemovalPolicy::RetainOnUpdateOrDelete)),
        doc: "Keep the vault on replacement and deletion, but not when its creation fails.",
    },
    Constant {
        name: "snapshot",
        kind: ConstKind::Removal(None),
        doc: "Not valid for vaults: CloudFormation rejects `Snapshot` on AWS::Backup::BackupVault.",
    },
    Constant {
        name: "ebs",
        kind: ConstKind::Index(bkp_model::IndexResourceType::Ebs),
        doc: "EBS snapshots (index actions).",
    },
    Constant {
        name: "s3",
        kind: ConstKind::Index(bkp_model::IndexResourceType::S3),
        doc: "S3 backups (index actions).",
    },
];

pub fn constant(name: &str) -> Option<&'static Constant> {
    EVENTS
        .iter()
        .chain(OTHER_CONSTANTS)
        .find(|c| c.name == name)
}

/// A rule preset: the CDK's `BackupPlanRule.daily()` and friends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RulePreset {
    pub name: &'static str,
    /// The rule name the CDK gives it.
    pub rule_name: &'static str,
    /// `(minute, hour, day, week_day)` of its cron schedule.
    pub cron: (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    ),
    pub delete_after_days: u64,
    pub move_to_cold_days: Option<u64>,
    pub doc: &'static str,
}

pub const RULE_PRESETS: &[RulePreset] = &[
    RulePreset {
        name: "daily",
        rule_name: "Daily",
        cron: ("0", "5", None, None),
        delete_after_days: 35,
        move_to_cold_days: None,
        doc: "Daily at 05:00 UTC, kept 35 days.",
    },
    RulePreset {
        name: "weekly",
        rule_name: "Weekly",
        cron: ("0", "5", None, Some("SAT")),
        delete_after_days: 90,
        move_to_cold_days: None,
        doc: "Weekly on Saturday at 05:00 UTC, kept 90 days.",
    },
    RulePreset {
        name: "monthly1_year",
        rule_name: "Monthly1Year",
        cron: ("0", "5", Some("1"), None),
        delete_after_days: 365,
        move_to_cold_days: Some(30),
        doc: "Monthly on the 1st at 05:00 UTC, cold storage after 30 days, kept 1 year.",
    },
    RulePreset {
        name: "monthly5_year",
        rule_name: "Monthly5Year",
        cron: ("0", "5", Some("1"), None),
        delete_after_days: 5 * 365,
        move_to_cold_days: Some(90),
        doc: "Monthly on the 1st at 05:00 UTC, cold storage after 90 days, kept 5 years.",
    },
    RulePreset {
        name: "monthly7_year",
        rule_name: "Monthly7Year",
        cron: ("0", "5", Some("1"), None),
        delete_after_days: 7 * 365,
        move_to_cold_days: Some(90),
        doc: "Monthly on the 1st at 05:00 UTC, cold storage after 90 days, kept 7 years.",
    },
];

/// A plan preset: the CDK's `BackupPlan.daily35DayRetention()` and friends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanPreset {
    pub name: &'static str,
    /// The CDK's longer name, accepted as an alias.
    pub alias: &'static str,
    /// The id an unnamed plan takes from it.
    pub id: &'static str,
    pub rules: &'static [&'static str],
    pub doc: &'static str,
}

pub const PLAN_PRESETS: &[PlanPreset] = &[
    PlanPreset {
        name: "daily35",
        alias: "daily35_day_retention",
        id: "Daily35",
        rules: &["daily"],
        doc: "A daily backup kept 35 days.",
    },
    PlanPreset {
        name: "daily_monthly1_year",
        alias: "daily_monthly1_year_retention",
        id: "DailyMonthly1Year",
        rules: &["daily", "monthly1_year"],
        doc: "Daily backups kept 35 days and monthly ones kept 1 year.",
    },
    PlanPreset {
        name: "daily_weekly_monthly5_year",
        alias: "daily_weekly_monthly5_year_retention",
        id: "DailyWeeklyMonthly5Year",
        rules: &["daily", "weekly", "monthly5_year"],
        doc: "Daily backups kept 35 days, weekly ones kept 90 days and monthly ones kept 5 years.",
    },
    PlanPreset {
        name: "daily_weekly_monthly7_year",
        alias: "daily_weekly_monthly7_year_retention",
        id: "DailyWeeklyMonthly7Year",
        rules: &["daily", "weekly", "monthly7_year"],
        doc: "Daily backups kept 35 days, weekly ones kept 90 days and monthly ones kept 7 years.",
    },
];

pub fn rule_preset(name: &str) -> Option<&'static RulePreset> {
    RULE_PRESETS.iter().find(|p| p.name == name)
}

pub fn plan_preset(name: &str) -> Option<&'static PlanPreset> {
    PLAN_PRESETS
        .iter()
        .find(|p| p.name == name || p.alias == name)
}

/// Every name a user could mean by a misspelled preset.
pub fn preset_names() -> impl Iterator<Item = &'static str> {
    PLAN_PRESETS
        .iter()
        .flat_map(|p| [p.name, p.alias])
        .chain(RULE_PRESETS.iter().map(|p| p.name))
}

/// The schedule expression of a rule preset, `cron(...)` (made once per
/// preset: a large policy uses the same few thousands of times).
pub fn cron_of(p: &RulePreset) -> &'static str {
    static SCHEDULES: OnceLock<Vec<String>> = OnceLock::new();
    let all = SCHEDULES.get_or_init(|| {
        RULE_PRESETS
            .iter()
            .map(|p| {
                crate::eval::cron_expression(
                    &[("minute", p.cron.0), ("hour", p.cron.1)],
                    p.cron.2,
                    p.cron.3,
                )
            })
            .collect()
    });
    RULE_PRESETS
        .iter()
        .position(|x| x.name == p.name)
        .map_or("", |i| all[i].as_str())
}
