export default function (stack, cdk) {
  const b = cdk.aws_backup;
  const plan = new b.BackupPlan(stack, 'Plan');
  plan.addRule(new b.BackupPlanRule({
    ruleName: 'Noon',
    scheduleExpression: cdk.aws_events.Schedule.expression('cron(0 12 ? * MON *)'),
    deleteAfter: cdk.Duration.days(7),
  }));
  plan.addRule(new b.BackupPlanRule({
    scheduleExpression: cdk.aws_events.Schedule.expression('cron(30 3 15 * ? *)'),
  }));
}
