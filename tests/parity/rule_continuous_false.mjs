export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan', { windowsVss: false });
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Snapshots', enableContinuousBackup: false, deleteAfter: cdk.Duration.days(7) }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Pitr', enableContinuousBackup: true, deleteAfter: cdk.Duration.days(1) }));
}
