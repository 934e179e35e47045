//! Generates large, realistic and valid bkp policies for the benchmarks.
//!
//! A policy is a run of *teams*, each with what a real file holds per team:
//! comments, `let`s with interpolated strings and duration arithmetic, a vault
//! with a lock configuration, a role with a grant, and a plan with a custom
//! rule (cron schedule, windows, lifecycle, tags) and a selection. Every team adds 5 CloudFormation resources (vault, role, its
//! default policy, plan, selection), so [`TEAM_RESOURCES`] tells how many
//! teams fit under CloudFormation's 500-resource limit.
//!
//! The text is deterministic: the same arguments give the same bytes.

use std::fmt::Write;

/// CloudFormation resources one team adds.
#[allow(dead_code)]
pub const TEAM_RESOURCES: usize = 5;

/// Lines one team takes (the first team also has a header comment).
#[allow(dead_code)]
pub const TEAM_LINES: usize = 36;

const SERVICES: [&str; 6] = ["orders", "billing", "search", "users", "audit", "ledger"];
const ZONES: [&str; 4] = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"];

/// A policy of `teams` teams (about 1.1 KB and [`TEAM_LINES`] lines each).
pub fn policy(teams: usize) -> String {
    let mut s = String::with_capacity(teams * 1100 + 200);
    s.push_str("# Generated backup policy: one vault, role, plan and selection per team.\n");
    s.push_str("let ops_account = \"123456789012\"\n\n");
    for i in 0..teams {
        team(&mut s, i);
    }
    s
}

/// A policy of about `bytes` bytes.
#[allow(dead_code)]
pub fn policy_of_size(bytes: usize) -> String {
    let per_team = policy(10).len() / 10;
    policy(bytes.div_ceil(per_team))
}

/// A policy of about `lines` lines.
#[allow(dead_code)]
pub fn policy_of_lines(lines: usize) -> String {
    policy(lines.div_ceil(TEAM_LINES))
}

fn team(s: &mut String, i: usize) {
    let service = SERVICES[i % SERVICES.len()];
    let zone = ZONES[i % ZONES.len()];
    let keep = 30 + i % 60;
    let hour = i % 24;
    let minute = (i * 7) % 60;
    // `write!` to a String cannot fail.
    let _ = write!(
        s,
        r#"# ---- team {i}: {service} ({zone}) ----
# Nightly backups, kept {keep} days plus a grace week, cold after a month.
let team_{i} = "{service}-{i}"
let keep_{i} = {keep}d + 7d
let tags_{i} = {{ team = team_{i}, cost_center = "cc-{i}", zone = "{zone}" }}

vault vault_{i} {{
  backup_vault_name = "vault-${{team_{i}}}"
  removal_policy = destroy
  lock_configuration = {{ min_retention = 7d, max_retention = 10y }}
}}

role role_{i} {{ assumed_by = service_principal("backup.amazonaws.com") }}
grant role_{i} ["backup:StartBackupJob", "backup:StopBackupJob"] on vault_{i}

plan Plan{i} -> vault vault_{i} <
  backup_plan_name = "${{team_{i}}}-nightly"
  # The custom rule: every schedule and lifecycle option.
  rule Nightly{i} {{
    schedule = cron(minute = "{minute}", hour = "{hour}")
    start_window = 1h
    completion_window = 3h
    move_to_cold_storage_after = 30d
    delete_after = keep_{i} + 120d
    recovery_point_tags = tags_{i}
  }}
  select Tables{i} {{
    resources = [
      dynamodb_table("${{team_{i}}}-main"),
      dynamodb_table("${{team_{i}}}-events"),
      rds_instance("{service}-db-{i}"),
    ]
    role = role_{i}
  }}
>

"#
    );
}
