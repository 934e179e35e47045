export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ...b.BackupPlanRule.weekly().props,
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '15', hour: '2', weekDay: 'SUN' }),
    scheduleExpressionTimezone: cdk.TimeZone.of('America/New_York'),
    recoveryPointTags: { kind: 'weekly' },
    completionWindow: cdk.Duration.hours(4),
  }));
}
