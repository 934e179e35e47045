export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  // cold = 42 days, keep = 1855 days, start = 90 minutes, finish = 360 minutes
  const vault = new b.BackupVault(stack, 'Vault', {
    lockConfiguration: { minRetention: D.days(2), maxRetention: D.days(3710), changeableFor: D.days(4) },
  });
  const plan = new b.BackupPlan(stack, 'Plan', { backupVault: vault });
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Computed',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '1' }),
    startWindow: D.minutes(90),
    completionWindow: D.minutes(480),
    moveToColdStorageAfter: D.days(42),
    deleteAfter: D.days(1855),
  }));
}
