export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Odd', deleteAfter: cdk.Duration.hours(36) }));
}
