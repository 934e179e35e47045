//! The catalogue of semantic diagnostic codes with the rule each one enforces.

use bkp_diagnostics::Code;

macro_rules! codes {
    ($($name:ident = $code:literal : $text:literal;)*) => {
        $(#[doc = $text] pub const $name: Code = Code($code);)*
        /// Every code of this crate with its explanation.
        pub const ALL: &[(Code, &str)] = &[$((Code($code), $text)),*];
    };
}

codes! {
    UNKNOWN_NAME = "E0201": "A name must refer to a `let`, a declaration or a builtin.";
    DUPLICATE_NAME = "E0202": "Two declarations with the same name would share a construct id; names are unique across vaults, roles, plans, lets and stacks.";
    CYCLE = "E0203": "A `let` may not depend on itself, directly or through other lets.";
    WRONG_KIND = "E0204": "A reference must name a declaration of the expected kind (a vault after `-> vault`, a role in `grant`).";
    UNKNOWN_FIELD = "E0210": "Every field must belong to the block's schema.";
    DUPLICATE_FIELD = "E0211": "A field may be set once per block.";
    TYPE_MISMATCH = "E0212": "A value must have the type its field or argument expects.";
    MISSING_FIELD = "E0213": "Required fields must be set.";
    UNKNOWN_FUNCTION = "E0214": "Only builtin functions can be called.";
    BAD_ARGUMENTS = "E0215": "Builtin functions take the documented arguments.";
    UNKNOWN_PRESET = "E0216": "Plan and rule presets are the CDK's ready-made plans and rules.";
    BAD_OPERATION = "E0217": "`+` adds durations, integers or strings; `*` multiplies a duration or an integer by an integer.";
    NOT_WHOLE_DAYS = "E0218": "Lifecycle and lock durations are whole days, as the CDK requires.";
    PLAN_NEEDS_NAME = "E0219": "A plan without a name takes its id from its preset; without either it has no id.";
    CONFLICT = "E0220": "A property may be given one way only.";
    BAD_VALUE = "E0221": "The value is outside what the field accepts.";
    VALUE_TOO_DEEP = "E0222": "A value nests at most 64 deep, also when lets put lists or records into each other.";
    VALUE_TOO_LARGE = "E0223": "The values that uses of lets copy add up to at most a million, a string counting one per 64 bytes (a let that lists another twice doubles it).";
    STRING_TOO_LONG = "E0224": "A string built with `+` or `${...}` is at most 1,000,000 bytes long, more than a template may hold.";
    NOT_CRON = "E0301": "AWS Backup schedules are cron expressions with six fields.";
    VAULT_NAME = "E0302": "Vault names match `^[a-zA-Z0-9\\-_]{2,50}$`.";
    LOCK_MIN = "E0303": "A vault lock's `min_retention` is at least 1 day.";
    LOCK_MAX = "E0304": "A vault lock's `max_retention` is at most 36500 days.";
    LOCK_ORDER = "E0305": "A vault lock's `max_retention` is greater than its `min_retention`.";
    LOCK_COOLING = "E0306": "AWS Backup enforces a 72-hour cooling-off period: `changeable_for` is at least 72 hours.";
    CONTINUOUS_COLD = "E0307": "Continuous backups cannot move to cold storage.";
    CONTINUOUS_RETENTION = "E0308": "Continuous backups are kept 1 to 35 days.";
    COPY_LIFECYCLE = "E0309": "A copy action's `delete_after` is at least 90 days after its `move_to_cold_storage_after`.";
    DELETE_BEFORE_COLD = "E0310": "A rule's `delete_after` is not before its `move_to_cold_storage_after`.";
    EMPTY_PLAN = "E0311": "A backup plan must have at least one rule.";
    GRANT_WILDCARD = "E0312": "AWS Backup access policies don't support wildcard actions in grants.";
    VAULT_ARN = "E0313": "An imported vault's ARN is `arn:PARTITION:backup:REGION:ACCOUNT:backup-vault:NAME`.";
    SNAPSHOT_REMOVAL = "E0314": "CloudFormation rejects the `Snapshot` deletion policy on AWS::Backup::BackupVault.";
    CRON_DAY_AND_WEEKDAY = "E0315": "A cron schedule takes `day` or `week_day`, not both.";
    DUPLICATE_CONSTRUCT = "E0316": "Two constructs in one plan cannot share an id.";
    COLD_MINIMUM = "W0301": "Recovery points in cold storage are billed for at least 90 days and AWS rejects deleting them sooner: `delete_after` should be at least `move_to_cold_storage_after` + 90 days.";
    LOCK_RANGE = "W0302": "A rule whose retention falls outside its vault's lock range fails every backup job.";
    TAG_UNION = "W0303": "`tag(...)` in `resources` selects resources matching the tag OR listed by ARN; use `conditions` to require both.";
    CONTINUOUS_UNSUPPORTED = "W0304": "Continuous backup is supported for RDS, Aurora and S3 only; other resources get snapshot backups.";
    DUPLICATE_RULE_NAME = "W0305": "Rule names must be unique within a plan; AWS rejects the plan otherwise.";
    START_WINDOW = "W0306": "AWS Backup requires a start window of at least 60 minutes.";
    GRANT_IGNORED = "W0308": "The CDK cannot attach a grant's policy to a role of another account: such a grant changes nothing.";
    SHADOWED_BUILTIN = "W0307": "A declaration that reuses a builtin's name hides the builtin.";
}

/// The explanation of a code, if it is one of this crate's.
pub fn explain(code: Code) -> Option<&'static str> {
    ALL.iter().find(|(c, _)| *c == code).map(|(_, t)| *t)
}
