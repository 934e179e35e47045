//! Walks the model in the order the CDK walks its construct tree and renders
//! each construct's CloudFormation resources.
//!
//! The tree order: top-level constructs in declaration order ([`Model::order`]),
//! a plan after the vaults and roles it uses;
//! under a plan its `Resource`, then its own vault and its selections in the
//! order they were added (the vault at the first rule that needs it); under a
//! selection its role before its `Resource`; under a role its `Resource`, then
//! its `DefaultPolicy` (an imported role has only its `Policy`).

use crate::MAX_RESOURCES;
use crate::iam::{self, Rendering, Statement};
use crate::ids::{generated_policy_name, generated_vault_name, resource_logical_id};
use crate::intrinsics::{arn, aws_managed_policy_arn, format_arn, get_att, reference};
use crate::json::{Json, Object, Str, obj};
use bkp_diagnostics::Span;
use bkp_model::{
    Construct, CopyAction, Env, Grant, Model, NewVault, Plan, RemovalPolicy, RoleId, RoleKind,
    Rule, Selection, VaultId, VaultKind,
};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::OnceLock;

/// One rendered resource, with the span of the declaration it comes from.
pub struct Rendered {
    pub logical_id: String,
    pub resource_type: &'static str,
    /// The resource's JSON; `None` past [`MAX_RESOURCES`], and for every
    /// resource of a model with more plans than that, where no template can
    /// be emitted and only ids, types and spans matter.
    pub body: Option<Box<Json>>,
    pub span: Span,
}

const BACKUP_POLICY: &str = "service-role/AWSBackupServiceRolePolicyForBackup";
const RESTORES_POLICY: &str = "service-role/AWSBackupServiceRolePolicyForRestores";

/// From this many top-level constructs on, [`resources`] renders them as
/// two halves on two threads.
const PARALLEL_MIN_CONSTRUCTS: usize = 2_000;

/// About how many resources a top-level construct renders: a plan renders a
/// few (itself, its selections and their roles); the lists are made this
/// much larger, to grow rarely.
const RESOURCES_PER_CONSTRUCT: usize = 4;

/// Renders every resource of the model in template order.
///
/// Many constructs (necessarily past [`MAX_RESOURCES`]) are rendered as two
/// halves on two threads: the second half as if the limit were already
/// reached, so ids only, and again in order when the first half turns out to
/// have fewer resources than the limit.
pub fn resources(model: &Model) -> Vec<Rendered> {
    render_resources(model, PARALLEL_MIN_CONSTRUCTS)
}

/// [`resources`], on two threads from `parallel_min` constructs on.
fn render_resources(model: &Model, parallel_min: usize) -> Vec<Rendered> {
    // Every plan is a resource: past the limit in plans alone, no template
    // can be written, and no resource gets a body.
    let before = if model.plans.len() > MAX_RESOURCES {
        MAX_RESOURCES
    } else {
        0
    };
    let constructs = model.vaults.len() + model.roles.len() + model.plans.len();
    let parallel = constructs >= parallel_min.max(2)
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let order = construct_order(model, &PlanDependencies::of(model, parallel));
    let renderer = Renderer::new(model, &order);
    if !parallel {
        return renderer.render(&order, Vec::new(), before, true);
    }
    let (first, second) = order.split_at(order.len() / 2);
    let (out, rest) = std::thread::scope(|s| {
        let rest = s.spawn(|| {
            renderer
                .fork()
                .render(second, Vec::new(), MAX_RESOURCES, true)
        });
        // Room for both halves, so that appending the second copies nothing
        // of the first.
        let room = Vec::with_capacity(order.len() * RESOURCES_PER_CONSTRUCT);
        let out = renderer.fork().render(first, room, before, false);
        (out, rest.join())
    });
    match rest {
        Ok(mut rest) if out.len() >= MAX_RESOURCES => {
            let mut out = out;
            out.append(&mut rest);
            out
        }
        Ok(_) => renderer.render(second, out, before, true),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The top-level constructs in the order a CDK app creates them: declaration
/// order ([`Model::order`], then any construct it leaves out, by kind and
/// index), except that a plan comes after the vaults and roles it uses, since
/// an app must create those before passing them to the plan. Declaration
/// order is kept wherever it is a possible creation order. Vaults a plan
/// creates are rendered under their plan, not here.
fn construct_order(model: &Model, deps: &PlanDependencies) -> Vec<Construct> {
    let all = (0..model.vaults.len())
        .map(|i| Construct::Vault(VaultId(i)))
        .chain((0..model.roles.len()).map(|i| Construct::Role(RoleId(i))))
        .chain((0..model.plans.len()).map(Construct::Plan));
    let mut order = Order {
        list: Vec::new(),
        vaults: vec![false; model.vaults.len()],
        roles: vec![false; model.roles.len()],
        plans: vec![false; model.plans.len()],
    };
    for c in model.order.iter().copied().chain(all) {
        if let Construct::Plan(p) = c
            && p < model.plans.len()
            && !order.plans[p]
        {
            for &dep in deps.of_plan(p) {
                order.add_top_level(model, dep);
            }
        }
        order.add_top_level(model, c);
    }
    order.list
}

/// The constructs placed so far, with a flag per construct for whether it is
/// among them (a linear search would make ordering quadratic).
struct Order {
    list: Vec<Construct>,
    vaults: Vec<bool>,
    roles: Vec<bool>,
    plans: Vec<bool>,
}

impl Order {
    fn add_top_level(&mut self, model: &Model, c: Construct) {
        let placed = match c {
            Construct::Vault(v) if model.vaults.get(v.0).is_some_and(|v| v.path.len() == 1) => {
                &mut self.vaults[v.0]
            }
            Construct::Role(r) if r.0 < model.roles.len() => &mut self.roles[r.0],
            Construct::Plan(p) if p < model.plans.len() => &mut self.plans[p],
            _ => return,
        };
        if !*placed {
            *placed = true;
            self.list.push(c);
        }
    }
}

/// The vaults and roles each plan uses, in the order its rules and
/// selections name them, in one list.
struct PlanDependencies {
    list: Vec<Construct>,
    /// Where each plan's dependencies end in `list`.
    ends: Vec<usize>,
}

impl PlanDependencies {
    /// Gathered on two threads with `parallel` (reading every rule of a
    /// large model is the slow part of ordering it).
    fn of(model: &Model, parallel: bool) -> PlanDependencies {
        if !parallel {
            return PlanDependencies::of_plans(model, &model.plans);
        }
        let (first, second) = model.plans.split_at(model.plans.len() / 2);
        let (mut deps, rest) = std::thread::scope(|scope| {
            let rest = scope.spawn(|| PlanDependencies::of_plans(model, second));
            (PlanDependencies::of_plans(model, first), rest.join())
        });
        let rest = rest.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let offset = deps.list.len();
        deps.list.extend(rest.list);
        deps.ends.extend(rest.ends.into_iter().map(|e| e + offset));
        deps
    }

    fn of_plans(model: &Model, plans: &[Plan]) -> PlanDependencies {
        let mut deps = PlanDependencies {
            list: Vec::with_capacity(plans.len() * 4),
            ends: Vec::with_capacity(plans.len()),
        };
        let own = |d: &Construct| match d {
            Construct::Vault(v) => model.vaults.get(v.0).is_some_and(|v| v.path.len() == 1),
            _ => true,
        };
        for plan in plans {
            for rule in &plan.rules {
                deps.list.extend(
                    std::iter::once(rule.vault)
                        .chain(rule.copy_actions.iter().flatten().map(|c| c.destination))
                        .map(Construct::Vault)
                        .filter(own),
                );
            }
            deps.list.extend(
                plan.selections
                    .iter()
                    .filter_map(|s| s.role)
                    .map(Construct::Role),
            );
            deps.ends.push(deps.list.len());
        }
        deps
    }

    fn of_plan(&self, plan: usize) -> &[Construct] {
        let start = plan.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.list[start..self.ends[plan]]
    }
}

struct Renderer<'m> {
    model: &'m Model,
    /// How many resources come before those of `out` in the template.
    before: usize,
    env: Option<&'m Env>,
    out: Vec<Rendered>,
    /// By role: the managed policies its selections add, plans in
    /// construct order.
    managed_policies: Vec<Vec<&'static str>>,
    /// By role: its grants, in source order.
    grants: Vec<Vec<&'m Grant>>,
    /// By plan id: the vault the plan creates itself (`PLAN/Vault`).
    own_vaults: HashMap<&'m str, VaultId>,
    /// By vault: the logical id of its resource, computed at its first use
    /// (every rule names its vault).
    vault_ids: Vec<OnceLock<String>>,
}

impl<'m> Renderer<'m> {
    /// Indexes the model once, so that rendering stays linear in its size.
    fn new(model: &'m Model, order: &[Construct]) -> Renderer<'m> {
        let mut managed_policies = vec![Vec::new(); model.roles.len()];
        for &c in order {
            if let Construct::Plan(p) = c {
                for sel in &model.plans[p].selections {
                    if let Some(role) = sel.role
                        && let Some(managed) = managed_policies.get_mut(role.0)
                    {
                        managed.extend(selection_policies(sel));
                    }
                }
            }
        }
        let mut grants = vec![Vec::new(); model.roles.len()];
        for g in &model.grants {
            if let Some(of_role) = grants.get_mut(g.role.0) {
                of_role.push(g);
            }
        }
        let mut own_vaults = HashMap::new();
        for (i, v) in model.vaults.iter().enumerate() {
            if let [plan, vault] = v.path.as_slice()
                && vault == "Vault"
            {
                own_vaults.entry(plan.as_str()).or_insert(VaultId(i));
            }
        }
        Renderer {
            model,
            before: 0,
            env: model.stack.env.as_ref(),
            out: Vec::new(),
            managed_policies,
            grants,
            own_vaults,
            vault_ids: vec![OnceLock::new(); model.vaults.len()],
        }
    }

    /// A renderer with the same indexes and nothing rendered yet.
    fn fork(&self) -> Renderer<'m> {
        Renderer {
            model: self.model,
            before: 0,
            env: self.env,
            out: Vec::new(),
            managed_policies: self.managed_policies.clone(),
            grants: self.grants.clone(),
            own_vaults: self.own_vaults.clone(),
            vault_ids: self.vault_ids.clone(),
        }
    }

    /// Renders `constructs` after the resources of `out` and `before` more;
    /// with `last`, also the vaults under a construct path no plan claims
    /// (not produced by the evaluator; rendered last rather than dropped).
    fn render(
        mut self,
        constructs: &[Construct],
        out: Vec<Rendered>,
        before: usize,
        last: bool,
    ) -> Vec<Rendered> {
        self.before = before;
        self.out = out;
        self.out.reserve(constructs.len() * RESOURCES_PER_CONSTRUCT);
        let model = self.model;
        for &c in constructs {
            match c {
                Construct::Vault(v) => self.vault(v, model.vault(v).span),
                Construct::Role(role) => self.role(role),
                Construct::Plan(p) => self.plan(p),
            }
        }
        if last {
            let plan_ids: HashSet<&str> = model.plans.iter().map(|p| p.id.as_str()).collect();
            for (i, v) in model.vaults.iter().enumerate() {
                let owned_by_plan = v.path.len() == 2
                    && v.path[1] == "Vault"
                    && plan_ids.contains(v.path[0].as_str());
                if v.path.len() > 1 && !owned_by_plan {
                    self.vault(VaultId(i), v.span);
                }
            }
        }
        self.out
    }

    /// Adds a resource; `body` builds its JSON (all but `Type`), and is only
    /// called while the template can still be emitted: past the resource
    /// limit a checked program costs only its logical ids.
    fn push(
        &mut self,
        path: &[&str],
        resource_type: &'static str,
        span: Span,
        body: impl FnOnce(&Self, &str) -> Object,
    ) -> String {
        let logical_id = resource_logical_id(path);
        let body = (self.before + self.out.len() < MAX_RESOURCES).then(|| {
            let mut resource = Object::with_capacity(4);
            resource.push("Type", resource_type);
            resource.append(body(self, &logical_id));
            Box::new(Json::Obj(resource))
        });
        self.out.push(Rendered {
            logical_id: logical_id.clone(),
            resource_type,
            body,
            span,
        });
        logical_id
    }

    // ----- vaults ----------------------------------------------------------

    fn vault(&mut self, id: VaultId, span: Span) {
        let vault = self.model.vault(id);
        let VaultKind::New(nv) = &vault.kind else {
            return;
        };
        let path: Vec<&str> = vault.path.iter().map(String::as_str).collect();
        self.push(&path, "AWS::Backup::BackupVault", span, |r, _| {
            r.vault_body(nv, &path)
        });
    }

    fn vault_body(&self, nv: &NewVault, path: &[&str]) -> Object {
        let mut props = Object::with_capacity(5);
        if let Some(policy) = access_policy(nv) {
            props.push("AccessPolicy", policy);
        }
        // `backupVaultName || uniqueVaultName()`: an empty name is generated too.
        let name = match &nv.name {
            Some(n) if !n.is_empty() => n.clone(),
            _ => generated_vault_name(&self.model.stack.name, path),
        };
        props.push("BackupVaultName", name);
        if let Some(key) = &nv.encryption_key_arn {
            props.push("EncryptionKeyArn", key.clone());
        }
        if let Some(lock) = &nv.lock {
            let mut l = Object::with_capacity(3);
            if let Some(d) = lock.changeable_for_days {
                l.push("ChangeableForDays", d);
            }
            if let Some(d) = lock.max_retention_days {
                l.push("MaxRetentionDays", d);
            }
            l.push("MinRetentionDays", lock.min_retention_days);
            props.push("LockConfiguration", l);
        }
        if let Some(n) = &nv.notifications {
            let events: Json = n.events.iter().map(|e| Json::from(e.clone())).collect();
            props.push(
                "Notifications",
                obj! { "BackupVaultEvents" => events, "SNSTopicArn" => n.topic_arn.clone() },
            );
        }
        let (update_replace, deletion) = match nv.removal_policy {
            RemovalPolicy::Retain => ("Retain", "Retain"),
            RemovalPolicy::Destroy => ("Delete", "Delete"),
            RemovalPolicy::RetainOnUpdateOrDelete => ("Retain", "RetainExceptOnCreate"),
        };
        let mut body = Object::with_capacity(3);
        body.push("Properties", props);
        body.push("UpdateReplacePolicy", update_replace);
        body.push("DeletionPolicy", deletion);
        body
    }

    /// The logical id of the resource of vault `id`.
    fn vault_logical_id(&self, id: VaultId) -> String {
        self.vault_ids[id.0]
            .get_or_init(|| resource_logical_id(&self.model.vault(id).path))
            .clone()
    }

    /// The vault's name as a rule's `TargetBackupVault`.
    fn vault_name(&self, id: VaultId) -> Json {
        let vault = self.model.vault(id);
        match &vault.kind {
            VaultKind::New(_) => get_att(self.vault_logical_id(id), "BackupVaultName"),
            VaultKind::ImportedName { name } | VaultKind::ImportedArn { name, .. } => {
                Json::from(name.clone())
            }
        }
    }

    /// The vault's ARN, for copy actions and grants.
    fn vault_arn(&self, id: VaultId) -> Json {
        let vault = self.model.vault(id);
        match &vault.kind {
            VaultKind::New(_) => get_att(self.vault_logical_id(id), "BackupVaultArn"),
            VaultKind::ImportedName { name } => {
                format_arn(self.env, "backup", "backup-vault", ':', name)
            }
            VaultKind::ImportedArn { arn, .. } => Json::from(arn.clone()),
        }
    }

    // ----- roles -----------------------------------------------------------

    fn role(&mut self, id: RoleId) {
        let role = self.model.role(id);
        let role_grants = &self.grants[id.0];
        let grants: Vec<Json> = role_grants
            .iter()
            .map(|g| {
                Statement {
                    actions: g.actions.iter().map(|a| Json::from(a.clone())).collect(),
                    effect: "Allow",
                    resources: vec![self.vault_arn(g.vault)],
                    ..Statement::default()
                }
                .render()
            })
            .collect();
        let grant_span = role_grants.first().map_or(role.span, |g| g.span);
        match &role.kind {
            RoleKind::New { assumed_by } => {
                let role_id = self.push(&[&role.id], "AWS::IAM::Role", role.span, |r, _| {
                    role_body(
                        std::slice::from_ref(assumed_by),
                        r.managed_policies[id.0].clone(),
                    )
                });
                if let Some(doc) = iam::document(grants, Rendering::Resolved) {
                    self.policy(
                        &[&role.id, "DefaultPolicy"],
                        doc,
                        reference(role_id),
                        grant_span,
                    );
                }
            }
            RoleKind::Imported { arn } => {
                if !self.imported_role_is_mutable(arn) {
                    return;
                }
                if let Some(doc) = iam::document(grants, Rendering::Resolved) {
                    let name = imported_role_name(arn);
                    self.policy(&[&role.id, "Policy"], doc, Json::from(name), grant_span);
                }
            }
        }
    }

    /// `Role.fromRoleArn` makes a role the stack may attach policies to when
    /// its account is the stack's or either is unknown; a role of another
    /// account is immutable and grants to it add nothing.
    fn imported_role_is_mutable(&self, role_arn: &str) -> bool {
        match self.env {
            None => true,
            Some(env) => role_arn
                .split(':')
                .nth(4)
                .is_some_and(|account| account == env.account),
        }
    }

    fn policy(&mut self, path: &[&str], document: Json, role: Json, span: Span) {
        self.push(path, "AWS::IAM::Policy", span, |_, logical_id| {
            properties(obj! {
                "PolicyDocument" => document,
                "PolicyName" => generated_policy_name(logical_id),
                "Roles" => vec![role],
            })
        });
    }

    // ----- plans -----------------------------------------------------------

    fn plan(&mut self, index: usize) {
        let plan = &self.model.plans[index];
        let plan_id = self.push(&[&plan.id], "AWS::Backup::BackupPlan", plan.span, |r, _| {
            r.plan_body(plan)
        });

        // The plan's own vault sits among the selections where the first
        // rule needing it was added.
        let own_vault = self.own_vaults.get(plan.id.as_str()).copied();
        let first_use = own_vault.and_then(|v| plan.rules.iter().find(|r| r.vault == v));
        let mut vault_pending = own_vault;
        for sel in &plan.selections {
            if let Some(v) = vault_pending
                && first_use.is_some_and(|r| r.span.start() <= sel.span.start())
            {
                self.vault(v, first_use.map_or(plan.span, |r| r.span));
                vault_pending = None;
            }
            self.selection(plan, sel, &plan_id);
        }
        if let Some(v) = vault_pending {
            self.vault(v, first_use.map_or(plan.span, |r| r.span));
        }
    }

    fn plan_body(&self, plan: &Plan) -> Object {
        let mut backup_plan = Object::with_capacity(3);
        if plan.windows_vss {
            backup_plan.push(
                "AdvancedBackupSettings",
                vec![obj! {
                    "BackupOptions" => obj! { "WindowsVSS" => "enabled" },
                    "ResourceType" => "EC2",
                }],
            );
        }
        // `backupPlanName || id`
        let name = if plan.name.is_empty() {
            &plan.id
        } else {
            &plan.name
        };
        backup_plan.push("BackupPlanName", name.clone());
        let rules: Json = plan.rules.iter().map(|r| self.rule(r)).collect();
        backup_plan.push("BackupPlanRule", rules);
        properties(obj! { "BackupPlan" => backup_plan })
    }

    fn rule(&self, rule: &Rule) -> Json {
        let mut r = Object::with_capacity(8);
        if let Some(m) = rule.completion_window_minutes {
            r.push("CompletionWindowMinutes", m);
        }
        if let Some(copies) = &rule.copy_actions {
            let copies: Json = copies.iter().map(|c| self.copy_action(c)).collect();
            r.push("CopyActions", copies);
        }
        if let Some(c) = rule.continuous_backup {
            r.push("EnableContinuousBackup", c);
        }
        if let Some(index_actions) = &rule.index_actions {
            let actions: Json = index_actions
                .iter()
                .map(|types| {
                    let types: Json = types.iter().map(|t| Json::from(t.aws_name())).collect();
                    obj! { "ResourceTypes" => types }
                })
                .collect();
            r.push("IndexActions", actions);
        }
        if let Some(l) = lifecycle(rule.delete_after_days, rule.move_to_cold_storage_after_days) {
            r.push("Lifecycle", l);
        }
        if let Some(recovery_point_tags) = &rule.recovery_point_tags {
            let tags: Object = recovery_point_tags
                .iter()
                .map(|(k, v)| (Str::from(k.clone()), Json::from(v.clone())))
                .collect();
            r.push("RecoveryPointTags", tags);
        }
        r.push("RuleName", rule.name.clone());
        if let Some(s) = &rule.schedule {
            r.push("ScheduleExpression", s.clone());
        }
        if let Some(tz) = &rule.schedule_timezone {
            r.push("ScheduleExpressionTimezone", tz.clone());
        }
        if let Some(m) = rule.start_window_minutes {
            r.push("StartWindowMinutes", m);
        }
        r.push("TargetBackupVault", self.vault_name(rule.vault));
        Json::Obj(r)
    }

    fn copy_action(&self, c: &CopyAction) -> Json {
        let mut m = Object::with_capacity(2);
        m.push("DestinationBackupVaultArn", self.vault_arn(c.destination));
        if let Some(l) = lifecycle(c.delete_after_days, c.move_to_cold_storage_after_days) {
            m.push("Lifecycle", l);
        }
        Json::Obj(m)
    }

    // ----- selections ------------------------------------------------------

    fn selection(&mut self, plan: &Plan, sel: &Selection, plan_logical_id: &str) {
        let role = match sel.role {
            None => {
                let path = [plan.id.as_str(), &sel.id, "Role"];
                let id = self.push(&path, "AWS::IAM::Role", sel.span, |_, _| {
                    let backup = iam::service_principal_name("backup.amazonaws.com");
                    let principal = bkp_model::Principal::Service(backup);
                    role_body(&[principal], selection_policies(sel))
                });
                SelectionRole::New(id)
            }
            Some(role) => SelectionRole::Existing(role),
        };
        self.push(
            &[&plan.id, &sel.id],
            "AWS::Backup::BackupSelection",
            sel.span,
            |r, _| r.selection_body(sel, &role, plan_logical_id),
        );
    }

    fn selection_body(
        &self,
        sel: &Selection,
        role: &SelectionRole,
        plan_logical_id: &str,
    ) -> Object {
        let role_arn = match role {
            SelectionRole::New(logical_id) => get_att(logical_id.clone(), "Arn"),
            SelectionRole::Existing(role) => {
                let role = self.model.role(*role);
                match &role.kind {
                    RoleKind::New { .. } => get_att(resource_logical_id(&[&role.id]), "Arn"),
                    RoleKind::Imported { arn } => Json::from(arn.clone()),
                }
            }
        };
        let mut s = Object::with_capacity(6);
        let conditions = conditions(sel);
        if !conditions.is_empty() {
            s.push("Conditions", conditions);
        }
        s.push("IamRoleArn", role_arn);
        if !sel.tags.is_empty() {
            let tags: Json = sel
                .tags
                .iter()
                .map(|(k, v)| {
                    obj! {
                        "ConditionKey" => k.clone(),
                        "ConditionType" => "STRINGEQUALS",
                        "ConditionValue" => v.clone(),
                    }
                })
                .collect();
            s.push("ListOfTags", tags);
        }
        if !sel.not_resources.is_empty() {
            let arns: Json = sel.not_resources.iter().map(|a| arn(self.env, a)).collect();
            s.push("NotResources", arns);
        }
        if !sel.resources.is_empty() {
            let arns: Json = sel.resources.iter().map(|a| arn(self.env, a)).collect();
            s.push("Resources", arns);
        }
        // `backupSelectionName || node.id`
        let name = if sel.name.is_empty() {
            &sel.id
        } else {
            &sel.name
        };
        s.push("SelectionName", name.clone());
        properties(obj! {
            "BackupPlanId" => get_att(plan_logical_id.to_string(), "BackupPlanId"),
            "BackupSelection" => s,
        })
    }
}

/// A resource body with just `Properties`.
fn properties(props: Json) -> Object {
    let mut body = Object::with_capacity(1);
    body.push("Properties", props);
    body
}

/// An IAM role assumed by `assumed_by` with the given managed policies
/// (duplicates dropped, first occurrence kept).
fn role_body(assumed_by: &[bkp_model::Principal], managed_policies: Vec<&'static str>) -> Object {
    let assume = Statement {
        actions: vec![Json::from("sts:AssumeRole")],
        effect: "Allow",
        principals: assumed_by.iter().map(iam::principal).collect(),
        ..Statement::default()
    };
    let mut props = Object::with_capacity(2);
    props.push(
        "AssumeRolePolicyDocument",
        iam::document(vec![assume.render()], Rendering::Resolved).expect("one statement"),
    );
    let mut arns: Vec<&str> = Vec::new();
    for p in managed_policies {
        if !arns.contains(&p) {
            arns.push(p);
        }
    }
    if !arns.is_empty() {
        let arns: Json = arns.into_iter().map(aws_managed_policy_arn).collect();
        props.push("ManagedPolicyArns", arns);
    }
    properties(Json::Obj(props))
}

/// The role a selection's resources are backed up with.
enum SelectionRole {
    /// The role made for the selection, by logical id.
    New(String),
    /// A role of the program.
    Existing(RoleId),
}

/// The managed policies a selection adds to its role, in the CDK's order.
fn selection_policies(sel: &Selection) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !sel.disable_default_backup_policy {
        out.push(BACKUP_POLICY);
    }
    if sel.allow_restores {
        out.push(RESTORES_POLICY);
    }
    out
}

/// `Conditions`: kinds in the order StringEquals, StringLike,
/// StringNotEquals, StringNotLike, source order within a kind, tag keys
/// prefixed `aws:ResourceTag/`.
fn conditions(sel: &Selection) -> Object {
    let mut kinds: Vec<_> = sel.conditions.iter().map(|c| c.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut out = Object::with_capacity(kinds.len());
    for kind in kinds {
        let entries: Json = sel
            .conditions
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                obj! {
                    "ConditionKey" => format!("aws:ResourceTag/{}", c.key),
                    "ConditionValue" => c.value.clone(),
                }
            })
            .collect();
        out.push(kind.aws_name(), entries);
    }
    out
}

fn lifecycle(delete_after: Option<u64>, cold_after: Option<u64>) -> Option<Json> {
    if delete_after.is_none() && cold_after.is_none() {
        return None;
    }
    let mut l = Object::with_capacity(2);
    if let Some(d) = delete_after {
        l.push("DeleteAfterDays", d);
    }
    if let Some(d) = cold_after {
        l.push("MoveToColdStorageAfterDays", d);
    }
    Some(Json::Obj(l))
}

/// The user's statements, then `block_recovery_point_deletion`'s deny. The
/// document is the vault's inline `toJSON()`: duplicates are kept.
fn access_policy(v: &NewVault) -> Option<Json> {
    let mut statements: Vec<Json> = v
        .access_policy
        .iter()
        .map(|s| {
            Statement {
                actions: s.actions.iter().map(|a| Json::from(a.clone())).collect(),
                conditions: s
                    .conditions
                    .iter()
                    .map(|(op, entries)| {
                        let entries: Object = entries
                            .iter()
                            .map(|(k, v)| (Str::from(k.clone()), iam::json_value(v)))
                            .collect();
                        (Str::from(op.clone()), Json::Obj(entries))
                    })
                    .collect(),
                effect: iam::effect(s.effect),
                principals: s.principals.iter().map(iam::principal).collect(),
                resources: s.resources.iter().map(|r| Json::from(r.clone())).collect(),
            }
            .render()
        })
        .collect();
    if v.block_recovery_point_deletion {
        statements.push(
            Statement {
                actions: vec![
                    Json::from("backup:DeleteRecoveryPoint"),
                    Json::from("backup:UpdateRecoveryPointLifecycle"),
                ],
                effect: "Deny",
                principals: vec![iam::principal(&bkp_model::Principal::Any)],
                resources: vec![Json::from("*")],
                ..Statement::default()
            }
            .render(),
        );
    }
    iam::document(statements, Rendering::Inline)
}

/// The role name of an imported role: the last `/`-separated part of the
/// ARN's resource name (`arn:aws:iam::1:role/team/ops` is `ops`).
fn imported_role_name(role_arn: &str) -> String {
    let resource = role_arn.splitn(6, ':').nth(5).unwrap_or(role_arn);
    resource.rsplit('/').next().unwrap_or(resource).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bkp_model::{Arn, Principal, Role, RoleKind, Stack, Vault};

    fn span(n: usize) -> Span {
        Span::new(n, n + 1)
    }

    /// A model of `imported` imported vaults (no resources) followed by
    /// `plans` plans, each with a rule in a new vault, a rule in a vault of
    /// its own with a copy action, and a selection with a new role that a
    /// grant gives access to a vault.
    fn model(imported: usize, plans: usize) -> Model {
        let mut m = Model {
            stack: Stack::default(),
            ..Model::default()
        };
        for i in 0..imported {
            m.vaults.push(Vault {
                path: vec![format!("I{i}")],
                span: span(i),
                kind: VaultKind::ImportedName {
                    name: format!("imported-{i}"),
                },
            });
            m.order.push(Construct::Vault(VaultId(i)));
        }
        for i in 0..plans {
            let at = imported + 10 * i;
            let shared = VaultId(m.vaults.len());
            m.vaults.push(Vault {
                path: vec![format!("V{i}")],
                span: span(at),
                kind: VaultKind::New(NewVault::default()),
            });
            let own = VaultId(m.vaults.len());
            m.vaults.push(Vault {
                path: vec![format!("P{i}"), "Vault".into()],
                span: span(at + 1),
                kind: VaultKind::New(NewVault::default()),
            });
            let role = RoleId(m.roles.len());
            m.roles.push(Role {
                id: format!("R{i}"),
                span: span(at + 2),
                kind: RoleKind::New {
                    assumed_by: Principal::Service("backup.amazonaws.com".into()),
                },
            });
            m.grants.push(Grant {
                role,
                actions: vec!["backup:DescribeBackupVault".into()],
                vault: shared,
                span: span(at + 3),
            });
            let rule = |name: &'static str, vault, copy_to: Option<VaultId>, at| Rule {
                name: name.into(),
                span: span(at),
                preset: None,
                vault,
                schedule: Some("cron(0 5 * * ? *)".into()),
                schedule_timezone: None,
                start_window_minutes: None,
                completion_window_minutes: None,
                delete_after_days: Some(35),
                move_to_cold_storage_after_days: None,
                recovery_point_tags: None,
                copy_actions: copy_to.map(|destination| {
                    vec![CopyAction {
                        destination,
                        delete_after_days: None,
                        move_to_cold_storage_after_days: None,
                    }]
                }),
                index_actions: None,
                continuous_backup: None,
            };
            m.plans.push(Plan {
                id: format!("P{i}"),
                span: span(at + 4),
                name: format!("P{i}"),
                windows_vss: false,
                rules: vec![
                    rule("Daily", shared, None, at + 5),
                    rule("Own", own, Some(shared), at + 6),
                ],
                selections: vec![Selection {
                    id: format!("S{i}"),
                    span: span(at + 7),
                    name: format!("S{i}"),
                    resources: vec![Arn::Literal(format!("arn:aws:s3:::b{i}"))],
                    tags: Vec::new(),
                    conditions: Vec::new(),
                    not_resources: Vec::new(),
                    role: Some(role),
                    allow_restores: i % 2 == 0,
                    disable_default_backup_policy: false,
                }],
            });
            m.order.push(Construct::Plan(i));
        }
        m
    }

    fn rendered(model: &Model, parallel_min: usize) -> Vec<String> {
        render_resources(model, parallel_min)
            .into_iter()
            .map(|r| {
                let body = r.body.map(|b| b.to_pretty());
                format!("{} {} {:?} {body:?}", r.logical_id, r.resource_type, r.span)
            })
            .collect()
    }

    #[test]
    fn two_threads_render_as_one_does() {
        // Past the limit in the first half; under it there (the second half
        // is rendered again); everything under the limit.
        // More plans than the limit: no bodies at all.
        for (imported, plans) in [
            (0, 300),
            (2 * MAX_RESOURCES, 40),
            (0, 2),
            (1, 1),
            (0, MAX_RESOURCES + 1),
        ] {
            let m = model(imported, plans);
            let one = rendered(&m, usize::MAX);
            assert_eq!(one, rendered(&m, 2), "{imported} imported, {plans} plans");
            let bodies = one.iter().filter(|r| !r.ends_with("None")).count();
            if plans > MAX_RESOURCES {
                assert_eq!(bodies, 0);
            } else {
                assert_eq!(bodies, one.len().min(MAX_RESOURCES));
            }
        }
    }

    #[test]
    fn imported_role_names() {
        assert_eq!(
            imported_role_name("arn:aws:iam::123456789012:role/team/ops"),
            "ops"
        );
        assert_eq!(
            imported_role_name("arn:aws:iam::123456789012:role/ops"),
            "ops"
        );
    }
}
