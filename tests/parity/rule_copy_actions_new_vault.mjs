export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const replica = new b.BackupVault(stack, 'replica', { backupVaultName: 'replica' });
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Nightly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '1' }),
    deleteAfter: cdk.Duration.days(35),
    copyActions: [{ destinationBackupVault: replica }],
  }));
}
