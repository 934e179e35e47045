export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ...b.BackupPlanRule.monthly1Year().props, deleteAfter: cdk.Duration.days(14) }));
}
