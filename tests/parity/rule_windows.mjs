export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Windowed',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '2' }),
    startWindow: cdk.Duration.minutes(90),
    completionWindow: cdk.Duration.days(2),
    deleteAfter: cdk.Duration.days(14),
  }));
}
