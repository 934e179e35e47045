//! Behaviour the parity corpus does not pin, checked against the backend's
//! own oracle cases in `tests/cdk` (each `NAME.mjs` synthesized to `NAME.json`
//! by the CDK oracle), and the resource limit.

mod common;

use bkp_model::*;
use common::*;

fn check(case: &str, model: &Model) {
    check_in(&own_cases_dir(), case, model);
}

#[test]
fn selection_before_vault() {
    // plan Plan < select Early {...}, rule daily, select Late {...} >
    let mut b = B::new();
    let p = b.plan("Plan", None);
    b.select(
        p,
        Selection {
            tags: pairs(&[("stage", "prod")]),
            ..sel("Early")
        },
    );
    b.rule(p, preset_rule("daily"));
    b.select(
        p,
        Selection {
            tags: pairs(&[("stage", "dev")]),
            ..sel("Late")
        },
    );
    check("selection_before_vault", &b.build());
}

#[test]
fn access_policy_principals() {
    let mut b = B::new();
    b.vault(
        "Vault",
        NewVault {
            access_policy: vec![
                PolicyStatement {
                    effect: Effect::Allow,
                    principals: vec![
                        Principal::Account("210987654321".into()),
                        Principal::Service("lambda".into()),
                        Principal::Arn("arn:aws:iam::210987654321:role/auditor".into()),
                        Principal::Account("210987654321".into()),
                        Principal::Any,
                    ],
                    actions: strings(&[
                        "backup:DescribeBackupVault",
                        "backup:DescribeBackupVault",
                        "backup:ListRecoveryPointsByBackupVault",
                    ]),
                    resources: strings(&["*", "*"]),
                    conditions: Vec::new(),
                },
                PolicyStatement {
                    effect: Effect::Deny,
                    principals: vec![Principal::Any],
                    actions: strings(&["backup:DeleteBackupVault"]),
                    resources: strings(&["*"]),
                    conditions: vec![
                        (
                            "Bool".into(),
                            vec![("aws:SecureTransport".into(), JsonValue::Bool(false))],
                        ),
                        (
                            "NumericLessThan".into(),
                            vec![("aws:MultiFactorAuthAge".into(), JsonValue::Int(3600))],
                        ),
                    ],
                },
            ],
            ..NewVault::default()
        },
    );
    check("access_policy_principals", &b.build());
}

#[test]
fn role_every_use() {
    let mut b = B::new();
    let main = b.new_vault("main");
    let legacy = b.import_arn(
        "legacy",
        "arn:aws:backup:eu-west-1:123456789012:backup-vault:legacy",
    );
    let worker = b.role_assumed_by("worker", Principal::Account("123456789012".into()));
    let p = b.plan("Plan", Some(main));
    b.rule(p, preset_rule("weekly"));
    b.select(
        p,
        Selection {
            tags: pairs(&[("a", "b")]),
            role: Some(worker),
            allow_restores: true,
            disable_default_backup_policy: true,
            ..sel("Restores")
        },
    );
    b.select(
        p,
        Selection {
            resources: vec![arn("arn:aws:s3:::bucket")],
            allow_restores: true,
            ..sel("Own")
        },
    );
    b.grant(worker, &["backup:StartBackupJob"], main);
    b.grant(
        worker,
        &["backup:StartRestoreJob", "backup:StartRestoreJob"],
        legacy,
    );
    b.grant(worker, &["backup:StartBackupJob"], main);
    let other = b.plan("Other", None);
    b.rule(other, preset_in("daily", main));
    b.select(
        other,
        Selection {
            tags: pairs(&[("c", "d")]),
            role: Some(worker),
            ..sel("Backups")
        },
    );
    check("role_every_use", &b.build());
}

#[test]
fn five_hundred_resources_are_fine() {
    let mut b = B::new();
    for i in 0..500 {
        b.new_vault(&format!("v{i}"));
    }
    let t = bkp_cfn::template(&b.build()).unwrap();
    match t.get("Resources") {
        Some(bkp_cfn::Json::Obj(resources)) => assert_eq!(resources.iter().count(), 500),
        other => panic!("{other:?}"),
    }
}

#[test]
fn more_than_five_hundred_resources_are_an_error() {
    // The CDK: "Number of resources in stack 'Stack': 501 is greater than
    // allowed maximum of 500: AWS::Backup::BackupPlan (250), AWS::Backup::BackupVault (251)".
    let cdk = expected_in(&own_cases_dir(), "many_resources_over");
    assert!(
        cdk["error"]
            .as_str()
            .unwrap()
            .contains("501 is greater than allowed maximum of 500")
    );
    let mut b = B::new();
    for i in 0..250 {
        b.preset_plan(&format!("p{i}"), "daily35", None);
    }
    let last = b.new_vault("last");
    let model = b.build();
    let diags = bkp_cfn::template(&model).unwrap_err();
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d.code, bkp_cfn::TOO_MANY_RESOURCES);
    assert!(d.is_error());
    assert!(d.message.contains("501"), "{}", d.message);
    assert_eq!(
        d.span,
        model.vault(last).span,
        "the vault that pushed the count over"
    );
    assert_eq!(
        d.notes,
        ["resources by type: AWS::Backup::BackupPlan (250), AWS::Backup::BackupVault (251)"]
    );
}

#[test]
fn the_span_is_the_rule_that_created_the_vault_over_the_limit() {
    let mut b = B::new();
    for i in 0..499 {
        b.new_vault(&format!("v{i}"));
    }
    let p = b.plan("Plan", None);
    b.rule(p, preset_rule("daily"));
    let model = b.build();
    let diags = bkp_cfn::template(&model).unwrap_err();
    // The plan is resource 500, the vault its rule creates is 501.
    assert_eq!(diags[0].span, model.plans[0].rules[0].span);
    assert!(diags[0].message.contains("501"));
}

#[test]
fn duplicate_logical_ids_are_an_error() {
    // `a_b` and `ab` hash differently, so only identical paths collide; the
    // evaluator rejects those, but the backend still refuses to merge them.
    let mut b = B::new();
    b.new_vault("twice");
    b.new_vault("twice");
    let diags = bkp_cfn::template(&b.build()).unwrap_err();
    assert_eq!(diags[0].code, bkp_cfn::DUPLICATE_LOGICAL_ID);
}

#[test]
fn empty_names() {
    let mut b = B::new();
    let v = b.named_vault("Vault", "");
    let p = b.plan("Plan", Some(v));
    b.plan_props(p, Some(""), false);
    // `ruleName ?? ...`: an empty rule name is kept (the evaluator's default
    // `<Plan>Rule<N>` applies only to a rule without a name).
    b.m.plans[p].rules.push(Rule {
        name: String::new().into(),
        vault: v,
        delete_after_days: Some(1),
        ..rule("")
    });
    b.select(
        p,
        Selection {
            tags: pairs(&[("a", "b")]),
            name: String::new(),
            ..sel("Sel")
        },
    );
    check("empty_names", &b.build());
}
