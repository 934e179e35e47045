// plan Plan < select Early { ... }, rule daily, select Late { ... } >
// The plan's own vault is created by the rule, after the first selection.
export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addSelection('Early', { resources: [b.BackupResource.fromTag('stage', 'prod')] });
  plan.addRule(b.BackupPlanRule.daily());
  plan.addSelection('Late', { resources: [b.BackupResource.fromTag('stage', 'dev')] });
}
