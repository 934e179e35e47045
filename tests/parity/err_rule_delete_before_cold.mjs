export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Short', moveToColdStorageAfter: D.days(30), deleteAfter: D.days(29) }));
}
