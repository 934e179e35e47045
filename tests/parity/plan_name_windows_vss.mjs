export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Servers', { backupPlanName: 'windows-servers', windowsVss: true });
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Nightly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '2' }),
    deleteAfter: cdk.Duration.days(14),
  }));
  plan.addSelection('Windows', { resources: [b.BackupResource.fromTag('os', 'windows')] });
}
