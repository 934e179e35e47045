export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Pitr', enableContinuousBackup: true, deleteAfter: cdk.Duration.days(36) }));
}
