export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const cron = cdk.aws_events.Schedule.cron;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const archive = new b.BackupVault(stack, 'archive', { backupVaultName: 'archive' });
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Archive', backupVault: other, scheduleExpression: cron({ hour: '4', minute: '0' }), deleteAfter: D.days(365) }));
  plan.addRule(new b.BackupPlanRule({ backupVault: archive, scheduleExpression: cron({ hour: '5', minute: '0' }), deleteAfter: D.days(730) }));
  plan.addRule(new b.BackupPlanRule({ ruleName: 'Local', scheduleExpression: cron({ hour: '6', minute: '0' }), deleteAfter: D.days(7) }));
}
