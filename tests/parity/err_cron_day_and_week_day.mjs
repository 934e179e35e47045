export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Both',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '5', day: '1', weekDay: 'MON' }),
    deleteAfter: cdk.Duration.days(7),
  }));
}
