//! A small builder for hand-written models that mirror `.bkp` programs the
//! way the evaluator resolves them: a rule's vault is its own, else the plan's,
//! else one the plan creates at `PLAN/Vault`; unnamed rules are
//! `<Plan>Rule<N>`; spans grow in call order, like source positions.

#![allow(dead_code)]

use bkp_cfn::Json;
use bkp_cfn::json::Str;
use bkp_diagnostics::Span;
use bkp_model::*;
use serde_json::Value;
use std::path::PathBuf;

/// A vault id meaning "resolve like the CDK": the plan's vault or a new one.
pub const PLAN_VAULT: VaultId = VaultId(usize::MAX);

pub struct B {
    pub m: Model,
    pos: usize,
    plan_vaults: Vec<Option<VaultId>>,
}

impl Default for B {
    fn default() -> Self {
        B::new()
    }
}

impl B {
    pub fn new() -> B {
        B {
            m: Model::default(),
            pos: 0,
            plan_vaults: Vec::new(),
        }
    }

    /// `stack NAME { account, region }`.
    pub fn stack(mut self, name: &str, env: Option<(&str, &str)>) -> B {
        self.m.stack = Stack {
            name: name.into(),
            env: env.map(|(account, region)| Env {
                account: account.into(),
                region: region.into(),
            }),
        };
        self
    }

    pub fn span(&mut self) -> Span {
        self.pos += 10;
        Span::new(self.pos, self.pos + 5)
    }

    pub fn vault(&mut self, name: &str, v: NewVault) -> VaultId {
        self.push_vault(vec![name.into()], VaultKind::New(v), true)
    }

    pub fn new_vault(&mut self, name: &str) -> VaultId {
        self.vault(name, NewVault::default())
    }

    pub fn named_vault(&mut self, name: &str, vault_name: &str) -> VaultId {
        self.vault(
            name,
            NewVault {
                name: Some(vault_name.into()),
                ..NewVault::default()
            },
        )
    }

    /// `vault NAME = import "vault_name"`
    pub fn import(&mut self, name: &str, vault_name: &str) -> VaultId {
        self.push_vault(
            vec![name.into()],
            VaultKind::ImportedName {
                name: vault_name.into(),
            },
            true,
        )
    }

    /// `vault NAME = import arn "arn"`
    pub fn import_arn(&mut self, name: &str, arn: &str) -> VaultId {
        let vault_name = arn.rsplit(':').next().unwrap().to_string();
        self.push_vault(
            vec![name.into()],
            VaultKind::ImportedArn {
                arn: arn.into(),
                name: vault_name,
            },
            true,
        )
    }

    fn push_vault(&mut self, path: Vec<String>, kind: VaultKind, top_level: bool) -> VaultId {
        let span = self.span();
        self.m.vaults.push(Vault { path, span, kind });
        let id = VaultId(self.m.vaults.len() - 1);
        if top_level {
            self.m.order.push(Construct::Vault(id));
        }
        id
    }

    /// `role ID { assumed_by = service_principal(service) }`
    pub fn role(&mut self, id: &str, service: &str) -> RoleId {
        self.push_role(
            id,
            RoleKind::New {
                assumed_by: Principal::Service(service.into()),
            },
        )
    }

    /// `role ID { assumed_by = PRINCIPAL }`
    pub fn role_assumed_by(&mut self, id: &str, assumed_by: Principal) -> RoleId {
        self.push_role(id, RoleKind::New { assumed_by })
    }

    /// `role ID = import "arn"`
    pub fn import_role(&mut self, id: &str, arn: &str) -> RoleId {
        self.push_role(id, RoleKind::Imported { arn: arn.into() })
    }

    fn push_role(&mut self, id: &str, kind: RoleKind) -> RoleId {
        let span = self.span();
        self.m.roles.push(Role {
            id: id.into(),
            span,
            kind,
        });
        let rid = RoleId(self.m.roles.len() - 1);
        self.m.order.push(Construct::Role(rid));
        rid
    }

    /// `grant ROLE ACTIONS on VAULT`
    pub fn grant(&mut self, role: RoleId, actions: &[&str], vault: VaultId) {
        let span = self.span();
        self.m.grants.push(Grant {
            role,
            actions: actions.iter().map(|a| a.to_string()).collect(),
            vault,
            span,
        });
    }

    /// `plan ID (-> vault V)? < ... >` without a preset.
    pub fn plan(&mut self, id: &str, vault: Option<VaultId>) -> usize {
        let span = self.span();
        self.m.plans.push(Plan {
            id: id.into(),
            span,
            name: id.into(),
            windows_vss: false,
            rules: Vec::new(),
            selections: Vec::new(),
        });
        self.plan_vaults.push(vault);
        let p = self.m.plans.len() - 1;
        self.m.order.push(Construct::Plan(p));
        p
    }

    /// `plan ID = PRESET (-> vault V)?`: the plan, then the preset's rules.
    pub fn preset_plan(&mut self, id: &str, preset: &str, vault: Option<VaultId>) -> usize {
        let p = self.plan(id, vault);
        let rules: &[&str] = match preset {
            "daily35" => &["daily"],
            "daily_monthly1_year" => &["daily", "monthly1_year"],
            "daily_weekly_monthly5_year" => &["daily", "weekly", "monthly5_year"],
            "daily_weekly_monthly7_year" => &["daily", "weekly", "monthly7_year"],
            other => panic!("no plan preset {other}"),
        };
        for r in rules {
            self.rule(p, preset_rule(r));
        }
        p
    }

    /// Sets plan properties (`backup_plan_name`, `windows_vss`).
    pub fn plan_props(&mut self, p: usize, name: Option<&str>, windows_vss: bool) {
        if let Some(n) = name {
            self.m.plans[p].name = n.into();
        }
        self.m.plans[p].windows_vss = windows_vss;
    }

    /// Adds a rule: [`PLAN_VAULT`] resolves to the plan's vault (created on
    /// first need), an empty name to `<Plan>Rule<N>`.
    pub fn rule(&mut self, p: usize, mut rule: Rule) {
        rule.span = self.span();
        if rule.vault == PLAN_VAULT {
            rule.vault = match self.plan_vaults[p] {
                Some(v) => v,
                None => {
                    let path = vec![self.m.plans[p].id.clone(), "Vault".into()];
                    let v = self.push_vault(path, VaultKind::New(NewVault::default()), false);
                    self.m.vaults[v.0].span = self.m.plans[p].span;
                    self.plan_vaults[p] = Some(v);
                    v
                }
            };
        }
        if rule.name.is_empty() {
            rule.name = format!("{}Rule{}", self.m.plans[p].id, self.m.plans[p].rules.len()).into();
        }
        self.m.plans[p].rules.push(rule);
    }

    pub fn select(&mut self, p: usize, mut sel: Selection) {
        sel.span = self.span();
        self.m.plans[p].selections.push(sel);
    }

    pub fn build(self) -> Model {
        self.m
    }
}

/// A custom rule; `""` for the default name.
pub fn rule(name: &str) -> Rule {
    Rule {
        name: name.to_string().into(),
        span: Span::default(),
        preset: None,
        vault: PLAN_VAULT,
        schedule: None,
        schedule_timezone: None,
        start_window_minutes: None,
        completion_window_minutes: None,
        delete_after_days: None,
        move_to_cold_storage_after_days: None,
        recovery_point_tags: None,
        copy_actions: None,
        index_actions: None,
        continuous_backup: None,
    }
}

/// A rule preset: `daily`, `weekly`, `monthly1_year`, `monthly5_year`, `monthly7_year`.
pub fn preset_rule(preset: &str) -> Rule {
    let (name, schedule, cold, delete, p): (&str, &str, Option<u64>, u64, &'static str) =
        match preset {
            "daily" => ("Daily", "cron(0 5 * * ? *)", None, 35, "daily"),
            "weekly" => ("Weekly", "cron(0 5 ? * SAT *)", None, 90, "weekly"),
            "monthly1_year" => (
                "Monthly1Year",
                "cron(0 5 1 * ? *)",
                Some(30),
                365,
                "monthly1_year",
            ),
            "monthly5_year" => (
                "Monthly5Year",
                "cron(0 5 1 * ? *)",
                Some(90),
                1825,
                "monthly5_year",
            ),
            "monthly7_year" => (
                "Monthly7Year",
                "cron(0 5 1 * ? *)",
                Some(90),
                2555,
                "monthly7_year",
            ),
            other => panic!("no rule preset {other}"),
        };
    Rule {
        preset: Some(p),
        schedule: Some(schedule.into()),
        move_to_cold_storage_after_days: cold,
        delete_after_days: Some(delete),
        ..rule(name)
    }
}

/// A preset rule targeting `vault`.
pub fn preset_in(preset: &str, vault: VaultId) -> Rule {
    Rule {
        vault,
        ..preset_rule(preset)
    }
}

pub fn cron(expr: &str) -> Option<std::borrow::Cow<'static, str>> {
    Some(format!("cron({expr})").into())
}

pub fn copy(
    destination: VaultId,
    delete_after: Option<u64>,
    cold_after: Option<u64>,
) -> CopyAction {
    CopyAction {
        destination,
        delete_after_days: delete_after,
        move_to_cold_storage_after_days: cold_after,
    }
}

pub fn tags(list: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
    Some(pairs(list))
}

/// Owned key/value pairs.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A selection with every default: the name is the id, a role of its own.
pub fn sel(id: &str) -> Selection {
    Selection {
        id: id.into(),
        span: Span::default(),
        name: id.into(),
        resources: Vec::new(),
        tags: Vec::new(),
        conditions: Vec::new(),
        not_resources: Vec::new(),
        role: None,
        allow_restores: false,
        disable_default_backup_policy: false,
    }
}

pub fn cond(kind: ConditionKind, key: &str, value: &str) -> Condition {
    Condition {
        kind,
        key: key.into(),
        value: value.into(),
    }
}

fn formatted(service: &'static str, resource: &'static str, sep: char, name: &str) -> Arn {
    Arn::Formatted {
        service,
        resource,
        sep,
        name: name.into(),
    }
}

pub fn dynamodb_table(name: &str) -> Arn {
    formatted("dynamodb", "table", '/', name)
}
pub fn ec2_instance(id: &str) -> Arn {
    formatted("ec2", "instance", '/', id)
}
pub fn efs_file_system(id: &str) -> Arn {
    formatted("elasticfilesystem", "file-system", '/', id)
}
pub fn rds_instance(id: &str) -> Arn {
    formatted("rds", "db", ':', id)
}
pub fn rds_cluster(id: &str) -> Arn {
    formatted("rds", "cluster", ':', id)
}
pub fn rds_serverless_cluster(id: &str) -> Arn {
    formatted("rds", "cluster", ':', id)
}
pub fn arn(s: &str) -> Arn {
    Arn::Literal(s.into())
}

pub fn all_events() -> Vec<String> {
    [
        "BACKUP_JOB_STARTED",
        "BACKUP_JOB_COMPLETED",
        "BACKUP_JOB_SUCCESSFUL",
        "BACKUP_JOB_FAILED",
        "BACKUP_JOB_EXPIRED",
        "RESTORE_JOB_STARTED",
        "RESTORE_JOB_COMPLETED",
        "RESTORE_JOB_SUCCESSFUL",
        "RESTORE_JOB_FAILED",
        "COPY_JOB_STARTED",
        "COPY_JOB_SUCCESSFUL",
        "COPY_JOB_FAILED",
        "RECOVERY_POINT_MODIFIED",
        "BACKUP_PLAN_CREATED",
        "BACKUP_PLAN_MODIFIED",
        "S3_BACKUP_OBJECT_FAILED",
        "S3_RESTORE_OBJECT_FAILED",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

pub fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

pub fn parity_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/parity")
}

/// The backend's own oracle cases (`tests/cdk`), for behaviour the parity
/// corpus does not pin.
pub fn own_cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cdk")
}

/// The real CDK output for a parity case.
pub fn expected(case: &str) -> Value {
    expected_in(&parity_dir(), case)
}

pub fn expected_in(dir: &std::path::Path, case: &str) -> Value {
    let path = dir.join(format!("{case}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Asserts the template equals the CDK's, resources and keys in the same order.
pub fn check(case: &str, model: &Model) {
    check_in(&parity_dir(), case, model)
}

pub fn check_in(dir: &std::path::Path, case: &str, model: &Model) {
    let actual = bkp_cfn::template(model).unwrap_or_else(|d| panic!("{case}: {d:#?}"));
    let expected = expected_in(dir, case);
    let (a, e) = (
        bkp_cfn::to_json(&actual),
        bkp_cfn::to_json(&from_value(&expected)),
    );
    if a != e {
        let first = a
            .lines()
            .zip(e.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let context = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(5))
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{case}: template differs (same value ignoring order: {}) at line {}\n--- actual\n{}\n--- expected\n{}",
            serde_json::to_value(&actual).unwrap() == expected,
            first + 1,
            context(&a),
            context(&e)
        );
    }
}

/// A parsed JSON file as the backend's [`Json`] (templates hold no nulls
/// and no numbers but naturals).
pub fn from_value(v: &Value) -> Json {
    match v {
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Num(n.as_u64().expect("a natural number")),
        Value::String(s) => Json::from(s.clone()),
        Value::Array(items) => items.iter().map(from_value).collect(),
        Value::Object(o) => Json::Obj(
            o.iter()
                .map(|(k, v)| (Str::from(k.clone()), from_value(v)))
                .collect(),
        ),
        Value::Null => panic!("null in a template"),
    }
}
