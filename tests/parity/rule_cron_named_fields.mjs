export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Quarterly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '45', hour: '23', day: 'L', month: '1,4,7,10', year: '2026-2030' }),
    deleteAfter: cdk.Duration.days(730),
  }));
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Hourly',
    scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0' }),
    deleteAfter: cdk.Duration.days(1),
  }));
}
