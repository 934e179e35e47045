export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Workdays',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0', hour: '1', weekDay: 'MON-FRI' }),
    deleteAfter: cdk.Duration.days(30),
  }));
}
