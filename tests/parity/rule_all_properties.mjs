export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const D = cdk.Duration;
  const other = b.BackupVault.fromBackupVaultName(stack, 'other', 'otherVault');
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Nightly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '30', hour: '3', day: '15' }),
    scheduleExpressionTimezone: cdk.TimeZone.EUROPE_PARIS,
    startWindow: D.hours(1),
    completionWindow: D.hours(2),
    moveToColdStorageAfter: D.days(30),
    deleteAfter: D.days(120),
    recoveryPointTags: { team: 'data' },
    copyActions: [{ destinationBackupVault: other, deleteAfter: D.days(365) }],
    indexActions: [{ resourceTypes: [b.IndexActionResourceType.EBS] }],
  }));
}
