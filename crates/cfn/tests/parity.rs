//! The backend's own parity tests: for each case of `tests/parity`, a model
//! built by hand the way the evaluator resolves the `.bkp` file, rendered and
//! compared with the real CDK output — resources, properties and key order.

mod common;

use bkp_model::ConditionKind::*;
use bkp_model::*;
use common::*;

// ----- seeds ----------------------------------------------------------------

#[test]
fn seed_add_rule() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            completion_window_minutes: Some(120),
            start_window_minutes: Some(60),
            schedule: cron("30 3 15 * ? *"),
            move_to_cold_storage_after_days: Some(30),
            ..rule("")
        },
    );
    check("seed_add_rule", &b.build());
}

#[test]
fn seed_add_selection() {
    let mut b = B::new();
    let p = b.preset_plan("Plan", "daily_weekly_monthly5_year", None);
    b.select(
        p,
        Selection {
            resources: vec![
                dynamodb_table("myTableName"),
                efs_file_system("fs-0123456789abcdef0"),
                rds_instance("orders-db"),
            ],
            tags: pairs(&[("stage", "prod")]),
            ..sel("Selection")
        },
    );
    check("seed_add_selection", &b.build());
}

#[test]
fn seed_block_deletion() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            block_recovery_point_deletion: true,
            ..NewVault::default()
        },
    );
    check("seed_block_deletion", &b.build());
}

#[test]
fn seed_design_card() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let p = b.preset_plan("Daily35", "daily35", None);
    b.rule(p, preset_in("monthly1_year", other));
    check("seed_design_card", &b.build());
}

#[test]
fn seed_import_vault_grant() {
    let mut b = B::new();
    let v = b.import("imported_vault", "myVaultName");
    let r = b.role("access_role", "lambda.amazonaws.com");
    b.grant(r, &["backup:StartBackupJob"], v);
    check("seed_import_vault_grant", &b.build());
}

#[test]
fn seed_pitr() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            continuous_backup: Some(true),
            delete_after_days: Some(14),
            ..rule("")
        },
    );
    check("seed_pitr", &b.build());
}

#[test]
fn seed_plan_preset() {
    let mut b = B::new();
    b.preset_plan("Plan", "daily_weekly_monthly5_year", None);
    check("seed_plan_preset", &b.build());
}

#[test]
fn seed_ready_rules() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(p, preset_rule("daily"));
    b.rule(p, preset_rule("weekly"));
    check("seed_ready_rules", &b.build());
}

fn deny_delete_unless_users(users: &[&str], actions: &[&str]) -> PolicyStatement {
    PolicyStatement {
        effect: Effect::Deny,
        principals: vec![Principal::Any],
        actions: strings(actions),
        resources: strings(&["*"]),
        conditions: vec![(
            "StringNotLike".into(),
            vec![(
                "aws:userId".into(),
                JsonValue::List(
                    users
                        .iter()
                        .map(|u| JsonValue::String(u.to_string()))
                        .collect(),
                ),
            )],
        )],
    }
}

#[test]
fn seed_vault_access_policy() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            access_policy: vec![deny_delete_unless_users(
                &["user1", "user2"],
                &["backup:DeleteRecoveryPoint"],
            )],
            ..NewVault::default()
        },
    );
    check("seed_vault_access_policy", &b.build());
}

#[test]
fn seed_vault_key_topic() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            encryption_key_arn: Some("arn:aws:kms:us-east-1:123456789012:key/aaa".into()),
            notifications: Some(Notifications {
                topic_arn: "arn:aws:sns:us-east-1:123456789012:bbb".into(),
                events: all_events(),
            }),
            ..NewVault::default()
        },
    );
    check("seed_vault_key_topic", &b.build());
}

#[test]
fn seed_vault_per_rule() {
    let mut b = B::new();
    let my = b.import("my_vault", "myVault");
    let other = b.import("other_vault", "otherVault");
    let p = b.preset_plan("Plan", "daily35", Some(my));
    b.rule(p, preset_in("monthly1_year", other));
    check("seed_vault_per_rule", &b.build());
}

#[test]
fn seed_windows_vss() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.plan_props(p, None, true);
    b.rule(p, preset_rule("daily"));
    check("seed_windows_vss", &b.build());
}

// ----- declarations and lets ------------------------------------------------

#[test]
fn declarations_any_order() {
    // Declared plan first; the CDK app must create the vaults and the role first.
    let mut b = B::new();
    let dr = b.import("dr", "dr-vault");
    let main = b.named_vault("main", "main");
    let role = b.role("backup_role", "backup.amazonaws.com");
    let p = b.plan("Plan", Some(main));
    b.rule(
        p,
        Rule {
            schedule: cron("0 1 * * ? *"),
            delete_after_days: Some(30),
            copy_actions: Some(vec![copy(dr, None, None)]),
            ..rule("Nightly")
        },
    );
    b.select(
        p,
        Selection {
            resources: vec![dynamodb_table("orders")],
            role: Some(role),
            ..sel("Selection")
        },
    );
    b.grant(role, &["backup:StartBackupJob"], main);
    // Source order: plan, role, vault dr, vault main.
    b.m.order = vec![
        Construct::Plan(0),
        Construct::Role(role),
        Construct::Vault(dr),
        Construct::Vault(main),
    ];
    check("declarations_any_order", &b.build());
}

#[test]
fn design_sketch_plan() {
    let mut b = B::new();
    let main = b.vault(
        "main",
        NewVault {
            name: Some("myVault".into()),
            encryption_key_arn: Some("arn:aws:kms:eu-west-1:123456789012:key/abcd".into()),
            ..NewVault::default()
        },
    );
    let other = b.import("other", "otherVault");
    let ops = b.import_role("ops", "arn:aws:iam::123456789012:role/ops");
    let p = b.preset_plan("Custom", "daily35", Some(main));
    b.plan_props(p, Some("custom"), true);
    b.rule(p, preset_rule("weekly"));
    b.rule(p, preset_in("monthly1_year", other));
    b.rule(
        p,
        Rule {
            move_to_cold_storage_after_days: Some(180),
            ..preset_in("monthly7_year", other)
        },
    );
    b.rule(
        p,
        Rule {
            schedule: cron("30 3 15 * ? *"),
            schedule_timezone: Some("Europe/Paris".into()),
            start_window_minutes: Some(60),
            completion_window_minutes: Some(120),
            move_to_cold_storage_after_days: Some(30),
            delete_after_days: Some(120),
            recovery_point_tags: tags(&[("team", "data")]),
            copy_actions: Some(vec![copy(other, Some(365), None)]),
            index_actions: Some(vec![vec![IndexResourceType::Ebs]]),
            ..rule("Nightly")
        },
    );
    b.rule(
        p,
        Rule {
            vault: other,
            schedule: cron("0 4 * * ? *"),
            delete_after_days: Some(365),
            ..rule("Archive")
        },
    );
    b.rule(
        p,
        Rule {
            continuous_backup: Some(true),
            delete_after_days: Some(14),
            ..rule("Pitr")
        },
    );
    b.select(
        p,
        Selection {
            name: "sel".into(),
            resources: vec![dynamodb_table("myTableName")],
            tags: pairs(&[("stage", "prod")]),
            conditions: vec![
                cond(StringLike, "app", "web*"),
                cond(StringNotEquals, "backup", "false"),
            ],
            not_resources: vec![arn("arn:aws:ec2:*:*:volume/vol-scratch*")],
            role: Some(ops),
            allow_restores: true,
            ..sel("Selection")
        },
    );
    check("design_sketch_plan", &b.build());
}

#[test]
fn let_duration_arithmetic() {
    let mut b = B::new();
    let v = b.vault(
        "Vault",
        NewVault {
            lock: Some(Lock {
                min_retention_days: 2,
                max_retention_days: Some(3710),
                changeable_for_days: Some(4),
            }),
            ..NewVault::default()
        },
    );
    let p = b.plan("Plan", Some(v));
    b.rule(
        p,
        Rule {
            schedule: cron("0 1 * * ? *"),
            start_window_minutes: Some(90),
            completion_window_minutes: Some(480),
            move_to_cold_storage_after_days: Some(42),
            delete_after_days: Some(1855),
            ..rule("Computed")
        },
    );
    check("let_duration_arithmetic", &b.build());
}

#[test]
fn let_interpolation() {
    let mut b = B::new();
    let v = b.named_vault("Vault", "backups-prod-v3");
    let p = b.preset_plan("Plan", "daily35", Some(v));
    b.plan_props(p, Some("backups-prod-daily"), false);
    b.rule(
        p,
        Rule {
            delete_after_days: Some(7),
            recovery_point_tags: tags(&[("owner", "team-prod"), ("generation", "4")]),
            ..rule("Tagged")
        },
    );
    b.select(
        p,
        Selection {
            resources: vec![dynamodb_table("orders-prod")],
            tags: pairs(&[("stage", "prod")]),
            ..sel("Selection")
        },
    );
    check("let_interpolation", &b.build());
}

#[test]
fn let_values() {
    let mut b = B::new();
    let dr = b.import("dr", "dr");
    let op = b.role("operator", "lambda.amazonaws.com");
    b.grant(op, &["backup:StartBackupJob", "backup:StartRestoreJob"], dr);
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 3 ? * SUN *"),
            delete_after_days: Some(91),
            recovery_point_tags: tags(&[("owner", "platform"), ("cost-center", "42")]),
            copy_actions: Some(vec![copy(dr, Some(365), None)]),
            ..rule("Weekly2")
        },
    );
    b.select(
        p,
        Selection {
            tags: pairs(&[("stage", "prod"), ("tier", "1")]),
            ..sel("Prod")
        },
    );
    check("let_values", &b.build());
}

// ----- grants and roles -----------------------------------------------------

#[test]
fn grant_import_arn_vault() {
    let mut b = B::new();
    let legacy = b.import_arn(
        "legacy",
        "arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy",
    );
    let r = b.role("restorer", "lambda.amazonaws.com");
    b.grant(
        r,
        &["backup:StartRestoreJob", "backup:DescribeRecoveryPoint"],
        legacy,
    );
    check("grant_import_arn_vault", &b.build());
}

#[test]
fn grant_imported_role() {
    let mut b = B::new();
    let ops = b.import_role("ops", "arn:aws:iam::123456789012:role/team/ops");
    let main = b.new_vault("main");
    let other = b.import("other", "otherVault");
    b.grant(ops, &["backup:DescribeBackupVault"], main);
    b.grant(
        ops,
        &["backup:StartBackupJob", "backup:StartRestoreJob"],
        other,
    );
    check("grant_imported_role", &b.build());
}

#[test]
fn grant_list_new_vault() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let r = b.role("operator", "lambda.amazonaws.com");
    b.grant(
        r,
        &[
            "backup:StartBackupJob",
            "backup:ListRecoveryPointsByBackupVault",
        ],
        main,
    );
    check("grant_list_new_vault", &b.build());
}

#[test]
fn grant_many() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let other = b.import("other", "otherVault");
    let w = b.role("worker", "lambda.amazonaws.com");
    b.grant(w, &["backup:StartBackupJob"], main);
    b.grant(
        w,
        &[
            "backup:StartBackupJob",
            "backup:StartBackupJob",
            "backup:StopBackupJob",
        ],
        other,
    );
    b.grant(w, &["backup:StartBackupJob"], main);
    check("grant_many", &b.build());
}

#[test]
fn grant_single_new_vault() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let reader = b.role("reader", "lambda.amazonaws.com");
    let writer = b.role("writer", "states.amazonaws.com");
    b.grant(reader, &["backup:DescribeBackupVault"], main);
    b.grant(writer, &["backup:StartBackupJob"], main);
    check("grant_single_new_vault", &b.build());
}

#[test]
fn role_grant_and_selection() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let role = b.role("backup_role", "backup.amazonaws.com");
    b.grant(role, &["backup:StartBackupJob"], main);
    let p = b.preset_plan("Plan", "daily35", Some(main));
    b.select(
        p,
        Selection {
            tags: pairs(&[("backup", "yes")]),
            role: Some(role),
            ..sel("Selection")
        },
    );
    check("role_grant_and_selection", &b.build());
}

#[test]
fn role_new_alone() {
    let mut b = B::new();
    b.role("lambda_role", "lambda.amazonaws.com");
    check("role_new_alone", &b.build());
}

#[test]
fn role_service_principal_forms() {
    let mut b = B::new();
    b.role("bare", "lambda");
    b.role("china", "states.amazonaws.com.cn");
    b.role("other", "backup.example.com");
    check("role_service_principal_forms", &b.build());
}

// ----- ids ------------------------------------------------------------------

#[test]
fn id_dedupe() {
    let mut b = B::new();
    b.preset_plan("NightlyVault", "daily35", None);
    b.new_vault("MainVault");
    check("id_dedupe", &b.build());
}

#[test]
fn id_default_hidden() {
    let mut b = B::new();
    b.preset_plan("Default", "daily35", None);
    check("id_default_hidden", &b.build());
}

#[test]
fn id_default_vault() {
    let mut b = B::new();
    b.new_vault("Default");
    check("id_default_vault", &b.build());
}

#[test]
fn id_resource_hidden() {
    let mut b = B::new();
    b.new_vault("Resource");
    check("id_resource_hidden", &b.build());
}

// ----- plans ----------------------------------------------------------------

#[test]
fn plan_name_windows_vss() {
    let mut b = B::new();
    let p = b.plan("Servers", None);
    b.plan_props(p, Some("windows-servers"), true);
    b.rule(
        p,
        Rule {
            schedule: cron("0 2 * * ? *"),
            delete_after_days: Some(14),
            ..rule("Nightly")
        },
    );
    b.select(
        p,
        Selection {
            tags: pairs(&[("os", "windows")]),
            ..sel("Windows")
        },
    );
    check("plan_name_windows_vss", &b.build());
}

#[test]
fn plan_vault_created_lazily() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let mixed = b.plan("Mixed", None);
    b.rule(mixed, preset_in("daily", other));
    b.rule(mixed, preset_rule("weekly"));
    let external = b.plan("External", None);
    b.rule(external, preset_in("daily", other));
    b.rule(
        external,
        Rule {
            vault: other,
            delete_after_days: Some(9),
            ..rule("")
        },
    );
    check("plan_vault_created_lazily", &b.build());
}

#[test]
fn plans_shared_vault() {
    let mut b = B::new();
    let shared = b.named_vault("shared", "shared");
    b.preset_plan("Databases", "daily35", Some(shared));
    let files = b.plan("Files", Some(shared));
    b.rule(files, preset_rule("weekly"));
    let archive = b.plan("Archive", None);
    b.rule(archive, preset_rule("monthly1_year"));
    b.rule(archive, preset_in("monthly7_year", shared));
    check("plans_shared_vault", &b.build());
}

fn preset_case(case: &str, id: &str, preset: &str) {
    let mut b = B::new();
    b.preset_plan(id, preset, None);
    check(case, &b.build());
}

#[test]
fn plan_presets() {
    preset_case("preset_daily35_alias_unnamed", "Daily35", "daily35");
    preset_case("preset_daily35_named", "Backup", "daily35");
    preset_case("preset_daily35_unnamed", "Daily35", "daily35");
    preset_case(
        "preset_daily_monthly1_year_named",
        "Yearly",
        "daily_monthly1_year",
    );
    preset_case(
        "preset_daily_monthly1_year_unnamed",
        "DailyMonthly1Year",
        "daily_monthly1_year",
    );
    preset_case(
        "preset_daily_weekly_monthly5_year_alias_unnamed",
        "DailyWeeklyMonthly5Year",
        "daily_weekly_monthly5_year",
    );
    preset_case(
        "preset_daily_weekly_monthly7_year_named",
        "LongTerm",
        "daily_weekly_monthly7_year",
    );
    preset_case(
        "preset_daily_weekly_monthly7_year_unnamed",
        "DailyWeeklyMonthly7Year",
        "daily_weekly_monthly7_year",
    );
}

#[test]
fn preset_daily_monthly1_year_alias_vault() {
    let mut b = B::new();
    let archive = b.new_vault("archive");
    b.preset_plan("Yearly", "daily_monthly1_year", Some(archive));
    check("preset_daily_monthly1_year_alias_vault", &b.build());
}

#[test]
fn preset_daily_weekly_monthly5_year_unnamed_vault() {
    let mut b = B::new();
    let central = b.import("central", "central-backups");
    b.preset_plan(
        "DailyWeeklyMonthly5Year",
        "daily_weekly_monthly5_year",
        Some(central),
    );
    check(
        "preset_daily_weekly_monthly5_year_unnamed_vault",
        &b.build(),
    );
}

#[test]
fn preset_daily_weekly_monthly7_year_alias_arn_vault() {
    let mut b = B::new();
    let legacy = b.import_arn(
        "legacy",
        "arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy",
    );
    b.preset_plan(
        "DailyWeeklyMonthly7Year",
        "daily_weekly_monthly7_year",
        Some(legacy),
    );
    check(
        "preset_daily_weekly_monthly7_year_alias_arn_vault",
        &b.build(),
    );
}

#[test]
fn preset_plan_name_vault() {
    let mut b = B::new();
    let main = b.named_vault("main", "main-vault");
    let p = b.preset_plan("Nightly", "daily_weekly_monthly5_year", Some(main));
    b.plan_props(p, Some("nightly"), false);
    check("preset_plan_name_vault", &b.build());
}

#[test]
fn preset_plan_properties() {
    let mut b = B::new();
    let p = b.preset_plan("Custom", "daily35", None);
    b.plan_props(p, Some("custom-daily"), true);
    b.rule(p, preset_rule("weekly"));
    check("preset_plan_properties", &b.build());
}

#[test]
fn preset_unnamed_custom_rule() {
    let mut b = B::new();
    let p = b.preset_plan("Daily35", "daily35", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 22 * * ? *"),
            delete_after_days: Some(7),
            ..rule("")
        },
    );
    check("preset_unnamed_custom_rule", &b.build());
}

// ----- rules ----------------------------------------------------------------

#[test]
fn rule_all_properties() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("30 3 15 * ? *"),
            schedule_timezone: Some("Europe/Paris".into()),
            start_window_minutes: Some(60),
            completion_window_minutes: Some(120),
            move_to_cold_storage_after_days: Some(30),
            delete_after_days: Some(120),
            recovery_point_tags: tags(&[("team", "data")]),
            copy_actions: Some(vec![copy(other, Some(365), None)]),
            index_actions: Some(vec![vec![IndexResourceType::Ebs]]),
            ..rule("Nightly")
        },
    );
    check("rule_all_properties", &b.build());
}

#[test]
fn rule_continuous_default_retention() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            continuous_backup: Some(true),
            delete_after_days: Some(35),
            ..rule("Pitr")
        },
    );
    check("rule_continuous_default_retention", &b.build());
}

#[test]
fn rule_continuous_false() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            continuous_backup: Some(false),
            delete_after_days: Some(7),
            ..rule("Snapshots")
        },
    );
    b.rule(
        p,
        Rule {
            continuous_backup: Some(true),
            delete_after_days: Some(1),
            ..rule("Pitr")
        },
    );
    check("rule_continuous_false", &b.build());
}

#[test]
fn rule_copy_actions_imported() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 1 * * ? *"),
            delete_after_days: Some(35),
            copy_actions: Some(vec![copy(other, Some(365), None)]),
            ..rule("Nightly")
        },
    );
    check("rule_copy_actions_imported", &b.build());
}

#[test]
fn rule_copy_actions_multiple() {
    let mut b = B::new();
    let dr = b.import_arn(
        "dr",
        "arn:aws:backup:us-west-2:210987654321:backup-vault:dr",
    );
    let audit = b.import("audit", "audit");
    let local = b.new_vault("local");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            delete_after_days: Some(120),
            move_to_cold_storage_after_days: Some(30),
            copy_actions: Some(vec![
                copy(dr, Some(120), Some(30)),
                copy(audit, None, Some(7)),
                copy(local, Some(60), None),
            ]),
            ..rule("")
        },
    );
    check("rule_copy_actions_multiple", &b.build());
}

#[test]
fn rule_copy_actions_new_vault() {
    let mut b = B::new();
    let replica = b.named_vault("replica", "replica");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 1 * * ? *"),
            delete_after_days: Some(35),
            copy_actions: Some(vec![copy(replica, None, None)]),
            ..rule("Nightly")
        },
    );
    check("rule_copy_actions_new_vault", &b.build());
}

#[test]
fn rule_cron_named_fields() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("45 23 L 1,4,7,10 ? 2026-2030"),
            delete_after_days: Some(730),
            ..rule("Quarterly")
        },
    );
    b.rule(
        p,
        Rule {
            schedule: cron("0 * * * ? *"),
            delete_after_days: Some(1),
            ..rule("Hourly")
        },
    );
    check("rule_cron_named_fields", &b.build());
}

#[test]
fn rule_cron_string() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 12 ? * MON *"),
            delete_after_days: Some(7),
            ..rule("Noon")
        },
    );
    b.rule(
        p,
        Rule {
            schedule: cron("30 3 15 * ? *"),
            ..rule("")
        },
    );
    check("rule_cron_string", &b.build());
}

#[test]
fn rule_cron_week_day() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 1 ? * MON-FRI *"),
            delete_after_days: Some(30),
            ..rule("Workdays")
        },
    );
    check("rule_cron_week_day", &b.build());
}

#[test]
fn rule_custom_vault() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let archive = b.named_vault("archive", "archive");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            vault: other,
            schedule: cron("0 4 * * ? *"),
            delete_after_days: Some(365),
            ..rule("Archive")
        },
    );
    b.rule(
        p,
        Rule {
            vault: archive,
            schedule: cron("0 5 * * ? *"),
            delete_after_days: Some(730),
            ..rule("")
        },
    );
    b.rule(
        p,
        Rule {
            schedule: cron("0 6 * * ? *"),
            delete_after_days: Some(7),
            ..rule("Local")
        },
    );
    check("rule_custom_vault", &b.build());
}

#[test]
fn rule_default_names() {
    let mut b = B::new();
    let p = b.plan("Ops", None);
    b.rule(p, preset_rule("daily"));
    b.rule(
        p,
        Rule {
            delete_after_days: Some(3),
            ..rule("")
        },
    );
    b.rule(
        p,
        Rule {
            delete_after_days: Some(4),
            ..rule("Named")
        },
    );
    b.rule(
        p,
        Rule {
            delete_after_days: Some(5),
            ..rule("")
        },
    );
    b.rule(p, preset_rule("weekly"));
    b.rule(
        p,
        Rule {
            delete_after_days: Some(6),
            ..rule("")
        },
    );
    check("rule_default_names", &b.build());
}

#[test]
fn rule_index_actions() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 6 * * ? *"),
            delete_after_days: Some(30),
            index_actions: Some(vec![
                vec![IndexResourceType::Ebs],
                vec![IndexResourceType::S3, IndexResourceType::Ebs],
            ]),
            ..rule("Indexed")
        },
    );
    check("rule_index_actions", &b.build());
}

#[test]
fn rule_lifecycle() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 3 * * ? *"),
            move_to_cold_storage_after_days: Some(30),
            delete_after_days: Some(120),
            ..rule("Tiered")
        },
    );
    b.rule(
        p,
        Rule {
            schedule: cron("0 4 * * ? *"),
            move_to_cold_storage_after_days: Some(56),
            ..rule("ColdOnly")
        },
    );
    b.rule(
        p,
        Rule {
            delete_after_days: Some(7),
            ..rule("ExpireOnly")
        },
    );
    check("rule_lifecycle", &b.build());
}

#[test]
fn rule_preset_override() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            delete_after_days: Some(14),
            start_window_minutes: Some(60),
            ..preset_rule("daily")
        },
    );
    check("rule_preset_override", &b.build());
}

#[test]
fn rule_preset_override_copy() {
    let mut b = B::new();
    let dr = b.import_arn(
        "dr",
        "arn:aws:backup:us-west-2:210987654321:backup-vault:dr",
    );
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            copy_actions: Some(vec![copy(dr, Some(1825), Some(90))]),
            ..preset_rule("monthly5_year")
        },
    );
    check("rule_preset_override_copy", &b.build());
}

#[test]
fn rule_preset_override_plan_vault() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let offsite = b.import("offsite", "offsite");
    let p = b.plan("Plan", Some(main));
    b.rule(
        p,
        Rule {
            delete_after_days: Some(10),
            ..preset_rule("daily")
        },
    );
    b.rule(p, preset_in("monthly1_year", offsite));
    check("rule_preset_override_plan_vault", &b.build());
}

#[test]
fn rule_preset_override_schedule() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("15 2 ? * SUN *"),
            schedule_timezone: Some("America/New_York".into()),
            recovery_point_tags: tags(&[("kind", "weekly")]),
            completion_window_minutes: Some(240),
            ..preset_rule("weekly")
        },
    );
    check("rule_preset_override_schedule", &b.build());
}

#[test]
fn rule_preset_override_vault() {
    let mut b = B::new();
    let other = b.import("other", "otherVault");
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            move_to_cold_storage_after_days: Some(180),
            ..preset_in("monthly7_year", other)
        },
    );
    check("rule_preset_override_vault", &b.build());
}

#[test]
fn rule_presets_all() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    for r in [
        "daily",
        "weekly",
        "monthly1_year",
        "monthly5_year",
        "monthly7_year",
    ] {
        b.rule(p, preset_rule(r));
    }
    check("rule_presets_all", &b.build());
}

#[test]
fn rule_presets_vaults() {
    let mut b = B::new();
    let hot = b.new_vault("hot");
    let cold = b.named_vault("cold", "cold-storage");
    let shared = b.import("shared", "shared-vault");
    let legacy = b.import_arn(
        "legacy",
        "arn:aws:backup:us-east-1:123456789012:backup-vault:legacy",
    );
    let p = b.plan("Plan", None);
    b.rule(p, preset_in("daily", hot));
    b.rule(p, preset_in("weekly", hot));
    b.rule(p, preset_in("monthly1_year", shared));
    b.rule(p, preset_in("monthly5_year", cold));
    b.rule(p, preset_in("monthly7_year", legacy));
    check("rule_presets_vaults", &b.build());
}

#[test]
fn rule_recovery_point_tags() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            delete_after_days: Some(30),
            recovery_point_tags: tags(&[
                ("team", "data"),
                ("cost-center", "4200"),
                ("aws-backup:origin", "bkp"),
            ]),
            ..rule("Tagged")
        },
    );
    check("rule_recovery_point_tags", &b.build());
}

#[test]
fn rule_timezone() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("30 3 * * ? *"),
            schedule_timezone: Some("Europe/Paris".into()),
            delete_after_days: Some(35),
            ..rule("Paris")
        },
    );
    check("rule_timezone", &b.build());
}

#[test]
fn rule_windows() {
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.rule(
        p,
        Rule {
            schedule: cron("0 2 * * ? *"),
            start_window_minutes: Some(90),
            completion_window_minutes: Some(2880),
            delete_after_days: Some(14),
            ..rule("Windowed")
        },
    );
    check("rule_windows", &b.build());
}

// ----- selections -------------------------------------------------------------

/// `plan Plan = daily35 < select ... >` with the given selections.
fn daily35_with(case: &str, selections: Vec<Selection>) {
    let mut b = B::new();
    let p = b.preset_plan("Plan", "daily35", None);
    for s in selections {
        b.select(p, s);
    }
    check(case, &b.build());
}

#[test]
fn select_allow_restores() {
    daily35_with(
        "select_allow_restores",
        vec![Selection {
            tags: pairs(&[("stage", "prod")]),
            allow_restores: true,
            ..sel("Selection")
        }],
    );
}

#[test]
fn select_arn() {
    daily35_with(
        "select_arn",
        vec![Selection {
            resources: vec![
                arn("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0123456789abcdef0"),
                arn("arn:aws:s3:::my-bucket"),
                arn("arn:aws:ec2:*:*:volume/*"),
            ],
            ..sel("Volumes")
        }],
    );
}

#[test]
fn select_conditions() {
    daily35_with(
        "select_conditions",
        vec![Selection {
            resources: vec![arn("arn:aws:ec2:*:*:instance/*")],
            conditions: vec![
                cond(StringLike, "app", "web*"),
                cond(StringNotEquals, "backup", "false"),
            ],
            ..sel("Web")
        }],
    );
}

#[test]
fn select_conditions_all_kinds() {
    daily35_with(
        "select_conditions_all_kinds",
        vec![Selection {
            tags: pairs(&[("backup", "true")]),
            conditions: vec![
                cond(StringNotLike, "name", "tmp-*"),
                cond(StringEquals, "stage", "prod"),
                cond(StringLike, "app", "web*"),
                cond(StringEquals, "team", "core"),
                cond(StringNotEquals, "backup", "false"),
                cond(StringLike, "tier", "gold*"),
            ],
            ..sel("Filtered")
        }],
    );
}

#[test]
fn select_conditions_not_resources() {
    let mut b = B::new();
    let ops = b.import_role("ops", "arn:aws:iam::123456789012:role/ops");
    let p = b.preset_plan("Plan", "daily35", None);
    b.select(
        p,
        Selection {
            name: "sel".into(),
            resources: vec![dynamodb_table("myTableName")],
            tags: pairs(&[("stage", "prod")]),
            conditions: vec![
                cond(StringLike, "app", "web*"),
                cond(StringNotEquals, "backup", "false"),
            ],
            not_resources: vec![arn("arn:aws:ec2:*:*:volume/vol-scratch*")],
            role: Some(ops),
            allow_restores: true,
            ..sel("Selection")
        },
    );
    check("select_conditions_not_resources", &b.build());
}

#[test]
fn select_disable_default_policy() {
    daily35_with(
        "select_disable_default_policy",
        vec![
            Selection {
                tags: pairs(&[("stage", "prod")]),
                disable_default_backup_policy: true,
                ..sel("Bare")
            },
            Selection {
                tags: pairs(&[("stage", "dev")]),
                disable_default_backup_policy: true,
                allow_restores: true,
                ..sel("RestoreOnly")
            },
            Selection {
                tags: pairs(&[("stage", "test")]),
                ..sel("Explicit")
            },
        ],
    );
}

#[test]
fn select_dynamodb_table() {
    daily35_with(
        "select_dynamodb_table",
        vec![Selection {
            resources: vec![dynamodb_table("orders"), dynamodb_table("users")],
            ..sel("Tables")
        }],
    );
}

#[test]
fn select_ec2_instance() {
    daily35_with(
        "select_ec2_instance",
        vec![Selection {
            resources: vec![
                ec2_instance("i-0123456789abcdef0"),
                ec2_instance("i-0fedcba9876543210"),
            ],
            ..sel("Servers")
        }],
    );
}

#[test]
fn select_efs_file_system() {
    daily35_with(
        "select_efs_file_system",
        vec![Selection {
            resources: vec![efs_file_system("fs-0123456789abcdef0")],
            ..sel("Files")
        }],
    );
}

#[test]
fn select_every_constructor() {
    daily35_with(
        "select_every_constructor",
        vec![Selection {
            tags: pairs(&[("team", "core"), ("stage", "prod")]),
            resources: vec![
                ec2_instance("i-0123456789abcdef0"),
                efs_file_system("fs-0123456789abcdef0"),
                rds_instance("orders-db"),
                rds_cluster("aurora-main"),
                rds_serverless_cluster("aurora-serverless"),
                dynamodb_table("orders"),
                arn("arn:aws:s3:::my-bucket"),
            ],
            ..sel("All")
        }],
    );
}

#[test]
fn select_imported_role() {
    let mut b = B::new();
    let ops = b.import_role("ops", "arn:aws:iam::123456789012:role/ops");
    let p = b.preset_plan("Plan", "daily35", None);
    b.select(
        p,
        Selection {
            tags: pairs(&[("stage", "prod")]),
            role: Some(ops),
            allow_restores: true,
            ..sel("Selection")
        },
    );
    check("select_imported_role", &b.build());
}

#[test]
fn select_let_list() {
    let core = || {
        vec![
            dynamodb_table("orders"),
            ec2_instance("i-0123456789abcdef0"),
        ]
    };
    let mut extended = core();
    extended.extend([rds_instance("orders-db"), rds_cluster("aurora-main")]);
    daily35_with(
        "select_let_list",
        vec![
            Selection {
                resources: core(),
                ..sel("Core")
            },
            Selection {
                resources: extended,
                tags: pairs(&[("stage", "prod")]),
                ..sel("Extended")
            },
        ],
    );
}

#[test]
fn select_name() {
    daily35_with(
        "select_name",
        vec![Selection {
            name: "prod-resources".into(),
            tags: pairs(&[("stage", "prod")]),
            ..sel("Selection")
        }],
    );
}

#[test]
fn select_named_vault() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let p = b.preset_plan("Plan", "daily35", Some(main));
    b.select(
        p,
        Selection {
            tags: pairs(&[("stage", "prod")]),
            ..sel("Vault")
        },
    );
    check("select_named_vault", &b.build());
}

#[test]
fn select_new_role() {
    let mut b = B::new();
    let role = b.role("backup_role", "backup.amazonaws.com");
    let p = b.preset_plan("Plan", "daily35", None);
    b.select(
        p,
        Selection {
            resources: vec![dynamodb_table("orders")],
            role: Some(role),
            allow_restores: true,
            ..sel("Selection")
        },
    );
    check("select_new_role", &b.build());
}

#[test]
fn select_not_resources() {
    daily35_with(
        "select_not_resources",
        vec![Selection {
            resources: vec![
                arn("arn:aws:ec2:*:*:volume/*"),
                ec2_instance("i-0123456789abcdef0"),
            ],
            not_resources: vec![
                arn("arn:aws:ec2:*:*:volume/vol-scratch*"),
                dynamodb_table("scratch"),
                rds_cluster("scratch-cluster"),
            ],
            ..sel("AllButScratch")
        }],
    );
}

#[test]
fn select_rds_cluster() {
    daily35_with(
        "select_rds_cluster",
        vec![Selection {
            resources: vec![rds_cluster("aurora-main")],
            ..sel("Clusters")
        }],
    );
}

#[test]
fn select_rds_instance() {
    daily35_with(
        "select_rds_instance",
        vec![Selection {
            resources: vec![rds_instance("orders-db"), rds_instance("users-db")],
            ..sel("Databases")
        }],
    );
}

#[test]
fn select_rds_serverless_cluster() {
    daily35_with(
        "select_rds_serverless_cluster",
        vec![Selection {
            resources: vec![rds_serverless_cluster("aurora-serverless")],
            ..sel("Serverless")
        }],
    );
}

#[test]
fn select_role_policy_order() {
    let mut b = B::new();
    let role = b.role("backup_role", "backup.amazonaws.com");
    let p = b.preset_plan("Plan", "daily35", None);
    b.select(
        p,
        Selection {
            tags: pairs(&[("restore", "yes")]),
            role: Some(role),
            disable_default_backup_policy: true,
            allow_restores: true,
            ..sel("Restores")
        },
    );
    b.select(
        p,
        Selection {
            tags: pairs(&[("backup", "yes")]),
            role: Some(role),
            ..sel("Backups")
        },
    );
    check("select_role_policy_order", &b.build());
}

#[test]
fn select_shared_role() {
    let mut b = B::new();
    let role = b.role("backup_role", "backup.amazonaws.com");
    let daily = b.preset_plan("Daily", "daily35", None);
    b.select(
        daily,
        Selection {
            resources: vec![dynamodb_table("orders")],
            role: Some(role),
            ..sel("Tables")
        },
    );
    let monthly = b.preset_plan("Monthly", "daily_monthly1_year", None);
    b.select(
        monthly,
        Selection {
            resources: vec![dynamodb_table("orders")],
            role: Some(role),
            allow_restores: true,
            ..sel("Tables")
        },
    );
    check("select_shared_role", &b.build());
}

#[test]
fn select_tags_only() {
    daily35_with(
        "select_tags_only",
        vec![Selection {
            tags: pairs(&[("backup", "daily"), ("stage", "prod")]),
            ..sel("Tagged")
        }],
    );
}

// ----- stacks -----------------------------------------------------------------

#[test]
fn stack_env() {
    let mut b = B::new().stack("Backups", Some(("123456789012", "eu-west-1")));
    let other = b.import("other", "otherVault");
    let op = b.role("operator", "lambda.amazonaws.com");
    b.grant(op, &["backup:StartBackupJob"], other);
    let p = b.preset_plan("Plan", "daily35", None);
    b.rule(
        p,
        Rule {
            delete_after_days: Some(35),
            copy_actions: Some(vec![copy(other, None, None)]),
            ..rule("Copy")
        },
    );
    b.select(
        p,
        Selection {
            resources: vec![
                ec2_instance("i-0123456789abcdef0"),
                efs_file_system("fs-0123456789abcdef0"),
                rds_instance("orders-db"),
                rds_cluster("aurora-main"),
                rds_serverless_cluster("aurora-serverless"),
                dynamodb_table("orders"),
            ],
            ..sel("Selection")
        },
    );
    check("stack_env", &b.build());
}

#[test]
fn stack_env_import_arn() {
    let mut b = B::new().stack("Prod", Some(("111111111111", "us-east-1")));
    let local = b.new_vault("local");
    let dr = b.import_arn(
        "dr",
        "arn:aws:backup:us-west-2:222222222222:backup-vault:dr",
    );
    let copier = b.role("copier", "lambda.amazonaws.com");
    b.grant(copier, &["backup:CopyIntoBackupVault"], dr);
    let p = b.plan("Plan", Some(local));
    b.rule(
        p,
        Rule {
            copy_actions: Some(vec![copy(dr, Some(90), None)]),
            ..preset_rule("daily")
        },
    );
    check("stack_env_import_arn", &b.build());
}

#[test]
fn stack_imported_role_other_account() {
    let mut b = B::new().stack("Prod", Some(("111111111111", "eu-west-1")));
    let main = b.new_vault("main");
    let foreign = b.import_role("foreign", "arn:aws:iam::999999999999:role/auditor");
    let local = b.import_role("local", "arn:aws:iam::111111111111:role/operator");
    b.grant(foreign, &["backup:DescribeBackupVault"], main);
    b.grant(local, &["backup:DescribeBackupVault"], main);
    check("stack_imported_role_other_account", &b.build());
}

// ----- vaults -----------------------------------------------------------------

#[test]
fn vault_all_options() {
    let mut b = B::new();
    b.vault(
        "main",
        NewVault {
            name: Some("myVault".into()),
            encryption_key_arn: Some("arn:aws:kms:eu-west-1:123456789012:key/abcd".into()),
            notifications: Some(Notifications {
                topic_arn: "arn:aws:sns:eu-west-1:123456789012:backups".into(),
                events: strings(&["BACKUP_JOB_FAILED", "RESTORE_JOB_COMPLETED"]),
            }),
            removal_policy: RemovalPolicy::Destroy,
            block_recovery_point_deletion: true,
            lock: Some(Lock {
                min_retention_days: 7,
                max_retention_days: Some(3650),
                changeable_for_days: Some(3),
            }),
            access_policy: vec![deny_delete_unless_users(
                &["user1", "user2"],
                &["backup:DeleteRecoveryPoint"],
            )],
        },
    );
    check("vault_all_options", &b.build());
}

#[test]
fn vault_block_false() {
    let mut b = B::new();
    b.new_vault("Vault");
    check("vault_block_false", &b.build());
}

#[test]
fn vault_block_with_access_policy() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            block_recovery_point_deletion: true,
            access_policy: vec![
                PolicyStatement {
                    effect: Effect::Deny,
                    principals: vec![Principal::Any],
                    actions: strings(&[
                        "backup:DeleteBackupVault",
                        "backup:PutBackupVaultAccessPolicy",
                    ]),
                    resources: strings(&["*"]),
                    conditions: Vec::new(),
                },
                deny_delete_unless_users(
                    &["AIDAEXAMPLE1", "AIDAEXAMPLE2"],
                    &["backup:DeleteRecoveryPoint"],
                ),
            ],
            ..NewVault::default()
        },
    );
    check("vault_block_with_access_policy", &b.build());
}

#[test]
fn vault_default() {
    let mut b = B::new();
    b.new_vault("scratch");
    check("vault_default", &b.build());
}

#[test]
fn vault_encryption_key() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            encryption_key_arn: Some(
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                    .into(),
            ),
            ..NewVault::default()
        },
    );
    check("vault_encryption_key", &b.build());
}

#[test]
fn vault_generated_name_long() {
    let mut b = B::new();
    b.new_vault("ThisIsAVeryLongVaultIdentifierForTheProductionDatabases");
    b.preset_plan(
        "ThisIsAVeryLongBackupPlanIdentifierForProduction",
        "daily35",
        None,
    );
    check("vault_generated_name_long", &b.build());
}

#[test]
fn vault_id_underscores() {
    let mut b = B::new();
    let v = b.new_vault("my_backup_vault");
    let p = b.preset_plan("nightly_plan", "daily35", Some(v));
    b.select(
        p,
        Selection {
            resources: vec![dynamodb_table("orders")],
            ..sel("prod_tables")
        },
    );
    check("vault_id_underscores", &b.build());
}

#[test]
fn vault_import_arn_plan() {
    let mut b = B::new();
    let legacy = b.import_arn(
        "legacy",
        "arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy-vault",
    );
    let p = b.plan("Plan", Some(legacy));
    b.rule(p, preset_rule("daily"));
    b.rule(
        p,
        Rule {
            schedule: cron("0 5 1 * ? *"),
            delete_after_days: Some(400),
            ..rule("Monthly")
        },
    );
    check("vault_import_arn_plan", &b.build());
}

#[test]
fn vault_lock_bounds() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            lock: Some(Lock {
                min_retention_days: 1,
                max_retention_days: Some(36500),
                changeable_for_days: Some(3),
            }),
            ..NewVault::default()
        },
    );
    check("vault_lock_bounds", &b.build());
}

#[test]
fn vault_lock_configuration() {
    let mut b = B::new();
    b.vault(
        "Locked",
        NewVault {
            lock: Some(Lock {
                min_retention_days: 7,
                max_retention_days: Some(3650),
                changeable_for_days: Some(3),
            }),
            ..NewVault::default()
        },
    );
    b.vault(
        "Minimal",
        NewVault {
            lock: Some(Lock {
                min_retention_days: 2,
                max_retention_days: None,
                changeable_for_days: None,
            }),
            ..NewVault::default()
        },
    );
    check("vault_lock_configuration", &b.build());
}

#[test]
fn vault_name() {
    let mut b = B::new();
    b.named_vault("Vault", "my-Vault_01");
    check("vault_name", &b.build());
}

#[test]
fn vault_name_bounds() {
    let mut b = B::new();
    b.named_vault("Short", "ab");
    b.named_vault("Long", "A-23456789_123456789-123456789_123456789-123456789");
    check("vault_name_bounds", &b.build());
}

fn topic_vault(case: &str, events: Vec<String>) {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            notifications: Some(Notifications {
                topic_arn: "arn:aws:sns:eu-west-1:123456789012:backups".into(),
                events,
            }),
            ..NewVault::default()
        },
    );
    check(case, &b.build());
}

#[test]
fn vault_notifications() {
    topic_vault("vault_notification_all_events", all_events());
    topic_vault(
        "vault_notification_events",
        strings(&[
            "RESTORE_JOB_COMPLETED",
            "BACKUP_JOB_FAILED",
            "COPY_JOB_FAILED",
            "S3_BACKUP_OBJECT_FAILED",
        ]),
    );
    topic_vault("vault_notification_topic", all_events());
}

#[test]
fn vault_removal_policies() {
    let mut b = B::new();
    b.vault(
        "Kept",
        NewVault {
            removal_policy: RemovalPolicy::Retain,
            ..NewVault::default()
        },
    );
    b.vault(
        "Dropped",
        NewVault {
            removal_policy: RemovalPolicy::Destroy,
            ..NewVault::default()
        },
    );
    b.vault(
        "KeptUnlessCreateFails",
        NewVault {
            removal_policy: RemovalPolicy::RetainOnUpdateOrDelete,
            ..NewVault::default()
        },
    );
    check("vault_removal_policies", &b.build());
}

/// `copy_actions = []`, `index_actions = []` and `recovery_point_tags = {}`
/// render as given: `[]` and `{}`.
#[test]
fn empty_values() {
    let mut b = B::new();
    let v = b.new_vault("Vault");
    let p = b.plan("Plan", Some(v));
    b.rule(
        p,
        Rule {
            delete_after_days: Some(5),
            copy_actions: Some(Vec::new()),
            index_actions: Some(Vec::new()),
            recovery_point_tags: Some(Vec::new()),
            ..rule("Bare")
        },
    );
    check("empty_values", &b.build());
}

#[test]
#[should_panic(expected = "template differs")]
fn check_notices_a_difference() {
    let mut b = B::new();
    b.named_vault("Vault", "not-the-generated-name");
    check("vault_block_false", &b.build());
}
