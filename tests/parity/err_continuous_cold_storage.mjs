export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Pitr', enableContinuousBackup: true, moveToColdStorageAfter: D.days(7), deleteAfter: D.days(30) }));
}
