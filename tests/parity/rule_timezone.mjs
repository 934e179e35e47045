export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Paris',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '30', hour: '3' }),
    scheduleExpressionTimezone: cdk.TimeZone.EUROPE_PARIS,
    deleteAfter: cdk.Duration.days(35),
  }));
}
