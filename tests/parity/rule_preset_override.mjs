export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ...b.BackupPlanRule.daily().props,
    deleteAfter: cdk.Duration.days(14),
    startWindow: cdk.Duration.hours(1),
  }));
}
