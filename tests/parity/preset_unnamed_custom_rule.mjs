export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = b.BackupPlan.daily35DayRetention(stack, 'Daily35');
  plan.addRule(new b.BackupPlanRule({
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '22' }),
    deleteAfter: cdk.Duration.days(7),
  }));
}
